"""Duplicate articles: exact copies (same article_id) and near-duplicates (SimHash).

Every later copy points at the earliest copy through ``articles.duplicate_of``; the
earliest copy keeps NULL. "Earlier" means (ingested_at, source_file, position).

* Exact copy: same ``article_id`` (same normalised body) -> ``duplicate_of`` = that id.
* Near-duplicate: the same story from another outlet, or a spun rewrite that swaps words
  for synonyms. Found in two steps:

  1. Candidates in DuckDB. The 64-bit SimHash is cut into 8 blocks of 8 bits; every pair of
     blocks (28 pairs) gives a 16-bit key. Two fingerprints within Hamming distance 6 differ
     in at most 6 blocks, so they agree on at least 2 blocks and share one of the 28 keys
     exactly (pigeonhole): candidates are equi-joins, never a scan of all pairs. Pairs found
     this way are kept up to ``MAX_HAMMING`` = 12 (beyond 6 they are found with high, not
     certain, probability).
  2. Verification in Python: the character 2-gram Jaccard similarity of the two texts must
     reach ``MIN_JACCARD`` = 0.5 (spun rewrites of our fixtures and seeds score 0.6-0.92;
     unrelated county-economy articles at most 0.08), so a SimHash collision between two
     different stories never hides a story from the marts.

The thresholds are justified by tests/parsing/test_dedup.py.
"""
from __future__ import annotations

from itertools import combinations
from typing import Sequence

import duckdb
import pyarrow as pa

MAX_HAMMING = 12
MIN_JACCARD = 0.5
MIN_CHARS = 80          # shorter texts (photo captions, briefs) are too small to call near-duplicates
BLOCKS = 8              # 8-bit blocks; keys are pairs of blocks
_PAIRS = list(combinations(range(BLOCKS), 2))


def _pairs_table() -> pa.Table:
    """One row per pair of blocks: its number and the two shifts."""
    return pa.table({"pair": pa.array([n for n, _ in enumerate(_PAIRS)], pa.int64()),
                     "si": pa.array([8 * i for i, _ in _PAIRS], pa.int64()),
                     "sj": pa.array([8 * j for _, j in _PAIRS], pa.int64())})


