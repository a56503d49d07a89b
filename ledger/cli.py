"""The ``ledger`` command.

``ledger run [--inbox DIR] [--warehouse FILE]`` materialises the same Dagster
assets the UI shows (in-process, one run) over every file in the inbox and
prints a summary. It exits 0 when the run finished, whatever bad files it met.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Optional, Sequence

from ledger import config
from ledger.controls import escape_controls, escaped_output

# what each count of the run summary counts (a user reading "files seen 17 / articles 21" needs it)
_EXPLAIN = {
    "files seen": "  (files in the inbox now, quarantined and duplicate files included)",
    "articles": "  (cut out of those files: a newspaper page holds several stories, an unreadable file none)",
}


def _quarantine_line(marts: Path, summary: dict) -> str:
    """The run summary's last line: the quarantined files, read from the published copy (the run
    just wrote it; the warehouse itself is not opened again, another process may hold it)."""
    from ledger.report import quarantine_line, quarantined
    from ledger.sqlcli import _connect

    try:
        con = _connect(marts)
        try:
            return quarantine_line(quarantined(con))
        finally:
            con.close()
    except Exception:  # no readable published copy: the count the run reported
        n = summary.get("files quarantined", 0)
        return "No file quarantined." if not n else f"{n} files quarantined (ledger sql \"SELECT * FROM quarantined_files\")"


def run(inbox: Optional[str], warehouse: Optional[str], marts: Optional[str], quiet: bool = False) -> int:
    """``ledger run``; everything it and the libraries it calls print has its control characters
    escaped (file names and titles come from strangers)."""
    with escaped_output():
        return _run(inbox, warehouse, marts, quiet)


def _run(inbox: Optional[str], warehouse: Optional[str], marts: Optional[str], quiet: bool) -> int:
    inbox_p = Path(inbox) if inbox else config.inbox_dir()
    warehouse_p = Path(warehouse) if warehouse else config.warehouse_path()
    marts_p = Path(marts) if marts else (config.marts_path() if (warehouse is None or "LEDGER_MARTS" in os.environ)
                                         else warehouse_p.with_name(warehouse_p.stem + ".marts.duckdb"))
    if not inbox_p.is_dir():
        print(f"ledger: inbox {escape_controls(str(inbox_p))} is not a folder", file=sys.stderr)
        return 2
    from ledger import pipeline

    t0 = time.perf_counter()
    pipeline.prestart_pool()  # warms up on the other core while Dagster is imported
    try:
        from orchestration.jobs import run_ingest

        outcome = run_ingest(inbox=str(inbox_p), warehouse=str(warehouse_p), marts=str(marts_p))
    finally:
        pipeline.end_prestart()
    elapsed = time.perf_counter() - t0
    if not outcome.ok:
        print(f"ledger: the run failed: {escape_controls(outcome.message, keep='')}", file=sys.stderr)
        return 1
    if not quiet:  # the run's own counts: the warehouse is not opened again (another process may hold it)
        from ledger.chart import chart_path
        from ledger.publish import parquet_dir

        summary = outcome.summary
        print(f"ledger run: {escape_controls(str(inbox_p))} -> {escape_controls(str(warehouse_p))} ({elapsed:.1f} s)")
        for key, value in summary.items():
            print(f"  {key:18} {value}{_EXPLAIN.get(key, '')}")
        print("Outputs (what analysts open):")
        print(f"  published marts    {escape_controls(str(marts_p))}  (ledger sql, any DuckDB client)")
        print(f"  parquet            {escape_controls(str(parquet_dir(marts_p)))}")
        print(f"  chart              {escape_controls(str(chart_path(marts_p)))}")
        print(escape_controls(_quarantine_line(marts_p, summary), keep=""))
    return 0


def evaluate(gold: str, inbox: Optional[str], warehouse: Optional[str], quiet: bool = False,
             min_f1: Optional[float] = None) -> int:
    """``ledger eval``: score a warehouse (after running the inbox into it, with --inbox)."""
    import tempfile

    from ledger import evaluation

    try:
        gold_set = evaluation.load_gold_file(Path(gold))
    except (OSError, evaluation.GoldError) as exc:
        print(f"ledger eval: {exc}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="ledger-eval-") as tmp:
        if inbox:
            target = Path(warehouse) if warehouse else Path(tmp) / "eval.duckdb"
            code = run(inbox, str(target), str(Path(tmp) / "eval.marts.duckdb"), quiet=True)
            if code != 0:
                return code
        else:
            target = Path(warehouse) if warehouse else config.marts_path()
            if not target.exists():
                print(f"ledger eval: no warehouse at {target} (run `ledger run` first, or give --inbox)",
                      file=sys.stderr)
                return 2
        facts, rankings = evaluation.read_warehouse(target)
    report = evaluation.score(gold_set, facts, rankings)
    print(evaluation.format_report(report, details=not quiet))
    if min_f1 is not None and report.facts.f1 < min_f1:
        return 1
    return 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="ledger", description="county-ledger: Chinese local news -> county league tables")
    sub = parser.add_subparsers(dest="command", required=True)

    p_run = sub.add_parser("run", help="process every file in the inbox (the same Dagster assets, in-process)")
    p_run.add_argument("--inbox", help="folder of dropped files (default $LEDGER_INBOX or data/inbox)")
    p_run.add_argument("--warehouse", help="DuckDB file (default $LEDGER_WAREHOUSE or data/warehouse.duckdb)")
    p_run.add_argument("--marts", help="published read-only copy (default $LEDGER_MARTS or data/marts.duckdb; "
                                       "with --warehouse: beside it, <name>.marts.duckdb)")
    p_run.add_argument("--quiet", action="store_true")

    p_sql = sub.add_parser("sql", help="run SQL read-only against the published marts (aligned table, --csv, --json or --parquet FILE)")
    from ledger.sqlcli import add_arguments as _sql_arguments

    _sql_arguments(p_sql)
    p_leagues = sub.add_parser("leagues", help="print the league tables of the published marts")
    from ledger.sqlcli import add_league_arguments as _league_arguments

    _league_arguments(p_leagues)

    p_eval = sub.add_parser("eval", help="score a run against your own gold annotations (FACTS.md gold format)",
                            description="Score extracted facts and rankings against gold JSON lines (FACTS.md "
                                        "section 6): precision, recall, F1, every miss and every false fact.")
    p_eval.add_argument("--gold", required=True, help="gold JSON lines (types file, fact, ranking)")
    p_eval.add_argument("--inbox", help="run the pipeline on this folder first, into --warehouse (brought up "
                                        "to date with the folder) or else a temporary warehouse")
    p_eval.add_argument("--warehouse", help="warehouse or published copy to score (default: the published "
                                            "marts, $LEDGER_MARTS or data/marts.duckdb)")
    p_eval.add_argument("--quiet", action="store_true", help="only the tables and the summary line")
    p_eval.add_argument("--min-f1", type=float, help="exit 1 when the facts F1 is below this")

    p_bench = sub.add_parser("bench", help="benchmark on a seeded generated corpus (see docs/performance.md)")
    from ledger.bench import add_arguments as _bench_arguments  # argparse only; the benchmark loads lazily

    _bench_arguments(p_bench)

    args = parser.parse_args(argv)
    if args.command == "run":
        return run(args.inbox, args.warehouse, args.marts, args.quiet)
    if args.command == "sql":
        from ledger import sqlcli

        return sqlcli.run(args)
    if args.command == "leagues":
        from ledger import sqlcli

        return sqlcli.leagues(args)
    if args.command == "eval":
        return evaluate(args.gold, args.inbox, args.warehouse, args.quiet, args.min_f1)
    if args.command == "bench":
        from ledger.bench.run import run_from_args

        return run_from_args(args)
    return 2


def console() -> None:
    """The ``ledger`` executable. After ``ledger run`` it leaves without tearing the interpreter
    down: freeing Dagster's and DuckDB's module state object by object takes ~0.6 s, a tenth
    of a small incremental run. Everything that matters is closed or flushed first (the run
    closed the warehouse and the Dagster instance; output, logs and the worker pool here)."""
    code = main()
    if sys.argv[1:2] == ["run"]:
        import logging

        from ledger import pipeline

        pipeline.shutdown_pool()
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    console()
