"""HTML tables: every cell is kept, one line per cell, row by row, so the columns line up."""
from __future__ import annotations

from ledger.extraction import extract
from ledger.parsing import parse_file
from ledger.regions import get_gazetteer
from tests.parsing.conftest import parse_one

PAGE_CELLS = ["指标", "单位", "1-6月", "同比增长(%)",
              "地区生产总值", "亿元", "92.8", "6.9",
              "规模以上工业增加值", "%", "-", "9.1",
              "一般公共预算收入", "万元", "68200", "",
              "社会消费品零售总额", "亿元", "", "7.4"]


def test_document_table_keeps_every_cell_between_its_paragraphs():
    a = parse_one("table_page.html")
    assert a.title == "威县2023年上半年主要经济指标"
    # the first header cell '指标' is part of the title's words but is a cell, not a title repeat;
    # '%' and '-' are cells; empty cells are empty strings; the table sits between the paragraphs
    assert a.paragraphs[0].startswith("上半年，全县经济运行稳中向好")
    assert a.paragraphs[1:1 + len(PAGE_CELLS)] == PAGE_CELLS
    assert a.paragraphs[1 + len(PAGE_CELLS)].startswith("注：1.地区生产总值")
    assert len(a.paragraphs) == len(PAGE_CELLS) + 2
    assert a.text == "\n".join(a.paragraphs)
    assert "\ue000" not in a.text and "首页" not in a.text and "主办" not in a.text


def test_fragment_table_in_a_front_matter_post():
    a = parse_one("table_post.md")
    assert a.paragraphs == ["一季度，全县经济实现平稳开局，主要指标如下表。",
                            "指标", "单位", "1-3月", "增速(%)",
                            "固定资产投资", "%", "-", "12.5",
                            "城镇居民人均可支配收入", "元", "11230", "5.2",
                            "下一步，全县将继续抓好项目建设，推动经济持续回升向好。"]


def test_the_cell_mark_in_a_plain_file_is_not_a_cell():
    [a] = parse_file("x.txt", "柳溪县经济平稳\n全县生产总值\ue000增长6%。\n\ue000%".encode()).articles
    assert "\ue000" not in a.text and "%" not in a.paragraphs


def test_extraction_reads_the_parsed_table_by_its_columns():
    a = parse_one("table_page.html")
    r = get_gazetteer().resolve("威县")
    a.main_region_code, a.main_region_name = r.code, r.name
    got = {(f.metric, f.period_start, f.period_end, f.value, f.yoy_pct) for f in extract(a).facts
           if f.period_start == "2023-01" and f.period_end == "2023-06"}
    assert ("gdp", "2023-01", "2023-06", 9.28e9, 6.9) in got
    assert ("industrial_value_added", "2023-01", "2023-06", None, 9.1) in got
    # an empty growth cell: the value alone, the rate never taken from another column
    assert ("general_budget_revenue", "2023-01", "2023-06", 6.82e8, None) in got
    assert ("retail_sales", "2023-01", "2023-06", None, 7.4) in got


def test_unclosed_and_nested_tables_never_crash_nor_repeat_cells():
    frag = "<p>柳溪县经济平稳运行，全县生产总值增长6%。</p><table><tr><td>指标<td>增速<tr><td>生产总值<td>6"
    [a] = parse_file("f.html", frag.encode()).articles
    assert a.paragraphs[1:] == ["指标", "增速", "生产总值", "6"]
    doc = ("<html><body><p>全县经济平稳运行，主要指标增速较快。</p><table><tr><td>外</td></tr>"
           "<tr><td><table><tr><td>内</td></tr></table></td></tr></table></body></html>")
    [a] = parse_file("d.html", doc.encode()).articles
    assert a.paragraphs[1:] == ["外", "内"]


def test_a_markdown_table_run_together_on_one_line_gets_its_rows_back():
    body = ("邢台各县2022年GDP排行\n以下为各县2022年地区生产总值排名：\n"
            "| 排名 | 县名 | 2022年GDP(亿元) | |------|------|------| | 1 | 宁晋县 | 312.5 | | 2 | 沙河市 | 295.8 | "
            "| 3 | 清河县 | 189.6 |\n注：数据仅供参考。\n")
    [a] = parse_file("flat.txt", body.encode("utf-8")).articles
    assert "| 2 | 沙河市 | 295.8 |" in a.paragraphs
    got = {(f.region_code, f.value, f.rank) for f in extract(a).facts if f.metric == "gdp"}
    assert got >= {("130528", 3.125e10, 1), ("130582", 2.958e10, 2), ("130534", 1.896e10, 3)}
    # a line with pipes but no separator row is left as it is
    [a] = parse_file("pipes.txt", "A | B | C\n宁晋县 | 沙河市\n".encode("utf-8")).articles
    assert "A | B | C" in a.text


def test_rows_with_thousands_separators_stay_one_a_line():
    body = ("2013年河北省各县(市)GDP列表\n县(市) GDP(百万元) 人均GDP 年末常住人口\n"
            "全省 2,450,167 395,622 100 36,621 5,913 100 66,906,000 100\n"
            "迁安市 1 97,599 15,759 3.98 1 96,767 15,625 264 7 1,008,600 1.51\n"
            "武安市 2 92,429 14,924 3.77 3 71,368 11,524 195 1 1,295,100 1.94\n"
            "三河市 3 83,505 13,483 3.41 5 69,224 11,177 189 2 1,206,300 1.80\n")
    [a] = parse_file("t.txt", body.encode("utf-8")).articles
    assert "武安市 2 92,429 14,924 3.77 3 71,368 11,524 195 1 1,295,100 1.94" in a.paragraphs


def test_rows_whose_figures_carry_their_unit_are_kept_as_table_lines():
    body = ("2025年一季度河北省实现地区生产总值12702.40亿元，同比增长5.4%。\n2025年一季度\n河北各市GDP排行榜\n排名 城市 GDP\n"
            "1 唐山市 3712.38亿元\n2 石家庄市 3169.52亿元\n3 沧州市 1061.5亿元\n4 邯郸市 1049.22亿元\n")
    [a] = parse_file("t.txt", body.encode("utf-8")).articles
    assert "2 石家庄市 3169.52亿元" in a.paragraphs and "4 邯郸市 1049.22亿元" in a.paragraphs


def test_extraction_reads_a_table_whose_cells_carry_their_unit():
    body = ("2025年一季度河北省实现地区生产总值12702.40亿元，同比增长5.4%。\n2025年一季度\n河北各市GDP排行榜\n排名 城市 GDP\n"
            "1 唐山市 3712.38亿元\n2 石家庄市 3169.52亿元\n3 沧州市 1061.5亿元\n4 邯郸市 1049.22亿元\n")
    from ledger.pipeline import enrich

    [a] = [enrich(x) for x in parse_file("t.txt", body.encode("utf-8")).articles]
    got = {(f.region_code, f.value, f.rank) for f in extract(a).facts if f.metric == "gdp" and f.region_code != "130000"}
    assert {("130100", 3.16952e11, 2), ("130400", 1.04922e11, 4)} <= {(c, round(v, -3), r) for c, v, r in got}
