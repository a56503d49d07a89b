"""ledger.periods: explicit, relative, bare and multi-year periods."""
import pytest

from ledger.periods import ended, find_periods, heading_year, multiple_base_after, pub_ym, report_date, resolve


def one(text, pub=(2023, 6), target=False, context_year=None):
    pms = find_periods(text)
    assert len(pms) == 1, pms
    return resolve(pms[0], pub, target, context_year)


@pytest.mark.parametrize("text,start,end", [
    ("2021年1-8月，", "2021-01", "2021-08"),
    ("2021年1—8月份", "2021-01", "2021-08"),
    ("二〇二一年", "2021-01", "2021-12"),
    ("2022年上半年", "2022-01", "2022-06"),
    ("2023年前三季度", "2023-01", "2023-09"),
    ("2023年第二季度", "2023-04", "2023-06"),
    ("2023年三季度", "2023-01", "2023-09"),      # a bare 三季度 is cumulative, as county accounts are
    ("截至2023年10月底", "2023-01", "2023-10"),
    ("今年一季度", "2023-01", "2023-03"),
    ("去年全年", "2022-01", "2022-12"),
    ("上年", "2022-01", "2022-12"),
])
def test_explicit_and_relative(text, start, end):
    p = one(text)
    assert (p.start, p.end) == (start, end)
    assert not p.approx


def test_bare_period_is_the_latest_that_ended_by_publication():
    # published 2023-06-06: the first quarter has ended, the first half has not
    assert (one("一季度").start, one("一季度").end) == ("2023-01", "2023-03")
    assert (one("上半年").start, one("上半年").end) == ("2022-01", "2022-06")
    assert (one("前三季度", pub=(2024, 2)).start, one("前三季度", pub=(2024, 2)).end) == ("2023-01", "2023-09")
    assert one("全年", pub=(2024, 2)).start == "2023-01"
    assert (one("1-8月", pub=(2023, 9)).start, one("1-8月", pub=(2023, 9)).end) == ("2023-01", "2023-08")
    assert (one("8月份", pub=(2023, 9)).start, one("8月份", pub=(2023, 9)).end) == ("2023-08", "2023-08")


def test_bare_period_in_a_target_is_the_coming_one():
    p = one("全年", pub=(2023, 3), target=True)
    assert (p.start, p.end) == ("2023-01", "2023-12")


def test_heading_context_year_wins_for_bare_periods():
    p = one("全年", pub=(2023, 1), context_year=2022)
    assert (p.start, p.end) == ("2022-01", "2022-12")


def test_multi_year_spans_are_approximate():
    p = one("“十三五”期间")
    assert (p.start, p.end, p.approx) == ("2016-01", "2020-12", True)
    p = one("五年来", pub=(2017, 10))
    assert p.approx and p.end == "2017-12"
    p = one("2016—2020年")
    assert (p.start, p.end) == ("2016-01", "2020-12")


def test_no_date_no_year_no_period():
    assert one("上半年", pub=None) is None
    assert one("今年", pub=None) is None
    assert one("2021年", pub=None).start == "2021-01"


def test_comparison_bases_and_day_dates_are_no_periods():
    assert find_periods("比上年增长5%") == []
    assert find_periods("与上年同期持平") == []
    assert find_periods("2月11日，会议召开") == []
    assert find_periods("3月13日至30日") == []
    # 'from last year's X to Y': the base of a change
    assert find_periods("三次产业结构由上年的23:40:37调整为19:50:31") == []
    assert find_periods("占比由上年的48.2%提高到") == []
    # a from-to series keeps both years, each its figure's
    assert [p.year for p in find_periods("由2005年的61.88亿元增加到2010年的130亿元")] == [2005, 2010]
    assert [p.text for p in find_periods("由2015年起，全县…")] == ["2015年"]
    assert find_periods("增速自2005年以来连续8年快于全省") == []
    assert [p.ytd for p in find_periods("2023年以来累计完成投资50亿元")] == [True]


