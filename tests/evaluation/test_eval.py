"""ledger eval: scoring a real run against a user's own gold (FACTS.md section 6)."""
import json

import pytest

from ledger import evaluation as ev
from ledger.cli import main

PAGE = ("---\ntitle: 宁晋县上半年经济运行\ndate: 2023-07-20 10:00:00 +0800\n---\n"
        "<p>上半年，宁晋县地区生产总值完成150.2亿元，同比增长6.1%。固定资产投资增长9.4%。</p>\n")


def _gold(rows):
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n"


def fact(field, number, metric="gdp", **kw):
    row = {"type": "fact", "file": "a.md", "region_code": "130528", "region_name": "宁晋县", "metric": metric,
           "period_start": "2023-01", "period_end": "2023-06", "kind": "actual", "field": field, "number": number}
    row.update(kw)
    return row


def test_matching_rules():
    gold = ev.load_gold(_gold([fact("value", 15020000000), fact("yoy_pct", 6.1), fact("rank", 1),
                                fact("yoy_pct", 9.4, metric="fixed_asset_investment", optional=True)]).splitlines())
    rows = [{"source_file": "a.md", "region_code": "130528", "region_name": "宁晋", "metric": "gdp",
             "period_start": "2023-01", "period_end": "2023-06", "kind": "actual", "value": 15050000000.0,
             "yoy_pct": 6.14, "cagr_pct": None, "rank": None},
            {"source_file": "a.md", "region_code": "130528", "region_name": "宁晋", "metric": "fixed_asset_investment",
             "period_start": "2023-01", "period_end": "2023-06", "kind": "actual", "value": None,
             "yoy_pct": 9.4, "cagr_pct": None, "rank": None},
            {"source_file": "other.md", "region_code": "130528", "region_name": "宁晋", "metric": "gdp",
             "period_start": "2023-01", "period_end": "2023-06", "kind": "actual", "value": 1.0,
             "yoy_pct": None, "cagr_pct": None, "rank": None}]
    rep = ev.score(gold, rows, [])
    # value within 0.5 %, growth within 0.05; the optional match is neither true nor false; other files ignored
    assert (rep.facts.tp, len(rep.facts.required), len(rep.facts.counted)) == (2, 3, 2)
    assert [g["field"] for g in rep.facts.missed] == ["rank"]
    assert rep.facts.precision == 1.0 and rep.facts.recall == pytest.approx(2 / 3)


def test_gold_errors_name_the_line():
    with pytest.raises(ev.GoldError, match="line 2"):
        ev.load_gold(['{"type": "file", "file": "a"}', '{"type": "fact", "file": "a", "metric": "gdp"}'])
    with pytest.raises(ev.GoldError, match="line 1: not JSON"):
        ev.load_gold(["{oops"])


def test_ledger_eval_runs_and_scores(tmp_path, capsys):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.md").write_text(PAGE, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(_gold([fact("value", 15020000000), fact("yoy_pct", 6.1), fact("rank", 1),
                           fact("yoy_pct", 9.4, metric="fixed_asset_investment")]), encoding="utf-8")
    code = main(["eval", "--gold", str(gold), "--inbox", str(inbox), "--min-f1", "0.5"])
    out = capsys.readouterr().out
    assert code == 0
    assert "MISSED a.md 宁晋县 gdp 2023-01..2023-06 actual rank=1" in out
    assert out.strip().splitlines()[-1].startswith("facts P=1.000 R=0.750 F1=0.857 (tp 3, gold 4, pred 3)")
    assert main(["eval", "--gold", str(gold), "--inbox", str(inbox), "--min-f1", "0.9", "--quiet"]) == 1
    assert "MISSED" not in capsys.readouterr().out


def test_ledger_eval_without_a_warehouse(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(_gold([fact("value", 1)]), encoding="utf-8")
    assert main(["eval", "--gold", str(gold), "--warehouse", str(tmp_path / "none.duckdb")]) == 2
    assert "no warehouse" in capsys.readouterr().err
