"""Mentions in running text, main regions, unresolved place-like names, jieba segmentation.

The fixture texts are written for these tests in the style of county news; the seeds are
read from ../shared/seeds and skipped when absent.
"""
import pytest

from ledger.parsing import parse_file
from ledger.regions import get_gazetteer
from ledger.segment import cut, keywords, user_dictionary_path


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def spans(ms):
    return [(m.surface, m.region.code or m.region.key, m.kind) for m in ms]


# ---------------------------------------------------------------- find_mentions

def test_mentions_are_left_to_right_longest_first_with_offsets(gaz):
    text = "今年，河北省邢台市清河县羊绒产业营业收入增长12%。"
    ms = gaz.find_mentions(text)
    assert spans(ms) == [("河北省", "130000", "full"), ("邢台市", "130500", "full"), ("清河县", "130534", "full")]
    for m in ms:
        assert text[m.start:m.end] == m.surface


def test_historical_names_keep_the_surface_and_take_the_successor(gaz):
    ms = gaz.find_mentions("2019年，南和县地区生产总值完成120亿元，任县增长6.8%。")
    assert spans(ms) == [("南和县", "130506", "historical"), ("任县", "130505", "historical")]
    assert ms[0].region.name == "南和区"


def test_short_name_boundaries(gaz):
    # 清河湖 is a lake, 邢台日报 a newspaper, 大城市 a big city: none is a mention of a county
    assert spans(gaz.find_mentions("加快清河湖湿地建设。")) == []
    assert [m.surface for m in gaz.find_mentions("（文章来源：邢台日报）")] == []
    assert spans(gaz.find_mentions("向大城市看齐")) == []
    # 示范县 is one word: no 范县 (河南) inside it
    assert spans(gaz.find_mentions("争创国家级健康促进示范县")) == []
    # but a short name used as the county is found
    assert spans(gaz.find_mentions("清河羊绒产业产值突破200亿元")) == [("清河", "130534", "short")]


def test_industry_cluster_names_refer_to_the_county(gaz):
    # documented decision: 宁晋电线电缆 is 宁晋县's industry, so 宁晋 is a mention of 宁晋县
    assert spans(gaz.find_mentions("宁晋电线电缆产业集群")) == [("宁晋", "130528", "short")]


def test_short_names_of_distant_counties_are_ordinary_words(gaz):
    # 资源县 (广西), 通道侗族自治县 (湖南), 平原县 (山东): their short names are common words
    text = "整合资源，打通通道，华北平原地区"
    assert spans(gaz.find_mentions(text)) == []
    # their full names still resolve
    assert gaz.resolve("资源县").code == "450329"


def test_ambiguous_names_follow_the_text_and_the_region_before(gaz):
    ms = gaz.find_mentions("邢台市召开会议，桥东区、桥西区负责同志参加。")
    assert spans(ms)[1:] == [("桥东区", "130502", "historical"), ("桥西区", "130503", "historical")]
    ms = gaz.find_mentions("石家庄市桥西区、长安区、新华区")
    assert [m.region.code for m in ms] == ["130100", "130104", "130102", "130105"]
    ms = gaz.find_mentions("沧州市新华区")
    assert ms[-1].region.code == "130902"
    # a caller's context wins
    ms = gaz.find_mentions("新华区经济运行平稳", context=gaz.get("130900"))
    assert ms[0].region.code == "130902"
    # and with no clue an ambiguous name is left out
    assert gaz.find_mentions("新华区经济运行平稳") == []


def test_zone_mentions(gaz):
    ms = gaz.find_mentions("经济运行排名第一的邢东新区，冀南新区和雄安新区")
    assert spans(ms) == [("邢东新区", "name:邢东新区", "zone"), ("冀南新区", "130473", "zone"),
                         ("雄安新区", "name:河北雄安新区", "zone")]


def test_region_before_the_generic_word_region(gaz):
    # 河北区域 is 河北 + 区域, not 天津's 河北区
    ms = gaz.find_mentions("河北区域协调发展")
    assert spans(ms) == [("河北", "130000", "short")]


