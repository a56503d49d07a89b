"""Metric-fact rules of FACTS.md section 3, through ledger.extraction.extract."""
from ledger.extraction import extract
from ledger.metrics import get_lexicon
from tests.extraction.helpers import article, atoms

CORE = get_lexicon().core_metrics()
Q1 = ("2023-01", "2023-03")
H1 = ("2023-01", "2023-06")


def test_value_growth_rank_with_scope():
    ex = extract(article("今年一季度，永清县地区生产总值已完成47.8亿元，同比快速增长3.3%，全市排名第一；"
                         "一般公共预算收益完成7.55亿元，同比增长9%。", "2023-06-06", main="永清县"))
    assert atoms(ex) == {
        ("131023", "gdp", *Q1, "actual", "value", 4.78e9), ("131023", "gdp", *Q1, "actual", "yoy_pct", 3.3),
        ("131023", "gdp", *Q1, "actual", "rank", 1.0),
        ("131023", "general_budget_revenue", *Q1, "actual", "value", 7.55e8),
        ("131023", "general_budget_revenue", *Q1, "actual", "yoy_pct", 9.0)}
    gdp = next(f for f in ex.facts if f.metric == "gdp")
    assert gdp.rank_scope == "全市" and gdp.unit == "yuan" and gdp.metric_label == "地区生产总值"
    assert gdp.evidence.startswith("今年一季度") and gdp.char_start == 0


def test_list_with_shared_rank_by_growth():
    ex = extract(article("今年上半年，衡水的生产总值、固定资产投资、社会消费品零售总额、城镇居民人均可支配收入等主要经济指标"
                         "增速均位居全省第一。", "2017-10-12", main="衡水市"))
    assert {(a[1], a[5], a[6]) for a in atoms(ex)} == {
        (m, "rank", 1.0) for m in ("gdp", "fixed_asset_investment", "retail_sales", "disposable_income_urban")}
    assert all(f.rank_basis == "growth" and f.rank_scope == "全省" and f.period_start == "2017-01"
               and f.period_end == "2017-06" for f in ex.facts)


def test_fenbie_deals_values_over_items_and_places():
    ex = extract(article("2022年，全县城镇、农村居民人均可支配收入分别达到38650元和20412元，分别增长4.5%和6.3%。",
                         "2023-01-10", main="清河县"))
    got = atoms(ex)
    assert ("130534", "disposable_income_urban", "2022-01", "2022-12", "actual", "value", 38650.0) in got
    assert ("130534", "disposable_income_rural", "2022-01", "2022-12", "actual", "yoy_pct", 6.3) in got
    ex = extract(article("上半年，宁晋县、沙河市地区生产总值分别完成160.2亿元、148.7亿元。", main="邢台市"))
    assert atoms(ex) == {("130528", "gdp", *H1, "actual", "value", 1.602e10),
                         ("130582", "gdp", *H1, "actual", "value", 1.487e10)}


def test_declines_flat_minus_hundred_and_cagr():
    ex = extract(article("1-8月，临西县规模以上工业增加值同比下降2.4%，社会消费品零售总额与上年同期持平，"
                         "实际利用外资增长-100.0%。五年来，全县生产总值年均增长5.8%。", "2023-09-20", main="临西县"))
    got = {(a[1], a[5], a[6]) for a in atoms(ex)}
    assert got == {("industrial_value_added", "yoy_pct", -2.4), ("retail_sales", "yoy_pct", 0.0),
                   ("utilized_foreign_capital", "yoy_pct", -100.0), ("gdp", "cagr_pct", 5.8)}
    cagr = next(f for f in ex.facts if f.cagr_pct is not None)
    assert cagr.period_approx


def test_percentage_points_and_shares_are_no_growth():
    ex = extract(article("上半年，文安县固定资产投资增速较全市平均水平高3.4个百分点；"
                         "税收收入占一般公共预算收入的比重为72.3%。", main="文安县"))
    assert atoms(ex) == set()


def test_groups_are_not_regions_but_members_are():
    ex = extract(article("今年1—9月，东部十县地区生产总值合计完成1206.5亿元。全省固定资产投资增长6.0%。"
                         "其中，南宫市固定资产投资增长15.2%，居东部十县首位。", "2023-11-02", main="邢台市"))
    assert atoms(ex) == {("130581", "fixed_asset_investment", "2023-01", "2023-09", "actual", "yoy_pct", 15.2),
                         ("130581", "fixed_asset_investment", "2023-01", "2023-09", "actual", "rank", 1.0)}


def test_targets_and_the_yuji_rule():
    ex = extract(article("今年，安平县力争地区生产总值增长6.5%。预计全年社会消费品零售总额突破60亿元。",
                         "2023-03-01", main="安平县"))
    assert atoms(ex) == {("131125", "gdp", "2023-01", "2023-12", "target", "yoy_pct", 6.5),
                         ("131125", "retail_sales", "2023-01", "2023-12", "target", "value", 6e9)}
    ex = extract(article("预计2022年全年，大城县地区生产总值完成118亿元。", "2023-01-05", main="大城县"))
    assert atoms(ex) == {("131025", "gdp", "2022-01", "2022-12", "actual", "value", 1.18e10)}


def test_no_date_target_has_no_period():
    ex = extract(article("近期该市将赴福州等地举办招商活动。全年固定资产投资达到1000亿元。", None, main="衡水市"))
    assert atoms(ex) == {("131100", "fixed_asset_investment", None, None, "target", "value", 1e11)}


def test_heading_and_report_date_carry_the_period():
    text = ("一、2021年政府工作回顾\n全县生产总值完成187.3亿元，增长6.2%。\n"
            "二、2022年主要预期目标\n生产总值增长6.5%。")
    ex = extract(article(text, None, main="涉县", subtitle="2022年1月27日在涉县第十七届人民代表大会第一次会议上"))
    assert atoms(ex) == {("130426", "gdp", "2021-01", "2021-12", "actual", "value", 1.873e10),
                         ("130426", "gdp", "2021-01", "2021-12", "actual", "yoy_pct", 6.2),
                         ("130426", "gdp", "2022-01", "2022-12", "target", "yoy_pct", 6.5)}


def test_unnamed_page_gives_no_region_and_unknown_names_give_no_fact():
    ex = extract(article("前三季度，全县地区生产总值完成75.2亿元。", "2023-10-18"))
    assert [(f.region_code, f.region_name, f.value) for f in ex.facts] == [(None, None, 7.52e9)]
    ex = extract(article("上半年，那台市地区生产总值增长5.3%。", "2023-07-30"))
    assert ex.facts == []


def test_industry_shares_need_the_gdp_context():
    ex = extract(article("1-6月，隆尧县固定资产投资同比增长9.3%。分产业看，第一产业投资增长31.2%，第二产业增长12.4%。",
                         main="隆尧县"))
    assert {(a[1], a[6]) for a in atoms(ex) if a[1] in CORE} == {("fixed_asset_investment", 9.3)}
    ex = extract(article("一季度，全县实现地区生产总值86.3亿元。分产业看，第一产业4.4亿元，增长1.8%。",
                         "2023-04-20", main="宁晋县"))
    assert ("130528", "primary_industry_va", *Q1, "actual", "value", 4.4e8) in atoms(ex)


def test_secondary_metrics_keep_their_own_keys():
    ex = extract(article("今年以来，馆陶县新签约项目28个，协议引资86.5亿元；项目完成投资42.3亿元。", main="馆陶县"))
    assert {f.metric for f in ex.facts} == {"project_count", "signed_investment", "project_investment_completed"}
    assert atoms(ex) and all(a[1] not in ("fixed_asset_investment",) for a in atoms(ex))


def test_same_fact_twice_is_one_fact():
    ex = extract(article("上半年，清河县固定资产投资完成56.3亿元，同比增长14.2%。"
                         "“上半年全县固定资产投资完成56.3亿元，增长14.2%。”", main="清河县"))
    assert len(ex.facts) == 1


def test_ordered_top_list():
    ex = extract(article("上半年，地区生产总值增速前三位的县是：饶阳县、武邑县、枣强县。", "2023-08-05", main="衡水市"))
    assert {(a[0], a[6]) for a in atoms(ex)} == {("131124", 1.0), ("131122", 2.0), ("131121", 3.0)}


def test_bottom_rank_needs_the_group_size():
    ex = extract(article("上半年，内丘县地区生产总值增速排名倒数第一。", main="内丘县"))
    assert not any(f.rank for f in ex.facts)
    ex = extract(article("上半年，内丘县地区生产总值增速在全市16个县（市、区）中排名倒数第二。", main="内丘县"))
    assert [f.rank for f in ex.facts] == [15]


