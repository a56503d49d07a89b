"""find_periods scans with PERIOD_RE behind a lookahead on the characters a non-empty match
can begin with (periods._PERIOD_SCAN): it must find exactly the non-empty matches of PERIOD_RE
itself, on every kind of text we read. A new alternative of PERIOD_RE beginning with a new
character fails here until that character joins periods._PERIOD_FIRST."""
from __future__ import annotations

from pathlib import Path

from ledger import periods
from ledger.bench import corpus
from ledger.parsing.decode import decode
from ledger.sentences import split_sentences
from tests.conftest import SAMPLES, SHARED

# one or more of every alternative, in the contexts the rules skip too
CRAFTED = [
    "“十三五”期间，全县GDP年均增长7%；十四五规划时期内；八五时期",
    "过去五年，五年来，近3年来，这十年间，过去的三年，近5年",
    "2016—2020年，2018-2022年，2019年至2021年，1998～2003年",
    "2023年上半年，二〇二二年全年，2021年度，今年一季度，去年同期，比上年增长，与上一年相比",
    "过去一年，过去的一年，前年，明年，本年，当年，第三季度，4季度，下半年，前三季度",
    "年初以来，今年以来，年底，年末，1-8月份，一至十一月，元-3月，1~2月，前5个月，前十个月",
    "3月份，十二月，5月8日，较1-7月回落，比一季度加快，较1-2月、1-3月分别提高",
    "１—９月，２０２３年，全年目标，以来，“十二五”",
]


def _texts() -> list[str]:
    out = list(CRAFTED)
    folders = [SHARED / "seeds", SHARED / "eval" / "real" / "pages", SAMPLES]
    for folder in folders:
        if not folder.is_dir():
            continue
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                t = decode(p.read_bytes()).text
                if t:
                    out.append(t)
    for i in range(40):
        f = corpus.make_file(11, i, sizes="short")
        out.append(decode(f.data).text or "")
    return out


def _matches(rx, s: str) -> list[tuple]:
    return [(m.start(), m.end(), tuple(sorted(m.groupdict().items()))) for m in rx.finditer(s) if m.end() > m.start()]


def test_the_fast_scan_finds_exactly_the_non_empty_matches_of_period_re():
    texts = _texts()
    strings = texts + [s.text for t in texts for s in split_sentences(t)]
    assert len(strings) > 500
    found = 0
    for s in strings:
        slow = _matches(periods.PERIOD_RE, s)
        assert _matches(periods._PERIOD_SCAN, s) == slow, s[:200]
        found += len(slow)
    assert found > 1000


def test_every_crafted_alternative_is_found():
    for s in CRAFTED:
        assert periods.find_periods(s), s
