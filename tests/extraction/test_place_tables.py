"""Tables flattened into lines, one place a line (FACTS.md section 7: per-county lists are facts).

The tables here are written for these tests in the shape met on real pages."""
from ledger.extraction import extract
from ledger.parsing import parse_file
from ledger.parsing.plaintext import is_table_line
from ledger.pipeline import enrich
from tests.extraction.helpers import article, atoms


def page_atoms(page: str) -> set[tuple]:
    """The atoms of a page run through the parser, the main-region step and the extractor."""
    parsed = parse_file("t.txt", page.encode("utf-8"))
    return set().union(*(atoms(extract(enrich(a))) for a in parsed.articles))


def test_table_lines_are_data_not_headlines():
    assert is_table_line("1 唐山 4837.7 5108.2 -270.5 -5.30%")
    assert is_table_line("1 | 渝北区 | 1848.24 |")
    assert is_table_line("金水区 3548.97")
    assert is_table_line("排名 城市 2018 2017 增量 名义增速")
    assert is_table_line("排名 | 地区 | 生产总值(亿元) |")
    assert not is_table_line("全县经济运行稳中向好")
    assert not is_table_line("2024年全市上下解放思想 奋发进取 交出了一份成绩单")


PAGE = ("河北省2019年前三季度各市生产总值公布，唐山以5100.2亿元继续领跑，2018年前三季度为4837.7亿元。\n"
        "2019年河北各市GDP排名\n"
        "排名 城市 2019 2018 增量 名义增速\n"
        "1 唐山 5100.2 4837.7 262.5 5.43%\n"
        "2 石家庄 4900.5 4820.5 80.0 1.66%\n"
        "3 沧州 2800.1 2710.0 90.1 3.32%\n")


def test_a_ranked_table_with_year_columns_parsed_from_a_file():
    parsed = parse_file("t.txt", PAGE.encode("utf-8"))
    arts = [enrich(a) for a in parsed.articles]
    got = set().union(*(atoms(extract(a)) for a in arts))
    q3 = ("2019-01", "2019-09", "actual")
    assert ("130200", "gdp", *q3, "value", 510020000000.0) in got
    assert ("130200", "gdp", *q3, "rank", 1.0) in got
    assert ("130100", "gdp", *q3, "yoy_pct", 1.66) in got
    assert ("130900", "gdp", "2018-01", "2018-09", "actual", "value", 271000000000.0) in got
    assert not any(a[-1] in (262.5e8, 80.0e8) for a in got)   # the 增量 column is no value


def test_name_value_lines_under_a_lead_in_with_the_unit():
    text = ("2025年郑州市各区县生产总值中，金水区超过3500亿，具体如下：\n郑州市 15244.57\n金水区 3548.97\n"
            "#金水区 2272.28\n管城区 2154.21\n新郑市 2132.52\n名义增速方面，各区县如下：\n新郑市 8.15%\n"
            "金水区 5.04%\n郑州市 4.90%\n")
    got = atoms(extract(article(text, published_at=None, main="郑州市")))
    y = ("2025-01", "2025-12", "actual")
    assert ("410105", "gdp", *y, "value", 354897000000.0) in got
    assert ("410184", "gdp", *y, "value", 213252000000.0) in got      # after a row it cannot name
    assert ("410105", "gdp", *y, "yoy_pct", 5.04) in got
    assert not any(a[-1] == 227228000000.0 for a in got)              # '#' rows are another caliber


def test_no_unit_no_value():
    text = "2025年各区县生产总值如下：\n金水区 3548.97\n新郑市 2132.52\n中原区 1665.50\n"
    got = atoms(extract(article(text, published_at=None, main="郑州市")))
    assert not any(a[5] == "value" for a in got)


def test_a_table_of_one_cell_per_line_with_positions():
    text = ("全省县(市、区)2016年度GDP排列：\n按GDP规模:\n序号 |\n县(市区) |\n单位(亿元) |\n1 |\n黄岛区 |\n2766 |\n"
            "2 |\n张店区 |\n1209 |\n3 |\n历下区 |\n1187 |\n")
    got = atoms(extract(article(text, published_at=None, main="山东省")))
    y = ("2016-01", "2016-12", "actual")
    assert ("370211", "gdp", *y, "value", 276600000000.0) in got
    assert ("370303", "gdp", *y, "rank", 2.0) in got
    assert ("370102", "gdp", *y, "value", 118700000000.0) in got


