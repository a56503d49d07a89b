"""Real pages, scored end to end with ``ledger eval`` (a real run into a real warehouse).

The development set (../shared/eval/real) is read from ../shared; the project's own batches read
their page texts from the git-ignored cache data/cache/real/<batch>/pages (third-party text is never
committed: only each batch's manifest and gold are). Each test skips when its pages are absent. The
floors sit a little under the figures recorded in docs/extraction.md (Real pages), so a change
that loses ground on real text fails here.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from ledger.cli import main

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SUMMARY = re.compile(r"facts P=[\d.]+ R=[\d.]+ F1=(?P<facts>[\d.]+).*rankings P=[\d.]+ R=[\d.]+ F1=(?P<rankings>[\d.]+)")

SETS = {
    # name: (pages, gold, facts F1 floor, rankings F1 floor)
    "dev": (SHARED / "eval" / "real" / "pages", SHARED / "eval" / "real" / "gold.jsonl", 0.95, 0.94),
}
_FLOORS = {"b1": (0.90, 0.96), "b2": (0.82, 0.95), "b3": (0.92, 0.83), "b4": (0.83, 0.86), "b5": (0.85, 0.80),
           "b6": (0.89, 0.91), "b7": (0.91, 0.91), "b8": (0.91, 0.85), "b9": (0.90, 0.85),
           # b10: most of its 19 required rankings are prose placings no rule reads yet (see docs/extraction.md)
           "b10": (0.83, 0.38), "b11": (0.80, 0.79), "b12": (0.89, 0.99), "b13": (0.87, 0.83),
           "b14": (0.97, 0.79), "b15": (0.88, 0.96), "b16": (0.90, 0.99), "b17": (0.83, 0.85),
           # b18: most of its 18 required rankings sit on two pages whose province is never named or whose
           # placing words were mangled by the mirror (前5比特 for 前5位)
           "b18": (0.83, 0.58), "b19": (0.87, 0.83),
           # b20-b25: first contact in docs/extraction.md (5a328d4 for b20/b21, c50580c for b22/b23,
           # 12fbf2a for b24, 5c14f2b for b25)
           "b20": (0.94, 0.77), "b21": (0.92, 0.99), "b22": (0.89, 0.99), "b23": (0.70, 0.84),
           "b24": (0.82, 0.96), "b25": (0.91, 0.81),
           # b26-b33: first contact in docs/extraction.md (98aa33f, 94c2e09, 6e54f19, 54d14fb); b31 has one required ranking
           "b26": (0.72, 0.94), "b27": (0.93, 0.84), "b28": (0.86, 0.66), "b29": (0.93, 0.32),
           "b30": (0.84, 0.81), "b31": (0.84, 0.99), "b32": (0.70, 0.90), "b33": (0.95, 0.89),
           # b34-b41: first contact at 505d19c, cc2f3c5, 6667cd3 and 92cbea2 (docs/extraction.md); b35-b41 hold one to fifteen required rankings
           "b34": (0.90, 0.97), "b35": (0.95, 0.00),
           "b36": (0.87, 0.99), "b37": (0.90, 0.99),
           # (b38: its 百佳 list page now gives membership, top100, where the gold holds positions the text lacks)
           "b38": (0.94, 0.12), "b39": (0.83, 0.00),
           "b40": (0.57, 0.70), "b41": (0.88, 0.73),
           # b42-b43: first contact at 240c1d5 (docs/extraction.md); b43 holds three required rankings
           "b42": (0.86, 0.89), "b43": (0.91, 0.49),
           # b44-b45: first contact at 18138f9 (docs/extraction.md); b44 holds three required rankings
           "b44": (0.87, 0.85), "b45": (0.83, 0.90),
           # b46-b47: first contact at 779d14c (docs/extraction.md); b47 holds one required ranking
           "b46": (0.95, 0.88), "b47": (0.86, 0.66),
           # b48-b49: first contact at c044e77 (docs/extraction.md); b49 holds one required ranking
           "b48": (0.68, 0.97), "b49": (0.79, 0.00),
           # b50-b51: first contact at c9a1875 (docs/extraction.md)
           "b50": (0.82, 0.90), "b51": (0.88, 0.93),
           # b52-b53: first contact at 2258f18 (docs/extraction.md); b53 holds no required ranking
           # (b52's rankings floor lowered from 0.88 in the ninth session: '连续八年位居全国百强县第五' is now read as a
           # placing, dated by the page's wrong date, the e-paper reader's day, a year after the gold's)
           "b52": (0.87, 0.85), "b53": (0.85, 0.99),
           # b54-b59: first contact at f2dcb14, a1f519a and 5093d49 (docs/extraction.md); b55 and b57 hold no required ranking
           "b54": (0.75, 0.00), "b55": (0.93, 0.99),
           "b56": (0.87, 0.50), "b57": (0.91, 0.99),
           "b58": (0.92, 0.81), "b59": (0.82, 0.99),
           # b60-b61: first contact at 1b12f1e (docs/extraction.md); one required ranking each
           "b60": (0.92, 0.00), "b61": (0.91, 0.00),
           # b62-b71: first contact at 8c8c844, 9c72e8b, ffc7ea3, e112a43 and 2de8176 (docs/extraction.md); b64 holds no required ranking
           "b62": (0.90, 0.91), "b63": (0.89, 0.65), "b64": (0.91, 0.99), "b65": (0.93, 0.99),
           "b66": (0.91, 0.79), "b67": (0.95, 0.84), "b68": (0.82, 0.53), "b69": (0.84, 0.99),
           "b70": (0.89, 0.49), "b71": (0.86, 0.24)}
for _b, (_f, _r) in _FLOORS.items():
    SETS[_b] = (REPO / "data" / "cache" / "real" / _b / "pages", REPO / "tests" / "real_pages" / _b / "gold.jsonl", _f, _r)


@pytest.mark.parametrize("name", sorted(SETS))
def test_real_pages_hold_their_ground(name, tmp_path, capsys):
    pages, gold, facts_floor, rankings_floor = SETS[name]
    if not pages.is_dir() or not gold.exists():
        pytest.skip(f"{pages} is not here (third-party text lives outside the repository)")
    assert main(["eval", "--gold", str(gold), "--inbox", str(pages), "--warehouse", str(tmp_path / "w.duckdb"),
                 "--quiet"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    m = SUMMARY.search(last)
    assert m, last
    assert float(m.group("facts")) >= facts_floor, last
    assert float(m.group("rankings")) >= rankings_floor, last


def test_every_batch_has_a_manifest_naming_where_each_page_came_from():
    for batch in sorted((REPO / "tests" / "real_pages").glob("b*/manifest.tsv")):
        rows = [line.split("\t") for line in batch.read_text(encoding="utf-8").splitlines()]
        assert rows[0][:3] == ["id", "url", "query"]
        assert len(rows) > 1 and all(r[1].startswith("http") and r[2] for r in rows[1:]), batch
        gold = batch.parent / "gold.jsonl"
        assert gold.exists(), f"{batch.parent.name}: no gold"
        files = {line.split('"file": "')[1].split('"')[0] for line in gold.read_text(encoding="utf-8").splitlines()
                 if '"type": "file"' in line}
        assert files == {f"{r[0]}.txt" for r in rows[1:]}, batch.parent.name


@pytest.mark.parametrize("batch", sorted(p.parent.name for p in (REPO / "tests" / "real_pages").glob("b*/pages.sha256")))
def test_cached_pages_are_the_texts_the_gold_was_made_on(batch):
    from tests.real_pages.checksums import differences

    if not (REPO / "data" / "cache" / "real" / batch / "pages").is_dir():
        pytest.skip("the batch's pages are not cached here")
    assert differences(batch) == []
