"""Contest and assessment rankings (FACTS.md section 4).

"项目建设竞赛排名第一的宁晋县", "排名后三位的内丘县、临西县、南和区",
"经济运行排名倒一的内丘县", "“双进双产”项目绩效评价排名前两位的威县、广宗县":
a contest label, a placing, 的, and a list of places. Also the other order,
"宁晋县、威县在项目建设竞赛中位列前两名". Every listed place that the gazetteer
knows (zones included) gets a row; departments (市交通局) are no places and are
left out. A label naming a metric (生产总值排名第一) is a metric rank, not a
contest, and is left to :mod:`ledger.extraction.facts`.

Buckets: 第一/首位 -> top1, 第N -> topN, 前N位 -> topN, 后N位 -> bottomN,
倒一/倒数第一/末位 -> bottom1, 倒数第N -> bottomN. The year is an explicit year in
the sentence (or the full sentence it belongs to), else the latest explicit year
earlier in the article, else the publish year.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Optional

from ledger.extraction.context import ArticleContext, Place
from ledger.model import Ranking
from ledger.numbers import cn_number
from ledger.periods import comparison_base_before, multiple_base_after

_N = r"[一二两三四五六七八九十\d]+"
_BUCKET = (
    r"(?:排名|排在|排位|位列|名列|位居|居|列|获得?|荣获|得分|评分|积分|占据|包揽|蝉联|稳居|保持|排(?=前|第|后|倒)|进入|跻身|挤进|迈入)了?"
    # ('位列全省十强县第四位': the top group a position is held in)
    r"(?:全(?:市|省|区|国)?(?:[一二三四五六七八九十\d]+|百)强(?:县|市|区|县市)?的?"
    r"|全(?:市|省|区)|[一二两三四五六七八九十\d]+个?县(?:（市、区）|\(市、区\)|市区|市|区)?"   # 排名全市第一
    # ('排在一类设区市的第一位', '排在贫困县第一位': the class a contest ranks its places in)
    r"|[一二三四五六七八九十]类(?:设区市|县（市、区）|县\(市、区\)|县市区|县市|县|区|市)的?|贫困县的?)?"
    r"(?P<bucket>第一名|第一位|第一|第1名|第1位|第1|首位|榜首"
    r"|前(?P<n>" + _N + r")(?:位|名)?"
    r"|后(?P<bn>" + _N + r")(?:位|名)?"
    r"|倒一|倒数第一(?:名|位)?|末位|最后一名"
    r"|倒数第(?P<bk>" + _N + r")(?:名|位)?"
    r"|第(?P<k>[二三四五六七八九十\d]+)(?:名|位)?"
    # ('入围中国西部百强区，位列89': a bare number after 位列 closing its clause)
    r"|(?<=位列)(?P<k2>\d{1,3})(?=\s*(?:[，,。；;）)]|$)))"
    r"(?!档|方阵|梯队|批|等|次|届|类|层次|阶段)"
)
# a contest or assessment is named by one of these (项目建设竞赛, 绩效评价, 经济运行, 县域经济考核 ...)
_CONTEST_NOUN = re.compile(r"竞赛|考核|评价|评比|比看|观摩|运行|考评|督查|擂台|评估|指数|综合|百强|拉练|比拼|评议|测评|工作|赛|榜|现场会")
# '<contest>排名前三位的A、B、C' / '…的是A' / '…的分别是A、B' / '…前五名依次为：A、B…' /
# '排名后两位且未完成目标任务的A、B' (a qualifier between the placing and 的)
_INTRO = r"(?P<intro>(?P<order>依次)?(?:分别)?(?:是|为)[：:]?|(?:分别|依次)[：:]?)"
BEFORE_RE = re.compile(r"(?P<label>[^，。；：、,;:！？\n]{0,40}?)" + _BUCKET
                       + r"(?:(?:且|并|但)[^，。；：、,;:！？\n的]{1,24})?"
                       + r"(?:的(?:县(?:（市、区）|\(市、区\)|市区|区)?|地区|单位)?|[，,]?(?=分别|依次))" + _INTRO + r"?")
# an ordinal slot: '经济运行综合考核中，第一名为沙河市，第二名为威县'
ORDINAL_RE = re.compile(r"(?<![排列居获得])第(?P<k>[一二三四五六七八九十\d]+)名(?:是|为)[：:]?")
SPLIT_RE = re.compile(r"(?:分列|分居|分别位列|分别排名|分别排在|分别列|分别位居|分别居|分别获得|分别获|分获"
                      # ('A、B、C上榜，分别为第80名、第84名、第85名': each position with its 第 and 名)
                      r"|(?:分别|依次)(?:为|是)(?=第" + _N + r"\s*(?:位|名)\s*[、和及与]))(?:全市|全省)?"
                      r"(?P<list>第?" + _N + r"\s*(?:位|名)?(?:\s*(?:、|和|及|与)\s*第?" + _N + r"\s*(?:位|名)?)+"
                      r"|第?" + _N + r"\s*(?:-|—|－|~|～|至|到)\s*第?" + _N + r"\s*(?:位|名))")
_SPLIT_RANGE = re.compile(r"(?:-|—|－|~|～|至|到)")   # '分列第2-5位': the positions 2 to 5, in order
# '在重点项目观摩评比中，A…' / '2023年度县域经济考核结果出炉，A…'
_PREV_CLAUSE_LABEL = re.compile(r"(?:在|于|从)?(?P<label>[^，。；：,;:]{2,40}?)"
                                r"(?:中|里|上|(?:结果|成绩|排名|排序)(?:正式)?(?:出炉|揭晓|公布|发布|显示|通报)|结果"
                                # ('《…蓝皮书》公布了2021年河南省辖市经济综合竞争力评价，A、B、C占据前3位')
                                r"|(?<=评价|评比|考核|考评|测评|评估|榜单)|(?<=排行榜|现场会|观摩会))[，,]\s*$")
# (not '排名第一的宁晋县', the place after 的; but '获得第8名的历史最好成绩' is the placing itself)
AFTER_RE = re.compile(_BUCKET + r"(?!的(?!(?:历史|历年)?(?:最好|最佳|最高)?(?:成绩|名次|佳绩))|\d)")
_BUCKET_ANY = re.compile(_BUCKET)
_CLAUSE_STOP = re.compile(r"[，。；：,;:！？\n]")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?")
_REL_YEARS = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "上一年": -1, "前年": -2, "过去的一年": -1, "过去一年": -1}
_REL_YEAR = re.compile(r"(今年|本年|去年|上一年|上年|前年|过去的一年|过去一年)(?!同期|末|底)")
_YEAR_JUST_PAST = re.compile(r"过去的一年|过去一年")     # a work report's review, anywhere on the page
_SCOPE_WORDS = re.compile(r"^(?:全(?:市|省|国|区|县)|各县(?:（市、区）|\(市、区\)|市区)?|[一二三四五六七八九十\d]+个?(?:县|条线部门|部门)[^中]*中?)")
_LIST_SEP = re.compile(r"^\s*(?:、|和|及|与|以及)\s*$")
_STRIP = re.compile(r"[“”\"‘’「」《》]")


def _bucket(m: re.Match) -> Optional[str]:
    b = m.group("bucket")
    if m.group("n"):
        n = cn_number(m.group("n"))
        return f"top{int(n)}" if n else None
    if m.group("bn"):
        n = cn_number(m.group("bn"))
        return f"bottom{int(n)}" if n else None
    if m.group("bk"):
        n = cn_number(m.group("bk"))
        return f"bottom{int(n)}" if n else None
    if m.group("k") or m.group("k2"):
        n = cn_number(m.group("k") or m.group("k2"))
        return f"top{int(n)}" if n else None
    if b.startswith(("倒", "末", "最后")):
        return "bottom1"
    return "top1"


def _clean_label(label: str) -> str:
    label = label.strip()
    if "”" in label and "“" not in label:
        label = label[label.rfind("”") + 1:]
    if "中" in label:
        # '16个条线部门中项目建设竞赛' -> after the last 中 of a scope phrase
        head, _, tail = label.rpartition("中")
        if tail and _SCOPE_WORDS.match(head + "中"):
            label = tail
    label = _YEAR.sub("", label)
    label = re.sub(r"^(?:上半年|下半年|前三季度|[一二三四]季度|第[一二三四]季度|全年|年度|今年|去年|上年)+", "", label)
    label = _STRIP.sub("", label)
    label = re.sub(r"^(?:在|于|对|的|据|根据|并|其中|全市|全省|位列|位居|名列|新进|同获|挺进|问鼎|被授予|授予)+", "", label)
    label = re.sub(r"\s+", "", label)
    label = re.sub(r"(?:中|里)$", "", label)
    label = re.sub(r"(?:再次|再度|继续|仍然|依然|仍|均|都|也|又)+$", "", label)   # ('…考核继续保持全市第一')
    return label.strip()


def _prev_clause_label(st: str, cs: int) -> Optional[str]:
    """'在重点项目观摩评比中，A、B位列前两名': the contest named in the clause before."""
    if cs <= 0:
        return None
    head = st[:cs]
    m = _PREV_CLAUSE_LABEL.search(head)
    if not m:
        return None
    label = _clean_label(m.group("label"))
    return label if len(label) >= 2 else None


# '嫩江再次位居全省首位': words between the place and its placing that name no contest
_ADVERBS = re.compile(r"(?:再次|再度|继续|连续[一二两三四五六七八九十\d]+年|仍然|仍|依然|均|都|也|稳|又)+")
_LEAD_VERB = re.compile(r"^(?:先看|再看|看|其中|另外|此外|同时)")
_OUR_PROVINCE = re.compile(r"^(?:我|全)(?:省|市|区)")
# '其下辖的昆山、江阴…包揽前4位': the places under the one just named
_SUBORDINATE_LEAD = re.compile(r"(?:其|该省|该市|全省|全市)?(?:下辖|辖内|所辖|管辖)的?")


def _lead_label(st: str, pos: int) -> str:
    """'投资运行“黑榜”，分别是…排名后4位…的A、B': a short first clause of the sentence that
    names a contest (and nothing else) is the contest of its placings."""
    m = _CLAUSE_STOP.search(st, 0, pos)
    if m is None:
        return ""
    label = _clean_label(_LEAD_VERB.sub("", st[:m.start()].strip()))
    if 2 <= len(label) <= 16 and _CONTEST_NOUN.search(label) and not _BUCKET_ANY.search(label):
        return label
    return ""


def _is_metric_label(ctx: ArticleContext, start: int, end: int) -> bool:
    return any(mm.term.core for mm in ctx.metrics_in(start, end))


# a list member the gazetteer does not know ('科技城新区直管区', '经开区'): a short name ending in a
# division or zone word, closed by a list separator; kept by its name (FACTS.md section 7)
# a list member the gazetteer does not know, by its name's suffix ('示范区', '某某县')
_MEMBER_NAME = r"(?![全各我该本等])[\u4e00-\u9fa5]{1,8}?(?:直管区|新区|园区|开发区|经开区|高新区|区|县|旗)"
_UNKNOWN_MEMBER = re.compile(_MEMBER_NAME + r"(?=[、和及与，,。；;]|$)")
_GENERIC_ZONE = re.compile(r"(?:经济|技术)?(?:开发区|经开区|高新区|新区|园区|市辖区|城区|郊区)")   # which one is not said
_NEXT_SEP = re.compile(r"\s*(?:、|以及|和|及|与)\s*")
_COMMA_LAST = re.compile(r"\s*[，,]\s*")
_LIST_END = re.compile(r"\s*(?:[。；;！!\n]|$)")
_TIE = re.compile(r"\s*[（(]并列[）)]")
# a short aside after a member ('郫县(微博)、青白江区', 'A(县级市)、B') does not end the list (a figure
# in brackets, 'A(3212.7亿元)、B', makes the list an indicator's order: it still ends there)
_ASIDE = re.compile(r"\s*[（(](?!并列)[^（()）、，,。；;\d]{1,8}[）)]")


def _ranks(ctx: ArticleContext, places: list[Place], first: int = 1) -> list[int]:
    """The positions of an ordered list: one after the other, except that members marked as tied
    ('昆山市和江阴市(并列)、张家港市') share a place and the next takes the following one (1, 1, 2)."""
    out: list[int] = []
    for k, p in enumerate(places):
        tied = k > 0 and _TIE.match(ctx.text, p.end) is not None and \
            re.fullmatch(r"\s*(?:和|与|及|、)\s*", ctx.text[places[k - 1].end:p.start]) is not None
        out.append(out[-1] if tied else (out[-1] + 1 if out else first))
    return out


def _ordered_rows(ctx: ArticleContext, label: str, places: list[Place], first: int = 1) -> list:
    return [(p.start, label, f"top{k}", [p]) for p, k in zip(places, _ranks(ctx, places, first))]


def _order_confirmed(ctx: ArticleContext, places: list[Place], n: int) -> bool:
    """Whether the text after a top-N list states a member's own position and it is the member's
    place in the list ('十强县分别是：A、B…J。其中E位列第5，J位列第10'): the list is then in order."""
    ranks = dict(zip((p.code or p.name for p in places), _ranks(ctx, places)))
    end = places[-1].end
    agree = 0
    for q in ctx.places_in(end, min(len(ctx.text), end + 300)):
        m = POSITION_RE.match(ctx.text, q.end)
        key = q.code or q.name
        if m is None or key not in ranks:
            continue
        k = cn_number(m.group("k"))
        if k is None or k > n:
            continue
        if int(k) != ranks[key]:
            return False
        agree += 1
    return agree > 0


def _places_after(ctx: ArticleContext, pos: int) -> list[Place]:
    """The list of places starting at ``pos`` (A、B、C); a member the gazetteer does not know is
    kept by its name when known places stand in the same list."""
    known = {p.start: p for p in ctx.places_in(pos, pos + 400)}
    out: list[Place] = []
    at = pos
    while True:
        p = known.get(at)
        if p is None:
            m = _UNKNOWN_MEMBER.match(ctx.text, at)
            if m is None or _GENERIC_ZONE.fullmatch(m.group(0)):
                break
            zone = ctx.local_zone(m.group(0))     # '海港开发区' in a 唐山 text: its code
            p = Place(at, m.end(), m.group(0), zone.code if zone else None, m.group(0), "listed")
        out.append(p)
        tie = _TIE.match(ctx.text, p.end)      # 'A和B(并列)、C': B shares A's place
        aside = None if tie else _ASIDE.match(ctx.text, p.end)
        end = (tie or aside).end() if tie or aside else p.end
        sep = _NEXT_SEP.match(ctx.text, end)
        if sep is None or not sep.group(0).strip():
            last = _COMMA_LAST.match(ctx.text, end)
            q = known.get(last.end()) if last else None
            if q is not None and out and len(out) >= 2 and _LIST_END.match(ctx.text, q.end):
                out.append(q)     # '…、平顶山市、信阳市，漯河市。': the last member after a comma slip
            break
        at = sep.end()
    if not any(p.kind not in ("unresolved", "listed") for p in out):
        return []
    return out


def _places_before(ctx: ArticleContext, pos: int, lo: int) -> list[Place]:
    """The list of places opening the span [lo, pos) (A、B、C at its start)."""
    cands = [p for p in ctx.places_in(lo, pos) if p.end <= pos]
    out: list[Place] = []
    for p in cands:
        if out and ctx.text[out[-1].end:p.start] == "的":
            out[-1] = p      # '西安的雁塔区等5个区为…五强区': the place of the place before, the one placed
            continue
        if out and not _LIST_SEP.match(ctx.text[out[-1].end:p.start]):
            break
        out.append(p)
    return out


_DATE_AFTER = re.compile(r"\s*\d{1,2}\s*月")
_TITLED_YEAR = re.compile(r"《[^》\n]{0,30}?(?<!\d)((?:19|20)\d{2})(?![\d年])[^》\n]{0,40}》")
_IN_TITLE = re.compile(r"《[^》]*$")      # inside an open 《…》 title
_MONTH_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月")
_FULL_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")


_SINCE_AFTER = re.compile(r"\s*(?:以来|来)")


def _contest_years(text: str) -> list[tuple[int, int]]:
    """(position, year) of the years in ``text`` that can be a contest's: '2012年度', '2019年', not the
    year of a date ('2013年7月18日，省政府发布该通报' dates the notice, not the contest)."""
    marks = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(text) if not _DATE_AFTER.match(text, m.end())
             and not _SINCE_AFTER.match(text, m.end()) and text[m.start() - 1:m.start()] not in ("自", "从")
             and not multiple_base_after(text, m.end())     # ('是2016年的2.5倍': the base of a multiple)
             # ('自2002年以来…连续十年位居…', '活动自2003年开展以来': where a span begins, no contest's year)
             and not comparison_base_before(text, m.start())    # '比2015年度排名进了1位': a base
             and not (text[m.start() - 1:m.start()] == "由" and text[m.end():m.end() + 1] == "的")]   # '由2013年的165家'

    # a report's title carries its year without 年 ('《2015县域经济发展报告》')
    marks += [(m.start(1), int(m.group(1))) for m in _TITLED_YEAR.finditer(text)]
    return sorted(marks)


def _titled(text: str, lo: int, marks: list[tuple[int, int]], hi: int) -> list[tuple[int, int]]:
    """The year marks (after ``lo``) inside a 《…》 title that closes before ``hi``: a list's own name."""
    return [mk for mk in marks if mk[0] >= lo and _IN_TITLE.search(text, lo, mk[0]) and "》" in text[mk[0]:hi]]


