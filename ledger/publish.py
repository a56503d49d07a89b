"""What analysts open: the published DuckDB copy, in a storage format DuckDB 1.x reads, and
Parquet files beside it. Nothing here imports dagster.

- ``publish_database(con, target)``: the analyst relations (``relations()``: every mart and the
  base tables an analyst reads; not the bookkeeping ``change_log`` and ``build_state``) copied
  table by table into a new DuckDB file attached with ``STORAGE_VERSION``, written beside
  ``target``, fsynced and renamed over it. The live warehouse stays on the current format.
- ``publish_parquet(con, folder)``: every mart and ``metric_facts``, ``rankings``, ``regions``,
  ``articles`` (without the body text) and ``articles_text`` (the body text, keyed like
  ``articles``) as one Parquet file each, written into a new hidden folder beside ``folder``;
  ``folder`` is a symbolic link swapped to the new folder in one rename.

Both are atomic for readers: a reader holding the old file (or a file of the old folder) open
keeps reading it (a rename never touches an open inode); a new reader sees the whole new copy.
The caller holds the writer lock and ``con`` is the warehouse's only connection.

Why table by table and not a byte copy of the warehouse: DuckDB 2.x writes storage version 999,
which no 1.x client opens. ``STORAGE_VERSION 'v1.0.0'`` is storage number 64, the oldest format
DuckDB 2.x writes ('v0.10.0' names the same format); duckdb 1.0.0 to 1.5 (and 0.10.3) open it,
and it holds every type the published relations use (VARCHAR, VARCHAR[], INTEGER, BIGINT,
DOUBLE, BOOLEAN, DATE, TIMESTAMPTZ). ``v1.2.0`` and later compress better but 1.0 and 1.1
clients cannot read them. The tables are created with ``CREATE TABLE AS`` (no constraints, no
sequence): a read-only copy needs no primary-key index, and a copy made by ``COPY FROM
DATABASE`` (constraints and the ``change_seq`` sequence included) fails to open in duckdb
1.0.0 ("Failed to deserialize: ... field id: 103").
"""
from __future__ import annotations

import errno
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import duckdb

from ledger import warehouse as wh

STORAGE_VERSION = "v1.0.0"
# base tables an analyst reads, published beside every mart (change_log and build_state are the
# pipeline's bookkeeping and stay in the warehouse)
BASE_RELATIONS = ("regions", "region_aliases", "raw_files", "quarantined_files", "articles", "metric_facts",
                  "rankings", "unresolved_mentions", "set_aside_facts")
# base tables also written as Parquet (beside every mart)
PARQUET_BASE = ("metric_facts", "rankings", "regions", "articles")
# the body of an article: left out of articles.parquet, written to articles_text.parquet with
# the key of articles (source_file, position) and article_id; evidence offsets count in ``text``
TEXT_COLUMNS = ("text",)
BODY_COLUMNS = ("text", "paragraphs")
TEXT_KEY = ("source_file", "position", "article_id")
# rows per row group of the published copy and of the Parquet files. A writer holds a row group in
# memory; DuckDB's default (122,880 rows) holds ~1 GB of article text at 100k real-size articles, more
# than the memory limit of a run (LEDGER_DUCKDB_MEMORY, 768 MB), so both are written in groups of
# 8,192 rows (~75 MB of article text)
ROW_GROUP_ROWS = 8192
PARQUET_OPTIONS = f"FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE {ROW_GROUP_ROWS}"
# part of every publish fingerprint: a new layout or format is published once even when no data changed
FORMAT = f"duckdb {STORAGE_VERSION} by table, row groups of {ROW_GROUP_ROWS}; parquet zstd 2"


def relations() -> list[str]:
    """The relations of the published DuckDB copy: the analyst base tables, then every mart."""
    return list(BASE_RELATIONS) + wh.mart_names()


def parquet_files() -> list[str]:
    """The file names of the Parquet folder, in writing order."""
    return [f"{n}.parquet" for n in wh.mart_names() + list(PARQUET_BASE)] + ["articles_text.parquet"]


def parquet_dir(marts_file: Optional[Path] = None) -> Path:
    """The Parquet folder: ``LEDGER_PARQUET``, else ``parquet/`` beside the published marts file
    (``data/parquet/`` by default)."""
    env = os.environ.get("LEDGER_PARQUET")
    if env:
        return Path(env).expanduser()
    if marts_file is None:
        from ledger.config import marts_path

        marts_file = marts_path()
    return Path(marts_file).parent / "parquet"


def fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    """What a publish is built from: the position of the change log, the version of every mart
    (a new or rebuilt mart logs nothing when no mart reads it) and ``FORMAT``."""
    from ledger import marts

    return f"{FORMAT};seq={marts.last_seq(con)};{marts.versions(con, wh.mart_names())}"


def _sql_string(text: str | os.PathLike) -> str:
    return wh.quote_literal(str(text))


