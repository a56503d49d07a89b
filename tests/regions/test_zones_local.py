"""A zone named by its local short name resolves within the article's prefecture."""
from ledger.extraction import extract
from ledger.regions import get_gazetteer
from tests.extraction.helpers import article, atoms


def test_a_local_zone_name_resolves_within_the_prefecture():
    g = get_gazetteer()
    assert g.local_zone("高新开发区", "130200").code == "130273"
    assert g.local_zone("海港开发区", "130200").code == "130274"
    assert g.local_zone("开发区", "130200") is None            # no distinctive part
    assert g.local_zone("高新开发区", None) is None
    assert g.local_zone("月亮湾新区", "130200") is None         # none of the prefecture's zones


def test_numbered_lines_keep_a_unit_the_gazetteer_lacks():
    text = ("一、2021年唐山市各区县GDP排名：\n1、迁安市, 1160.3亿 ,增速 6.7%\n2、高新开发区, 278.6亿 ,增速 7.8%\n"
            "3、国际旅游岛, 18.3亿 ,增速 7.6%\n")
    got = atoms(extract(article(text, published_at=None, main="唐山市")))
    assert ("130273", "gdp", "2021-01", "2021-12", "actual", "value", 27860000000.0) in got
    assert ("国际旅游岛", "gdp", "2021-01", "2021-12", "actual", "rank", 3) in got


def test_a_two_character_name_inside_a_slogan_is_no_place():
    g = get_gazetteer()
    slogan = "深入实施“生态富县，生态富民”战略，全县经济稳中有进。"
    assert not [m for m in g.find_mentions(slogan) if m.surface == "富县"]
    plain = "富县地区生产总值增长8.1%，“富县苹果”远销各地。"
    assert [m.start for m in g.find_mentions(plain) if m.surface == "富县"] == [0]


def test_a_bulletins_own_title_names_the_main_region():
    g = get_gazetteer()
    text = ("2023年昌吉市国民经济和社会发展统计公报 2023年，在市党委、政府的坚强领导下，全市上下认真落实新疆"
            "自治区党委部署。全市实现地区生产总值620.77亿元，同比增长6.9%。")
    assert g.main_region(None, text)[1] == "昌吉市"


def test_a_county_text_naming_its_province_once_has_no_main_region():
    g = get_gazetteer()
    text = ("上半年，全县上下深入贯彻落实河北省决策部署，县委县政府统筹推进各项工作，"
            "全县地区生产总值完成53.74亿元，全市排名第四。")
    assert g.main_region(None, text) is None


def test_a_generic_district_name_right_after_its_prefecture():
    text = "2019年度山西省县市区GDP居前3的分别是：太原市小店区、晋城市城区、吕梁孝义市。"
    got = atoms(extract(article(text, published_at="2020-05-01", main="山西省")))
    assert {("140105", "gdp", "2019-01", "2019-12", "actual", "rank", 1),
            ("140502", "gdp", "2019-01", "2019-12", "actual", "rank", 2),
            ("141181", "gdp", "2019-01", "2019-12", "actual", "rank", 3)} <= got
    assert get_gazetteer().child_named("140500", "城区").code == "140502"
    assert get_gazetteer().child_named(None, "城区") is None


def test_the_gazetteer_is_built_once_per_process():
    # building it takes ~0.1 s; extraction asks for it per article
    assert get_gazetteer() is get_gazetteer()
