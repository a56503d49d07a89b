"""Ingest-date partitions: one partition per Asia/Shanghai day on which a run ingested the inbox.

The partitions are dynamic (``ingest_date``): a day's key (``2026-11-22``) is added when the
first run of that day is requested: by the inbox sensor when files arrive (its SensorResult
carries the add request), by the daily safety net, by ``ledger run`` (which adds it to the
instance before its run). So the UI lists only days that had a run, every one of them
materialized, instead of a daily calendar since a start date (1,067 partitions, 1,066 of them
"missing" after a month of use).

Why days and not one partition per file: per-file dynamic partitions are fine at thousands of
files and fragile at hundreds of thousands (Dagster advises at most ~100k partitions per asset,
and SQLite instance storage struggles earlier); a day adds one ASCII key per day whatever the
file count or the file names. The work of a run is set by the warehouse state, not by the key:
every run ingests what is new or changed (so a sensor-triggered run is proportional to its new
files) and stamps those files with the partition's date in ``raw_files.ingest_date``; a
backfill of past days with the tag ``ledger/reprocess=true`` re-parses and re-extracts exactly
the files of each day, one proportional run per day.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Optional
from zoneinfo import ZoneInfo

import dagster as dg

from ledger.config import TIMEZONE

PARTITIONS_NAME = "ingest_date"

# keys are days, YYYY-MM-DD in Asia/Shanghai (today_key)
ingest_partitions = dg.DynamicPartitionsDefinition(name=PARTITIONS_NAME)

REPROCESS_TAG = "ledger/reprocess"


def today_key(now: Optional[datetime] = None) -> str:
    """The partition key of the current Asia/Shanghai day."""
    return (now or datetime.now(ZoneInfo(TIMEZONE))).astimezone(ZoneInfo(TIMEZONE)).strftime("%Y-%m-%d")


def ensure_partition(instance: dg.DagsterInstance, key: str) -> str:
    """Add the day ``key`` to the ingest-date partitions unless it is there; returns ``key``."""
    if not instance.has_dynamic_partition(PARTITIONS_NAME, key):
        try:
            instance.add_dynamic_partitions(PARTITIONS_NAME, [key])
        except Exception:
            # two runs starting the same new day race to add it: the loser finds it there (a unique
            # key in the instance's storage), anything else is a real error
            if not instance.has_dynamic_partition(PARTITIONS_NAME, key):
                raise
    return key


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
