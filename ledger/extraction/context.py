"""Document context, the first stage of extraction: what the whole article says before any sentence is
read (FACTS.md sections 3 and 7).

:func:`build_context` prepares one :class:`ArticleContext`: the text split into sentences, one
Aho-Corasick pass for metric terms (a term that starts inside a place name is read after it), one
gazetteer pass for place names (a division written after its prefecture is that division), the
publish date or the date the page itself states (a report's dateline, a date line, a work report's
title, a full date in a short line), the year an undated page speaks of (its title or opening, a
document number), headings with the year and mood they set, and the main region.
"""
from __future__ import annotations

import dataclasses
import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Optional

from ledger.metrics import MetricMention, get_lexicon
from ledger.model import Article
from ledger.numbers import normalize
from ledger.regions import ZONE_SUFFIX
from ledger.periods import (PeriodMention, bulletin_year, document_number_year, date_line, document_year, find_periods,
                             heading_year, pub_ym, report_date, resolve, work_report_year)
from ledger.sentences import Sentence, split_sentences


@dataclass
class Place:
    """A place name in the text, resolved or not."""

    start: int
    end: int
    surface: str
    code: Optional[str]          # current statistical code; None for zones without code / unresolved
    name: str                    # the name to store (as the article used it)
    kind: str                    # full | short | historical | zone | unresolved | listed (a list member by name)
    level: Optional[str] = None
    region: Any = None           # the gazetteer Region, when resolved


@dataclass
class ArticleContext:
    article: Article
    text: str                    # normalised (same length as article.text)
    sentences: list[Sentence]
    metrics: list[MetricMention]
    places: list[Place]
    pub: Optional[tuple[int, int]]
    pub_reason: str
    main: Optional[Place]        # the article's main region as a pseudo-place
    main_region: Any = None
    parent_name: Optional[str] = None
    periods: dict[int, list[PeriodMention]] = field(default_factory=dict)  # by sentence index
    heading_years: dict[int, Optional[int]] = field(default_factory=dict)  # sentence index -> year in force
    heading_parts: dict[int, PeriodMention] = field(default_factory=dict)    # the part of its year a heading states (2024年上半年)
    heading_target: dict[int, bool] = field(default_factory=dict)          # under a 目标/安排 heading
    heading_review: dict[int, bool] = field(default_factory=dict)          # under a 回顾/完成情况 heading
    metric_sents: set[int] = field(default_factory=set)                    # sentences holding metric terms
    period_list_sents: set[int] = field(default_factory=set)               # sentences dealing rates over listed periods
    subject_carry: dict[int, Any] = field(default_factory=dict)            # paragraph -> last explicit subject
    title_period: Optional[PeriodMention] = None                           # the first period named in the title
    doc_year: Optional[int] = None       # an undated page: the year its title or opening states
    doc_year_reason: str = ""
    doc_results: bool = False             # the doc year is the year whose results the title reports
    opening_year: Optional[int] = None   # the single year the title or opening names (any page)
    opening_period: Optional[PeriodMention] = None   # that year's sub-period when the opening names one
    pub_from_report: bool = False        # the date is a work report's (its figures without a period review the year before)

    _place_starts: list[int] = field(default_factory=list)
    _lines: Optional[list[tuple[int, str]]] = None
    _metric_starts: list[int] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list)

    def lines(self) -> list[tuple[int, str]]:
        """The text's lines, each with the offset it starts at (split once per article, shared by the
        line-based readers: tables, numbered and bulleted lines, ranking tables)."""
        if self._lines is None:
            out, pos = [], 0
            for raw in self.text.split("\n"):
                out.append((pos, raw))
                pos += len(raw) + 1
            self._lines = out
        return self._lines

    def paragraph_start(self, i: int) -> int:
        """Where the paragraph of sentence ``i`` starts."""
        j = i
        while j > 0 and self.sentences[j - 1].paragraph == self.sentences[i].paragraph:
            j -= 1
        return self.sentences[j].start

    def index(self) -> None:
        self._place_starts = [p.start for p in self.places]
        self._metric_starts = [m.start for m in self.metrics]
        self._sentence_starts = [s.start for s in self.sentences]

    def places_in(self, lo: int, hi: int) -> list[Place]:
        """Places starting in [lo, hi), in order (bisect: no scan of the whole article)."""
        return self.places[bisect_left(self._place_starts, lo):bisect_left(self._place_starts, hi)]

    def listed_from(self, pos: int, hi: int) -> list[Place]:
        """The places listed one after another from ``pos`` (A、B和C), the first starting exactly there,
        none past ``hi``."""
        out: list[Place] = []
        for p in self.places_in(pos, hi):
            if (not out and p.start != pos) or (out and not _PLACE_SEP.fullmatch(self.text, out[-1].end, p.start)):
                break
            out.append(p)
        return out

    def local_zone(self, name: str) -> Optional[Place]:
        """'高新开发区' in a text about a prefecture (or one of its counties): that prefecture's zone,
        when exactly one of its zones carries the name's distinctive part; else None."""
        gaz = _gazetteer()
        r = self.main_region
        if gaz is None or r is None:
            return None
        pref = r.code if r.level == "prefecture" else r.prefecture_code
        z = gaz.local_zone(name, pref)
        return Place(-1, -1, name, z.code, name, "zone", "zone", z) if z is not None else None

    def sentence_at(self, pos: int) -> Optional[int]:
        """Index of the sentence holding offset ``pos`` (bisect over the sentence starts)."""
        k = bisect_right(self._sentence_starts, pos) - 1
        return k if k >= 0 else None

    def metrics_in(self, lo: int, hi: int) -> list[MetricMention]:
        return self.metrics[bisect_left(self._metric_starts, lo):bisect_left(self._metric_starts, hi)]

    def periods_of(self, i: int) -> list[PeriodMention]:
        if i not in self.periods:
            self.periods[i] = find_periods(self.text[self.sentences[i].start:self.sentences[i].end])
        return self.periods[i]


