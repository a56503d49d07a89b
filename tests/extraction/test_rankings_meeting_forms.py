"""Contest rankings in the forms real meeting notes use: '…前三位的分别是A、B、C', '第一名为A',
'前五名依次为：A、B…' (an ordered list), '排名后两位且未完成目标的A、B', a contest named once and
continued in the next clause ('在红黑榜中，A位列倒数第一，B排名倒数第二')."""
from ledger.extraction import extract
from tests.extraction.helpers import article


def rows(ex):
    return {(r.region_code or r.region_name, r.contest, r.year, r.bucket) for r in ex.rankings}


def test_fenbieshi_after_the_placing_and_the_contest_carried_to_the_next_clause():
    text = ("会议通报了2024年一季度项目建设竞赛结果，项目建设竞赛排名前两位的分别是宁晋县、清河县；"
            "排名后两位的是内丘县、平乡县，两县作表态发言。")
    got = rows(extract(article(text, "2024-04-16", main="邢台市")))
    # '前两位的分别是A、B' states the order (as the real-page gold reads it): A first, B second
    assert got == {("130528", "项目建设竞赛", 2024, "top1"), ("130534", "项目建设竞赛", 2024, "top2"),
                   ("130523", "项目建设竞赛", 2024, "bottom2"), ("130532", "项目建设竞赛", 2024, "bottom2")}


def test_ordinal_slots():
    text = "在2023年度经济运行综合考核中，第一名为沙河市，第二名为威县，第三名为任泽区。"
    got = rows(extract(article(text, "2024-01-20", main="邢台市")))
    assert {(c, b) for c, _, _, b in got} == {("130582", "top1"), ("130533", "top2"), ("130505", "top3")}
    assert {y for _, _, y, _ in got} == {2023}


def test_yici_and_de_fenbie_give_each_its_position_a_bare_group_does_not():
    # the real-page gold (two annotators each, ../shared/eval/real g022 and g040, batch b4) reads
    # '前三位的分别为A、B、C' as ordered; '前三位，分别为' and '前三位是' name the group
    ordered = rows(extract(article("综合考核得分前三名依次为：宁晋县、沙河市、威县。", "2024-01-20", main="邢台市")))
    assert {(c, b) for c, _, _, b in ordered} == {("130528", "top1"), ("130582", "top2"), ("130533", "top3")}
    fenbie = rows(extract(article("综合考核排名前三位的分别为宁晋县、沙河市、威县。", "2024-01-20", main="邢台市")))
    assert {(c, b) for c, _, _, b in fenbie} == {("130528", "top1"), ("130582", "top2"), ("130533", "top3")}
    for text in ("综合考核排名前三位，分别为宁晋县、沙河市、威县。", "综合考核排名前三位的是宁晋县、沙河市、威县。"):
        group = rows(extract(article(text, "2024-01-20", main="邢台市")))
        assert {b for _, _, _, b in group} == {"top3"}, text


def test_qualifier_between_placing_and_places():
    text = "重点项目推进考核排名后两位且未完成一季度目标任务的临西县、襄都区被约谈。"
    got = rows(extract(article(text, "2024-04-16", main="邢台市")))
    assert {(c, b) for c, _, _, b in got} == {("130535", "bottom2"), ("130502", "bottom2")}


def test_contest_continues_to_the_next_clause_but_split_lists_stay_split():
    text = "在县域经济红黑榜中，隆尧县位列倒数第一，广宗县排名倒数第二。"
    got = rows(extract(article(text, "2024-04-16", main="邢台市")))
    assert {(c, b) for c, _, _, b in got} == {("130525", "bottom1"), ("130531", "bottom2")}


def test_departments_and_metric_ordinals_are_no_contest_rows():
    text = ("市直部门考核排名前两位的是市发改委、市商务局。"
            "地区生产总值总量第一名为宁晋县。")
    assert rows(extract(article(text, "2024-04-16", main="邢台市"))) == set()


