"""Raw bytes -> articles. Entry point: :func:`parse_file`.

(Walking-skeleton version: UTF-8/GB18030 text, Jekyll front matter, tags stripped.
The parsing issue replaces the inside; the signature stays.)
"""
from __future__ import annotations

import hashlib
import re

from ledger.config import MAX_FILE_BYTES
from ledger.model import Article, ParsedFile, Quarantine

_TAG = re.compile(r"<[^>]+>")


def parse_file(file_name: str, data: bytes) -> ParsedFile:
    sha = hashlib.sha256(data).hexdigest()
    result = ParsedFile(file_name, sha, len(data))
    if not data.strip():
        result.quarantine = Quarantine(file_name, sha, len(data), "empty", "The file is empty.")
        return result
    if len(data) > MAX_FILE_BYTES:
        result.quarantine = Quarantine(file_name, sha, len(data), "too_large", "The file is larger than 20 MB.")
        return result
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        result.quarantine = Quarantine(file_name, sha, len(data), "undecodable", "The bytes are neither UTF-8 nor GB18030.")
        return result
    title, date = None, None
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if m:
        fm = m.group(1)
        t = re.search(r'^title:\s*"?(.*?)"?\s*$', fm, re.M)
        d = re.search(r"^date:\s*(\S+)", fm, re.M)
        title = t.group(1) if t else None
        date = d.group(1) if d else None
        text = text[m.end():]
    paras = [p.strip() for p in _TAG.sub("\n", text).splitlines() if p.strip()]
    if not paras:
        result.quarantine = Quarantine(file_name, sha, len(data), "no_text", "No readable text.")
        return result
    body = "\n".join(paras)
    result.articles.append(Article(
        article_id=hashlib.sha1(body.encode()).hexdigest()[:16], source_file=file_name, source_sha256=sha,
        position=0, title=title or paras[0][:60], published_at=date,
        date_reason="front matter" if date else "no date in the text", outlet=None,
        paragraphs=paras, text=body, n_chars=len(body)))
    return result