def _year(ctx: ArticleContext, i: int, abs_pos: int) -> int:
    sents = ctx.sentences
    s = sents[i]
    # this sentence and the earlier parts of its full sentence
    j = i
    while True:
        seg = ctx.text[sents[j].start:min(sents[j].end, abs_pos)]
        marks = _contest_years(seg)
        titled = _titled(seg, 0, marks, len(seg))
        if titled:
            # '《2017年中国县域经济百强白皮书》…对2016年县域经济体的发展情况进行了分析…位列第8': the list's own
            # name carries its year; a later year is the data's
            return titled[-1][1]
        if ctx.pub:
            # '会议通报了去年项目建设竞赛结果' (published 2024) is the 2023 contest
            marks += [(m.start(), ctx.pub[0] + _REL_YEARS[m.group(1)]) for m in _REL_YEAR.finditer(seg)]
        if marks:
            return max(marks)[1]
        if j == i:
            dated = _MONTH_DATE.search(seg)
            if dated:
                # '2020年12月，社科院发布《…100强》，排名第26': a list published on a date its own sentence
                # gives, with no year of its own, is that year's
                return int(dated.group(1))
        if j > 0 and sents[j - 1].group == s.group and sents[j - 1].paragraph == s.paragraph:
            j -= 1
            continue
        break
    years = getattr(ctx, "_year_marks", None)
    if years is None:
        years = _contest_years(ctx.text)
        first_date = _FULL_DATE.search(ctx.text)
        base = ctx.pub[0] if ctx.pub else (int(first_date.group(1)) if first_date else None)
        if base:
            # '刚刚过去的一年…' opening a work report's review dates the placings of the paragraphs after it
            # (on an undated page, counted from the first full date it states)
            years = sorted(years + [(m.start(), base - 1) for m in _YEAR_JUST_PAST.finditer(ctx.text)])
        ctx._year_marks = years
    k = bisect_left(years, (sents[i].start, -1))
    if k:
        para_start = ctx.paragraph_start(i)
        titled = _titled(ctx.text, para_start, years[:k], sents[i].start)
        if titled:
            return titled[-1][1]     # the list's own name in the paragraph ('《2017年…百强白皮书》') over the data's year
        return years[k - 1][1]
    title_years = _contest_years(ctx.article.title or "")
    if title_years:
        return title_years[0][1]
    named = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", doc_contest(ctx))
    if named:
        return int(named.group(1))    # '2023赛迪百强县': the contest's own name carries its year
    if ctx.pub:
        return ctx.pub[0]
    dates = [m for m in _FULL_DATE.finditer(ctx.text, 0, abs_pos)]
    if dates:
        return int(dates[-1].group(1))   # an undated page: the announcement's own date ('2017年12月16日，…揭晓')
    bare = [m for m in _BARE_YEAR.finditer(ctx.text, 0, abs_pos)]
    if bare:
        return int(bare[-1].group(1))    # '2023赛迪百强县…', '“2018中国西部百强县市': a list's year written without 年
    return 0     # no determinable year: year 0 (FACTS.md section 7)


# a year written without 年 before a list's name ('2023赛迪', '2018中国西部…'): not a figure with its unit
_BARE_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?=中国|全国|赛迪|年度|[东西中]部|全省|[一-龥]{0,8}?(?:百强|强县|榜|排名|排行|评价|考核))")


def _clause_start(st: str, pos: int) -> int:
    cs = 0
    for c in _CLAUSE_STOP.finditer(st, 0, pos):
        cs = c.end()
    return cs


def _before(ctx: ArticleContext, s, st: str, m: re.Match, last_label: dict) -> list:
    """'<contest>排名前两位的A、B'."""
    if _is_metric_label(ctx, s.start + m.start("label"), s.start + m.end("label")):
        return []
    places = _places_after(ctx, s.start + m.end())
    label = _clean_label(m.group("label"))
    if len(label) < 2 or (places and not _CONTEST_NOUN.search(label)):
        label = _prev_clause_label(st, _clause_start(st, m.start())) or last_label.get(s.group, "") \
            or _lead_label(st, m.start())
    b = _bucket(m)
    if places and label and b and _CONTEST_NOUN.search(label):
        if (m.group("order") or re.search(r"的[^，,]{0,6}分别", m.group(0))) and b == f"top{len(places)}" \
                and len(places) > 1:
            # '前五名依次为：A、B、C、D、E' / '排在前三名的分别是A、B、C': the order is stated
            # ('排名前5位，分别是A、B…' is the group, each top5)
            return _ordered_rows(ctx, label, places)
        return [(s.start + m.start(), label, b, places)]
    return []


# '百强县前十名中，江苏省占了6席，其中前四名均来自江苏，分别是A、B、C、D': the members of a top group
# named after it (the nearest placing before the list is theirs)
GROUP_OF_RE = re.compile(r"前(?P<n>" + _N + r")(?:名|位|强)(?:中|里)?(?P<gap>(?:(?!前" + _N + r"[名位强])[^。；;\n]){0,30}?)"
                         r"[，,]?(?:分别是|分别为)[：:]?")


def _group_of(ctx: ArticleContext, s, st: str, m: re.Match, last_label: dict) -> list:
    """'前10名中，我省占一半，分别为A、B、C、D、E' in an article about a contest: each is in the top N."""
    if re.search(r"(?:排名|排在|排位|位列|名列|位居|居|列|获得?|荣获|占据|包揽|排|进入)(?:全(?:市|省|国))?$", st[:m.start()]):
        return []      # '排名前三位的分别为A、B、C': the before-form's (an ordered list)
    n = cn_number(m.group("n"))
    places = [p for p in _places_after(ctx, s.start + m.end()) if _county_like(p)]
    label = doc_contest(ctx)
    if not n or not label or len(places) < 2 or len(places) > int(n) \
            or _is_metric_label(ctx, s.start + _clause_start(st, m.start()), s.start + m.end()):
        return []
    return [(places[0].start, label, f"top{int(n)}", places)]


def _ordinal(ctx: ArticleContext, s, st: str, m: re.Match, last_label: dict) -> list:
    """'经济运行综合考核中，第一名为沙河市，第二名为威县'."""
    places = _places_after(ctx, s.start + m.end())
    n = cn_number(m.group("k"))
    if len(places) != 1 or not n:
        return []
    cs = _clause_start(st, m.start())
    if st[cs:m.start()].strip():
        label = _clean_label(st[cs:m.start()])
    else:
        label = _prev_clause_label(st, cs) or last_label.get(s.group, "")
    if not label or not _CONTEST_NOUN.search(label) or \
            _is_metric_label(ctx, s.start + cs, s.start + m.start()):
        return []
    return [(places[0].start, label, f"top{int(n)}", places)]


# 'A、B、C三市排在前六十名，分列第21位、第34位、第40位' / 'A、B在29个二类县(市)区中分别居第三、第六位':
# a count and the group they are in
_SPLIT_GAP = re.compile(r"(?:在[^，,。；;]{1,24}?中)?(?:" + _N + r"个?(?:县|市|区|县市|县（市）|县\(市\))?)?(?:均|都)?"
                        # ('A、B被表彰为2019年度…“十强县”，分别位列第5、第10位': the list they were named to)
                        r"(?:(?:被|均被|同时被)?(?:表彰为|评为|命名为|认定为|授予|获评)[^，,。；;]{2,40}?[，,])?"
                        r"(?:排在|排名|位列|位居|进入|跻身|入围|入选|上榜|列)?(?:全国|全省|全市)?(?:前" + _N + r"(?:名|位|强))?[，,]?")


