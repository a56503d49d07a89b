"""The inbox sensor: new, changed and deleted files start one run per batch.

Each tick (on by default) stats the inbox, hashes only new or moved files once they settled
(mtime at least ledger.inventory.SETTLE_SECONDS old and unchanged across the hash: then in the
first tick that sees them; else once they held still for a tick), and compares content hashes
with what earlier runs were given (ledger.inventory.InboxWatch keeps that index in a SQLite
file under the state dir: the sensor never opens the DuckDB warehouse, which a run may hold).
When nothing is outstanding and the inbox folder's mtime has not moved, a tick does no
per-file work (~1 ms at 77k files); a full scan (~0.45 s at 77k files) runs at least every
FULL_SCAN_SECONDS, for files rewritten in place.
A batch becomes one run of ``ingest_job`` for today's ingest-date partition (added with the
request when it is the day's first), with a run_key
derived from the batch's content hashes: re-dropping the same bytes starts nothing.
Runs the sensor did not start (``ledger run``, Materialize in the UI) record what their
inventory left in the warehouse in the same index (assets/raw.py), so the tick after them
has nothing to submit.
"""
from __future__ import annotations

from pathlib import Path

import dagster as dg

from ledger.inventory import FULL_SCAN_SECONDS, InboxWatch, make_cursor, parse_cursor
from orchestration.jobs import ingest_job
from orchestration.partitions import ingest_partitions, today_key
from orchestration.resources import LedgerPaths, Warehouse

# the sensor daemon evaluates sensors at most every 5 s (dagster's MIN_INTERVAL_LOOP_TIME);
# a minimum interval below that lets every daemon loop tick (at 5 s exactly, a loop that came
# a few ms early would skip to the next one, 10 s after the last tick)
TICK_SECONDS = 1
# hashing stops after this many seconds in one tick (ticks time out at 60 s); the rest waits
HASH_BUDGET_SECONDS = 30.0


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
    watch = InboxWatch(paths.watch_file, paths.inbox_dir)
    # a warehouse deleted by hand (make clean) holds nothing: every file is submitted afresh
    report = watch.tick(parse_cursor(context.cursor), hash_budget_s=HASH_BUDGET_SECONDS,
                        warehouse_exists=Path(warehouse.database).exists(), full_scan_s=FULL_SCAN_SECONDS)
    context.log.info(report.summary())
    batch = report.batch
    if batch is None:
        reason = (f"{len(report.growing)} file(s) not yet settled" if report.growing
                  else "no new, changed or deleted files")
        return dg.SensorResult(skip_reason=reason, cursor=context.cursor)
    names = [n for n, _ in batch.changed] + list(batch.deleted)
    day = today_key()
    return dg.SensorResult(
        # the daemon adds the day's partition (if new) before it launches the run
        dynamic_partitions_requests=[ingest_partitions.build_add_request([day])],
        run_requests=[dg.RunRequest(
            run_key=batch.run_key,
            partition_key=day,
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
