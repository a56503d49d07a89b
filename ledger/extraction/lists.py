"""Place-figure lists (FACTS.md section 7, per-county lists are facts): places each followed by their
own figure, with the metric named before the list and ranks when its lead-in is ordered.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ledger.extraction.context import ArticleContext, Place
from ledger.metrics import MetricMention
from ledger.model import Fact
from ledger.numbers import Amount, cn_number, iter_amounts
from ledger.extraction.assembly import (Group, JOIN, SCOPE, Subject, figure_amounts, kind_and_period, make_fact,
                                        unit_ok)


# ---------------------------------------------------------------- place-figure lists
# "总量前三位的县是：魏县44.1亿元、大名县43.6亿元、临漳县35.5亿元", "分别为A区179.2亿元、B区148.1亿元",
# "依次排列为：A市3207.43亿元，B区2609.06亿元…": places each followed by its own figure. The metric is the
# nearest term before the list (in the sentence, else earlier in the paragraph); an ordered lead-in
# (前三位, 依次, 从高到低) ranks the places in order, a bottom one (后三位) gives no rank.
@dataclass
class ListItem:
    place: Place
    start: int                    # absolute offsets of place + figure
    end: int
    amount: Optional[Amount]
    pct: Optional[float]          # a percentage, or 0.0 for 持平
    ordinal: Optional[int]        # "第二名A…": an explicit position
    rate: Optional[float] = None  # a rate in the same brackets as the amount ('A(650.80亿元，增长8.6%)')
    growth_said: bool = False     # the brackets name it a growth (同比, 增长 …)


_ITEM_FIGURE = re.compile(r"(?:为|以|达|是|[:：（(])?\s*"
                          # ('长沙市同比增长9.9%，湘潭市同比增长9.6%…': each place its own growth, said with its word)
                          r"(?:(?:同比|比上年)?(?P<word>增长|增速|增幅|下降|减少)(?:为|达|了)?\s*)?"
                          r"(?:(?P<pct>[-+]?\d+(?:\.\d+)?)\s*%|(?P<flat>持平))[）)]?")
_ITEM_SEP = re.compile(r"^\s*(?:[、，,；;]|和|及)?\s*(?:(?:第(?P<ord>[一二三四五六七八九十\d]+)(?:名|位)(?:是|为)?|其次(?:是|为)?"
                       # ('1.鄂尔多斯(…)、2.呼和浩特(…)': a numbered list on one line)
                       r"|(?P<num>\d{1,2})\s*[.．]{1,2})\s*)?$")
_NO_DATA = re.compile(r"\s*[（(]\s*(?:数据)?(?:暂缺|暂无|缺失|未公布|暂未公布|空缺)(?:数据)?\s*[）)]")
_NUMBERED_BEFORE = re.compile(r"(?:^|(?<=[、，,；;：:\s]))(\d{1,2})\s*[.．]\s*$")
# a figure in brackets with its rate: '(650.80亿元 同比增长-12.1%下同)', '(192.10亿元，下降8.6%)'
_BRACKETED_PAIR = re.compile(r"[（(](?P<amt>[^（）()%]{1,16}?(?:亿元|万元|亿|万|元))\s*[，,、]?\s*"
                             r"(?P<word>(?:同比|比上年)?(?:增长|下降|增速|增幅|减少)?)\s*(?:为|是)?\s*(?P<pct>[-+]?\d+(?:\.\d+)?)\s*%"
                             r"(?:\s*下同)?[）)]")

_ORDERED_LEAD = re.compile(r"前(?P<n>[一二两三四五六七八九十\d]+)(?:位|名|(?=的?(?:是|为)))|依次|从高到低|由高到低|从大到小|由大到小|排名第一的是|最高的是|最快的是"
                           r"|排名分别(?:为|是)|(?:排名|排序|排行|位次)(?:为|是|如下|情况为|情况如下)[:：]?\s*$")
_TRAILING_PLACES = re.compile(r"\s*(?:分列|分别位列|分别居|依次位列|位列)(?:全[市省国])?前(?P<n>[一二两三四五六七八九十\d]+)(?:位|名)?")
_COUNTED = re.compile(r"(?P<n>[一二两三四五六七八九十\d]+)个(?:县|市|区|县市|县（市）|县\(市\)|县\(市、区\)|县（市、区）)")
_ET_CETERA = re.compile(r"\s*等")
_BOTTOM_LEAD = re.compile(r"后[一二两三四五六七八九十\d]+(?:位|名)|倒数|最低|最慢|从低到高|由低到高")
_FIRST_IS = re.compile(r"(?:位于|排在|排名|位居|位列)?(?:全市|全省)?第一(?:名|位)?的\s*$")
_GROWTH_LEAD = re.compile(r"增速|增幅|增长|同比|增长率")
_SHARE_LEAD = re.compile(r"占|比重|份额")


def _item_at(ctx: ArticleContext, p: Place, limit: int) -> Optional[ListItem]:
    text = ctx.text
    pair = _BRACKETED_PAIR.match(text, p.end, min(limit, p.end + 40))
    if pair:
        amounts = iter_amounts(pair.group("amt"))
        if amounts and amounts[0].unit == "yuan":
            rate = float(pair.group("pct"))
            if pair.group("word") in ("下降", "减少") and rate > 0:
                rate = -rate
            return ListItem(p, p.start, pair.end(), amounts[0], None, None, rate, bool(pair.group("word")))
    tail = text[p.end:min(limit, p.end + 24)]
    m = _ITEM_FIGURE.match(tail)
    if m:
        pct = 0.0 if m.group("flat") else float(m.group("pct"))
        if m.group("word") in ("下降", "减少"):
            pct = -abs(pct)
        return ListItem(p, p.start, p.end + m.end(), None, pct, None)
    for a in iter_amounts(tail):
        if a.start <= 3 and re.fullmatch(r"(?:为|以|达|是|[:：（(])?\s*", tail[:a.start]) and a.unit == "yuan":
            close = 1 if tail[a.start - 1:a.start] in ("(", "（") and tail[a.end:a.end + 1] in (")", "）") else 0
            return ListItem(p, p.start, p.end + a.end + close, a, None, None)
        break
    return None


def place_figure_runs(ctx: ArticleContext, i: int) -> list[list[ListItem]]:
    """Runs of two or more places each followed by its own amount or percentage, in a sentence."""
    s = ctx.sentences[i]
    text = ctx.text
    places = ctx.places_in(s.start, s.end)
    if len(places) < 2:       # a run needs two places: most sentences are done here
        return []
    runs: list[list[ListItem]] = []
    cur: list[ListItem] = []
    gap_end = None      # the end of a member stated without data ('6.赤峰(数据暂缺)'): the run goes on past it
    for p in places:
        if cur and p.start < cur[-1].end:
            continue
        item = _item_at(ctx, p, s.end)
        sep = _ITEM_SEP.match(text[gap_end or cur[-1].end:p.start]) if cur else None
        no_data = _NO_DATA.match(text, p.end) if item is None and cur and sep else None
        if no_data is not None:
            gap_end = no_data.end()
            continue
        gap_end = None
        if item is not None and cur and sep and (item.amount is None) == (cur[-1].amount is None):
            if sep.group("ord"):
                item.ordinal = int(cn_number(sep.group("ord")) or 0) or None
            elif sep.group("num"):
                item.ordinal = int(sep.group("num")) or None
            cur.append(item)
            continue
        if len(cur) >= 2:
            runs.append(cur)
        cur = [item] if item is not None else []
        if item is not None:
            num = _NUMBERED_BEFORE.search(text, max(s.start, p.start - 4), p.start)
            item.ordinal = int(num.group(1)) if num else None      # ('…、4.锡林郭勒(…)': a run may open on its own number)
    if len(cur) >= 2:
        runs.append(cur)
    return runs


def _list_metric(ctx: ArticleContext, i: int, at: int) -> Optional[MetricMention]:
    """The nearest metric term before ``at``: in the sentence, else earlier in its paragraph or the
    heading just above it; a list of several terms names no single metric."""
    s = ctx.sentences[i]
    lo = s.start
    j = i
    while j > 0 and ctx.sentences[j - 1].paragraph == s.paragraph:
        j -= 1
    lo = ctx.sentences[j].start
    if j > 0 and ctx.sentences[j - 1].is_heading:
        lo = ctx.sentences[j - 1].start
    if not ctx.metrics_in(lo, at):
        # "…各区县GDP从高到低依次排列为：" / "(资料图)" / "A(…亿元)，B(…)": a lead-in paragraph ending
        # with a colon, maybe with a caption between, names the metric of the list below it
        k = j - 1
        while k >= 0 and k >= j - 3:
            prev = ctx.text[ctx.sentences[k].start:ctx.sentences[k].end].strip()
            if prev.endswith((":", "：")):
                lo = ctx.sentences[k].start
                break
            if len(prev) > 12:
                break
            k -= 1
    found = ctx.metrics_in(lo, at)
    if not found:
        return None
    last = found[-1]
    if len(found) > 1 and JOIN.match(ctx.text[found[-2].end:last.start]):
        return None
    return last


def _metric_by_figure(ctx: ArticleContext, run: list[ListItem], known: list[Fact]) -> Optional[MetricMention]:
    """A list naming no metric ('十大强县的排名分别为慈溪(2639亿)、义乌(2055亿)…') whose figure for a
    place is, to its rounding, a figure the article states for that place with its metric
    ('慈溪全市实现地区生产总值2639.45亿元'): that metric, when every such match names the same one."""
    found = set()
    for it in run:
        if not it.place.code:
            continue
        for f in known:
            if f.region_code != it.place.code:
                continue
            if it.amount is not None and f.value and abs(f.value - it.amount.value) <= 0.01 * f.value:
                found.add(f.metric)
            elif it.amount is None and it.pct is not None and f.yoy_pct is not None and abs(f.yoy_pct - it.pct) < 1e-9:
                # ('安康市GDP增长10.8%…。各市区主要经济指标：西安8.0%、…、安康10.8%…': a list of rates, one of them
                # a place's growth the article states with its indicator)
                found.add(f.metric)
    if len(found) != 1:
        return None
    key = found.pop()
    return next((mm for mm in ctx.metrics if mm.metric == key and mm.term.core), None)


_GROWTH_AFTER_TERM = re.compile(r"\s*(?:同比)?(?:增速|增幅|增长率?)")


def _metric_after(ctx: ArticleContext, at: int, end: int) -> Optional[MetricMention]:
    """The core indicator a run of places with bracketed rates names right after its last item, with its
    growth word ('…和西夏区(20.6%)规模以上工业增加值增速'), or None."""
    found = ctx.metrics_in(at, min(end, at + 3))
    if not found or not found[0].term.core or "|" in found[0].metric or ctx.text[at:found[0].start].strip():
        return None
    return found[0] if _GROWTH_AFTER_TERM.match(ctx.text, found[0].end) else None


_GROUP_BEFORE_METRIC = re.compile(r"\s*(?:这|以上|上述)?(?:[两二三四五六七八九十]|\d{1,2})(?:地|市|县|区|城|者|个城市|个县)的?")


def _group_metric_after(ctx: ArticleContext, at: int, end: int) -> Optional[MetricMention]:
    """The core indicator right after a run's count of its places ('…两地GDP'), or None."""
    gm = _GROUP_BEFORE_METRIC.match(ctx.text, at, end)
    if gm is None:
        return None
    found = ctx.metrics_in(gm.end(), gm.end() + 1)
    if not found or found[0].start != gm.end() or not found[0].term.core or "|" in found[0].metric:
        return None
    return found[0]


