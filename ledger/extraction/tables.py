"""Tables flattened into text (FACTS.md section 7): a table of the article's own region (indicator
rows), tables by place (one place a line, or one cell a line), read by their header.
"""
from __future__ import annotations

import re
from typing import Optional

from ledger.extraction.context import ArticleContext, Place
from ledger.metrics import MetricMention
from ledger.model import Fact
from ledger.numbers import Amount, iter_amounts, normalize
from ledger.periods import Period, find_periods, resolve, year_only
from ledger.extraction.assembly import (Subject, make_fact)


# ---------------------------------------------------------------- tables
# After parsing, a table is one cell per line ("地区生产总值\n亿元\n92.8\n6.9") or one row per line
# ("地区生产总值 亿元 92.8 6.9"). A row is a core indicator's label (maybe with its unit in brackets)
# followed only by a unit and numbers; the header cells before the first row say which number
# is the growth rate; the period comes from the header cells, else the title.
NUMERIC_LINE = re.compile(r"(?m)(?:^|[ \t])-?\d+(?:\.\d+)?[ \t]*$")
_CELL_NUM = re.compile(r"^-?\d+(?:\.\d+)?$")
_CELL_UNIT = re.compile(r"^[（(]?(万亿元|亿元|万元|元|亿美元|万美元|美元|%|％)[）)]?$")
_LABEL_UNIT = re.compile(r"^(?P<label>[^\s（(]{2,20})\s*(?:[（(](?P<unit>万亿元|亿元|万元|元|亿美元|万美元|美元)[）)])?$")
_EMPTY_CELLS = {"", "-", "—", "--", "/", "－", "…", "——"}   # "": an empty cell (the parser keeps it as an empty line)
_GROWTH_HEAD = re.compile(r"增长|增速|增幅|同比")
_VALUE_HEAD = re.compile(r"绝对值|总量|累计|本期|本年|完成|数值|金额|\d+月|季度|上半年|全年|单位")
_UNIT_MULT = {"万亿元": (1e12, "yuan"), "亿元": (1e8, "yuan"), "万元": (1e4, "yuan"), "元": (1.0, "yuan"),
              "亿美元": (1e8, "usd"), "万美元": (1e4, "usd"), "美元": (1.0, "usd")}


def table_facts(ctx: ArticleContext) -> list[Fact]:
    lex_terms = {mm.label: mm for mm in ctx.metrics}
    lines = [(pos, raw.strip()) for pos, raw in ctx.lines()]
    out: list[Fact] = []
    header: list[str] = []
    header_pos = 0
    i = 0
    while i < len(lines):
        start, line = lines[i]
        cells = line.split()
        m = _LABEL_UNIT.match(cells[0]) if cells else None
        mm = lex_terms.get(m.group("label")) if m else None
        if mm is None or not mm.term.core or "|" in mm.metric:
            if header and line and not cells[1:] and not _CELL_NUM.match(line):
                # a row of another indicator, one cell a line ('工业总产值', '亿元', '121.0', '6.6'): its cells are no
                # header, and the header above goes on for the rows after it
                j = i + 1
                while j < len(lines) and j - i <= 4 and (_CELL_UNIT.match(lines[j][1]) or lines[j][1] in _EMPTY_CELLS):
                    j += 1
                k = j
                while k < len(lines) and k - i <= 5 and _CELL_NUM.match(lines[k][1]):
                    k += 1
                if k > j:
                    i = k
                    continue
            if line and not _CELL_NUM.match(line) and len(line) <= 16:
                if not header:
                    header_pos = start
                header = (header + [line])[-8:]
            elif len(line) > 16:
                header = []
            i += 1
            continue
        unit = m.group("unit")
        rest = cells[1:]
        j = i + 1
        if not rest:   # one cell per line
            while j < len(lines) and (_CELL_NUM.match(lines[j][1]) or _CELL_UNIT.match(lines[j][1])
                                      or lines[j][1] in _EMPTY_CELLS) and j - i <= 4:
                rest.append(lines[j][1])
                j += 1
        nums = []
        for c in rest:
            u = _CELL_UNIT.match(c)
            if u:
                if u.group(1) not in ("%", "％"):
                    unit = u.group(1)
            elif _CELL_NUM.match(c):
                nums.append(float(c))
            elif c in _EMPTY_CELLS:
                nums.append(None)
            else:
                nums = []
                break
        i = max(j, i + 1)
        if len(nums) > 2 and all(v is None for v in nums[2:]):
            nums = nums[:2]      # (blank lines after a row's two cells, the table's end: no cells of it)
        if not any(v is not None for v in nums) or not header:
            continue
        head = " ".join(header)
        main_code = ctx.main.code if ctx.main else None
        if any(p.code != main_code for p in ctx.places_in(header_pos, start)):
            continue   # a table by place (columns of counties): not the article region's figures
        growth_col = bool(_GROWTH_HEAD.search(head))
        value_col = bool(_VALUE_HEAD.search(head)) or unit is not None
        value = yoy = None
        if len(nums) == 2 and growth_col and value_col:
            value, yoy = nums
        elif len(nums) == 1 and growth_col and (not value_col or unit is None):
            yoy = nums[0]   # no unit on the row: the one number is the rate
        elif len(nums) == 1 and value_col and not growth_col:
            value = nums[0]
        else:
            continue
        if value is None and yoy is None:
            continue
        amount = None
        if value is not None:
            if mm.term.unit == "yuan_per_person":
                unit = unit or "元"
            if unit not in _UNIT_MULT:
                continue
            mult, cur = _UNIT_MULT[unit]
            if cur == "usd" and mm.term.unit != "as_stated":
                continue
            amount = Amount(value * mult, cur, None, 0, 0, str(value))
        pms = find_periods(head) or ([ctx.title_period] if ctx.title_period else [])
        period = resolve(pms[0], ctx.pub, False, None) if pms else None
        si = ctx.sentence_at(start)
        if si is None:
            continue
        s = ctx.sentences[si]
        subject = Subject([], reason="table row: the article's region", implicit=True)
        f = make_fact(ctx, s, mm.metric, mm, None, "actual", period, amount,
                       dict(yoy=yoy, cagr=None, rank=None), None, None, "table row", subject)
        if f:
            f.confidence = round(max(0.1, f.confidence - 0.1), 2)
            out.append(f)
    return out