def _split(ctx: ArticleContext, s, st: str, m: re.Match, last_label: dict) -> list:
    """'A、B分列第二、第三位' / 'A、B两市排在前六十名，分列第21位、第34位'."""
    cs = _clause_start(st, m.start())
    if cs and not st[cs:m.start()].strip():
        cs = _clause_start(st, cs - 1)
    places = _places_before(ctx, s.start + m.start(), s.start + cs)
    ranks = [cn_number(x) for x in re.findall(_N, m.group("list"))]
    ranged = _SPLIT_RANGE.search(m.group("list")) is not None
    if ranged:
        if len(ranks) != 2 or None in ranks or ranks[0] >= ranks[1]:
            return []
        ranks = list(range(int(ranks[0]), int(ranks[1]) + 1))
    if len(places) == 1 and len(ranks) > 1 and not ranged:
        places = places * len(ranks)    # 'A分别位居第八名和第五名': one place in as many lists
    if not places or len(places) != len(ranks) or any(r is None for r in ranks):
        return []
    gap = ctx.text[places[-1].end:s.start + m.start()].strip()
    if (gap and not _SPLIT_GAP.fullmatch(gap)) or \
            _OUR_PROVINCE.sub("", _LEAD_VERB.sub("", ctx.text[s.start + cs:places[0].start].strip())) != "":
        return []      # ('其中A、B分列第4、第5位': a connective before the places is no label; '我省A、B' is no connective)
    named_to = _NAMED_TO.search(ctx.text, places[-1].end, s.start + m.start())
    if named_to is not None:
        # '麟游县、扶风县被表彰为2019年度“新型工业强县”，分别位列第1、第3位': the list they were named to,
        # and the year it names
        return [(s.start + m.start(), _clean_label(named_to.group("list")), f"top{int(r)}", [p])
                for p, r in zip(places, ranks)]
    label = _prev_clause_label(st, cs) or last_label.get(s.group, "")
    if not label or not _CONTEST_NOUN.search(label):
        label = doc_contest(ctx)
    if not label or _is_metric_label(ctx, s.start + cs, s.start + m.start()):
        return []
    return [(p.start, label, f"top{int(r)}", [p]) for p, r in zip(places, ranks)]


_SELF_WORD = re.compile(r"\s*(?:我|该|本)(?P<w>县|区|市|旗)")


def _own_place(ctx: ArticleContext, base: int, st: str, cs: int, at: int) -> Optional[Place]:
    """'我区位列第79位': the article's own county (or district), when 我区/我县 opens the clause and the
    article's region is of that kind."""
    m = _SELF_WORD.match(st, cs)
    main = ctx.main
    if m is None or main is None or not main.code or (main.level or "county") != "county":
        return None
    if not main.name.endswith(m.group("w")) or st[m.end():at].strip():
        return None
    return Place(base + m.start("w") - 1, base + m.end(), main.name, main.code, main.name, "full", "county",
                 main.region)


_NAMED_LIST = re.compile(r"(?:百|[一二三四五六七八九十\d]+)(?:强|佳)")
# '高质量发展暨目标绩效考核继续保持全市第一' in a county's own report: an assessment the county is placed in
_ASSESSMENT_LEAD = re.compile(r"(?:考核|考评|评比|竞赛|观摩|测评|评价)(?:中|结果)?[^，,。；;：:]{0,16}$")


def _subject_of_list(ctx: ArticleContext, lead: str, at: int, placing: str = "") -> Optional[Place]:
    """'2015年第十五届全国百强县名单，列第44位' with no place in the clause, on a page about one
    county (an encyclopedia entry, a county's own news): the county is the one placed on the list."""
    main = ctx.main
    if main is None or not main.code or (main.level or "county") != "county" or not (
            _NAMED_LIST.search(lead + placing) or _ASSESSMENT_LEAD.search(lead)):
        return None
    return Place(at, at, main.name, main.code, main.name, "main", "county", main.region)


def _their_province(ctx: ArticleContext, lo: int, hi: int) -> bool:
    """A lead that is only the places' province or prefecture ('江苏省的昆山市、江阴市…位列前三')."""
    named = ctx.places_in(lo, hi)
    return len(named) == 1 and named[0].level in ("province", "prefecture") and \
        not ctx.text[lo:named[0].start].strip() and ctx.text[named[0].end:hi].strip() in ("的", "")


def _after(ctx: ArticleContext, s, st: str, m: re.Match, last_label: Optional[dict] = None) -> list:
    """'A、B在<contest>中位列前两名' / '在<contest>中，A名列第一'."""
    if any(SPLIT_RE.match(st, k) for k in (m.start() - 1, m.start() - 2) if k >= 0):
        return []      # 'A、B分列第二、第三位': the split form's ('A、B分列前两位' stays here)
    if SPLIT_RE.match(st, m.end() + (1 if st[m.end():m.end() + 1] in "，," else 0)):
        return []      # '…排在前六十名，分列第21位、第34位': each its own position (the split form)
    cs = _clause_start(st, m.start())
    if _AIM_BEFORE.search(st, cs, m.start()):
        return []      # '力争威县进入全市前三': an aim, no placing
    places = _places_before(ctx, s.start + m.start(), s.start + cs)
    named_to = None
    if not places and cs and not _ADVERBS.sub("", st[cs:m.start()]).strip(" ，,"):
        # '金台区被表彰为2019年度“争先进位区”，位列第4位': the place named to a list in the clause before
        pcs = _clause_start(st, cs - 1)
        before = _places_before(ctx, s.start + cs, s.start + pcs)
        named_to = _NAMED_TO.match(ctx.text, before[-1].end, s.start + cs) if len(before) == 1 else None
        if named_to is not None and not ctx.text[s.start + pcs:before[0].start].strip():
            places = before
    if not places:
        own = _own_place(ctx, s.start, st, cs, m.start()) or \
            _subject_of_list(ctx, st[_clause_start(st, cs - 1) if cs else 0:m.start()], s.start + cs, m.group(0))
        if own is None:
            return []
        places = [own]
    lead = _LEAD_VERB.sub("", ctx.text[s.start + cs:places[0].start].strip())   # ('另外A排名第六')
    if lead and not _YEAR.fullmatch(lead) and not _SUBORDINATE_LEAD.fullmatch(lead) \
            and not _their_province(ctx, s.start + cs, places[0].start):
        return []
    group = _GROUP_LEAD.match(ctx.text, places[-1].end)
    if group:
        return _group_lead(ctx, m, places, group)
    if _is_metric_label(ctx, places[-1].end, s.start + m.start()):
        return []
    label = _clean_label(named_to.group("list") if named_to else ctx.text[places[-1].end:s.start + m.start()])
    if len(label) < 2 or _SCOPE_WORDS.fullmatch(label) or _ADVERBS.fullmatch(label):
        # '在红黑榜中，A位列倒数第一，B排名倒数第二': B's contest is the one just named
        label = _prev_clause_label(st, cs) or (last_label or {}).get(s.group, "")
        if label and _is_metric_text(ctx, label) and not re.search(r"百强|强县|强市|强区|竞争力", label):
            return []      # '…各城市GDP排行榜，其中A、B、C位居前三': an indicator's league (facts), no contest
    b = _bucket(m)
    if not named_to and (not label or len(label) < 2 or not _CONTEST_NOUN.search(label)):
        # '川汇区以95.01的最高分荣获第一名' in an article about a named contest, in a paragraph
        # that names no indicator (a GDP league's '宜春第四' is a metric rank, a fact)
        label = "" if _paragraph_names_metric(ctx, s) else (doc_contest(ctx) or _recent_contest(ctx, s))
        places = [p for p in places if _county_like(p)]
    if not label or not b or len(label) < 2 or not places:
        return []
    raw = ctx.text[places[-1].end:s.start + m.start()]
    named = [y for k, y in _contest_years(raw) if _LIST_AFTER_YEAR.match(raw, k + 4)]
    if len(named) == 1 and not _LABEL_YEAR.search(label):
        # '肥西…于2006年中国中部百强县考核中进入第30名': the year the list is named with, between the place and
        # its placing, stays with the contest's name (the name is cleaned of years)
        label = f"{named[0]}{label}"
    return [(places[0].start, label, b, places)]


_NAMED_TO = re.compile(r"(?:被|均被|同时被)?(?:表彰为|评为|命名为|认定为|获评)(?P<list>[^，,。；;]{2,40}?)[，,]\s*$")
_NAMED_CONTEST = re.compile(r"[\u4e00-\u9fa5]{2,12}?(?:综合考核评价|考核评价|综合考核|考核|考评|综合评价|评比|竞赛)")


def _recent_contest(ctx: ArticleContext, s) -> str:
    """'一年一度的市县综合考核评价来了。其中赣州市排在一类设区市的第一位': the contest the sentences just before name."""
    i = ctx.sentence_at(s.start)
    for j in range(i - 1 if i is not None else -1, max(-1, (i or 0) - 4), -1):
        t = ctx.sentences[j]
        m = None
        for m in _NAMED_CONTEST.finditer(ctx.text, t.start, t.end):
            pass
        if m is not None:
            return _clean_label(m.group(0))
    return ""


# 'A等10个县(市)地区生产总值位列全省前十位': A leads a counted group placed as a whole
_GROUP_LEAD = re.compile(r"等(?P<c>" + _N + r")个(?:县|市|区|县市区?|县（市(?:、区)?）|县\(市(?:、区)?\))")


def _group_lead(ctx: ArticleContext, m: re.Match, places: list[Place], group: re.Match) -> list:
    """The named members of a counted group in the group's placing (top N where the group has N
    members), on a page about an assessment: '经过排序，A等10个县(市)工业增加值位列全省前十位'.
    An indicator between the group and the placing names the list, not a fact's rank: a group
    placing gives no metric a position (FACTS.md section 3)."""
    b = _bucket(m)
    label = doc_contest(ctx)
    if not b or not b.startswith("top") or not label or int(b[3:]) != cn_number(group.group("c")):
        return []
    return [(places[0].start, label, b, [p for p in places if _county_like(p)])]


# '从第一名到第七名依次为：A、B、C…' / '第一名至第五名分别是A…': a fully ordered list of stated length
FULL_ORDER_RE = re.compile(r"(?:从|由)?第(?P<a>" + _N + r")(?:名|位)?(?:到|至|—|－|-|~|～)第(?P<n>" + _N + r")(?:名|位)?"
                           r"(?:的(?:县(?:（市、区）|\(市、区\)|市区)?|地区|单位)?)?(?:依次|分别)?(?:是|为)?[：:]?")
# 'A居第35位' / 'A(第5位)' / 'A排名第12': one place and its own position
POSITION_RE = re.compile(r"[（(]?(?:排名|排在|排位|位列|位居|名列|列|居|排)?(?:全国|全省|全市|榜单|榜)?"
                         r"第(?P<k>" + _N + r")(?:位|名|(?<=\d)(?=[，,。；;]))[）)]?")
# 'A、B…拟入围…“10强县”' / '…进入…百强': membership of a top group
_DATE_CLAUSE = re.compile(r"\s*(?:19|20)\d{2}\s*年\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?)?\s*[，,]\s*")
STRONG_RE = re.compile(r"(?:入围|进入|入选|当选|跻身|位列|位居|上榜|列入|荣登|成为|评为|获评|荣获|蝉联|授予|(?<=[区县市旗])为"
                       # ('连江新进“十强”', '闽侯、连江同获“十强”、“十佳”', '桂阳首次挺进全省10强'; '长泰问鼎“十佳”':
                       # the group's first place)
                       r"|新进|同获|挺进|问鼎)"
                       r"[^，。；,;]{0,24}?“?(?P<n>" + _N + r"|百)(?:强|佳)(?:县|市|区|县市|县（市）)?”?")   # ('A、B…J为全省十强县')
# a contest named in the title or the opening: 《…监测评价报告》, “…百强县”, …考核排名, …红黑榜
_DOC_CONTEST = re.compile(r"《(?P<a>[^》]{2,40}?)》|“(?P<b>[^”]{2,40}?)”|(?P<c>[\u4e00-\u9fa5\d]{2,24}?(?:百强县|百强|排名|排行榜|榜单|红黑榜|考核结果|考评结果|测评结果|测算结果|评价结果|评比结果|观摩结果|考核(?:周|月|季度)?通报))")
_CONTEST_STRONG = re.compile(r"竞赛|考核|评价|评比|观摩|考评|百强|强县|排名|排行|榜|竞争力|测评|评估"
                             r"|前(?:\d+|[一二三四五六七八九十百]+)(?:名|强|位)")


