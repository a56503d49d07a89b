"""Per-county lists and assessment notices as real pages state them (FACTS.md sections 4 and 7).

Every sentence here is written for these tests, in the style of the notices and reviews read."""
from ledger.extraction import extract
from tests.extraction.helpers import article, atoms


def rows(ex):
    return {(r.region_code or r.region_name, r.year, r.bucket) for r in ex.rankings}


# ---------------------------------------------------------------- place-figure lists
def test_top_and_bottom_lists_under_a_metric_heading():
    text = ("(一)固定资产投资。1-6月份十县完成210.5亿元，同比增长12.1%。总量前三位的县是：威县31.2亿元、"
            "清河县28.4亿元、临西县25.0亿元，总量后三位的县是：广宗县9.8亿元、巨鹿县10.2亿元、平乡县11.4亿元；"
            "增速前三位的县是：平乡县18.5%、巨鹿县16.1%、威县15.0%，增速后三位的县是临西县持平、清河县6.5%、广宗县7.1%。")
    got = atoms(extract(article(text, published_at="2019-07-20", main="邢台市")))
    p = ("2019-01", "2019-06", "actual")
    assert ("130533", "fixed_asset_investment", *p, "value", 3120000000.0) in got
    assert ("130533", "fixed_asset_investment", *p, "rank", 1.0) in got
    assert ("130534", "fixed_asset_investment", *p, "rank", 2.0) in got
    assert ("130531", "fixed_asset_investment", *p, "value", 980000000.0) in got
    assert ("130531", "fixed_asset_investment", *p, "rank", 1.0) not in got      # bottom lists rank nobody
    assert ("130532", "fixed_asset_investment", *p, "yoy_pct", 18.5) in got
    assert ("130532", "fixed_asset_investment", *p, "rank", 1.0) in got
    assert ("130535", "fixed_asset_investment", *p, "yoy_pct", 0.0) in got      # 持平
    # the group total (十县) is no county's figure
    assert not any(a[-1] == 21050000000.0 for a in got)


def test_an_ordered_list_of_places_and_values():
    text = "2021年全省各县GDP从高到低依次为：迁安市1200.5亿元，武安市980.2亿元，三河市870.4亿元。"
    got = atoms(extract(article(text, published_at=None, main="河北省")))
    assert ("130283", "gdp", "2021-01", "2021-12", "actual", "value", 120050000000.0) in got
    assert ("130481", "gdp", "2021-01", "2021-12", "actual", "rank", 2.0) in got
    assert ("131082", "gdp", "2021-01", "2021-12", "actual", "rank", 3.0) in got
    assert not any(a[0] == "130000" for a in got)   # the province gets none of its counties' figures


def test_percentages_need_a_growth_lead_in():
    text = "2022年，全市规上工业增加值占比较高的县是：威县35.2%、清河县30.1%。"
    assert not atoms(extract(article(text, published_at="2023-02-01", main="邢台市")))


# ---------------------------------------------------------------- assessment notices
def test_a_fully_ordered_list_with_a_zone_the_gazetteer_lacks():
    text = ("2020年全年观摩综合评价结果县(市)组，从第一名到第四名依次为：武陟县、示范区、修武县、博爱县；"
            "城区组，从第一名到第二名依次为：中站区、山阳区。")
    ex = extract(article(text, published_at="2021-01-14", main="焦作市"))
    assert rows(ex) == {("410823", 2020, "top1"), ("示范区", 2020, "top2"), ("410821", 2020, "top3"),
                        ("410822", 2020, "top4"), ("410803", 2020, "top1"), ("410811", 2020, "top2")}


def test_positions_in_an_article_about_a_national_assessment():
    text = ("某研究所发布了《2018年县域经济竞争力评价报告》。昆山市居第1位，江阴市居第2位，"
            "张家港市、常熟市分别居第3位和第4位。福建入选的县市为晋江市(第5位)、福清市(第30位)。")
    ex = extract(article(text, published_at="2019-09-01", title="《2018年县域经济竞争力评价报告》发布"))
    assert rows(ex) == {("320583", 2018, "top1"), ("320281", 2018, "top2"), ("320582", 2018, "top3"),
                        ("320581", 2018, "top4"), ("350582", 2018, "top5"), ("350181", 2018, "top30")}


def test_positions_without_a_contest_or_of_a_metric_are_no_rankings():
    # no contest named anywhere: a position alone ranks nothing
    assert not extract(article("威县居第3位。", published_at="2023-01-01", main="邢台市")).rankings
    # a metric's rank is a fact, not a contest placing
    text = "《2022年度县域经济考核结果》公布。威县地区生产总值居第3位。"
    ex = extract(article(text, published_at="2023-01-01", main="邢台市"))
    assert not ex.rankings


def test_membership_of_a_top_group():
    text = "近日，省里公示了考评结果，其中，威县、清河县、沙河市拟入围2019年度县域经济发展“10强县”。"
    ex = extract(article(text, published_at="2019-11-20", main="邢台市"))
    assert rows(ex) == {("130533", 2019, "top10"), ("130534", 2019, "top10"), ("130582", 2019, "top10")}
    # a count of places is not the places
    ex = extract(article("《2019县域经济百强》出炉，邢台两地上榜全国百强。", published_at="2019-12-16", main="邢台市"))
    assert not ex.rankings


# ---------------------------------------------------------------- region and kind on real reports
def test_a_scope_word_before_a_rank_is_no_subject():
    text = "2021年，全区经济持续健康发展，地区生产总值继续全市领跑，完成120.5亿元；一般公共预算收入完成3.2亿元，同比增长9%。"
    got = atoms(extract(article(text, published_at="2022-01-20", main="张家口市桥东区")))
    assert ("130702", "general_budget_revenue", "2021-01", "2021-12", "actual", "value", 320000000.0) in got
    assert not any(a[0] == "130700" for a in got)


def test_the_authors_own_government_names_the_page_and_companies_do_not():
    from ledger.regions import get_gazetteer

    text = ("各位代表：现在，我代表上杭县人民政府，向大会报告政府工作。引进落地宁德时代新型锂盐项目，"
            "宁德时代二期开工，宁德时代三期签约。")
    assert get_gazetteer().main_region(None, text)[0] == "350823"
    text = "张家口市桥东区人民政府区长 某某\n全区地区生产总值增长7%。"
    assert get_gazetteer().main_region(None, text)[0] == "130702"


def test_an_estimate_under_a_review_heading_is_an_actual():
    text = "一、2021年工作回顾\n预计实现地区生产总值391亿元，增长8.6%。\n二、2022年工作安排\n预计地区生产总值增长7%。"
    got = atoms(extract(article(text, published_at=None, main="上杭县")))
    assert ("350823", "gdp", "2021-01", "2021-12", "actual", "value", 39100000000.0) in got
    assert any(a[4] == "target" and a[5] == "yoy_pct" for a in got)


def test_a_province_review_of_its_cities():
    from ledger.regions import get_gazetteer

    text = ("2022年我省地区生产总值32000.5亿元，同比增长4.7%。南昌市完成7200亿元，赣州市完成4500亿元，"
            "九江市完成3700亿元，宜春市完成3400亿元，上饶市完成3300亿元。")
    main = get_gazetteer().main_region("江西省统计局公布各设区市经济成绩单", text)
    assert main[0] == "360000"
    got = atoms(extract(article(text, published_at=None, main="江西省")))
    assert ("360000", "gdp", "2022-01", "2022-12", "actual", "value", 3200050000000.0) in got
    # a place named right before 全省 is the subject ("河北全省共实现…")
    got = atoms(extract(article("2021年，河北全省共实现一般公共预算收入4100.5亿元。", published_at=None, main="邢台市")))
    assert ("130000", "general_budget_revenue", "2021-01", "2021-12", "actual", "value", 410050000000.0) in got


