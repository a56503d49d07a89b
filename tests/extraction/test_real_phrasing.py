"""Rules added after running extract() on real county releases, reports and news (FACTS.md section 3).

Each text is our own, written in the style of the real phrasing that was read wrongly before."""
from ledger.extraction import extract
from tests.extraction.helpers import article, atoms

NJ = "130528"   # 宁晋县


def _by(ex):
    return {(a[1], a[2], a[3], a[4], a[5]): a[6] for a in atoms(ex)}


def test_topical_heading_keeps_the_release_period_not_a_stock():
    text = ("一季度，全县地区生产总值完成40.1亿元，同比增长5.2%。\n四、金融\n3月末，全县各项存款余额300.2亿元。\n"
            "五、居民收入\n全县全体居民人均可支配收入8000元，同比增长5.5%。")
    got = _by(extract(article(text, "2023-04-28", main="宁晋县")))
    assert got[("disposable_income", "2023-01", "2023-03", "actual", "value")] == 8000


def test_difference_from_the_city_is_not_the_value():
    got = _by(extract(article("上半年，全县全体居民人均可支配收入比全市低356元，同比增长5.6%。", "2023-07-25", main="宁晋县")))
    assert ("disposable_income", "2023-01", "2023-06", "actual", "value") not in got
    assert got[("disposable_income", "2023-01", "2023-06", "actual", "yoy_pct")] == 5.6


def test_estimate_in_january_is_the_year_just_ended_and_in_december_a_target():
    text = "预计全年，全县地区生产总值完成132.5亿元，增长5.9%；一般公共预算收入完成6.8亿元，增长7.2%。"
    jan = _by(extract(article(text, "2024-01-18", main="宁晋县")))
    assert jan[("gdp", "2023-01", "2023-12", "actual", "value")] == 1.325e10
    assert jan[("general_budget_revenue", "2023-01", "2023-12", "actual", "yoy_pct")] == 7.2
    dec = _by(extract(article(text, "2023-12-12", main="宁晋县")))
    assert dec[("gdp", "2023-01", "2023-12", "target", "yoy_pct")] == 5.9


def test_to_date_is_cumulative_and_a_range_gives_no_rate():
    got = _by(extract(article("截至11月底，全县固定资产投资完成95.3亿元，同比增长8.8%。预计全年，全县地区生产总值增长6%至7%。",
                              "2023-12-12", main="宁晋县")))
    assert got[("fixed_asset_investment", "2023-01", "2023-11", "actual", "value")] == 9.53e9
    assert not any(k[0] == "gdp" for k in got)


def test_bare_third_quarter_is_cumulative():
    got = _by(extract(article("三季度，全县实现地区生产总值61.48亿元，同比增长-1.6%。", "2023-10-26", main="宁晋县")))
    assert got[("gdp", "2023-01", "2023-09", "actual", "yoy_pct")] == -1.6


def test_rates_dealt_over_a_run_of_terms_and_huji_per_capita_skipped():
    text = ("2022年，按户籍人口计算，人均地区生产总值38210元；按常住人口计算，人均地区生产总值43560元。"
            "城镇居民人均可支配收入达35120元，农村居民人均可支配收入达17690元，分别增长4.7%和6.9%。")
    got = _by(extract(article(text, "2023-03-20", main="宁晋县")))
    y = ("2022-01", "2022-12", "actual")
    assert got[("gdp_per_capita", *y, "value")] == 43560
    assert got[("disposable_income_urban", *y, "yoy_pct")] == 4.7
    assert got[("disposable_income_rural", *y, "value")] == 17690
    assert got[("disposable_income_rural", *y, "yoy_pct")] == 6.9


def test_yuan_month_bare_yi_and_a_threshold_before_the_next_item():
    text = ("元至九月，全县完成生产总值142.8亿，增长6.2%。"
            "社会消费品零售总额、亿元以上项目投资2项指标增速均居全市第二。")
    got = _by(extract(article(text, "2023-10-30", main="宁晋县")))
    q3 = ("2023-01", "2023-09", "actual")
    assert got[("gdp", *q3, "value")] == 1.428e10
    assert got[("retail_sales", *q3, "rank")] == 2
    assert ("retail_sales", *q3, "value") not in got


def test_spans_and_distant_base_years():
    text = ("过去五年，全县地区生产总值年均增长6.0%。其中，宁晋县地区生产总值突破300亿元。"
            "人均GDP从2012年的2.1万元发展到2022年的4.6万元，增长1.2倍。一般公共预算收入较2012年增长2.5倍。")
    ex = extract(article(text, "2023-01-20", main="宁晋县"))
    got = _by(ex)
    assert got[("gdp", "2018-01", "2022-12", "actual", "cagr_pct")] == 6.0
    assert not any(k[4] == "yoy_pct" for k in got)
    assert not any(k[0] == "gdp" and k[4] == "value" and k[1] == "2018-01" for k in got)   # no span for a level


def test_parts_naming_other_counties_keep_the_metric():
    text = ("一季度，全市规模以上工业增加值同比增长7.6%。分县看，清河县规模以上工业增加值增长9.8%；南宫市增长8.9%。"
            "全市社会消费品零售总额增长6.0%，其中，新河县增长7.4%。")
    got = {(a[0], a[1], a[5]): a[6] for a in atoms(extract(article(text, "2023-04-26", main="邢台市")))}
    assert got[("130581", "industrial_value_added", "yoy_pct")] == 8.9
    assert got[("130530", "retail_sales", "yoy_pct")] == 7.4


def test_a_provinces_or_prefectures_county_area_total_is_a_group_total():
    text = ("前三季度，河北省县域地区生产总值实现2985亿元，同比增长4.4%；县域一般公共预算收入实现162亿元，同比增长1.2%。"
            "前三季度，全市县域社会消费品零售总额完成26.23亿元，同比增长25.9%。")
    assert atoms(extract(article(text, "2023-10-20", main="河北省"))) == set()
    assert atoms(extract(article(text.replace("河北省", "邢台市"), "2023-10-20", main="邢台市"))) == set()
    # a county's own 县域 is the county
    got = atoms(extract(article("前三季度，威县县域地区生产总值完成120.5亿元，同比增长6.1%。", "2023-10-20", main="威县")))
    assert ("130533", "gdp", "2023-01", "2023-09", "actual", "value", 12050000000.0) in got


def test_the_counties_total_goes_on_through_its_sentence_and_a_share_is_of_a_whole():
    text = ("今年前三季度，县域实现生产总值1412亿元，同比增长8.2%，占全市生产总值比重达85.2%；"
            "实现一般公共预算收入96亿元，比上年同口径增长19.3%，增速居全省第1位。")
    assert atoms(extract(article(text, "2018-12-06", main="邢台市"))) == set()


def test_a_part_of_the_country_is_a_group():
    text = "2021年，西部地区进出口总额达到3.56万亿元，占全国比重比2012年提高了3个百分点。"
    assert atoms(extract(article(text, "2022-09-20", main="河北省"))) == set()


def test_urban_and_rural_income_joined_by_ji_and_rates_dealt_by_fenbie_dadao():
    text = "2021年，城镇及农村居民人均可支配收入增速分别达到6.6%和7%。"
    got = atoms(extract(article(text, "2022-01-20", main="宁晋县")))
    y = ("2021-01", "2021-12", "actual", "yoy_pct")
    assert got == {(NJ, "disposable_income_urban", *y, 6.6), (NJ, "disposable_income_rural", *y, 7.0)}


def test_each_figure_of_a_year_labelled_series_takes_its_own_year():
    text = "宁晋县全部财政收入2016年完成25.1亿元、2017年完成34.4亿元；公共预算收入2016年完成16亿元、2017年完成22.1亿元。"
    got = atoms(extract(article(text, "2018-10-20", main="宁晋县")))
    assert got == {(NJ, "fiscal_revenue", "2016-01", "2016-12", "actual", "value", 2510000000.0),
                   (NJ, "fiscal_revenue", "2017-01", "2017-12", "actual", "value", 3440000000.0),
                   (NJ, "general_budget_revenue", "2016-01", "2016-12", "actual", "value", 1600000000.0),
                   (NJ, "general_budget_revenue", "2017-01", "2017-12", "actual", "value", 2210000000.0)}


def test_a_part_on_a_rate_goes_on_about_the_part_befores_place():
    text = "2020年，从经济总量看，宁晋县完成490.17亿元，再次夺冠；同比增长4.9%，位居第二名。"
    got = atoms(extract(article(text, "2021-02-03", main="邢台市")))
    y = (NJ, "gdp", "2020-01", "2020-12", "actual")
    assert {(*y, "value", 49017000000.0), (*y, "yoy_pct", 4.9), (*y, "rank", 2.0)} <= got


def test_a_rate_list_in_the_sentence_after_its_indicator_and_the_first_place_named_first():
    text = ("2020年，全市固定资产投资增速6.4%，多个县（市、区）实现了20%以上的高速增长。"
            "比如，位于第一名的宁晋县是20.9%，威县是20.7%，清河县是20.6%。")
    got = atoms(extract(article(text, "2021-02-03", main="邢台市")))
    y = ("fixed_asset_investment", "2020-01", "2020-12", "actual")
    assert {(NJ, *y, "yoy_pct", 20.9), (NJ, *y, "rank", 1.0), ("130533", *y, "yoy_pct", 20.7),
            ("130534", *y, "yoy_pct", 20.6)} <= got
    assert ("130533", *y, "rank", 2.0) not in got


def test_an_adverb_between_the_rate_word_and_its_figure():
    text = "2020年，各地社会消费品零售总额降速明显，排在第一名的宁晋县增速也仅为0.1%。"
    got = atoms(extract(article(text, "2021-02-03", main="邢台市")))
    assert (NJ, "retail_sales", "2020-01", "2020-12", "actual", "yoy_pct", 0.1) in got


def test_a_milestone_passed_then_the_figure_and_a_place_with_an_aside_in_league_prose():
    text = ("2021年，从GDP总量看，与2020年相比，宁晋县突破了500亿元，达到529.59亿元，稳坐全市“第一把交椅”。"
            "信都区（含经开区）接近400亿元，为395.74亿元，位居第2位。")
    got = atoms(extract(article(text, "2022-01-28", main="邢台市")))
    y = ("gdp", "2021-01", "2021-12", "actual")
    assert (NJ, *y, "value", 52959000000.0) in got and (NJ, *y, "value", 50000000000.0) not in got
    assert {("130503", *y, "value", 39574000000.0), ("130503", *y, "rank", 2.0)} <= got


