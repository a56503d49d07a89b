"""A benchmark corpus multiplied from folders of real pages (``ledger bench --from-folder``).

``multiply(folders, out, n)`` writes ``n`` files: file *i* is page ``i mod P`` of the sorted
pages of the folders, its figures perturbed by a random stream of (seed, *i*) and a line with a
unique marker appended, so no two files are the same text (and the exact-duplicate check links
none of them). Perturbed: every number with a decimal point, and every integer of 2 digits or
more that is not a year (1900-2099) nor followed by 年/月/日/时/号/版/期; each is scaled by
0.85-1.15 and written with as many decimals as before. Dates, ranks, small counts keep their
value, so the pages keep their shape and their periods. The text is written in UTF-8.

There is no gold for such a corpus (the figures moved), so it is measured for speed only.
"""
from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
import time
from pathlib import Path
from typing import Iterable

NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])")
_KEEP_AFTER = "年月日时号版期"


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030", "replace")


def perturb(text: str, rng: random.Random) -> str:
    """``text`` with its figures scaled by 0.85-1.15 (see the module's docstring for which)."""
    def repl(m: re.Match) -> str:
        s = m.group(1)
        after = text[m.end():m.end() + 1]
        if "." in s:
            decimals = len(s) - s.index(".") - 1
            return f"{float(s) * rng.uniform(0.85, 1.15):.{decimals}f}"
        v = int(s)
        if len(s) < 2 or (1900 <= v <= 2099) or after and after in _KEEP_AFTER or s.startswith("0"):
            return s
        return str(max(10, round(v * rng.uniform(0.85, 1.15))))

    return NUMBER.sub(repl, text)


def source_pages(folders: Iterable[Path]) -> list[Path]:
    pages = []
    for folder in folders:
        pages += sorted(p for p in Path(folder).iterdir() if p.is_file() and not p.name.startswith("."))
    if not pages:
        raise ValueError(f"no pages in {', '.join(map(str, folders))}")
    return pages


def corpus_key(folders: Iterable[Path], n: int, seed: int) -> str:
    """Names a multiplied corpus by its source pages, n, the seed and this module's code."""
    h = hashlib.sha1(Path(__file__).read_bytes())
    for p in source_pages(folders):
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    h.update(f"{n}:{seed}".encode())
    return h.hexdigest()[:8]


def multiply(folders: list[Path], inbox: Path, n: int, seed: int = 7) -> dict:
    """Write ``n`` perturbed copies of the pages of ``folders`` into ``inbox``; the corpus's
    figures (files, bytes, articles as the parser cuts the source pages, source pages)."""
    from ledger.parsing import parse_file

    pages = source_pages(folders)
    texts = [_decode(p.read_bytes()) for p in pages]
    articles_of = []
    for p, t in zip(pages, texts):
        pf = parse_file(p.name, t.encode("utf-8"))
        articles_of.append(len(pf.articles))
    shutil.rmtree(inbox, ignore_errors=True)
    inbox.mkdir(parents=True)
    info = {"inbox": str(inbox), "gold": None, "files": 0, "articles": 0, "bytes": 0, "facts": None,
            "rankings": None, "next_index": n, "source_pages": len(pages),
            "source_folders": [str(f) for f in folders], "shapes": {"multiplied": n}}
    t0 = time.perf_counter()
    for i in range(n):
        k = i % len(pages)
        rng = random.Random(f"county-ledger-bench-folder:{seed}:{i}")
        text = perturb(texts[k], rng).rstrip("\n") + f"\n\n（稿件编号：B{seed}-{i:07d}）\n"
        data = text.encode("utf-8")
        (inbox / f"m{i:07d}_{pages[k].stem}{pages[k].suffix or '.txt'}").write_bytes(data)
        info["files"] += 1
        info["bytes"] += len(data)
        info["articles"] += articles_of[k]
    info["generate_seconds"] = time.perf_counter() - t0
    return info


def ensure(workdir: Path, folders: list[Path], n: int, seed: int) -> dict:
    """The multiplied corpus for (folders, n, seed), written once and reused."""
    version = corpus_key(folders, n, seed)
    base = workdir / f"folder-n{n}-s{seed}-{version}"
    manifest = base / "manifest.json"
    if manifest.exists():
        info = json.loads(manifest.read_text())
        inbox = Path(info["inbox"])
        if inbox.is_dir() and sum(1 for _ in inbox.iterdir()) == info["files"]:
            info.update(generate_seconds=0.0, reused=True)
            return info
    shutil.rmtree(base, ignore_errors=True)
    info = multiply(folders, base / "inbox", n, seed)
    info["version"] = version
    manifest.write_text(json.dumps(info, ensure_ascii=False, indent=1))
    info["reused"] = False
    return info