def doc_contest(ctx: ArticleContext) -> str:
    """The contest an article is about, named in its title or opening, or ''."""
    cached = getattr(ctx, "_doc_contest", None)
    if cached is not None:
        return cached
    label = ""
    title = ctx.article.title or ""
    if title and getattr(ctx.article, "script", None) == "traditional":
        from ledger.parsing.normalize import to_simplified
        title = to_simplified(title)      # a mirror's title is kept as written
    if _is_metric_text(ctx, title) and not re.search(r"百强|强县", title):
        # 'GDP数据出炉…排名': a league of an indicator (facts), not a contest ('…GDP破千亿 百强县增加10个'
        # is about the top-100 counties, an assessment)
        ctx._doc_contest = ""
        return ""
    for source in (title, ctx.text[:600]):
        for m in _DOC_CONTEST.finditer(source):
            cand = _clean_label(m.group("a") or m.group("b") or m.group("c") or "")
            if m.group("c") and (re.search(r"增速|增幅|增长|总量|总值|总额|GDP|规模|占比", cand) or _names_place(cand)
                                 or _FIGURE_IN_LABEL.search(cand) or _NUMBER_LED.search(cand)):
                continue    # '宁晋县增速排名', '522.6亿元在上榜的11个城市中排名': an indicator's rank, not a contest
            if len(cand) >= 2 and _CONTEST_STRONG.search(cand) and not _is_metric_text(ctx, cand):
                label = cand
                break
        if label:
            break
    ctx._doc_contest = label
    return label


def _names_place(text: str) -> bool:
    from ledger.regions import get_gazetteer

    try:
        return bool(get_gazetteer().find_mentions(text))
    except Exception:
        return False


def _is_metric_text(ctx: ArticleContext, text: str) -> bool:
    from ledger.metrics import get_lexicon

    return any(mm.term.core for mm in get_lexicon().find(text))


_UNIT_NAME = re.compile(r"[\u4e00-\u9fa5]{1,10}?(?:示范区|新区|开发区|高新区|经开区|园区|县|区|市|旗)$")


def _named_units_after(ctx: ArticleContext, pos: int, end: int) -> list[Place]:
    """'A、B、C' after ``pos``: known places, and unit names the gazetteer lacks (示范区) kept by name."""
    out: list[Place] = []
    stop = _CLAUSE_STOP.search(ctx.text, pos, end)
    span_end = stop.start() if stop and ctx.text[stop.start()] not in "，," else end
    seg = ctx.text[pos:span_end]
    off = pos
    for tok in re.split(r"(、|和|及)", seg):
        if tok in ("、", "和", "及"):
            off += len(tok)
            continue
        name = tok.strip().rstrip("。；;，,")
        known = [p for p in ctx.places_in(off, off + len(tok)) if p.end - p.start == len(name)]
        if known:
            out.append(known[0])
        elif _UNIT_NAME.fullmatch(name):
            out.append(Place(off, off + len(name), name, None, name, "zone"))
        else:
            break
        off += len(tok)
    return out


def _full_order(ctx: ArticleContext, s, st: str, m: re.Match, last_label: dict) -> list:
    """'县(市)组，从第一名到第七名依次为：A、B、C、D、E、F、G'."""
    a, n = cn_number(m.group("a")), cn_number(m.group("n"))
    if not a or not n or a >= n:
        return []
    size = int(n - a + 1)      # '排在第4名到第10名的分别是…': seven places from the fourth
    places = _places_after(ctx, s.start + m.end())
    if size != len(places):
        places = _named_units_after(ctx, s.start + m.end(), s.end)
    if len(places) != size or len(places) < 2:
        return []
    head = st[:m.start()]
    cut = max(head.rfind("；"), head.rfind(";"), head.rfind("。"))
    label = _clean_label(head[cut + 1:].rstrip("，,：: "))
    if not _CONTEST_NOUN.search(label) or _is_metric_label(ctx, s.start + cut + 1, s.start + m.start()):
        # ('…评价，A、B、C占据前3位。排名第4到第10位的分别是…': the contest of the paragraph's sentence before)
        label = last_label.get(s.group, "") or (last_label.get(("paragraph", s.paragraph), "") if a > 1 else "") \
            or doc_contest(ctx)
    if not label:
        return []
    return _ordered_rows(ctx, label, places, int(a))


# '名单中，广汉市竞争力指数为81.75，排名第18位': the place's score in the list, then its position
_SCORE_GAP = re.compile(r"[\u4e00-\u9fa5]{0,8}?(?:指数|得分|总分|分值)(?:为|是|达到?)?\s*\d+(?:\.\d+)?分?\s*[，,]\s*")


def _positions(ctx: ArticleContext, s, st: str, last_label: dict) -> list:
    """'昆山市居第1位，江阴市居第2位' / '晋江市(第5位)、福清市(第35位)' in an article about a contest."""
    label = doc_contest(ctx)
    if not label:
        return []
    out = []
    for p in ctx.places_in(s.start, s.end):
        gap = _SCORE_GAP.match(ctx.text, p.end, s.end)
        m = POSITION_RE.match(ctx.text, gap.end() if gap else p.end, s.end)
        if not m or p.kind == "unresolved" or not _county_like(p):
            continue
        cs = _clause_start(st, p.start - s.start)
        if _is_metric_label(ctx, s.start + cs, m.end()) or any(
                mm.term.core for mm in ctx.metrics_in(s.start, p.start)):
            continue   # a metric's rank (地区生产总值居全省第二位) is a fact, not a contest placing
        if not re.search(r"[位名][）)]?$", m.group(0)) and re.search(r"增速|增幅|增长|总量|规模|占比", st):
            continue   # '从增速来看，A以6.3%高居榜首，B排在第2': an indicator's order, not the contest's
        k = cn_number(m.group("k"))
        if k and 1 <= k <= 1000:
            out.append((p.start, last_label.get(s.group) or label, f"top{int(k)}", [p]))
    for m in _POSITION_FIRST.finditer(st):
        # '第一名：长葛市 91.06分' / '第二名建安区': the position, then the place holding it
        at = s.start + m.end()
        p = next((q for q in ctx.places_in(at, at + 3) if q.start == at or ctx.text[at:q.start] == "国家"), None)
        k = cn_number(m.group("k"))
        if p is None or p.kind == "unresolved" or not _county_like(p) or not k or not 1 <= k <= 1000 \
                or any(o[3][0] is p for o in out):
            continue
        if any(mm.term.core for mm in ctx.metrics_in(s.start, at)) or _FIGURE_AFTER.match(ctx.text, p.end):
            continue     # '人均GDP排名第一的是思明区84931元，第二名湖里区69276元': an indicator's order, facts
        out.append((p.start, last_label.get(s.group) or label, f"top{int(k)}", [p]))
    return out


_FIGURE_AFTER = re.compile(r"\s*[（(]?\s*-?\d+(?:\.\d+)?\s*(?:万亿|亿|万)?元|\s*[（(]?\s*-?\d+(?:\.\d+)?\s*%")
_POSITION_FIRST = re.compile(r"(?:^|(?<=[，,；;：:\s、]))第(?P<k>[一二三四五六七八九十\d]+)名\s*(?:是|为|[:：])?\s*")


# '…考核评价结果从高到低依次为：A、B、C…' / '“十强”县(市)依次为：A、B…': an ordered list, each place its position
ORDERED_RE = re.compile(r"(?:(?:则|也|还)?(?:从高到低|由高到低|从前到后|按[^，。；：]{1,12}?排序)?(?:依次|顺序)(?:为|是)\s*[:：]?"
                        r"|(?:排名|排序|名次)(?:依次)?(?:为|是)\s*[:：]"
                        # '(按考评得分高低排序)' under a caption, the list on the next line
                        r"|^[（(]按[^（）()\n]{1,16}?(?:排序|排列|排名)[）)])\s*")


# '依次为：宜都13个，夷陵5个，高新区2个，枝江、当阳0个': each member's count after it (members sharing one are tied)
_MEMBER_COUNT = re.compile(r"\s*(?P<v>\d+(?:\.\d+)?)\s*(?:个|家|项|分)?\s*")
_COUNT_SEP = re.compile(r"[，,、]\s*")
_COUNTED_MEMBER = re.compile(_MEMBER_NAME + r"(?=\s*\d)")     # ('高新区2个': the member before its count)


def _places_with_counts(ctx: ArticleContext, pos: int) -> list[tuple[Place, int]]:
    """(place, position) of an ordered list whose members each carry a count, ties sharing a position."""
    known = {p.start: p for p in ctx.places_in(pos, pos + 400)}
    out: list[tuple[Place, int]] = []
    pending: list[Place] = []
    at = pos
    while True:
        p = known.get(at)
        if p is None:
            um = _UNKNOWN_MEMBER.match(ctx.text, at) or _COUNTED_MEMBER.match(ctx.text, at)
            if um is None:
                break
            p = Place(at, um.end(), um.group(0), None, um.group(0), "listed")
        pending.append(p)
        c = _MEMBER_COUNT.match(ctx.text, p.end)
        if c is None:
            sep = _NEXT_SEP.match(ctx.text, p.end)
            if sep is None or not sep.group(0).strip():
                break
            at = sep.end()
            continue
        rank = len(out) + 1
        out += [(q, rank) for q in pending]
        pending = []
        sep = _COUNT_SEP.match(ctx.text, c.end())
        if sep is None:
            break
        at = sep.end()
    return out if len(out) >= 3 and not pending and any(p.kind not in ("unresolved", "listed") for p, _ in out) else []


def _ordered(ctx: ArticleContext, i: int, s, st: str, m: re.Match, last_label: dict) -> list:
    """'22个A类县(市)评价结果依次为：孝义市、柳林县…' (the list may open the next paragraph)."""
    if m.start() >= 2 and st[max(0, m.start() - 3):m.start()].endswith(("分别", "名")):
        return []      # '前五名依次为' is the before-form's
    at = s.start + m.end()
    if not ctx.text[at:s.end].strip() and i + 1 < len(ctx.sentences):
        at = ctx.sentences[i + 1].start
    places = _places_after(ctx, at)
    units = _named_units_after(ctx, at, ctx.text.find("\n", at) if ctx.text.find("\n", at) > 0 else len(ctx.text))
    if len(units) > len(places):
        places = units
    counted = _places_with_counts(ctx, at) if len(places) < 2 else []
    if counted:
        places = [p for p, _ in counted]
    if len(places) < 2:
        return []
    head = st[:m.start()]
    if not head.strip() and st.lstrip()[:1] in "（(" and i > 0:
        # the ordering note in brackets under its caption: the caption line names the contest
        prev = ctx.sentences[i - 1]
        cap = ctx.text[prev.start:prev.end].strip()
        head = cap if len(cap) <= 30 and not re.search(r"[。；;，,]", cap) else ""
    cut = max(head.rfind("；"), head.rfind(";"), head.rfind("。"))
    label = _clean_label(re.sub(r"结果$", "", head[cut + 1:].rstrip("，,：: ")))
    if "县" in label and all(p.level == "prefecture" for p in places):
        return []   # '入围县(市)…平均水平从高到低依次为许昌、郑州…': the prefectures of a county contest, no placing
    if _is_metric_label(ctx, s.start + cut + 1, s.start + m.start()):
        return []   # 'GDP从高到低依次为…': a metric's order (facts), not a contest
    if not _CONTEST_NOUN.search(label) and not _CONTEST_STRONG.search(label):
        named = _NAMED_LIST.search(label)        # '荣获本年度“十佳”县(市)则依次为': the list it names
        label = last_label.get(s.group, "") or doc_contest(ctx) or (_clean_label(label) if named else "")
    if not label:
        return []
    if counted:
        return [(p.start, label, f"top{k}", [p]) for p, k in counted]
    return _ordered_rows(ctx, label, places)


# '“县域经济10强”分别是：A、B…' / '十强县为：A、B': membership of a top group, the group named first
STRONG_BEFORE_RE = re.compile(r"“?(?P<label>[^“”，。；：,;:\n]{0,24}?(?P<n>" + _N + r"|百)(?:强|佳|优|快)(?:县|市|区|县市|县（市）|县\(市\))?)”?"
                              r"(?:县|市|区|县（市）|县\(市\))?(?:[（(][^）)]{0,12}[）)])?"
                              # ('…十强县正式公布：分别是A、B…': the announcement, then who they are)
                              r"(?:(?:正式)?(?:公布|发布|出炉|揭晓)[:：，,]?\s*(?:分别|依次)(?:是|为)[:：]?\s*"
                              r"|(?:排名|(?:正式)?(?:公布|发布|出炉|揭晓))?(?:分别是|分别为|依次为|依次是|为|是|有)?\s*[:：]\s*|(?<=”)的"
                              # '陕西入围西部百强的县分别是神木、府谷…': the members, after 的 and who they are
                              r"|的(?:县(?:市)?|县区|县（市、区）|县\(市、区\)|城市|地区)?(?:分别|依次)(?:是|为)[：:]?)")


