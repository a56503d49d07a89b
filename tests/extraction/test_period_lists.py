"""Rates dealt out over a list of periods (ledger/extraction/period_lists.py). Our own sentences,
in the style of county statistical reviews."""
from ledger.extraction import extract
from tests.extraction.helpers import article, atoms

SH = "131082"   # 三河市


def test_quarters_listed_before_the_rates_each_take_their_rate():
    text = ("2020年，全市地区生产总值完成520亿元，增长4.5%。二、三产分别拉动地区生产总值增长1.4和3.1个百分点。"
            "分季度看，一季度、上半年、前三季度、全年增速分别为-9.9%、0.5%、3.5%和4.5%，增速逐季走高。")
    got = atoms(extract(article(text, "2021-02-20", main="三河市")))
    assert {(SH, "gdp", "2020-01", end, "actual", "yoy_pct", v)
            for end, v in (("2020-03", -9.9), ("2020-06", 0.5), ("2020-09", 3.5), ("2020-12", 4.5))} <= got


def test_the_list_sets_no_period_for_the_next_sentence():
    text = ("2020年，全市地区生产总值增长4.5%。分季度看，一季度、上半年、前三季度、全年增速分别为-9.9%、0.5%、3.5%和4.5%。"
            "固定资产投资增长8.1%。")
    got = atoms(extract(article(text, "2021-02-20", main="三河市")))
    assert (SH, "fixed_asset_investment", "2020-01", "2020-12", "actual", "yoy_pct", 8.1) in got
    assert not any(a[1] == "fixed_asset_investment" and a[3] == "2020-03" for a in got)


def test_the_cumulative_quarters_counted_and_the_indicator_between():
    text = "2015年，全市生产总值增长9.1%。四个季度累计GDP增幅分别为8.6%、9.2%、9.3%和9.1%。"
    got = atoms(extract(article(text, "2016-02-01", main="三河市")))
    assert {(SH, "gdp", "2015-01", end, "actual", "yoy_pct", v)
            for end, v in (("2015-03", 8.6), ("2015-06", 9.2), ("2015-09", 9.3))} <= got
    text = "一季度、上半年全市社会消费品零售总额分别增长12.1%和10.3%。"
    got = atoms(extract(article(text, "2023-08-01", main="三河市")))
    assert {(SH, "retail_sales", "2023-01", "2023-03", "actual", "yoy_pct", 12.1),
            (SH, "retail_sales", "2023-01", "2023-06", "actual", "yoy_pct", 10.3)} <= got


def test_a_count_that_does_not_match_the_periods_deals_nothing():
    text = "2015年，全市生产总值增长9.1%。一季度、上半年全市社会消费品零售总额分别增长12.1%、10.3%和9.8%。"
    got = atoms(extract(article(text, "2016-02-01", main="三河市")))
    assert not any(a[1] == "retail_sales" for a in got)


def test_an_undated_bulletin_reads_the_listed_quarters_in_its_title_year():
    text = "全市地区生产总值增长4.5%。分季度看，一季度、上半年、前三季度、全年增速分别为-9.9%、0.5%、3.5%和4.5%。"
    got = atoms(extract(article(text, None, main="三河市", title="三河市2020年国民经济和社会发展统计公报")))
    assert (SH, "gdp", "2020-01", "2020-03", "actual", "yoy_pct", -9.9) in got


def test_rates_each_right_after_its_period_after_a_growth_word():
    text = "2023年，全区地区生产总值突破1600亿元，GDP增速逐季攀升，上半年3.1%、前三季度4.2%、全年5.1%左右。地均GDP超70亿元/平方公里。"
    got = atoms(extract(article(text, "2024-01-20", main="渝中区")))
    code = "500103"
    assert {(code, "gdp", "2023-01", "2023-06", "actual", "yoy_pct", 3.1),
            (code, "gdp", "2023-01", "2023-09", "actual", "yoy_pct", 4.2)} <= got
    assert not any(a[1] == "gdp" and a[6] == 7e9 for a in got)     # GDP per square kilometre is no GDP


def test_a_rate_series_by_period_after_the_year_s_figure_carries_no_quarter_onward():
    text = ("初步核算，2013年全市实现地区生产总值19000.6亿元，比上年增长7.5%。其中，1季度经济增长7.8%，上半年增长7.6%，"
            "1-3季度增长7.5%，增势较为平稳。分产业看，第一产业实现增加值160.8亿元，增长3%。")
    got = atoms(extract(article(text, None, main="北京市")))
    code = "110000"
    assert {(code, "gdp", "2013-01", "2013-03", "actual", "yoy_pct", 7.8),
            (code, "gdp", "2013-01", "2013-06", "actual", "yoy_pct", 7.6),
            (code, "primary_industry_va", "2013-01", "2013-12", "actual", "value", 1.608e10)} <= got