def test_contest_named_by_a_results_clause_and_scope_between_verb_and_place():
    text = ("2023年度全市县域经济高质量发展考核结果出炉，宁晋县、沙河市、威县位列前三，临城县、新河县排名后两位。"
            "在全市项目建设观摩拉练中，清河县排名全市第一，南宫市位居全市第二。")
    got = rows(extract(article(text, "2024-02-10", main=None)))
    assert {(c, b) for c, _, _, b in got} == {
        ("130528", "top3"), ("130582", "top3"), ("130533", "top3"), ("130522", "bottom2"), ("130530", "bottom2"),
        ("130534", "top1"), ("130581", "top2")}
    assert {ct for _, ct, _, _ in got} == {"县域经济高质量发展考核", "项目建设观摩拉练"}
    assert {y for _, _, y, _ in got} == {2023}


def test_metric_rank_with_scope_is_no_contest():
    text = "上半年，宁晋县地区生产总值增速排名全市第一，威县固定资产投资增速位居全市第二。"
    assert rows(extract(article(text, "2024-07-20", main="邢台市"))) == set()


def test_relative_year_of_the_contest():
    text = "会议通报了去年项目建设竞赛结果，项目建设竞赛排名第一的宁晋县作典型发言。"
    got = rows(extract(article(text, "2024-02-20", main="邢台市")))
    assert got == {("130528", "项目建设竞赛", 2023, "top1")}
    text = "今年一季度项目建设竞赛排名第一的宁晋县作典型发言，较上年同期前移两位。"
    assert {y for _, _, y, _ in rows(extract(article(text, "2024-04-20", main="邢台市")))} == {2024}


def test_contest_named_by_the_sentence_lead_clause():
    text = "投资运行“黑榜”，分别是工作量化评分在县(市、区)排名后两位且未完成一季度目标的临西县、平乡县。"
    got = rows(extract(article(text, "2024-04-20", main="邢台市")))
    assert got == {("130535", "投资运行黑榜", 2024, "bottom2"), ("130532", "投资运行黑榜", 2024, "bottom2")}


def test_fenlie_with_a_group_placing_is_a_group_and_with_a_list_is_split():
    """'A、B分列前两位' is one top2 placing for both (it was lost once the split-list guard took
    every '分列'); 'A、B分列第一、第二位' gives each its own place, once."""
    group = rows(extract(article("2023年全市项目建设竞赛中，宁晋县、清河县分列前两位。", "2024-01-20", main="邢台市")))
    assert group == {("130528", "项目建设竞赛", 2023, "top2"), ("130534", "项目建设竞赛", 2023, "top2")}
    split = extract(article("2023年全市项目建设竞赛中，宁晋县、清河县分列第一、第二位。", "2024-01-20", main="邢台市"))
    assert sorted((r.region_code, r.bucket) for r in split.rankings) == [("130528", "top1"), ("130534", "top2")]


def test_the_named_lead_of_a_counted_group_in_an_assessment():
    # 'A等10个县(市)<indicator>位列全省前十位' on a page about an assessment: A is in the top ten
    text = ("省里对各县（市）2019年主要指标从总量和增幅两方面排序。经过排序，"
            "迁安市等10个县（市）地区生产总值位列全省前十位，正定县等10个县（市）工业增加值增幅位列全省前十位。")
    got = {(c, y, b) for c, _, y, b in rows(extract(article(text, None, title="主要经济指标排名前十位县（市）受表彰")))}
    assert got == {("130283", 2019, "top10"), ("130123", 2019, "top10")}
    # the count must be the group's: '等3个县' placed in 前十 is not the group's lead
    text2 = "经过排序，迁安市等3个县（市）地区生产总值位列全省前十位。"
    assert rows(extract(article(text2, "2020-03-01", title="主要经济指标排名前十位县（市）受表彰"))) == set()
    # without an assessment a county's indicator in a top group is no contest row
    text3 = "迁安市等10个县（市）地区生产总值位列全省前十位。"
    assert rows(extract(article(text3, "2020-03-01", title="一季度经济运行情况"))) == set()