def _run_with_metric_after(ctx: ArticleContext, i: int, run: list[ListItem], mm: MetricMention,
                           prev_target_mood: dict[int, bool]) -> list[Fact]:
    s = ctx.sentences[i]
    if any(it.amount is not None or it.pct is None for it in run):
        return []      # (only rates in brackets before their indicator: '兴庆区(33.4%)')
    g = Group([mm], run[0].start, run[0].start, i)
    kind, period, why = kind_and_period(ctx, i, g, mm.end, -1, prev_target_mood)
    if kind is None:
        return []
    scope_m = re.search(SCOPE, ctx.text[mm.end:s.end])
    out = []
    for it in run:
        if it.place.kind == "unresolved":
            continue
        f = make_fact(ctx, s, mm.metric, mm, it.place, kind, period, None, dict(yoy=it.pct, cagr=None, rank=None),
                      scope_m.group(0) if scope_m else None, "growth", "place-figure list, its indicator after it"
                      + ("; " + why if why else ""), Subject([it.place], reason="place-figure list"))
        if f:
            out.append(f)
    return out


def place_figure_facts(ctx: ArticleContext, i: int, run: list[ListItem],
                        prev_target_mood: dict[int, bool], prev_end: int = 0,
                        known: Optional[list[Fact]] = None,
                        goes_on_from: Optional[tuple[int, MetricMention]] = None) -> tuple[list[Fact], Optional[MetricMention]]:
    """Facts of the places of ``run``; ``goes_on_from`` is the last position and the indicator of an ordered
    list the run carries on after a ；('…GDP依次是A(…)、B(…)；\nC(…)、D(…)': C and D hold the next positions).
    Returns the facts and the indicator the run was read with."""
    s = ctx.sentences[i]
    text = ctx.text
    after = _metric_after(ctx, run[-1].end, s.end)
    if after is not None:
        # '兴庆区(33.4%)和西夏区(20.6%)规模以上工业增加值增速分别位列…': the run names its indicator right after it
        return _run_with_metric_after(ctx, i, run, after, prev_target_mood), after
    mm = _list_metric(ctx, i, run[0].start)
    if mm is None and goes_on_from is not None:
        mm = goes_on_from[1]
    if mm is None and run[0].amount is not None:
        # '松原(892.72亿)和延边(875.76亿)两地GDP均在880亿左右': the places, then the indicator they share
        mm = _group_metric_after(ctx, run[-1].end, s.end)
    inferred = False
    if mm is None and known:
        mm = _metric_by_figure(ctx, run, known)
        inferred = mm is not None
    if mm is None or "|" in mm.metric:
        return [], None
    # the lead-in of this list, after any list before it (its sentence's start for an inferred metric)
    lead = text[max(s.start if inferred else mm.end, prev_end):run[0].start]
    is_pct = run[0].amount is None
    # a rate list's growth word: in its own sentence, or with the indicator an earlier sentence of the
    # paragraph named ('全市固定资产投资增速6.4%。比如，延津县是20.9%，凤泉区是20.7%…')
    said = text[mm.start:mm.end + 12] if mm.start < s.start else ""
    if is_pct and not inferred and (not (_GROWTH_LEAD.search(text[max(s.start, mm.start):run[0].start])
                                         or _GROWTH_LEAD.search(said)) or _SHARE_LEAD.search(lead)):
        return [], None     # (a list inferred from a place's stated growth is a list of growths)
    if not is_pct and not all(unit_ok(mm.term.unit, it.amount) or mm.term.unit == "yuan_per_person" for it in run):
        return [], None
    ranks: list[Optional[int]] = [None] * len(run)
    trail = _TRAILING_PLACES.match(text, run[-1].end)
    if any(it.ordinal for it in run[1:]):
        ranks = [it.ordinal or (k + 1 if k == 0 and run[1].ordinal == 2 else None) for k, it in enumerate(run)]
    elif trail and cn_number(trail.group("n")) and len(run) <= cn_number(trail.group("n")) <= len(run) + 1:
        # "A以365.9亿元位居榜首，B(330.2亿元)、C(277.2亿元)…分列前五": the places before hold the first positions
        first = int(cn_number(trail.group("n"))) - len(run) + 1
        ranks = list(range(first, first + len(run)))
    elif not _BOTTOM_LEAD.search(lead):
        top = _ORDERED_LEAD.search(lead)
        counted = _COUNTED.search(lead)
        cut_off = _ET_CETERA.match(text, run[-1].end)
        if top and (not top.group("n") or cn_number(top.group("n")) == len(run)) and not cut_off \
                and not (not top.group("n") and counted and cn_number(counted.group("n")) not in (None, len(run))):
            # ('全省共有13个县(市)GDP达标，它们依次为A…I等': nine of thirteen, in an order that does not start at 1)
            ranks = list(range(1, len(run) + 1))
    if goes_on_from is not None and mm is goes_on_from[1] and not any(ranks) and not lead.strip(" ；;\n"):
        ranks = list(range(goes_on_from[0] + 1, goes_on_from[0] + 1 + len(run)))
    if ranks[0] is None and _FIRST_IS.search(text[max(s.start, run[0].start - 12):run[0].start]):
        ranks[0] = 1      # '位于第一名的延津县是20.9%，凤泉区是20.7%…': the first named holds the first place
    scope_m = re.search(SCOPE, text[s.start:run[0].start])
    scope = scope_m.group(0) if scope_m else None
    basis = "growth" if is_pct else "value"
    # rates beside the amounts, named growth in the first brackets or the lead-in ('(650.80亿元 同比增长-12.1%下同)')
    rates_are_growth = not is_pct and any(it.rate is not None for it in run) and (
        run[0].growth_said or bool(_GROWTH_LEAD.search(lead))
        or bool(re.search(r"(?:增长|增速|增幅)[^）)]{0,12}下同", text[s.start:run[0].start]))) and not _SHARE_LEAD.search(lead)
    g = Group([mm], run[0].start, run[0].start, i)
    colon = -1
    kind, period, why = kind_and_period(ctx, i, g, run[-1].end, colon, prev_target_mood)
    if kind is None:
        return [], None
    out = []
    for it, rank in zip(run, ranks):
        if it.place.kind == "unresolved":
            continue
        vals = dict(yoy=it.pct if is_pct else (it.rate if rates_are_growth else None), cagr=None, rank=rank)
        f = make_fact(ctx, s, mm.metric, mm, it.place, kind, period, it.amount, vals, scope, basis,
                       "place-figure list" + ("; " + why if why else ""), Subject([it.place], reason="place-figure list"))
        if f:
            out.append(f)
    return out, mm




