"""One writer at a time: an advisory file lock beside the warehouse.

DuckDB admits one read-write process per file, so ``ledger run``, the Dagster
runs launched by the sensor and the schedule, and the publisher all take this
lock before they open the warehouse; a second writer waits instead of failing.
The same lock (``<home>/instance.lock``) makes processes that create a fresh Dagster
home's storages take turns (orchestration.jobs.instance).
"""
from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


@contextmanager
def writer_lock(warehouse: str | os.PathLike, timeout_s: float = 3600.0) -> Iterator[None]:
    """Hold the lock file ``<warehouse>.lock`` (flock) for the body; the file is removed on release,
    so no lock file stays behind a finished run. Removing it is safe because a holder only counts
    once the path still names the very file it locked: a waiter that won the lock on a file the
    previous holder already unlinked lets it go and tries again on the current one."""
    path = Path(str(warehouse) + ".lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout_s
    while True:
        fh = open(path, "a+")
        try:
            while True:
                try:
                    fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        fh.seek(0)
                        holder = fh.read().strip() or "unknown"
                        raise TimeoutError(f"another writer (pid {holder}) has held {path} for over {timeout_s:.0f} s")
                    time.sleep(0.2)
            try:
                current = os.stat(path).st_ino
            except FileNotFoundError:
                current = None
            if current == os.fstat(fh.fileno()).st_ino:
                break
        except BaseException:
            fh.close()
            raise
        fh.close()  # the file we locked was unlinked by its last holder: lock the current one
    try:
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))  # who holds it, for the message above; the lock is the flock
        fh.flush()
        yield
    finally:
        try:
            path.unlink()  # while still held: nobody can be holding the file we remove
        except FileNotFoundError:
            pass
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        fh.close()
