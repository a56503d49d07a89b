"""sql/README.md documents every column of every base table and mart (ledger/coldocs.py reads
it; the asset pages show the same descriptions, tests/marts/test_column_docs.py)."""
from __future__ import annotations

from ledger import coldocs
from ledger import warehouse as wh
from tests.marts import fixture


def documented() -> dict[str, set[str]]:
    return {name: {c.name for c in cols} for name, cols in coldocs.documented().items()}


def test_every_relation_and_column_is_documented(tmp_path):
    con = fixture.build(tmp_path / "f.duckdb")
    docs = documented()
    for name in list(wh.BASE_TABLES) + wh.mart_names():
        actual = {c for c, _ in wh.columns(con, name)}
        assert name in docs, f"{name} missing from sql/README.md"
        assert actual <= docs[name], (name, "undocumented", actual - docs[name])
        if name in wh.mart_names():
            assert actual == docs[name], (name, "documented but absent", docs[name] - actual)
    con.close()
