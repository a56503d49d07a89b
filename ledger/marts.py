"""Building the marts, the chart and the published copy only as far as the data changed.

Every write of the ingest steps is logged in ``change_log`` (ledger/warehouse.py): the
region keys whose facts or rankings were inserted or deleted, '*' when everything may have
changed, NULL for a change that touches no region. ``build_state`` remembers, per mart, the
last log entry its build covered. A build then is one of

- ``unchanged``: nothing logged since (a run with nothing new costs a few queries);
- ``incremental``: the mart's SQL file declares a key (``-- incremental by: <key>``) and few
  keys are dirty: the mart's rows of the dirty keys are deleted and recomputed by the mart's
  own SQL, run over its inputs restricted to those keys (temporary views named like the
  input tables shadow them for one statement, so the SQL files stay the plain SELECTs an
  analyst reads);
- ``full``: ``CREATE OR REPLACE TABLE <mart> AS <its SQL>``: the first build, a changed SQL
  file, a '*' entry, a mart it reads rebuilt in full ('*:<mart>'), a mart without a key, or
  more than ``FULL_FRACTION`` of its keys dirty.

A key declaration is a promise about the SQL, checked by tests/marts/test_incremental.py
(incremental builds equal full builds after inserts, changes and deletions):

- ``region_key``: every output row has a ``region_key`` and depends only on the input rows of
  that region (grouped or partitioned by region_key);
- ``province_code``: every output row has a ``province_code`` and depends only on the input
  rows of that province (ranks within a prefecture or a province).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Optional

import duckdb

from ledger import warehouse as wh

# above this share of a mart's keys dirty, one full rebuild is cheaper than delete + insert
FULL_FRACTION = 0.3

INCREMENTAL_RE = re.compile(r"^--\s*incremental by:\s*(\w+)\b", re.M)

# how each input relation is restricted to a set of dirty keys of each kind; inputs not
# listed (articles, regions) are read whole
KEY_FILTERS = {
    "region_key": {"metric_facts": wh.REGION_KEY_SQL, "rankings": wh.REGION_KEY_SQL,
                   "region_metric_latest": "region_key"},
    "province_code": {"region_metric_latest": "province_code"},
}
# the dirty values of each kind, from the dirty region keys in _ledger_dirty(region_key)
DIRTY_VALUES = {
    "region_key": "SELECT DISTINCT region_key AS k FROM _ledger_dirty",
    "province_code": "SELECT DISTINCT r.province_code AS k FROM _ledger_dirty d "
                     "LEFT JOIN regions r ON r.region_key = d.region_key",
}


@dataclass
class Build:
    name: str
    mode: str                 # full | incremental | unchanged
    rows: int
    dirty_keys: int = 0       # keys rebuilt (incremental), 0 otherwise
    reason: str = ""


def incremental_key(sql: str) -> Optional[str]:
    m = INCREMENTAL_RE.search(sql)
    if m and m.group(1) not in KEY_FILTERS:
        raise ValueError(f"unknown incremental key {m.group(1)!r} (known: {', '.join(KEY_FILTERS)})")
    return m.group(1) if m else None


def last_seq(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchall()[0][0]


def state(con: duckdb.DuckDBPyConnection, name: str) -> Optional[dict]:
    cur = con.execute("SELECT * FROM build_state WHERE name = ?", [name])
    cols = [d[0] for d in cur.description]
    rows = cur.fetchall()
    return dict(zip(cols, rows[0])) if rows else None


def set_state(con: duckdb.DuckDBPyConnection, name: str, built_seq: int, sql_sha: str, mode: str,
              n_rows: Optional[int] = None) -> int:
    """Record a build; returns the output's version (bumped unless ``mode`` is unchanged)."""
    prev = state(con, name)
    version = (prev["version"] if prev else 0) + (0 if mode == "unchanged" and prev else 1)
    con.execute("INSERT OR REPLACE INTO build_state VALUES (?, ?, ?, ?, ?, ?, ?)",
                [name, built_seq, sql_sha, version, mode, n_rows, datetime.now(timezone.utc)])
    return version


def _table_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(con.execute("SELECT 1 FROM duckdb_tables() WHERE table_name = ? AND database_name = current_database() "
                            "AND schema_name = 'main'", [name]).fetchall())