def _strong_before(ctx: ArticleContext, i: int, s, st: str, m: re.Match, last_label: dict) -> list:
    at = s.start + m.end()
    if not ctx.text[at:s.end].strip() and i + 1 < len(ctx.sentences):
        at = ctx.sentences[i + 1].start      # a caption ('…“十强县”:') over its list
    places = [p for p in _places_after(ctx, at) if _county_like(p)]
    n = _group_size(m.group("n"))
    if len(places) < 2 or not n or _ranks(ctx, places)[-1] > int(n):   # (tied members share a place)
        return []
    label = _clean_label(m.group("label")) or doc_contest(ctx)
    if "依次" in m.group(0) or "排名" in m.group(0) or _order_confirmed(ctx, places, int(n)):
        # the order is stated (a cut-off list keeps its positions), or confirmed by a member's own position
        return _ordered_rows(ctx, label, places)
    return [(places[0].start, label, f"top{int(n)}", places)]


# '一类县前5位：A、B、C、D、E' / '3.经济强县前20位' over its list: a caption naming the first N, then exactly N places
TOP_CAPTION_RE = re.compile(r"(?P<label>[^，。；：,;:\n]{0,30}?)前(?P<n>" + _N + r")(?:位|名)\s*(?:[:：]\s*|$)")


def _caption_label(label: str) -> str:
    """A caption's label without its list number ('3.经济强县前20位' -> 经济强县)."""
    return _clean_label(re.sub(r"^\s*[\d一二三四五六七八九十]+\s*[.、．]\s*", "", label))


def _caption_places(ctx: ArticleContext, i: int, s, m: re.Match) -> Optional[tuple[list, int]]:
    """(the places, N) of a caption naming the first N over exactly N places (after it on its line, or on
    the lines below when the caption stands alone), else None."""
    at = s.start + m.end()
    if not ctx.text[at:s.end].strip(" 。\n") and i + 1 < len(ctx.sentences):
        at = ctx.sentences[i + 1].start      # the caption on a line of its own, its list below
    places = [p for p in _places_after(ctx, at) if _county_like(p)]
    n = _group_size(m.group("n"))
    if not n or len(places) != int(n) or len(places) < 2:
        return None
    if _is_metric_label(ctx, s.start + m.start("label"), s.start + m.end("label")):
        return None      # 'GDP前5位：…': an indicator's league (facts)
    return places, int(n)


def _top_caption(ctx: ArticleContext, i: int, s, st: str, m: re.Match, last_label: dict) -> list:
    found = _caption_places(ctx, i, s, m)
    if found is None:
        return []
    places, n = found
    label = _caption_label(m.group("label"))
    contest = label if label and _CONTEST_NOUN.search(label) else (last_label.get(s.group, "") or doc_contest(ctx))
    if not contest:
        return []      # a list with no contest around it ('人口前5位：…') is no placing
    return [(places[0].start, label if label and len(label) >= 2 else contest, f"top{n}", places)]


# '2012年度广西科学发展十佳县初选名单' on a line of its own over exactly ten places: each among the first ten
TOP_LIST_CAPTION_RE = re.compile(r"(?P<label>[^，。；：,;:\n]{0,30}?(?P<n>[一二三四五六七八九十\d]+|百)(?:佳|强)"
                                 r"(?:县|市|区|县市|县区|区县|县（市、区）)?[^，。；,;:\n]{0,6}?名单)\s*(?:[:：]\s*)?$")


def _top_list_caption(ctx: ArticleContext, i: int, s, st: str, m: re.Match, last_label: dict) -> list:
    found = _caption_places(ctx, i, s, m)
    if found is None:
        return []
    places, n = found
    return [(places[0].start, _caption_label(m.group("label")), f"top{n}", places)]


# '20个经济强县市为：A、B…和T' / '10个县域经济发展先进县市区是：…': a class of a contest's results counted, then
# listed; when the list holds exactly that many places, each is in the top N (its order is not said)
COUNTED_CLASS_RE = re.compile(r"(?<![\d.])(?P<n>[一二两三四五六七八九十\d]+)个(?P<label>[\u4e00-\u9fa5“”]{0,16}?(?:强|先进|优胜|十佳|优秀)"
                              r"[\u4e00-\u9fa5”]{0,6}?)(?P<order>依次|分别)?(?:为|是|有)[：:]")
_RESULTS_WORDS = re.compile(r"考核|评比|评选|评价|排名|得分|考评|测评|发布|揭晓|公布|出炉")


def _counted_class(ctx: ArticleContext, i: int, s, st: str, m: re.Match, last_label: dict) -> list:
    n = cn_number(m.group("n"))
    places = [p for p in _places_after(ctx, s.start + m.end()) if _county_like(p)]
    if not n or n < 3 or len(places) != n:
        return []
    before = ctx.text[ctx.sentences[i - 1].start if i > 0 else s.start:s.start + m.start()]
    if not _RESULTS_WORDS.search(before):
        return []      # a class the text describes ('5个示范县是：…'), no contest's result
    label = _clean_label(m.group("label"))
    if m.group("order") == "依次":
        return _ordered_rows(ctx, label, places)
    return [(places[0].start, label, f"top{int(n)}", places)]


# '分别是排名第88位的大冶市、第93位的宜都市和第97位的仙桃市': the positions that go on after a placing of the same list
NEXT_POSITION_RE = re.compile(r"(?:、|和|及|与)\s*第(?P<k>" + _N + r")(?:位|名)的")


def _next_position(ctx: ArticleContext, i: int, s, st: str, m: re.Match, last_label: dict) -> list:
    label = last_label.get(s.group)
    k = cn_number(m.group("k"))
    place = next((p for p in ctx.places_in(s.start + m.end(), s.start + m.end() + 1)
                  if p.start == s.start + m.end() and _county_like(p)), None)
    if not label or not k or place is None or not _BUCKET_ANY.search(st, 0, m.start()):
        return []
    return [(place.start, label, f"top{int(k)}", [place])]


# '“百强县”的前四名被我省的昆山、江阴、张家港、常熟包揽': the places that took the first N, each in the top N
PASSIVE_TOP_RE = re.compile(r"(?P<label>[^，。；：、,;:！？\n]{0,30}?)前(?P<n>" + _N + r")(?:名|位|强)被(?:[\u4e00-\u9fa5]{1,4}?的)?")
_TAKEN = re.compile(r"\s*(?:所)?(?:包揽|占据|囊括|收入囊中)")


def _passive_top(ctx: ArticleContext, i: int, s, st: str, m: re.Match, last_label: dict) -> list:
    n = cn_number(m.group("n"))
    places = [p for p in _places_after(ctx, s.start + m.end()) if _county_like(p)]
    if not n or len(places) != n or not _TAKEN.match(ctx.text, places[-1].end):
        return []
    label = _clean_label(_STRIP.sub("", m.group("label")).rstrip("的")) or doc_contest(ctx)
    return [(places[0].start, label, f"top{int(n)}", places)] if label else []


# '府谷、神木、靖边3县，再次包揽我省2013年度县域经济十强县前3名': the places named take the first N
ACTIVE_TOP_RE = re.compile(r"(?:[一二两三四五六七八九十\d]+个?(?:县|市|区|县市|县区)[，,]?)?(?:再次|继续|又|连续)?(?:包揽|囊括|占据)了?"
                           r"(?P<label>[^，。；：、,;:！？\n]{0,30}?)前(?P<n>" + _N + r")(?:名|位|强)")


def _active_top(ctx: ArticleContext, i: int, s, st: str, m: re.Match, last_label: dict) -> list:
    n = cn_number(m.group("n"))
    cs = _clause_start(st, m.start())
    places = [p for p in _places_before(ctx, s.start + m.start(), s.start + cs) if _county_like(p)]
    if not n or len(places) != n or ctx.text[s.start + cs:places[0].start].strip():
        return []
    label = _clean_label(_STRIP.sub("", m.group("label")).rstrip("的")) or doc_contest(ctx)
    own = _LABEL_YEAR.search(m.group("label"))
    if own and label and not _LABEL_YEAR.search(label):
        label = own.group(1) + "年度" + label      # (the list's own year, which the label's cleaning drops)
    return [(places[0].start, label, f"top{int(n)}", places)] if label else []


# '综合测评结果显示，肥西县、天长市…和明光市等县(市)名列前茅': the listed places lead a contest's results, each
# in the top N (N the places listed); the contest is the result the clause names (测评结果, 考核结果 …)
FOREMOST_RE = re.compile(r"(?:等(?:[一二两三四五六七八九十\d]+个)?(?:县|市|区|县市区?|县（市(?:、区)?）|县\(市(?:、区)?\)|地)?)?"
                         r"(?:均|都)?(?:名列前茅|位列前茅)")
_RESULT_CLAUSE = re.compile(r"(?P<label>[^，。；：,;:\n]{2,30}?(?:结果|排名|测评|评价|考核|评比))(?:显示|表明)?[，,:：]\s*$")


def _foremost(ctx: ArticleContext, i: int, s, st: str, m: re.Match, last_label: dict) -> list:
    cs = _clause_start(st, m.start())
    places = [p for p in _places_before(ctx, s.start + m.start(), s.start + cs) if _county_like(p)]
    if len(places) < 3 or places[-1].end != s.start + m.start() or ctx.text[s.start + cs:places[0].start].strip():
        return []
    head = _RESULT_CLAUSE.search(st, 0, cs) if cs else None
    if head is None or _is_metric_label(ctx, s.start + head.start("label"), s.start + head.end("label")):
        return []      # the places of a list no result names, or an indicator's leaders (facts)
    return [(places[0].start, _clean_label(head.group("label")), f"top{len(places)}", places)]


# '长沙县以绝对优势领跑全省，位列湖南经济强县榜首' / '荣登全国发展潜力百强县榜首': first on a named list
LIST_TOP_RE = re.compile(r"(?:位列|位居|居于?|荣登|登上|登顶|稳居|高居|蝉联)(?P<label>[^，。；：,;:！？\n]{2,24}?)榜首")
# '…榜首。紧随其后的是A、B…和J': the places after the first, in order
FOLLOW_RE = re.compile(r"紧随其后的(?:依次|分别)?(?:是|为)[:：]?")
_TOP1_AT = "top1 at"      # last_label key: (sentence index, contest) of the last first place found


def _list_top(ctx: ArticleContext, i: int, s, st: str, m: re.Match, last_label: dict) -> list:
    label = _clean_label(m.group("label"))
    if not (_CONTEST_NOUN.search(label) or _CONTEST_STRONG.search(label)) \
            or _is_metric_label(ctx, s.start + m.start("label"), s.start + m.end("label")):
        return []      # '位居全省GDP榜首': an indicator's first place (a fact)
    if any(p.end == s.start + m.end("label") for p in ctx.places_in(s.start + m.start("label"), s.start + m.end("label"))):
        return []      # '仍居全国百强县市河南榜首': first among one province's entrants, not on the list
    cs = _clause_start(st, m.start())
    places = _places_before(ctx, s.start + m.start(), s.start + cs)
    if not places and cs > 0:     # the place opens the clause before ('A以绝对优势领跑全省，位列…榜首')
        places = _places_before(ctx, s.start + cs - 1, s.start + _clause_start(st, cs - 1))
    places = [p for p in places if _county_like(p)][:1]
    if not places and not _ADVERBS.sub("", _LEAD_VERB.sub("", st[:m.start()].strip("—-－ 　"))):
        # '——综合实力更强。荣登全国发展潜力百强县榜首' opening a sentence of a county's own report: the county
        own = _main_county(ctx, s.start + m.start())
        places = [own] if own is not None else []
    return [(places[0].start, label, "top1", places)] if places else []


# '位居全国百强县投资潜力第3、新型城镇化质量第4、县域经济基本竞争力第5' opening a sentence of a county's own report
# (or after its own first place): the county's position on each list named
OWN_LIST_RE = re.compile(r"(?:^|[，,])(?:位居|位列|名列|居)(?P<items>(?:[^，。；;,、]{2,24}?第[一二三四五六七八九十\d]+(?:位|名)?、)+"
                         r"[^，。；;,、]{2,24}?第[一二三四五六七八九十\d]+(?:位|名)?)(?=[，,。；;]|$)")
_OWN_ITEM = re.compile(r"(?P<label>[^、]{2,24}?)第(?P<k>[一二三四五六七八九十\d]+)(?:位|名)?")


