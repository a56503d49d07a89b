"""``ledger sql``: plain SQL, read-only, against the published marts file.

    ledger sql "SELECT * FROM county_investment_league LIMIT 10"
    ledger sql -f sql/examples/top_investment_growth.sql
    ledger sql --csv "SELECT ..." > out.csv
    ledger sql --json "SELECT ..." > out.json
    ledger sql --parquet out.parquet "SELECT ..."
    ledger sql --db other.duckdb "SHOW TABLES"

The published copy (``ledger.config.marts_path()``, LEDGER_MARTS, default
data/marts.duckdb) is opened read-only, so a query can never change it and never
blocks the pipeline (it replaces the file atomically; an open reader keeps its snapshot).
The connection cannot reach the file system either (``enable_external_access = false``,
configuration locked): no COPY ... TO, no read_text/read_csv of other files, no ATTACH, no
extension installs; a query sees the tables of the copy and nothing else.
"""
from __future__ import annotations

import argparse
import csv
import datetime as _dt
import decimal
import json
import math
import os
import sys
import tempfile
import unicodedata
import uuid
from pathlib import Path
from typing import Any, Optional, Sequence, TextIO

from ledger import config
from ledger.controls import escape_controls

# cells longer than this are cut in the aligned table (never in --csv)
MAX_CELL = 60


def display_width(text: str) -> int:
    """Terminal columns taken by ``text``: CJK (wide and fullwidth) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 0 if unicodedata.combining(ch) else 1
               for ch in text)


def _cut(text: str, width: int) -> str:
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def cell_text(value: Any) -> str:
    """How a value reads in the table: NULL as empty, floats without binary noise, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value:  # NaN
            return "NaN"
        if abs(value) >= 1e6:  # money in yuan: thousands separated, binary noise rounded away
            return f"{value:,.0f}" if abs(value - round(value)) < 0.01 else f"{value:,.2f}"
        return str(int(value)) if value.is_integer() else f"{value:.6g}"
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cell_text(v) for v in value) + "]"
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return escape_controls(str(value).replace("\n", " "))  # nothing printed may drive the terminal


def _decimals(text: str) -> int:
    return len(text) - text.index(".") - 1 if "." in text else 0


def align_decimals(texts: list[str]) -> list[str]:
    """The texts of one numeric column with as many decimals each as the one with most
    (4 beside 7.25 reads 4.00), so the decimal points line up; empty (NULL), NaN and
    exponent forms are left as they are."""
    plain = [t for t in texts if t and t[-1].isdigit() and "e" not in t]
    d = max((_decimals(t) for t in plain), default=0)
    if d == 0:
        return texts
    out = []
    for t in texts:
        if t in plain:
            t = (t if "." in t else t + ".") + "0" * (d - _decimals(t))
        out.append(t)
    return out


def csv_value(value: Any) -> Any:
    """A value as CSV has it: NULL empty, lists and booleans as in the table, a whole float
    without '.0' (19870000000, not 19870000000.0), other floats exactly."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, bool)):
        return cell_text(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        return str(int(value))
    return value


def format_table(names: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """An aligned text table (numbers right-aligned, decimal points lined up), with the row count underneath."""
    names = [escape_controls(n) for n in names]
    texts = [[_cut(cell_text(v), MAX_CELL) for v in row] for row in rows]
    numeric = [all(isinstance(r[i], (int, float, decimal.Decimal)) and not isinstance(r[i], bool)
                   for r in rows if r[i] is not None) and any(r[i] is not None for r in rows)
               for i in range(len(names))]
    for i in range(len(names)):
        if numeric[i] and any(isinstance(r[i], (float, decimal.Decimal)) for r in rows):
            column = align_decimals([t[i] for t in texts])
            for t, c in zip(texts, column):
                t[i] = c
    widths = [max([display_width(n)] + [display_width(t[i]) for t in texts]) for i, n in enumerate(names)]

    def line(cells: Sequence[str], align_numbers: bool) -> str:
        out = []
        for i, c in enumerate(cells):
            pad = " " * (widths[i] - display_width(c))
            out.append(pad + c if (align_numbers and numeric[i]) else c + pad)
        return "  ".join(out).rstrip()

    parts = [line(names, False), "  ".join("-" * w for w in widths)]
    parts += [line(t, True) for t in texts]
    parts.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(parts)


def json_value(value: Any) -> Any:
    """A value as JSON has it: dates and times ISO 8601, decimals and NaN/inf as numbers or null,
    lists and structs as arrays and objects."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    if isinstance(value, (_dt.timedelta, uuid.UUID)):
        return str(value)
    return str(value)


