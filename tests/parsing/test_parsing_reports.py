"""Government work reports and speeches: the report's own dateline, numbered content headings."""
from __future__ import annotations

from ledger.parsing import parse_file
from ledger.parsing.meta import report_dateline
from tests.parsing.conftest import parse_one


def test_report_dateline_is_the_publish_date_and_headings_stay_in_text():
    a = parse_one("work_report.txt")
    assert a.title == "政府工作报告"
    assert a.subtitle == "2023年2月14日在柳溪县第十八届人民代表大会第二次会议上"
    assert a.published_at == "2023-02-14"          # date only: the dateline gives no time
    assert "report's dateline" in a.date_reason and "date only" in a.date_reason
    # the numbered heading right under the subtitle is text, like every later heading
    assert a.paragraphs[0] == "一、2022年工作回顾"
    for heading in ("二、2023年工作安排", "（一）扎实推进项目建设"):
        assert heading in a.paragraphs


def test_chinese_numeral_dateline_in_brackets():
    a = parse_one("work_report_cn_date.txt")
    assert a.title == "在全县经济工作会议上的讲话"
    assert a.published_at == "2022-12-28"
    assert a.paragraphs[0] == "一、今年经济工作回顾"


def test_body_dates_are_not_publish_dates():
    # a plain story with dates only in its sentences keeps published_at NULL
    story = ("柳溪县项目建设提速\n2023年3月1日，柳溪县举行重点项目集中开工仪式，共开工项目18个。\n"
             "2022年全县生产总值增长4.8%。").encode()
    [a] = parse_file("story.txt", story).articles
    assert a.published_at is None and a.date_reason.startswith("no date")
    for line in ("2023年3月1日，柳溪县召开会议。", "2023年3月1日在柳溪县调研时指出，要抓项目。。", "2023年3月1日在"):
        assert report_dateline(line) is None


def test_another_date_wins_over_the_report_dateline():
    text = ("政府工作报告\n2023-02-20 09:30 来源：柳溪新闻网\n"
            "——2023年2月14日在柳溪县第十八届人民代表大会第二次会议上\n"
            "过去一年，全县生产总值完成132.4亿元，增长4.8%。").encode()
    [a] = parse_file("page.txt", text).articles
    assert a.published_at.startswith("2023-02-20")


def test_report_dateline_accepts_common_forms_and_rejects_invalid_dates():
    assert report_dateline("——2022年1月5日在县十七届人大一次会议上").iso == "2022-01-05"
    assert report_dateline("二〇二三年一月十日在县政协全会上的讲话").iso == "2023-01-10"
    assert report_dateline("——2023年2月30日在县人民代表大会上") is None


def test_the_occasion_line_above_a_speaker_line_and_a_bracketed_date_is_the_subtitle():
    # '——在…会议上' over the speaker and '(2025年1月6日)': the occasion names the county, keep it
    text = ("政府工作报告\n——在柳溪县第十八届人民代表大会第五次会议上\n县委副书记、县长 张某某\n(2025年1月6日)\n"
            "各位代表：\n现在，我代表县人民政府向大会报告政府工作，请予审议。\n"
            "2024年，全县预计完成地区生产总值90.8亿元，增长8%。").encode()
    [a] = parse_file("report.txt", text).articles
    assert a.subtitle == "在柳溪县第十八届人民代表大会第五次会议上"
    assert a.published_at == "2025-01-06"


def test_a_bulletin_title_over_its_issuing_organs_and_dateline_is_kept():
    text = ("2023年正定县国民经济和社会发展统计公报\n正 定 县 统 计 局\n国家统计局正定调查队\n(2024年3月10日)\n"
            "2023年，全县经济持续健康发展。\n一、综合\n经初步核算，全年实现地区生产总值403.7亿元，比上年增长6.1%。\n")
    [a] = parse_file("zd.txt", text.encode("utf-8")).articles
    # the headline right above the dateline stays the title; the report's own title above the organs is kept
    assert a.title == "国家统计局正定调查队"
    assert a.subtitle == "2023年正定县国民经济和社会发展统计公报"
    assert a.published_at.startswith("2024-03-10")


