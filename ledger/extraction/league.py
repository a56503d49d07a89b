"""League prose: the places of a paragraph placed one after another on the paragraph's indicator.

"2022年全省地区生产总值……。赣州位列第二，九江位列第三，宜春位列第四、上饶位列第五"
names the indicator once and then places region after region. A sentence with no
indicator of its own whose clauses open with a place and state a placing (位列第N,
居全省第N位, 排名第N) takes the indicator of the last single-indicator group of its
paragraph, as "沙河市完成71.5亿元" takes it within one sentence (see
:mod:`ledger.extraction.facts`). So do a run of positions ("排在11—20位的分别是A、B…") and the
first N in order ("前十强分别为：A、B…"), each place its position when the count fits (a list cut
off by the end of the page keeps the positions it shows). A sentence that names a contest (考核,
观摩, 竞赛 …) is left to :mod:`ledger.extraction.rankings`.
"""
from __future__ import annotations

import re

from ledger.extraction.assembly import BOTTOM_LIST, Subject, facts_for_group, mask_asides, places_with_figures
from ledger.extraction.context import ArticleContext
from ledger.model import Fact
from ledger.numbers import cn_number

_N = r"[一二三四五六七八九十\d]+"
PLACING = re.compile(r"(?:稳居|位列|位居|排名|排在|居|名列|列|跃居|升至)(?:[\u4e00-\u9fa5]{1,4}?(?:省|市|国))?"
                     r"第" + _N + r"(?:位|名)?")
_HELD_IN = re.compile(r"(?:居|位列|排名|排在|名列|列)$")
_CONTEST = re.compile(r"竞赛|考核|评价|评比|观摩|考评|督查|擂台|测评|拉练|比拼|红榜|黑榜|百强|强县")
# '排在11—20位的分别是怀远、颍上、…和界首': the places holding a run of positions, in order
_SPAN_LIST = re.compile(r"(?:排在|排名|位列|位居|居)第?(?P<a>\d{1,3})\s*(?:—|－|-|–|~|～|至|到)\s*第?(?P<b>\d{1,3})\s*(?:位|名)"
                        r"的?(?:县(?:市)?|城市|地区)?(?:分别|依次)?(?:是|为)[：:]?")
_TOP_N_LIST = re.compile(r"前(?P<n>[一二两三四五六七八九十\d]+)(?:位|名|强)的?(?:县(?:市)?|城市|地区)?(?:分别|依次)(?:是|为)[：:]?")
_OPENS = re.compile(r"(?:^|[，,、；;。])\s*(?:而|则|其中|另外|(?:其次|再次|(?:倒数)?第[二三四五六七八九十](?:位|名)?的?)(?:是|为))?\s*$")


