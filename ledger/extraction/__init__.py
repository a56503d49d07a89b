"""Articles -> metric facts, rankings and unresolved mentions (FACTS.md), in stages:

1. document context (:mod:`ledger.extraction.context`): the text split into sentences, metric terms
   and place names found once, the publish date or the date the page states (a date line, a work
   report's title, a document number), the year an undated page speaks of, headings with the year
   and mood they set, the main region with the evidence for it;
2. sentence-level assembly (:mod:`ledger.extraction.assembly`): groups of metric terms, their
   segments, subjects, periods, kinds and figures;
3. first-class extractors: sentences (:mod:`ledger.extraction.facts`), place-figure lists
   (:mod:`ledger.extraction.lists`) and tables (:mod:`ledger.extraction.tables`);
4. contest and assessment rankings (:mod:`ledger.extraction.rankings`).

Plain Python, no Dagster. Place-like names the gazetteer cannot resolve become mentions.
"""
from __future__ import annotations

import re

from ledger.extraction.context import ArticleContext, Place, build_context
from ledger.extraction.facts import extract_facts
from ledger.extraction.rankings import extract_rankings
from ledger.model import Article, Extraction, Mention

__all__ = ["ArticleContext", "Place", "build_context", "enforce_contract", "extract"]


def extract(article: Article) -> Extraction:
    ctx = build_context(article)
    out = Extraction()
    out.facts = enforce_contract(extract_facts(ctx))
    out.rankings = extract_rankings(ctx)
    seen = set()
    for p in ctx.places:
        if p.kind == "unresolved" and (p.start, p.end) not in seen:
            seen.add((p.start, p.end))
            a, b = max(0, p.start - 30), min(len(article.text), p.end + 30)
            out.mentions.append(Mention(article.source_file, article.article_id, p.surface,
                                        article.text[a:b], p.start, p.end))
    return out


_FIELDS = ("value", "yoy_pct", "cagr_pct", "rank")
_YM = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def enforce_contract(facts: list) -> list:
    """The invariants the warehouse checks, guaranteed at the source (FACTS.md section 1):
    a value is positive, a period is two well-formed months in order or none, and no atomic
    fact (key, field, number) appears twice in an article. A row left without any field is dropped."""
    seen: set[tuple] = set()
    out = []
    for f in facts:
        if f.value is not None and not f.value > 0:
            f.value = None
        ok = (f.period_start is None and f.period_end is None) or (
            f.period_start is not None and f.period_end is not None and _YM.fullmatch(f.period_start)
            and _YM.fullmatch(f.period_end) and f.period_start <= f.period_end)
        if not ok:
            f.period_start = f.period_end = None
            f.period_approx = True
        key = (f.region_code or "name:" + (f.region_name or ""), f.metric, f.period_start, f.period_end, f.kind)
        for name in _FIELDS:
            number = getattr(f, name)
            if number is None:
                continue
            atom = key + (name, round(float(number), 6))
            if atom in seen:
                setattr(f, name, None)
            seen.add(atom)
        if any(getattr(f, name) is not None for name in _FIELDS):
            out.append(f)
    return out
