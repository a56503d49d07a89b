"""The daily safety net: one full incremental pass over the inbox at 03:00 Asia/Shanghai.

It catches whatever the sensor missed (the sensor switched off, a file that kept growing
past a run, a run that failed): the run inventories the whole inbox and processes every
file whose content has not been parsed and extracted yet, then rebuilds and publishes the
marts. On an unchanged inbox it costs a stat of every file and nothing more.
"""
from __future__ import annotations

import dagster as dg

from ledger.config import TIMEZONE
from orchestration.jobs import ingest_job
from orchestration.partitions import ensure_partition, today_key


@dg.schedule(
    name="daily_safety_net",
    job=ingest_job,
    cron_schedule="0 3 * * *",
    execution_timezone=TIMEZONE,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Daily full incremental pass over the inbox (03:00 Asia/Shanghai).",
)
def daily_safety_net(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    # a schedule cannot return partition requests: the day's partition is added here (if new)
    key = ensure_partition(context.instance, today_key(context.scheduled_execution_time))
    return dg.RunRequest(run_key=f"daily-{key}", partition_key=key, tags={"ledger/trigger": "schedule"})
