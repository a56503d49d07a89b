"""Layer 1: the inbox inventory and the regions dimension."""

import sqlite3

import dagster as dg

from ledger import ingest, pipeline
from ledger.inventory import InboxWatch
from ledger.warehouse import row_count
from orchestration.automation import WAREHOUSE_POOL
from orchestration.coldocs import schema_metadata
from orchestration.partitions import ingest_partitions, partition_date
from orchestration.resources import LedgerPaths, Warehouse


@dg.asset(group_name="reference", kinds={"duckdb"}, pool=WAREHOUSE_POOL,
          metadata=schema_metadata("regions"),
          description="Administrative divisions with codes, parents, aliases and history (data/reference/).")
def regions(warehouse: Warehouse) -> dg.MaterializeResult:
    with warehouse.writer() as con:
        n = ingest.load_regions(con)
    return dg.MaterializeResult(metadata={"dagster/row_count": n})


@dg.asset(group_name="raw", kinds={"duckdb"}, pool=WAREHOUSE_POOL, partitions_def=ingest_partitions,
          metadata=schema_metadata("raw_files"),
          description="Inventory of the inbox: name, size, sha256, first seen; deleted files are retracted. "
                      "New and changed files are stamped with the run's ingest-date partition.")
def raw_files(context: dg.AssetExecutionContext, warehouse: Warehouse, paths: LedgerPaths) -> dg.MaterializeResult:
    day = partition_date(context)
    with warehouse.writer() as con:
        if not paths.inbox_dir.is_dir():
            live = con.execute("SELECT count(*) FROM raw_files WHERE status <> 'deleted'").fetchall()[0][0]
            if live:  # an unmounted inbox must not read as "every file was deleted"
                raise dg.Failure(f"The inbox {paths.inbox_dir} is missing while the warehouse holds {live} files "
                                 "from it; nothing was retracted. Restore the folder (or create it empty to "
                                 "retract everything) and run again.")
            paths.inbox_dir.mkdir(parents=True, exist_ok=True)
        res = ingest.inventory(con, paths.inbox_dir, ingest_date=day)
        if res.new or res.changed:  # (sensor runs and ledger run started it already)
            pipeline.prestart_pool()
        total = row_count(con, "raw_files")
        in_partition = con.execute("SELECT count(*) FROM raw_files WHERE ingest_date = ? AND status <> 'deleted'",
                                   [day]).fetchall()[0][0] if day else total
        ingested = con.execute("SELECT file_name, size_bytes, epoch_us(mtime), sha256 FROM raw_files "
                               "WHERE status <> 'deleted' AND mtime IS NOT NULL").fetchall()
    # the inbox sensor's index learns what this run was given: the tick after a run the sensor did
    # not start (ledger run, Materialize in the UI) submits nothing already ingested
    try:
        InboxWatch(paths.watch_file, paths.inbox_dir).record_ingested(ingested)
    except (OSError, sqlite3.Error) as exc:  # costs one redundant sensor run at most
        context.log.warning(f"the sensor's index {paths.watch_file} was not updated: {exc}")
    context.log.info(f"inbox {paths.inbox_dir}: {res.seen} files, {len(res.new)} new, "
                     f"{len(res.changed)} changed, {len(res.deleted)} deleted")
    return dg.MaterializeResult(metadata={
        "dagster/row_count": total,
        "files_in_partition": in_partition,
        "inbox": dg.MetadataValue.path(str(paths.inbox_dir)),
        "files_seen": res.seen,
        "new": len(res.new),
        "changed": len(res.changed),
        "deleted": len(res.deleted),
    })