def test_bad_input_never_crashes():
    for text in ("", "\n\n", "亿元" * 50, "增长%" * 20, "第" * 100, "（" * 30 + "5%"):
        extract(article(text))


def test_paragraph_subject_carries_and_group_paragraphs_stay_empty():
    text = ("前三季度，全省县域生产总值同比增长5.6%。一般公共预算收入增长7.9%。\n"
            "从各县看，临城县地区生产总值同比增长6.7%。固定资产投资增长14.5%。")
    ex = extract(article(text, "2023-10-26", main="邢台市"))
    assert {(a[0], a[1], a[6]) for a in atoms(ex)} == {("130522", "gdp", 6.7),
                                                       ("130522", "fixed_asset_investment", 14.5)}


def test_share_bases_are_transparent_and_qualified_lists_give_nothing():
    text = ("上半年，全区规上工业总产值完成86.4亿元，占全市规上工业总产值的比重为12.8%，同比增长15.3%，两年平均增长6.2%。"
            "高新技术和战略性新兴产业规上工业增加值分别增长18.2%和21.5%。")
    ex = extract(article(text, "2021-07-28", main="冀州区"))
    assert {(a[1], a[5], a[6]) for a in atoms(ex)} == {("industrial_output", "value", 8.64e9),
                                                       ("industrial_output", "yoy_pct", 15.3)}


def test_prefecture_words_in_a_county_article_mean_the_parent():
    ex = extract(article("上半年，全市地区生产总值增长6.4%。", "2023-07-24", main="宁晋县"))
    assert {(f.region_code, f.region_name) for f in ex.facts} == {("130500", "邢台市")}


def test_target_words_used_as_nouns_do_not_make_targets():
    ex = extract(article("上半年，威县固定资产投资完成50.2亿元，完成年度目标的52.3%。", "2023-07-20", main="威县"))
    assert atoms(ex) == {("130533", "fixed_asset_investment", *H1, "actual", "value", 5.02e9)}
    ex = extract(article("全县地区生产总值将达到120亿元。", "2023-07-20", main="威县"))
    assert [f.kind for f in ex.facts] == ["target"]


def test_yuji_about_months_already_over_is_actual():
    ex = extract(article("1-7月份，预计完成固定资产投资61亿元，完成全年固投任务152亿元的40.1%。", "2021-09-01",
                         main="威县"))
    assert atoms(ex) == {("130533", "fixed_asset_investment", "2021-01", "2021-07", "actual", "value", 6.1e9),
                         ("130533", "fixed_asset_investment", "2021-01", "2021-12", "target", "value", 1.52e10)}


def test_towns_and_parks_below_the_county_give_no_county_fact():
    ex = extract(article("上半年，城关镇完成固定资产投资5.2亿元。全县固定资产投资完成48.1亿元。", main="威县"))
    assert atoms(ex) == {("130533", "fixed_asset_investment", *H1, "actual", "value", 4.81e9)}
    ex = extract(article("上半年，推进乡村振兴，全县城乡居民人均可支配收入分别达到2.1万元和1.2万元。", main="威县"))
    assert len(ex.facts) == 2


def test_a_short_line_with_a_figure_is_content_not_a_heading():
    ex = extract(article("一、主要指标\n一季度全县地区生产总值增长5.2%\n二、工业", "2023-04-20", main="威县"))
    assert atoms(ex) == {("130533", "gdp", *Q1, "actual", "yoy_pct", 5.2)}


def test_the_title_is_the_top_heading_for_periods():
    ex = extract(article("深州市：地区生产总值96.2亿元，增长6.6%。", "2023-08-08", main="衡水市",
                         title="衡水市各县市区上半年主要经济指标"))
    assert atoms(ex) == {("131182", "gdp", *H1, "actual", "value", 9.62e9), ("131182", "gdp", *H1, "actual", "yoy_pct", 6.6)}
    ex = extract(article("全年全市地区生产总值完成721.5亿元。", "2024-05-10", main="滦州市",
                         title="2022年滦州市国民经济和社会发展统计公报"))
    assert {(f.period_start, f.period_end) for f in ex.facts} == {("2022-01", "2022-12")}


def test_a_period_inside_the_segment_governs_the_figures_after_it():
    ex = extract(article("“十四五”时期，地区生产总值年均增长7%左右，到2025年突破150亿元。", "2021-02-01", main="武邑县"))
    assert atoms(ex) == {("131122", "gdp", "2021-01", "2025-12", "target", "cagr_pct", 7.0),
                         ("131122", "gdp", "2025-01", "2025-12", "target", "value", 1.5e10)}
    ex = extract(article("今年，全县地区生产总值一季度完成43.1亿元，增长6.3%。", "2023-05-10", main="威县"))
    assert {(a[2], a[3]) for a in atoms(ex)} == {Q1}


def test_month_on_month_and_spoken_amounts():
    ex = extract(article("9月份，霸州市规模以上工业增加值环比增长3.2%，同比增长7.4%。", "2023-10-16", main="霸州市"))
    assert atoms(ex) == {("131081", "industrial_value_added", "2023-09", "2023-09", "actual", "yoy_pct", 7.4)}
    ex = extract(article("去年我们全县的地区生产总值是98个亿，增长了5.2%。", "2023-03-10", main="巨鹿县"))
    assert ("130529", "gdp", "2022-01", "2022-12", "actual", "value", 9.8e9) in atoms(ex)


def test_a_ranked_relative_clause_names_its_place():
    ex = extract(article("上半年，地区生产总值增速排名全市第一的宁晋县作了发言。", "2023-07-20", main="邢台市"))
    assert {(a[0], a[5], a[6]) for a in atoms(ex)} == {("130528", "rank", 1.0)}
    ex = extract(article("上半年，固定资产投资增速排名第一的市发改委作了发言。", "2023-07-20", main="邢台市"))
    assert ex.facts == []


def test_bracketed_own_growth_and_growth_moved_to_a_level():
    ex = extract(article("上半年，威县地区生产总值完成92.8亿元（增长6.9%），规上工业增加值增长9.1%（全市7.2%）；"
                         "固定资产投资增速回落至5.3%。", "2023-07-20", main="威县"))
    assert {(a[1], a[5], a[6]) for a in atoms(ex)} == {
        ("gdp", "value", 9.28e9), ("gdp", "yoy_pct", 6.9), ("industrial_value_added", "yoy_pct", 9.1),
        ("fixed_asset_investment", "yoy_pct", 5.3)}


def test_top_list_without_wei():
    ex = extract(article("上半年，固定资产投资增速排名前三的县依次是：饶阳县、武邑县、枣强县。", "2023-08-05", main="衡水市"))
    assert {(a[0], a[6]) for a in atoms(ex)} == {("131124", 1.0), ("131122", 2.0), ("131121", 3.0)}


def test_top_list_of_prefecture_cities_named_after_the_scope():
    ex = extract(article("2022年，河北农村居民人均可支配收入位居全省前三的设区市是唐山、廊坊和石家庄。", "2023-02-05",
                         main="河北省"))
    assert {(a[0], a[1], a[6]) for a in atoms(ex)} == {("130200", "disposable_income_rural", 1.0),
                                                       ("131000", "disposable_income_rural", 2.0),
                                                       ("130100", "disposable_income_rural", 3.0)}


def test_tables_cell_per_line_and_row_per_line():
    cells = "指标\n单位\n1-6月\n同比增长(%)\n地区生产总值\n亿元\n92.8\n6.9\n一般公共预算收入\n万元\n68200\n13.5"
    ex = extract(article(cells, "2023-07-20", main="威县", title="威县主要经济指标"))
    assert atoms(ex) == {("130533", "gdp", *H1, "actual", "value", 9.28e9), ("130533", "gdp", *H1, "actual", "yoy_pct", 6.9),
                         ("130533", "general_budget_revenue", *H1, "actual", "value", 6.82e8),
                         ("130533", "general_budget_revenue", *H1, "actual", "yoy_pct", 13.5)}
    rows = "指标名称 增速(%)\n固定资产投资 15.8\n社会消费品零售总额 7.2"
    ex = extract(article(rows, "2023-07-20", main="威县", title="威县上半年主要经济指标"))
    assert {(a[1], a[5], a[6]) for a in atoms(ex)} == {("fixed_asset_investment", "yoy_pct", 15.8),
                                                       ("retail_sales", "yoy_pct", 7.2)}
    by_place = "指标\n宁晋县\n威县\n地区生产总值\n245.6\n92.8"
    assert extract(article(by_place, "2023-07-20", main="邢台市")).facts == []