# ---------------------------------------------------------------- tables by place
# A table flattened into lines, one place a line: "唐山 4837.7 5108.2 -270.5 -5.30%" under a header
# "排名 城市 2018 2017 增量 名义增速", or "金水区 3548.97" under "2025年…各区县生产总值…如下：". The metric
# is named by the header or the lead-in above the block (exactly one core term); a year column gives
# that year's value (with the sub-period the text states for that year, 前三季度), a growth column the
# first year's rate, a rank column (or a leading position) the rank; the unit comes from the header,
# else from the lead-in's own amounts (超过3500亿), else a value is not taken.
CELL_HINT = re.compile(r"(?m)^\s*[-+]?\d+(?:\.\d+)?%?\s*[|｜]?\s*\n(?:\s*\n)*\s*[\u4e00-\u9fa5]{2,8}\s*[|｜]?\s*$")
PIPE_LINE_HINT = re.compile(r"(?:[|｜][^|｜\n]*){8}")     # a table written on one line
ROW_HINT = re.compile(r"(?m)[\u4e00-\u9fa5](?:[ \t|｜]+[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[%％]|亿元|万元)?)+"
                      r"(?:[ \t|｜]+[\u4e00-\u9fa5]{2,8}(?:[、/][\u4e00-\u9fa5]{2,8}){0,5})?[ \t|｜]*$")
_ROW = re.compile(r"^(?:(?P<pos>\d{1,3})[\s.、]+)?(?P<name>[\u4e00-\u9fa5]{2,12})\s+(?P<cells>[-+\d.,%\s|]+?)"
                  # ('… 2.6 江苏': a last column of text, the province; '… 5.8 钢铁、煤炭、装备制造': its main industries)
                  r"(?P<tail>\s+[\u4e00-\u9fa5]{2,8}(?:[、/][\u4e00-\u9fa5]{2,8}){0,5})?$")
_SPACED_POINT = re.compile(r"(?<=\d)\.\s+(?=\d)")        # '3083. 3': a decimal a copy spaced
_SPACED_HEAD = ((re.compile(r"((?:19|20)\d{2})\s+年"), r"\1年"), (re.compile(r"\s+(?=[（(])"), ""))
# a cell: a number, a rate, or a number with thousands separators (77,611)
_ROW_CELL = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")
_TOTAL_ROW = re.compile(r"^(?:全省|全市|全区|全国|合计|总计|全县)$")
_HEAD_UNIT = re.compile(r"[（(]?(万亿元|亿元|万元|元|亿|万)[）)]?")
_COL_YEAR = re.compile(r"^((?:19|20)\d{2})年?$")
_MD_RULE = re.compile(r"^[\s|｜:：-]*-{3,}[\s|｜:：-]*$")     # a markdown table's rule line ('---|---|')
# a year column that names its indicator too ('2022年GDP', '2018年GDP(亿元)')
_COL_YEAR_OF = re.compile(r"^((?:19|20)\d{2})年(?:度)?(?=[^\d])")
_COL_GROWTH = re.compile(r"增速|增长|增幅|同比")
_COL_RANK = re.compile(r"排名|排行|名次|位次|排序|序号")
_COL_SKIP = re.compile(r"增量|增加(?!值)|占比|比重|人均|人口|面积")     # (增加值 is value added: a value)
_LEAD_UNIT = {"万亿": 1e12, "亿": 1e8, "万": 1e4}


def place_table_facts(ctx: ArticleContext) -> list[Fact]:
    lines = ctx.lines()
    out: list[Fact] = []
    k = 0
    prev: Optional[tuple[int, MetricMention, Optional[int]]] = None   # (end line, metric, year) of the last table
    while k < len(lines):
        block = []
        j = k
        while j < len(lines):
            start, raw = lines[j]
            if not raw.strip():
                j += 1
                continue
            row = place_row(ctx, start, raw)
            if row is None and _between_rows(ctx, lines, j, block):
                # '4 | 伊犁直属 | 678 | …' among rows of places: a row the gazetteer cannot name, the table goes on
                row = ("skip", None, None, None)
            if row is None:
                break
            block.append(row)
            j += 1
        if len(block) >= 3:
            inherited = prev[1:] if prev is not None and k - prev[0] <= 3 else None
            made, used = _place_block_facts(ctx, lines, k, block, inherited)
            out.extend(made)
            prev = (j, *used) if used else None
            k = j
        else:
            k = max(j, k + 1)
    return out


def _between_rows(ctx: ArticleContext, lines, j: int, block) -> bool:
    """Whether line ``j`` is a row of the table being read whose name is no place the gazetteer knows:
    shaped like a row, as many figures as the row before it, and a row of a place right after it."""
    rows = [r for r in block if r[0] == "row"]
    if not rows:
        return False
    _, m, _ = _row_shape(lines[j][1])
    if m is None or m.group("tail") or _TOTAL_ROW.match(m.group("name")):
        return False
    cells = m.group("cells").split()
    if len(cells) != len(rows[-1][3]) or not all(_ROW_CELL.fullmatch(c) for c in cells):
        return False
    n = j + 1
    while n < len(lines) and not lines[n][1].strip():
        n += 1
    nxt = place_row(ctx, *lines[n]) if n < len(lines) else None
    return nxt is not None and nxt[0] == "row" and len(nxt[3]) == len(cells)


