"""The league chart selects the drawn rows in SQL (latest MAX_PERIODS periods of investment per
prefecture, latest period per prefecture x metric of growth). The page must be exactly the page
the first version drew from every row: ``reference_html`` below is that version, kept verbatim
in substance (fetch all rows, pick the periods in Python, render), and the two are compared
byte for byte, build timestamp aside, on the fixture, the samples run and a synthetic league
with more periods than are drawn, ties, NULLs, a period ending like another, and HTML specials."""
from __future__ import annotations

import html
import random
import re

import duckdb
import pytest

from ledger import warehouse as wh
from ledger.chart import (MAX_PERIODS, METRIC_NAMES, _CSS, _fmt_pct, _fmt_yi, _period_label, _reported_text,
                          coverage_note, league_html, sources_by_figure)
from tests.marts import fixture

_STAMP = re.compile(r"Built \d{4}-\d\d-\d\d \d\d:\d\d UTC")


def _ref_bars(rows, caption_cols, span_of):
    pos, neg = span_of
    span = (pos + neg) or 1.0
    zero = 100.0 * neg / span
    head = "".join(f"<th>{html.escape(label)}</th>" for _, label in caption_cols)
    out = [f'<table class="league"><tr><th>名次</th><th>县(市、区)</th><th class="num">同比增速</th><th></th>{head}</tr>']
    for r in rows:
        g = r["yoy_pct"]
        if g is None:
            bar = ""
        else:
            width = 100.0 * abs(g) / span
            left = zero if g >= 0 else zero - width
            cls = "pos" if g >= 0 else "neg"
            bar = f'<div class="bar {cls}" style="left:{left:.2f}%;width:{width:.2f}%"></div>'
        track = f'<div class="track">{bar}<div class="axis" style="left:{zero:.2f}%"></div></div>'
        rank = "" if r["rank_by_growth"] is None else str(r["rank_by_growth"])
        warn = ' <span class="warn" title="sources disagree">⚠</span>' if r.get("disagreement") else ""
        cells = "".join(f'<td class="num">{r[k] if k == "reported_html" else html.escape(str(r.get(k) if r.get(k) is not None else ""))}</td>'
                        for k, _ in caption_cols)
        out.append(f'<tr><td class="num">{rank}</td><td>{html.escape(r["region_name"] or "")}{warn}</td>'
                   f'<td class="num">{_fmt_pct(g)}</td><td class="barcell">{track}</td>{cells}</tr>')
    out.append("</table>")
    return "\n".join(out)


def _ref_span(rows):
    growths = [r["yoy_pct"] for r in rows if r["yoy_pct"] is not None]
    return (max([g for g in growths if g > 0], default=0.0), -min([g for g in growths if g < 0], default=0.0))


def _ref_sources(rows, sources, metric):
    out = []
    for r in rows:
        said = sources.get((r["region_code"], metric or r["metric"], r["period_start"], r["period_end"]), [])
        if r["disagreement"] and said:
            texts = []
            for x in said:
                figures = ", ".join(t for t in (_fmt_yi(x["value"]), _fmt_pct(x["yoy_pct"])) if t)
                when = f' {x["published_date"]}' if x["published_date"] else ""
                texts.append(html.escape(f'{figures}: {x["source"]}{when}'))
            out.append(f'<li><span class="warn">⚠</span> {html.escape(r["region_name"] or "")}: ' + "; ".join(texts) + "</li>")
    return ['<ul class="sources">' + "".join(out) + "</ul>"] if out else []