def test_growth_target_phrased_as_a_noun():
    ex = extract(article("今年全县地区生产总值增长目标为6.5%左右。", "2023-02-10", main="威县"))
    assert atoms(ex) == {("130533", "gdp", "2023-01", "2023-12", "target", "yoy_pct", 6.5)}


def test_a_plan_s_execution_heading_reviews_its_year_and_jinnian_yilai_in_january_is_the_year_just_ended():
    # a plan report delivered in January: '…计划执行情况' reviews the year it names, and its
    # '今年以来' was written about that year, not about the days of January
    text = ("一、2022年国民经济和社会发展计划执行情况\n"
            "今年以来，全区上下克服疫情冲击，全年主要目标任务较好完成。全区地区生产总值实现512.3亿元，同比增长4.6%。\n"
            "二、2023年国民经济和社会发展计划安排\n全区地区生产总值增长5%左右。")
    ex = extract(article(text, None, main="涉县", subtitle="——2023年1月6日在涉县第十七届人民代表大会第三次会议上"))
    got = atoms(ex)
    assert ("130426", "gdp", "2022-01", "2022-12", "actual", "value", 5.123e10) in got
    assert ("130426", "gdp", "2022-01", "2022-12", "actual", "yoy_pct", 4.6) in got
    assert ("130426", "gdp", "2023-01", "2023-12", "target", "yoy_pct", 5.0) in got


def test_the_gap_between_two_places_is_no_figure_of_either():
    ex = extract(article("从总量上看，上半年邢台地区生产总值接近1100亿，与邯郸拉出98亿元的差距。", "2023-08-05", main="邢台市"))
    assert 9.8e9 not in [f.value for f in ex.facts]
    ex = extract(article("上半年，邢台地区生产总值1102.5亿元，与邯郸的差额为98亿元。", "2023-08-05", main="邢台市"))
    assert [f.value for f in ex.facts if f.value] == [1.1025e11]


def test_the_domestic_in_an_indicator_s_old_name_is_no_group_subject():
    ex = extract(article("1990年，全县国内生产总值3.46亿元，财政总收入2318万元；人均国内生产总值1210元，城镇居民人均可支配收入980元。",
                         None, main="威县"))
    got = {(a[0], a[1], a[6]) for a in atoms(ex)}
    assert {("130533", "fiscal_revenue", 2.318e7), ("130533", "disposable_income_urban", 980.0)} <= got


def test_the_total_of_a_province_s_counties_is_no_figure_of_the_province():
    ex = extract(article("“十三五”时期，河北县域地区生产总值达到30210.5亿元。", "2021-11-30", main="河北省"))
    assert not ex.facts
    ex = extract(article("原标题：河北县域发展“成绩单”来了！GDP总量达到30210.5亿元", "2021-11-30", main="河北省"))
    assert not ex.facts
    ex = extract(article("2021年，威县县域地区生产总值完成160.2亿元。", "2022-02-01", main="威县"))
    assert [f.value for f in ex.facts] == [1.602e10]


def test_a_rank_whose_number_a_converted_document_spaced():
    ex = extract(article("2020 年，河北省实现 GDP 36206.9 亿元，位居全国第 12位，可比增速为 3.9%。", None, main="河北省"))
    assert [f.rank for f in ex.facts] == [12]
    ex = extract(article("2020 年第 3 季度，河北省实现 GDP 26206.9 亿元。", None, main="河北省"))
    assert not any(f.rank for f in ex.facts)


def test_what_it_takes_to_enter_a_list_is_no_figure():
    ex = extract(article("当时，GDP达到906.67亿元就能进入前十，2016年这一门槛提高到了933亿元。", "2017-03-01", main="河北省"))
    assert not {9.0667e10, 9.33e10} & {f.value for f in ex.facts}


def test_how_many_times_a_place_was_first_is_no_position():
    ex = extract(article("五年来，地区生产总值增速6个季度位居全市第一，年均增长8.8%。", "2021-01-20", main="威县"))
    assert not any(f.rank for f in ex.facts)


def test_the_province_a_sentence_names_is_its_whole_province():
    text = "河北省财政厅发布信息显示，2016年全省一般公共预算收入完成2850亿元，比上年同口径增长7.5%。全市完成一般公共预算收入95.3亿元。"
    got = atoms(extract(article(text, "2017-01-20", main="邢台市")))
    y = ("2016-01", "2016-12", "actual")
    assert {("130000", "general_budget_revenue", *y, "value", 2.85e11), ("130500", "general_budget_revenue", *y, "value", 9.53e9)} <= got
    # a city's 全省 with no province named stays a group
    got = atoms(extract(article("2016年全省一般公共预算收入完成2850亿元。", "2017-01-20", main="邢台市")))
    assert not got


def test_how_many_places_pass_a_bound_is_no_figure():
    text = "2005年，人均地区生产总值超过2万元的县市有5个；人均地区生产总值不足3000元的有12个县，其中清河县为2800元。"
    got = atoms(extract(article(text, "2006-02-01", main="邢台市")))
    assert {f[-1] for f in got} == {2800.0}


def test_an_autonomous_county_written_with_its_suffix_but_not_its_peoples():
    text = "2010年人均GDP超过2万元的县市3个，分别是大厂自治县26107元、三河市24484元、孟村自治县21825元。"
    got = atoms(extract(article(text, "2011-02-01", main="河北省")))
    assert {(f[0], f[-1]) for f in got} == {("131028", 26107.0), ("131082", 24484.0), ("130930", 21825.0)}


def test_one_position_for_each_place_of_a_list():
    text = "2011年，宁晋县、沙河市地区生产总值分别为210.5亿元、180.1亿元，分列全市第二和第五位。"
    got = atoms(extract(article(text, "2012-02-01", main="邢台市")))
    y = ("2011-01", "2011-12", "actual")
    assert {("130528", "gdp", *y, "rank", 2.0), ("130582", "gdp", *y, "rank", 5.0)} <= got
    # a count of positions that does not fit the places gives none
    text = "2011年，宁晋县、沙河市地区生产总值分别为210.5亿元、180.1亿元，居全市第二、第五、第六位。"
    assert not any(f[5] == "rank" for f in atoms(extract(article(text, "2012-02-01", main="邢台市"))))


def test_places_listed_after_qita_take_the_figures_dealt_out():
    text = "2011年，全市地区生产总值增长8.5%，其中宁晋县、沙河市增速分别达10.5%、10.1%，居全市第三、第四位。"
    got = atoms(extract(article(text, "2012-02-01", main="邢台市")))
    y = ("2011-01", "2011-12", "actual")
    assert {("130528", "gdp", *y, "yoy_pct", 10.5), ("130528", "gdp", *y, "rank", 3.0),
            ("130582", "gdp", *y, "yoy_pct", 10.1), ("130582", "gdp", *y, "rank", 4.0)} <= got


def test_the_last_places_of_a_league_with_their_figures_and_no_position():
    text = ("从地区生产总值看，2024年排名第一的是桥西区，达到547.6亿元；排名第二的是宁晋县，达到481.8亿元。"
            "排名靠后的两个县是：临城县，达到121.74亿元；内丘县，达到120.7亿元。")
    got = atoms(extract(article(text, "2025-02-01", main="邢台市")))
    y = ("2024-01", "2024-12", "actual")
    assert {("130522", "gdp", *y, "value", 1.2174e10), ("130523", "gdp", *y, "value", 1.207e10)} <= got
    assert not {f for f in got if f[0] in ("130522", "130523") and f[5] == "rank"}


def test_a_place_after_among_how_many_opens_its_own_clause():
    text = "2018年，从GDP总量排名看，11个设区市中石家庄市以6082亿元排在第一名，唐山市以6955亿元排在第二名。"
    got = atoms(extract(article(text, "2019-02-01", main="河北省")))
    y = ("2018-01", "2018-12", "actual")
    assert {("130100", "gdp", *y, "value", 6.082e11), ("130100", "gdp", *y, "rank", 1.0)} <= got
    assert not {f for f in got if f[0] == "130200" and f[-1] == 6.082e11}


def test_a_place_s_clause_ends_where_the_next_positions_begin():
    text = "2018年，从GDP总量排名看，石家庄市以6082亿元排在第一名，第二名和第三名分别是唐山市和保定市，分别是5955亿元和3070亿元。"
    got = atoms(extract(article(text, "2019-02-01", main="河北省")))
    y = ("2018-01", "2018-12", "actual")
    assert {("130100", "gdp", *y, "value", 6.082e11), ("130100", "gdp", *y, "rank", 1.0)} <= got