# a table of one cell per line ('序号 |', '县(市区) |', '单位(亿元) |', '1 |', '黄岛区 |', '2766 |' …, or '市 县',
# '绝对数', '(亿元)', '比上年同期增长', '(%)', '海口市', '797.49', '8.1' …): header cells (a unit cell joins the one
# before it), then rows of an optional position, a place and its figures, as many as the header has columns
_CELL_UNIT_ONLY = re.compile(r"^[（(](?:万亿元|亿元|万元|元|%|％|亿美元|万美元)[）)]$")
_NAME_HEAD = re.compile(r"县|市|区|地区|名称|城市|地市|单位名称")
_NUM_CELL = re.compile(r"^[-+]?\d+(?:\.\d+)?%?$")


def cell_table_facts(ctx: ArticleContext, lines) -> list[Fact]:
    out: list[Fact] = []
    cells: list[tuple[int, str]] = []
    prev = None

    def flush(cells):
        if len(cells) >= 9:
            made, used = _cell_block(ctx, lines, cells, prev)
            out.extend(made)
            return used
        return None

    for start, raw in lines:
        if raw.count("|") + raw.count("｜") >= 8:
            # a whole table on one line ('…位居全市第三。 GDP排行 | 区域 | 2018年GDP(亿元) | 增速(%) | 1 | 渝北区 | …'):
            # its cells, the last word before the first bar being the first header cell
            prev = flush(cells) or prev
            prev = flush(_line_cells(start, raw)) or prev
            cells = []
            continue
        cell = raw.strip().strip("|｜").strip()
        if not raw.strip():
            continue
        if len(cell) <= 16 and (cell or raw.strip() in ("|", "｜")) and not re.search(r"[。；，,]", cell):
            cells.append((start + raw.find(cell) if cell else start, cell))
            continue
        prev = flush(cells) or prev
        cells = []
    flush(cells)
    return out


def _line_cells(start: int, raw: str) -> list[tuple[int, str]]:
    """The cells of a table written on one line, with their offsets; before the first bar only the
    last word counts (what precedes it is the lead-in sentence)."""
    out = []
    pos = 0
    for k, piece in enumerate(re.split(r"[|｜]", raw)):
        cell = piece.strip()
        if k == 0:
            cell = re.split(r"[\s。；：:，,]", cell)[-1]
        if cell or k:
            out.append((start + pos + piece.find(cell) if cell else start + pos, cell))
        pos += len(piece) + 1
    while out and not out[-1][1]:
        out.pop()
    return out


def _cell_block(ctx: ArticleContext, lines, cells, inherited):
    header: list[str] = []
    k = 0
    while k < len(cells) and not _NUM_CELL.match(cells[k][1]) and not _cell_place(ctx, cells[k]):
        c = cells[k][1]
        if k + 1 < len(cells) and _NUM_CELL.match(cells[k + 1][1]) and not (
                _HEAD_UNIT.search(c) or _COL_RANK.search(c) or _COL_GROWTH.search(c) or _CELL_UNIT_ONLY.match(c)):
            break       # a row label the gazetteer does not know (海澄文, 东部地区): the rows begin
        if _CELL_UNIT_ONLY.match(c) and header:
            header[-1] += c
        elif c:
            header.append(c)
        k += 1
    name_col = next((j for j, h in enumerate(header) if _NAME_HEAD.search(h) and not _HEAD_UNIT.search(h)), None)
    if name_col is None or len(header) < 2:
        return [], None
    lead_cells = header[:max(0, name_col - 1)]
    if name_col >= 1 and _COL_RANK.search(header[name_col - 1]):
        header = header[name_col - 1:]      # a position column before the names
    else:
        lead_cells = header[:name_col]
        header = header[name_col:]
    name_col = 1 if header and _COL_RANK.search(header[0]) and len(header) > 1 and _NAME_HEAD.search(header[1]) else 0
    before, after = name_col, len(header) - name_col - 1
    if after < 1 or before > 1:
        return [], None
    rows = []
    rest = [c for c in cells[k:] if c[1]]
    j = 0
    while j + before + after < len(rest):
        pos_cell = rest[j][1] if before else None
        place = _cell_place(ctx, rest[j + before])
        figs = [c[1] for c in rest[j + before + 1:j + before + 1 + after]]
        if place is None or not all(_NUM_CELL.match(f) for f in figs) or (before and not re.fullmatch(r"\d+", pos_cell or "")):
            j += 1      # a group total (东部地区) or a break: look for the next row
            continue
        rows.append(("row", place, int(pos_cell) if before else None, figs))
        j += before + 1 + after
    if len(rows) < 3:
        return [], None
    first = cells[0][0]
    lead = ([raw.strip() for s0, raw in lines if s0 < first and raw.strip()] + lead_cells)[-2:]
    above = lead + [" ".join(header)]
    return _place_block_facts(ctx, lines, 0, rows, inherited, above=above)


def _cell_place(ctx: ArticleContext, cell: tuple[int, str]) -> Optional[Place]:
    start, text = cell
    if not text:
        return None
    hit = [p for p in ctx.places_in(start, start + 1) if p.start == start and p.end - start == len(text)]
    return hit[0] if hit and hit[0].kind != "unresolved" else None


_CELL_UNIT_SUFFIX = re.compile(r"(\d)(亿元|万元|亿|万)(?=[\s|｜]|$)")


