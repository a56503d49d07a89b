"""Layer 3: articles -> metric facts, contest rankings, unresolved place names (FACTS.md)."""

import dagster as dg

from ledger import ingest, pipeline
from ledger.warehouse import row_count
from orchestration.automation import WAREHOUSE_POOL
from orchestration.coldocs import schema_metadata
from orchestration.partitions import ingest_partitions, reprocess_date
from orchestration.resources import Warehouse


@dg.multi_asset(
    group_name="facts",
    pool=WAREHOUSE_POOL,
    partitions_def=ingest_partitions,
    specs=[
        dg.AssetSpec("metric_facts", deps=["articles", "regions"], kinds={"duckdb"},
                     metadata=schema_metadata("metric_facts"),
                     description="One row per region x metric x period x kind with value, growth, rank and evidence."),
        dg.AssetSpec("rankings", deps=["articles", "regions"], kinds={"duckdb"},
                     metadata=schema_metadata("rankings"),
                     description="Contest and assessment placings (top1, bottom3, ...) by region and year."),
        dg.AssetSpec("unresolved_mentions", deps=["articles", "regions"], kinds={"duckdb"},
                     metadata=schema_metadata("unresolved_mentions"),
                     description="Place-like names the gazetteer cannot resolve, kept for review."),
    ],
)
def facts(context: dg.AssetExecutionContext, warehouse: Warehouse):
    with warehouse.writer() as con:
        res = ingest.extract_pending(con, reprocess_date=reprocess_date(context))
        counts = {t: row_count(con, t) for t in ("metric_facts", "rankings", "unresolved_mentions")}
    # the rest of the run (checks, marts, publish) needs no workers: free their memory first
    pipeline.end_prestart()
    pipeline.shutdown_pool()
    context.log.info(f"extracted {res.facts} facts, {res.rankings} rankings from {res.articles} articles")
    if res.set_aside:
        context.log.warning(f"{res.set_aside} facts repeated a fact of their article: moved to set_aside_facts")
    yield dg.MaterializeResult(asset_key="metric_facts", metadata={
        "dagster/row_count": counts["metric_facts"], "facts_this_run": res.facts,
        "articles_this_run": res.articles, "set_aside_this_run": res.set_aside})
    yield dg.MaterializeResult(asset_key="rankings", metadata={
        "dagster/row_count": counts["rankings"], "rankings_this_run": res.rankings})
    yield dg.MaterializeResult(asset_key="unresolved_mentions", metadata={
        "dagster/row_count": counts["unresolved_mentions"], "mentions_this_run": res.mentions})