def test_linear_pass_on_a_long_text(gaz):
    text = "清河县羊绒产业发展良好，邢台市南和区宠物食品。" * 2000
    ms = gaz.find_mentions(text)
    assert len(ms) == 2000 * 3


# ---------------------------------------------------------------- main region

FIXTURES = [
    # (title, body, expected code)
    ("威县：一季度经济运行稳中有进",
     "今年一季度，威县完成地区生产总值35.2亿元，同比增长6.1%，增速居全市第二位。全县规模以上工业增加值"
     "增长8.3%。威县县委、县政府坚持项目为王。", "130533"),
    ("邢台市召开项目建设推进会",
     "会上通报了各县(市、区)项目进展。宁晋县、威县、清河县分别作了发言。我市将加快项目建设。"
     "邢台市委书记出席会议。", "130500"),
    ("打造冀中南物流枢纽",
     "近年来，南和县依托区位优势，大力发展宠物食品产业。全县宠物食品企业达到200余家。南和宠物产业"
     "已成为县域经济新名片。(作者为南和区委书记)", "130506"),
    ("县域经济观察", "我县坚持工业立县，全县经济总量稳步提升。", None),
]


@pytest.mark.parametrize("title,body,code", FIXTURES)
def test_main_region_on_fixtures(gaz, title, body, code):
    got = gaz.main_region(title, body)
    assert (got[0] if got else None) == code


def test_main_region_of_a_zone_without_code(gaz):
    got = gaz.main_region("邢东新区：项目建设跑出加速度", "邢东新区坚持项目为王。邢东新区今年签约项目12个。")
    assert got == (None, "邢东新区")


def test_main_region_is_none_for_a_text_about_an_unknown_place(gaz):
    body = ("那台市委坚决贯彻省委部署。那台将加快推动综合经济实力实现新提升，河北省委提出要求。"
            "那台市在三方面下功夫。")
    assert gaz.main_region("那台：奋力赶超", body) is None


SEED_MAIN = {"000": "130534", "001": "131100", "003": "131023", "004": "130500"}


@pytest.mark.parametrize("prefix,code", sorted(SEED_MAIN.items()))
def test_main_region_on_seeds(gaz, seeds_dir, prefix, code):
    path = next(seeds_dir.glob(prefix + "_*"))
    parsed = parse_file(path.name, path.read_bytes())
    art = parsed.articles[0]
    assert gaz.main_region(art.title, art.text)[0] == code


def test_seed_002_nata_is_unresolved_never_xingtai(gaz, seeds_dir):
    path = next(seeds_dir.glob("002_*"))
    parsed = parse_file(path.name, path.read_bytes())
    text = "\n".join(a.text for a in parsed.articles)
    names = {n for _, _, n in gaz.unresolved_place_names(text)}
    assert "那台市" in names
    assert all(m.region.code != "130500" for m in gaz.find_mentions(text) if "那台" in m.surface)
    assert gaz.resolve("那台市") is None and gaz.resolve("那台") is None


# ---------------------------------------------------------------- unresolved names

def test_unresolved_place_names(gaz):
    text = "那台市委坚决贯彻省委部署，实施好《那台市社会信用促进条例》。那台重点在三方面下大力气。"
    got = gaz.unresolved_place_names(text)
    assert (0, 3, "那台市") in got
    assert any(n == "那台" and text[s:e] == "那台" for s, e, n in got)
    for s, e, n in got:
        assert text[s:e] == n


def test_unresolved_ignores_generic_words_and_known_names(gaz):
    text = ("全市上下、我市、该县、城市、超市、设区市、市区、县城、各县(市、区)、开发区、园区、新区、"
            "促进县域经济发展，制定市级规划，示范县，百强县，邢台市区，清河县城，桥东区，"
            "感谢李市长，禁燃区，人才兴市，工业强县，一名市民。")
    assert gaz.unresolved_place_names(text) == []


# ---------------------------------------------------------------- groups

def test_groups(gaz):
    assert gaz.is_group("东部十县") and gaz.is_group("六县市") and gaz.is_group("全省各市")
    assert not gaz.is_group("清河县")