def test_bases_modifiers_milestone_runs_and_an_infobox_year():
    # '延续一季度…势头': the first quarter is a base; the figure is the half year's
    got = atoms(extract(article("上半年，全县经济延续一季度较快增长势头，完成地区生产总值48.88亿元，同比增长7.8%。",
                                "2016-08-05", main="宁晋县")))
    assert (NJ, "gdp", "2016-01", "2016-06", "actual", "value", 4888000000.0) in got
    # '即将实施的X线' is no future mood for the next sentence
    got = atoms(extract(article("即将实施的红星路南延线直达县城。2016年，全县GDP实现368亿元。", None, main="宁晋县")))
    assert (NJ, "gdp", "2016-01", "2016-12", "actual", "value", 36800000000.0) in got
    # '连续跨越500亿元、600亿元两个百亿关口，2020年达到619.04亿元': the run of milestones is passed
    got = atoms(extract(article("宁晋县地区生产总值连续跨越500亿元、600亿元两个百亿关口，2020年达到619.04亿元。",
                                None, main="宁晋县")))
    assert {a[6] for a in got if a[1] == "gdp" and a[5] == "value"} == {61904000000.0}
    # an infobox: '国内生产总值(2022)¥524.74亿'
    got = atoms(extract(article("宁晋县\n国内生产总值(2022)¥524.74亿", None, main="宁晋县")))
    assert (NJ, "gdp", "2022-01", "2022-12", "actual", "value", 52474000000.0) in got


def test_a_bound_on_a_group_is_no_figure_and_a_passed_bound_keeps_its_qualifier():
    text = ("2025年1-11月，其他区县进出口总额均不足500亿元。其中威县、清河县和南宫市前11月进出口总额也都超过了200亿元，"
            "分别以286.47亿元、273.75亿元和259.27亿元的成绩占据了全市前五的最后三席。")
    got = atoms(extract(article(text, "2025-12-20", main="邢台市")))
    values = {(a[0], a[6]) for a in got if a[1] == "foreign_trade" and a[5] == "value"}
    assert values == {("130533", 28647000000.0), ("130534", 27375000000.0), ("130581", 25927000000.0)}


def test_a_target_met_is_no_target_mood_for_the_next_sentence():
    text = ("一年来，我们圆满完成县人大会议确定的目标任务，经济社会呈现高质量发展的特征。"
            "全年完成生产总值237.2亿元，增长9.4%，总量和增幅均列全市第三。")
    got = atoms(extract(article(text, "2019-03-06", main="宁晋县")))
    assert (NJ, "gdp", "2018-01", "2018-12", "actual", "value", 23720000000.0) in got
    assert not any(a[4] == "target" for a in got)


def test_a_credit_line_is_no_heading_naming_the_section_place():
    text = ("采写 | 邢台市融媒体中心通讯员 张三\n据悉，2023年，宁晋县扎实推进项目建设。"
            "全年地区生产总值366.49亿元，比上年增长5.2%，增速居全市第三。")
    got = atoms(extract(article(text, "2024-08-01", main="宁晋县")))
    assert (NJ, "gdp", "2023-01", "2023-12", "actual", "value", 36649000000.0) in got
    assert not any(a[0] == "130500" for a in got)


def test_a_list_of_places_compared_against_is_no_subject():
    text = ("2023年，宁晋县全年地区生产总值366.49亿元，比上年增长5.2%，分别高出全省、全市1.1、1.9个百分点，增速居全市第三；"
            "规上工业增加值增长18.2%，居全市第一。")
    got = atoms(extract(article(text, "2024-08-01", main="宁晋县")))
    assert (NJ, "industrial_value_added", "2023-01", "2023-12", "actual", "yoy_pct", 18.2) in got
    assert not any(a[0] == "130500" for a in got)


def test_the_three_industries_named_together_deal_their_values():
    text = "2012年，宁晋县三次产业增加值分别为33.2亿元、130.29亿元和96.87亿元，三次产业结构为13:50:37。"
    got = atoms(extract(article(text, "2013-05-01", main="宁晋县")))
    y = ("2012-01", "2012-12", "actual", "value")
    assert got == {(NJ, "primary_industry_va", *y, 3320000000.0), (NJ, "secondary_industry_va", *y, 13029000000.0),
                   (NJ, "tertiary_industry_va", *y, 9687000000.0)}


def test_a_breakdown_paragraph_goes_on_with_the_paragraph_befores_group():
    text = ("上半年，纳入考核的146个县域实现地区生产总值14350.2亿元，增长6.3%。\n"
            "分产业看，三次产业增加值分别实现增加值1745.3亿元、5506亿元、7098.9亿元，增长2.9%、6.4%、7.2%。")
    assert atoms(extract(article(text, "2024-08-28", main="河北省"))) == set()


def test_a_region_praised_for_its_private_economy_keeps_its_figures_and_multiples_with_broken_decimals():
    text = "第一名：宁晋县，作为全省民营经济最为发达的县域之一，2017年度宁晋县实现GDP为264.7亿元，增速为8.5%。"
    got = atoms(extract(article(text, "2018-01-17", main="邢台市")))
    assert (NJ, "gdp", "2017-01", "2017-12", "actual", "value", 26470000000.0) in got
    got = atoms(extract(article("2016年，宁晋县固定资产投资207亿元，是2011年的2 .7倍。", "2017-02-01", main="宁晋县")))
    assert got == {(NJ, "fixed_asset_investment", "2016-01", "2016-12", "actual", "value", 20700000000.0)}


def test_short_industry_names_and_each_rate_of_a_quarterly_series_its_own_period():
    text = ("2022年，全县实现地区生产总值272.9亿元，比上年同期增长4%。其中：一产实现增加值76.3亿元，同比增长5.1%。"
            "分季度看，GDP一季度同比增长2.3%，上半年同比增长0.2%，前三季度同比增长1.9%。")
    got = atoms(extract(article(text, "2023-03-10", main="宁晋县")))
    assert (NJ, "primary_industry_va", "2022-01", "2022-12", "actual", "value", 7630000000.0) in got
    assert {(NJ, "gdp", "2022-01", end, "actual", "yoy_pct", v) for end, v in
            (("2022-03", 2.3), ("2022-06", 0.2), ("2022-09", 1.9))} <= got


def test_rates_dealt_by_fenbie_each_with_zuoyou():
    text = "2021年，预计城乡居民人均可支配收入同比分别增长7%左右和9%左右。"
    got = atoms(extract(article(text, "2022-01-27", main="宁晋县")))
    y = ("2021-01", "2021-12", "actual", "yoy_pct")
    assert {(NJ, "disposable_income_urban", *y, 7.0), (NJ, "disposable_income_rural", *y, 9.0)} <= got


def test_the_place_a_paragraph_opens_with_holds_its_unnamed_figures():
    text = ("2022年一季度全省实现生产总值9559.8亿元，同比增长5.2%。\n"
            "唐山在第一季度依旧坐稳全省头把交椅。规模以上工业增加值增长6.3%。\n"
            "全省固定资产投资增长9.2%。")
    got = atoms(extract(article(text, "2022-04-25", main="河北省")))
    assert ("130200", "industrial_value_added", "2022-01", "2022-03", "actual", "yoy_pct", 6.3) in got
    assert ("130000", "fixed_asset_investment", "2022-01", "2022-03", "actual", "yoy_pct", 9.2) in got


def test_an_ambiguous_xiaofei_zonge_ends_the_passage_before_it():
    text = "2022年一季度，宁晋县规模以上工业增加值增长6.3%。固定投资为9.2%，消费总额增长4.7%。"
    got = atoms(extract(article(text, "2022-04-25", main="宁晋县")))
    assert not any(a[1] == "fixed_asset_investment" and a[6] == 4.7 for a in got)


def test_what_a_place_is_one_of_is_no_subject():
    text = "保定市是我国历史文化名城之一，经济基础较好，2020年实现地区生产总值3353.3亿元，同比增长3.9%。"
    got = atoms(extract(article(text, "2021-02-07", main="保定市")))
    assert ("130600", "gdp", "2020-01", "2020-12", "actual", "value", 335330000000.0) in got
    assert ("130600", "gdp", "2020-01", "2020-12", "actual", "yoy_pct", 3.9) in got


def test_whole_county_on_a_page_of_several_counties_is_its_paragraphs_county():
    text = ("2022年阜平县地区生产总值为81.2亿元，是全省经济较弱的县之一。2022年全县居民人均可支配收入15620元，"
            "同比增长6.2%。\n2022年涞源县地区生产总值实现92.6亿元。")
    got = atoms(extract(article(text, None, main="河北省")))
    assert ("130624", "disposable_income", "2022-01", "2022-12", "actual", "value", 15620.0) in got
    assert ("130624", "disposable_income", "2022-01", "2022-12", "actual", "yoy_pct", 6.2) in got
    assert ("130630", "gdp", "2022-01", "2022-12", "actual", "value", 9260000000.0) in got
    # with no county before it in its paragraph, 全县 stays a county the page never names
    alone = atoms(extract(article("2022年全县居民人均可支配收入15620元。", None, main="河北省")))
    assert {a[0] for a in alone} <= {None}


def test_the_place_after_a_place_is_says_what_it_is():
    text = "迁安市是河北省首个地区生产总值破千亿的县级市，2021年地区生产总值达1011.5亿元。"
    got = atoms(extract(article(text, None, main="迁安市")))
    assert got == {("130283", "gdp", "2021-01", "2021-12", "actual", "value", 101150000000.0)}


def test_a_place_with_its_rate_or_total_on_the_paragraphs_indicator():
    text = ("2025年1-8月，邢台市一般公共预算收入为162.3亿元，位居全省第五。"
            "从同比来看，衡水市同比增长率-2.4%，表现一般；沧州市总量256.2亿元，其增速达到了3.1%。")
    got = atoms(extract(article(text, "2025-09-20", main="河北省")))
    p = ("general_budget_revenue", "2025-01", "2025-08", "actual")
    assert ("131100", *p, "yoy_pct", -2.4) in got
    assert ("130900", *p, "value", 25620000000.0) in got
    assert ("130900", *p, "yoy_pct", 3.1) in got


def test_a_run_of_places_with_their_figures_and_span_after_a_bound_on_the_indicator():
    text = ("除前三市外，其他各市2025年前8月一般公共预算收入均在300亿元之下。"
            "其中保定市、沧州市和廊坊市总量相对较高，累计金额分别为262.5亿元、256.2亿元和244.5亿元，分居全省4-6位。"
            "衡水市总量高出承德、张家口不少，累计金额达到了101.3亿元。")
    got = atoms(extract(article(text, "2025-09-20", main="河北省")))
    p = ("general_budget_revenue", "2025-01", "2025-08", "actual")
    for code, value, rank in (("130600", 26250000000.0, 4.0), ("130900", 25620000000.0, 5.0),
                              ("131000", 24450000000.0, 6.0)):
        assert (code, *p, "value", value) in got
        assert (code, *p, "rank", rank) in got
    assert ("131100", *p, "value", 10130000000.0) in got
    # the places compared against hold no figure
    assert not any(a[0] in ("130800", "130700") for a in got)


