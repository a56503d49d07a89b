"""The league-table chart: one self-contained HTML file (plain HTML/CSS bars, no script,
no external resource), written from the built marts.

Default path: ``out/league.html`` beside the published marts file, so with the default
``data/marts.duckdb`` it is ``data/out/league.html``; ``LEDGER_CHART`` overrides it.
"""
from __future__ import annotations

import functools
import html
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional, Sequence

import duckdb

METRIC_NAMES = {
    "fixed_asset_investment": "固定资产投资",
    "gdp": "地区生产总值",
    "general_budget_revenue": "一般公共预算收入",
    "fiscal_revenue": "全部财政收入",
    "retail_sales": "社会消费品零售总额",
    "industrial_value_added": "规上工业增加值",
}

# how many periods of each prefecture's investment league are drawn (latest first)
MAX_PERIODS = 4

_CSS = """
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2rem;color:#222;max-width:70rem}
h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2.5rem;border-bottom:1px solid #ccc}
h3{font-size:1rem;margin:1.5rem 0 .4rem}p.note{color:#666;font-size:.85rem}
table.league{border-collapse:collapse;width:100%;font-size:.9rem}
table.league td,table.league th{padding:2px 6px;text-align:left;white-space:nowrap}
table.league th{font-weight:600;color:#555;border-bottom:1px solid #ddd}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.barcell{width:45%}
.track{position:relative;height:14px;background:#f3f3f3}
.bar{position:absolute;top:0;height:14px}
.pos{background:#3a7bd5}.neg{background:#d9534f}
.axis{position:absolute;top:-2px;height:18px;border-left:1px solid #888}
.warn{color:#b8860b;font-weight:600}
p.cov{color:#555;font-size:.8rem;margin:0 0 .3rem}p.cov.partial{color:#a94442}
.differs{color:#a94442;font-weight:600}
ul.sources{font-size:.8rem;color:#555;margin:.3rem 0 0;padding-left:1.2rem}
"""


def chart_path(marts_file: Optional[Path] = None) -> Path:
    """Where the chart goes: $LEDGER_CHART, else ``out/league.html`` beside the marts file."""
    env = os.environ.get("LEDGER_CHART")
    if env:
        return Path(env).expanduser()
    if marts_file is None:
        from ledger.config import marts_path

        marts_file = marts_path()
    return Path(marts_file).parent / "out" / "league.html"


def _fmt_yi(value: Optional[float]) -> str:
    return "" if value is None else f"{value / 1e8:,.2f} 亿元"


def _fmt_pct(value: Optional[float]) -> str:
    return "" if value is None else f"{value:+.1f}%"


def _period_label(start: str, end: str) -> str:
    y1, m1 = start.split("-")
    y2, m2 = end.split("-")
    if y1 == y2 and m1 == "01":
        named = {"03": "一季度", "06": "上半年", "09": "前三季度", "12": "全年"}.get(m2)
        return f"{y1}年{named}" if named else f"{y1}年1-{int(m2)}月"
    return f"{start}..{end}"


def _with_texts(row: dict) -> dict:
    """The row (a fresh dict of this page) with its value, growth and stated rank formatted for display."""
    row["value_text"] = _fmt_yi(row["value"])
    row["growth_text"] = _fmt_pct(row["yoy_pct"])
    row["reported_html"] = _Html(_reported_text(row))
    return row


class _Html(str):
    """Markup made here, inserted as is."""


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, _Html):
        return str(value)
    return str(value) if isinstance(value, int) else html.escape(str(value))  # digits need no escaping


@functools.lru_cache(maxsize=None)
def _head(labels: tuple[str, ...]) -> str:
    head = "".join(f"<th>{html.escape(label)}</th>" for label in labels)
    # growth is labelled once: its figure heads the bar drawn from it
    return (f'<table class="league"><tr><th>名次</th><th>县(市、区)</th><th class="num">同比增速</th>'
            f'<th></th>{head}</tr>')