def unique_names(names: Sequence[str]) -> list[str]:
    """Column names made unique for JSON keys (``SELECT 1 AS a, 2 AS a`` gives a, a_1)."""
    seen: set[str] = set()
    out = []
    for name in names:
        key, k = name, 0
        while key in seen:
            k += 1
            key = f"{name}_{k}"
        seen.add(key)
        out.append(key)
    return out


def write_json(names: Sequence[str], rows: Sequence[Sequence[Any]], out: TextIO) -> None:
    """One JSON array of objects (column name -> value), one row per line, UTF-8 as is
    (control characters escaped)."""
    keys = unique_names(names)
    out.write("[")
    for i, row in enumerate(rows):
        out.write(",\n" if i else "\n")
        out.write(json.dumps({n: json_value(v) for n, v in zip(keys, row)}, ensure_ascii=False))
    out.write("\n]\n" if rows else "]\n")


# the analyst's connection: read-only, no file system, and no statement may undo that
SANDBOX = {"enable_external_access": False, "lock_configuration": True}


def _connect(db: Path) -> Any:
    """The published file, opened read-only and sandboxed (``SANDBOX``): every query of
    ``ledger sql`` and ``ledger leagues``."""
    import duckdb

    return duckdb.connect(str(db), read_only=True, config=SANDBOX)


def run_query(db: Path, sql: str) -> tuple[list[str], list[tuple]]:
    """Run ``sql`` read-only on ``db``: (column names, rows). Several statements: the last one's result."""
    con = _connect(db)
    try:
        cur = con.execute(sql)
        if cur.description is None:
            return [], []
        names = [d[0] for d in cur.description]
        return names, cur.fetchall()
    finally:
        con.close()


def query_to_parquet(db: Path, sql: str, target: Path, batch_rows: int = 100_000) -> Optional[int]:
    """Run ``sql`` read-only on ``db`` and stream its result into the Parquet file ``target``
    (zstd; written beside it and renamed into place). Returns the rows written, None when the
    last statement returns no result (nothing is written)."""
    import pyarrow.parquet as pq

    target = Path(target)
    con = _connect(db)
    try:
        rel = con.sql(sql)  # every statement but the last runs; the last is a relation, or None
        if rel is None:
            return None
        reader = (getattr(rel, "to_arrow_reader", None) or rel.fetch_arrow_reader)(batch_rows)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        rows = 0
        try:
            with pq.ParquetWriter(tmp, reader.schema, compression="zstd") as writer:
                for batch in reader:
                    writer.write_batch(batch)
                    rows += batch.num_rows
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
        return rows
    finally:
        con.close()


def main(argv: Optional[Sequence[str]] = None, out: Optional[TextIO] = None, err: Optional[TextIO] = None) -> int:
    parser = argparse.ArgumentParser(prog="ledger sql", description="Run SQL read-only against the published marts.")
    add_arguments(parser)
    return run(parser.parse_args(argv), out, err)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="?", help='the SQL, e.g. "SELECT * FROM coverage" (or use -f)')
    parser.add_argument("-f", "--file", help="read the SQL from this file (e.g. sql/examples/....sql)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--csv", action="store_true", help="print CSV (header + rows) instead of a table")
    output.add_argument("--json", action="store_true", help="print a JSON array of objects (one per row)")
    output.add_argument("--parquet", metavar="FILE", help="write the result to a Parquet file (prints nothing)")
    parser.add_argument("--db", help="DuckDB file to query (default $LEDGER_MARTS or data/marts.duckdb)")


