"""Asset checks on the facts and the marts.

Blocking checks (severity ERROR) guard what must never reach the marts: a region code the
regions dimension does not know, a non-positive value, a malformed period. The same atomic
fact twice costs only that fact: the extract step moves repeats to set_aside_facts and the
check only warns (its metadata lists what was set aside). When one fails, the marts and the published copy are not rebuilt in that
run (and declarative automation does not rebuild them either), so analysts keep the last good
copy. Plausibility (growth outside [-100, 1000] %) and "marts non-empty after a non-empty
run" warn without blocking: a real 1200 % growth from a tiny base exists, and an empty league
is a signal, not corruption.

Each check is one SQL query returning the offending rows (``OFFENDERS``), so the same SQL
can be run by hand against the warehouse or the published copy.
"""
from __future__ import annotations

import re

import dagster as dg

from ledger import report
from ledger import warehouse as wh
from orchestration.resources import Warehouse

PERIOD_RE = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
GROWTH_MIN, GROWTH_MAX = -100.0, 1000.0

# check name -> SELECT of the offending rows
OFFENDERS = {
    "facts_region_codes_known": """
        SELECT source_file, region_code, region_name, metric FROM metric_facts
        WHERE region_code IS NOT NULL AND region_code NOT IN (SELECT code FROM regions WHERE code IS NOT NULL)""",
    "rankings_region_codes_known": """
        SELECT source_file, region_code, region_name, contest FROM rankings
        WHERE region_code IS NOT NULL AND region_code NOT IN (SELECT code FROM regions WHERE code IS NOT NULL)""",
    # an atomic fact is one non-NULL field among value, yoy_pct, cagr_pct, rank of a row; the same
    # fact stated twice in one article is one fact (FACTS.md section 3). Two rows can only repeat a
    # fact when they share (file, article, region, metric, period, kind), so only rows that share a
    # coarser key, a hash of (article, region_code, metric, period), with another row are unpivoted
    # (a row's region is its region_code, else 'name:' || region_name, so rows of one region share
    # region_code; a coarser key or a hash collision only adds candidates, which the exact GROUP BY
    # below discards). This
    # keeps the check cheap on a large metric_facts (614k rows at 100k articles: 0.06 s, was 0.4 s).
    "facts_no_duplicate_atomic_facts": """
        WITH candidates AS (
            SELECT * FROM metric_facts
            QUALIFY count(*) OVER (PARTITION BY hash(article_id, region_code, metric, period_start, period_end)) > 1
        ), atomic AS (
            SELECT source_file, article_id, coalesce(region_code, 'name:' || region_name) AS region, metric,
                   period_start, period_end, kind, field, round(number, 6) AS number
            FROM candidates
            UNPIVOT (number FOR field IN (value, yoy_pct, cagr_pct, rank))
        )
        SELECT source_file, article_id, region, metric, period_start, period_end, kind, field, number,
               count(*) AS copies
        FROM atomic GROUP BY ALL HAVING count(*) > 1""",
    "facts_values_positive": """
        SELECT source_file, region_name, metric, value FROM metric_facts WHERE value IS NOT NULL AND value <= 0""",
    # the pattern is tested once per distinct pair of period ends (a few dozen), not per row, and
    # the bad pairs are joined back to their rows; the row_number() window keeps the optimizer
    # from pushing the test below the DISTINCT onto every row (a filter never crosses a window
    # on a column it does not partition by)
    "facts_periods_well_formed": f"""
        WITH bad AS (
            SELECT period_start, period_end FROM (
                SELECT period_start, period_end, row_number() OVER () AS fence
                FROM (SELECT DISTINCT period_start, period_end FROM metric_facts))
            WHERE (period_start IS NULL) <> (period_end IS NULL)
               OR (period_start IS NOT NULL AND (NOT regexp_matches(period_start, '{PERIOD_RE}')
                                                  OR NOT regexp_matches(period_end, '{PERIOD_RE}')
                                                  OR period_start > period_end))
        )
        SELECT m.source_file, m.region_name, m.metric, m.period_start, m.period_end
        FROM metric_facts m JOIN bad b ON m.period_start IS NOT DISTINCT FROM b.period_start
                                      AND m.period_end IS NOT DISTINCT FROM b.period_end""",
    "facts_growth_in_range": f"""
        SELECT source_file, region_name, metric, yoy_pct, cagr_pct FROM metric_facts
        WHERE yoy_pct NOT BETWEEN {GROWTH_MIN} AND {GROWTH_MAX}
           OR cagr_pct NOT BETWEEN {GROWTH_MIN} AND {GROWTH_MAX}""",
}


# the facts set aside by the extract step (shown in the duplicate check's metadata)
SET_ASIDE = """
    SELECT source_file, article_id, region_name, metric, period_start, period_end, kind, reason
    FROM set_aside_facts"""

_TOTAL = "__offending_rows_total"


def offenders(con, name: str, limit: int = 20) -> tuple[int, list[tuple], list[str]]:
    """(count, first rows, column names) of the rows that fail check ``name``."""
    return first_rows(con, OFFENDERS[name], limit)


def first_rows(con, sql: str, limit: int = 20) -> tuple[int, list[tuple], list[str]]:
    """(count, first rows, column names) of the rows ``sql`` returns."""
    sql = sql.strip()
    # one execution: the total rides along on each returned row (running the check a second
    # time for its count doubled its cost)
    cur = con.execute(f"SELECT *, count(*) OVER () AS {_TOTAL} FROM ({sql}) LIMIT {max(int(limit), 1)}")
    cols = [d[0] for d in cur.description][:-1]
    rows = cur.fetchall()
    n = rows[0][-1] if rows else 0
    return n, [r[:-1] for r in rows[:max(int(limit), 0)]], cols


