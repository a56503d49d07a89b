"""Articles -> metric facts, rankings and unresolved mentions (FACTS.md).

(Walking-skeleton version: finds nothing. The extraction issue fills it in.)
"""
from __future__ import annotations

from ledger.model import Article, Extraction


def extract(article: Article) -> Extraction:
    return Extraction()
