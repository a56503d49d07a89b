"""The benchmark's generated corpus (ledger/bench/corpus.py: Jekyll posts, portal pages, HTML,
GB18030, dated newspaper pages): the parser finds every generated article with its title,
and every article gets a date and an outlet."""
from __future__ import annotations

from ledger.bench.corpus import iter_files
from ledger.parsing import parse_file


def _same_title(a: str, b: str) -> bool:
    return a.replace(":", "：") == b.replace(":", "：")


def test_generated_files_parse_into_their_articles():
    files = list(iter_files(0, seed=11, n_files=300))
    assert len({f.shape for f in files}) >= 5
    for f in files:
        pf = parse_file(f.name, f.data)
        assert pf.quarantine is None, (f.name, pf.quarantine)
        assert len(pf.articles) == len(f.articles), (f.name, f.shape)
        for got, want in zip(pf.articles, f.articles):
            assert _same_title(got.title, want.title), (f.name, got.title, want.title)
            assert got.published_at and got.outlet, f.name
            assert got.authors, (f.name, f.shape)
