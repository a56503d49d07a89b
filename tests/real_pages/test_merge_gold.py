"""The two-annotator merge that makes a batch's gold: required only where both agree."""
from tests.real_pages.merge_gold import merge


def fact(**kw):
    row = {"type": "fact", "file": "p.txt", "region_code": "130528", "metric": "gdp", "period_start": "2023-01",
           "period_end": "2023-06", "kind": "actual", "field": "value", "number": 4.78e9}
    row.update(kw)
    return row


def test_agreement_makes_an_item_required_and_everything_else_optional():
    a = [{"type": "file", "file": "p.txt", "note": "dated by line"},
         fact(), fact(field="yoy_pct", number=3.3), fact(field="rank", number=1, optional=True),
         {"type": "ranking", "file": "p.txt", "region_code": "130528", "year": 2023, "bucket": "top1"}]
    b = [{"type": "file", "file": "p.txt", "note": "same"},
         fact(number=4.79e9), fact(field="yoy_pct", number=3.4), fact(field="rank", number=1),
         fact(metric="retail_sales", period_any=True)]
    out = merge(a, b)
    assert out[0] == {"type": "file", "file": "p.txt", "note": "A: dated by line | B: same"}
    got = {(r.get("metric"), r.get("field"), r.get("bucket"), bool(r.get("optional")), r["agreement"])
           for r in out[1:]}
    assert got == {("gdp", "value", None, False, "both"),          # 4.78e9 vs 4.79e9: within 0.5 %
                   ("gdp", "yoy_pct", None, True, "A only"),       # 3.3 vs 3.4: they disagree
                   ("gdp", "rank", None, True, "both"),            # A thought it a judgement call
                   (None, None, "top1", True, "A only"),
                   ("gdp", "yoy_pct", None, True, "B only"),
                   ("retail_sales", "value", None, True, "B only")}


def test_period_any_on_one_side_matches_and_stays_optional():
    out = merge([fact(period_any=True)], [fact()])
    assert out[0]["type"] == "file" and len(out) == 2
    assert out[1]["optional"] and out[1]["period_start"] == "2023-01"
