"""The league chart: a self-contained HTML page drawn from the league marts."""
from __future__ import annotations

import re

from ledger.chart import chart_path, league_html, write_league_chart
from tests.marts import fixture


def _self_contained(page: str) -> bool:
    return ("<script" not in page and not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
            and "@import" not in page)


def test_chart_from_the_fixture_shows_ranks_conflicts_and_negative_growth(tmp_path):
    con = fixture.build(tmp_path / "f.duckdb")
    path = write_league_chart(con, tmp_path / "out" / "league.html")
    con.close()
    page = path.read_text(encoding="utf-8")
    assert _self_contained(page)
    for name in ("邢台市", "衡水市", "太原市", "宁晋县", "临西县", "固定资产投资 · 2023年上半年", "固定资产投资 · 2023年一季度",
                 "地区生产总值 增速 · 2023年上半年"):
        assert name in page, name
    # one negative bar (临西县 -3.2%), conflicts marked (清河县, 南和区)
    assert page.count('class="bar neg"') == 1
    assert page.count('title="sources disagree"') == 2
    # within 邢台市 H1 the growth order is 威县, then the tie 南和区 / 宁晋县
    h1 = page.split("固定资产投资 · 2023年上半年")[1].split("</table>")[0]
    assert h1.index("威县") < h1.index("南和区") < h1.index("宁晋县") < h1.index("清河县") < h1.index("临西县")


def test_chart_of_an_empty_warehouse_says_so(tmp_path):
    from ledger import warehouse as wh

    con = wh.connect(tmp_path / "e.duckdb")
    wh.ensure_schema(con)
    for name in wh.mart_names():
        wh.build_mart(con, name)
    page = league_html(con)
    con.close()
    assert "No league rows yet" in page and _self_contained(page)


def test_chart_path_is_beside_the_published_marts(tmp_path, monkeypatch):
    monkeypatch.delenv("LEDGER_CHART", raising=False)
    assert chart_path(tmp_path / "marts.duckdb") == tmp_path / "out" / "league.html"
    monkeypatch.setenv("LEDGER_CHART", str(tmp_path / "x.html"))
    assert chart_path(tmp_path / "marts.duckdb") == tmp_path / "x.html"


def test_ledger_run_refreshes_the_chart(samples_run):
    page = (samples_run["dir"] / "out" / "league.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and _self_contained(page)
