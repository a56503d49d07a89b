"""Reporting periods (FACTS.md section 3, "Period").

- An explicit year wins (2021年, 二〇二一年, 2021年一季度, 2021年1-8月).
- 今年/本年 = publish year, 去年/上年/上一年/过去一年 = the year before, 前年, 明年.
- A bare 一季度 / 上半年 / 前三季度 / 1-8月 / 全年 / single month is the latest such
  period that had ended by the publish date; in a target it is the coming one.
- Multi-year spans (五年来, 过去五年, 十三五期间, 2016—2020年) keep their span and are
  flagged approximate when the span is inferred.
- Headings carry context (see :func:`heading_year`), a report's own date
  ("2022年1月27日在…会议上") stands in for a missing publish date
  (:func:`report_date`), and with neither a date nor a year there is no period.

Periods are cumulative months 'YYYY-MM'..'YYYY-MM'.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ledger.numbers import cn_number

# ('二00一年', '二○一九年': a year in Chinese numerals whose zeros are written with a digit or a circle)
_CN_YEAR_DIGITS = str.maketrans("〇零○Ｏ一二三四五六七八九", "000012345678" + "9")

_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_DASH = r"\s*(?:-|—|–|－|~|～|至|到|—)+\s*"
PERIOD_RE = re.compile(
    r"(?P<span>(?P<plan>[“\"「]?(?:十一|十二|十三|十四|十五|十|九|八)五[”\"」]?(?:规划|计划)?(?:期间|时期|以来|时期内))"
    r"|(?:过去|近|这)?(?<![\d一二三四五六七八九十])(?P<nyears>[二三四五六七八九十]|\d)年(?:来|以来|间)"
    r"|(?:过去的?|近)(?P<nyears2>[二三四五六七八九十]|\d)年(?![度底末初前])"
    r"|(?P<y1>(?:19|20)\d{2})\s?年?" + _DASH + r"(?P<y2>(?:19|20)\d{2})\s?年)"
    r"|[（(](?P<pyear>(?:19|20)\d{2})[）)]"      # an infobox's '国内生产总值(2022)¥524.74亿'
    r"|(?P<planend>[“\"「]?(?:十一|十二|十三|十四|十五|十|九|八)五[”\"」’']?(?:规划|计划)?期?末)"   # '“十三五”末': its last year
    r"|(?:(?P<year>(?:19|20)\d{2}|[〇零一二][〇零○Ｏ0一二三四五六七八九]{3})\s*年(?:度)?"
    # '18年生产总值达到2229亿元' / '19年前三季度': a year written with two digits, only where a
    # period or the economy's total follows it (a bare '19年' is as often nineteen years)
    r"|(?<![\d.])(?<!连续)(?<!过去)(?<!过去的)(?<!历经)(?<!历时)(?<![近第满共长达多了用])(?P<yy>[012]\d)年(?=全年|上半年|下半年|前三季度"
    r"|[一二三四1-4]季度|首季|GDP|(?:地区)?生产总值|经济总量)"
    r"|(?P<rel>今年|本年|当年|去年|上年|上一年|过去一年|过去的一年|前年|明年)"
    # '2023上半年温州各县市区财政数据': a year run straight onto its part, 年 left out (titles)
    r"|(?<![\d.])(?P<y4>(?:19|20)\d{2})(?=上半年|下半年|前三季度|第?[一二三四1-4]季度|首季"
    # ('2020信丰县全年实现生产总值…': a year run straight onto the county whose year it is)
    r"|[\u4e00-\u9fa5]{1,6}?(?:县|市|区|旗)(?:全年|上半年|下半年|前三季度|[一二三四]季度)))?"
    # ('2021年1-4季度', '一至三季度': the quarters from the first on, the cumulative figure)
    r"(?P<sub>(?:第|(?:1|一)\s*(?:-|—|–|~|～|至|到)\s*)?(?P<q>[一二三四1-4])季度|(?P<firstq>首季度?)"
    r"|(?P<half>上半年|下半年)"
    r"|前三季度"
    r"|(?P<full>全年|年初以来|以来|年底|年末)"
    r"|(?P<m1>" + _NUM + r"|(?<![\d亿万千百])元)(?:月份?)?" + _DASH + r"(?P<m2>" + _NUM + r")月份?(?![\d一二三四五六七八九十]+日)"
    r"|前(?P<nm>" + _NUM + r")个?月"
    r"|(?<=截至|截止)(?P<upto>\d{1,2})月\d{1,2}日"      # '截至9月14日，…累计完成': January to that month
    r"|(?P<mon>" + _NUM + r")月份?(?![\d一二三四五六七八九十]*日|\d))?"
)

# PERIOD_RE can match the empty string, so ``finditer`` tries every alternative at every
# character of a sentence (and find_periods drops the empty matches). The same pattern behind a
# lookahead on the characters a non-empty match can begin with fails at once everywhere else:
# the same non-empty matches, ~13x faster on real pages (tests/extraction/test_period_scan.py
# checks the equivalence). A new alternative of PERIOD_RE that can begin with another
# character must add it to _PERIOD_FIRST.
_PERIOD_FIRST = "\\d〇零一二三四五六七八九十“\"「过近这今本当去上前明第下全年以元首（("
_PERIOD_SCAN = re.compile(f"(?=[{_PERIOD_FIRST}])(?:{PERIOD_RE.pattern})")

REPORT_DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日\s*在[^。\n]{2,80}?(?:会议|大会)上")
_CMP_BEFORE = re.compile(r"(?:较|比|与|跟|同|较于|相比于|相对于|高于|低于|快于|慢于|好于|超过|已超|超越|分别较|分别比|延续|维持在|保持在|持平于)$")   # (延续一季度较快增长势头: a base)
_RUN_OF_YEARS = re.compile(r"\s*连续")     # '自2005年以来连续8年…': a run of years
# '由2015年的48%提高到…', '由2007年的22:37:41调整为…' (or with its colons lost: '由2007年的223741调整为'), '由2017年同期的8.7%下降至…':
# a share, structure or rate's base
_SHARE_AFTER = re.compile(r"(?:同期)?的\s*[\d.]+\s*(?:[:：∶]|%|％|(?:调整|优化|转变)(?:为|到))")
_CUMULATIVE_AFTER = re.compile(r"[^，,。；;]{0,8}?累计")
_MULTIPLE_OF = re.compile(r"的\s*\d+(?:\s*\.\s*\d+)?\s*倍")   # (a spun copy may break the decimal: 的2 .7倍)
_HEADING_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


@dataclass
class PeriodMention:
    start: int
    end: int
    text: str
    year: Optional[int] = None        # explicit year
    rel: Optional[int] = None         # year offset relative to the publish year (今年 0, 去年 -1)
    months: Optional[tuple[int, int]] = None  # (m1, m2) within the year, None = no sub-period
    bare: bool = False                # a sub-period without any year
    ytd: bool = False                 # 今年以来 / 年初以来
    span: Optional[tuple[int, int]] = None    # multi-year (start year, end year), may be relative
    span_relative: bool = False       # span counted back from the publish date (五年来)
    full_year_word: bool = False      # 全年 said explicitly


@dataclass
class Period:
    start: Optional[str]
    end: Optional[str]
    approx: bool = False
    reason: str = ""
    retrospective: bool = False   # counted back from the publish date (五年来): never about the future


def pub_ym(published_at: Optional[str]) -> Optional[tuple[int, int]]:
    if not published_at:
        return None
    m = re.match(r"(\d{4})-(\d{1,2})", published_at)
    if not m:
        return None
    y, mo = int(m.group(1)), int(m.group(2))
    if not (1900 < y < 2100 and 1 <= mo <= 12):
        return None
    return y, mo


def report_date(text: str) -> Optional[str]:
    """A report's own date: '2022年1月27日在…人民代表大会…会议上' -> '2022-01-27'."""
    m = REPORT_DATE_RE.search(text[:3000])
    if not m:
        return None
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if 1 <= mo <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


