"""Every mart, built by its real SQL file over the hand-built fixture, checked exactly.

The expected rows are worked out by hand from tests/marts/fixture.py and the rules in
sql/README.md (ties share a rank; latest publication wins, same day by source priority;
near-duplicates count once; targets apart from actuals; no period, no row).
"""
from __future__ import annotations

import re

import pytest

from ledger import warehouse as wh
from tests.marts import fixture

H1, Q1, FY = "2023-01..2023-06", "2023-01..2023-03", "2023-01..2023-12"


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    c = fixture.build(tmp_path_factory.mktemp("marts") / "fixture.duckdb")
    yield c
    c.close()


def rows(con, sql):
    return con.execute(sql).fetchall()


def test_order_file_lists_every_mart_once_and_dependencies_first():
    names = wh.mart_names()
    files = sorted(p.stem for p in wh.MARTS_DIR.glob("*.sql"))
    assert sorted(names) == files and len(set(names)) == len(names)
    for i, name in enumerate(names):
        code = re.sub(r"--[^\n]*", "", wh.sql_text(name))
        for later in names[i + 1:]:
            assert not re.search(rf"\b{later}\b", code), f"{name} reads {later}, which is built after it"
    assert "region_metric_latest" in re.sub(r"--[^\n]*", "", wh.sql_text("county_investment_league"))


def test_region_metric_latest_chooses_one_figure_per_key(con):
    got = rows(con, """
        SELECT region_key, metric, period, kind, round(value / 1e8, 2), yoy_pct, cagr_pct, reported_rank,
               n_sources, n_articles, disagreement, disagrees_on, latest_source_file
        FROM region_metric_latest ORDER BY ALL""")
    fai, gdp = "fixed_asset_investment", "gdp"
    assert got == sorted([
        ("130506", fai, H1, "actual", 58.1, 12.5, None, None, 2, 2, True, ["value"], "a6.txt"),  # same day: 统计局 first
        ("130506", gdp, H1, "actual", 61.4, 6.9, None, None, 1, 1, False, [], "a6.txt"),
        ("130523", fai, H1, "actual", 38.9, None, None, None, 1, 1, False, [], "a10.txt"),
        ("130528", fai, Q1, "actual", 42.3, 11.8, None, None, 1, 1, False, [], "a9.md"),
        ("130528", fai, H1, "actual", 98.6, 12.5, None, 1, 1, 1, False, [], "a1.md"),
        ("130528", fai, FY, "target", None, 13.0, None, None, 1, 1, False, [], "a1.md"),
        ("130528", gdp, "2018-01..2022-12", "actual", 1000.0, None, 7.1, None, 1, 1, False, [], "a1.md"),
        ("130528", gdp, H1, "actual", 245.6, 7.2, None, None, 1, 1, False, [], "a1.md"),
        ("130528", gdp, FY, "target", None, 7.5, None, None, 1, 1, False, [], "a1.md"),
        ("130533", fai, Q1, "actual", 28.7, 16.2, None, None, 1, 1, False, [], "a9.md"),
        # a2 and its near-duplicate a3: one source, two articles; the later repost is the latest
        ("130533", fai, H1, "actual", 65.3, 15.8, None, 1, 1, 2, False, [], "a3.txt"),
        ("130533", gdp, H1, "actual", 92.8, 6.9, None, None, 1, 2, False, [], "a3.txt"),
        ("130533", gdp, H1, "target", None, 7.0, None, None, 1, 1, False, [], "a11.md"),
        ("130534", fai, H1, "actual", 72.4, 9.9, None, None, 2, 2, True, ["yoy_pct"], "a5.txt"),  # later wins
        ("130534", "retail_sales", H1, "actual", 62.3, 8.4, None, 2, 1, 1, False, [], "a4.md"),
        ("130535", fai, H1, "actual", 41.5, -3.2, None, None, 1, 1, False, [], "a8.txt"),  # the undated GDP fact: gone
        ("131127", fai, H1, "actual", 55.3, 13.1, None, None, 1, 1, False, [], "a10.txt"),
        # two figures in one article (105.4 first, 104.0 later): the first; not a conflict of sources
        ("131127", gdp, H1, "actual", 105.4, 7.0, None, None, 1, 1, False, [], "a10.txt"),
        ("131182", fai, H1, "actual", 61.8, 9.9, None, None, 1, 1, False, [], "a10.txt"),
        ("140121", fai, H1, "actual", 30.0, 20.0, None, None, 1, 1, False, [], "a12.txt"),
        ("name:邢东新区", fai, H1, "actual", None, 25.0, None, None, 1, 1, False, [], "a11.md"),
    ])


