"""Bytes -> text, or the reason the bytes are not text.

Order: UTF-8 (with or without BOM) strictly; UTF-16 when a BOM says so; UTF-8 with a few
corrupt bytes (at most one per 2,000 characters: the bytes are dropped, encoding
``utf-8-lossy``); then GB18030
strictly (a superset of GBK and GB2312); then Big5; then charset-normalizer's guess, kept
only when it names a CJK or Unicode encoding or yields plain ASCII-like text. When more than
one legacy encoding decodes the bytes, the one whose Han characters are the commoner ones
(by the character frequencies of jieba's dictionary, see :mod:`ledger.parsing.charfreq`) wins.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

# magic numbers of common binary formats that might land in an inbox
_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b", b"Rar!",
          b"7z\xbc\xaf", b"\x7fELF", b"MZ", b"\xd0\xcf\x11\xe0", b"BZh", b"\x00\x00\x01\x00",
          b"SQLite format 3", b"RIFF", b"OggS", b"ID3", b"\x00\x00\x00")
_CJK_ENCODINGS = ("big5", "cp950", "gb", "euc", "shift_jis", "cp932", "iso2022", "hz", "utf", "johab", "cp949")
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))  # deleting these leaves the controls
_BAD_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")


@dataclass
class Decoded:
    text: Optional[str]
    encoding: Optional[str]
    reason: Optional[str] = None   # quarantine code when text is None
    detail: Optional[str] = None


def looks_binary(data: bytes) -> Optional[str]:
    """A plain-language reason when ``data`` is clearly not a text file, else None."""
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 with a BOM: text with NUL bytes
    for magic in _MAGIC:
        if head.startswith(magic):
            return "The file starts like a binary file (image, archive, PDF or program), not like text."
    if b"\x00" in data:  # anywhere, not only in the head: no text file holds a NUL byte
        return "The file contains NUL bytes, so it is a binary file, not text."
    controls = len(head.translate(None, _NOT_CONTROL))
    if controls > max(8, len(head) // 50):
        return "The file is mostly control bytes, so it is a binary file, not text."
    return None


def _bad_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_BAD_CHARS.findall(text[:20000])) / min(len(text), 20000)


def _strict(data: bytes, enc: str) -> Optional[str]:
    """Strict decoding; a file cut short inside its last character (a truncated download)
    loses only that character."""
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 4 and exc.start > 0:
            try:
                return data[:exc.start].decode(enc)
            except UnicodeDecodeError:
                return None
        return None
    except LookupError:
        return None


def decode(data: bytes) -> Decoded:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _strict(data, "utf-16")
        if text is not None:
            return Decoded(text, "utf-16")
    text = _strict(data, "utf-8")
    if text is not None:
        if text.startswith("\ufeff"):
            return Decoded(text[1:], "utf-8-sig")
        if _bad_share(text) > 0.1:
            return Decoded(None, None, "binary", "The file is mostly control characters, so it is not readable text.")
        return Decoded(text, "utf-8")
    lossy = data.decode("utf-8", "replace")
    bad = lossy.count("\ufffd")
    if bad <= max(2, len(lossy) // 2000):  # UTF-8 with a few corrupt bytes: keep the text, drop the bytes
        return Decoded(lossy.replace("\ufffd", "").lstrip("\ufeff"), "utf-8-lossy")
    from ledger.parsing.charfreq import commonness

    candidates = []
    for enc in ("gb18030", "big5"):
        t = _strict(data, enc)
        if t is not None and _bad_share(t) < 0.05:
            candidates.append((commonness(t), enc, t))
    if not candidates:
        guess = _detect(data)
        if guess is not None:
            candidates.append((commonness(guess[1]), guess[0], guess[1]))
    if not candidates:
        return Decoded(None, None, "undecodable",
                       "The bytes are not valid UTF-8, GB18030 or Big5, and no other text encoding fits them.")
    score, enc, text = max(candidates, key=lambda c: c[0])
    if score < 0.6:
        return Decoded(None, None, "undecodable",
                       f"The bytes decode as {enc} only into characters that are rare in Chinese text; "
                       "the encoding could not be recognised.")
    return Decoded(text, enc)


def _detect(data: bytes) -> Optional[tuple[str, str]]:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
    except Exception:  # the detector must never take a run down
        return None
    if best is None or not best.encoding:
        return None
    enc = best.encoding.lower()
    text = _strict(data, enc)
    if text is None or _bad_share(text) > 0.05:
        return None
    if any(enc.startswith(p) for p in _CJK_ENCODINGS):
        return enc, text
    # a single-byte guess is kept only for almost-ASCII text
    ascii_share = sum(1 for ch in text[:20000] if ord(ch) < 128) / max(1, min(len(text), 20000))
    return (enc, text) if ascii_share > 0.97 else None
