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

from ledger.extraction.context import ArticleContext
from ledger.metrics import MetricMention
from ledger.model import Fact
from ledger.numbers import cn_number
from ledger.extraction.assembly import (ACCOUNTED, FUTURE_CUE, NOMINAL_WORDS, PAST, QITA, SEQUENCE_OPENS, Group, Subject,
                                        TARGET_CUE, TARGET_NOUN, UNDERSTOOD, dealt_growths, dedupe, facts_for_group, groups_of, is_share_base,
                                        kind_and_period, make_fact, mask_asides, segment_end)
from ledger.extraction.league import ONWARD, RANKED_IS_PLACE, league_facts, ranked_is_place_facts
from ledger.extraction.lists import (bullet_line_facts, champion_line_facts, numbered_line_facts, place_figure_facts,
                                     place_figure_runs)
from ledger.extraction.index_tables import INDEX_UNIT, index_table_facts
from ledger.extraction.period_lists import period_list_facts, period_runs
from ledger.extraction.stacked_tables import STACKED_HINT, stacked_table_facts
from ledger.extraction.tables import (CELL_HINT, NUMERIC_LINE, PIPE_LINE_HINT, ROW_HINT, YEAR_ROW_HINT, cell_table_facts,
                                      place_table_facts, table_facts, year_table_facts)


# ---------------------------------------------------------------- main loop
# a ；-part that opens on a rate or a position: it goes on about the part before
_GOES_ON = re.compile(r"\s*(?:同比|比上年|较上年)?(?:增长|下降|增速|增幅|位居|位列|排名|居)")
# '地区生产总值2427.1亿元。按可比价格计算，同比增长6.1%': the next sentence gives the real growth of the figure before
_COMPARABLE_GROWTH = re.compile(r"\s*(?:按(?:可比价|不变价)(?:格)?计算[，,]?\s*(?:实际)?(?:同比|比上年|较上年)?(?:增长|下降)"
                                # ('鹤城区…实现GDP188.44亿元。较上年同期初步核算值减少了15.10亿元，名义下降了7.42%')
                                # ('同比去年增长了31.24亿元，名义增长速度为15.98%')
                                r"|(?:(?:较|比)(?:上年|去年)同期|同比去年|比去年|较去年)[^，,。；;]{0,12}(?:增长|增加|减少|下降)了?[^，,。；;]{0,10}[，,]\s*"
                                r"名义(?:增长|下降))")


def _mood_cue(text: str) -> bool:
    """Does a sentence set a target or future mood for the next one? Target words used as nouns of
    an actual ('圆满完成…会议确定的目标任务', '占年度计划的95%') do not."""
    if ACCOUNTED.search(text):
        return False     # '初步核算，…为全年经济目标打下了坚实基础': an accounted actual sets no target mood
    nouns = [m.span() for m in TARGET_NOUN.finditer(text)]
    return any(not any(a <= m.start() < b for a, b in nouns) for m in TARGET_CUE.finditer(text)) \
        or bool(FUTURE_CUE.search(text))


def _set_topic(para_topic: dict, para: int, entry: tuple) -> None:
    """A paragraph's indicator for the league prose after it: a part named after a core indicator
    ('进出口总额2975.55亿元…其中出口总额…') does not take the core one's place."""
    prev = para_topic.get(para)
    if entry[1].items[0].metric == "other" and prev is not None and prev[1].items[0].metric != "other":
        return
    para_topic[para] = entry