def test_a_table_of_one_cell_per_line_with_group_rows_and_a_sub_period():
    text = ("附表：2018年上半年各市县地区生产总值及增速\n市 县\n绝对数\n(亿元)\n比上年同期增长\n海澄文\n1054.21\n7.1\n"
            "东部地区\n1542.49\n6.6\n海口市\n797.49\n8.1\n三亚市\n304.09\n7.0\n文昌市\n122.07\n3.5\n")
    got = atoms(extract(article(text, published_at="2018-07-18", main="海南省")))
    h1 = ("2018-01", "2018-06", "actual")
    assert ("460100", "gdp", *h1, "value", 79749000000.0) in got
    assert ("460200", "gdp", *h1, "yoy_pct", 7.0) in got
    assert ("469005", "gdp", *h1, "value", 12207000000.0) in got
    assert not any(a[-1] in (105421000000.0, 154249000000.0) for a in got)   # group rows are nobody's


def test_a_place_name_alone_over_an_entry_is_its_title():
    page = "平原县\n\n县委书记 某某\n\n经济概况 全年实现生产总值132.39亿元，比上年增长12.4%。\n"
    arts = parse_file("t.txt", page.encode("utf-8")).articles
    assert arts[0].title == "平原县"
    assert enrich(arts[0]).main_region_code == "371426"


def test_a_series_of_the_region_one_year_a_line_and_a_ranked_table_headed_排行():
    text = ("GDP排行 | 区域 | 2021年GDP(亿元) | 增速(%) |\n1 | 潞州区 | 565.7 | 8 |\n2 | 襄垣县 | 320.7 | 9.9 |\n"
            "3 | 上党区 | 305.2 | 9.8 |\n年份 | GDP(亿元) | 增速(%) |\n2021年 | 2311.1 | 11 |\n2020年 | 1711.6 | 5.1 |\n"
            "2019年 | 1652.1 | 6 |\n")
    got = atoms(extract(article(text, published_at=None, main="长治市")))
    assert ("140403", "gdp", "2021-01", "2021-12", "actual", "rank", 1.0) in got
    assert ("140400", "gdp", "2020-01", "2020-12", "actual", "value", 171160000000.0) in got
    assert ("140400", "gdp", "2019-01", "2019-12", "actual", "yoy_pct", 6.0) in got
    # a page that never names its region has no series to hold
    assert not any(a[2] == "2020-01" for a in atoms(extract(article(text, published_at=None))))


def test_per_capita_figures_without_a_unit_that_cannot_be_yuan_give_no_value():
    text = "2025年各区县人均GDP如下：\n金水区 15.95\n新郑市 13.30\n中原区 10.46\n"
    got = atoms(extract(article(text, published_at=None, main="郑州市")))
    assert not any(a[1] == "gdp_per_capita" and a[5] == "value" for a in got)


def test_year_columns_that_name_the_indicator_under_a_lead_in_naming_several():
    page = ("初步核算，2022年邢台市实现地区生产总值2500.1亿元，比上年增长3.8%，第一、二、三产业增加值分别为300.2亿元、"
            "900.5亿元、1299.4亿元。下面整理了各县区近年的GDP数据。\n"
            "年份/各县区 | 2022年GDP | 2021年GDP | 2020年GDP |\n"
            "信都区 | 401.25 | 388.10 | 360.45 |\n"
            "宁晋县 | 380.50 | 361.20 | 340.80 |\n"
            "沙河市 | 270.33 | 255.60 | 240.10 |\n")
    got = page_atoms(page)
    assert ("130528", "gdp", "2022-01", "2022-12", "actual", "value", 38050000000.0) in got
    assert ("130528", "gdp", "2020-01", "2020-12", "actual", "value", 34080000000.0) in got
    assert ("130582", "gdp", "2021-01", "2021-12", "actual", "value", 25560000000.0) in got


def test_a_table_written_on_one_line_after_its_lead_in():
    page = ("2022年邢台市实现生产总值2500.1亿元，比上年增长3.8%，其中信都区总量位居全市第一。 GDP排行 | 区域 | "
            "2022年GDP(亿元) | 增速(%) | 1 | 信都区 | 401.25 | 4.1 | 2 | 宁晋县 | 380.50 | 5.2 | 3 | 沙河市 | 270.33 | -1.5 |"
            " 4 | 清河县 | 200.10 | 3.3 |\n")
    got = page_atoms(page)
    y = ("2022-01", "2022-12", "actual")
    assert ("130528", "gdp", *y, "value", 38050000000.0) in got
    assert ("130528", "gdp", *y, "rank", 2.0) in got
    assert ("130582", "gdp", *y, "yoy_pct", -1.5) in got
    assert ("130534", "gdp", *y, "rank", 4.0) in got


