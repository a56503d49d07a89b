"""Layer 4: marts, one asset per SQL file in sql/marts/, and the analysts' published copy."""

import dagster as dg

from ledger import warehouse as wh
from orchestration.automation import DOWNSTREAM_AUTOMATION, WAREHOUSE_POOL
from orchestration.resources import LedgerPaths, Warehouse

# every relation an analyst may query in the published copy, besides the marts
PUBLISHED_BASE = ("metric_facts", "rankings", "regions", "region_aliases", "articles", "quarantined_files",
                  "unresolved_mentions")
MART_DEPS = ["metric_facts", "rankings", "regions", "articles"]


def _upstream_marts(name: str) -> list[str]:
    """Marts that ``name``'s SQL reads (listed before it in sql/marts/ORDER): built first."""
    import re

    code = re.sub(r"--[^\n]*", "", wh.sql_text(name))
    names = wh.mart_names()
    return [m for m in names[:names.index(name)] if re.search(rf"\b{m}\b", code)]


def _mart_asset(name: str) -> dg.AssetsDefinition:
    @dg.asset(name=name, group_name="marts", deps=MART_DEPS + _upstream_marts(name), kinds={"duckdb", "sql"},
              pool=WAREHOUSE_POOL, automation_condition=DOWNSTREAM_AUTOMATION,
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


@dg.asset(group_name="marts", deps=["county_investment_league", "county_growth_league"], kinds={"html"},
          pool=WAREHOUSE_POOL, automation_condition=DOWNSTREAM_AUTOMATION,
          description="Self-contained HTML league-table chart (out/league.html beside the published marts, "
                      "data/out/league.html by default; LEDGER_CHART overrides).")
def league_chart(warehouse: Warehouse, paths: LedgerPaths) -> dg.MaterializeResult:
    from ledger.chart import chart_path, write_league_chart

    with warehouse.writer() as con:
        target = write_league_chart(con, chart_path(paths.marts_file))
    return dg.MaterializeResult(metadata={"path": dg.MetadataValue.path(str(target)),
                                          "size_bytes": target.stat().st_size})


@dg.asset(group_name="publish", deps=[a.key for a in mart_assets], kinds={"duckdb"},
          pool=WAREHOUSE_POOL, automation_condition=DOWNSTREAM_AUTOMATION,
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
