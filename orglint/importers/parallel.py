"""Reading one large native chart in pieces, on several cores.

A large chart is mostly its long lists (``people:``, ``units:``,
``products:``). Each list is cut into chunks at entry boundaries; the chunks
are read by the plain-list reader (orglint.importers.plain_lists) or, when
one is written in a way that reader leaves alone, by libyaml; and on a
machine with several cores, forked workers read some chunks while this process
reads the rest and everything outside the lists (the "head").

Correctness comes first: a cut is made only before a line holding exactly the
list's indentation and ``- ``, which in block YAML can only start a new entry
(block scalars and multi-line plain scalars inside an entry are indented
deeper). That holds for a list written at column 0 under its key (PyYAML's
default style, ``people:`` then ``- id: a``) as for an indented one. Each part
keeps the file's line numbers: the head has blank lines where the chunks were,
and what is read from a chunk is placed at the lines it starts on. Anything unexpected (a parse problem in any part, an
alias across parts, a worker that fails) discards the result and the file is
read again in one piece, so problems are reported exactly as a sequential read
would report them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from orglint.forking import WorkerFailed, abandon, can_fork, cores, receive, start

T = TypeVar("T")

MIN_SPLIT_BYTES = 1 << 20  # below this, libyaml reads the file in one piece: cutting is not worth it
MIN_PARALLEL_BYTES = 4 << 20  # below this, forking costs more than it saves
CHUNK_BYTES = 1 << 20  # lists are cut into chunks of about this size
MAX_WORKERS = 8
# Of an even share of the reading, what this process takes itself: it also turns every worker's
# entries into objects as they arrive (on 1,000,000 people, 0.5 kept it waiting least of 0.4-0.6).
HEAD_SHARE = 0.5
MAX_TOP_LEVEL_LINES = 1000
SECTIONS = ("products", "units", "people")  # the lists that are cut, when written as block lists

_FIRST_ITEM = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\n)*( *)- ")
# A line at column 0 that is neither a comment nor an item of a list written at column 0 ("- id: a",
# PyYAML's default style): a top-level key. (Searching for "^" in multi-line mode is slower.)
_TOP_LEVEL_LINE = re.compile(r"\n((?:[^ \t\r\n#-]|-(?![ \t\r\n]))[^\n]*)")
_SECTION_LINE = re.compile(r":[ \t]*(?:#[^\n]*)?")  # what follows a section's key on its line


@dataclass
class Chunk:
    section: str  # "people", "units" or "products"
    start: int  # offsets of the chunk in the file's text
    end: int
    first_line: int  # 1-based line of the file where the chunk starts
    indent: int  # the list's items start with this many spaces and "- "
    line_count: int  # of line breaks in the chunk


@dataclass
class Split:
    head: str  # the file with its chunks blanked out (line numbers kept): read by this process
    chunks: list[Chunk]  # in file order


def worker_count() -> int:
    return min(cores(), MAX_WORKERS)


def _top_level_lines(text: str) -> list[tuple[int, str]] | None:
    """(offset, text) of each line that starts at column 0 with neither a comment nor a space.

    One regex scan of the file; a large chart has a handful of such lines (its keys).
    None when there are more than MAX_TOP_LEVEL_LINES.
    """
    first_end = text.find("\n")
    first = text[: first_end if first_end >= 0 else len(text)]
    lines = (
        [(0, first)]
        if first[:1] not in ("", " ", "\t", "\r", "#") and first[:2] not in ("- ", "-\t", "-\r") and first != "-"
        else []
    )
    for match in _TOP_LEVEL_LINE.finditer(text):
        if len(lines) == MAX_TOP_LEVEL_LINES:
            return None  # not an org chart's shape: no cutting (and no list of millions of lines)
        lines.append((match.start(1), match.group(1)))
    return lines


def _cut_section(text: str, section: str, start: int, end: int) -> list[Chunk]:
    """The chunks of the block list between ``start`` (just after ``section:``) and ``end``,
    or none when the section is not written as a block list."""
    first_item = _FIRST_ITEM.match(text, start, end)
    if first_item is None:
        return []
    indent = len(first_item.group(1))
    boundary = "\n" + first_item.group(1) + "- "
    cuts = [first_item.start(1)]
    while True:
        at = text.find(boundary, cuts[-1] + CHUNK_BYTES, end)
        if at < 0:
            break
        cuts.append(at + 1)
    first_line = text.count("\n", 0, cuts[0]) + 1
    chunks = []
    for chunk_start, chunk_end in zip(cuts, cuts[1:] + [end], strict=False):
        lines = text.count("\n", chunk_start, chunk_end)
        chunks.append(Chunk(section, chunk_start, chunk_end, first_line, indent, lines))
        first_line += lines
    return chunks


def plan(text: str) -> Split | None:
    """Where to cut the lists of ``text`` into chunks; None for a small chart or one with no list to cut."""
    if len(text) < MIN_SPLIT_BYTES:
        return None
    top_level = _top_level_lines(text)
    if top_level is None:
        return None
    keys = [line.partition(":")[0] for _offset, line in top_level]
    chunks: list[Chunk] = []
    for index, (offset, line) in enumerate(top_level):
        key = keys[index]
        # Only a key written once, alone on its line (the sequential read reports a repeated key).
        if key in SECTIONS and keys.count(key) == 1 and _SECTION_LINE.fullmatch(line, len(key)):
            end = top_level[index + 1][0] if index + 1 < len(top_level) else len(text)
            chunks += _cut_section(text, key, offset + len(line) + 1, end)
    if not chunks:
        return None
    pieces = []
    kept_from = 0
    for chunk in chunks:
        pieces.append(text[kept_from : chunk.start])
        pieces.append("\n" * chunk.line_count)
        kept_from = chunk.end
    pieces.append(text[kept_from:])
    return Split(head="".join(pieces), chunks=chunks)


def share_out(chunks: list[Chunk], processes: int) -> list[list[Chunk]]:
    """The chunks each process reads, in file order, this process's first; one group when
    forking is not worth it.

    This process also reads the head and builds every entry, so it keeps a
    smaller share of the chunks than each worker gets.
    """
    sizes = [chunk.end - chunk.start for chunk in chunks]
    total = sum(sizes)
    if processes < 2 or total < MIN_PARALLEL_BYTES or not can_fork():
        return [chunks]
    own = total / processes * HEAD_SHARE
    each = (total - own) / (processes - 1)
    groups: list[list[Chunk]] = [[] for _ in range(processes)]
    done = 0
    for chunk, size in zip(chunks, sizes, strict=False):
        groups[0 if done < own else min(processes - 1, 1 + int((done - own) // each))].append(chunk)
        done += size
    return [groups[0]] + [group for group in groups[1:] if group]


def read_in_pieces(
    chunks: list[Chunk],
    first: Callable[[], bool],
    read_here: Callable[[list[Chunk]], list[T] | None],
    read_in_worker: Callable[[list[Chunk]], Iterable[object]],
    unpack: Callable[[object], list[T] | None],
) -> list[T] | None:
    """Read ``chunks`` shared out between this process and forked workers, one result per chunk in
    file order; None on any trouble (the caller then reads the file in one piece).

    The workers start first, each on its share; meanwhile this process does ``first`` (the head)
    and reads its own share (``read_here``), the smaller one. A worker sends what it reads as it
    goes (``read_in_worker`` yields it), and this process turns each part into results
    (``unpack``) while the worker reads on: turning a million entries into objects is work only
    this process can do, so it takes a small share of the reading and starts on the workers'
    parts as soon as its own are done.
    """
    own_chunks, *worker_chunks = share_out(chunks, worker_count())
    workers = [start(functools.partial(read_in_worker, group)) for group in worker_chunks]
    try:
        results = read_here(own_chunks) if first() else None
    except BaseException:  # interrupted: the workers go too
        for pid, pipe in workers:
            abandon(pid, pipe)
        raise
    for pid, pipe in workers:  # each is collected, even after a failure: no worker is left behind
        parts = receive(pid, pipe)
        try:
            for part in parts:
                unpacked = unpack(part) if results is not None else None
                if unpacked is None or results is None:
                    results = None
                    break
                results.extend(unpacked)
        except WorkerFailed:
            results = None
        finally:
            parts.close()  # stops a worker whose parts are no longer wanted
    return results