def league_facts(ctx: ArticleContext, i: int, topic: tuple, prev_target_mood: dict) -> list[Fact]:
    """Facts for the placed places of sentence ``i`` on the paragraph's indicator ``topic``
    (the group's sentence, the group, its full sentence's start and colon)."""
    s = ctx.sentences[i]
    text = ctx.text
    st = text[s.start:s.end]
    if _CONTEST.search(st):
        return []
    jg, g, glo, gcolon = topic
    span = _SPAN_LIST.search(st)
    if span:
        return _span_facts(ctx, i, span, topic, prev_target_mood, int(span.group("a")), int(span.group("b")))
    top = _TOP_N_LIST.search(st)
    if top and (n := cn_number(top.group("n"))):
        # '前十强分别为：A、B、C…': the first N in order
        return _span_facts(ctx, i, top, topic, prev_target_mood, 1, int(n))
    values = _SPLIT_VALUES.search(st)
    if values:
        made = _split_value_facts(ctx, i, values, topic, prev_target_mood)
        if made:
            return made
    split = _SPLIT_RATES.search(st)
    if split:
        made = _split_rate_facts(ctx, i, split, topic, prev_target_mood)
        if made:
            return made
    if _TIED.search(st) or _WON.search(st):
        made = _tied_and_won_facts(ctx, i, topic, prev_target_mood)
        if made:
            return made
    shared = _SHARED_RATE.search(st)
    if shared:
        made = _shared_rate_facts(ctx, i, shared, topic, prev_target_mood)
        if made:
            return made
    if _EXTREME.search(st) or _SPLIT_GROWTH.search(st):
        made = _extreme_and_split_growth_facts(ctx, i, topic, prev_target_mood)
        if made:
            return made
    onward = ONWARD.search(st)
    if onward:
        made = _onward_facts(ctx, i, onward, topic, prev_target_mood)
        if made:
            return made
    bottom = BOTTOM_LIST.search(st)
    if bottom and (n := cn_number(bottom.group("n"))):
        made = _bottom_facts(ctx, i, bottom, int(n), topic, prev_target_mood)
        if made:
            return made
    if RANKED_IS_PLACE.search(st):
        made = ranked_is_place_facts(ctx, i, topic, prev_target_mood)
        if made:
            return made
    if not PLACING.search(st):
        return _place_rate_facts(ctx, i, topic, prev_target_mood)
    # (not a place naming where a position is held: '南昌…稳居江西省第一位' goes on past 江西省)
    places = [p for p in ctx.places_in(s.start, s.end) if p.code and not _HELD_IN.search(text, max(s.start, p.start - 2), p.start)]
    out: list[Fact] = []
    for k, p in enumerate(places):
        if not _OPENS.search(text[s.start:p.start]) or text[p.end:p.end + 1] == "的":
            continue     # ('郑州的新宠郑东新区…位居全市第二': the place's own, not the place)
        end = places[k + 1].start if k + 1 < len(places) else s.end
        clause = text[p.end:end]
        if not PLACING.search(clause):
            continue
        sub = Subject([p], reason="place placed on the paragraph's indicator")
        out.extend(facts_for_group(ctx, jg, g, mask_asides(clause), end, glo, gcolon, prev_target_mood,
                                   subject=sub, at=(i, end)))
    return out


# '第四名，及以后分别是A976亿元；B914亿元；…' / '（最高的是…）其他城市的排名依次是A77756元；B77495元；…': the places
# from a position on, each with its figure, each in its own ；-part
ONWARD = re.compile(r"(?:第(?P<n>" + _N + r")(?:名|位)[，,]?\s*(?:及|以及)?(?:以后|之后|往后)|其他[\u4e00-\u9fa5]{0,6}?的?排名"
                     # ('…荆州市…排名全省第四。后面依次是，孝感市(…亿)、黄冈市(…亿)…': on from the last position named)
                     r"|(?P<next>后面|其后|之后|再往后|接下来))"
                     r"(?:分别|依次)(?:是|为)[：:，,]?\s*")
_ONWARD_ITEM = re.compile(r"\s*[，,:：（(]?\s*(?:为|是|达|达到)?\s*(?P<fig>-?\d+(?:\.\d+)?\s*(?:亿元|万元|元|亿|万))[）)]?")
_LAST_POSITION = re.compile(r"(?:排名|排在|位居|位列|居)(?:全[省市国区])?第(" + _N + r")(?:名|位)?")


def _onward_facts(ctx: ArticleContext, i: int, m: re.Match, topic: tuple, prev_target_mood: dict) -> list[Fact]:
    s = ctx.sentences[i]
    jg, g, glo, gcolon = topic
    if m.group("n"):
        rank = int(cn_number(m.group("n")) or 0)
    elif m.group("next"):
        lo = ctx.paragraph_start(max(0, i - 8))
        named = [cn_number(x.group(1)) for x in _LAST_POSITION.finditer(ctx.text, lo, s.start + m.start())]
        rank = int(named[-1]) + 1 if named and named[-1] and named[-1] < 100 else 0     # (the last one named)
    else:
        # after '最高的是X' (or 排名第一的是X) in the paragraph: the others from the second place on
        before = ctx.text[ctx.paragraph_start(i):s.start + m.start()]
        rank = 2 if re.search(r"(?:最高|最多|最大|排名第一)的(?:是|为)", before) else 0
    if not rank:
        return []
    out: list[Fact] = []
    for k, place, fig in places_with_figures(ctx, i, s.start + m.end(), _ONWARD_ITEM, aside_ok=bool(m.group("next"))):
        # (a list that goes on from the last position names each place's figure, or its aside: '孝感市(…亿)')
        sub = Subject([place], reason="the places from a position on, each with its figure")
        out.extend(facts_for_group(ctx, jg, g, fig.group("fig") if fig else "", fig.end() if fig else place.end,
                                   glo, gcolon, prev_target_mood, subject=sub, placed=rank, at=(k, place.end)))
        rank += 1
    return out if len(out) >= 2 else []


