"""Sentence and clause splitting with character offsets into the article text.

A sentence ends at 。！？!? ; or a line break (paragraphs are joined by "\\n"),
and a semicolon ends one too (Chinese statistics pack one indicator per
semicolon-separated part). A closing quote or bracket right after the stop stays
with its sentence. Clauses split a sentence at ，,：: (outside brackets) and at a line break kept inside a
sentence (a short phrase per line: the break goes on with the statement, see ``_goes_on``).
One linear pass; no regex backtracking.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

_SENT_END = re.compile(r"[。！？!?；;]+[”’」』）)]*|\n+")
_CLAUSE_END = re.compile(r"[，,：:]")
# an ASCII '?' where a mirror lost a character, its pinyin noise after it ('總量?jī)H為'): no sentence end
_LOST_CHARACTER = re.compile(r"[\u4e00-\u9fff]\?(?=[a-z\u0100-\u024f]{1,6}\))")
_FIGURE = re.compile(r"\d\s*(?:%|％|亿|万|元)")  # a line with a figure is content, not a heading
# A page laid out one short phrase per line ("全省实现地区生产总值" / "27146.76亿元" / "同比增长7.3%"):
# a line break inside such a statement is a clause break, not a sentence end. The next line must
# go on with the statement: a figure with its unit, or a comparison or placing word.
_GOES_ON = re.compile(r"\s*(?:\d[\d.,]*\s*(?:亿|万|元|%|％)|同比|比上年|比去年|较上年|较去年|增长|下降|以\d|排名|排在|位居|位列)")
_BROKEN_MAX = 30
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Sentence:
    start: int          # offset in the article text
    end: int
    text: str
    paragraph: int      # 0-based paragraph index
    is_heading: bool = False
    group: int = 0      # parts split at ；/; share the group of their full sentence
    _clauses: Optional[list[tuple[int, int]]] = field(default=None, repr=False, compare=False)

    @property
    def clauses(self) -> list[tuple[int, int]]:
        """Clause spans, offsets relative to the sentence; split on first use (only sentences
        holding a metric term ever ask, most of a long page never does)."""
        if self._clauses is None:
            self._clauses = split_clauses(self.text)
        return self._clauses

    @clauses.setter
    def clauses(self, spans: list[tuple[int, int]]) -> None:
        self._clauses = spans


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    para = 0
    group = 0
    pos = 0
    para_start = True
    for m in _SENT_END.finditer(text):
        stop = m.group(0)
        if "\n" in stop and _goes_on(text, pos, m.start(), m.end()):
            continue
        if stop == "?" and _LOST_CHARACTER.match(text, m.start() - 1):
            continue     # ('GDP總量?jī)H為2156.74億元': a character a mirror could not write, no question's end)
        _emit(text, pos, m.end() if "\n" not in stop else m.start(), para, group, out, para_start)
        para_start = False
        if "\n" in stop:
            para += 1
            para_start = True
        if stop[0] not in "；;":
            group += 1
        pos = m.end()
    _emit(text, pos, len(text), para, group, out, para_start)
    return out


def _goes_on(text: str, start: int, end: int, nxt: int) -> bool:
    """Does the statement on the line [start, end) go on after the line break (ending at nxt)?"""
    line = text[max(start, text.rfind("\n", start, end) + 1):end].strip()
    if not line or len(line) > _BROKEN_MAX or "|" in line or line[-1] in "。！？!?；;，,：:":
        return False
    if len(_CJK.findall(_BRACKETED.sub("", line))) < 2:
        return False
    follow = text[nxt:text.find("\n", nxt) if "\n" in text[nxt:nxt + 200] else nxt + 200]
    return "|" not in follow and _GOES_ON.match(follow) is not None


def _emit(text: str, start: int, end: int, para: int, group: int, out: list[Sentence], para_start: bool) -> None:
    # trim whitespace, keep offsets honest
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    s = text[start:end]
    # a heading: a whole short paragraph without a full stop
    heading = False
    if para_start and len(s) <= 40 and not re.search(r"[。，,；;]", s) and not _FIGURE.search(s):
        nxt = text.find("\n", end)
        heading = (text[end:end + 1] in ("\n", "") or nxt == end)
    out.append(Sentence(start, end, s, para, heading, group))


def split_clauses(s: str) -> list[tuple[int, int]]:
    """Clause spans (relative offsets); commas inside brackets do not split."""
    spans = []
    depth = 0
    start = 0
    for i, ch in enumerate(s):
        if ch in "（(【[“":
            depth += 1
        elif ch in "）)】]”" and depth:
            depth -= 1
        elif depth == 0 and ch in "，,：:\n":
            if ch != "\n" or s[start:i].strip():
                spans.append((start, i + 1))
            start = i + 1
    if start < len(s):
        spans.append((start, len(s)))
    return spans
