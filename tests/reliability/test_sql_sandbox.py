"""`ledger sql` reads the published copy and nothing else: no file system, no settings changes."""
from __future__ import annotations

from pathlib import Path

import pytest

from ledger.cli import main
from tests.marts import fixture


@pytest.fixture(scope="module")
def marts_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("sandbox") / "marts.duckdb"
    fixture.build(path).close()
    return path


def test_ledger_sql_cannot_write_files(marts_file, tmp_path, capsys):
    target = tmp_path / "x.csv"
    assert main(["sql", "--db", str(marts_file), f"COPY (SELECT 1) TO '{target}'"]) == 1
    err = capsys.readouterr().err
    assert not target.exists()
    assert "file system" in err and "ledger sql" in err


def test_ledger_sql_cannot_read_files(marts_file, capsys):
    assert Path("/etc/hostname").exists()
    assert main(["sql", "--db", str(marts_file), "SELECT * FROM read_text('/etc/hostname')"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "file system" in captured.err


def test_ledger_sql_cannot_switch_the_sandbox_off(marts_file, capsys):
    assert main(["sql", "--db", str(marts_file),
                 "SET enable_external_access = true; SELECT * FROM read_text('/etc/hostname')"]) == 1
    assert capsys.readouterr().out == ""


def test_ledger_sql_still_reads_the_marts(marts_file, capsys):
    assert main(["sql", "--db", str(marts_file), "SELECT count(*) AS n FROM coverage"]) == 0
    assert capsys.readouterr().out.splitlines()[2].strip() == "10"