# an ordered place-figure list carried on after a ；, maybe on the next line
_LIST_GOES_ON = re.compile(r"[)）]?\s*[；;]\s*")
_NEXT_POSITION = re.compile(r"[，,；;]\s*(?:第[二三四五六七八九十\d]+(?:名|位)|其次)")
_FENBIE_AFTER = re.compile(r"[^，,。；;]{0,6}?(?:分别|依次)")
# a list the indicator leads ('GDP从高到低依次排列为：晋江市3207.43亿元，…'): it names the paragraph's indicator
_LIST_LEAD = re.compile(r"依次(?:排列)?(?:为|是)|排列为|排名(?:为|如下)|如下[:：]")
_BOUND_ONLY = re.compile(r"(?:均|都)(?:在|为|超过?|不足|低于|高于)")


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
    period_runs_ = period_runs(ctx) if ("分别" in text or "%" in text or "％" in text) else []
    ctx.period_list_sents = {r.sent for r in period_runs_}
    listed_spans = {r.sent: (r.start, r.fenbie.end()) for r in period_runs_}
    runs = {i: r for i, r in ((i, place_figure_runs(ctx, i)) for i in range(len(sents))) if r}
    prev_target_mood: dict[int, bool] = {}
    single_carry: dict[int, tuple] = {}   # sentence -> its last single-term group named by a place
    para_topic: dict[int, tuple] = {}     # paragraph -> its last single-term group (league prose)
    for i, s in enumerate(sents):
        mentions = by_sent.get(i)
        sent_text = text[s.start:s.end]
        cue_in_sentence = _mood_cue(sent_text)
        prev_target_mood[i] = cue_in_sentence or (
            # '划定发展预期目标，A增长3%；B增长7%；C增长2%': the mood runs on through the ；-parts of one sentence
            i > 0 and prev_target_mood.get(i - 1, False) and sents[i - 1].group == s.group
            and sents[i - 1].paragraph == s.paragraph and not PAST.search(sent_text)
            # (not into league prose by position: '…全年有可能达到700亿元；其次是隆回县，GDP119亿元')
            and not SEQUENCE_OPENS.match(sent_text))
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
                    # the place, or a list of places (黔南、铜仁、六盘水…分别为…)
                    listed = ctx.listed_from(first.start, s.end)
                    last = listed[-1]
                    nxt_place = next((p for p in places[len(listed):] if text[p.start - 1:p.start] in ("，", ",")), None)
                    c_end = nxt_place.start if nxt_place else s.end
                    clause = text[last.end:c_end]
                    if not QITA.search(clause) and UNDERSTOOD.match(clause):
                        sub = Subject(listed, reason="place with the metric understood",
                                      unresolved=any(p.kind == "unresolved" for p in listed))
                        facts.extend(facts_for_group(ctx, jg, g, mask_asides(clause), c_end, glo, gcolon,
                                                      prev_target_mood, subject=sub))
                        single_carry[i] = carry
                        continue
            comparable = _COMPARABLE_GROWTH.match(sent_text)
            if carry is not None and (sents[i - 1].group == s.group or comparable) \
                    and sents[i - 1].paragraph == s.paragraph \
                    and not ctx.places_in(s.start, s.end) and (_GOES_ON.match(sent_text) or comparable) and facts:
                # '长垣市完成490.17亿元，再次夺冠；同比增长4.9%，位居第二名': a ；-part with neither a
                # place nor an indicator goes on with the part before's place and indicator
                jg, g, glo, gcolon = carry
                last = facts[-1]
                held = next((p for p in ctx.places_in(sents[jg].start, sents[i - 1].end)
                             if p.code and p.code == last.region_code), None)
                if comparable and comparable.group(0).lstrip().startswith(("按可比价", "按不变价")) and last.yoy_pct is not None \
                        and NOMINAL_WORDS.search(text, sents[i - 1].start, sents[i - 1].end):
                    last.yoy_pct = None     # ('名义增长速度为8.62%。按可比价计算，实际增长6.1%': the real rate, not the nominal)
                if held is not None and last.metric == g.items[0].metric:
                    facts.extend(facts_for_group(ctx, jg, g, mask_asides(sent_text), s.end, glo, gcolon,
                                                  prev_target_mood, subject=Subject([held], reason="the part before's place")))
                    single_carry[i] = carry
                    continue
                if held is None and comparable and last.metric == g.items[0].metric and ctx.main is not None \
                        and last.region_code and last.region_code == ctx.main.code:
                    # ('全市实现地区生产总值2427.1亿元。按可比价格计算，同比增长6.1%': the article's own region)
                    facts.extend(facts_for_group(ctx, jg, g, mask_asides(sent_text), s.end, glo, gcolon,
                                                  prev_target_mood, subject=Subject([ctx.main], reason="the sentence before's region")))
                    continue
            topic = para_topic.get(s.paragraph)
            if topic is None and s.paragraph > 0 and (ONWARD.search(sent_text) or QITA.match(sent_text)):
                # ('…排名全省第四。' / '后面依次是，孝感市(…)、黄冈市(…)…' a paragraph of its own: the list goes on)
                topic = para_topic.get(s.paragraph - 1)
            if topic is not None:
                facts.extend(league_facts(ctx, i, topic, prev_target_mood))
            continue
        groups = groups_of(ctx, i, mentions)
        # the full sentence (parts split at ；) for subjects
        lo = s.start
        j = i
        while j > 0 and sents[j - 1].group == s.group and sents[j - 1].paragraph == s.paragraph:
            j -= 1
            lo = sents[j].start
        # the context of a colon lead-in ("主要预期目标是：")
        colon = max(sent_text.rfind("："), sent_text.rfind(":"))
        dealt = dealt_growths(ctx, i, groups)
        for gi, g in enumerate(groups):
            if not g.items:
                continue
            if i in listed_spans and listed_spans[i][0] <= g.start < listed_spans[i][1]:
                continue     # '一季度、上半年固定资产投资分别增长…': dealt over the periods (period_lists)
            nxt = groups[gi + 1].start if gi + 1 < len(groups) else s.end
            seg_end, cut = segment_end(ctx, g, nxt, s.end)
            run_at = next((r[0].start for r in runs.get(i, ()) if g.end <= r[0].start < seg_end), None)
            if run_at is not None:
                # the figures of a place-figure list are the places', not the group's
                seg_end, cut = (run_at, cut if cut is not None and cut.start < run_at else None)
            seg = mask_asides(text[g.end:seg_end])
            if gi in dealt:
                cut_at, growth = dealt[gi]
                if cut_at is not None:
                    seg, seg_end = seg[:cut_at], g.end + cut_at
                facts.extend(facts_for_group(ctx, i, g, seg, seg_end, lo, colon, prev_target_mood,
                                              dealt=growth))
                continue
            made = facts_for_group(ctx, i, g, seg, seg_end, lo, colon, prev_target_mood)
            if not made and len(g.items) == 1 and RANKED_IS_PLACE.search(seg):
                # '从GDP总量上看，排名第一的是顺庆区，达到547.6亿元；排名第二的是…': the indicator, then places by position
                made = ranked_is_place_facts(ctx, i, (i, g, lo, colon), prev_target_mood)
            facts.extend(made)
            if gi == len(groups) - 1 and len(g.items) == 1 and made and any(f.region_code for f in made):
                single_carry[i] = (i, g, lo, colon)
            if len(g.items) == 1 and (made or _BOUND_ONLY.search(text, g.end, seg_end) or _LIST_LEAD.search(text, g.end, seg_end)):
                # ('河北其他地市前8月地方财政收入均在300亿之下。其中…': a bound names the paragraph's indicator too)
                _set_topic(para_topic, s.paragraph, (i, g, lo, colon))
            # "全省增长6.1%，邢台市增长6.4%": a clause of a place and a figure, the metric understood
            limit = min(nxt, s.end)
            if cut is None and len(g.items) == 1:
                # "全市固定资产投资增长8.8%，其中，隆尧县增长15.2%，巨鹿县增长12.1%"
                q = QITA.search(text, g.end, limit)
                if q:
                    after = re.match(r"[，,：:]?", text[q.end():]).end() + q.end()
                    cut = next((p for p in ctx.places_in(after, after + 1) if p.start == after), None)
            while cut is not None and len(g.items) == 1:
                # ('其中涪陵、万州增速分别达20.5%、20.1%': places listed, then their figures dealt out)
                listed = ctx.listed_from(cut.start, limit) or [cut]
                if not _FENBIE_AFTER.match(text, listed[-1].end, limit):
                    listed = [cut]
                nxt_place = next((p for p in ctx.places_in(listed[-1].end + 1, limit)
                                  if text[p.start - 1:p.start] in ("，", ",")), None)
                c_end = nxt_place.start if nxt_place else limit
                nxt_pos = _NEXT_POSITION.search(text, listed[-1].end, c_end)
                if nxt_pos is not None:
                    c_end = nxt_pos.start() + 1     # ('A以2730亿元排在第一名，第二名和第三名分别是…': the next places' clause)
                clause = text[listed[-1].end:c_end]
                if QITA.search(clause) or any(not is_share_base(text, mm, s.start)
                                              for mm in ctx.metrics_in(listed[-1].end, c_end)):
                    break     # (the clause's own indicator; not the whole a share is of: '占全省生产总值的25.8%')
                if not UNDERSTOOD.match(clause):
                    break
                sub = Subject(listed, reason="place with the metric understood",
                              unresolved=any(p.kind == "unresolved" for p in listed))
                placed = facts_for_group(ctx, i, g, mask_asides(clause), c_end, lo, colon, prev_target_mood,
                                         subject=sub)
                facts.extend(placed)
                if placed and gi == len(groups) - 1 and any(f.region_code for f in placed):
                    single_carry[i] = (i, g, lo, colon)
                if placed:
                    _set_topic(para_topic, s.paragraph, (i, g, lo, colon))
                cut = nxt_place
    prev_end, ordered = 0, None    # (the end, last position and indicator of the last ordered list)
    for i, rs in sorted(runs.items()):
        for run in rs:
            goes_on = ordered[1:] if ordered and _LIST_GOES_ON.fullmatch(text, ordered[0], run[0].start) else None
            made, mm = place_figure_facts(ctx, i, run, prev_target_mood, prev_end, known=facts, goes_on_from=goes_on)
            facts.extend(made)
            prev_end = run[-1].end
            ranks = [f.rank for f in made]
            in_order = len(ranks) == len(run) and ranks[0] is not None and \
                ranks == list(range(int(ranks[0]), int(ranks[0]) + len(run)))
            ordered = (prev_end, int(ranks[-1]), mm) if in_order and mm is not None else None
    facts.extend(period_list_facts(ctx, period_runs_, prev_target_mood))
    if "、" in text or "." in text:
        facts.extend(numbered_line_facts(ctx, prev_target_mood))
    if "\n-" in text or "\n•" in text or "\n·" in text or "\n●" in text:
        facts.extend(bullet_line_facts(ctx, prev_target_mood))
    if "第一\n" in text:
        facts.extend(champion_line_facts(ctx, prev_target_mood))
    if NUMERIC_LINE.search(text):
        facts.extend(table_facts(ctx))
        if INDEX_UNIT.search(text):
            facts.extend(index_table_facts(ctx))
    if ROW_HINT.search(text):
        facts.extend(place_table_facts(ctx))
    if YEAR_ROW_HINT.search(text) or PIPE_LINE_HINT.search(text):
        facts.extend(year_table_facts(ctx))
    if CELL_HINT.search(text) or PIPE_LINE_HINT.search(text):
        facts.extend(cell_table_facts(ctx, ctx.lines()))
    if STACKED_HINT.search(text):
        facts.extend(stacked_table_facts(ctx))
    if _RANGE_OF_POSITIONS.search(text):
        facts.extend(_positions_over_a_range(ctx, facts, prev_target_mood))
    return dedupe(facts)