def test_a_full_stop_on_a_line_of_its_own_ends_the_line_above():
    text = ("2021年,正定县实现地区生产总值195.87亿元,增长7.8%;居民人均可支配收入28808元,增长9.3%\n。\n"
            "2022年,正定县实现生产总值206.78亿元。\n")
    [a] = parse_file("zd.txt", text.encode("utf-8")).articles
    assert "增长9.3%。" in a.text and "9.3%2022" not in a.text


def test_a_footnote_mark_before_an_aside_is_no_link_and_no_digit_of_the_figure():
    page = "2019年威县国民经济和社会发展统计公报\n\n初步核算，全年威县生产总值[2](GDP)1975798万元，比上年增长9.0%。详见[附表](http://example.org/t.html)。\n"
    text = parse_file("t.txt", page.encode("utf-8")).articles[0].text
    assert "生产总值[2](GDP)1975798万元" in text and "详见附表。" in text


def test_a_month_and_day_dateline_takes_the_year_the_page_dates_that_day_with():
    # '…网5月10日讯' gives no year; the page's own list of news under the story dates the same day
    page = ("柳溪新闻网5月10日讯(记者 王明) 今年一季度，柳溪县实现地区生产总值51.2亿元，同比增长6.1%。\n"
            "责任编辑:李华\n- 最新柳溪新闻\n柳溪县举办春季招聘会2021-05-10\n柳溪县召开防汛工作会议2021-05-08\n").encode()
    [a] = parse_file("news.txt", page).articles
    assert a.published_at == "2021-05-10"
    # no date of that day in the page (or two years of it): no date
    other = page.replace("2021-05-10".encode(), "2021-05-09".encode())
    assert parse_file("news.txt", other).articles[0].published_at is None
    two = page + "柳溪县往年新闻2019-05-10\n".encode()
    assert parse_file("news.txt", two).articles[0].published_at is None


def test_a_date_a_sentence_runs_on_from_is_no_dateline():
    # an encyclopedia page cut off in its history ('1949年8月16日解…') has no date of its own
    page = "柳溪县\n柳溪县，某省某市辖县。2020柳溪县全年实现生产总值44.9亿元。\n历史沿革\n1949年8月16日解".encode()
    [a] = parse_file("wiki.txt", page).articles
    assert a.published_at is None
    dated = "柳溪县召开经济工作会议\n2023-06-06 09:00 来源:柳溪县融媒体中心\n全县生产总值增长5%。".encode()
    assert parse_file("news.txt", dated).articles[0].published_at.startswith("2023-06-06")


def test_a_data_source_note_under_a_chart_is_no_title():
    page = ("前三季度，柳溪县实现地区生产总值51.2亿元，同比增长6.1%。\n分产业来看，第一产业增加值8.3亿元。\n"
            "2021年前三季度柳溪县主要经济指标\n数据来源:柳溪县统计局,某研究院整理\n").encode()
    [a] = parse_file("chart.txt", page).articles
    assert a.title != "数据来源:柳溪县统计局,某研究院整理"
    assert "数据来源" not in a.text


def test_a_reading_time_stamp_under_the_title_is_page_furniture_not_the_title():
    for stamp in ("共 11880字,需浏览 24分钟", "全文约3200字 阅读约8分钟", "阅读时间：5分钟"):
        page = (f"柳溪县统计局关于2022年国民经济和社会发展统计的公报\n{stamp}\n2023-03-12 00:00\n"
                "2022年，柳溪县经济稳中向好。\n全县实现地区生产总值51.2亿元，比上年增长6.1%。\n").encode()
        [a] = parse_file("stamp.txt", page).articles
        assert a.title == "柳溪县统计局关于2022年国民经济和社会发展统计的公报", stamp
        assert stamp not in a.text
    # a line of prose that counts characters is no stamp
    page = "柳溪县开展征文活动\n2023-03-12 00:00\n共收到作品3200字以上的来稿86篇。\n".encode()
    assert "3200字" in parse_file("prose.txt", page).articles[0].text


