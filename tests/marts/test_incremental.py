"""Incremental mart builds (ledger/marts.py) give exactly what full builds give.

A real warehouse over the samples is built in full, then the inbox changes (files added,
one changed, one deleted, a repost whose original disappears) and the marts are brought up
to date incrementally; every mart must then equal a from-scratch build of its SQL, row for
row (EXCEPT ALL both ways, so duplicates count)."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from ledger import ingest, marts
from ledger import warehouse as wh
from tests.conftest import REPO, SAMPLES

CORPUS = REPO / "tests" / "corpus" / "articles"


def _ingest(con: duckdb.DuckDBPyConnection, inbox: Path) -> None:
    ingest.load_regions(con)
    ingest.inventory(con, inbox)
    ingest.parse_pending(con, inbox)
    ingest.extract_pending(con)


def _build_all(con: duckdb.DuckDBPyConnection) -> dict[str, marts.Build]:
    return {name: marts.build_mart(con, name) for name in wh.mart_names()}


def _assert_equal_to_full(con: duckdb.DuckDBPyConnection) -> None:
    for name in wh.mart_names():
        sql = wh.sql_text(name).strip().rstrip(";")
        con.execute(f"CREATE OR REPLACE TEMP TABLE _full AS {sql}")
        extra = con.execute(f"SELECT count(*) FROM (SELECT * FROM {name} EXCEPT ALL SELECT * FROM _full)").fetchall()[0][0]
        missing = con.execute(f"SELECT count(*) FROM (SELECT * FROM _full EXCEPT ALL SELECT * FROM {name})").fetchall()[0][0]
        assert (extra, missing) == (0, 0), f"{name}: {extra} rows too many, {missing} rows missing after incremental builds"


@pytest.fixture()
def warehouse(tmp_path, monkeypatch):
    monkeypatch.setattr(marts, "FULL_FRACTION", 1.0)  # small data: always take the incremental path
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES, inbox)
    (inbox / "README.md").unlink(missing_ok=True)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    wh.ensure_schema(con)
    _ingest(con, inbox)
    first = _build_all(con)
    assert {b.mode for b in first.values()} == {"full"}
    yield con, inbox
    con.close()


def test_nothing_new_leaves_every_mart_unchanged(warehouse):
    con, inbox = warehouse
    _ingest(con, inbox)
    builds = _build_all(con)
    assert {b.mode for b in builds.values()} == {"unchanged"}
    _assert_equal_to_full(con)


def test_added_changed_and_deleted_files_rebuild_only_their_keys(warehouse):
    con, inbox = warehouse
    n_regions = con.execute("SELECT count(DISTINCT region_key) FROM region_metric_latest").fetchall()[0][0]
    # added: two articles of the project's own corpus
    for name in ("a01_ningjin_q1_stats.txt", "a02_weixian_h1.md"):
        shutil.copy(CORPUS / name, inbox / name)
    # changed: a sample with one more figure for another county
    changed = inbox / "linxi_2023h1.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n今年上半年，临西县固定资产投资完成38.6亿元，同比增长9.9%。\n",
                       encoding="utf-8")
    # deleted: the original of a repost (the repost becomes its own story)
    (inbox / "weixian_2023h1.md").unlink()
    _ingest(con, inbox)
    builds = _build_all(con)
    assert builds["region_metric_latest"].mode == "incremental"
    assert 0 < builds["region_metric_latest"].dirty_keys < n_regions
    assert builds["county_investment_league"].mode == "incremental"
    _assert_equal_to_full(con)
    # and again with nothing new: unchanged, still equal
    _ingest(con, inbox)
    assert {b.mode for b in _build_all(con).values()} == {"unchanged"}
    _assert_equal_to_full(con)


def test_everything_deleted_empties_the_marts(warehouse):
    con, inbox = warehouse
    for p in inbox.iterdir():
        p.unlink()
    _ingest(con, inbox)
    _build_all(con)
    _assert_equal_to_full(con)
    assert wh.row_count(con, "region_metric_latest") == 0


def test_changed_sql_or_reloaded_regions_rebuild_in_full(warehouse, monkeypatch):
    con, inbox = warehouse
    con.execute("UPDATE build_state SET sql_sha = 'old' WHERE name = 'region_metric_latest'")
    builds = _build_all(con)
    assert builds["region_metric_latest"].mode == "full"
    assert builds["region_metric_latest"].reason == "SQL changed"
    # the marts that read it cannot know which of its keys moved; the others keep theirs
    assert builds["county_growth_league"].mode == "full"
    assert builds["coverage"].mode == "unchanged"
    assert {b.mode for b in _build_all(con).values()} == {"unchanged"}  # one run rebuilds, not two
    con.execute("COMMENT ON TABLE regions IS 'stale'")
    _ingest(con, inbox)  # reloads the regions dimension
    assert {b.mode for b in _build_all(con).values()} == {"full"}
    _assert_equal_to_full(con)


def test_many_dirty_keys_fall_back_to_a_full_build(warehouse, monkeypatch):
    con, inbox = warehouse
    monkeypatch.setattr(marts, "FULL_FRACTION", 0.0)
    shutil.copy(CORPUS / "a01_ningjin_q1_stats.txt", inbox / "a01.txt")
    _ingest(con, inbox)
    build = marts.build_mart(con, "region_metric_latest")
    assert build.mode == "full" and "dirty" in build.reason
    _build_all(con)
    _assert_equal_to_full(con)


def test_the_log_is_purged_once_every_mart_covered_it(warehouse):
    con, inbox = warehouse
    marts.purge_log(con)
    assert con.execute("SELECT count(*) FROM change_log").fetchall()[0][0] == 1  # the newest entry stays
    before = marts.last_seq(con)
    shutil.copy(CORPUS / "a02_weixian_h1.md", inbox / "a02.md")
    _ingest(con, inbox)
    assert marts.last_seq(con) > before
    pending = con.execute("SELECT count(*) FROM change_log WHERE seq > ?", [before]).fetchall()[0][0]
    marts.build_mart(con, "region_metric_latest")
    marts.purge_log(con)  # the other marts have not seen the new entries yet: they stay
    assert con.execute("SELECT count(*) FROM change_log WHERE seq > ?", [before]).fetchall()[0][0] == pending
    builds = _build_all(con)
    assert builds["coverage"].mode == "incremental"
    assert marts.purge_log(con) == pending - 1
    _assert_equal_to_full(con)


def test_unknown_incremental_key_is_refused():
    with pytest.raises(ValueError):
        marts.incremental_key("-- incremental by: prefecture_name\nSELECT 1")
    assert marts.incremental_key("SELECT 1") is None
    assert marts.incremental_key(wh.sql_text("region_metric_latest")) == "region_key"


def test_derived_files_are_rebuilt_only_when_their_inputs_moved_or_the_file_is_gone(warehouse, tmp_path):
    con, _ = warehouse
    target = tmp_path / "out" / "page.html"
    builds = []

    def build():
        builds.append(1)
        target.parent.mkdir(exist_ok=True)
        target.write_text("page", encoding="utf-8")

    assert marts.refresh(con, target, "v1", build, "chart") is True
    assert marts.refresh(con, target, "v1", build, "chart") is False
    assert marts.refresh(con, target, "v2", build, "chart") is True   # an input moved
    target.unlink()
    assert marts.refresh(con, target, "v2", build, "chart") is True   # the file is gone
    assert len(builds) == 3
