"""Each check's SQL against a real DuckDB holding good rows and one deliberately bad row."""
from __future__ import annotations

import duckdb
import pytest

from ledger import warehouse as wh
from orchestration.checks import OFFENDERS, mart_sources, offenders

GOOD = dict(source_file="a.md", article_id="a1", region_code="130528", region_name="宁晋县", metric="gdp",
            period_start="2023-01", period_end="2023-06", kind="actual", value=2.456e10, yoy_pct=7.2)


@pytest.fixture
def con(tmp_path):
    c = duckdb.connect(str(tmp_path / "w.duckdb"))
    wh.ensure_schema(c)
    wh.insert_rows(c, "regions", [dict(region_key="130528", code="130528", name="宁晋县", level="county",
                                       status="current")])
    wh.insert_rows(c, "metric_facts", [GOOD, {**GOOD, "metric": "fixed_asset_investment", "value": 9.86e9}])
    wh.insert_rows(c, "rankings", [dict(source_file="a.md", article_id="a1", region_code="130528",
                                        region_name="宁晋县", contest="项目建设", year=2023, bucket="top1")])
    yield c
    c.close()


def test_good_rows_pass_every_check(con):
    for name in OFFENDERS:
        assert offenders(con, name)[0] == 0, name


@pytest.mark.parametrize("name, bad", [
    ("facts_region_codes_known", {"region_code": "139999"}),
    ("facts_no_duplicate_atomic_facts", {}),  # GOOD once more: the same atomic facts twice
    ("facts_values_positive", {"value": -5.0}),
    ("facts_values_positive", {"value": 0.0}),
    ("facts_periods_well_formed", {"period_start": "2023-13", "period_end": "2023-13"}),
    ("facts_periods_well_formed", {"period_start": "2023-06", "period_end": "2023-01"}),
    ("facts_periods_well_formed", {"period_start": "2023-01", "period_end": None}),
    ("facts_periods_well_formed", {"period_start": "2023-1", "period_end": "2023-06"}),
    ("facts_growth_in_range", {"yoy_pct": 1200.0}),
    ("facts_growth_in_range", {"cagr_pct": -100.5}),
])
def test_one_bad_row_fails_its_check(con, name, bad):
    row = {**GOOD, **bad}
    if name != "facts_no_duplicate_atomic_facts":
        row["article_id"] = "a2"  # a different article: not a duplicate of GOOD
    wh.insert_rows(con, "metric_facts", [row])
    n, rows, cols = offenders(con, name)
    assert n >= 1 and rows and cols
    others = [o for o in OFFENDERS if o != name and offenders(con, o)[0]]
    assert others == []  # each check catches its own kind of bad row, and only that


def test_no_period_at_all_is_well_formed(con):
    wh.insert_rows(con, "metric_facts", [{**GOOD, "article_id": "a3", "period_start": None, "period_end": None}])
    assert offenders(con, "facts_periods_well_formed")[0] == 0


def test_unknown_ranking_region_fails(con):
    wh.insert_rows(con, "rankings", [dict(source_file="a.md", article_id="a1", region_code="000000",
                                          region_name="那台市", contest="项目建设", year=2023, bucket="top2")])
    assert offenders(con, "rankings_region_codes_known")[0] == 1


def test_every_mart_reads_some_fact_table():
    for name in wh.mart_names():
        assert mart_sources(name), name
