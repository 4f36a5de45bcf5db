"""Each file is read in a child process, so that one file can neither stall nor sink a batch.

A child (`python -m pipeline.run.child`) loads spaCy and jieba once, then serves one file at
a time over a pipe. A file that takes longer than its time limit has its child killed and
becomes one error row (stage `timeout`); a child that dies while reading (a segfault in a C
library, the kernel's out-of-memory killer, a SIGKILL) becomes one error row (stage `crash`);
in both cases the next file gets a fresh child. Children are kept between calls, so a
process that runs several batches (tests, a notebook) pays for their start once.

Children are plain subprocesses, not multiprocessing workers: a Dask worker is a daemonic
process, which multiprocessing forbids to have children, and the same isolation runs there.
"""
from __future__ import annotations

import atexit
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.document import file_sha256
from pipeline.core.errors import JixiaoError
from pipeline.readers import DEFAULT_OPTIONS, ReadOptions
from pipeline.run.results import MAX_CHARS, FileResult, failed

# OCR reads a scanned page in about 6 s (BENCHMARKS.md): ten minutes is a 100-page scan.
FILE_TIMEOUT = 600.0
# Loading spaCy and jieba's dictionary; on a loaded machine it has taken half a minute.
START_TIMEOUT = 300.0
_HEADER = struct.Struct(">Q")


class FileTimeout(JixiaoError):
    """A file took longer than its time limit; its child was killed."""


class WorkerCrash(JixiaoError):
    """The child reading a file died."""


@dataclass(frozen=True)
class Work:
    """How every file of a run is read: reader options, the size guard, the time limit
    (None: no limit)."""

    options: ReadOptions = DEFAULT_OPTIONS
    max_chars: int = MAX_CHARS
    timeout: float | None = FILE_TIMEOUT


def send(stream, message) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def receive(stream):
    """The next message on a blocking stream, or None at its end."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    return pickle.loads(stream.read(_HEADER.unpack(header)[0]))


class Child:
    def __init__(self) -> None:
        self.env = dict(os.environ)
        env = dict(self.env)
        # The child imports this very code, wherever the parent found it: -P keeps `-m` from
        # putting the working folder first, where another checkout's pipeline/ may stand.
        root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
        self.proc = subprocess.Popen([sys.executable, "-P", "-m", "pipeline.run.child"], env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self._buffer = bytearray()
        self._started = time.monotonic()
        self._ready = False

    def ready(self) -> Child:
        """This child, once it has loaded everything (it says so); WorkerCrash if it does not."""
        if not self._ready:
            try:
                self._reply(self._started + START_TIMEOUT)
            except FileTimeout:
                self.kill()
                raise WorkerCrash(f"a worker process did not start within {START_TIMEOUT:g} s") from None
            self._ready = True
        return self

    def ask(self, request, timeout: float | None):
        """The child's reply to `request`; FileTimeout or WorkerCrash when there is none."""
        try:
            send(self.proc.stdin, request)
        except (BrokenPipeError, OSError):
            raise self._died() from None
        return self._reply(None if timeout is None else time.monotonic() + timeout)

    def _reply(self, deadline: float | None):
        size = None
        while True:
            if size is None and len(self._buffer) >= _HEADER.size:
                size = _HEADER.unpack(self._buffer[:_HEADER.size])[0]
            if size is not None and len(self._buffer) >= _HEADER.size + size:
                data = bytes(self._buffer[_HEADER.size:_HEADER.size + size])
                del self._buffer[:_HEADER.size + size]
                return pickle.loads(data)
            wait = None if deadline is None else deadline - time.monotonic()
            if wait is not None and wait <= 0:
                raise FileTimeout("timed out")
            ready, _, _ = select.select([self.proc.stdout], [], [], wait)
            if not ready:
                continue  # the deadline check above raises
            chunk = os.read(self.proc.stdout.fileno(), 1 << 20)
            if not chunk:
                raise self._died()
            self._buffer += chunk

    def _died(self) -> WorkerCrash:
        code = self.proc.wait()
        how = f"signal {-code} ({signal.Signals(-code).name})" if code < 0 else f"exit code {code}"
        return WorkerCrash(f"the worker process reading it died ({how})")

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass  # a pipe to a killed process may refuse its last flush; it is gone either way


class Children:
    """Idle children, taken by one call at a time (thread-safe). A child serves only calls made
    under the environment it was started in (PATH finds LibreOffice, TMPDIR a temp folder)."""

    def __init__(self) -> None:
        self._idle: list[Child] = []
        self._lock = threading.Lock()

    def run(self, path: Path | str, work: Work) -> list[FileResult]:
        """process_file(path) in a child, with the time limit of `work`."""
        child = self._take()
        try:
            reply = child.ask((os.getcwd(), str(path), work.options, work.max_chars), work.timeout)
        except FileTimeout:
            child.kill()
            stopped = FileTimeout(f"no result after {work.timeout:g} s (--file-timeout): stopped")
            return [failed(Path(path), "timeout", stopped, _sha(path))]
        except WorkerCrash as exc:
            child.kill()
            return [failed(Path(path), "crash", exc, _sha(path))]
        with self._lock:
            self._idle.append(child)
        kind, value = reply
        if kind == "error":  # process_file itself failed (out of memory in Python, a bug)
            return [failed(Path(path), "worker", RuntimeError(value), _sha(path))]
        return value

    def _take(self) -> Child:
        env = dict(os.environ)
        with self._lock:
            stale = [c for c in self._idle if c.env != env or c.proc.poll() is not None]
            self._idle = [c for c in self._idle if c not in stale]
            child = self._idle.pop() if self._idle else None
        for old in stale:
            old.kill()
        return (child or Child()).ready()

    def prestart(self) -> None:
        """Start a child now without waiting for it: it loads the extractors while this process
        imports what it needs itself, instead of after (a second of every short run)."""
        with self._lock:
            if not self._idle:
                self._idle.append(Child())

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for child in idle:
            child.kill()


def _sha(path: Path | str) -> str | None:
    path = Path(path)
    try:
        # Only a regular file: opening a named pipe that hung its child would hang us too.
        return file_sha256(path) if path.is_file() else None
    except OSError:
        return None


CHILDREN = Children()
atexit.register(CHILDREN.close)


def run_isolated(path: Path | str, work: Work) -> list[FileResult]:
    """The unit of work of every executor, local or on a Dask worker."""
    return CHILDREN.run(path, work)