# ---------------------------------------------------------------- numbered lines
# "一、2021年唐山市19个区县GDP排名：" / "1、迁安市, 1160.3亿 ,增速 6.7%" / "2、丰润区, 980.0亿 ,增速 1.5%" …:
# numbered lines, each opening with a place and holding its figures, under a line naming the
# metric. The number is the place's rank when the line above ranks (排名, 排行, 榜, 强 …).
_NUMBERED = re.compile(r"\s*(?P<n>\d{1,3})\s*[、.．]\s*")
_LINE_GROWTH = re.compile(r"(?:增速|增长率?|增幅|同比)\s*(?:为|是|[:：])?\s*(?P<pct>[-+]?\d+(?:\.\d+)?)\s*%")
_RANKS = re.compile(r"排名|排行|排序|排位|位次|榜|[十百]强|前[一二三四五六七八九十\d]+(?:位|名)")
_MIN_LINES = 3
_UNIT_AT = re.compile(r"[\u4e00-\u9fa5]{2,10}?(?:开发区|管理区|新区|园区|示范区|旅游岛|区|县|旗)(?=[\s,，:：|])")


def _line_runs(ctx: ArticleContext, item_at, min_lines: int, follows=lambda prev, item: True):
    """(the line above, the items) for each run of at least ``min_lines`` consecutive lines that
    ``item_at(ctx, start, line)`` reads as items (each ``follows`` the one before), under a line."""
    lines = ctx.lines()
    k = 0
    while k < len(lines):
        run: list = []
        j = k
        while j < len(lines):
            item = item_at(ctx, *lines[j])
            if item is None or (run and not follows(run[-1], item)):
                break
            run.append(item)
            j += 1
        if len(run) >= min_lines and k > 0:
            yield lines[k - 1], run
        k = max(j, k + 1)


