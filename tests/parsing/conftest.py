"""Parsing fixtures: the files in tests/fixtures/parsing, and byte-level variants built from them
(GB18030, Big5, UTF-8 with BOM, UTF-16) so every encoding is tested as real bytes on disk."""
from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "parsing"


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def parse_one(name: str):
    """The single article of fixture ``name`` (fails when the file is quarantined or splits)."""
    from ledger.parsing import parse_file

    pf = parse_file(name, fixture_bytes(name))
    assert pf.quarantine is None, pf.quarantine
    [a] = pf.articles
    return a


@pytest.fixture(scope="session")
def encoded_dir(tmp_path_factory) -> Path:
    """The scraped page re-encoded as GB18030 / UTF-8+BOM / UTF-16, the Traditional page as Big5."""
    out = tmp_path_factory.mktemp("encoded")
    page = (FIXTURES / "scraped_page.txt").read_text(encoding="utf-8")
    trad = (FIXTURES / "traditional_page.txt").read_text(encoding="utf-8")
    (out / "page_gb18030.txt").write_bytes(page.encode("gb18030"))
    (out / "page_gbk.txt").write_bytes(page.encode("gbk"))
    (out / "page_bom.txt").write_bytes(b"\xef\xbb\xbf" + page.encode("utf-8"))
    (out / "page_utf16.txt").write_bytes(page.encode("utf-16"))
    (out / "page_crlf.txt").write_bytes(page.replace("\n", "\r\n").encode("utf-8"))
    (out / "trad_big5.txt").write_bytes(trad.encode("big5"))
    return out