# a line that is only a date ("(2012年8月)", "2023年3月15日"): the date of an undated notice or release
_DATE_LINE = re.compile(r"^[（(\[]?\s*(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?\s*[）)\]]?$")


# a full date inside a short line ("ZAKER贵阳 2021-11-13", "发布时间:2021-02-24 09:26")
# (not a span of months: '2024年1-9月' is no 9 January)
_SHORT_LINE_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?:年(?=\d{1,2}月)|[-/.](?=\d{1,2}[-/.]))"
                              r"(?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})(?!\d)")
# '26.07.2016 13:37': day first
_DAY_FIRST_DATE = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?![\d.])")
# a document number '辽政办发〔2008〕70号': the year the notice was issued
_DOC_NUMBER = re.compile(r"[〔\[［【]((?:19|20)\d{2})[〕\]］】]\s*\d+\s*号")


# an event word right before a date ('设立1983年11月8日' in an infobox): when the place was set up, not the page's date
# (the parser's date lines and date_line below both ask it)
EVENT_BEFORE_DATE = re.compile(r"(?:设立|設立|成立|建立|建置|撤销|撤銷|撤县|撤縣|批准|始建|建于|建於|开通|開通|通车|通車|竣工|开工|開工|投产|投產)"
                               r"\s*(?:于|於|时间|時間|日期)?\s*[:：|｜]?\s*$")