def _row_name_in_province(ctx: ArticleContext, name: str, at: int) -> Optional[Place]:
    """The place a table row's name stands for when the gazetteer resolves it (or it with the suffix it
    drops) to one region of the article's own province (the mention scan left it out as a common word),
    else None."""
    province = getattr(ctx.main_region, "province_code", None)     # (a province's own code for a province)
    if not province:
        return None
    try:
        from ledger.regions import get_gazetteer
        gaz = get_gazetteer()
    except Exception:
        return None
    # (the name as written, or with the suffix it drops: 白银 for 白银市)
    # (a city's name before a county's: 白银 is 白银市, not its district 白银区)
    for suffixes in (("", "市", "州", "盟"), ("县", "区", "旗")):
        found = {r.code: r for r in (gaz.resolve(name + suf) for suf in suffixes)
                 if r is not None and r.province_code == province and r.level in ("prefecture", "county")}
        if found:
            break
    if len(found) != 1:
        return None
    region = next(iter(found.values()))
    return Place(at, at + len(name), name, region.code, name, "short", region.level, region)


def _row_shape(raw: str) -> tuple[int, Optional[re.Match], Optional[str]]:
    """(the line's leading blanks, its match of a row's shape or None, the unit every figure cell carries or
    None) of a line, its bars blanked ('1 | 渝北区 | 1848.24 |')."""
    line = raw.replace("|", " ").replace("｜", " ")      # same length: offsets stay valid
    lead = len(line) - len(line.lstrip())
    line = line.strip()
    # '1 长沙市 3712.38亿元': a unit written in every figure cell is blanked (same length) and kept for the block
    units = {u.group(2) for u in _CELL_UNIT_SUFFIX.finditer(line)}
    cell_unit = units.pop() if len(units) == 1 else None
    if cell_unit is not None:
        line = _CELL_UNIT_SUFFIX.sub(lambda u: u.group(1) + " " * len(u.group(2)), line)
    return lead, _ROW.match(_SPACED_POINT.sub(".", line)), cell_unit      # (the name comes before any figure: its offset stays)


def place_row(ctx: ArticleContext, start: int, raw: str):
    if raw.strip().replace("|", " ").replace("｜", " ").strip().startswith("#"):
        return ("skip", None, None, None)
    lead, m, cell_unit = _row_shape(raw)
    if not m:
        return None
    off = start + lead + m.start("name")
    named = [p for p in ctx.places_in(off, off + 1) if p.start == off and p.end - off == len(m.group("name"))]
    cells = [c for c in m.group("cells").split() if c]
    if not cells or not all(_ROW_CELL.fullmatch(c) for c in cells):
        return None
    cells = [c.replace(",", "") for c in cells]
    if _TOTAL_ROW.match(m.group("name")):
        return ("skip", None, None, None)       # the table's total row ('全省 2,772,231 …')
    if m.group("tail"):
        t0 = start + lead + m.start("tail")
        if any(p.level == "county" for p in ctx.places_in(t0, start + lead + m.end("tail"))):
            return None     # '1 | 江苏昆山市 | 51 | 福建安溪县': a table of (position, place) pairs, no figures by place
    if not named or named[0].kind == "unresolved":
        own = _row_name_in_province(ctx, m.group("name"), off)
        if own is not None:
            # '4 | 白银 | 460 | …': a short name that is also a word (白银, silver), in a row among its
            # province's places, is that place
            return ("row", own, int(m.group("pos")) if m.group("pos") else None, cells, bool(m.group("tail")), cell_unit)
        # a row of a unit the gazetteer cannot name for sure (管城区 for 管城回族区): the table goes on
        return ("skip", None, None, None) if re.search(r"[县区市旗]$", m.group("name")) else None
    return ("row", named[0], int(m.group("pos")) if m.group("pos") else None, cells, bool(m.group("tail")), cell_unit)


def _col_year(col: str) -> Optional[int]:
    m = _COL_YEAR.match(col) or _COL_YEAR_OF.match(col)
    return int(m.group(1)) if m else None


def _col_kind(col: str) -> str:
    if col in ("value", "growth"):
        return col
    if _COL_YEAR.match(col):
        return "year"
    if _COL_YEAR_OF.match(col) and not (_COL_SKIP.search(col) or _COL_GROWTH.search(col) or _COL_RANK.search(col)):
        return "year"
    if _COL_SKIP.search(col):
        return "skip"
    if _COL_GROWTH.search(col):
        return "growth"
    if _COL_RANK.search(col):
        return "rank"
    if _HEAD_UNIT.search(col) or re.search(r"绝对|总量|总值|总额|金额|数值|收入|产值|增加值|GDP", col):
        return "value"
    return "skip"


