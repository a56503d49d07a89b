"""Layer 1: the inbox inventory and the regions dimension."""

import dagster as dg

from ledger import ingest
from ledger.warehouse import row_count
from orchestration.resources import LedgerPaths, Warehouse


@dg.asset(group_name="reference", kinds={"duckdb"},
          description="Administrative divisions with codes, parents, aliases and history (data/reference/).")
def regions(warehouse: Warehouse) -> dg.MaterializeResult:
    with warehouse.writer() as con:
        n = ingest.load_regions(con)
    return dg.MaterializeResult(metadata={"dagster/row_count": n})


@dg.asset(group_name="raw", kinds={"duckdb"},
          description="Inventory of the inbox: name, size, sha256, first seen; deleted files are retracted.")
def raw_files(context: dg.AssetExecutionContext, warehouse: Warehouse, paths: LedgerPaths) -> dg.MaterializeResult:
    with warehouse.writer() as con:
        res = ingest.inventory(con, paths.inbox_dir)
        total = row_count(con, "raw_files")
    context.log.info(f"inbox {paths.inbox_dir}: {res.seen} files, {len(res.new)} new, "
                     f"{len(res.changed)} changed, {len(res.deleted)} deleted")
    return dg.MaterializeResult(metadata={
        "dagster/row_count": total,
        "inbox": dg.MetadataValue.path(str(paths.inbox_dir)),
        "files_seen": res.seen,
        "new": len(res.new),
        "changed": len(res.changed),
        "deleted": len(res.deleted),
    })