_DATED_EVENT = re.compile(r"[日号]?\s*[，,][^\n]*[。！!]\s*$")


def date_line(lines: list[str]) -> Optional[tuple[int, int, str]]:
    """(year, month, line) of the first line among ``lines`` that is only a date, or a short line
    (at most 30 characters) holding a full date; else None."""
    for line in lines:
        m = _DATE_LINE.match(line.strip())
        if m and 1 <= int(m.group("m")) <= 12:
            return int(m.group("y")), int(m.group("m")), line.strip()
    for line in lines:
        if len(line.strip()) <= 30:
            m = _SHORT_LINE_DATE.search(line) or _DAY_FIRST_DATE.search(line)
            if m and _DATED_EVENT.match(line, m.end()):
                continue     # '2020年4月11日，退出贫困县序列。': a chronology's event, not the page's date
            if m and EVENT_BEFORE_DATE.search(line, 0, m.start()):
                continue     # '设立1999年12月5日' in an encyclopedia's infobox: when the place was set up
            if m and 1 <= int(m.group("m")) <= 12 and 1 <= int(m.group("d")) <= 31:
                return int(m.group("y")), int(m.group("m")), line.strip()
    return None


_WORK_REPORT_TITLE = re.compile(r"((?:19|20)\d{2})年(?:度)?[^，。\n]{0,16}?政府工作报告")
_COMPACT_DATE = re.compile(r"[（(]((?:19|20)\d{2})(0[1-9]|1[0-2])([0-3]\d)[）)]")


_BULLETIN_TITLE = re.compile(r"((?:19|20)\d{2})年(?:度)?[^，。\n]{0,24}?(?:统计的?公报|工作总结)")


def bulletin_year(title: str) -> Optional[int]:
    """The year a statistical bulletin's title covers ('庆城县2022年国民经济和社会发展统计公报', '…关于2022年…统计的公报'),
    or a year's work summary ('2023年…年度工作总结报告'): both are written after that year ends."""
    m = _BULLETIN_TITLE.search(title or "")
    return int(m.group(1)) if m else None


def work_report_year(title: str) -> Optional[tuple[tuple[int, int], str]]:
    """The date a government work report's title gives: a compact date '(20221223)', else
    '2023年政府工作报告', delivered at the start of that year (its review is of the year before)."""
    m = _COMPACT_DATE.search(title)
    if m:
        return (int(m.group(1)), int(m.group(2))), f"date '{m.group(0)}' in the title"
    m = _WORK_REPORT_TITLE.search(title)
    if m:
        return (int(m.group(1)), 1), f"'{m.group(0)}': a work report is delivered early in its year"
    return None


def document_year(title: str, opening: str) -> Optional[tuple[int, str]]:
    """The year an undated page speaks of (FACTS.md section 7): the first single explicit year of
    its title, else of its opening ("2022年，面对…", "介绍2021年前三季度…"). Spans (2018-2022年,
    五年来) and masked years (20XX年) are no document year. (year, where it was found) or None."""
    for where, text in (("title", title), ("opening", opening)):
        for pm in find_periods(text):
            if pm.year is not None and not pm.span:
                return pm.year, f"{where} '{pm.text}'"
    for where, text in (("title", title), ("opening", opening)):
        m = _PLAN_YEAR.search(text)
        if m:
            y0 = _PLANS[m.group(1)]
            return (y0 if m.group(2) in _PLAN_FIRST else y0 + 4), f"{where} '{m.group(0)}'"
    m = _DOC_NUMBER.search(title + "\n" + opening)
    if m:
        return int(m.group(1)), f"document number '{m.group(0)}'"
    m = _BARE_TITLE_YEAR.match(title)
    if m:
        return int(m.group(1)), f"title '{m.group(0)}'"
    return None