def test_league_prose_keeps_the_core_indicator_and_a_clauses_own_period():
    text = ("2024年，全市共完成进出口总额1286.45亿元，同比增长12.7%。其中出口总额达到了1102.3亿元。"
            "宁晋县是唯一超百亿的县，前5月累计金额达到了112.5亿元，增速为15.1%。")
    got = atoms(extract(article(text, None, main="邢台市")))
    assert (NJ, "foreign_trade", "2024-01", "2024-05", "actual", "value", 11250000000.0) in got
    assert (NJ, "foreign_trade", "2024-01", "2024-05", "actual", "yoy_pct", 15.1) in got


def test_resident_income_written_without_per_person():
    text = "2017年上半年，宁晋县城镇居民可支配收入完成15462元，同比增长8.7%；农村居民可支配收入完成7274元，同比增长8.1%。"
    got = atoms(extract(article(text, "2017-07-20", main="宁晋县")))
    h1 = ("2017-01", "2017-06", "actual")
    assert (NJ, "disposable_income_urban", *h1, "value", 15462.0) in got
    assert (NJ, "disposable_income_rural", *h1, "yoy_pct", 8.1) in got


def test_an_indicator_named_in_a_note_in_brackets_does_not_take_the_figures_around_it():
    # '(…计入第三产业增加值)': a note on how the figure is counted, not a new indicator
    text = ("2022年，全县实现地区生产总值96.2亿元，增长5.1%。其中，第一产业增加值12.40亿元"
            "（农林牧渔服务业增加值计入第三产业增加值），增长5.8%；第二产业增加值50.10亿元，增长7.2%；"
            "第三产业增加值33.70亿元，下降0.6%。")
    got = atoms(extract(article(text, published_at="2023-03-20", main="宁晋县")))
    assert (NJ, "primary_industry_va", "2022-01", "2022-12", "actual", "yoy_pct", 5.8) in got
    assert (NJ, "tertiary_industry_va", "2022-01", "2022-12", "actual", "yoy_pct", 5.8) not in got
    assert (NJ, "tertiary_industry_va", "2022-01", "2022-12", "actual", "yoy_pct", -0.6) in got
    # a bracketed term that defines the loose one still does ('地方财政收入(一般公共预算收入)')
    text2 = "2022年，全县地方财政收入（一般公共预算收入）完成6.8亿元，增长3.1%。"
    got2 = atoms(extract(article(text2, published_at="2023-03-20", main="宁晋县")))
    assert (NJ, "general_budget_revenue", "2022-01", "2022-12", "actual", "value", 680000000.0) in got2


def test_a_listed_indicator_with_a_scope_word_keeps_the_list_and_its_shared_position():
    text = ("2022年，全县8项经济指标中，地区生产总值、固定资产投资、来源地一般公共预算收入3项指标增速"
            "在全市4个县区中位居第二。")
    got = atoms(extract(article(text, published_at="2023-02-10", main="宁晋县")))
    assert {(NJ, "gdp", "2022-01", "2022-12", "actual", "rank", 2),
            (NJ, "fixed_asset_investment", "2022-01", "2022-12", "actual", "rank", 2)} <= got


def test_urban_and_rural_residents_named_in_full_share_one_income_term():
    text = "2022年，全县城镇居民、农村居民人均可支配收入分别为3.52万元、1.61万元，分别增长4.2%、6.9%。"
    got = atoms(extract(article(text, published_at="2023-02-10", main="宁晋县")))
    assert {(NJ, "disposable_income_urban", "2022-01", "2022-12", "actual", "value", 35200.0),
            (NJ, "disposable_income_rural", "2022-01", "2022-12", "actual", "yoy_pct", 6.9)} <= got


def test_growth_over_a_base_year_said_once_for_what_follows_is_no_yoy():
    # '比2012年(下同)增长…': every growth after it in the paragraph compares with 2012, not the year before
    text = ("2016年，全县生产总值340亿元，比2012年（下同）增长47.7%；固定资产投资353.7亿元，增长125.1%；"
            "一般公共预算收入26.06亿元，增长39.8%。\n2016年，全县规模工业增加值增长8.2%。")
    got = atoms(extract(article(text, published_at="2017-01-20", main="宁晋县")))
    assert (NJ, "gdp", "2016-01", "2016-12", "actual", "value", 34000000000.0) in got
    assert not any(a[5] == "yoy_pct" and a[6] in (47.7, 125.1, 39.8) for a in got)
    assert (NJ, "industrial_value_added", "2016-01", "2016-12", "actual", "yoy_pct", 8.2) in got


def test_one_county_level_city_is_a_description_not_a_group():
    text = "化州市是茂名市下辖的另一个县级市，2023年上半年实现地区生产总值247.5亿元，同比增长3.2%。"
    got = atoms(extract(article(text, published_at=None, main="茂名市")))
    assert ("440982", "gdp", "2023-01", "2023-06", "actual", "value", 24750000000.0) in got


def test_a_place_in_this_is_a_description_is_not_the_subject():
    text = "排名第三位的是唐河县，这也是南阳市人口超百万的一个人口大县，2019年GDP总量为335亿元。"
    got = atoms(extract(article(text, published_at="2020-05-01", main="南阳市")))
    assert ("411328", "gdp", "2019-01", "2019-12", "actual", "value", 33500000000.0) in got
    assert not any(a[0] == "411300" for a in got)


def test_an_item_outside_the_lexicon_inside_a_list_of_indicators_keeps_the_list():
    text = ("2022年，全县人均地区生产总值、全员劳动生产率、居民人均可支配收入、登记失业率等重要指标，保持全市第一。")
    got = atoms(extract(article(text, published_at="2023-02-10", main="宁晋县")))
    assert {(NJ, "gdp_per_capita", "2022-01", "2022-12", "actual", "rank", 1),
            (NJ, "disposable_income", "2022-01", "2022-12", "actual", "rank", 1)} <= got


def test_first_among_the_province_s_counties_is_rank_one():
    text = "2022年，全县完成一般公共预算收入31亿元，时隔五年重回全省县域之首。"
    got = atoms(extract(article(text, published_at="2023-02-10", main="宁晋县")))
    assert (NJ, "general_budget_revenue", "2022-01", "2022-12", "actual", "rank", 1) in got


def test_first_place_within_a_named_area_after_the_placing_verb():
    text = "2023年，全县完成固定资产投资147.87亿元，总量位居中心城区首位。"
    got = atoms(extract(article(text, published_at="2024-01-20", main="宁晋县")))
    assert (NJ, "fixed_asset_investment", "2023-01", "2023-12", "actual", "rank", 1) in got


def test_the_counties_a_place_administers_are_a_count_not_the_subject():
    text = "2019年，唐山市下辖7个市辖区、3个县级市、4个县，常住人口796.4万人，实现地区生产总值6890.0亿元。"
    got = atoms(extract(article(text, published_at=None, main="唐山市")))
    assert ("130200", "gdp", "2019-01", "2019-12", "actual", "value", 689000000000.0) in got


def test_a_figure_from_preliminary_accounting_is_an_actual_whatever_follows():
    text = ("记者从县统计局获悉，初步核算，全县地区生产总值达81.6亿元，同比增长5.2%，"
            "稳中向好的态势为全年经济目标打下了坚实基础。分产业看，第一产业增加值2.04亿元，增长4%。")
    got = atoms(extract(article(text, published_at=None, main="宁晋县")))
    assert (NJ, "gdp", None, None, "actual", "value", 8160000000.0) in got
    assert not any(a[4] == "target" for a in got)


def test_pairs_named_without_renjun_or_with_their_expenditure():
    # '城乡居民可支配收入' (no 人均) deals urban then rural; '收入和支出分别…' keeps the revenue's figures
    text = ("2021年，城乡居民可支配收入预计分别达到31200元、13800元，增长9%和12%。"
            "一般公共预算收入和支出分别达5.2亿元、21.3亿元，分别增长7.1%、1.2%。")
    got = atoms(extract(article(text, "2022-01-20", main="宁晋县")))
    y = ("2021-01", "2021-12", "actual")
    assert {(NJ, "disposable_income_urban", *y, "value", 31200.0), (NJ, "disposable_income_rural", *y, "value", 13800.0),
            (NJ, "disposable_income_urban", *y, "yoy_pct", 9.0), (NJ, "disposable_income_rural", *y, "yoy_pct", 12.0),
            (NJ, "general_budget_revenue", *y, "value", 5.2e8), (NJ, "general_budget_revenue", *y, "yoy_pct", 7.1)} <= got
    assert not any(a[1] == "general_budget_revenue" and a[6] in (2.13e9, 1.2) for a in got)


def test_one_two_three_chan_under_the_gdp_and_short_industrial_names():
    text = ("2017年，全县生产总值完成89亿元，同比增长5.8%。其中，一产完成13.4亿元，同比增长4.6%；二产完成57.9亿元，"
            "同比增长5.2%；三产完成17.7亿元，同比增长8.6%。一产快速增长、二产稳中有升，二产占比达65.1%。"
            "规上企业工业增加值增长18.6%，规模工业总产值79亿元。")
    got = atoms(extract(article(text, "2018-01-25", main="宁晋县")))
    y = ("2017-01", "2017-12", "actual")
    assert {(NJ, "primary_industry_va", *y, "value", 1.34e9), (NJ, "secondary_industry_va", *y, "yoy_pct", 5.2),
            (NJ, "tertiary_industry_va", *y, "value", 1.77e9), (NJ, "industrial_value_added", *y, "yoy_pct", 18.6),
            (NJ, "industrial_output", *y, "value", 7.9e9)} <= got
    assert not any(a[1] == "secondary_industry_va" and a[6] == 65.1 for a in got)
    # without the GDP leading the passage, 一产 is no indicator
    assert not any(a[1] == "primary_industry_va" for a in atoms(extract(article("一产完成13.4亿元。", "2018-01-25", main="宁晋县"))))