def _place_block_facts(ctx: ArticleContext, lines, k: int, block, inherited=None, above=None):
    """(facts, (metric, year) the block was read with) of one table block. ``above``: the lead-in and
    header lines when the caller assembled them (a table of one cell per line)."""
    rows = [r for r in block if r[0] == "row"]
    if len(rows) >= 4 and len({len(r[3]) for r in rows[:-1]}) == 1 and len(rows[-1][3]) < len(rows[0][3]):
        rows = rows[:-1]      # a last row the page cut off ('丰台区 | 2061.80 | 2009.70 |' under six year columns)
    if len(rows) >= 4 and len({len(r[3]) for r in rows[1:]}) == 1 and len(rows[0][3]) < len(rows[1][3]) \
            and all(_within(r[1], rows[0][1]) for r in rows[1:]):
        rows = rows[1:]       # the whole above its parts ('广西壮族自治区 24,740.86 …' without the parts' positions)
    width = {len(r[3]) for r in rows}
    if len(width) != 1:
        return [], None
    width = width.pop()
    # header and lead-in: up to three non-empty lines above the block
    split_head = _split_header(lines, k, width) if above is None else None
    if above is None:
        above = [raw.replace("|", " ").strip() for _, raw in lines[max(0, k - 6):k]
                 if raw.strip() and not _MD_RULE.match(raw)][-3:]
    header_cols: Optional[list[str]] = None
    if split_head is not None:
        lead, header_cols = split_head
        multi = _per_column_facts(ctx, rows, header_cols, lead, inherited)
        if multi is not None:
            return multi, None
        header_cols = None
    if above:
        head_line = above[-1]
        for pattern, repl in _SPACED_HEAD:
            head_line = pattern.sub(repl, head_line)     # '2016 年GDP (亿)': one header cell a copy spaced
        toks = head_line.split()
        if rows and all(len(r) > 4 and r[4] for r in rows) and toks and re.fullmatch(r"[\u4e00-\u9fa5]{2,8}", toks[-1]):
            toks = toks[:-1]      # the rows' last text column ('所属省分')
        if len(toks) >= width + 1 and not any(re.fullmatch(r"[-+\d.%]+", t) for t in toks[-width:]
                                              if not _COL_YEAR.match(t)):
            header_cols = toks[-width:]
    if header_cols is not None and split_head is None:
        # a one-line header naming two indicators ('排名 | 地级市 | 2015年GDP(亿元) | … | 人均GDP排名')
        multi = _per_column_facts(ctx, rows, header_cols, " ".join(above[:-1]), inherited,
                                  position_ranks=bool(_COL_RANK.search(lines_header_first(above))))
        if multi is not None:
            return multi, None
    head_text = " ".join(above)
    title = ctx.article.title or ""
    # the header's own indicator ('年份/各区县 | 2022年GDP | 2021年GDP') over a lead-in that names several
    own = core_terms(" ".join(header_cols)) if header_cols else []
    terms = own if len({mm.metric for mm in own}) == 1 else (core_terms(head_text) or core_terms(title))
    inherited_year = None
    if not terms and inherited is not None:
        # "名义增速方面，各区县如下：" right under a table: the same indicator, another column
        terms, inherited_year = [inherited[0]], inherited[1]
    if len({mm.metric for mm in terms}) != 1:
        return [], None
    mm = terms[0]
    mult = None
    hu = _HEAD_UNIT.search(above[-1]) if header_cols else None
    if hu:
        mult = _UNIT_MULT[hu.group(1)][0] if hu.group(1) in _UNIT_MULT else _LEAD_UNIT.get(hu.group(1))
    if mult is None:
        lead_amounts = iter_amounts(head_text)
        if lead_amounts and lead_amounts[0].text:
            unit_word = re.search(r"(万亿|亿|万)", lead_amounts[0].text)
            mult = _LEAD_UNIT.get(unit_word.group(1)) if unit_word else None
        elif mm.term.unit == "yuan_per_person" and all(
                float(c.rstrip("%")) >= 1000 for r in rows for c in r[3] if not c.endswith("%")):
            mult = 1.0   # yuan per person, unstated: only figures that can be yuan (not 15.95 = 万元)
    cell_units = {r[5] if len(r) > 5 else None for r in rows}
    if mult is None and len(cell_units) == 1 and (cu := cell_units.pop()) is not None:
        mult = _LEAD_UNIT.get(cu.rstrip("元")) or 1.0      # ('3712.38亿元' in every row)
    if mult is None:
        mult = _unit_by_agreement(ctx, rows)
    if width == 1 and not header_cols:
        cols = ["growth"] if all(r[3][0].endswith("%") for r in rows) else ["value"]
    else:
        cols = header_cols or (["value", "growth"] if width == 2 and rows[0][3][1].endswith("%") else None)
    if cols is None:
        return [], None
    kinds = [_col_kind(c) for c in cols]
    pms = find_periods(head_text) or find_periods(title)
    base_year = next((p.year for p in pms if p.year), None) or inherited_year or ctx.doc_year or \
        (ctx.pub[0] if ctx.pub else None)
    first_year = next((_col_year(c) for c, kd in zip(cols, kinds) if kd == "year"), base_year)
    col_years = tuple(_col_year(c) for c, kd in zip(cols, kinds) if kd == "year")
    ranked_by_position = bool(header_cols) and bool(_COL_RANK.search(above[-1].split()[0]))
    out = []
    for _, place, position, cells, *_ in rows:
        per_year: dict[Optional[int], dict] = {}
        for col, kind, cell in zip(cols, kinds, cells):
            num = float(cell.rstrip("%"))
            if kind in ("year", "value"):
                year = _col_year(col) if kind == "year" else base_year
                if mult is not None and not cell.endswith("%"):
                    per_year.setdefault(year, {})["value"] = num * mult
            elif kind == "growth":
                per_year.setdefault(first_year, {})["yoy"] = num
            elif kind == "rank" and re.fullmatch(r"\d+", cell):
                per_year.setdefault(first_year, {})["rank"] = int(num)
        if position is not None and ranked_by_position:
            per_year.setdefault(first_year, {}).setdefault("rank", position)
        si = ctx.sentence_at(place.start)
        if si is None:
            continue
        for year, vals in per_year.items():
            period = table_period(ctx, year, col_years) if year else None
            amount = Amount(vals["value"], "yuan", None, 0, 0, "") if "value" in vals else None
            f = make_fact(ctx, ctx.sentences[si], mm.metric, mm, place, "actual", period, amount,
                           dict(yoy=vals.get("yoy"), cagr=None, rank=vals.get("rank")), None,
                           "value" if vals.get("rank") else None, "table by place",
                           Subject([place], reason="table row"))
            if f:
                out.append(f)
    return out, (mm, base_year)


