"""Cut a page of typed blocks into articles, and read each article's headline block.

A newspaper page holds several articles and no dateline. An article starts at

* a lead paragraph ``XX日报讯(记者…)`` / ``本报讯`` / ``新华社…电``, together with the run of
  headline lines right above it (column label, kicker, title, subtitle);
* a photo-news item: a headline, one to three short paragraphs and a lone credit line
  (``河北日报通讯员 苑立伟摄``);
* an interview: the first ``记者：`` question after ordinary paragraphs.

A run of headline lines after the last paragraph of the page is the headline block of the
last article when that one had none (interviews print title, byline and ``访…`` after the body).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Optional

from ledger.parsing import meta
from ledger.parsing.plaintext import Block, is_section_heading

_QA = re.compile(r"^(?:本报记者|记者|问|主持人)\s*[:：]")
_ANSWER = re.compile(r"^[\u4e00-\u9fff]{2,4}\s*[:：]")
_COLON_TITLE = re.compile(r"^[\u4e00-\u9fff]{2,8}\s*[:：]")
# ('——在…会议上', '访…', and the occasion without its dash: '在石渠县第十四届人民代表大会第一次会议上')
_SUBTITLE = re.compile(r"^(?:——|—|－－|--)|^访[\u4e00-\u9fff]|^在[^，。,]{2,40}?(?:会议|大会)上$")
# a speaker line under a report's title ('县人民政府县长 刘泽', '市长 高世文'): no title
_SPEAKER = re.compile(r"^[\u4e00-\u9fff]{0,16}?(?:人民政府)?(?:副|代理)?(?:县长|市长|区长|州长|旗长|盟长|省长|主席|主任)\s*[\u4e00-\u9fff]{2,4}$")


def is_speaker(line: str) -> bool:
    return _SPEAKER.match(line.strip()) is not None


def is_subtitle(line: str) -> bool:
    """A line a headline block reads as a subtitle ('——在…会议上', '访…')."""
    return _SUBTITLE.search(line) is not None


_SITE_WELCOME = re.compile(r"^(?P<site>[\u4e00-\u9fff]{2,24}?(?:网站|网))\s*(?:欢迎您|欢迎你|欢迎)")
_LABEL_PART = re.compile(r"^[\u4e00-\u9fff]{1,4}$")


@dataclass
class Headline:
    title: Optional[str] = None
    subtitle: Optional[str] = None
    kicker: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    outlet: Optional[str] = None
    rest: list[str] = field(default_factory=list)   # lines of the block after the subtitle: text, kept


@dataclass
class Segment:
    head: list[Block]
    body: list[Block]


_UNIT_ONLY = re.compile(r"^[（(](?:万元|亿元|元|万人|人|平方公里|公顷|万吨|吨|%|％)[）)]$")


def is_label(line: str) -> bool:
    """A column label: '高端访谈', '抓落实 见行动' (every part at most four characters)."""
    parts = line.split()
    if len(parts) == 1 and re.fullmatch(r"[\u4e00-\u9fff]{1,3}[县市区旗州盟省]", line):
        return False    # '平原县' alone over a yearbook entry names the place: a title, not a column
    return all(_LABEL_PART.match(p) for p in parts) and (len(parts) > 1 or len(line) <= 4)


def similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    if max(len(a), len(b)) > 80:  # headlines are short; never run the quadratic matcher on a paragraph
        return False
    if a in b or b in a:
        return True
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.75


# an issuing organ on a line of its own under a report's title ('国家统计局尤溪调查队', '尤 溪 县 统 计 局')
_ORGAN_LINE = re.compile(r"^[\u4e00-\u9fff]{2,20}?(?:统计局|統計局|调查队|調查隊|人民政府|办公室|辦公室|委员会|委員會|发展和改革局|發展和改革局)$")


def is_organ_line(line: str) -> bool:
    return _ORGAN_LINE.match(re.sub(r"\s+", "", line)) is not None


_REPORT_TITLE = re.compile(r"(?:19|20)\d{2}年.{0,30}?(?:统计公报|統計公報|政府工作报告|政府工作報告)")


def is_report_title(line: str) -> bool:
    """'2017年尤溪县国民经济和社会发展统计公报', '2023年某县政府工作报告': a report's own title."""
    return _REPORT_TITLE.search(line) is not None


def site_of(line: str) -> Optional[str]:
    """'青山湖区人民政府网站欢迎您的访问!' -> 青山湖区人民政府网站 (the site a page's header welcomes you to)."""
    m = _SITE_WELCOME.match(line.strip())
    return m.group("site") if m else None


