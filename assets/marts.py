"""Layer 4: marts, one asset per SQL file in sql/marts/, the chart, and the analysts' published copy."""

import hashlib
import time
from pathlib import Path

import dagster as dg

from ledger import chart, marts, publish
from ledger import warehouse as wh
from orchestration.automation import DOWNSTREAM_AUTOMATION, WAREHOUSE_POOL
from orchestration.coldocs import schema_metadata, table_schema
from orchestration.resources import LedgerPaths, Warehouse

MART_DEPS = ["metric_facts", "rankings", "regions", "articles"]


def _mart_metadata(con, build: marts.Build) -> dict:
    name = build.name
    cols = wh.columns(con, name)
    return {
        "dagster/row_count": build.rows,
        "build": build.mode + (f" ({build.reason})" if build.reason else ""),
        "keys_rebuilt": build.dirty_keys,
        "dagster/column_schema": table_schema(name, cols),
        "preview": dg.MetadataValue.md(wh.preview_markdown(con, name, 10)),
        "sql": dg.MetadataValue.path(f"sql/marts/{name}.sql"),
    }


# One asset per SQL file, built by one step in sql/marts/ORDER (a step per mart cost ~60 ms of
# run overhead each with a SQLite instance; an unchanged mart is a few queries). Any subset can
# be materialised on its own from the UI.
@dg.multi_asset(
    name="marts",
    group_name="marts",
    pool=WAREHOUSE_POOL,
    can_subset=True,
    specs=[dg.AssetSpec(name, deps=MART_DEPS + wh.relations_read(name, wh.mart_names()), kinds={"duckdb", "sql"},
                        automation_condition=DOWNSTREAM_AUTOMATION, metadata=schema_metadata(name),
                        description=f"Built by sql/marts/{name}.sql (columns documented in sql/README.md).")
           for name in wh.mart_names()],
)
def build_marts(context: dg.AssetExecutionContext, warehouse: Warehouse):
    selected = {key.path[-1] for key in context.selected_asset_keys}
    with warehouse.writer() as con:
        for name in wh.mart_names():
            if name in selected:
                build = marts.build_mart(con, name)
                yield dg.MaterializeResult(asset_key=name, metadata=_mart_metadata(con, build))


mart_assets = [build_marts]


CHART_INPUTS = ("county_investment_league", "county_growth_league")
# the chart's code is one of its inputs: a new version of ledger/chart.py redraws it
CHART_CODE = "chart.py:" + hashlib.sha256(Path(chart.__file__).read_bytes()).hexdigest()[:12]


@dg.asset(group_name="marts", deps=list(CHART_INPUTS), kinds={"html"},
          pool=WAREHOUSE_POOL, automation_condition=DOWNSTREAM_AUTOMATION,
          description="Self-contained HTML league-table chart (out/league.html beside the published marts, "
                      "data/out/league.html by default; LEDGER_CHART overrides).")
def league_chart(warehouse: Warehouse, paths: LedgerPaths) -> dg.MaterializeResult:
    target = chart.chart_path(paths.marts_file)
    with warehouse.writer() as con:
        inputs = marts.versions(con, list(CHART_INPUTS)) + ";" + CHART_CODE
        rebuilt = marts.refresh(con, target, inputs, lambda: chart.write_league_chart(con, target), "chart")
    return dg.MaterializeResult(metadata={"path": dg.MetadataValue.path(str(target)),
                                          "size_bytes": target.stat().st_size,
                                          "build": "full" if rebuilt else "unchanged (leagues unchanged)"})


@dg.asset(group_name="publish", deps=wh.mart_names(), kinds={"duckdb", "parquet"},
          pool=WAREHOUSE_POOL, automation_condition=DOWNSTREAM_AUTOMATION,
          description="What analysts open: the marts and the analyst base tables as a read-only DuckDB file "
                      f"in storage format {publish.STORAGE_VERSION} (DuckDB 1.x opens it; LEDGER_MARTS) and as "
                      "Parquet files in parquet/ beside it (LEDGER_PARQUET); each replaced atomically, "
                      "skipped when nothing changed since it was last written.")
def published_marts(warehouse: Warehouse, paths: LedgerPaths) -> dg.MaterializeResult:
    target = paths.marts_file
    folder = publish.parquet_dir(target)
    with warehouse.writer() as con:
        marts.purge_log(con)
        # anything logged since the last publish (or a new mart version, or a new format) makes it stale
        fingerprint = publish.fingerprint(con)
        t0 = time.perf_counter()
        copied = marts.refresh(con, target, fingerprint, lambda: publish.publish_database(con, target), "publish")
        t1 = time.perf_counter()
        exported = marts.refresh(con, folder, fingerprint, lambda: publish.publish_parquet(con, folder), "parquet")
        t2 = time.perf_counter()
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(target)),
        "relations": dg.MetadataValue.json(publish.relations()),
        "size_bytes": target.stat().st_size,
        "storage_version": publish.STORAGE_VERSION,
        "build": "written" if copied else "unchanged (nothing changed since the last publish)",
        "seconds": round(t1 - t0, 3),
        "parquet_path": dg.MetadataValue.path(str(folder)),
        "parquet_files": dg.MetadataValue.json(publish.parquet_files()),
        "parquet_size_bytes": publish.size_bytes(folder),
        "parquet_build": "written" if exported else "unchanged (nothing changed since the last export)",
        "parquet_seconds": round(t2 - t1, 3),
    })