# a year's full-year result stated as done: 'YYYY年，全年…比上年增长' (no target or estimate word between)
_YEAR_DONE = re.compile(r"(?P<y>(?:19|20)\d{2})年[，,]?\s*全年[^。；;\n]{0,40}?(?<!预计)(?<!力争)(?<!目标)"
                        r"(?:实现|完成)[^。；;\n]{0,30}?比上年(?:增长|下降)")
# a heading (a short line) reporting a period's results: '2018第一季度湖南各市州GDP排名', '2020年上半年经济运行情况'
_RESULTS_HEADING = re.compile(r"排名|排行|榜|运行情况|经济数据|数据出炉|数据公布|成绩单")


def _late_results(lines: list[str], pub: tuple[int, int]) -> Optional[str]:
    """The period of a heading that reports its results, one that had not ended by the publish month
    ``pub`` (the date is then no date of the page), else None."""
    for line in lines:
        line = line.strip()
        if not line or len(line) > 40 or not _RESULTS_HEADING.search(line) or _TARGET_HEADING.search(line):
            continue
        for pm in find_periods(line):
            if pm.year and pm.months and not pm.span and (pm.year, pm.months[1]) > pub:
                return line[pm.start:pm.end]
    return None


_YEAR_REVIEWED = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?(?:政府)?工作回顾")
_TARGET_HEADING = re.compile(r"目标|计划|安排|打算|展望|任务|思路")
_REVIEW_HEADING = re.compile(r"回顾|成绩|成就|完成情况|运行情况|执行情况")   # …计划执行情况: the plan year reviewed


def _simplified(text: str) -> str:
    try:
        from ledger.parsing.normalize import to_simplified

        return to_simplified(text)
    except Exception:  # OpenCC missing: the title as written
        return text


_DEFINES = re.compile(r"\s*[（(]\s*(?:以下简称|下称|简称|即)?\s*$")


