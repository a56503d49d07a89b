"""Build an Article as the parser and enrichment would hand it to extract()."""
from __future__ import annotations

from typing import Optional

from ledger.model import Article
from ledger.regions import get_gazetteer


def article(text: str, published_at: Optional[str] = "2023-07-25", main: Optional[str] = None,
            title: str = "", subtitle: Optional[str] = None) -> Article:
    a = Article(article_id="t" * 16, source_file="t.txt", source_sha256="0" * 64, position=0, title=title,
                published_at=published_at, date_reason="test", outlet=None, text=text, subtitle=subtitle)
    if main:
        r = get_gazetteer().resolve(main)
        assert r is not None, main
        a.main_region_code, a.main_region_name = r.code, r.name
    return a


def atoms(extraction) -> set[tuple]:
    """(region_code or name, metric, start, end, kind, field, number) like the scorer sees them."""
    out = set()
    for f in extraction.facts:
        for field in ("value", "yoy_pct", "cagr_pct", "rank"):
            v = getattr(f, field)
            if v is not None:
                out.add((f.region_code or f.region_name, f.metric, f.period_start, f.period_end, f.kind, field,
                         round(float(v), 4)))
    return out