def numbered_line_facts(ctx: ArticleContext, prev_target_mood: dict[int, bool]) -> list[Fact]:
    out: list[Fact] = []
    for head, run in _line_runs(ctx, _numbered_item, _MIN_LINES, lambda prev, item: item[0] == prev[0] + 1):
        out.extend(_numbered_facts(ctx, head, run, prev_target_mood))
    return out


def _numbered_item(ctx: ArticleContext, start: int, line: str):
    num = _NUMBERED.match(line)
    if not num:
        return None
    at = start + num.end()
    place = next((p for p in ctx.places_in(at, at + 12) if p.start == at), None)
    if place is None or place.kind == "unresolved":
        # a unit the gazetteer lacks ('13、高新开发区, 278.6亿'): kept by its name (FACTS.md section 7)
        unit = _UNIT_AT.match(ctx.text, at)
        if unit is None:
            return None
        zone = ctx.local_zone(unit.group(0))      # '高新开发区' in a 唐山 text: its code
        place = Place(at, unit.end(), unit.group(0), zone.code if zone else None, unit.group(0), "zone")
    return int(num.group("n")), place, start + len(line)


def _numbered_facts(ctx: ArticleContext, head: tuple[int, str], run: list, prev_target_mood) -> list[Fact]:
    hstart, hline = head
    found = [mm for mm in ctx.metrics_in(hstart, hstart + len(hline))]
    if len(found) != 1 or not found[0].term.core or "|" in found[0].metric:
        return []
    mm = found[0]
    hi = ctx.sentence_at(mm.start)
    if hi is None:
        return []
    ranked = bool(_RANKS.search(hline))
    g = Group([mm], mm.start, mm.end, hi)
    kind, period, why = kind_and_period(ctx, hi, g, mm.end, -1, prev_target_mood)
    if kind is None:
        return []
    out = []
    for n, place, end in run:
        rest = ctx.text[place.end:end]
        amount = next((a for a in iter_amounts(rest) if unit_ok(mm.term.unit, a)), None)
        growth = _LINE_GROWTH.search(rest)
        if amount is None and growth is None:
            continue
        i = ctx.sentence_at(place.start)
        if i is None:
            continue
        vals = dict(yoy=float(growth.group("pct")) if growth else None, cagr=None, rank=n if ranked else None)
        f = make_fact(ctx, ctx.sentences[i], mm.metric, mm, place, kind, period, amount, vals, None,
                      "value" if amount is not None else "growth", "numbered line" + ("; " + why if why else ""),
                      Subject([place], reason="numbered line"))
        if f:
            out.append(f)
    return out