def _own_list(ctx: ArticleContext, i: int, s, st: str, m: re.Match, last_label: dict) -> list:
    own = _main_county(ctx, s.start + m.start("items"))
    if own is None or any(_county_like(p) for p in ctx.places_in(s.start, s.start + m.end())):
        return []      # a place named in the sentence holds the positions ('A位居…'), not the page's county
    items = list(_OWN_ITEM.finditer(m.group("items")))
    first = _clean_label(items[0].group("label"))
    if not (_CONTEST_STRONG.search(first) or _TOP_N.search(first)) or _is_metric_text(ctx, first):
        return []      # '位居全省GDP第3、财政收入第5': an indicator's positions (facts)
    out = []
    for it in items:
        k = cn_number(it.group("k"))
        if k and 1 <= k <= 1000:
            at = s.start + m.start("items") + it.start()
            out.append((at, _clean_label(it.group("label")), f"top{int(k)}", [_main_county(ctx, at)]))
    return out


def _follow(ctx: ArticleContext, i: int, s, st: str, m: re.Match, last_label: dict) -> list:
    at = last_label.get(_TOP1_AT)
    if at is None or at[0] not in (i, i - 1):
        return []
    places = [p for p in _places_after(ctx, s.start + m.end()) if _county_like(p)]
    return _ordered_rows(ctx, at[1], places, first=2) if len(places) >= 2 else []


# '2020年河南省县域工业30强县(市)前五名依次是A、B…' (no verb before 前五名: the before-form needs one)
TOP_NAMED_RE = re.compile(r"(?P<label>[^，。；：、,;:！？\n]{2,40}?)前(?P<n>" + _N + r")(?:名|位)(?P<order>依次|分别)?(?:是|为)[：:]?")
_PLACING_VERB_END = re.compile(r"(?:排名|排在|排位|位列|名列|位居|居|列|获得?|荣获|占据|包揽|排|进入|跻身)$")


def _top_named(ctx: ArticleContext, i: int, s, st: str, m: re.Match, last_label: dict) -> list:
    if _PLACING_VERB_END.search(m.group("label")):
        return []      # '排名前五名依次是': the before-form's
    label = _clean_label(m.group("label"))
    if not (_CONTEST_NOUN.search(label) or _CONTEST_STRONG.search(label) or _TOP_N.search(label)) \
            or _is_metric_label(ctx, s.start + m.start("label"), s.start + m.end("label")):
        return []
    n = cn_number(m.group("n"))
    places = [p for p in _places_after(ctx, s.start + m.end()) if _county_like(p)]
    if not n or len(places) < 2 or len(places) > n:
        return []
    if m.group("order") == "依次" and len(places) == n:
        return _ordered_rows(ctx, label, places)
    return [(places[0].start, label, f"top{int(n)}", places)]


# a table of a contest's results, one place a line: '1 昆山市 江苏省 98.44' under '排序 县域名称 所属省份 综合分数',
# '1 | 7 | 慈溪市 |' under '序号 | 全国排名 | 县(市、旗) |': the rank column gives each place its position
_RANK_HEAD = re.compile(r"排名|名次|位次|排位")
_ORDER_HEAD = re.compile(r"^(?:排序|序号|顺序)$")


def _table_rankings(ctx: ArticleContext) -> list[tuple[int, str, str, list[Place]]]:
    label = doc_contest(ctx)
    if not label:
        # no contest named at the top: a one-line table whose header names its score (竞争力指数) still is one
        return _inline_table_rankings(ctx, "")
    out = []
    lines = ctx.lines()
    header: Optional[list[str]] = None
    for start, raw in lines:
        cells = [(m.start(), m.group(0)) for m in re.finditer(r"[^\s|｜]+", raw)]
        if not cells:
            continue
        names = [c for _, c in cells]
        if len(names) >= 3 and any(_RANK_HEAD.search(c) or _ORDER_HEAD.match(c) for c in names) \
                and not any(re.fullmatch(r"[-+\d.%]+", c) for c in names):
            metric_head = any(mm.term.core for mm in _lexicon().find(raw))
            header = None if metric_head else names
            continue
        if header is None:
            continue
        rank_cols = [k for k, c in enumerate(header) if _RANK_HEAD.search(c)] or \
            [k for k, c in enumerate(header) if _ORDER_HEAD.match(c)]
        def place_at(k: int) -> Optional[Place]:
            off, c = cells[k]
            return next((p for p in ctx.places_in(start + off, start + off + 1)
                         if p.start == start + off and p.end == start + off + len(c)), None)

        if len(rank_cols) > 1 and len(names) == len(header):
            # '排名 | 名单 | 排名 | 名单' over '1 | 江苏昆山市 | 51 | 福建安溪县': a (rank, place) pair per column pair
            pairs = [(k, place_at(k + 1)) for k in rank_cols if k + 1 < len(cells) and re.fullmatch(r"\d{1,4}", names[k])]
            pairs = [(k, p) for k, p in pairs if p is not None and p.kind != "unresolved" and _county_like(p)]
            if pairs:
                out += [(p.start, label, f"top{int(names[k])}", [p]) for k, p in pairs]
                continue
        place_k = next((k for k in range(len(cells)) if place_at(k) is not None), None)
        if place_k is None or not rank_cols or rank_cols[0] >= place_k or not re.fullmatch(r"\d{1,4}", names[rank_cols[0]]):
            if not re.search(r"\d", raw):
                header = None
            continue
        place = next(p for p in ctx.places_in(start + cells[place_k][0], start + cells[place_k][0] + 1))
        if place.kind != "unresolved" and _county_like(place):
            out.append((place.start, label, f"top{int(names[rank_cols[0]])}", [place]))
    if not out:
        out = _inline_table_rankings(ctx, label)
    return out


# a table run into one line: '序号 | 城市名称 | 序号 | 城市名称 | 1 | 江苏昆山市 | 51 | 江苏句容市 | 2 | …'
_INLINE_CELL = re.compile(r"(?<![\d.])(\d{1,3})\s*[|｜]\s*([^|｜\n\d]{2,14}?)\s*(?=[|｜])")


_GRID_PLACE_HEAD = re.compile(r"^(?:县（市）|县\(市\)|县（市、区）|县\(市、区\)|县市区?|县区|区县|县|名称|县名|县域单位|县域名称|县市名称|城市名称|地区)$")


def _grid_rankings(ctx: ArticleContext, line_start: int, line: str, label: str) -> list:
    """A ranking table run into one line whose rows hold more than the place ('排名 | 省份 | 地级市 |
    县(市) | 1 | 江苏 | 无锡市 | 江阴市 | 2 | …'): the header's cells give the row width, the rank
    column and the county column."""
    cells, pos = [], 0
    for piece in re.split(r"[|｜]", line):
        cell = piece.strip()
        cells.append((line_start + pos + (piece.find(cell) if cell else 0), cell))
        pos += len(piece) + 1
    cells = [c for c in cells if c[1]]
    first_num = next((k for k, (_, c) in enumerate(cells) if re.fullmatch(r"\d{1,4}", c)), None)
    # ('县域单位 | 排序 | 竞争力指数 | 陕西神木市 | 1 | 120.98 | …': a row may open with its place, not its number)
    first_place = next((k for k, (a, c) in enumerate(cells)
                        if any(p.start == a and p.end == a + len(c) for p in ctx.places_in(a, a + 1))), None)
    if first_num is not None and first_place is not None and first_place < first_num:
        first_num = first_place
    if first_num is None or first_num < 3:
        return []
    header = [c for _, c in cells[:first_num]]
    header[0] = re.split(r"[\s。；：:，,]", header[0])[-1]      # the lead-in sentence before the first bar
    rank_k = next((k for k, c in enumerate(header) if _RANK_HEAD.search(c) or _ORDER_HEAD.match(c)), None)
    place_k = next((k for k, c in enumerate(header) if _GRID_PLACE_HEAD.match(c)), None)
    width = len(header)
    if rank_k is None or place_k is None or width < 3:
        return []
    if not label:
        label = next((c for c in header if _CONTEST_STRONG.search(c) or _SCORE_HEAD.search(c)), "")
        if not label:
            return []      # a table ranking places with no score or contest named: maybe an indicator's (facts)
    out = []
    rows = cells[first_num:]
    for r in range(0, len(rows) - width + 1, width):
        row = rows[r:r + width]
        if not re.fullmatch(r"\d{1,4}", row[rank_k][1]):
            break
        a, name = row[place_k]
        place = next((p for p in ctx.places_in(a, a + 1) if p.start == a and p.end == a + len(name)), None)
        if place is not None and place.kind != "unresolved" and _county_like(place):
            out.append((place.start, label, f"top{int(row[rank_k][1])}", [place]))
    return out if len(out) >= 3 else []


_SCORE_HEAD = re.compile(r"指数|得分|总分|综合分")


def _inline_table_rankings(ctx: ArticleContext, label: str) -> list[tuple[int, str, str, list[Place]]]:
    out = []
    for line_start, line in ctx.lines():
        if not re.search(r"序号|排名|名次|排序", line):
            continue
        grid = _grid_rankings(ctx, line_start, line, label)
        if grid:
            out += grid
            continue
        if not label:
            continue
        hits = []
        for m in _INLINE_CELL.finditer(line):
            a, b = line_start + m.start(2), line_start + m.end(2)
            place = next((p for p in ctx.places_in(a, a + 1) if p.start == a and p.end == b), None)
            if place is not None and place.kind != "unresolved" and _county_like(place):
                hits.append((place.start, label, f"top{int(m.group(1))}", [place]))
        if len(hits) >= 3:
            out += hits
    return out



def _paragraph_names_metric(ctx: ArticleContext, s) -> bool:
    lo = hi = None
    for t in ctx.sentences:
        if t.paragraph == s.paragraph:
            lo = t.start if lo is None else lo
            hi = t.end
    return any(mm.term.core for mm in ctx.metrics_in(lo, hi)) if lo is not None else False


def _lexicon():
    from ledger.metrics import get_lexicon

    return get_lexicon()


def _county_like(p: Place) -> bool:
    """Contests and assessments rank counties, districts and cities, never provinces."""
    return p.level != "province" and not (p.code and str(p.code).endswith("0000"))


def _main_county(ctx: ArticleContext, at: int) -> Optional[Place]:
    """The page's own county (its main region, when that is a county) as a place placed at ``at``, or None."""
    main = ctx.main
    if main is None or not main.code or (main.level or "") != "county":
        return None
    return Place(at, at, main.name, main.code, main.name, "main", "county", main.region)


_HOLDS_A_CONTEST = re.compile(r"[^，,。；;]{0,10}?(?:考核|评价|评比|竞赛|考评)")


_RESERVE_AFTER = re.compile(r"\s*(?:后备|梯队|候选)")
_AIM_BEFORE = re.compile(r"培育|争创|力争|争取|打造|推动|支持|确保|努力")