def _unit_by_agreement(ctx: ArticleContext, rows) -> Optional[float]:
    """The unit of a table that states none, from the prose around it: a row's place said with one of
    its cells and a unit ('太原以2679.82亿元远超其他城市' over '1 太原 2679.82 2342.33 …'). Every such
    agreement must give the same unit."""
    cells = {}
    for _, place, _, figs, *_ in rows:
        for c in figs:
            if not c.endswith("%"):
                cells.setdefault(place.code, set()).add(float(c))
    found = set()
    amounts = getattr(ctx, "_all_amounts", None)
    if amounts is None:      # (read once per article, not once per table without a unit)
        amounts = ctx._all_amounts = iter_amounts(ctx.text)
    for a in amounts:
        unit_word = re.search(r"(万亿|亿|万)", a.text or "")
        if a.unit != "yuan" or unit_word is None:
            continue
        m = _LEAD_UNIT[unit_word.group(1)]
        for p in ctx.places_in(max(0, a.start - 12), a.start):
            if round(a.value / m, 4) in {round(v, 4) for v in cells.get(p.code, ())}:
                found.add(m)
    return found.pop() if len(found) == 1 else None


# a header written one fragment a line ('县(市) 位次', '(GDP)', 'GDP', '(本币/百万)', …): a bracketed
# fragment belongs to the cell before it; the cells are the row's columns, one metric each
_HEAD_FRAGMENT = re.compile(r"^[^，,。；;：:]{1,16}$")
_COL_MULT = re.compile(r"百万|万亿|亿|万|元")
_COL_MULTS = {**_LEAD_UNIT, "百万": 1e6, "元": 1.0}


def _within(part, whole) -> bool:
    """Whether place ``part`` lies in place ``whole`` (a prefecture in its province, a county in its prefecture)."""
    r, w = getattr(part, "region", None), getattr(whole, "code", None)
    return r is not None and w is not None and w in (getattr(r, "province_code", None), getattr(r, "prefecture_code", None)) \
        and w != part.code


def _split_header(lines, k: int, width: int) -> Optional[tuple[str, list[str]]]:
    """(lead-in, the ``width`` column cells) of a header written over several short lines right
    above line ``k`` (a total row between them is passed over), or None."""
    j = k - 1
    while j >= 0 and (not lines[j][1].strip() or _TOTAL_ROW.match(lines[j][1].split()[0] if lines[j][1].split() else "")):
        j -= 1
    frags: list[str] = []
    while j >= 0 and lines[j][1].strip() and _HEAD_FRAGMENT.match(_head_text(lines[j][1])) and len(frags) < 24:
        frags.insert(0, _head_text(lines[j][1]))
        j -= 1
    if len(frags) < 3:
        return None
    if j >= 0 and _MD_RULE.match(lines[j][1]):
        j -= 1      # ('[编辑]行政区 | 地区生产总值(GDP) | 人均GDP' / '---|---|…' / '本币 (亿元) |' …: a pipe table's group line)
    cells: list[str] = []
    for tok in " ".join(frags).split():
        if tok[0] in "(（" and cells:
            cells[-1] += tok
        else:
            cells.append(tok)
    if len(cells) < width:
        return None
    grouped = _grouped(cells[-width:], _head_text(lines[j][1])) if j >= 0 else None
    if len(cells) == width and grouped is None:
        return None      # (a header of exactly the rows' width only under a line naming its indicators)
    lead = " ".join(raw.strip() for _, raw in lines[max(0, j - 2):j + 1] if raw.strip())
    return lead, grouped or cells[-width:]


def _head_text(raw: str) -> str:
    """A header line as cells parted by spaces: a wiki table's notes, its edit link and a pipe table's bars taken out."""
    return " ".join(_NOTE_MARK.sub("", raw).replace("[编辑]", "").replace("[編輯]", "").replace("|", " ").replace("｜", " ").split())


# a wiki table's notes ('地区生产总值(GDP)[注 2]', '美元[注 4]'): no part of a header cell
_NOTE_MARK = re.compile(r"\[(?:[注註]\s*)?\d{1,2}\]")


def _grouped(cols: list[str], group_line: str) -> Optional[list[str]]:
    """Header cells under a line that names two or more indicators ('行政区 地区生产总值(GDP) 人均GDP' over
    '本币(亿元) 美元(亿元) 位次 比重 本币(元) 美元(元) 位次 比重'): the cells split evenly among the
    indicators, each group opening on the same label, each cell named after its indicator; else None."""
    terms = core_terms(re.sub(r"[（(][^）)]*[）)]", "", _NOTE_MARK.sub("", group_line)))
    keys = [mm.metric for mm in terms]
    if len(terms) < 2 or len(set(keys)) != len(keys):
        return None
    if len(cols) % len(terms) == 0:
        size = len(cols) // len(terms)
        if size >= 2 and len({cols[g * size].split("(")[0].split("（")[0] for g in range(len(terms))}) == 1:
            return [terms[g].label + " " + cols[g * size + c] for g in range(len(terms)) for c in range(size)]
    return _grouped_by_opening(cols, group_line)


def _grouped_by_opening(cols: list[str], group_line: str) -> Optional[list[str]]:
    """Groups of unequal size, each opening on the same label ('县(市) GDP(百万元) 人均GDP 年末常住人口' over
    '位次 本币 美元 占比(%) 位次 本币 美元 占比(%) 位次 人口 占比(%)'): the group line's labels after the
    row label, one per group in order, each cell named after its group and carrying the group's unit."""
    first = cols[0].split("(")[0].split("（")[0]
    starts = [k for k, c in enumerate(cols) if c.split("(")[0].split("（")[0] == first]
    labels = _NOTE_MARK.sub("", group_line).split()[1:]
    if len(starts) < 2 or starts[0] != 0 or len(labels) != len(starts):
        return None
    out = []
    for g, label in enumerate(labels):
        unit = re.search(r"[（(]([^）)]*)[）)]", label)
        name = re.sub(r"[（(][^）)]*[）)]", "", label)
        for c in cols[starts[g]:starts[g + 1] if g + 1 < len(starts) else len(cols)]:
            has_unit = _COL_MULT.search(re.sub(r"^[^（(]*", "", c))
            out.append(f"{name} {c}" + (f"({unit.group(1)})" if unit and not has_unit and not _COL_RANK.search(c) else ""))
    return out