def test_a_series_by_year_written_on_one_line_after_another_table():
    page = ("2022年邢台市实现生产总值2500.1亿元，比上年增长3.8%。 GDP排行 | 区域 | 2022年GDP(亿元) | 增速(%) | "
            "1 | 信都区 | 401.25 | 4.1 | 2 | 宁晋县 | 380.50 | 5.2 | 3 | 沙河市 | 270.33 | -1.5 | "
            "邢台市历年GDP对比表 年份 | GDP(亿元) | 增速(%) | 2022年 | 2500.1 | 3.8 | 2021年 | 2427.1 | 6.5 | "
            "2020年 | 2200.4 | 3.9 |\n")
    got = page_atoms(page)
    assert ("130500", "gdp", "2021-01", "2021-12", "actual", "value", 242710000000.0) in got
    assert ("130500", "gdp", "2020-01", "2020-12", "actual", "yoy_pct", 3.9) in got
    assert ("130528", "gdp", "2022-01", "2022-12", "actual", "rank", 2.0) in got


def test_a_table_whose_header_runs_over_several_lines_and_names_an_indicator_a_column():
    page = ("河北各县市生产总值一览\n\n"
            "2015年河北省部分县(市)GDP与人均GDP列表\n"
            "(按户籍人口计算)\n"
            "县(市) 位次\n(GDP)\nGDP\n(本币/百万)\nGDP\n(美元/百万)\n位次\n(人均GDP)\n人均GDP\n(本币/元)\n人均GDP\n(美元/元)\n"
            "全省 2,981,000 478,600 40,255 6,463\n"
            "迁安市 1 91,250 14,650 1 118,520 19,030\n"
            "武安市 2 60,120 9,652 3 74,210 11,914\n"
            "三河市 3 41,880 6,724 2 81,360 13,062\n")
    got = page_atoms(page)
    y = ("2015-01", "2015-12", "actual")
    assert ("130283", "gdp", *y, "value", 91250000000.0) in got
    assert ("130283", "gdp", *y, "rank", 1.0) in got
    assert ("130283", "gdp_per_capita", *y, "value", 118520.0) in got
    assert ("131082", "gdp_per_capita", *y, "rank", 2.0) in got
    assert ("130481", "gdp", *y, "value", 60120000000.0) in got
    # the US-dollar columns give no figure
    assert not any(a[5] == "value" and a[6] in (14650000000.0, 19030.0) for a in got)


def test_a_markdown_table_by_place_with_year_columns_of_one_indicator_and_columns_of_another():
    page = ("2016年河北省各市GDP和人均GDP排名\n"
            "2016年，全省生产总值平稳增长。\n"
            "2016年河北各市GDP和人均GDP排名 | |||||\n"
            "---|---|---|---|---|---|---|\n"
            "排名 | 地级市 | 2015年GDP(亿元) | 2016年GDP(亿元) | 人均GDP(元) | 人均GDP(美元) | 人均GDP排名 |\n"
            "1 | 唐山 | 6100.5 | 6300 | 80123.5 | 12100.2 | 1 |\n"
            "2 | 石家庄 | 5400.2 | 5800 | 50222.1 | 7600.3 | 3 |\n"
            "3 | 邯郸 | 3300.7 | 3400 | 35100.9 | 5300.8 | 6 |\n"
            "4 | 沧州 | 3200.1 | 3350 | 52000.4 | 7850.1 | 2 |\n")
    got = page_atoms(page)
    y16, y15 = ("2016-01", "2016-12", "actual"), ("2015-01", "2015-12", "actual")
    assert ("130200", "gdp", *y16, "value", 630000000000.0) in got
    assert ("130200", "gdp", *y15, "value", 610050000000.0) in got
    assert ("130100", "gdp", *y16, "rank", 2.0) in got            # the leading position ranks GDP
    assert ("130900", "gdp_per_capita", *y16, "value", 52000.4) in got
    assert ("130900", "gdp_per_capita", *y16, "rank", 2.0) in got
    assert not any(a[6] == 12100.2 for a in got)                   # the US-dollar column