def test_a_target_list_in_semicolon_parts_stays_a_target_to_its_end():
    # '划定发展预期目标，A增长3%；B增长7%；C增长2%；D增长7%': every ；-part of the list is a target
    text = ("2022年，全县地区生产总值增长2.7%。2023年，全县划定发展预期目标，地区生产总值增长5%；固定资产投资增长7%；"
            "一般公共预算收入增长2%；社会消费品零售总额增长6%。")
    got = atoms(extract(article(text, "2023-02-26", main="宁晋县")))
    t = ("2023-01", "2023-12", "target", "yoy_pct")
    assert {(NJ, "gdp", *t, 5.0), (NJ, "fixed_asset_investment", *t, 7.0), (NJ, "general_budget_revenue", *t, 2.0),
            (NJ, "retail_sales", *t, 6.0)} <= got
    assert not any(a[4] == "actual" and a[1] in ("general_budget_revenue", "retail_sales") for a in got)
    # a 预计 list in a report of January is the year just ended all through its ；-parts
    text2 = "预计2014年，全年完成地区生产总值174亿元，增长10%；公共财政预算收入11.6亿元，增长15.7%；固定资产投资122.5亿元，增长16%。"
    got2 = atoms(extract(article(text2, "2015-01-20", main="宁晋县")))
    assert (NJ, "fixed_asset_investment", "2014-01", "2014-12", "actual", "yoy_pct", 16.0) in got2
    # the same on an undated page
    got = atoms(extract(article(text.replace("2023年，", ""), None, main="宁晋县")))
    assert {(a[1], a[4]) for a in got if a[5] == "yoy_pct" and a[6] in (2.0, 6.0, 7.0)} == {
        ("fixed_asset_investment", "target"), ("general_budget_revenue", "target"), ("retail_sales", "target")}


def test_farmers_and_herders_income_is_the_rural_income():
    got = atoms(extract(article("2022年，全县农牧民人均可支配收入11516元，同比增长6.9%。", "2023-02-26", main="宁晋县")))
    assert (NJ, "disposable_income_rural", "2022-01", "2022-12", "actual", "value", 11516.0) in got


def test_the_towns_a_county_administers_are_no_subject_of_its_figures():
    text = "2018年，宁晋县下辖1个街道、15个镇，常住人口58.06万人，实现地区生产总值180.8亿元，其中，第一产业增加值43.4亿元。"
    got = atoms(extract(article(text, None, main="宁晋县")))
    assert {(NJ, "gdp", "2018-01", "2018-12", "actual", "value", 1.808e10),
            (NJ, "primary_industry_va", "2018-01", "2018-12", "actual", "value", 4.34e9)} <= got
    # a town's own figure stays no fact of the county
    assert not atoms(extract(article("2018年，宁晋县凤凰镇实现地区生产总值18.8亿元。", None, main="宁晋县")))


def test_a_heading_that_states_a_half_year_dates_the_figures_under_it():
    text = ("一、经济总量\n2024年上半年经济表现突出\n全县生产总值完成143.31亿元，同比增长12.9%。其中，固定资产投资增长26.2%。\n"
            "2025年经济开局良好\n2024年全年生产总值达到302.7亿元，增长7.7%，提前完成“十四五”规划目标。规上工业增加值增长8.1%。")
    got = atoms(extract(article(text, None, main="宁晋县")))
    assert {(NJ, "gdp", "2024-01", "2024-06", "actual", "value", 1.4331e10),
            (NJ, "fixed_asset_investment", "2024-01", "2024-06", "actual", "yoy_pct", 26.2)} <= got
    # '提前完成…规划目标' is a goal reached: its figures and the next sentence's are actuals
    assert {(NJ, "gdp", "2024-01", "2024-12", "actual", "value", 3.027e10),
            (NJ, "industrial_value_added", "2024-01", "2024-12", "actual", "yoy_pct", 8.1)} <= got


def test_the_place_a_county_acts_as_the_pacesetter_of_is_no_subject():
    got = atoms(extract(article("伊金霍洛旗作为内蒙古县域经济发展的排头兵，2021年人均GDP达到39.8万元。", "2022-08-01")))
    assert ("150627", "gdp_per_capita", "2021-01", "2021-12", "actual", "value", 398000.0) in got
    assert not any(a[0] == "150000" for a in got)


def test_chengxiang_income_with_one_figure_is_all_residents_and_a_shared_rate_goes_to_both():
    got = atoms(extract(article("2022年，全县城乡居民人均可支配收入为38215元，同比增长5.0%。", "2023-02-01", main="宁晋县")))
    y = ("2022-01", "2022-12", "actual")
    assert {(NJ, "disposable_income", *y, "value", 38215.0), (NJ, "disposable_income", *y, "yoy_pct", 5.0)} == got
    got = atoms(extract(article("2022年，全县城乡居民人均可支配收入分别为38215元和21000元，均增长6%。", "2023-02-01",
                                main="宁晋县")))
    assert {(NJ, "disposable_income_urban", *y, "yoy_pct", 6.0), (NJ, "disposable_income_rural", *y, "yoy_pct", 6.0),
            (NJ, "disposable_income_urban", *y, "value", 38215.0)} <= got


def test_the_whole_a_part_is_of_and_the_industrial_value_added_said_with_its_verb():
    text = ("2023年，全县地区生产总值363.92亿元，增长3.5%。在全县地区生产总值中，非公有制经济实现增加值221.72亿元，"
            "比上年增长3.7%。规模以上工业完成增加值31.11亿元，增长11.7%。")
    got = atoms(extract(article(text, "2024-02-01", main="宁晋县")))
    y = ("2023-01", "2023-12", "actual")
    assert {(NJ, "gdp", *y, "value", 3.6392e10), (NJ, "industrial_value_added", *y, "value", 3.111e9)} <= got
    assert not any(a[6] in (2.2172e10, 3.7) for a in got)
    got = atoms(extract(article("“十三五”末，全县地区生产总值达到230.5亿元，年均增长7.2%。", "2021-02-01", main="宁晋县")))
    assert (NJ, "gdp", "2020-01", "2020-12", "actual", "value", 2.305e10) in got


def test_the_place_a_position_is_held_in_or_a_figure_compared_with_is_no_subject():
    text = ("2025年，全市地区生产总值完成423.46亿元，总量稳居邢台市县域第一，增长5.4%，增速高于全省和邢台市，"
            "其中第三产业增加值增长5.8%。一般公共预算收入增长20.87%，排邢台市县域第一。规上工业增加值增长8.1%。")
    got = atoms(extract(article(text, "2026-01-20", main="南宫市")))
    assert {a[0] for a in got} == {"130581"}
    assert ("130581", "industrial_value_added", "2025-01", "2025-12", "actual", "yoy_pct", 8.1) in got
    assert ("130581", "tertiary_industry_va", "2025-01", "2025-12", "actual", "yoy_pct", 5.8) in got


def test_a_county_area_total_with_its_members_in_brackets_is_a_group():
    text = ("前三季度，邢台市县域地区(包含威县、清河县、临西县)实现地区生产总值443.9亿元，同比增长3.7%。"
            "分地区看，威县实现地区生产总值87.4亿元，同比增长1.3%。前三季度县域地区第一产业增加值实现103.9亿元，增长4.6%。")
    got = atoms(extract(article(text, "2023-11-09", main="邢台市")))
    assert ("130533", "gdp", "2023-01", "2023-09", "actual", "value", 8.74e9) in got
    assert not any(a[6] in (4.439e10, 3.7, 1.039e10, 4.6) for a in got)


def test_a_sentence_that_moves_from_one_year_to_another_sets_the_later_year_for_the_next():
    text = ("十二五末，全县生产总值169.65亿元，年均增长10.5%；本级税收从2010年居全省第三位，上升到2015年居全省第二位。"
            "固定资产投资138.39亿元，是十一五末的3.8倍。")
    got = atoms(extract(article(text, "2016-02-17", main="宁晋县")))
    assert (NJ, "fixed_asset_investment", "2015-01", "2015-12", "actual", "value", 1.3839e10) in got


def test_where_a_position_is_held_is_no_group_subject_for_the_parts_after_it():
    text = "2024年，全县规上工业总产值12.5亿元，居全国百强县榜首；社会消费品零售总额153.7亿元；固定资产投资增长3.1%。"
    got = atoms(extract(article(text, "2025-01-20", main="宁晋县")))
    assert {(NJ, "retail_sales", "2024-01", "2024-12", "actual", "value", 1.537e10),
            (NJ, "fixed_asset_investment", "2024-01", "2024-12", "actual", "yoy_pct", 3.1)} <= got


def test_a_review_s_from_to_figures_and_a_sum_over_years():
    text = ("全县地区生产总值从2016年的95.7亿元增加到2021年的144.2亿元，年均增长8.7%。规上工业总产值从42亿元增加到55.2亿元。"
            "五年累计完成固定资产投资413.8亿元，年均增长10.1%。")
    got = atoms(extract(article(text, "2022-01-08", main="宁晋县")))
    assert (NJ, "industrial_output", "2016-01", "2016-12", "actual", "value", 4.2e9) in got
    assert not any(a[1] == "fixed_asset_investment" and a[5] == "value" for a in got)


def test_chengxiang_income_without_jumin_and_a_sector_value_added_with_its_verb():
    text = ("2021年，全县城乡人均可支配收入分别实现23580元和17700元，同比分别增长9.8%和20%。第三产业完成增加值157.2亿元，增长12.2%。"
            "其中，其他服务业完成增加值9.61亿元，增长10.6%；农林牧渔服务业实现增加值2.1亿元，增长10%。")
    got = atoms(extract(article(text, "2022-02-01", main="宁晋县")))
    y = ("2021-01", "2021-12", "actual")
    assert {(NJ, "disposable_income_urban", *y, "value", 23580.0), (NJ, "disposable_income_rural", *y, "yoy_pct", 20.0),
            (NJ, "tertiary_industry_va", *y, "value", 1.572e10)} <= got
    assert not any(a[6] in (9.61e8, 10.6, 2.1e8) for a in got)     # parts of the services, not their total


def test_the_first_ten_counties_placed_by_a_ranking_stay_a_group():
    text = "前三季度，经济总量排名前十的县(市、区)实现生产总值5264.84亿元，占全省县域生产总值的43.7%。"
    assert not atoms(extract(article(text, "2023-11-01", main="延安市")))


def test_an_aside_does_not_lead_the_passage_and_net_income_is_no_disposable_income():
    text = ("2017年，全县生产总值完成111.8亿元，同比增长5.8%。其中，一产完成13.41亿元，同比增长4.6%；二产完成77.96亿元，"
            "同比增长5.2%(其中规上工业增加值完成68.5亿元，同比增长4.9%)；三产完成20.43亿元，同比增长13.6%。"
            "城镇居民可支配收入和农民人均纯收入分别达到21970元和9928.6元，分别增长10%和12%。社会消费品零售92.2亿元，比增8.5 %。")
    got = atoms(extract(article(text, "2018-02-01", main="宁晋县")))
    y = ("2017-01", "2017-12", "actual")
    assert {(NJ, "tertiary_industry_va", *y, "value", 2.043e9), (NJ, "disposable_income_urban", *y, "value", 21970.0),
            (NJ, "disposable_income_urban", *y, "yoy_pct", 10.0), (NJ, "retail_sales", *y, "yoy_pct", 8.5)} <= got
    assert not any(a[1].startswith("disposable_income") and a[6] in (9928.6, 12.0) for a in got)


