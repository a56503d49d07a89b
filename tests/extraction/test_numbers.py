"""ledger.numbers: amounts, percentages, counts, Chinese numerals."""
import pytest

from ledger.numbers import cn_number, find_amounts, find_counts, find_percents, normalize, ordinal


@pytest.mark.parametrize("text,value,unit,qual", [
    ("完成47.8亿元", 4.78e9, "yuan", None),
    ("收入15,057万元", 1.5057e8, "yuan", None),
    ("实现三百四十七点九亿元", 3.479e10, "yuan", None),
    ("共三千二百万元", 3.2e7, "yuan", None),
    ("利用外资12.6亿美元", 1.26e9, "usd", None),
    ("收入20余亿元", 2.0e9, "yuan", "余"),
    ("达到1000万元以上", 1.0e7, "yuan", "以上"),
    ("近5亿元", 5e8, "yuan", "近"),
    ("约1.2亿美元", 1.2e8, "usd", "约"),
    ("超过3万元", 3e4, "yuan", "超"),
    ("人均收入8215元", 8215, "yuan", None),
    ("1.2万亿元", 1.2e12, "yuan", None),
    ("生产总值完成151 442万元", 1.51442e9, "yuan", None),      # a yearbook's spaced thousands
    ("人均达20 831元", 20831, "yuan", None),
])
def test_amounts(text, value, unit, qual):
    a = find_amounts(normalize(text))
    assert len(a) == 1
    assert a[0].value == pytest.approx(value)
    assert a[0].unit == unit
    assert a[0].qualifier == qual
    assert text[a[0].start:a[0].end] == a[0].text


def test_no_amount_without_currency_or_in_plain_words():
    assert find_amounts("2023年一季度，全县新开工项目12个") == []
    assert find_amounts("亿元以上项目") == []


def test_full_width_digits_keep_offsets():
    s = "完成４７．８亿元，增长３．３％"
    n = normalize(s)
    assert len(n) == len(s)
    assert find_amounts(n)[0].value == pytest.approx(4.78e9)
    assert find_percents(n)[0].value == pytest.approx(3.3)


def test_percents_and_signs():
    assert [p.value for p in find_percents("增长-100.0%，下降3%，百分之四点五")] == [-100.0, 3.0, 4.5]


def test_counts():
    c = find_counts("签约项目30个，注册企业4475家，市场主体3200余户")
    assert [(x.value, x.qualifier) for x in c] == [(30, None), (4475, None), (3200, "余")]


@pytest.mark.parametrize("s,v", [("三百四十七点九亿", 3.479e10), ("十二万三千", 123000), ("两万", 20000),
                                 ("一点五", 1.5), ("12.5", 12.5), ("", None), ("亿", None)])
def test_cn_number(s, v):
    assert cn_number(s) == (pytest.approx(v) if v is not None else None)


def test_ordinal():
    assert ordinal("第一") == 1 and ordinal("第12位") == 12 and ordinal("首") is None


def test_a_figure_that_lost_its_leading_digits_is_no_amount():
    from ledger.numbers import iter_amounts
    assert iter_amounts("被考核的80个县(市、区)完成生产总值.24亿元") == []
    assert [a.value for a in iter_amounts("完成生产总值1.24亿元")] == [124000000.0]


def test_spaced_thousands_only_join_groups_of_three_before_a_unit():
    assert [a.value for a in find_amounts("表3 2018年收入45万元")] == [450000]
    assert [a.value for a in find_amounts("户数25 052户，收入1 234 567元")] == [1234567]


def test_an_amount_in_renminbi():
    from ledger.numbers import iter_amounts

    assert [(a.value, a.unit) for a in iter_amounts("GDP为530.91亿人民币，800万人民币")] == [(5.3091e10, "yuan"), (8e6, "yuan")]
    assert iter_amounts("人口1.4亿人") == [] and iter_amounts("GDP为1617.28人民币") == []    # no magnitude: no amount