def scale(rows: Sequence[dict]) -> tuple[float, float]:
    """(largest rise, largest fall) of yoy growth over ``rows``: one scale for every table of a
    metric, so bars of one metric compare across prefectures and periods."""
    growths = [r["yoy_pct"] for r in rows if r["yoy_pct"] is not None]
    return (max([g for g in growths if g > 0], default=0.0), -min([g for g in growths if g < 0], default=0.0))


def coverage_note(row: dict) -> str:
    """'k of N' under a league's heading, and whether the league is partial."""
    if row.get("n_counties") is None:
        return ""
    k, n = row["n_reporting"], row["n_counties"]
    text = f"{k} of {n} reporting · {n}个县(市、区)中{k}个有数据"
    if row.get("partial"):
        return (f'<p class="cov partial">{text} · <b>partial</b>: 不足半数，名次只在这些县之间比较'
                f' (fewer than half report)</p>')
    return f'<p class="cov">{text}</p>'


def _source_text(s: dict) -> str:
    figures = ", ".join(t for t in (_fmt_yi(s["value"]), _fmt_pct(s["yoy_pct"])) if t)
    when = f' {s["published_date"]}' if s.get("published_date") else ""
    return f'{figures}: {s["source"]}{when}'


def _disagreements(rows: Sequence[dict], sources: dict, metric_of, out: list[str]) -> None:
    """Under a table: for each ⚠ row, what each source says."""
    items = []
    for r in rows:
        if not r.get("disagreement"):
            continue
        said = sources.get((r["region_code"], metric_of(r), r["period_start"], r["period_end"]), [])
        if said:
            items.append(f'<li><span class="warn">⚠</span> {html.escape(r["region_name"] or "")}: '
                         + "; ".join(html.escape(_source_text(s)) for s in said) + "</li>")
    if items:
        out.append('<ul class="sources">' + "".join(items) + "</ul>")


def _bars(rows: Sequence[dict], caption_cols: Sequence[tuple[str, str]], out: list[str],
          span_of: Optional[tuple[float, float]] = None) -> None:
    """A ranked list with a diverging bar of yoy growth per row, appended to ``out`` line by line
    (the page is joined once, at the end: joining each table first copied the 3.5 MB page twice more).
    ``span_of`` is the (rise, fall) scale shared by every table of the metric (default: these rows')."""
    pos, neg = span_of if span_of is not None else scale(rows)
    span = (pos + neg) or 1.0
    zero = 100.0 * neg / span
    out.append(_head(tuple(label for _, label in caption_cols)))
    axis = f'<div class="axis" style="left:{zero:.2f}%"></div></div>'
    keys = [k for k, _ in caption_cols]
    for r in rows:
        g = r["yoy_pct"]
        if g is None:
            bar = ""
        else:
            width = 100.0 * abs(g) / span
            left = zero if g >= 0 else zero - width
            cls = "pos" if g >= 0 else "neg"
            bar = f'<div class="bar {cls}" style="left:{left:.2f}%;width:{width:.2f}%"></div>'
        track = f'<div class="track">{bar}{axis}'
        rank = "" if r["rank_by_growth"] is None else str(r["rank_by_growth"])
        warn = ' <span class="warn" title="sources disagree">⚠</span>' if r.get("disagreement") else ""
        cells = "".join([f'<td class="num">{_cell(r.get(k))}</td>' for k in keys])
        out.append(f'<tr><td class="num">{rank}</td><td>{html.escape(r["region_name"] or "")}{warn}</td>'
                   f'<td class="num">{r["growth_text"]}</td><td class="barcell">{track}</td>{cells}</tr>')
    out.append("</table>")


