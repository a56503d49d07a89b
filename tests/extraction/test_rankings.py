"""Contest rankings (FACTS.md section 4)."""
from ledger.extraction import extract
from tests.extraction.helpers import article


def rows(ex):
    return {(r.region_code or r.region_name, r.year, r.bucket) for r in ex.rankings}


def test_seed_like_meeting_sentence():
    text = ("2021年16个条线部门中“奋战四个月，冲刺全年红”项目建设竞赛排名第一的市交通局作了经验介绍；"
            "2021年“双进双产”项目绩效评价排名前两位的威县、广宗县，经济运行排名第一的邢东新区作了经验介绍；"
            "经济运行排名倒一的内丘县、项目建设竞赛排名后三位的内丘县、临西县、南和区作了表态发言。")
    ex = extract(article(text, "2022-02-14", main="邢台市"))
    assert rows(ex) == {("130533", 2021, "top2"), ("130531", 2021, "top2"), ("邢东新区", 2021, "top1"),
                        ("130523", 2021, "bottom1"), ("130523", 2021, "bottom3"), ("130535", 2021, "bottom3"),
                        ("130506", 2021, "bottom3")}
    contests = {r.contest for r in ex.rankings}
    assert {"双进双产项目绩效评价", "经济运行", "项目建设竞赛"} == contests
    assert all(r.evidence and r.char_end > r.char_start for r in ex.rankings)


def test_contest_named_in_the_clause_before_and_split_places():
    ex = extract(article("在2022年度全市县域经济高质量发展考核中，冀州区名列第一，深州市、安平县分列第二、第三位，"
                         "排名倒数第一的是阜城县。", "2023-01-12", main="衡水市"))
    assert rows(ex) == {("131103", 2022, "top1"), ("131182", 2022, "top2"), ("131125", 2022, "top3"),
                        ("131128", 2022, "bottom1")}
    assert {r.contest for r in ex.rankings} == {"县域经济高质量发展考核"}


def test_departments_and_metric_ranks_are_no_contest_rankings():
    ex = extract(article("市发改委在部门考核中排名第一。宁晋县地区生产总值排名全市第一。", main="邢台市"))
    assert ex.rankings == []


def test_year_falls_back_to_the_publish_year():
    ex = extract(article("项目观摩排名前两位的任泽区、隆尧县作了发言。", "2023-07-20", main="邢台市"))
    assert rows(ex) == {("130505", 2023, "top2"), ("130525", 2023, "top2")}


def test_bare_rates_and_tiers_are_no_contests():
    ex = extract(article("上半年，宁晋县增速排名全市第一。在全省县域经济考核中，威县位列第一档次。", main="邢台市"))
    assert ex.rankings == []


def test_contest_noun_after_the_places():
    ex = extract(article("2022年，宁晋县在全市项目建设考核中排名第一。", "2023-01-10", main="邢台市"))
    assert rows(ex) == {("130528", 2022, "top1")}


def test_positions_dealt_out_after_a_list_made_the_list():
    text = ("2020中国县域经济百强榜揭晓\n近日，“县域经济100强(2020年)”榜单发布，我省迁安市、武安市、三河市上榜，"
            "分别为第30名、第61名、第72名。")
    got = rows(extract(article(text, None, main="河北省", title="2020中国县域经济百强榜揭晓")))
    assert got == {("130283", 2020, "top30"), ("130481", 2020, "top61"), ("131082", 2020, "top72")}


def test_the_year_of_the_list_a_sentence_names_over_the_title_s():
    text = ("2020中国县域经济百强榜揭晓\n今年我省三县市上榜。与上一年相比，我省上榜数量不变。"
            "2019年县域经济百强，迁安市、武安市入围，分列第32位、第65位。")
    got = rows(extract(article(text, None, main="河北省", title="2020中国县域经济百强榜揭晓")))
    assert {("130283", 2019, "top32"), ("130481", 2019, "top65")} <= got
    assert not {r for r in got if r[1] == 2020}
    # the list named in the sentence before, in the same paragraph
    text = ("2020中国县域经济百强榜揭晓\n在2019年全国百强县(市)榜单中，我省占据2席。分别为：迁安市(第32位)、武安市(第65位)。")
    got = rows(extract(article(text, None, main="河北省", title="2020中国县域经济百强榜揭晓")))
    assert got and all(r[1] == 2019 for r in got)


