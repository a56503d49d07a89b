"""The gazetteer: codes and parents, short names, history, zones, ambiguity, groups."""
import pytest

from ledger.regions import Gazetteer, Region, get_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def test_codes_and_parents(gaz):
    qh = gaz.get("130534")
    assert (qh.name, qh.level, qh.status) == ("清河县", "county", "current")
    assert (qh.parent_code, qh.prefecture_code, qh.province_code) == ("130500", "130500", "130000")
    assert (qh.prefecture_name, qh.province_name) == ("邢台市", "河北省")
    xt = gaz.get("130500")
    assert (xt.name, xt.level, xt.parent_code) == ("邢台市", "prefecture", "130000")
    hb = gaz.get("130000")
    assert (hb.name, hb.level, hb.parent_code) == ("河北省", "province", None)


def test_municipality_districts_hang_under_the_province(gaz):
    cy = gaz.resolve("朝阳区", gaz.get("110000"))
    assert cy.code == "110105" and cy.parent_code == "110000" and cy.prefecture_code == "110000"
    assert gaz.get("110100") is None          # the 市辖区 pseudo-prefecture is not a region
    assert all(r["name"] != "市辖区" for r in gaz.region_rows())


def test_prefectures_without_counties_are_prefectures(gaz):
    dg = gaz.get("441900")
    assert dg.name == "东莞市" and dg.level == "prefecture"
    assert sum(1 for r in gaz.region_rows() if r["code"] == "441900") == 1


def test_province_administered_county_cities_have_no_prefecture(gaz):
    xt = gaz.resolve("仙桃市")
    assert xt.code == "429004" and xt.parent_code == "420000" and xt.prefecture_code is None


def test_coded_development_zones_are_zones(gaz):
    z = gaz.get("130571")
    assert z.name == "河北邢台经济开发区" and z.level == "zone" and z.prefecture_code == "130500"
    assert gaz.resolve("邢台经济开发区") == z
    assert gaz.resolve("冀南新区").code == "130473"
    assert gaz.resolve("衡水滨湖新区").code == "131172"
    assert gaz.resolve("石家庄高新区").code == "130171"


def test_zone_without_code(gaz):
    z = gaz.resolve("邢东新区")
    assert z.key == "name:邢东新区" and z.code is None and z.level == "zone"
    assert z.parent_code == "130500" and z.prefecture_name == "邢台市"
    xa = gaz.resolve("雄安新区")
    assert xa.code is None and xa.province_code == "130000" and xa.name == "河北雄安新区"


@pytest.mark.parametrize("old,new_code,new_name", [
    ("南和县", "130506", "南和区"), ("任县", "130505", "任泽区"), ("永年县", "130408", "永年区"),
    ("肥乡县", "130407", "肥乡区"), ("滦县", "130284", "滦州市"), ("藁城市", "130109", "藁城区"),
    ("鹿泉市", "130110", "鹿泉区"), ("栾城县", "130111", "栾城区"), ("丰润县", "130208", "丰润区"),
    ("抚宁县", "130306", "抚宁区"), ("徐水县", "130609", "徐水区"), ("满城县", "130607", "满城区"),
    ("清苑县", "130608", "清苑区"), ("万全县", "130708", "万全区"), ("崇礼县", "130709", "崇礼区"),
    ("冀州市", "131103", "冀州区"), ("平泉县", "130881", "平泉市"), ("唐海县", "130209", "曹妃甸区"),
    ("丰南市", "130207", "丰南区"), ("新市区", "130602", "竞秀区"),
])
def test_renamed_divisions_take_the_successors_current_code(gaz, old, new_code, new_name):
    ctx = gaz.get(new_code[:4] + "00")
    r = gaz.resolve(old, ctx)
    assert (r.code, r.name, r.status) == (new_code, new_name, "current")


def test_xingtai_city_districts_renamed_in_2020(gaz):
    ctx = gaz.get("130500")
    assert gaz.resolve("桥东区", ctx).name == "襄都区"
    assert gaz.resolve("桥西区", ctx).name == "信都区"
    ms = gaz.find_mentions("邢台市桥东区和桥西区")
    assert [(m.surface, m.region.name, m.kind) for m in ms] == [
        ("邢台市", "邢台市", "full"), ("桥东区", "襄都区", "historical"), ("桥西区", "信都区", "historical")]