def _per_column_facts(ctx: ArticleContext, rows, cols: list[str], lead: str, inherited,
                      position_ranks: bool = False) -> Optional[list[Fact]]:
    """Facts of a table whose columns name two or more indicators ('位次(GDP)', 'GDP(本币/百万)',
    '人均GDP(本币/元)'): each column its indicator, its unit, value or rank; money in another
    currency (美元) is left out. A column opening with a year ('2015年GDP(亿元)') holds that year's
    figure. ``position_ranks``: the rows' leading positions (under a '排名' column) rank the one
    indicator that has no rank column of its own, in its latest year. None when the columns do not
    name two indicators."""
    metrics = []
    for col in cols:
        terms = core_terms(re.sub(r"[（(][^）)]*[）)]", "", col) or col)
        if not terms:
            inner = re.search(r"[（(]([^）)]*)[）)]", col)      # '位次(人均GDP)': the ranked indicator
            terms = core_terms(inner.group(1)) if inner else []
        metrics.append(terms[-1] if len({mm.metric for mm in terms}) == 1 else None)
    if len({mm.metric for mm in metrics if mm is not None}) < 2:
        return None
    pms = find_periods(lead) or find_periods(ctx.article.title or "")
    year = next((p.year for p in pms if p.year), None) or ctx.doc_year
    col_years = [int(m.group(1)) if (m := _COL_YEAR_OF.match(col)) else year for col in cols]
    ranked = {mm.metric for col, mm in zip(cols, metrics) if mm is not None and _COL_RANK.search(col)}
    unranked = {(mm.metric, y) for col, mm, y in zip(cols, metrics, col_years)
                if mm is not None and "美元" not in col and mm.metric not in ranked}
    by_position = by_position_mm = None
    if position_ranks and len({m for m, _ in unranked}) == 1:
        by_position = max(unranked, key=lambda k: k[1] or 0)
        by_position_mm = next(mm for mm in metrics if mm is not None and mm.metric == by_position[0])
    out: list[Fact] = []
    for _, place, position, cells, *_ in rows:
        vals: dict[tuple, dict] = {}
        if by_position is not None and position is not None:
            vals[by_position] = {"mm": by_position_mm, "rank": int(position)}
        for col, mm, cell, cy in zip(cols, metrics, cells, col_years):
            if mm is None or "美元" in col or cell.endswith("%") or re.search(r"比重|占比|份额", col):
                continue
            slot = vals.setdefault((mm.metric, cy), {"mm": mm})
            if _COL_RANK.search(col):
                if re.fullmatch(r"\d+", cell):
                    slot["rank"] = int(cell)
            else:
                unit = _COL_MULT.search(re.sub(r"^[^（(]*", "", col)) or _COL_MULT.search(col)
                if unit is None and mm.term.unit != "yuan_per_person":
                    continue
                slot["value"] = float(cell) * (_COL_MULTS[unit.group(0)] if unit else 1.0)
        si = ctx.sentence_at(place.start)
        if si is None:
            continue
        for (metric, cy), slot in vals.items():
            if "value" not in slot and "rank" not in slot:
                continue
            amount = Amount(slot["value"], "yuan", None, 0, 0, "") if "value" in slot else None
            f = make_fact(ctx, ctx.sentences[si], metric, slot["mm"], place, "actual",
                          table_period(ctx, cy) if cy else None, amount,
                          dict(yoy=None, cagr=None, rank=slot.get("rank")), None,
                          "value" if slot.get("rank") else None, "table by place, one indicator a column",
                          Subject([place], reason="table row"))
            if f:
                out.append(f)
    return out


def lines_header_first(above: list[str]) -> str:
    """The first column label of the header line above a block ('排名 城市 …' -> '排名')."""
    return above[-1].split()[0] if above and above[-1].split() else ""


def core_terms(text: str) -> list[MetricMention]:
    """The core indicators ``text`` names (a row naming two metrics at once is not one of them)."""
    return [mm for mm in get_lexicon_terms(text) if mm.term.core and "|" not in mm.metric]


def get_lexicon_terms(text: str) -> list[MetricMention]:
    from ledger.metrics import get_lexicon

    return get_lexicon().find(normalize(text))


_CUT_OFF_BEFORE = re.compile(r"(?:截至|截止|更新至|更新到|截止到|截止至)\s*$")


def table_period(ctx: ArticleContext, year: int, siblings: tuple = ()) -> Period:
    """A table's year column: the sub-period the text states for that year (2018年前三季度), if one; else
    the one stated for another year column of the same table (a '2018年 | 2017年' comparison of the
    same months)."""
    stated = getattr(ctx, "_stated_periods", None)
    if stated is None:   # the opening's periods, found once per article (not once per table row)
        # (not a cut-off date: '数据截止更新至2020年12月' is when the table was made, not its period)
        stated = ctx._stated_periods = [pm for pm in find_periods(ctx.text[:4000]) if pm.months and not pm.span
                                        and not _CUT_OFF_BEFORE.search(ctx.text, max(0, pm.start - 8), pm.start)]
        title = ctx.article.title or ""
        if title and not ctx.text.startswith(title):
            # (the title, when the text does not open with it: '2019年前三季度…GDP排名' over the table)
            stated += [pm for pm in find_periods(title) if pm.months and not pm.span]
    subs = {pm.months for pm in stated if pm.year == year}
    if len(subs) == 1:
        m1, m2 = subs.pop()
        return Period("%04d-%02d" % (year, m1), "%04d-%02d" % (year, m2), False, f"table column {year}, period stated in the text")
    for other in siblings:
        subs = {pm.months for pm in stated if pm.year == other}
        if other != year and len(subs) == 1 and subs != {(1, 12)}:
            m1, m2 = subs.pop()
            return Period("%04d-%02d" % (year, m1), "%04d-%02d" % (year, m2), False,
                          f"table column {year}, the months stated for its {other} column")
    return year_only(year, f"table column {year}")


