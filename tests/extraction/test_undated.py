"""Undated pages still have periods where the text states a year (FACTS.md section 7).

Sentences written for these tests in the style of statistical releases and notices."""
from ledger.extraction import extract
from ledger.periods import date_line, document_year
from ledger.pipeline import enrich
from tests.extraction.helpers import article, atoms


def test_date_line_is_only_a_date():
    assert date_line(["(2019年7月)"]) == (2019, 7, "(2019年7月)")
    assert date_line(["", "2020年3月5日"])[:2] == (2020, 3)
    assert date_line(["2019年7月全县经济运行平稳"]) is None
    assert date_line(["(2019年13月)"]) is None


def test_document_year_from_title_then_opening():
    assert document_year("2020年前三季度全县经济运行情况", "") == (2020, "title '2020年前三季度'")
    assert document_year("全县经济运行情况", "2021年，全县上下攻坚克难")[0] == 2021
    assert document_year("", "二〇一九年，面对复杂形势")[0] == 2019
    assert document_year("", "2016-2020年地区生产总值及增长速度") is None   # a span is no document year
    assert document_year("", "20XX年全县经济") is None


def test_a_date_line_under_the_title_dates_a_notice():
    a = article("(2019年7月)\n一、主要指标\n1-6月份，威县固定资产投资完成31.2亿元，同比增长8.1%。",
                published_at=None, title="关于上半年重点工作进展情况的通报")
    got = atoms(extract(a))
    assert ("130533", "fixed_asset_investment", "2019-01", "2019-06", "actual", "value", 3120000000.0) in got


def test_the_opening_year_governs_bare_periods_and_unperiodised_figures():
    a = article("2020年，全市上下统筹推进各项工作。\n一、综合\n初步核算，全市地区生产总值实现1200.5亿元，"
                "比上年增长3.1%。\n前三季度，全市固定资产投资增长6.2%。",
                published_at=None, title="统计公报", main="衡水市")
    got = atoms(extract(a))
    assert ("131100", "gdp", "2020-01", "2020-12", "actual", "value", 120050000000.0) in got
    assert ("131100", "fixed_asset_investment", "2020-01", "2020-09", "actual", "yoy_pct", 6.2) in got


def test_a_dated_page_ignores_the_opening_year():
    # published in 2021: 一季度 is the latest first quarter ended by then, whatever the opening says
    a = article("2019年的基数较低。\n一季度，全市地区生产总值增长5.0%。", published_at="2021-05-10", main="衡水市")
    assert {(f.period_start, f.period_end) for f in extract(a).facts} == {("2021-01", "2021-03")}


def test_a_work_report_title_dates_the_report_early_in_its_year():
    from ledger.periods import work_report_year

    assert work_report_year("盘山县2023年政府工作报告")[0] == (2023, 1)
    assert work_report_year("湘潭县2023年政府工作报告(20221223)")[0] == (2022, 12)
    assert work_report_year("全县经济运行情况") is None
    # the review of a report titled for 2023 is of 2022
    a = article("全年完成地区生产总值165亿元，同比下降12%。", published_at=None, title="盘山县2023年政府工作报告",
                main="盘山县")
    assert ("211122", "gdp", "2022-01", "2022-12", "actual", "value", 16500000000.0) in atoms(extract(a))


def test_full_year_in_a_december_report_is_the_year_about_to_end():
    a = article("一、全面回顾全年工作\n全年完成地区生产总值595亿元，增长5.5%(预计)。", published_at=None,
                title="湘潭县2023年政府工作报告(20221223)", main="湘潭县")
    assert ("430321", "gdp", "2022-01", "2022-12", "actual", "value", 59500000000.0) in atoms(extract(a))


def test_a_heading_year_is_nearer_than_a_dateline_title():
    a = article("一、2017年工作回顾\n预计全市地区生产总值达1082.18亿元，增长9%。", published_at=None,
                title="──2018年1月10日在贵港市第五届人民代表大会第三次会议上", main="贵港市")
    assert ("450800", "gdp", "2017-01", "2017-12", "actual", "value", 108218000000.0) in atoms(extract(a))


def test_relative_years_on_an_undated_page_take_its_opening_year():
    text = "《关于2009年上半年全省丘陵县主要经济指标监测情况的通报》显示：今年上半年，江安县地区生产总值增长12.1%。"
    a = article(text, published_at=None, main="江安县")
    assert ("511523", "gdp", "2009-01", "2009-06", "actual", "yoy_pct", 12.1) in atoms(extract(a))