def test_abolished_divisions_keep_their_historical_code(gaz):
    r = gaz.resolve("邢台县")
    assert (r.code, r.status, r.level, r.prefecture_code) == ("130521", "abolished", "county", "130500")
    assert gaz.resolve("邯郸县").code == "130421"
    rows = {r["region_key"]: r for r in gaz.region_rows()}
    assert rows["130521"]["status"] == "abolished"


def test_prefecture_wins_the_bare_short_name(gaz):
    assert gaz.resolve("邢台").code == "130500"      # not 邢台县
    assert gaz.resolve("承德").code == "130800"      # not 承德县
    assert gaz.resolve("衡水").code == "131100"
    assert gaz.resolve("廊坊").code == "131000"
    assert gaz.resolve("河北").code == "130000"


def test_short_names(gaz):
    assert gaz.resolve("清河").code == "130534"
    assert gaz.resolve("永清").code == "131023"
    assert gaz.resolve("围场").code == "130828"      # 围场满族蒙古族自治县
    assert gaz.resolve("大厂") is None               # stop-listed: an ordinary word
    assert gaz.resolve("威") is None and gaz.resolve("冀") is None   # never a single character
    assert gaz.resolve("新华") is None


def test_ambiguous_names_need_context(gaz):
    assert gaz.resolve("长安区") is None
    assert gaz.resolve("长安区", gaz.get("130100")).code == "130102"
    assert gaz.resolve("长安区", gaz.get("610100")).code == "610116"
    assert gaz.resolve("新华区", gaz.get("130900")).code == "130902"
    assert gaz.resolve("新华区", gaz.get("130105")).code == "130105"   # a sibling as context
    # 清河: 清河县 (河北) and 清河区 (辽宁 铁岭); the home province decides without context
    assert gaz.resolve("清河", gaz.get("211200")).code == "211204"


def test_prefixed_names_resolve(gaz):
    assert gaz.resolve("邢台市南和区").code == "130506"
    assert gaz.resolve("河北省邢台市清河县").code == "130534"


def test_groups_are_not_regions(gaz):
    for g in ("东部十县", "六县市", "全省各市", "各县(市、区)", "各县（市、区）", "八县(市)", "全省168个县(市、区)",
              "11个设区市", "各县市区", "其他县区"):
        assert gaz.is_group(g), g
    for n in ("清河县", "邢台市", "东部", "全市", "南和区", "十里铺"):
        assert not gaz.is_group(n), n


def test_region_rows_match_the_table(gaz):
    rows = gaz.region_rows()
    keys = [r["region_key"] for r in rows]
    assert len(keys) == len(set(keys))
    assert {"region_key", "code", "name", "short_name", "level", "status", "parent_code", "prefecture_code",
            "prefecture_name", "province_code", "province_name"} <= set(rows[0])
    assert sum(r["level"] == "province" for r in rows) == 31
    assert all(r["level"] in ("province", "prefecture", "county", "zone") for r in rows)
    assert all(r["status"] in ("current", "abolished") for r in rows)


def test_built_fresh_it_is_the_same(gaz):
    fresh = Gazetteer()
    assert fresh.region_rows() == gaz.region_rows()
    assert isinstance(fresh.resolve("清河县"), Region)


@pytest.mark.parametrize("old,code", [("襄樊市", "420600"), ("密云县", "110118"), ("郫县", "510117"),
                                      ("日喀则地区", "540200"), ("苍山县", "371324"), ("沙县", "350405")])
def test_renames_elsewhere_in_the_country(gaz, old, code):
    assert gaz.resolve(old, gaz.get(code[:2] + "0000")).code == code


def test_every_history_row_points_at_a_known_successor(gaz):
    for h in gaz.history_rows:
        if h["change"] == "renamed":
            succ = gaz.get(h["successor_code"])
            assert succ is not None and succ.name == h["successor_name"], h
        else:
            r = gaz.get(h["old_code"])
            assert r is not None and r.status == "abolished" and r.name == h["old_name"], h
        assert h["year"].isdigit() and 1980 < int(h["year"]) <= 2025


def test_more_groups_and_places_that_look_like_groups(gaz):
    for g in ("京南四县", "环首都四县市", "冀中南六市", "县(市、区)"):
        assert gaz.is_group(g), g
    for n in ("六安市", "八步区", "三河市", "五华县", "二道区", "七台河市", "十堰市"):
        assert not gaz.is_group(n), n