def _fsync(path: Path, directory: bool = False) -> None:
    fd = os.open(path, os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def _lean(con: duckdb.DuckDBPyConnection):
    """One thread and no insertion order while the copies are written: large strings copied in
    parallel and in order are buffered whole, which at 100k real-size articles exceeded a run's
    memory limit ('failed to allocate data of size 128.0 MiB'); a published table or Parquet file
    has no meaningful physical order. The settings are restored after."""
    settings = dict(con.execute("SELECT name, value FROM duckdb_settings() "
                                "WHERE name IN ('preserve_insertion_order', 'threads')").fetchall())
    con.execute("SET preserve_insertion_order = false")
    con.execute("SET threads = 1")
    try:
        yield
    finally:
        con.execute(f"SET preserve_insertion_order = {settings['preserve_insertion_order']}")
        con.execute(f"SET threads = {settings['threads']}")


def _copy_tables(con: duckdb.DuckDBPyConnection, db: str, alias: str) -> None:
    """Each relation into the attached copy: one transaction and one checkpoint per table, so a
    checkpoint never holds more than one table (all of them in one transaction exceeded DuckDB's
    memory limit at 100k real-size articles: "failed to allocate data of size 16.0 MiB"); the
    file is renamed into place only once every table is in it, so the copy stays all-or-nothing."""
    for name in relations():
        con.execute("BEGIN")
        try:
            con.execute(f'CREATE TABLE {alias}.main."{name}" AS SELECT * FROM {db}.main."{name}"')
            con.execute("COMMIT")
        except BaseException:
            _quietly(con, "ROLLBACK")   # a failed COMMIT has ended the transaction already
            raise
        con.execute(f"CHECKPOINT {alias}")


def publish_database(con: duckdb.DuckDBPyConnection, target: str | os.PathLike) -> Path:
    """Write :func:`relations` into a new DuckDB file in storage format ``STORAGE_VERSION`` and
    rename it over ``target``."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    # a publisher killed mid-write leaves its temp file (and perhaps its WAL); the caller holds
    # the writer lock, so no other publisher is writing one now
    for stale in target.parent.glob(f".{target.name}.*.tmp*"):
        stale.unlink(missing_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # DuckDB creates the database file itself
    db = wh.quote_ident(con.execute("SELECT current_database()").fetchall()[0][0])
    alias = "_ledger_publish"
    try:
        con.execute(f"ATTACH {_sql_string(tmp)} AS {alias} (STORAGE_VERSION '{STORAGE_VERSION}', ROW_GROUP_SIZE {ROW_GROUP_ROWS})")
        try:
            with _lean(con):
                _copy_tables(con, db, alias)
        finally:
            _quietly(con, f"DETACH {alias}")   # never hide the error that brought us here
        wal = Path(str(tmp) + ".wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise RuntimeError(f"{wal} is not empty after CHECKPOINT and DETACH")
        wal.unlink(missing_ok=True)
        _fsync(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
        _fsync(target.parent, directory=True)
    except duckdb.Error as exc:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)
        if "no space left" in str(exc).lower():
            # name the file being written, as a full disk's OSError would
            raise OSError(errno.ENOSPC, "No space left on device", str(tmp)) from exc
        raise
    except BaseException:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)
        raise
    return target


def _quietly(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    try:
        con.execute(sql)
    except duckdb.Error:
        pass


def publish_parquet(con: duckdb.DuckDBPyConnection, folder: str | os.PathLike) -> Path:
    """Write :func:`parquet_files` into a new folder and swap the symbolic link ``folder`` to it.

    The folders are ``.<name>.<stamp>`` beside the link; the one the link pointed to before is
    kept until the next publish (a reader that listed it a moment ago can still open its
    files), older ones are removed.
    """
    link = Path(folder)
    parent = link.parent
    parent.mkdir(parents=True, exist_ok=True)
    if link.exists() and not link.is_symlink():
        raise RuntimeError(f"{link} is a real folder; the Parquet export keeps a symbolic link there "
                           "(move the folder away, or set LEDGER_PARQUET)")
    for stale in parent.glob(f".{link.name}.*.tmp"):  # a publisher killed mid-write
        if stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale, ignore_errors=True)
        else:
            stale.unlink(missing_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{link.name}.", suffix=".tmp", dir=parent))
    db = wh.quote_ident(con.execute("SELECT current_database()").fetchall()[0][0])
    try:
        cols = [c for c, _ in wh.columns(con, f'{db}.main.articles')]
        queries = {n: f'SELECT * FROM {db}.main."{n}"' for n in wh.mart_names() + list(PARQUET_BASE)}
        queries["articles"] = ("SELECT " + ", ".join(f'"{c}"' for c in cols if c not in BODY_COLUMNS)
                               + f' FROM {db}.main.articles')
        queries["articles_text"] = ("SELECT " + ", ".join(f'"{c}"' for c in TEXT_KEY + TEXT_COLUMNS)
                                    + f' FROM {db}.main.articles')
        con.execute("BEGIN")  # one snapshot for every file
        try:
            with _lean(con):
                for name, sql in queries.items():
                    path = tmp / f"{name}.parquet"
                    con.execute(f"COPY ({sql}) TO {_sql_string(path)} ({PARQUET_OPTIONS})")
        finally:
            con.execute("ROLLBACK")
        for path in tmp.iterdir():
            _fsync(path)
            os.chmod(path, 0o644)
        os.chmod(tmp, 0o755)
        _fsync(tmp, directory=True)
        final = parent / f".{link.name}.{time.time_ns()}"
        os.rename(tmp, final)
        tmp = final
        previous = os.readlink(link) if link.is_symlink() else None
        new_link = parent / f".{link.name}.{time.time_ns()}.link.tmp"
        os.symlink(final.name, new_link)
        os.replace(new_link, link)  # the swap: one rename
        _fsync(parent, directory=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    for old in parent.glob(f".{link.name}.*"):
        if (old.is_dir() and not old.is_symlink() and old.name not in (final.name, previous)
                and not old.name.endswith(".tmp")):
            shutil.rmtree(old, ignore_errors=True)
    return link


def size_bytes(path: Path) -> int:
    """Bytes of a file, or of the files of a folder (through its link)."""
    path = Path(path)
    if path.is_dir():
        return sum(p.stat().st_size for p in path.iterdir() if p.is_file())
    return path.stat().st_size