def test_a_ranked_table_with_a_province_column_spaced_decimals_and_a_spaced_header():
    text = ("2017年GDP过千亿县排行榜\n名次 县市 2016 年GDP (亿) 2015年GDP (亿) 名义增速(%) 所属省份\n"
            "1 迁安市 1160.29 1080.01 2.6 河北\n2 昆山市 3083. 3 2880.9 7.02 江苏\n3 龙口市 1111 1041. 3 6.7 山东\n")
    got = atoms(extract(article(text, None)))
    y16, y15 = ("2016-01", "2016-12", "actual"), ("2015-01", "2015-12", "actual")
    assert {("130283", "gdp", *y16, "value", 1.16029e11), ("130283", "gdp", *y16, "yoy_pct", 2.6),
            ("130283", "gdp", *y16, "rank", 1.0), ("320583", "gdp", *y16, "value", 3.0833e11),
            ("370681", "gdp", *y15, "value", 1.0413e11), ("370681", "gdp", *y16, "rank", 3.0)} <= got


def test_a_pipe_table_by_place_whose_last_row_the_page_cut_off():
    text = ("2022年，石家庄市实现地区生产总值7100.6亿元。下面整理了各区县近三年的GDP数据。\n"
            "年份/各区 | 2022年GDP | 2021年GDP | 2020年GDP |\n"
            "长安区 | 620.10 | 590.20 | 560.30 |\n桥西区 | 580.40 | 560.10 | 540.20 |\n"
            "新华区 | 530.20 | 510.30 | 490.10 |\n裕华区 | 610.30 | 2009.70 |\n")
    got = atoms(extract(article(text, None)))
    assert {("130102", "gdp", "2021-01", "2021-12", "actual", "value", 5.902e10),
            ("130105", "gdp", "2020-01", "2020-12", "actual", "value", 4.901e10)} <= got
    assert not any(a[0] == "130108" for a in got)


def test_a_pipe_table_by_place_whose_last_column_lists_each_place_s_main_industries():
    text = ("三、各市经济总量排行(2022年数据)\n排名 | 城市 | 地区生产总值(亿元) | 同比增长(%) | 主导产业 |\n"
            "1 | 邢台市 | 2430 | 4.1 | 装备制造、新能源 |\n2 | 衡水市 | 1820 | 3.6 | 食品加工 |\n"
            "3 | 承德市 | 1760 | 3.2 | 文化旅游、矿业、清洁能源 |\n")
    got = atoms(extract(article(text, None)))
    y22 = ("2022-01", "2022-12", "actual")
    assert {("130500", "gdp", *y22, "value", 2.43e11), ("130500", "gdp", *y22, "yoy_pct", 4.1),
            ("130500", "gdp", *y22, "rank", 1.0), ("130800", "gdp", *y22, "rank", 3.0),
            ("131100", "gdp", *y22, "value", 1.82e11)} <= got


def test_a_series_by_year_whose_latest_years_hold_no_figure_yet():
    text = ("邢台市位于河北省南部。\n年份 | 第三产业增加值(亿元) |\n2023 | 点击查看 |\n2022 | |\n"
            "2021 | 1120.5 |\n2020 | 1065.2 |\n2019 | 1010.8 |\n")
    got = atoms(extract(article(text, None, main="邢台市")))
    assert {("130500", "tertiary_industry_va", "2021-01", "2021-12", "actual", "value", 1.1205e11),
            ("130500", "tertiary_industry_va", "2019-01", "2019-12", "actual", "value", 1.0108e11)} <= got


def test_a_table_of_position_and_place_pairs_gives_no_figures_by_place():
    text = ("2022年全国百强县人均GDP排名\n排名 | 县市 | 排名 | 县市 |\n1 | 江苏昆山市 | 51 | 河北迁安市 |\n"
            "2 | 江苏江阴市 | 52 | 河北武安市 |\n3 | 江苏张家港市 | 53 | 河北三河市 |\n")
    got = atoms(extract(article(text, None)))
    assert not any(a[5] == "rank" and a[6] >= 51 for a in got)