def test_a_list_in_brackets_under_a_lead_in_ending_with_a_colon():
    text = ("根据2022年公布的各区县GDP数据，从高到低依次排列为：\n(资料图)\n"
            "青山湖区(2466亿元)，南昌县(1280.35亿元)，章贡区(1154.61亿元)。")
    got = atoms(extract(article(text, published_at=None, main="江西省")))
    assert ("360111", "gdp", "2022-01", "2022-12", "actual", "value", 246600000000.0) in got
    assert ("360121", "gdp", "2022-01", "2022-12", "actual", "rank", 2.0) in got
    assert ("360702", "gdp", "2022-01", "2022-12", "actual", "rank", 3.0) in got


def test_one_region_code_under_two_names_is_one_fact():
    # 江西 and 江西省 are one region: the same figure under both names is one atomic fact
    text = "2022年江西地区生产总值32074.7亿元。2022年江西省地区生产总值32074.7亿元，增长4.7%。"
    facts = extract(article(text, published_at=None, main="江西省")).facts
    gdp = [f for f in facts if f.metric == "gdp" and f.value]
    assert len(gdp) == 1 and gdp[0].yoy_pct == 4.7


def test_an_ordered_assessment_list_and_the_year_of_the_contest_not_of_the_notice():
    text = ("省统计局对2012年度全省县域经济发展情况进行了考核评价。2013年7月18日，省政府发布该通报。\n"
            "一、A类县(市)考核评价结果\n根据考核评价办法综合评价，A类县(市)评价结果依次为：孝义市、柳林县、沁水县。\n"
            "全省B类县域考核评价结果从高到低依次为\n清徐县、太谷县、汾阳市。")
    ex = extract(article(text, published_at="2013-07-29", main="山西省"))
    assert rows(ex) == {("141181", 2012, "top1"), ("141125", 2012, "top2"), ("140521", 2012, "top3"),
                        ("140121", 2012, "top1"), ("140703", 2012, "top2"), ("141182", 2012, "top3")}


def test_a_metric_order_is_no_contest():
    text = "《2022年县域经济排行榜》发布。2022年各县GDP从高到低依次为：迁安市、武安市、三河市。"
    assert not extract(article(text, published_at="2023-01-01", main="河北省")).rankings


def test_membership_named_before_the_list_and_becoming_a_member():
    text = "省委通报了2021年度县域经济考核结果。“县域经济10强”(不含市辖区)分别是：楚雄市、弥勒市、个旧市。"
    ex = extract(article(text, published_at="2021-12-29", main="云南省"))
    assert rows(ex) == {("532301", 2021, "top10"), ("532504", 2021, "top10"), ("532501", 2021, "top10")}
    text = "省统计局通报2015年县级经济综合评价结果，龙泉驿区、双流区、涪城区成为“十强县”。"
    ex = extract(article(text, published_at="2015-10-21", main="四川省"))
    assert {b for _, _, b in rows(ex)} == {"top10"} and len(rows(ex)) == 3


def test_a_contest_table_gives_each_place_its_rank_column():
    from ledger.parsing import parse_file
    from ledger.pipeline import enrich

    page = ("2023赛迪百强县评价结果发布，浙江共有3个县市入选。\n序号 | 全国排名 | 县(市、旗) |\n"
            "1 | 7 | 慈溪市 |\n2 | 11 | 义乌市 |\n3 | 12 | 诸暨市 |\n")
    arts = [enrich(a) for a in parse_file("t.txt", page.encode("utf-8")).articles]
    got = set().union(*(rows(extract(a)) for a in arts))
    assert got == {("330282", 2023, "top7"), ("330782", 2023, "top11"), ("330681", 2023, "top12")}


def test_short_names_before_their_own_self_words_and_conjunctions_before_county_words():
    from ledger.regions import get_gazetteer

    g = get_gazetteer()
    assert [(m.surface, m.region.code) for m in g.find_mentions("上半年，缙云全县上下攻坚克难")] == [("缙云", "331122")]
    assert not g.find_mentions("在市委市政府和县委的坚强领导下")     # 和 + 县委, not 和县
    assert [m.region.code for m in g.find_mentions("和县经济运行平稳")] == ["340523"]


def test_a_spaced_out_name_line_is_read_as_one_name():
    from ledger.parsing.plaintext import prepare_lines, PageInfo

    assert prepare_lines(["三 河 市", "衡 水 市  统  计 局", "全县 经济 平稳"], PageInfo())[:2] == ["三河市", "衡水市统计局"]


def test_a_table_run_into_one_line_and_split_places_won():
    text = ("某研究所公布了“2020第二十届全国县域经济与县域综合发展前100名”。\n"
            "序号 | 城市名称 | 序号 | 城市名称 | 1 | 江苏昆山市 | 51 | 江苏句容市 | 2 | 江苏张家港市 | 52 | 四川西昌市 |")
    ex = extract(article(text, published_at=None))
    assert rows(ex) == {("320583", 2020, "top1"), ("321183", 2020, "top51"), ("320582", 2020, "top2"),
                        ("513401", 2020, "top52")}
    text = "2020年重点项目观摩评比结果公布。在全市8个县中，沈丘排名第一，商水、郸城分别获得第二名和第三名。"
    ex = extract(article(text, published_at="2021-02-25", main="周口市"))
    assert rows(ex) == {("411624", 2020, "top1"), ("411623", 2020, "top2"), ("411625", 2020, "top3")}


def test_an_indicator_league_is_no_contest():
    text = "2021年全省实现地区生产总值27146.76亿元。\n昆明市以7222.50亿领跑全省\n曲靖市排名第二"
    ex = extract(article(text, published_at=None, title="云南16州(市)GDP数据出炉，排名公布", main="云南省"))
    assert not ex.rankings


def test_the_three_industries_abbreviated_and_a_term_inside_a_place_name():
    text = "2023年枣庄市GDP总量为2156.74亿元，其第一、二、三产业增加值分别为200.82亿元、822.86亿元、1133.06亿元。"
    got = atoms(extract(article(text, published_at=None, main="山东省")))
    y = ("2023-01", "2023-12", "actual")
    assert ("370400", "gdp", *y, "value", 215674000000.0) in got
    assert ("370400", "secondary_industry_va", *y, "value", 82286000000.0) in got
    assert ("370400", "tertiary_industry_va", *y, "value", 113306000000.0) in got
    # 聊城市居民… is 聊城市 + 居民人均可支配收入, not 聊 + 城市居民人均可支配收入 (urban)
    got = atoms(extract(article("2023年聊城市居民人均可支配收入27469元。", published_at=None, main="山东省")))
    assert got == {("371500", "disposable_income", *y, "value", 27469.0)}


def test_groups_of_counties_named_by_a_count_and_estimates_on_undated_pages():
    text = "前三季度，45个产业功能县实现生产总值9581.05亿元，同比增长6.1%。经济总量排名前十的县实现生产总值5264.84亿元。"
    assert not atoms(extract(article(text, published_at="2019-10-30", main="陕西省")))
    a = article("一季度，阿拉善左旗地区生产总值预计完成17.12亿元，增长2.6%。", published_at=None, main="阿拉善左旗")
    assert {f.kind for f in extract(a).facts} == {"actual"}


def test_a_place_ranked_in_its_own_clause_and_a_threshold_passed_before_the_figure():
    text = "从各市来看，杭州、宁波GDP总量超千亿，其中，杭州排名第一，GDP总量逼近3000亿元，达到2923.2亿元，同比增长7.4%。"
    got = atoms(extract(article(text, published_at="2018-05-16", main="浙江省")))
    assert ("330100", "gdp", None, None, "actual", "value", 292320000000.0) in got
    assert not any(a[-1] == 300000000000.0 for a in got)


def test_the_county_of_a_page_that_never_names_it_has_no_code():
    text = "2023年是全面贯彻党的二十大精神的开局之年。全县生产总值443.9亿元，增长5.7%。安徽省经济稳中有进。"
    facts = extract(article(text, published_at=None, main="安徽省")).facts
    assert facts and all(f.region_code is None for f in facts)


