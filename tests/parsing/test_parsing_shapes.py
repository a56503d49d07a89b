"""Every input shape, on fixture files written for this project in the style of the seeds."""
from __future__ import annotations

import pytest

from ledger.parsing import parse_file
from tests.parsing.conftest import fixture_bytes


def parse(name: str):
    pf = parse_file(name, fixture_bytes(name))
    assert pf.quarantine is None, pf.quarantine
    return pf


def test_jekyll_front_matter_gives_title_date_tags_outlet_url_and_drops_navigation():
    pf = parse("jekyll_post.md")
    [a] = pf.articles
    assert a.title == "南皮县：小五金撑起县域经济“大舞台”"
    assert a.published_at == "2023-04-18T07:45:10+08:00"
    assert a.date_reason.startswith("front matter")
    assert a.categories == ["cangzhouribao"]
    assert a.tags == ["沧州日报新闻", "县域经济"]
    assert a.outlet == "沧州日报"
    assert a.url == "http://news.example.invalid/share.html?code=NP20230418001"
    assert a.authors == ["李明远", "赵晓东"]
    assert len(a.paragraphs) == 4
    body = "\n".join(a.paragraphs)
    for junk in ("返回", "文章来源", "<p", "http", "em_media"):
        assert junk not in body
    assert a.paragraphs[0].startswith("本报讯(记者李明远 通讯员赵晓东)4月16日")
    assert a.n_chars == sum(len(p) for p in a.paragraphs)
    assert a.script == "simplified" and a.encoding == "utf-8"


def test_scraped_page_drops_furniture_captions_and_footer_keeps_section_headings():
    [a] = parse("scraped_page.txt").articles
    assert a.title == "肃宁县:特色产业集群跑出加速度"
    assert a.published_at == "2021-03-08T10:20:00+08:00"
    assert "China Standard Time assumed" in a.date_reason
    assert a.outlet == "河北新闻网"
    # the closing byline, then the photographer of the captions
    assert a.authors == ["张立新", "刘红", "孙伟", "王海涛"]
    body = "\n".join(a.paragraphs)
    for junk in ("河北新闻>>", "进入移动版", "摄", "一景", "责任编辑", "网站首页", "官方微信", "更多精彩", "(记者"):
        assert junk not in body, junk
    assert "强龙头:培育骨干企业" in a.paragraphs      # a real section heading stays
    assert a.paragraphs[0].startswith("初春时节")
    assert a.paragraphs[-1].endswith("总投资120亿元。")


def test_newspaper_page_is_split_into_its_articles_with_their_own_titles_and_reporters():
    arts = parse("newspaper_page.txt").articles
    assert [a.title for a in arts] == [
        "迁西:板栗产业链条越拉越长",
        "省商务厅启动外贸稳增长专项行动",
        "曹妃甸港区集装箱吞吐量创新高",
        "坚定信心 推动工业经济稳中快进",
    ]
    assert [a.position for a in arts] == [0, 1, 2, 3]
    assert [a.authors for a in arts] == [["王建国", "刘芳"], ["陈静"], ["李振华"], ["孙明", "赵磊"]]
    assert [a.subtitle for a in arts] == [None, "六方面举措助企业抢订单", None, "访唐山市丰润区区长张丽华"]
    assert all(a.outlet == "河北日报" for a in arts)
    assert all(a.published_at is None and "no date" in a.date_reason for a in arts)
    # column labels and the kicker are nobody's title or paragraph
    everything = "\n".join(p for a in arts for p in a.paragraphs)
    for label in ("抓发展 促提升", "县域观察", "奋力推进县域经济高质量发展", "河北日报记者", "李振华摄"):
        assert label not in everything
    # paragraphs broken by a blank line mid-sentence are rejoined
    assert "开发产品200多种" in arts[0].text
    assert "支持板栗产业发展的12条措施" in arts[0].text
    assert len(arts[0].paragraphs) == 3
    # the interview body comes before its headline on the page
    assert arts[3].paragraphs[0].startswith("记者:今年以来")
    assert arts[3].paragraphs[-1].endswith("后劲更足。")
    assert arts[2].paragraphs == ["5月20日,一艘集装箱货轮在曹妃甸港区集装箱码头装卸作业。今年前4个月,该港区集装箱吞吐量同比增长21.5%。"]


def test_html_document_uses_meta_tags_and_paragraphs_and_drops_script_nav_footer():
    [a] = parse("article_page.html").articles
    assert a.title == "献县:数字赋能让传统产业焕发新活力"
    assert a.published_at == "2022-09-15T09:30:00+08:00"
    assert a.url == "https://www.example.invalid/news/2022/0915/xianxian.html"
    assert a.outlet == "沧州新闻网"
    assert a.authors == ["郑红梅"]
    assert len(a.paragraphs) == 3  # the unclosed <p> is recovered
    body = a.text
    for junk in ("tracker", "font-size", "首页", "版权所有"):
        assert junk not in body
    assert "同比增长6.8%，高于全市平均水平" in body  # entity decoded