def test_a_figure_without_a_period_takes_the_year_the_opening_names():
    a = article("各县相继发布2020年主要经济数据。\n天长市经济总量达到549.3亿元，位居第4。", published_at="2021-02-24",
                main="天长市")
    assert ("341181", "gdp", "2020-01", "2020-12", "actual", "value", 54930000000.0) in atoms(extract(a))


def test_a_list_cut_off_at_the_end_of_the_page_and_qualified_district_names():
    text = ("2009年上半年，全省丘陵地区生产总值增长速度前10位的县(市、区)分别是：江安县、自贡市沿滩区、"
            "成都市龙泉驿区")
    got = atoms(extract(article(text, published_at="2009-08-10", main="四川省")))
    assert ("510311", "gdp", "2009-01", "2009-06", "actual", "rank", 2.0) in got
    assert ("510112", "gdp", "2009-01", "2009-06", "actual", "rank", 3.0) in got
    assert not any(a[0] in ("510300", "510100") for a in got)


def test_more_ways_a_page_states_its_date():
    assert date_line(["ZAKER贵阳 2021-11-13"])[:2] == (2021, 11)
    assert date_line(["据统计局消息，2021-11-13发布的数据显示全省经济运行总体平稳、稳中有进"]) is None   # not a short line
    assert document_year("", "辽政办发〔2008〕70号\n各市人民政府")[0] == 2008
    a = article("辽政办发〔2008〕70号\n一、今年前三季度全省县域经济主要指标完成情况\n前三季度，海城市地区生产总值完成305亿元。",
                published_at=None, main="海城市")
    assert ("210381", "gdp", "2008-01", "2008-09", "actual", "value", 30500000000.0) in atoms(extract(a))


def test_a_reposted_work_report_is_dated_by_its_own_title_not_the_repost():
    text = ("[河北] 2023年保定市政府工作报告\n2023年保定市政府工作报告\n"
            "一、回顾2022年政府工作——经济稳中有进刚刚过去的一年，极为重要。\n"
            "全市生产总值完成3880.3亿元，增长3.8%。")
    a = article(text, published_at="2023-04-18", title="设为首页收藏本站", main="保定市")
    assert ("130600", "gdp", "2022-01", "2022-12", "actual", "value", 388030000000.0) in atoms(extract(a))


def test_a_day_first_dateline():
    assert date_line(["26.07.2016  13:37"])[:2] == (2016, 7)
    assert date_line(["版本 1.2.2016.5"]) is None


def test_a_plans_first_or_last_year_names_the_year_and_shouji_is_the_first_quarter():
    assert document_year("", "在“十四五”开局之年，全市实现首季开门红")[0] == 2021
    assert document_year("“十三五”收官之年的答卷", "")[0] == 2020
    assert document_year("", "“十四五”期间，全县")is None          # a span is no year
    a = article("在“十四五”开局之年，威县实现首季“开门红”：全县地区生产总值完成31.2亿元，增长6.6%。",
                published_at=None, main="威县")
    assert ("130533", "gdp", "2021-01", "2021-03", "actual", "value", 3120000000.0) in atoms(extract(a))


def test_an_organ_of_a_place_is_no_subject():
    a = article("2022年经邢台市统计局统一核算，全年实现地区生产总值142.6亿元，同比增长5.2%。",
                published_at="2023-03-01", main="威县")
    got = atoms(extract(a))
    assert ("130533", "gdp", "2022-01", "2022-12", "actual", "value", 14260000000.0) in got
    assert not [t for t in got if t[0] == "130500"]


def test_qi_is_the_sentences_own_subject():
    text = "2023年清河县地区生产总值为292.6亿元，位居河北省第二十位，其第一、二、三产业增加值分别为41.4亿元、108.4亿元、142.8亿元。"
    got = atoms(extract(article(text, published_at="2024-03-01", main="邢台市")))
    assert ("130534", "primary_industry_va", "2023-01", "2023-12", "actual", "value", 4140000000.0) in got
    assert not [t for t in got if t[0] == "130000"]


