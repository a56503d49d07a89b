"""Traditional mirror pages with pinyin noise: the extraction text is the Simplified text
without the pinyin, and the page gives the same facts as its Simplified original."""
import pytest

from ledger.extraction import extract
from ledger.parsing import parse_file
from ledger.parsing.normalize import strip_pinyin
from ledger.pipeline import enrich


@pytest.mark.parametrize("noisy,clean", [
    ("經(jīng)濟", "經濟"), ("經（jīng）濟", "經濟"), ("經(jing1)濟", "經濟"),
    ("經(Jīng)濟", "經濟"),                 # a capitalised initial
    ("全縣 (xiàn) 經(jīng)濟", "全縣經濟"),   # a space before the bracket goes with the noise
    ("生產總值(GDP)", "生產總值(GDP)"), ("人工智能(AI)", "人工智能(AI)"), ("項目(一)", "項目(一)"),
])
def test_strip_pinyin(noisy, clean):
    assert strip_pinyin(noisy) == clean


SIMPLE = ("当前位置：首页 > 县域经济\n\n{title}\n\n2024-07-30 09:00 来源：示例网\n\n"
          "今年上半年，{body}\n\n责任编辑：王某\n")


def _facts(name, raw):
    [a] = parse_file(name, raw.encode("utf-8")).articles
    a = enrich(a)
    ex = extract(a)
    return a, sorted((f.region_code, f.metric, f.period_start, f.period_end, f.kind, f.value, f.yoy_pct, f.rank)
                     for f in ex.facts)


def test_traditional_pinyin_mirror_gives_the_simplified_facts():
    simple = SIMPLE.format(title="宁晋县上半年经济运行稳中向好",
                           body="宁晋县地区生产总值完成160.2亿元，同比增长6.1%，增速居邢台市第一；"
                                "固定资产投资增长9.3%；一般公共预算收入完成8.1亿元，增长5.0%。全县经济稳中向好。")
    trad = SIMPLE.format(title="寧晉縣上半年經(jīng)濟運行穩中向好",
                         body="寧(níng)晉縣地區生產總值(zhí)完成160.2億元，同比增長(zhǎng)6.1%，增速居邢臺(tái)市第一；"
                              "固定資產(chǎn)投資增長9.3%；一般公共預算收入完成8.1億(yì)元，增長5.0%。全縣 (xiàn) 經濟穩中向好。")
    a_s, f_s = _facts("s.txt", simple)
    a_t, f_t = _facts("t.txt", trad)
    assert a_t.script == "traditional" and "(" not in a_t.text and "邢台市" in a_t.text
    assert a_t.main_region_code == a_s.main_region_code == "130528"
    assert f_t == f_s and len(f_s) == 3   # gdp, fixed_asset_investment, general_budget_revenue


RELATED = ("当前位置：首页 > 县域经济 > 正文\n\n前三季度全县经济运行稳中向好\n\n2023-10-20 16:40 来源：本网\n\n"
           "前三季度，全县地区生产总值完成75.2亿元，同比增长4.6%。县委、县政府要求全县上下紧盯全年目标。\n\n"
           "{header}\n宁晋县前三季度地区生产总值增长6.1%\n威县：项目建设跑出加速度\n\n责任编辑：张晓\n")


@pytest.mark.parametrize("header", ["相关新闻：", "相关阅读", "【推荐阅读】"])
def test_related_story_links_are_not_text_and_name_no_main_region(header):
    [a] = parse_file("r.txt", RELATED.format(header=header).encode("utf-8")).articles
    assert "宁晋县" not in a.text and "威县" not in a.text and a.text.endswith("紧盯全年目标。")
    a = enrich(a)
    assert a.main_region_code is None
    assert {f.region_code for f in extract(a).facts} == {None}


RUBY = ("<html><head><title>寧晉縣上半年經濟運行穩中向好</title></head><body>"
        "<h1>寧晉縣上半年<ruby>經<rp>(</rp><rt>jīng</rt><rp>)</rp></ruby>濟運行穩中向好</h1>"
        "<div class=\"info\">2024-07-30 09:00 來源：示例網</div>"
        "<div class=\"content\"><p>今年上半年，寧晉縣地區生產總值完成160.2億元，同比<ruby>增<rt>zēng</rt></ruby>長6.1%。</p></div>"
        "</body></html>")


def test_ruby_pinyin_and_a_traditional_dateline_in_html():
    [a] = parse_file("ruby.html", RUBY.encode("utf-8")).articles
    assert a.title == "寧晉縣上半年經濟運行穩中向好"
    assert "zēng" not in a.text and "增长6.1%" in a.text
    assert a.published_at.startswith("2024-07-30")


def test_repeated_bracketed_pinyin_is_removed_whole():
    from ledger.parsing.normalize import strip_pinyin

    assert strip_pinyin("地區(qu)(qu)(qu)生產(chan)總值 (GDP)") == "地區生產總值 (GDP)"


def test_a_variant_the_converter_keeps_is_written_the_simplified_way():
    from ledger.parsing.normalize import to_simplified
    assert to_simplified("海甯市經濟") == "海宁市经济"
    assert to_simplified("陜西入圍西部百強的縣") == "陕西入围西部百强的县"     # 陜, a variant of 陝


def test_a_lost_character_some_mirrors_keep_only_as_pinyin_is_restored():
    assert strip_pinyin("2023中(zhong)國(guo)百?gòu)?qiáng)縣(xian)名單") == "2023中國百强縣名單"


def test_a_place_name_s_variant_character_on_a_simplified_page():
    from ledger.parsing.normalize import tidy_marks
    assert tidy_marks("前四名被我省的崑山、江阴包揽") == "前四名被我省的昆山、江阴包揽"
