"""One writer at a time: an advisory file lock beside the warehouse.

DuckDB admits one read-write process per file, so ``ledger run``, the Dagster
runs launched by the sensor and the schedule, and the publisher all take this
lock before they open the warehouse; a second writer waits instead of failing.
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
    path = Path(str(warehouse) + ".lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as fh:
        deadline = time.monotonic() + timeout_s
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
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))  # who holds it, for the message above; the lock is the flock
        fh.flush()
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