def test_split_positions_with_spaces_and_one_place_placed_in_several_lists():
    text = ("2018年11月20日，第十八届全国县域经济百强和全国县域综合发展百强名单揭晓，正定县分别位居第八名和第五名。"
            "此外，迁安市、武安市、三河市分列第16 位、第31位、第76位。")
    got = {(c, b) for c, _, _, b in rows(extract(article(text, None, title="全国县域经济百强排名公布")))}
    assert got == {("130123", "top8"), ("130123", "top5"), ("130283", "top16"), ("130481", "top31"),
                   ("131082", "top76")}


def test_an_undated_page_dates_its_contest_by_the_announcement_date_in_its_text():
    text = "2018年11月20日，全国县域经济百强名单揭晓，正定县位居第八名。"
    got = {(c, y, b) for c, _, y, b in rows(extract(article(text, None, title="全国县域经济百强排名公布")))}
    assert got == {("130123", 2018, "top8")}


def test_tied_members_share_a_place_and_a_list_confirmed_by_a_members_position_is_ordered():
    text = ("研究所发布《第十届县域经济监测评价报告》。评价全国县域经济五强县分别是：河北迁安市和河北武安市（并列）、"
            "河北三河市、河北正定县、河北辛集市。其中正定县位列第3，辛集市位列第4。")
    got = {(c, b) for c, _, _, b in rows(extract(article(text, None, title="县域经济监测评价报告发布")))}
    assert {("130283", "top1"), ("130481", "top1"), ("131082", "top2"), ("130123", "top3"),
            ("130181", "top4")} <= got
    assert not any(b == "top5" for _, b in got)
    # without a member's own position the same list names a group
    text2 = text.split("其中")[0]
    got2 = {(c, b) for c, _, _, b in rows(extract(article(text2, None, title="县域经济监测评价报告发布")))}
    assert got2 == {(c, "top5") for c in ("130283", "130481", "131082", "130123", "130181")}


def test_an_ordered_list_with_a_tie_and_a_split_after_a_connective():
    text = ("在全国综合发展百强榜上，全国五强依次是：河北迁安市和河北武安市（并列）、河北三河市、河北正定县、河北辛集市。"
            "其中正定县、辛集市分列第3、第4位。")
    got = {(c, b) for c, _, _, b in rows(extract(article(text, "2023-12-07", title="全国综合发展百强榜发布")))}
    assert got == {("130283", "top1"), ("130481", "top1"), ("131082", "top2"), ("130123", "top3"), ("130181", "top4")}


def test_an_indicators_order_on_a_contest_page_is_no_contest_position():
    text = ("全国县域经济百强榜发布。从地区生产总值增速来看，正定县以6.3%高居榜首，辛集市排在第2，三河市位居第3。"
            "其中迁安市位列第5，武安市位列第9。")
    got = {(c, b) for c, _, _, b in rows(extract(article(text, "2023-12-07", title="全国县域经济百强榜发布")))}
    assert ("130181", "top2") not in got and ("131082", "top3") not in got
    assert {("130283", "top5"), ("130481", "top9")} <= got


def test_members_named_after_a_top_group_and_positions_after_a_connective():
    text = ("7月25日，《2023中国县域经济百强研究》发布。从地域分布来看，百强县前十名中，河北省占了3席，"
            "其中前两名均来自河北，分别是迁安、武安，另外三河排名第六。")
    got = {(c, y, b) for c, _, y, b in rows(extract(article(text, "2023-07-27", title="百强县榜单发布 河北三县进入前十")))}
    assert got == {("130283", 2023, "top2"), ("130481", 2023, "top2"), ("131082", 2023, "top6")}


def test_a_bare_list_of_places_on_a_top_n_contest_page_and_a_year_in_a_reports_title():
    text = ("8月22日，研究所发布《2015县域经济发展报告》，第十五届全国县域经济百强县揭晓。\n"
            "河北名单：\n迁安、武安、三河、正定、辛集、任丘\n")
    got = {(c, y, b) for c, _, y, b in rows(extract(article(text, "2024-11-19", title="全国县域经济百强河北六县上榜")))}
    assert got == {(c, 2015, "top100") for c in ("130283", "130481", "131082", "130123", "130181", "130982")}
    # the same list on a page about no contest is no ranking
    assert rows(extract(article(text.replace("百强县揭晓", "会议召开"), "2024-11-19", title="县域经济会议召开"))) == set()