def test_the_real_rate_over_the_nominal_one_in_one_sentence():
    text = "2025年，全省地区生产总值共计43697.5亿元，名义增长率为5.3%，剔除价格因素后，实际增长率为5.8%。"
    got = atoms(extract(article(text, "2026-02-01", main="河北省")))
    assert ("130000", "gdp", "2025-01", "2025-12", "actual", "yoy_pct", 5.8) in got
    assert not {f for f in got if f[-1] == 5.3}


def test_where_a_group_s_figures_lie_is_no_figure():
    text = "衡水市、邢台市和承德市2025年GDP总值均在800亿上下，分别为802.3亿元、793.9亿元和789.23亿元。"
    got = {(f[0], f[-1]) for f in atoms(extract(article(text, "2026-02-01", main="河北省")))}
    assert got == {("131100", 8.023e10), ("130500", 7.939e10), ("130800", 7.8923e10)}


def test_positions_said_before_the_places_they_belong_to():
    text = "紧随石家庄之后，位居全省第二和第三位的分别是唐山市和保定市，2025年GDP总值分别为1235.32亿元和1103.6亿元。"
    got = atoms(extract(article(text, "2026-02-01", main="河北省")))
    y = ("2025-01", "2025-12", "actual")
    assert {("130200", "gdp", *y, "rank", 2.0), ("130600", "gdp", *y, "rank", 3.0),
            ("130200", "gdp", *y, "value", 1.23532e11)} <= got


def test_positions_said_between_the_places_and_their_indicator():
    text = "2025年，石家庄GDP总量全省排名第一。唐山和保定排名第二和第三，GDP总量分别为1235.32亿元、1103.6亿元。"
    got = atoms(extract(article(text, "2026-02-01", main="河北省")))
    y = ("2025-01", "2025-12", "actual")
    assert {("130200", "gdp", *y, "rank", 2.0), ("130600", "gdp", *y, "rank", 3.0),
            ("130600", "gdp", *y, "value", 1.1036e11)} <= got


def test_a_group_of_counties_by_their_count_is_no_place():
    # '三市一县合计…' (three cities and a county together) after the indicator: a group's total, no place's
    text = ("关于2011年上半年县域经济运行情况的通报\n"
            "——地方财政一般预算收入：三市一县合计58.2亿元，同比增长45.6%。\n"
            "——全社会固定资产投资：两区三县合计654.5亿元，同比增长18.8%。\n"
            "——社会消费品零售总额：全市完成184.9亿元，同比增长17.2%。")
    got = atoms(extract(article(text, None, main="大连市")))
    assert {a[1] for a in got} == {"retail_sales"}


def test_a_rate_before_its_word_without_de():
    text = "2025年上半年，石家庄GDP总量4358.16亿元，以6.21%名义增速领跑全省；唐山GDP总量4485.74亿元，但出现-0.55%负增长。"
    got = atoms(extract(article(text, "2025-08-01", main="河北省")))
    y = ("2025-01", "2025-06", "actual")
    assert {("130100", "gdp", *y, "yoy_pct", 6.21), ("130200", "gdp", *y, "yoy_pct", -0.55)} <= got


def test_a_district_named_by_a_generic_word_after_its_prefecture_takes_its_facts():
    text = "2022年，阳泉市郊区实现地区生产总值172.97亿元，增长3.8%。"
    got = atoms(extract(article(text, "2023-03-01", main="阳泉市")))
    assert ("140311", "gdp", "2022-01", "2022-12", "actual", "value", 1.7297e10) in got


def test_a_general_is_no_future():
    text = "县名来自明朝守卫这里的一个将领。2019年上半年，威县地区生产总值65.84亿元，增长9.2%。"
    got = atoms(extract(article(text, None, main="威县")))
    assert {f[4] for f in got} == {"actual"} and len(got) == 2


def test_a_place_highest_on_its_indicator_is_first():
    text = "从各区县2023年GDP总量数据来看，桥西区2023年GDP总量最高，为233.30亿元。宁晋县2023年GDP增速最快，为8.1%。"
    got = atoms(extract(article(text, "2024-03-01", main="邢台市")))
    y = ("2023-01", "2023-12", "actual")
    assert {("130503", "gdp", *y, "rank", 1.0), ("130503", "gdp", *y, "value", 2.333e10),
            ("130528", "gdp", *y, "rank", 1.0), ("130528", "gdp", *y, "yoy_pct", 8.1)} <= got
    # a record is no position
    got = atoms(extract(article("2023年，威县地区生产总值达到历史最高水平，为233.30亿元。", "2024-03-01", main="威县")))
    assert not any(f[5] == "rank" for f in got)


def test_places_with_their_figures_then_the_indicator_they_share():
    text = "2023年，沧州(892.72亿)和邯郸(875.76亿)两地GDP均在880亿左右，两地经济总量差距不大。"
    got = {(f[0], f[-1]) for f in atoms(extract(article(text, "2024-03-01", main="河北省")))}
    assert got == {("130900", 8.9272e10), ("130400", 8.7576e10)}


def test_a_development_zone_the_gazetteer_does_not_list_keeps_its_name():
    text = "2022年，邢台高新区实现地区生产总值128.81亿元，居全市第8位。"
    got = atoms(extract(article(text, "2023-02-01", main="邢台市")))
    assert got == {("邢台高新区", "gdp", "2022-01", "2022-12", "actual", "value", 1.2881e10),
                   ("邢台高新区", "gdp", "2022-01", "2022-12", "actual", "rank", 8.0)}


def test_a_place_overtaken_is_no_subject():
    text = "2024年，邢台市GDP总量达2019亿元，同时超越邯郸市成为冀南经济总量最大的城市。2022年GDP为1763.42亿元。"
    got = {(f[0], f[2], f[-1]) for f in atoms(extract(article(text, None, main="邢台市")))}
    assert got == {("130500", "2024-01", 2.019e11), ("130500", "2022-01", 1.7634200e11)}


def test_a_county_profile_opening_with_its_history():
    # 撤县设市 names no place; the year of an event is no period a later ；-part carries; a county's
    # standing (竞争力) after a figure is no position of that figure; the province named lets its
    # county's short name count
    text = ("晋江地处福建东南沿海，1992年撤县设市，辖13个镇、6个街道，2021年GDP完成2986.41亿元、增长10.5%；"
            "财政总收入256.93亿元、增长12.85%，县域经济基本竞争力位居全国第4。")
    from ledger.parsing import parse_file
    from ledger.pipeline import enrich

    [a] = [enrich(x) for x in parse_file("t.txt", text.encode("utf-8")).articles]
    assert a.main_region_code == "350582"
    got = atoms(extract(a))
    y = ("2021-01", "2021-12", "actual")
    assert got == {("350582", "gdp", *y, "value", 2.98641e11), ("350582", "gdp", *y, "yoy_pct", 10.5),
                   ("350582", "fiscal_revenue", *y, "value", 2.5693e10), ("350582", "fiscal_revenue", *y, "yoy_pct", 12.85)}


def test_a_rate_moving_from_one_value_to_another_is_no_rate_before_its_word():
    text = "过去两年，全省GDP增速从4.0%增长到7.3%。2018年前三季度，石家庄以14,41%的名义增速领跑全省。"
    got = atoms(extract(article(text, "2022-02-01", main="河北省")))
    assert not {f for f in got if f[-1] in (4.0, 41.0)}


def test_a_range_is_no_figure_in_prose_or_bulleted_lines():
    text = ("二、邢台市各区县GDP排名\n以下是邢台市各区县2023年的GDP排名情况：\n- 宁晋县：2023年GDP总量为500亿元，排名第一。\n"
            "- 信都区：2023年GDP总量为457.99亿元，排名第二。\n- 邢台经济开发区：2023年GDP总量介于300亿元至400亿元之间。\n"
            "- 沙河市：2023年GDP总量介于300亿元至400亿元之间。\n2023年，临城县地区生产总值介于100亿元至200亿元之间。")
    got = atoms(extract(article(text, None, main="邢台市")))
    assert {f[-1] for f in got if f[5] == "value"} == {5e10, 4.5799e10}


def test_a_bare_industry_term_under_enterprises_above_designated_size():
    text = "2021年上半年，威县45家规模以上工业企业累计完成工业总产值41.81亿元，同比增长40.1%。全县工业总产值60亿元。"
    got = atoms(extract(article(text, "2021-07-20", main="威县")))
    y = ("2021-01", "2021-06", "actual")
    assert {f for f in got if f[1] != "other"} == {("130533", "industrial_output", *y, "value", 4.181e9),
                                                   ("130533", "industrial_output", *y, "yoy_pct", 40.1)}
    assert ("130533", "other", *y, "value", 6e9) in got      # the whole industry's stays another indicator