def test_an_undated_pages_bare_full_year_takes_the_year_stated_before_in_its_paragraph():
    text = ("宁晋县概况介绍。\n在二零二四年的时候，宁晋县交出了一份成绩单。全县地区生产总值达到了三百四十七点九亿元，"
            "跟上年相比较增长了百分之四点七。全年全部财政收入完成三十六点三亿元。")
    got = atoms(extract(article(text, published_at=None, main="宁晋县")))
    assert ("130528", "gdp", "2024-01", "2024-12", "actual", "yoy_pct", 4.7) in got
    assert ("130528", "fiscal_revenue", "2024-01", "2024-12", "actual", "value", 3630000000.0) in got


def test_the_base_year_of_a_multiple_is_no_period():
    from ledger.periods import find_periods
    assert [p.year for p in find_periods("公共预算收入完成3.6亿元，是2011年的1.86倍")] == []
    text = "截至2016年末，全县地方生产总值完成96.4亿元，是2011年的1.37倍；公共预算收入完成3.6亿元，是2011年的1.86倍。"
    got = atoms(extract(article(text, published_at="2017-02-22", main="蠡县")))
    assert ("130635", "general_budget_revenue", "2016-01", "2016-12", "actual", "value", 360000000.0) in got


def test_a_heading_naming_a_place_is_the_subject_of_its_section():
    text = ("邢台富裕的县，宁晋第一\n宁晋县排名第1\n宁晋县位于河北省中南部。\n2022年地区完成生产总值326.1亿元。\n"
            "清河县排名第3\n清河县以羊绒闻名。\n2022年地区完成生产总值165.2亿元。")
    got = atoms(extract(article(text, published_at="2023-05-01", main="邢台市")))
    assert ("130528", "gdp", "2022-01", "2022-12", "actual", "value", 32610000000.0) in got
    assert ("130534", "gdp", "2022-01", "2022-12", "actual", "value", 16520000000.0) in got
    assert not [t for t in got if t[0] == "130500"]


def test_the_place_a_figure_is_above_or_below_is_no_subject():
    text = "规上工业增加值同比增长10.2%，高出全市4.2个百分点；固定资产投资同比增长15%，高出全市6.1个百分点。"
    got = atoms(extract(article(text, published_at="2025-02-20", main="威县")))
    assert [t for t in got if t[:2] == ("130533", "fixed_asset_investment") and t[5:] == ("yoy_pct", 15.0)]
    assert not [t for t in got if t[0] == "130500"]


def test_a_document_number_further_down_dates_an_undated_notice():
    text = ("政府公报是政府出版物，坚持传达政令、服务社会的办刊宗旨，刊载公开发布的各类文件。\n"
            "省政府办公厅关于全省县域经济发展情况的通报\n冀政办发〔2008〕70号\n"
            "一、今年前三季度全省县域经济主要经济指标完成情况\n前三季度，威县实现地区生产总值30.5亿元。")
    got = atoms(extract(article(text, published_at=None, main="威县")))
    assert ("130533", "gdp", "2008-01", "2008-09", "actual", "value", 3050000000.0) in got


def test_a_december_reports_estimated_year_is_an_actual_a_forecast_stays_a_target():
    text = "一、回顾全年工作\n全年完成地区生产总值595亿元，增长5.5%（预计，同比，下同）。"
    got = atoms(extract(article(text, published_at="2022-12-23", main="威县")))
    assert ("130533", "gdp", "2022-01", "2022-12", "actual", "value", 59500000000.0) in got
    text = "预计全年，全县地区生产总值增长6%左右。"
    got = atoms(extract(article(text, published_at="2023-12-20", main="威县")))
    assert ("130533", "gdp", "2023-01", "2023-12", "target", "yoy_pct", 6.0) in got
    # the forecast goes on through the sentence's ；-parts
    text = "预计全年完成地区生产总值245亿元，增长8%；规上工业增加值57.7亿元，增长13%；城乡居民人均可支配收入41950元，增长8.1%。"
    got = atoms(extract(article(text, published_at="2023-12-27", main="威县")))
    assert ("130533", "industrial_value_added", "2023-01", "2023-12", "target", "value", 5770000000.0) in got
    assert not [t for t in got if t[4] == "actual"]
    # a work report delivered in December reviews the year with its preliminary figures: actuals after the first part
    got = atoms(extract(article(text, published_at=None, main="威县", title="威县2024年政府工作报告(20231223)")))
    assert ("130533", "industrial_value_added", "2023-01", "2023-12", "actual", "value", 5770000000.0) in got


def test_a_milestone_passed_is_no_figure():
    text = "2022年，宁晋县地区生产总值突破300亿元大关，稳居全市第一位。"
    got = atoms(extract(article(text, published_at="2023-02-01", main="宁晋县")))
    assert not [t for t in got if t[5] == "value"]
    assert ("130528", "gdp", "2022-01", "2022-12", "actual", "rank", 1) in got