def test_bare_lists_under_captions_take_the_captions_group():
    text = ("近日，《关于表彰2021年度全省县域经济社会发展监测评价先进县的通报》印发。\n"
            "● 2021年度全省县域经济社会发展“十强县”:\n迁安市、武安市、三河市、正定县、辛集市、任丘市\n"
            "● 2021年度全省城区经济社会发展“五强区”:\n路北区、路南区、丰南区、桥西区、裕华区\n"
            "● 2021年度全省县域经济社会发展“争先进位县”:\n威县、广宗县、平乡县、临西县、内丘县\n")
    got = {(c, b) for c, _, _, b in rows(extract(article(text, None, title="全省十强县出炉")))}
    assert ("130283", "top10") in got and ("130203", "top5") in got
    assert not any(c in ("130533", "130531", "130532", "130535", "130523") for c, _ in got)
    assert not any(c == "130203" and b == "top10" for c, b in got)


def test_placings_on_named_top_lists_on_a_countys_own_page():
    text = ("正定县经济技术开发区为省级开发区。2015年第十五届全国百强县名单，列第44位。"
            "2022年7月，正定县上榜2022年长三角百强县第34名。2022年5月，正定县入选2022年度县市电商竞争力百佳样本第26位。")
    got = {(c, y, b) for c, _, y, b in rows(extract(article(text, None, main="正定县")))}
    assert {("130123", 2015, "top44"), ("130123", 2022, "top34"), ("130123", 2022, "top26")} <= got
    # the same placeless clause on a prefecture's page names no one
    assert not rows(extract(article("2015年第十五届全国百强县名单，列第44位。", None, main="石家庄市")))


def test_a_short_aside_after_a_member_does_not_end_the_list():
    text = ("2023年全省县域经济五强县依次是：迁安市、武安市(县级市)、三河市、正定县(微博)、辛集市。")
    got = {(c, b) for c, _, _, b in rows(extract(article(text, "2024-01-10", title="全省县域经济五强县揭晓")))}
    assert got == {("130283", "top1"), ("130481", "top2"), ("131082", "top3"), ("130123", "top4"), ("130181", "top5")}


def test_first_on_a_named_list_and_the_places_that_follow_it():
    text = ("2014年全省县域经济排名显示，迁安市以明显优势领跑全省，位列全省经济强县榜首。"
            "紧随其后的是武安市、三河市、正定县和辛集市，共同构成当年全省五大经济强县阵容。")
    got = {(c, y, b) for c, _, y, b in rows(extract(article(text, "2015-01-10", title="全省各县经济排名")))}
    assert got == {("130283", 2014, "top1"), ("130481", 2014, "top2"), ("131082", 2014, "top3"),
                   ("130123", 2014, "top4"), ("130181", 2014, "top5")}
    # an indicator's first place is a fact, not a contest's; and 紧随其后 after no first place names none
    assert not rows(extract(article("2019年，正定县位居全省GDP榜首。", "2020-01-10", title="全省各县经济排名")))
    assert not rows(extract(article("紧随其后的是武安市、三河市。", "2020-01-10", title="全省各县经济排名")))
    # first among one province's entrants of a national list is no place on that list
    assert not rows(extract(article("2019年，正定县仍居全国百强县市河北榜首。", "2020-01-10", title="全国百强县")))


def test_a_named_top_group_in_order_without_a_placing_verb():
    text = "2020年河北省县域工业30强县(市)前五名依次是迁安市、武安市、三河市、正定县和辛集市。"
    got = {(c, y, b) for c, _, y, b in rows(extract(article(text, "2020-10-16", title="县域工业30强名单出炉")))}
    assert got == {("130283", 2020, "top1"), ("130481", 2020, "top2"), ("131082", 2020, "top3"),
                   ("130123", 2020, "top4"), ("130181", 2020, "top5")}
    # an indicator's order is a fact's, and the prefectures of a county contest are placed nowhere
    assert not rows(extract(article("全省地区生产总值前三名依次是迁安市、武安市、三河市。", "2020-10-16",
                                    title="县域工业30强名单出炉")))
    assert not rows(extract(article("入围县(市)工业竞争力平均水平从高到低依次为唐山、石家庄、邯郸和沧州。",
                                    "2020-10-16", title="县域工业30强名单出炉")))


