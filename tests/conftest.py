"""Shared test fixtures: where the shared materials are, temp inboxes and warehouses."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = (REPO / ".." / "shared").resolve()
SAMPLES = REPO / "data" / "samples"


@pytest.fixture(autouse=True, scope="session")
def _isolated_env(tmp_path_factory):
    """Tests never touch the user's data/: caches and Dagster state go to a temp dir."""
    base = tmp_path_factory.mktemp("ledger-env")
    old = {k: os.environ.get(k) for k in ("LEDGER_CACHE", "DAGSTER_HOME")}
    # the jieba cache is kept across sessions for speed; it is derived data only
    os.environ.setdefault("LEDGER_CACHE", str(REPO / "data" / "cache"))
    os.environ.pop("DAGSTER_HOME", None)
    yield base
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repo")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir) -> Path:
    seeds = shared_dir / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is absent")
    return seeds


def copy_inbox(src: Path, dst: Path, pattern: str = "*") -> Path:
    dst.mkdir(parents=True, exist_ok=True)
    for f in sorted(src.glob(pattern)):
        if f.is_file() and not f.name.startswith(".") and f.name != "README.md":
            shutil.copy2(f, dst / f.name)
    return dst


@pytest.fixture(scope="session")
def samples_run(tmp_path_factory) -> dict[str, Path]:
    """One real `ledger run` (real Dagster run, real DuckDB files) over the bundled samples,
    shared by every test that only reads its result."""
    from ledger.cli import main

    tmp = tmp_path_factory.mktemp("samples-run")
    inbox = copy_inbox(SAMPLES, tmp / "inbox")
    warehouse = tmp / "w.duckdb"
    marts = tmp / "w.marts.duckdb"
    assert main(["run", "--inbox", str(inbox), "--warehouse", str(warehouse), "--marts", str(marts),
                 "--quiet"]) == 0
    return {"dir": tmp, "inbox": inbox, "warehouse": warehouse, "marts": marts}
