"""The writer lock: a second process waits for the first, then proceeds; a timeout names the holder."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import pytest

from ledger.lock import writer_lock
from tests.conftest import REPO

HOLDER = textwrap.dedent("""
    import sys, time
    from ledger.lock import writer_lock
    with writer_lock(sys.argv[1]):
        print("held", flush=True)
        time.sleep(float(sys.argv[2]))
""")


def _hold(warehouse, seconds):
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(warehouse), str(seconds)], cwd=REPO,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_writer_waits_then_proceeds(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    proc = _hold(warehouse, 1.0)
    t0 = time.monotonic()
    with writer_lock(warehouse, timeout_s=30):
        waited = time.monotonic() - t0
    proc.wait(timeout=30)
    assert waited > 0.3  # it did wait for the holder


def test_a_timeout_names_the_holder(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    proc = _hold(warehouse, 5.0)
    try:
        with pytest.raises(TimeoutError, match=f"pid {proc.pid}"):
            with writer_lock(warehouse, timeout_s=0.3):
                pass
    finally:
        proc.kill()
        proc.wait()
    with writer_lock(warehouse, timeout_s=5):  # a killed holder's lock is gone with it
        assert (tmp_path / "w.duckdb.lock").read_text() == str(os.getpid())


def test_no_lock_file_stays_behind_a_released_lock(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    with writer_lock(warehouse, timeout_s=5):
        assert (tmp_path / "w.duckdb.lock").exists()
    assert not (tmp_path / "w.duckdb.lock").exists()


def test_writers_queued_on_a_removed_lock_file_still_take_turns(tmp_path):
    # three processes hold the lock one after another while a fourth waits: never two at once
    warehouse = tmp_path / "w.duckdb"
    log = tmp_path / "log"
    code = textwrap.dedent("""
        import os, sys, time
        from ledger.lock import writer_lock
        with writer_lock(sys.argv[1], timeout_s=60):
            with open(sys.argv[2], "a") as fh:
                fh.write("in %d\\n" % os.getpid()); fh.flush()
                time.sleep(0.3)
                fh.write("out %d\\n" % os.getpid()); fh.flush()
    """)
    procs = [subprocess.Popen([sys.executable, "-c", code, str(warehouse), str(log)], cwd=REPO) for _ in range(4)]
    for proc in procs:
        assert proc.wait(timeout=120) == 0
    lines = log.read_text().split()
    events = [(lines[i], lines[i + 1]) for i in range(0, len(lines), 2)]
    assert len(events) == 8
    for i in range(0, 8, 2):  # every "in" is followed by the same process's "out"
        assert events[i][0] == "in" and events[i + 1] == ("out", events[i][1])
    assert not (tmp_path / "w.duckdb.lock").exists()
