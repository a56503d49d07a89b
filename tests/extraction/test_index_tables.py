"""Yearbook tables of growth indices (ledger/extraction/index_tables.py). The tables are our own,
laid out as statistical yearbooks print them (a bilingual header, rows of indices)."""
from ledger.extraction import extract
from tests.extraction.helpers import article, atoms

HEAD = ("3-5 地区生产总值指数(2019年)\nIndices of Gross Regional Product(2019)\n单位:以上年为100 (preceding year=100)\n"
        "地区\n生产总值\n人均GDP\n第一产业 第二产业 第三产业 工业\n"
        "Gross Regional Product Primary Industry Secondary Industry Tertiary Industry Industry Per Capita GDP\n")


def _yoy(got, code, metric):
    return next((a[6] for a in got if a[0] == code and a[1] == metric and a[5] == "yoy_pct"), None)


def test_each_index_less_100_is_its_column_s_growth_in_the_title_year():
    text = HEAD + ("Hebei 106.8 101.6 104.9 108.5 104.7 106.4\n"
                   "邢台市 Xingtai 107.2 102.5 106.1 109.4 106.0 106.9\n"
                   "宁晋县 Ningjin 108.1 103.0 107.7 109.9 107.2 107.8\n"
                   "威县 Weixian 106.5 99.1 105.0 108.8 104.4 106.2\n")
    got = atoms(extract(article(text, None)))
    assert {a[2:5] for a in got} == {("2019-01", "2019-12", "actual")}
    assert _yoy(got, "130528", "gdp") == 8.1
    assert _yoy(got, "130528", "tertiary_industry_va") == 9.9
    assert _yoy(got, "130528", "gdp_per_capita") == 7.8
    assert _yoy(got, "130533", "primary_industry_va") == -0.9
    assert _yoy(got, "130500", "secondary_industry_va") == 6.1
    # the 工业 column is no core indicator, and the province named only in English is no row we read
    assert not any(a[6] == 4.7 or a[0] == "130000" for a in got)


def test_an_empty_cell_marked_by_a_wide_gap_and_a_row_the_page_cuts_off():
    text = HEAD + ("桥西区 Qiaoxi 107.0   106.1 107.5 106.3 106.6\n"
                   "宁晋县 Ningjin 108.1 103.0 107.7\n")
    got = atoms(extract(article(text, None, main="邢台市")))
    assert _yoy(got, "130503", "gdp") == 7.0 and _yoy(got, "130503", "secondary_industry_va") == 6.1
    assert _yoy(got, "130503", "primary_industry_va") is None
    assert _yoy(got, "130528", "secondary_industry_va") == 7.7 and _yoy(got, "130528", "gdp_per_capita") is None


def test_without_the_index_unit_or_with_an_unknown_column_nothing_is_read_as_an_index():
    rows = "宁晋县 Ningjin 108.1 103.0 107.7 109.9 107.2 107.8\n"
    assert not any(a[5] == "yoy_pct" for a in atoms(extract(article(HEAD.replace("以上年为100", "亿元").replace(
        "(preceding year=100)", "") + rows, None))))
    assert not atoms(extract(article(HEAD.replace("Industry Per", "Mining Per") + rows, None)))


def test_the_province_s_english_row_run_onto_the_header():
    text = HEAD.rstrip("\n") + "(yuan)Hebei 106.8 101.6 104.9 108.5 104.7 106.4\n宁晋县 Ningjin 108.1 103.0 107.7 109.9 107.2 107.8\n"
    got = atoms(extract(article(text, None)))
    assert _yoy(got, "130528", "gdp") == 8.1
