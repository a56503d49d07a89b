"""The one code location: ``defs`` (workspace.yaml and [tool.dagster] both point here)."""
from __future__ import annotations

from typing import Optional

import dagster as dg

from assets import articles, facts, marts, raw
from orchestration.automation import marts_automation
from orchestration.checks import ALL_CHECKS
from orchestration.jobs import ingest_job
from orchestration.resources import build_resources
from orchestration.schedules import daily_safety_net
from orchestration.sensors import inbox_sensor

ALL_ASSETS = [raw.regions, raw.raw_files, articles.articles, facts.facts,
              *marts.mart_assets, marts.league_chart, marts.published_marts]


def build_defs(resources: Optional[dict] = None) -> dg.Definitions:
    """The code location's definitions; ``resources`` (tests, other paths) default to the environment's."""
    return dg.Definitions(
        assets=ALL_ASSETS,
        asset_checks=ALL_CHECKS,
        jobs=[ingest_job],
        sensors=[inbox_sensor, marts_automation],
        schedules=[daily_safety_net],
        resources=resources if resources is not None else build_resources(),
    )


defs = build_defs()
