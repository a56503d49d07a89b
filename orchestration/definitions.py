"""The one code location: ``defs`` (workspace.yaml and [tool.dagster] both point here)."""
from __future__ import annotations

import dagster as dg

from assets import articles, facts, marts, raw
from orchestration.resources import build_resources

ALL_ASSETS = [raw.regions, raw.raw_files, articles.articles, facts.facts, *marts.mart_assets, marts.published_marts]

# the whole chain: inbox -> articles -> facts -> marts -> published copy
ingest_job = dg.define_asset_job(
    "ingest_job",
    selection=dg.AssetSelection.all(),
    description="Inventory the inbox, parse new files, extract facts, rebuild and publish the marts.",
    executor_def=dg.in_process_executor,
)

defs = dg.Definitions(
    assets=ALL_ASSETS,
    jobs=[ingest_job],
    resources=build_resources(),
)
