"""The Dagster wiring of the marts: one asset per SQL file, built after the marts it reads."""
from __future__ import annotations

import dagster as dg

from ledger import warehouse as wh


def _graph():
    from orchestration.definitions import defs

    return defs.resolve_asset_graph()


def test_one_asset_per_mart_and_the_chart():
    keys = {k.to_user_string() for k in _graph().get_all_asset_keys()}
    assert set(wh.mart_names()) | {"league_chart"} <= keys


def test_leagues_are_built_after_region_metric_latest_and_the_chart_after_the_leagues():
    graph = _graph()
    parents = lambda name: {k.to_user_string() for k in graph.get(dg.AssetKey(name)).parent_keys}  # noqa: E731
    assert "region_metric_latest" in parents("county_investment_league")
    assert "region_metric_latest" in parents("county_growth_league")
    assert {"county_investment_league", "county_growth_league"} <= parents("league_chart")
    assert "region_metric_latest" not in parents("ranking_league")