def test_the_group_a_position_is_held_in_is_no_subject_but_the_group_s_own_total_is_a_group():
    text = ("2024年，固定资产投资同比增长15%，增速位居八县(市)第2位；社会消费品零售总额同比增长6.9%，与全市增速基本持平。"
            "八县(市)生产总值合计1200亿元。")
    got = atoms(extract(article(text, "2025-01-20", main="宁晋县")))
    assert (NJ, "retail_sales", "2024-01", "2024-12", "actual", "yoy_pct", 6.9) in got
    assert not any(a[1] == "gdp" for a in got)


def test_an_undated_report_that_reviews_one_year_dates_its_bare_figures_in_it():
    text = ("17日，宁晋县十三届人大二次会议在宁晋县会议中心开幕。来自各条战线的人大代表肩负着全县人民的信任和重托，会聚一堂，"
            "共商发展大计，共绘美好明天，履行宪法和法律赋予的神圣职责。\n本次大会应到代表131名，实到代表122名，符合法定人数。\n"
            "开幕式由大会执行主席主持。上午9时，大会在庄严的国歌声中开幕。\n本次大会的执行主席和主席团成员、副县级以上的领导干部"
            "在主席台就座，县委全体委员列席大会。\n"
            "会上，县长代表县人民政府向大会作了《政府工作报告》。报告共分两部分:2017年工作回顾;2018年主要工作。\n"
            "《报告》指出，在县委的坚强领导下，在县人大、县政协的监督支持下，县人民政府较好完成了各项目标任务，"
            "实现了全县经济社会平稳健康发展。全年预计实现地区生产总值25.23亿元，同比增长8.5%。")
    got = atoms(extract(article(text, None, main="宁晋县", title="宁晋县十三届人大二次会议开幕")))
    assert (NJ, "gdp", "2017-01", "2017-12", "actual", "value", 2.523e9) in got
    # the page's year is the one its review names, though it states two
    from ledger.extraction.context import build_context
    ctx = build_context(article(text, None, main="宁晋县", title="宁晋县十三届人大二次会议开幕"))
    assert (ctx.doc_year, ctx.doc_year_reason) == (2017, "the year the report reviews")


def test_foreign_capital_said_as_absorbed():
    got = atoms(extract(article("1-9月全县新批外商投资项目6宗；实际吸收外资1985万美元，同比增长48.6%。", "2010-10-08", main="宁晋县")))
    assert (NJ, "utilized_foreign_capital", "2010-01", "2010-09", "actual", "yoy_pct", 48.6) in got


def test_a_page_dated_before_the_end_of_the_year_whose_results_it_reports():
    text = ("7、2020年，全年全县实现地区生产总值526484万元，按可比价格计算，比上年增长6.2%。\n"
            "8、其中：第一产业增加值100638万元，增长6.3%。")
    got = atoms(extract(article(text, "2020-11-21", main="宁晋县")))
    y = ("2020-01", "2020-12", "actual")
    assert {(NJ, "gdp", *y, "value", 5.26484e9), (NJ, "primary_industry_va", *y, "yoy_pct", 6.3)} <= got
    # a forecast stays one
    got = atoms(extract(article("2020年，全年预计实现地区生产总值52亿元，比上年增长6%。", "2020-11-21", main="宁晋县")))
    assert {a[4] for a in got} == {"target"}


def test_quanshi_after_the_city_a_sentence_opens_on_is_that_city_and_its_breakdown_follows():
    # a county-level city's page that first reviews its prefecture: '2022年邢台经济…，全市地区生产总值…'
    text = ("2022年邢台经济再次发力，这座城市的表现没有令大家失望，全市地区生产总值2543.65亿元，比上年增长5.6%。\n"
            "其中，第一产业增加值312.25亿元，增长4.6%。\n"
            "南宫全市实现地区生产总值231.47亿元，增长4.0%。")
    got = atoms(extract(article(text, "2023-01-26", main="南宫市")))
    y = ("2022-01", "2022-12", "actual")
    assert {("130500", "gdp", *y, "value", 2.54365e11), ("130500", "primary_industry_va", *y, "value", 3.1225e10),
            ("130581", "gdp", *y, "value", 2.3147e10)} <= got


def test_the_members_of_a_county_list_and_their_averages_are_a_group():
    # a report on a list of strong counties: its averages are no place's figures; a county that joins the list keeps its own
    text = ("2024西部百强县市分布在9个省份。2024西部百强县市地区生产总值平均为388.2亿元，一般公共预算收入平均为21.5亿元；"
            "城镇居民人均可支配收入为40120元。\n"
            "2023年，兴义市跻身西部百强县市，地区生产总值达到560.3亿元，增长5.1%。")
    got = atoms(extract(article(text, "2024-11-20", main="兴义市")))
    y = ("2023-01", "2023-12", "actual")
    assert {a for a in got if a[1] != "gdp"} == set()
    assert {a for a in got if a[1] == "gdp"} == {("522301", "gdp", *y, "value", 5.603e10), ("522301", "gdp", *y, "yoy_pct", 5.1)}


def test_an_average_over_places_is_no_figure_of_the_place_the_sentence_names():
    text = "2023年，全省十个县的规模以上工业增加值平均为45.6亿元，正定县地区生产总值平均增长6.2%。"
    got = atoms(extract(article(text, "2024-02-01", main="正定县")))
    assert not any(a[5] == "value" for a in got)


def test_a_breakdown_after_a_paragraph_of_prose_goes_on_with_the_county_before_it():
    # a city's page: a section heading that holds a position in the province names no subject, and the
    # breakdown (分产业看) after a paragraph of prose belongs to the county whose figures came before it
    text = ("2023年延安经济稳中有进，全市地区生产总值2280.5亿元，增长4.1%。\n"
            "可排陕西第五\n"
            "2023年，洛川县实现地区生产总值168.2亿元，增长6.3%。\n"
            "若把洛川单独算，它比两个地级市还要多。\n"
            "分产业看，第一产业增加值52.6亿元，增长4.4%；第三产业增加值71.3亿元，增长5.9%。")
    got = atoms(extract(article(text, "2024-02-01", main="延安市")))
    y = ("2023-01", "2023-12", "actual")
    assert {("610629", "primary_industry_va", *y, "value", 5.26e9),
            ("610629", "tertiary_industry_va", *y, "yoy_pct", 5.9)} <= got
    assert not any(a[0] == "610000" for a in got)


def test_yuji_with_no_period_after_a_look_back_in_a_january_report_is_the_year_just_ended():
    text = ("新区成立一年以来，区政府统筹推进各项工作，圆满完成了全年经济社会发展主要目标任务。\n"
            "预计地区生产总值超过820亿元，增长7.6%左右；社会消费品零售总额131亿元，增长8.2%。")
    got = atoms(extract(article(text, "2019-01-20", main="正定县")))
    y = ("2018-01", "2018-12", "actual")
    assert {("130123", "gdp", *y, "yoy_pct", 7.6), ("130123", "retail_sales", *y, "value", 1.31e10),
            ("130123", "retail_sales", *y, "yoy_pct", 8.2)} <= got
    # with no look back, a bare 预计 in January stays a forecast of the year begun
    got = atoms(extract(article("预计地区生产总值增长7%左右。", "2019-01-20", main="正定县")))
    assert got == {("130123", "gdp", "2019-01", "2019-12", "target", "yoy_pct", 7.0)}


def test_a_term_whose_head_a_space_cut_off_is_the_longer_term():
    # a bulletin that spaces its words: '人 均地区生产总值' is per person, not the county's total
    text = "2023 年全县地区生产总值 152.3 亿元，比上年增长 5.1%。人 均地区生产总值 31200 元，比上年增长 5.6%。"
    got = atoms(extract(article(text, "2024-04-10", main="正定县")))
    y = ("2023-01", "2023-12", "actual")
    assert {("130123", "gdp_per_capita", *y, "value", 31200.0), ("130123", "gdp_per_capita", *y, "yoy_pct", 5.6),
            ("130123", "gdp", *y, "value", 1.523e10)} <= got
    assert ("130123", "gdp", *y, "value", 31200.0) not in got


def test_an_entry_threshold_is_no_figure():
    text = "2023年，正定县入选全国百强县。入榜门槛为：地区生产总值大于500亿元，一般公共预算收入不低于25亿元。"
    got = atoms(extract(article(text, "2024-08-01", main="正定县")))
    assert not any(a[5] == "value" for a in got)


def test_a_pastoral_banner_s_rural_residents_are_its_herding_area_s():
    text = "2023年，全旗城镇、牧区常住居民人均可支配收入分别达到41230元和26840元，增长5.9%和7.2%。"
    got = atoms(extract(article(text, "2024-01-20", main="新巴尔虎左旗")))
    y = ("2023-01", "2023-12", "actual")
    assert {("150726", "disposable_income_urban", *y, "value", 41230.0), ("150726", "disposable_income_rural", *y, "value", 26840.0),
            ("150726", "disposable_income_urban", *y, "yoy_pct", 5.9), ("150726", "disposable_income_rural", *y, "yoy_pct", 7.2)} <= got
    # its farming-and-herding areas joined by 和
    got = atoms(extract(article(text.replace("城镇、牧区", "城镇和农村牧区"), "2024-01-20", main="新巴尔虎左旗")))
    assert ("150726", "disposable_income_rural", *y, "value", 26840.0) in got


def test_rates_dealt_in_order_with_yiji_before_the_last():
    text = "2023年，迁安、武安和三河全年分别实现GDP总量为1120.5亿元、812.4亿元和703.2亿元，同比依次增长6.8%、5.1%以及4.2%。"
    got = atoms(extract(article(text, "2024-03-01", main="河北省")))
    y = ("2023-01", "2023-12", "actual")
    assert {("130283", "gdp", *y, "yoy_pct", 6.8), ("130481", "gdp", *y, "yoy_pct", 5.1),
            ("131082", "gdp", *y, "yoy_pct", 4.2)} <= got


def test_a_target_value_passed_sets_no_target_mood():
    text = ("2015年全区实现GDP665.08亿元、年均增长11.7%，人均GDP达1.5万美元、超过省定全面小康社会指标目标值；"
            "一般公共预算收入58.4亿元、年均增长11.9%。")
    got = atoms(extract(article(text, None, main="邗江区")))     # (undated: no publish date tells a past year)
    assert ("321003", "general_budget_revenue", "2015-01", "2015-12", "actual", "value", 5.84e9) in got


def test_farm_output_called_a_gross_product_is_not_the_gdp():
    text = "2021年，全州农牧业生产总值12.16亿元，增长4.4%。全州地区生产总值51.5亿元，增长4.5%。"
    got = atoms(extract(article(text, "2022-06-27", main="果洛藏族自治州")))
    gdp = {a for a in got if a[1] == "gdp"}
    assert gdp == {("632600", "gdp", "2021-01", "2021-12", "actual", "value", 5.15e9),
                   ("632600", "gdp", "2021-01", "2021-12", "actual", "yoy_pct", 4.5)}


