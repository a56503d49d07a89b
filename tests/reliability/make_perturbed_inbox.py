"""Not a test: writes the inbox of the one-off 10,000-page run in docs/reliability.md.

    .venv/bin/python -m tests.reliability.make_perturbed_inbox OUT_DIR [N] [--seed=S] [--short]

File *i* starts with page ``i mod P`` of ../shared/seeds and ../shared/eval/real/pages (sorted),
read there at run time (their text is never copied into the project), with:

* its figures perturbed: every number with a decimal point, and every integer of 2 digits or
  more that is not a year (1900-2099) nor followed by 年/月/日/时/号/版/期, scaled by 0.85-1.15
  with as many decimals as before (dates, ranks and small counts keep their value);
* one fact stated twice: the first sentence holding a figure with a unit (亿元, 万元, %, 万吨,
  万人, 万平方米) is repeated right after itself, as the page that once stopped every league did;
* real size: the eval pages are 0.4-1.1 K-character openings of pages of 3-20 KB, so the file
  goes on with the following pages of the pool (each perturbed the same way, a blank line
  between) until its UTF-8 size reaches a size drawn from the real-page distribution the
  benchmark uses (``ledger.bench.corpus.target_bytes``: log-normal, 3-20 KB as its 5th-95th
  percentiles, median 7.7 KB); ``--short`` keeps one page per file (the older, 2.4 KB run);
* a line with a unique serial number, so no two files are the same bytes.
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from ledger.bench.corpus import target_bytes
from ledger.bench.folder import _decode, perturb
from tests.conftest import SHARED

FIGURE_SENTENCE = re.compile(r"[^。！？\n]*\d(?:\.\d+)?\s*(?:亿元|万元|%|％|万吨|万人|万平方米)[^。！？\n]*[。！？]")
decode = _decode   # the bench's reader and perturbation (ledger/bench/folder.py), one copy


def state_one_fact_twice(text: str) -> tuple[str, bool]:
    m = FIGURE_SENTENCE.search(text)
    if not m:
        return text, False
    return text[:m.end()] + m.group(0).lstrip() + text[m.end():], True


def sources() -> list[Path]:
    pages = []
    for folder in (SHARED / "seeds", SHARED / "eval" / "real" / "pages"):
        pages += sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")
                        and p.name != "README.md")
    return pages


def write(out: Path, n: int, seed: int = 12, real_size: bool = True) -> dict:
    pages = sources()
    texts = [decode(p.read_bytes()) for p in pages]
    out.mkdir(parents=True, exist_ok=True)
    doubled = size = 0
    for i in range(n):
        k = i % len(pages)
        rng = random.Random(f"county-ledger-reliability:{seed}:{i}")
        text, twice = state_one_fact_twice(perturb(texts[k], rng))
        if real_size:
            target, j = target_bytes(rng), k
            while len(text.encode("utf-8")) < target:
                j = (j + 1) % len(pages)
                text = text.rstrip("\n") + "\n\n" + perturb(texts[j], rng)
        data = (text.rstrip("\n") + f"\n\n（稿件编号：R{seed}-{i:07d}）\n").encode("utf-8")
        (out / f"p{i:05d}_{pages[k].stem}.txt").write_bytes(data)
        doubled += twice
        size += len(data)
    return {"files": n, "source_pages": len(pages), "with_a_fact_stated_twice": doubled, "bytes": size}


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    seed = next((int(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--seed=")), 12)
    print(write(Path(args[0]), int(args[1]) if len(args) > 1 else 10_000, seed, real_size="--short" not in sys.argv))
