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


def _table(page: str, heading: str, prefecture: str) -> str:
    """The table under ``heading`` in the prefecture's section, with what follows it up to the next heading."""
    return re.split(r"<h[23]>", page.split(f"<h2>{prefecture}")[1].split(heading)[1])[0]


def test_chart_says_how_many_report_and_shows_reported_ranks_and_what_each_source_says(tmp_path):
    con = fixture.build(tmp_path / "f.duckdb")
    page = league_html(con)
    con.close()
    # every table: k of N; 邢台's Q1 (2 of 6) and retail sales (1 of 6) are partial, H1 (6 of 6) is not
    assert page.count('<p class="cov') == page.count('<table class="league">') == 7
    assert '<p class="cov">6 of 6 reporting' in _table(page, "固定资产投资 · 2023年上半年", "邢台市")
    assert '<p class="cov partial">2 of 6 reporting' in _table(page, "固定资产投资 · 2023年一季度", "邢台市")
    retail = _table(page, "社会消费品零售总额 增速 · 2023年上半年", "邢台市")
    assert '<p class="cov partial">1 of 6 reporting' in retail
    # 清河 states 全市第2 but is computed first: the stated rank stays, marked
    assert '全市第2 ≠</span>' in retail
    h1 = _table(page, "固定资产投资 · 2023年上半年", "邢台市")
    assert "全市第1" in h1 and "≠" not in h1
    # ⚠: what each source says, with its outlet and date
    assert ("清河县: 72.40 亿元, +9.9%: 清河县融媒体中心 2023-07-25; 72.40 亿元, +9.6%: 邢台日报 2023-07-21"
            in h1)
    assert "南和区: 57.60 亿元, +12.5%: 南和区融媒体中心 2023-07-23; 58.10 亿元, +12.5%: 邢台市统计局" in h1


def test_chart_labels_growth_once_and_bars_of_a_metric_share_one_scale(tmp_path):
    con = fixture.build(tmp_path / "f.duckdb")
    page = league_html(con)
    con.close()
    heads = re.findall(r'<table class="league"><tr>(.*?)</tr>', page)
    for head in heads:
        labels = re.findall(r"<th[^>]*>(.*?)</th>", head)
        assert sum("增" in label for label in labels) == 1, labels
    # investment bars in 邢台, 衡水 and 太原: width per percentage point is the same everywhere
    ratios = []
    for pref in ("邢台市", "衡水市", "太原市"):
        table = _table(page, "固定资产投资 · 2023年上半年", pref)
        for growth, width in re.findall(r'<td class="num">([+-][0-9.]+)%</td><td class="barcell">'
                                        r'<div class="track"><div class="bar \w+" style="left:[0-9.]+%;'
                                        r'width:([0-9.]+)%', table):
            ratios.append(float(width) / abs(float(growth)))
    assert len(ratios) == 5 + 2 + 1
    assert max(ratios) - min(ratios) < 0.01


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