def _ref_dicts(con, sql):
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def reference_html(con) -> str:
    """The page drawn from every row of both leagues, periods picked in Python."""
    parts = ["<h1>县域经济排行榜 · county league tables</h1>",
             '<p class="note">Built 2000-01-01 00:00 UTC from the marts '
             "county_investment_league and county_growth_league. Counties are ranked only against counties "
             "of the same prefecture, for the same metric and period; ties share a rank. "
             "⚠ marks a figure that sources report differently (the most recent publication is shown; "
             "what each source says is listed under the table). Bars of one metric share one scale on the "
             "whole page. <i>k of N</i>: k of the prefecture's N county-level divisions have a figure; "
             "below half the league is marked partial. 报道名次: the rank the article itself states, "
             "≠ when it differs from the computed 名次.</p>"]
    # region_code last breaks ties the first version left to the sort (no such tie in real leagues)
    inv = _ref_dicts(con, """
        SELECT prefecture_code, prefecture_name, province_name, region_name, period_start, period_end,
               value, yoy_pct, rank_by_value, rank_by_growth, reported_rank, n_articles, disagreement,
               region_code, reported_rank_scope, reported_rank_differs, n_reporting, n_counties, partial
        FROM county_investment_league
        ORDER BY prefecture_code, period_end DESC, period_start DESC, rank_by_growth NULLS LAST, region_name,
                 region_code""")
    growth = _ref_dicts(con, """
        SELECT prefecture_code, prefecture_name, province_name, region_name, metric, period_start, period_end,
               value, yoy_pct, rank_by_value, rank_by_growth, reported_rank, n_articles, disagreement,
               region_code, reported_rank_scope, reported_rank_differs, n_reporting, n_counties, partial
        FROM county_growth_league
        ORDER BY prefecture_code, metric, period_end DESC, period_start DESC, rank_by_growth NULLS LAST,
                 region_name, region_code""")
    if not inv and not growth:
        parts.append("<p>No league rows yet: drop articles into the inbox and run <code>ledger run</code>.</p>")
    prefectures = {}
    for r in inv + growth:
        prefectures.setdefault(r["prefecture_code"], f'{r["prefecture_name"]}（{r["province_name"]}）')
    # the drawn tables first (periods picked in Python), then one bar scale per metric over them
    tables = []
    for code in prefectures:
        rows = [r for r in inv if r["prefecture_code"] == code]
        periods = list(dict.fromkeys((r["period_start"], r["period_end"]) for r in rows))[:MAX_PERIODS]
        for start, end in periods:
            tables.append((code, "fixed_asset_investment", start, end,
                           [r for r in rows if (r["period_start"], r["period_end"]) == (start, end)]))
        by_metric = {}
        for r in growth:
            if r["prefecture_code"] == code:
                by_metric.setdefault(r["metric"], []).append(r)
        for metric, mrows in by_metric.items():
            start, end = mrows[0]["period_start"], mrows[0]["period_end"]
            tables.append((code, metric, start, end,
                           [r for r in mrows if (r["period_start"], r["period_end"]) == (start, end)]))
    sources = sources_by_figure(con) if any(r["disagreement"] for r in inv + growth) else {}
    for code, title in prefectures.items():
        parts.append(f"<h2>{html.escape(title)}</h2>")
        for tcode, metric, start, end, rows in tables:
            if tcode != code:
                continue
            sub = [dict(r, value_text=_fmt_yi(r["value"]), reported_html=_reported_text(r)) for r in rows]
            if "metric" not in rows[0]:
                parts.append(f"<h3>固定资产投资 · {_period_label(start, end)}</h3>")
                parts.append(coverage_note(sub[0]))
                parts.append(_ref_bars(sub, [("value_text", "完成额"), ("rank_by_value", "总量名次"),
                                             ("reported_html", "报道名次"), ("n_articles", "来源数")],
                                       _ref_span([r for t in tables if "metric" not in t[4][0] for r in t[4]])))
                parts += _ref_sources(sub, sources, "fixed_asset_investment")
            else:
                parts.append(f"<h3>{html.escape(METRIC_NAMES.get(metric, metric))} 增速 · {_period_label(start, end)}</h3>")
                parts.append(coverage_note(sub[0]))
                parts.append(_ref_bars(sub, [("value_text", "总量"), ("reported_html", "报道名次"),
                                             ("n_articles", "来源数")],
                                       _ref_span([r for t in tables if "metric" in t[4][0] and t[1] == metric
                                                  for r in t[4]])))
                parts += _ref_sources(sub, sources, None)
    body = "\n".join(parts)
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f"<title>county-ledger league tables</title><style>{_CSS}</style></head>\n<body>\n{body}\n</body></html>\n")


def _assert_same_page(con) -> str:
    page = league_html(con)
    assert _STAMP.sub("Built X UTC", page) == _STAMP.sub("Built X UTC", reference_html(con))
    return page


_LEAGUE_COLS = """province_code VARCHAR, province_name VARCHAR, prefecture_code VARCHAR, prefecture_name VARCHAR,
    region_code VARCHAR, region_name VARCHAR, {metric} period_start VARCHAR, period_end VARCHAR, value DOUBLE,
    yoy_pct DOUBLE, rank_by_value BIGINT, rank_by_growth BIGINT, reported_rank INTEGER, n_articles BIGINT,
    disagreement BOOLEAN, reported_rank_scope VARCHAR, reported_rank_differs BOOLEAN, n_reporting BIGINT,
    n_counties BIGINT, partial BOOLEAN"""


