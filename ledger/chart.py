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
    """The row (a fresh dict of this page) with its value and growth formatted for display."""
    row["value_text"] = _fmt_yi(row["value"])
    row["growth_text"] = _fmt_pct(row["yoy_pct"])
    return row


def _cell(value) -> str:
    if value is None:
        return ""
    return str(value) if isinstance(value, int) else html.escape(str(value))  # digits need no escaping


@functools.lru_cache(maxsize=None)
def _head(labels: tuple[str, ...]) -> str:
    head = "".join(f"<th>{html.escape(label)}</th>" for label in labels)
    return f'<table class="league"><tr><th>名次</th><th>县(市、区)</th><th>同比增长</th>{head}</tr>'


def _bars(rows: Sequence[dict], caption_cols: Sequence[tuple[str, str]], out: list[str]) -> None:
    """A ranked list with a diverging bar of yoy growth per row, appended to ``out`` line by line
    (the page is joined once, at the end: joining each table first copied the 3.5 MB page twice more)."""
    growths = [r["yoy_pct"] for r in rows if r["yoy_pct"] is not None]
    pos = max([g for g in growths if g > 0], default=0.0)
    neg = -min([g for g in growths if g < 0], default=0.0)
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
                   f'<td class="barcell">{track}</td>{cells}</tr>')
    out.append("</table>")


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence = ()) -> list[dict]:
    cur = con.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


_COLS = ("prefecture_code", "prefecture_name", "province_name", "region_name",
         "period_start", "period_end", "value", "yoy_pct", "rank_by_value", "rank_by_growth", "reported_rank",
         "n_articles", "disagreement")


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
             "⚠ marks a figure that sources report differently (the most recent publication is shown).</p>"]
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
    for code, title in prefectures.items():  # one pass per prefecture over its own rows only
        parts.append(f"<h2>{html.escape(title)}</h2>")
        by_period: dict[tuple, list[dict]] = {}  # latest period first, at most MAX_PERIODS (the query's)
        for r in inv_by.get(code, []):
            by_period.setdefault((r["period_start"], r["period_end"]), []).append(r)
        for (start, end), prows in by_period.items():
            sub = [_with_texts(r) for r in prows]
            parts.append(f"<h3>固定资产投资 · {_period_label(start, end)}</h3>")
            _bars(sub, [("growth_text", "增速"), ("value_text", "完成额"), ("rank_by_value", "总量名次"),
                        ("reported_rank", "报道名次"), ("n_articles", "来源数")], parts)
        by_metric: dict[str, list[dict]] = {}
        for r in growth_by.get(code, []):
            by_metric.setdefault(r["metric"], []).append(r)
        for metric, mrows in by_metric.items():
            start, end = mrows[0]["period_start"], mrows[0]["period_end"]  # the latest period, the only one
            sub = [_with_texts(r) for r in mrows]
            parts.append(f"<h3>{html.escape(METRIC_NAMES.get(metric, metric))} 增速 · {_period_label(start, end)}</h3>")
            _bars(sub, [("growth_text", "增速"), ("value_text", "总量"), ("reported_rank", "报道名次"),
                        ("n_articles", "来源数")], parts)
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