def test_the_rate_at_constant_prices_over_the_one_at_current_prices():
    for sep in ("；", "，"):
        text = f"2022年上半年，石家庄市生产总值实现3511亿元，按现行价格计算，同比增长11.0%{sep}按不变价格计算，同比增长7.8%。"
        got = atoms(extract(article(text, "2022-07-20", main="石家庄市")))
        assert {f[-1] for f in got if f[5] == "yoy_pct"} == {7.8}, sep


def test_a_year_in_chinese_numerals_with_digit_zeros_and_an_account_as_of_a_year_end():
    text = ("县委、县政府带领全县人民积极实施“二次创业”目标，全县经济全面发展。止二00一年底，全县实现国内生产总值10.5亿元，"
            "增长9.5%，固定资产投资3.63亿元，增长46.4%。")
    got = atoms(extract(article(text, None, main="威县")))
    y = ("2001-01", "2001-12", "actual")
    assert got == {("130533", "gdp", *y, "value", 1.05e9), ("130533", "gdp", *y, "yoy_pct", 9.5),
                   ("130533", "fixed_asset_investment", *y, "value", 3.63e8),
                   ("130533", "fixed_asset_investment", *y, "yoy_pct", 46.4)}


def test_a_zone_and_its_parks_are_a_group():
    text = "2016年1-7月，威县“一区八园”完成规模工业产值1082.9亿元，增长12.7%；全县规模工业产值1282.9亿元。"
    got = atoms(extract(article(text, "2016-08-10", main="威县")))
    assert {f[-1] for f in got if f[5] == "value"} == {1.2829e11}


def test_bulleted_places_each_with_its_figure_after_a_verb():
    text = ("根据2023年的数据，邢台市在河北省的GDP总量排名中位列第四。\nGDP总量与排名：\n- 石家庄市以7534.2亿元位居全省第一。\n"
            "- 唐山市以9133.3亿元排名第二。\n- 沧州市以4440.6亿元排名第三。\n")
    got = {(f[0], f[2], f[5], round(f[6])) for f in atoms(extract(article(text, None, main="邢台市")))}
    assert {("130100", "2023-01", "value", 753420000000), ("130100", "2023-01", "rank", 1),
            ("130200", "2023-01", "value", 913330000000), ("130200", "2023-01", "rank", 2),
            ("130900", "2023-01", "rank", 3)} <= got


def test_a_place_ranked_among_a_group_then_its_figure():
    text = "2018年，河北在国内大陆各省市区排名第12，对应地区生产总值为36010亿元，同比增长6.6%，跟上一年相比约相差11亿元。"
    got = atoms(extract(article(text, None, main="河北省")))
    y = ("2018-01", "2018-12", "actual")
    assert got == {("130000", "gdp", *y, "value", 3.601e12), ("130000", "gdp", *y, "yoy_pct", 6.6),
                   ("130000", "gdp", *y, "rank", 12.0)}
    ex = extract(article(text, None, main="河北省"))
    assert {f.rank_scope for f in ex.facts} == {"全国"}


def test_a_lead_over_another_place_is_no_figure():
    text = "2013年上半年，三河市地方一般预算收入总量继续保持全省县级第一，超出第二名迁安市9.13亿元。"
    got = atoms(extract(article(text, "2013-09-11", main="三河市")))
    assert not {f for f in got if f[5] == "value"}


def test_a_year_after_xiang_jiao_yu_is_the_base_not_the_period():
    text = ("2020年，全省生产总值约为3920.5亿元。相较于2019年，各市的生产总值均呈现不同程度增长，邢台市增幅最大，"
            "生产总值较上年增加29.8亿元，增长9.24%。")
    got = atoms(extract(article(text, None, main="河北省")))
    assert ("130500", "gdp", "2020-01", "2020-12", "actual", "yoy_pct", 9.24) in got


def test_a_rate_kept_at_last_year_s_level_names_no_period():
    text = "一季度，全省经济继续保持稳中有进的发展态势。河北实现地区生产总值7777.65亿元，同比增长8%，维持在上年全年的增长水平。"
    got = atoms(extract(article(text, "2018-04-20", main="河北省")))
    assert {(f[2], f[3]) for f in got} == {("2018-01", "2018-03")}


def test_the_quarters_from_the_first_on_and_a_date_s_year_not_carried():
    text = ("2022年1月26日，市政府网站发布消息称，2021年1-4季度邢台市生产总值为2427.1亿元，同比增长6.5%。"
            "其中，第一产业增加值为262.8亿元，同比增长6.6%。")
    got = atoms(extract(article(text, None, main="邢台市")))
    assert {(f[1], f[2], f[3]) for f in got} == {("gdp", "2021-01", "2021-12"), ("primary_industry_va", "2021-01", "2021-12")}


def test_a_move_between_two_years_it_states_gives_each_year_its_figure():
    text = "十年来，威县生产总值由2012年的29.77亿元增长到2021年的45.67亿元，累计完成322.4亿元。"
    got = atoms(extract(article(text, None, main="威县")))
    assert {(f[2], f[-1]) for f in got if f[5] == "value"} == {("2012-01", 2.977e9), ("2021-01", 4.567e9)}


def test_the_year_a_sentence_s_figures_were_stated_under_carries_to_the_next():
    text = ("2010年，邢台经济开发区被批准设立，2018年，邢台市实现地区生产总值2150.8亿元，比上年增长6.8%。"
            "其中，第一产业增加值281.35亿元，增长3.7%。")
    got = atoms(extract(article(text, None, main="邢台市")))
    assert {(f[1], f[2]) for f in got} == {("gdp", "2018-01"), ("primary_industry_va", "2018-01")}


def test_a_yearbook_s_edition_year_names_no_period_of_its_figures():
    from ledger.parsing import parse_file
    from ledger.pipeline import enrich

    body = ("2023年威县年鉴\n【概况】2022年，威县总面积1012平方千米。年末，全县户籍总人口60.2万人。"
            "全县地区生产总值192.7亿元，增长5.9%；固定资产投资同比增长16.2%。\n")
    [a] = [enrich(x) for x in parse_file("t.txt", body.encode("utf-8")).articles]
    got = atoms(extract(a))
    assert got and {(f[2], f[3]) for f in got} == {("2022-01", "2022-12")}


def test_the_place_whose_accounts_a_figure_comes_from_is_no_subject():
    text = "根据邢台市地区生产总值统一核算结果，2023年前三季度，地区生产总值为198.96亿元，同比增长7.3%。"
    got = atoms(extract(article(text, "2023-10-30", main="信都区")))
    assert {f[0] for f in got} == {"130503"}


def test_a_list_of_rates_naming_no_indicator_takes_the_one_a_place_s_stated_rate_has():
    text = ("2016年上半年，邢台市GDP增长7.8%，排名全省第一。\n"
            "2016年上半年我省各市主要经济指标出炉，石家庄8.0%、唐山7.3%、邢台7.8%、保定7.6%。")
    got = atoms(extract(article(text, None, main="河北省")))
    y = ("2016-01", "2016-06", "actual")
    assert {("130100", "gdp", *y, "yoy_pct", 8.0), ("130200", "gdp", *y, "yoy_pct", 7.3),
            ("130600", "gdp", *y, "yoy_pct", 7.6)} <= got


def test_the_nominal_rate_in_the_sentence_after_an_increase_over_last_year():
    text = "2018年一季度，威县实现地区生产总值26.76亿元，居全市第二位。同比去年增长了3.24亿元，名义增长速度为15.98%，增速位居全市第三。"
    got = atoms(extract(article(text, "2018-05-08", main="威县")))
    assert ("130533", "gdp", "2018-01", "2018-03", "actual", "yoy_pct", 15.98) in got


def test_the_area_highest_on_a_rate_is_first():
    text = "2018年一季度，全市GDP名义增速最高的地区是宁晋县，宁晋县一季度GDP增长26.35%。"
    got = atoms(extract(article(text, "2018-05-08", main="邢台市")))
    assert ("130528", "gdp", "2018-01", "2018-03", "actual", "rank", 1.0) in got


def test_a_figure_restated_without_a_period_joins_its_dated_statement():
    text = ("2019年，宁晋县GDP总量232.44亿元，人均GDP4.92万元。\n"
            "邢台各县当中，GDP总量最高的县是宁晋县，232.44亿元；GDP总量最少的县是柏乡县，只有11.18亿元。")
    got = atoms(extract(article(text, None, main="邢台市")))
    assert ("130528", "gdp", "2019-01", "2019-12", "actual", "rank", 1.0) in got
    assert not {f for f in got if f[0] == "130528" and f[2] is None}
    assert {f[0] for f in got if f[-1] == 1.118e9} == {"130524"}     # the least is the place after 最少的县是