# ---------------------------------------------------------------- jieba

def test_place_names_are_single_tokens():
    toks = cut("南和县宠物食品产业和清河县羊绒产业，邢东新区、冀南新区、围场满族蒙古族自治县")
    for name in ("南和县", "清河县", "邢东新区", "冀南新区", "围场满族蒙古族自治县"):
        assert name in toks, (name, toks)


def test_words_around_place_names_stay_whole():
    assert "示范县" in cut("争创国家级示范县")


def test_metric_terms_are_single_tokens():
    from ledger.segment import metric_labels

    import re

    # jieba always cuts at punctuation (城镇、农村…), so only labels without it can be one token
    labels = [l for l in metric_labels() if re.fullmatch(r"[\u4e00-\u9fa5A-Za-z0-9]{2,}", l)]
    if not labels:
        pytest.skip("no metric lexicon yet")
    for label in labels:
        for ctx in ("今年{}完成", "全县{}同比增长", "实现{}12亿元"):
            assert label in cut(ctx.format(label)), (label, ctx)


def test_user_dictionary_is_generated_in_the_cache_with_every_name(gaz):
    path = user_dictionary_path()
    from ledger.config import cache_dir

    assert path.parent == cache_dir()
    words = {line.split(" ")[0] for line in path.read_text(encoding="utf-8").splitlines()}
    assert {"清河县", "清河", "南和县", "邢东新区", "邢台"} <= words
    assert "威" not in words


def test_keywords():
    kw = keywords("清河县羊绒产业发展迅速，清河县羊绒企业达到1000家，羊绒产业成为清河县的支柱产业。", k=3)
    assert "羊绒" in kw and "清河县" in kw


# ---------------------------------------------------------------- bad input never crashes

from hypothesis import given, settings, strategies as st

_CHARS = st.sampled_from(list("清河县邢台市南和区那台桥东西新华长安各县(市、区)全省东部十县，。县域城市示范") + ["\n", " ", "𠀀", "\x00"])


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_CHARS, max_size=60).map("".join)))
def test_no_input_crashes(text):
    gaz = get_gazetteer()
    for m in gaz.find_mentions(text):
        assert text[m.start:m.end] == m.surface
    for s, e, n in gaz.unresolved_place_names(text):
        assert text[s:e] == n
    gaz.main_region(text[:10] or None, text)
    gaz.resolve(text)
    gaz.is_group(text)


def test_empty_and_none_inputs():
    gaz = get_gazetteer()
    assert gaz.find_mentions("") == [] and gaz.unresolved_place_names("") == []
    assert gaz.main_region(None, "") is None and gaz.resolve("") is None and gaz.get(None) is None
    assert not gaz.is_group("")


def test_an_unnamed_county_is_not_its_province_or_prefecture(gaz):
    body = ("今年以来，全县坚持项目为王。全县地区生产总值完成88亿元，增长6%。县委、县政府"
            "认真落实河北省委部署。")
    assert gaz.main_region("县域经济稳中向好", body) is None
    body2 = "邢台市下达任务后，全县迅速行动。全县固定资产投资增长9%，县委书记调度。"
    assert gaz.main_region(None, body2) is None
    # a prefecture article that mentions county leaders in passing keeps its prefecture
    body3 = "全市经济运行平稳。邢台市委召开会议，各县县委书记参加。全市投资增长8%。"
    assert gaz.main_region("邢台：经济运行平稳", body3)[0] == "130500"



def test_an_unnamed_city_is_not_the_province_it_names_once(gaz):
    body = ("近日，记者从全市半年经济工作会上获悉，上半年，我市地区生产总值达600.5亿元，同比增长9%。今年以来，"
            "全市上下深入学习贯彻习近平总书记视察贵州重要讲话精神，紧扣省委工作思路，全市高质量发展迈出坚实步伐。")
    assert gaz.main_region(None, body) is None
    # a provincial article that says 全市 of its cities keeps its province; so does a municipality
    body2 = "贵州省上半年经济运行平稳，贵州省地区生产总值增长8%。全市州投资增长，全市州消费回升。"
    assert gaz.main_region(None, body2)[0] == "520000"
    body3 = "上半年，我市地区生产总值增长6%。全市经济稳中向好，重庆发展势头良好。"
    assert gaz.main_region(None, body3)[0] == "500000"



