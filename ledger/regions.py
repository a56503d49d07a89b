"""The gazetteer: administrative divisions, their codes, aliases and history.

(Walking-skeleton version: current divisions from data/reference/admin_divisions
and full-name lookup. The extraction issue replaces the inside.)
"""
from __future__ import annotations

import csv
from functools import lru_cache
from typing import Optional

from ledger.config import REFERENCE_DIR

ADMIN_DIR = REFERENCE_DIR / "admin_divisions"


def _read(name: str) -> list[dict]:
    with open(ADMIN_DIR / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


class Gazetteer:
    def __init__(self) -> None:
        provinces = {r["code"]: r["name"] for r in _read("provinces.csv")}
        cities = {r["code"]: r for r in _read("cities.csv")}
        self.rows: list[dict] = []
        for code, name in provinces.items():
            self.rows.append(dict(region_key=code + "0000", code=code + "0000", name=name, short_name=None,
                                  level="province", status="current", parent_code=None, prefecture_code=None,
                                  prefecture_name=None, province_code=code + "0000", province_name=name))
        for code, r in cities.items():
            pcode = r["provinceCode"] + "0000"
            self.rows.append(dict(region_key=code + "00", code=code + "00", name=r["name"], short_name=None,
                                  level="prefecture", status="current", parent_code=pcode,
                                  prefecture_code=code + "00", prefecture_name=r["name"],
                                  province_code=pcode, province_name=provinces[r["provinceCode"]]))
        seen = {row["code"] for row in self.rows}
        for r in _read("areas.csv"):
            if r["code"] in seen:
                continue
            city = cities.get(r["cityCode"], {})
            self.rows.append(dict(region_key=r["code"], code=r["code"], name=r["name"], short_name=None,
                                  level="county", status="current", parent_code=r["cityCode"] + "00",
                                  prefecture_code=r["cityCode"] + "00", prefecture_name=city.get("name"),
                                  province_code=r["provinceCode"] + "0000",
                                  province_name=provinces.get(r["provinceCode"])))
        self.by_name: dict[str, list[dict]] = {}
        for row in self.rows:
            if row["name"] != "市辖区":
                self.by_name.setdefault(row["name"], []).append(row)

    def region_rows(self) -> list[dict]:
        """Rows of the ``regions`` relation (sql/tables/regions.sql)."""
        return self.rows

    def main_region(self, title: Optional[str], text: str) -> Optional[tuple[Optional[str], str]]:
        """Best guess of an article's main region: (code, name), or None."""
        best = None
        for name, rows in self.by_name.items():
            if len(rows) != 1:
                continue
            n = (title or "").count(name) * 5 + text.count(name)
            if n and (best is None or n > best[0]):
                best = (n, rows[0]["code"], name)
        return (best[1], best[2]) if best else None


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    return Gazetteer()