def test_a_zone_the_gazetteer_does_not_list_named_in_the_title_is_the_article_s_region():
    # '天津开发区' is one word of the segmenter's dictionary; the zone has no division code: kept by its name
    text = ("天津开发区上半年实现地区生产总值1689.5亿\n记者从天津开发区新闻发布会上了解到，今年上半年，天津开发区实现地区生产总值"
            "1689.5亿元，同比增长9.7%。\n上半年，实际利用外资17.9亿美元。第三产业增加值533.3亿元，增长23.9%。"
            "天津开发区位于滨海新区。")
    a = article(text, "2017-08-15", main="滨海新区", title="天津开发区上半年实现地区生产总值1689.5亿")
    got = atoms(extract(a))
    assert ("天津开发区", "gdp", "2017-01", "2017-06", "actual", "value", 168950000000.0) in got
    assert ("天津开发区", "tertiary_industry_va", "2017-01", "2017-06", "actual", "value", 53330000000.0) in got
    assert not [t for t in got if t[0] == "120116"]


def test_positions_above_the_year_s_expected_goal_are_actuals():
    # '高于年度预期目标2.1个百分点': the goal is what the figures are measured against, no target mood
    text = ("一季度，地区生产总值、规模以上工业增加值两项指标增速居全市第一，高于年度预期目标2.1、6.3个百分点，"
            "固定资产投资增速居全市第二，高于年度预期目标13个百分点。")
    got = atoms(extract(article(text, "2023-04-20", main="威县")))
    q1 = ("2023-01", "2023-03")
    assert {("130533", "gdp", *q1, "actual", "rank", 1), ("130533", "fixed_asset_investment", *q1, "actual", "rank", 2)} <= got
    assert not [t for t in got if t[4] == "target"]


def test_an_economic_circle_or_belt_is_a_group_not_a_place():
    text = ("今年上半年成渝地区双城经济圈实现地区生产总值40365.7亿元，同比增长5.6%。"
            "京津冀城市群规模以上工业增加值增长6%。重庆市地区生产总值增长6.1%。")
    got = atoms(extract(article(text, "2024-08-23", main="重庆市")))
    assert {(t[0], t[1], t[5]) for t in got} == {("500000", "gdp", "yoy_pct")}
    from ledger.regions import get_gazetteer
    assert get_gazetteer().resolve("双城") is None        # ('twin cities'; 哈尔滨's 双城区 by its full name)


def test_the_parts_of_a_sector_s_value_added_are_not_the_region_s():
    text = ("2021年，全县实现地区生产总值25.8亿元，增长7.2%。其中，第一产业增加值4.85亿元，增长10.1%。\n"
            "全年全县非公经济增加值达到15.64亿元，增长10.53%，占GDP的比重达到60.62%。其中，第一产业增加值3.16亿元、"
            "增长10.88%，第二产业增加值4.07亿元，第三产业增加值8.41亿元。")
    got = atoms(extract(article(text, "2022-03-01", main="威县")))
    y = ("2021-01", "2021-12", "actual")
    assert ("130533", "primary_industry_va", *y, "value", 485000000.0) in got
    assert not [t for t in got if t[6] in (316000000.0, 407000000.0, 841000000.0)]


def test_a_listed_group_s_averages_are_no_place_s_figures():
    text = ("2009年，“五强区”人口占全省的10.4%，“五强区”平均实现GDP351.49亿元，人均实现GDP 44658元。"
            "“十强县”县均实现GDP142.75亿元。2016年“十强县”的生产总值3028.11亿元。县均生产总值302.81亿元。")
    got = atoms(extract(article(text, "2010-06-01", main="西安市")))
    assert not got


def test_a_second_position_on_the_growth_after_one_on_the_total():
    text = "2021年，昆明虽然GDP总量排第一，在增速上却有所放缓，以3.7%位列第十五名。"
    got = atoms(extract(article(text, "2022-02-01", main="云南省")))
    y = ("2021-01", "2021-12", "actual")
    assert {("530100", "gdp", *y, "rank", 1), ("530100", "gdp", *y, "rank", 15), ("530100", "gdp", *y, "yoy_pct", 3.7)} <= got


def test_a_run_of_places_sharing_one_rate_on_the_paragraph_s_indicator():
    text = ("2021年，16个州市中，GDP增速最快的是曲靖，达到12%。红河、玉溪在2021年也是“快车道”选手，"
            "在增速上均交出了9.1%的成绩单。")
    got = atoms(extract(article(text, "2022-02-01", main="云南省")))
    y = ("2021-01", "2021-12", "actual")
    assert {("532500", "gdp", *y, "yoy_pct", 9.1), ("530400", "gdp", *y, "yoy_pct", 9.1)} <= got


def test_a_place_s_total_said_after_yi_on_the_paragraph_s_indicator():
    text = "2021年，昆明市地区生产总值7222.50亿元，增长3.7%。玉溪市也以2352.30亿元跻身“2000亿”行列。"
    got = atoms(extract(article(text, "2022-02-01", main="云南省")))
    assert ("530400", "gdp", "2021-01", "2021-12", "actual", "value", 235230000000.0) in got
    assert not [t for t in got if t[6] == 200000000000.0]


def test_a_place_heading_a_listed_group_keeps_its_own_figure():
    text = "其中双流县再次居于“十强县”榜首，2012年GDP达到679.1亿元。"
    got = atoms(extract(article(text, "2013-09-01", main="成都市")))
    assert ("510116", "gdp", "2012-01", "2012-12", "actual", "value", 67910000000.0) in got


def test_a_yearbook_entry_opening_on_an_unlisted_zone_is_that_zone_s():
    text = ("概况\n2010年，哈尔滨高新技术产业开发区按照省委、省政府和哈尔滨市委、市政府的部署，扎实开展工作。"
            "全年实现地区生产总值44.3亿元，同比增长20.8%；全社会固定资产投资28.6亿元，同比增长31.3%。")
    got = atoms(extract(article(text, None, main="哈尔滨市")))
    assert ("哈尔滨高新技术产业开发区", "gdp", "2010-01", "2010-12", "actual", "value", 4430000000.0) in got
    assert not [t for t in got if t[0] == "230100"]


def test_a_league_said_as_a_ranking_of_places_each_with_its_figure():
    text = ("2015年，14个市州实现生产总值(GDP)排名为：长沙市8510.13亿元，岳阳市2886.28亿元，常德市2709.02亿元。\n"
            "14市州GDP增速排名为：长沙市同比增长9.9%，湘潭市同比增长9.6%，邵阳市同比增长9.6%，娄底市同比下降0.5%。")
    got = atoms(extract(article(text, "2016-02-02", main="湖南省")))
    y = ("2015-01", "2015-12", "actual")
    assert {("430600", "gdp", *y, "rank", 2), ("430700", "gdp", *y, "rank", 3), ("430100", "gdp", *y, "yoy_pct", 9.9),
            ("430300", "gdp", *y, "yoy_pct", 9.6), ("430300", "gdp", *y, "rank", 2), ("431300", "gdp", *y, "yoy_pct", -0.5)} <= got
    assert not [t for t in got if t[0] == "430000"]


def test_a_cell_per_line_table_goes_on_past_rows_of_other_indicators():
    text = ("1-4月全区主要经济指标完成情况：\n表1 1-4月主要经济指标\n单位\n1-4\n总量\n同比(%)\n"
            "工业总产值\n亿元\n121.0\n6.6\n﹟规模以上工业\n亿元\n112.0\n6.9\n"
            "财政总收入\n亿元\n110.4\n40.2\n﹟区级财政收入\n亿元\n35.0\n38.5\n财政支出\n亿元\n83.2\n26.5\n"
            "固定资产投资额\n亿元\n35.0\n3.0\n")
    got = atoms(extract(article(text, "2018-05-23", main="崇明区")))
    p = ("2018-01", "2018-04", "actual")
    assert {("310151", "fiscal_revenue", *p, "value", 11040000000.0), ("310151", "fiscal_revenue", *p, "yoy_pct", 40.2),
            ("310151", "fixed_asset_investment", *p, "value", 3500000000.0)} <= got


def test_a_bare_term_shortening_the_indicator_the_heading_names():
    # '…公共财政收入大PK' over a page that goes on with the bare 财政收入: that indicator
    text = "2016年1-5月份陕西各市财政收入已公示。西安市财政收入297.67亿元，榆林财政收入87.64亿元。"
    a = article(text, None, main="陕西省", subtitle="陕西各市公共财政收入大PK，末位你肯定想不到")
    got = atoms(extract(a))
    assert ("610100", "general_budget_revenue", "2016-01", "2016-05", "actual", "value", 29767000000.0) in got
    # without such a heading the bare term stays unclassified
    got = atoms(extract(article(text, None, main="陕西省")))
    assert not [t for t in got if t[1] == "general_budget_revenue"]