# ---------------------------------------------------------------- bulleted lines
# "乌兰察布市各旗县的经济总量排名如下：" / "- 集宁区：265.62亿元，排名第一。" / "- 丰镇市：122.92亿元，排名第二。":
# lines marked with a bullet, each opening with a place and holding its figure and its own stated
# position, under a line naming the metric. A rate is the metric's growth where the head speaks of
# growth ('GDP增速表现如下：' / '- 化德县：11.9%，增速最快。').
_BULLET = re.compile(r"\s*[-–—•·●▪]\s*")
_OWN_RANK = re.compile(r"(?:排名|排在|位列|位居|居|排|增速|增幅)?(?:全[市省区盟州])?第(?P<n>[一二两三四五六七八九十\d]{1,3})(?:位|名)?"
                       r"|(?P<top>增速最快|增幅最大|增速最高|最高|最快|居首|首位)")
_HEAD_GROWTH = re.compile(r"增速|增幅|增长率?")
_BARE_RATE = re.compile(r"[:：]?\s*(?P<pct>[-+]?\d+(?:\.\d+)?)\s*%")


def bullet_line_facts(ctx: ArticleContext, prev_target_mood: dict[int, bool]) -> list[Fact]:
    out: list[Fact] = []
    for head, run in _line_runs(ctx, _bullet_item, 2):
        out.extend(_bullet_facts(ctx, head, run, prev_target_mood))
    return out


