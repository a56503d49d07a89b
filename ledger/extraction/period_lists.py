"""Rates dealt out over a list of periods: "分季度看，一季度、上半年、前三季度、全年增速分别为-9.9%、
0.5%、3.5%和4.5%", "一季度、上半年全县固定资产投资分别增长12.1%和10.3%", "四个季度累计GDP增幅分别为8.6%、
9.2%、9.2%和9.1%" (the cumulative quarters: 一季度, 上半年, 前三季度, 全年).

The indicator is the one term between the periods and 分别; where there is none ('…全年增速分别为'),
it is the last core indicator named before in the paragraph. The place is the one the sentence
names before the periods, else the paragraph's, else the article's. A bare period takes the year
the sentence or its paragraph states before it, else the year the list's last period is read in.

The sentence's periods are a list, not the period of what follows: a later sentence does not take
the list's first period as its own (``ArticleContext.period_list_sents``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ledger.extraction.context import ArticleContext
from ledger.metrics import MetricMention
from ledger.model import Fact
from ledger.periods import PeriodMention, resolve
from ledger.extraction.assembly import Group, Subject, kind_and_period, make_fact, paragraph_year

_JOINED = re.compile(r"\s*(?:、|和|及|与|，|,)\s*")
# the k cumulative quarters ('四个季度累计', '前三个季度'): up to the quarter, from January
_N_QUARTERS = re.compile(r"(?P<n>[两二三四234])个季度(?:累计)?")
_QUARTER_N = {"两": 2, "二": 2, "三": 3, "四": 4, "2": 2, "3": 3, "4": 4}
_GROWTH = re.compile(r"增速|增幅|增长率?|同比|下降")
_FENBIE = re.compile(r"分别(?:为|是|达到?|增长|下降|比增)?")
_RATE = re.compile(r"([-+−]?\d+(?:\.\d+)?)\s*[%％]")
_RATE_SEP = re.compile(r"\s*(?:、|和|及|与|，|,)\s*")
_GAP = 14          # characters between the periods and 分别 (the indicator, 增速, a place word)


@dataclass
class PeriodRun:
    sent: int
    start: int                            # absolute offsets of the listed periods
    end: int
    periods: list[PeriodMention]          # relative to the sentence, or made up for 'N个季度'
    fenbie: re.Match                      # on the text, absolute
    rates: list[float]


def _rates(text: str, at: int, k: int, falling: bool) -> Optional[list[float]]:
    """Exactly ``k`` percentages joined by 、/和 right after 分别, else None."""
    out: list[float] = []
    pos = at
    while len(out) < k:
        if out:
            sep = _RATE_SEP.match(text, pos)
            if not sep:
                return None
            pos = sep.end()
        m = _RATE.match(text, pos)
        if not m:
            return None
        v = float(m.group(1).replace("−", "-"))
        out.append(-v if falling else v)
        pos = m.end()
    if _RATE_SEP.match(text, pos) and _RATE.match(text, _RATE_SEP.match(text, pos).end()):
        return None                      # more rates than periods
    return out


# '增速逐季攀升，上半年3.2%、前三季度4.4%、全年5%左右': each period followed by its own rate
_PAIR_RATE = re.compile(r"\s*(?P<word>(?:经济)?(?:同比)?(?:增长|增速为?))?\s*(?:为|是|达到?)?\s*([-+−]?\d+(?:\.\d+)?)\s*[%％]")
_PAIR_SEP = re.compile(r"\s*(?:、|和|及|，|,)\s*(?:预计)?\s*")
_GROWTH_BEFORE = re.compile(r"(?:增速|增幅|增长率?)[^，,。；;\d%]{0,8}[，,：:]?\s*$")


_WORD = re.compile(r"增长|增速")


def _paired_runs(ctx: ArticleContext, i: int) -> list[PeriodRun]:
    """Runs of periods each followed by its rate, after a growth word ('GDP增速逐季攀升，上半年3.2%、前三季度4.4%')."""
    s = ctx.sentences[i]
    text = ctx.text
    pms = [p for p in ctx.periods_of(i) if not p.span and p.months]
    out: list[PeriodRun] = []
    k = 0
    while k < len(pms):
        run, rates = [], []
        j = k
        while j < len(pms):
            pm = pms[j]
            if run and not _PAIR_SEP.fullmatch(text, s.start + run[-1][1], s.start + pm.start):
                break
            m = _PAIR_RATE.match(text, s.start + pm.end)
            if m is None:
                break
            run.append((pm, m.end() - s.start, m))
            rates.append(float(m.group(2).replace("−", "-")))
            j += 1
        if len(run) >= 2:
            lead = _GROWTH_BEFORE.search(text, max(s.start, s.start + run[0][0].start - 16), s.start + run[0][0].start)
            if lead is None and all(r[2].group("word") for r in run):
                lead = _WORD.search(text, run[0][2].start("word"), run[0][2].end("word"))   # '1季度经济增长7.9%，上半年增长7.7%'
            run = [(pm, end) for pm, end, _ in run]
            if lead is not None:
                start, end = s.start + run[0][0].start, s.start + run[-1][1]
                out.append(PeriodRun(i, start, end, [pm for pm, _ in run], lead, rates))
            k = j
        else:
            k += 1
    return out


def period_runs(ctx: ArticleContext) -> list[PeriodRun]:
    """The sentences that deal rates over a list of periods."""
    text = ctx.text
    out: list[PeriodRun] = []
    for i, s in enumerate(ctx.sentences):
        if s.is_heading:
            continue
        if "分别" not in text[s.start:s.end]:
            if "%" in text[s.start:s.end] or "％" in text[s.start:s.end]:
                out.extend(_paired_runs(ctx, i))
            continue
        pms = ctx.periods_of(i)
        candidates: list[tuple[int, int, list[PeriodMention]]] = []
        k = 0
        while k < len(pms):
            run = [pms[k]]
            while k + 1 < len(pms) and _JOINED.fullmatch(text[s.start + run[-1].end:s.start + pms[k + 1].start]) \
                    and not pms[k + 1].span and not run[-1].span:
                k += 1
                run.append(pms[k])
            if len(run) >= 2 and not run[0].span:
                candidates.append((s.start + run[0].start, s.start + run[-1].end, run))
            k += 1
        for q in _N_QUARTERS.finditer(text, s.start, s.end):
            n = _QUARTER_N[q.group("n")]
            made = [PeriodMention(q.start() - s.start, q.end() - s.start, q.group(0), months=(1, 3 * j), bare=True,
                                  full_year_word=(j == 4)) for j in range(1, n + 1)]
            candidates.append((q.start(), q.end(), made))
        for start, end, periods in candidates:
            fb = _FENBIE.search(text, end, min(s.end, end + _GAP + 6))
            if fb is None or re.search(r"[，,。；;：:]", text[end:fb.start()]):
                continue
            lead = text[end:fb.end()]
            if not _GROWTH.search(lead):
                continue
            rates = _rates(text, fb.end(), len(periods), falling="下降" in lead)
            if rates is not None:
                out.append(PeriodRun(i, start, end, periods, fb, rates))
    return out


def _indicator(ctx: ArticleContext, run: PeriodRun) -> Optional[MetricMention]:
    inside = [mm for mm in ctx.metrics_in(run.end, run.fenbie.start())]
    if inside:
        mm = inside[0]
        return mm if len(inside) == 1 and mm.term.core and "|" not in mm.metric and not mm.term.needs else None
    before = [mm for mm in ctx.metrics_in(ctx.paragraph_start(run.sent), run.start) if mm.term.core and "|" not in mm.metric
              and not mm.term.needs]
    return before[-1] if before else None


def period_list_facts(ctx: ArticleContext, runs: list[PeriodRun], prev_target_mood: dict[int, bool]) -> list[Fact]:
    facts: list[Fact] = []
    for run in runs:
        mm = _indicator(ctx, run)
        if mm is None:
            continue
        s = ctx.sentences[run.sent]
        places = [p for p in ctx.places_in(s.start, run.start) if p.kind != "unresolved"]
        if len(places) > 1:
            continue
        if places:
            subject = Subject(places, reason="the place the sentence names before its periods")
        else:
            carried = ctx.subject_carry.get(s.paragraph)
            subject = carried if carried is not None and len(carried.places) == 1 else \
                Subject([], implicit=True, reason="the article's region")
        if subject.group or subject.unresolved:
            continue
        at = mm.end if mm.start >= run.end else run.end
        kind, last, why = kind_and_period(ctx, run.sent, Group([mm], at, at, run.sent), run.fenbie.end(), -1,
                                          prev_target_mood)
        if kind is None:
            continue
        # the year stated before the list, else the one the last listed period is read in (a heading's,
        # the title's, the publish date's)
        year = paragraph_year(ctx, run.sent, run.periods[0])
        if year is None and last is not None and last.start and last.end and last.start[:4] == last.end[:4]:
            year = int(last.start[:4])
        for pm, rate in zip(run.periods, run.rates):
            period = resolve(pm, ctx.pub, kind == "target", year if pm.year is None and pm.rel is None else None)
            if period is None:
                continue
            f = make_fact(ctx, s, mm.metric, mm, subject.places[0] if subject.places else None, kind, period, None,
                          dict(yoy=rate, cagr=None, rank=None), None, None,
                          (why + "; " if why else "") + "a rate dealt over a list of periods", subject)
            if f is not None:
                facts.append(f)
    return facts
