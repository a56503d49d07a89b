"""DuckDB plumbing: schema from ``sql/``, typed inserts, mart builds, atomic publishing.

Every relation has one SQL file: base tables in ``sql/tables/<name>.sql`` (DDL),
marts in ``sql/marts/<name>.sql`` (one SELECT). Nothing here imports dagster.
"""
from __future__ import annotations

import os
import tempfile
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
    "rankings",
    "unresolved_mentions",
)
# Tables holding rows derived from one dropped file, keyed by source_file.
PER_FILE_TABLES = ("articles", "metric_facts", "rankings", "unresolved_mentions")


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
    return len(rows)


def delete_files(con: duckdb.DuckDBPyConnection, file_names: Iterable[str],
                 tables: Sequence[str] = PER_FILE_TABLES) -> None:
    """Retract every row derived from these dropped files."""
    names = sorted(set(file_names))
    if not names:
        return
    con.register("_ledger_names", pa.table({"n": pa.array(names, pa.string())}))
    try:
        for table in tables:
            con.execute(f"DELETE FROM {table} WHERE source_file IN (SELECT n FROM _ledger_names)")
    finally:
        con.unregister("_ledger_names")


def build_mart(con: duckdb.DuckDBPyConnection, name: str) -> int:
    """(Re)build mart ``name`` from its SQL file; returns its row count."""
    select = sql_text(name).strip().rstrip(";")
    con.execute(f"CREATE OR REPLACE TABLE {name} AS {select}")
    return con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0]


def row_count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]


def publish(con: duckdb.DuckDBPyConnection, target: str | os.PathLike, relations: Sequence[str]) -> Path:
    """Copy ``relations`` into a new DuckDB file beside ``target`` and rename it into place.

    Readers that hold the old file open keep their consistent snapshot (POSIX rename
    does not touch an open inode); new readers see the whole new file or nothing.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    # a publisher killed mid-copy leaves its temp file; the caller holds the writer lock, so
    # no other publisher is writing one now
    for stale in target.parent.glob(f".{target.name}.*.tmp*"):
        stale.unlink(missing_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    os.unlink(tmp)  # DuckDB must create the file itself
    alias = "_ledger_publish"
    con.execute(f"ATTACH '{tmp}' AS {alias}")
    try:
        for rel in relations:
            con.execute(f"CREATE TABLE {alias}.{rel} AS SELECT * FROM {rel}")
    finally:
        con.execute(f"DETACH {alias}")
    wal = Path(tmp + ".wal")
    if wal.exists():  # nothing should be pending after DETACH; never publish a half file
        wal.unlink()
    os.replace(tmp, target)
    return target


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