# a title opening with a year written without 年 over the results it ranks: '2018湖南各市GDP排名及增速'
_BARE_TITLE_YEAR = re.compile(r"\s*((?:19|20)\d{2})(?=[\u4e00-\u9fa5])(?!年)(?=[^，,。；;]{0,20}?(?:排名|排行|榜|数据|成绩))")


# '“十四五”开局之年' is 2021, '“十三五”收官之年' 2020: a plan's first or last year names the year
_PLAN_YEAR = re.compile(r"[“\"「]?(十一|十二|十三|十四|十五)五[”\"」]?(?:规划)?的?(开局之年|开局年|起步之年|第一年|收官之年|最后一年|决胜之年)")
_PLAN_FIRST = ("开局之年", "开局年", "起步之年", "第一年")


def comparison_base_before(text: str, pos: int) -> bool:
    """Does a comparison word end right before ``pos`` ('比2015年度…', '较1-7月', '跟上年')?"""
    return _CMP_BEFORE.search(text, max(0, pos - 4), pos) is not None


def multiple_base_after(text: str, pos: int) -> bool:
    """Does '的…倍' follow ``pos``, making what ends there the base of a multiple ('是2011年的1.65倍')?"""
    return _MULTIPLE_OF.match(text, pos) is not None


def document_number_year(text: str) -> Optional[tuple[int, str]]:
    """The year of the first document number in ``text`` ('辽政办发〔2008〕70号' -> 2008), or None."""
    m = _DOC_NUMBER.search(text)
    return (int(m.group(1)), f"document number '{m.group(0)}'") if m else None


def heading_year(heading: str) -> Optional[int]:
    """The year a heading sets for what follows ('2021年政府工作回顾' -> 2021)."""
    if _CHART_CAPTION.match(heading):
        return None      # '图1：2022年以来越秀区地区生产总值增速图': a chart's caption heads no section
    m = _HEADING_YEAR.search(heading)
    if m and re.match(r"\s*以来", heading[m.end():]):
        return None      # ('2022年以来…': a run of years up to now, no year of the section)
    return int(m.group(1)) if m else None


_CHART_CAPTION = re.compile(r"\s*[（(]?(?:图|附图)\s*[\d一二三四五六七八九十]+\s*[）)]?\s*[:：、.．\s]")


def _num(s: Optional[str]) -> Optional[int]:
    if s is None:
        return None
    v = cn_number(s)
    return int(v) if v is not None else None


_REL = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "上一年": -1, "过去一年": -1,
        "过去的一年": -1, "前年": -2, "明年": 1}
_PLANS = {"八": 1991, "九": 1996, "十": 2001, "十一": 2006, "十二": 2011, "十三": 2016, "十四": 2021, "十五": 2026}


_PRICE_BASE_AFTER = re.compile(r"(?:的)?(?:不变价|可比价)")