def _strong(ctx: ArticleContext, s, st: str, m: re.Match, last_label: dict) -> list:
    """'A、B、C…拟入围2019年度县域经济发展“10强县”': each listed place is in the top N."""
    cs = _clause_start(st, m.start())
    places = [p for p in _places_before(ctx, s.start + m.start(), s.start + cs) if _county_like(p)]
    if not places and _ADVERBS.sub("", st[cs:m.start()]).strip() == "" and _POSITION_IN_GROUP.match(st, m.end()):
        # '威县位列“…百强县市”第12位，上升3位，位列“…百强县市”第30位': a clause that opens with the
        # placing verb places the sentence's last place again
        # (not a place that holds a contest of its own: '我区首度跻身常州高质量发展考核第一等次，位列…第33名')
        places = [p for p in ctx.places_in(s.start, s.start + m.start()) if _county_like(p)
                  and not _HOLDS_A_CONTEST.match(ctx.text, p.end)][-1:]
        own = _main_county(ctx, s.start + m.start())
        if not places and own is not None:
            places = [own]     # '2022年GDP…，位列“全国百强县”第27位' on a county's page: the county itself
    years_at: list[int] = []
    if not places:
        # '2014年、2015年连续两年跻身全国…百强县' on a county's page: the county, in each year named
        # ('2017年12月，当选中国工业百强县(市)': the date of the placing in a clause of its own before it)
        pcs = _clause_start(st, cs - 1) if cs else cs
        if cs and _DATE_CLAUSE.fullmatch(st[pcs:cs]):
            cs = pcs
        years = list(_YEAR.finditer(st, cs, m.start()))
        rest = _ADVERBS.sub("", re.sub(r"[、和及与，,\s被]|\d{1,2}月(?:\d{1,2}日)?", "", _YEAR.sub("", st[cs:m.start()])))
        own = _main_county(ctx, s.start + m.start())
        if years and not rest and own is not None:
            places, years_at = [own], [s.start + y.end() for y in years]
    if places and re.match(r"\s*(?:[两二三四五六七八九十\d]+(?:地|个|家|席))", ctx.text[places[-1].end:places[-1].end + 4]):
        return []   # '福州两地上榜': a count of places, not the places
    n = _group_size(m.group("n"))
    if not places or not n or len(places) > int(n):
        return []
    if _is_metric_label(ctx, places[-1].end, s.start + m.end()):
        return []
    if st.startswith("挺进", m.start()) and _in_quotes(st, m.start()):
        return []      # '“强南富北、民生立县、挺进五强”': a slogan's aim, no placing
    if SPLIT_RE.match(st, m.end() + (1 if st[m.end():m.end() + 1] in "，," else 0)):
        return []      # '被评为…“十强县”，分别位列第5、第10位': each its own position (the split form)
    if _RESERVE_AFTER.match(st, m.end()) or _AIM_BEFORE.search(st, cs, m.start()):
        return []      # '培育A、B成为百强后备梯队', '力争2025年威县进入全国百强县': an aim, no placing
    label = _clean_label(st[m.start():m.end()]) or doc_contest(ctx)
    if st.startswith("问鼎", m.start()):
        return [(s.start + m.end(), label, "top1", places)] if len(places) == 1 else []
    pos = _POSITION_IN_GROUP.match(st, m.end())
    if pos and len(places) == 1 and (k := cn_number(pos.group("k"))) and k <= n:
        # '位列2018年度全国综合实力百强县市第62位': the place's own position in the group
        # ('沭阳县上榜2022年长三角百强县第34名': the year in the list's own name counts, so the row
        # is placed at the list, not at the place before it)
        rows = [(s.start + m.end(), label or doc_contest(ctx), f"top{int(k)}", places)]
        at = pos.end()
        # '位居全国综合实力百强县市第37位、投资潜力百强县市第18位、绿色发展百强第33位': its place on each list named
        while (more := _MORE_POSITIONS.match(st, at)) is not None:
            nxt, k = _clean_label(more.group("label")), cn_number(more.group("k"))
            if not (_CONTEST_STRONG.search(nxt) or more.group("n")) \
                    or _is_metric_text(ctx, nxt) or not k or not 1 <= k <= 1000:
                break
            rows.append((s.start + more.start("label"), nxt, f"top{int(k)}", places))
            at = more.end()
        return rows
    if len(years_at) > 1:
        return [(at, label or doc_contest(ctx), f"top{int(n)}", places) for at in years_at]
    return [(s.start + m.end(), label or doc_contest(ctx), f"top{int(n)}", places)]


_POSITION_IN_GROUP = re.compile(r"”?(?:县市|县|市|区|名单|榜单|榜|样本)?”?(?:[（(]市[）)])?(?:中)?"
                                # ('跻身…百强县(市)行列，排名上升至第29位': its position, said after the list's name)
                                r"(?:(?:行列)?[，,]\s*(?:排名|位次)(?:上升|提升|跃升|前移|升)?(?:至|到|为)?)?"
                                r"(?:排名|位列|居)?第(?P<k>" + _N + r")(?:位|名|(?=[，,。；;]))")


# the next list of a run of positions: '、全国投资潜力百强县市第18位' ('百?强' restored upstream)
_MORE_POSITIONS = re.compile(r"[、和及]“?(?P<label>[^、，,。；;“”]{2,24}?(?:(?P<n>" + _N + r"|百)强[^、，,。；;“”第]{0,4})?)”?"
                             r"(?:中)?(?:排名|位列|居)?第(?P<k>" + _N + r")(?:位|名)")


# '排名前10位的为“高质量发展先进县”' / '各专项评价排名前2位为专项评价先进县': a title defined by a
# placing, wherever in the article the definition stands
_DEFINED = re.compile(r"前(?P<n>" + _N + r")(?:位|名)的?(?:县(?:（市、区）|\(市、区\)|市区)?)?(?:为|是|确定为|评为|列为|定为)"
                      r"(?:“(?P<q>[^”]{2,20})”|(?P<u>[\u4e00-\u9fa5]{2,12}?(?:县|市|区|单位))(?=[。，,；;]|$))")
_TITLE_LIST = re.compile(r"(?P<y>(?:[一二两三四五六七八九十\d]+个)?[\u4e00-\u9fa5“”]{2,30}?)(?:为|是|分别是|分别为|有)[：:]?")
_COUNT_LEAD = re.compile(r"^(?:[\u4e00-\u9fa5]*?[，,、])?[一二两三四五六七八九十\d]+个")


def _defined_titles(ctx: ArticleContext) -> list[tuple[int, int, str, str, list[Place]]]:
    """'10个“高质量发展先进县”为A、B…' with '排名前10位的为“高质量发展先进县”' elsewhere: topN for each;
    in a sentence about “X” ('10个“专项评价先进县”中，Y先进县为A、B') a sub-title Y ending like X takes
    X's placing. (sentence, position, contest, bucket, places)."""
    text = ctx.text
    defs = {}
    for m in _DEFINED.finditer(text):
        n = cn_number(m.group("n"))
        if n:
            defs.setdefault(m.group("q") or m.group("u"), int(n))
    if not defs:
        return []
    out = []
    for i, s in enumerate(ctx.sentences):
        st = text[s.start:s.end]
        if not any(x in st for x in defs):
            continue
        within = [x for x in defs if f"“{x}”中" in st or f"{x}中" in st]
        for m in _TITLE_LIST.finditer(st):
            places = _places_after(ctx, s.start + m.end())
            if not places:
                continue
            y = _STRIP.sub("", _COUNT_LEAD.sub("", m.group("y")))
            y = y.rpartition("中")[2] if "中" in y else y
            x = y if y in defs else next((w for w in within if y.endswith(w[-3:]) and len(y) > 3), None)
            if x is None:
                continue
            out.append((i, s.start + m.start(), y, f"top{defs[x]}", places))
    return out


