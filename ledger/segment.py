"""jieba, set up once per process: cache inside the project, user dictionary loaded.

(Walking-skeleton version: plain jieba keywords. The extraction issue adds the
user dictionary generated from the gazetteer and the metric lexicon.)
"""
from __future__ import annotations

import logging
from functools import lru_cache

from ledger.config import cache_dir


@lru_cache(maxsize=1)
def _jieba():
    import jieba
    import jieba.analyse

    jieba.setLogLevel(logging.WARNING)
    tmp = cache_dir()
    tmp.mkdir(parents=True, exist_ok=True)
    jieba.dt.tmp_dir = str(tmp)
    jieba.initialize()
    return jieba


def keywords(text: str, k: int = 8) -> list[str]:
    jieba = _jieba()
    return list(jieba.analyse.extract_tags(text, topK=k))
