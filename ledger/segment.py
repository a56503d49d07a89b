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
from math import log
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
    words: dict[str, str] = {}
    for surface in gaz.names():
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
    """The jieba module with its cache dir set (its dictionary is not loaded here)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tmp = cache_dir()
    tmp.mkdir(parents=True, exist_ok=True)
    jieba.dt.tmp_dir = str(tmp)
    return jieba


_USER_WORDS: dict = {}
_TABLES_VERSION = "1"


def _file_tag(path) -> str:
    try:
        st = os.stat(path)
        return f"{path}:{st.st_size}:{st.st_mtime_ns}"
    except (OSError, TypeError):
        return f"{path}:missing"


def _jieba_files(jieba) -> tuple[str, str, str]:
    """jieba's general dictionary, its IDF table and the module holding its stop words."""
    pkg = Path(jieba.__file__).parent
    dict_file = jieba.dt.dictionary or (pkg / jieba.DEFAULT_DICT_NAME)
    return str(dict_file), str(pkg / "analyse" / "idf.txt"), str(pkg / "analyse" / "tfidf.py")


def _stop_words(tfidf_py: str) -> frozenset:
    """``KeywordExtractor.STOP_WORDS`` of jieba.analyse, read from its source (importing
    jieba.analyse imports jieba.posseg, which parses the whole dictionary for word tags)."""
    import ast

    try:
        tree = ast.parse(Path(tfidf_py).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return frozenset()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "STOP_WORDS" for t in node.targets):
            call = node.value
            if isinstance(call, ast.Call) and call.args:
                try:
                    return frozenset(ast.literal_eval(call.args[0]))
                except ValueError:
                    return frozenset()
    return frozenset()