def test_the_whole_a_city_s_figures_are_a_share_of_is_not_that_city(gaz):
    body = ("根据朝阳市统计局核算结果，一季度，我市地区生产总值完成30.5亿元，同比增长6%，占朝阳市GDP的14.1%。"
            "一产增加值增长3%，低于朝阳市平均增速。全市经济稳中有进。")
    assert gaz.main_region(None, body) is None
    # the city's own text that gives a county's share of it keeps the city
    body2 = "朝阳市经济运行平稳，朝阳市地区生产总值增长6%。全市投资增长8%，占全省的5%。"
    assert gaz.main_region("朝阳市一季度经济运行情况", body2)[0] == "211300"
    # a province's text where a named city's figure is a share of the province keeps the province
    body3 = ("从广西整体层面上看，前三季度广西地区生产总值增长3%，广西外贸增长5%。百色工业增长9%，"
             "该市工业用电量遥遥领先，占广西总量的30%。")
    assert gaz.main_region(None, body3)[0] == "450000"



def test_the_whole_a_position_is_held_in_does_not_vote(gaz):
    body = ("二季度，全市GDP完成300.5亿元，增长6%，高于宜春0.1个百分点，列宜春第5，宜春一类县第2；"
            "固定资产投资增长8%，列宜春第3，宜春一类县第1；消费品零售总额增长5%，增速和宜春持平，列宜春第9。全市经济稳中向好。")
    assert gaz.main_region(None, body) is None


@pytest.mark.parametrize("text,expected", [
    ("邢台市区空气质量改善", [("邢台市", "130500")]),
    ("石家庄市长安区", [("石家庄市", "130100"), ("长安区", "130102")]),
    ("西安市长安区、雁塔区", [("西安市", "610100"), ("长安区", "610116"), ("雁塔区", "610113")]),
    ("北京市朝阳区", [("北京市", "110000"), ("朝阳区", "110105")]),
    ("张家口市桥东区", [("张家口市", "130700"), ("桥东区", "130702")]),
    ("石家庄桥东区", [("石家庄", "130100"), ("桥东区", "130103")]),
    ("京津冀协同发展", []),
    ("冀南地区", []),
    ("各县(市、区)要加快项目建设", []),
])
def test_mentions_in_common_phrasings(gaz, text, expected):
    assert [(m.surface, m.region.code) for m in gaz.find_mentions(text)] == expected


def test_ambiguous_names_are_reported_apart(gaz):
    text = "新华区地区生产总值增长8%，清河县增长6%。"
    assert [m.surface for m in gaz.find_mentions(text)] == ["清河县"]
    assert gaz.ambiguous_names(text) == [(0, 3, "新华区")]
    assert gaz.ambiguous_names(text, context=gaz.get("130900")) == []


# ---- real-page robustness: autonomous counties by their plain name, places the text only
# visits or compares with, ties between two counties

@pytest.mark.parametrize("surface,code", [
    ("大厂县", "131028"), ("围场县", "130828"), ("孟村县", "130930"), ("青龙县", "130321"),
    ("维西县", "533423"), ("恩施州", "422800"),
])
def test_autonomous_divisions_resolve_by_their_plain_suffix(gaz, surface, code):
    assert gaz.resolve(surface).code == code
    ms = gaz.find_mentions(f"今年以来，{surface}地区生产总值稳步增长。")
    assert [(m.surface, m.region.code) for m in ms] == [(surface, code)]


def test_stoplisted_stem_stays_no_place_alone(gaz):
    assert gaz.resolve("大厂") is None      # 'big factory'; only 大厂县 names the county