def test_places_led_by_their_province_take_their_positions():
    text = "7月23日，2025赛迪百强县榜单在县域经济创新发展论坛上发布，河北省的迁安市、武安市和三河市位列前三。"
    assert rows(extract(article(text, "2025-07-24", main="河北省"))) == {
        ("130283", 2025, "top3"), ("130481", 2025, "top3"), ("131082", 2025, "top3")}


def test_an_aim_to_join_a_top_group_is_no_placing():
    text = "省里出台意见，提出培育迁安市、武安市、三河市成为百强后备梯队，支持正定县争创百强县。"
    assert rows(extract(article(text, "2023-09-07", main="河北省"))) == set()


def test_places_that_entered_the_first_n_each_after_its_province():
    text = "2023年全国百强县榜单发布，福建的晋江、浙江的慈溪、山东的龙口也都成功进入了前十名。"
    assert rows(extract(article(text, "2023-08-01", main="河北省"))) == {
        ("350582", 2023, "top10"), ("330282", 2023, "top10"), ("370681", 2023, "top10")}


def test_an_aim_to_enter_a_list_is_no_placing():
    for text in ("力争2025年威县进入全国百强县前十名。", "会议提出，力争威县进入全市前三。"):
        assert rows(extract(article(text, "2023-08-01", main="邢台市"))) == set(), text


def test_places_that_kept_their_place_in_a_top_group():
    text = "评价报告20日发布，山东省龙口、邹平、荣成等26个县市蝉联全国百强县。"
    assert rows(extract(article(text, None, main="山东省"))) == {
        ("370681", 0, "top100"), ("371681", 0, "top100"), ("371082", 0, "top100")}


def test_places_under_the_one_just_named_take_their_positions():
    text = "2022年百强县榜单中，前10名中江苏独占6席，其下辖的昆山、江阴、张家港、常熟包揽前4位。"
    assert rows(extract(article(text, "2022-08-01", main="江苏省"))) == {
        ("320583", 2022, "top4"), ("320281", 2022, "top4"), ("320582", 2022, "top4"), ("320581", 2022, "top4")}


def test_a_contest_named_as_published_then_positions_from_a_later_place_on():
    # the clause before names what was published; the next sentence goes on from the fourth place, its
    # last member after a comma slip
    text = ("《河北经济蓝皮书》公布了2021年设区市经济综合竞争力评价，石家庄市、唐山市、保定市占据前3位。"
            "排名第4到第7位的分别是沧州市、邯郸市、廊坊市，邢台市。")
    assert rows(extract(article(text, "2021-12-21", main="河北省"))) == {
        ("130100", 2021, "top3"), ("130200", 2021, "top3"), ("130600", 2021, "top3"), ("130900", 2021, "top4"),
        ("130400", 2021, "top5"), ("131000", 2021, "top6"), ("130500", 2021, "top7")}


def test_places_named_to_a_list_then_their_positions():
    text = ("宝鸡收获满满，凤翔县、岐山县被表彰为2019年度全省县域经济社会发展“十强县”，分别位列第5、第10位；"
            "金台区被表彰为2019年度“争先进位区”，位列第4位；眉县被评为2019年度“现代农业强县”，位列第2位。")
    ex = extract(article(text, "2020-10-14", main="宝鸡市"))
    assert rows(ex) == {("610305", 2019, "top5"), ("610323", 2019, "top10"), ("610303", 2019, "top4"),
                        ("610326", 2019, "top2")}
    assert {r.region_code: r.contest for r in ex.rankings}["610303"] == "争先进位区"


def test_an_indicator_s_league_named_in_the_clause_before_is_no_contest():
    text = "下面小编整理了2021年京津冀各城市GDP排行榜，其中北京市、天津市、唐山市位居前三，一起去看看吧！"
    assert rows(extract(article(text, "2022-02-01", main="河北省"))) == set()


def test_the_ten_fastest_are_a_top_group():
    text = "2021年全省制造业发展综合评价结果公布。\n3. 制造业发展增速10快县(市):威县、清河县、临西县、南宫市、宁晋县、柏乡县、隆尧县、任泽区、南和区、巨鹿县\n"
    got = rows(extract(article(text, "2022-03-01", main="邢台市")))
    assert len(got) == 10 and all(r[1:] == (2021, "top10") for r in got)