def _defined_terms(metrics: list[MetricMention], text: str, heading: str = "") -> list[MetricMention]:
    """A term the article defines by a core indicator in brackets: '地方财政收入(一般公共预算收入)',
    '一般公共预算收入(以下简称财政收入)'. The loose term then means that indicator everywhere in the article."""
    alias: dict[str, Any] = {}
    for a, b in zip(metrics, metrics[1:]):
        between = text[a.end:b.start]
        if not _DEFINES.fullmatch(between) or text[b.end:b.end + 1] not in (")", "）"):
            continue
        if b.term.core and not a.term.core:
            alias[text[a.start:a.end]] = b.term          # loose term, then the indicator in brackets
        elif a.term.core and not b.term.core:
            alias[text[b.start:b.end]] = a.term          # the indicator, then the short name it is given
    # '陕西各市公共财政收入大PK' heading a page that goes on with the bare '财政收入': the shortened name of
    # the one indicator the page's heading names (the loose term its tail)
    top = {m.term.label: m.term for m in metrics if m.start < 200 and m.term.core and "|" not in m.term.metric
           and _short_line_at(text, m.start)}
    top.update({m.term.label: m.term for m in (get_lexicon().find(heading) if heading else [])
                if m.term.core and "|" not in m.term.metric})
    for m in metrics:
        loose = text[m.start:m.end]
        if m.term.core or loose in alias or len(loose) < 3 or not loose.endswith("收入"):
            continue     # (a revenue named short: '工业增加值' is its own indicator beside 规模以上工业增加值)
        heads = {t.metric: t for label, t in top.items() if label.endswith(loose) and label != loose}
        if len(heads) == 1:
            alias[loose] = next(iter(heads.values()))
    if not alias:
        return metrics
    return [MetricMention(m.start, m.end, alias[text[m.start:m.end]]) if not m.term.core and text[m.start:m.end] in alias
            else m for m in metrics]


def _short_line_at(text: str, at: int) -> bool:
    """Whether position ``at`` lies on a short line (a heading, at most 40 characters)."""
    a = text.rfind("\n", 0, at) + 1
    b = text.find("\n", at)
    return (len(text) if b < 0 else b) - a <= 40


_NOTE_IN_BRACKETS = re.compile(r"[（(][^（）()\d%％]{2,60}[）)]")


def _outside_notes(metrics: list[MetricMention], text: str) -> list[MetricMention]:
    """An indicator named inside a bracketed note that holds no figure ('第一产业增加值12.4亿元
    (农林牧渔服务业增加值计入第三产业增加值),增长5.8%') says how a figure is counted: it is no
    indicator of the figures around it. (Run after _defined_terms: '地方财政收入(一般公共预算收入)'
    has already made the loose term before the brackets mean the bracketed one.)"""
    notes = [m.span() for m in _NOTE_IN_BRACKETS.finditer(text)]
    if not notes or not metrics:
        return metrics
    starts = [a for a, _ in notes]
    out = []
    for m in metrics:
        k = bisect_left(starts, m.start + 1) - 1
        if k >= 0 and notes[k][0] < m.start and m.end < notes[k][1]:
            continue
        out.append(m)
    return out


def _metric_mentions(text: str, places: list[Place], heading: str = "") -> list[MetricMention]:
    """The indicators the text names: read again after a place name they start inside, loose terms
    the article defines by a core one (or shortens from the one its heading names), none inside a
    bracketed note (in that order)."""
    metrics = _outside_places(get_lexicon().find(text), places, text)
    return _outside_notes(_total_revenue(_above_scale(_defined_terms(metrics, text, heading), text), text), text)


_BARE_REVENUE = "财政收入"
# (not a part of the revenue named so: 地方财政收入, 地方级财政收入, 区级财政收入, 地区财政收入, 上划中央财政收入)
_QUALIFIED = re.compile(r"(?:地方|级|中央|地区|上划|公共|预算|口径|部门|一般|本级)$")