# 'A…52.71亿元，B…47.26亿元，C…42.06亿元，分列全市第六至八位' / 'D、E、F上半年GDP依次位居全市第九至十一位':
# the places named before a range of positions hold them in order, on the sentence's one indicator
_RANGE_OF_POSITIONS = re.compile(r"(?:分列|分居|依次位居|依次位列|依次居|依次排在|分别位居|分别位列|分别居)(?P<scope>全(?:市|省|区|国))?"
                                 r"第(?P<a>[一二三四五六七八九十\d]+)(?:位|名)?(?:至|到|—|-)(?:第)?(?P<b>[一二三四五六七八九十\d]+)(?:位|名)")


def _positions_over_a_range(ctx: ArticleContext, facts: list[Fact], prev_target_mood: dict) -> list[Fact]:
    out: list[Fact] = []
    text = ctx.text
    for i, s in enumerate(ctx.sentences):
        m = _RANGE_OF_POSITIONS.search(text, s.start, s.end)
        if m is None:
            continue
        a, b = cn_number(m.group("a")), cn_number(m.group("b"))
        places: list = []
        for p in ctx.places_in(s.start, m.start()):
            if p.code and p.level in ("county", "prefecture", "zone") and all(q.code != p.code for q in places):
                places.append(p)
        mentions = ctx.metrics_in(s.start, m.start())
        if not a or not b or b - a + 1 != len(places) or len({mm.metric for mm in mentions}) != 1 \
                or "|" in mentions[0].metric:
            continue
        mm = mentions[-1]
        kind, period, why = kind_and_period(ctx, i, Group([mm], mm.start, mm.end, i), m.start(), -1, prev_target_mood)
        if kind is None:
            continue
        for k, p in enumerate(places):
            rank = int(a) + k
            held = [f for f in facts if f.region_code == p.code and f.metric == mm.metric and f.char_start == s.start]
            if held:
                if held[0].rank is None or (k > 0 and held[0].rank == int(a)):
                    # (a rank read off the range's first position by the place's own clause is the range's)
                    held[0].rank, held[0].rank_scope, held[0].rank_basis = rank, m.group("scope"), "value"
                continue
            f = make_fact(ctx, s, mm.metric, mm, p, kind, period, None, dict(yoy=None, cagr=None, rank=rank),
                          m.group("scope"), "value", "places over a range of positions" + ("; " + why if why else ""),
                          Subject([p], reason="places over a range of positions"))
            if f:
                out.append(f)
    return out


