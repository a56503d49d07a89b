"""An in-place edit of a file whose exact copy lives under another name: the rerun equals a
fresh build of the same inbox (the copy's articles and facts are not lost)."""
from __future__ import annotations

import shutil

from ledger.cli import main
from tests.orchestration.helpers import bump_mtime, snapshot, write_articles


def _run(inbox, warehouse):
    assert main(["run", "--inbox", str(inbox), "--warehouse", str(warehouse), "--quiet"]) == 0


def test_editing_a_file_whose_copy_exists_equals_a_fresh_build(tmp_path):
    inbox = tmp_path / "inbox"
    first, _third = write_articles(inbox, 2, prefix="00")
    copy = inbox / "copy_of_first.md"
    shutil.copy2(first, copy)
    warehouse = tmp_path / "w.duckdb"
    _run(inbox, warehouse)
    # edit two figures of the original in place: its copy still holds the old bytes
    text = first.read_text(encoding="utf-8")
    edited = text.replace("地区生产总值完成", "地区生产总值完成1", 1).replace("固定资产投资完成", "固定资产投资完成2", 1)
    assert edited != text
    first.write_text(edited, encoding="utf-8")
    bump_mtime(first)
    _run(inbox, warehouse)
    fresh = tmp_path / "fresh.duckdb"
    _run(inbox, fresh)
    got, want = snapshot(warehouse), snapshot(fresh)
    assert len(want["metric_facts"]) > 0
    for table in want:
        assert got[table] == want[table], table
