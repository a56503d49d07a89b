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