def find_periods(s: str) -> list[PeriodMention]:
    """Period expressions in a sentence, in order."""
    out = []
    prev_cmp_end = -10
    for m in _PERIOD_SCAN.finditer(s):
        if m.end() == m.start():
            continue
        # '较1-7月回落', '比一季度加快', '较1-2月、1-3月…': the base of a comparison, not the period
        before = s[max(0, m.start() - 4):m.start()]
        if _CMP_BEFORE.search(before) or (m.start() - prev_cmp_end <= 1 and s[m.start() - 1:m.start()] in "、和及与") \
                or multiple_base_after(s, m.end()) or (s[m.start() - 1:m.start()] == "由" and _SHARE_AFTER.match(s, m.end())):
            # ('是2011年的1.65倍': the base of a multiple; '由上年的23:40:37调整为…', '由2015年的48%提高到…':
            # the base of a change in a structure or share; '由2005年的61.88亿元增加到2010年的130亿元'
            # keeps both years, each its figure's)
            prev_cmp_end = m.end()
            continue
        if _PRICE_BASE_AFTER.match(s, m.end()):
            continue     # '按2020年不变价格计算': the prices a growth is reckoned at, not a period
        pm = PeriodMention(m.start(), m.end(), m.group(0))
        if m.group("span"):
            if m.group("plan"):
                key = re.search(r"(十一|十二|十三|十四|十五|十|九|八)五", m.group("plan")).group(1)
                y0 = _PLANS[key]
                pm.span = (y0, y0 + 4)
            elif m.group("nyears") or m.group("nyears2"):
                n = _num(m.group("nyears") or m.group("nyears2"))
                if not n or n < 2:
                    continue
                pm.span = (-n, 0)
                pm.span_relative = True
            else:
                y1, y2 = int(m.group("y1")), int(m.group("y2"))
                if not y1 < y2 <= y1 + 20:
                    continue
                pm.span = (y1, y2)
            out.append(pm)
            continue
        if m.group("pyear"):
            pm.year = int(m.group("pyear"))
            out.append(pm)
            continue
        if m.group("planend"):
            key = re.search(r"(十一|十二|十三|十四|十五|十|九|八)五", m.group("planend")).group(1)
            pm.year = _PLANS[key] + 4
            out.append(pm)
            continue
        if m.group("y4"):
            pm.year = int(m.group("y4"))
        elif m.group("yy"):
            pm.year = 2000 + int(m.group("yy"))
        elif m.group("year"):
            y = m.group("year")
            pm.year = int(y) if y.isdigit() else int(y.translate(_CN_YEAR_DIGITS))
            if not 1949 < pm.year < 2100:
                continue
        elif m.group("rel"):
            # 比上年 / 与上年同期 / 较去年: a comparison base, not the period
            if not m.group("sub") and (re.search(r"(?:比|与|跟|较|和|同|于|超|低于|高于)$", s[max(0, m.start() - 2):m.start()])
                                       or s.startswith(("同期", "水平", "末", "底"), m.end())):
                continue
            pm.rel = _REL[m.group("rel")]
        sub = m.group("sub")
        if sub:
            if m.group("firstq"):
                pm.months = (1, 3)           # 首季: the first quarter
            elif m.group("q"):
                q = _num(m.group("q")) if not m.group("q").isdigit() else int(m.group("q"))
                pm.months = (1, 3) if q == 1 else (3 * q - 2, 3 * q)
                # a bare "三季度" in a county release is the cumulative figure to the quarter's end
                # (county accounts are cumulative: "三季度…增长3.6%，比上半年高1.5个百分点");
                # "第三季度" / "单季度" keep the quarter alone
                if q > 1 and not sub.startswith("第") and not re.search(r"(?:单|当|本)$", s[max(0, m.start() - 1):m.start()]):
                    pm.months = (1, 3 * q)
                elif q > 1 and _CUMULATIVE_AFTER.match(s, m.end()):
                    pm.months = (1, 3 * q)   # '第二季度GDP累计同比增长2.3%': to the quarter's end
            elif m.group("half"):
                pm.months = (1, 6) if m.group("half") == "上半年" else (7, 12)
            elif sub == "前三季度":
                pm.months = (1, 9)
            elif m.group("full"):
                w = m.group("full")
                if w == "全年" and pm.year is None and pm.rel is None and (
                        s.startswith(("任务", "目标", "计划", "预算"), m.end()) or s[max(0, m.start() - 1):m.start()] == "占"):
                    continue     # '占全年任务的97.9%': a share of the year's target, no period
                if w in ("年初以来", "以来"):
                    if w == "以来" and pm.year is None and pm.rel is None:
                        continue  # '以来' alone is no period
                    if pm.year is not None and _RUN_OF_YEARS.match(s, m.end()):
                        continue  # '增速自2005年以来连续8年快于全省': a run of years, no period of a figure
                    pm.ytd = True
                else:
                    pm.months = (1, 12)
                    pm.full_year_word = w == "全年"
            elif m.group("m1"):
                a = 1 if m.group("m1") == "元" else _num(m.group("m1"))   # 元至九月: 元月 is January
                b = _num(m.group("m2"))
                if not (a and b and 1 <= a <= b <= 12):
                    continue
                pm.months = (a, b)
            elif m.group("nm"):
                b = _num(m.group("nm"))
                if not b or not 1 <= b <= 12:
                    continue
                pm.months = (1, b)
            elif m.group("upto"):
                a = int(m.group("upto"))
                if not 1 <= a <= 12:
                    continue
                pm.months = (1, a)
            elif m.group("mon"):
                a = _num(m.group("mon"))
                if not a or not 1 <= a <= 12:
                    continue
                pm.months = (a, a)
                # "截至10月底": everything to date, the cumulative Jan..M of Chinese statistics
                if re.search(r"(?:截至|截止|截止到|截至到)\s*$", s[max(0, m.start() - 5):m.start()]):
                    pm.months = (1, a)
            pm.bare = pm.year is None and pm.rel is None
        elif pm.year is None and pm.rel is None:
            continue
        out.append(pm)
    if "五" in s:
        # '“十三五”开局之年，…' names its year in the sentence as well as in a title or opening
        for m in _PLAN_YEAR.finditer(s):
            y0 = _PLANS[m.group(1)]
            pm = PeriodMention(m.start(), m.end(), m.group(0), year=y0 if m.group(2) in _PLAN_FIRST else y0 + 4)
            if not any(o.start < pm.end and pm.start < o.end for o in out):
                out.append(pm)
        out.sort(key=lambda p: p.start)
    return out


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def ended(period_end: Optional[str], pub: Optional[tuple[int, int]]) -> Optional[bool]:
    """Had the period ended by the publish month? None when either is unknown."""
    if not period_end or not pub:
        return None
    return period_end < _ym(*pub)


