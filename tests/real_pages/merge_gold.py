"""Merge two independent annotations of a batch of real pages into its gold.

    python tests/real_pages/merge_gold.py tests/real_pages/b2

reads every ``gold_A*.jsonl`` and ``gold_B*.jsonl`` of the folder (annotator A's and B's
files, each covering some of the batch's pages) and writes ``gold.jsonl``: an item is
required only where both annotators required it; an item only one of them gave, or that
either marked optional, stays as optional (matching it is no error, missing it no miss).
Facts agree on file, region (code, else name), metric, period (a ``period_any`` on either
side matches any period and makes the item optional), kind, field and number (0.5 % for
values, 0.05 for percentages, exact for ranks); rankings on file, region, year and bucket.
Each item says ``"agreement"``: ``both``, ``A only`` or ``B only``; file lines join both notes.
A region the page never names, written as the page's word for itself (全市, 我县 …) with no code, is
stored as ``unknown``, the scorer's name for it.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


# a place the page never names, written by the word the page speaks of itself with (全市, 我县 …) and no
# code: the scorer's "unknown" (only an unresolved prediction fits it)
_SELF_NAMES = {f"{a}{b}" for a in "全我该本" for b in "市县区旗州盟"}


def _rows(paths: list[Path]) -> list[dict]:
    out = []
    for p in paths:
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row.get("type") != "file" and not row.get("region_code") and row.get("region_name") in _SELF_NAMES:
                    row["region_name"] = "unknown"
                out.append(row)
    return out


def _region(r: dict) -> str:
    return str(r.get("region_code") or r.get("region_name") or "").strip()


def _number_agrees(field: str, a: float, b: float) -> bool:
    if field == "value":
        return abs(a - b) <= 0.005 * max(abs(a), abs(b)) + 1e-9
    if field == "rank":
        return int(round(a)) == int(round(b))
    return abs(a - b) <= 0.05 + 1e-9


def _same(a: dict, b: dict) -> bool:
    if a["type"] != b["type"] or a["file"] != b["file"] or _region(a) != _region(b):
        return False
    if a["type"] == "ranking":
        return int(a.get("year") or 0) == int(b.get("year") or 0) and a.get("bucket") == b.get("bucket")
    if (a["metric"], a["kind"], a["field"]) != (b["metric"], b["kind"], b["field"]):
        return False
    if not (a.get("period_any") or b.get("period_any")) and \
            (a.get("period_start"), a.get("period_end")) != (b.get("period_start"), b.get("period_end")):
        return False
    return _number_agrees(a["field"], float(a["number"]), float(b["number"]))


def merge(a_rows: list[dict], b_rows: list[dict]) -> list[dict]:
    notes: dict[str, dict[str, str]] = {}
    for who, rows in (("A", a_rows), ("B", b_rows)):
        for r in rows:
            if r["type"] == "file":
                notes.setdefault(r["file"], {})[who] = r.get("note", "")
    items_a = [r for r in a_rows if r["type"] != "file"]
    items_b = [r for r in b_rows if r["type"] != "file"]
    used_b: set[int] = set()
    merged: list[dict] = []
    for a in items_a:
        k = next((i for i, b in enumerate(items_b) if i not in used_b and _same(a, b)), None)
        if k is None:
            merged.append({**a, "optional": True, "agreement": "A only"})
            continue
        used_b.add(k)
        b = items_b[k]
        row = dict(a if not a.get("period_any") else b)
        loose = a.get("period_any") or b.get("period_any")
        row["optional"] = bool(a.get("optional") or b.get("optional") or loose)
        if not row["optional"]:
            row.pop("optional")
        row["agreement"] = "both"
        merged.append(row)
    merged += [{**b, "optional": True, "agreement": "B only"} for i, b in enumerate(items_b) if i not in used_b]
    for r in merged:
        notes.setdefault(r["file"], {})
    out = []
    for f in sorted(notes):
        n = notes[f]
        out.append({"type": "file", "file": f, "note": " | ".join(f"{w}: {n[w]}" for w in ("A", "B") if w in n)})
        out += [r for r in merged if r["file"] == f]
    return out


def main(folder: str) -> None:
    d = Path(folder)
    rows = merge(_rows(sorted(d.glob("gold_A*.jsonl"))), _rows(sorted(d.glob("gold_B*.jsonl"))))
    with open(d / "gold.jsonl", "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    req = [r for r in rows if r["type"] != "file" and not r.get("optional")]
    print(f"{d / 'gold.jsonl'}: {sum(r['type'] == 'file' for r in rows)} files, "
          f"{sum(r['type'] == 'fact' for r in req)} required facts, "
          f"{sum(r['type'] == 'ranking' for r in req)} required rankings, "
          f"{sum(1 for r in rows if r.get('optional'))} optional items")


if __name__ == "__main__":
    main(sys.argv[1])