def _md(rows: list[tuple], cols: list[str]) -> str:
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    out += ["| " + " | ".join("" if v is None else str(v).replace("|", "\\|") for v in r) + " |" for r in rows]
    return "\n".join(out)


# (check name, asset, description, blocking)
FACT_CHECKS = [
    ("facts_region_codes_known", "metric_facts",
     "Every region_code of metric_facts exists in the regions dimension.", True),
    ("rankings_region_codes_known", "rankings",
     "Every region_code of rankings exists in the regions dimension.", True),
    # a repeat costs only itself: the extract step sets repeats aside (set_aside_facts), so this
    # warns about what slipped past it and never holds back every league
    ("facts_no_duplicate_atomic_facts", "metric_facts",
     "No atomic fact (file, article, region, metric, period, kind, field, number) appears twice "
     "(repeats are moved to set_aside_facts; warns, does not block).", False),
    ("facts_values_positive", "metric_facts", "Every value is positive.", True),
    ("facts_periods_well_formed", "metric_facts", "Periods are YYYY-MM, both ends or neither, start <= end.", True),
    ("facts_growth_in_range", "metric_facts",
     f"yoy_pct and cagr_pct lie within [{GROWTH_MIN:g}, {GROWTH_MAX:g}] (warns, does not block).", False),
]


# one step for all fact checks: each step costs a connection, so they share one
@dg.multi_asset_check(
    name="fact_checks",
    specs=[dg.AssetCheckSpec(name, asset=asset, description=desc, blocking=blocking)
           for name, asset, desc, blocking in FACT_CHECKS],
    can_subset=True,  # each check can be executed alone (its Execute button in the UI)
)
def fact_checks(context, warehouse: Warehouse):  # context: an AssetCheckExecutionContext (a string annotation is refused)
    selected = context.selected_asset_check_keys
    todo = [spec for spec in FACT_CHECKS if dg.AssetCheckKey(dg.AssetKey(spec[1]), spec[0]) in selected]
    with warehouse.writer() as con:
        results = [(spec, offenders(con, spec[0])) for spec in todo]
        aside = first_rows(con, SET_ASIDE)
    for (name, asset, _, blocking), (n, rows, cols) in results:
        metadata = {"offending_rows": n, "sample": dg.MetadataValue.md(_md(rows, cols) if rows else "none")}
        if name == "facts_no_duplicate_atomic_facts":
            metadata |= {"set_aside_rows": aside[0],
                         "set_aside_sample": dg.MetadataValue.md(_md(aside[1], aside[2]) if aside[1] else "none")}
        yield dg.AssetCheckResult(
            check_name=name, asset_key=asset, passed=n == 0,
            severity=dg.AssetCheckSeverity.ERROR if blocking else dg.AssetCheckSeverity.WARN, metadata=metadata)


MART_CHECK = "non_empty_after_non_empty_run"
SOURCE_TABLES = ("metric_facts", "rankings")


def mart_sources(name: str, _seen: frozenset = frozenset()) -> list[str]:
    """The fact tables a mart reads, by name, directly or through the marts it reads."""
    sql = wh.sql_text(name)
    found = {t for t in SOURCE_TABLES if re.search(rf"\b{t}\b", sql)}
    for other in wh.mart_names():
        if other != name and other not in _seen and re.search(rf"\b{other}\b", sql):
            found.update(mart_sources(other, _seen | {name}))
    return sorted(found)


@dg.multi_asset_check(
    name="mart_checks",
    specs=[dg.AssetCheckSpec(MART_CHECK, asset=name, description="When the tables this mart reads hold rows, "
                                                                 "the mart is not empty (warns).")
           for name in wh.mart_names()],
    can_subset=True,
)
def mart_checks(context, warehouse: Warehouse):
    selected = {key.asset_key.path[-1] for key in context.selected_asset_check_keys}
    with warehouse.writer() as con:
        inputs = {t: wh.row_count(con, t) for t in SOURCE_TABLES}
        counts = {name: wh.row_count(con, name) for name in wh.mart_names() if name in selected}
    for name, rows in counts.items():
        source_rows = sum(inputs[t] for t in mart_sources(name))
        yield dg.AssetCheckResult(check_name=MART_CHECK, asset_key=name, passed=source_rows == 0 or rows > 0,
                                  severity=dg.AssetCheckSeverity.WARN,
                                  metadata={"source_rows": source_rows, "mart_rows": rows,
                                            "sources": ", ".join(mart_sources(name))})


QUARANTINE_CHECK = "no_files_quarantined"


@dg.asset_check(asset="quarantined_files", name=QUARANTINE_CHECK, blocking=False,
                description="Warns while any inbox file is quarantined (unread): the files and reasons are in "
                            "its metadata. Fix or remove a file and the next run clears it.")
def quarantine_check(warehouse: Warehouse) -> dg.AssetCheckResult:
    with warehouse.writer() as con:
        files = report.quarantined(con)
    return dg.AssetCheckResult(
        passed=not files, severity=dg.AssetCheckSeverity.WARN,
        description=report.quarantine_line(files),
        metadata={"quarantined_files": len(files),
                  "files": dg.MetadataValue.md(report.quarantine_markdown(files)),
                  "reasons": dg.MetadataValue.json(
                      {r: sum(1 for f in files if f.reason == r) for r in sorted({f.reason for f in files})})})


ALL_CHECKS = [fact_checks, mart_checks, quarantine_check]
