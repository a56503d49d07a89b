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
