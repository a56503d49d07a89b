"""The metric-fact rules of FACTS.md section 3, over one prepared article.

For every sentence holding metric terms:

1. Terms joined only by 、/和/及/与 form one *group* (a list: "生产总值、固定资产投资、
   社会消费品零售总额等主要经济指标"). A group's *segment* runs from its end to the
   next group (or the end of the sentence), cut at 其中 and at a clause that opens
   with another place name.
2. In the segment: the first amount in the metric's unit (value), a growth rate
   (增长/增速 X% -> yoy, 下降/减少 X% -> -X, 持平 -> 0, 年均增长 -> cagr; never
   "N个百分点"), a rank (排名第一, 居全省第二位, 居首; bottom positions only with a
   stated group size) with its scope and basis. Bracketed asides with numbers
   ("(全市11.1%)") are masked. With 分别 the values are dealt out in order over
   the group's items (or over a list of places); without it a group shares only
   what it says it shares (均/都).
3. The region is the nearest subject before the group in the sentence: a place
   name (zones and unresolved names keep their name and no code), 全县/我市/该县
   (the article's main region), a group (全省, 东部十县: the fact is dropped);
   nothing -> the main region (or none when the page names none).
4. The period is the nearest period expression (same sentence, then the
   paragraph, then a heading's year), resolved against the publish date.
5. The kind: target words (力争, 目标, 计划, 确保, 将, 预计 ...) about a period not
   over at publication make a target; 预计 about a period already over is actual.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ledger.extract import ArticleContext, Place
from ledger.metrics import MetricMention
from ledger.model import Fact
from ledger.numbers import Amount, cn_number, find_counts, iter_amounts, normalize
from ledger.periods import Period, PeriodMention, ended, find_periods, resolve, year_only

# ---------------------------------------------------------------- patterns (compiled once)
# a size threshold qualifying the next item ("社会消费品零售总额、5000万元以上项目投资"), not a figure
_THRESHOLD = (r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*(?:万|亿)?元?(?:及以上|以上|以下)的?"
              r"(?:重点|重大|在建|新建|续建|新开工|工业|产业|招商|签约)?")
_JOIN = re.compile(r"^\s*(?:、|和|及|与|以及|、以及|，以及)\s*(?:" + _THRESHOLD + r")?$")
_GROWTH = re.compile(
    r"(?P<two>两年平均|三年平均|两年|三年)?(?P<cagr>年均|年平均|平均每年|年均分别)?(?P<mom>环比)?"
    r"(?:同比|比上年|比去年|较上年|较去年|比上年同期|比去年同期|较上年同期|较去年同期|按可比价(?:格)?计算|按不变价(?:格)?计算|分别|，|,|均|各|也|)*"
    r"(?P<word>增长|增速为|增速达到|增速达|增速|增幅为|增幅达|增幅|增加|上升|提高|递增|下降|减少|下滑|降低|回落|负增长|增)"
    r"(?:预期目标|目标)?(?:了|为|是|达|达到|分别为|分别)?\s*"
    r"(?:(?P<num>[-+]?\d+(?:\.\d+)?)\s*(?P<pct>%|个百分点|倍)|百分之(?P<cn>[零〇一二两三四五六七八九十百点]+))"
)
# "增速比一季度加快1.2个百分点，达到5.6%": the rate after a change in points
_GROWTH_AFTER_POINTS = re.compile(
    r"(?P<word>增速|增幅)[^%。；，,]{0,24}?个百分点[，,]?(?:达到|达|为|至)(?P<num>-?\d+(?:\.\d+)?)\s*%"
    r"|(?P<word2>增速|增幅)[^%。；，,]{0,12}?(?:回落|提高|加快|放缓|回升|下降|上升|提升)(?:到|至)(?P<num2>-?\d+(?:\.\d+)?)\s*%")
_FLAT = re.compile(r"(?:与上年同期|与去年同期|与上年|与去年|同比)(?:基本)?持平")
_SCOPE = (r"全(?:市|省|国|区|州|盟|县)|同类县(?:市)?中?|[东南西北中]部[一二三四五六七八九十\d]+县(?:市)?"
          r"|[一二三四五六七八九十\d]+个?(?:县(?:（市、区）|\(市、区\)|（市）|\(市\)|市区|市|区)?|区县|县区|市)(?:中)?")
_RANK = re.compile(
    r"(?P<verb0>排名|排位|排在|位居|位列|名列|列|居|位于|稳居|跃居|升至|保持)?"
    r"(?P<scope>" + _SCOPE + r"|(?<=居|列)[\u4e00-\u9fa5]{2,6}?(?:省|市)(?=第|首))?"
    r"(?P<verb>排名|排位|排在|排|位居|位列|名列|列|居|位于|稳居|跃居|升至|保持)?"
    r"(?:第(?P<n>[一二三四五六七八九十\d]+)(?:位|名)?(?!产业|季度|批|次|届|个|大|阶段|轮|期|年|条|项|名单|方阵|梯队|集团|家|座|档|等|层次|极|线)"
    r"|(?P<first>首位|之首|榜首|第一位)|(?P<bottom>倒数第(?P<bn>[一二三四五六七八九十\d]+)(?:位|名)?|倒(?P<bn2>[一二三四五六七八九十\d])|末位))"
)
_TOP_LIST = re.compile(
    r"前(?P<n>[一二两三四五六七八九十\d]+)(?:位|名)?(?:的)?(?:县|县（市、区）|县\(市、区\)|县市区|县市|区县|地区|城市|市)?"
    r"(?:是|为|依次是|依次为|分别是|分别为)[:：]?")
_JUSHOU = re.compile(r"居首|领跑")
_GROUP_SIZE = re.compile(r"(?P<n>[一二三四五六七八九十\d]+)个?(?:县(?:（市、区）|\(市、区\)|市区|市|区)?|区县|县区|地市|市)中")
_SELF = re.compile(
    r"(?P<w>全(?:县|市|区|旗)|我(?:县|市|区|旗)|该(?:县|市|区|旗)|本(?:县|市|区|旗))"
    r"(?!排名|排|第|前列|前|首|位|平均|水平|各|范围|上下|人民|同类|唯一|之|最|委|政府|中|领先|领跑|居|列|倒|后)")
_GROUP = re.compile(
    r"(?:全(?:省|国|球)|我省|我国|国内|全省各市|各县(?:（市、区）|\(市、区\)|市区)?|[东南西北中]部[一二三四五六七八九十\d]+县(?:市)?"
    r"|[一二三四五六七八九十\d]+个?县(?:（市、区）|\(市、区\)|市区|市)?|京津冀|长三角|珠三角)"
    r"(?!排名|排|第|前列|前|首|位|平均|水平|范围|同类|唯一|之|最|委|政府|中|领先|领跑|居|列|倒|后|增速|增幅)")
# a town, street or park below the county ("城关镇完成…", "经济开发区实现…"): no county fact
_SUBUNIT = re.compile(
    r"[\u4e00-\u9fa5]{1,6}?(?:镇|乡|街道|办事处|工业园区|产业园区|产业园|工业园|园区|经济开发区|开发区|高新区|经开区|片区|社区)"
    r"(?=[，,、和及]|完成|实现|累计|全年|上半年|一季度|前三季度|今年|去年|的|地区|规上|规模|固定|一般|社会|财政|税收|全部|GDP|生产|共)")
_TARGET = re.compile(r"力争|争取|目标|计划|确保|预期|预计|将(?=[^，。；]{0,4}?(?:达到|实现|完成|突破|增长|超过|保持|新增|累计))"
                     r"|拟|有望|要(?:达到|实现|完成|突破|确保|力争|增长)")
# a sentence about what will be done (its mood carries to the next sentence of the paragraph)
_FUTURE = re.compile(r"将(?!近|其|之|是)|下一步|下半年|明年|今后")
# target words used as nouns of an actual ("完成年度目标的52%", "占年度计划的95.1%", "计划开工项目")
_TARGET_NOUN = re.compile(r"(?:年度|全年|年|序时)(?:目标任务|目标|计划|任务|进度)|(?:目标|计划)(?:任务)?的|计划开工|计划总投资"
                          r"|超额完成|目标任务|超(?:过|出)?[^，,。；、\d]{0,8}?(?:计划|目标)+(?:任务)?")
_PAST = re.compile(r"已经|已|完成了|实现了|达到了|同比|比上年|较上年")
_SKIP_BEFORE = re.compile(r"(?:当月|限额以上|限上|人均|年末|月末|季末|单月)$")
_SHARE_BEFORE = re.compile(r"占(?:全[市省县国区])?(?:的)?$")
_INCREMENT_BEFORE = re.compile(r"(?:增加|增收|减收|减少|增长|下降|多|少|拉动|高出|高于|低于|超出|净增|新增|增量)[了约近超]?$")
# a difference from another place or period ("比全市低2568元", "较上年多3.1亿元"), not the figure itself
_COMPARE_BEFORE = re.compile(r"(?:比|较|与)[^，。；,;\d]{0,8}?(?:高|低|多|少|高出|低出|相差|差)[了约近超]?$")
# a clause after a place that states a figure with the metric understood ("沙河市完成71.5亿元，增长5.9%")
_UNDERSTOOD = re.compile(r"\s*(?:同比|比上年|累计|实现|完成|达到|为|的)?\s*(?:增长|下降|增速|完成|实现|达到|为|减少|持平)")
_HUJI_BASIS = re.compile(r"按户籍(?:总)?人口(?:计算|计)")
_ASIDE = re.compile(r"全[市省国区县]|平均|去年|上年|同期|[市省县区]\s*[\d-]|以上|口径")
_PAREN = re.compile(r"[（(][^（）()]{0,40}[）)]")
_BRACKET_KEEP = re.compile(r"^[（(][市区县、旗]+[）)]$")
_PLACE_BLOCK_BEFORE = re.compile(r"(?:赴|到|与|同|向|比|较|对|从|自|往|至|在|于|帮扶|对口)$")
_FENBIE = re.compile(r"分别")
_JUN = re.compile(r"均|都|同时|皆")
_GROWTH_BASIS = re.compile(r"增速|增幅|增长速度|增长率")
_VALUE_BASIS = re.compile(r"总量|规模|总额|绝对值")
_QITA = re.compile(r"其中")
_LIST_SEP = re.compile(r"^\s*(?:、|和|及|与|，|,)\s*$")


@dataclass
class Group:
    items: list[MetricMention]
    start: int          # absolute offsets
    end: int
    sent: int           # sentence index


def _mask(seg: str) -> str:
    """Blank bracketed asides that carry numbers (comparisons such as '(全市11.1%)')."""
    def rep(m: re.Match) -> str:
        s = m.group(0)
        if _BRACKET_KEEP.match(s) or not re.search(r"\d|[%％]", s):
            return s
        if not _ASIDE.search(s):
            return s   # "（增长3.3%）": the figure's own growth
        return " " * len(s)
    return _PAREN.sub(rep, seg)


def _unit_ok(term_unit: str, a: Amount) -> bool:
    if term_unit == "count":
        return a.unit == "count"
    if term_unit == "as_stated":
        return a.unit in ("yuan", "usd")
    return a.unit == "yuan"


def _amounts(seg: str, unit: str) -> list[Amount]:
    out = []
    if unit == "count":
        for a in find_counts(seg):
            out.append(a)
        return out
    for a in iter_amounts(seg):
        if _INCREMENT_BEFORE.search(seg[max(0, a.start - 4):a.start]):
            continue
        if _COMPARE_BEFORE.search(seg[max(0, a.start - 14):a.start]):
            continue
        if re.match(r"\s*(?:及以上|以上|以下)?的?(?:重点|重大|在建|新建|续建|新开工|工业|产业|招商|签约)?(?:项目|企业|工业企业)",
                    seg[a.end:]):
            continue   # "5000万元以上项目": a size threshold, not the figure
        out.append(a)
    return out


_BASE_YEAR = re.compile(r"(?:较|比|与|同)((?:19|20)\d{2})年(?:同期|末|底)?(?:相比|相较)?[，,]?$")


def _growths(seg: str, year: Optional[int] = None) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]:
    """(yoy, cagr) as (position, pct) lists, in order."""
    yoy, cagr = [], []
    for m in _GROWTH.finditer(seg):
        if m.group("cn"):
            cv = cn_number(m.group("cn"))
            if cv is None:
                continue
            v = cv
            pct = "%"
        else:
            pct = m.group("pct")
            v = float(m.group("num"))
        if pct == "个百分点" or m.group("two") or m.group("mom"):
            continue
        if re.match(r"\s*(?:-|－|—|–|~|～|至|到)\s*\d", seg[m.end():]):
            continue   # a range ("增长5%-6%", "增长7%至8%"): no single rate to keep
        base = _BASE_YEAR.search(seg[max(0, m.start() - 12):m.start()])
        if not m.group("cagr") and re.search(r"从(?:19|20)\d{2}年", seg[:m.start()]):
            continue   # "从1978年的148元发展到2018年的2.85万元，增长192倍": growth over the whole span
        if base and not m.group("cagr") and (year is None or int(base.group(1)) != year - 1):
            continue   # "较1978年增长177倍": growth over a distant base year, not a year-on-year rate
        if pct == "倍":
            if m.group("word") not in ("增长", "增加", "增"):
                continue
            v *= 100
        if m.group("word") in ("下降", "减少", "下滑", "降低", "回落", "负增长"):
            v = -abs(v)
        (cagr if m.group("cagr") else yoy).append((m.start(), v))
        # more percentages dealt out after 分别: "分别增长8.1%、9.2%"
        rest = seg[m.end():]
        pos = m.end()
        while True:
            n = re.match(r"\s*(?:、|和|及|，|,)\s*([-+]?\d+(?:\.\d+)?)\s*%", rest)
            if not n:
                break
            (cagr if m.group("cagr") else yoy).append((pos + n.start(1), float(n.group(1))))
            pos += n.end()
            rest = rest[n.end():]
    for m in _FLAT.finditer(seg):
        yoy.append((m.start(), 0.0))
    if not yoy:
        for m in _GROWTH_AFTER_POINTS.finditer(seg):
            yoy.append((m.start(), float(m.group("num") or m.group("num2"))))
    yoy.sort()
    return yoy, cagr


def _rank(seg: str, sent_text: str, ctx: ArticleContext) -> tuple[Optional[int], Optional[str], Optional[str], int, int]:
    """(rank, scope, basis, start, end) of the first rank statement in the segment."""
    for m in _RANK.finditer(seg):
        if not (m.group("scope") or m.group("verb") or m.group("verb0")):
            continue
        if m.group("bottom"):
            k = cn_number(m.group("bn") or m.group("bn2") or "一")
            size = _GROUP_SIZE.search(sent_text)
            if size and k:
                n = cn_number(size.group("n"))
                if n and n >= k:
                    rank = int(n - k + 1)
                else:
                    continue
            else:
                continue
        elif m.group("first"):
            rank = 1
        else:
            v = cn_number(m.group("n"))
            if v is None or v < 1 or v > 200:
                continue
            rank = int(v)
        scope = _scope(m.group("scope"), ctx)
        before = seg[max(0, m.start() - 8):m.start()]
        basis = "growth" if _GROWTH_BASIS.search(before) else ("value" if _VALUE_BASIS.search(before) else None)
        return rank, scope, basis, m.start(), m.end()
    m = _JUSHOU.search(seg)
    if m:
        before = seg[max(0, m.start() - 12):m.start()]
        scope = re.search(r"全(?:市|省|国|区)", before)
        basis = "growth" if _GROWTH_BASIS.search(before) else ("value" if _VALUE_BASIS.search(before) else None)
        return 1, scope.group(0) if scope else None, basis, m.start(), m.end()
    return None, None, None, -1, -1


def _scope(s: Optional[str], ctx: ArticleContext) -> Optional[str]:
    if not s:
        return None
    s = s.rstrip("中")
    return s


# ---------------------------------------------------------------- groups and segments
def _groups(ctx: ArticleContext, i: int, mentions: list[MetricMention]) -> list[Group]:
    text = ctx.text
    groups: list[Group] = []
    for mm in mentions:
        before = text[max(ctx.sentences[i].start, mm.start - 5):mm.start]
        if _SHARE_BEFORE.search(before):
            continue  # '占全市规上工业总产值的比重': a share's base, transparent
        if _SKIP_BEFORE.search(before):
            # '当月规上工业增加值', '占GDP比重': not the indicator itself; still a boundary
            groups.append(Group([], mm.start, mm.end, i))
            continue
        if groups and groups[-1].items and _JOIN.match(text[groups[-1].end:mm.start]):
            groups[-1].items.append(mm)
            groups[-1].end = mm.end
        else:
            groups.append(Group([mm], mm.start, mm.end, i))
    return groups


def _expand_pairs(items: list[MetricMention]) -> list[tuple[str, MetricMention]]:
    """A lexicon row may name two metrics ('disposable_income_urban|disposable_income_rural')."""
    out = []
    for mm in items:
        for key in mm.metric.split("|"):
            out.append((key, mm))
    return out


def _segment_end(ctx: ArticleContext, g: Group, next_start: int, sent_end: int) -> tuple[int, Optional[Place]]:
    text = ctx.text
    end = min(next_start, sent_end)
    q = _QITA.search(text, g.end, end)
    if q:
        end = q.start()
    cut = None
    # a clause opening with another place name starts another subject
    for p in ctx.places_in(g.end + 1, end):
        prev = text[max(0, p.start - 1):p.start]
        if prev in ("，", ",", "；", "。") and not _PLACE_BLOCK_BEFORE.search(text[max(0, p.start - 2):p.start]):
            end = p.start
            cut = p
            break
    return end, cut


# ---------------------------------------------------------------- subjects (regions)
@dataclass
class Subject:
    places: list[Place]         # empty = the main region (or none)
    group: bool = False         # a group (全省, 东部十县): no fact
    reason: str = ""
    unresolved: bool = False    # an unknown place-like name: no fact attributed to a guess
    implicit: bool = False      # nothing in the sentence: the article's region


def _subject(ctx: ArticleContext, start: int, lo: int) -> Subject:
    """The nearest subject before ``start`` (not before ``lo``)."""
    text = ctx.text
    best_pos = -1
    best: Optional[Subject] = None
    # place names
    cands = [p for p in ctx.places_in(lo, start) if p.end <= start]
    if cands:
        # the last place, plus the places listed right before it (A、B、C)
        last = cands[-1]
        if not _PLACE_BLOCK_BEFORE.search(text[max(lo, last.start - 2):last.start]) \
                and not re.match(r"\s*(?:等地|等县|排名|第|前列)", text[last.end:last.end + 3]):
            listed = [last]
            for p in reversed(cands[:-1]):
                if _LIST_SEP.match(text[p.end:listed[0].start]):
                    listed.insert(0, p)
                else:
                    break
            best_pos, best = last.end, Subject(listed, reason="place named in the sentence",
                                               unresolved=any(p.kind == "unresolved" for p in listed))
    for m in _SELF.finditer(text, lo, start):
        if m.end() > best_pos:
            best_pos, best = m.end(), _self_subject(ctx, m.group("w"))
    for m in _GROUP.finditer(text, lo, start):
        if m.end() > best_pos:
            if best is not None and best.places and best_pos == m.start() and m.group(0) in ("全省", "全市", "全国"):
                best_pos = m.end()   # "河北全省共实现…": the place named right before is the subject
                continue
            if m.group(0) in ("全省", "我省") and ctx.main is not None and ctx.main.level == "province":
                best_pos, best = m.end(), Subject([], reason=f"'{m.group(0)}' in a province's own text")
                continue
            best_pos, best = m.end(), Subject([], group=True, reason=f"group '{m.group(0)}'")
    for m in _SUBUNIT.finditer(text, lo, start):
        if m.end() > best_pos:
            best_pos, best = m.end(), Subject([], group=True, reason=f"below the county: '{m.group(0)}'")
    return best or Subject([], reason="no place in the sentence: the article's region", implicit=True)


def _self_subject(ctx: ArticleContext, word: str) -> Subject:
    """全县 / 我市 / 该区 ...: the article's region when the word fits its level.

    In a county (县/区/旗) article 全市 / 我市 is the parent prefecture; in a
    prefecture article 全县 / 该县 names no single county (no fact)."""
    reason = f"'{word}' = the article's region"
    main = ctx.main
    if main is None or not main.name:
        return Subject([], reason=reason + " (none named)")
    suffix = word[-1]
    level = main.level or ("prefecture" if main.name.endswith(("市", "州", "盟")) and main.code and str(main.code).endswith("00")
                           else "county")
    if suffix == "市":
        if level == "prefecture" or main.name.endswith("市"):
            return Subject([], reason=reason)
        r = main.region
        pcode, pname = getattr(r, "prefecture_code", None), getattr(r, "prefecture_name", None)
        if pcode and pname:
            return Subject([Place(-1, -1, word, pcode, pname, "parent", "prefecture")],
                           reason=f"'{word}' in a county article = the parent prefecture")
        return Subject([], group=True, reason=f"'{word}' in a county article, parent unknown")
    if level == "prefecture" and suffix in "县旗区":
        return Subject([], group=True, reason=f"'{word}' in a prefecture article names no single county")
    return Subject([], reason=reason)


# ---------------------------------------------------------------- periods
def _period_for(ctx: ArticleContext, i: int, g: Group, seg_end: int, target: bool) -> tuple[Optional[Period], bool]:
    """(period, explicit_or_relative_found)."""
    sents = ctx.sentences
    s = sents[i]
    pms = ctx.periods_of(i)
    rel_start, rel_end = g.start - s.start, seg_end - s.start
    chosen: Optional[PeriodMention] = None
    before = [p for p in pms if p.end <= rel_start + 1]
    inside = [p for p in pms if rel_start <= p.start < rel_end]
    if before:
        chosen = before[-1]
    elif inside:
        chosen = inside[0]
    else:
        # earlier sentences of the paragraph, then earlier fact-bearing sentences up to a heading
        j = i - 1
        # a multi-year span (过去五年) carries to a later sentence's average rate, not to its level
        # ("过去五年，…年均增长7.9%。其中，宁晋县地区生产总值突破300亿元。")
        span_ok = bool(re.search(r"年均|年平均|平均每年", ctx.text[g.start:seg_end]))
        while j >= 0 and j >= i - 40 and not sents[j].is_heading:
            if sents[j].paragraph == s.paragraph or j in ctx.metric_sents:
                pj = [p for p in ctx.periods_of(j) if span_ok or not p.span]
                if pj:
                    chosen = pj[0]   # a sentence states its own period first
                    break
            j -= 1
        if chosen is None and not target and j >= 0 and sents[j].is_heading and not ctx.periods_of(j):
            chosen = _lead_period(ctx, j)
    hy = ctx.heading_years.get(i)
    title_pm = ctx.title_period
    if hy is None and title_pm is not None and title_pm.year is not None and not title_pm.span:
        hy = title_pm.year          # the title is the article's top heading
    if hy is None and ctx.pub is None and ctx.doc_year is not None:
        hy = ctx.doc_year           # an undated page: the year its title or opening states
    if chosen is not None:
        ctx_year = hy if (chosen.bare and hy is not None) else None
        if chosen.rel is not None and ctx.pub is None and ctx.doc_year is not None:
            # "今年上半年" on an undated page whose opening names 2009: that year's
            p = resolve(chosen, (ctx.doc_year, 12), target, ctx_year)
            if p is not None:
                p.reason = f"'{chosen.text}' on an undated page of {ctx.doc_year} ({ctx.doc_year_reason})"
            return p, True
        return resolve(chosen, ctx.pub, target, ctx_year), True
    heading_hy = ctx.heading_years.get(i)
    if heading_hy is not None:
        return year_only(heading_hy, f"heading year {heading_hy}"), True   # a heading is nearer than the title
    if title_pm is not None and not target:
        p = resolve(title_pm, ctx.pub, target, None)
        if p is not None:
            p.reason = "period of the title: " + p.reason
            return p, True
    if hy is not None:
        return year_only(hy, f"heading year {hy}"), True
    if target and ctx.pub:
        return year_only(ctx.pub[0], "a target without a period: the publish year"), False
    if not target and ctx.opening_year is not None:
        # "相继发布2020年主要经济数据" at the top of a dated page: its figures without a period are that year's
        return year_only(ctx.opening_year, f"the year the opening names ({ctx.opening_year})"), False
    return None, False


def _lead_period(ctx: ArticleContext, h: int) -> Optional[PeriodMention]:
    """An actual under a topical heading that names no period (二、工业生产增势较好 in a quarterly
    release) takes the period of the release: the first fact-bearing sentence's first period, counted
    from the last heading before ``h`` that names a period (or the top), skipping point-in-time stocks
    (3月末, 年底) which are no period of the flows below."""
    sents = ctx.sentences
    top = h
    while top > 0 and not (sents[top - 1].is_heading and ctx.periods_of(top - 1)):
        top -= 1
    for j in range(top, h):
        if j not in ctx.metric_sents or sents[j].is_heading:
            continue
        for pm in ctx.periods_of(j):
            if sents[j].text.startswith(("末", "底"), pm.end) or pm.text.endswith(("末", "底")):
                continue
            return pm
        return None
    return None


# ---------------------------------------------------------------- main loop
def extract_facts(ctx: ArticleContext) -> list[Fact]:
    text = ctx.text
    facts: list[Fact] = []
    by_sent: dict[int, list[MetricMention]] = {}
    si = 0
    sents = ctx.sentences
    for mm in ctx.metrics:
        while si < len(sents) and sents[si].end <= mm.start:
            si += 1
        if si < len(sents) and sents[si].start <= mm.start:
            by_sent.setdefault(si, []).append(mm)
    ctx.metric_sents = set(by_sent)
    runs = {i: r for i, r in ((i, _place_figure_runs(ctx, i)) for i in range(len(sents))) if r}
    prev_target_mood: dict[int, bool] = {}
    single_carry: dict[int, tuple] = {}   # sentence -> its last single-term group named by a place
    for i, s in enumerate(sents):
        mentions = by_sent.get(i)
        sent_text = text[s.start:s.end]
        cue_in_sentence = bool(_TARGET.search(sent_text) or _FUTURE.search(sent_text))
        prev_target_mood[i] = cue_in_sentence
        if s.is_heading:
            continue
        if not mentions:
            # "宁晋县地区生产总值完成86.3亿元；沙河市完成71.5亿元，增长5.9%": a ；-part opening with
            # another place and a figure, the metric of the part before understood
            carry = single_carry.get(i - 1)
            if carry is not None and sents[i - 1].group == s.group and sents[i - 1].paragraph == s.paragraph:
                jg, g, glo, gcolon = carry
                places = [p for p in ctx.places_in(s.start, s.end)]
                first = places[0] if places else None
                if first is not None and not text[s.start:first.start].strip():
                    nxt_place = next((p for p in places[1:] if text[p.start - 1:p.start] in ("，", ",")), None)
                    c_end = nxt_place.start if nxt_place else s.end
                    clause = text[first.end:c_end]
                    if not _QITA.search(clause) and _UNDERSTOOD.match(clause):
                        sub = Subject([first], reason="place with the metric understood",
                                      unresolved=first.kind == "unresolved")
                        facts.extend(_facts_for_group(ctx, jg, g, _mask(clause), c_end, glo, gcolon,
                                                      prev_target_mood, subject=sub))
                        single_carry[i] = carry
            continue
        groups = _groups(ctx, i, mentions)
        # the full sentence (parts split at ；) for subjects
        lo = s.start
        j = i
        while j > 0 and sents[j - 1].group == s.group and sents[j - 1].paragraph == s.paragraph:
            j -= 1
            lo = sents[j].start
        # the context of a colon lead-in ("主要预期目标是：")
        colon = max(sent_text.rfind("："), sent_text.rfind(":"))
        dealt = _dealt_growths(ctx, i, groups)
        for gi, g in enumerate(groups):
            if not g.items:
                continue
            nxt = groups[gi + 1].start if gi + 1 < len(groups) else s.end
            seg_end, cut = _segment_end(ctx, g, nxt, s.end)
            run_at = next((r[0].start for r in runs.get(i, ()) if g.end <= r[0].start < seg_end), None)
            if run_at is not None:
                seg_end, cut = run_at, None   # the figures of a place-figure list are the places', not the group's
            seg = _mask(text[g.end:seg_end])
            if gi in dealt:
                cut_at, growth = dealt[gi]
                if cut_at is not None:
                    seg, seg_end = seg[:cut_at], g.end + cut_at
                facts.extend(_facts_for_group(ctx, i, g, seg, seg_end, lo, colon, prev_target_mood,
                                              dealt=growth))
                continue
            made = _facts_for_group(ctx, i, g, seg, seg_end, lo, colon, prev_target_mood)
            facts.extend(made)
            if gi == len(groups) - 1 and len(g.items) == 1 and made and any(f.region_code for f in made):
                single_carry[i] = (i, g, lo, colon)
            # "全省增长6.1%，邢台市增长6.4%": a clause of a place and a figure, the metric understood
            limit = min(nxt, s.end)
            if cut is None and len(g.items) == 1:
                # "全市固定资产投资增长8.8%，其中，隆尧县增长15.2%，巨鹿县增长12.1%"
                q = _QITA.search(text, g.end, limit)
                if q:
                    after = re.match(r"[，,：:]?", text[q.end():]).end() + q.end()
                    cut = next((p for p in ctx.places_in(after, after + 1) if p.start == after), None)
            while cut is not None and len(g.items) == 1:
                nxt_place = next((p for p in ctx.places_in(cut.end + 1, limit)
                                  if text[p.start - 1:p.start] in ("，", ",")), None)
                c_end = nxt_place.start if nxt_place else limit
                clause = text[cut.end:c_end]
                if _QITA.search(clause) or ctx.metrics_in(cut.end, c_end):
                    break
                if not _UNDERSTOOD.match(clause):
                    break
                sub = Subject([cut], reason="place with the metric understood",
                              unresolved=cut.kind == "unresolved")
                facts.extend(_facts_for_group(ctx, i, g, _mask(clause), c_end, lo, colon, prev_target_mood,
                                              subject=sub))
                cut = nxt_place
    prev_end = 0
    for i, rs in sorted(runs.items()):
        for run in rs:
            facts.extend(_place_figure_facts(ctx, i, run, prev_target_mood, prev_end))
            prev_end = run[-1].end
    if _NUMERIC_LINE.search(text):
        facts.extend(_table_facts(ctx))
    if _ROW_HINT.search(text):
        facts.extend(_place_table_facts(ctx))
    return _dedupe(facts)


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


_ITEM_FIGURE = re.compile(r"(?:为|以|达|是|[:：（(])?\s*(?:(?P<pct>[-+]?\d+(?:\.\d+)?)\s*%|(?P<flat>持平))[）)]?")
_ITEM_SEP = re.compile(r"^\s*(?:[、，,；;]|和|及)?\s*(?:(?:第(?P<ord>[一二三四五六七八九十\d]+)(?:名|位)(?:是|为)?|其次(?:是|为)?)\s*)?$")
_ORDERED_LEAD = re.compile(r"前(?P<n>[一二两三四五六七八九十\d]+)(?:位|名)|依次|从高到低|由高到低|从大到小|由大到小|排名第一的是|最高的是|最快的是")
_BOTTOM_LEAD = re.compile(r"后[一二两三四五六七八九十\d]+(?:位|名)|倒数|最低|最慢|从低到高|由低到高")
_GROWTH_LEAD = re.compile(r"增速|增幅|增长|同比|增长率")
_SHARE_LEAD = re.compile(r"占|比重|份额")


def _item_at(ctx: ArticleContext, p: Place, limit: int) -> Optional[ListItem]:
    text = ctx.text
    tail = text[p.end:min(limit, p.end + 24)]
    m = _ITEM_FIGURE.match(tail)
    if m:
        pct = 0.0 if m.group("flat") else float(m.group("pct"))
        return ListItem(p, p.start, p.end + m.end(), None, pct, None)
    for a in iter_amounts(tail):
        if a.start <= 3 and re.fullmatch(r"(?:为|以|达|是|[:：（(])?\s*", tail[:a.start]) and a.unit == "yuan":
            close = 1 if tail[a.start - 1:a.start] in ("(", "（") and tail[a.end:a.end + 1] in (")", "）") else 0
            return ListItem(p, p.start, p.end + a.end + close, a, None, None)
        break
    return None


def _place_figure_runs(ctx: ArticleContext, i: int) -> list[list[ListItem]]:
    """Runs of two or more places each followed by its own amount or percentage, in a sentence."""
    s = ctx.sentences[i]
    text = ctx.text
    places = ctx.places_in(s.start, s.end)
    if len(places) < 2:       # a run needs two places: most sentences are done here
        return []
    runs: list[list[ListItem]] = []
    cur: list[ListItem] = []
    for p in places:
        if cur and p.start < cur[-1].end:
            continue
        item = _item_at(ctx, p, s.end)
        sep = _ITEM_SEP.match(text[cur[-1].end:p.start]) if cur else None
        if item is not None and cur and sep and (item.amount is None) == (cur[-1].amount is None):
            if sep.group("ord"):
                item.ordinal = int(cn_number(sep.group("ord")) or 0) or None
            cur.append(item)
            continue
        if len(cur) >= 2:
            runs.append(cur)
        cur = [item] if item is not None else []
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
    if len(found) > 1 and _JOIN.match(ctx.text[found[-2].end:last.start]):
        return None
    return last


def _place_figure_facts(ctx: ArticleContext, i: int, run: list[ListItem],
                        prev_target_mood: dict[int, bool], prev_end: int = 0) -> list[Fact]:
    s = ctx.sentences[i]
    text = ctx.text
    mm = _list_metric(ctx, i, run[0].start)
    if mm is None or "|" in mm.metric:
        return []
    lead = text[max(mm.end, prev_end):run[0].start]   # the lead-in of this list, after any list before it
    is_pct = run[0].amount is None
    if is_pct and (not _GROWTH_LEAD.search(text[max(s.start, mm.start):run[0].start]) or _SHARE_LEAD.search(lead)):
        return []
    if not is_pct and not all(_unit_ok(mm.term.unit, it.amount) or mm.term.unit == "yuan_per_person" for it in run):
        return []
    ranks: list[Optional[int]] = [None] * len(run)
    if any(it.ordinal for it in run[1:]):
        ranks = [it.ordinal or (k + 1 if k == 0 else None) for k, it in enumerate(run)]
    elif not _BOTTOM_LEAD.search(lead):
        top = _ORDERED_LEAD.search(lead)
        if top and (not top.group("n") or cn_number(top.group("n")) == len(run)):
            ranks = list(range(1, len(run) + 1))
    scope_m = re.search(_SCOPE, text[s.start:run[0].start])
    scope = scope_m.group(0) if scope_m else None
    basis = "growth" if is_pct else "value"
    g = Group([mm], run[0].start, run[0].start, i)
    colon = -1
    kind, period, why = _kind_and_period(ctx, i, g, run[-1].end, colon, prev_target_mood)
    if kind is None:
        return []
    out = []
    for it, rank in zip(run, ranks):
        if it.place.kind == "unresolved":
            continue
        vals = dict(yoy=it.pct if is_pct else None, cagr=None, rank=rank)
        f = _make_fact(ctx, s, mm.metric, mm, it.place, kind, period, it.amount, vals, scope, basis,
                       "place-figure list" + ("; " + why if why else ""), Subject([it.place], reason="place-figure list"))
        if f:
            out.append(f)
    return out


def _dealt_growths(ctx: ArticleContext, i: int, groups: list[Group]) -> dict[int, tuple[Optional[int], tuple[str, float]]]:
    """"A达17840元，B达8150元，分别增长11.5%和10.8%": k terms in a row, each with its own figure, then
    分别 and exactly k rates dealt out over them in order. Returns {group index: (cut of the last
    group's segment before 分别 or None, (field, rate))}; empty when the sentence is not so built."""
    text = ctx.text
    s = ctx.sentences[i]
    out: dict[int, tuple[Optional[int], tuple[str, float]]] = {}
    run: list[int] = []
    for gi, g in enumerate(groups):
        if not g.items:
            run = []
            continue
        if len(g.items) != 1 or "|" in g.items[0].metric:
            run = []
            continue
        nxt = groups[gi + 1].start if gi + 1 < len(groups) else s.end
        seg_end, cut = _segment_end(ctx, g, nxt, s.end)
        seg = _mask(text[g.end:seg_end])
        fb = _FENBIE.search(seg)
        head = seg[:fb.start()] if fb else seg
        y0, c0 = _growths(head)
        if y0 or c0 or cut is not None or (run and groups[run[-1]].items[0].term.unit != g.items[0].term.unit):
            run = []
            continue
        run.append(gi)
        if not fb:
            continue
        y, c = _growths(seg[fb.start():])
        rates = [("yoy", v) for _, v in y] if y and not c else ([("cagr", v) for _, v in c] if c and not y else [])
        if len(run) >= 2 and len(rates) == len(run):
            for k, gj in enumerate(run):
                out[gj] = (fb.start() if gj == gi else None, rates[k])
        run = []
    return out


def _kind_and_period(ctx: ArticleContext, i: int, g: Group, seg_end: int, colon: int,
                     prev_target_mood: dict[int, bool]) -> tuple[Optional[str], Optional[Period], str]:
    """(kind or None to drop, period, why)."""
    s = ctx.sentences[i]
    text = ctx.text
    # the cue window: the clause holding the group (or the colon lead-in) to the segment end
    rel = g.start - s.start
    clause_start = 0
    for a, b in s.clauses:
        if a <= rel < b:
            clause_start = a
            break
    if 0 <= colon < rel:
        clause_start = 0
    # a short lead clause ("今年，" / "全年，") belongs to the next
    window = text[s.start + clause_start:seg_end]
    if clause_start > 0:
        prev_clause = text[s.start:s.start + clause_start]
        if len(prev_clause) <= 12:
            window = prev_clause + window
    window = _TARGET_NOUN.sub(lambda m: " " * len(m.group(0)), window)
    cue = _TARGET.search(window)
    heading_target = ctx.heading_target.get(i, False)
    cues = [c.group(0) for c in _TARGET.finditer(window)]
    if not cue and _TARGET.search(text[s.start:g.start]) and not _PAST.search(window):
        # "力争A增长13%、B增长7.5%，C增长11%": the list goes on under the same target word
        cues = [] if heading_target else [c.group(0) for c in _TARGET.finditer(text[s.start:g.start])]
        heading_target = True
    mood = False
    if not cue and not heading_target and i > 0 and prev_target_mood.get(i - 1) \
            and ctx.sentences[i - 1].paragraph == s.paragraph and not _PAST.search(window):
        mood = True
        prev = ctx.sentences[i - 1]
        prev_text = text[prev.start:prev.end]
        cues = [] if _FUTURE.search(prev_text) else [c.group(0) for c in _TARGET.finditer(prev_text)]
    if cues and set(cues) == {"预计"} and ctx.heading_review.get(i, False):
        # "预计实现地区生产总值391亿元" under "…年工作回顾": the reviewed year's preliminary actual
        period, _found = _period_for(ctx, i, g, seg_end, False)
        return "actual", period, "预计 under a review heading"
    target = bool(cue) or heading_target or mood
    period, _found = _period_for(ctx, i, g, seg_end, target)
    if (cues and set(cues) == {"预计"} and not ctx.heading_target.get(i, False)
            and ctx.pub and ctx.pub[1] <= 2 and period is not None):
        # "预计全年…完成260亿元" in a year-end report of January/February: the year just ended,
        # a preliminary actual (a bare 全年 read as the latest full year ended by the publish date)
        past, _ = _period_for(ctx, i, g, seg_end, False)
        if past is not None and past.start != period.start and past.start == "%04d-01" % (ctx.pub[0] - 1) \
                and past.end == "%04d-12" % (ctx.pub[0] - 1):
            return "actual", past, "预计 in a year-end report about the year just ended"
    if not target:
        # a full-year (or later) figure about a period not yet over cannot be an actual
        if period and not period.retrospective and ctx.pub and period.end > "%04d-%02d" % ctx.pub:
            if not _PAST.search(window):
                return "target", period, "period not over at publication"
            return None, period, "an actual for a period not over"
        return "actual", period, ""
    over = ended(period.end if period else None, ctx.pub)
    if over:
        if cue and cue.group(0) == "预计":
            return "actual", period, "预计 about a period already over"
        if heading_target or mood:
            return "actual", period, ""
        return None, period, "a target word about a period already over"
    return "target", period, (cue.group(0) if cue else ("target heading" if heading_target else "target mood"))


def _facts_for_group(ctx: ArticleContext, i: int, g: Group, seg: str, seg_end: int, lo: int, colon: int,
                     prev_target_mood: dict[int, bool], subject: Optional["Subject"] = None,
                     dealt: Optional[tuple[str, float]] = None) -> list[Fact]:
    text = ctx.text
    s = ctx.sentences[i]
    items = _expand_pairs(g.items)
    # items whose lexicon row needs a leading metric (第一产业 under GDP)
    keep = []
    lead = text[s.start:g.start]
    for key, mm in items:
        if mm.term.needs and not _needs_ok(ctx, i, g, mm.term.needs):
            continue
        if key == "gdp_per_capita" and _HUJI_BASIS.search(lead):
            continue   # per head of the registered (户籍) population: not the indicator (常住 population)
        keep.append((key, mm))
    items = keep
    if not items:
        return []
    sent_text = text[s.start:s.end]
    kind, period, why = _kind_and_period(ctx, i, g, seg_end, colon, prev_target_mood)
    if kind is None:
        return []
    # ordered list after the group: 前三位的县是：A、B、C (ranks for the listed places)
    top = _TOP_LIST.search(seg)
    if top:
        return _top_list_facts(ctx, i, g, items, seg, top, kind, period, s)
    if subject is None:
        subject = _subject(ctx, g.start, lo)
        para = ctx.sentences[i].paragraph
        if subject.implicit:
            # "宁晋县地区生产总值增长6%。固定资产投资增长8%。": the paragraph's subject goes on
            carried = ctx.subject_carry.get(para)
            if carried is not None:
                subject = carried
        else:
            ctx.subject_carry[para] = subject
    if subject.group or subject.unresolved:
        return []
    unit = items[0][1].term.unit
    amounts = [a for a in _amounts(seg, "count" if unit == "count" else "money")
               if _unit_ok(unit, a) or (unit == "yuan_per_person" and a.unit == "yuan")]
    if amounts and not seg[amounts[-1].end:].strip(" 以上下及的") and re.search(r"(?:以上|以下)\s*$", seg) \
            and ctx.metrics_in(seg_end, seg_end + 1):
        amounts.pop()   # "…、5000万元以上项目投资": the next term's size threshold, not this term's figure
    yoy, cagr = _growths(seg, int(period.end[:4]) if period and period.end else None)
    if dealt is not None and not yoy and not cagr:
        # a rate dealt out to this term by a 分别 list after the run of terms
        (yoy if dealt[0] == "yoy" else cagr).append((len(seg), dealt[1]))
    rank, scope, basis, rank_pos, rank_end = _rank(seg, sent_text, ctx)
    if rank is not None and seg[rank_end:rank_end + 1] == "的":
        # "地区生产总值增速排名全市第一的宁晋县": the place after 的 is the subject
        at = g.end + rank_end + 1
        named = ctx.places_in(at, at + 1)
        if not named or named[0].kind == "unresolved":
            return []
        subject = Subject([named[0]], reason="the place the ranked clause describes")
    fenbie = bool(_FENBIE.search(seg)) or bool(_FENBIE.search(text[max(lo, g.start - 6):g.start]))
    jun = bool(_JUN.search(seg))
    n = len(items)
    places = subject.places
    targets: list[tuple[str, MetricMention, Optional[Place]]] = []
    per_item_values: list[dict] = []
    if n == 1 and len(places) > 1:
        # A县、B县分别完成x、y
        if not fenbie:
            return []
        k = len(places)
        vals = amounts[:k] if len(amounts) >= k else None
        ys = [v for _, v in yoy][:k] if len(yoy) >= k else None
        cs = [v for _, v in cagr][:k] if len(cagr) >= k else None
        if not (vals or ys or cs):
            return []
        for idx, p in enumerate(places):
            targets.append((items[0][0], items[0][1], p))
            per_item_values.append(dict(value=vals[idx] if vals else None, yoy=ys[idx] if ys else None,
                                        cagr=cs[idx] if cs else None, rank=None))
    elif n > 1:
        place = places[0] if len(places) == 1 else None
        if len(places) > 1:
            return []
        vals = amounts if fenbie and len(amounts) >= n else None
        ys = [v for _, v in yoy] if (fenbie and len(yoy) >= n) else None
        cs = [v for _, v in cagr] if (fenbie and len(cagr) >= n) else None
        shared_yoy = yoy[0][1] if (jun and len(yoy) == 1 and not fenbie) else None
        shared_rank = rank if (jun or not (vals or ys or cs)) and rank is not None else None
        if not (vals or ys or cs or shared_yoy is not None or shared_rank is not None):
            return []
        for idx, (key, mm) in enumerate(items):
            targets.append((key, mm, place))
            per_item_values.append(dict(value=vals[idx] if vals else None,
                                        yoy=ys[idx] if ys else shared_yoy,
                                        cagr=cs[idx] if cs else None, rank=shared_rank))
    else:
        if _FENBIE.search(seg) and (len(yoy) > 1 or len(amounts) > 1 or len(cagr) > 1):
            return []
        place = places[0] if places else None
        value = amounts[0] if amounts else None
        fields = {"value": (value.start if value else None, value), "yoy": (yoy[0][0] if yoy else None,
                  yoy[0][1] if yoy else None), "cagr": (cagr[0][0] if cagr else None, cagr[0][1] if cagr else None),
                  "rank": (rank_pos if rank is not None else None, rank)}
        split = _split_by_inner_periods(ctx, i, g, seg_end, fields, kind)
        if split:
            out = []
            for p_period, vals in split:
                f = _make_fact(ctx, s, items[0][0], items[0][1], place, kind, p_period or period, vals["value"],
                               vals, scope, basis, why, subject)
                if f:
                    out.append(f)
            return out
        targets.append((items[0][0], items[0][1], place))
        per_item_values.append(dict(value=value, yoy=yoy[0][1] if yoy else None,
                                    cagr=cagr[0][1] if cagr else None, rank=rank))
    out = []
    for (key, mm, place), vals in zip(targets, per_item_values):
        value: Optional[Amount] = vals["value"]
        if value is None and vals["yoy"] is None and vals["cagr"] is None and vals["rank"] is None:
            continue
        f = _make_fact(ctx, s, key, mm, place, kind, period, value, vals, scope, basis, why, subject)
        if f:
            out.append(f)
    return out


def _period_before_group(ctx: ArticleContext, i: int, g: Group) -> Optional[PeriodMention]:
    s = ctx.sentences[i]
    before = [p for p in ctx.periods_of(i) if p.end <= g.start - s.start + 1]
    return before[-1] if before else None


def _split_by_inner_periods(ctx: ArticleContext, i: int, g: Group, seg_end: int, fields: dict,
                            kind: str) -> Optional[list[tuple[Optional[Period], dict]]]:
    """"年均增长7%左右，到2025年突破150亿元": a period named inside the segment governs the
    figures after it. Returns [(period or None for the group's, fields)], or None when no split."""
    s = ctx.sentences[i]
    lo, hi = g.end - s.start, seg_end - s.start
    inner = [p for p in ctx.periods_of(i) if lo <= p.start < hi]
    if not inner:
        return None
    buckets: dict[int, dict] = {}
    for name, (pos, v) in fields.items():
        if v is None:
            continue
        rel = lo + pos
        k = -1
        for idx, p in enumerate(inner):
            if p.start <= rel:
                k = idx
        buckets.setdefault(k, {"value": None, "yoy": None, "cagr": None, "rank": None})[name] = v
    if not buckets or (len(buckets) == 1 and -1 in buckets):
        return None
    if len(buckets) == 1 and 0 in buckets and _period_before_group(ctx, i, g) is None:
        return None  # the inner period is the group's own (chosen already when nothing came before)
    out = []
    for k, vals in sorted(buckets.items()):
        per = None if k < 0 else resolve(inner[k], ctx.pub, kind == "target", None)
        out.append((per, vals))
    return out


def _needs_ok(ctx: ArticleContext, i: int, g: Group, needed: str) -> bool:
    """Is the passage led by the needed metric? (the nearest earlier core term in the paragraph)"""
    para = ctx.sentences[i].paragraph
    j = i
    lo = ctx.sentences[i].start
    while j > 0 and ctx.sentences[j - 1].paragraph == para:
        j -= 1
        lo = ctx.sentences[j].start
    # also the paragraph before, when this one opens with 分产业看
    prev = None
    for mm in ctx.metrics_in(lo, g.start):
        if mm.term.core and not mm.term.needs:
            prev = mm
    if prev is None and j > 0:
        for mm in ctx.metrics_in(ctx.sentences[j - 1].start, lo):
            if mm.term.core and not mm.term.needs:
                prev = mm
    return prev is not None and prev.metric == needed


def _make_fact(ctx: ArticleContext, s, key: str, mm: MetricMention, place: Optional[Place], kind: str,
               period: Optional[Period], value: Optional[Amount], vals: dict, scope, basis, why: str,
               subject: Subject) -> Optional[Fact]:
    art = ctx.article
    if place is not None:
        code, name = place.code, place.name
    elif ctx.main is not None:
        code, name = ctx.main.code, ctx.main.name
    else:
        code, name = None, None
    unit = mm.term.unit
    v = None
    qual = None
    out_unit = None
    if value is not None:
        v = round(value.value, 4)
        qual = value.qualifier
        if unit == "as_stated":
            out_unit = value.unit
        elif unit == "count":
            out_unit = "count"
        else:
            out_unit = unit
    if scope in ("全市",) and ctx.parent_name is None and ctx.main is not None and ctx.main.level == "prefecture":
        pass
    reason = period.reason if period else ("no date and no year in the text" if not ctx.pub
                                           else "no period stated")
    conf = 0.9
    if place is None and ctx.main is None:
        conf -= 0.2
    if period is None:
        conf -= 0.2
    elif period.approx:
        conf -= 0.1
    if mm.term.needs:
        conf -= 0.1
    return Fact(
        source_file=art.source_file, article_id=art.article_id, region_code=code, region_name=name or None,
        metric=key, metric_label=mm.label,
        period_start=period.start if period else None, period_end=period.end if period else None,
        kind=kind, value=v, unit=out_unit, qualifier=qual, yoy_pct=vals["yoy"], cagr_pct=vals["cagr"],
        rank=vals["rank"], rank_scope=scope if vals["rank"] is not None else None,
        rank_basis=basis if vals["rank"] is not None else None,
        period_approx=bool(period.approx) if period else False,
        period_reason=(reason + ("; " + why if why else "") + "; " + subject.reason)[:300],
        evidence=art.text[s.start:s.end], char_start=s.start, char_end=s.end, confidence=round(max(conf, 0.1), 2))


def _top_list_facts(ctx: ArticleContext, i: int, g: Group, items, seg: str, top: re.Match, kind: str,
                    period: Optional[Period], s) -> list[Fact]:
    n = cn_number(top.group("n"))
    if not n or len(items) != 1:
        return []
    start = g.end + top.end()
    listed: list[Place] = []
    pos = start
    for p in ctx.places_in(start, ctx.sentences[i].end):
        if p.start > pos + 1 or (listed and not _LIST_SEP.match(ctx.text[listed[-1].end:p.start])):
            break
        listed.append(p)
        pos = p.end
    rest = ctx.text[pos:ctx.sentences[i].end] if listed else ""
    cut_short = bool(listed) and len(listed) < int(n) and not rest.strip(" 、，,。；;…\n") and \
        ctx.sentences[i].end >= len(ctx.text.rstrip())
    if len(listed) != int(n) and not cut_short:
        return []   # a list cut off at the end of the page keeps the positions it shows
    before = ctx.text[g.end:start]
    basis = "growth" if _GROWTH_BASIS.search(before) else ("value" if _VALUE_BASIS.search(before) else None)
    scope_m = re.search(r"全(?:市|省|国|区)|[东南西北中]部[一二三四五六七八九十\d]+县|[一二三四五六七八九十\d]+个?县(?:市区|市|区)?",
                        ctx.text[ctx.sentences[i].start:start])
    out = []
    for r, p in enumerate(listed, 1):
        out.append(_make_fact(ctx, s, items[0][0], items[0][1], p, kind, period, None,
                              dict(yoy=None, cagr=None, rank=r), scope_m.group(0) if scope_m else None,
                              basis, "ordered list", Subject([p], reason="ordered list")))
    return [f for f in out if f]


def _dedupe(facts: list[Fact]) -> list[Fact]:
    """The same fact stated twice in an article is one fact: merge rows with one key."""
    out: list[Fact] = []
    index: dict[tuple, list[Fact]] = {}
    fields = ("value", "yoy_pct", "cagr_pct", "rank")
    for f in facts:
        key = (f.region_code or "name:" + (f.region_name or ""), f.metric, f.period_start, f.period_end, f.kind)
        merged = False
        for g in index.get(key, []):
            clash = any(getattr(f, k) is not None and getattr(g, k) is not None
                        and abs(getattr(f, k) - getattr(g, k)) > 1e-9 for k in fields)
            if clash:
                continue
            for k in fields:
                if getattr(g, k) is None and getattr(f, k) is not None:
                    setattr(g, k, getattr(f, k))
                    if k == "value":
                        g.unit, g.qualifier = f.unit, f.qualifier
                    if k == "rank":
                        g.rank_scope, g.rank_basis = f.rank_scope, f.rank_basis
            merged = True
            break
        if not merged:
            index.setdefault(key, []).append(f)
            out.append(f)
    return out


# ---------------------------------------------------------------- tables
# After parsing, a table is one cell per line ("地区生产总值\n亿元\n92.8\n6.9") or one row per line
# ("地区生产总值 亿元 92.8 6.9"). A row is a core indicator's label (maybe with its unit in brackets)
# followed only by a unit and numbers; the header cells before the first row say which number
# is the growth rate; the period comes from the header cells, else the title.
_NUMERIC_LINE = re.compile(r"(?m)(?:^|[ \t])-?\d+(?:\.\d+)?[ \t]*$")
_CELL_NUM = re.compile(r"^-?\d+(?:\.\d+)?$")
_CELL_UNIT = re.compile(r"^[（(]?(万亿元|亿元|万元|元|亿美元|万美元|美元|%|％)[）)]?$")
_LABEL_UNIT = re.compile(r"^(?P<label>[^\s（(]{2,20})\s*(?:[（(](?P<unit>万亿元|亿元|万元|元|亿美元|万美元|美元)[）)])?$")
_EMPTY_CELLS = {"", "-", "—", "--", "/", "－", "…", "——"}   # "": an empty cell (the parser keeps it as an empty line)
_GROWTH_HEAD = re.compile(r"增长|增速|增幅|同比")
_VALUE_HEAD = re.compile(r"绝对值|总量|累计|本期|本年|完成|数值|金额|\d+月|季度|上半年|全年|单位")
_UNIT_MULT = {"万亿元": (1e12, "yuan"), "亿元": (1e8, "yuan"), "万元": (1e4, "yuan"), "元": (1.0, "yuan"),
              "亿美元": (1e8, "usd"), "万美元": (1e4, "usd"), "美元": (1.0, "usd")}


def _table_facts(ctx: ArticleContext) -> list[Fact]:
    lex_terms = {mm.label: mm for mm in ctx.metrics}
    lines = []
    pos = 0
    for raw in ctx.text.split("\n"):
        lines.append((pos, raw.strip()))
        pos += len(raw) + 1
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
        si = _sentence_at(ctx, start)
        if si is None:
            continue
        s = ctx.sentences[si]
        subject = Subject([], reason="table row: the article's region", implicit=True)
        f = _make_fact(ctx, s, mm.metric, mm, None, "actual", period, amount,
                       dict(yoy=yoy, cagr=None, rank=None), None, None, "table row", subject)
        if f:
            f.confidence = round(max(0.1, f.confidence - 0.1), 2)
            out.append(f)
    return out


def _sentence_at(ctx: ArticleContext, pos: int) -> Optional[int]:
    from bisect import bisect_right
    starts = getattr(ctx, "_sentence_starts", None)
    if starts is None:
        starts = ctx._sentence_starts = [s.start for s in ctx.sentences]
    k = bisect_right(starts, pos) - 1
    return k if k >= 0 else None


# ---------------------------------------------------------------- tables by place
# A table flattened into lines, one place a line: "唐山 4837.7 5108.2 -270.5 -5.30%" under a header
# "排名 城市 2018 2017 增量 名义增速", or "金水区 3548.97" under "2025年…各区县生产总值…如下：". The metric
# is named by the header or the lead-in above the block (exactly one core term); a year column gives
# that year's value (with the sub-period the text states for that year, 前三季度), a growth column the
# first year's rate, a rank column (or a leading position) the rank; the unit comes from the header,
# else from the lead-in's own amounts (超过3500亿), else a value is not taken.
_ROW_HINT = re.compile(r"(?m)[\u4e00-\u9fa5](?:[ \t|｜]+[-+]?\d+(?:\.\d+)?[%％]?)+[ \t|｜]*$")
_ROW = re.compile(r"^(?:(?P<pos>\d{1,3})[\s.、]+)?(?P<name>[\u4e00-\u9fa5]{2,12})\s+(?P<cells>[-+\d.%\s|]+)$")
_HEAD_UNIT = re.compile(r"[（(]?(万亿元|亿元|万元|元|亿|万)[）)]?")
_COL_YEAR = re.compile(r"^((?:19|20)\d{2})年?$")
_COL_GROWTH = re.compile(r"增速|增长|增幅|同比")
_COL_RANK = re.compile(r"排名|名次|位次|排序|序号")
_COL_SKIP = re.compile(r"增量|增加|占比|比重|人均|人口|面积")
_LEAD_UNIT = {"万亿": 1e12, "亿": 1e8, "万": 1e4}


def _place_table_facts(ctx: ArticleContext) -> list[Fact]:
    lines, pos = [], 0
    for raw in ctx.text.split("\n"):
        lines.append((pos, raw))
        pos += len(raw) + 1
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
            row = _place_row(ctx, start, raw)
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


def _place_row(ctx: ArticleContext, start: int, raw: str):
    line = raw.replace("|", " ").replace("｜", " ")      # same length: offsets stay valid
    lead = len(line) - len(line.lstrip())
    line = line.strip()
    if line.startswith("#"):
        return ("skip", None, None, None)
    m = _ROW.match(line)
    if not m:
        return None
    off = start + lead + m.start("name")
    named = [p for p in ctx.places_in(off, off + 1) if p.start == off and p.end - off == len(m.group("name"))]
    cells = [c for c in m.group("cells").split() if c]
    if not cells or not all(re.fullmatch(r"[-+]?\d+(?:\.\d+)?%?", c) for c in cells):
        return None
    if not named or named[0].kind == "unresolved":
        # a row of a unit the gazetteer cannot name for sure (管城区 for 管城回族区): the table goes on
        return ("skip", None, None, None) if re.search(r"[县区市旗]$", m.group("name")) else None
    return ("row", named[0], int(m.group("pos")) if m.group("pos") else None, cells)


def _col_kind(col: str) -> str:
    if col in ("value", "growth"):
        return col
    if _COL_YEAR.match(col):
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


def _place_block_facts(ctx: ArticleContext, lines, k: int, block, inherited=None):
    """(facts, (metric, year) the block was read with) of one table block."""
    rows = [r for r in block if r[0] == "row"]
    width = {len(r[3]) for r in rows}
    if len(width) != 1:
        return [], None
    width = width.pop()
    # header and lead-in: up to three non-empty lines above the block
    above = [raw.replace("|", " ").strip() for _, raw in lines[max(0, k - 6):k] if raw.strip()][-3:]
    header_cols: Optional[list[str]] = None
    if above:
        toks = above[-1].split()
        if len(toks) >= width + 1 and not any(re.fullmatch(r"[-+\d.%]+", t) for t in toks[-width:]
                                              if not _COL_YEAR.match(t)):
            header_cols = toks[-width:]
    head_text = " ".join(above)
    title = ctx.article.title or ""
    terms = [mm for mm in get_lexicon_terms(head_text) if mm.term.core and "|" not in mm.metric] or \
        [mm for mm in get_lexicon_terms(title) if mm.term.core and "|" not in mm.metric]
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
        elif mm.term.unit == "yuan_per_person":
            mult = 1.0
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
    first_year = next((int(_COL_YEAR.match(c).group(1)) for c in cols if _COL_YEAR.match(c)), base_year)
    ranked_by_position = bool(header_cols) and bool(_COL_RANK.search(above[-1].split()[0]))
    out = []
    for _, place, position, cells in rows:
        per_year: dict[Optional[int], dict] = {}
        for col, kind, cell in zip(cols, kinds, cells):
            num = float(cell.rstrip("%"))
            if kind in ("year", "value"):
                year = int(_COL_YEAR.match(col).group(1)) if kind == "year" else base_year
                if mult is not None and not cell.endswith("%"):
                    per_year.setdefault(year, {})["value"] = num * mult
            elif kind == "growth":
                per_year.setdefault(first_year, {})["yoy"] = num
            elif kind == "rank" and re.fullmatch(r"\d+", cell):
                per_year.setdefault(first_year, {})["rank"] = int(num)
        if position is not None and ranked_by_position:
            per_year.setdefault(first_year, {}).setdefault("rank", position)
        si = _sentence_at(ctx, place.start)
        if si is None:
            continue
        for year, vals in per_year.items():
            period = _table_period(ctx, year) if year else None
            amount = Amount(vals["value"], "yuan", None, 0, 0, "") if "value" in vals else None
            f = _make_fact(ctx, ctx.sentences[si], mm.metric, mm, place, "actual", period, amount,
                           dict(yoy=vals.get("yoy"), cagr=None, rank=vals.get("rank")), None,
                           "value" if vals.get("rank") else None, "table by place",
                           Subject([place], reason="table row"))
            if f:
                out.append(f)
    return out, (mm, base_year)


def lines_header_first(above: list[str]) -> str:
    """The first column label of the header line above a block ('排名 城市 …' -> '排名')."""
    return above[-1].split()[0] if above and above[-1].split() else ""


def get_lexicon_terms(text: str) -> list[MetricMention]:
    from ledger.metrics import get_lexicon

    return get_lexicon().find(normalize(text))


def _table_period(ctx: ArticleContext, year: int) -> Period:
    """A table's year column: the sub-period the text states for that year (2018年前三季度), if one."""
    subs = {pm.months for pm in find_periods(ctx.text[:4000]) if pm.year == year and pm.months and not pm.span}
    if len(subs) == 1:
        m1, m2 = subs.pop()
        return Period("%04d-%02d" % (year, m1), "%04d-%02d" % (year, m2), False, f"table column {year}, period stated in the text")
    return year_only(year, f"table column {year}")
