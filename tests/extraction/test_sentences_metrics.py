"""ledger.sentences and ledger.metrics."""
from ledger.metrics import get_lexicon
from ledger.sentences import split_sentences


def test_sentences_keep_offsets_headings_and_groups():
    text = "一、2021年工作回顾\n今年一季度，GDP完成47.8亿元，增长3%；税收收入1亿元。第二句（全市，5%）好！"
    sents = split_sentences(text)
    for s in sents:
        assert text[s.start:s.end] == s.text
    assert sents[0].is_heading and not sents[1].is_heading
    assert sents[1].group == sents[2].group != sents[3].group      # parts split at ；share a group
    assert [sents[1].text[a:b] for a, b in sents[1].clauses] == ["今年一季度，", "GDP完成47.8亿元，", "增长3%；"]
    assert len(sents[3].clauses) == 1                                 # no split inside brackets


def test_lexicon_longest_match_and_spun_forms():
    lex = get_lexicon()
    found = [(m.metric, m.label) for m in lex.find(
        "城镇居民人均可支配收入、规模以上工业增加值和工业增加值，一般公共预算收益，社零额，固投，规上工业增加值")]
    assert found == [("disposable_income_urban", "城镇居民人均可支配收入"),
                     ("industrial_value_added", "规模以上工业增加值"), ("other", "工业增加值"),
                     ("general_budget_revenue", "一般公共预算收益"), ("retail_sales", "社零额"),
                     ("fixed_asset_investment", "固投"), ("industrial_value_added", "规上工业增加值")]


def test_lexicon_rows_are_well_formed():
    lex = get_lexicon()
    core = lex.core_metrics()
    assert {"gdp", "fixed_asset_investment", "general_budget_revenue", "retail_sales",
            "utilized_foreign_capital", "disposable_income_rural"} <= core
    for term in lex.terms.values():
        assert term.unit in ("yuan", "yuan_per_person", "as_stated", "count", "")
        assert term.needs is None or term.needs in core


def test_a_statement_broken_over_short_lines_is_one_sentence():
    # one short phrase per line, as reposted releases are laid out
    text = "2022年数据出炉\n\n全县实现地区生产总值\n\n86.4亿元\n\n同比增长5.2%，居全市第3位\n\n工业稳中有进\n\n2023年工作回顾\n\n2023年，全县上下"
    sents = split_sentences(text)
    assert [s.text.replace("\n", "") for s in sents] == [
        "2022年数据出炉", "全县实现地区生产总值86.4亿元同比增长5.2%，居全市第3位", "工业稳中有进",
        "2023年工作回顾", "2023年，全县上下"]
    joined = sents[1]
    assert text[joined.start:joined.end] == joined.text
    assert [joined.text[a:b].strip() for a, b in joined.clauses] == [
        "全县实现地区生产总值", "86.4亿元", "同比增长5.2%，", "居全市第3位"]
    assert sents[3].is_heading                      # a heading before a year line stays a heading


def test_line_breaks_in_tables_and_after_full_stops_still_end_sentences():
    text = "财政收入(亿元)\n增幅%\n\n(亿元)\n比上年增长\n\n全县生产总值增长。\n同比增长3%"
    assert [s.text for s in split_sentences(text)] == ["财政收入(亿元)", "增幅%", "(亿元)", "比上年增长", "全县生产总值增长。", "同比增长3%"]


def test_spun_copies_decimal_full_stops_and_lost_percent_signs():
    from ledger.extraction import extract
    from ledger.parsing import parse_file
    from tests.extraction.helpers import atoms
    page = "威县2022年经济运行\n2022年，威县实现地区生产总值达142。6亿元，同比增长5。2，经济稳定运行。\n".encode()
    [a] = parse_file("s.txt", page).articles
    assert "142.6亿元" in a.text and "增长5.2，" in a.text
    a.main_region_code, a.main_region_name = "130533", "威县"
    got = atoms(extract(a))
    assert ("130533", "gdp", "2022-01", "2022-12", "actual", "value", 14260000000.0) in got
    assert ("130533", "gdp", "2022-01", "2022-12", "actual", "yoy_pct", 5.2) in got
    # a whole number with no sign is no rate ('增长3，' could be anything)
    [b] = parse_file("t.txt", "2022年，威县地区生产总值增长3，居全市前列。\n".encode()).articles
    b.main_region_code, b.main_region_name = "130533", "威县"
    assert not [t for t in atoms(extract(b)) if t[5] == "yoy_pct"]


def test_a_rate_before_its_word():
    from ledger.extraction import extract
    from tests.extraction.helpers import article, atoms
    a = article("1-8月，威县一般公共预算收入实现了1.9%的同比增长；固定资产投资出现3.1%的降幅。",
                published_at="2025-09-20", main="威县")
    got = atoms(extract(a))
    assert ("130533", "general_budget_revenue", "2025-01", "2025-08", "actual", "yoy_pct", 1.9) in got
    assert ("130533", "fixed_asset_investment", "2025-01", "2025-08", "actual", "yoy_pct", -3.1) in got


def test_lexicon_knows_the_shexiao_abbreviations():
    lex = get_lexicon()
    assert [m.metric for m in lex.find("全市实现社消总额161.61亿元，社消零总额同比增长4%")] == ["retail_sales", "retail_sales"]


def test_the_three_industries_with_their_verb_between():
    from ledger.extraction import extract
    from tests.extraction.helpers import article, atoms
    a = article("2013年，鹿泉完成生产总值320.1亿元。第一、二、三产业分别完成增加值23.5亿元、187.4亿元和109.2亿元，"
                "分别增长1.9%、9.8%和10.5%。", published_at="2014-03-01", main="鹿泉区")
    got = atoms(extract(a))
    assert ("130110", "secondary_industry_va", "2013-01", "2013-12", "actual", "value", 18740000000.0) in got
    assert ("130110", "tertiary_industry_va", "2013-01", "2013-12", "actual", "yoy_pct", 10.5) in got


def test_the_three_industries_with_their_verb_before_the_word_and_incomes_without_per_head():
    from ledger.extraction import extract
    from tests.extraction.helpers import article, atoms
    a = article("2022年邢台市实现地区生产总值2430.1亿元，其第一、二、三产业实现增加值分别为310.2亿元、930.5亿元、1189.4亿元。"
                "农村常住居民可支配收入17210元，同比增长6.1%。", published_at="2023-03-01", main="邢台市")
    got = atoms(extract(a))
    y = ("2022-01", "2022-12", "actual")
    assert {("130500", "gdp", *y, "value", 2.4301e11), ("130500", "primary_industry_va", *y, "value", 3.102e10),
            ("130500", "tertiary_industry_va", *y, "value", 1.1894e11),
            ("130500", "disposable_income_rural", *y, "value", 17210.0)} <= got


def test_incomes_written_with_a_year_before_per_head():
    lex = get_lexicon()
    assert [m.metric for m in lex.find("城镇和农村常住居民年人均可支配收入分别增长6.5%、8.2%")] == \
        ["disposable_income_urban|disposable_income_rural"]
    assert [m.metric for m in lex.find("农村居民年人均可支配收入15620元")] == ["disposable_income_rural"]


def test_a_question_mark_a_mirror_left_for_a_lost_character_ends_no_sentence():
    from ledger.sentences import split_sentences
    text = "柳溪县2023年GDP总量?jī)H为156.74亿元,位列全省倒数第一,其第一产业增加值20.82亿元。"
    assert len(split_sentences(text)) == 1
    # a question is still one
    assert len(split_sentences("到底谁领跑?谁又在末尾?看看便知!")) == 3