def test_a_counted_class_of_an_assessment_listed_in_full_is_a_top_group():
    text = ("省政府日前公布了2023年度县域经济考核结果。根据综合得分，5个经济强县为：正定县、迁安市、武安市、三河市和任丘市；"
            "3个县域经济发展先进县是：威县、平乡县和广宗县。\n"
            "全市有4个示范县为：南宫市、沙河市、临西县和清河县。")
    ex = extract(article(text, "2024-03-02", main="河北省"))
    got = {(r.region_code, r.year, r.bucket) for r in ex.rankings}
    assert got == {(c, 2023, "top5") for c in ("130123", "130283", "130481", "131082", "130982")} | \
        {(c, 2023, "top3") for c in ("130533", "130532", "130531")}


def test_places_with_their_position_in_brackets_on_a_page_about_a_top_list():
    text = ("近日，《2023年全国县域经济百强榜》正式发布，我省3地入围。\n"
            "1、迁安市（全榜排名第18）\n迁安市位于唐山东北部。\n"
            "2、武安市(41位)\n"
            "三河市（2022年）")
    ex = extract(article(text, "2023-08-01", main="河北省"))
    got = {(r.region_code, r.year, r.bucket) for r in ex.rankings}
    assert got == {("130283", 2023, "top18"), ("130481", 2023, "top41")}


def test_the_members_of_a_top_list_after_de_and_who_they_are():
    text = "2023年中部百强县榜单发布，河南入围中部百强的县分别是新郑、巩义、荥阳、长葛和永城。"
    ex = extract(article(text, "2023-09-01", main="河南省"))
    got = {(r.region_code, r.year, r.bucket) for r in ex.rankings}
    assert got == {(c, 2023, "top100") for c in ("410184", "410181", "410182", "411082", "411481")}


def test_places_a_contest_s_results_put_among_the_foremost_are_its_top_n():
    text = ("7月18日，《河北县域高质量发展研究报告(2024)》发布。\n"
            "综合测评结果显示，迁安市、正定县、武安市和三河市等县(市)名列前茅。\n"
            "从地区生产总值看，迁安市、武安市、三河市名列前茅。")
    ex = extract(article(text, None, main="河北省"))
    got = {(r.region_code, r.year, r.bucket) for r in ex.rankings}
    assert got == {(c, 2024, "top4") for c in ("130283", "130123", "130481", "131082")}


def test_a_year_in_brackets_at_the_end_of_a_report_s_long_title_is_the_list_s_year():
    text = "2025年3月，《河北省县域经济高质量发展研究报告(2024)》发布，正定县在县域综合实力评价中位列第3名。"
    ex = extract(article(text, "2025-03-20", main="正定县"))
    assert {(r.region_code, r.year, r.bucket) for r in ex.rankings} == {("130123", 2024, "top3")}


def test_a_top_group_announced_then_its_members():
    text = "2023年度河北省县域经济十强县正式公布：分别是迁安市、武安市、正定县、三河市、任丘市、遵化市、滦州市、黄骅市、辛集市和定州市。"
    ex = extract(article(text, "2024-05-10", main="河北省"))
    got = {(r.region_code, r.year, r.bucket) for r in ex.rankings}
    assert len(got) == 10 and all(b == "top10" and y == 2023 for _, y, b in got)
    assert ("130283", 2023, "top10") in got and all(c for c, _, _ in got)


def test_a_county_report_s_own_first_place_and_its_list_of_positions():
    text = ("一、2023年工作回顾\n"
            "——综合实力更强。荣登全国投资潜力百强县榜首，位居全国百强县科技创新第3、绿色发展第6，跻身全国先进县行列。\n"
            "——增长更快。位居全省GDP第3、财政收入第5。\n"
            "正定县位居全国百强县第9、全省第1。")
    ex = extract(article(text, "2024-01-20", main="晋州市"))
    got = {(r.region_code, r.year, r.bucket) for r in ex.rankings}
    assert {("130183", 2023, "top1"), ("130183", 2023, "top3"), ("130183", 2023, "top6")} <= got
    assert not any(b == "top5" for _, _, b in got) and not any(c == "130183" and b == "top9" for c, _, b in got)