def test_candidates_are_every_known_surface_in_the_text_ordered_by_end_and_length():
    # the index scan against a brute force over every substring: the same (start, end, surface), ends ascending,
    # the longest first at one end; a name cut off by the end of the text is no candidate
    g = get_gazetteer()
    surfaces = set(g.names())
    longest = max(map(len, surfaces))
    text = "石家庄市桥西区和邢台市桥东区、正定县，平山；登封"
    for t in (text, text[:-1], "新乐市", ""):
        g._cand_cache = ()
        brute = sorted(((i, j, t[i:j]) for i in range(len(t)) for j in range(i + 1, min(len(t), i + longest) + 1)
                        if t[i:j] in surfaces), key=lambda c: (c[1], c[0]))
        assert g._candidates(t) == brute


def test_a_county_text_naming_only_its_prefecture_whose_name_a_county_shares_is_that_county():
    g = get_gazetteer()
    text = ("2022年，全县人民在县委、县政府的正确领导下，深入践行民本衡阳的发展理念，国民经济运行平稳。\n"
            "据统计，全县地区生产总值达319.2亿元，同比增长5.1%。")
    assert g.main_region(None, text) == ("430421", "衡阳县")
    # a prefecture no county is named after keeps the page unnamed, and so does the name said of the city
    assert g.main_region(None, text.replace("衡阳", "邵东")) != ("430421", "衡阳县")
    city = text.replace("深入践行民本衡阳的发展理念", "主动融入衡阳省域副中心城市建设")
    assert g.main_region(None, city) is None


def test_places_a_profile_measures_its_distance_to_or_borders_on_do_not_vote():
    g = get_gazetteer()
    text = ("【概况】灵寿县位于河北省石家庄市西北部。东连正定县、行唐县，西连平山县，北与阜平县为邻，距石家庄市40公里，"
            "距保定市120公里，距北京市300公里。全县辖10个乡镇。\n2022年，全县地区生产总值达123.4亿元。")
    assert g.main_region(None, text) == ("130126", "灵寿县")


def test_longjiang_is_the_province_its_news_name_unless_the_page_is_about_the_county():
    g = get_gazetteer()
    assert g.resolve("龙江").code == "230000"
    title = "肇东获龙江经济最具活力市县称号"
    text = "近年来，肇东市扎实推进新农村建设，全市经济发展态势强劲。肇东市2023年实现地区生产总值400亿元。"
    assert g.main_region(title, text) == ("231282", "肇东市")
    # on a page about 齐齐哈尔's county, the county
    assert [m.region.code for m in g.find_mentions("齐齐哈尔市龙江全县粮食产量再创新高")][-1] == "230221"


def test_a_county_text_naming_no_place_but_its_own_short_name_in_its_words():
    g = get_gazetteer()
    text = ("一、2022年工作回顾\n2022年，是桦川振兴发展进程中极不平凡的一年。在县委的正确领导下，全县上下团结奋斗。"
            "全县地区生产总值增长6%。")
    assert g.main_region("政府工作报告", text) == ("230826", "桦川县")
    # a road or a word that happens to be a county's short name says nothing ('滨江东路', '突破百亿元大关')
    other = "2022年，在县委的正确领导下，全县上下团结奋斗，财政总收入突破百亿元大关。全县地区生产总值增长6%。"
    assert g.main_region("政府工作报告", other) is None


def test_a_county_text_naming_itself_only_in_its_history_or_its_slogan():
    # 柳林 (willows) and 柞水 are no place words of the segmenter's dictionary: only a phrase of the
    # county's own report ('柳林发展史上', 建设“三个柞水”) names them
    g = get_gazetteer()
    text = ("2021年，是柳林发展史上极不平凡的一年。在县委的正确领导下，全县上下团结奋斗。"
            "全县地区生产总值增长6%。")
    assert g.main_region("工作回顾", text) == ("141125", "柳林县")
    slogan = "刚才，县发改局通报了一季度经济运行情况。全县上下紧紧围绕“三个柞水”建设，全县生产总值增长5%。"
    assert g.main_region(None, slogan) == ("611026", "柞水县")
    # a country's or a people's history names no county
    other = "2021年，是中国发展史上极不平凡的一年。全县上下团结奋斗，全县地区生产总值增长6%。"
    assert g.main_region("工作回顾", other) is None
    # a city's bulletin naming itself only in its slogan (辽阳 is also 辽阳县's short name)
    city = ("现将2017年全市国民经济和社会发展情况公报如下：2017年，在市委、市政府的正确领导下，全市紧紧围绕“四个辽阳”"
            "建设目标，全市地区生产总值增长4.1%。")
    assert g.main_region(None, city) == ("211000", "辽阳市")