def test_a_quarter_said_cumulative_runs_from_january():
    from ledger.periods import find_periods
    assert find_periods("第二季度GDP累计同比增长2.3%")[0].months == (1, 6)
    assert find_periods("第二季度GDP同比增长2.3%")[0].months == (4, 6)


def test_a_number_of_years_is_read_whole():
    from ledger.periods import find_periods
    assert find_periods("增速均居全省第一，分别为35年来、20年来首次") == []
    assert find_periods("五年来，全县经济")[0].span == (-5, 0)


def test_a_plan_year_and_a_to_date_cutoff_in_the_sentence_govern_its_clauses():
    # a page whose only date is a site clock years later: the sentence's own year and cut-off win
    text = ("“十三五”开局之年，宁晋县捷报频传，截至9月14日，全县财政收入累计完成64.5亿元，同比增长34.2%，占全年任务的97.9%；"
            "一般公共预算收入35.6亿元，同比增长16.9%；固定资产投资133.6亿元，同比增长23.8%。")
    got = atoms(extract(article(text, "2026-01-18", main="宁晋县")))
    assert ("130528", "general_budget_revenue", "2016-01", "2016-09", "actual", "value", 3560000000.0) in got
    assert ("130528", "fixed_asset_investment", "2016-01", "2016-09", "actual", "yoy_pct", 23.8) in got
    assert not any(a[2].startswith("2025") or a[3] == "2016-12" for a in got)


def test_guoqu_de_yinian_on_an_undated_page_is_the_year_its_opening_names():
    text = ("2月2日，市统计局发布2020年我市各县（市、区）主要经济指标完成情况。\n"
            "过去的一年，宁晋县地区生产总值完成490.17亿元。")
    got = atoms(extract(article(text, None, main="宁晋县")))
    assert ("130528", "gdp", "2020-01", "2020-12", "actual", "value", 49017000000.0) in got


def test_an_undated_page_that_states_one_year_anywhere_dates_its_bare_periods():
    text = ("全市1-4月进出口总额完成297.55亿元，同比增长13.8%。\n"
            "2025年1-4月进出口总额超过百亿的还有宁晋县，累计金额107.17亿元。\n"
            "宁晋县1-4月进出口总额增长13.5%。")
    got = atoms(extract(article(text, None, main="宁晋县")))
    assert ("130528", "foreign_trade", "2025-01", "2025-04", "actual", "yoy_pct", 13.5) in got
    # a comparison's base is no year of the page's own
    text2 = "1-4月宁晋县进出口总额增长13.5%，是2011年的1.9倍。"
    assert not any(a[2] and a[2].startswith("2011") for a in atoms(extract(article(text2, None, main="宁晋县"))))


def test_figures_without_a_period_take_the_opening_s_sub_period_not_only_its_year():
    text = ("2018年第一季度，全省经济运行总体平稳。经初步核算，全省生产总值为11691亿元。\n"
            "从各市来看，唐山GDP总量达到2923.2亿元，同比增长7.4%。")
    got = atoms(extract(article(text, "2018-07-16", main="河北省")))
    assert ("130200", "gdp", "2018-01", "2018-03", "actual", "value", 292320000000.0) in got


def test_an_undated_page_on_one_sub_period_gives_it_to_figures_that_name_none():
    text = ("据统计部门发布的数据，邢台全市共完成进出口总额186.4亿元，同比增长9.8%。\n"
            "宁晋县前5月累计金额达到了41.2亿元，稳居全市之首。\n"
            "2024年1-5月进出口总额超过十亿元的还有清河县，累计金额为12.3亿元。")
    got = atoms(extract(article(text, None, main="邢台市")))
    assert ("130500", "foreign_trade", "2024-01", "2024-05", "actual", "value", 18640000000.0) in got
    assert ("130500", "foreign_trade", "2024-01", "2024-05", "actual", "yoy_pct", 9.8) in got