def test_league_prose_by_bare_positions_after_the_first_place():
    text = ("2021年上半年，青岛市毫无悬念的位居全省第一，实现地区生产总值6539.21亿元。"
            "第二是济南，5198.75亿元，第三为烟台3918.38亿元，第四为潍坊3269.29亿元。")
    got = atoms(extract(article(text, None, main="山东省")))
    h1 = ("2021-01", "2021-06", "actual")
    assert {("370200", "gdp", *h1, "rank", 1), ("370100", "gdp", *h1, "rank", 2), ("370100", "gdp", *h1, "value", 519875000000.0),
            ("370600", "gdp", *h1, "rank", 3), ("370700", "gdp", *h1, "rank", 4)} <= got


def test_places_after_qizhong_contributing_their_dealt_figures():
    text = ("2023年前三季度，京津冀地区的生产总值达到79039.9亿元，其中北京、天津和河北分别贡献33462.0亿元、12673.9亿元和32904.0亿元，"
            "同比分别增长5.1%、4.7%和5.0%。")
    got = atoms(extract(article(text, None, main="河北省")))
    q = ("2023-01", "2023-09", "actual")
    assert {("110000", "gdp", *q, "value", 3346200000000.0), ("120000", "gdp", *q, "yoy_pct", 4.7),
            ("130000", "gdp", *q, "value", 3290400000000.0)} <= got


def test_a_heading_s_above_size_indicator_does_not_rename_the_all_industry_one():
    text = "1至9月，全市规模以上工业增加值143.12亿元，同比增长9.8%。其中烟草工业增加值42.19亿元，同比增长1.4%。"
    a = article(text, "2014-10-26", main="梅州市", subtitle="3县规模以上工业增加值增长较快")
    got = atoms(extract(a))
    assert ("441400", "industrial_value_added", "2014-01", "2014-09", "actual", "value", 14312000000.0) in got
    assert not [t for t in got if t[1] == "industrial_value_added" and t[6] in (4219000000.0, 1.4)]


def test_places_leading_the_region_with_rates_dealt_and_the_first_positions_they_hold():
    text = "2021年哈密市、博州、伊犁州领涨全区经济，地区生产总值增速分别为10.1%、9.2%、8.6%，位居前三位。"
    got = atoms(extract(article(text, None, main="新疆维吾尔自治区")))
    y = ("2021-01", "2021-12", "actual")
    assert {("650500", "gdp", *y, "yoy_pct", 10.1), ("652700", "gdp", *y, "yoy_pct", 9.2), ("652700", "gdp", *y, "rank", 2),
            ("654000", "gdp", *y, "rank", 3)} <= got
    assert not [t for t in got if t[0] == "650000"]


def test_a_place_s_growth_said_with_gaoda_after_its_position_on_the_paragraph_s_indicator():
    text = ("2018年，从全省来看，只有兰州的GDP超过千亿，其他13个市州的GDP都在1000亿元以下。"
            "从增速来看，嘉峪关增速位居全省第一，名义增速高达42%，增量为88.6亿元，位居全省第三。")
    got = atoms(extract(article(text, "2019-03-05", main="甘肃省")))
    y = ("2018-01", "2018-12", "actual")
    assert {("620200", "gdp", *y, "yoy_pct", 42.0), ("620200", "gdp", *y, "rank", 1)} <= got
    assert not [t for t in got if t[6] == 8860000000.0]


def test_leading_without_a_scope_is_no_position():
    text = ("2015年一季度，威县经济呈现平稳增长态势，地区生产总值达51.88亿元，同比增长7.9%。在招商引资政策推动下，"
            "三大产业结构持续优化，第二产业增速领跑，第三产业贡献率稳步提升。\n二、工业主导作用显著\n"
            "第二产业增加值27.68亿元，同比增长9.3%。")
    got = atoms(extract(article(text, "2015-04-20", main="威县")))
    assert ("130533", "secondary_industry_va", "2015-01", "2015-03", "actual", "yoy_pct", 9.3) in got
    assert not [t for t in got if t[5] == "rank"]
    led = atoms(extract(article("2015年一季度，威县地区生产总值增速领跑全市，同比增长9.3%。", "2015-04-20", main="威县")))
    assert ("130533", "gdp", "2015-01", "2015-03", "actual", "rank", 1) in led
    group = atoms(extract(article("2015年一季度，威县地区生产总值增速领跑冀南八县，同比增长9.3%。", "2015-04-20", main="威县")))
    assert ("130533", "gdp", "2015-01", "2015-03", "actual", "rank", 1) in group


def test_a_growth_over_a_base_year_stated_with_its_figure_is_no_yearly_rate():
    text = "2016年，全市地区生产总值4418亿元，比2000年的150亿元增长15.4倍，年均增长18.6%。"
    got = atoms(extract(article(text, "2017-03-01", main="鄂尔多斯市")))
    assert ("150600", "gdp", "2016-01", "2016-12", "actual", "value", 441800000000.0) in got
    assert not [t for t in got if t[5] == "yoy_pct"]


def test_the_fastest_growth_in_a_paragraph_after_a_list_the_indicator_leads():
    text = ("2022年福建83个区县GDP从高到低依次排列为：晋江市3207.43亿元，鼓楼区2609.06亿元，蕉城区1261.51亿元。\n"
            "其中全年增幅率最高的是蕉城区14.83%，其次福清市13.46%。")
    got = atoms(extract(article(text, None, main="福建省")))
    y = ("2022-01", "2022-12", "actual")
    assert {("350902", "gdp", *y, "yoy_pct", 14.83), ("350181", "gdp", *y, "yoy_pct", 13.46)} <= got


def test_places_sharing_one_rate_with_jun_and_a_tied_position():
    text = "2022年，在浙江山区26县中，遂昌县、庆元县GDP均增长5.9%，并列山区26县第4位。"
    got = atoms(extract(article(text, None, main="丽水市")))
    y = ("2022-01", "2022-12", "actual")
    assert {("331123", "gdp", *y, "yoy_pct", 5.9), ("331126", "gdp", *y, "yoy_pct", 5.9),
            ("331123", "gdp", *y, "rank", 4), ("331126", "gdp", *y, "rank", 4)} <= got


def test_a_position_moved_forward_from_one_to_another():
    text = "2022年我省地区生产总值32074.7亿元，同比增长4.7%，全国排名由第18位前移至第15位。"
    got = atoms(extract(article(text, None, main="江西省")))
    assert ("360000", "gdp", "2022-01", "2022-12", "actual", "rank", 15) in got
    assert not [t for t in got if t[5] == "rank" and t[6] == 18]


def test_a_place_placed_in_its_named_province_on_the_paragraph_s_indicator():
    text = ("2022年我省地区生产总值32074.7亿元，同比增长4.7%。从地区数据排名看，南昌顺利突破7000亿元大关，"
            "稳居江西省第一位。赣州位列第二。")
    got = atoms(extract(article(text, None, main="江西省")))
    y = ("2022-01", "2022-12", "actual")
    assert {("360100", "gdp", *y, "rank", 1), ("360700", "gdp", *y, "rank", 2)} <= got
    assert not [t for t in got if t[1] == "gdp" and t[5] == "value" and t[6] == 700000000000.0]


def test_a_range_said_as_an_interval_and_the_highest_after_a_bracketed_figure():
    text = "2023年，沙河市、清河县等县市GDP集中在100亿至200亿元区间，其中沙河市人均GDP(5.11万元)全市最高。"
    got = atoms(extract(article(text, None, main="邢台市")))
    y = ("2023-01", "2023-12", "actual")
    assert got == {("130582", "gdp_per_capita", *y, "value", 51100.0), ("130582", "gdp_per_capita", *y, "rank", 1)}


def test_a_move_over_a_plan_s_span_reaches_its_last_year_s_figure():
    text = "“十三五”期间，县内生产总值从136.1亿元增加至269.7亿元、年均增长10.29%。"
    got = atoms(extract(article(text, "2021-06-10", main="陆良县")))
    assert ("530322", "gdp", "2020-01", "2020-12", "actual", "value", 26970000000.0) in got
    assert ("530322", "gdp", "2016-01", "2020-12", "actual", "cagr_pct", 10.29) in got
    assert not [t for t in got if t[2] == "2016-01" and t[5] == "value"]


