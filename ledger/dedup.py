"""Duplicate articles: exact copies (same article_id) and near-duplicates (SimHash).

(Walking-skeleton version: exact copies only. The parsing issue adds SimHash.)
"""
from __future__ import annotations

from typing import Sequence

import duckdb
import pyarrow as pa


def link_duplicates(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> int:
    """Point each new article at the earliest other copy of itself; returns how many were linked."""
    if not article_ids:
        return 0
    con.register("_new_ids", pa.table({"id": pa.array(sorted(set(article_ids)), pa.string())}))
    try:
        con.execute("""
            UPDATE articles SET duplicate_of = first.article_id
            FROM (SELECT article_id, min(ingested_at) AS t, min(source_file) AS f FROM articles GROUP BY article_id) first
            WHERE articles.article_id = first.article_id
              AND articles.article_id IN (SELECT id FROM _new_ids)
              AND (articles.ingested_at > first.t OR (articles.ingested_at = first.t AND articles.source_file > first.f))
        """)
        return con.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL "
                           "AND article_id IN (SELECT id FROM _new_ids)").fetchall()[0][0]
    finally:
        con.unregister("_new_ids")