def test_a_stamp_before_the_end_of_the_year_a_bulletin_covers_is_not_its_date():
    # a document-sharing site stamps the upload date; a year's statistical bulletin is published after
    # the year, so its figures of that year are actuals, not targets of a year not yet over
    text = ("上传者 · 2021-05-10 00:00\n\n2021年，全县上下稳中求进。\n\n一、综合\n\n"
            "全年全县实现地区生产总值86.5亿元，增长7.1%。")
    got = atoms(extract(article(text, published_at=None, title="威县2021年国民经济和社会发展统计公报", main="威县")))
    assert ("130533", "gdp", "2021-01", "2021-12", "actual", "value", 8650000000.0) in got
    assert not any(a[4] == "target" for a in got)
    # a stamp after the year stays the date
    later = text.replace("2021-05-10", "2022-03-10")
    got = atoms(extract(article(later, published_at=None, title="威县2021年国民经济和社会发展统计公报", main="威县")))
    assert ("130533", "gdp", "2021-01", "2021-12", "actual", "value", 8650000000.0) in got


def test_a_bulletin_titled_with_the_organ_and_a_particle_is_still_a_year_s_bulletin():
    # '…关于2022年国民经济和社会发展统计的公报': the 的 between does not make it another kind of document
    text = "2022-07-12 00:00\n\n2022年，全县上下稳中求进。\n\n全县实现地区生产总值86.5亿元，比上年增长7.1%。"
    title = "威县统计局关于2022年国民经济和社会发展统计的公报"
    got = atoms(extract(article(text, published_at=None, title=title, main="威县")))
    assert ("130533", "gdp", "2022-01", "2022-12", "actual", "value", 8650000000.0) in got
    assert not any(a[4] == "target" for a in got)


def test_a_bulletin_s_issue_date_under_its_issuing_organs_dates_it_and_heads_no_section():
    # the title repeated as the first line, three issuing organs, then the month of issue: the page's date,
    # so the bare 全年 below is the year the bulletin covers, not the year of the issue month
    title = "威县2024年国民经济和社会发展统计公报"
    text = ("邢台市威县统计局\n邢台市威县经济社会调查队\n国家统计局威县调查队\n2025年4月\n"
            "2024年，面对各种风险挑战，威县经济运行稳中向好。\n一、综合\n◇经济发展\n"
            "初步核算，全年实现地区生产总值(GDP)230.1亿元，按不变价计算，比上年增长5.0%。")
    got = atoms(extract(article(text, published_at=None, title=title, subtitle=title, main="威县")))
    assert ("130533", "gdp", "2024-01", "2024-12", "actual", "value", 23010000000.0) in got
    assert not any(a[2] == "2025-01" for a in got)


def test_a_work_report_title_names_the_year_it_is_for_even_when_delivered_the_december_before():
    text = ("——2016年12月20日在威县第五届人民代表大会第一次会议上\n一、过去五年工作回顾\n"
            "全县实现地区生产总值210.9亿元，年均增长9.1%；一般公共预算收入28亿元，年均增长9.1%。")
    got = atoms(extract(article(text, published_at=None, title="2017年威县人民政府工作报告", main="威县")))
    assert not any(a[2] == "2017-01" for a in got)


def test_a_chronology_s_dated_event_is_not_the_page_s_date():
    # an encyclopedia-style page: '2020年4月11日，退出贫困县序列。' is an event of the county's history
    text = ("正定县位于河北省中部。\n2020年4月11日，入选全省改革试点县。\n"
            "2020年，正定县实现地区生产总值268.1亿元，比上年增长3.6%。")
    got = atoms(extract(article(text, None, main="正定县")))
    assert {("130123", "gdp", "2020-01", "2020-12", "actual", "value", 2.681e10),
            ("130123", "gdp", "2020-01", "2020-12", "actual", "yoy_pct", 3.6)} <= got


def test_a_work_report_titled_with_the_year_its_review_opens_on_reviews_that_year():
    text = ("一、过去一年工作回顾\n2019年，是我县经济社会发展极不平凡的一年。\n"
            "全年全县地区生产总值增长6.1%，固定资产投资增长9.5%。")
    got = atoms(extract(article(text, None, main="正定县", title="2019年正定县政府工作报告")))
    assert {("130123", "gdp", "2019-01", "2019-12", "actual", "yoy_pct", 6.1),
            ("130123", "fixed_asset_investment", "2019-01", "2019-12", "actual", "yoy_pct", 9.5)} <= got
    # titled with the year it is delivered in, its review is of the year before
    text = text.replace("2019年，是", "2018年，是")
    got = atoms(extract(article(text, None, main="正定县", title="2019年正定县政府工作报告")))
    assert ("130123", "gdp", "2018-01", "2018-12", "actual", "yoy_pct", 6.1) in got