_CLASS_CAPTION = re.compile(r"(?:[”\"]|[县区市](?:（市、区）|\(市、区\))?)\s*[:：]$")   # '…“争先进位县”:', not '河北名单：'
def _in_quotes(st: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a “…” quotation of the sentence."""
    opened = st.rfind("“", 0, pos)
    return opened != -1 and st.rfind("”", opened, pos) == -1 and st.find("”", pos) != -1


def _group_size(n: str) -> Optional[float]:
    """The size of a top group as written: '百' (百强) is 100, else the number (十 -> 10, 30 -> 30)."""
    return 100 if n == "百" else cn_number(n)


_TOP_N = re.compile(r"(?P<n>" + _N + r"|百)强")


def _doc_top_n(ctx: ArticleContext) -> tuple[Optional[str], Optional[float]]:
    """The page's contest label and the N of its top-N list ('全国县域经济百强' -> 100), or no N."""
    label = doc_contest(ctx)
    top = _TOP_N.search(label) if label else None
    return label, (_group_size(top.group("n")) if top else None)


def _bare_lists(ctx: ArticleContext) -> list[tuple[int, int, str, str, list[Place]]]:
    """A sentence that is nothing but a list of places ('江阴、昆山、张家港、常熟、太仓…' under '江苏名单>>>')
    on a page about a top-N contest (全国县域经济百强): each listed place is in the top N. A stray
    word of at most three characters may stand before the list (a caption the page lost), and
    up to three characters of page debris without a Chinese character after it. A list under a
    caption of its own is not read here: '…“五强区”:' is read with its caption (_strong_before),
    and a caption naming no top N ('…“争先进位县”:') makes no placing."""
    label, n = _doc_top_n(ctx)
    if not n:
        return []
    out = []
    for i, s in enumerate(ctx.sentences):
        st = ctx.text[s.start:s.end]
        if st.count("、") < 4:
            continue
        first = next(iter(ctx.places_in(s.start, s.end)), None)
        if first is None or first.start - s.start > 3:
            continue
        places = _places_after(ctx, first.start)
        body_end = s.start + len(st.rstrip().rstrip("。；;"))
        tail = ctx.text[places[-1].end:body_end] if places else "x"
        if len(places) < 5 or len(places) > n or len(tail) > 3 or re.search(r"[\u4e00-\u9fa5]", tail) \
                or not all(_county_like(p) for p in places):
            continue
        if i > 0 and _CLASS_CAPTION.search(ctx.text[ctx.sentences[i - 1].start:ctx.sentences[i - 1].end].strip()):
            continue   # under a class of its own ('…“五强区”:' is read with it; '…“争先进位县”:' is no placing)
        out.append((i, first.start, label, f"top{int(n)}", places))
    return out


# '准格尔旗(32位)' / '1、辽宁瓦房店市(全榜排名第21)': a place with its position in brackets after it
_BRACKETED_POSITION = re.compile(r"\s*[（(](?:全榜|全国|榜单|总榜)?(?:排名|排|位列|居)?第?(?P<k>\d{1,3})\s*(?:位|名)?[）)]")


def _bracketed_positions(ctx: ArticleContext) -> list[tuple[int, int, str, str, list[Place]]]:
    """Places listed with their position in brackets on a page about a top-N list (全国百强县 …): each at
    that position (a position beyond N is no placing on that list)."""
    label, n = _doc_top_n(ctx)
    if not n:
        return []
    out = []
    for p in ctx.places:
        if not p.code or not _county_like(p):
            continue
        m = _BRACKETED_POSITION.match(ctx.text, p.end)
        if m is None or not 1 <= int(m.group("k")) <= n:
            continue
        i = ctx.sentence_at(p.start)
        if i is not None:
            out.append((i, p.start, label, f"top{int(m.group('k'))}", [p]))
    return out


def _followers(ctx: ArticleContext, s, st: str, found: list) -> list:
    """'A、B、C蝉联前三，D、E…J紧随其后' on a page about a top-N list: the places that follow the first
    group fill the list, each in the top N (only where the two groups together are exactly N)."""
    label, n = _doc_top_n(ctx)
    at = st.find("紧随其后")
    firsts = [(b, places) for pos, _, b, places in found if pos < s.start + at and b.startswith("top")]
    if not n or not firsts:
        return []
    k = int(firsts[-1][0][3:]) if firsts[-1][0][3:].isdigit() else 0
    run: list[Place] = []
    end = s.start + at
    for p in reversed([p for p in ctx.places_in(s.start, end) if _county_like(p)]):
        gap = ctx.text[p.end:end]
        if gap.strip() not in ("", "、", "和", "及", "与", "，", ",") or (gap.strip() in ("，", ",") and run):
            break
        run.insert(0, p)
        end = p.start
        if gap.strip() in ("，", ","):
            break
    if not run or k + len(run) != int(n) or any(p in places for _, places in firsts for p in run):
        return []
    return [(run[0].start, label, f"top{int(n)}", run)]


def extract_rankings(ctx: ArticleContext) -> list[Ranking]:
    out: list[Ranking] = []
    seen = set()
    text = ctx.text
    last_label: dict = {}      # sentence group (and ("paragraph", n)) -> its contest; _TOP1_AT -> (sentence, contest)
    for i, s in enumerate(ctx.sentences):
        st = text[s.start:s.end]
        if not re.search(r"排名|位列|名列|位居|倒一|倒数|前[一二两三四五六七八九十\d]+[位名]|后[一二两三四五六七八九十\d]+位"
                         r"|第[一二三四五六七八九十\d]+[名位]|分列|分别(?:位|排|列|居)|强|[\d一二三四五六七八九十]快|依次|顺序|排序|榜首|紧随其后|先进|十佳|优胜|优秀|前茅"
                         r"|蝉联|榜单|保持全?[市省区国]?第", st):
            continue
        found: list[tuple[int, str, str, list[Place]]] = []
        events = sorted(((m.start(), k, m) for k, (pattern, _) in enumerate(_FORMS) for m in pattern.finditer(st)),
                        key=lambda e: (e[0], e[1]))
        for _pos, k, m in events:
            for pos, label, b, places in _FORMS[k][1](ctx, i, s, st, m, last_label):
                found.append((pos, label, b, places))
                last_label[s.group] = label
                last_label[("paragraph", s.paragraph)] = label
                if b == "top1":
                    last_label[_TOP1_AT] = (i, label)
        if found and "紧随其后" in st:
            found += _followers(ctx, s, st, found)
        positioned = _positions(ctx, s, st, last_label)
        if positioned:
            own = {id(hit[3][0]) for hit in positioned}
            found = [(pos, label, b, [p for p in ps if id(p) not in own]) for pos, label, b, ps in found]
            taken = {id(p) for _, _, _, ps in found for p in ps}
            found += [hit for hit in positioned if id(hit[3][0]) not in taken]
        for pos, label, b, places in found:
            _emit(ctx, out, seen, i, pos, label, b, [p for p in places if p.kind != "unresolved"])
    for i, pos, label, b, places in _defined_titles(ctx):
        _emit(ctx, out, seen, i, pos, label, b, places)
    for i, pos, label, b, places in _bare_lists(ctx):
        _emit(ctx, out, seen, i, pos, label, b, places)
    for i, pos, label, b, places in _bracketed_positions(ctx):
        _emit(ctx, out, seen, i, pos, label, b, places)
    for i, pos, label, b, places, b_now in _last_years_positions(ctx):
        # the year before the one the place holds its new position in
        now = next((r.year for r in out if r.region_code == places[0].code and r.bucket == b_now and r.year), None)
        if now is not None:
            _emit(ctx, out, seen, i, pos, label, b, places, year_override=now - 1)
    exact: set[tuple] = set()
    if re.search(r"排名|名次|位次|排序|序号", text):
        for pos, label, b, places in _table_rankings(ctx):
            i = ctx.sentence_at(pos)
            if i is not None:
                _emit(ctx, out, seen, i, pos, label, b, places)
                exact |= {(p.code or p.name, b) for p in places}
    return _without_groups_placed_in_full(out, exact)


# the sizes of the lists a place is said to join (百强, 千强): a position in one of them is never so round
_GROUP_SIZES = frozenset({100, 200, 500, 1000})


def _without_groups_placed_in_full(rows: list[Ranking], exact: set[tuple]) -> list[Ranking]:
    """Membership rows that a position says more than: a top-N group's row for a place the same sentence
    places within it ('连续18年跻身全国…百强县，位列第29位'), and a whole top-N group (前10位分别为A、B…J) that a
    ranking table places member by member (``exact``: the (place, bucket) pairs the table gives, never dropped)."""
    def k_of(r: Ranking) -> Optional[int]:
        return int(r.bucket[3:]) if r.bucket.startswith("top") and r.bucket[3:].isdigit() else None

    groups: dict[tuple, list[Ranking]] = {}
    by_place: dict[tuple, list[Ranking]] = {}
    for r in rows:
        if k_of(r):
            groups.setdefault((r.contest, r.year, r.bucket), []).append(r)
            by_place.setdefault((r.region_code or r.region_name, r.year), []).append(r)
    drop = set()
    # '连续18年跻身全国…百强县，位列第29位': the position said in the same sentence supersedes the membership
    for (place, year), held in by_place.items():
        for r in held:
            n = k_of(r)
            if n in _GROUP_SIZES and any(o.char_start == r.char_start and k_of(o) < n and k_of(o) not in _GROUP_SIZES
                                         for o in held):
                drop.add(id(r))
    # '连江新进“十强”' on a page whose '“十强”县(市)依次为：…' places it: its position in the group supersedes the membership
    for (place, year), held in by_place.items():
        for r in held:
            n, named = k_of(r), _NAMED_LIST.search(r.contest or "")
            if named is None or n != _group_size(named.group(0)[:-1]) or n in _GROUP_SIZES:
                continue     # (百强: too many lists share the name — 全国 and 西部百强 — to tell one from another)
            if len({r2.bucket for r2 in rows if r2.char_start == r.char_start}) >= 3:
                continue     # (a position in an ordered list, not a membership: its sentence places others one by one)
            if any(k_of(o) < n and named.group(0) in (o.contest or "") for o in held):
                drop.add(id(r))

    def key(r: Ranking) -> tuple:
        return (r.region_code or r.region_name, r.bucket)

    for (contest, year, bucket), members in groups.items():
        n = int(bucket[3:])
        if n < 2 or len({m.region_code or m.region_name for m in members}) != n:
            continue
        if all(any(key(o) in exact and k_of(o) <= n for o in by_place[(m.region_code or m.region_name, year)])
               for m in members):
            drop |= {id(m) for m in members if key(m) not in exact}
    return [r for r in rows if id(r) not in drop] if drop else rows


# '在全省133个县市工业转型升级目标责任考核中位居全省第三位' / '县域综合实力居全省第25位' with no place in
# the clause: on a county's page, the county's own position in the contest the sentence names
OWN_CONTEST_RE = re.compile(r"(?:在(?P<l1>[^，。；;、在]{2,40}?)中[，,]?"
                            # ('综合经济实力居全省第15位' / '县域经济基本竞争力居全国第199位': the county's standing as a whole)
                            r"|(?P<l2>县域(?:经济)?(?:综合|基本)(?:实力|竞争力|发展水平)|综合(?:经济)?实力))"
                            r"(?:综合)?(?:排名|位次)?(?:均|都|也|再次)?(?:位居|位列|排名|名列|居于?|排在|列|上升到|上升至|跃升至|跃居|提升至|升至)"
                            r"(?:全省|全市|全国|全区)?"
                            # ('排名35个农产品主产区县第5位' / '上升到全国百强县第67位': the group it is placed in)
                            r"(?:[一二两三四五六七八九十\d]+个[\u4e00-\u9fa5]{1,10}?(?:县|市|区|县市区?|单位)|百强县(?:市)?)?"
                            r"第(?P<k>" + _N + r")(?:位|名|(?=[，,。；;、]))")


def _own_contest(ctx: ArticleContext, i: int, s, st: str, m: re.Match, last_label: dict) -> list:
    label = _clean_label(m.group("l1") or m.group("l2") or "")
    if not label or not (_CONTEST_NOUN.search(label) or _CONTEST_STRONG.search(label)):
        return []
    if _is_metric_label(ctx, s.start + m.start(), s.start + m.end()):
        return []     # '在全市GDP排名中位居第三': a metric's rank, a fact
    cs = _clause_start(st, m.start())
    if any(_county_like(p) for p in ctx.places_in(s.start + cs, s.start + m.end()) if p.kind != "unresolved"):
        return []     # a place of the clause is placed by the place forms
    own = _main_county(ctx, s.start + m.start())
    k = cn_number(m.group("k"))
    if own is None or not k or not 1 <= k <= 1000:
        return []
    return [(s.start + m.start(), label, f"top{int(k)}", [own])]


# '神木由去年的第44位上升到36位' / '靖边县去年位居95位，今年居116位': this year's position after last year's
MOVED_RE = re.compile(r"(?:由(?:去年|上年|上一年|(?:19|20)\d{2}年)的?(?:第)?" + _N + r"(?:位|名)"
                      r"(?:上升|提升|前移|跃升|前进|攀升|下降|下滑|后退|回落|降)(?:到|至|为)"
                      r"|(?:去年|上年)(?:位居|居|排名|位列|排在|列)第?" + _N + r"(?:位|名)[，,]\s*今年(?:位居|居|排名|位列|排在|列))"
                      r"第?(?P<k>" + _N + r")(?:位|名)")


# '相较去年，…仙桃市由第56位升至第54位，大冶市由第57位升至第55位': last year's positions, in a sentence
# that says it compares with last year
_FROM_POSITION = re.compile(r"由第(?P<a>" + _N + r")(?:位|名)(?:上升|提升|前移|跃升|前进|攀升|下降|下滑|后退|回落|降|升)(?:到|至|为)"
                            r"第?(?P<b>" + _N + r")(?:位|名)")
_LAST_YEAR_SAID = re.compile(r"去年|上年|上一年|上届")


def _last_years_positions(ctx: ArticleContext) -> list:
    out = []
    text = ctx.text
    for i, s in enumerate(ctx.sentences):
        st = text[s.start:s.end]
        if "由第" not in st:
            continue
        lead = text[ctx.paragraph_start(i):s.start] + st
        if not _LAST_YEAR_SAID.search(lead):
            continue
        label = doc_contest(ctx)
        if not label:
            continue
        for m in _FROM_POSITION.finditer(st):
            cs = _clause_start(st, m.start())
            places = [p for p in ctx.places_in(s.start + cs, s.start + m.start()) if _county_like(p) and p.kind != "unresolved"]
            a, b = cn_number(m.group("a")), cn_number(m.group("b"))
            if len(places) != 1 or not a or not b or _is_metric_label(ctx, s.start + cs, s.start + m.end()):
                continue
            out.append((i, s.start + m.start(), label, f"top{int(a)}", places, f"top{int(b)}"))
    return out


def _moved(ctx: ArticleContext, i: int, s, st: str, m: re.Match, last_label: dict) -> list:
    cs = _clause_start(st, m.start())
    places = [p for p in ctx.places_in(s.start + cs, s.start + m.start()) if _county_like(p) and p.kind != "unresolved"]
    k = cn_number(m.group("k"))
    label = last_label.get(s.group) or doc_contest(ctx)
    if len(places) != 1 or not k or not label or _is_metric_label(ctx, s.start + cs, s.start + m.end()):
        return []
    return [(s.start + m.start(), label, f"top{int(k)}", places)]


# every sentence form, in the order they apply at one position: (pattern, reader)
_FORMS = (
    (BEFORE_RE, lambda ctx, i, s, st, m, ll: _before(ctx, s, st, m, ll)),
    (GROUP_OF_RE, lambda ctx, i, s, st, m, ll: _group_of(ctx, s, st, m, ll)),
    (SPLIT_RE, lambda ctx, i, s, st, m, ll: _split(ctx, s, st, m, ll)),
    (AFTER_RE, lambda ctx, i, s, st, m, ll: _after(ctx, s, st, m, ll)),
    (ORDINAL_RE, lambda ctx, i, s, st, m, ll: _ordinal(ctx, s, st, m, ll)),
    (FULL_ORDER_RE, lambda ctx, i, s, st, m, ll: _full_order(ctx, s, st, m, ll)),
    (STRONG_RE, lambda ctx, i, s, st, m, ll: _strong(ctx, s, st, m, ll)),
    (ORDERED_RE, _ordered),
    (STRONG_BEFORE_RE, _strong_before),
    (TOP_CAPTION_RE, _top_caption),
    (TOP_LIST_CAPTION_RE, _top_list_caption),
    (LIST_TOP_RE, _list_top),
    (COUNTED_CLASS_RE, _counted_class),
    (FOREMOST_RE, _foremost),
    (PASSIVE_TOP_RE, _passive_top),
    (ACTIVE_TOP_RE, _active_top),
    (NEXT_POSITION_RE, _next_position),
    (OWN_LIST_RE, _own_list),
    (TOP_NAMED_RE, _top_named),
    (FOLLOW_RE, _follow),
    (OWN_CONTEST_RE, _own_contest),
    (MOVED_RE, _moved),
)


_LIST_AFTER_YEAR = re.compile(r"年?度?\s*(?:的)?[\u4e00-\u9fa5（）()]{0,16}?(?:百强|强县|强市|强区|榜单|排行榜|榜)")
_FIGURE_IN_LABEL = re.compile(r"\d\s*(?:亿元|万元|亿|万|%|％)")
# a name that opens on a number other than a year, or holds a decimal ('…负增长3.30排名'): a figure, no contest
_NUMBER_LED = re.compile(r"\d\.\d|^(?!(?:19|20)\d{2})\d")
_LABEL_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?![\d.%])")


def _emit(ctx: ArticleContext, out: list[Ranking], seen: set, i: int, pos: int, label: str, b: str,
          places: list[Place], year_override: Optional[int] = None) -> None:
    """One ranking row per place (a place in the same bucket of one contest and year once)."""
    art = ctx.article
    s = ctx.sentences[i]
    if _FIGURE_IN_LABEL.search(label or ""):
        return     # '沧州以2810.4亿元在上榜的11个城市中排名第三': a place placed by its figure, an indicator's rank
    own = _LABEL_YEAR.search(label or "")
    # ('2023全国综合实力百强县' over a sentence about 2022's data: the list's own name carries its year)
    year = int(own.group(1)) if own else _year(ctx, i, pos)
    if own and label not in ctx.text[s.start:s.end]:
        # a name taken from the title or an earlier sentence yields to the year of the list the sentence
        # itself names ('2017年县域经济百强，A、B入围，分列第80位、第82位' on a page about 2018's list)
        # (or the sentence before it in its paragraph: '在赛迪2018年全国百强县榜单中，湖北省占据4席。分别为：…')
        lo = ctx.sentences[i - 1].start if i > 0 and ctx.sentences[i - 1].paragraph == s.paragraph else s.start
        stated = [(k, y) for k, y in _contest_years(ctx.text[lo:pos])
                  if _LIST_AFTER_YEAR.match(ctx.text, lo + k + 4)]
        if stated:
            year = stated[-1][1]
    if year_override is not None:
        year = year_override
    for p in places:
        if not _county_like(p):
            continue     # a province is no contestant of a county contest ('江苏、浙江、山东上榜数量居前三')
        # (one row for a place in one bucket of one year, whatever the contest's wording: FACTS.md section 7)
        key = (p.code or p.name, year, b)
        if key not in seen:
            seen.add(key)
            out.append(Ranking(art.source_file, art.article_id, p.code, p.name, label, year, b,
                               art.text[s.start:s.end], s.start, s.end))
