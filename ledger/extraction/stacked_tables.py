"""Yearbook tables whose header cells are stacked over several short lines.

A statistical yearbook's county table, flattened into text, writes each header cell one fragment a
line and closes it with its unit in brackets on a line of its own ('公共财政', '预算收入', '(万元)'),
the cells set apart by blank lines or not. Its rows follow, a place and its figures, grouped under
their prefecture's name on a line of its own, and ragged at the right (a district with no figure in
the last columns): a row's figures are read left to right under the header's cells. Each column that
names one core indicator, in a unit of money, gives every row a value of that indicator for the year
of the table's caption ('主要经济指标(2015年)').
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ledger.extraction.assembly import Subject, make_fact
from ledger.extraction.context import ArticleContext, Place
from ledger.extraction.tables import core_terms, place_row, table_period
from ledger.model import Fact
from ledger.numbers import Amount
from ledger.periods import find_periods

# a unit in brackets alone on a line ('(万元)', '（平方公里）'): it closes a stacked header cell
_UNIT_LINE = re.compile(r"^[（(][^（）()\d]{1,8}[）)]$")
STACKED_HINT = re.compile(r"(?m)^[ \t]*[（(](?:万元|亿元|元)[）)][ \t]*$")
# a header fragment: a few characters of a label, or a unit line
_FRAGMENT = re.compile(r"^(?:[\u4e00-\u9fa5]{1,12}|[（(][^（）()\d]{1,8}[）)])$")
_MONEY = {"万元": 1e4, "亿元": 1e8, "元": 1.0}


def _cells(fragments: list[tuple[int, str]]) -> tuple[list[str], list[tuple[int, str]]]:
    """The header's cells, fragments joined up to each unit line, and the fragments after the last
    unit (a prefecture's name over the first rows), which belong to no cell."""
    cells, buf, rest = [], "", []
    for at, frag in fragments:
        buf += frag
        rest.append((at, frag))
        if _UNIT_LINE.match(frag):
            cells.append(buf)
            buf, rest = "", []
    return cells, rest


def _under(row: tuple, prefecture: Optional[Place]) -> tuple:
    """A row's place read under the prefecture heading its group: the two 市中区 of a Shandong table
    are 济南's under 济南市 and 枣庄's under 枣庄市."""
    place = row[1]
    region = place.region
    if prefecture is None or region is None or region.prefecture_code in (None, prefecture.code):
        return row
    from ledger.extraction.context import _gazetteer

    gaz = _gazetteer()
    own = gaz.child_named(prefecture.code, place.surface) if gaz is not None else None
    if own is None:
        return row
    return (row[0], replace(place, code=own.code, name=own.name, region=own, level=own.level), *row[2:])


def _column(cell: str) -> Optional[tuple]:
    """(metric mention, multiplier) of a cell naming one core indicator in a unit of money, or None."""
    unit = re.search(r"[（(]([^（）()]+)[）)]$", cell)
    if unit is None or unit.group(1) not in _MONEY:
        return None
    terms = core_terms(cell[:unit.start()])
    if len({mm.metric for mm in terms}) != 1:
        return None
    return terms[-1], _MONEY[unit.group(1)]


def stacked_table_facts(ctx: ArticleContext) -> list[Fact]:
    lines = ctx.lines()
    out: list[Fact] = []
    fragments: list[str] = []
    caption = ""
    k = 0
    while k < len(lines):
        start, raw = lines[k]
        line = raw.strip()
        if not line or _FRAGMENT.match(line):
            if line:
                fragments.append((start + raw.find(line), line))
            k += 1
            continue
        cells, rest = _cells(fragments)
        if len(cells) >= 2 and place_row(ctx, start, raw) is not None:
            made, k = _table(ctx, lines, k, cells, caption, _heading(ctx, *rest[-1]) if rest else None)
            out.extend(made)
        else:
            caption = line
            k += 1
        fragments = []
    return out


def _heading(ctx: ArticleContext, at: int, line: str) -> Optional[Place]:
    """The prefecture a line names, alone on it, or None."""
    found = ctx.places_in(at, at + len(line))
    return found[0] if len(found) == 1 and found[0].surface == line and found[0].level == "prefecture" else None


def _table(ctx: ArticleContext, lines, k: int, cells: list[str], caption: str,
           prefecture: Optional[Place]) -> tuple[list[Fact], int]:
    """The facts of the rows from line ``k`` under ``cells``, and the line after the table."""
    rows = []
    while k < len(lines):
        start, raw = lines[k]
        line = raw.strip()
        if not line:
            k += 1
            continue
        row = place_row(ctx, start, raw)
        if row is None:
            heading = _heading(ctx, start + raw.find(line), line)
            if heading is None:
                break
            prefecture = heading
            k += 1      # the prefecture over its counties' rows
            continue
        if row[0] == "row":
            if len(row[3]) > len(cells):
                return [], k + 1     # more figures than the header has cells: not this header's rows
            rows.append(_under(row, prefecture))
        k += 1
    columns = [_column(c) for c in cells]
    if len(rows) < 3 or not any(columns):
        return [], k
    year = next((p.year for p in find_periods(caption) if p.year), None) or ctx.doc_year
    out = []
    for _, place, _, figures, *_ in rows:
        si = ctx.sentence_at(place.start)
        if si is None:
            continue
        for col, fig in zip(columns, figures):
            if col is None or fig.endswith("%"):
                continue
            mm, mult = col
            f = make_fact(ctx, ctx.sentences[si], mm.metric, mm, place, "actual",
                          table_period(ctx, year) if year else None,
                          Amount(float(fig) * mult, "yuan", None, 0, 0, ""),
                          dict(yoy=None, cagr=None, rank=None), None, None, "yearbook table, stacked header",
                          Subject([place], reason="table row"))
            if f:
                out.append(f)
    return out, k
