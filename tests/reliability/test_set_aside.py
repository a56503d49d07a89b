"""A fact-level problem costs only that fact: a fact repeated within one article is set aside
(set_aside_facts, with its reason) and every league still publishes."""
from __future__ import annotations

import duckdb

from orchestration.checks import FACT_CHECKS
from tests.orchestration.helpers import article_text, query
from tests.orchestration.test_flow import dep  # noqa: F401  (the fixture)


def test_a_repeated_fact_is_set_aside_and_the_rest_publishes(dep):  # noqa: F811
    dep.drop_and_run("a.md", article_text(0))
    n_before = query(dep.warehouse, "SELECT count(*) FROM metric_facts")[0][0]
    # one article states a figure twice (the extractor let a repeat through)
    con = duckdb.connect(str(dep.warehouse))
    con.execute("INSERT INTO metric_facts SELECT * FROM metric_facts WHERE metric = 'gdp' LIMIT 1")
    con.close()
    (dep.inbox / "b.md").write_text(article_text(1), encoding="utf-8")
    result = dep.execute(dep.sensor_requests()[0], raise_on_error=False)
    assert result.success
    materialized = {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    assert {"county_growth_league", "published_marts"} <= materialized
    # b.md reached the published copy; a.md keeps one copy of each fact
    assert query(dep.marts, "SELECT count(*) FROM metric_facts WHERE source_file = 'b.md'")[0][0] > 0
    assert query(dep.marts, "SELECT count(*) FROM metric_facts WHERE source_file = 'a.md'")[0][0] == n_before
    aside = query(dep.marts, "SELECT source_file, metric, reason FROM set_aside_facts")
    assert len(aside) == 1 and aside[0][:2] == ("a.md", "gdp")
    assert "repeats" in aside[0][2] and "value" in aside[0][2]
    evals = {e.check_name: e for e in result.get_asset_check_evaluations()}
    check = evals["facts_no_duplicate_atomic_facts"]
    assert check.passed is True and check.metadata["set_aside_rows"].value == 1


def test_the_duplicate_fact_check_warns_instead_of_blocking():
    blocking = {name: b for name, _, _, b in FACT_CHECKS}
    assert blocking["facts_no_duplicate_atomic_facts"] is False
    assert blocking["facts_region_codes_known"] is True  # what corrupts the warehouse still blocks