def test_a_place_that_becomes_the_first_of_its_city_and_a_position_moved_to():
    text = ("2021年，正定县成为石家庄首个地区生产总值突破400亿元的县，达403.7亿元。"
            "2021年，鹿泉区地区生产总值由全市第10名进步为第9名。")
    got = atoms(extract(article(text, "2022-02-01", main="石家庄市")))
    y = ("2021-01", "2021-12", "actual")
    assert {("130123", "gdp", *y, "value", 4.037e10), ("130110", "gdp", *y, "rank", 9.0)} <= got
    assert not any(a[0] == "130100" for a in got) and ("130110", "gdp", *y, "rank", 10.0) not in got


def test_a_spun_copy_s_dealing_words_are_read_back():
    # a synonym spinner writes 别离 for 分别, 分家 for 分居 and 排正在 for 排在
    text = ("2024年，迁安市、武安市全年别离实现GDP总量1120.5亿元、812.4亿元。"
            "排正在全市第二位的是遵化市，2024年地区生产总值为560.3亿元。")
    got = atoms(extract(article(text, "2025-02-01", main="河北省")))
    y = ("2024-01", "2024-12", "actual")
    assert {("130283", "gdp", *y, "value", 1.1205e11), ("130481", "gdp", *y, "value", 8.124e10),
            ("130281", "gdp", *y, "rank", 2.0)} <= got


def test_a_term_written_around_a_bracketed_aside():
    text = "2023年上半年，乐清市一般公共预算(地方财政)收入64.4亿元，增速28.4%。"
    got = atoms(extract(article(text, "2023-08-01", main="乐清市")))
    y = ("2023-01", "2023-06", "actual")
    assert {("330382", "general_budget_revenue", *y, "value", 6.44e9),
            ("330382", "general_budget_revenue", *y, "yoy_pct", 28.4)} <= got


def test_a_figure_before_its_indicator_after_yi_or_de():
    text = ("2023年前三季度，正定县以305.52亿的GDP总量傲视群雄，同比增长5.0%。"
            "鹿泉区的194.11亿GDP则仅增长0.2%。栾城区以170.2亿元的GDP排名第五，增长3.0%。")
    got = atoms(extract(article(text, "2023-11-01", main="石家庄市")))
    y = ("2023-01", "2023-09", "actual")
    assert {("130123", "gdp", *y, "value", 3.0552e10), ("130123", "gdp", *y, "yoy_pct", 5.0),
            ("130110", "gdp", *y, "value", 1.9411e10), ("130111", "gdp", *y, "value", 1.702e10),
            ("130111", "gdp", *y, "rank", 5.0)} <= got


def test_compared_with_expectations_is_no_target():
    text = "2023年前三季度，全市GDP总量为1785.18亿元，增长3.4%，增速相比预期略显平淡。"
    got = atoms(extract(article(text, "2024-04-21", main="石家庄市")))
    assert ("130100", "gdp", "2023-01", "2023-09", "actual", "value", 1.78518e11) in got


def test_the_city_a_county_s_growth_passes_is_no_subject_for_its_breakdown():
    text = "2025年，全年生产总值完成30.69亿元、增长4.7%，超过全市增速0.4个百分点，其中一产增长3.9%，二产增长14.1%、全市第二。"
    got = atoms(extract(article(text, "2026-01-20", main="黄龙县")))
    y = ("2025-01", "2025-12", "actual")
    assert {("610631", "primary_industry_va", *y, "yoy_pct", 3.9), ("610631", "secondary_industry_va", *y, "rank", 2.0)} <= got
    assert not any(a[0] == "610600" for a in got)


def test_places_by_their_position_with_their_figures_after_the_indicator():
    text = ("2024年，邢台市GDP达到2600.5亿元。\n从GDP总量上看，排名第一的是宁晋县，达到347.6亿元；"
            "排名第二的是沙河市，达到281.8亿元；排名第三的是清河县，达到206.9亿元。")
    got = atoms(extract(article(text, None, main="邢台市")))
    y = ("2024-01", "2024-12", "actual")
    assert {("130528", "gdp", *y, "value", 3.476e10), ("130528", "gdp", *y, "rank", 1.0),
            ("130582", "gdp", *y, "rank", 2.0), ("130534", "gdp", *y, "value", 2.069e10)} <= got


def test_a_plan_s_arrangement_of_indicators_is_a_target_list():
    text = ("市长在报告中提出了2021年全市经济社会高质量发展指标体系安排，具体为：地区生产总值增长6.5%左右；"
            "一般公共预算收入增长5%。")
    got = atoms(extract(article(text, None, main="高邮市")))
    y = ("2021-01", "2021-12", "target")
    assert {("321084", "gdp", *y, "yoy_pct", 6.5), ("321084", "general_budget_revenue", *y, "yoy_pct", 5.0)} <= got


def test_a_move_with_no_year_of_its_own_gives_the_period_the_figure_it_moved_to():
    text = ("一、本届政府和2021年工作回顾\n这是综合实力显著增强的五年。地区生产总值从129.8亿元增长到325亿元，是2016年的2.5倍；"
            "人均GDP从32340元提高至81750元。")
    got = atoms(extract(article(text, "2021-12-26", main="正定县")))
    y = ("2021-01", "2021-12", "actual")
    assert {("130123", "gdp", *y, "value", 3.25e10), ("130123", "gdp_per_capita", *y, "value", 81750.0)} <= got
    assert ("130123", "gdp", *y, "value", 1.298e10) not in got


def test_per_capita_gdp_under_its_older_name():
    text = "2022年，全县实现地区生产总值41.59亿元，全年人均国内生产总值17243元，比上年增长1.5%。"
    got = atoms(extract(article(text, "2023-03-20", main="正定县")))
    y = ("2022-01", "2022-12", "actual")
    assert {("130123", "gdp_per_capita", *y, "value", 17243.0), ("130123", "gdp_per_capita", *y, "yoy_pct", 1.5)} <= got


def test_a_move_from_a_stated_period_keeps_its_first_figure_for_that_period():
    text = "——过去的五年，是县域经济快速增长的五年。全县生产总值由“十五”末的12.8亿元增加到19.2亿元，年均增长8.4%。"
    got = atoms(extract(article(text, "2011-01-10", main="正定县")))
    assert ("130123", "gdp", "2005-01", "2005-12", "actual", "value", 1.28e9) in got


def test_a_move_with_no_years_of_its_own_after_one_between_two_stated_years():
    text = ("过去五年\n地区生产总值从2016年的1210亿元增加到2021年的1830.5亿元，年均增长7.2%；\n"
            "城镇居民人均可支配收入从26810元增加到38452元，年均增长7.5%；\n")
    got = atoms(extract(article(text, published_at="2022-01-20", main="邢台市")))
    y16, y21 = ("2016-01", "2016-12", "actual", "value"), ("2021-01", "2021-12", "actual", "value")
    assert {("130500", "gdp", *y16, 1.21e11), ("130500", "gdp", *y21, 1.8305e11),
            ("130500", "disposable_income_urban", *y16, 26810.0),
            ("130500", "disposable_income_urban", *y21, 38452.0)} <= got


def test_league_prose_by_position_gives_each_place_its_rank():
    text = ("从邢台18个县区来看，2022年上半年GDP数据最高的是宁晋县，为186亿元，全年有可能达到400亿元；"
            "其次是沙河市，GDP119亿元，第三是清河县，GDP为94.26亿元；第四是威县，GDP94.08亿元。\n"
            "上半年GDP最低的是临西县，GDP仅25亿元；其次是广宗县，GDP32亿元。")
    got = atoms(extract(article(text, "2022-08-10", main="邢台市")))
    h1 = ("2022-01", "2022-06", "actual")
    assert {("130582", "gdp", *h1, "value", 1.19e10), ("130582", "gdp", *h1, "rank", 2.0),
            ("130534", "gdp", *h1, "rank", 3.0), ("130533", "gdp", *h1, "rank", 4.0)} <= got
    # counted from the bottom: no rank without the size of the group
    assert ("130531", "gdp", *h1, "rank", 2.0) not in got and ("130531", "gdp", *h1, "value", 3.2e9) in got


def test_league_prose_on_growth_by_position_and_from_the_bottom():
    text = ("2022年上半年，邢台GDP增长5.5%。再从GDP增速来看，排名第一的是平乡县，增速12.7%；其次是威县，增速12.4%；"
            "第三是清河县，增速12.2%。GDP增速最慢的是临西县，增速为3.3%；倒数第二的是广宗县，增速4.1%；倒数第三是内丘县，增速4.5%。")
    got = atoms(extract(article(text, "2022-08-10", main="邢台市")))
    h1 = ("2022-01", "2022-06", "actual")
    assert {("130532", "gdp", *h1, "yoy_pct", 12.7), ("130532", "gdp", *h1, "rank", 1.0),
            ("130533", "gdp", *h1, "yoy_pct", 12.4), ("130534", "gdp", *h1, "rank", 3.0),
            ("130535", "gdp", *h1, "yoy_pct", 3.3), ("130531", "gdp", *h1, "yoy_pct", 4.1),
            ("130523", "gdp", *h1, "yoy_pct", 4.5)} <= got
    assert ("130500", "gdp", *h1, "yoy_pct", 3.3) not in got
    assert not any(a[0] in ("130531", "130523") and a[5] == "rank" for a in got)


def test_a_top_list_whose_places_each_open_a_part_with_their_figure():
    text = "2022年，从人均GDP上看，排名前三的分别是：迁安市，人均15.9万元；武安市，人均10.1万元；三河市，人均9.35万元。"
    got = atoms(extract(article(text, "2023-02-01", main="河北省")))
    y = ("2022-01", "2022-12", "actual")
    assert {("130283", "gdp_per_capita", *y, "value", 159000.0), ("130283", "gdp_per_capita", *y, "rank", 1.0),
            ("131082", "gdp_per_capita", *y, "value", 93500.0), ("131082", "gdp_per_capita", *y, "rank", 3.0)} <= got


def test_the_real_growth_in_the_sentence_after_the_figure():
    text = ("2021年，邢台市实现地区生产总值2427.1亿元，相比上年同期增长了180.7亿元，名义增长速度为8.62%。"
            "按可比价计算，实际同比增长6.1%；分产业来看，第一产业增加值346.3亿元，比上年增长6.6%。")
    got = atoms(extract(article(text, "2022-02-01", main="邢台市")))
    y = ("2021-01", "2021-12", "actual")
    assert ("130500", "gdp", *y, "yoy_pct", 6.1) in got and ("130500", "gdp", *y, "yoy_pct", 8.62) not in got
    got = atoms(extract(article("2021年，全县实现地区生产总值227.1亿元。按可比价格计算，同比增长5.3%。",
                                "2022-02-01", main="威县")))
    assert ("130533", "gdp", *y, "yoy_pct", 5.3) in got


