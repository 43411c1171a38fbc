"""Forked workers: a function run in a child process, its results streamed back as it makes them.

orglint.importers.parallel reads a large chart's lists in pieces with them. A worker inherits
what this process holds when it starts (the chart's text), so only results travel, pickled,
through a pipe. Anything that goes wrong in a worker shows here as WorkerFailed, and the caller
then does that work itself.

Workers are started before the chart becomes a million Python objects, not after: objects
shared after a fork are copied page by page as each process touches them (reference counts are
writes), and running the rules in two processes that way took each half about as long as all
of them in one (measured at 1,000,000 people)."""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable, Generator, Iterable
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    import queue


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def can_fork() -> bool:
    return hasattr(os, "fork")


class WorkerFailed(Exception):
    """A worker did not deliver its work; the caller does that work itself."""


def start(work: Callable[[], Iterable[object]]) -> tuple[int, int]:
    """Fork a worker that sends each part ``work`` yields, pickled, as soon as it is made; (pid, pipe).

    A thread of the worker writes to the pipe, so that the worker works on while this process,
    busy with its own share, does not yet read what it sends.
    """
    # Here, not at the top: only large charts get this far.
    import pickle
    import queue
    import threading

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        os.close(read_end)
        try:
            with os.fdopen(write_end, "wb") as pipe:
                frames: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
                writer = threading.Thread(target=_write_frames, args=(pipe, frames))
                writer.start()
                try:
                    for part in work():
                        frames.put(pickle.dumps(("part", part), protocol=pickle.HIGHEST_PROTOCOL))
                    frames.put(pickle.dumps(("done", None)))
                except BaseException as error:
                    frames.put(pickle.dumps(("failed", f"{type(error).__name__}: {error}")))
                frames.put(None)
                writer.join()
        finally:
            os._exit(0)  # no atexit handlers, no flushing of the parent's buffers
    os.close(write_end)
    return pid, read_end


def _write_frames(pipe: IO[bytes], frames: queue.SimpleQueue[bytes | None]) -> None:
    """Write each frame with its length before it, until None; quietly stop if the reader is gone."""
    try:
        while (frame := frames.get()) is not None:
            pipe.write(len(frame).to_bytes(8, "little"))
            pipe.write(frame)
        pipe.flush()
    except OSError:
        pass  # this process gave up on the worker (see receive)


def receive(pid: int, read_end: int) -> Generator[object, None, None]:
    """The parts a worker sends, as they arrive; WorkerFailed when it fails in any way.

    Closing the generator early kills the worker; either way it is waited for.
    """
    import pickle

    finished = False
    try:
        with os.fdopen(read_end, "rb") as pipe:
            while True:
                header = pipe.read(8)
                payload = pipe.read(int.from_bytes(header, "little")) if len(header) == 8 else b""
                if not payload:
                    raise WorkerFailed("the worker ended without finishing")
                try:
                    status, value = pickle.loads(payload)
                except Exception as error:
                    raise WorkerFailed(f"unreadable result: {error}") from None
                if status == "done":
                    finished = True
                    return
                if status != "part":
                    raise WorkerFailed(str(value))
                yield value
    finally:
        if not finished:
            _kill(pid)
        os.waitpid(pid, 0)


def abandon(pid: int, read_end: int) -> None:
    """Stop a worker whose results are no longer wanted, and wait for it."""
    _kill(pid)
    with contextlib.suppress(OSError):
        os.close(read_end)
    os.waitpid(pid, 0)


def _kill(pid: int) -> None:
    with contextlib.suppress(OSError):  # already gone
        os.kill(pid, signal.SIGKILL)
