"""Stable article ids and 64-bit SimHash fingerprints.

``article_id``: sha1 of the NFKC, whitespace-free extraction text, 16 hex chars. The same
body dropped again (under any name, with other line breaks or other-width punctuation)
gets the same id.

``simhash``: Charikar's SimHash over character shingles of the extraction text, vectorised
with numpy (one pass, no per-shingle Python work). Shingles are taken over Han characters,
letters and digits only (punctuation and spaces are dropped), so layout noise does not move
the fingerprint. Returned as a *signed* 64-bit int to fit DuckDB's BIGINT.
"""
from __future__ import annotations

import hashlib

import numpy as np

from ledger.parsing.normalize import fingerprint_text

SHINGLE = 2          # characters per shingle (see tests/parsing/test_dedup.py for the choice)
_CHUNK = 1 << 16     # shingles per block, bounds memory on huge texts
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_MULT = [np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F),
         np.uint64(0x165667B19E3779F9), np.uint64(0x27D4EB2F165667C5)]


def article_id(text: str) -> str:
    return hashlib.sha1(fingerprint_text(text).encode("utf-8")).hexdigest()[:16]


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser (wrapping uint64 arithmetic)."""
    h = h ^ (h >> np.uint64(30))
    h = h * _M1
    h = h ^ (h >> np.uint64(27))
    h = h * _M2
    return h ^ (h >> np.uint64(31))


def _letters(text: str) -> np.ndarray:
    """Code points of the Han characters, letters and digits of ``text`` (full-width folded
    to ASCII, upper case to lower), as uint64."""
    cp = np.frombuffer(text.encode("utf-32-le", "replace"), dtype=np.uint32)
    full = (cp >= 0xFF10) & (cp <= 0xFF5A)
    cp = np.where(full, cp - 0xFEE0, cp)
    upper = (cp >= 0x41) & (cp <= 0x5A)
    cp = np.where(upper, cp + 32, cp)
    keep = (((cp >= 0x30) & (cp <= 0x39)) | ((cp >= 0x61) & (cp <= 0x7A))
            | ((cp >= 0x3400) & (cp <= 0x9FFF)) | ((cp >= 0xF900) & (cp <= 0xFAFF))
            | ((cp >= 0xC0) & (cp <= 0x24F)) | (cp >= 0x20000))
    return cp[keep].astype(np.uint64)


def shingle_hashes(text: str, k: int = SHINGLE) -> np.ndarray:
    cps = _letters(text)
    if len(cps) == 0:
        return np.zeros(0, dtype=np.uint64)
    k = min(k, len(cps))
    n = len(cps) - k + 1
    with np.errstate(over="ignore"):
        h = np.zeros(n, dtype=np.uint64)
        for j in range(k):
            h = _mix(h ^ (cps[j:j + n] * _MULT[j % len(_MULT)]))
    return np.unique(h)


def simhash(text: str, k: int = SHINGLE) -> int:
    """64-bit SimHash of ``text`` as a signed int (0 for a text without letters)."""
    h = shingle_hashes(text, k)
    if len(h) == 0:
        return 0
    counts = np.zeros(64, dtype=np.int64)
    for start in range(0, len(h), _CHUNK):
        block = h[start:start + _CHUNK]
        bits = np.unpackbits(block.view(np.uint8).reshape(-1, 8), axis=1)
        counts += bits.sum(axis=0, dtype=np.int64)
    fp = np.packbits((counts * 2 > len(h)).astype(np.uint8))
    return int.from_bytes(fp.tobytes(), "little", signed=True)


def hamming(a: int, b: int) -> int:
    return ((a ^ b) & 0xFFFFFFFFFFFFFFFF).bit_count()