def test_dates_and_headings():
    assert pub_ym("2022-01-21T08:11:53+08:00") == (2022, 1)
    assert pub_ym("not a date") is None
    assert report_date("——2022年1月27日在衡水市第五届人民代表大会第一次会议上") == "2022-01-27"
    assert report_date("2022年1月27日，天气晴") is None
    assert heading_year("一、2021年政府工作回顾") == 2021
    assert heading_year("二、主要任务") is None


def test_ended():
    assert ended("2023-03", (2023, 6)) is True
    assert ended("2023-06", (2023, 6)) is False
    assert ended(None, (2023, 6)) is None


def test_bare_period_in_a_target_or_estimate_is_the_publish_years():
    p = one("1-7月份", pub=(2021, 9), target=True)
    assert (p.start, p.end) == ("2021-01", "2021-07")
    assert ended(p.end, (2021, 9))           # so a 预计 about it is an actual
    p = one("下半年", pub=(2023, 7), target=True)
    assert (p.start, p.end) == ("2023-07", "2023-12")


def test_a_two_digit_year_before_a_period_or_the_economys_total():
    assert [(p.year, p.months) for p in find_periods("可见18年生产总值达到1200亿元")] == [(2018, None)]
    assert [(p.year, p.months) for p in find_periods("21年前三季度GDP增长7.5%")] == [(2021, (1, 9))]
    # nineteen years, not 2019
    for text in ("连续19年GDP居全省首位", "近10年GDP翻了一番", "历经15年经济总量翻番", "建县18年来", "比17年提升0.8个百分点",
                 "用了12年生产总值翻番"):
        assert [p.year for p in find_periods(text) if p.year] == [], text


def test_the_year_of_constant_prices_is_no_period():
    assert [p.text for p in find_periods("全区完成地区生产总值243.5亿元，按2020年不变价格计算，同比增长3%")] == []
    assert [p.year for p in find_periods("2022年全区生产总值按2015年可比价计算增长3%")] == [2022]


def test_the_end_of_a_plan_is_its_last_year():
    assert [(p.year, p.span) for p in find_periods("“十三五”末，全县地区生产总值达到230.5亿元")] == [(2020, None)]
    assert [(p.year, p.span) for p in find_periods("十二五期末")] == [(2015, None)]
    assert [(p.year, p.span) for p in find_periods("十三五期间年均增长7%")] == [(None, (2016, 2020))]


def test_a_year_run_straight_onto_its_part_in_a_title():
    assert [(p.year, p.months) for p in find_periods("2023上半年温州各县市区财政数据浅析")] == [(2023, (1, 6))]
    assert [(p.year, p.months) for p in find_periods("共2023一季度")] == [(2023, (1, 3))]
    assert find_periods("同比增长2023") == []


def test_a_structure_s_base_year_with_its_colons_lost_is_no_period():
    from ledger.periods import find_periods
    # '三次产业结构由2007年的22:37:41调整为…' as a mirror writes it, without its colons
    s = "2011年，三次产业结构由2007年的223741调整为19.936.943.2；社会消费品零售总额117.7亿元"
    assert [p.text for p in find_periods(s)] == ["2011年"]


def test_a_year_before_a_multiple_is_its_base():
    s = "总量是2015年的2.4倍，2015年全县共有企业80家"
    first, second = (s.index("2015年") + 5, s.rindex("2015年") + 5)
    assert multiple_base_after(s, first)
    assert not multiple_base_after(s, second)
    assert multiple_base_after("为上年的3 .1倍", 3)     # a spun copy may break the decimal
    assert [p.text for p in find_periods(s)] == ["2015年"]


def test_the_quarters_from_the_first_on_are_one_cumulative_period():
    from ledger.periods import find_periods

    assert [(p.year, p.months) for p in find_periods("2021年1-4季度")] == [(2021, (1, 12))]
    assert [(p.year, p.months) for p in find_periods("2021年一至三季度")] == [(2021, (1, 9))]
    assert [(p.year, p.months) for p in find_periods("2021年第三季度")] == [(2021, (7, 9))]


def test_a_span_of_years_written_with_spaces():
    from ledger.periods import find_periods
    assert [p.span for p in find_periods("2016-2020 年，全旗地区生产总值年均增长1.4%")] == [(2016, 2020)]
    assert [p.span for p in find_periods("2016 年-2020 年")] == [(2016, 2020)]