def test_short_names_of_autonomous_divisions_whose_group_is_written_without_its_zu(gaz):
    assert gaz.resolve("巴音郭楞").code == "652800"
    assert gaz.resolve("克孜勒苏").code == "653000"
    assert gaz.resolve("博尔塔拉").code == "652700"


def test_a_district_named_by_a_generic_word_is_a_name_after_its_prefecture(gaz):
    assert gaz.resolve("阳泉市矿区").code == "140303"
    assert gaz.resolve("阳泉郊区").code == "140311"
    assert gaz.resolve("晋城市城区").code == "140502"
    assert gaz.resolve("矿区") is None and gaz.resolve("郊区") is None
    assert [m.region.code for m in gaz.find_mentions("阳泉市矿区2022年国民经济和社会发展统计公报")] == ["140303"]


def test_an_autonomous_county_with_its_suffix_but_not_its_peoples(gaz):
    assert gaz.resolve("肃北自治县").code == "620923"
    assert gaz.resolve("大厂自治县").code == "131028"


def test_the_old_town_is_no_place_but_luoyang_s_old_town_is(gaz):
    assert gaz.resolve("老城区") is None
    assert gaz.resolve("洛阳市老城区").code == "410302"
    assert [m.region.code for m in gaz.find_mentions("榕城区作为揭阳市的老城区，人均GDP为51000元")] == ["445202", "445200"]


def test_a_change_of_status_names_no_place(gaz):
    assert gaz.unresolved_place_names("1992年撤县设市，2016年撤地设市，那台市GDP完成") == [(20, 23, "那台市")]


def test_the_province_a_text_names_lets_its_counties_short_names_count(gaz):
    assert [m.region.code for m in gaz.find_mentions("晋江地处福建东南沿海")] == ["350582", "350000"]


def test_a_county_s_short_name_after_its_own_province_and_de(gaz):
    got = [m.region.code for m in gaz.find_mentions("福建的晋江、浙江的慈溪都上榜了")]
    assert got == ["350000", "350582", "330000", "330282"]
    assert [m.region.code for m in gaz.find_mentions("浙江的晋江")] == ["330000"]    # not its own province


def test_a_county_s_short_name_right_after_its_own_province(gaz):
    assert [m.region.code for m in gaz.find_mentions("浙江慈溪和福建晋江")] == ["330000", "330282", "350000", "350582"]


def test_a_management_committee_is_its_management_area(gaz):
    assert gaz.resolve("乌拉盖管理区").code == "152571"


def test_a_zone_named_without_its_city():
    g = get_gazetteer()
    # 包头稀土高新技术产业开发区 is written 稀土高新区 in its own news
    assert g.resolve("稀土高新区").code == "150271"
    assert g.resolve("屈原管理区").name == "岳阳市屈原管理区"
    # what is left of a name without its city must still name one zone: no 高新区, 经开区, 城乡一体化示范区 alone
    for generic in ("高新区", "经开区", "城乡一体化示范区", "滨海经开区"):
        assert g.resolve(generic) is None, generic


def test_the_national_new_areas_without_a_code_are_zones_by_name():
    g = get_gazetteer()
    r = g.resolve("西海岸新区")
    assert r is not None and r.code is None and r.level == "zone" and r.prefecture_code == "370200"
    assert g.resolve("天府新区").province_code == "510000"
    assert g.resolve("浦东新区").code == "310115"       # (a new area with a code of its own stays a district)


def test_beijing_s_city_sub_centre_is_tongzhou():
    assert get_gazetteer().resolve("北京城市副中心").code == "110112"


