"""The metric lexicon (data/reference/metric_lexicon.csv) and its matcher.

The lexicon is data: one row per written form, with the metric key, whether the
metric is core (scored, FACTS.md section 2), its value unit and, for short forms
that are only a metric in context (第一产业 after 分产业看 under GDP), the metric
that must lead the passage (column ``needs``). Matching is one Aho-Corasick pass
(pyahocorasick) keeping the longest match at each place, so 城镇居民人均可支配收入
wins over 居民人均可支配收入 and 规模以上工业增加值 over 工业增加值.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import ahocorasick

from ledger.config import REFERENCE_DIR

LEXICON_PATH = REFERENCE_DIR / "metric_lexicon.csv"


@dataclass(frozen=True)
class Term:
    metric: str
    label: str
    core: bool
    unit: str            # yuan | yuan_per_person | as_stated | count
    needs: Optional[str]  # a metric that must come first in the passage, or None


@dataclass
class MetricMention:
    start: int
    end: int
    term: Term

    @property
    def metric(self) -> str:
        return self.term.metric

    @property
    def label(self) -> str:
        return self.term.label


class Lexicon:
    def __init__(self, path: Path = LEXICON_PATH) -> None:
        self.terms: dict[str, Term] = {}
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                label = (row.get("label") or "").strip()
                if not label or not row.get("metric"):
                    continue
                self.terms[label] = Term(row["metric"].strip(), label, row.get("core", "").strip() == "1",
                                         (row.get("unit") or "").strip(), (row.get("needs") or "").strip() or None)
        # '城镇和农村常住居民年人均可支配收入': every income written with 年 before 人均 too
        for label, term in list(self.terms.items()):
            if "人均可支配收入" in label and "年人均" not in label:
                variant = label.replace("人均可支配收入", "年人均可支配收入")
                self.terms.setdefault(variant, Term(term.metric, variant, term.core, term.unit, term.needs))
        self._ac = ahocorasick.Automaton()
        for label, term in self.terms.items():
            self._ac.add_word(label, term)
        self._ac.make_automaton()

    def find(self, text: str) -> list[MetricMention]:
        """Longest, non-overlapping lexicon matches, left to right."""
        if not text or not self.terms:
            return []
        out = []
        for end, term in self._ac.iter_long(text):
            start = end - len(term.label) + 1
            before = text[max(0, start - self._HEAD_CHARS - 1):start]
            joined = self._head_across_spaces(text, start, term) if any(c.isspace() for c in before) else None
            if joined is not None and (not out or out[-1].end <= joined[0]):
                start, term = joined
            out.append(MetricMention(start, end + 1, term))
        if "(" in text or "（" in text:
            out = self._across_asides(text, out)
        return out

    _HEAD_CHARS = 6
    _ASIDE = re.compile(r"[（(][^（）()\n]{1,8}[)）]")
    _SIDE = 8

    def _across_asides(self, text: str, found: list[MetricMention]) -> list[MetricMention]:
        """'一般公共预算(地方财政)收入': a term written around a bracketed aside (一般公共预算收入), the longest such,
        in place of the matches inside its span."""
        for m in self._ASIDE.finditer(text):
            a, b = m.start(), m.end()
            best = None
            for i in range(max(0, a - self._SIDE), a):
                head = text[i:a]
                for j in range(b + 1, min(len(text), b + self._SIDE) + 1):
                    term = self.terms.get(head + text[b:j])
                    if term is not None and (best is None or j - i > best[1] - best[0]):
                        best = (i, j, term)
            if best is None:
                continue
            i, j, term = best
            if any(f.start < i < f.end or f.start < j < f.end for f in found if not (i <= f.start and f.end <= j)):
                continue      # (it would cut a term it does not hold)
            found = sorted([f for f in found if not (i <= f.start and f.end <= j)] + [MetricMention(i, j, term)],
                           key=lambda f: f.start)
        return found

    def _head_across_spaces(self, text: str, start: int, term: Term) -> Optional[tuple[int, Term]]:
        """'人 均地区生产总值' (a page that spaces its words): the longer term whose head a space cut off
        (人均地区生产总值, not 地区生产总值), as (its start, its term); None when there is none."""
        best = None
        head = ""
        spaced = False
        i = start
        while i > 0 and len(head) < self._HEAD_CHARS:
            i -= 1
            c = text[i]
            if c == "\n":
                break
            if c.isspace():
                spaced = True
                continue
            head = c + head
            longer = self.terms.get(head + term.label)
            if longer is not None and spaced:
                best = (i, longer)
        return best

    def core_metrics(self) -> set[str]:
        return {t.metric for t in self.terms.values() if t.core}

    def labels(self) -> list[str]:
        """All written forms (for a jieba user dictionary)."""
        return sorted(self.terms)


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    return Lexicon()