def test_a_leader_with_its_figure_and_the_rest_placed_after_it():
    text = ("2023年邢台市各县GDP排名中，信都区以365.90亿元位居榜首，宁晋县(330.21亿元)、襄都区(277.20亿元)"
            "和清河县(172.90亿元)分列前四。")
    got = atoms(extract(article(text, published_at=None, main="邢台市")))
    y = ("2023-01", "2023-12", "actual")
    assert ("130503", "gdp", *y, "value", 36590000000.0) in got and ("130503", "gdp", *y, "rank", 1.0) in got
    assert ("130528", "gdp", *y, "rank", 2.0) in got and ("130534", "gdp", *y, "rank", 4.0) in got


def test_a_place_compared_against_is_no_subject():
    text = ("2022年，全区地区生产总值达262亿元，增长7.2%，分别比全国、自治区和全市高4.2、4.3和3.2个百分点，"
            "一产增加值增长4.9%，排全市第二。")
    got = atoms(extract(article(text, published_at="2023-03-29", main="万秀区")))
    assert ("450403", "primary_industry_va", "2022-01", "2022-12", "actual", "yoy_pct", 4.9) in got
    assert not any(a[0] == "450400" for a in got)


def test_a_ranking_stated_as_排名为_is_ordered():
    text = "省统计局发布2015年县级经济综合评价结果。根据综合评价结果显示，四川十强县排名为：龙泉驿区、双流区、涪城区。"
    ex = extract(article(text, published_at="2016-10-20", main="四川省"))
    assert rows(ex) == {("510112", 2015, "top1"), ("510116", 2015, "top2"), ("510703", 2015, "top3")}


def test_a_short_name_the_text_repeats_counts_in_any_province():
    from ledger.regions import get_gazetteer

    text = "缙云发展势头良好。缙云工业增长较快。缙云旅游持续火热。"
    assert {m.region.code for m in get_gazetteer().find_mentions(text)} == {"331122"}
    assert not get_gazetteer().find_mentions("缙云发展势头良好。")   # once is not enough outside its home province


def test_a_term_the_article_defines_by_an_indicator_in_brackets():
    text = ("2025年1-8月份，河北全省共实现地方财政收入(一般公共预算收入)3112.2亿元，同比增长率为1.8%。"
            "石家庄地方财政收入累计金额达到了525.9亿元。")
    got = atoms(extract(article(text, published_at=None, main="河北省")))
    p = ("2025-01", "2025-08", "actual")
    assert ("130000", "general_budget_revenue", *p, "yoy_pct", 1.8) in got
    assert ("130100", "general_budget_revenue", *p, "value", 52590000000.0) in got
    # without the definition the loose term stays what it is
    assert {a[1] for a in atoms(extract(article("石家庄地方财政收入累计525.9亿元。", published_at="2025-09-30",
                                                 main="河北省")))} == {"other"}


def test_a_part_of_the_economy_is_not_the_regions_indicator():
    text = ("2020年，全县第一产业增加值46.3亿元，增长6.6%。民营经济中，第一产业增加值5.8亿元，增长6.7%，"
            "第二产业增加值37.3亿元，增长5.4%。")
    got = atoms(extract(article(text, published_at="2021-06-28", main="承德县")))
    assert ("130821", "primary_industry_va", "2020-01", "2020-12", "actual", "value", 4630000000.0) in got
    assert not any(a[-1] in (580000000.0, 3730000000.0) for a in got)


def test_a_place_after_a_rank_verb_is_a_scope_and_two_counties_are_a_group():
    text = "2023年枣庄市GDP总量为2156.74亿元，位列山东省倒数第一，其第一、二、三产业增加值分别为200.82亿元、822.86亿元、1133.06亿元。"
    got = atoms(extract(article(text, published_at=None, main="山东省")))
    assert ("370400", "primary_industry_va", "2023-01", "2023-12", "actual", "value", 20082000000.0) in got
    assert not any(a[0] == "370000" for a in got)
    got = atoms(extract(article("2023年聊城有两个区县GDP未超过200亿元。", published_at=None, main="聊城市")))
    assert not got


def test_league_prose_places_region_after_region_on_the_paragraph_indicator():
    a = article("2022年我省地区生产总值32074.7亿元，同比增长4.7%。南昌稳居全省第一位。赣州位列第二，九江位列第三，"
                "宜春位列第四、上饶位列第五。", published_at=None, title="2022年各设区市经济成绩单", main="江西省")
    got = atoms(extract(a))
    for code, rank in (("360700", 2), ("360400", 3), ("360900", 4), ("361100", 5)):
        assert (code, "gdp", "2022-01", "2022-12", "actual", "rank", rank) in got


def test_league_prose_leaves_contests_and_other_paragraphs_alone():
    a = article("全县地区生产总值增长6.2%。在全市项目观摩评比中，威县位列第二。\n威县位列第三。",
                published_at="2023-07-25", main="威县")
    got = atoms(extract(a))
    assert not [t for t in got if t[5] == "rank"]


def test_a_contest_with_no_determinable_year_has_year_0():
    ex = extract(article("在全市重点项目观摩评比中，威县位列第一，清河县位列第二。", published_at=None, main="邢台市"))
    assert {("130533", 0, "top1"), ("130534", 0, "top2")} <= rows(ex)


def test_split_positions_after_a_group_count_and_mirror_commas():
    text = ("在新发布的工业百强县榜单中，其中,,威县,、清河县、临西县,、南宫市四县排在前六十名,,"
            "分列第21位,、第34位、第40位,、第51位,。")
    from ledger.parsing import parse_file
    [a] = parse_file("m.txt", ("2018年工业百强县发布\n" + text + "\n").encode()).articles
    assert "威县、清河县" in a.text and ",," not in a.text        # stray commas before a mark dropped
    a.main_region_code, a.main_region_name = "130500", "邢台市"
    got = rows(extract(a))
    assert {("130533", 2018, "top21"), ("130534", 2018, "top34"), ("130535", 2018, "top40"),
            ("130581", 2018, "top51")} <= got
    assert not [r for r in got if r[2] == "top60"]


def test_a_list_member_the_gazetteer_does_not_know_is_kept_by_name():
    ex = extract(article("再看投资运行“红榜”，在县(市、区)、园区评分排名前3位，分别是望山新区直管区、涪城区、游仙区。",
                         published_at="2022-04-20", main="绵阳市"))
    assert {("望山新区直管区", 2022, "top3"), ("510703", 2022, "top3"), ("510704", 2022, "top3")} <= rows(ex)
    # a bare zone word names no zone in particular; a list of unknown names alone is no list of places
    ex = extract(article("项目建设排名前两位的分别是经开区、望山新区。", published_at="2022-04-20", main="绵阳市"))
    assert not ex.rankings


def test_titles_defined_by_a_placing_elsewhere_in_the_article():
    text = ("省政府通报了2022年度县域经济综合评价结果，确定了3个“综合先进县”和4个“专项先进县”。"
            "3个“综合先进县”为威县、清河县、临西县。4个“专项先进县”中，工业强县先进县为宁晋县、沙河市，"
            "开放发展先进县为南宫市、内丘县。评价结果按总分排序，排名前3位的为“综合先进县”，各专项排名前2位为专项先进县。")
    got = rows(extract(article(text, published_at="2023-05-20", main="邢台市")))
    assert {("130533", 2022, "top3"), ("130534", 2022, "top3"), ("130535", 2022, "top3"),
            ("130528", 2022, "top2"), ("130582", 2022, "top2"), ("130581", 2022, "top2"),
            ("130523", 2022, "top2")} <= got


def test_a_title_list_without_a_defining_placing_is_no_ranking():
    text = "3个“综合先进县”为威县、清河县、临西县。"
    assert not extract(article(text, published_at="2023-05-20", main="邢台市")).rankings


