"""A space a line wrap (or a PDF's layout) leaves inside a word of running prose is taken out
before extraction, with the segmenter's own dictionary telling a word; the spaces that part
names, bylines or headings stay."""
from ledger.extraction import extract
from ledger.parsing import parse_file
from ledger.parsing.normalize import join_split_words
from ledger.pipeline import enrich
from ledger.segment import dictionary_freq


def _word(w: str) -> bool:
    return dictionary_freq(w) >= 5


def test_a_wrapped_place_name_and_growth_word_are_joined():
    line = "各市生产总值依次为：甲市100亿元，衡阳 市90.5亿元，乙市同比增 长6.0%。"
    assert join_split_words(line, _word) == "各市生产总值依次为：甲市100亿元，衡阳市90.5亿元，乙市同比增长6.0%。"


def test_spaces_between_names_bylines_and_headings_stay():
    for line in ("（通讯员 王小明 李大成）日前，记者从县统计局获悉，全县经济平稳。",
                 "经济概况 全年实现生产总值88亿元，比上年增长5%，增速居全市第三。",
                 "长沙 株洲 湘潭三市合计完成投资，同比增长，占全省比重提高。"):
        assert join_split_words(line, _word) == line


def test_a_table_line_is_left_alone():
    line = "衡阳 市 2601.57 8.7"      # no sentence marks: a row, its spaces part cells
    assert join_split_words(line, _word) == line


def test_a_league_wrapped_across_lines_keeps_every_place_in_order():
    body = ("2025年，全省六个市实现生产总值排名为：长沙市880.5亿元，岳阳市760.2亿元，衡阳 市701.3亿元，"
            "株洲市655.0亿元，邵阳市 540.8亿元，湘潭市430.6亿元。")
    raw = f"全省各市经济总量排名\n\n2026-02-02 16:21 来源：示例网\n\n{body}\n"
    [a] = parse_file("w.txt", raw.encode("utf-8")).articles
    ex = extract(enrich(a))
    ranks = {f.region_name: f.rank for f in ex.facts if f.metric == "gdp" and f.rank}
    assert ranks.get("衡阳市") == 3 and ranks.get("株洲市") == 4 and ranks.get("湘潭市") == 6


def test_a_space_after_a_decimal_point_inside_a_figure_is_taken_out():
    line = "综合实力持续增强，一般公共预算收入居第4位，地区生产总值超2. 2万亿元、增长6%，人均8. 5万元。"
    assert join_split_words(line, _word) == "综合实力持续增强，一般公共预算收入居第4位，地区生产总值超2.2万亿元、增长6%，人均8.5万元。"
    numbered = "一是项目建设加快，二是消费回暖，有以下几点：1. 2023年完成投资，增长5%。"
    assert join_split_words(numbered, _word) == numbered
