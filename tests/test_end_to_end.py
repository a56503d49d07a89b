"""`ledger run` end to end: a real Dagster run over a real inbox into a real DuckDB file."""
from __future__ import annotations

import re
import shutil

import duckdb
import pytest

from ledger.cli import main
from tests.conftest import SAMPLES, copy_inbox

# FACTS.md section 5: the columns the scorer reads
CONTRACT = {
    "metric_facts": ["source_file", "region_code", "region_name", "metric", "period_start", "period_end",
                     "kind", "value", "unit", "yoy_pct", "cagr_pct", "rank", "rank_scope"],
    "rankings": ["source_file", "region_code", "region_name", "contest", "year", "bucket"],
}


def _run(inbox, tmp_path):
    warehouse = tmp_path / "w.duckdb"
    assert main(["run", "--inbox", str(inbox), "--warehouse", str(warehouse), "--quiet"]) == 0
    return warehouse


def _columns(con, table):
    return [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]


def _count(con, table):
    return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]


@pytest.fixture(scope="module")
def samples_warehouse(samples_run):
    assert len(list(samples_run["inbox"].iterdir())) >= 12
    return samples_run["warehouse"]


def test_samples_give_the_contract_relations_non_empty(samples_warehouse):
    con = duckdb.connect(str(samples_warehouse), read_only=True)
    for table, cols in CONTRACT.items():
        assert set(cols) <= set(_columns(con, table)), table
        assert _count(con, table) > 0, table
    assert _count(con, "articles") >= 12
    assert _count(con, "county_investment_league") > 0
    assert _count(con, "county_growth_league") > 0


def test_published_copy_holds_the_analyst_relations(samples_warehouse):
    marts = samples_warehouse.with_name("w.marts.duckdb")
    con = duckdb.connect(str(marts), read_only=True)
    tables = {r[0] for r in con.execute("SHOW TABLES").fetchall()}
    assert {"metric_facts", "rankings", "regions", "articles",
            "county_investment_league", "county_growth_league"} <= tables


def test_rerun_on_unchanged_inbox_changes_nothing(samples_warehouse, tmp_path):
    con = duckdb.connect(str(samples_warehouse), read_only=True)
    before = {t: _count(con, t) for t in ("articles", "metric_facts", "rankings")}
    con.close()
    inbox = copy_inbox(SAMPLES, tmp_path / "again")
    assert main(["run", "--inbox", str(inbox), "--warehouse", str(samples_warehouse), "--quiet"]) == 0
    con = duckdb.connect(str(samples_warehouse), read_only=True)
    assert {t: _count(con, t) for t in before} == before


def test_bad_files_are_quarantined_and_the_run_goes_on(tmp_path):
    inbox = copy_inbox(SAMPLES, tmp_path / "inbox")
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "binary.bin").write_bytes(bytes(range(256)) * 40)
    warehouse = _run(inbox, tmp_path)
    con = duckdb.connect(str(warehouse), read_only=True)
    reasons = dict(con.execute("SELECT file_name, reason FROM quarantined_files").fetchall())
    assert reasons.get("empty.txt") == "empty"
    assert "binary.bin" in reasons
    assert _count(con, "articles") >= 12


def test_seeds_end_to_end(seeds_dir, tmp_path):
    inbox = copy_inbox(seeds_dir, tmp_path / "seeds")
    warehouse = _run(inbox, tmp_path)
    con = duckdb.connect(str(warehouse), read_only=True)
    for table, cols in CONTRACT.items():
        assert set(cols) <= set(_columns(con, table)), table
    assert _count(con, "articles") >= 5
    assert _count(con, "metric_facts") > 0
    assert _count(con, "rankings") > 0


def test_ledger_run_says_where_outputs_go_and_names_quarantined_files_last(tmp_path, capsys):
    from ledger.cli import main

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy2(sorted(p for p in SAMPLES.glob("*") if p.suffix in (".md", ".txt", ".html"))[0], inbox)
    (inbox / "empty.txt").write_bytes(b"")
    out_dir = tmp_path / "x"
    assert main(["run", "--inbox", str(inbox), "--warehouse", str(out_dir / "wh.duckdb")]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    text = "\n".join(lines)
    # where every output went, since --warehouse puts them beside it
    assert f"published marts    {out_dir / 'wh.marts.duckdb'}" in text
    assert f"chart              {out_dir / 'out' / 'league.html'}" in text
    assert f"parquet            {out_dir / 'parquet'}" in text
    assert (out_dir / "out" / "league.html").exists()
    # the counts explain themselves
    assert re.search(r"files seen +2  \(files in the inbox now", text)
    assert re.search(r"articles +\d+  \(cut out of those files", text)
    assert lines[-1].startswith("1 file quarantined, not read: empty.txt (empty)")
    # no lock file stays behind a finished run
    assert not (out_dir / "wh.duckdb.lock").exists()