def test_a_one_line_table_whose_rows_open_with_the_place_and_whose_header_names_its_score():
    # no contest named at the top, its year written without 年; the index column makes it a contest's table
    text = ("日前，2022中国北方县域竞争力报告发布，那么，还有哪些县市上榜了呢？ 县域单位 | 排序 | 竞争力指数 | 河北迁安市 | 1 | 120.98 | "
            "河北武安市 | 2 | 112.48 | 山东龙口市 | 3 | 103.79 | 河北正定县 | 4 | 92.28 |")
    ex = extract(article(text, None, main="河北省"))
    got = {(r.region_code, r.year, r.bucket) for r in ex.rankings}
    assert {("130283", 2022, "top1"), ("130481", 2022, "top2"), ("370681", 2022, "top3"),
            ("130123", 2022, "top4")} <= got


def test_a_one_line_table_of_an_indicator_with_no_score_is_no_contest():
    text = "各县地区生产总值排序如下。 县域单位 | 排序 | 地区生产总值 | 迁安市 | 1 | 1120.9 | 武安市 | 2 | 812.4 | 正定县 | 3 | 403.7 |"
    ex = extract(article(text, "2023-02-01", main="河北省"))
    assert not ex.rankings


def test_a_list_named_with_its_year_keeps_it_and_provinces_are_no_contestants():
    # (a table of two (rank, place) column pairs, on a page about a list whose name carries its year)
    text = ("《2023全国综合实力百强县》发布。2022年，全国百强县中江苏、浙江、山东上榜数量位居前三。\n"
            "排名 | 名单 | 排名 | 名单 |\n1 | 江苏昆山市 | 51 | 福建安溪县 |\n2 | 江苏江阴市 | 52 | 江苏东台市 |")
    ex = extract(article(text, "2023-08-01", main="江苏省"))
    got = {(r.region_code, r.year, r.bucket) for r in ex.rankings}
    assert got == {("320583", 2023, "top1"), ("350524", 2023, "top51"), ("320281", 2023, "top2"),
                   ("320981", 2023, "top52")}


def test_first_in_a_class_of_a_contest_the_sentences_before_name():
    text = ("会议表彰了2023年度高质量发展先进市县。一年一度的市县综合考核评价结果揭晓。"
            "其中邢台市排在一类设区市的第一位，衡水市排在二类设区市的第一位。正定县排在一类县第一位，威县排在贫困县第一位。")
    ex = extract(article(text, "2024-10-24", main="河北省"))
    got = {(r.region_code, r.year, r.bucket) for r in ex.rankings}
    assert got == {("130500", 2023, "top1"), ("131100", 2023, "top1"), ("130123", 2023, "top1"), ("130533", 2023, "top1")}


def test_a_top_group_a_ranking_table_places_in_full_gives_way_to_the_positions():
    text = ("2022中国北方百强县市发布，其中前3位分别为河北迁安市、河北武安市、山东龙口市。那么还有哪些县市上榜了呢？ "
            "县域单位 | 排序 | 竞争力指数 | 河北迁安市 | 1 | 120.98 | 河北武安市 | 2 | 112.48 | 山东龙口市 | 3 | 103.79 | "
            "河北正定县 | 4 | 92.28 |")
    ex = extract(article(text, None, main="河北省"))
    got = {(r.region_code, r.year, r.bucket) for r in ex.rankings}
    assert got == {("130283", 2022, "top1"), ("130481", 2022, "top2"), ("370681", 2022, "top3"), ("130123", 2022, "top4")}