def test_traditional_page_keeps_original_paragraphs_and_simplifies_the_extraction_text():
    [a] = parse("traditional_page.txt").articles
    assert a.script == "traditional"
    assert a.title == "霸州市:智能家居產業加快轉型升級"
    assert "地區生產總值" in a.paragraphs[0]
    assert "地区生产总值同比增长5.6%" in a.text
    assert a.outlet == "燕赵新闻网"
    assert a.authors == ["高志强"]
    assert a.published_at == "2022-11-02T14:05:00+08:00"
    assert len(a.paragraphs) == 2  # the "(記者…)" line is a byline, not a paragraph


def test_pinyin_mirror_noise_is_removed():
    [a] = parse("pinyin_mirror.txt").articles
    assert "(" not in a.title and "(" not in a.text
    assert "jīng" not in a.text and "chǎn" not in "".join(a.paragraphs)
    assert "石化产业转型" in a.text and "经济发展质量" in a.text
    assert "營業收入95.4億元" not in a.text and "营业收入95.4亿元" in a.text


@pytest.mark.parametrize("name,encoding", [
    ("page_gb18030.txt", "gb18030"), ("page_gbk.txt", "gb18030"), ("page_bom.txt", "utf-8-sig"),
    ("page_utf16.txt", "utf-16"), ("page_crlf.txt", "utf-8"),
])
def test_encodings_give_the_same_article(encoded_dir, name, encoding):
    reference = parse("scraped_page.txt").articles[0]
    pf = parse_file(name, (encoded_dir / name).read_bytes())
    assert pf.quarantine is None
    [a] = pf.articles
    assert a.encoding == encoding
    assert a.paragraphs == reference.paragraphs and a.title == reference.title
    assert a.article_id == reference.article_id  # the id depends on the body, not on the bytes


def test_big5_traditional_page(encoded_dir):
    [a] = parse_file("trad_big5.txt", (encoded_dir / "trad_big5.txt").read_bytes()).articles
    assert a.encoding == "big5" and a.script == "traditional"
    assert "霸州市地区生产总值" in a.text


def test_article_id_is_stable_and_content_derived():
    a1 = parse("scraped_page.txt").articles[0]
    a2 = parse_file("renamed.txt", fixture_bytes("scraped_page.txt")).articles[0]
    assert a1.article_id == a2.article_id and len(a1.article_id) == 16
    assert a2.source_file == "renamed.txt"
    changed = parse_file("x.txt", fixture_bytes("scraped_page.txt").replace("185.3".encode(), "185.4".encode()))
    assert changed.articles[0].article_id != a1.article_id


def test_simhash_is_a_signed_64_bit_int():
    for name in ("scraped_page.txt", "jekyll_post.md", "newspaper_page.txt"):
        for a in parse(name).articles:
            assert -(2 ** 63) <= a.simhash < 2 ** 63 and a.simhash != 0


def test_front_matter_without_title_takes_the_opening_headline():
    data = ("---\nlayout: post\ndate: 2023-03-01\n---\n<p>景县橡塑产业加快升级</p>\n"
            "<p>今年以来，景县橡塑产业实现营业收入52亿元，同比增长9.3%。</p>\n").encode()
    [a] = parse_file("t.md", data).articles
    assert a.title == "景县橡塑产业加快升级"
    assert a.paragraphs == ["今年以来，景县橡塑产业实现营业收入52亿元，同比增长9.3%。"]
    assert a.published_at == "2023-03-01" and "date only" in a.date_reason


def test_truncated_utf8_download_loses_only_the_cut_character():
    data = fixture_bytes("scraped_page.txt")
    body_end = data.index("(记者".encode())
    cut = data[:body_end - 1]  # inside the last character of the body
    pf = parse_file("cut.txt", cut)
    assert pf.quarantine is None and pf.articles[0].encoding == "utf-8"


def test_dated_epaper_page_with_several_leads_is_split_and_every_article_gets_the_page_date():
    arts = parse("epaper_dated.txt").articles
    assert [a.title for a in arts] == ["武安:钢铁产业向精深加工延伸", "涉县旅游收入稳步回升"]
    assert [a.authors for a in arts] == [["韩雪"], ["申亮"]]
    assert all(a.published_at == "2022-07-01" and "page's date" in a.date_reason for a in arts)
    assert all(a.outlet == "河北日报" for a in arts)  # the masthead on the dateline
    assert all("要闻" not in a.text for a in arts)