def test_region_metric_latest_keeps_min_max_and_region_attributes(con):
    got = rows(con, """
        SELECT region_name, level, prefecture_name, round(min_value / 1e8, 2), round(max_value / 1e8, 2),
               min_yoy_pct, max_yoy_pct, latest_outlet, CAST(latest_published_date AS VARCHAR), period_approx
        FROM region_metric_latest
        WHERE metric = 'fixed_asset_investment' AND period = '2023-01..2023-06'
          AND region_key IN ('130506', '130534', '130535', 'name:邢东新区')
           OR metric = 'gdp' AND region_key = '131127' ORDER BY region_key""")
    assert got == [
        ("南和区", "county", "邢台市", 57.6, 58.1, 12.5, 12.5, "邢台市统计局", "2023-07-23", False),
        ("清河县", "county", "邢台市", 72.4, 72.4, 9.6, 9.9, "清河县融媒体中心", "2023-07-25", False),
        ("临西县", "county", "邢台市", 41.5, 41.5, -3.2, -3.2, None, None, False),
        ("景县", "county", "衡水市", 105.4, 105.4, 7.0, 7.0, "河北新闻网", "2023-07-28", False),
        ("邢东新区", "zone", "邢台市", None, None, 25.0, 25.0, "邢台日报", "2023-01-15", False),
    ]


def test_investment_league_ranks_within_prefecture_and_province(con):
    got = rows(con, """
        SELECT prefecture_name, region_name, period, round(value / 1e8, 2), yoy_pct,
               rank_by_value, rank_by_growth, n_ranked_by_value, n_ranked_by_growth,
               province_rank_by_value, province_rank_by_growth, province_n_ranked_by_value,
               province_n_ranked_by_growth, reported_rank, reported_rank_basis, n_articles, disagreement
        FROM county_investment_league""")  # the mart's own order
    assert got == [
        # Q1: only two counties reported; the others are missing, not zero
        ("邢台市", "宁晋县", Q1, 42.3, 11.8, 1, 2, 2, 2, 1, 2, 2, 2, None, None, 1, False),
        ("邢台市", "威县", Q1, 28.7, 16.2, 2, 1, 2, 2, 2, 1, 2, 2, None, None, 1, False),
        # H1 邢台: 宁晋 and 南和 tie on growth (12.5): both 2nd, next is 4th; 内丘 has no growth
        ("邢台市", "宁晋县", H1, 98.6, 12.5, 1, 2, 6, 5, 1, 3, 8, 7, 1, "value", 1, False),
        ("邢台市", "清河县", H1, 72.4, 9.9, 2, 4, 6, 5, 2, 5, 8, 7, None, None, 2, True),
        ("邢台市", "威县", H1, 65.3, 15.8, 3, 1, 6, 5, 3, 1, 8, 7, 1, "growth", 1, False),
        ("邢台市", "南和区", H1, 58.1, 12.5, 4, 2, 6, 5, 5, 3, 8, 7, None, None, 2, True),
        ("邢台市", "临西县", H1, 41.5, -3.2, 5, 5, 6, 5, 7, 7, 8, 7, None, None, 1, False),
        ("邢台市", "内丘县", H1, 38.9, None, 6, None, 6, 5, 8, None, 8, 7, None, None, 1, False),
        # H1 衡水 ranks on its own, but with 邢台 in the province: 深州 ties 清河 at 9.9 (5th)
        ("衡水市", "深州市", H1, 61.8, 9.9, 1, 2, 2, 2, 4, 5, 8, 7, None, None, 1, False),
        ("衡水市", "景县", H1, 55.3, 13.1, 2, 1, 2, 2, 6, 2, 8, 7, None, None, 1, False),
        # another province is another league
        ("太原市", "清徐县", H1, 30.0, 20.0, 1, 1, 1, 1, 1, 1, 1, 1, None, None, 1, False),
    ]


