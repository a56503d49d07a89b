"""Numbers as Chinese reports write them: amounts with units, percentages, counts.

- Arabic (47.8, 15,057, full-width ４７．８) and Chinese numerals (三百四十七点九,
  三千二百万, via cn2an) are both read.
- Magnitudes 万亿 / 亿 / 万 / 千 multiply; money ends in 元 (yuan) or 美元 (usd).
- Qualifiers: 近 / 约 / 超 / 超过 / 逾 before the number, 以上 / 余 / 多 around it,
  are kept as a qualifier; the number itself is kept as written.

Everything here works on one short string (a clause or a sentence) and returns
offsets into that string. Patterns are compiled once at import.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

import cn2an

# length-preserving normalisation (so offsets stay valid): full-width digits and signs
_FULLWIDTH = str.maketrans({
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    "％": "%", "．": ".", "，": "，", "－": "-", "−": "-", "＋": "+",
})


def normalize(text: str) -> str:
    """Full-width digits, ％ and ． to ASCII; same length as the input."""
    return text.translate(_FULLWIDTH)


CN_DIGITS = "零〇一二两三四五六七八九十百千万亿点"
_MAG = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}
_QUAL_PRE = {"近": "近", "约": "约", "超过": "超", "超": "超", "逾": "超", "突破": "超", "大约": "约", "接近": "近",
             "低于": "低于", "不足": "低于", "不到": "低于", "高于": "超"}

_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
# a yearbook's thousands written with a space ('151 442万元', '20 831元'): groups of three, then the unit
_SPACED = r"(?<![\d.])\d{1,3}(?:[ \u00a0\u2009]\d{3})+(?:\.\d+)?(?=\s?(?:万亿|亿|万|千)?(?:美元|元))"
_CN = f"[{CN_DIGITS}]+"
AMOUNT_RE = re.compile(
    r"(?:(?P<pre>大约|接近|超过|突破|低于|高于|不足|不到|近|约|超|逾)了?\s*)?"
    r"(?:(?P<arabic>" + _SPACED + "|" + _ARABIC + r")\s*(?P<q1>余|多)?\s*(?P<mag>万亿|亿|万|千)?"
    r"|(?P<cn>" + _CN + r")(?P<q1c>余|多)?)"
    r"\s*(?P<q2>余|多)?(?P<cur>美元|元|(?<=[亿万])人民币)(?P<post>以上|左右)?"
)
# spoken "98个亿" (money in 亿 yuan, 元 often left out)
COLLOQ_RE = re.compile(
    r"(?P<pre>大约|接近|超过|突破|近|约|超|逾)?(?:(?P<arabic>" + _ARABIC + r")|(?P<cn>[零〇一二两三四五六七八九十百千]+))"
    r"\s*(?P<q>余|多)?个(?P<q2>多)?亿(?P<cur>美元|元)?"
)
# "完成生产总值56.7亿，增长7.5%": 亿 with the 元 left out (only read inside a money term's segment)
BARE_YI_RE = re.compile(
    r"(?:(?P<pre>大约|接近|超过|突破|近|约|超|逾)了?\s*)?(?P<arabic>" + _ARABIC + r")\s*(?P<q>余|多)?亿"
    r"(?![元美千万人吨立平方度斤头只件户个股份次册亩辆套台张笔公kK瓦])"
)
PERCENT_RE = re.compile(
    r"(?P<sign>[-+])?\s*(?P<num>\d+(?:\.\d+)?)\s*%"
    r"|百分之(?P<cn>[零〇一二两三四五六七八九十百点]+)"
)
COUNT_RE = re.compile(
    r"(?P<pre>近|约|超过|超|逾)?(?:(?P<arabic>\d+(?:,\d{3})*)|(?P<cn>[零〇一二两三四五六七八九十百千万]+))"
    r"(?P<q>余|多)?(?P<unit>个|家|项|户)(?P<post>以上)?"
)


@dataclass
class Amount:
    value: float
    unit: str                 # 'yuan' | 'usd' | 'count'
    qualifier: Optional[str]
    start: int
    end: int
    text: str


@dataclass
class Percent:
    value: float
    start: int
    end: int


def cn_number(s: str) -> Optional[float]:
    """A Chinese (or mixed) numeral as a float: 三百四十七点九亿 -> 3.479e10; None if unreadable."""
    s = s.strip()
    if not s:
        return None
    try:
        return float(s.replace(",", ""))
    except ValueError:
        pass
    mult = 1.0
    for suffix in ("万亿", "亿", "万", "千"):
        try:
            return float(cn2an.cn2an(s, "smart")) * mult
        except Exception:  # cn2an raises ValueError and others on odd input
            pass
        if s.endswith(suffix) and len(s) > len(suffix):
            s = s[: -len(suffix)]
            mult *= _MAG[suffix]
    try:
        return float(cn2an.cn2an(s, "smart")) * mult
    except Exception:
        return None


def _qualifier(*parts: Optional[str]) -> Optional[str]:
    for p in parts:
        if p:
            if p in _QUAL_PRE:
                return _QUAL_PRE[p]
            if p in ("余", "多"):
                return "余"
            if p == "以上":
                return "以上"
            if p == "左右":
                return "约"
    return None


def parse_amount(m: re.Match) -> Optional[Amount]:
    if m.group("arabic"):
        try:
            v = float(re.sub(r"[,\s]", "", m.group("arabic")))
        except ValueError:
            return None
        if m.group("mag"):
            v *= _MAG[m.group("mag")]
    else:
        v = cn_number(m.group("cn"))
        if v is None:
            return None
    unit = "usd" if m.group("cur") == "美元" else "yuan"
    qual = _qualifier(m.group("pre"), m.group("q1"), m.group("q1c"), m.group("q2"), m.group("post"))
    return Amount(v, unit, qual, m.start(), m.end(), m.group(0))


def find_amounts(s: str) -> list[Amount]:
    """Money amounts in ``s`` (normalised text), in order."""
    out = []
    for m in AMOUNT_RE.finditer(s):
        at = m.start("arabic") if m.group("arabic") else -1
        if at > 0 and s[at - 1] == "." and not (at > 1 and s[at - 2].isdigit()):
            continue     # '完成生产总值.24亿元': a figure whose leading digits the page lost, no figure
        a = parse_amount(m)
        if a is not None:
            out.append(a)
    return out


def iter_amounts(s: str) -> list[Amount]:
    """Money amounts, written (47.8亿元) and spoken (98个亿), in order, without overlaps."""
    out = find_amounts(s)
    for m in COLLOQ_RE.finditer(s):
        if any(a.start < m.end() and m.start() < a.end for a in out):
            continue
        v = float(m.group("arabic").replace(",", "")) if m.group("arabic") else cn_number(m.group("cn"))
        if v is None:
            continue
        out.append(Amount(v * 1e8, "usd" if m.group("cur") == "美元" else "yuan",
                          _qualifier(m.group("pre"), m.group("q"), m.group("q2")), m.start(), m.end(), m.group(0)))
    for m in BARE_YI_RE.finditer(s):
        if any(a.start < m.end() and m.start() < a.end for a in out):
            continue
        if m.start() > 0 and (s[m.start() - 1].isdigit() or s[m.start() - 1] in ".,"):
            continue
        out.append(Amount(float(m.group("arabic").replace(",", "")) * 1e8, "yuan",
                          _qualifier(m.group("pre"), m.group("q")), m.start(), m.end(), m.group(0)))
    out.extend(_shared_unit_runs(s, out))
    out.sort(key=lambda a: a.start)
    return out


# '分别为1310.35、1098.90、1050.40亿元': bare numbers listed before an amount share its unit
_SHARED_RUN = re.compile(r"(?:(?<![\d.])\d+(?:\.\d+)?\s*(?:、|和|及)\s*)+$")
_RUN_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_LEAD_NUMBER = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(?:亿|万)")


def _shared_unit_runs(s: str, found: list[Amount]) -> list[Amount]:
    extra = []
    for a in found:
        lead = _LEAD_NUMBER.match(a.text)
        if a.unit != "yuan" or lead is None or not float(lead.group(1)):
            continue
        lo = max(0, a.start - 120)
        run = _SHARED_RUN.search(s, lo, a.start)
        if run is None:
            continue
        mult = a.value / float(lead.group(1))
        for n in _RUN_NUMBER.finditer(s, run.start(), run.end()):
            if any(b.start < n.end() and n.start() < b.end for b in found):
                continue
            extra.append(Amount(float(n.group(0)) * mult, "yuan", None, n.start(), n.end(), n.group(0)))
    return extra


def find_percents(s: str) -> list[Percent]:
    out = []
    for m in PERCENT_RE.finditer(s):
        if m.group("num") is not None:
            v = float(m.group("num"))
            if m.group("sign") == "-":
                v = -v
        else:
            v = cn_number(m.group("cn"))
            if v is None:
                continue
        out.append(Percent(v, m.start(), m.end()))
    return out


def find_counts(s: str) -> list[Amount]:
    out = []
    for m in COUNT_RE.finditer(s):
        v = float(m.group("arabic").replace(",", "")) if m.group("arabic") else cn_number(m.group("cn"))
        if v is None:
            continue
        out.append(Amount(v, "count", _qualifier(m.group("pre"), m.group("q"), m.group("post")),
                          m.start(), m.end(), m.group(0)))
    return out


_ORD = re.compile(r"\d+|[零〇一二两三四五六七八九十百]+")


def ordinal(s: str) -> Optional[int]:
    """第一 / 第1 / 十二 -> int."""
    m = _ORD.search(s)
    if not m:
        return None
    v = cn_number(m.group(0))
    return int(v) if v is not None else None
