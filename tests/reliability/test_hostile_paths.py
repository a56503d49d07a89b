"""Quotes in the warehouse's folder and file name are data, never SQL."""
from __future__ import annotations

from ledger.cli import main
from tests.orchestration.helpers import bump_mtime, query, write_articles


def test_quotes_in_the_warehouse_path_survive_a_second_run_with_changes(tmp_path):
    home = tmp_path / 'd"i\'r'
    inbox = home / "inbox"
    warehouse = home / 'we"i\'rd.duckdb'
    files = write_articles(inbox, 20)
    assert main(["run", "--inbox", str(inbox), "--warehouse", str(warehouse), "--quiet"]) == 0
    first = query(warehouse, "SELECT count(*) FROM metric_facts")[0][0]
    assert first > 0
    # a change in one region: the marts are rebuilt incrementally (the path that formats the
    # database name into SQL), a new file and a deleted one as well
    files[0].write_text(files[0].read_text(encoding="utf-8").replace("同比增长", "同比增长1", 1), encoding="utf-8")
    bump_mtime(files[0])
    write_articles(inbox, 1, start=20, prefix='q"u\'ote')
    files[10].unlink()  # the same county as files[0] and the new file: one region changes
    assert main(["run", "--inbox", str(inbox), "--warehouse", str(warehouse), "--quiet"]) == 0
    modes = dict(query(warehouse, "SELECT name, mode FROM build_state WHERE name NOT LIKE '%:%'"))
    assert "incremental" in modes.values(), modes
    marts = home / 'we"i\'rd.marts.duckdb'
    assert query(marts, "SELECT count(*) FROM raw_files WHERE status = 'parsed'")[0][0] == 20
    assert query(marts, "SELECT count(*) FROM raw_files WHERE file_name LIKE 'q\"%'")[0][0] == 1
