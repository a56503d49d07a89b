"""Issue 12, item 7: a `ledger run` killed with SIGKILL leaves no process behind.

Only the parent is killed (not its process group, as a crash or the OOM killer would): its
fork server, the workers and the resource tracker must end with it, within seconds."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import REPO
from tests.orchestration.helpers import write_articles
from tests.reliability.procs import descendants, wait_gone

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

N_FILES = 300


def _start(tmp_path, method: str) -> subprocess.Popen:
    inbox = tmp_path / "inbox"
    if not inbox.exists():
        write_articles(inbox, N_FILES)
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path / "home"), "LEDGER_WORKERS": "2",
           "LEDGER_START_METHOD": method}
    (tmp_path / "home").mkdir(exist_ok=True)
    return subprocess.Popen([sys.executable, "-m", "ledger.cli", "run", "--inbox", str(inbox),
                             "--warehouse", str(tmp_path / "w.duckdb"), "--quiet"], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def _pool_members(children, method: str) -> list:
    mark = "multiprocessing.forkserver" if method == "forkserver" else "multiprocessing.spawn"
    return [p for p in children if mark in p.cmdline]


def _kill_parent_and_count_survivors(proc: subprocess.Popen, ready) -> tuple[list, list]:
    """Wait until ``ready(children)``, SIGKILL the parent alone; (children then, survivors 5 s on)."""
    try:
        deadline = time.monotonic() + 120
        while not ready(children := descendants(proc.pid)):
            assert proc.poll() is None, "the run ended before its workers were seen"
            assert time.monotonic() < deadline, "no worker pool appeared"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        return children, wait_gone(children, timeout=5.0)
    finally:  # never leave them behind, whatever the outcome (the pool does not leave the group)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


@pytest.mark.parametrize("method", ["forkserver", "spawn"])
def test_kill_9_of_ledger_run_takes_its_workers_with_it(tmp_path, method):
    """Killed while its workers exist (forkserver: the server and two workers; spawn: two)."""
    proc = _start(tmp_path, method)
    need = 3 if method == "forkserver" else 2
    children, survivors = _kill_parent_and_count_survivors(proc, lambda kids: len(_pool_members(kids, method)) >= need)
    assert any("resource_tracker" in p.cmdline for p in children)
    assert survivors == [], "outlived the killed run:\n" + "\n".join(f"{p.pid} {p.cmdline[:120]}" for p in survivors)


def test_kill_9_while_the_fork_server_warms_up(tmp_path):
    """Killed the moment the fork server exists (it is still loading the gazetteer and jieba)."""
    proc = _start(tmp_path, "forkserver")
    children, survivors = _kill_parent_and_count_survivors(proc, lambda kids: _pool_members(kids, "forkserver"))
    assert survivors == [], "outlived the killed run:\n" + "\n".join(f"{p.pid} {p.cmdline[:120]}" for p in survivors)