def test_investment_league_leaves_out_targets_zones_and_approximate_periods(con):
    assert rows(con, "SELECT count(*) FROM county_investment_league WHERE period = '2023-01..2023-12'") == [(0,)]
    assert rows(con, "SELECT count(*) FROM county_investment_league WHERE region_code IS NULL") == [(0,)]
    assert rows(con, "SELECT latest_source_file, CAST(latest_published_date AS VARCHAR) FROM county_investment_league "
                     "WHERE region_name = '南和区'") == [("a6.txt", "2023-07-23")]


def test_growth_league_one_row_per_region_metric_period(con):
    got = rows(con, """
        SELECT prefecture_name, region_name, metric, period, yoy_pct, rank_by_growth, n_ranked_by_growth,
               province_rank_by_growth, province_n_ranked_by_growth, reported_rank, n_articles
        FROM county_growth_league""")
    assert got == [
        # 威县 and 南和 tie at 6.9; 威县's 7.0 is a target and stays out; 宁晋's 五年来 span too
        ("邢台市", "宁晋县", "gdp", H1, 7.2, 1, 3, 1, 4, None, 1),
        ("邢台市", "南和区", "gdp", H1, 6.9, 2, 3, 3, 4, None, 1),
        ("邢台市", "威县", "gdp", H1, 6.9, 2, 3, 3, 4, None, 1),
        ("邢台市", "清河县", "retail_sales", H1, 8.4, 1, 1, 1, 1, 2, 1),
        ("衡水市", "景县", "gdp", H1, 7.0, 1, 1, 2, 4, None, 1),
    ]


def test_every_league_row_says_how_many_of_the_prefecture_report(con):
    # the fixture's 邢台市 has six county-level divisions, 衡水市 two, 太原市 one
    got = rows(con, """
        SELECT prefecture_name, period, count(*), any_value(n_reporting), any_value(n_counties),
               any_value(reporting), any_value(coverage_pct), bool_or(partial), bool_and(partial)
        FROM county_investment_league GROUP BY ALL ORDER BY ALL""")
    assert got == [
        ("太原市", H1, 1, 1, 1, "1 of 1", 100.0, False, False),
        ("衡水市", H1, 2, 2, 2, "2 of 2", 100.0, False, False),
        # Q1: two of six report, below half: partial; H1: all six (内丘 with a value only)
        ("邢台市", Q1, 2, 2, 6, "2 of 6", 33.3, True, True),
        ("邢台市", H1, 6, 6, 6, "6 of 6", 100.0, False, False),
    ]
    got = rows(con, """
        SELECT prefecture_name, metric, reporting, partial FROM county_growth_league
        GROUP BY ALL ORDER BY ALL""")
    # 3 of 6 is half, not below it; 1 of 6 retail sales is partial
    assert got == [("衡水市", "gdp", "1 of 2", False), ("邢台市", "gdp", "3 of 6", False),
                   ("邢台市", "retail_sales", "1 of 6", True)]


def test_reported_rank_stays_beside_the_computed_one_and_a_disagreement_shows(con):
    got = rows(con, """
        SELECT region_name, metric, reported_rank, reported_rank_scope, reported_rank_basis,
               rank_by_value, rank_by_growth, reported_rank_differs
        FROM (SELECT 'fixed_asset_investment' AS metric, * FROM county_investment_league WHERE period = '2023-01..2023-06'
              UNION ALL BY NAME SELECT * FROM county_growth_league)
        WHERE reported_rank IS NOT NULL ORDER BY ALL""")
    assert got == [
        # 宁晋 says 全市第一 by value and is first by value; 威县 says first by growth and is
        ("威县", "fixed_asset_investment", 1, "全市", "growth", 3, 1, False),
        ("宁晋县", "fixed_asset_investment", 1, "全市", "value", 1, 2, False),
        # 清河 says second by growth among 邢台's counties; alone in the league it is computed first
        ("清河县", "retail_sales", 2, "全市", "growth", 1, 1, True),
    ]
    # no stated rank: nothing to compare
    assert rows(con, "SELECT count(*) FROM county_investment_league WHERE reported_rank IS NULL "
                     "AND reported_rank_differs IS NOT NULL") == [(0,)]


