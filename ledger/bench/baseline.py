"""The naive script a user writes first, as the benchmark's baseline.

No Dagster, no parser, no gazetteer logic beyond a name list: each raw file is
decoded (UTF-8, else GB18030) and scanned with one ``re`` pass per metric; the
region is the first county-level name in the file, the year the first date, the
period a keyword just before the figure. Facts go into a DuckDB file with the
``metric_facts`` columns so ``../shared/eval/score.py`` scores it like the warehouse.
"""
from __future__ import annotations

import csv
import re
import time
from pathlib import Path
from typing import Optional

import yaml

from ledger.config import REFERENCE_DIR

PATTERNS = Path(__file__).with_name("baseline.yaml")
UNITS = {"亿": 1e8, "万": 1e4, "": 1.0}
PERIOD_WORDS = (("一季度", "01", "03"), ("上半年", "01", "06"), ("前三季度", "01", "09"), ("全年", "01", "12"))


def _region_names() -> dict[str, str]:
    with open(REFERENCE_DIR / "admin_divisions" / "areas.csv", encoding="utf-8", newline="") as fh:
        return {r["name"]: r["code"] for r in csv.DictReader(fh) if r["name"] != "市辖区"}


class NaiveExtractor:
    def __init__(self) -> None:
        labels = yaml.safe_load(PATTERNS.read_text(encoding="utf-8"))["labels"]
        self.metric_res = {m: re.compile(
            rf"({pat})(?:完成|实现|达到)?(\d+(?:\.\d+)?)(亿|万)?(?:美)?元"
            rf"(?:[,，]\s*(?:同比)?(增长|下降)(\d+(?:\.\d+)?)%)?") for m, pat in labels.items()}
        self.codes = _region_names()
        names = sorted(self.codes, key=len, reverse=True)
        self.region_re = re.compile("|".join(map(re.escape, names)))
        self.date_re = re.compile(r"(20\d\d)[-年]")
        self.month_span_re = re.compile(r"1-(\d{1,2})月")

    def period(self, before: str, year: Optional[int]) -> tuple[Optional[str], Optional[str]]:
        if year is None:
            return None, None
        if "去年" in before:
            return f"{year - 1}-01", f"{year - 1}-12"
        m = self.month_span_re.search(before)
        if m:
            return f"{year}-01", f"{year}-{int(m.group(1)):02d}"
        for word, start, end in PERIOD_WORDS:
            if word in before:
                return f"{year}-{start}", f"{year}-{end}"
        return f"{year}-01", f"{year}-12"

    def extract(self, file_name: str, data: bytes) -> list[dict]:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("gb18030", errors="replace")
        region = self.region_re.search(text)
        date = self.date_re.search(text)
        year = int(date.group(1)) if date else None
        rows = []
        for metric, rx in self.metric_res.items():
            for m in rx.finditer(text):
                start, end = self.period(text[max(0, m.start() - 40):m.start()], year)
                yoy = None
                if m.group(5):
                    yoy = float(m.group(5)) * (-1 if m.group(4) == "下降" else 1)
                rows.append({
                    "source_file": file_name, "article_id": file_name,
                    "region_code": self.codes.get(region.group(0)) if region else None,
                    "region_name": region.group(0) if region else None,
                    "metric": metric, "metric_label": m.group(1), "period_start": start, "period_end": end,
                    "kind": "actual", "value": float(m.group(2)) * UNITS[m.group(3) or ""],
                    "unit": "usd" if "美元" in m.group(0) else "yuan", "yoy_pct": yoy,
                    "evidence": m.group(0), "char_start": m.start(), "char_end": m.end()})
        return rows


def run(inbox: Path, out: Path) -> dict:
    """Run the naive script over every file of ``inbox``; write ``out`` (DuckDB). Returns timings."""
    import duckdb
    import pyarrow as pa

    from ledger.warehouse import sql_text

    t0 = time.perf_counter()
    ex = NaiveExtractor()
    t_setup = time.perf_counter() - t0
    rows, n_files, n_bytes = [], 0, 0
    for path in sorted(Path(inbox).iterdir()):
        if not path.is_file() or path.name.startswith("."):
            continue
        data = path.read_bytes()
        n_files += 1
        n_bytes += len(data)
        rows.extend(ex.extract(path.name, data))
    elapsed = time.perf_counter() - t0
    out = Path(out)
    out.unlink(missing_ok=True)
    con = duckdb.connect(str(out))
    con.execute(sql_text("metric_facts"))
    con.execute(sql_text("rankings"))
    if rows:
        cols = list(rows[0])
        tbl = pa.Table.from_pylist(rows)
        con.register("_rows", tbl)
        con.execute(f"INSERT INTO metric_facts ({', '.join(cols)}) SELECT {', '.join(cols)} FROM _rows")
        con.unregister("_rows")
    con.close()
    return {"files": n_files, "bytes": n_bytes, "facts": len(rows), "seconds": elapsed, "setup_seconds": t_setup}
