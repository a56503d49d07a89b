"""The near-duplicate check's 2-gram keys give exactly ids.jaccard's ratio."""
from hypothesis import given, settings, strategies as st

from ledger.dedup import _gram_keys, _jaccard_keys
from ledger.parsing.ids import bigrams, jaccard

# Han, full-width and ASCII letters/digits, accented Latin, an astral Han, punctuation, space
_ALPHABET = st.sampled_from(list("县市区经济增长亿元年月日一二三ＡＢ１２abcAB129éÈ𠀀，。 .%"))
_TEXT = st.text(_ALPHABET, max_size=60)


@settings(max_examples=300, deadline=None)
@given(_TEXT, _TEXT)
def test_same_ratio_as_ids_jaccard(a, b):
    assert len(_gram_keys(a)) == len(bigrams(a))
    assert _jaccard_keys(_gram_keys(a), _gram_keys(b)) == jaccard(a, b)


def test_short_texts_keep_their_one_element_sets():
    # one letter or none: ids.bigrams gives {text}; such sets only equal each other
    assert _jaccard_keys(_gram_keys(""), _gram_keys("，")) == jaccard("", "，") == 1.0
    assert _jaccard_keys(_gram_keys("县"), _gram_keys("县")) == 1.0
    assert _jaccard_keys(_gram_keys("县"), _gram_keys("县县")) == jaccard("县", "县县") == 0.0
    assert _jaccard_keys(_gram_keys(""), _gram_keys("县")) == jaccard("", "县") == 0.0