def test_another_province_named_often_does_not_outweigh_a_district_s_own_review(gaz):
    # a district's review names its cooperation with another municipality over and over ('北京CBD', '北京—天津港'):
    # that province is no province reviewing its counties
    text = ("2023年以来，滨海新区坚持稳中求进，经济持续恢复。2023年地区生产总值增长4.6%。"
            "设立北京CBD服务中心，推动北京至天津港班列常态化开行，增开北京—天津港集装箱班列，"
            "北京企业在滨海新区落户，北京高校在此设立研究院，与北京共建产业园。")
    assert gaz.main_region(None, text) == ("120116", "滨海新区")
    # a province's own review of its counties, naming it more often than any county, stays the province's
    own = ("河北省县域经济运行平稳。河北省各县加快发展，河北省统计局数据显示，威县地区生产总值增长5%，"
           "河北省其他县增长4%，河北省县域经济总量提升，威县列第十。")
    assert gaz.main_region(None, own) == ("130000", "河北省")


def test_a_full_name_must_begin_a_word(gaz):
    # '新增城区厕位' is 新增 + 城区 (new urban toilets), not 增城区; the district named on its own stays
    assert [m.region.name for m in gaz.find_mentions("新建城区公厕2座，新增城区厕位23个。")] == []
    assert [m.region.code for m in gaz.find_mentions("广州市增城区经济稳中向好，在增城区调研。")] == ["440100", "440118", "440118"]


def test_the_statistics_bureau_above_that_accounts_the_figures_is_not_the_subject(gaz):
    # '经广东省统计局统一核算': the province's bureau accounts the city's figures; the city is the text's region
    text = ("2021年，面对复杂严峻的环境，东莞坚持稳中求进，经济运行稳中向好。\n一、综合\n"
            "经广东省统计局统一核算，2021年东莞实现地区生产总值10855.35亿元，增长8.2%。"
            "2021年东莞地区生产总值两年平均增长5.1%。全年市一般公共预算收入769.46亿元。")
    assert gaz.main_region(None, text) == ("441900", "东莞市")
    # the bureau as the issuer of the text stays its own organ
    own = "广东省统计局发布：2021年全省地区生产总值124369.67亿元，增长8.0%，东莞增长8.2%。"
    assert gaz.main_region(None, own) == ("440000", "广东省")


def test_a_district_named_only_at_the_end_of_its_slogan(gaz):
    # a district's bulletin that speaks as 全区 and names itself only in its slogan's last word
    text = ("2022年，全区各级认真践行新发展理念，全力打造“一区三城”，“富强精美现代化新罗庄”建设迈出坚实步伐。\n"
            "一、综合\n2022年全区实现生产总值428.70亿元，同比增长2.8%。")
    assert gaz.main_region(None, text) == ("371311", "罗庄区")
    # a slogan that ends on a common word names no district
    assert gaz.main_region(None, text.replace("新罗庄", "新城区")) is None


def test_a_county_s_short_name_in_its_own_slogans_counts_toward_naming_it(gaz):
    # a county's bulletin outside the home province naming itself by its short name twice in prose and once in
    # a slogan ('实现了“利辛之变”'): three times is that county
    text = ("2023年在县委县政府坚强领导下，以“一河水”打造养心利辛新名片，实现了“利辛之变”，全县经济回升向好，"
            "现代化美好利辛建设迈出坚实步伐。\n一、综合\n初步核算，全县生产总值414.9亿元，同比增长7.4%。")
    assert gaz.main_region(None, text) == ("341623", "利辛县")
    # twice is not enough
    assert gaz.main_region(None, text.replace("现代化美好利辛建设", "现代化建设")) is None


def test_the_whole_the_first_places_are_held_in_is_no_subject():
    from ledger.regions import holds_a_position
    for text, name in (("规模以上工业增加值同比增长13.5%排名稳居吕梁前三", "吕梁"), ("万元GDP能耗下降17%，排名吕梁第一", "吕梁"),
                       ("增速居全省榜首", "全省")):
        at = text.index(name)
        assert holds_a_position(text, at, at + len(name)), text
    text = "吕梁前三季度地区生产总值增长5%"
    assert not holds_a_position(text, 0, 2)


def test_four_sibling_counties_by_their_short_names_are_read_in_their_province(gaz):
    # a 宜昌 notice that names its counties only by their short names, outside the home province
    text = "第一类县(市、区)依次为：宜都13个，夷陵5个，枝江、当阳0个；第二类依次为：秭归3个，远安2个。"
    assert {m.region.code for m in gaz.find_mentions(text)} >= {"420581", "420506", "420583", "420582", "420527", "420525"}
    # three are not enough
    assert gaz.find_mentions("依次为：宜都13个，夷陵5个，枝江0个。") == []