def test_a_county_s_nominal_rate_in_the_sentence_after_its_figure_and_a_real_one_after_that():
    text = ("具体到各区县来看：\n桥西区2020年上半年实现GDP188.44亿元，位居全市第一位。较上年同期初步核算值减少了15.10亿元，"
            "名义下降了7.42%，比全市增速平均值低了约7.6个百分点。\n"
            "威县2020年上半年实现GDP80.95亿元，位居全市第二位。较上年同期初步核算值增长了3.23亿元，名义增长速度为4.16%。"
            "按可比价计算，实际增长3.2%。")
    got = atoms(extract(article(text, None, main="邢台市")))
    h1 = ("2020-01", "2020-06", "actual", "yoy_pct")
    assert {("130503", "gdp", *h1, -7.42), ("130533", "gdp", *h1, 3.2)} <= got
    assert ("130533", "gdp", *h1, 4.16) not in got


def test_places_named_before_a_range_of_positions_hold_them_in_order():
    text = ("隆尧县2020年上半年实现GDP52.71亿元，内丘县2020年上半年实现GDP47.26亿元，临城县2020年上半年实现GDP42.06亿元，"
            "分列全市第六至八位。南和区、任泽区、广宗县、巨鹿县2020年上半年GDP依次位居全市第九至十二位。")
    got = {(a[0], a[6]) for a in atoms(extract(article(text, None, main="邢台市"))) if a[5] == "rank"}
    assert got == {("130525", 6.0), ("130523", 7.0), ("130522", 8.0), ("130506", 9.0), ("130505", 10.0),
                   ("130531", 11.0), ("130529", 12.0)}


def test_a_place_s_position_said_before_its_figure_and_rates_of_the_year_then_of_its_parts():
    text = "2020年，石家庄继续排行第一，实现生产总值5935.1亿元。唐山排行第二，全年GDP达到7210.9亿元。"
    got = atoms(extract(article(text, "2021-02-01", main="河北省")))
    y = ("2020-01", "2020-12", "actual")
    assert {("130100", "gdp", *y, "rank", 1.0), ("130200", "gdp", *y, "rank", 2.0),
            ("130200", "gdp", *y, "value", 7.2109e11)} <= got
    text = "2020年，全省规模以上工业增加值同比增长4.6%，而一季度下降6.1%、上半年增长1.0%、前三季度增长2.7%。"
    got = atoms(extract(article(text, "2021-02-01", main="河北省")))
    iva = ("130000", "industrial_value_added")
    assert {(*iva, "2020-01", "2020-12", "actual", "yoy_pct", 4.6), (*iva, "2020-01", "2020-03", "actual", "yoy_pct", -6.1),
            (*iva, "2020-01", "2020-09", "actual", "yoy_pct", 2.7)} <= got


def test_a_rate_of_the_year_before_rates_of_its_parts_when_the_year_is_said_earlier_in_the_paragraph():
    text = "2020年全省粮食总产量732.8亿斤，同比增长0.3%。规模以上工业增加值同比增长4.6%，而一季度下降6.1%、上半年增长1.0%。"
    got = atoms(extract(article(text, "2021-02-01", main="河北省")))
    iva = ("130000", "industrial_value_added")
    assert {(*iva, "2020-01", "2020-12", "actual", "yoy_pct", 4.6), (*iva, "2020-01", "2020-03", "actual", "yoy_pct", -6.1)} <= got


def test_a_bound_that_describes_the_place_after_it_is_no_figure():
    text = "去年经济总量突破7000亿元的唐山，一季度地区生产总值同比增长6.7%。去年经济总量逼近7000亿元的石家庄，一季度实现地区生产总值1894.99亿元。"
    got = atoms(extract(article(text, "2022-04-25", main="河北省")))
    assert ("130200", "gdp", "2022-01", "2022-03", "actual", "yoy_pct", 6.7) in got
    assert not any(a[6] == 7e11 for a in got)


def test_a_group_that_states_no_figure_does_not_take_over_the_breakdown_after_it():
    text = ("河北省2023年经济总量(GDP)为43944.1亿元，按可比价格计算，比上年增长5.5%。分市看，11个设区市中有10个GDP实现增长。"
            "分产业看，第一产业增加值4466.2亿元，增长2.6%。")
    got = atoms(extract(article(text, None, main="河北省")))
    assert ("130000", "primary_industry_va", "2023-01", "2023-12", "actual", "value", 4.4662e11) in got


def test_the_places_from_a_position_on_each_with_its_figure_in_its_own_part():
    text = ("2022年，从GDP总量排名看，11个设区市中唐山以8900亿元排在第一名，石家庄以7100亿元排在第二名。"
            "第三名，及以后分别是沧州4388亿元；邯郸4346亿元；保定3880亿元。\n"
            "在人均GDP方面，最高的是唐山，具体数据是116000元。其他城市的排名依次是廊坊74000元；石家庄65000元；沧州60000元。")
    got = atoms(extract(article(text, "2023-03-01", main="河北省")))
    y = ("2022-01", "2022-12", "actual")
    assert {("130900", "gdp", *y, "value", 4.388e11), ("130900", "gdp", *y, "rank", 3.0),
            ("130600", "gdp", *y, "rank", 5.0), ("131000", "gdp_per_capita", *y, "value", 74000.0),
            ("131000", "gdp_per_capita", *y, "rank", 2.0), ("130900", "gdp_per_capita", *y, "rank", 4.0)} <= got


def test_a_list_that_goes_on_from_the_last_position_named_in_a_paragraph_of_its_own():
    text = ("2022年上半年，河北省GDP总量全国排名第十二。\n石家庄市以GDP总量3301.1亿元排名全省第一，名义增速7.91%。\n"
            "唐山市以GDP总量4120.9亿元排名全省第二，名义增速7.71%。\n后面依次是，沧州市(2105.4亿)、邯郸市(2051.1亿)、保定市(1950.3亿)。")
    got = atoms(extract(article(text, "2022-08-01", main="河北省")))
    h1 = ("2022-01", "2022-06", "actual")
    assert {("130900", "gdp", *h1, "rank", 3.0), ("130600", "gdp", *h1, "rank", 5.0),
            ("130400", "gdp", *h1, "value", 2.0511e11)} <= got


def test_places_said_to_come_after_with_no_figure_of_their_own_get_no_positions():
    text = ("2021年，11个设区市中，GDP增速最快的是邢台，达到8.2%。紧随其后的沧州、衡水分别以7.9%、7.5%的增速位列第二、第三。"
            "邯郸、保定增速均为7.1%。之后分别是廊坊、承德、张家口，增速均在全省水平6.5%之上。")
    got = atoms(extract(article(text, "2022-02-01", main="河北省")))
    assert not any(a[0] in ("131000", "130800", "130700") and a[5] == "rank" for a in got)


def test_a_zone_among_places_over_a_range_of_positions():
    text = "麻阳县、洪江区2020年上半年GDP依次位居全市第十二至十三位。"
    got = {(a[0], a[6]) for a in atoms(extract(article(text, None, main="怀化市"))) if a[5] == "rank"}
    assert got == {("431226", 12.0), ("431271", 13.0)}


def test_the_whole_a_share_is_of_does_not_end_the_place_clause_after_an_indicator_framed_first():
    text = "前三季度，从生产总值来看，芜湖市以3100.5亿元排名第一，占全省生产总值的12.3%，同比增长9.6%。"
    got = atoms(extract(article(text, "2021-10-30", main="安徽省")))
    q3 = ("2021-01", "2021-09", "actual")
    assert {("340200", "gdp", *q3, "value", 3.1005e11), ("340200", "gdp", *q3, "rank", 1.0),
            ("340200", "gdp", *q3, "yoy_pct", 9.6)} <= got


def test_a_bound_that_describes_a_kind_of_place_is_no_figure():
    text = ("2020年，肥西县实现生产总值870.2亿元，是全省首个GDP突破800亿元的县域。"
            "全省GDP突破1000亿元的县域，还一个都没有。")
    got = atoms(extract(article(text, "2021-03-01", main="安徽省")))
    y = ("2020-01", "2020-12", "actual")
    assert ("340123", "gdp", *y, "value", 8.702e10) in got
    assert not any(a[5] == "value" and a[6] in (8e10, 1e11) for a in got)


def test_an_ordered_place_figure_list_carried_on_after_a_semicolon_keeps_counting():
    text = ("按照GDP总量的高低，已经公布的7市依次是太原(5000.1亿元)、长治(2300亿元)、吕梁(2070.4亿元)、运城(2050.1亿元)；\n"
            "大同(1680亿元)、朔州(1420.6亿元)、阳泉(910.6亿元)。")
    got = {(a[0], a[6]) for a in atoms(extract(article(text, "2024-02-01", main="山西省"))) if a[5] == "rank"}
    assert {("140200", 5.0), ("140600", 6.0), ("140300", 7.0), ("140100", 1.0)} <= got


def test_a_list_after_a_semicolon_of_another_indicator_starts_no_count():
    text = ("2023年，各市GDP依次是太原(5000.1亿元)、长治(2300亿元)、吕梁(2070.4亿元)；"
            "一般公共预算收入中，大同(168亿元)、朔州(142.6亿元)增长较快。")
    got = {(a[0], a[1], a[6]) for a in atoms(extract(article(text, "2024-02-01", main="山西省"))) if a[5] == "rank"}
    assert not any(code in ("140200", "140600") for code, _, _ in got)


def test_expectations_improved_set_no_target_mood_for_the_parts_after_a_year_end_estimate():
    text = ("这一年，我们集中精力办好每一件提振信心、改善预期的实事，全年预计(下同)完成地区生产总值700亿元、增长5.1%；"
            "一般公共预算收入30.2亿元，增长9.8%；社会消费品零售总额400亿元。")
    got = _by(extract(article(text, "2024-01-12", main="宁晋县")))
    y = ("2023-01", "2023-12", "actual")
    assert got[("general_budget_revenue", *y, "value")] == 3.02e9 and got[("retail_sales", *y, "value")] == 4e10
    assert not any(k[3] == "target" for k in got)


def test_the_figures_after_a_countdown_entry_are_its_places():
    text = ("浙江有五个面积很大的县。先看第五名青田县，属于丽水市，面积2477平方公里。青田常住人口50万，2024年GDP 310亿。\n"
            "第四名是遂昌县，同样在丽水市，面积2539平方公里，比舟山大不少。\n常住人口19万，2024年GDP 190亿，生态很好。\n"
            "第三名是永嘉县，属于温州市。\n常住人口88万，2024年GDP 600亿。")
    got = {(a[0], a[6]) for a in atoms(extract(article(text, "2025-03-01", main="浙江省"))) if a[5] == "value"}
    assert {("331123", 1.9e10), ("330324", 6e10), ("331121", 3.1e10)} <= got