def test_a_caption_naming_the_first_n_over_exactly_n_places():
    text = ("县市区全面小康考评结果。\n1.全面小康实现程度\n一类县前3位：桥西区、南和区、任泽区。\n"
            "3.经济强县前5位\n宁晋县、沙河市、清河县、威县、南宫市。\n")
    got = rows(extract(article(text, None, main="邢台市")))
    assert {("130503", 0, "top3"), ("130528", 0, "top5"), ("130581", 0, "top5")} <= got and len(got) == 8
    # an indicator's first N is a league of facts, and a list with no contest around it no placing
    assert rows(extract(article("2021年各县GDP前三位：宁晋县、沙河市、清河县。", None, main="邢台市"))) == set()
    assert rows(extract(article("各县人口前三位：宁晋县、沙河市、清河县。", None, main="邢台市"))) == set()


def test_places_granted_the_title_of_a_top_group():
    from tests.extraction.helpers import article
    text = ("据了解，昆明市官渡区、丽江市古城区等 10个县(市、区)被授予“云南省 2010年度县域经济发展十强县”荣誉称号；"
            "昆明市东川区等 20个县(市、区)被授予“云南省 2010年度县域经济发展先进县”荣誉称号。")
    ex = extract(article(text, "2011-03-01", main="云南省"))
    got = {(r.region_code, r.year, r.bucket) for r in ex.rankings}
    assert {("530111", 2010, "top10"), ("530702", 2010, "top10")} <= got
    assert all(" " not in r.contest and not r.contest.startswith("授予") for r in ex.rankings)


def test_a_caption_naming_a_top_list_over_exactly_that_many_places():
    text = ("经会议审定，提出了2012年度全省科学发展十佳县和进步县初选名单。\n一、2012年度全省科学发展十佳县初选名单\n"
            "临桂县、灵川县、武鸣县、玉林市玉州区、东兴市、横县、苍梧县、藤县、岑溪市、北流市。\n二、2012年度全省科学发展进步县初选名单\n"
            "全州县、天峨县、浦北县。")
    ex = extract(article(text, "2013-08-01", main="广西壮族自治区"))
    got = {(r.region_code, r.year, r.bucket) for r in ex.rankings}
    assert ("450312", 2012, "top10") in got and ("450981", 2012, "top10") in got
    assert not [r for r in ex.rankings if r.region_code == "451222"]       # (天峨县: a list naming no top N)
    assert all(not r.contest.startswith("一") for r in ex.rankings)


def test_a_place_again_first_on_a_competitiveness_list():
    text = "2016年，在第十六届全国县域经济与县域基本竞争力榜单中，江阴市再次蝉联第一，实现“十四连冠”。"
    ex = extract(article(text, "2016-11-01", main="无锡市"))
    assert ("320281", 2016, "top1") in {(r.region_code, r.year, r.bucket) for r in ex.rankings}
    # an indicator's league is no contest
    league = "2021年全省各市GDP排行榜中，江阴市位居第一。"
    assert not extract(article(league, "2022-01-01", main="无锡市")).rankings


def test_positions_written_before_their_places_in_a_contest_notice():
    from ledger.parsing import parse_file
    from ledger.pipeline import enrich
    page = ("按照全市农村人居环境整治总体安排，市专班组织开展了观摩评比活动，按照现场打分结果核算各县(市、区)得分并排名。具体情况如下：\n"
            "一、五个县(市、区)组排名\n第一名：长葛市 91.06分\n第二名：建安区 90.81分\n第三名：禹州市 90.44分\n"
            "二、功能区组排名\n第一名：魏都区 91.91分\n第二名：国家许昌经济技术开发区 90.50分\n")
    art = parse_file("t.txt", page.encode("utf-8")).articles[0]
    assert art.text.startswith("按照全市")          # the list lines stay the paragraph's, in order
    got = {(r.region_name, r.bucket) for r in extract(enrich(art)).rankings}
    assert {("长葛市", "top1"), ("建安区", "top2"), ("禹州市", "top3"), ("魏都区", "top1")} <= got
    metric = ("2022年全省区县GDP从高到低依次排列为：晋江市3207.43亿元，思明区2503.88亿元，湖里区1681.94亿元。"
              "人均GDP排名第一的是思明区84931元，第二名湖里区69276元，第三名鼓楼区65953元。\n鼓楼区排名第2\n")
    got = {(r.region_name, r.bucket) for r in extract(article(metric, "2023-03-01", main="福建省",
                                                               title="福建富裕的10个区县，鼓楼第2")).rankings}
    assert ("湖里区", "top2") not in got and ("鼓楼区", "top3") not in got


