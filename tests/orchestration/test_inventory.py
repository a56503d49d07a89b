"""The inventory step: unchanged files are not read again; changed and deleted files are noticed."""
from __future__ import annotations

import os
from datetime import date, datetime
from zoneinfo import ZoneInfo

import duckdb

from ledger import ingest, inventory
from ledger import warehouse as wh
from tests.orchestration.helpers import article_text, bump_mtime, write_articles


def test_a_second_inventory_hashes_only_what_moved(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    files = write_articles(inbox, 5)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    wh.ensure_schema(con)
    first = ingest.inventory(con, inbox)
    assert len(first.new) == 5

    hashed = []
    real = inventory.sha256_file
    monkeypatch.setattr(inventory, "sha256_file", lambda p, *a: hashed.append(p.name) or real(p, *a))
    again = ingest.inventory(con, inbox)
    assert (again.new, again.changed, again.deleted, hashed) == ([], [], [], [])

    files[0].write_text(article_text(99), encoding="utf-8")
    bump_mtime(files[0], 5)
    bump_mtime(files[1], 5)  # touched, same bytes
    files[2].unlink()
    res = ingest.inventory(con, inbox)
    assert sorted(hashed) == sorted([files[0].name, files[1].name])
    assert res.changed == [files[0].name] and res.deleted == [files[2].name] and res.new == []
    con.close()


def _rows(con):
    return {r[0]: r[1:] for r in con.execute(
        "SELECT file_name, sha256, epoch_ns(mtime), last_seen, ingest_date, status FROM raw_files").fetchall()}


def test_only_rows_whose_file_moved_are_written(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    files = write_articles(inbox, 4)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    wh.ensure_schema(con)
    t1, t2, t3 = (datetime(2026, 3, d, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai")) for d in (1, 2, 3))
    ingest.inventory(con, inbox, at=t1)
    before = _rows(con)
    assert {r[2] for r in before.values()} == {t1}
    # mtime is kept exactly (to the microsecond), so the next inventory finds nothing moved
    assert all(before[f.name][1] == f.stat().st_mtime_ns // 1000 * 1000 for f in files)

    noop = ingest.inventory(con, inbox, at=t2)
    assert (noop.seen, noop.new, noop.changed, noop.deleted) == (4, [], [], [])
    assert _rows(con) == before  # nothing rewritten, last_seen included

    hashed = []
    real = inventory.sha256_file
    monkeypatch.setattr(inventory, "sha256_file", lambda p, *a: hashed.append(p.name) or real(p, *a))
    bump_mtime(files[0], 7)  # touched, same bytes
    files[1].write_text(article_text(42), encoding="utf-8")
    bump_mtime(files[1], 7)
    files[2].unlink()
    res = ingest.inventory(con, inbox, at=t3, ingest_date=date(2026, 3, 3))
    assert sorted(hashed) == sorted([files[0].name, files[1].name])
    assert (res.new, res.changed, res.deleted) == ([], [files[1].name], [files[2].name])
    after = _rows(con)
    assert after[files[3].name] == before[files[3].name]  # untouched row left alone
    assert after[files[0].name][:2] == (before[files[0].name][0], files[0].stat().st_mtime_ns // 1000 * 1000)
    assert after[files[0].name][2:] == (t3,) + before[files[0].name][3:]  # same bytes: not re-stamped
    assert after[files[1].name][2:] == (t3, date(2026, 3, 3), "pending")
    assert after[files[2].name][4] == "deleted"

    hashed.clear()
    assert ingest.inventory(con, inbox).new == [] and hashed == []  # the touched file is not read again
    files[2].write_text(article_text(2), encoding="utf-8")  # dropped again after its delete
    assert ingest.inventory(con, inbox).new == [files[2].name]
    con.close()


def test_rows_with_a_float_rounded_mtime_are_not_read_again(tmp_path, monkeypatch):
    """Warehouses written before mtimes were stored exactly hold them within 1 us: those files
    keep their sha256 unread, and their rows are rewritten once with the exact value."""
    inbox = tmp_path / "inbox"
    files = write_articles(inbox, 3)
    for k, f in enumerate(files):  # an mtime whose microsecond rounds up through a float
        os.utime(f, ns=(f.stat().st_atime_ns, 1_700_000_000_123_456_900 + k))
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    wh.ensure_schema(con)
    ingest.inventory(con, inbox)
    con.execute("UPDATE raw_files SET mtime = mtime + INTERVAL 1 MICROSECOND")
    hashed = []
    real = inventory.sha256_file
    monkeypatch.setattr(inventory, "sha256_file", lambda p, *a: hashed.append(p.name) or real(p, *a))
    res = ingest.inventory(con, inbox)
    assert (res.new, res.changed, hashed) == ([], [], [])
    assert {r[1] for r in _rows(con).values()} == {1_700_000_000_123_456_000}
    assert ingest.inventory(con, inbox).new == [] and hashed == []
    con.close()
