"""Yearbook tables of growth indices (FACTS.md section 7, tables are facts): '地区生产总值指数(2020年)'
under '单位:以上年为100', one place a row and one index a column. An index less 100 is the
year-on-year growth of its column's indicator (108.6 -> 8.6%).

The columns are read from the header in English that statistical yearbooks print under the
Chinese one (its multi-line Chinese header loses the column order when the table is flattened
into text): every name in it must be known, or the table is not read. A row is a place followed by
numbers: as many as the columns, or fewer where a wide gap marks each empty cell ('108.0   107.7'),
or, on the page's last line, the leading cells of a row cut off.
"""
from __future__ import annotations

import re
from typing import Optional

from ledger.extraction.assembly import Subject, make_fact
from ledger.extraction.context import ArticleContext
from ledger.metrics import MetricMention, get_lexicon
from ledger.model import Fact
from ledger.periods import year_only

INDEX_UNIT = re.compile(r"以?上年(?:同期)?\s*(?:为|=|＝)\s*100|preceding\s+year\s*=\s*100", re.I)
# an English column name -> the indicator it holds (None: a column we do not keep), longest names first
_EN_COLUMNS = [
    ("Gross Domestic Products?", "gdp"), ("Gross Regional Products?", "gdp"), ("GDP", "gdp"),
    ("Per Capita GDP(?:\\s*\\(yuan\\))?", "gdp_per_capita"), ("GDP per Capita", "gdp_per_capita"),
    ("Primary Industry", "primary_industry_va"), ("Secondary Industry", "secondary_industry_va"),
    ("Tertiary Industry", "tertiary_industry_va"), ("Industry", None), ("Construction", None),
    ("Agriculture,? Forestry,? Animal Husbandry and Fishery", None), ("Transport,? Storage and Post", None),
    ("Wholesale and Retail Trades?", None), ("Hotels and Catering Services", None),
    ("Financial (?:Intermediation|Services)", None), ("Real Estate", None), ("Others", None),
]
_EN_HEAD = re.compile("|".join(f"(?P<c{k}>{pat})" for k, (pat, _) in enumerate(_EN_COLUMNS)), re.I)
_LABELS = {"gdp": "地区生产总值", "gdp_per_capita": "人均地区生产总值", "primary_industry_va": "第一产业增加值",
           "secondary_industry_va": "第二产业增加值", "tertiary_industry_va": "第三产业增加值"}
_ROW = re.compile(r"^\s*(?P<name>[\u4e00-\u9fff]{2,12})(?:\s+[A-Za-z][A-Za-z' .-]*?)?(?P<nums>(?:\s+\d{2,3}\.\d)+)\s*$")
_NUM = re.compile(r"\d{2,3}\.\d")
_EN_ROW = re.compile(r"\s*[A-Za-z][A-Za-z' .-]*?(?:\s+\d{2,3}\.\d)+\s*")
_WIDE_GAP = 3          # spaces that mark an empty cell between two numbers
_TABLE_YEAR = re.compile(r"[（(]\s*((?:19|20)\d{2})\s*年?\s*[)）]")


def _columns(line: str) -> Optional[list[Optional[str]]]:
    """The indicator of each column named in an English header line, or None when the line is not
    wholly such a header."""
    cols: list[Optional[str]] = []
    pos = 0
    for m in _EN_HEAD.finditer(line):
        if line[pos:m.start()].strip():
            return None
        k = int(next(name for name, v in m.groupdict().items() if v is not None)[1:])
        cols.append(_EN_COLUMNS[k][1])
        pos = m.end()
    if (line[pos:].strip() and not _EN_ROW.fullmatch(line, pos)) or len(cols) < 3 or not any(cols):
        return None     # (a row named only in English, the province's, may have been run onto the header)
    return cols


def _cells(nums: str, n_cols: int, last_line: bool) -> Optional[list[Optional[float]]]:
    found = list(_NUM.finditer(nums))
    values = [float(m.group(0)) for m in found]
    if len(values) == n_cols:
        return values
    if len(values) > n_cols or not values:
        return None
    gaps = [k for k in range(1, len(found)) if found[k].start() - found[k - 1].end() >= _WIDE_GAP]
    if len(gaps) == n_cols - len(values):
        out: list[Optional[float]] = []
        for k, v in enumerate(values):
            if k in gaps:
                out.append(None)
            out.append(v)
        return out
    if last_line and not gaps:
        return values + [None] * (n_cols - len(values))   # a row the page cuts off keeps its leading cells
    return None


def index_table_facts(ctx: ArticleContext) -> list[Fact]:
    text = ctx.text
    unit = INDEX_UNIT.search(text)
    if unit is None:
        return []
    years = _TABLE_YEAR.findall(text, 0, unit.start())
    if not years:
        return []
    period = year_only(int(years[-1]), f"the year in the index table's title ({years[-1]})")
    lex = get_lexicon().terms
    lines = ctx.lines()
    last_line = max((k for k, (_, raw) in enumerate(lines) if raw.strip()), default=-1)
    cols: Optional[list[Optional[str]]] = None
    out: list[Fact] = []
    for k, (start, raw) in enumerate(lines):
        if start < unit.end():
            continue
        if cols is None:
            cols = _columns(raw)
            continue
        m = _ROW.match(raw)
        if m is None:
            continue
        cells = _cells(m.group("nums"), len(cols), k == last_line)
        at = start + m.start("name")
        place = next((p for p in ctx.places_in(at, at + 1) if p.kind != "unresolved"), None)
        if cells is None or place is None or place.end > start + m.end("name"):
            continue
        si = ctx.sentence_at(place.start)
        if si is None:
            continue
        for metric, index in zip(cols, cells):
            if metric is None or index is None:
                continue
            mm = MetricMention(place.start, place.end, lex[_LABELS[metric]])
            f = make_fact(ctx, ctx.sentences[si], metric, mm, place, "actual", period, None,
                          dict(yoy=round(index - 100, 1), cagr=None, rank=None), None, None,
                          "an index of the year before = 100", Subject([place], reason="index table row"))
            if f is not None:
                out.append(f)
    return out
