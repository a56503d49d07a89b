"""One `ledger run` over a copy of data/samples, shared by every test of this folder."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAMPLES, copy_inbox


@pytest.fixture(scope="session")
def samples_run(tmp_path_factory) -> dict[str, Path]:
    """A real `ledger run` (real Dagster run, real DuckDB files) over the bundled samples."""
    from ledger.cli import main

    tmp = tmp_path_factory.mktemp("samples-marts")
    inbox = copy_inbox(SAMPLES, tmp / "inbox")
    warehouse = tmp / "w.duckdb"
    marts = tmp / "w.marts.duckdb"
    assert main(["run", "--inbox", str(inbox), "--warehouse", str(warehouse), "--marts", str(marts),
                 "--quiet"]) == 0
    return {"dir": tmp, "warehouse": warehouse, "marts": marts}
