"""Layer 4: marts, one asset per SQL file in sql/marts/, and the analysts' published copy."""

import dagster as dg

from ledger import warehouse as wh
from orchestration.resources import LedgerPaths, Warehouse

# every relation an analyst may query in the published copy, besides the marts
PUBLISHED_BASE = ("metric_facts", "rankings", "regions", "articles", "quarantined_files", "unresolved_mentions")
MART_DEPS = ["metric_facts", "rankings", "regions", "articles"]


def _mart_asset(name: str) -> dg.AssetsDefinition:
    @dg.asset(name=name, group_name="marts", deps=MART_DEPS, kinds={"duckdb", "sql"},
              description=f"Built by sql/marts/{name}.sql (columns documented in sql/README.md).")
    def _mart(warehouse: Warehouse) -> dg.MaterializeResult:
        with warehouse.writer() as con:
            n = wh.build_mart(con, name)
            cols = wh.columns(con, name)
            preview = wh.preview_markdown(con, name, 10)
        return dg.MaterializeResult(metadata={
            "dagster/row_count": n,
            "dagster/column_schema": dg.TableSchema(columns=[dg.TableColumn(c, t) for c, t in cols]),
            "preview": dg.MetadataValue.md(preview),
            "sql": dg.MetadataValue.path(f"sql/marts/{name}.sql"),
        })

    return _mart


mart_assets = [_mart_asset(name) for name in wh.mart_names()]


@dg.asset(group_name="publish", deps=[a.key for a in mart_assets], kinds={"duckdb"},
          description="Atomic read-only copy of the marts and base relations for analysts (LEDGER_MARTS).")
def published_marts(warehouse: Warehouse, paths: LedgerPaths) -> dg.MaterializeResult:
    relations = list(PUBLISHED_BASE) + wh.mart_names()
    with warehouse.writer() as con:
        target = wh.publish(con, paths.marts_file, relations)
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(target)),
        "relations": dg.MetadataValue.json(relations),
        "size_bytes": target.stat().st_size,
    })