def run(args: argparse.Namespace, out: Optional[TextIO] = None, err: Optional[TextIO] = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    if bool(args.query) == bool(args.file):
        print("ledger sql: give a query or -f FILE (one of them)", file=err)
        return 2
    if args.file:
        try:
            sql = Path(args.file).read_text(encoding="utf-8")
        except OSError as exc:
            print(f"ledger sql: cannot read {escape_controls(args.file)}: {exc.strerror or exc}", file=err)
            return 2
    else:
        sql = args.query
    db = Path(args.db) if args.db else config.marts_path()
    if not db.is_file():
        print(f"ledger sql: {escape_controls(str(db))} does not exist yet; run `ledger run` first (or pass --db FILE)", file=err)
        return 2
    import duckdb

    if getattr(args, "parquet", None):
        try:
            written = query_to_parquet(db, sql, Path(args.parquet))
        except duckdb.Error as exc:
            print(f"ledger sql: {exc}", file=err)
            return 1
        except OSError as exc:
            print(f"ledger sql: cannot write {args.parquet}: {exc.strerror or exc}", file=err)
            return 2
        if written is None:
            print("ledger sql: the last statement returns no rows; nothing written", file=err)
            return 2
        print(f"{written} row{'s' if written != 1 else ''} written to {args.parquet}", file=err)
        return 0
    try:
        names, rows = run_query(db, sql)
    except duckdb.PermissionException as exc:
        _error("ledger sql: queries read the published tables only; files and settings are out of reach "
               "(file system access is switched off): ", exc, err)
        return 1
    except duckdb.Error as exc:
        _error("ledger sql: ", exc, err)
        return 1
    try:
        if getattr(args, "json", False):
            write_json(names, rows, out)
        elif args.csv:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow([escape_controls(n) for n in names])
            for row in rows:
                writer.writerow([_csv_cell(v) for v in row])
        elif names:
            print(format_table(names, rows), file=out)
        out.flush()
    except BrokenPipeError:  # `ledger sql ... | head`: the reader left, nothing is wrong
        _silence_stdout()
    return 0


def _csv_cell(value: Any) -> Any:
    """A value as CSV writes it: NULL empty, lists and booleans as in the table, text with its
    control characters escaped (newlines and tabs stay: CSV quotes them)."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, bool)):
        return cell_text(value)
    if isinstance(value, str):
        return escape_controls(value, keep="\n\t")
    return csv_value(value)


def _error(prefix: str, exc: Exception, err: TextIO) -> None:
    print(f"{prefix}{escape_controls(str(exc), keep=chr(10))}", file=err)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


# the queries `ledger leagues` prints, in order (files in sql/examples/, tested there)
LEAGUE_QUERIES = (
    ("Fixed-asset investment (固定资产投资), latest period of each prefecture, ranked by growth",
     "latest_investment_league.sql"),
    ("Headline growth (GDP, budget and fiscal revenue, retail sales, industrial value added), latest period",
     "latest_growth_league.sql"),
)


def add_league_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="DuckDB file to read (default $LEDGER_MARTS or data/marts.duckdb)")


def league_coverage(names: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    """One line per league (prefecture, metric when there is one, period) of a `ledger leagues`
    table: its coverage 'k of N' and whether it is partial, in the table's order."""
    idx = {n: i for i, n in enumerate(names)}
    seen: dict[tuple, tuple[str, bool]] = {}
    for r in rows:
        key = tuple(r[idx[k]] for k in ("prefecture", "metric", "period") if k in idx)
        seen.setdefault(key, (r[idx["reporting"]], bool(r[idx["partial"]])))
    width = max([display_width(" ".join(str(k) for k in key)) for key in seen] or [0])
    out = []
    for key, (reporting, partial) in seen.items():
        label = " ".join(str(k) for k in key)
        out.append(f"  {label}{' ' * (width - display_width(label))}  {reporting:>8}{'  partial' if partial else ''}")
    return out


LEAGUE_NOTE = ("reported: the rank the article itself states (报道名次), ≠ when the computed rank differs; "
               "reporting: k of the prefecture's N county-level divisions have a figure; "
               "partial: fewer than half report (k < N / 2), so its ranks compare only those few.")


def leagues(args: argparse.Namespace, out: Optional[TextIO] = None, err: Optional[TextIO] = None) -> int:
    """``ledger leagues``: print the league tables of the published marts (what `make demo` shows),
    each league's coverage, and, last, the files that were quarantined."""
    out = out or sys.stdout
    err = err or sys.stderr
    db = Path(args.db) if args.db else config.marts_path()
    if not db.is_file():
        print(f"ledger leagues: {escape_controls(str(db))} does not exist yet; run `ledger run` first (or pass --db FILE)", file=err)
        return 2
    import duckdb

    try:
        for title, file_name in LEAGUE_QUERIES:
            names, rows = run_query(db, (config.SQL_DIR / "examples" / file_name).read_text(encoding="utf-8"))
            print(f"\n{title}\n", file=out)
            print(format_table(names, rows) if rows else "(no rows yet)", file=out)
            if rows:
                print("\nCoverage of each league (k of N county-level divisions report):", file=out)
                print("\n".join(league_coverage(names, rows)), file=out)
        from ledger.chart import chart_path

        print(f"\n{LEAGUE_NOTE}", file=out)
        print(f"More: ledger sql \"SELECT ...\" (sql/examples/, sql/README.md); chart: {chart_path(db)}", file=out)
        from ledger.report import quarantine_line, quarantined

        con = _connect(db)
        try:
            print(quarantine_line(quarantined(con)), file=out)
        finally:
            con.close()
        out.flush()
    except duckdb.Error as exc:
        _error("ledger leagues: ", exc, err)
        return 1
    except BrokenPipeError:
        _silence_stdout()
    return 0


if __name__ == "__main__":
    sys.exit(main())
