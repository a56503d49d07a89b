"""The regions dimension's fingerprint is the same in every process: were it to depend on hash
randomisation, every run would reload the regions and rebuild every mart in full."""
from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO

CODE = ("from ledger.regions import get_gazetteer; from ledger.ingest import regions_fingerprint; "
        "g = get_gazetteer(); print(regions_fingerprint(g.region_rows(), g.alias_rows()))")


def test_fingerprint_does_not_depend_on_hash_randomisation():
    prints = set()
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", CODE], cwd=REPO, capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": seed})
        prints.add(out.stdout.strip())
    assert len(prints) == 1 and next(iter(prints)).startswith("rows:")
