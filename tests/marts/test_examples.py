"""Every analyst query in sql/examples/ runs against the marts published from the samples."""
from __future__ import annotations

import duckdb
import pytest

from tests.conftest import REPO

EXAMPLES = sorted((REPO / "sql" / "examples").glob("*.sql"))


def test_there_are_at_least_five_examples():
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_runs_on_the_published_samples(samples_run, path):
    con = duckdb.connect(str(samples_run["marts"]), read_only=True)
    try:
        cur = con.execute(path.read_text(encoding="utf-8"))
        names = [d[0] for d in cur.description]
        rows = cur.fetchall()
    finally:
        con.close()
    assert names and len(set(names)) == len(names)
    assert all(len(r) == len(names) for r in rows)


def test_published_copy_holds_every_mart(samples_run):
    from ledger.warehouse import mart_names

    con = duckdb.connect(str(samples_run["marts"]), read_only=True)
    tables = {r[0] for r in con.execute("SHOW TABLES").fetchall()}
    con.close()
    assert set(mart_names()) <= tables