def test_a_table_without_a_unit_takes_the_one_the_prose_says_its_rows_with():
    text = ("河北省2019年前三季度各市GDP公布，唐山以5100.2亿元远超其他城市，石家庄以4480.3亿元排名第二。\n"
            "2019年河北各市GDP排名\n排名 城市 2019年 2018年 增量 名义增速\n"
            "1 唐山 5100.2 4837.7 262.5 5.43%\n2 石家庄 4480.3 4310.6 169.7 3.94%\n3 沧州 2810.4 2699.1 111.3 4.12%\n")
    got = atoms(extract(article(text, None)))
    q19, q18 = ("2019-01", "2019-09", "actual"), ("2018-01", "2018-09", "actual")
    assert {("130900", "gdp", *q19, "value", 2.8104e11), ("130900", "gdp", *q18, "value", 2.6991e11),
            ("130200", "gdp", *q18, "value", 4.8377e11)} <= got
    # no agreement with the prose: no unit, no value
    got = atoms(extract(article(text.replace("以5100.2亿元", "").replace("以4480.3亿元", ""), None)))
    assert not any(a[0] == "130900" and a[5] == "value" for a in got)


def test_a_cut_off_date_under_a_table_is_not_its_period():
    text = ("GDP排行 | 地级市 | 2020年GDP(亿元) | 增速(%) | 1 | 石家庄市 | 5935.1 | 3.8 | 2 | 唐山市 | 7210.9 | 3.9 | "
            "3 | 沧州市 | 3699.9 | 3.7 |\n备注：以上数据来源于各地统计公报，数据截止更新至2020年12月。")
    got = atoms(extract(article(text, None, main="河北省")))
    assert ("130900", "gdp", "2020-01", "2020-12", "actual", "value", 3.6999e11) in got


WIKI_LIST = """河北省各地级市地区生产总值列表收录各主要年份河北省地级行政区的地区生产总值总量和人均GDP指标。
2021年
2021年河北省各市地区生产总值列表[注 1]
行政区 地区生产总值(GDP)[注 2] 人均GDP[注 3]
本币
(亿元)
美元[注 4]
(亿元)
位次 比重[注 5]
本币
(元)
美元
(元)
位次 比重
(全省=100)
河北省 40,391.30 6260.84 54,172 8,397 100.0
石家庄市 6,490.30 1006.03 2 16.07 58,241 9,028 4 107.5
唐山市 8,230.60 1275.78 1 20.38 106,380 16,489 1 196.4
邯郸市 4,114.80 637.82 4 10.19 43,892 6,803 7 81.0
保定市 4,448.80 689.59 3 11.01 48,463 7,512 5 89.5
"""


def test_a_wiki_list_whose_header_names_two_indicators_over_their_sub_columns():
    parsed = parse_file("t.txt", WIKI_LIST.encode("utf-8"))
    got = set().union(*(atoms(extract(enrich(a))) for a in parsed.articles))
    y = ("2021-01", "2021-12", "actual")
    assert {("130200", "gdp", *y, "value", 8.2306e11), ("130200", "gdp", *y, "rank", 1.0),
            ("130200", "gdp_per_capita", *y, "value", 106380.0), ("130200", "gdp_per_capita", *y, "rank", 1.0),
            ("130600", "gdp_per_capita", *y, "rank", 5.0)} <= got
    assert not any(a[6] in (196.4, 107.5, 16.07) for a in got)       # shares are no figures


def test_a_wiki_table_whose_indicators_head_groups_of_unequal_size():
    from ledger.parsing import parse_file

    body = ("河北各县市地区生产总值列表\n\n本表所列仅限于县级区划单位，市辖区不单列。\n\n2013年列表\n\n"
            "2013年河北省各县(市)GDP与人均GDP列表[1]\n"
            "人均GDP按年末人口口径计算,国际汇率折算按1美元合6.1932元本币(人民币)\n"
            "县(市) GDP(百万元) 人均GDP 年末常住人口\n位次 本币 美元 占比\n(%)\n位次 本币 美元 占比\n(%)\n位次 人口 占比\n(%)\n"
            "全省 2,450,167 395,622 100 36,621 5,913 100 66,906,000 100\n"
            "迁安市 1 97,599 15,759 3.98 1 96,767 15,625 264 7 1,008,600 1.51\n"
            "武安市 2 92,429 14,924 3.77 3 71,368 11,524 195 1 1,295,100 1.94\n"
            "三河市 3 83,505 13,483 3.41 5 69,224 11,177 189 2 1,206,300 1.80\n")
    [a] = [enrich(x) for x in parse_file("t.txt", body.encode("utf-8")).articles]
    got = atoms(extract(a))
    y = ("2013-01", "2013-12", "actual")
    assert {("130283", "gdp", *y, "value", 9.7599e10), ("130283", "gdp", *y, "rank", 1.0),
            ("130283", "gdp_per_capita", *y, "value", 96767.0), ("130481", "gdp_per_capita", *y, "rank", 3.0)} <= got
    assert not {f for f in got if f[-1] in (6.1932, 15759.0, 1008600.0)}     # no exchange rate, dollars or population


