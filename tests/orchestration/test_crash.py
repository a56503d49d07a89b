"""Crash safety: `ledger run` killed with SIGKILL mid-way leaves a consistent warehouse, and
rerunning gives exactly the rows of a clean run."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import dagster as dg

from ledger.cli import main
from orchestration.jobs import ensure_dagster_home
from tests.conftest import REPO
from tests.orchestration.helpers import query, snapshot, write_articles

N_FILES = 200
SMALL_BATCHES = {"LEDGER_WORKERS": "1", "LEDGER_PARSE_BATCH": "10", "LEDGER_EXTRACT_BATCH": "10"}


def _progress(warehouse) -> tuple[int, int]:
    """(files parsed, files extracted) in a warehouse."""
    return query(warehouse, "SELECT count(*) FILTER (processed_sha = sha256), "
                            "count(*) FILTER (extracted_sha = sha256) FROM raw_files")[0]


def _assert_consistent(warehouse):
    # articles only from files marked parsed with those very bytes
    assert query(warehouse, """SELECT count(*) FROM articles a LEFT JOIN raw_files r ON r.file_name = a.source_file
        WHERE r.status IS DISTINCT FROM 'parsed' OR r.processed_sha IS DISTINCT FROM a.source_sha256""") == [(0,)]
    # facts only from files whose extraction committed (facts and state commit together)
    assert query(warehouse, """SELECT count(*) FROM metric_facts f LEFT JOIN raw_files r ON r.file_name = f.source_file
        WHERE r.extracted_sha IS NULL""") == [(0,)]


def _started_steps(home) -> set[str]:
    with dg.DagsterInstance.from_config(str(home)) as inst:
        runs = inst.get_runs(limit=1)
        if not runs:
            return set()
        return {e.step_key for e in inst.all_logs(runs[0].run_id, of_type=dg.DagsterEventType.STEP_START)}


def _kill_mid_run(inbox, warehouse, home, step: str, delay: float) -> None:
    env = {**os.environ, **SMALL_BATCHES, "DAGSTER_HOME": str(home)}
    proc = subprocess.Popen([sys.executable, "-m", "ledger.cli", "run", "--inbox", str(inbox),
                             "--warehouse", str(warehouse), "--quiet"], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        while step not in _started_steps(home):  # the run's own event log says where it is
            assert proc.poll() is None, "the run ended before the step started"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        time.sleep(delay)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)


def test_kill_9_mid_run_then_rerun_equals_a_clean_run(tmp_path, monkeypatch):
    for k, v in SMALL_BATCHES.items():
        monkeypatch.setenv(k, v)
    monkeypatch.setattr("ledger.ingest.PARSE_BATCH", 10)
    monkeypatch.setattr("ledger.ingest.EXTRACT_BATCH", 10)
    inbox = tmp_path / "inbox"
    write_articles(inbox, N_FILES)
    clean = tmp_path / "clean.duckdb"
    assert main(["run", "--inbox", str(inbox), "--warehouse", str(clean), "--quiet"]) == 0
    expected = snapshot(clean)
    assert len(expected["articles"]) == N_FILES

    partial = None
    for k, (step, delay) in enumerate((("facts", 0.3), ("articles", 0.3), ("facts", 0.05))):
        warehouse, home = tmp_path / f"killed{k}.duckdb", ensure_dagster_home(tmp_path / f"home{k}")
        _kill_mid_run(inbox, warehouse, home, step, delay)
        _assert_consistent(warehouse)  # the file opens, nothing half-committed is visible
        parsed, extracted = _progress(warehouse)
        monkeypatch.setenv("DAGSTER_HOME", str(home))
        assert main(["run", "--inbox", str(inbox), "--warehouse", str(warehouse), "--quiet"]) == 0
        assert snapshot(warehouse) == expected
        with dg.DagsterInstance.from_config(str(home)) as inst:  # the killed run no longer holds the pool
            statuses = sorted(r.status.value for r in inst.get_runs())
        assert statuses == ["FAILURE", "SUCCESS"]
        if 0 < parsed + extracted < 2 * N_FILES:
            partial = (parsed, extracted)
            break
    assert partial, "no kill landed mid-way"
    print(f"killed at attempt {k}: {partial[0]} of {N_FILES} files parsed, {partial[1]} extracted")