def _read_idf(idf_txt: str) -> tuple[dict, float]:
    """jieba.analyse's IDF table and its median, as ``jieba.analyse.tfidf.IDFLoader`` reads them."""
    idf: dict = {}
    try:
        content = Path(idf_txt).read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return idf, 0.0
    for line in content.splitlines():
        parts = line.strip().split(" ")
        if len(parts) == 2:
            idf[parts[0]] = float(parts[1])
    median = sorted(idf.values())[len(idf) // 2] if idf else 0.0
    return idf, median


def _build_tables(jieba, body: str, idf_txt: str, tfidf_py: str) -> dict:
    """jieba's dictionary with the user dictionary loaded into it, plus the keyword tables."""
    jieba.initialize()
    general = jieba.dt.FREQ
    user_words = {}
    for line in body.splitlines():
        w = line.split(" ", 1)[0]
        user_words[w] = general.get(w, 0)   # the general dictionary's own count
    jieba.load_userdict(io.StringIO(body))
    idf, median = _read_idf(idf_txt)
    return {"freq": jieba.dt.FREQ, "total": jieba.dt.total, "user_words": user_words,
            "idf": idf, "median_idf": median, "stop_words": _stop_words(tfidf_py)}


@lru_cache(maxsize=1)
def _tables() -> dict:
    """Everything jieba and the keyword scorer need, loaded in one read.

    Loading jieba's dictionary (its own marshal cache), adding the ~7k words of the user
    dictionary one by one and reading jieba.analyse's IDF table costs about 1.5 CPU s per
    process; the result is pickled in the cache dir under a name carrying the hash of its
    inputs (the user dictionary's text, the stat of jieba's dict.txt, idf.txt and
    tfidf.py, jieba's version), so any change to them builds a new file. Loading it takes
    about a quarter of that. The tables are the same either way."""
    import pickle

    jieba = _base_jieba()
    body = "\n".join(user_dictionary_lines()) + "\n"
    try:
        _write_user_dictionary(body)     # kept in the cache for inspection
    except OSError:
        pass
    dict_file, idf_txt, tfidf_py = _jieba_files(jieba)
    key = hashlib.sha1("\0".join([_TABLES_VERSION, getattr(jieba, "__version__", ""), body,
                                   _file_tag(dict_file), _file_tag(idf_txt), _file_tag(tfidf_py)])
                       .encode("utf-8")).hexdigest()[:12]
    folder = cache_dir()
    path = folder / f"jieba_tables.{key}.pkl"
    tables = None
    if path.exists():
        try:
            with open(path, "rb") as fh:
                tables = pickle.load(fh)
        except Exception:   # a truncated or foreign file: rebuild it
            tables = None
    if tables is None:
        tables = _build_tables(jieba, body, idf_txt, tfidf_py)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".tmp{os.getpid()}")
            with open(tmp, "wb") as fh:
                pickle.dump(tables, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
            for old in folder.glob("jieba_tables.*.pkl"):
                if old != path:
                    try:
                        old.unlink()
                    except OSError:
                        pass
        except OSError:
            pass
    return tables


@lru_cache(maxsize=1)
def _jieba():
    jieba = _base_jieba()
    tables = _tables()
    dt = jieba.dt
    with dt.lock:
        # what Tokenizer.initialize() and load_userdict() would have set, from the cached tables
        dt.FREQ = tables["freq"]
        dt.total = tables["total"]
        dt.initialized = True
    _USER_WORDS.update(tables["user_words"])
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
    """Tokens of ``text`` (HMM off), place names and metric terms kept whole.

    The same tokens as ``jieba.cut(text, HMM=False)`` (tests/regions/test_fast_cut.py
    compares them): jieba's own block split and dictionary (``jieba.dt.FREQ``/``total``),
    with its per-block search (``get_DAG`` + ``calc`` + ``__cut_DAG_NO_HMM``) done in one
    pass (:func:`_cut_block`), about twice as fast as jieba's generators and dict of lists."""
    jieba = _jieba()
    if not text:
        return []
    logp, logtotal = _log_probs()
    re_han, re_skip = jieba.re_han_default, jieba.re_skip_default
    out: list[str] = []
    for blk in re_han.split(text):
        if not blk:
            continue
        if re_han.match(blk):
            _cut_block(blk, logp, logtotal, out)
        else:
            for x in re_skip.split(blk):
                if re_skip.match(x):
                    out.append(x)
                else:
                    out.extend(x)
    return out


@lru_cache(maxsize=8192)
def cut_offsets(text: str) -> frozenset:
    """Where :func:`cut` cuts ``text``: 0, the end of every token (offsets in ``text``).

    For the small windows the place-name boundary check cuts (``regions._on_word_boundaries``):
    the same window comes back when the main-region pass, the mention pass and the
    unresolved-name pass look at the same name in the same text, and across articles (about
    half of the windows of real pages), so each distinct window is segmented once per process."""
    pos, cuts = 0, [0]
    for tok in cut(text):
        pos += len(tok)
        cuts.append(pos)
    return frozenset(cuts)


_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


_NOT_A_WORD = None     # logp's value for a prefix of dictionary words that is no word itself (freq 0)


@lru_cache(maxsize=1)
def _log_probs() -> tuple[dict, float]:
    """Every key of jieba's dictionary -> ``log(freq) - log(total)`` (``_NOT_A_WORD`` for the
    prefixes it keeps with frequency 0), and ``log(total)``: the scores ``_cut_block`` adds up,
    computed once per process (the fork server's workers share them) instead of one ``log``
    per dictionary word at every position of every block."""
    dt = _jieba().dt
    logtotal = log(dt.total)
    return {w: (log(f) - logtotal if f else _NOT_A_WORD) for w, f in dt.FREQ.items()}, logtotal


_ABSENT = object()


def _cut_block(blk: str, logp: dict, logtotal: float, out: list) -> None:
    """jieba's ``__cut_DAG_NO_HMM`` of one block, appended to ``out``.

    For each position from the right: every dictionary word starting there (the prefix walk
    of ``get_DAG``; a lone character when there is none) scored as in ``calc``,
    ``log(freq or 1) - logtotal + best score after it`` (the first two terms from
    :func:`_log_probs`, the same floats), the best (score, end) kept, ties to the longer word
    exactly like ``max`` over (score, end) tuples. Then the route is read left to right, runs
    of single ASCII letters/digits joined as jieba does."""
    n = len(blk)
    score = [0.0] * (n + 1)
    nxt = [0] * (n + 1)
    get = logp.get
    lone = 0.0 - logtotal       # log(1) - logtotal: a character the dictionary does not know
    for idx in range(n - 1, -1, -1):
        best_s = None
        best_x = idx
        i = idx
        v = get(blk[idx], _ABSENT)
        while v is not _ABSENT:
            if v is not _NOT_A_WORD:
                sc = v + score[i + 1]
                if best_s is None or sc >= best_s:
                    best_s, best_x = sc, i
            i += 1
            if i >= n:
                break
            v = get(blk[idx:i + 1], _ABSENT)
        if best_s is None:       # no word starts here (the character is unknown or only a prefix)
            best_s = lone + score[idx + 1]
            best_x = idx
        score[idx] = best_s
        nxt[idx] = best_x + 1
    x = 0
    buf = ""
    while x < n:
        y = nxt[x]
        word = blk[x:y]
        if y - x == 1 and word in _ASCII_ALNUM:
            buf += word
        else:
            if buf:
                out.append(buf)
                buf = ""
            out.append(word)
        x = y
    if buf:
        out.append(buf)


# keywords are descriptive metadata (what an article is about), so they are taken from the
# title and the first KEYWORD_CHARS characters of the text: the lead of a news report names
# its subject, and segmenting whole long reports was ~40 % of the parse step
KEYWORD_CHARS = 2000


def keywords(text: str, k: int = 8) -> list[str]:
    """The ``k`` top TF-IDF words of the first ``KEYWORD_CHARS`` characters of ``text``
    (callers put the title first).

    Same scoring as ``jieba.analyse.extract_tags`` (term frequency times jieba.analyse's IDF,
    the median IDF for unknown words; words shorter than 2 characters and its stop words
    skipped), with HMM off and bare numbers skipped too; ties go to the smaller word. The IDF
    table is read from ``jieba/analyse/idf.txt`` directly (:func:`_tables`), without importing
    jieba.analyse (which imports jieba.posseg and parses the dictionary's word tags)."""
    t = _tables()
    idf, median, stop = t["idf"], t["median_idf"], t["stop_words"]
    words = Counter(w for w in cut((text or "")[:KEYWORD_CHARS]) if len(w) >= 2 and len(w.strip()) >= 2
                    and w.lower() not in stop
                    and not w.replace(".", "").isdigit())
    total = sum(words.values()) or 1
    scored = sorted(((c / total * idf.get(w, median), w) for w, c in words.items()),
                    key=lambda x: (-x[0], x[1]))
    return [w for _, w in scored[:k]]