def test_a_table_row_of_a_city_whose_short_name_is_a_word():
    from ledger.parsing import parse_file

    body = ("2014年甘肃各市GDP排名\n2014年，甘肃省生产总值达到6835.27亿元。\n"
            "排名 | 地级市 | 2014年GDP(亿元) | 人均GDP(元) | 人均GDP排名 |\n---|---|---|---|---|\n"
            "1 | 兰州 | 1905.2 | 52317.66 | 3 |\n4 | 白银 | 497.6 | 29062.03 | 7 |\n6 | 武威 | 404.2 | 22329.02 | 8 |\n"
            "8 | 平凉 | 343 | 16437.44 | 9 |\n")
    [a] = [enrich(x) for x in parse_file("t.txt", body.encode("utf-8")).articles]
    got = atoms(extract(a))
    assert ("620400", "gdp", "2014-01", "2014-12", "actual", "value", 4.976e10) in got
    assert ("620600", "gdp", "2014-01", "2014-12", "actual", "value", 4.042e10) in got


def test_a_row_no_place_names_does_not_end_the_table():
    # '4 | 伊犁直属 | …' is a row of the table (the counties a prefecture-level prefecture runs directly),
    # not the end of it: the rows after it are still read
    page = ("2019年前三季度新疆各地州市GDP排名\n"
            "排名 | 城市 | 2019年(亿) | 增速 |\n"
            "1 | 乌鲁木齐 | 2300.5 | 6.1% |\n2 | 昌吉 | 950.2 | 5.2% |\n3 | 巴音郭楞 | 730.4 | 4.8% |\n"
            "4 | 伊犁直属 | 700.0 | 4.1% |\n5 | 阿克苏 | 690.3 | 7.2% |\n6 | 克拉玛依 | 660.1 | 3.3% |\n")
    got = page_atoms(page)
    q3 = ("2019-01", "2019-09", "actual")
    assert ("650100", "gdp", *q3, "value", 230050000000.0) in got
    assert ("652900", "gdp", *q3, "value", 69030000000.0) in got
    assert ("652900", "gdp", *q3, "yoy_pct", 7.2) in got
    assert ("650200", "gdp", *q3, "rank", 6) in got
    assert not any(a[0] is None or a[0] == "" for a in got)


def test_a_wiki_pipe_table_with_a_group_line_a_rule_and_header_fragments_a_line():
    text = ("2023年\n[编辑]行政区 | 地区生产总值(GDP)[註 2] | 人均GDP[註 3] | ||||||||\n---|---|---|---|---|---|---|---|---|---|---|\n"
            "本币 (亿元) |\n美元[註 4] (亿元) |\n位次 | 比重[註 5] (%) |\n本币 (元) |\n美元 (元) |\n位次 | 比重 (全省=100) | |||\n"
            "沈阳市 | 8,100.10 | 1,100.74 | 2 | 26.89 | 87,000 | 14,000 | 2 | 134.2 | ||\n"
            "大连市 | 8,700.90 | 1,200.33 | 1 | 28.97 | 110,000 | 17,700 | 1 | 169.4 | ||\n"
            "鞍山市 | 2,000.90 | 280.57 | 3 | 6.66 | 64,000 | 10,300 | 5 | 99.0 | ||\n"
            "抚顺市 | 940.30 | 130.33 | 9 | 3.14 | 58,000 | 9,400 | 7 | 89.6 | ||\n")
    got = atoms(extract(article(text, None, main="辽宁省", title="辽宁各地级市地区生产总值列表")))
    y = ("2023-01", "2023-12", "actual")
    assert {("210200", "gdp", *y, "value", 8.7009e11), ("210200", "gdp", *y, "rank", 1.0),
            ("210300", "gdp_per_capita", *y, "value", 64000.0), ("210300", "gdp_per_capita", *y, "rank", 5.0)} <= got