def test_a_site_s_region_tag_line_is_page_furniture_not_the_title():
    page = ("柳溪县一季度经济稳中向好 招商引资助力三大产业协同发展\n所属地区:某省-某州-柳溪县\n发布日期:2025年08月11日\n"
            "2015年一季度，某州经济呈现平稳增长态势，地区生产总值达51.88亿元。\n一、经济总量稳步攀升\n"
            "某州一季度地区生产总值突破50亿元大关。\n").encode()
    [a] = parse_file("tag.txt", page).articles
    assert a.title == "柳溪县一季度经济稳中向好 招商引资助力三大产业协同发展"
    assert "所属地区" not in a.text


def test_a_report_dateline_broken_over_two_lines_is_the_publish_date():
    text = ("2024年政府工作报告\n\n  ——2024年1月12日在柳溪县第十届\n\n  人民代表大会第三次会议上\n\n  县 长 王 某\n\n"
            "  各位代表：\n\n  现在，我代表县人民政府向大会作工作报告，请予审议。\n").encode()
    [a] = parse_file("r.txt", text).articles
    assert a.published_at == "2024-01-12" and "report's dateline" in a.date_reason


def test_a_report_copied_from_print_with_its_line_breaks_is_read_as_paragraphs():
    # every line filled to one width and broken mid-word, and a page number between two lines
    lines = ["政府工作报告",
             "——2022年3月9日在柳溪县第十六届人民代表大会第二次会议上",
             "过去一年，全县上下在县委的坚强领导下，统筹推进生态治理",
             "和经济社会发展，较好完成县十六届人大一次会议确定的主要",
             "目标，全面完成重点任务。全年完成地区生产总值 21.5 亿元，",
             "达到年初预定目标任务；社会消费品零售总额完成 3.2 亿元，",
             "同比下降 9.7%；居民人均可支配收入 26391 元，同比增长 7.6",
             "%，城镇常住居民人均可支配收入 40145 元，同比增长 5.5%，",
             "农村常住居民人均可支配收入 16883 元，同比增长 9.7%。",
             "- 2 -",
             "一年来，主要做了以下工作："]
    [a] = parse_file("print.txt", "\n".join(lines).encode()).articles
    assert "居民人均可支配收入 26391 元，同比增长 7.6%，城镇常住居民" in a.text
    assert "16883 元，同比增长 9.7%。" in a.text and "- 2 -" not in a.text
    assert "\n一年来，主要做了以下工作：" in a.text
    # lines of one width that each end a sentence (a list of results) stay lines
    items = "\n".join(f"柳溪县第{n}项重点工程年内完成投资{n}亿元并且全部投产达效。" for n in "一二三四五六七八")
    [b] = parse_file("items.txt", ("重点工程\n" + items).encode()).articles
    assert b.text.count("\n") >= 7


def test_a_line_that_opens_on_a_decimal_figure_goes_on_the_sentence_above():
    # '8.9%，…' opening a line is the figure the line above stops before, not a list item numbered 8
    page = ("柳溪县政府工作报告\n2023-01-10 09:00\n经济发展稳中有进。全县生产总值增长7.6%，固定资产投资增长7.4%，"
            "规模以上工业增加值增长13.8%，社会消费品零售总额增长\n8.9%，实际利用外资增长7.3%。\n"
            "3.园区发展换挡升级。园区规模工业产值增长21%。\n").encode()
    [a] = parse_file("decimal.txt", page).articles
    assert "社会消费品零售总额增长8.9%" in a.text
    assert "\n3.园区发展换挡升级" in a.text


def test_a_report_s_occasion_without_its_dash_is_the_subtitle_and_the_speaker_line_no_title():
    page = ("政府工作报告\n在柳溪县第十四届人民代表大会第一次会议上\n县人民政府县长 王某\n2021年12月15日\n"
            "各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n").encode()
    [a] = parse_file("report.txt", page).articles
    assert a.title == "政府工作报告"
    assert a.subtitle == "在柳溪县第十四届人民代表大会第一次会议上"
    assert a.published_at.startswith("2021-12-15")


def test_a_feed_header_of_short_fields_around_a_date_is_the_dateline():
    page = ("某省21市州一季度GDP排行榜，快看你的家乡排第几？\n某省日报  · 公众号  · 某省  · 2017-04-26 10:23\n"
            "正文\n截止4月25日，全省21个市州均已发布了今年一季度的经济数据。\n").encode()
    [a] = parse_file("feed.txt", page).articles
    assert a.published_at.startswith("2017-04-26")
