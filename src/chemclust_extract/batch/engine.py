"""Extract many files, in input order, each within a time budget: in this
process, or spread over worker processes.

A file over its budget becomes a ``timeout`` failure and the batch goes
on.  The budget is kept by an interval timer whose signal interrupts the
extraction wherever Python runs; a worker stuck where no signal reaches it
(inside a C library) is killed by the parent once the budget and a grace
period have passed, and replaced.  Workers ignore Ctrl-C (the parent
stops them) and exit when their parent dies, however it dies.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import FrameType
from typing import Any

from chemclust_extract.extract import extract_file
from chemclust_extract.model import Failure, Record
from chemclust_extract.options import Options
from chemclust_extract.paths import display_path

Result = Record | Failure

# How long past its budget a worker may stay silent before it is taken for
# stuck in C code and killed.
_GRACE_SECONDS = 5.0
# How often the parent looks at its workers when none has answered.
_POLL_SECONDS = 0.5
# How often a worker checks that its parent is still alive.
_PARENT_CHECK_SECONDS = 0.2
_MAX_CHUNK = 32
# How soon a time-out is told again if the first telling was swallowed.
_REPEAT_SECONDS = 0.05


class FileTimeout(BaseException):
    """Raised inside an extraction when its time budget is spent.  A
    ``BaseException``, so that no ``except Exception`` on the way swallows it."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`FileTimeout` in the block once ``seconds`` have passed.

    Only the main thread of a process receives signals: elsewhere, and
    without ``setitimer`` (Windows), the block runs without a budget."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable:
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        # Where Python swallows exceptions (a __del__, a gc callback) the
        # signal may land in one: ask again shortly until it is heard.
        signal.setitimer(signal.ITIMER_REAL, _REPEAT_SECONDS)
        raise FileTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract_within_budget(path: Path, options: Options) -> Result:
    """:func:`extract_file` stopped at ``options.file_timeout`` seconds.

    A fault of this tool's own (an exception no input should cause) fails
    the one file with code ``internal_error`` rather than the batch."""
    try:
        with time_budget(options.file_timeout):
            return extract_file(path, options)
    except FileTimeout:
        return timeout_failure(path, options.file_timeout)
    except Exception as error:  # a bug must not cost the other files
        message = (
            f"{type(error).__name__}: {error} - a fault of chemclust-extract, not of the file; "
            "please report it"
        )
        return Failure(display_path(path), "internal_error", message)


def timeout_failure(path: Path, seconds: float | None) -> Failure:
    message = f"took longer than the time budget of {seconds:g} s (--file-timeout); stopped"
    return Failure(display_path(path), "timeout", message)


def extract_stream(
    paths: Sequence[Path],
    options: Options,
    jobs: int = 1,
    prepare: Callable[[Result], Any] | None = None,
) -> Iterator[Any]:
    """Each file's record or failure, in the order of ``paths``; ``jobs`` > 1
    spreads the files over that many worker processes.  ``prepare`` (a
    module-level function) turns each result into what is wanted of it in
    the process that made it, so that a worker, not the parent, does that
    work too (the parent's failures for a hung or crashed worker are given
    as they are)."""
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            result = extract_within_budget(path, options)
            yield prepare(result) if prepare is not None else result
        return
    yield from _Pool(min(jobs, len(paths)), options, prepare).run(paths)


# A sheet in each format, so that the label tables, patterns, country and
# phone tables and the parsers are built once before workers are forked.
_WARM_UP = (
    ("warm-up.tsv", "Projekt\tX\nTrvání\t01/2010 – 12/2012\nCelkový rozpočet\t€ 1 000\n"
     "Partneři projektu\n1\tÚstí (CZ)\nKontaktní osoba\tJan Novák, Tel: +420 475 657 938\n"),
    ("warm-up.html", "<p><b>Projekt:</b> X</p><p><b>Laufzeit:</b> 1. Januar 2010 bis 2012</p>"),
    ("warm-up.txt", "Project: X\nDuration: January 2010 to March 2011\n"),
)  # fmt: skip


def warm_up(options: Options) -> None:
    """Build every table and cache a sheet needs, in this process."""
    from chemclust_extract.extract import ExtractionError, extract_bytes

    for name, text in _WARM_UP:
        with suppress(ExtractionError):  # the warm-up sheets give records
            extract_bytes(text.encode("utf-8"), name, options)


@dataclass
class _Worker:
    """A worker process, the files sent to it and not yet answered, and
    when it last answered."""

    process: BaseProcess
    conn: Connection
    todo: deque[tuple[int, Path]] = field(default_factory=deque)
    since: float = 0.0


