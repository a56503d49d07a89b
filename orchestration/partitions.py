"""Ingest-date partitions: one partition per Asia/Shanghai day on which files were ingested.

Why days and not one partition per file: per-file dynamic partitions are fine at thousands of
files and fragile at hundreds of thousands (Dagster advises at most ~100k partitions per asset,
and SQLite instance storage struggles earlier); a day adds one ASCII key (``2026-11-22``) per
day whatever the file count or the file names. The work of a run is set by the warehouse
state, not by the key: every run ingests what is new or changed (so a sensor-triggered run is
proportional to its new files) and stamps those files with the partition's date in
``raw_files.ingest_date``; a backfill of past days with the tag ``ledger/reprocess=true``
re-parses and re-extracts exactly the files of each day, one proportional run per day.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Optional
from zoneinfo import ZoneInfo

import dagster as dg

from ledger.config import TIMEZONE

START_DATE = "2024-01-01"

# end_offset=1: today's partition exists while today is still going on (the sensor's target)
ingest_partitions = dg.DailyPartitionsDefinition(
    start_date=START_DATE, timezone=TIMEZONE, end_offset=1, fmt="%Y-%m-%d")

REPROCESS_TAG = "ledger/reprocess"


def today_key(now: Optional[datetime] = None) -> str:
    """The partition key of the current Asia/Shanghai day."""
    return (now or datetime.now(ZoneInfo(TIMEZONE))).astimezone(ZoneInfo(TIMEZONE)).strftime("%Y-%m-%d")


def partition_date(context: dg.AssetExecutionContext) -> Optional[date]:
    """The ingest date of this run's partition, or None in an unpartitioned run."""
    if not context.has_partition_key:
        return None
    return date.fromisoformat(context.partition_key)


def reprocess_date(context: dg.AssetExecutionContext) -> Optional[date]:
    """With the run tag ledger/reprocess=true, the partition whose files are processed again."""
    if str(context.run.tags.get(REPROCESS_TAG, "")).lower() in ("1", "true", "yes"):
        return partition_date(context)
    return None
