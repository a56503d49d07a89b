"""Hostile text in dropped files: control characters, escape sequences, markup in titles,
impossible dates, NUL bytes. Stored text is clean; terminal output is escaped."""
from __future__ import annotations

import re

from ledger.parsing import parse_file

BODY = ("<p>今年上半年，宁晋县地区生产总值完成120.5亿元，同比增长6.1%，全市排名第一。</p>"
        "<p>固定资产投资完成45.2亿元，同比增长8.3%，一般公共预算收入完成9.1亿元。</p>")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _html(head: str, h1: str = "", body: str = BODY) -> bytes:
    return (f"<!doctype html><html><head>{head}"
            '<meta property="article:published_time" content="2023-07-21T08:00:00+08:00"></head>'
            f"<body>{h1}{body}</body></html>").encode()


def _one(name: str, data: bytes):
    pf = parse_file(name, data)
    assert pf.quarantine is None, pf.quarantine
    assert len(pf.articles) == 1
    return pf.articles[0]


def _stored_strings(art) -> list[str]:
    return [s for s in [art.title, art.subtitle, art.outlet, art.url, art.text, *art.paragraphs, *art.authors,
                        *art.categories, *art.tags] if s]


def test_escape_sequences_and_control_characters_are_stripped_from_titles_and_text():
    art = _one("evil.html", _html("<title>x</title>",
                                  "<h1>宁晋县\x1b]0;pwned\x07经济\x1b[31m运行\x1b[0m\x9b2J好</h1>",
                                  BODY.replace("同比增长6.1%", "同比\x1b[2J增长\x076.1%\x85")))
    assert art.title == "宁晋县经济运行好"
    assert "同比增长6.1%" in art.text
    for s in _stored_strings(art):
        assert not CONTROL.search(s), repr(s)
        assert "pwned" not in s and "[31m" not in s and "[2J" not in s


def test_escape_sequences_are_stripped_from_plain_text_titles():
    text = ("宁晋县\x1b[1;31m上半年经济运行\x1b[0m稳中有进\n\n2023-07-21 08:00:00 来源:示例新闻网\n\n"
            "今年上半年，宁晋县地区生产总值完成120.5亿元，同比增长6.1%，全市排名第一；"
            "固定资产投资完成45.2亿元，同比增长8.3%。\x1b]8;;http://evil/\x1b\\链接\x1b]8;;\x1b\\\n")
    art = _one("evil.txt", text.encode())
    assert art.title == "宁晋县上半年经济运行稳中有进"
    assert "链接" in art.text
    for s in _stored_strings(art):
        assert not CONTROL.search(s), repr(s)
        assert "[1;31m" not in s and "http://evil" not in s


def test_script_text_never_ends_up_in_a_title():
    art = _one("script.html", _html("<title>x</title>", "<h1>宁晋县经济运行<script>alert(2)</script></h1>"))
    assert art.title == "宁晋县经济运行"
    assert "alert" not in art.text


def test_markup_in_og_and_front_matter_titles_is_reduced_to_text():
    art = _one("og.html", _html('<meta property="og:title" content="&lt;b&gt;宁晋县&lt;/b&gt;经济运行'
                                '&lt;script&gt;alert(2)&lt;/script&gt;">'))
    assert art.title == "宁晋县经济运行"
    md = ('---\ntitle: "<b>清河县</b>经济运行<script>alert(2)</script>"\n'
          'subtitle: "<i>上半年</i>"\ndate: 2023-07-21 08:00:00 +0800\n---\n' + BODY.replace("宁晋县", "清河县"))
    art = _one("fm.md", md.encode())
    assert art.title == "清河县经济运行"
    assert art.subtitle == "上半年"


def test_an_impossible_front_matter_date_is_named_in_the_date_reason():
    md = '---\ntitle: "清河县经济运行"\ndate: 2022-13-45 09:00:00 +0800\n---\n' + BODY.replace("宁晋县", "清河县")
    art = _one("baddate.md", md.encode())
    assert art.published_at is None
    assert "2022-13-45" in art.date_reason and "front matter" in art.date_reason


def test_an_impossible_html_meta_date_is_named_in_the_date_reason():
    data = _html("<title>宁晋县经济运行</title>").replace(b"2023-07-21T08:00:00", b"2023-02-30T08:00:00")
    art = _one("baddate.html", data)
    assert art.published_at is None
    assert "2023-02-30" in art.date_reason


def test_nul_bytes_anywhere_make_a_file_binary_as_the_readme_says():
    text = ("宁晋县上半年经济运行稳中有进\n\n2023-07-21 08:00:00 来源:示例新闻网\n\n"
            + "今年上半年，宁晋县地区生产总值完成120.5亿元，同比增长6.1%。\n" * 400)
    data = text.encode()
    assert len(data) > 20000
    late = data[:15000] + b"\x00" + data[15000:]
    q = parse_file("late_nul.txt", late).quarantine
    assert q is not None and q.reason == "binary" and "NUL" in q.detail
    assert parse_file("clean.txt", data).quarantine is None
    # UTF-16 text is full of NUL bytes and stays text
    assert parse_file("utf16.txt", b"\xff\xfe" + text.encode("utf-16-le")).quarantine is None