def test_last_years_positions_said_beside_this_years():
    text = ("7月31日，研究中心发布了2024赛迪百强县榜单。湖北8地上榜，分别是仙桃市(第54位)、大冶市(第55位)、宜都市(第61位)。\n"
            "湖北此次进入全国百强县的8地，均是去年的“老面孔”。但相较去年，整体呈现出向前进位之势：仙桃市由第56位升至第54位，"
            "大冶市由第57位升至第55位。")
    got = {(r.region_name, r.year, r.bucket) for r in extract(article(text, "2024-08-01", main="湖北省")).rankings}
    assert {("仙桃市", 2024, "top54"), ("仙桃市", 2023, "top56"), ("大冶市", 2023, "top57")} <= got
    plain = "7月31日，研究中心发布了2024赛迪百强县榜单，仙桃市(第54位)上榜。仙桃市由第56位升至第54位。"
    assert not any(r.year == 2023 for r in extract(article(plain, "2024-08-01", main="湖北省")).rankings)


def test_a_county_s_own_report_placed_in_an_assessment_without_naming_itself():
    # the county's own report: the assessment it keeps first place in, the top group it holds a position in,
    # and a bare position after 位列
    ex = extract(article("2022年，高质量发展暨目标绩效考核继续保持全市第一。", "2023-01-10", main="威县"))
    assert ("130533", 2022, "top1") in rows(ex)
    assert all(not r.contest.endswith("继续") for r in ex.rankings)
    ex = extract(article("2020年全县生产总值达到335.11亿元，县域综合竞争力位列全省十强县第四位。", "2021-01-10", main="威县"))
    assert ("130533", 2020, "top4") in rows(ex)
    ex = extract(article("2023年，威县再次入围中国县域经济百强县，位列89。", "2024-01-10", main="威县"))
    assert ("130533", 2023, "top89") in rows(ex)
    # a growth rate kept first is an indicator's position (a fact), no contest
    assert not extract(article("2022年，全县地区生产总值增速继续保持全市第一。", "2023-01-10", main="威县")).rankings


def test_a_county_s_profile_dating_its_placings_in_a_clause_before_them():
    text = "2017年12月，当选中国工业百强县(市)。2018年11月，入选2018年工业百强县(市)。2021年，威县实现地区生产总值410.95亿元。"
    ex = extract(article(text, None, main="威县"))
    assert {("130533", 2017, "top100"), ("130533", 2018, "top100")} <= rows(ex)
    # a date clause before a place's figure is no placing
    assert not extract(article("2021年12月，威县实现地区生产总值410.95亿元。", None, main="威县")).rankings


def test_a_county_placed_at_an_on_site_meeting_and_first_in_an_assessment_for_years():
    ex = extract(article("一、2021年工作回顾\n全市项目大会战流动现场会，我县获得第8名的历史最好成绩，比上年前进7位。",
                         "2022-02-11", main="威县"))
    assert ("130533", 2021, "top8") in rows(ex)
    ex = extract(article("2017年，该县完成地区生产总值57.33亿元；增比进位综合测评连续4年在全省同类县市位列第一。",
                         "2018-03-13", main="威县"))
    assert ("130533", 2017, "top1") in rows(ex)
    # '排名第一的' before a place still names that place
    ex = extract(article("2021年全市项目观摩评比中，排名第一的是广宗县。", "2022-02-11", main="邢台市"))
    assert ("130531", 2021, "top1") in rows(ex)


def test_a_weekly_assessment_notice_listing_each_unit_s_count_in_order():
    text = ("据全市重点项目建设督查考核周通报：截至6月29日，全市累计新开工项目451个。\n"
            "最近一周新开工项目数量从高到低，第一类县(市、区)依次为：宜都13个，夷陵5个，高新区2个，枝江、当阳0个；"
            "第二类县(市、区)依次为：秭归3个，远安2个，兴山、长阳、五峰0个。")
    ex = extract(article(text, None, main="宜昌市"))
    got = rows(ex)
    assert {("420581", 0, "top1"), ("420506", 0, "top2"), ("420583", 0, "top4"), ("420582", 0, "top4"),
            ("420527", 0, "top1"), ("420525", 0, "top2")} <= got
    assert all(r.contest == "重点项目建设督查考核周通报" for r in ex.rankings)


def test_the_year_a_list_is_named_with_between_the_place_and_its_placing():
    ex = extract(article("据了解，肥西已连续五年进入全省10强县，并于2006年中国中部百强县考核中进入第30名。", None, main="肥西县"))
    assert ("340123", 2006, "top30") in rows(ex)
    assert ("340123", 0, "top10") in rows(ex)     # the run of years before it names no year