def _bottom_facts(ctx: ArticleContext, i: int, m: re.Match, n: int, topic: tuple, prev_target_mood: dict) -> list[Fact]:
    """'排名靠后的两个县是：A，达到221.74亿元；B，达到220.7亿元': the last N places, each with its figure;
    no position, since the paragraph does not say how many places there are."""
    s = ctx.sentences[i]
    jg, g, glo, gcolon = topic
    items = places_with_figures(ctx, i, s.start + m.end(), _ONWARD_ITEM)
    if len(items) != n:
        return []
    out: list[Fact] = []
    for k, place, fig in items:
        sub = Subject([place], reason="the last places of a list, each with its figure")
        out.extend(facts_for_group(ctx, jg, g, fig.group("fig"), fig.end(), glo, gcolon, prev_target_mood,
                                   subject=sub, at=(k, place.end)))
    return out


# '排名第一的是顺庆区，达到547.6亿元；排名第二的是南部县，达到481.8亿元': each place its position and its figure
RANKED_IS_PLACE = re.compile(r"(?:排名|排在|位居|位列|居)第(?P<n>" + _N + r")(?:位|名)?的(?:是|为)\s*"
                             # ('…第二是济南，5198.75亿元，第三为烟台3918.38亿元': a clause opening on the position)
                             r"|(?:^|(?<=[，,。；;]))\s*第(?P<n2>[二三四五六七八九十]|1[0-9]|[2-9])(?:位|名)?(?:是|为)\s*")
_FIGURE_AFTER = re.compile(r"\s*[，,:：]?\s*(?:达到了?|达|为|是|实现|完成)?\s*(?P<fig>-?\d+(?:\.\d+)?\s*(?:亿元|万元|亿|元)"
                           # ('排名第一的是大祥区，增速12.7%': its rate, on a paragraph about the indicator's growth)
                           r"|(?:增速|增幅|增长)(?:为|是|达到了?|达)?\s*-?\d+(?:\.\d+)?\s*%)")


def ranked_is_place_facts(ctx: ArticleContext, i: int, topic: tuple, prev_target_mood: dict) -> list[Fact]:
    s = ctx.sentences[i]
    text = ctx.text
    jg, g, glo, gcolon = topic
    out: list[Fact] = []
    for m in RANKED_IS_PLACE.finditer(text, s.start, s.end):
        place = next((p for p in ctx.places_in(m.end(), m.end() + 1) if p.start == m.end() and p.code), None)
        n = cn_number(m.group("n") or m.group("n2"))
        fig = _FIGURE_AFTER.match(text, place.end) if place is not None else None
        if fig is None or not n:
            continue
        sub = Subject([place], reason="the place at a position, with its figure, on the paragraph's indicator")
        out.extend(facts_for_group(ctx, jg, g, fig.group("fig"), fig.end(), glo, gcolon, prev_target_mood,
                                   subject=sub, placed=int(n), at=(i, place.end)))
    return out


# '从同比来看，唐山市同比增长率-3.6%' / '邯郸市总量300.1亿元，其增速达到了2.8%': a place opening a clause
# with its rate (or its total) on the paragraph's indicator, the indicator left unsaid
_PLACE_FIGURE = re.compile(r"[^。；;]{0,16}?(?:增长率|增速|增幅|总量|累计金额|金额)(?:也|亦|则)?(?:为|达到了?|达|是|仅为)?\s*"
                           r"-?\d+(?:\.\d+)?\s*(?:%|亿元|万元)"
                           # ('玉溪市也以2352.30亿元跻身“2000亿”行列': the place's total, said after 以)
                           r"|(?:也|亦|则|还)?以\s*\d+(?:\.\d+)?\s*(?:亿元|万元)(?=[^，,。；;]{0,4}?(?:跻身|迈入|进入|站上|位列|位居|排名|居))")


_COMPARED = re.compile(r"高出|超过|超出|高于|低于|领先|落后|次于|不及|比")


