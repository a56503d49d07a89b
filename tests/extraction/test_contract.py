"""extract() guarantees the invariants the warehouse's blocking checks verify."""
from __future__ import annotations

from ledger.extraction import enforce_contract
from ledger.model import Fact


def _fact(**kw) -> Fact:
    base = dict(source_file="f.txt", article_id="a", region_code="130528", region_name="宁晋县",
                metric="gdp", metric_label="地区生产总值", period_start="2023-01", period_end="2023-06")
    base.update(kw)
    return Fact(**base)


def test_a_repeated_atomic_fact_is_kept_once():
    a = _fact(value=4.78e9, yoy_pct=3.3)
    b = _fact(value=4.78e9, yoy_pct=4.1)  # same value, clashing growth: two rows, one value
    out = enforce_contract([a, b])
    assert [(f.value, f.yoy_pct) for f in out] == [(4.78e9, 3.3), (None, 4.1)]


def test_a_row_left_without_fields_is_dropped():
    out = enforce_contract([_fact(rank=1), _fact(rank=1)])
    assert len(out) == 1


def test_non_positive_values_and_bad_periods_are_removed():
    out = enforce_contract([_fact(value=0.0, yoy_pct=-2.0),
                            _fact(metric="retail_sales", value=1e8, period_start="2023-06", period_end="2023-01"),
                            _fact(metric="tax_revenue", value=1e8, period_start="2023-13", period_end="2023-13")])
    assert out[0].value is None and out[0].yoy_pct == -2.0
    assert (out[1].period_start, out[1].period_end) == (None, None)
    assert (out[2].period_start, out[2].period_end) == (None, None)
    assert len(out) == 3