def build_mart(con: duckdb.DuckDBPyConnection, name: str, force_full: bool = False) -> Build:
    """Bring mart ``name`` up to date with ``change_log``: unchanged, incremental or full."""
    sql = wh.sql_text(name)
    sha = hashlib.sha256(sql.encode()).hexdigest()[:16]
    key = incremental_key(sql)
    upto = last_seq(con)
    prev = state(con, name)
    exists = _table_exists(con, name)
    reason = ("forced" if force_full else "first build" if not exists or prev is None
              else "SQL changed" if prev["sql_sha"] != sha else "")
    if not reason:
        logged = {r[0] for r in con.execute("SELECT DISTINCT region_key FROM change_log WHERE seq > ?",
                                            [prev["built_seq"]]).fetchall()} - {None}
        rebuilt_inputs = sorted(k[2:] for k in logged if k.startswith("*:")
                                and k[2:] in wh.relations_read(name, wh.mart_names()))
        if "*" in logged:
            reason = "everything changed"
        elif rebuilt_inputs:
            reason = f"{', '.join(rebuilt_inputs)} rebuilt in full"
        elif not {k for k in logged if not k.startswith("*")}:  # only changes that touch no region
            con.execute("BEGIN")
            set_state(con, name, upto, sha, "unchanged", prev["n_rows"])
            con.execute("COMMIT")
            return Build(name, "unchanged", prev["n_rows"] or 0)
        elif key is None:
            reason = "no incremental key"
    con.execute("BEGIN")
    try:
        if not reason:
            n_keys = _rebuild_keys(con, name, sql, key, prev["built_seq"])
            if n_keys is not None:
                rows = wh.row_count(con, name)
                set_state(con, name, upto, sha, "incremental", rows)
                con.execute("COMMIT")
                return Build(name, "incremental", rows, n_keys)
            reason = f"over {FULL_FRACTION:.0%} of its keys dirty"
        rows = wh.build_mart(con, name)
        if prev is not None and reason in ("SQL changed", "forced", "first build") and _readers(name):
            # marts that read this one (later in ORDER, so built in this same run) cannot know
            # which of its keys moved: '*:<mart>' has them rebuilt in full
            wh.log_change(con, [f"*:{name}"])
            upto = last_seq(con)
        set_state(con, name, upto, sha, "full", rows)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return Build(name, "full", rows, reason=reason)


def _readers(name: str) -> list[str]:
    """The marts whose SQL reads mart ``name``."""
    return [m for m in wh.mart_names() if name in wh.relations_read(m, [name])]


def _rebuild_keys(con: duckdb.DuckDBPyConnection, name: str, sql: str, key: str, since: int) -> Optional[int]:
    """Delete and recompute the rows of the region keys logged after ``since``; None when a
    full build is cheaper."""
    con.execute("CREATE OR REPLACE TEMP TABLE _ledger_dirty AS SELECT DISTINCT region_key FROM change_log "
                "WHERE seq > ? AND region_key IS NOT NULL AND region_key NOT LIKE '*%'", [since])
    con.execute(f"CREATE OR REPLACE TEMP TABLE _ledger_keys AS {DIRTY_VALUES[key]}")
    n_keys, has_null = con.execute("SELECT count(*), bool_or(k IS NULL) FROM _ledger_keys").fetchall()[0]
    total = con.execute(f"SELECT count(DISTINCT {key}) FROM {name}").fetchall()[0][0]
    if n_keys > FULL_FRACTION * max(total, 1):
        return None
    match = f"({{col}} IN (SELECT k FROM _ledger_keys WHERE k IS NOT NULL){' OR {col} IS NULL' if has_null else ''})"
    db = wh.quote_ident(con.execute("SELECT current_database()").fetchall()[0][0])
    shadows = wh.relations_read(name, KEY_FILTERS[key])
    try:
        for t in shadows:
            con.execute(f'CREATE OR REPLACE TEMP VIEW {t} AS SELECT * FROM {db}.main.{t} '
                        f"WHERE {match.format(col=KEY_FILTERS[key][t])}")
        con.execute(f"DELETE FROM {db}.main.{name} WHERE {match.format(col=key)}")
        con.execute(f"INSERT INTO {db}.main.{name} {sql.strip().rstrip(';')}")
    finally:
        for t in shadows:
            con.execute(f"DROP VIEW IF EXISTS temp.main.{t}")
        con.execute("DROP TABLE IF EXISTS temp.main._ledger_dirty")
        con.execute("DROP TABLE IF EXISTS temp.main._ledger_keys")
    return n_keys


def purge_log(con: duckdb.DuckDBPyConnection) -> int:
    """Forget log entries every mart has covered (the newest entry is always kept, so the
    sequence's position stays readable as max(seq))."""
    marts = wh.mart_names()
    placeholders = ", ".join("?" for _ in marts)
    low = con.execute(f"SELECT min(built_seq), count(*) FROM build_state WHERE name IN ({placeholders})",
                      marts).fetchall()[0]
    if low[1] < len(marts) or low[0] is None:
        return 0
    upto = min(low[0], last_seq(con) - 1)
    n = con.execute("SELECT count(*) FROM change_log WHERE seq <= ?", [upto]).fetchall()[0][0]
    if n:
        con.execute("DELETE FROM change_log WHERE seq <= ?", [upto])
    return n


def refresh(con: duckdb.DuckDBPyConnection, target: Path, fingerprint: str, build: Callable[[], object],
            kind: str) -> bool:
    """Rebuild a derived file (``kind`` 'chart', 'publish' or 'parquet') with ``build()`` unless it exists
    and was last built from exactly ``fingerprint`` (e.g. the versions of its inputs); returns
    whether it was rebuilt."""
    target = Path(target)
    # the folder resolved, not the target itself: a target that is a symbolic link swapped to a
    # new folder on every build (the Parquet export) keeps one name
    name = f"{kind}:{target.parent.resolve() / target.name}"
    prev = state(con, name)
    if Path(target).exists() and prev is not None and prev["sql_sha"] == fingerprint:
        return False
    build()
    set_state(con, name, last_seq(con), fingerprint, "full")
    return True


def versions(con: duckdb.DuckDBPyConnection, names: list[str]) -> str:
    """A fingerprint of the current versions of ``names`` (marts) for :func:`refresh`."""
    got = dict(con.execute("SELECT name, version FROM build_state WHERE name IN (SELECT unnest(?))",
                           [names]).fetchall())
    return ";".join(f"{n}={got.get(n)}" for n in names)
