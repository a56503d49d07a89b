"""jieba, set up once per process: cache inside the project, user dictionary loaded.

The user dictionary is GENERATED, never edited by hand: every name the gazetteer resolves
(full, short, historical and zone names, ``ledger.regions``) and every metric label of
``data/reference/metric_lexicon.csv`` (column ``label``), so that place names and metric
terms come out of ``cut`` as single tokens. It is written to the cache dir
(``ledger.config.cache_dir()``, beside jieba's own dictionary cache) under a name that
carries a hash of its content, so a changed gazetteer or lexicon yields a new file and a
stale one is never loaded. HMM (new-word discovery) is off: it is slower and invents
words out of number-unit runs.
"""
from __future__ import annotations

import csv
import io
import hashlib
import logging
import os
from collections import Counter
from functools import lru_cache
from pathlib import Path

from ledger.config import REFERENCE_DIR, cache_dir

METRIC_LEXICON = REFERENCE_DIR / "metric_lexicon.csv"


def metric_labels() -> list[str]:
    """The ``label`` column of the metric lexicon (owned by the extraction part), if present."""
    if not METRIC_LEXICON.exists():
        return []
    try:
        with open(METRIC_LEXICON, encoding="utf-8", newline="") as fh:
            return sorted({(r.get("label") or "").strip() for r in csv.DictReader(fh)} - {""})
    except (OSError, csv.Error, UnicodeDecodeError):
        return []


def user_dictionary_lines() -> list[str]:
    """Lines ``word freq tag`` of the generated user dictionary, sorted."""
    from ledger.regions import get_gazetteer

    gaz = get_gazetteer()
    words: dict[str, tuple[int, str]] = {}
    for surface in gaz.names():
        kinds = {a.kind for a in gaz.aliases_of(surface)}
        words[surface] = "ns"
    for label in metric_labels():
        if " " in label or len(label) < 2:
            continue
        words.setdefault(label, "n")
    # no frequency: jieba then gives each word just enough weight to come out whole
    # (jieba.suggest_freq), without pulling characters out of the words around it
    # (示范县 stays 示范县, not 示 + 范县)
    return [f"{w} {t}" for w, t in sorted(words.items())]


def user_dictionary_path() -> Path:
    """Write (if missing) and return the generated user dictionary in the cache dir."""
    return _write_user_dictionary("\n".join(user_dictionary_lines()) + "\n")


def _write_user_dictionary(body: str) -> Path:
    digest = hashlib.sha1(body.encode("utf-8")).hexdigest()[:12]
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"jieba_user_dict.{digest}.txt"
    if not path.exists():
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text(body, encoding="utf-8")
        tmp.replace(path)
        for old in folder.glob("jieba_user_dict.*.txt"):
            if old != path:
                try:
                    old.unlink()
                except OSError:
                    pass
    return path


@lru_cache(maxsize=1)
def _base_jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tmp = cache_dir()
    tmp.mkdir(parents=True, exist_ok=True)
    jieba.dt.tmp_dir = str(tmp)
    jieba.initialize()
    return jieba


_USER_WORDS: dict = {}


@lru_cache(maxsize=1)
def _jieba():
    jieba = _base_jieba()
    general = jieba.dt.FREQ
    body = "\n".join(user_dictionary_lines()) + "\n"
    try:
        _write_user_dictionary(body)     # kept in the cache for inspection
    except OSError:
        pass
    for line in body.splitlines():
        w = line.split(" ", 1)[0]
        _USER_WORDS[w] = general.get(w, 0)   # remember the general dictionary's own count
    # loaded from memory: another process replacing the cached file cannot break this one
    jieba.load_userdict(io.StringIO(body))
    return jieba


def dictionary_freq(word: str) -> int:
    """Frequency of ``word`` in jieba's general dictionary (0 if it is not a word there);
    the generated user dictionary does not count."""
    jieba = _jieba()
    if word in _USER_WORDS:
        return _USER_WORDS[word]
    return jieba.dt.FREQ.get(word, 0)


@lru_cache(maxsize=1)
def _place_words() -> frozenset:
    """The words jieba's general dictionary tags as place names (``ns``).

    Read once from jieba's dictionary file and cached as a small list in the cache dir
    (importing jieba.posseg for the same answer costs about a second per process)."""
    jieba = _base_jieba()
    dict_file = jieba.dt.get_dict_file()
    name = getattr(dict_file, "name", "dict")
    try:
        stat = os.stat(name)
        tag = hashlib.sha1(f"{name}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:12]
    except (OSError, TypeError):
        tag = "default"
    cached = cache_dir() / f"jieba_ns_words.{tag}.txt"
    if cached.exists():
        dict_file.close()
        return frozenset(cached.read_text(encoding="utf-8").split())
    words = []
    with dict_file as fh:
        for raw in fh:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3 and parts[2] == "ns":
                words.append(parts[0])
    cached.parent.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text("\n".join(words), encoding="utf-8")
    tmp.replace(cached)
    return frozenset(words)


def is_place_word(word: str) -> bool:
    """Whether jieba's general dictionary tags ``word`` as a place name (ns)."""
    return word in _place_words()


def cut(text: str) -> list[str]:
    """Tokens of ``text`` (HMM off), place names and metric terms kept whole."""
    return list(_jieba().cut(text or "", HMM=False))


@lru_cache(maxsize=1)
def _idf():
    import jieba.analyse

    _jieba()
    tfidf = jieba.analyse.default_tfidf
    return tfidf.idf_freq, tfidf.median_idf, tfidf.stop_words


def keywords(text: str, k: int = 8) -> list[str]:
    """The ``k`` top TF-IDF words of ``text`` (jieba.analyse's IDF table, HMM off)."""
    idf, median, stop = _idf()
    words = Counter(w for w in cut(text) if len(w.strip()) >= 2 and w.lower() not in stop
                    and not w.replace(".", "").isdigit())
    total = sum(words.values()) or 1
    scored = sorted(((c / total * idf.get(w, median), w) for w, c in words.items()),
                    key=lambda x: (-x[0], x[1]))
    return [w for _, w in scored[:k]]