def test_investment_over_the_limit_is_the_investment_statistic_itself():
    # '限额以上' scopes fixed-asset investment to projects over the statistical limit, the figure the county
    # reports; before retail sales it still names a part (the enterprises over the limit)
    got = atoms(extract(article("2020年，限额以上固定资产投资53.94亿元，同比增长1%；限上社会消费品零售额5.1亿元，增长3%。",
                                main="威县")))
    assert ("130533", "fixed_asset_investment", "2020-01", "2020-12", "actual", "value", 5394000000.0) in got
    assert not any(a[1] == "retail_sales" for a in got)


def test_a_term_naming_two_indicators_deals_two_joined_figures_in_order_without_fenbie():
    # '城镇、农村居民人均可支配收入X元、Y元，增长a%和b%': 、/和 between the two figures deals them as 分别 does
    for text in ("前三季度，城镇、农村居民人均可支配收入28204.9元、9106.3元，增长8.1%和11%。",
                 "前三季度，城乡居民人均可支配收入28204.9元和9106.3元，增长8.1%和11%。"):
        got = atoms(extract(article(text, published_at="2021-11-18", main="威县")))
        assert ("130533", "disposable_income_urban", "2021-01", "2021-09", "actual", "value", 28204.9) in got, text
        assert ("130533", "disposable_income_rural", "2021-01", "2021-09", "actual", "yoy_pct", 11.0) in got, text
    # one figure after 城乡 stays all residents'
    got = atoms(extract(article("前三季度，城乡居民人均可支配收入28204.9元，增长8.1%。", published_at="2021-11-18", main="威县")))
    assert ("130533", "disposable_income", "2021-01", "2021-09", "actual", "value", 28204.9) in got


def test_a_goal_said_to_be_in_reach_does_not_make_the_figures_before_it_targets():
    text = "前三季度，全县地区生产总值28.9亿元，增长8.1%，主要经济指标年底均可实现预期目标。"
    got = atoms(extract(article(text, published_at="2021-11-18", main="威县")))
    assert ("130533", "gdp", "2021-01", "2021-09", "actual", "value", 2890000000.0) in got
    # in a later ；-part, the comment's 年底 is not the period of the figures before it
    text = ("前三季度，全县完成地区生产总值28.9亿元，增长8.1%；城镇、农村居民人均可支配收入28204.9元、9106.3元，"
            "增长8.1%和11%，主要经济指标年底均可实现预期目标。")
    got = atoms(extract(article(text, published_at="2021-11-18", main="威县")))
    assert ("130533", "disposable_income_rural", "2021-01", "2021-09", "actual", "value", 9106.3) in got
    # a target word of its own still marks a target
    got = atoms(extract(article("今年，全县地区生产总值力争增长8.1%，确保能实现全年目标。", published_at="2021-03-18", main="威县")))
    assert ("130533", "gdp", "2021-01", "2021-12", "target", "yoy_pct", 8.1) in got


def test_the_year_a_report_looks_back_on_dates_the_review_paragraphs_below_it():
    text = ("4月20日上午，威县第十八届人民代表大会第四次会议开幕。\n"
            "会上，县长代表县人民政府作政府工作报告。他指出，过去一年，在县委坚强领导下，全县经济社会发展呈现良好态势。\n"
            "经济运行质量明显提升。规模工业增加值增长4.3%，增幅位居全市第一；完成县内固定资产投资40.68亿元。\n"
            "关于今年的政府工作\n今年，全县地区生产总值力争增长7%。")
    got = atoms(extract(article(text, published_at="2018-04-24", main="威县")))
    assert ("130533", "fixed_asset_investment", "2017-01", "2017-12", "actual", "value", 4068000000.0) in got
    assert ("130533", "gdp", "2018-01", "2018-12", "target", "yoy_pct", 7.0) in got


def test_the_whole_a_place_contributes_to_is_no_subject_of_the_parts_after_it():
    text = "2023年，全市GDP增长6.3%，对全省经济增长贡献率达13%，为历年最高；规模以上工业增加值增长14.6%，排名全省第1。"
    got = atoms(extract(article(text, published_at="2024-03-11", main="抚州市")))
    assert ("361000", "industrial_value_added", "2023-01", "2023-12", "actual", "yoy_pct", 14.6) in got
    assert ("361000", "industrial_value_added", "2023-01", "2023-12", "actual", "rank", 1.0) in got


def test_the_prefecture_s_party_committee_deciding_is_no_subject_of_a_county_s_figures():
    # '…省委省政府和吕梁市委市政府决策部署…' and the county's own figures in one run-on sentence (a line joined
    # without a full stop), then the paragraph's figures that name no place
    text = ("2022年是汾阳发展史上极不平常的一年。在市委的坚强领导下，我们全面贯彻省委省政府和吕梁市委市政府决策部署，"
            "高质量发展迈出坚实步伐一年来，我们克服困难，惠及5.3万市场主体，解决企业诉求230个。"
            "地区生产总值达到264.7亿元，规模以上工业增加值同比增长13.5%排名稳居吕梁前三。")
    got = atoms(extract(article(text, published_at="2023-04-02", main="汾阳市")))
    assert ("141182", "gdp", "2022-01", "2022-12", "actual", "value", 26470000000.0) in got
    assert ("141182", "industrial_value_added", "2022-01", "2022-12", "actual", "yoy_pct", 13.5) in got
    assert not any(a[0] == "141100" for a in got)


def test_energy_used_per_unit_of_output_is_no_growth_of_the_output():
    text = "2022年，万元GDP能耗下降17%，单位地区生产总值二氧化碳排放下降3%，单位地区生产总值综合能耗下降4%；全县地区生产总值增长5%。"
    got = atoms(extract(article(text, published_at="2023-04-02", main="威县")))
    assert {a for a in got if a[1] == "gdp"} == {("130533", "gdp", "2022-01", "2022-12", "actual", "yoy_pct", 5.0)}


def test_a_place_s_aim_as_a_noun_sets_no_target_mood():
    text = ("2024年以来，威县聚焦打造区域物流枢纽目标定位，真抓实干，高质量发展取得明显成效。"
            "全县地区生产总值82.51亿元，增长6.3%。")
    got = atoms(extract(article(text, published_at=None, main="威县")))
    assert ("130533", "gdp", "2024-01", "2024-12", "actual", "value", 8251000000.0) in got


def test_an_event_named_after_a_place_is_no_subject_nor_vote_for_the_page_s_region():
    text = ("六年来，州人民政府团结带领全州各族人民，有效化解国际金融危机的不利影响，积极应对拉萨‘3·14’事件等严峻挑战，"
            "描绘迪庆未来的发展蓝图，地区生产总值从2005年的28.02亿元增加到2011年的95.2亿元。")
    ex = extract(article(text, published_at=None, main="迪庆藏族自治州"))
    assert {(f.region_code, f.period_start) for f in ex.facts if f.metric == "gdp"} == {("533400", "2005-01"), ("533400", "2011-01")}
    from ledger.regions import get_gazetteer
    assert get_gazetteer().main_region(None, text) == ("533400", "迪庆藏族自治州")


def test_a_base_year_and_a_group_a_position_moved_in_are_neither_period_nor_subject():
    text = ("在上一年度主要经济指标快速增长的基础上，2021年全县经济继续保持快速发展的良好态势。"
            "完成地区生产总值143.29亿元，同比增长10.5%，增速排名全市第二，经济总量在各县(区)中实现前移一位；"
            "一、二、三产业增加值分别比增11.2%、18%、7%。")
    got = atoms(extract(article(text, published_at="2023-03-02", main="威县")))
    assert ("130533", "gdp", "2021-01", "2021-12", "actual", "value", 14329000000.0) in got
    assert ("130533", "secondary_industry_va", "2021-01", "2021-12", "actual", "yoy_pct", 18.0) in got


def test_a_programme_s_quoted_name_with_mubiao_sets_no_target_mood():
    text = ("2022年，县政府坚定实施“三大战略”，加速奋进“三大目标”，全县各项事业平稳有序发展。"
            "全年实现地区生产总值203.65亿元、增长5.1%。")
    got = atoms(extract(article(text, published_at="2023-01-08", main="威县")))
    assert ("130533", "gdp", "2022-01", "2022-12", "actual", "value", 20365000000.0) in got


def test_an_infobox_s_former_names_head_no_section():
    text = "九江市\n行政区划代码360400\n舊稱柴桑寻阳江州\n国内生产总值(2022)¥4026.6亿元(全省第3位\n"
    got = atoms(extract(article(text, published_at=None, main="九江市")))
    assert ("360400", "gdp", "2022-01", "2022-12", "actual", "value", 402660000000.0) in got
    assert not any(a[0] == "360404" for a in got)