def test_numbered_lines_under_a_metric_heading():
    text = ("一、2022年邢台市各县区GDP排名：\n1、宁晋县, 326.1亿 ,增速 6.1%\n2、沙河市, 301.4亿 ,增速 5.3%\n"
            "3、清河县, 165.2亿 ,增速 4.9%\n二、简析\n全市经济稳中有进。")
    got = atoms(extract(article(text, published_at=None, main="邢台市")))
    assert ("130528", "gdp", "2022-01", "2022-12", "actual", "value", 32610000000.0) in got
    assert ("130582", "gdp", "2022-01", "2022-12", "actual", "rank", 2) in got
    assert ("130534", "gdp", "2022-01", "2022-12", "actual", "yoy_pct", 4.9) in got


def test_numbered_lines_need_a_metric_above_and_a_run_of_three():
    no_metric = "一、2022年邢台市各县区名单：\n1、宁晋县, 326.1亿\n2、沙河市, 301.4亿\n3、清河县, 165.2亿\n"
    assert not extract(article(no_metric, published_at=None, main="邢台市")).facts
    two = "一、2022年邢台市各县区GDP排名：\n1、宁晋县, 326.1亿\n2、沙河市, 301.4亿\n"
    assert not extract(article(two, published_at=None, main="邢台市")).facts


def test_ordered_and_unordered_groups_and_a_run_from_a_later_position():
    text = ("在综合考核中，威县、清河县、临西县占据前3名；排在第4名到第6名的分别是宁晋县、沙河市、南宫市。"
            "专项考核中，排在前2名的分别是内丘县、柏乡县。")
    got = rows(extract(article(text, published_at="2023-02-01", main="邢台市")))
    assert {("130533", 2023, "top3"), ("130534", 2023, "top3"), ("130535", 2023, "top3"),
            ("130528", 2023, "top4"), ("130582", 2023, "top5"), ("130581", 2023, "top6"),
            ("130523", 2023, "top1"), ("130524", 2023, "top2")} <= got
    # '排名前2位，分别是A、B' names the group: each top2
    got = rows(extract(article("专项考核排名前2位，分别是内丘县、柏乡县。", published_at="2023-02-01", main="邢台市")))
    assert {("130523", 2023, "top2"), ("130524", 2023, "top2")} <= got


def test_an_adverb_between_place_and_placing_keeps_the_contest_before():
    text = "前三季度，在全省县域经济考评综合排名中，宁晋县再次位居全省首位，威县、清河县位列前20名；全市县域GDP实现254.9亿元。"
    ex = extract(article(text, published_at="2020-11-12", main="邢台市"))
    assert {("130528", 2020, "top1"), ("130533", 2020, "top20"), ("130534", 2020, "top20")} <= rows(ex)
    assert not atoms(ex)          # 全市县域: the counties together, no region's figure


def test_the_n_highest_in_order_rank_each_place():
    text = "以2019年的数据为准，邢台规上工业总产值最高的三个县市依次是宁晋县、沙河市、清河县。"
    got = atoms(extract(article(text, published_at=None, main="邢台市")))
    assert {("130528", "industrial_output", "2019-01", "2019-12", "actual", "rank", 1),
            ("130582", "industrial_output", "2019-01", "2019-12", "actual", "rank", 2),
            ("130534", "industrial_output", "2019-01", "2019-12", "actual", "rank", 3)} <= got
    # without 依次 the three are a group: no positions
    text = "以2019年的数据为准，邢台规上工业总产值最高的三个县市是宁晋县、沙河市、清河县。"
    assert not [t for t in atoms(extract(article(text, published_at=None, main="邢台市"))) if t[5] == "rank"]


def test_a_list_naming_no_metric_takes_the_metric_its_figures_are_stated_with():
    text = ("根据去年全年数据，邢台五强县的排名分别为宁晋县(326亿)、沙河市(301亿)、清河县(165亿)。"
            "2022年，宁晋县全县实现地区生产总值326.12亿元，同比增长6.1%。")
    got = atoms(extract(article(text, published_at="2023-11-05", main="邢台市")))
    assert ("130528", "gdp", "2022-01", "2022-12", "actual", "value", 32612000000.0) in got   # the precise one kept
    assert not [t for t in got if t[0] == "130528" and t[5] == "value" and t[6] != 32612000000.0]
    assert ("130582", "gdp", "2022-01", "2022-12", "actual", "value", 30100000000.0) in got
    assert ("130534", "gdp", "2022-01", "2022-12", "actual", "rank", 3) in got
    # no figure of the article to go by: no metric, no facts from the list
    text = "邢台五强县的排名分别为宁晋县(326亿)、沙河市(301亿)、清河县(165亿)。"
    assert not extract(article(text, published_at="2023-11-05", main="邢台市")).facts


def test_a_place_right_before_quanshi_is_the_subject():
    a = article("2023年，慈溪全市实现地区生产总值2639.45亿元，同比增长6.0%。", published_at="2024-11-05", main="浙江省")
    assert ("330282", "gdp", "2023-01", "2023-12", "actual", "value", 263945000000.0) in atoms(extract(a))


def test_league_prose_the_place_named_by_its_position_or_after_a_threshold():
    text = ("1-8月，全省一般公共预算收入3112.2亿元。排在全省第二位的是唐山市，1-8月一般公共预算收入为384.3亿元。"
            "1-8月一般公共预算收入超过300亿元的还有邯郸市，累计金额为300.1亿元，位居全省第三。"
            "其他地市1-8月一般公共预算收入均在300亿之下。")
    got = atoms(extract(article(text, published_at="2025-09-20", main="河北省")))
    assert ("130200", "general_budget_revenue", "2025-01", "2025-08", "actual", "rank", 2) in got
    assert ("130400", "general_budget_revenue", "2025-01", "2025-08", "actual", "value", 30010000000.0) in got
    assert ("130400", "general_budget_revenue", "2025-01", "2025-08", "actual", "rank", 3) in got
    assert not [t for t in got if t[0] == "130000" and t[6] in (30000000000.0, 30010000000.0)]


def test_the_fastest_is_first_on_growth_and_a_top_three_lead_orders_a_list():
    text = ("具体到全市各县，2021年地区生产总值位列前三的是宁晋县326.1亿元、沙河市301.4亿元、清河县165.2亿元。"
            "2021年各县中，地区生产总值增速最快的是威县，达到12%。")
    got = atoms(extract(article(text, published_at="2022-03-01", main="邢台市")))
    assert ("130582", "gdp", "2021-01", "2021-12", "actual", "rank", 2) in got
    assert ("130533", "gdp", "2021-01", "2021-12", "actual", "yoy_pct", 12.0) in got
    assert ("130533", "gdp", "2021-01", "2021-12", "actual", "rank", 1) in got


def test_league_prose_a_run_of_positions_on_the_paragraphs_indicator():
    text = ("2020年，宁晋县经济总量达到326.1亿元，位居全市第1。排在2—4位的分别是沙河市、清河县和威县。")
    got = atoms(extract(article(text, published_at="2021-02-24", main="邢台市")))
    assert {("130582", "gdp", "2020-01", "2020-12", "actual", "rank", 2),
            ("130534", "gdp", "2020-01", "2020-12", "actual", "rank", 3),
            ("130533", "gdp", "2020-01", "2020-12", "actual", "rank", 4)} <= got
    # the count must fit the run
    text = "2020年，宁晋县经济总量达到326.1亿元，位居全市第1。排在2—5位的分别是沙河市、清河县和威县。"
    assert not [t for t in atoms(extract(article(text, published_at="2021-02-24", main="邢台市")))
                if t[0] == "130582"]


