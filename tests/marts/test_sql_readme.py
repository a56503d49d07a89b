"""sql/README.md documents every column of every base table and mart."""
from __future__ import annotations

import re

from ledger import warehouse as wh
from tests.conftest import REPO
from tests.marts import fixture


def documented() -> dict[str, set[str]]:
    text = (REPO / "sql" / "README.md").read_text(encoding="utf-8")
    out: dict[str, set[str]] = {}
    for block in re.split(r"^### ", text, flags=re.M)[1:]:
        name = re.match(r"`(\w+)`", block).group(1)
        cols: set[str] = set()
        for line in block.split("\n## ")[0].splitlines():
            m = re.match(r"\|\s*([a-z_0-9, ]+?)\s*\|", line)
            if m and m.group(1) not in ("column",):
                cols |= {c.strip() for c in m.group(1).split(",")}
        out[name] = cols
    return out


def test_every_relation_and_column_is_documented(tmp_path):
    con = fixture.build(tmp_path / "f.duckdb")
    docs = documented()
    # county_growth_league is documented as county_investment_league's columns plus metric
    docs["county_growth_league"] = docs["county_investment_league"] | {"metric"}
    for name in list(wh.BASE_TABLES) + wh.mart_names():
        actual = {c for c, _ in wh.columns(con, name)}
        assert name in docs, f"{name} missing from sql/README.md"
        assert actual <= docs[name], (name, "undocumented", actual - docs[name])
        if name in wh.mart_names():
            assert actual == docs[name], (name, "documented but absent", docs[name] - actual)
    con.close()