def test_last_year_on_an_undated_page_reporting_a_year_s_results_is_that_year():
    text = "去年的邢台，全市完成GDP总量为2427亿元，增长6.5%。"
    got = atoms(extract(article(text, None, main="邢台市", title="邢台的二十个县市区，2022年成绩已出")))
    assert ("130500", "gdp", "2022-01", "2022-12", "actual", "value", 2.427e11) in got
    # a title that only names a year (no results reported) keeps 去年 the year before
    got = atoms(extract(article(text, None, main="邢台市", title="2022年邢台县域发展观察")))
    assert ("130500", "gdp", "2021-01", "2021-12", "actual", "value", 2.427e11) in got


def test_a_bulletin_s_month_date_line_heads_no_section():
    text = ("邢台市统计局\n2020年3月\n2019年，全县上下克服困难，经济稳中有进。\n一、综合\n"
            "初步核算，全年全县实现地区生产总值208.6亿元，同比增长6.9%。")
    got = atoms(extract(article(text, None, main="威县", title="威县2019年国民经济和社会发展统计公报")))
    assert {("130533", "gdp", "2019-01", "2019-12", "actual", "value", 2.086e10),
            ("130533", "gdp", "2019-01", "2019-12", "actual", "yoy_pct", 6.9)} <= got


def test_an_infobox_s_founding_date_is_not_the_page_s_date():
    from ledger.parsing import parse_file
    from ledger.parsing.meta import is_meta_line
    assert date_line(["设立1983年11月8日"]) is None and date_line(["2019年6月3日"])[:2] == (2019, 6)
    assert not is_meta_line("設立1983年11月8日") and is_meta_line("2019-06-03 来源：邢台日报")
    page = ("邢台市\n地级市\n国家 中华人民共和国\n河北省\n設立1983年11月8日\n政府驻地襄都区\n"
            "国内生产毛额(2022)¥2546.9亿(全省第8位)\n"
            "邢台市，简称邢，古称邢州，是河北省辖地级市，位于河北省南部，太行山脉南段东麓。\n")
    art = parse_file("t.txt", page.encode("utf-8")).articles[0]
    assert art.published_at is None
    got = atoms(extract(enrich(art)))
    assert ("130500", "gdp", "2022-01", "2022-12", "actual", "value", 2.5469e11) in got


def test_an_infobox_s_founding_date_in_a_pipe_row_is_not_the_page_s_date_nor_its_title_line():
    from ledger.parsing import parse_file
    page = ("邢台市\n邢台市 邢台 | |\n---|---|\n国家 | 中华人民共和国 |\n省 | 河北省 |\n設立 | 1983年11月8日 |\n"
            "政府驻地 | 襄都区 |\n国内生产毛额(2022) | ¥2546.9亿 |\n"
            "邢台市，简称邢，古称邢州，是河北省辖地级市，位于河北省南部，太行山脉南段东麓。\n")
    art = parse_file("t.txt", page.encode("utf-8")).articles[0]
    assert art.published_at is None and art.title == "邢台市"
    assert enrich(art).main_region_code == "130500"


def test_a_span_of_months_on_a_short_line_is_no_date():
    assert date_line(["河北各市2024年1-9月财政收入榜"]) is None
    assert date_line(["2024-9-16 来源：邢台日报"])[:2] == (2024, 9)
    assert date_line(["发布时间：2024年9月16日"])[:2] == (2024, 9)


def test_a_dated_page_whose_opening_names_one_bare_period():
    text = ("新华网 7月18日电 据邢台市统计局消息，上半年，全市上下坚持稳中求进工作总基调，经济延续恢复向好态势。\n"
            "根据地区生产总值统一核算结果，邢台市实现地区生产总值1230.5亿元，同比增长5.6%。")
    got = atoms(extract(article(text, "2023-07-20", main="邢台市")))
    assert ("130500", "gdp", "2023-01", "2023-06", "actual", "value", 1.2305e11) in got


def test_on_an_undated_page_a_bare_period_takes_its_paragraph_s_year_before_the_opening_s():
    text = ("据统计局网站数据显示，2019年一季度河北GDP总量为9100.08亿元。\n"
            "据公报显示，初步核算，2018年河北实现地区生产总值36010.3亿元，比上年增长6.6%。全年人均地区生产总值47772元，比上年增长5.8%。")
    got = atoms(extract(article(text, None, main="河北省")))
    assert ("130000", "gdp_per_capita", "2018-01", "2018-12", "actual", "value", 47772.0) in got


