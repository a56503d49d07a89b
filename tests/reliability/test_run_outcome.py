"""`ledger run` reports what its own run did, and its exit code says whether the run finished;
failures name their cause in one line."""
from __future__ import annotations

import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import orchestration.jobs as jobs
from ledger.cli import main
from tests.orchestration.helpers import query, write_articles

HOLD = """
import duckdb, sys, time
con = duckdb.connect(sys.argv[1])
print("holding", flush=True)
time.sleep(120)
"""


@contextmanager
def held(warehouse: Path):
    """Another process (a plain DuckDB client, no writer lock) holds the warehouse file."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(warehouse)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "holding"
        yield proc.pid
    finally:
        proc.kill()
        proc.wait()


def test_the_summary_comes_from_the_run_not_from_reopening_the_warehouse(tmp_path, monkeypatch, capsys):
    inbox = tmp_path / "inbox"
    write_articles(inbox, 4)
    (inbox / "empty.txt").write_bytes(b"")
    warehouse = tmp_path / "w.duckdb"
    real = jobs.run_ingest
    holders = []

    def run_then_lose_the_warehouse(**kwargs):
        out = real(**kwargs)
        # the run finished; another process takes the file before `ledger run` prints
        cm = held(warehouse)
        holders.append(cm)
        cm.__enter__()
        return out

    monkeypatch.setattr(jobs, "run_ingest", run_then_lose_the_warehouse)
    try:
        code = main(["run", "--inbox", str(inbox), "--warehouse", str(warehouse)])
    finally:
        for cm in holders:
            cm.__exit__(None, None, None)
    out = capsys.readouterr().out
    assert code == 0
    assert "files seen         5" in out
    assert "articles           4" in out
    assert "files quarantined  1" in out
    facts = query(warehouse, "SELECT count(*) FROM metric_facts")[0][0]
    assert f"facts              {facts}" in out


def test_a_held_warehouse_is_named_with_the_holders_pid_in_one_line(tmp_path, capsys):
    inbox = tmp_path / "inbox"
    write_articles(inbox, 2)
    warehouse = tmp_path / "w.duckdb"
    with held(warehouse) as pid:
        t0 = time.monotonic()
        code = main(["run", "--inbox", str(inbox), "--warehouse", str(warehouse), "--quiet"])
    assert code == 1
    err_lines = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("ledger:")]
    assert len(err_lines) == 1, err_lines
    line = err_lines[0]
    assert str(warehouse) in line and f"PID {pid}" in line and "held by another process" in line, line
    assert time.monotonic() - t0 < 120