def _total_revenue(metrics: list[MetricMention], text: str) -> list[MetricMention]:
    """A bare 财政收入 in a paragraph that names the general budget revenue apart ('财政收入超过10亿元的县…
    一般预算收入超过5亿元的县', '财政收入…，其中地方级一般预算收入…') is the total fiscal revenue, the whole of
    which the budget revenue is a part."""
    bare = [m for m in metrics if not m.term.core and text[m.start:m.end] == _BARE_REVENUE
            and not _QUALIFIED.search(text, max(0, m.start - 4), m.start)]
    if not bare:
        return metrics
    budget = [m for m in metrics if m.metric == "general_budget_revenue"]
    total = next((m.term for m in metrics if m.metric == "fiscal_revenue"), None) or _fiscal_term()
    out = []
    for m in metrics:
        if m in bare and total is not None and any(_same_paragraph(text, m.start, b.start) for b in budget):
            m = MetricMention(m.start, m.end, dataclasses.replace(total, label=_BARE_REVENUE))
        out.append(m)
    return out


@lru_cache(maxsize=1)
def _fiscal_term():
    found = get_lexicon().find("财政总收入")
    return found[0].term if found and found[0].metric == "fiscal_revenue" else None


def _same_paragraph(text: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return "\n" not in text[lo:hi]


# '45家规模以上工业企业累计完成工业总产值41.81亿元': the bare term of a clause whose subject is the
# enterprises above designated size means the above-size indicator
_ABOVE_SCALE_SUBJECT = re.compile(r"(?:规模以上|规上)工业(?:企业)?[^，,。；;]{0,16}$")
_ABOVE_SCALE = {"工业总产值": "规模以上工业总产值", "工业产值": "规模以上工业总产值", "工业增加值": "规模以上工业增加值"}


def _above_scale(metrics: list[MetricMention], text: str) -> list[MetricMention]:
    out = []
    for m in metrics:
        label = _ABOVE_SCALE.get(text[m.start:m.end]) if not m.term.core else None
        if label and _ABOVE_SCALE_SUBJECT.search(text, max(0, m.start - 24), m.start):
            found = get_lexicon().find(label)
            if found and found[0].term.core:
                m = MetricMention(m.start, m.end, found[0].term)
        out.append(m)
    return out


def _outside_places(metrics: list[MetricMention], places: list[Place], text: str) -> list[MetricMention]:
    """A term that starts inside a place name is read again after the name: '聊城市居民人均可支配收入'
    is 聊城市 + 居民人均可支配收入, not 聊 + 城市居民人均可支配收入 (urban)."""
    if not metrics or not places:
        return metrics
    starts = [p.start for p in places]
    out = []
    lex = None
    for m in metrics:
        k = bisect_left(starts, m.start + 1) - 1
        p = places[k] if k >= 0 else None
        if p is not None and p.start < m.start < p.end and p.kind != "unresolved":
            lex = lex or get_lexicon()
            again = [x for x in lex.find(text[p.end:m.end]) if x.end == m.end - p.end]
            if again:
                x = again[0]
                out.append(MetricMention(x.start + p.end, x.end + p.end, x.term))
            continue
        out.append(m)
    return out


_PLACE_SEP = re.compile(r"\s*(?:、|和|及|与)\s*")    # between listed places (no comma)


def _gazetteer():
    try:
        from ledger.regions import get_gazetteer

        return get_gazetteer()
    except Exception:  # a broken gazetteer must not stop extraction
        return None


def _places(gaz, text: str, main_region) -> list[Place]:
    out: list[Place] = []
    if gaz is None:
        return out
    for m in gaz.find_mentions(text, main_region):
        r = m.region
        code = r.code if r is not None else None
        level = r.level if r is not None else None
        if m.kind == "zone" or level == "zone":
            code = code if code and re.fullmatch(r"\d{6}", str(code)) else None
        out.append(Place(m.start, m.end, m.surface, code, m.surface, m.kind, level, r))
    for s, e, name in gaz.unresolved_place_names(text):
        out.append(Place(s, e, name, None, name, "unresolved"))
    out.sort(key=lambda p: p.start)
    return _unlisted_zones(text, _qualified(out))


# '镇江高新区', '哈尔滨高新技术产业开发区': a development zone named after its city that the gazetteer does
# not list; FACTS.md: a place without a code is stored by its name
_MUNICIPALITIES = ("110000", "120000", "310000", "500000")     # (天津开发区: a zone after a province-level city)


def _unlisted_zones(text: str, places: list[Place]) -> list[Place]:
    out: list[Place] = []
    for k, p in enumerate(places):
        m = ZONE_SUFFIX.match(text, p.end) \
            if p.code and (p.level in ("prefecture", "county") or p.code in _MUNICIPALITIES) else None
        if m is not None and not (k + 1 < len(places) and places[k + 1].start < m.end()):
            name = text[p.start:m.end()]
            out.append(Place(p.start, m.end(), name, None, name, "zone", "zone"))
            continue
        out.append(p)
    return out


# what may come before the zone a yearbook entry opens on: its year ('2010年，哈尔滨高新技术产业开发区按照…')
_OPENS_ON_ZONE = re.compile(r"\s*(?:(?:19|20)\d{2}年(?:[^，,。]{0,6})?[，,]?)?\s*")


def _zone_of_article(ctx: ArticleContext, title: str) -> Optional[str]:
    """The name of a development zone the gazetteer does not list that the page is about, else None: the
    one the title names and the text names again and again (three times or more, more often than any
    county), or else the one a yearbook entry opens on."""
    counts: dict[str, int] = {}
    for p in ctx.places:
        if p.kind == "zone" and p.code is None:
            counts[p.name] = counts.get(p.name, 0) + 1
    named = [z for z, n in counts.items() if n >= 3 and z in title]
    if not named:
        return _opening_zone(ctx)
    if len(named) != 1:
        return None
    others = [p for p in ctx.places if p.code and p.kind != "zone" and p.level in ("county", "zone")]
    return named[0] if len(others) < counts[named[0]] else None


def _opening_zone(ctx: ArticleContext) -> Optional[str]:
    """'2010年，哈尔滨高新技术产业开发区按照…' opening a yearbook's entry (after its year only) on a page about the
    zone's city: the zone its figures are of, else None."""
    body = next((sn for sn in ctx.sentences if sn.end - sn.start > 20), None)
    if body is None:
        return None
    first = next((p for p in ctx.places if body.start <= p.start < body.end and (p.code or p.kind == "zone")), None)
    city = ctx.main_region
    if first is None or first.kind != "zone" or first.code is not None \
            or not _OPENS_ON_ZONE.fullmatch(ctx.text, body.start, first.start) \
            or re.match(r"\s*(?:为|是)", ctx.text[first.end:first.end + 2]):
        return None
    if city is not None and not (city.level == "prefecture" and first.name.startswith((city.name, city.name[:-1]))):
        return None
    return first.name


def _qualified(places: list[Place]) -> list[Place]:
    """'自贡市沿滩区', '张家口市桥东区': a division written after its prefecture (or province) is that
    division, one place spanning both names."""
    out: list[Place] = []
    for p in places:
        prev = out[-1] if out else None
        r = p.region
        if prev is not None and prev.end == p.start and r is not None and prev.code and \
                prev.code in (getattr(r, "prefecture_code", None), getattr(r, "province_code", None)) and prev.code != p.code:
            out[-1] = Place(prev.start, p.end, prev.surface + p.surface, p.code, p.name, p.kind, p.level, r)
            continue
        out.append(p)
    return out


_YEARBOOK_EDITION = re.compile(r"(?:19|20)\d{2}\s*年?(?=[^，,。；;]{0,12}?年鉴)|(?<=年鉴)\s*[（(]?(?:19|20)\d{2}[）)]?")
_RESULTS_OF_YEAR = re.compile(r"(?:19|20)\d{2}年(?:度)?[^，,。；;！!]{0,8}?(?:成绩|成绩单|经济数据|数据出炉|数据公布|经济运行情况|GDP排名|GDP排行)")
# the opening of a work report's review: '2019年，是我县经济社会发展非同寻常的一年'
_YEAR_UNDER_REVIEW = re.compile(r"((?:19|20)\d{2})年[，,]?\s*是[^。；;\n]{0,40}?的一年")
_UNTIL_BEFORE = re.compile(r"(?:到|至|截至|截止|于)$")


# a spun copy (a synonym spinner run over a report) writes 别离 for 分别 and 分家 for 分居 ('累计金额别离是107.17亿元和
# 105.05亿元，分家全市第三和第四位'): read back where the next word shows the dealing sense; same length, so every
# offset still points into the article's text
_SPUN = re.compile(r"别离(?=是|为|达|增|下降|位|排|居|实现|完成|占)|分家(?=全[市省国区]|第)")
_UNSPUN = {"别离": "分别", "分家": "分居"}


def _unspin(text: str) -> str:
    return _SPUN.sub(lambda m: _UNSPUN[m.group(0)], text) if ("别离" in text or "分家" in text) else text


def build_context(article: Article) -> ArticleContext:
    text = _unspin(normalize(article.text or ""))
    gaz = _gazetteer()
    main_region = None
    if gaz is not None and article.main_region_code:
        try:
            main_region = gaz.get(article.main_region_code)
        except Exception:
            main_region = None
    pub = pub_ym(article.published_at)
    pub_reason = f"published {article.published_at}" if pub else "no publish date"
    title = normalize(article.title or "")
    if article.script == "traditional" and title:
        title = _simplified(title)
    subtitle = _simplified(article.subtitle) if article.script == "traditional" and article.subtitle else article.subtitle
    if pub is None:
        rd = report_date("\n".join([title, article.subtitle or "", text]))
        if rd:
            pub = pub_ym(rd)
            pub_reason = f"report date {rd}"
            if report_date(title):
                title = ""        # a title that is the report's dateline names no period of its own
    wr = work_report_year(title) or work_report_year("\n".join(text.split("\n", 10)[:10])[:400])
    if wr and (pub is None or (pub[0] == wr[0][0] and pub[1] > wr[0][1] and "(" not in wr[1])):
        # '2023年政府工作报告' (in the title, or the first lines of a page that reposts it): delivered early
        # in 2023, its review is of 2022; a later date of the same year is the repost's, not the report's
        pub, pub_reason = wr
    if wr and pub == wr[0] and pub[1] == 1:
        reviewed = _YEAR_UNDER_REVIEW.search(text[:3000])
        if reviewed and int(reviewed.group(1)) == pub[0]:
            # '2019年梨树县政府工作报告' whose review opens '2019年，是我县…卓有成效的一年': titled with the year it
            # reviews, delivered at that year's end (its 年末 and 全年 are that year's)
            pub, pub_reason = (pub[0], 12), f"{wr[1]}, but its review opens on {reviewed.group(0)}: delivered at that year's end"
    if wr and work_report_year(title):
        title = ""                # the year it is delivered in (or for), no period of its figures
    if _YEARBOOK_EDITION.search(title):
        # '2023年庆元年鉴', '新疆统计年鉴2018': a yearbook's edition year is the year after its figures' (its
        # text states theirs: '【概况】2022年，…'), so it names no period of them
        title = _YEARBOOK_EDITION.sub(lambda m: " " * len(m.group(0)), title)
    opening_lines = [ln for ln in ([article.subtitle or ""] + text.split("\n", 8)[:8]) if ln.strip()][:4]
    date_line_text = None
    if pub is None:
        # (the lines above the opening paragraph: a bulletin's date under three issuing organs, '国家统计局…调查队')
        above = list(itertools.takewhile(lambda ln: len(ln.strip()) <= 40, text.split("\n", 8)[:8]))
        dl = date_line(([title] if title else []) + opening_lines) or date_line(above)
        if dl:
            pub = (dl[0], dl[1])
            pub_reason = f"date line '{dl[2]}' at the top"
            date_line_text = dl[2]
    by = bulletin_year(title)
    if by is not None and pub is not None and pub <= (by, 12):
        # an upload stamp ('联合创作 · 2022-07-12') on the bulletin of 2022: a year's statistical bulletin
        # comes out after the year, so the stamp is not its date (its figures are actuals of that year)
        pub, pub_reason = None, f"a stamp before the end of {by}, the year its statistical bulletin covers"
    if pub is not None:
        late = _late_results(([title] if title else []) + text.split("\n", 40)[:40], pub)
        if late is not None:
            # '2018第一季度湖南各市州GDP排名' as a heading on a page dated 2018-01-04: a period's results are not
            # ranked before it ends, so the date is a copy's
            pub, pub_reason = None, f"a date before the end of {late}, whose results the page reports"
    if pub is not None:
        done = _YEAR_DONE.search(text)
        if done and pub <= (int(done.group("y")), 11):
            # '2020年，全年全县实现地区生产总值526484万元，比上年增长6.2%' on a page dated 2020-11-21: a year's
            # results are not reported before the year is over, so the date is a copy's (its figures are
            # actuals of that year)
            pub, pub_reason = None, f"a date before the end of {done.group('y')}, whose full-year results the page reports"
    sentences = split_sentences(text)
    from_report = pub_reason.startswith("report date") or "work report" in pub_reason
    places = _places(gaz, text, main_region)
    ctx = ArticleContext(
        article=article, text=text, sentences=sentences,
        metrics=_metric_mentions(text, places, "\n".join(filter(None, (title, subtitle)))),
        places=places, pub=pub, pub_reason=pub_reason, main=None,
        main_region=main_region)
    ctx.index()
    ctx.pub_from_report = from_report
    tp = find_periods(title)
    ctx.title_period = tp[0] if tp else None
    dy = document_year(title, "\n".join(opening_lines)[:300])
    if dy and not work_report_year("\n".join(opening_lines)[:300]):
        ctx.opening_year = dy[0]     # (a work report's own year is the year it is delivered, not of its figures)
        # '2018年第一季度，浙江经济运行总体平稳…': the opening's period, sub-period and all
        op = next((pm for pm in find_periods("\n".join(opening_lines)[:300])
                   if pm.year == dy[0] and pm.months and not pm.span), None)
        if op is None and dy[1].startswith("title"):
            # '2018湖南各市GDP排名' over an opening of one bare period ('一季度，湖南经济…'): that period of the year
            # (a line must open on it: a bare period further on is one figure's, not the page's)
            bare = {pm.months: pm for pm in find_periods("\n".join(opening_lines)[:300])
                    if pm.year is None and pm.months and pm.months != (1, 12) and not pm.span}
            leads = [ln.strip() for ln in opening_lines if any(ln.strip().startswith(pm.text) for pm in bare.values())]
            op = next(iter(bare.values())) if len(bare) == 1 and leads else None
        ctx.opening_period = op
        if pub is None:
            ctx.doc_year, ctx.doc_year_reason = dy
            # '韶关的十个县市区，2017年成绩已出': written after that year, whose results it reports
            ctx.doc_results = bool(_RESULTS_OF_YEAR.search(title))
    elif dy is None and pub is not None:
        # '中新网 7月17日电 …上半年，北京市…' on a dated page whose opening states one bare period: that
        # period, the latest of its kind by the publish date, for its figures that name none
        bare = {pm.months: pm for pm in find_periods("\n".join(opening_lines)[:300])
                if pm.year is None and pm.months and pm.months != (1, 12) and not pm.span}
        if len(bare) == 1:
            (pm,) = bare.values()
            resolved = resolve(pm, pub, False, None)
            if resolved is not None:
                ctx.opening_year = int(resolved.start[:4])
                ctx.opening_period = pm
    elif dy is None and pub is None:
        # a notice's document number further down ('辽政办发〔2008〕70号' under a portal's blurb)
        num = document_number_year(text[:2000])
        if num is not None:
            ctx.doc_year, ctx.doc_year_reason = num
        else:
            # an undated page that states one year and no other ('2025年1-4月进出口总额跨越百亿的
            #还有两地' in its third paragraph): the year of its bare periods
            # (find_periods leaves out comparison bases: '比2015年', '是2011年的1.9倍')
            # (the sentences' periods, found once here and kept for the extractor's own use)
            # (not the start of a run of years, '图1：2022年以来越秀区地区生产总值增速图': a chart's caption)
            stated = [(sent, pm) for k, sent in enumerate(sentences) for pm in ctx.periods_of(k)]
            years = {pm.year for sent, pm in stated
                     if pm.year and not pm.span and not pm.text.endswith("以来")
                     and not _UNTIL_BEFORE.search(text, max(0, sent.start + pm.start - 2), sent.start + pm.start)}
            reviewed = {int(m.group(1)) for m in _YEAR_REVIEWED.finditer(text)}
            if len(years) != 1 and len(reviewed) == 1:
                # '报告共分两部分：2017年工作回顾；2018年主要工作': an undated report's review of one year
                # is the year of its figures that name none
                ctx.doc_year, ctx.doc_year_reason = reviewed.pop(), "the year the report reviews"
            if len(years) == 1:
                ctx.doc_year, ctx.doc_year_reason = years.pop(), "the one year the page states"
                pms = [pm for _, pm in stated]
                if all(pm.months is None for pm in pms if pm.year == ctx.doc_year) \
                        and any(pm.rel == -1 for pm in pms) \
                        and any(pm.rel == 0 and pm.months and pm.months != (1, 12) for pm in pms):
                    # '今年一季度…' and '去年全年反超…' on a page whose one year is that of a whole year's figure
                    # ('宿迁2022年GDP为4112亿元'): the year just past, so the page's own year is the next
                    ctx.doc_year += 1
                    ctx.doc_year_reason = f"the year after {ctx.doc_year - 1}, the one year the page states (last year's)"
                # and the one sub-period it states ('前4月' / '1-4月' all through a page on 2025年1-4月):
                # the period of its figures that name none
                subs = {pm.months: pm for pm in pms if not pm.span and pm.months and pm.year in (None, ctx.doc_year)}
                if len(subs) == 1:
                    (months, pm), = subs.items()
                    if months != (1, 12):
                        ctx.opening_year = ctx.doc_year
                        ctx.opening_period = dataclasses.replace(pm, year=ctx.doc_year)
    if article.main_region_name or article.main_region_code:
        level = getattr(main_region, "level", None)
        ctx.main = Place(-1, -1, article.main_region_name or "", article.main_region_code,
                         article.main_region_name or getattr(main_region, "name", "") or "", "main", level, main_region)
        ctx.parent_name = getattr(main_region, "prefecture_name", None)
    zone = _zone_of_article(ctx, title)
    if zone is not None:
        # '天津开发区上半年实现地区生产总值1689.5亿' over a text about that zone: the zone (by its name) is the
        # article's region, not the district around it
        ctx.main = Place(-1, -1, zone, None, zone, "main", "zone", None)
    # headings: the year (and mood) they set, until the next heading
    year, target, review, part = None, False, False, None
    for i, s in enumerate(sentences):
        if s.is_heading and not work_report_year(s.text) and not report_date(s.text) \
                and s.text.strip() != date_line_text:
            # (nor does the page's date line: '2021年4月' under a bulletin's issuer dates it, heads no section)
            # (the report's own title or dateline repeated as a line names the year it is delivered in)
            hy = heading_year(s.text)
            if hy is not None or _TARGET_HEADING.search(s.text) or _REVIEW_HEADING.search(s.text):
                year = hy
                # '2024年上半年经济表现突出': a heading that states a part of its year
                stated = [pm for pm in ctx.periods_of(i) if not pm.span]
                part = stated[0] if len(stated) == 1 and stated[0].year == hy and stated[0].months \
                    and stated[0].months != (1, 12) and not stated[0].ytd else None
                review = bool(_REVIEW_HEADING.search(s.text))
                target = bool(_TARGET_HEADING.search(s.text)) and not review
        ctx.heading_years[i] = year
        if part is not None:
            ctx.heading_parts[i] = part
        ctx.heading_target[i] = target
        ctx.heading_review[i] = review
    return ctx
