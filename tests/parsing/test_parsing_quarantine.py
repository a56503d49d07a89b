"""Bad input never raises: it becomes a Quarantine with a short code and a plain sentence."""
from __future__ import annotations

import pytest

from ledger.config import MAX_FILE_BYTES
from ledger.parsing import parse_file
from tests.parsing.conftest import fixture_bytes

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b" \n\n\t \r\n", "empty"),
    ("bom_only.txt", b"\xef\xbb\xbf\n", "empty"),
    ("photo.txt", PNG, "binary"),
    ("nul.txt", "正文".encode() + b"\x00\x01\x02" + "正文".encode(), "binary"),
    ("controls.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 40, "binary"),
    ("garbage.txt", b"\x80\xff\xfe\x81\xff" * 200 + b"abc", "undecodable"),
    ("unclosed.md", fixture_bytes("broken_front_matter_unclosed.md"), "broken_front_matter"),
    ("bad_yaml.md", fixture_bytes("broken_front_matter_yaml.md"), "broken_front_matter"),
    ("broken.html", fixture_bytes("broken_html.html"), "broken_html"),
    ("furniture.txt", fixture_bytes("furniture_only.txt"), "no_text"),
    ("only_title.txt", "永清县经济运行情况".encode(), "no_text"),
])
def test_bad_input_is_quarantined_with_a_reason(name, data, reason):
    pf = parse_file(name, data)
    assert pf.articles == []
    q = pf.quarantine
    assert q is not None and q.reason == reason, q
    assert q.file_name == name and q.size_bytes == len(data) and len(q.sha256) == 64
    assert q.detail.endswith(".") and len(q.detail) > 15  # a sentence, not a code


def test_too_large_is_quarantined_unread():
    data = b"a" * (MAX_FILE_BYTES + 1)
    q = parse_file("huge.txt", data).quarantine
    assert q.reason == "too_large" and "MB" in q.detail


def test_broken_front_matter_says_what_is_wrong():
    q = parse_file("u.md", fixture_bytes("broken_front_matter_unclosed.md")).quarantine
    assert "never closes" in q.detail
    q = parse_file("y.md", fixture_bytes("broken_front_matter_yaml.md")).quarantine
    assert "YAML" in q.detail


def test_html_with_unclosed_tags_still_parses_when_text_is_recoverable():
    data = ("<html><body><div><p>石家庄市今年一季度地区生产总值同比增长5.1%，"
            "全市固定资产投资增长8%<p>第二段<b>没有闭合").encode()
    pf = parse_file("open.html", data)
    assert pf.quarantine is None
    assert pf.articles[0].paragraphs[0].startswith("石家庄市今年一季度")


def test_a_fixed_file_parses():
    broken = fixture_bytes("broken_front_matter_unclosed.md")
    fixed = broken.replace("date: 2023-01-01 08:00:00 +0800\n".encode(), "date: 2023-01-01 08:00:00 +0800\n---\n".encode())
    pf = parse_file("unclosed.md", fixed)
    assert pf.quarantine is None and pf.articles[0].title == "没有结束的头部"
