"""Lines of a page -> typed blocks, with page furniture removed and page metadata noted.

Dropped: breadcrumbs, share widgets, "进入移动版", font-size switches, footers, editor lines,
navigation links, photo captions (their photographers are kept as authors). Noted: the
dateline (date + outlet), "来源" lines. Kept, typed: headline-like lines (``head``), body
paragraphs (``body``), photo credits standing alone (``credit``), bylines (``byline``) and
"(作者为…)" lines (``role``): the segmenter needs them in place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ledger.parsing import meta
from ledger.parsing.html import CELL
from ledger.parsing.normalize import clean_line, strip_pinyin, to_simplified

_BOILER = re.compile(
    r"^(?:当前位置|您的位置|您现在的位置|所在位置|现在位置|所属地区|所属区域|所属栏目|所属分类)\s*[:：]"
    r"|进入移动版|切换到?手机版|^手机版|^移动版|字号\s*[:：]|^【?\s*字[体号]\s*[:：]?\s*[大中小]"
    r"|^分享到?(?:\s|[:：]|\d|$)|^(?:打印|关闭|关闭窗口|返回顶部|回到顶部|收藏|点赞|我要评论|纠错|举报|打印本页|关闭本页)$"
    r"|网站首页.{0,10}(?:回到顶部|我要评论|分享)|^更多精彩内容|^(?:扫一扫|扫描二维码|长按识别|微信扫一扫)"
    r"|^(?:上一篇|下一篇|相关新闻|相关阅读|相关链接|推荐阅读|延伸阅读|热点推荐|热门推荐)\s*[:：]?"
    r"|版权所有|^Copyright|^©|ICP备|公网安备|^【(?:打印|关闭|收藏|纠错)[^】]{0,4}】"
    r"|^第\s*[\d一二三四五六七八九十]+\s*版(?:\s*[:：]?\s*\S{1,12})?$"   # e-paper page label '第06版:县域经济'
    r"|^(?:主办单位|主办|承办单位|协办单位|技术支持|联系电话|联系我们|联系方式|通讯地址|网站地图|网站标识码|备案号)\s*[:：]"
    r"|^(?:官方微信|客户端|电子报|官方微博|微信公众号)$|^[（(【\[]\s*(?:完|全文完|END)\s*[)）】\]]$"
    r"|^\[[^\]]{0,40}\]\([^)]*\)(?:\s*[|｜]\s*\[[^\]]{0,40}\]\([^)]*\))*$"  # markdown navigation links
    r"|^<https?://[^>\s]+>$"                                                  # a bare URL line
    # a reading-time stamp ('共 11880字,需浏览 24分钟', '全文约3200字 阅读约8分钟', '阅读时间：5分钟')
    r"|^(?:共|全文|本文)\s*约?\s*[\d,]+\s*字(?:\s*[,，、|｜·]?\s*(?:需|预计)?(?:浏览|阅读)(?:约|需|时间|时长)?\s*[:：]?\s*约?\s*[\d.]+\s*分钟)?$"
    r"|^(?:预计)?阅读(?:时间|时长)?\s*[:：]?\s*约?\s*[\d.]+\s*分钟$")
# a 'related stories' header alone on its line: the headline links under it are another
# article's titles (they name other counties), not this article's text
_RELATED = re.compile(r"^[【\[]?(?:相关新闻|相关阅读|相关链接|相关文章|相关稿件|推荐阅读|延伸阅读|热点推荐|热门推荐|猜你喜欢|更多阅读|往期回顾)"
                      r"[】\]]?\s*[:：]?$")
_BREADCRUMB = re.compile(r">>|»|›|\s>\s|^>\s|\s>$")
# (its target an address: '[2](GDP)' is a footnote mark and an aside, whose 2 is no part of the figure after it)
_MD_LINK = re.compile(r"\[([^\]]{0,200})\]\((?:(?:https?:|/|#|\.|www\.|mailto:)[^)]{0,400}|[^)\s]{0,400}?[./][^)\s]{0,400})\)")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_URL_LINE = re.compile(r"^<(https?://[^>\s]+)>$")
_URL_LINE_M = re.compile(r"^[ \t]*<(https?://[^>\s]+)>[ \t]*$", re.M)
_ENDS_CLAUSE = re.compile(r"[，,、；;：:]$")
_TERMINAL = re.compile(r"[。！？!?…]$|[。！？!?…][”’\"」』)）】]$")
_HAN2 = re.compile(r"[\u4e00-\u9fff].*[\u4e00-\u9fff]")
_ONLY_PUNCT = re.compile(r"^[\W_]+$")


@dataclass
class Block:
    text: str
    kind: str                      # head | body | cell (a table cell) | credit | byline | role
    names: list[str] = field(default_factory=list)
    outlet: Optional[str] = None
    probe: str = ""                # the text patterns are matched on (Simplified copy of a Traditional line)

    def __post_init__(self) -> None:
        self.probe = self.probe or self.text


@dataclass
class PageInfo:
    date: Optional[meta.DateHit] = None
    dateline_at: Optional[int] = None     # index in the block list of the first dateline
    date_with_source: bool = False        # that dateline also named a source (来源)
    outlet: Optional[str] = None          # from a dateline or a 来源 line
    url: Optional[str] = None
    photo_authors: list[str] = field(default_factory=list)
    dateline_authors: list[str] = field(default_factory=list)   # '作者：…' on the dateline


_SECTION = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十\d]{1,3}(?:章|节|部分|篇)"
                      r"|\d{1,2}[.．、](?!\d))\s*\S")


def is_section_heading(line: str) -> bool:
    """A numbered content heading ('一、2021年政府工作回顾', '（二）…', '第三部分…', '1.…'):
    part of the text, never a title, kicker or subtitle."""
    return bool(_SECTION.match(line))


# a table flattened into lines: "1 唐山 4837.7 5108.2 -5.30%", "金水区 3548.97", "1 | 渝北区 | 1848.24 |",
# and its header "排名 城市 2018 2017 增速" / "排名 | 地区 | 生产总值(亿元) |": data, never a headline
# ('长沙县 1 97,599 15,759 3.98 …': a number may carry thousands separators; '1 长沙市 3712.38亿元': or its unit)
_TABLE_ROW = re.compile(r"^[|｜\s]*(?:\d{1,3}[\s|｜.、]+)?[\u4e00-\u9fa5]{2,12}"
                        r"(?:[\s|｜]+[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[%％]|亿元|万元)?)+[\s|｜]*$")
_TABLE_HEADER_WORD = re.compile(r"^(?:排名|排序|序号|名次|位次|地区|城市|地市|县市区|县区|区县|市县|名称|单位|"
                                r"(?:19|20)\d{2}年?|增速|增长|增幅|增量|同比|总量|绝对值|绝对数|.{0,8}[（(](?:亿元|万元|元|%|％)[）)])$")


_TABLE_HEADER_CELL = re.compile(r"排名|名次|位次|序号|序號|排序|名称|名稱|地区|地區|城市|县|縣|区|區|增速|增长|增長|总量|總量|"
                                r"亿元|億元|万元|萬元|%|％|分数|分數|得分|省份|^(?:19|20)\d{2}年?$")


_CELL_SEP = re.compile(r"[\s|｜]")


def is_table_line(line: str) -> bool:
    """A row or the header of a table flattened into lines (space- or bar-separated cells)."""
    if not _CELL_SEP.search(line):
        return False      # one cell at most: no row, no header (most lines of prose end here)
    if _TABLE_ROW.match(line):
        return True
    cells = [c for c in re.split(r"[\s|｜]+", line.strip()) if c]
    nums = sum(bool(re.fullmatch(r"[-+]?\d+(?:\.\d+)?[%％]?", c)) for c in cells)
    if 2 <= len(cells) <= 10 and nums >= 1 and all(len(c) <= 12 for c in cells) and \
            (("|" in line or "｜" in line) or nums >= 2) and any(_HAN2.search(c) for c in cells):
        return True   # '1 | 7 | 慈溪市 |', '1 昆山市 江苏省 98.44': cells, the name anywhere
    if len(cells) < 3 or any(len(c) > 10 for c in cells):
        return False
    return sum(bool(_TABLE_HEADER_WORD.match(c)) for c in cells) >= 2 or (
        "|" in line or "｜" in line) and sum(bool(_TABLE_HEADER_CELL.search(c)) for c in cells) >= 2


def is_head(line: str) -> bool:
    """Headline-like: short, no full stop inside, not ending mid-sentence."""
    if len(line) > 40 or "。" in line or not _HAN2.search(line):
        return False
    if is_table_line(line):
        return False
    if _ENDS_CLAUSE.search(line) or line.endswith(("。", "…")):
        return False
    if line[-1] in "！？!?" and re.search(r"[，,]", line):
        return False
    return True


def _caption_like(line: str) -> bool:
    return len(line) <= 30 and line.endswith("。") and not re.search(r"[，,、；;]", line[:-1])


def _footer_start(lines: list[str]) -> int:
    """Index where the page footer begins: the last editor line when only short lines follow it."""
    for i in range(len(lines) - 1, max(-1, len(lines) - 25), -1):
        if meta.is_editor_line(lines[i]):
            tail = lines[i + 1:]
            if all(len(t) <= 30 and "。" not in t for t in tail):
                return i
            break
    return len(lines)


def take_url_lines(text: str, info: PageInfo) -> str:
    """Remove bare '<http://…>' lines (markdown autolinks) from ``text``; the first is the page URL."""
    def grab(m: re.Match) -> str:
        info.url = info.url or m.group(1)
        return ""
    return _URL_LINE_M.sub(grab, text)


def prepare_lines(raw_lines: list[str], info: PageInfo) -> list[str]:
    """Clean lines; markdown links become their text; a bare <URL> line becomes the page URL."""
    out = []
    for raw in raw_lines:
        line = strip_pinyin(clean_line(raw))  # mirror pages put pinyin everywhere, bylines and datelines too
        if raw.startswith(CELL):  # a table cell: kept as it is, even '%', '-' or empty
            out.append(CELL + line.lstrip(CELL).strip())
            continue
        if not line:
            continue
        m = _URL_LINE.match(line)
        if m:
            info.url = info.url or m.group(1)
            continue
        if "](" in line and not _BOILER.search(line):
            line = _MD_LINK.sub(r"\1", line).strip()
        line = _MD_HEADING.sub("", line)
        if _FLAT_PIPE_TABLE.search(line):
            # '| 排名 | 区县 | GDP | |---|---|---| | 1 | A县 | 312.5 | | 2 | …': a markdown table whose line
            # breaks a page lost, one row again per line
            rows = [r.strip() for r in _PIPE_ROW_JOIN.split(line)]
            out.extend(r for r in rows[:-1])
            line = rows[-1]
        if _SPACED_OUT.match(line):
            line = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", line)   # '三 河 市' -> '三河市'
        if line and _LONE_STOP.fullmatch(line) and out and not out[-1].startswith(CELL):
            out[-1] += line.strip()    # '…增长9.3%' / '。': a stray line break before a full stop; it ends the line above
        elif line and not _ONLY_PUNCT.match(line):
            out.append(line)
    return unwrap_fixed_width(out)


def _display_width(line: str) -> int:
    return sum(1 if ord(ch) < 0x2000 else 2 for ch in line)


# a printed page's number between its lines ('- 2 -', '—3—')
_PAGE_NUMBER = re.compile(r"^[-—–－]\s*\d{1,3}\s*[-—–－]$")
_LINE_OPENER = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+(?:[、．]|\.(?!\d))|——|[●■◆▲★☆○◎□•·▶►])")
_MIN_WRAP_WIDTH = 44     # display columns (22 Chinese characters): a headline list or a table is narrower


def unwrap_fixed_width(lines: list[str]) -> list[str]:
    """A text copied from a printed document (a work report's PDF) with its line breaks: every line of a
    paragraph filled to the same width and broken mid-word ('…居民人均可支配' / '收入 26391 元…'). When at least
    six lines of prose fill the page's width, a line that fills it (within three columns) and does not end a
    sentence runs on into the next line, and the page numbers between its lines ('- 2 -') are dropped."""
    # (a filled line is 22-120 columns wide, so 21-120 characters long: most pages, their paragraphs one long
    # line each, have too few such lines and are left before any width is measured)
    if sum(1 for ln in lines if 21 <= len(ln) <= 120 and not _TERMINAL.search(ln)) < 6:
        return lines
    widths = [_display_width(ln) if not ln.startswith(CELL) and not is_table_line(ln) else 0 for ln in lines]
    counts: dict[int, int] = {}
    for w in widths:
        if w >= _MIN_WRAP_WIDTH:
            counts[w] = counts.get(w, 0) + 1
    if not counts:
        return lines
    width = max(counts, key=lambda w: sum(counts.get(x, 0) for x in range(w - 3, w + 1)))

    def fills(k: int) -> bool:
        return width - 3 <= widths[k] <= width and not _TERMINAL.search(lines[k]) and not lines[k].endswith(("：", ":"))

    filled = sum(1 for k in range(len(lines)) if fills(k))
    prose = sum(1 for w in widths if w >= 20)
    longest = run = 0
    for k in range(len(lines)):
        run = run + 1 if fills(k) else 0
        longest = max(longest, run)
    if filled < 6 or filled < 0.4 * prose or longest < 4 or width > 120:
        return lines
    out: list[str] = []
    run_on = False
    for k, ln in enumerate(lines):
        if _PAGE_NUMBER.match(ln.strip()):
            continue
        if run_on and k > 1 and widths[k] and not _LINE_OPENER.match(ln):   # (never into the title line)
            prev = out[-1]
            sep = " " if prev[-1:].isascii() and prev[-1:].isalnum() and ln[:1].isascii() and ln[:1].isalnum() else ""
            out[-1] = prev + sep + ln
        else:
            out.append(ln)
        run_on = fills(k) and not ln.startswith("——")   # (a report's dateline under its title stands alone)
    return out


_LONE_STOP = re.compile(r"\s*[。！？；]\s*")
# a markdown table run together on one line: its separator row between two rows, '| |' between every two
_FLAT_PIPE_TABLE = re.compile(r"\|\s+\|\s*:?-{3,}:?\s*\|")
_PIPE_ROW_JOIN = re.compile(r"(?<=\|)\s+(?=\|)")


# a short line of single characters spaced out for display ('三 河 市', '衡 水 市  统  计 局')
_SPACED_OUT = re.compile(r"^[\u4e00-\u9fff](?:\s+[\u4e00-\u9fff]){2,11}\s*$")


def classify(lines: list[str], info: PageInfo, traditional: bool = False) -> list[Block]:
    """Type each line. On a Traditional page the patterns see a Simplified copy of the line."""
    probes = [to_simplified(x) for x in lines] if traditional else lines
    cut = _footer_start(probes)
    blocks: list[Block] = []
    related = False
    for original, line in zip(lines[:cut], probes[:cut]):
        if related:
            if is_head(line) and not meta.is_meta_line(line):
                continue          # a headline link under 相关新闻
            related = False
        if _RELATED.match(line):
            related = True
            continue
        if line.startswith(CELL):
            blocks.append(Block(original, "cell", probe=line))
            continue
        if len(line) <= 120 and _BOILER.search(line) and not meta.is_meta_line(line):
            continue
        if len(line) <= 80 and _BREADCRUMB.search(line) and "。" not in line:
            continue
        if meta.is_meta_line(line):
            src = meta.source_of(line)
            if info.date is None or (src and not info.date_with_source and len(blocks) <= 20):
                # the article's own dateline ('时间:2023年11月09日来源:沈阳市统计局') wins over a date
                # the page printed without a source above it (a site header's clock: '2021-8-11 星期三')
                found = meta.find_date(line)
                if found is not None or info.date is None:
                    info.date = found
                    info.dateline_at = len(blocks)
                    info.date_with_source = bool(src)
            if src and info.outlet is None:
                info.outlet = src
            info.dateline_authors.extend(meta.dateline_authors(line))
            continue
        if meta.is_source_only(line):
            src = meta.source_of(line)
            if src and info.outlet is None:
                info.outlet = src
            continue
        if meta.is_editor_line(line):
            continue
        credit = meta.credit_only(line)
        if credit is not None:
            blocks.append(Block(original, "credit", credit[1], meta.outlet_of_byline(credit[0]), line))
            continue
        photographers = meta.caption_credit(line)
        if photographers is not None:
            info.photo_authors.extend(photographers)
            if blocks and blocks[-1].kind == "body" and _caption_like(blocks[-1].probe):
                blocks.pop()  # the caption of the same photo, on the line before
            continue
        role = meta.author_role(line)
        if role is not None:
            blocks.append(Block(original, "role", [role], None, line))
            continue
        byline = meta.byline_line(line)
        if byline is not None:
            # '(记者高志强)' in brackets closes the text above it; a bare byline line sits under a headline
            kind = "role" if line[:1] in "(（" else "byline"
            blocks.append(Block(original, kind, byline[1], meta.outlet_of_byline(byline[0]), line))
            continue
        blocks.append(Block(original, "head" if is_head(line) else "body", probe=line))
    return blocks


def _joinable_end(par: str) -> bool:
    """A paragraph that stops mid-sentence (a line break inside a paragraph)."""
    if _TERMINAL.search(par) or par.endswith(("：", ":")):
        return False
    if par[:1] in "●■◆▲★☆○◎□•·▶►" or re.match(r"^[一二三四五六七八九十]+、|^\d+(?:、|\.(?!\d))", par):
        return False
    if _ENDS_CLAUSE.search(par) or len(par) >= 30:
        return True
    # a short line with a full-width comma and no "X:" heading prefix is a broken sentence
    return bool(re.search(r"[，,]", par)) and not re.search(r"^.{1,8}[:：]", par)


def _joinable_start(par: str) -> bool:
    if par[:1] in "●■◆▲★☆○◎□•·▶►“\"【[（(" or re.match(r"^[一二三四五六七八九十]+、|^\d+(?:、|\.(?!\d))", par):
        return False
    return not is_head(par) or len(par) >= 10 and par[-1] in "。！？!?"


def _joinable_head(par: str) -> bool:
    """A headline-like line is a broken sentence only when it holds a full-width comma
    and no 'X:' heading prefix or list marker ('为助力企业纾困渡难关，衡水市出台了稳住经')."""
    return (bool(re.search(r"[，,]", par)) and not re.search(r"^.{1,8}[:：]", par) and par[:1] not in "●■◆▲★☆○◎□•·▶►"
            and not re.match(r"^[一二三四五六七八九十]+、|^\d+(?:、|\.(?!\d))", par))


def rejoin(pars: list[str]) -> list[str]:
    """Rejoin paragraphs split mid-sentence: '…的精准' + '定位，…' -> one paragraph."""
    out: list[str] = []
    for p in pars:
        if out and not p.startswith(CELL) and not out[-1].startswith(CELL) \
                and not is_table_line(p) and not is_table_line(out[-1]) and ((len(out[-1]) >= 30 or _joinable_head(out[-1])) if is_head(out[-1]) else _joinable_end(out[-1])) \
                and _joinable_start(p) and not meta.lead_of(p):
            prev = out[-1]
            sep = " " if prev[-1:].isascii() and prev[-1:].isalnum() and p[:1].isascii() and p[:1].isalnum() else ""
            out[-1] = prev + sep + p
        else:
            out.append(p)
    return out