def test_a_place_set_aside_with_chu_le_is_no_subject():
    text = "2019年，昆明是西南地区除了成都之外唯一破五千亿的省会城市，实现地区生产总值6400.5亿元，占全省的27.9%。"
    got = {(a[0], a[6]) for a in atoms(extract(article(text, "2020-03-01", main="云南省"))) if a[5] == "value"}
    assert got == {("530100", 6.4005e11)}


def test_a_place_that_follows_another_then_states_its_own_figure():
    text = "2023年，顺德区经济总量实现4300.1亿元，位居广东省第6名，黄埔区紧随顺德区之后，实现4290.5亿元，位居广东省第7名。"
    got = atoms(extract(article(text, "2024-03-01", main="广东省")))
    y = ("2023-01", "2023-12", "actual")
    assert {("440112", "gdp", *y, "value", 4.2905e11), ("440112", "gdp", *y, "rank", 7.0)} <= got


def test_a_numbered_list_goes_on_past_a_member_without_data():
    text = ("1月份，各盟市一般公共预算收入如下：1.鄂尔多斯(100.5亿元 同比增长-30.0%下同)、2.呼和浩特(25.1亿元 18.5%)、"
            "3.赤峰(数据暂缺)、4.乌海(15.2亿元 6.1%)、5..呼伦贝尔(13.3亿元 27.5%)。")
    got = atoms(extract(article(text, "2024-02-29", main="内蒙古自治区")))
    m = ("general_budget_revenue", "2024-01", "2024-01", "actual")
    assert {("150300", *m, "value", 1.52e9), ("150300", *m, "yoy_pct", 6.1), ("150700", *m, "value", 1.33e9)} <= got


def test_a_unit_counted_in_what_a_city_holds_is_no_subject():
    text = ("截至2019年末，保定市下辖5个区、15个县、4个县级市，设1个国家级高新区、1个副地级白沟新城，常住人口1100万人；"
            "2019年完成生产总值3700.5亿元。")
    got = {(a[0], a[6]) for a in atoms(extract(article(text, None, main="保定市"))) if a[5] == "value"}
    assert got == {("130600", 3.7005e11)}


def test_a_position_held_in_a_place_named_by_its_short_name():
    text = "2021年一季度，金水区GDP达到了450.5亿，稳居郑州第一；中原区GDP达到了200.1亿，位居榜单第一。"
    got = {(a[0], a[6]) for a in atoms(extract(article(text, "2021-05-01", main="郑州市"))) if a[5] == "rank"}
    assert got == {("410105", 1.0)}


def test_a_year_inside_an_aside_with_its_own_figure_does_not_date_the_figures_outside():
    text = ("2023年，全市上下牢记嘱托，全年经济整体回升向好。\n一、综合\n经初步核算，全市地区生产总值5011.2亿元，"
            "按可比价格计算，比上年增长6.1%（经最终核实，2022年GDP现价总量为4592.1亿元）。全市人均GDP为80133元，增长6.0%。")
    got = _by(extract(article(text, None, main="金华市")))
    y = ("2023-01", "2023-12", "actual")
    assert got[("gdp", *y, "value")] == 5.0112e11 and got[("gdp_per_capita", *y, "value")] == 80133


def test_the_whole_a_position_is_held_in_is_no_subject_of_the_next_part():
    text = ("二季度，全市GDP完成300.5亿元，增长6.1%，列宜春第5，宜春一类县第2；"
            "规上工业增加值增长10.0%，高于宜春2.9个百分点，列宜春第2，宜春一类县第2。")
    got = atoms(extract(article(text, "2023-07-20", main=None)))
    assert not any(a[0] == "360900" for a in got)
    assert (None, "industrial_value_added", "2023-01", "2023-06", "actual", "yoy_pct", 10.0) in got


def test_the_place_a_rate_equals_is_no_subject():
    text = "二季度，全社会消费品零售总额增长5.7%，增速和宜春持平，列宜春第9；一般公共预算收入：完成29.9亿元，下降6.7%，列宜春第4。"
    got = atoms(extract(article(text, "2023-07-20", main=None)))
    assert not any(a[0] == "360900" for a in got)


def test_the_year_looked_back_on_under_a_review_heading_is_the_heading_s_year():
    text = ("各位代表：\n一、2011年工作回顾\n过去的一年，全区上下解放思想，攻坚克难。全区生产总值6100.5亿元，增长20.1%；"
            "固定资产投资3600亿元，增长30.2%。")
    got = _by(extract(article(text, "2022-06-02", main="宁晋县")))
    assert got[("gdp", "2011-01", "2011-12", "actual", "value")] == 6.1005e11
    assert not any(k[1] == "2021-01" for k in got)


def test_a_bare_fiscal_revenue_beside_the_budget_revenue_is_the_total():
    text = ("2011年，全区75个县中，全年财政收入超过10亿元的县已达到13个，居前3位的分别是平果县17.22亿元，临桂县14.06亿元，"
            "田东县13.1亿元。全区一般预算收入超过5亿元的县达14个。")
    got = {(a[0], a[1], a[6]) for a in atoms(extract(article(text, "2012-02-08", main="广西壮族自治区"))) if a[5] == "value"}
    assert ("451082", "fiscal_revenue", 1.722e9) in got
    alone = "2011年，平果县财政收入17.22亿元，增长10%。"
    assert not any(a[1] == "fiscal_revenue" for a in atoms(extract(article(alone, "2012-02-08", main="平果县"))))
    part = "2021年，全市一般公共预算收入126.05亿元，增长1.8%。其中：地方财政收入完成80.18亿元，增长3.6%。"
    assert not any(a[1] == "fiscal_revenue" for a in atoms(extract(article(part, "2022-02-08", main="吉林市"))))


def test_a_list_of_scopes_before_a_position_is_no_group_subject_for_the_next_part():
    text = ("2021年，第一产业完成增加值13.5亿元，同比增长12.0%，增速排例全省、全州第1位；"
            "第二产业完成增加值42.1亿元，同比增长7.1%。")
    got = _by(extract(article(text, "2022-03-01", main="兰坪白族普米族自治县")))
    assert got[("secondary_industry_va", "2021-01", "2021-12", "actual", "value")] == 4.21e9


def test_a_period_then_a_place_opens_a_clause_and_places_share_out_their_totals():
    text = "从GDP总量来看，今年上半年青岛以4500.3亿元总量领跑，烟台、济南则分别以3200.69亿元和3100.15亿元紧随其后。"
    got = {(a[0], a[6]) for a in atoms(extract(article(text, "2016-08-10", main="山东省"))) if a[5] == "value"}
    assert got == {("370200", 4.5003e11), ("370600", 3.20069e11), ("370100", 3.10015e11)}


def test_the_place_a_district_contributes_to_is_no_subject():
    text = ("2022年，全年实现地区生产总值280亿元，增长5.1%；城镇居民人均可支配收入51000元，增长5%，"
            "为大连三年挺进“万亿GDP城市”做出了应有贡献。招商引资成效明显，外贸进出口130.2亿元、增长9%。")
    got = {(a[0], a[1]) for a in atoms(extract(article(text, "2023-01-10", main="旅顺口区")))}
    assert ("210212", "foreign_trade") in got and not any(code == "210200" for code, _ in got)


def test_numbered_entries_of_one_paragraph_hold_the_figures_after_them():
    text = ("宜昌下辖的五个县区人均GDP省内排名居前列。 3、当阳 当阳，宜昌市下辖市，位于湖北省中部。"
            "2015年人均GDP为90927元，县级中省内排第五。 当阳夜景 4、宜都 宜都市位于湖北省西南部，素有“楚蜀咽喉”美誉。"
            "现辖8镇1民族乡。2015年人均GDP为120626元，县级中省内排第一。")
    got = {(a[0], a[6]) for a in atoms(extract(article(text, None, main="宜昌市"))) if a[5] == "value"}
    assert {("420582", 90927.0), ("420581", 120626.0)} <= got


def test_a_count_of_a_group_s_members_is_no_subject_of_the_clauses_after_it():
    text = "2023年，综合实力持续增强，全国百强区(县)增至12个，一般公共预算收入居副省级城市第4位，地区生产总值超2.2万亿元、增长6%。"
    got = _by(extract(article(text, "2024-01-20", main="成都市")))
    y = ("2023-01", "2023-12", "actual")
    assert got[("gdp", *y, "yoy_pct")] == 6.0 and got[("general_budget_revenue", *y, "rank")] == 4


def test_the_first_n_that_stay_so_are_an_ordered_list():
    text = "2022年，江苏千亿县GDP排名出炉，排名前五的依旧为昆山、江阴、张家港、常熟、宜兴。"
    got = {(a[0], a[6]) for a in atoms(extract(article(text, "2023-02-01", main="江苏省"))) if a[5] == "rank"}
    assert {("320583", 1.0), ("320281", 2.0), ("320282", 5.0)} <= got


def test_a_position_that_closes_a_bracketed_aside_of_comparisons_is_the_figure_s():
    text = "1-9月，全县一般公共预算收入7.01亿元，增长25.7%，(增幅比全市高15.7个百分点，比赶超目标高2.2个百分点，排全市第一)。"
    got = _by(extract(article(text, "2018-11-28", main="长汀县")))
    q = ("general_budget_revenue", "2018-01", "2018-09", "actual")
    assert got[(*q, "rank")] == 1 and got[(*q, "yoy_pct")] == 25.7


def test_a_breakdown_after_a_paragraph_of_prose_is_of_the_place_that_paragraph_opens_with():
    # a prefecture's figures, a county's project paragraph, a paragraph of prose about the prefecture, then
    # '分产业来看': the breakdown is the prefecture's, of the period its figures were stated for (a county's
    # project count sets neither the place nor the period)
    text = ("记者从某地区统计局获悉，1—9月，阿克苏地区实现生产总值1222.55亿元，同比增长7.2%。\n"
            "今年阿瓦提县实施重点项目11个，其中新建项目5个。\n"
            "今年以来，阿克苏地区坚持稳中求进，大力实施稳经济一揽子政策措施。\n"
            "分产业来看，第一产业增加值193.85亿元，同比增长4%；第二产业增加值513.56亿元，同比增长13.2%。")
    got = atoms(extract(article(text, published_at="2022-11-03", main="阿克苏地区")))
    assert ("652900", "primary_industry_va", "2022-01", "2022-09", "actual", "value", 19385000000.0) in got
    assert ("652900", "secondary_industry_va", "2022-01", "2022-09", "actual", "yoy_pct", 13.2) in got
    assert not any(a[0] == "652928" and "industry" in a[1] for a in got)