@pytest.mark.parametrize("body", [
    "一季度，全县地区生产总值增长5.8%。县委书记带队赴宁晋县考察学习项目建设经验。全县上下要紧盯目标，县政府加大谋划力度。",
    "上半年，我县地区生产总值增长5.5%，增速在全市排名第三，仅次于宁晋县和清河县。全县固定资产投资增长10.2%。",
    "全县经济稳中有进，县委、县政府要求对标先进，学习借鉴威县经验，全县上下再加压。",
])
def test_a_place_the_text_only_visits_or_compares_with_is_not_its_main_region(gaz, body):
    assert gaz.main_region("全县经济运行稳中有进", body) is None


def test_a_county_named_once_with_self_words_is_still_the_main_region(gaz):
    body = "今年一季度，威县地区生产总值完成42.6亿元。全县固定资产投资增长9.1%，全县社零额增长6.0%。"
    assert gaz.main_region("一季度经济运行良好开局", body)[0] == "130533"


def test_two_counties_tied_give_no_main_county(gaz):
    body = "全县经济稳中有进。宁晋县项目观摩会召开。清河县羊绒产业发展迅速。全县上下再加压。"
    got = gaz.main_region(None, body)
    assert got is None or got[0] not in ("130528", "130534")


@pytest.mark.parametrize("body", [
    "上半年，全市地区生产总值增长5.9%，全市固定资产投资增长8.8%。其中，宁晋县规上工业增加值增长12.1%，增速居全市首位。",
    "上半年，全市地区生产总值增长5.9%。市委、市政府在任泽区召开现场推进会，要求全市上下紧盯全年目标。",
])
def test_a_city_text_naming_one_county_in_passing_is_not_about_that_county(gaz, body):
    got = gaz.main_region("上半年全市经济运行稳中向好", body)
    assert got is None or got[0] not in ("130528", "130505")


def test_a_county_level_city_speaks_of_itself_as_quanshi(gaz):
    body = "上半年，沙河市地区生产总值增长6.0%。全市固定资产投资增长9.0%，市委、市政府要求全市上下再加压。"
    assert gaz.main_region("上半年经济运行稳中向好", body)[0] == "130582"


def test_a_county_named_in_the_title_stays_main_even_with_city_words(gaz):
    body = "上半年，宁晋县地区生产总值增长6.1%，增速居全市第一。市委、市政府主要领导到宁晋县调研，要求全市上下学习。"
    assert gaz.main_region("宁晋县：上半年经济运行稳中有进", body)[0] == "130528"


@pytest.mark.parametrize("title,body", [
    ("走进园区看发展", "近日，记者走进宁晋县经济开发区。今年以来，全县地区生产总值增长6.1%，全县固定资产投资增长8%。"),
    ("市领导调研项目建设", "近日，市委书记赴宁晋县调研项目建设。今年以来，该县地区生产总值增长6.1%，全县投资增长8%。"),
])
def test_a_visit_to_report_on_a_county_still_names_it(gaz, title, body):
    assert gaz.main_region(title, body)[0] == "130528"


def test_a_county_level_city_named_once_under_the_province_it_speaks_of_as_wosheng(gaz):
    # 我市 in a text that names its province twice and no prefecture: the county-level city it names
    body = ("省委、省政府在全省县域经济工作会上通报表彰了一批县市区。辛集市进入表彰之列，位列河北县域经济前十强。"
            "去年，我省发布新的《河北省县域经济考核办法》。我市划为一类县市。2022年，我市全年实现地区生产总值560亿元。")
    assert gaz.main_region(None, body)[0] == "130181"
    # a prefecture named beside it: 我市 may be that prefecture, the county-level city is not preferred
    body2 = ("省委、省政府在全省县域经济工作会上通报表彰了一批县市区。辛集市进入表彰之列。"
             "石家庄市的县域经济稳中有进。我市全年实现地区生产总值7100亿元。我市经济总量居全省第二。")
    assert gaz.main_region(None, body2)[0] != "130181"


def test_a_conjunction_before_a_county_organ_is_no_two_character_county(gaz):
    text = "2013年，在县委的正确领导和县人大、县政协的监督支持下，全县经济平稳增长。"
    assert not [m for m in gaz.find_mentions(text) if m.region.name == "和县"]
    assert [m.region.name for m in gaz.find_mentions("安徽省和县经济开发区")][-1] == "和县"