def _place_rate_facts(ctx: ArticleContext, i: int, topic: tuple, prev_target_mood: dict) -> list[Fact]:
    s = ctx.sentences[i]
    text = ctx.text
    jg, g, glo, gcolon = topic
    # places opening a clause, not those compared against ('邢台市总量高出秦皇岛、张家口不少')
    places = [p for p in ctx.places_in(s.start, s.end) if p.code and _OPENS.search(text[s.start:p.start])
              and not _COMPARED.search(re.split(r"[，,；;。]", text[s.start:p.start])[-1])]
    out: list[Fact] = []
    for k, p in enumerate(places):
        if not _PLACE_FIGURE.match(text, p.end):
            continue
        end = places[k + 1].start if k + 1 < len(places) else s.end
        sub = Subject([p], reason="place with its figure on the paragraph's indicator")
        out.extend(facts_for_group(ctx, jg, g, mask_asides(text[p.end:end]), end, glo, gcolon, prev_target_mood,
                                   subject=sub, at=(i, end)))
    return out


# '楚雄州、昭通市分别以11.2%、10.1%的增速位列第二、第三': each place its rate and its position
_SPLIT_RATES = re.compile(r"分别以(?P<vals>-?\d+(?:\.\d+)?%(?:[、和及]-?\d+(?:\.\d+)?%)+)的?(?:增速|增幅|速度|增长)?"
                          r"(?:位列|位居|排名|排在|居|列)(?:全省|全市|全国)?(?P<ranks>第?" + _N + r"(?:位|名)?(?:[、和及]第?" + _N
                          + r"(?:位|名)?)+)")


def _split_rate_facts(ctx: ArticleContext, i: int, m: re.Match, topic: tuple, prev_target_mood: dict) -> list[Fact]:
    s = ctx.sentences[i]
    at = s.start + m.start()
    run = []
    for p in reversed([p for p in ctx.places_in(s.start, at) if p.end <= at]):
        gap = ctx.text[p.end:(run[0].start if run else at)]
        if gap.strip() not in ("", "、", "和", "及", "与"):
            break
        run.insert(0, p)
    rates = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", m.group("vals"))]
    ranks = [cn_number(x) for x in re.findall(_N, m.group("ranks"))]
    if not run or not len(run) == len(rates) == len(ranks) or any(r is None for r in ranks):
        return []
    out: list[Fact] = []
    for p, rate, rank in zip(run, rates, ranks):
        out.extend(_place_rate(ctx, topic, p, rate, int(rank), prev_target_mood))
    return out


def _place_rate(ctx: ArticleContext, topic: tuple, p, rate: float, rank, prev_target_mood: dict,
                reason: str = "a place with its rate and position on the paragraph's indicator") -> list[Fact]:
    """The facts of place ``p``'s growth ``rate`` (and position ``rank``, or None) on the paragraph's indicator."""
    jg, g, glo, gcolon = topic
    return facts_for_group(ctx, jg, g, "", p.end, glo, gcolon, prev_target_mood, subject=Subject([p], reason=reason),
                           dealt=("yoy", rate), placed=rank)


# '获嘉县、原阳县增速均为18%，并列第2位' / '卫滨区与凤泉区增速为15%，并列第7位': the places of a run share a
# rate and a tied position; '延津县以18.4%的增速夺冠': the place first, with its rate
_RATE_TEXT = r"(?P<v>-?\d+(?:\.\d+)?)\s*%"
_TIED = re.compile(r"(?:增速|增幅|增长率?)?(?:均|都|也)?(?:为|是|达到?)?\s*" + _RATE_TEXT + r"\s*[，,]?\s*并列(?:全市|全省|全区)?第(?P<k>"
                   + _N + r")(?:位|名)?")
_WON = re.compile(r"以" + _RATE_TEXT + r"的(?:增速|增幅|速度)(?:夺冠|领跑全[市省区]|位居第一|排名第一|拔得头筹|居首)")
_RUN_SEP = re.compile(r"\s*(?:、|和|与|及)\s*")
_NOT_A_GAP = re.compile(r"[\d，,。；;]")     # a figure or a clause between the run and its rate
_ALIKE = re.compile(r"^\s*(?:一样|相同|一致)\s*[，,]")      # '新乡县与长垣市一样，增速都是16%'