def test_places_with_the_metric_understood_after_a_bound():
    text = ("前三季度，遵义地区生产总值3037.87亿元；毕节超过 1500 亿元，达到 1585.86 亿元；黔南、铜仁位于1000亿元至1500亿元之间，"
            "分别为1310.35、1098.90亿元；黔东南、安顺低于 1000 亿元，分别为 899.22、819.17 亿元；贵阳超过3100亿，遥遥领先。")
    got = atoms(extract(article(text, published_at="2021-10-20", main="贵州省")))
    for code, v in (("520500", 158586000000.0), ("522700", 131035000000.0), ("520600", 109890000000.0),
                    ("522600", 89922000000.0), ("520400", 81917000000.0)):
        assert (code, "gdp", "2021-01", "2021-09", "actual", "value", v) in got, code
    assert not [t for t in got if t[0] == "520100"]            # a bound alone is no figure


def test_bare_numbers_listed_before_an_amount_share_its_unit():
    from ledger.numbers import iter_amounts
    assert [round(a.value) for a in iter_amounts("分别为 1310.35、1098.90、1050.40 亿元")] == \
        [131035000000, 109890000000, 105040000000]
    assert [round(a.value) for a in iter_amounts("第1、2名分别3亿元")] == [300000000]


def test_titled_groups_after_a_colon_or_de_and_ranked_bests():
    got = rows(extract(article("现将2020年度县域经济“10强县”名单通报如下：县域经济“10强县”：宁晋县、沙河市、清河县。",
                               published_at="2021-05-01", main="邢台市")))
    assert {("130528", 2020, "top10"), ("130582", 2020, "top10"), ("130534", 2020, "top10")} <= got
    got = rows(extract(article("省政府决定，对荣获2012年度“县域经济社会发展十强县”的宁晋县、沙河市予以表彰。",
                               published_at="2013-05-01", main="邢台市")))
    assert {("130528", 2012, "top10"), ("130582", 2012, "top10")} <= got
    got = rows(extract(article("2022年度经济发展“十佳”县(市)排名依次为：宁晋县、沙河市、清河县。",
                               published_at="2023-05-01", main="邢台市")))
    assert {("130528", 2022, "top1"), ("130582", 2022, "top2"), ("130534", 2022, "top3")} <= got


def test_split_positions_within_a_named_class_and_the_contest_year_not_the_base():
    text = ("在全省2016年县域经济工作考核中，威县在22个一类县中居第四位，比2015年度排名进了1位；"
            "宁晋县、沙河市在29个二类县(市)区中分别居第三和第六位。")
    got = rows(extract(article(text, published_at=None, main="邢台市")))
    assert {("130533", 2016, "top4"), ("130528", 2016, "top3"), ("130582", 2016, "top6")} <= got


def test_a_position_inside_a_named_top_group_and_our_own_district():
    got = rows(extract(article("威县综合实力位列2018年度全国综合实力百强县市第62位。", published_at="2018-12-01", main="威县")))
    assert ("130533", 2018, "top62") in got and ("130533", 2018, "top100") not in got
    got = rows(extract(article("在年度“全国投资潜力百强区”名单中，我区位列第79位，前进两个位次。",
                               published_at="2019-01-20", main="襄都区")))
    assert ("130502", 2019, "top79") in got


def test_a_run_of_positions_on_several_named_lists():
    text = ("2021年，清河县位居全国综合实力百强县市第88位、全国投资潜力百强县市第21位、"
            "绿色发展百强第45位，全县地区生产总值增长7.1%、规模以上工业增加值第3位。")
    got = rows(extract(article(text, published_at="2021-12-20", main="清河县")))
    assert {("130534", 2021, "top88"), ("130534", 2021, "top21"), ("130534", 2021, "top45")} <= got
    assert ("130534", 2021, "top3") not in got     # (after the comma: an indicator's position, not a list's)


def test_league_prose_the_first_n_listed_on_the_paragraphs_indicator():
    text = ("2020年，全省地区生产总值110760.94亿元，邢台市地区生产总值2200.4亿元。前三强分别为：宁晋县、沙河市、清河县。")
    got = atoms(extract(article(text, published_at="2021-05-01", main="河北省")))
    assert {("130528", "gdp", "2020-01", "2020-12", "actual", "rank", 1),
            ("130534", "gdp", "2020-01", "2020-12", "actual", "rank", 3)} <= got


def test_a_run_cut_off_by_the_end_of_the_page_keeps_the_positions_it_shows():
    text = "2020年，邢台市地区生产总值2200.4亿元。前十强分别为：宁晋县、沙河市、清河县、威县、南宫"
    got = atoms(extract(article(text, published_at="2021-05-01", main="河北省")))
    assert ("130533", "gdp", "2020-01", "2020-12", "actual", "rank", 4) in got


def test_league_prose_gives_listed_places_their_rates_and_positions_in_turn():
    text = ("2021年，全省地区生产总值增长7.3%。各市中，地区生产总值增速最快的是唐山，达到12%。"
            "紧随其后的沧州市、衡水市分别以11.2%、10.1%的增速位列第二、第三，表现抢眼。")
    got = atoms(extract(article(text, "2022-02-01", main="河北省")))
    y = ("2021-01", "2021-12", "actual")
    assert {("130900", "gdp", *y, "yoy_pct", 11.2), ("130900", "gdp", *y, "rank", 2.0),
            ("131100", "gdp", *y, "yoy_pct", 10.1), ("131100", "gdp", *y, "rank", 3.0)} <= got


def test_league_prose_a_place_followed_by_de_is_not_the_placed_place():
    text = ("2021年一季度，全市地区生产总值完成2969.8亿元。信都区达到了470.15亿元，稳居全市第一。"
            "邢台的新宠经济开发区超过了300亿，位居全市第二。")
    got = atoms(extract(article(text, "2021-05-03", main="邢台市")))
    assert not any(a[0] == "130500" and a[5] == "rank" for a in got)


def test_positions_in_quoted_named_lists_one_after_another():
    text = ("威县位列“2021年度全国投资潜力百强县市”第12位，上升3位，位列“2021年度全国绿色发展百强县市”第30位，"
            "与上年持平。")
    got = rows(extract(article(text, published_at="2021-10-12", main="威县")))
    assert {("130533", 2021, "top12"), ("130533", 2021, "top30")} <= got
    assert ("130533", 2021, "top100") not in got


def test_places_split_over_a_range_of_positions():
    text = "2019年全国百强县榜单中，江阴市居首，昆山市、张家港市、常熟市分列第2-4位。"
    got = rows(extract(article(text, published_at="2019-10-01", main="江苏省")))
    assert {("320583", 2019, "top2"), ("320582", 2019, "top3"), ("320581", 2019, "top4")} <= got
    assert ("320581", 2019, "top2") not in got


def test_a_place_s_score_then_its_position_in_a_published_list():
    text = ("日前，《中国西部地区县域发展监测报告2021》在北京发布，公布了“2021中国西部百强县市”名单。\n"
            "名单中，宁晋县竞争力指数为80.12，排名第21位。威县竞争力指数为73.05，排名第47位。")
    got = rows(extract(article(text, published_at="2021-10-20", main="邢台市")))
    assert {("130528", 2021, "top21"), ("130533", 2021, "top47")} <= got


def test_a_county_page_s_own_position_in_a_named_list_without_its_name():
    text = "2022年全县地区生产总值512亿元、增长4.1%，财政总收入42.3亿元，位列“全国百强县”第63位。"
    got = rows(extract(article(text, published_at="2023-03-01", main="宁晋县")))
    assert ("130528", 2022, "top63") in got
    # a city's page names no county of its own
    got = rows(extract(article(text.replace("全县", "全市"), published_at="2023-03-01", main="邢台市")))
    assert not any(b == "top63" for _, _, b in got)


def test_a_caption_then_an_ordering_note_in_brackets_then_a_bare_list():
    text = ("根据名单显示，2021年度各市民营经济发展考评结果揭晓。\n详细排名如下：\n"
            "各市民营经济发展考评排名\n（按考评得分高低排序）\n"
            "唐山市、石家庄市、保定市、邯郸市、沧州市、廊坊市。\n")
    got = rows(extract(article(text, published_at="2022-03-01", main="河北省")))
    assert {("130200", 2021, "top1"), ("130600", 2021, "top3"), ("131000", 2021, "top6")} <= got