def read_headline(blocks: list[Block], known_title: Optional[str] = None) -> Headline:
    """Title, subtitle, kicker, bylines out of a run of headline lines."""
    h = Headline()
    lines: list[str] = []
    # a yearbook table's header stacked over short lines, each cell closed by its unit on a line of its own
    # ('公共财政', '预算收入', '(万元)'): its lines are the table's, not column labels or a subtitle
    stacked = sum(1 for b in blocks if _UNIT_ONLY.match(b.probe.strip())) >= 2
    for b in blocks:
        if b.kind in ("byline", "credit", "role"):
            h.authors.extend(b.names)
            h.outlet = h.outlet or b.outlet
        elif stacked or not is_label(b.probe):
            lines.append(b.text)
    subs = [ln for ln in lines if _SUBTITLE.search(ln)]
    rest = [ln for ln in lines if not _SUBTITLE.search(ln)]
    if known_title is not None:
        # the page already named the title: a line like it is a repeat; before it a kicker, after it a subtitle
        idx = next((i for i, ln in enumerate(rest) if similar(ln, known_title)), None)
        if idx is None:
            after = rest
        else:
            h.kicker, after = rest[:idx], rest[idx + 1:]
        h.title = known_title
    elif rest:
        idx = next((i for i, ln in enumerate(rest) if _COLON_TITLE.match(ln)), 0)
        h.title, h.kicker, after = rest[idx], rest[:idx], rest[idx + 1:]
    else:
        after = []
    for ln in h.kicker:
        # '青山湖区人民政府网站欢迎您的访问!' over the title: the site that publishes the page
        h.outlet = h.outlet or site_of(ln)
    cands = subs + after
    if stacked:
        h.rest = cands
    elif cands:
        h.subtitle = cands[0].lstrip("—－- ").strip() or None
        h.rest = cands[1:]
    return h


def _run_start(blocks: list[Block], i: int) -> int:
    k = i
    while k > 0 and blocks[k - 1].kind in ("head", "byline"):
        k -= 1
    return k


def split_segments(blocks: list[Block]) -> list[Segment]:
    """Cut a page without a dateline into articles (one segment when nothing marks a cut)."""
    starts: set[int] = set()
    seen_qa = False
    for i, b in enumerate(blocks):
        if b.kind != "body" and b.kind != "credit":
            continue
        if b.kind == "body" and meta.lead_of(b.probe):
            starts.add(_run_start(blocks, i))
        elif b.kind == "body" and _QA.match(b.probe):
            prev = blocks[i - 1] if i else None
            if not seen_qa and prev is not None and prev.kind == "body" and not _ANSWER.match(prev.probe):
                starts.add(_run_start(blocks, i))
            seen_qa = True
        elif b.kind == "credit":
            # photo news: headline, 1-3 paragraphs, the credit
            j = i - 1
            while j >= 0 and i - j <= 3 and blocks[j].kind == "body":
                j -= 1
            if j >= 0 and j < i - 1 and blocks[j].kind == "head":
                starts.add(_run_start(blocks, j))
                if i + 1 < len(blocks):
                    starts.add(i + 1)
    cuts = sorted(s for s in starts if 0 < s < len(blocks))
    pieces, prev = [], 0
    for c in cuts + [len(blocks)]:
        pieces.append(blocks[prev:c])
        prev = c
    if len(pieces) > 1 and not any(b.kind == "body" for b in pieces[0]):
        pieces[1] = pieces[0] + pieces[1]  # labels above the first article
        pieces.pop(0)
    segments = []
    for piece in pieces:
        k = 0
        while k < len(piece) and piece[k].kind in ("head", "byline") and not is_section_heading(piece[k].probe):
            k += 1
        segments.append(Segment(piece[:k], piece[k:]))
    _attach_trailing_headline(segments)
    return [s for s in segments if any(b.kind in ("body", "head", "cell") for b in s.body)]


_HEADLINE_LINES = 4     # a headline run is a kicker, a title, a subtitle and a byline at most


def _attach_trailing_headline(segments: list[Segment]) -> None:
    """Headline lines after the last paragraph: the last article's headline (when it had none),
    otherwise page furniture."""
    if not segments:
        return
    last = segments[-1]
    k = len(last.body)
    while k > 0 and last.body[k - 1].kind in ("head", "byline"):
        k -= 1
    tail = last.body[k:]
    if not tail or k == 0:
        return
    if last.body[k - 1].probe.rstrip().endswith(("：", ":")) or len(tail) > _HEADLINE_LINES:
        return      # '…得分并排名。具体情况如下：' then '第一名：长葛市 91.06分' …: the paragraph's own list, not a headline
    if not last.head or all(b.kind == "byline" for b in last.head):
        last.head = last.head + tail
        last.body = last.body[:k]
    elif len(segments) > 1:
        last.body = last.body[:k]