def test_the_neighbours_a_profile_names_by_direction_do_not_vote(gaz):
    body = ("阜平县位于河北省西部，太行山东麓，东与保定市曲阳县相连，南与石家庄市灵寿县隔河相望，"
            "西与山西省五台县毗邻。阜平县地处晋冀两省交界，东与保定市曲阳县相连，南与石家庄市灵寿县相邻。"
            "阜平县地区生产总值完成81.2亿元。")
    assert gaz.main_region(None, body)[0] == "130624"


def test_a_banner_speaking_of_itself_as_quanqi_wins_over_its_league_named_once(gaz):
    # a yearbook entry: the banner placed once within its league, then 全旗 all through
    body = ("【概况】镶黄旗位于内蒙古自治区中部，锡林郭勒盟西南部，全旗总面积5137平方公里。\n"
            "2010年，全旗生产总值完成30亿元，增长15%。全旗财政收入3.1亿元。")
    assert gaz.main_region(None, body) == ("152528", "镶黄旗")


def test_a_district_s_own_report_naming_only_its_municipality_has_no_main_region(gaz):
    body = ("各位代表：\n现在，我代表区人民政府向大会报告工作。\n一、2024年工作回顾\n"
            "在市委、市政府和区委坚强领导下，我们深入贯彻视察天津重要讲话精神。全区一般公共预算收入增长2.1%，"
            "区委区政府推动全区高质量发展。")
    assert gaz.main_region(None, body) is None
    # the municipality's own text stays the municipality's
    city = "2024年，天津市地区生产总值增长5.1%。全市一般公共预算收入增长3%，市委市政府推动全市高质量发展。"
    assert gaz.main_region(None, city) == ("120000", "天津市")


def test_a_two_character_county_inside_a_list_of_strategy_slogans_is_no_place(gaz):
    text = "实施工业强县、城镇带县、旅游活县、农业稳县、和谐兴县五大战略，台江县生产总值实现26亿元。"
    assert [m.surface for m in gaz.find_mentions(text)] == ["台江县"]
    # a two-character county listed after another is still a place
    assert [m.region.name for m in gaz.find_mentions("邢台市宁晋县、威县、兴县的代表")][-1] == "兴县"


def test_a_county_s_short_name_in_the_title_counts_where_the_body_is_about_its_province(gaz):
    # outside the home province a county's short name is trusted only with its province around it
    title = "莒南富不富，看财政收入"
    body = ("《齐鲁周刊》发布了全省各县前三季度财政收入排名。青岛黄岛区居首，青岛崂山区、济南历下区、临沂兰山区紧随其后，"
            "临沂市各县中，莒南增幅居前。")
    assert gaz.main_region(title, body) == ("371327", "莒南县")
    # with nothing about Shandong around it, nor a text speaking of its county, the short name stays unread
    assert gaz.main_region("莒南富不富", "财政收入增长。") is None


def test_a_title_about_a_city_s_counties_as_a_whole_keeps_the_city(gaz):
    title = "2021年各县(市、区)成绩单出炉 长垣经济继续领跑全市"
    body = ("2021年，新乡市各县(市、区)经济运行总体平稳。长垣市地区生产总值增长7.1%，获嘉县增长8.2%，原阳县增长6.5%。"
            "全市固定资产投资增长12.1%，市委市政府要求各地奋力赶超。全市生产总值增长6.2%。")
    assert gaz.main_region(title, body) == ("410700", "新乡市")


def test_a_county_s_short_name_in_the_title_of_a_page_that_speaks_of_our_county(gaz):
    # nothing else places the page: the title's short name (a place word, not an ordinary one) of a
    # county outside the home province, over a text that speaks of 我县/全县
    body = "我县前三季度国民经济运行稳中向好。全县地区生产总值增长3.2%。"
    assert gaz.main_region("公布！沂水前三季度经济运行情况", body) == ("371323", "沂水县")
    # an ordinary word that is also a short name stays unread (平原: 平原县)
    assert gaz.main_region("平原地区农业发展情况", body) is None