def test_yiji_joins_the_last_member_of_a_list():
    text = "在2021年度全省县域经济发展考核中，宁晋县、威县、清河县以及南宫市位列全省前十名。"
    got = rows(extract(article(text, published_at="2022-03-01", main="邢台市")))
    assert {("130528", 2021, "top10"), ("130581", 2021, "top10")} <= got


def test_a_ranking_table_on_one_line_whose_rows_hold_the_province_and_prefecture_too():
    text = ("某研究院发布了2022中国工业百强县榜单，其中江阴市、昆山市和张家港市位列前三名。 排名 | 省份 | 地级市 | 县(市) | "
            "1 | 江苏 | 无锡市 | 江阴市 | 2 | 江苏 | 苏州市 | 昆山市 | 3 | 江苏 | 苏州市 | 张家港市 | "
            "4 | 江苏 | 苏州市 | 常熟市 | 5 | 福建 | 泉州市 | 晋江市 | 6 | 浙江 | 宁波市 | 慈溪市 |")
    got = rows(extract(article(text, published_at="2022-10-01", main="江苏省")))
    assert {("320581", 2022, "top4"), ("350582", 2022, "top5"), ("330282", 2022, "top6")} <= got


def test_a_county_page_s_own_position_in_an_assessment_named_in_its_sentence():
    text = ("2014年，全县新增规模以上企业21家，在全省133个县市工业转型升级目标责任考核中位居全省第三位。"
            "县域综合实力居全省第25位、挺进中部六省百强县。")
    got = rows(extract(article(text, published_at="2015-02-10", main="宁晋县")))
    assert {("130528", 2014, "top3"), ("130528", 2014, "top25")} <= got
    # a city's page: no county of its own to place
    got = rows(extract(article(text.replace("全县", "全市"), published_at="2015-02-10", main="邢台市")))
    assert not any(b in ("top3", "top25") for _, _, b in got)


def test_a_county_page_s_standing_as_a_whole_said_without_the_word_county():
    text = ("2009年，全县生产总值达到86.4亿元，增长13.2%。综合经济实力居全省第17位；"
            "县域经济基本竞争力居全国第230位，分别较上年前移9个和21个位次。")
    got = rows(extract(article(text, published_at="2010-02-20", main="宁晋县")))
    assert {("130528", 2009, "top17"), ("130528", 2009, "top230")} <= got
    # a city's page: no county of its own to place
    got = rows(extract(article(text.replace("全县", "全市"), published_at="2010-02-20", main="邢台市")))
    assert not any(b in ("top17", "top230") for _, _, b in got)


def test_the_base_of_a_change_is_not_a_contest_s_year():
    text = ("2014年，全县规模以上企业由2013年的165家增加到186家，在全省工业转型升级目标责任考核中位居全省第三位。"
            "三次产业结构由2010年的43:27:30调整为40:33:27。县域经济综合竞争力居全省第13位。")
    got = rows(extract(article(text, published_at="2015-02-10", main="宁晋县")))
    assert ("130528", 2014, "top3") in got and ("130528", 2013, "top3") not in got
    assert ("130528", 2014, "top13") in got


def test_the_year_just_past_of_a_work_report_dates_a_placing_in_a_later_paragraph():
    text = ("县长在大会上作政府工作报告。\n刚刚过去的一年，全县经济社会继续保持了稳中有进的良好发展势头。\n"
            "项目建设势头强劲。全县规模以上企业增加到186家，在全省工业转型升级目标责任考核中位居全省第三位。")
    got = rows(extract(article(text, published_at="2015-02-10", main="宁晋县")))
    assert ("130528", 2014, "top3") in got


def test_the_year_just_past_on_an_undated_page_counts_from_its_first_full_date():
    text = ("A-A+2015年6月19日15:46 日报评论\n县长在大会上作政府工作报告。\n刚刚过去的一年，全县经济稳中有进。\n"
            "全县规模以上企业增加到186家，在全省工业转型升级目标责任考核中位居全省第三位。")
    got = rows(extract(article(text, published_at=None, main="宁晋县")))
    assert ("130528", 2014, "top3") in got


def test_a_position_moved_from_last_year_s_to_this_year_s():
    text = ("2021年全国县域经济基本竞争力百强县发布。据悉，宁晋县由去年的第44位上升到36位，前进8个位次。"
            "威县由去年的第91位上升到第69位。清河县去年位居95位，今年居116位，退出百强。")
    got = rows(extract(article(text, published_at="2021-08-25", main="邢台市")))
    assert {("130528", 2021, "top36"), ("130533", 2021, "top69"), ("130534", 2021, "top116")} <= got
    assert ("130528", 2021, "top44") not in got


def test_an_adverb_before_yici_wei_keeps_the_ordered_list():
    text = ("2012年度福建省县域经济实力“十强”、经济发展“十佳”评价结果揭晓。\n"
            "荣获本年度“十佳”县(市)则依次为：闽侯县、东山县、长泰县、福鼎市、华安县。")
    got = rows(extract(article(text, published_at=None, main="福建省")))
    assert {("350121", 2012, "top1"), ("350626", 2012, "top2")} <= got


def test_a_county_s_own_placings_in_the_assessments_its_report_names():
    # a county's report: '排名第五' (no 位), '均排名第一', a group named between the verb and the position,
    # and a list entered in each of the years named
    text = ("五年来，2012年在全省一类县考核中排名第五，在示范区和开发区两项考核中均排名第一；"
            "2014年、2015年连续两年跻身全国科学发展百强县。2019年，在全省县域经济考核中排名35个农产品主产区县第5位。")
    got = rows(extract(article(text, "2020-03-09", main="宁晋县")))
    assert {("130528", 2012, "top5"), ("130528", 2012, "top1"), ("130528", 2014, "top100"),
            ("130528", 2015, "top100"), ("130528", 2019, "top5")} <= got
    # a metric's place is no contest's
    assert not rows(extract(article("2019年，在全市生产总值排名中排名第五。", "2020-03-09", main="宁晋县")))


def test_league_prose_with_tied_places_and_a_winner_by_its_rate():
    text = ("2021年，全市固定资产投资增长12.1%，高于全省水平7.6个百分点。各县(市、区)中，延津县以18.4%的增速夺冠，"
            "获嘉县、原阳县增速均为18%，并列第2位。新乡县与长垣市一样，增速都是16%，并列第5位。卫滨区与凤泉区增速为15%，并列第7位。")
    got = atoms(extract(article(text, "2022-01-28", main="新乡市")))
    y = ("fixed_asset_investment", "2021-01", "2021-12", "actual")
    for code, rate, rank in (("410726", 18.4, 1), ("410724", 18.0, 2), ("410725", 18.0, 2), ("410721", 16.0, 5),
                             ("410783", 16.0, 5), ("410703", 15.0, 7), ("410704", 15.0, 7)):
        assert {(code, *y, "yoy_pct", rate), (code, *y, "rank", float(rank))} <= got, code


def test_bulleted_lines_each_a_place_with_its_figure_and_stated_position():
    text = ("根据2023年的数据，邢台市各县的经济总量排名如下：\n- 宁晋县：265.62亿元，排名第一。\n- 沙河市：222.92亿元，排名第二。\n"
            "- 清河县：153.40亿元，排名第三。\n从经济增速来看，2023年各县的GDP增速表现如下：\n- 威县：11.9%，增速最快。\n"
            "- 临西县：10.7%，增速第二。\n- 其他县增速普遍在6%-8%之间。")
    got = atoms(extract(article(text, "2024-03-01", main="邢台市")))
    y = ("gdp", "2023-01", "2023-12", "actual")
    assert {("130528", *y, "value", 2.6562e10), ("130528", *y, "rank", 1.0), ("130582", *y, "rank", 2.0),
            ("130534", *y, "value", 1.534e10), ("130533", *y, "yoy_pct", 11.9), ("130533", *y, "rank", 1.0),
            ("130535", *y, "yoy_pct", 10.7), ("130535", *y, "rank", 2.0)} <= got
    # bullets naming no place hold no place's figure
    assert not any(a[6] in (6.0, 8.0) for a in got)