def resolve(pm: PeriodMention, pub: Optional[tuple[int, int]], target: bool = False,
            context_year: Optional[int] = None) -> Optional[Period]:
    """A period mention -> concrete months, or None when it cannot be placed."""
    if pm.span:
        a, b = pm.span
        if pm.span_relative:
            if not pub:
                return None
            end_y = pub[0] if pub[1] >= 10 else pub[0] - 1
            return Period(_ym(end_y + a + 1, 1), _ym(end_y, 12), True, f"'{pm.text}' counted back from the publish date",
                          retrospective=True)
        return Period(_ym(a, 1), _ym(b, 12), True, f"multi-year span '{pm.text}'")
    year: Optional[int] = None
    reason = ""
    if pm.year is not None:
        year, reason = pm.year, f"explicit year in '{pm.text}'"
    elif pm.rel is not None:
        if not pub:
            return None
        year, reason = pub[0] + pm.rel, f"'{pm.text}' relative to the publish date"
    if pm.ytd:
        if year is None or not pub:
            return None
        if pm.year is None and year == pub[0] and pub[1] == 1:
            # '今年以来' in a report delivered in January was written about the year just ended (no
            # figure covers the first days of January)
            return Period(_ym(year - 1, 1), _ym(year - 1, 12), True,
                          f"'{pm.text}' in a January publication: the year just ended")
        end_m = 12 if year < pub[0] else max(1, pub[1] - 1)
        return Period(_ym(year, 1), _ym(year, end_m), True, f"'{pm.text}' up to the month before publication")
    m1, m2 = pm.months or (1, 12)
    if year is not None:
        return Period(_ym(year, m1), _ym(year, m2), False, reason)
    # a bare sub-period
    if context_year is not None:
        return Period(_ym(context_year, m1), _ym(context_year, m2), False, f"'{pm.text}' under a {context_year} context")
    if not pub:
        return None
    py, pmo = pub
    if pm.full_year_word and (m1, m2) == (1, 12) and pmo == 12:
        return Period(_ym(py, 1), _ym(py, 12), False, f"'{pm.text}' in a December report: the year about to end")
    if target:
        # a target (or an estimate) speaks of the publish year's period
        return Period(_ym(py, m1), _ym(py, m2), False, f"'{pm.text}' in a target: the publish year's")
    y = py if m2 < pmo else py - 1
    return Period(_ym(y, m1), _ym(y, m2), False, f"'{pm.text}': the latest such period ended by the publish date")


def year_only(year: int, reason: str) -> Period:
    return Period(_ym(year, 1), _ym(year, 12), False, reason)