def test_marts_show_one_official_name_per_region(con):
    # a5 wrote 清河 for 130534; the marts show the name in `regions`, metric_facts keeps the article's
    assert rows(con, "SELECT DISTINCT region_name FROM metric_facts WHERE region_code = '130534' ORDER BY 1") == [
        ("清河",), ("清河县",)]
    for mart in wh.mart_names():
        bad = rows(con, f"""
            SELECT m.region_code, list(DISTINCT m.region_name) FROM {mart} m
            LEFT JOIN regions r ON r.code = m.region_code
            WHERE m.region_code IS NOT NULL
            GROUP BY m.region_code HAVING count(DISTINCT m.region_name) > 1 OR bool_or(m.region_name <> r.name)""")
        assert bad == [], mart
        bad = rows(con, f"""
            SELECT m.prefecture_code, list(DISTINCT m.prefecture_name) FROM {mart} m
            JOIN regions r ON r.code = m.prefecture_code
            GROUP BY m.prefecture_code HAVING bool_or(m.prefecture_name <> r.name)""")
        assert bad == [], mart


def test_ranking_league_counts_placings_once(con):
    got = rows(con, """
        SELECT region_key, region_name, year, times_top, times_bottom, times_ranked, best_top, worst_bottom,
               contests_top, contests_bottom, contests, n_reports
        FROM ranking_league""")
    assert got == [
        ("130533", "威县", 2023, 2, 0, 2, 1, None, ["项目建设竞赛"], [], ["项目建设竞赛"], 2),
        ("130528", "宁晋县", 2023, 1, 0, 1, 2, None, ["项目建设竞赛"], [], ["项目建设竞赛"], 1),
        ("130534", "清河县", 2023, 1, 0, 1, 1, None, ["经济运行"], [], ["经济运行"], 1),
        ("name:邢东新区", "邢东新区", 2023, 1, 0, 1, 1, None, ["双进双产绩效评价"], [], ["双进双产绩效评价"], 1),
        ("130523", "内丘县", 2023, 0, 2, 2, None, 2, [], ["项目建设竞赛"], ["项目建设竞赛"], 2),
        # m3 reposts m1: 临西's 后三位 counts once
        ("130535", "临西县", 2023, 0, 2, 2, None, 1, [], ["经济运行", "项目建设竞赛"], ["经济运行", "项目建设竞赛"], 2),
        ("130528", "宁晋县", 2022, 1, 0, 1, 1, None, ["项目建设竞赛"], [], ["项目建设竞赛"], 1),
        ("130506", "南和区", None, 0, 1, 1, None, 3, [], ["项目建设竞赛"], ["项目建设竞赛"], 1),
    ]


def test_coverage_per_region(con):
    got = rows(con, """
        SELECT region_key, n_articles, n_stories, n_facts, n_targets, n_facts_without_period, n_metrics,
               n_rankings, first_period_start, last_period_end,
               CAST(first_published AS VARCHAR), CAST(last_published AS VARCHAR)
        FROM coverage""")
    assert got == [
        ("130528", 4, 4, 6, 2, 0, 2, 2, "2023-01", "2023-06", "2022-02-14", "2023-07-21"),
        ("130533", 6, 5, 4, 1, 0, 2, 2, "2023-01", "2023-06", "2023-01-15", "2023-07-26"),
        ("130506", 3, 3, 3, 0, 0, 2, 1, "2023-01", "2023-06", "2023-07-23", "2023-07-23"),
        ("130534", 3, 3, 3, 0, 0, 2, 1, "2023-01", "2023-06", "2023-07-18", "2023-07-25"),
        ("130535", 3, 2, 2, 0, 1, 2, 2, "2023-01", "2023-06", "2023-07-18", "2023-07-19"),
        ("130523", 3, 3, 1, 0, 0, 1, 2, "2023-01", "2023-06", "2023-04-20", "2023-07-28"),
        ("name:邢东新区", 2, 2, 1, 0, 0, 1, 1, "2023-01", "2023-06", "2023-01-15", "2023-07-18"),
        ("131127", 1, 1, 2, 0, 0, 2, 0, "2023-01", "2023-06", "2023-07-28", "2023-07-28"),
        ("131182", 1, 1, 1, 0, 0, 1, 0, "2023-01", "2023-06", "2023-07-28", "2023-07-28"),
        ("140121", 1, 1, 1, 0, 0, 1, 0, "2023-01", "2023-06", "2023-07-27", "2023-07-27"),
    ]


def test_marts_are_empty_not_broken_on_an_empty_warehouse(tmp_path):
    con = wh.connect(tmp_path / "empty.duckdb")
    wh.ensure_schema(con)
    for name in wh.mart_names():
        assert wh.build_mart(con, name) == 0, name
    con.close()