def test_a_year_the_text_measures_by_is_not_its_paragraph_s_year():
    text = ("2023年，全县人民在县委的坚强领导下，经济稳中有进。初步核算，实现地区生产总值220.1亿元，增长8%。"
            "按2022年常住人口(28.3万人)计算，人均生产总值77760元。全年实现规模工业增加值增长8.5%。")
    got = atoms(extract(article(text, None, main="威县")))
    assert ("130533", "industrial_value_added", "2023-01", "2023-12", "actual", "yoy_pct", 8.5) in got


def test_a_title_opening_on_a_bare_year_and_an_opening_of_one_bare_period():
    assert document_year("2019江西各市GDP排名及增速", "")[0] == 2019
    assert document_year("2019江西省委全会召开", "") is None          # no results ranked: no document year
    a = article("一季度，江西经济平稳开局。\n从各市来看，南昌GDP总量1300.5亿元，全省排名第一，同比增长8.1%。",
                published_at=None, title="2019江西各市GDP排名及增速")
    got = atoms(extract(a))
    assert ("360100", "gdp", "2019-01", "2019-03", "actual", "value", 130050000000.0) in got


def test_a_date_before_the_end_of_the_period_a_heading_ranks_is_a_copy_s():
    text = ("2019-01-05 10:20\n一季度，江西经济平稳开局。\n"
            "从各市来看，南昌GDP总量1300.5亿元，全省排名第一，同比增长8.1%。\n"
            "2019第一季度江西各市GDP排名\n")
    a = article(text, published_at=None, title="江西各市经济排名")
    got = atoms(extract(a))
    assert ("360100", "gdp", "2019-01", "2019-03", "actual", "value", 130050000000.0) in got


def test_a_rate_moving_from_the_same_period_of_a_year_keeps_that_year_as_its_base():
    from ledger.periods import find_periods
    assert [p.year for p in find_periods("增速由2017年同期的8.7%下降至6.7%")] == []
    assert [p.year for p in find_periods("2017年同期全市生产总值增长8.7%")] == [2017]


def test_a_year_run_straight_onto_the_county_whose_year_it_is():
    from ledger.periods import find_periods
    assert [p.year for p in find_periods("2020信丰县全年实现生产总值244.9亿元")] == [2020, None]
    assert [p.year for p in find_periods("全县共有2020家企业，实现生产总值244.9亿元")] == []
    a = article("2020柳林县全年实现生产总值244.9亿元，增长4.2%。", published_at=None, main="柳林县")
    got = atoms(extract(a))
    assert ("141125", "gdp", "2020-01", "2020-12", "actual", "value", 24490000000.0) in got


def test_a_bare_period_repeating_the_one_the_opening_states_takes_its_year():
    # a copy dated a year later: '一季度' further down is the quarter the opening states, not 2016's
    text = ("2015年1-3月份，新疆生产建设兵团实现生产总值245.43亿元，同比增长14.6%。\n"
            "一季度，兵团规模以上工业增加值84.89亿元，同比增长18.7%。")
    got = atoms(extract(article(text, published_at="2016-05-28", main="新疆生产建设兵团")))
    assert ("新疆生产建设兵团", "industrial_value_added", "2015-01", "2015-03", "actual", "value", 8489000000.0) in got
    assert ("新疆生产建设兵团", "gdp", "2015-01", "2015-03", "actual", "value", 24543000000.0) in got


def test_a_year_already_passed_is_a_comparison_base():
    from ledger.periods import find_periods
    assert find_periods("今年前三季度出口1524.7亿元，已超2020年全年的1503.6亿元")[0].year is None
    assert [p.year for p in find_periods("已超2020年全年的1503.6亿元")] == []


def test_an_undated_page_whose_one_year_is_last_year_s_whole_year():
    # '今年一季度' and '去年全年' with one explicit year, that of a whole year's figure: that year is last year
    text = ("一季度，全省实现地区生产总值29401.7亿元，增长4.7%。\n宿迁去年全年反超连云港，今年一季度则被连云港超出52.73亿元。\n"
            "苏南五市中，常州增速排第一。\n苏北各市增长较快。\n宿迁2022年GDP为4112亿元。")
    got = atoms(extract(article(text, published_at=None, main="江苏省")))
    assert ("320000", "gdp", "2023-01", "2023-03", "actual", "value", 2940170000000.0) in got
    assert ("321300", "gdp", "2022-01", "2022-12", "actual", "value", 411200000000.0) in got
    # a page that says only the year itself stays in it
    plain = "一季度，全省实现地区生产总值29401.7亿元，增长4.7%。\n苏南五市中，常州增速排第一。\n苏北各市增长较快。\n全省经济平稳。\n2022年全省GDP为122875.6亿元。"
    got = atoms(extract(article(plain, published_at=None, main="江苏省")))
    assert ("320000", "gdp", "2022-01", "2022-03", "actual", "value", 2940170000000.0) in got


