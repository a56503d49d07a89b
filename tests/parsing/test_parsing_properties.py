"""Property: parsing arbitrary bytes never raises and never yields an article with empty text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.parsing import parse_file
from tests.parsing.conftest import fixture_bytes

PIECES = [fixture_bytes(n) for n in ("scraped_page.txt", "newspaper_page.txt", "jekyll_post.md", "article_page.html")]
MARKUP = st.sampled_from(["---\n", "<p>", "</p>", "<html>", "\n\n", "本报讯(记者", "摄", "责任编辑:", "(jīng)",
                          "2023-06-06 来源:", "河北日报讯(记者张三)", "记者:", "\r\n", "\ufeff", "<", "]("])


def _check(data: bytes) -> None:
    pf = parse_file("x.txt", data)
    assert (pf.quarantine is None) == bool(pf.articles)
    for a in pf.articles:
        assert a.text.strip() and a.paragraphs and all(p.strip() for p in a.paragraphs)
        assert a.n_chars > 0 and -(2 ** 63) <= a.simhash < 2 ** 63


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_arbitrary_bytes(data):
    _check(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(max_size=80), MARKUP), max_size=40), st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_arbitrary_text_with_markup(parts, encoding):
    _check("".join(parts).encode(encoding, "replace"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PIECES), st.integers(0, 5000), st.integers(0, 5000), st.binary(max_size=20))
def test_mangled_fixtures(piece, cut, at, junk):
    """Truncated files (a download cut short) and files with bytes spliced in."""
    _check(piece[:cut] + junk + piece[at:])