def _run_before(ctx: ArticleContext, lo: int, at: int) -> list:
    """The run of places (A、B / A与B) that ends shortly before ``at`` in its clause, opening the clause."""
    places = [p for p in ctx.places_in(lo, at) if p.end <= at and p.code]
    between = _ALIKE.sub("", ctx.text[places[-1].end:at]) if places else ""
    if not places or _NOT_A_GAP.search(between) or len(between) > 10:
        return []
    run = [places[-1]]
    for p in reversed(places[:-1]):
        if not _RUN_SEP.fullmatch(ctx.text[p.end:run[0].start]):
            break
        run.insert(0, p)
    return run if _OPENS.search(ctx.text[lo:run[0].start]) else []


def _tied_and_won_facts(ctx: ArticleContext, i: int, topic: tuple, prev_target_mood: dict) -> list[Fact]:
    s = ctx.sentences[i]
    st = ctx.text[s.start:s.end]
    out: list[Fact] = []
    for m, rank in [(m, cn_number(m.group("k"))) for m in _TIED.finditer(st)] + [(m, 1) for m in _WON.finditer(st)]:
        run = _run_before(ctx, s.start, s.start + m.start())
        if not run or not rank:
            continue
        for p in run:
            out.extend(_place_rate(ctx, topic, p, float(m.group("v")), int(rank), prev_target_mood))
    return out


# '红河、玉溪在2021年也是“快车道”选手，在增速上均交出了9.1%的成绩单': the run of places opening the sentence shares
# the one rate said with 均 (or 都), on the paragraph's indicator
_SHARED_RATE = re.compile(r"(?:增速|增幅|增长率?)[^，,。；;\d%]{0,6}?(?:均|都)(?:为|是|达到?|交出了?|实现了?|保持了?)?\s*"
                          + _RATE_TEXT + r"(?![、和及]\s*-?\d)")


def _shared_rate_facts(ctx: ArticleContext, i: int, m: re.Match, topic: tuple, prev_target_mood: dict) -> list[Fact]:
    s = ctx.sentences[i]
    text = ctx.text
    at = s.start + m.start()
    places = [p for p in ctx.places_in(s.start, at) if p.code and p.end <= at]
    if len(places) < 2 or not _OPENS.search(text[s.start:places[0].start]):
        return []
    for a, b in zip(places, places[1:]):
        if not _RUN_SEP.fullmatch(text[a.end:b.start]):
            return []      # (one run of places, nothing else named before the rate)
    return [f for p in places for f in _place_rate(ctx, topic, p, float(m.group("v")), None, prev_target_mood,
                                                    reason="a run of places sharing one rate (均)")]


# '增幅最高的蒲县，同比增长97.7%；其次是洪洞县，同比增长55.1%；翼城、乡宁、浮山、曲沃分别增长49.8%、36.9%、27%和
# 26.1%。增幅最低的是侯马市，同比增长1.3%': the place with the highest (lowest) growth and its rate, the one after it,
# and a run of places with their rates dealt out, on the paragraph's indicator; the highest growth is the first
_EXTREME = re.compile(r"(?:(?P<what>增幅率?|增速|增长率?)最(?P<dir>高|快|大|低|慢|小)的(?:是|为)?|其次(?:是|为)?)\s*")
_SPLIT_GROWTH = re.compile(r"分别(?:增长|下降)\s*(?P<vals>-?\d+(?:\.\d+)?\s*%(?:\s*(?:、|和|及)\s*-?\d+(?:\.\d+)?\s*%)+)")
_CLAUSE_RATE = re.compile(r"\s*[，,]?\s*(?:同比|比上年)?(?:增长|增幅为?|增速为?|为)?\s*(?P<v>-?\d+(?:\.\d+)?)\s*%")