def test_a_closing_byline_in_brackets_stays_with_the_article_above_it():
    data = ("甲县工业经济稳步回升\n\n本报讯 今年以来,甲县规模以上工业增加值同比增长6.2%,工业投资增长12%。\n\n"
            "(记者 王一鸣)\n\n乙县推进农业产业化\n\n本报讯(记者李二)乙县今年新建高标准农田5万亩,带动农民增收。\n\n（完）\n")
    arts = parse_file("two.txt", data.encode()).articles
    assert [(a.title, a.authors) for a in arts] == [("甲县工业经济稳步回升", ["王一鸣"]), ("乙县推进农业产业化", ["李二"])]
    assert all(len(a.paragraphs) == 1 for a in arts)


def test_html_without_date_meta_uses_the_visible_dateline_and_keeps_br_breaks():
    data = ("<html><head><title>故城县:家具产业拓市场_衡水新闻网</title></head><body>"
            "<div class='info'>2023-08-09 15:20\u3000来源：衡水日报\u3000作者：李文静\u3000浏览次数：<span>12</span></div>"
            "<p>今年前7个月，故城县家具产业实现营业收入36亿元。<br>全县家具企业达到210家。</p>"
            "<p>该县还建设了家具产品展销中心。</p></body></html>").encode()
    [a] = parse_file("g.html", data).articles
    assert a.title == "故城县:家具产业拓市场"
    assert a.published_at == "2023-08-09T15:20:00+08:00"
    assert a.outlet == "衡水日报"
    assert a.authors == ["李文静"]
    assert a.paragraphs == ["今年前7个月，故城县家具产业实现营业收入36亿元。", "全县家具企业达到210家。",
                            "该县还建设了家具产品展销中心。"]


def test_site_footer_lines_are_dropped():
    data = ("某县上半年投资稳步增长\n\n2023-07-25 09:30 来源:某县统计局\n\n"
            "上半年,全县固定资产投资同比增长8.1%,工业投资增长12.3%。\n\n【关闭窗口】\n\n"
            "主办单位:某县统计局  技术支持:某某网络科技有限公司\n联系电话:0319-0000000\n").encode()
    [a] = parse_file("f.txt", data).articles
    assert a.paragraphs == ["上半年,全县固定资产投资同比增长8.1%,工业投资增长12.3%。"]


def test_utf8_with_a_few_corrupt_bytes_keeps_its_text():
    good = fixture_bytes("scraped_page.txt")
    at = good.index("初春时节".encode())
    data = good[:at] + b"\xff" + good[at:]
    [a] = parse_file("c.txt", data).articles
    assert a.encoding == "utf-8-lossy"
    assert a.paragraphs == parse("scraped_page.txt").articles[0].paragraphs


def test_short_lines_under_the_subtitle_stay_in_the_text():
    # a headline block: title, date line, then short lines before the first paragraph; only the
    # first can be the subtitle, the others are text (they carry the year the figures are of)
    page = ("全市十强县榜单出炉!\n发布时间:2021-02-24 09:26\n近日,各县(市)\n相继发布2020年主要经济数据\n"
            "县域经济总量十强名单出炉\n甲县经济总量达到549.3亿元,位居第4;乙县经济总量突破500亿元,位居第5。\n").encode()
    [a] = parse_file("p.txt", page).articles
    assert a.subtitle == "近日,各县(市)"
    assert a.text.startswith("相继发布2020年主要经济数据\n县域经济总量十强名单出炉\n甲县")


def test_a_date_between_the_sites_address_and_its_name_dates_the_page():
    page = ("某县上半年经济平稳运行\n\nhttp://www.example.com.cn 2013-09-11 08:53 长城网\n\n"
            "上半年，威县地区生产总值完成95.2亿元，同比增长7.1%。\n").encode()
    [a] = parse_file("d.txt", page).articles
    assert a.published_at.startswith("2013-09-11")
    assert "example" not in a.text


def test_a_government_sites_welcome_line_names_the_outlet_and_the_region():
    from ledger.pipeline import enrich
    page = ("威县人民政府网站欢迎您的访问!\n当前位置: 首页>数据开放>统计数据\n\n2021年一季度全县经济运行情况简析\n\n"
            "发布时间:2021-04-09 15:07:00来源:浏览量:字体:\n\n一季度，全县地区生产总值44.15亿元，同比增长6.4%。\n").encode()
    [a] = parse_file("w.txt", page).articles
    assert a.title == "2021年一季度全县经济运行情况简析"
    assert a.outlet == "威县人民政府网站"                  # not '浏览量' (an empty 来源: names no source)
    assert enrich(a).main_region_code == "130533"
