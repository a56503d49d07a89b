"""DuckDB plumbing: schema from ``sql/``, typed inserts, mart builds (publishing: ledger/publish.py).

Every relation has one SQL file: base tables in ``sql/tables/<name>.sql`` (DDL),
marts in ``sql/marts/<name>.sql`` (one SELECT). Nothing here imports dagster.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Sequence

import duckdb
import pyarrow as pa

from ledger.config import SQL_DIR

TABLES_DIR = SQL_DIR / "tables"
MARTS_DIR = SQL_DIR / "marts"

# Base tables in dependency order; every one has sql/tables/<name>.sql.
BASE_TABLES = (
    "regions",
    "region_aliases",
    "raw_files",
    "quarantined_files",
    "articles",
    "metric_facts",
    "set_aside_facts",
    "rankings",
    "unresolved_mentions",
    "change_log",
    "build_state",
)
# Tables holding rows derived from one dropped file, keyed by source_file.
PER_FILE_TABLES = ("articles", "metric_facts", "set_aside_facts", "rankings", "unresolved_mentions")
# the tables the extract step writes (its rows of a file are replaced together)
FACT_TABLES = ("metric_facts", "set_aside_facts", "rankings", "unresolved_mentions")
# Tables whose rows carry a region (region_code, region_name): a change to them dirties that
# region's rows in the marts (see ledger/marts.py); a change to any other table the analysts
# see is logged without a region, so the published copy knows it is stale.
REGION_TABLES = ("metric_facts", "rankings")
REGION_KEY_SQL = "coalesce(region_code, 'name:' || region_name)"


def sql_text(name: str) -> str:
    """The SQL of relation ``name`` (a base table's DDL or a mart's SELECT)."""
    for folder in (TABLES_DIR, MARTS_DIR):
        path = folder / f"{name}.sql"
        if path.exists():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(f"no sql/tables/{name}.sql or sql/marts/{name}.sql")


def mart_names() -> list[str]:
    """Marts in build order: file names sorted, a leading 'NN_' prefix is not used, so
    marts that read other marts list them in ``sql/marts/ORDER`` when present."""
    order_file = MARTS_DIR / "ORDER"
    if order_file.exists():
        names = [ln.strip() for ln in order_file.read_text().splitlines() if ln.strip() and not ln.startswith("#")]
        return names
    return sorted(p.stem for p in MARTS_DIR.glob("*.sql"))


def relations_read(name: str, candidates: Iterable[str]) -> list[str]:
    """Which of ``candidates`` the SQL of relation ``name`` reads (comments left out)."""
    import re

    code = re.sub(r"--[^\n]*", "", sql_text(name))
    return [c for c in candidates if c != name and re.search(rf"\b{c}\b", code)]


def quote_ident(name: str) -> str:
    """``name`` as a SQL identifier: double-quoted, inner quotes doubled (a database named
    after a file such as we"ird.duckdb is data, never SQL)."""
    return '"' + str(name).replace('"', '""') + '"'


def quote_literal(text: str) -> str:
    """``text`` as a SQL string literal (for the few statements that take no parameters)."""
    return "'" + str(text).replace("'", "''") + "'"


def connect(path: str | os.PathLike, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path), read_only=read_only)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    for name in BASE_TABLES:
        con.execute(sql_text(name))


def table_schema(con: duckdb.DuckDBPyConnection, table: str) -> pa.Schema:
    return con.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[dict]) -> int:
    """Insert dict rows into ``table``, typed by the table's own schema; unknown keys are dropped."""
    if not rows:
        return 0
    schema = table_schema(con, table)
    keys = set().union(*(r.keys() for r in rows))
    sub = pa.schema([f for f in schema if f.name in keys])
    arrow_rows = pa.Table.from_pylist([{k: r.get(k) for k in sub.names} for r in rows], schema=sub)
    con.register("_ledger_rows", arrow_rows)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _ledger_rows")
    finally:
        con.unregister("_ledger_rows")
    if table in REGION_TABLES:
        log_change(con, {region_key(r.get("region_code"), r.get("region_name")) for r in rows})
    else:
        log_change(con, [None])
    return len(rows)


def region_key(code: str | None, name: str | None) -> str | None:
    """The key the marts group a region by (``REGION_KEY_SQL`` in Python)."""
    return code if code is not None else (None if name is None else "name:" + name)


def log_change(con: duckdb.DuckDBPyConnection, keys: Iterable[str | None] = (None,), select: str = "") -> None:
    """Record in ``change_log`` that these region keys (or, with ``select``, the keys that
    query returns as its only column) changed; None = a change that touches no region,
    '*' = everything. The marts, the chart and the publisher read it (ledger/marts.py)."""
    if select:
        con.execute(f"INSERT INTO change_log (seq, region_key) SELECT nextval('change_seq'), k "
                    f"FROM (SELECT DISTINCT * FROM ({select})) AS t(k)")
        return
    keys = sorted(set(keys), key=lambda k: (k is not None, k or ""))
    if not keys:
        return
    con.register("_ledger_keys", pa.table({"k": pa.array(keys, pa.string())}))
    try:
        con.execute("INSERT INTO change_log (seq, region_key) SELECT nextval('change_seq'), k FROM _ledger_keys")
    finally:
        con.unregister("_ledger_keys")


def delete_files(con: duckdb.DuckDBPyConnection, file_names: Iterable[str],
                 tables: Sequence[str] = PER_FILE_TABLES) -> None:
    """Retract every row derived from these dropped files."""
    names = sorted(set(file_names))
    if not names:
        return
    con.register("_ledger_names", pa.table({"n": pa.array(names, pa.string())}))
    try:
        for table in tables:
            if table in REGION_TABLES:  # the regions whose rows go away must be rebuilt in the marts
                log_change(con, select=f"SELECT {REGION_KEY_SQL} FROM {table} "
                                       "WHERE source_file IN (SELECT n FROM _ledger_names)")
            con.execute(f"DELETE FROM {table} WHERE source_file IN (SELECT n FROM _ledger_names)")
        log_change(con, [None])
    finally:
        con.unregister("_ledger_names")


def build_mart(con: duckdb.DuckDBPyConnection, name: str) -> int:
    """(Re)build mart ``name`` from its SQL file; returns its row count."""
    select = sql_text(name).strip().rstrip(";")
    con.execute(f"CREATE OR REPLACE TABLE {name} AS {select}")
    return con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0]


def row_count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]


def columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    """(name, type) of each column of ``table``."""
    return [(r[0], r[1]) for r in con.execute(f"DESCRIBE {table}").fetchall()]


def preview_markdown(con: duckdb.DuckDBPyConnection, table: str, limit: int = 10) -> str:
    """The first ``limit`` rows of ``table`` as a markdown table."""
    cur = con.execute(f"SELECT * FROM {table} LIMIT {int(limit)}")
    names = [d[0] for d in cur.description]
    rows = cur.fetchall()

    def cell(v) -> str:
        if v is None:
            return ""
        if isinstance(v, float):
            return f"{v:,.4g}" if abs(v) < 1e6 else f"{v:,.0f}"
        return str(v).replace("|", "\\|").replace("\n", " ")[:60]

    out = ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
    out += ["| " + " | ".join(cell(v) for v in r) + " |" for r in rows]
    return "\n".join(out)