def test_a_year_a_run_of_years_starts_from_is_not_the_page_s_year():
    text = ("今年以来，区委、区政府坚决贯彻落实各项决策部署，坚持稳中求进工作总基调。\n一、主要指标完成情况\n"
            "——社会消费品零售总额1040.14亿元，同比增长8.2%。\n——一般公共预算收入41.82亿元，同比增长6.7%。\n二、经济运行情况\n"
            "（一）全区经济运行稳健。\n根据广州市地区生产总值统一核算结果，2023年前三季度越秀区地区生产总值为2809.61亿元，同比增长4.3%。\n"
            "图1：2022年以来越秀区地区生产总值增速图（%）\n（二）工业生产保持平稳。\n前三季度，全区规模以上工业增加值同比增长4.6%。\n")
    got = atoms(extract(article(text, published_at=None, main="越秀区")))
    assert ("440104", "retail_sales", "2023-01", "2023-09", "actual", "value", 104014000000.0) in got
    assert ("440104", "industrial_value_added", "2023-01", "2023-09", "actual", "yoy_pct", 4.6) in got


def test_a_whole_year_after_an_opening_naming_its_year_on_a_copy_updated_later():
    from ledger.parsing import parse_file
    page = ("更新时间:2024-05-10\n2022年是大同发展史上极不平凡的一年。全市上下扎实苦干，各项工作取得新进展。\n"
            "一、综合\n全年全市地区生产总值1800.5亿元，比上年增长3.1%。\n")
    art = parse_file("t.txt", page.encode("utf-8")).articles[0]
    got = atoms(extract(enrich(art)))
    assert ("140200", "gdp", "2022-01", "2022-12", "actual", "value", 1.8005e11) in got


def test_the_year_a_league_is_named_with_dates_its_figures():
    text = "在新出炉的2018中国沿海城市GDP排名中，湛江城市GDP达到3008.39亿元。"
    got = atoms(extract(article(text, published_at=None, main="湛江市")))
    assert ("440800", "gdp", "2018-01", "2018-12", "actual", "value", 300839000000.0) in got
    # a year that names no league is no period
    got = atoms(extract(article("湛江2018个项目中，城市GDP达到3008.39亿元。", published_at=None, main="湛江市")))
    assert not any(a[2] == "2018-01" for a in got)


def test_a_year_s_work_summary_is_written_after_the_year_so_an_earlier_stamp_is_not_its_date():
    text = ("上传时间:2023-04-14\n2023年工作回顾\n2023年，是我县经济社会发展砥砺前行的一年。"
            "全年地区生产总值达154.6亿元，增长9.5%。")
    got = atoms(extract(article(text, published_at="2023-04-14", title="2023年县人民政府年度工作总结报告", main="威县")))
    assert ("130533", "gdp", "2023-01", "2023-12", "actual", "value", 15460000000.0) in got


def test_a_move_s_base_year_is_not_carried_to_the_next_sentence():
    text = ("一、2019年工作回顾\n2019年是我县发展史上极具意义的一年。脱贫攻坚决战决胜，贫困发生率从2014年的15.56%降至1.06%。"
            "经济运行稳中有进。全县生产总值198亿元，增长8.1%。")
    got = atoms(extract(article(text, published_at=None, title="2020年威县人民政府工作报告", main="威县")))
    assert ("130533", "gdp", "2019-01", "2019-12", "actual", "value", 19800000000.0) in got


def test_a_move_s_base_year_still_carries_to_the_next_move():
    text = ("十年来，威县生产总值由2012年的29.77亿元增长到2021年的45.67亿元。工业增加值由2012年的22.37亿元增长到27.73亿元。"
            "第三产业增加值由3.03亿元增长到9.76亿元。")
    got = atoms(extract(article(text, published_at=None, main="威县")))
    assert ("130533", "tertiary_industry_va", "2012-01", "2012-12", "actual", "value", 303000000.0) in got