_BULLET_VERB = re.compile(r"以|为|实现|完成|达到?\s*\d")


def _bullet_item(ctx: ArticleContext, start: int, line: str):
    mark = _BULLET.match(line)
    if not mark:
        return None
    at = start + mark.end()
    place = next((p for p in ctx.places_in(at, at + 1) if p.start == at and p.kind != "unresolved"), None)
    if place is None or (ctx.text[place.end:place.end + 1] not in (":", "：", " ", ",")
                         and not _BULLET_VERB.match(ctx.text, place.end)):
        return None     # ('- 太原市以5573.74亿元位居全省第一。': the place, then its figure after a verb)
    return place, start + len(line)


def _bullet_facts(ctx: ArticleContext, head: tuple[int, str], run: list, prev_target_mood) -> list[Fact]:
    hstart, hline = head
    found = [mm for mm in ctx.metrics_in(hstart, hstart + len(hline)) if mm.term.core]
    if len({f.metric for f in found}) != 1 or "|" in found[0].metric or found[0].term.needs:
        return []      # ('根据2023年的GDP数据，…的经济总量排名如下：' names one metric twice)
    mm = found[-1]
    hi = ctx.sentence_at(mm.start)
    if hi is None:
        return []
    growth_head = bool(_HEAD_GROWTH.search(hline, mm.end - hstart))
    g = Group([mm], mm.start, mm.end, hi)
    kind, period, why = kind_and_period(ctx, hi, g, mm.end, -1, prev_target_mood)
    if kind is None:
        return []
    out = []
    for place, end in run:
        rest = ctx.text[place.end:end]
        amount = None if growth_head else next((a for a in figure_amounts(rest, "money") if unit_ok(mm.term.unit, a)), None)
        growth = _LINE_GROWTH.search(rest) or (_BARE_RATE.match(rest) if growth_head else None)
        own = _OWN_RANK.search(rest)
        rank = (1 if own.group("top") else cn_number(own.group("n"))) if own else None
        if amount is None and growth is None:
            continue
        vals = dict(yoy=float(growth.group("pct")) if growth else None, cagr=None,
                    rank=int(rank) if rank and 1 <= rank <= 200 else None)
        f = _line_fact(ctx, place, mm, kind, period, amount, vals, "growth" if growth_head else "value",
                       "bulleted line", why)
        if f:
            out.append(f)
    return out


