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
     different stories never hides a story from the marts. Each new article is verified
     against its ``MAX_VERIFY`` = 16 nearest earlier candidates (by Hamming distance, then
     age), the earliest of them first: among texts that share most of their wording the
     candidates within 12 grow with the table (generated real-size articles: ~45 per new
     article at 20k, every one verified), which made each batch cost in proportion to all
     the articles before it.

The thresholds are justified by tests/parsing/test_dedup.py.

The Jaccard check computes each text's 2-grams once per call (not once per pair): a text is
a candidate of many pairs in a large batch. They are kept as sorted arrays of 64-bit keys
(two code points), the same sets as :func:`ledger.parsing.ids.bigrams` in a few KB per
article, so the ratio is exactly :func:`ledger.parsing.ids.jaccard`'s.
"""
from __future__ import annotations

from itertools import combinations
from typing import Sequence

import duckdb
import numpy as np
import pyarrow as pa

from ledger import warehouse as wh

MAX_HAMMING = 12
MIN_JACCARD = 0.5
MAX_VERIFY = 16       # candidates verified per new article, the nearest (see _link_near)
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
        # a link decides which story a fact belongs to: the marts rebuild those regions
        wh.log_change(con, select=" UNION ALL ".join(
            f"SELECT {wh.REGION_KEY_SQL} FROM {t} WHERE article_id IN (SELECT id FROM _new_ids)"
            for t in wh.REGION_TABLES))
        return exact + near
    finally:
        con.unregister("_new_ids")


def relink_all(con: duckdb.DuckDBPyConnection) -> int:
    """Recompute every link from scratch (after deletions, or to apply new thresholds)."""
    con.execute("UPDATE articles SET duplicate_of = NULL WHERE duplicate_of IS NOT NULL")
    wh.log_change(con, ["*"])
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
        SELECT row_number() OVER (ORDER BY ingested_at, source_file, position) AS rid, source_file, position, ingested_at, article_id, duplicate_of, simhash,
               article_id IN (SELECT id FROM _new_ids) AND duplicate_of IS NULL AS is_new
        FROM articles WHERE n_chars >= {MIN_CHARS} AND simhash <> 0
    """)
    con.register("_block_pairs", _pairs_table())
    try:
        close = con.execute(f"""
            WITH keyed AS (
                SELECT c.rid, c.simhash, c.is_new, c.article_id,
                       (p.pair << 16) | (((c.simhash >> p.si) & 255) << 8) | ((c.simhash >> p.sj) & 255) AS key
                FROM _dedup_cand c CROSS JOIN _block_pairs p
            )
            -- an earlier (smaller rid) other article only, and each new row's MAX_VERIFY nearest
            SELECT n_rid, o_rid, dist FROM (
                SELECT DISTINCT n.rid AS n_rid, o.rid AS o_rid, bit_count(xor(n.simhash, o.simhash)) AS dist
                FROM (SELECT * FROM keyed WHERE is_new) n JOIN keyed o ON n.key = o.key
                WHERE o.rid < n.rid AND o.article_id <> n.article_id
                  AND bit_count(xor(n.simhash, o.simhash)) <= {MAX_HAMMING}
            )
            QUALIFY row_number() OVER (PARTITION BY n_rid ORDER BY dist, o_rid) <= {MAX_VERIFY}
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
    grams: dict[str, np.ndarray] = {}

    def similar(a: str, b: str) -> bool:
        x = grams.get(a)
        if x is None:
            x = grams[a] = _gram_keys(texts.get(a) or "")
        y = grams.get(b)
        if y is None:
            y = grams[b] = _gram_keys(texts.get(b) or "")
        return _jaccard_keys(x, y) >= MIN_JACCARD

    order = {rid: (at, f, p) for rid, (f, p, at, _id, _dup) in info.items()}

    # each new row is verified against its MAX_VERIFY nearest earlier candidates only (the
    # query keeps those), earliest of them first: among texts that share most of their wording
    # (templated notices) the rows within MAX_HAMMING grow with the table, and verifying every
    # one made each batch cost in proportion to all the articles before it
    cands: dict[int, list[int]] = {}
    for n, o, _dist in close:
        cands.setdefault(n, []).append(o)
    for lst in cands.values():
        lst.sort(key=order.__getitem__)
    links: dict[int, str] = {}     # new row -> root article_id
    verified: dict[tuple[str, str], bool] = {}
    for n in sorted(cands, key=order.__getitem__):
        n_id = info[n][3]
        for o in cands[n]:
            o_id, o_dup = info[o][3], info[o][4]
            pair = (min(n_id, o_id), max(n_id, o_id))
            if pair not in verified:
                verified[pair] = similar(n_id, o_id)
            if verified[pair]:
                links[n] = links.get(o) or o_dup or o_id
                break
    if links:
        # one UPDATE joined to the links (one UPDATE per link scanned the table each time)
        con.register("_near_links", pa.table({
            "source_file": pa.array([info[n][0] for n in links], pa.string()),
            "position": pa.array([info[n][1] for n in links], pa.int64()),
            "root": pa.array(list(links.values()), pa.string())}))
        try:
            con.execute("UPDATE articles SET duplicate_of = l.root FROM _near_links l "
                        "WHERE articles.source_file = l.source_file AND articles.position = l.position")
        finally:
            con.unregister("_near_links")
    return len(links)


_SHIFT = np.uint64(32)


def _gram_keys(text: str) -> np.ndarray:
    """The set :func:`ledger.parsing.ids.bigrams` of ``text`` as sorted unique uint64 keys:
    a 2-gram is (first code point << 32) | second; the one-element sets of a text with one
    letter or none get keys of their own (bit 63 / bit 62), which no 2-gram key can equal."""
    from ledger.parsing.ids import _letters

    cps = _letters(text)
    if len(cps) > 1:
        return np.unique((cps[:-1] << _SHIFT) | cps[1:])
    if len(cps) == 1:
        return np.array([(1 << 63) | int(cps[0])], dtype=np.uint64)
    return np.array([1 << 62], dtype=np.uint64)


def _jaccard_keys(x: np.ndarray, y: np.ndarray) -> float:
    """:func:`ledger.parsing.ids.jaccard` over two :func:`_gram_keys` arrays."""
    inter = len(np.intersect1d(x, y, assume_unique=True))
    union = len(x) + len(y) - inter
    return inter / union if union else 0.0