def _extreme_and_split_growth_facts(ctx: ArticleContext, i: int, topic: tuple, prev_target_mood: dict) -> list[Fact]:
    s = ctx.sentences[i]
    text = ctx.text
    st = text[s.start:s.end]
    out: list[Fact] = []
    for m in _EXTREME.finditer(st):
        at = s.start + m.end()
        place = next((p for p in ctx.places_in(at, at + 1) if p.start == at and p.code), None)
        rate = _CLAUSE_RATE.match(text, place.end) if place is not None else None
        if rate is None:
            continue
        first = m.group("what") is not None and m.group("dir") in "高快大"
        out.extend(_place_rate(ctx, topic, place, float(rate.group("v")), 1 if first else None, prev_target_mood,
                               "the place with the highest (lowest) growth on the paragraph's indicator"))
    split = _SPLIT_GROWTH.search(st)
    if split:
        run = _run_before(ctx, s.start, s.start + split.start())
        rates = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", split.group("vals"))]
        if run and len(run) == len(rates):
            falling = split.group(0).startswith("分别下降")
            for p, rate in zip(run, rates):
                out.extend(_place_rate(ctx, topic, p, -abs(rate) if falling else rate, None, prev_target_mood,
                                       "a run of places with their rates on the paragraph's indicator"))
    return out


# '其中保定市、沧州市和廊坊市总量相对较高，累计金额分别为262.5亿元、256.2亿元和244.5亿元，分居全省4-6位':
# each place of the run its figure (and its place in the span) on the paragraph's indicator
_AMOUNT_TEXT = r"-?\d+(?:\.\d+)?\s*(?:亿元|万元|亿|元)"
_SPLIT_VALUES = re.compile(r"(?:分别|依次)(?:为|是|达到?了?|完成了?)?\s*(?P<vals>" + _AMOUNT_TEXT + r"(?:\s*(?:、|和|及)\s*" + _AMOUNT_TEXT
                           + r")+)(?:[，,]?\s*(?:分居|分列|分别位居|分别位列|分别居|分别排在)(?:全省|全市|全国|全区)?第?"
                           r"(?P<a>\d{1,3})\s*(?:—|－|-|–|~|～|至|到)\s*第?(?P<b>\d{1,3})\s*(?:位|名))?")


def _split_value_facts(ctx: ArticleContext, i: int, m: re.Match, topic: tuple, prev_target_mood: dict) -> list[Fact]:
    s = ctx.sentences[i]
    at = s.start + m.start()
    runs: list[list] = []
    for p in (p for p in ctx.places_in(s.start, at) if p.end <= at and p.code):
        if runs and ctx.text[runs[-1][-1].end:p.start].strip() in ("、", "和", "及", "与"):
            runs[-1].append(p)
        else:
            runs.append([p])
    vals = re.findall(_AMOUNT_TEXT, m.group("vals"))
    run = runs[-1] if runs else []
    if len(run) != len(vals) or len(run) < 2:
        return []
    ranks = list(range(int(m.group("a")), int(m.group("b")) + 1)) if m.group("a") else [None] * len(run)
    if len(ranks) != len(run):
        return []
    jg, g, glo, gcolon = topic
    out: list[Fact] = []
    for p, val, rank in zip(run, vals, ranks):
        sub = Subject([p], reason="a place of a run with its figure on the paragraph's indicator")
        out.extend(facts_for_group(ctx, jg, g, val, p.end, glo, gcolon, prev_target_mood, subject=sub, placed=rank,
                                   at=(i, at)))
    return out


def _span_facts(ctx: ArticleContext, i: int, m: re.Match, topic: tuple, prev_target_mood: dict,
                a: int, b: int) -> list[Fact]:
    s = ctx.sentences[i]
    if not 1 <= a < b <= 200:
        return []
    places = ctx.listed_from(s.start + m.end(), s.end)
    tail = ctx.text.rstrip()
    cut_short = 2 <= len(places) < b - a + 1 and s.end >= len(tail) - 12 and not tail.endswith(("。", "！", "？", ".", "!", "?"))
    if len(places) != b - a + 1 and not cut_short:
        return []      # (a list cut off at the end of the page keeps the positions it shows)
    jg, g, glo, gcolon = topic
    out: list[Fact] = []
    for k, p in enumerate(places):
        sub = Subject([p], reason="a run of positions on the paragraph's indicator")
        out.extend(facts_for_group(ctx, jg, g, "", p.end, glo, gcolon, prev_target_mood, subject=sub,
                                   placed=a + k))
    return out
