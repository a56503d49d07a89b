"""Score a warehouse against a user's own gold annotations (FACTS.md section 6).

Gold is JSON lines in the FACTS.md gold format:

    {"type": "file", "file": "a.txt"}
    {"type": "fact", "file": "a.txt", "region_code": "131023", "region_name": "永清县",
     "metric": "gdp", "period_start": "2023-01", "period_end": "2023-03", "kind": "actual",
     "field": "value", "number": 4780000000}
    {"type": "ranking", "file": "a.txt", "region_code": "130528", "region_name": "宁晋县",
     "year": 2023, "bucket": "top1"}

``"optional": true`` marks a judgement call (matching it is no error, missing it no miss);
``"period_any": true`` matches whatever the period; ``"region_name": "unknown"`` is matched
only by a fact without a region code. Every ``metric_facts`` row is expanded into atomic
facts (one per non-NULL field of value, yoy_pct, cagr_pct, rank); only core metrics of
files the gold names count. A fact matches when file, region, metric, period, kind and field
agree and the number agrees (0.5 % relative for values, 0.05 absolute for percentages,
exact for ranks); a ranking when file, region, year and bucket agree. Matching is greedy
and one-to-one, required gold first.

Plain Python: no Dagster. ``ledger eval`` (ledger/cli.py) is the command around it.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

CORE = frozenset({
    "gdp", "gdp_per_capita", "primary_industry_va", "secondary_industry_va", "tertiary_industry_va",
    "fixed_asset_investment", "general_budget_revenue", "fiscal_revenue", "tax_revenue", "retail_sales",
    "industrial_value_added", "industrial_output", "disposable_income",
    "disposable_income_urban", "disposable_income_rural", "foreign_trade",
    "utilized_foreign_capital",
})
FIELDS = ("value", "yoy_pct", "cagr_pct", "rank")


class GoldError(ValueError):
    """A gold file that cannot be read; the message names the line."""


@dataclass
class Gold:
    files: set[str] = field(default_factory=set)
    facts: list[dict] = field(default_factory=list)
    rankings: list[dict] = field(default_factory=list)


_FACT_KEYS = ("file", "metric", "kind", "field", "number")
_RANKING_KEYS = ("file", "year", "bucket")


def load_gold(lines: Iterable[str], name: str = "gold") -> Gold:
    gold = Gold()
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line:
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{name}, line {n}: not JSON ({exc.msg})") from None
        kind = row.get("type")
        if kind == "file":
            gold.files.add(row["file"])
        elif kind in ("fact", "ranking"):
            need = _FACT_KEYS if kind == "fact" else _RANKING_KEYS
            missing = [k for k in need if k not in row]
            if kind == "fact" and not row.get("period_any") and not ("period_start" in row and "period_end" in row):
                missing.append("period_start/period_end (or period_any)")
            if missing:
                raise GoldError(f"{name}, line {n}: a {kind} without {', '.join(missing)}")
            gold.files.add(row["file"])
            (gold.facts if kind == "fact" else gold.rankings).append(row)
        else:
            raise GoldError(f"{name}, line {n}: unknown type {kind!r} (file, fact or ranking)")
    return gold


def load_gold_file(path: Path) -> Gold:
    with open(path, encoding="utf-8") as fh:
        return load_gold(fh, str(path))


def atomic_facts(rows: Iterable[dict], files: set[str]) -> list[dict]:
    """``metric_facts`` rows -> one atomic fact per non-NULL field (core metrics, gold files),
    the same atom stated twice counted once."""
    out, seen = [], set()
    for row in rows:
        if row["source_file"] not in files or row["metric"] not in CORE:
            continue
        for name in FIELDS:
            if row.get(name) is None:
                continue
            atom = {**row, "field": name, "number": float(row[name])}
            key = (row["source_file"], row.get("region_code"), row.get("region_name"), row["metric"],
                   row.get("period_start"), row.get("period_end"), row.get("kind"), name, round(atom["number"], 6))
            if key not in seen:
                seen.add(key)
                out.append(atom)
    return out


def unique_rankings(rows: Iterable[dict], files: set[str]) -> list[dict]:
    out, seen = [], set()
    for row in rows:
        key = (row["source_file"], row.get("region_code"), row.get("region_name"), row.get("year"), row.get("bucket"))
        if row["source_file"] in files and key not in seen:
            seen.add(key)
            out.append(row)
    return out


def number_matches(name: str, gold: float, pred: Optional[float]) -> bool:
    if pred is None:
        return False
    if name == "value":
        return abs(pred - gold) <= 0.005 * abs(gold) + 1e-9
    if name == "rank":
        return int(round(pred)) == int(gold)
    return abs(pred - gold) <= 0.05 + 1e-9


def region_matches(gold: dict, pred: dict) -> bool:
    if gold.get("region_name") == "unknown":
        return not pred.get("region_code")
    if gold.get("region_code"):
        return str(pred.get("region_code") or "") == str(gold["region_code"])
    return (pred.get("region_name") or "").strip() == (gold.get("region_name") or "").strip()


def fact_matches(gold: dict, pred: dict) -> bool:
    if pred["source_file"] != gold["file"] or pred["metric"] != gold["metric"]:
        return False
    if pred["field"] != gold["field"] or (pred.get("kind") or "actual") != gold["kind"]:
        return False
    if not gold.get("period_any") and (str(pred.get("period_start")) != gold["period_start"]
                                       or str(pred.get("period_end")) != gold["period_end"]):
        return False
    return region_matches(gold, pred) and number_matches(gold["field"], float(gold["number"]), pred["number"])


def ranking_matches(gold: dict, pred: dict) -> bool:
    return (pred["source_file"] == gold["file"] and region_matches(gold, pred)
            and int(pred.get("year") or 0) == int(gold["year"]) and pred.get("bucket") == gold["bucket"])


@dataclass
class Score:
    tp: int
    required: list[dict]
    missed: list[dict]
    false: list[dict]
    counted: list[dict]   # predictions that count (those matching optional gold are left out)

    @property
    def precision(self) -> float:
        return self.tp / len(self.counted) if self.counted else (1.0 if not self.required else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / len(self.required) if self.required else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def match(gold_items: list[dict], preds: list[dict], matches: Callable[[dict, dict], bool]) -> Score:
    """Greedy one-to-one matching, required gold first; a prediction matching optional gold
    is neither true nor false."""
    used: set[int] = set()
    excused: set[int] = set()
    missed = []
    required = [g for g in gold_items if not g.get("optional")]
    for g in required:
        hit = next((i for i, p in enumerate(preds) if i not in used and matches(g, p)), None)
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
    for g in gold_items:
        if g.get("optional"):
            hit = next((i for i, p in enumerate(preds) if i not in used and i not in excused and matches(g, p)), None)
            if hit is not None:
                excused.add(hit)
    false = [p for i, p in enumerate(preds) if i not in used and i not in excused]
    counted = [p for i, p in enumerate(preds) if i not in excused]
    return Score(len(used), required, missed, false, counted)


@dataclass
class Report:
    facts: Score
    rankings: Score

    def by(self, key: str) -> dict[str, tuple[int, int, int]]:
        """(tp, gold, predicted) per metric or per field of the facts."""
        acc: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        missed = {id(g) for g in self.facts.missed}
        for g in self.facts.required:
            acc[g[key]][1] += 1
            if id(g) not in missed:
                acc[g[key]][0] += 1
        for p in self.facts.counted:
            acc[p[key]][2] += 1
        return {k: tuple(v) for k, v in sorted(acc.items())}

    def by_file(self) -> dict[str, tuple[int, int, int]]:
        """(missed, false facts, missed + false rankings) per file, worst first."""
        acc: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for g in self.facts.missed:
            acc[g["file"]][0] += 1
        for p in self.facts.false:
            acc[p["source_file"]][1] += 1
        for g in self.rankings.missed:
            acc[g["file"]][2] += 1
        for p in self.rankings.false:
            acc[p["source_file"]][2] += 1
        return {k: tuple(v) for k, v in sorted(acc.items(), key=lambda kv: (-sum(kv[1]), kv[0]))}


def score(gold: Gold, fact_rows: Iterable[dict], ranking_rows: Iterable[dict]) -> Report:
    return Report(match(gold.facts, atomic_facts(fact_rows, gold.files), fact_matches),
                  match(gold.rankings, unique_rankings(ranking_rows, gold.files), ranking_matches))


def read_warehouse(path: Path) -> tuple[list[dict], list[dict]]:
    """``metric_facts`` and ``rankings`` rows of a warehouse (or its published copy), read-only."""
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        def rows(sql: str) -> list[dict]:
            cur = con.execute(sql)
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, r)) for r in cur.fetchall()]

        facts = rows("SELECT source_file, region_code, region_name, metric, period_start, period_end, "
                     "kind, value, yoy_pct, cagr_pct, rank FROM metric_facts")
        rankings = rows("SELECT source_file, region_code, region_name, year, bucket FROM rankings")
    finally:
        con.close()
    return facts, rankings


def _period(g: dict) -> str:
    return "any" if g.get("period_any") else f"{g.get('period_start')}..{g.get('period_end')}"


def format_report(report: Report, details: bool = True) -> str:
    lines = []
    if details:
        for g in report.facts.missed:
            lines.append(f"MISSED {g['file']} {g.get('region_name')} {g['metric']} {_period(g)} {g['kind']} "
                         f"{g['field']}={g['number']}")
        for p in report.facts.false:
            lines.append(f"FALSE  {p['source_file']} {p.get('region_code')} {p.get('region_name')} {p['metric']} "
                         f"{_period(p)} {p.get('kind')} {p['field']}={p['number']}")
        for g in report.rankings.missed:
            lines.append(f"MISSED RANKING {g['file']} {g.get('region_name')} {g['year']} {g['bucket']}")
        for p in report.rankings.false:
            lines.append(f"FALSE  RANKING {p['source_file']} {p.get('region_name')} {p.get('year')} {p.get('bucket')}")
        lines.append("")
    for key in ("metric", "field"):
        lines.append(f"{key:28} {'tp':>4} {'gold':>5} {'pred':>5}   P      R      F1")
        for name, (t, g, p) in report.by(key).items():
            s = Score(t, [None] * g, [], [], [None] * p)
            lines.append(f"{name:28} {t:4d} {g:5d} {p:5d}  {s.precision:.3f}  {s.recall:.3f}  {s.f1:.3f}")
    f, r = report.facts, report.rankings
    lines.append(f"facts P={f.precision:.3f} R={f.recall:.3f} F1={f.f1:.3f} "
                 f"(tp {f.tp}, gold {len(f.required)}, pred {len(f.counted)}) | "
                 f"rankings P={r.precision:.3f} R={r.recall:.3f} F1={r.f1:.3f} "
                 f"(tp {r.tp}, gold {len(r.required)}, pred {len(r.counted)})")
    return "\n".join(lines)