def _reported_text(row: dict) -> str:
    """报道名次: the rank the article states, marked ≠ when the computed rank differs."""
    if row.get("reported_rank") is None:
        return ""
    text = f'{row.get("reported_rank_scope") or ""}第{row["reported_rank"]}'
    if row.get("reported_rank_differs"):
        return f'<span class="differs" title="the computed rank differs">{html.escape(text)} ≠</span>'
    return html.escape(text)


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence = ()) -> list[dict]:
    cur = con.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


_COLS = ("prefecture_code", "prefecture_name", "province_name", "region_code", "region_name",
         "period_start", "period_end", "value", "yoy_pct", "rank_by_value", "rank_by_growth", "reported_rank",
         "reported_rank_scope", "reported_rank_differs", "n_reporting", "n_counties", "partial",
         "n_articles", "disagreement")

# what each source says, for the figures marked ⚠ in the leagues (few rows: only disagreements)
_SOURCES_SQL = """
    WITH flagged AS (
        SELECT region_code, 'fixed_asset_investment' AS metric, period_start, period_end
        FROM county_investment_league WHERE disagreement
        UNION ALL
        SELECT region_code, metric, period_start, period_end FROM county_growth_league WHERE disagreement
    )
    SELECT DISTINCT mf.region_code, mf.metric, mf.period_start, mf.period_end, mf.value, mf.yoy_pct,
           coalesce(nullif(a.outlet, ''), mf.source_file) AS source, a.published_date
    FROM metric_facts mf
    JOIN articles a ON a.source_file = mf.source_file AND a.article_id = mf.article_id
    SEMI JOIN flagged f ON f.region_code = mf.region_code AND f.metric = mf.metric
                        AND f.period_start = mf.period_start AND f.period_end = mf.period_end
    WHERE mf.kind = 'actual' AND (mf.value IS NOT NULL OR mf.yoy_pct IS NOT NULL)
    ORDER BY a.published_date DESC NULLS LAST, source, mf.value, mf.yoy_pct"""


def sources_by_figure(con: duckdb.DuckDBPyConnection) -> dict[tuple, list[dict]]:
    """(region_code, metric, period_start, period_end) -> what each source reports, newest first."""
    out: dict[tuple, list[dict]] = {}
    for r in _dicts(con, _SOURCES_SQL):
        out.setdefault((r["region_code"], r["metric"], r["period_start"], r["period_end"]), []).append(r)
    return out


def _drawn(con: duckdb.DuckDBPyConnection, table: str, keys: Sequence[str], n_periods: int) -> list[dict]:
    """The rows of a league mart the page draws, in page order: for each ``keys`` group, its
    ``n_periods`` latest periods (newest end first, then newest start). The latest periods are
    picked among the distinct periods of each group (``max(struct, n)``: the n greatest (end,
    start) pairs) and the rows of those periods are joined back, so Python receives only the drawn
    rows and DuckDB sorts only them (not the 143k rows of county_growth_league at 100k articles).
    League periods are never NULL (region_metric_latest drops rows without one)."""
    group = ", ".join(keys)
    on = " AND ".join(f"t.{k} IS NOT DISTINCT FROM l.{k}" for k in keys)
    cols = ", ".join(f"t.{c}" for c in [*_COLS, *(k for k in keys if k not in _COLS)])
    return _dicts(con, f"""
        WITH latest AS (
            SELECT {group}, unnest(top) AS p
            FROM (SELECT {group}, max({{'end': period_end, 'start': period_start}}, ?) AS top
                  FROM (SELECT DISTINCT {group}, period_end, period_start FROM {table})
                  GROUP BY {group})
        )
        SELECT {cols}
        FROM {table} t SEMI JOIN latest l ON {on} AND t.period_end = l.p.end AND t.period_start = l.p.start
        ORDER BY {", ".join(f"t.{k}" for k in keys)}, t.period_end DESC, t.period_start DESC,
                 t.rank_by_growth NULLS LAST, t.region_name, t.region_code""", [n_periods])