def _synthetic(path, seed: int) -> duckdb.DuckDBPyConnection:
    """Both league tables, filled with invented rows: four prefectures (one NULL code, one in the
    growth league only), up to seven periods each, two of them ending in the same month."""
    rnd = random.Random(seed)
    con = duckdb.connect(str(path))
    wh.ensure_schema(con)  # empty metric_facts and articles: the ⚠ rows have no sources to list
    con.execute(f"CREATE TABLE county_investment_league ({_LEAGUE_COLS.format(metric='')})")
    con.execute(f"CREATE TABLE county_growth_league ({_LEAGUE_COLS.format(metric='metric VARCHAR,')})")
    periods = [("2022-01", "2022-06"), ("2022-01", "2022-12"), ("2023-01", "2023-03"), ("2023-01", "2023-06"),
               ("2022-07", "2023-06"), ("2023-01", "2023-09"), ("2023-01", "2023-12")]
    prefectures = [("130500", "邢台市", "河北省"), ("131100", "衡水市", "河北省"), (None, "省直辖", "湖北省"),
                   ("140100", "太原市", "山西省")]
    names = ["宁晋县", "威县", "清河县", "A&B<县>", '"引号"区', "临西县", "内丘县"]

    def rows(metric):
        out = []
        for pi, (code, pname, prov) in enumerate(prefectures):
            if metric is None and pi == 3:
                continue  # 太原市 only in the growth league
            n_periods = len(periods) if pi == 0 else rnd.randint(1, len(periods))  # 邢台市: all seven
            for start, end in rnd.sample(periods, n_periods):
                for ri, name in enumerate(rnd.sample(names, rnd.randint(1, len(names)))):
                    yoy = rnd.choice([None, -3.25, 0.0, 7.2, 7.2, 12.5, rnd.uniform(-20, 40)])
                    value = rnd.choice([None, rnd.uniform(1e8, 5e10)])
                    out.append((prov[:2], prov, code, pname, f"{pi}{ri:05d}", name,
                                *([metric] if metric else []), start, end, value, yoy,
                                rnd.choice([None, 1, 2]), None if yoy is None else rnd.randint(1, 7),
                                rnd.choice([None, 3]), rnd.randint(1, 4), rnd.random() < 0.2,
                                rnd.choice([None, "全市"]), rnd.choice([None, True, False]), ri + 1, 7,
                                ri + 1 < 3.5))
        return out

    con.executemany(f"INSERT INTO county_investment_league VALUES ({', '.join(['?'] * 20)})", rows(None))
    growth = [r for m in ("gdp", "retail_sales", "some_new_metric") for r in rows(m)]
    con.executemany(f"INSERT INTO county_growth_league VALUES ({', '.join(['?'] * 21)})", growth)
    return con


def test_same_page_as_drawing_from_every_row_on_the_fixture(tmp_path):
    con = fixture.build(tmp_path / "f.duckdb")
    page = _assert_same_page(con)
    con.close()
    assert "固定资产投资 · 2023年上半年" in page


def test_same_page_as_drawing_from_every_row_on_the_samples_run(samples_run):
    con = duckdb.connect(str(samples_run["marts"]), read_only=True)
    try:
        n = con.execute("SELECT (SELECT count(*) FROM county_investment_league)"
                        " + (SELECT count(*) FROM county_growth_league)").fetchall()[0][0]
        page = _assert_same_page(con)
    finally:
        con.close()
    assert n > 0 and "<h3>" in page


@pytest.mark.parametrize("seed", range(6))
def test_same_page_as_drawing_from_every_row_on_a_synthetic_league(tmp_path, seed):
    con = _synthetic(tmp_path / "s.duckdb", seed)
    page = _assert_same_page(con)
    n_inv = con.execute("SELECT count(DISTINCT (prefecture_code, period_start, period_end))"
                        " FROM county_investment_league").fetchall()[0][0]
    con.close()
    assert "A&amp;B&lt;县&gt;" in page or "A&B" not in page
    # 邢台市 has seven investment periods: three are left out, and the page still matches
    assert page.count("固定资产投资 · ") < n_inv
