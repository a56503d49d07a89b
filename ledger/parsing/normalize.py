"""Script and noise normalisation for the extraction text.

* Traditional Chinese is detected and a Simplified copy is made with OpenCC ``t2s``
  (the converter is created once per process).
* Mirror sites that insert pinyin in brackets after characters (經(jīng)濟) are cleaned.
* Whitespace inside a paragraph is collapsed.
* A space a line wrap left inside a word of running prose (衡阳 市, 同比增 长), or after a decimal
  point (2. 2万亿元), is taken out.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Callable

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# one pinyin syllable (tone marks or a tone digit allowed), in ASCII or full-width brackets,
# right after a Han character: 经(jīng)济 / 經（jīng）濟 / 经(jing1)济
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# the initial may be capitalised (經(Jīng)濟, a sentence start); a bare vowel may not, so (AI) stays
_SYLLABLE = (r"(?:[ZCSzcs]h|[bpmfdtnlgkhjqxrzcsywBPMFDTNLGKHJQXRZCSYW])?"
             rf"[aeiouvü{_TONED}]{{1,4}}(?:ng|n|r)?[1-5]?")
# 經(jīng)濟, and 經 (jīng) 濟 (a space before the bracket takes the spaces after it along)
# (a mirror may repeat the brackets: 區(qu)(qu)(qu))
_PINYIN = re.compile(rf"(?<=[\u3400-\u9fff])(?:(?P<sp>[ \u00a0]+)?(?:[(（]\s*{_SYLLABLE}\s*[)）])+(?(sp)[ \u00a0]*))")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000\ufeff]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


# variants the converter keeps that place names write otherwise in Simplified (海甯 -> 海宁)
_VARIANTS = str.maketrans({"甯": "宁", "陜": "陕", "崑": "昆"})
# variants a Simplified page may still write in a place name (崑山 for 昆山): read as the gazetteer writes them
_PLACE_VARIANTS = str.maketrans({"崑": "昆"})


def to_simplified(text: str) -> str:
    return _t2s().convert(text).translate(_VARIANTS) if text else text


def han_count(text: str) -> int:
    return len(_CJK.findall(text))


def is_traditional(text: str, sample: int = 1500) -> bool:
    """True when a noticeable share of the Han characters have a different Simplified form."""
    s = text[:sample]
    n = han_count(s)
    if n < 4:
        return False
    conv = to_simplified(s)
    if len(conv) == len(s):
        changed = sum(map(str.__ne__, s, conv))
    else:  # phrase conversion changed the length: compare character sets
        changed = len(set(s) - set(conv))
    return changed >= 2 and changed / n >= 0.02


# a character some mirrors lose with its pinyin half-kept: 百強(qiáng) comes out as 百?gòu)?qiáng) on every page of
# theirs that has it (42 times over 13 stored pages of 5 batches); only this sequence is that frequent
_LOST_CHARS = {"?gòu)?qiáng)": "强"}


def strip_pinyin(text: str) -> str:
    if "(" not in text and "（" not in text:
        return text
    if "?" in text:
        for lost, char in _LOST_CHARS.items():
            text = text.replace(lost, char)
    return _PINYIN.sub("", text)


# mirror pages put a comma before every mark ("新郑,、巩义", "前六十名,,分列", "第54位,。"):
# a comma right before another mark is noise
_STRAY_COMMA = re.compile(r"[,，]+(?=[、。，,；;！？!?])")


# '42370。4亿元' / '增长3。8': a full stop between two digits is a decimal point (spun copies)
_STOP_AS_POINT = re.compile(r"(?<=\d)。(?=\d)")


def tidy_marks(text: str) -> str:
    if "崑" in text:
        text = text.translate(_PLACE_VARIANTS)
    if "。" in text:
        text = _STOP_AS_POINT.sub(".", text)
    return _STRAY_COMMA.sub("", text) if "," in text or "，" in text else text


# a space between two Han characters of running prose (a line with two or more sentence marks)
_HAN_GAP = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
_PROSE_MARK = re.compile(r"[，。；,;]")
# '地区生产总值超2. 2万亿元': a space after a decimal point, before the digits of a figure's unit
_POINT_GAP = re.compile(r"(?<=\d)\.\s(?=\d{1,3}\s*(?:万亿|亿|万|%|％|元))")
_HAN_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,3}$")
_HAN_AFTER = re.compile(r"[\u4e00-\u9fff]{1,3}")


def join_split_words(text: str, is_word: Callable[[str], bool]) -> str:
    """Take out a space a line wrap (or a PDF's layout) left inside a word of running prose:
    '…1703.10亿元,衡阳 市2601.57亿元,…' and '永州市同比增 长9.0%' read as 衡阳市 and 增长. A space
    goes only when a word of 2-4 characters (``is_word``, the segmenter's dictionary) spans it, so
    spaces that part names, bylines or a heading from its text ('通讯员 黄鹏程') stay; lines without
    two sentence marks (tables, headings, bylines) are left alone."""
    if " " not in text:
        return text
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if " " in line and len(_PROSE_MARK.findall(line)) >= 2:
            line = _HAN_GAP.sub(lambda m: "" if _word_spans(m.string, m.start(), is_word) else " ", line)
            lines[k] = _POINT_GAP.sub(".", line)
    return "\n".join(lines)


def _word_spans(line: str, at: int, is_word: Callable[[str], bool]) -> bool:
    left = _HAN_BEFORE.search(line, 0, at).group()
    right = _HAN_AFTER.match(line, at + 1).group()
    return any(is_word(left[i:] + right[:j])
               for i in range(len(left)) for j in range(1, len(right) + 1) if len(left) - i + j <= 4)


def clean_line(line: str) -> str:
    """Collapse whitespace, drop control characters."""
    line = _CONTROL.sub("", line)
    return _SPACES.sub(" ", line).strip()


def fingerprint_text(text: str) -> str:
    """The text an article id is computed from: NFKC, no whitespace (so a mirror that
    only changes full-width/half-width punctuation or line breaks gives the same id)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
