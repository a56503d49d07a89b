"""Yearbook tables whose header cells are stacked over short lines (ledger.extraction.stacked_tables).

The page below is written for this test in the shape of a statistical yearbook's county table
flattened into text: each header cell over several lines, closed by its unit in brackets; rows
grouped under their prefecture; some rows without figures in the last columns."""
from ledger.parsing import parse_file
from ledger.pipeline import enrich
from ledger.extraction import extract
from tests.extraction.helpers import atoms

PAGE = """12-3  各县(市、区)主要经济指标(2019年)

年末
常住人口
(万人)


一般公共
预算收入
(万元)

一般公共
预算支出
(万元)
住户存款
余额
(万元)

石家庄市
  长安区 56.1 812345 402113
  桥西区 61.0 735120 388420 4120330
  新华区 63.4 540218 365007 3890112
  井陉县 30.2 101377 254880 1002345
张家口市
  桥西区 28.7 120456 170230 1650400
  桥东区 30.9 98765 160011
  宣化区 57.3 201334 290876 2230190
"""


def test_a_yearbook_table_with_a_stacked_header_gives_each_row_its_revenue():
    parsed = parse_file("t.txt", PAGE.encode("utf-8"))
    got = set().union(*(atoms(extract(enrich(a))) for a in parsed.articles))
    y19 = ("2019-01", "2019-12", "actual", "value")
    assert {("130102", "general_budget_revenue", *y19, 8.12345e9),
            ("130121", "general_budget_revenue", *y19, 1.01377e9),
            ("130702", "general_budget_revenue", *y19, 9.8765e8)} <= got
    # the two 桥西区: each under its own prefecture's heading
    assert ("130104", "general_budget_revenue", *y19, 7.3512e9) in got
    assert ("130703", "general_budget_revenue", *y19, 1.20456e9) in got
    # columns naming no core indicator (people, spending, deposits) give nothing
    assert not any(a[5] == "value" and a[6] in (5.61e5, 4.02113e9) for a in got)


def test_the_stacked_header_stays_in_the_text():
    parsed = parse_file("t.txt", PAGE.encode("utf-8"))
    text = parsed.articles[0].text
    assert "一般公共\n预算收入\n(万元)" in text and "年末\n常住人口" in text