def repair_links(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Unlink copies whose original is gone (its file was deleted or changed); returns their ids,
    which :func:`link_duplicates` then links again (the earliest remaining copy becomes the original)."""
    orphans = [r[0] for r in con.execute("""
        SELECT DISTINCT a.article_id FROM articles a
        WHERE a.duplicate_of IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM articles o WHERE o.article_id = a.duplicate_of AND o.duplicate_of IS NULL)
    """).fetchall()]
    if orphans:
        con.register("_orphans", pa.table({"id": pa.array(orphans, pa.string())}))
        try:
            con.execute("UPDATE articles SET duplicate_of = NULL WHERE article_id IN (SELECT id FROM _orphans)")
        finally:
            con.unregister("_orphans")
    return orphans


def link_duplicates(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> int:
    """Point each new article at the earliest other copy of itself; returns how many were linked.

    Copies left pointing at a deleted or changed original are repaired first."""
    article_ids = list(article_ids) + repair_links(con)
    if not article_ids:
        return 0
    con.register("_new_ids", pa.table({"id": pa.array(sorted(set(article_ids)), pa.string())}))
    try:
        exact = _link_exact(con)
        near = _link_near(con)
        return exact + near
    finally:
        con.unregister("_new_ids")


def relink_all(con: duckdb.DuckDBPyConnection) -> int:
    """Recompute every link from scratch (after deletions, or to apply new thresholds)."""
    con.execute("UPDATE articles SET duplicate_of = NULL WHERE duplicate_of IS NOT NULL")
    ids = [r[0] for r in con.execute("SELECT DISTINCT article_id FROM articles").fetchall()]
    return link_duplicates(con, ids)


def _link_exact(con: duckdb.DuckDBPyConnection) -> int:
    con.execute("""
        UPDATE articles SET duplicate_of = articles.article_id
        FROM (SELECT article_id, arg_min((ingested_at, source_file, position), (ingested_at, source_file, position)) AS k
              FROM articles WHERE article_id IN (SELECT id FROM _new_ids) GROUP BY article_id) first
        WHERE articles.article_id = first.article_id
          AND (articles.ingested_at, articles.source_file, articles.position) > first.k
          AND articles.duplicate_of IS DISTINCT FROM articles.article_id
    """)
    return con.execute("SELECT count(*) FROM articles WHERE duplicate_of = article_id "
                       "AND article_id IN (SELECT id FROM _new_ids)").fetchall()[0][0]


def _link_near(con: duckdb.DuckDBPyConnection) -> int:
    """Near-duplicate links for the new articles that are not exact copies."""
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _dedup_cand AS
        SELECT row_number() OVER () AS rid, source_file, position, ingested_at, article_id, duplicate_of, simhash,
               article_id IN (SELECT id FROM _new_ids) AND duplicate_of IS NULL AS is_new
        FROM articles WHERE n_chars >= {MIN_CHARS} AND simhash <> 0
    """)
    con.register("_block_pairs", _pairs_table())
    try:
        close = con.execute(f"""
            WITH keyed AS (
                SELECT c.rid, c.simhash, c.is_new,
                       (p.pair << 16) | (((c.simhash >> p.si) & 255) << 8) | ((c.simhash >> p.sj) & 255) AS key
                FROM _dedup_cand c CROSS JOIN _block_pairs p
            )
            SELECT DISTINCT n.rid, o.rid, bit_count(xor(n.simhash, o.simhash)) AS dist
            FROM (SELECT * FROM keyed WHERE is_new) n JOIN keyed o ON n.key = o.key
            WHERE n.rid <> o.rid AND bit_count(xor(n.simhash, o.simhash)) <= {MAX_HAMMING}
        """).fetchall()
        if not close:
            return 0
        rids = sorted({r[0] for r in close} | {r[1] for r in close})
        con.register("_rids", pa.table({"rid": pa.array(rids, pa.int64())}))
        try:
            info = {r[0]: r[1:] for r in con.execute(
                "SELECT rid, source_file, position, ingested_at, article_id, duplicate_of FROM _dedup_cand "
                "WHERE rid IN (SELECT rid FROM _rids)").fetchall()}
            texts = dict(con.execute(
                "SELECT article_id, any_value(text) FROM articles WHERE article_id IN "
                "(SELECT article_id FROM _dedup_cand WHERE rid IN (SELECT rid FROM _rids)) GROUP BY article_id").fetchall())
        finally:
            con.unregister("_rids")
    finally:
        con.unregister("_block_pairs")
        con.execute("DROP TABLE IF EXISTS _dedup_cand")
    from ledger.parsing.ids import jaccard

    def order(rid: int) -> tuple:
        f, p, at, _id, _dup = info[rid]
        return (at, f, p)

    # candidates of each new row, earliest first; new rows handled earliest first
    cands: dict[int, list[int]] = {}
    for n, o, _dist in close:
        if info[n][3] != info[o][3] and order(o) < order(n):
            cands.setdefault(n, []).append(o)
    links: dict[int, str] = {}     # new row -> root article_id
    verified: dict[tuple[str, str], bool] = {}
    for n in sorted(cands, key=order):
        n_id = info[n][3]
        for o in sorted(cands[n], key=order):
            o_id, o_dup = info[o][3], info[o][4]
            pair = (min(n_id, o_id), max(n_id, o_id))
            if pair not in verified:
                verified[pair] = jaccard(texts.get(n_id) or "", texts.get(o_id) or "") >= MIN_JACCARD
            if verified[pair]:
                links[n] = links.get(o) or o_dup or o_id
                break
    if links:
        con.executemany("UPDATE articles SET duplicate_of = ? WHERE source_file = ? AND position = ?",
                        [[root, info[n][0], info[n][1]] for n, root in links.items()])
    return len(links)
