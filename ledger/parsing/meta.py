"""Metadata found in lines of text: dates, outlets, bylines, photo credits, editors.

All patterns are compiled once. Each function takes one cleaned line (or paragraph).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Optional

from ledger.periods import EVENT_BEFORE_DATE

HAN = r"\u4e00-\u9fff"
NAME = rf"[{HAN}]{{2,4}}(?:[·•][{HAN}]{{1,6}})?"
ROLES = r"(?:本报|本台|本网)?(?:首席|特约|见习|实习|全媒体|融媒)?(?:记者|通讯员|摄影记者|摄影|实习生|撰稿)"
# outlet names end like this (河北日报, 河北新闻网, 廊坊信息港, 新华社, 邢台广播电视台 ...)
OUTLET = rf"[{HAN}]{{1,10}}?(?:日报|晚报|早报|商报|时报|报社|报|新闻网|信息港|网|电视台|广播电视台|融媒体中心|新闻社|通讯社|社)"

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*T?\s*(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{2})(?:\s*[:：分]\s*(?P<S>\d{2}))?)?"
    r"(?:\s*(?P<tz>Z|[+-]\d{2}:?\d{2}))?")
_URL = re.compile(r"(?:https?://|www\.)[\w./:%?=&#-]+")
_OUTLET_ONLY = re.compile(OUTLET)
_META_WORDS = re.compile(r"来源|来自|发布|更新|时间|日期|作者|编辑|字号|浏览|点击|阅读|责任|稿源|打印|星期[一二三四五六日天]|第\s*\d+\s*版")
_SOURCE = re.compile(r"(?:文章来源|新闻来源|信息来源|稿件来源|稿源|来源|来自)\s*[:：]\s*(?P<src>[^\s:：|()（）]{2,30})")
_EDITOR = re.compile(r"^[【\[(（]?(?:责任编辑|责编|编辑|审核|审校|校对|监制|值班编辑|终审|初审|复审|编审|签发|美编)\s*[:：]")
_SOURCE_ONLY = re.compile(r"^[（(【\[]?\s*(?:(?:文章来源|新闻来源|信息来源|稿件来源|稿源|来源|转自|来自)\s*[:：]\s*[^。，,]{1,40}?"
                          r"|(?:数据来源|资料来源)\s*[:：]\s*[^。]{1,40}?)[)）】\]]?$")   # ('数据来源:A统计局,B整理')
_LEAD = re.compile(
    rf"^(?:(?P<outlet>本报|本台|本网|{OUTLET})(?:[{HAN}]{{0,8}}\d{{1,2}}月\d{{1,2}}日)?讯"
    rf"|(?P<agency>新华社|中新社|中新网|人民网|央视网)[{HAN}]{{0,8}}(?:\d{{1,2}}月)?\d{{1,2}}日电)"
    r"\s*(?:[（(](?P<by>[^）)]{1,80})[）)])?")
_TRAIL_BYLINE = re.compile(rf"[（(](?P<by>(?:{ROLES}|文[/／]|作者[:：])[^（）()]{{1,80}})[）)]\s*$")
_AUTHOR_ROLE = re.compile(r"^[（(]\s*作者(?:为|系|是|单位[:：]?)\s*(?P<role>[^）)]{2,60})[）)]$")
_AUTHOR_LINE = re.compile(rf"^(?:作者|文|撰文|文[/／]图)\s*[:：/／]\s*(?P<names>{NAME}(?:[、，,\s]+{NAME})*)$")
_BYLINE_LINE = re.compile(
    rf"^(?P<outlet>{OUTLET})?\s*(?P<by>{ROLES}\s*{NAME}(?:\s*[、，,\s]\s*(?:{ROLES})?\s*{NAME})*)$")
_CREDIT_ONLY = re.compile(
    rf"^[（(]?(?P<outlet>{OUTLET})?\s*(?:{ROLES})?\s*(?P<names>{NAME}(?:\s*[、，,\s]\s*(?:{ROLES})?\s*{NAME})*)\s*摄(?:影)?\s*[)）]?$")
_CAPTION = re.compile(
    rf"(?:^|[\s（(。]|均由|由|记者|通讯员|摄影)(?P<names>{NAME}(?:\s*[、，,]\s*{NAME})*)\s*(?:摄|摄影|/摄)\s*[)）]?$")
_ROLE_SPLIT = re.compile(ROLES)
_NAME_SPLIT = re.compile(r"[、，,\s]+")
_NAME_TOKEN = re.compile(rf"^{NAME}$")
# words that look like names in a byline but are not
_NOT_NAMES = frozenset("报道 摄影 通讯员 记者 本报 图片 图文 文字 视频 编辑 实习生 报道组 供图 提供".split())
TZ_SHANGHAI = "+08:00"


@dataclass
class DateHit:
    iso: str
    reason: str


def find_date(line: str) -> Optional[DateHit]:
    m = _DATE.search(line)
    if not m:
        return None
    return _iso(m, f"date line {m.group(0).strip()!r}")


def parse_date_value(value: str, reason: str) -> Optional[DateHit]:
    m = _DATE.search(value or "")
    return _iso(m, reason) if m else None


def invalid_date(value: str) -> Optional[str]:
    """The date-like text in ``value`` when it names no real day (2022-13-45, 2023-02-30), else None."""
    m = _DATE.search(value or "")
    return m.group(0).strip() if m and _iso(m, "") is None else None


def _iso(m: re.Match, reason: str) -> Optional[DateHit]:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    try:
        datetime(y, mo, d)
    except ValueError:
        return None
    if m["H"] is None:
        return DateHit(f"{y:04d}-{mo:02d}-{d:02d}", reason + " (date only)")
    H, M, S = int(m["H"]), int(m["M"]), int(m["S"] or 0)
    if H > 23 or M > 59 or S > 59:
        return DateHit(f"{y:04d}-{mo:02d}-{d:02d}", reason + " (date only; the time is invalid)")
    tz = m["tz"]
    if tz is None:
        tz, reason = TZ_SHANGHAI, reason + "; no time zone given, China Standard Time assumed"
    elif tz == "Z":
        tz = "+00:00"
    elif ":" not in tz:
        tz = tz[:3] + ":" + tz[3:]
    return DateHit(f"{y:04d}-{mo:02d}-{d:02d}T{H:02d}:{M:02d}:{S:02d}{tz}", reason)


# a news dateline of month and day ('东南网5月10日讯', '中新网7月17日电')
_DAY_DATELINE = re.compile(r"(\d{1,2})月(\d{1,2})日(?:讯|电|消息)")


def dateline_day_year(lead: str, lines: list[str]) -> Optional[DateHit]:
    """The date of a page whose lead's dateline gives month and day only, when a line of the page (its own
    list of news, kept or dropped from the text: '…吸金逾300亿2021-05-10') dates that same day with its
    year, one year only; else None."""
    m = _DAY_DATELINE.search(lead[:80])
    if m is None:
        return None
    month, day = int(m.group(1)), int(m.group(2))
    years = {int(d["y"]) for line in lines for d in _DATE.finditer(line) if (int(d["m"]), int(d["d"])) == (month, day)}
    if len(years) != 1:
        return None
    year = years.pop()
    try:
        datetime(year, month, day)
    except ValueError:
        return None
    return DateHit(f"{year:04d}-{month:02d}-{day:02d}",
                   f"dateline {m.group(0)!r} with the year of the same day dated in the page ({year}) (date only)")


_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0, "O": 0, "0": 0}
_CN_DATE = re.compile(r"(?P<y>[〇零○Ｏ一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,3})月(?P<d>[一二三四五六七八九十]{1,3})日")
# a report's own dateline: '——2022年1月27日在涉县第十七届人民代表大会第一次会议上',
# '（二〇二三年一月十日在…会议上）'; the date the report was delivered
_REPORT_DATELINE = re.compile(
    r"^[—－\-–\s]*[（(]?\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零○Ｏ一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)"
    r"\s*在[^。；;]{2,60}?(?:会议|大会|全会|常委会|年会|论坛|座谈会|报告会)上(?:的(?:讲话|报告|发言))?\s*[)）]?$")


def _cn_number(s: str) -> int:
    if "十" not in s:
        return int("".join(str(_CN_DIGIT[c]) for c in s))
    tens, _, ones = s.partition("十")
    return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)


def report_dateline(line: str) -> Optional[DateHit]:
    """The date of a report's own dateline line ('——2022年1月27日在…人民代表大会第一次会议上'),
    as a date only; None for any other line."""
    m = _REPORT_DATELINE.match(line.strip())
    if not m:
        return None
    raw = m["date"]
    cn = _CN_DATE.fullmatch(raw)
    if cn:
        y, mo, d = (_cn_number(cn[k]) for k in ("y", "m", "d"))
        raw_iso = f"{y:04d}年{mo}月{d}日"
    else:
        raw_iso = raw
    hit = parse_date_value(raw_iso, f"the report's dateline {m.group(0).strip(' —－-–')!r}: the date it was delivered")
    return hit


def is_meta_line(line: str) -> bool:
    """A dateline such as '2017-10-12 09:17:23 来源:河北新闻网' or '更新时间:2023-06-06 来源:… 字号:T|T'."""
    date = _DATE.search(line) if len(line) <= 90 else None
    if date is None:
        return False
    if EVENT_BEFORE_DATE.search(line, 0, date.start()):
        return False     # '设立1999年12月5日' in an encyclopedia's infobox: when the place was set up, not the page's date
    rest = _DATE.sub("", line)
    if _META_WORDS.search(line):
        return True
    if "\u4e00" <= line[date.end():date.end() + 1] <= "\u9fff":
        return False     # '1949年8月16日解…' (a page cut off in its history): a sentence runs on from the date
    if len(rest.strip(" :：|-")) <= 4:
        return True
    # 'http://www.hebei.com.cn 2013-09-11 08:53 长城网': the site's address and its name around the date
    rest = _URL.sub("", rest).strip(" :：|-")
    fields = [f.strip() for f in re.split(r"[·•|｜]", rest)]
    if len(fields) >= 3 and all(len(f) <= 8 for f in fields) and sum(1 for f in fields if f) >= 2:
        return True      # '四川日报 · 公众号 · 四川 · 2017-04-26 10:23': short fields of a feed's header around the date
    return len(rest) <= 4 or _OUTLET_ONLY.fullmatch(rest) is not None


_DATELINE_AUTHOR = re.compile(rf"(?:作者|记者|撰稿|文)\s*[:：/／]\s*(?P<names>{NAME}(?:\s*[、，,]\s*{NAME})*)")


def dateline_authors(line: str) -> list[str]:
    """'发布时间：… 来源：… 作者：宋丽敏 浏览次数：…' -> [宋丽敏]."""
    m = _DATELINE_AUTHOR.search(line)
    return names_in(m["names"]) if m else []


_MASTHEAD = re.compile(rf"^(?P<outlet>{OUTLET})\s+(?:19|20)\d{{2}}")


def source_of(line: str) -> Optional[str]:
    """'… 来源:河北新闻网' -> 河北新闻网; an e-paper dateline '河北日报 2022年07月01日 …' -> 河北日报."""
    m = _SOURCE.search(line)
    if m and not _META_WORDS.match(m["src"]):      # '来源:浏览量:字体:' names no source
        return m["src"]
    m = _MASTHEAD.match(line)
    return m["outlet"] if m else None


def is_source_only(line: str) -> bool:
    return bool(_SOURCE_ONLY.match(line))


def is_editor_line(line: str) -> bool:
    return bool(_EDITOR.match(line))


def names_in(by: str) -> list[str]:
    """Names in a byline fragment: '记者马路 通讯员信志锋、张洪静、赵栋' -> [马路, 信志锋, 张洪静, 赵栋]."""
    out = []
    for part in _ROLE_SPLIT.split(by):
        for tok in _NAME_SPLIT.split(part):
            tok = tok.strip("：:/／ ")
            if tok.endswith("报道"):
                tok = tok[:-2]
            if _NAME_TOKEN.match(tok) and tok not in _NOT_NAMES and not re.search(OUTLET + "$", tok):
                out.append(tok)
    return out


@dataclass
class Lead:
    outlet: Optional[str]
    authors: list[str] = field(default_factory=list)


def lead_of(par: str) -> Optional[Lead]:
    """'河北日报讯(记者陈凤来、马路)近日…' -> outlet 河北日报, authors [陈凤来, 马路]."""
    m = _LEAD.match(par)
    if not m:
        return None
    outlet = m["outlet"] or m["agency"]
    if outlet in ("本报", "本台", "本网"):
        outlet = None
    return Lead(outlet, names_in(m["by"]) if m["by"] else [])


def trailing_byline(par: str) -> Optional[tuple[str, list[str]]]:
    """A byline in brackets closing a paragraph: '…新跨越!(记者马路 通讯员信志锋)' ->
    (the paragraph without it, the names)."""
    m = _TRAIL_BYLINE.search(par)
    if not m:
        return None
    names = names_in(m["by"])
    return (par[:m.start()].rstrip(), names) if names else None


def author_role(par: str) -> Optional[str]:
    """'(作者为清河县委书记)' -> '清河县委书记'."""
    m = _AUTHOR_ROLE.match(par)
    return m["role"].strip() if m else None


def byline_line(line: str) -> Optional[tuple[Optional[str], list[str]]]:
    """A line that is only a byline: '河北日报记者 单厚军 王永晨', '作者：张三', '(记者高志强)'."""
    if line[:1] in "(（" and line[-1:] in ")）":
        line = line[1:-1].strip()
    m = _BYLINE_LINE.match(line)
    if m:
        names = names_in(m["by"])
        return (m["outlet"], names) if names else None
    m = _AUTHOR_LINE.match(line)
    if m:
        names = names_in(m["names"])
        return (None, names) if names else None
    return None


def credit_only(line: str) -> Optional[tuple[Optional[str], list[str]]]:
    """A line that is only a photo credit: '河北日报通讯员 苑立伟摄'."""
    m = _CREDIT_ONLY.match(line)
    if not m:
        return None
    names = names_in(m["names"])
    return (m["outlet"], names) if names else None


def caption_credit(line: str) -> Optional[list[str]]:
    """A photo caption with its credit: '永清县武隆路鸟瞰图  厉文中 摄' -> [厉文中]."""
    if len(line) > 120 or not re.search(r"摄影?\s*[)）]?$", line):
        return None
    m = _CAPTION.search(line)
    return names_in(m["names"]) if m else []


def outlet_of_byline(prefix: Optional[str]) -> Optional[str]:
    if not prefix or prefix in ("本报", "本台", "本网"):
        return None
    return prefix