def league_html(con: duckdb.DuckDBPyConnection) -> str:
    """The whole page, from county_investment_league and county_growth_league."""
    parts = [f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
             f"<title>county-ledger league tables</title><style>{_CSS}</style></head>\n<body>",
             "<h1>县域经济排行榜 · county league tables</h1>",
             f'<p class="note">Built {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC from the marts '
             "county_investment_league and county_growth_league. Counties are ranked only against counties "
             "of the same prefecture, for the same metric and period; ties share a rank. "
             "⚠ marks a figure that sources report differently (the most recent publication is shown; "
             "what each source says is listed under the table). Bars of one metric share one scale on the "
             "whole page. <i>k of N</i>: k of the prefecture's N county-level divisions have a figure; "
             "below half the league is marked partial. 报道名次: the rank the article itself states, "
             "≠ when it differs from the computed 名次.</p>"]
    inv = _drawn(con, "county_investment_league", ["prefecture_code"], MAX_PERIODS)
    growth = _drawn(con, "county_growth_league", ["prefecture_code", "metric"], 1)
    if not inv and not growth:
        parts.append("<p>No league rows yet: drop articles into the inbox and run <code>ledger run</code>.</p>")
    prefectures: dict[str, str] = {}
    inv_by: dict[str, list[dict]] = {}
    growth_by: dict[str, list[dict]] = {}
    for r in inv:
        inv_by.setdefault(r["prefecture_code"], []).append(r)
    for r in growth:
        growth_by.setdefault(r["prefecture_code"], []).append(r)
    for r in inv + growth:
        if r["prefecture_code"] not in prefectures:
            prefectures[r["prefecture_code"]] = f'{r["prefecture_name"]}（{r["province_name"]}）'
    sources = sources_by_figure(con) if any(r["disagreement"] for r in inv + growth) else {}
    inv_scale = scale(inv)
    growth_scale: dict[str, tuple[float, float]] = {}
    for metric in {r["metric"] for r in growth}:
        growth_scale[metric] = scale([r for r in growth if r["metric"] == metric])
    for code, title in prefectures.items():  # one pass per prefecture over its own rows only
        parts.append(f"<h2>{html.escape(title)}</h2>")
        by_period: dict[tuple, list[dict]] = {}  # latest period first, at most MAX_PERIODS (the query's)
        for r in inv_by.get(code, []):
            by_period.setdefault((r["period_start"], r["period_end"]), []).append(r)
        for (start, end), prows in by_period.items():
            sub = [_with_texts(r) for r in prows]
            parts.append(f"<h3>固定资产投资 · {_period_label(start, end)}</h3>")
            parts.append(coverage_note(sub[0]))
            _bars(sub, [("value_text", "完成额"), ("rank_by_value", "总量名次"),
                        ("reported_html", "报道名次"), ("n_articles", "来源数")], parts, inv_scale)
            _disagreements(sub, sources, lambda r: "fixed_asset_investment", parts)
        by_metric: dict[str, list[dict]] = {}
        for r in growth_by.get(code, []):
            by_metric.setdefault(r["metric"], []).append(r)
        for metric, mrows in by_metric.items():
            start, end = mrows[0]["period_start"], mrows[0]["period_end"]  # the latest period, the only one
            sub = [_with_texts(r) for r in mrows]
            parts.append(f"<h3>{html.escape(METRIC_NAMES.get(metric, metric))} 增速 · {_period_label(start, end)}</h3>")
            parts.append(coverage_note(sub[0]))
            _bars(sub, [("value_text", "总量"), ("reported_html", "报道名次"), ("n_articles", "来源数")], parts,
                  growth_scale[metric])
            _disagreements(sub, sources, lambda r: r["metric"], parts)
    parts.append("</body></html>\n")
    return "\n".join(parts)


def write_league_chart(con: duckdb.DuckDBPyConnection, path: Path) -> Path:
    """Write the page atomically (readers never see half a file)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(league_html(con))
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)
    return path
