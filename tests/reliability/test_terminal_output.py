"""Nothing `ledger sql` or `ledger run` prints can drive the terminal: control characters are escaped."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ledger.cli import main
from tests.conftest import REPO
from tests.marts import fixture
from tests.orchestration.helpers import write_articles

ESC_NAME = "evil\x1b]0;pwned\x07\x1b[31mred\x9b2J.txt"


@pytest.fixture(scope="module")
def marts_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("terminal") / "marts.duckdb"
    fixture.build(path).close()
    return path


def _no_controls(text: str) -> None:
    assert not any(ch in text for ch in "\x1b\x07\x9b\r"), repr(text)


def test_ledger_sql_escapes_control_characters_in_a_table(marts_file, capsys):
    assert main(["sql", "--db", str(marts_file),
                 "SELECT chr(27) || ']0;pwned' || chr(7) || chr(27) || '[31mred' AS \"h\x1b[2Jead\", 1 AS n"]) == 0
    out = capsys.readouterr().out
    _no_controls(out)
    assert "\\x1b]0;pwned\\x07\\x1b[31mred" in out and "h\\x1b[2Jead" in out


def test_ledger_sql_escapes_control_characters_in_csv(marts_file, capsys):
    assert main(["sql", "--db", str(marts_file), "--csv",
                 "SELECT chr(27) || '[31mred' || chr(13) AS v, 'two' || chr(10) || 'lines' AS w"]) == 0
    out = capsys.readouterr().out
    _no_controls(out)
    assert "\\x1b[31mred\\r" in out
    assert '"two\nlines"' in out  # CSV quotes a newline; it stays data


def test_ledger_sql_escapes_control_characters_in_errors(marts_file, capsys):
    assert main(["sql", "--db", str(marts_file), "SELECT * FROM \"no\x1b[31mtable\""]) == 1
    err = capsys.readouterr().err
    _no_controls(err)
    assert "no\\x1b[31mtable" in err


def test_ledger_run_escapes_control_characters_in_its_warnings_and_summary(tmp_path):
    inbox = tmp_path / "in\x1b[1mbox"
    write_articles(inbox, 2)
    (inbox / ESC_NAME).write_bytes(b"")  # quarantined as empty: the run warns about it by name
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"}
    env["LEDGER_WORKERS"] = "1"
    proc = subprocess.run([sys.executable, "-m", "ledger.cli", "run", "--inbox", str(inbox),
                           "--warehouse", str(tmp_path / "w.duckdb")],
                          cwd=REPO, env=env, capture_output=True, timeout=300)
    out, err = proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 0, err
    _no_controls(out)
    _no_controls(err)
    assert "evil\\x1b]0;pwned\\x07\\x1b[31mred\\x9b2J.txt" in err  # the warning names the file, escaped
    assert "in\\x1b[1mbox" in out