def test_a_position_said_after_the_list_s_name_and_not_the_place_that_holds_the_contest():
    ex = extract(article("2018年，正定县连续18届跻身全国县域经济基本竞争力百强县(市)行列，排名上升至第29位。",
                         "2019-01-02", main="正定县"))
    assert {(r.region_code, r.year, r.bucket) for r in ex.rankings} == {("130123", 2018, "top29")}
    ex = extract(article("2023年，我区首度跻身石家庄高质量发展考核第一等次，位列2023全国市辖区高质量发展百强第33名。",
                         "2024-02-01", main="鹿泉区"))
    assert {(r.region_code, r.year, r.bucket) for r in ex.rankings} == {("130110", 2023, "top33")}


def test_places_that_are_the_top_group_said_with_wei():
    text = "10月20日，省统计局通报了2015年县级经济综合评价结果，迁安市、武安市、三河市为全省十强县。"
    ex = extract(article(text, "2016-10-21", main="河北省"))
    assert {(r.region_code, r.year, r.bucket) for r in ex.rankings} == {(c, 2015, "top10") for c in ("130283", "130481", "131082")}


def test_the_first_n_taken_by_the_places_named():
    text = "2019年全国综合实力百强县市榜单揭晓。“百强县”的前三名被我省的迁安、武安、三河包揽，遵化位居第7名。"
    ex = extract(article(text, "2019-10-09", main="河北省"))
    got = {(r.region_code, r.year, r.bucket) for r in ex.rankings}
    assert {("130283", 2019, "top3"), ("130481", 2019, "top3"), ("131082", 2019, "top3")} <= got


def test_places_that_keep_the_first_places_and_the_place_of_a_place_placed():
    text = ("5月13日，2014年度全省县域经济社会发展十强县等公布，石家庄的长安区等5个区为“城区经济社会发展五强区”。"
            "与2013年相比，2014年“十强县”依然为老面孔，迁安市、武安市、三河市蝉联前三。")
    ex = extract(article(text, "2015-05-14", main="河北省"))
    got = {(r.region_code, r.year, r.bucket) for r in ex.rankings}
    assert {("130102", 2014, "top5"), ("130283", 2014, "top3"), ("130481", 2014, "top3"), ("131082", 2014, "top3")} <= got
    assert not any(c == "130100" for c, _, _ in got)


def test_places_that_take_positions_with_fenju_and_a_county_that_rises_to_a_position_on_a_list():
    text = "2020年全国投资潜力百强县发布，我省共有21个县市入选，其中正定县排名第10位，辛集市、晋州市和新乐市分居第23、34和55位。"
    ex = extract(article(text, "2020-12-01", main="河北省"))
    got = {(r.region_code, r.year, r.bucket) for r in ex.rankings}
    assert {("130181", 2020, "top23"), ("130183", 2020, "top34"), ("130184", 2020, "top55")} <= got
    ex = extract(article("2012年，全年实现地区生产总值450亿元，县域综合实力上升到全国百强县第67位。", "2013-01-20", main="正定县"))
    assert ("130123", 2012, "top67") in {(r.region_code, r.year, r.bucket) for r in ex.rankings}


def test_positions_that_go_on_after_a_placing_of_the_same_list():
    text = "根据2018年中国百强县榜单，河北省有3个县市入围，分别是排名第28位的迁安市、第43位的武安市和第97位的三河市。"
    ex = extract(article(text, "2018-10-10", main="河北省"))
    got = {(r.region_code, r.year, r.bucket) for r in ex.rankings}
    assert {("130283", 2018, "top28"), ("130481", 2018, "top43"), ("131082", 2018, "top97")} <= got


def test_the_year_a_span_begins_is_no_contest_s_year():
    text = "迁安市自2002年以来连续十年位居河北省县级30强之首，在全国县域经济基本竞争力百强评比中列第23位。"
    ex = extract(article(text, "2013-01-13", main="迁安市"))
    assert {(r.region_code, r.year) for r in ex.rankings} == {("130283", 2013)}


def test_the_base_year_of_a_multiple_is_no_contest_s_year():
    text = "一、2021年工作回顾\n地区生产总值从129.8亿元增长到325亿元，是2016年的2.5倍；县域综合竞争力跃升至全省第18位。"
    ex = extract(article(text, "2021-12-26", main="正定县"))
    assert {(r.region_code, r.year, r.bucket) for r in ex.rankings} == {("130123", 2021, "top18")}
