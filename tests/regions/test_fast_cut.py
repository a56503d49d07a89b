"""segment.cut gives exactly jieba's own HMM-off tokens (same dictionary, same user words)."""
from pathlib import Path

from hypothesis import given, settings, strategies as st

from ledger.segment import _jieba, cut
from tests.conftest import REPO

_ALPHABET = st.sampled_from(list("县市区经济增长亿元年上半地区生产总值完成同比清河羊绒宁晋示范"
                                 "abcXYZ0129.%+-#&_ \n\r\t，。：（）１２ＡＢ"))


def _jieba_cut(text: str) -> list[str]:
    return list(_jieba().cut(text, HMM=False))


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=80))
def test_same_tokens_as_jieba_on_any_text(text):
    assert cut(text) == _jieba_cut(text)


def test_same_tokens_as_jieba_on_fixture_articles():
    files = sorted(p for p in (REPO / "tests" / "corpus").rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".html"))
    assert files
    for p in files[:60]:
        text = p.read_text(encoding="utf-8", errors="replace")
        assert cut(text) == _jieba_cut(text), p.name


def test_same_tokens_as_jieba_on_seeds(seeds_dir):
    for p in sorted(Path(seeds_dir).glob("*.txt")):
        text = p.read_text(encoding="utf-8", errors="replace")
        assert cut(text) == _jieba_cut(text), p.name
