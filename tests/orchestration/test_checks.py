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


# The checks as first written: every row unpivoted, every period tested by the pattern. The
# checks in OFFENDERS pre-filter (rows sharing a fact key; distinct period pairs) and must
# return exactly what these return.
NAIVE = {
    "facts_no_duplicate_atomic_facts": """
        WITH atomic AS (
            SELECT source_file, article_id, coalesce(region_code, 'name:' || region_name) AS region, metric,
                   period_start, period_end, kind, field, round(number, 6) AS number
            FROM metric_facts
            UNPIVOT (number FOR field IN (value, yoy_pct, cagr_pct, rank))
        )
        SELECT source_file, article_id, region, metric, period_start, period_end, kind, field, number,
               count(*) AS copies
        FROM atomic GROUP BY ALL HAVING count(*) > 1""",
    "facts_periods_well_formed": """
        SELECT source_file, region_name, metric, period_start, period_end FROM metric_facts
        WHERE (period_start IS NULL) <> (period_end IS NULL)
           OR (period_start IS NOT NULL AND (NOT regexp_matches(period_start, '^[0-9]{4}-(0[1-9]|1[0-2])$')
                                              OR NOT regexp_matches(period_end, '^[0-9]{4}-(0[1-9]|1[0-2])$')
                                              OR period_start > period_end))""",
}


def _same_as_naive(con, name) -> list[tuple]:
    cur = con.execute(OFFENDERS[name])
    cols, got = [d[0] for d in cur.description], cur.fetchall()
    ref = con.execute(NAIVE[name])
    assert cols == [d[0] for d in ref.description]
    want = ref.fetchall()
    assert sorted(got, key=repr) == sorted(want, key=repr)
    n, rows, _ = offenders(con, name)
    assert n == len(want) and len(rows) == min(n, 20)
    return got


def test_duplicate_atomic_facts_are_found_among_rows_sharing_a_key(con):
    unnamed = {**GOOD, "region_code": None, "region_name": "邢东新区", "metric": "retail_sales"}
    no_period = {**GOOD, "period_start": None, "period_end": None, "metric": "fiscal_revenue"}
    wh.insert_rows(con, "metric_facts", [
        GOOD,                                          # the whole row twice: value and yoy_pct repeated
        {**GOOD, "value": 2.456e10 + 1e-7},            # the same value to 6 decimals: value a third time
        {**GOOD, "value": None, "rank": 3},            # a new fact (rank) beside yoy_pct a fourth time
        unnamed, {**unnamed, "yoy_pct": None},         # a zone without code, keyed by name: value twice
        no_period, no_period,                          # no period at all: NULL periods are one key
        {**GOOD, "kind": "target"},                    # another kind: not a duplicate
    ])
    got = _same_as_naive(con, "facts_no_duplicate_atomic_facts")
    copies = {(r[2], r[3], r[7]): r[-1] for r in got}
    assert copies == {("130528", "gdp", "value"): 3, ("130528", "gdp", "yoy_pct"): 4,
                      ("name:邢东新区", "retail_sales", "value"): 2,
                      ("130528", "fiscal_revenue", "value"): 2, ("130528", "fiscal_revenue", "yoy_pct"): 2}


def test_rows_sharing_a_key_with_different_fields_are_not_duplicates(con):
    # same file, article, region, metric, period and kind as GOOD, but each atomic fact differs:
    # the pre-filter keeps these rows as candidates and the exact comparison lets them pass
    wh.insert_rows(con, "metric_facts", [
        {**GOOD, "value": None, "yoy_pct": None, "rank": 2},
        {**GOOD, "value": 2.5e10, "yoy_pct": 7.3},
        {**GOOD, "value": None, "yoy_pct": None, "cagr_pct": 6.1},
        {**GOOD, "region_code": None},                 # keyed by name: another region than 130528
        {**GOOD, "region_code": None, "region_name": "邢东新区"},  # no code either, another name: the
        {**GOOD, "region_code": None, "region_name": "开发区"},    # pre-filter's key is alike, the regions not
        {**GOOD, "kind": "target"}, {**GOOD, "source_file": "b.md"},  # another kind, another file
    ])
    assert _same_as_naive(con, "facts_no_duplicate_atomic_facts") == []
    assert offenders(con, "facts_no_duplicate_atomic_facts")[0] == 0


def test_malformed_periods_are_the_same_rows_as_testing_every_row(con):
    bad = [("2023-13", "2023-13"), ("2023-06", "2023-01"), ("2023-01", None), (None, "2023-06"),
           ("2023-1", "2023-06"), ("2023-01", "2023-06 ")]
    wh.insert_rows(con, "metric_facts", [{**GOOD, "article_id": f"b{i}.{k}", "period_start": s, "period_end": e}
                                         for i, (s, e) in enumerate(bad) for k in range(i + 1)]
                   + [{**GOOD, "article_id": "n", "period_start": None, "period_end": None}])
    got = _same_as_naive(con, "facts_periods_well_formed")
    assert len(got) == sum(range(1, len(bad) + 1))  # every row of a bad pair, once


def test_offenders_counts_every_row_but_returns_at_most_limit(con):
    wh.insert_rows(con, "metric_facts", [{**GOOD, "article_id": f"v{i}", "value": -1.0 - i} for i in range(25)])
    n, rows, cols = offenders(con, "facts_values_positive", limit=5)
    assert (n, len(rows), cols) == (25, 5, ["source_file", "region_name", "metric", "value"])
    assert all(len(r) == len(cols) for r in rows)
    n, rows, cols = offenders(con, "facts_values_positive", limit=0)
    assert (n, rows, len(cols)) == (25, [], 4)
    assert offenders(con, "facts_growth_in_range", limit=0)[:2] == (0, [])


def test_every_check_can_be_executed_alone_from_the_ui():
    """The UI greys out a check's Execute button when the check runs only together with others
    (a multi-asset check that cannot be subset): every check here is its own execution set."""
    from orchestration.definitions import defs

    graph = defs.resolve_asset_graph()
    assert graph.asset_check_keys
    for key in graph.asset_check_keys:
        assert graph.get_execution_set_asset_and_check_keys(key) == {key}, key


def test_one_check_executed_alone_runs_only_that_check(samples_run, tmp_path):
    """What Execute does: a run of the one check, over a real warehouse (a copy of the samples run's)."""
    import shutil

    import dagster as dg

    from orchestration.definitions import ALL_ASSETS, ALL_CHECKS
    from orchestration.resources import build_resources

    warehouse = tmp_path / "w.duckdb"
    shutil.copy(samples_run["warehouse"], warehouse)
    for key in (dg.AssetCheckKey(dg.AssetKey("metric_facts"), "facts_values_positive"),
                dg.AssetCheckKey(dg.AssetKey("coverage"), "non_empty_after_non_empty_run")):
        result = dg.materialize([*ALL_ASSETS, *ALL_CHECKS], selection=dg.AssetSelection.checks(key),
                                resources=build_resources(inbox=str(samples_run["inbox"]), warehouse=str(warehouse),
                                                          marts=str(tmp_path / "m.duckdb")),
                                instance=dg.DagsterInstance.ephemeral())
        evaluated = [e.asset_check_evaluation_data for e in result.all_events
                     if e.event_type_value == "ASSET_CHECK_EVALUATION"]
        assert result.success and [(ev.asset_check_key, ev.passed) for ev in evaluated] == [(key, True)]
        assert not result.get_asset_materialization_events()
