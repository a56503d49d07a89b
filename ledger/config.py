"""Where things live. Every path can be overridden by an environment variable."""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
SQL_DIR = PROJECT_ROOT / "sql"
REFERENCE_DIR = DATA_DIR / "reference"
SAMPLES_DIR = DATA_DIR / "samples"

# files over this size are quarantined unread
MAX_FILE_BYTES = 20 * 1024 * 1024
# the zone in which ingest dates and schedules are reckoned
TIMEZONE = "Asia/Shanghai"


def _path(var: str, default: Path) -> Path:
    value = os.environ.get(var)
    return Path(value).expanduser() if value else default


def inbox_dir() -> Path:
    """The folder users drop files into (LEDGER_INBOX, default data/inbox)."""
    return _path("LEDGER_INBOX", DATA_DIR / "inbox")


def warehouse_path() -> Path:
    """The live read-write DuckDB file (LEDGER_WAREHOUSE, default data/warehouse.duckdb)."""
    return _path("LEDGER_WAREHOUSE", DATA_DIR / "warehouse.duckdb")


def marts_path() -> Path:
    """The published read-only copy analysts open (LEDGER_MARTS, default data/marts.duckdb)."""
    return _path("LEDGER_MARTS", DATA_DIR / "marts.duckdb")


def cache_dir() -> Path:
    """Caches (jieba's dictionary cache among them); LEDGER_CACHE, default data/cache."""
    return _path("LEDGER_CACHE", DATA_DIR / "cache")


def state_dir() -> Path:
    """Small state kept beside the warehouse (sensor index, locks)."""
    return _path("LEDGER_STATE", warehouse_path().parent / "state")