def test_a_county_s_short_name_in_the_dateline_of_a_page_that_speaks_of_our_county(gaz):
    # no title and no place in the body: the dateline ('沂水网讯', '本报沂水讯') names the page's county
    body = "4月20日，县政府召开经济运行分析会。一季度，我县经济运行平稳，全县地区生产总值增长5.1%。"
    assert gaz.main_region(None, "沂水网讯 " + body) == ("371323", "沂水县")
    assert gaz.main_region(None, "本报沂水讯 " + body) == ("371323", "沂水县")
    # an outlet's own name is no place, and a dateline further down is no dateline
    assert gaz.main_region(None, "本报讯 " + body) is None
    assert gaz.main_region(None, body + "沂水网讯") is None
    # a dated dateline on the second line, under a line of site furniture
    assert gaz.main_region(None, "·新闻热线:0539-1234567\n沂水新闻网1月28日消息：" + body) == ("371323", "沂水县")
    # the same where the text names only the county's province ('全县…对标山东先进县')
    assert gaz.main_region(None, "沂水网讯 " + body + "我县对标山东省先进县，全县上下奋力争先。") == ("371323", "沂水县")


def test_a_common_word_repeated_is_not_a_county_s_short_name(gaz):
    # 资源 (资源县's short name) said three times about a banner's resources is the word, not the county
    body = ("阿巴嘎旗地处锡林郭勒盟中北部。2022年全旗地区生产总值完成45.6亿元。\n生态资源优越：全旗可利用草原广阔。\n"
            "矿产资源富集：已发现的矿产资源有24种。\n畜牧业资源丰富：全旗牲畜存栏稳定。")
    assert not any(m.region.name == "资源县" for m in gaz.find_mentions(body))
    assert gaz.main_region(None, body) == ("152522", "阿巴嘎旗")


def test_a_county_s_short_name_where_several_prefectures_of_its_province_are_named(gaz):
    # no one prefecture leads, but all the named ones are Heilongjiang's: its counties' short names count
    body = ("勃利为满语，吉祥之意，是七台河市唯一的县，东与牡丹江、佳木斯相邻，西与鸡西接壤。"
            "2021年全县地区生产总值完成55亿元。")
    assert any(m.region.name == "勃利县" for m in gaz.find_mentions(body))


def test_a_province_s_review_naming_one_county_twice_stays_the_province_s(gaz):
    body = ("安徽省县域经济发展报告发布。2012年安徽省62个县(市)生产总值增长12%。安徽省县域经济总量再上台阶，"
            "安徽省财政收入稳步增长。当涂县、肥西县位居前列，当涂县增速最快。芜湖市所辖各县表现突出。")
    assert gaz.main_region(None, body) == ("340000", "安徽省")
    # the same review speaking of the county as 全县 is about that county
    assert gaz.main_region(None, body + "全县上下齐心协力。") == ("340521", "当涂县")
    # a county-level city speaking as 我市 in a text that names its province often is that city
    city = ("“2016年度福建省县域经济实力十强”评价结果揭晓，福清位居第三。2015年，我市紧抓福建省政策优势，"
            "福州新区建设提速，全市经济总体平稳。福建省县域经济稳步发展，福建省十强县名单公布。"
            "福清市地区生产总值783.27亿元，占福州市的五分之一。")
    assert gaz.main_region(None, city) == ("350181", "福清市")


def test_quan_zhou_is_a_prefecture_speaking_of_itself_not_quanzhou_county(gaz):
    # '全州' in an autonomous prefecture's bulletin is the whole prefecture (as 全市, 全县), said three times
    body = ("自治州党委、政府团结带领全州各族人民。初步核算，全州实现生产总值1519.84亿元。年末全州常住人口160万人。"
            "新疆维吾尔自治区统计局数据。")
    assert not any(m.region.name == "全州县" for m in gaz.find_mentions(body))
    # the county's full name is still read
    assert any(m.region.name == "全州县" for m in gaz.find_mentions("桂林市全州县地区生产总值增长5%。"))


def test_the_city_a_district_lies_in_does_not_outvote_the_district(gaz):
    body = ("概况 呼兰区位于哈尔滨市中心城区北部，2014年辖7个镇、3个乡、10个街道。全年地区生产总值304.7亿元，比上年增长6.3%。")
    assert gaz.main_region(None, body) == ("230111", "呼兰区")