def _line_fact(ctx: ArticleContext, place: Place, mm: MetricMention, kind: str, period, amount, vals: dict,
               basis: str, reason: str, why: str) -> Optional[Fact]:
    """The fact of a place read off its own line (a bulleted line, a champion line), in that line's sentence."""
    i = ctx.sentence_at(place.start)
    if i is None:
        return None
    return make_fact(ctx, ctx.sentences[i], mm.metric, mm, place, kind, period, amount, vals, None, basis,
                     reason + ("; " + why if why else ""), Subject([place], reason=reason))


# a league's champions, each a line naming the indicator and the first place, then a line of the place and its
# figure ('GDP总量第一' / '成都      2968.49亿元', 'GDP增速第一' / '阿坝    10.3%')
_CHAMPION_HEAD = re.compile(r"^\s*(?P<head>[^\n，。；;：:]{2,24}?)(?P<basis>总量|增速|增幅|增长|规模)?\s*(?:第一|第1|最高|最快)\s*$")
_CHAMPION_LINE = re.compile(r"^\s*(?P<name>[\u4e00-\u9fa5]{2,8})\s+(?P<num>-?\d+(?:\.\d+)?)\s*(?P<unit>万亿元|亿元|万元|元|%|％)\s*$")


def champion_line_facts(ctx: ArticleContext, prev_target_mood: dict[int, bool]) -> list[Fact]:
    """Each champion block's place: its figure (the value, or the growth under a 增速/增长 head) and position 1."""
    out: list[Fact] = []
    lines = ctx.lines()
    for k, (start, line) in enumerate(lines[:-1]):
        head = _CHAMPION_HEAD.match(line)
        if head is None:
            continue
        nxt_start, nxt = lines[k + 1]
        row = _CHAMPION_LINE.match(nxt)
        if row is None:
            continue
        found = [mm for mm in ctx.metrics_in(start, start + head.end("head")) if mm.term.core and "|" not in mm.metric]
        if len({mm.metric for mm in found}) != 1:
            continue
        at = nxt_start + row.start("name")
        place = next((p for p in ctx.places_in(at, at + 1) if p.start == at and p.kind != "unresolved"
                      and p.end == nxt_start + row.end("name")), None)
        if place is None:
            continue
        mm = found[-1]
        growth = head.group("basis") in ("增速", "增幅", "增长") or "增" in line[mm.end - start:]
        pct = row.group("unit") in ("%", "％")
        if growth != pct:
            continue      # ('GDP增速第一' over a money figure: not this layout)
        hi = ctx.sentence_at(mm.start)
        if hi is None:
            continue
        g = Group([mm], mm.start, mm.end, hi)
        kind, period, why = kind_and_period(ctx, hi, g, mm.end, -1, prev_target_mood)
        if kind is None:
            continue
        amount = None
        if not pct:
            amount = next((a for a in figure_amounts(nxt[row.start("num"):], "money") if unit_ok(mm.term.unit, a)), None)
            if amount is None:
                continue
        vals = dict(yoy=float(row.group("num")) if pct else None, cagr=None, rank=1)
        f = _line_fact(ctx, place, mm, kind, period, amount, vals, "growth" if pct else "value",
                       "a league's champion line", why)
        if f:
            out.append(f)
    return out