# ---------------------------------------------------------------- tables by year
# A series of the article's own region, one year a line: '年份 | GDP(亿元) | 增速(%) |' then
# '2020年 | 1711.6 | 5.1 |'. The header names one core indicator and its unit; each row is that
# year's full-year value (and growth, when a column says so). A page that never names its region
# gives no row (no region to hold the series).
_YEAR_ROW = re.compile(r"^[|｜\s]*(?P<y>(?:19|20)\d{2})\s*年?\s*[|｜\s]+(?P<cells>[-+\d.%\s|｜]+)$")
_YEAR_ROW_WITHOUT_FIGURES = re.compile(r"^[|｜\s]*(?:19|20)\d{2}\s*年?(?:\s*[|｜]\s*(?:点击查看|暂无|待公布|未公布|—+|-+|/)?)+\s*$")
YEAR_ROW_HINT = re.compile(r"(?m)^[|｜\s]*(?:19|20)\d{2}\s*年?\s*[|｜\s]+[-+]?\d")


def year_table_facts(ctx: ArticleContext) -> list[Fact]:
    if ctx.main is None or not ctx.main.code:
        return []
    out: list[Fact] = []
    lines = ctx.lines()
    for start, raw in lines:
        if raw.count("|") + raw.count("｜") >= 8:
            out.extend(_one_line_year_table(ctx, _line_cells(start, raw)))
    k = 0
    while k < len(lines):
        rows = []
        j = k
        while j < len(lines):
            if _YEAR_ROW_WITHOUT_FIGURES.match(lines[j][1]):
                j += 1      # ('2021 | |', '2024 | 点击查看 |': a year the page gives no figure for; the table goes on)
                continue
            m = _YEAR_ROW.match(lines[j][1])
            if not m:
                break
            cells = [c for c in re.split(r"[\s|｜]+", m.group("cells").strip()) if c]
            if not cells or not all(re.fullmatch(r"[-+]?\d+(?:\.\d+)?%?", c) for c in cells):
                break
            rows.append((lines[j][0], int(m.group("y")), cells))
            j += 1
        if len(rows) >= 3 and k > 0:
            out.extend(_year_block(ctx, lines[k - 1][1], rows))
        k = max(j, k + 1)
    return out


def _one_line_year_table(ctx: ArticleContext, cells: list[tuple[int, str]]) -> list[Fact]:
    """'…对比表 年份 | GDP(亿元) | 增速(%) | 2018年 | 20363.19 | 6 | 2017年 | …' on one line: the header
    cells up to the first year, then rows of as many cells, each opening with its year."""
    # the header opens with a cell whose last word is 年份 (a caption may stand before it in the cell,
    # or a table before it on the same line)
    h = next((k for k, (_, c) in enumerate(cells) if re.fullmatch(r"(?:年份|年度|时间)", c.split()[-1] if c.split() else "")), None)
    if h is None:
        return []
    word = cells[h][1].split()[-1]
    cells = [(cells[h][0] + cells[h][1].rfind(word), word)] + cells[h + 1:]
    first = next((k for k, (_, c) in enumerate(cells) if _COL_YEAR.match(c)), None)
    if first is None or first < 2:
        return []
    width = first
    header = " | ".join(c for _, c in cells[:width])
    rows = []
    for k in range(first, len(cells) - width + 1, width):
        chunk = cells[k:k + width]
        y = _COL_YEAR.match(chunk[0][1])
        figs = [c for _, c in chunk[1:]]
        if y is None or not all(re.fullmatch(r"[-+]?\d+(?:\.\d+)?%?", f) for f in figs):
            break
        rows.append((chunk[0][0], int(y.group(1)), figs))
    return _year_block(ctx, header, rows) if len(rows) >= 3 else []


def _year_block(ctx: ArticleContext, header_line: str, rows) -> list[Fact]:
    cols = [c for c in re.split(r"[\s|｜]+", header_line.strip()) if c]
    if len(cols) < 2 or not re.search(r"年份|年度|时间", cols[0]):
        return []
    cols = cols[1:]
    terms = core_terms(header_line)
    if len({mm.metric for mm in terms}) != 1:
        return []
    mm = terms[0]
    kinds = [_col_kind(c) for c in cols]
    value_col = next((n for n, kd in enumerate(kinds) if kd == "value"), None)
    growth_col = next((n for n, kd in enumerate(kinds) if kd == "growth"), None)
    mult = None
    if value_col is not None:
        hu = _HEAD_UNIT.search(cols[value_col])
        if hu:
            mult = _UNIT_MULT[hu.group(1)][0] if hu.group(1) in _UNIT_MULT else _LEAD_UNIT.get(hu.group(1))
    out = []
    for start, year, cells in rows:
        if len(cells) != len(cols):
            continue
        value = float(cells[value_col]) * mult if value_col is not None and mult else None
        yoy = float(cells[growth_col].rstrip("%")) if growth_col is not None else None
        si = ctx.sentence_at(start)
        if si is None or (value is None and yoy is None):
            continue
        amount = Amount(value, "yuan", None, 0, 0, "") if value is not None else None
        f = make_fact(ctx, ctx.sentences[si], mm.metric, mm, None, "actual", year_only(year, f"table row {year}"),
                      amount, dict(yoy=yoy, cagr=None, rank=None), None, None, "table by year",
                      Subject([], reason="a series of the article's region", implicit=True))
        if f:
            out.append(f)
    return out
