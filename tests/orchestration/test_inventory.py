"""The inventory step: unchanged files are not read again; changed and deleted files are noticed."""
from __future__ import annotations

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