def test_the_abbreviation_of_a_banner_names_it(gaz):
    body = "一季度，阿左旗地区生产总值预计完成17.12亿元，增长2.6%。全旗重点建设项目84个。"
    assert gaz.main_region("阿左旗一季度经济运行开局良好", body) == ("152921", "阿拉善左旗")
    assert [m.region.code for m in gaz.find_mentions("科右前旗和察右后旗")] == ["152221", "150928"]


def test_a_district_s_own_slogan_names_it_when_nothing_else_does(gaz):
    body = ("2010年，在区委、区政府的正确领导下，全区扎实推进“六化”战略，建设“六个安源”的决策部署。\n"
            "初步核算，全年实现生产总值150亿元，比上年增长15.3%。")
    assert gaz.main_region(None, body) == ("360302", "安源区")
    # a slogan of ordinary words names nothing
    assert gaz.main_region(None, body.replace("六个安源", "六个强区")) is None


def test_the_level_above_approving_the_subject_is_not_its_own_organ(gaz):
    body = ("邢台，古称邢州，是河北省辖地级市，河北省人民政府批复确定的冀中南区域中心城市。"
            "邢台地处河北省南部，有邢台学院等普通高校4所。邢台历史悠久。")
    assert gaz.main_region(None, body) == ("130500", "邢台市")
    # the province's own organ still names a provincial text
    assert gaz.main_region(None, "河北省人民政府办公厅印发通知。河北省经济稳中向好。邢台市增长5%。") == ("130000", "河北省")


def test_a_place_the_title_names_stays_the_subject_of_a_history_full_of_old_names(gaz):
    body = ("威县隶属河北省邢台市。2019年，实现地区生产总值208.6亿元。秦置洺阳县，汉为洺阳郡，洺阳郡治所在洺阳城，"
            "隋废洺阳县，唐复置洺阳县，洺阳县属贝州，宋改洺阳县为洺阳镇，洺阳镇属洺阳军。")
    assert gaz.main_region("威县", body) == ("130533", "威县")


def test_a_province_before_the_word_for_county_economies_is_no_county(gaz):
    names = [m.region.name for m in gaz.find_mentions("“十三五”时期，河南县域经济规模持续扩大，全省县域生产总值突破3万亿元。")]
    assert names == ["河南省"]
    assert [m.region.name for m in gaz.find_mentions("河南县位于青海省黄南州。")][0] == "河南蒙古族自治县"


def test_a_county_s_own_name_before_the_word_for_county_economy_stays_the_county(gaz):
    assert [m.region.name for m in gaz.find_mentions("婺源县域面积2947平方公里，人口36万。")] == ["婺源县"]


def test_a_management_zone_under_its_former_district_name(gaz):
    found = [(m.region.code, m.surface) for m in gaz.find_mentions("麻阳县、洪江区2020年上半年GDP依次位居全市第九、第十位。")]
    assert ("431271", "洪江区") in found


def test_neighbours_a_city_faces_or_looks_to_do_not_vote(gaz):
    body = ("邢台，位于河北省南部，北临石家庄，南濒邯郸，东眺衡水，西依太行。全市陆域总面积12433平方公里。"
            "2015年，全年实现地区生产总值1764.7亿元。")
    assert gaz.main_region(None, body)[0] == "130500"


def test_a_district_speaking_of_itself_as_quanqu_wins_over_its_city_named_once(gaz):
    body = ("记者从区统计局了解到，白云区今年经济运行平稳。根据广州市统一核算结果，前三季度，白云地区生产总值为"
            "1889.6亿元，同比增长6.3%。前三季度，全区工业增加值增长8%。")
    assert gaz.main_region(None, body)[0] == "440111"
    # in an autonomous region 全区 is the region's own word, no district's
    body = "今年以来，青秀区经济运行持续向好。根据南宁市统一核算结果，全区地区生产总值增长5%。"
    assert gaz.main_region(None, body)[0] != "450103"