def test_the_year_of_the_data_a_list_is_drawn_from_is_not_the_list_s_year():
    text = ("近日，赛迪顾问发布了《2017年中国县域经济百强白皮书》，对2016年县域经济体的发展情况进行了分析。"
            "河北迁安、武安等县市上榜全国县域百强，其中排名最靠前的迁安市位列第28。")
    got = rows(extract(article(text, "2017-07-20", main="河北省")))
    assert ("130283", 2017, "top28") in got and not any(r[1] == 2016 for r in got)


def test_a_county_s_passive_placing_and_a_list_dated_in_its_own_sentence():
    text = ("准格尔旗地处内蒙古西南部。2014年被评为全国百强县第10名，是鄂尔多斯市经济强旗。"
            "2019年10月8日，被评为2019年度全国综合实力百强县市。2020年12月，社科院发布《全国县域经济综合竞争力100强》，排名第26。")
    got = rows(extract(article(text, None, main="准格尔旗")))
    assert {("150622", 2014, "top10"), ("150622", 2020, "top26")} <= got
    assert ("150622", 2019, "top26") not in got


def test_places_given_their_figures_in_order_and_a_difference_from_the_average_is_no_value():
    text = ("上半年，威县农村居民人均可支配收入为5935元。清河县、临西县和巨鹿县依次为5805元、5389元和5166元。"
            "而全市上半年农村居民人均可支配收入最低的是广宗县，低于全市平均水平421元。")
    got = atoms(extract(article(text, "2017-08-12", main="邢台市")))
    y = ("disposable_income_rural", "2017-01", "2017-06", "actual", "value")
    assert {("130534", *y, 5805.0), ("130535", *y, 5389.0), ("130529", *y, 5166.0)} <= got
    assert not any(a[6] == 421.0 for a in got)


def test_league_prose_of_the_highest_the_next_a_run_and_the_lowest():
    text = ("上半年，全市地区生产总值增长19.1%。13个县市增幅超过10%。增幅最高的蒲县，同比增长97.7%；其次是洪洞县，"
            "同比增长55.1%；翼城县、乡宁县、浮山县、曲沃县分别增长49.8%、36.9%、27%和26.1%。增幅最低的是侯马市，同比增长1.3%。")
    got = atoms(extract(article(text, "2010-09-28", main="临汾市")))
    y = ("gdp", "2010-01", "2010-06", "actual")
    assert {("141033", *y, "yoy_pct", 97.7), ("141033", *y, "rank", 1.0), ("141024", *y, "yoy_pct", 55.1),
            ("141022", *y, "yoy_pct", 49.8), ("141021", *y, "yoy_pct", 26.1), ("141081", *y, "yoy_pct", 1.3)} <= got
    assert not any(a[0] == "141081" and a[5] == "rank" for a in got)    # the lowest holds no first place


def test_places_with_bracketed_rates_before_their_indicator():
    text = ("2023年，县(市)区多项指标增速名列前茅，正定县(13.0%)和鹿泉区(8.2%)地区生产总值增速分别位列全市第2位和第6位；"
            "井陉县(33.4%)和栾城区(20.6%)规模以上工业增加值增速分别位列全市第2位和第5位。")
    got = atoms(extract(article(text, "2024-02-01", main="石家庄市")))
    y = ("2023-01", "2023-12", "actual", "yoy_pct")
    assert {("130123", "gdp", *y, 13.0), ("130110", "gdp", *y, 8.2), ("130121", "industrial_value_added", *y, 33.4),
            ("130111", "industrial_value_added", *y, 20.6)} <= got
    assert not any(a[0] == "130121" and a[1] == "gdp" for a in got)


def test_an_ordered_list_of_some_of_a_counted_group_or_cut_off_by_deng_holds_no_positions():
    text = ("2024年一季度，全省共有13个县(市)GDP超过百亿，它们依次为迁安市(179.1亿)、武安市(136.86亿)、三河市(134.08亿)等。\n"
            "2024年一季度，GDP前三名依次为正定县(120.5亿)、辛集市(110.2亿)、任丘市(108.3亿)。")
    got = atoms(extract(article(text, "2024-05-08", main="河北省")))
    ranks = {(a[0], a[6]) for a in got if a[5] == "rank"}
    assert ranks == {("130123", 1), ("130181", 2), ("130982", 3)}
    assert ("130283", "gdp", "2024-01", "2024-03", "actual", "value", 1.791e10) in got


def test_the_first_n_named_in_the_lead_keep_their_positions_after_a_counted_group():
    text = "从GDP规模来看，2017年全省超过千亿元的共有11个县(市、区)，位前三名分别为迁安市(1212.7亿元)、武安市(1133亿元)和三河市(1010.6亿元)。"
    got = atoms(extract(article(text, "2018-03-12", main="河北省")))
    assert {(a[0], a[6]) for a in got if a[5] == "rank"} == {("130283", 1), ("130481", 2), ("131082", 3)}


def test_places_entering_a_top_group_and_the_one_that_tops_it():
    text = ("2016年度河北省县域经济“十强”、县域发展“十佳”评价结果出炉。迁安继续蝉联“十强”首位，"
            "正定新进“十强”；清河问鼎“十佳”，威县、平乡新进“十佳”。武安、正定同获“十强”、“十佳”两项荣誉。")
    got = rows(extract(article(text, published_at=None, main="河北省")))
    assert {("130123", 2016, "top10"), ("130534", 2016, "top1"), ("130533", 2016, "top10"),
            ("130532", 2016, "top10"), ("130481", 2016, "top10")} <= got
    assert ("130534", 2016, "top10") not in got


def test_a_member_the_same_page_places_within_its_group_keeps_only_its_position():
    text = ("2016年度河北省县域经济“十强”评价结果出炉。正定新进“十强”。\n"
            "“十强”县(市)依次为：迁安市、武安市、三河市、正定县、遵化市、滦州市、涿州市、任丘市、黄骅市、辛集市。")
    got = rows(extract(article(text, published_at=None, main="河北省")))
    assert ("130123", 2016, "top4") in got and ("130123", 2016, "top10") not in got
    # one row for a place in one bucket, however the page names it (正定 and 正定县)
    ex = extract(article(text.replace("正定新进", "辛集新进"), published_at=None, main="河北省"))
    assert [r.bucket for r in ex.rankings if r.region_code == "130181"] == ["top10"]


def test_a_place_that_pushes_into_a_top_group_is_a_member_but_not_in_a_slogan():
    text = ("2011年度河北省经济强县考核结果公布，平乡首次挺进全省10强。")
    got = rows(extract(article(text, published_at="2012-08-20", main="河北省")))
    assert ("130532", 2011, "top10") in got
    text = "2011年，平乡县紧紧围绕“工业立县、商贸兴县、挺进十强”的发展主线，全县生产总值增长9%。"
    got = rows(extract(article(text, published_at="2012-02-20", main="平乡县")))
    assert ("130532", 2011, "top10") not in got


def test_the_places_that_follow_the_first_group_of_a_top_ten_fill_it():
    text = ("2016年度“河北省县域经济发展十强县”公布。与上年相比，“十强县”依然为老面孔，迁安市、武安市、三河市蝉联前三，"
            "正定县、遵化市、滦州市、涿州市、任丘市、黄骅市、辛集市紧随其后。")
    got = rows(extract(article(text, published_at=None, main="河北省")))
    assert {("130283", 2016, "top3"), ("130123", 2016, "top10"), ("130181", 2016, "top10")} <= got
    # two groups that do not make up the list: no membership for the followers
    got = rows(extract(article(text.replace("、黄骅市、辛集市紧随其后", "紧随其后"), published_at=None, main="河北省")))
    assert not any(b == "top10" for _, _, b in got)