class _Pool:
    """Worker processes fed chunks of files over a pipe each; answers are
    put back into input order before they are yielded, and the parent stops
    handing out work while too many answers wait for a slow file."""

    def __init__(
        self, jobs: int, options: Options, prepare: Callable[[Result], Any] | None = None
    ) -> None:
        self.jobs = jobs
        self.options = options
        self.prepare = prepare
        methods = multiprocessing.get_all_start_methods()
        # fork: workers start at once and share the parent's loaded tables.
        self.context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        budget = options.file_timeout
        self.deadline = budget + _GRACE_SECONDS if budget else None

    def run(self, paths: Sequence[Path]) -> Iterator[Any]:
        size = max(1, min(_MAX_CHUNK, len(paths) // (self.jobs * 8)))
        total = len(paths)
        # Chunks are made as they are handed out: a list of every file's
        # (index, path) would cost memory in proportion to the batch.
        starts = iter(range(0, total, size))
        chunks: deque[list[tuple[int, Path]]] = deque()

        def more() -> bool:
            start = next(starts, None)
            if start is not None:
                chunks.append([(i, paths[i]) for i in range(start, min(start + size, total))])
            return bool(chunks)
        most_waiting = self.jobs * size * 4
        answers: dict[int, Any] = {}
        if self.context.get_start_method() == "fork":
            warm_up(self.options)  # once, here: the workers inherit it
        workers = [self.start() for _ in range(self.jobs)]
        following = 0
        try:
            while following < total:
                for worker in workers:
                    if not worker.todo and len(answers) < most_waiting and (chunks or more()):
                        self.give(worker, chunks.popleft())
                self.collect(workers, answers, chunks)
                while following in answers:
                    yield answers.pop(following)
                    following += 1
        finally:
            for worker in workers:
                self.stop(worker)

    def collect(
        self,
        workers: list[_Worker],
        answers: dict[int, Any],
        chunks: deque[list[tuple[int, Path]]],
    ) -> None:
        """Take the answers that have come in; replace a worker that died
        or hung, answering its current file with a failure."""
        busy = [w for w in workers if w.todo]
        ready = wait([w.conn for w in busy], timeout=_POLL_SECONDS)
        now = time.monotonic()
        for i, worker in enumerate(workers):
            if not worker.todo:
                continue
            if worker.conn in ready:
                try:
                    while worker.todo and worker.conn.poll():
                        index, result = worker.conn.recv()
                        answers[index] = result
                        worker.todo.popleft()
                        worker.since = now
                    continue
                except (EOFError, OSError):
                    failure = self.crashed(worker)
            elif self.deadline is not None and now - worker.since > self.deadline:
                failure = timeout_failure(worker.todo[0][1], self.options.file_timeout)
            else:
                continue
            index, _ = worker.todo.popleft()
            answers[index] = failure
            if worker.todo:
                chunks.appendleft(list(worker.todo))
            self.stop(worker, at_once=True)
            workers[i] = self.start()

    def crashed(self, worker: _Worker) -> Failure:
        worker.process.join(1)
        code = worker.process.exitcode
        how = f"signal {-code}" if code is not None and code < 0 else f"exit status {code}"
        path = worker.todo[0][1]
        message = f"the process reading it ended unexpectedly ({how})"
        return Failure(display_path(path), "unreadable", message)

    def start(self) -> _Worker:
        ours, theirs = self.context.Pipe()
        process = self.context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(theirs, self.options, os.getpid(), self.prepare), daemon=True
        )
        # Ctrl-C stays blocked until the worker has set itself to ignore it.
        with _signals_blocked({signal.SIGINT}):
            process.start()
        theirs.close()
        return _Worker(process, ours)

    def give(self, worker: _Worker, chunk: list[tuple[int, Path]]) -> None:
        worker.todo.extend(chunk)
        worker.since = time.monotonic()
        worker.conn.send(chunk)

    def stop(self, worker: _Worker, at_once: bool = False) -> None:
        if not at_once and worker.process.is_alive():
            with suppress(OSError):
                worker.conn.send(None)
            worker.process.join(1)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()


def _serve(
    conn: Connection,
    options: Options,
    parent: int,
    prepare: Callable[[Result], Any] | None = None,
) -> None:
    """A worker: extract the files of each chunk received, answering file
    by file, until told to stop or the parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for index, path in chunk:
            result = extract_within_budget(path, options)
            conn.send((index, prepare(result) if prepare is not None else result))


def _watch_parent(parent: int) -> None:
    """End this worker when its parent is gone (its parent id changes when
    it is adopted); a worker must not outlive a killed batch."""
    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK_SECONDS)
    os._exit(1)


@contextmanager
def _signals_blocked(signals: set[signal.Signals]) -> Iterator[None]:
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
