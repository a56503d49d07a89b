"""The fault-injection suite (issue 12): real `ledger run` processes on real DuckDB files, hurt
the way a machine and its users hurt them, each outcome compared with a clean run.

* kill -9 of `ledger run` (the parent alone, as the OOM killer or a crash would) while it parses,
  extracts facts, builds the marts and publishes (one warehouse, killed at each stage in turn);
  then a rerun: every table of the warehouse and of the published copy equals a clean run's (a hash per table over its sorted rows, run
  timestamps and bookkeeping sequence numbers left out), and no process of the killed run lives on;
* two `ledger run`s started together on one warehouse: both exit 0, one waits for the other,
  the result equals a clean run;
* an analyst holding the published copy open (read-only, another process) during a run: the
  run publishes, the analyst keeps reading the snapshot it opened.

Marked ``faults`` (``pytest -m faults`` runs only these); part of ``make test`` and CI. The
kills are timed from the run's own Dagster event log (the step has started, not finished); a
kill that lands too late is tried again with a shorter delay. No hook in the code under test."""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import REPO
from tests.orchestration.helpers import write_articles
from tests.reliability.procs import descendants, wait_gone

pytestmark = [pytest.mark.faults,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")]

N_FILES = 120
# small batches: parse and extraction commit in many steps, so a kill lands between commits too
ENV = {"LEDGER_WORKERS": "2", "LEDGER_PARSE_BATCH": "10", "LEDGER_EXTRACT_BATCH": "10"}
# run bookkeeping, not data: when and in which order things were built or logged
SKIP_TABLES = {"change_log"}
SKIP_COLUMNS = {"ingest_date", "built_seq", "version", "mode", "seq"}


def table_hashes(db: Path) -> dict[str, tuple[int, str]]:
    """{table: (rows, sha256 of its sorted rows)} without timestamps and bookkeeping columns
    (the folder the files live in is written as <root>: build_state names its outputs)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_catalog = current_database() ORDER BY 1").fetchall()]
        for table in tables:
            if table in SKIP_TABLES:
                continue
            cols = [c for c, t in con.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
                "AND table_catalog = current_database() ORDER BY ordinal_position", [table]).fetchall()
                    if not t.startswith("TIMESTAMP") and c not in SKIP_COLUMNS]
            rows = con.execute(f'SELECT {", ".join(f"{chr(34)}{c}{chr(34)}" for c in cols)} FROM "{table}"').fetchall()
            rows.sort(key=repr)
            text = repr(rows).replace(str(db.parent), "<root>")
            out[table] = (len(rows), hashlib.sha256(text.encode()).hexdigest()[:16])
        return out
    finally:
        con.close()


def state(warehouse: Path) -> dict[str, dict]:
    return {"warehouse": table_hashes(warehouse), "published": table_hashes(marts_of(warehouse))}


def marts_of(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.stem + ".marts.duckdb")


def start_run(inbox: Path, warehouse: Path, home: Path, **popen) -> subprocess.Popen:
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **ENV, "DAGSTER_HOME": str(home)}
    return subprocess.Popen([sys.executable, "-m", "ledger.cli", "run", "--inbox", str(inbox),
                             "--warehouse", str(warehouse), "--quiet"], cwd=REPO, env=env,
                            start_new_session=True, **({"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE} | popen))


def run(inbox: Path, warehouse: Path, home: Path) -> None:
    proc = start_run(inbox, warehouse, home)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode(errors="replace")


def run_logs(home: Path) -> set[Path]:
    return {db for db in (home / "history" / "runs").glob("*.db") if db.name != "index.db"}


def step_events(home: Path, skip: frozenset[Path] = frozenset()) -> list[tuple[str, str, str]]:
    """(event type, step, time) of every step start and success of the runs of this Dagster home
    (but those whose event logs are in ``skip``), read straight from the runs' SQLite event logs
    (a few ms; the instance API takes ~0.2 s, too slow to catch a step that lasts half a second)."""
    out = []
    for db in sorted(run_logs(home) - skip):
        try:
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
            try:
                out += con.execute("SELECT dagster_event_type, step_key, timestamp FROM event_logs WHERE "
                                   "dagster_event_type IN ('STEP_START', 'STEP_SUCCESS') ORDER BY id").fetchall()
            finally:
                con.close()
        except sqlite3.OperationalError:  # being created
            pass
    return out


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """The inbox and what a clean run makes of it."""
    tmp = tmp_path_factory.mktemp("faults-clean")
    inbox = tmp / "inbox"
    write_articles(inbox, N_FILES)
    warehouse = tmp / "w.duckdb"
    run(inbox, warehouse, tmp / "home")
    expected = state(warehouse)
    assert expected["warehouse"]["articles"][0] == N_FILES and expected["published"]["metric_facts"][0] > 0
    return inbox, expected, warehouse


def kill_during(inbox: Path, warehouse: Path, home: Path, step: str, delay: float) -> str:
    """Start a run, SIGKILL the parent alone ``delay`` s after ``step`` started. Returns
    "landed" (killed inside the step: started, not finished), "late" (killed in a later step)
    or "finished" (the run ended first). Asserts the killed run left no process behind."""
    earlier = frozenset(run_logs(home)) if home.exists() else frozenset()  # the runs killed before
    proc = start_run(inbox, warehouse, home, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while ("STEP_START", step) not in {(k, s) for k, s, _ in step_events(home, earlier)}:
            if proc.poll() is not None:
                return "finished"
            assert time.monotonic() < deadline, f"step {step} never started"
            time.sleep(0.02)
        time.sleep(delay)
        children = descendants(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        survivors = wait_gone(children, timeout=5.0)
        assert survivors == [], [p.cmdline[:100] for p in survivors]
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    if proc.returncode != -signal.SIGKILL:
        return "finished"
    return "late" if ("STEP_SUCCESS", step) in {(k, s) for k, s, _ in step_events(home, earlier)} else "landed"


def assert_consistent(warehouse: Path, expected: dict) -> None:
    """What a killed run leaves: the warehouse opens and shows nothing half-committed; the
    published copy, if there is one, is whole."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:  # articles only from files marked parsed with those very bytes; facts only from extracted files
        assert con.execute("""SELECT count(*) FROM articles a LEFT JOIN raw_files r ON r.file_name = a.source_file
            WHERE r.status IS DISTINCT FROM 'parsed' OR r.processed_sha IS DISTINCT FROM a.source_sha256""").fetchall() == [(0,)]
        assert con.execute("""SELECT count(*) FROM metric_facts f LEFT JOIN raw_files r ON r.file_name = f.source_file
            WHERE r.extracted_sha IS NULL""").fetchall() == [(0,)]
    finally:
        con.close()
    if marts_of(warehouse).exists():  # replaced atomically: never a half-written copy
        assert table_hashes(marts_of(warehouse)) == expected["published"]


# each stage and the delays tried after it started (a kill that comes too late is tried sooner)
STAGES = [("articles", (0.8, 0.2)),          # parsing, some batches of 10 committed
          ("facts", (0.6, 0.1)),             # extraction, some batches committed
          ("marts", (0.15, 0.0)),            # building the marts (one transaction)
          ("published_marts", (0.05, 0.0))]  # writing the published copy and the Parquet files


def test_kill_9_at_every_stage_then_rerun_equals_a_clean_run(tmp_path, clean):
    """One warehouse, killed in turn while parsing, extracting, building the marts and
    publishing (each run picks up what the killed one left); the run after that equals a clean
    run, table by table, in the warehouse and in the published copy. When a kill misses its stage
    (the run got past it), the sequence starts again on a fresh warehouse with shorter delays."""
    inbox, expected, _ = clean
    for attempt in range(2):
        root = tmp_path / f"try{attempt}"
        warehouse, home = root / "w.duckdb", root / "home"
        outcomes = []
        for step, delays in STAGES:
            outcome = kill_during(inbox, warehouse, home, step, delays[attempt])
            outcomes.append((step, outcome))
            if outcome != "landed":
                break
            assert_consistent(warehouse, expected)
        print(f"attempt {attempt}: {outcomes}")
        if all(o == "landed" for _, o in outcomes) and len(outcomes) == len(STAGES):
            break
    else:
        pytest.fail(f"kills missed their stage: {outcomes}")
    run(inbox, warehouse, home)
    assert state(warehouse) == expected


def test_two_concurrent_runs_on_one_warehouse(tmp_path, clean):
    inbox, expected, _ = clean
    warehouse, home = tmp_path / "w.duckdb", tmp_path / "home"
    home.mkdir()
    procs = [start_run(inbox, warehouse, home) for _ in range(2)]
    errs = [p.communicate(timeout=300)[1].decode(errors="replace") for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errs
    assert state(warehouse) == expected
    # one waited: the second run's inventory finished after the first had published
    events = step_events(home)
    inventoried = sorted(t for k, s, t in events if (k, s) == ("STEP_SUCCESS", "raw_files"))
    published = sorted(t for k, s, t in events if (k, s) == ("STEP_SUCCESS", "published_marts"))
    assert len(inventoried) == len(published) == 2
    assert published[0] < inventoried[1], f"the runs overlapped: {events}"


READER = textwrap.dedent("""
    import sys, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    count = lambda: con.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(count(), flush=True)
    sys.stdin.readline()           # the test runs ledger run meanwhile
    print(count(), flush=True)
    con.close()
""")


def test_an_analyst_holding_the_published_copy_during_a_run(tmp_path, clean):
    """Another process holds the published copy open read-only while a run with ten new files
    publishes: the run succeeds and replaces the copy, the reader keeps its snapshot."""
    src_inbox, _, src = clean
    inbox, warehouse = tmp_path / "inbox", tmp_path / "w.duckdb"
    shutil.copytree(src_inbox, inbox)
    shutil.copy2(src, warehouse)  # the clean run's warehouse and published copy, as they were
    shutil.copy2(marts_of(src), marts_of(warehouse))
    reader = subprocess.Popen([sys.executable, "-c", READER, str(marts_of(warehouse))], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == str(N_FILES)
        write_articles(inbox, 10, start=N_FILES)
        run(inbox, warehouse, tmp_path / "home")  # publishes while the reader holds the old copy open
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == str(N_FILES)  # its snapshot
        assert reader.wait(timeout=30) == 0
    finally:
        if reader.poll() is None:
            reader.kill()
    con = duckdb.connect(str(marts_of(warehouse)), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == N_FILES + 10  # the new copy
    con.close()