def test_places_named_before_they_take_the_first_n_of_a_list():
    text = ("昨日，省统计局发布2016年度十强县榜单；会议审议通过了城镇化规划(2017-2020年)。"
            "迁安、武安、三河3县市，再次包揽我省2016年度县域经济十强县前3名。")
    got = rows(extract(article(text, published_at=None, main="河北省")))
    assert {("130283", 2016, "top3"), ("130481", 2016, "top3"), ("131082", 2016, "top3")} <= got
    assert not any(y == 2020 for _, y, _ in got)


def test_a_numbered_list_on_one_line_of_places_with_bracketed_figures_and_rates():
    text = ("现汇总整理出1-9月份各市一般公共预算收入完成数据：\n"
            "1.石家庄(650.80亿元 同比增长-12.1%下同)、2.唐山(192.10亿元 8.6%)、3.沧州(数据暂缺)、"
            "4.保定(105.79亿元 5.6%)、5.邯郸(101.25亿元 2.2%)。")
    got = atoms(extract(article(text, None, main="河北省", title="河北各市2024年1-9月财政榜")))
    q = ("2024-01", "2024-09", "actual")
    assert {("130100", "general_budget_revenue", *q, "value", 6.508e10),
            ("130100", "general_budget_revenue", *q, "yoy_pct", -12.1),
            ("130100", "general_budget_revenue", *q, "rank", 1.0),
            ("130200", "general_budget_revenue", *q, "yoy_pct", 8.6),
            ("130600", "general_budget_revenue", *q, "rank", 4.0),
            ("130400", "general_budget_revenue", *q, "yoy_pct", 2.2)} <= got
    assert ("130600", "general_budget_revenue", *q, "rank", 1.0) not in got


def test_a_list_of_places_with_their_figure_and_rate_in_brackets():
    text = "2023年1-9月份各市一般公共预算收入：石家庄(650.80亿元，同比增长12.1%)、唐山(192.10亿元，增长8.6%)、保定(135.50亿元，下降6.5%)。"
    got = atoms(extract(article(text, "2023-10-20", main="河北省")))
    q = ("2023-01", "2023-09", "actual")
    assert {("130200", "general_budget_revenue", *q, "value", 1.921e10),
            ("130600", "general_budget_revenue", *q, "yoy_pct", -6.5)} <= got


def test_a_league_table_of_an_indicator_under_prose_that_ranks_by_figures_is_no_contest():
    text = ("河北省2019年前三季度各市GDP公布，唐山以5100.2亿元远超其他城市，沧州以2810.4亿元在上榜的11个城市中排名第三。\n"
            "2019年河北各市GDP排名\n排名 城市 2019年 2018年 增量 名义增速\n"
            "1 唐山 5100.2 4837.7 262.5 5.43%\n2 石家庄 4480.3 4310.6 169.7 3.94%\n3 沧州 2810.4 2699.1 111.3 4.12%\n")
    assert not extract(article(text, None, main="河北省")).rankings


def test_a_position_in_a_named_top_group_without_its_measure_word():
    text = "2023年12月，某研究院发布报告，迁安市位列2023年北方地区综合竞争力百强县市第一。"
    got = rows(extract(article(text, published_at="2023-12-30", main="迁安市")))
    assert ("130283", 2023, "top1") in got and ("130283", 2023, "top100") not in got


def test_a_place_tenth_in_one_ordered_top_ten_and_higher_in_another_keeps_both_positions():
    text = ("某研究所发布县域经济十强县评价结果。“十强”县(市)依次为：迁安市、武安市、三河市、正定县、遵化市、滦州市、"
            "涿州市、任丘市、黄骅市、辛集市。综合发展“十强”县(市)依次为：三河市、迁安市、辛集市、武安市、正定县、遵化市、"
            "滦州市、涿州市、任丘市、黄骅市。")
    got = rows(extract(article(text, published_at=None, main="河北省")))
    assert {("130181", 0, "top10"), ("130181", 0, "top3"), ("130983", 0, "top9"), ("130983", 0, "top10")} <= got


def test_a_rate_before_the_word_for_rank_names_no_contest():
    text = ("从名义增长速率上来看，邯郸在2018年前三季度中以负增长3.30排名最后。\n2018河北各城市GDP排名\n"
            "排名 | 城市 | 2018年(亿) | 2017年(亿) | 增量 | 增速 |\n1 | 唐山 | 5198.17 | 4893.85 | 304.32 | 6.07% |\n"
            "2 | 石家庄 | 4909.69 | 4866.82 | 42.87 | 0.95% |\n3 | 沧州 | 2704.29 | 2657.6 | 46.69 | 1.70% |\n")
    assert not extract(article(text, None, main="河北省")).rankings


def test_a_list_named_after_its_year_is_still_a_contest():
    text = ("《2023中国中小城市发展指数研究》的研究对象为县级市、县以及自治县，2023全国综合实力百强县如下。\n"
            "排名 | 县市 | 排名 | 县市 |\n1 | 江苏昆山市 | 51 | 河北迁安市 |\n2 | 江苏江阴市 | 52 | 河北武安市 |\n"
            "3 | 江苏张家港市 | 53 | 河北三河市 |\n")
    got = rows(extract(article(text, published_at="2023-08-01", main="江苏省")))
    assert {("320583", 2023, "top1"), ("130481", 2023, "top52")} <= got


def test_a_whole_list_in_order_after_an_indicator_ranks_each_place():
    # '各县区GDP排名依次为A、B、C…': every place its position, the list's length unsaid
    text = "2021年，南通各县区GDP排名依次为崇川区、通州区、海门区、如皋市、启东市、海安市、如东县。"
    got = atoms(extract(article(text, published_at="2023-01-10", main="南通市")))
    assert ("320613", "gdp", "2021-01", "2021-12", "actual", "rank", 1.0) in got
    assert ("320623", "gdp", "2021-01", "2021-12", "actual", "rank", 7.0) in got
    # figures dealt out in order after 依次为 stay the places' values
    got = atoms(extract(article("崇川区、通州区和海门区2022年GDP依次为1700亿元、1670亿元和1635亿元。",
                                published_at="2023-01-10", main="南通市")))
    assert ("320612", "gdp", "2022-01", "2022-12", "actual", "value", 167000000000.0) in got
    assert not any(a[5] == "rank" for a in got)


def test_a_league_s_champion_lines_give_each_first_place_its_figure():
    text = ("某省21市州一季度GDP排行榜\n截止4月25日，全省21个市州均已发布了今年一季度的经济数据。\n"
            "GDP总量第一\n成都      2968.49亿元\nGDP增速第一\n阿坝    10.3%\n一般公共预算收入增长第一\n南充   34.4%\n")
    got = atoms(extract(article(text, published_at="2017-04-26", main="四川省", title="某省21市州一季度GDP排行榜")))
    q1 = ("2017-01", "2017-03", "actual")
    assert ("510100", "gdp", *q1, "value", 296849000000.0) in got and ("510100", "gdp", *q1, "rank", 1.0) in got
    assert ("513200", "gdp", *q1, "yoy_pct", 10.3) in got
    assert ("511300", "general_budget_revenue", *q1, "yoy_pct", 34.4) in got
    # a growth head over a money figure is not this layout
    odd = atoms(extract(article("GDP增速第一\n成都      2968.49亿元\n", published_at="2017-04-26", main="四川省")))
    assert not any(a[0] == "510100" for a in odd)


def test_a_place_named_by_its_position_without_shi():
    text = "一季度，市州GDP总量排名变化不大。排在第二位的绵阳，一季度GDP总量首次突破1000亿元，为1035.7亿元。"
    got = atoms(extract(article(text, published_at="2025-04-28", main="四川省")))
    assert ("510700", "gdp", "2025-01", "2025-03", "actual", "rank", 2.0) in got
