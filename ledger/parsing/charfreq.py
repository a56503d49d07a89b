"""How 'Chinese-looking' a decoded text is, used to choose between legacy encodings.

The common characters are derived at first use from jieba's bundled dictionary
(``jieba/dict.txt``: word, frequency, tag; MIT licence): each character's frequency
is the sum of the frequencies of the words it occurs in; the top 4000 are "common".
Nothing is copied into the repository. Deriving the table reads all of dict.txt (about
0.4 CPU s), so the result is kept in the cache dir (``ledger.config.cache_dir()``) under a
name carrying the hash of dict.txt's path, size and mtime and of ``TOP``; later processes
read that small file instead.
"""
from __future__ import annotations

import hashlib
import os
from collections import Counter
from functools import lru_cache
from pathlib import Path

TOP = 4000
_VERSION = "1"


def _dict_path() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    return Path(spec.origin).parent / "dict.txt"


@lru_cache(maxsize=1)
def common_chars() -> frozenset[str]:
    from ledger.config import cache_dir

    path = _dict_path()
    try:
        st = os.stat(path)
        tag = f"{_VERSION}:{TOP}:{path}:{st.st_size}:{st.st_mtime_ns}"
    except OSError:
        return _derive(path)
    cached = cache_dir() / f"common_chars.{hashlib.sha1(tag.encode()).hexdigest()[:12]}.txt"
    try:
        return frozenset(cached.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        pass
    chars = _derive(path)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text("".join(sorted(chars)), encoding="utf-8")
        tmp.replace(cached)
    except OSError:
        pass
    return chars


def _derive(path: Path) -> frozenset[str]:
    """The top ``TOP`` characters by summed word frequency (Han characters only)."""
    freq: Counter[str] = Counter()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ", 2)
            if len(parts) < 2:
                continue
            try:
                f = int(parts[1])
            except ValueError:
                continue
            for ch in parts[0]:
                freq[ch] += f
    return frozenset(ch for ch, _ in freq.most_common(TOP) if "\u3400" <= ch <= "\u9fff")


def _punct(ch: str) -> bool:
    o = ord(ch)
    return 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or 0x2010 <= o <= 0x2027 or o in (0xB7, 0x2026)


def commonness(text: str, sample: int = 6000) -> float:
    """Share of the non-ASCII characters (Han after Traditional->Simplified) that are common
    Han characters or CJK punctuation; 1.0 for a text without non-ASCII characters."""
    from ledger.parsing.normalize import to_simplified

    s = to_simplified(text[:sample])
    non_ascii = [ch for ch in s if ord(ch) > 127 and not ch.isspace()]
    if not non_ascii:
        return 1.0
    common = common_chars()
    good = sum(1 for ch in non_ascii if ch in common or _punct(ch))
    return good / len(non_ascii)
