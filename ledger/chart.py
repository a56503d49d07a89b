"""The league-table chart: one self-contained HTML file (plain HTML/CSS bars, no script,
no external resource), written from the built marts.

Default path: ``out/league.html`` beside the published marts file, so with the default
``data/marts.duckdb`` it is ``data/out/league.html``; ``LEDGER_CHART`` overrides it.
"""
from __future__ import annotations

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


def _bars(rows: Sequence[dict], caption_cols: Sequence[tuple[str, str]]) -> str:
    """A ranked list with a diverging bar of yoy growth per row."""
    growths = [r["yoy_pct"] for r in rows if r["yoy_pct"] is not None]
    pos = max([g for g in growths if g > 0], default=0.0)
    neg = -min([g for g in growths if g < 0], default=0.0)
    span = (pos + neg) or 1.0
    zero = 100.0 * neg / span
    head = "".join(f"<th>{html.escape(label)}</th>" for _, label in caption_cols)
    out = [f'<table class="league"><tr><th>名次</th><th>县(市、区)</th><th>同比增长</th>{head}</tr>']
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
        cells = "".join(f'<td class="num">{html.escape(str(r.get(k) if r.get(k) is not None else ""))}</td>'
                        for k, _ in caption_cols)
        out.append(f'<tr><td class="num">{rank}</td><td>{html.escape(r["region_name"] or "")}{warn}</td>'
                   f'<td class="barcell">{track}</td>{cells}</tr>')
    out.append("</table>")
    return "\n".join(out)


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence = ()) -> list[dict]:
    cur = con.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def league_html(con: duckdb.DuckDBPyConnection) -> str:
    """The whole page, from county_investment_league and county_growth_league."""
    parts = ["<h1>县域经济排行榜 · county league tables</h1>",
             f'<p class="note">Built {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC from the marts '
             "county_investment_league and county_growth_league. Counties are ranked only against counties "
             "of the same prefecture, for the same metric and period; ties share a rank. "
             "⚠ marks a figure that sources report differently (the most recent publication is shown).</p>"]
    inv = _dicts(con, """
        SELECT prefecture_code, prefecture_name, province_name, region_name, period_start, period_end,
               value, yoy_pct, rank_by_value, rank_by_growth, reported_rank, n_articles, disagreement
        FROM county_investment_league
        ORDER BY prefecture_code, period_end DESC, period_start DESC, rank_by_growth NULLS LAST, region_name""")
    growth = _dicts(con, """
        SELECT prefecture_code, prefecture_name, province_name, region_name, metric, period_start, period_end,
               value, yoy_pct, rank_by_value, rank_by_growth, reported_rank, n_articles, disagreement
        FROM county_growth_league
        ORDER BY prefecture_code, metric, period_end DESC, period_start DESC, rank_by_growth NULLS LAST, region_name""")
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
        prefectures.setdefault(r["prefecture_code"], f'{r["prefecture_name"]}（{r["province_name"]}）')
    for code, title in prefectures.items():  # one pass per prefecture over its own rows only
        parts.append(f"<h2>{html.escape(title)}</h2>")
        rows = inv_by.get(code, [])
        periods = list(dict.fromkeys((r["period_start"], r["period_end"]) for r in rows))[:MAX_PERIODS]
        for start, end in periods:
            sub = [dict(r, value_text=_fmt_yi(r["value"]), growth_text=_fmt_pct(r["yoy_pct"]))
                   for r in rows if (r["period_start"], r["period_end"]) == (start, end)]
            parts.append(f"<h3>固定资产投资 · {_period_label(start, end)}</h3>")
            parts.append(_bars(sub, [("growth_text", "增速"), ("value_text", "完成额"),
                                     ("rank_by_value", "总量名次"), ("reported_rank", "报道名次"),
                                     ("n_articles", "来源数")]))
        by_metric: dict[str, list[dict]] = {}
        for r in growth_by.get(code, []):
            by_metric.setdefault(r["metric"], []).append(r)
        for metric, mrows in by_metric.items():
            start, end = mrows[0]["period_start"], mrows[0]["period_end"]  # the latest period
            sub = [dict(r, value_text=_fmt_yi(r["value"]), growth_text=_fmt_pct(r["yoy_pct"]))
                   for r in mrows if (r["period_start"], r["period_end"]) == (start, end)]
            parts.append(f"<h3>{html.escape(METRIC_NAMES.get(metric, metric))} 增速 · {_period_label(start, end)}</h3>")
            parts.append(_bars(sub, [("growth_text", "增速"), ("value_text", "总量"),
                                     ("reported_rank", "报道名次"), ("n_articles", "来源数")]))
    body = "\n".join(parts)
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f"<title>county-ledger league tables</title><style>{_CSS}</style></head>\n<body>\n{body}\n</body></html>\n")


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
