"""Run `ledger run` over a folder and score the warehouse with ../shared/eval/score.py."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from ledger.cli import main
from tests.conftest import copy_inbox

SUMMARY = re.compile(r"facts P=(?P<fp>[\d.]+) R=(?P<fr>[\d.]+) F1=(?P<ff>[\d.]+).*"
                     r"rankings P=(?P<rp>[\d.]+) R=(?P<rr>[\d.]+) F1=(?P<rf>[\d.]+)")


def build_and_score(articles: Path, gold: Path, scorer: Path, tmp: Path) -> tuple[dict, str]:
    inbox = copy_inbox(articles, tmp / "inbox")
    warehouse = tmp / "w.duckdb"
    assert main(["run", "--inbox", str(inbox), "--warehouse", str(warehouse), "--quiet"]) == 0
    res = subprocess.run([sys.executable, str(scorer), "--warehouse", str(warehouse), "--gold", str(gold)],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    last = res.stdout.strip().splitlines()[-1]
    m = SUMMARY.search(last)
    assert m, res.stdout
    return {k: float(v) for k, v in m.groupdict().items()}, res.stdout
