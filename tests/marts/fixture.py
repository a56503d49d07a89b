"""A hand-built warehouse with known answers for the mart tests.

Invented rows (no real text): a few regions of two Hebei prefectures, one zone without a
code and one county of another province; articles with and without dates, a near-duplicate
repost, outlets of different priority; facts with ties, a missing period, an approximate
period, conflicting sources, targets beside actuals; contest placings with a repost.
Loaded through the real DDL in sql/tables/ and built with ledger.warehouse.build_mart.
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import duckdb

from ledger import warehouse as wh

YI = 1e8  # 亿

HEBEI, SHANXI = "130000", "140000"
XINGTAI, HENGSHUI, TAIYUAN = "130500", "131100", "140100"

# region_key, code, name, level, prefecture_code, prefecture_name, province_code, province_name
REGIONS = [
    ("130000", "130000", "河北省", "province", None, None, HEBEI, "河北省"),
    ("140000", "140000", "山西省", "province", None, None, SHANXI, "山西省"),
    ("130500", "130500", "邢台市", "prefecture", XINGTAI, "邢台市", HEBEI, "河北省"),
    ("131100", "131100", "衡水市", "prefecture", HENGSHUI, "衡水市", HEBEI, "河北省"),
    ("140100", "140100", "太原市", "prefecture", TAIYUAN, "太原市", SHANXI, "山西省"),
    ("130528", "130528", "宁晋县", "county", XINGTAI, "邢台市", HEBEI, "河北省"),
    ("130533", "130533", "威县", "county", XINGTAI, "邢台市", HEBEI, "河北省"),
    ("130534", "130534", "清河县", "county", XINGTAI, "邢台市", HEBEI, "河北省"),
    ("130506", "130506", "南和区", "county", XINGTAI, "邢台市", HEBEI, "河北省"),
    ("130535", "130535", "临西县", "county", XINGTAI, "邢台市", HEBEI, "河北省"),
    ("130523", "130523", "内丘县", "county", XINGTAI, "邢台市", HEBEI, "河北省"),
    ("131127", "131127", "景县", "county", HENGSHUI, "衡水市", HEBEI, "河北省"),
    ("131182", "131182", "深州市", "county", HENGSHUI, "衡水市", HEBEI, "河北省"),
    ("140121", "140121", "清徐县", "county", TAIYUAN, "太原市", SHANXI, "山西省"),
    ("name:邢东新区", None, "邢东新区", "zone", XINGTAI, "邢台市", HEBEI, "河北省"),
]

# article_id, source_file, published_at, outlet, duplicate_of
ARTICLES = [
    ("a1", "a1.md", "2023-07-21T08:11:53+08:00", "邢台日报", None),
    ("a2", "a2.md", "2023-07-24T07:52:10+08:00", "邢台日报", None),
    ("a3", "a3.txt", "2023-07-26", "邢台新闻网", "a2"),            # near-duplicate repost of a2
    ("a4", "a4.md", "2023-07-21T08:30:00+08:00", "邢台日报", None),
    ("a5", "a5.txt", "2023-07-25", "清河县融媒体中心", None),        # later: its figure wins over a4's
    ("a6", "a6.txt", "2023-07-23", "邢台市统计局", None),            # same day as a7: priority 1 wins
    ("a7", "a7.txt", "2023-07-23", "南和区融媒体中心", None),
    ("a8", "a8.txt", None, None, None),                              # no date, no outlet
    ("a9", "a9.md", "2023-04-24T08:16:09+08:00", "邢台日报", None),
    ("a10", "a10.txt", "2023-07-28T10:21:46+08:00", "河北新闻网", None),
    ("a11", "a11.md", "2023-01-15T08:00:00+08:00", "邢台日报", None),  # targets for periods then ahead
    ("a12", "a12.txt", "2023-07-27", "太原新闻网", None),
    ("m0", "m0.md", "2022-02-14T08:21:46+08:00", "邢台日报", None),
    ("m1", "m1.md", "2023-07-18T07:45:20+08:00", "邢台日报", None),
    ("m2", "m2.txt", "2023-04-20", "邢台新闻网", None),
    ("m3", "m3.txt", "2023-07-19", "邢台新闻网", "m1"),            # near-duplicate repost of m1
    ("m4", "m4.txt", None, None, None),                              # a placing with no year
]

H1, Q1, FY = ("2023-01", "2023-06"), ("2023-01", "2023-03"), ("2023-01", "2023-12")
FAI, GDP, RETAIL = "fixed_asset_investment", "gdp", "retail_sales"

# article, region_code, region_name, metric, period, kind, value, yoy_pct, extra fields
FACTS = [
    ("a1", "130528", "宁晋县", FAI, H1, "actual", 98.6 * YI, 12.5, dict(rank=1, rank_scope="全市", rank_basis="value")),
    ("a1", "130528", "宁晋县", GDP, H1, "actual", 245.6 * YI, 7.2, {}),
    ("a1", "130528", "宁晋县", FAI, FY, "target", None, 13.0, dict(qualifier="以上")),
    ("a1", "130528", "宁晋县", GDP, FY, "target", None, 7.5, {}),
    ("a1", "130528", "宁晋县", GDP, ("2018-01", "2022-12"), "actual", 1000 * YI, None,
     dict(cagr_pct=7.1, period_approx=True)),
    ("a2", "130533", "威县", FAI, H1, "actual", 65.3 * YI, 15.8, dict(rank=1, rank_scope="全市", rank_basis="growth")),
    ("a2", "130533", "威县", GDP, H1, "actual", 92.8 * YI, 6.9, {}),
    ("a3", "130533", "威县", FAI, H1, "actual", 65.3 * YI, 15.8, dict(rank=1, rank_scope="全市", rank_basis="growth")),
    ("a3", "130533", "威县", GDP, H1, "actual", 92.8 * YI, 6.9, {}),
    ("a4", "130534", "清河县", FAI, H1, "actual", 72.4 * YI, 9.6, {}),
    ("a4", "130534", "清河县", RETAIL, H1, "actual", 62.3 * YI, 8.4, dict(rank=2, rank_scope="全市", rank_basis="growth")),
    ("a5", "130534", "清河", FAI, H1, "actual", 72.4 * YI, 9.9, {}),
    ("a6", "130506", "南和区", FAI, H1, "actual", 58.1 * YI, 12.5, {}),
    ("a6", "130506", "南和区", GDP, H1, "actual", 61.4 * YI, 6.9, {}),
    ("a7", "130506", "南和区", FAI, H1, "actual", 57.6 * YI, 12.5, {}),
    ("a8", "130535", "临西县", FAI, H1, "actual", 41.5 * YI, -3.2, {}),
    ("a8", "130535", "临西县", GDP, (None, None), "actual", None, 4.3, {}),          # no period: left out
    ("a9", "130533", "威县", FAI, Q1, "actual", 28.7 * YI, 16.2, {}),
    ("a9", "130528", "宁晋县", FAI, Q1, "actual", 42.3 * YI, 11.8, {}),
    ("a10", "131127", "景县", FAI, H1, "actual", 55.3 * YI, 13.1, {}),
    ("a10", "131127", "景县", GDP, H1, "actual", 105.4 * YI, 7.0, {}),
    ("a10", "131127", "景县", GDP, H1, "actual", 104.0 * YI, None, {}),   # same article, later sentence: ambiguity
    ("a10", "131182", "深州市", FAI, H1, "actual", 61.8 * YI, 9.9, {}),
    ("a10", "130523", "内丘县", FAI, H1, "actual", 38.9 * YI, None, {}),            # value only
    ("a11", "130533", "威县", GDP, H1, "target", None, 7.0, {}),
    ("a11", None, "邢东新区", FAI, H1, "actual", None, 25.0, {}),                  # a zone, not a county
    ("a12", "140121", "清徐县", FAI, H1, "actual", 30.0 * YI, 20.0, {}),
]

# article, region_code, region_name, contest, year, bucket
RANKINGS = [
    ("m0", "130528", "宁晋县", "项目建设竞赛", 2022, "top1"),
    ("m1", "130528", "宁晋县", "项目建设竞赛", 2023, "top2"),
    ("m1", "130533", "威县", "项目建设竞赛", 2023, "top2"),
    ("m1", "130534", "清河县", "经济运行", 2023, "top1"),
    ("m1", "130535", "临西县", "项目建设竞赛", 2023, "bottom3"),
    ("m1", "130523", "内丘县", "项目建设竞赛", 2023, "bottom3"),
    ("m1", "130535", "临西县", "经济运行", 2023, "bottom1"),
    ("m1", None, "邢东新区", "双进双产绩效评价", 2023, "top1"),
    ("m2", "130533", "威县", "项目建设竞赛", 2023, "top1"),
    ("m2", "130523", "内丘县", "项目建设竞赛", 2023, "bottom2"),
    ("m3", "130535", "临西县", "项目建设竞赛", 2023, "bottom3"),
    ("m4", "130506", "南和区", "项目建设竞赛", None, "bottom3"),
]


def load(con: duckdb.DuckDBPyConnection) -> None:
    """The fixture rows, through the real DDL and the real typed insert."""
    wh.ensure_schema(con)
    cols = ("region_key", "code", "name", "level", "prefecture_code", "prefecture_name",
            "province_code", "province_name")
    wh.insert_rows(con, "regions", [dict(zip(cols, r), status="current") for r in REGIONS])
    arts = []
    for aid, src, published_at, outlet, dup in ARTICLES:
        arts.append(dict(article_id=aid, source_file=src, source_sha256="0" * 64, position=0,
                         title=f"article {aid}", published_at=published_at,
                         published_date=date.fromisoformat(published_at[:10]) if published_at else None,
                         outlet=outlet, duplicate_of=dup, text="", ingested_at=datetime(2023, 8, 1, tzinfo=timezone.utc)))
    wh.insert_rows(con, "articles", arts)
    src_of = {a[0]: a[1] for a in ARTICLES}
    facts = []
    for i, (aid, code, name, metric, (start, end), kind, value, yoy, extra) in enumerate(FACTS):
        row = dict(source_file=src_of[aid], article_id=aid, region_code=code, region_name=name, metric=metric,
                   metric_label=metric, period_start=start, period_end=end, period_approx=False, kind=kind,
                   value=value, unit="yuan" if value is not None else None, yoy_pct=yoy,
                   evidence=f"sentence {i}", char_start=10 * i, char_end=10 * i + 9, confidence=1.0)
        row.update(extra)
        facts.append(row)
    wh.insert_rows(con, "metric_facts", facts)
    wh.insert_rows(con, "rankings", [
        dict(source_file=src_of[aid], article_id=aid, region_code=code, region_name=name, contest=contest,
             year=year, bucket=bucket, evidence="", char_start=0, char_end=0)
        for aid, code, name, contest, year, bucket in RANKINGS])


def build(path: Path) -> duckdb.DuckDBPyConnection:
    """A warehouse file at ``path`` holding the fixture and every mart, built in ORDER."""
    con = wh.connect(path)
    load(con)
    for name in wh.mart_names():
        wh.build_mart(con, name)
    return con
