"""Reading one large native chart on several cores.

libyaml parses about a million events a second on one core, and a 100,000-person
chart is nearly two million events. The ``people:`` list of a large chart is
cut into chunks at entry boundaries; forked workers parse the chunks while this
process parses the rest, and the entries come back pickled.

Correctness comes first: a cut is made only before a line holding exactly the
list's indentation and ``- ``, which in block YAML can only start a new entry
(block scalars and multi-line plain scalars inside an entry are indented
deeper). Each part keeps the file's line numbers: what is not its own is
replaced by blank lines. Anything unexpected — a parse problem in any part, an alias across
parts, a worker that fails — discards the parallel result and the file is read
again in one piece, so problems are reported exactly as a sequential read
would report them.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Callable

MIN_PARALLEL_BYTES = 4 << 20  # below this, forking costs more than it saves
MAX_WORKERS = 8
HEAD_SHARE = 0.95  # of an even share of the text, what this process parses itself (it also merges)

_PEOPLE_KEY = re.compile(r"^people:[ \t]*(?:#[^\n]*)?\n", re.MULTILINE)
_FIRST_ITEM = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\n)*( +)- ")
_NEXT_TOP_LEVEL_LINE = re.compile(r"\n[^ \t\r\n#]")


@dataclass
class Chunk:
    start: int  # offsets of the chunk in the file's text
    end: int
    first_line: int  # 1-based line of the file where the chunk starts

    def text_in(self, text: str) -> str:
        """The chunk after blank lines, so that libyaml reports the file's own line numbers.

        Built by the worker, from the text it shares with this process after the fork.
        """
        return "\n" * (self.first_line - 1) + text[self.start : self.end]


@dataclass
class Split:
    head: str  # the file with its chunks blanked out (line numbers kept): read by this process
    chunks: list[Chunk]


def worker_count() -> int:
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return min(cores, MAX_WORKERS)


def _people_key(text: str) -> re.Match | None:
    """The one top-level ``people:`` line (found with str.find, far faster than a regex scan)."""
    candidates = [0] if text.startswith("people:") else []
    at = text.find("\npeople:")
    while at >= 0 and len(candidates) < 3:
        candidates.append(at + 1)
        at = text.find("\npeople:", at + 1)
    matches = [match for match in (_PEOPLE_KEY.match(text, start) for start in candidates) if match]
    return matches[0] if len(matches) == 1 else None


def plan(text: str, parts: int) -> Split | None:
    """Where to cut the ``people:`` list of ``text`` into ``parts`` (this process keeps the first)."""
    if parts < 2 or len(text) < MIN_PARALLEL_BYTES or not hasattr(os, "fork"):
        return None
    found = _people_key(text)
    if found is None:
        return None
    section_start = found.end()
    first_item = _FIRST_ITEM.match(text, section_start)
    if first_item is None:
        return None
    boundary = "\n" + first_item.group(1) + "- "
    next_key = _NEXT_TOP_LEVEL_LINE.search(text, section_start - 1)
    section_end = next_key.start() + 1 if next_key else len(text)
    # This process also reads everything outside the list and merges the workers'
    # results, so it keeps a smaller share of the list than each worker gets.
    own_share = int(len(text) * HEAD_SHARE / parts) - (len(text) - (section_end - section_start))
    first_target = section_start + max(0, own_share)
    cuts: list[int] = []
    for part in range(parts - 1):
        target = first_target + (section_end - first_target) * part // (parts - 1)
        at = text.find(boundary, target, section_end)
        if at < 0:
            break
        if not cuts or at + 1 > cuts[-1]:
            cuts.append(at + 1)
    if not cuts:
        return None
    ends = cuts[1:] + [section_end]
    first_line = text.count("\n", 0, cuts[0]) + 1
    chunks = []
    for start, end in zip(cuts, ends):
        chunks.append(Chunk(start, end, first_line))
        first_line += text.count("\n", start, end)
    head = text[: cuts[0]] + "\n" * text.count("\n", cuts[0], section_end) + text[section_end:]
    return Split(head=head, chunks=chunks)


class WorkerFailed(Exception):
    """A worker did not deliver its part; the caller reads the file sequentially instead."""


def start(work: Callable[[], object]) -> tuple[int, int]:
    """Fork a worker that runs ``work`` and sends its pickled result back; (pid, pipe)."""
    import pickle  # here, not at the top: only charts of several megabytes get this far

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        os.close(read_end)
        try:
            payload = pickle.dumps(("ok", work()), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as error:  # noqa: BLE001 - reported to the parent, which falls back
            payload = pickle.dumps(("failed", f"{type(error).__name__}: {error}"))
        try:
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
        finally:
            os._exit(0)  # no atexit handlers, no flushing of the parent's buffers
    os.close(write_end)
    return pid, read_end


def finish(pid: int, read_end: int) -> object:
    """The worker's result; WorkerFailed when it failed in any way."""
    import pickle

    try:
        with os.fdopen(read_end, "rb") as pipe:
            payload = pipe.read()
    finally:
        os.waitpid(pid, 0)
    try:
        status, value = pickle.loads(payload)
    except Exception as error:  # noqa: BLE001 - a worker killed mid-write leaves a torn pickle
        raise WorkerFailed(f"unreadable result: {error}") from None
    if status != "ok":
        raise WorkerFailed(str(value))
    return value
