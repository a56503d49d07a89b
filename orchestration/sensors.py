"""The inbox sensor: new, changed and deleted files start one run per batch.

Each tick (every 5 s, on by default) stats the inbox, hashes only files whose (size,
mtime_ns) moved and that held still since the previous tick, and compares content hashes
with what earlier runs were given (ledger.inventory.InboxWatch keeps that index in a SQLite
file under the state dir: the sensor never opens the DuckDB warehouse, which a run may hold).
A batch becomes one run of ``ingest_job`` for today's ingest-date partition, with a run_key
derived from the batch's content hashes: re-dropping the same bytes starts nothing.
"""
from __future__ import annotations

from pathlib import Path

import dagster as dg

from ledger.inventory import InboxWatch, make_cursor, parse_cursor
from orchestration.jobs import ingest_job
from orchestration.partitions import today_key
from orchestration.resources import LedgerPaths, Warehouse

TICK_SECONDS = 5
# hashing stops after this many seconds in one tick (ticks time out at 60 s); the rest waits
HASH_BUDGET_SECONDS = 30.0
WATCH_FILE = "inbox_watch.sqlite"


@dg.sensor(
    name="inbox_sensor",
    job=ingest_job,
    minimum_interval_seconds=TICK_SECONDS,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Starts one ingest run per batch of new, changed or deleted inbox files (by content hash).",
)
def inbox_sensor(context: dg.SensorEvaluationContext, paths: LedgerPaths, warehouse: Warehouse) -> dg.SensorResult:
    if not paths.inbox_dir.is_dir():  # unmounted or not created yet: never read as "every file deleted"
        return dg.SensorResult(skip_reason=f"the inbox {paths.inbox_dir} is not a folder", cursor=context.cursor)
    watch = InboxWatch(paths.state_dir / WATCH_FILE, paths.inbox_dir)
    # a warehouse deleted by hand (make clean) holds nothing: every file is submitted afresh
    report = watch.tick(parse_cursor(context.cursor), hash_budget_s=HASH_BUDGET_SECONDS,
                        warehouse_exists=Path(warehouse.database).exists())
    context.log.info(report.summary())
    batch = report.batch
    if batch is None:
        reason = (f"{len(report.growing)} file(s) still being written" if report.growing
                  else "no new, changed or deleted files")
        return dg.SensorResult(skip_reason=reason, cursor=context.cursor)
    names = [n for n, _ in batch.changed] + list(batch.deleted)
    return dg.SensorResult(
        run_requests=[dg.RunRequest(
            run_key=batch.run_key,
            partition_key=today_key(),
            tags={
                "ledger/trigger": "sensor",
                "ledger/batch": batch.digest,
                "ledger/changed": str(len(batch.changed)),
                "ledger/deleted": str(len(batch.deleted)),
                # ASCII-safe preview: names may be Chinese, tags are for eyes only
                "ledger/files": ", ".join(names[:5]) + (f" (+{len(names) - 5})" if len(names) > 5 else ""),
            },
        )],
        cursor=make_cursor(batch.gen),
    )
