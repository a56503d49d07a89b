"""Runs started together on a fresh Dagster home.

The first use of a home creates its SQLite storages (runs, event-log index, schedules) and
stamps their schema versions. Three processes doing that at once left a home whose version
table held two heads: every later run on it failed. ``orchestration.jobs.instance`` creates
the storages under a lock in the home, so creators take turns."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

OPEN = ("from orchestration.jobs import instance\n"
        "inst = instance()\n"
        "inst.get_runs(limit=1)\n"
        "inst.dispose()\n")


def _open_together(home: Path, n: int) -> list[subprocess.CompletedProcess]:
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    procs = [subprocess.Popen([sys.executable, "-c", OPEN], cwd=REPO, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(n)]
    return [(p, *p.communicate(timeout=300)) for p in procs]


def test_processes_opening_a_fresh_home_together_all_succeed_and_leave_it_usable(tmp_path):
    for attempt in range(3):  # unguarded, every attempt of three processes broke the home
        home = tmp_path / f"home{attempt}"
        for proc, _, err in _open_together(home, 3):
            assert proc.returncode == 0, err.decode(errors="replace")[-2000:]
        for db in home.rglob("*.db"):
            con = sqlite3.connect(db)
            try:
                heads = con.execute("SELECT count(*) FROM alembic_version").fetchone()[0]
            finally:
                con.close()
            assert heads == 1, f"{db} has {heads} schema heads"
        # and the home serves the next process
        (proc, _, err), = _open_together(home, 1)
        assert proc.returncode == 0, err.decode(errors="replace")[-2000:]
