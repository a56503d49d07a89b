"""Processes seen through /proc (Linux): a process tree, and which of its members still live."""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Proc:
    pid: int
    ppid: int
    start: int      # clock ticks after boot: a pid reused by a new process has another start
    state: str
    cmdline: str


def _read(pid: int) -> Proc | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return Proc(pid, int(fields[1]), int(fields[19]), fields[0], cmdline.strip())


def table() -> dict[int, Proc]:
    out = {}
    for name in os.listdir("/proc"):
        if name.isdigit() and (p := _read(int(name))) is not None:
            out[p.pid] = p
    return out


def descendants(root: int) -> list[Proc]:
    procs = table()
    found, todo = [], [root]
    while todo:
        parent = todo.pop()
        for p in procs.values():
            if p.ppid == parent:
                found.append(p)
                todo.append(p.pid)
    return found


def living(procs: list[Proc]) -> list[Proc]:
    """Those of ``procs`` still running (a zombie has ended; the same pid with another start
    time is another process)."""
    out = []
    for p in procs:
        now = _read(p.pid)
        if now is not None and now.start == p.start and now.state not in ("Z", "X"):
            out.append(now)
    return out


def wait_gone(procs: list[Proc], timeout: float) -> list[Proc]:
    """Wait up to ``timeout`` seconds for every one of ``procs`` to end; those still alive."""
    deadline = time.monotonic() + timeout
    while (left := living(procs)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left
