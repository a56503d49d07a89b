"""An older DuckDB client for the tests: a duckdb 1.x wheel in a throwaway virtual environment.

The environment is cached under the cache folder (``LEDGER_CACHE``, data/cache by default) so
reruns cost nothing; the tests that need it are skipped when it cannot be built (no network,
no wheel for this Python).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Optional

import pytest

from ledger import config

# reads every published relation of a DuckDB file and prints it as JSON: run by the old client
# and by the project's own duckdb, the outputs must be equal
DUMP = r"""
import datetime, decimal, json, sys
import duckdb

def norm(v):
    if isinstance(v, datetime.datetime):
        return v.astimezone(datetime.timezone.utc).isoformat() if v.tzinfo else v.isoformat()
    if isinstance(v, (datetime.date, datetime.time)):
        return v.isoformat()
    if isinstance(v, decimal.Decimal):
        return str(v)
    if isinstance(v, (list, tuple)):
        return [norm(x) for x in v]
    if isinstance(v, dict):
        return {k: norm(x) for k, x in v.items()}
    return v

con = duckdb.connect(sys.argv[1], read_only=True)
tables = {}
for (name,) in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY table_name").fetchall():
    columns = [[c[0], c[1]] for c in con.execute(f'DESCRIBE "{name}"').fetchall()]
    rows = [[norm(v) for v in row] for row in con.execute(f'SELECT * FROM "{name}"').fetchall()]
    tables[name] = {"columns": columns, "rows": rows}
json.dump({"version": duckdb.__version__, "tables": tables}, sys.stdout, ensure_ascii=False)
"""


# why an environment could not be built, so a session without a package index pays for one try
_FAILED: dict[str, str] = {}


def python_with_duckdb(spec: str) -> Path:
    """The python of a cached virtual environment holding ``duckdb==<spec>`` (skips the test
    when it cannot be built)."""
    if "any" in _FAILED:
        pytest.skip(_FAILED["any"])
    root = config.cache_dir() / "old-duckdb" / f"duckdb-{spec.replace('*', 'x')}-py{sys.version_info[0]}{sys.version_info[1]}"
    python = root / "bin" / "python"
    marker = root / ".ready"
    if marker.exists() and python.exists():
        return python
    shutil.rmtree(root, ignore_errors=True)
    root.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(root)], check=True, capture_output=True, timeout=120)
        # pytz: duckdb 1.x needs it to return TIMESTAMPTZ values to Python
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "--timeout", "20", "--retries", "1", f"duckdb=={spec}", "pytz"],
                       check=True, capture_output=True, timeout=300)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        shutil.rmtree(root, ignore_errors=True)
        detail = (getattr(exc, "stderr", b"") or b"").decode(errors="replace").strip().splitlines()
        _FAILED["any"] = f"cannot install duckdb=={spec} into a throwaway environment: {detail[-1] if detail else exc}"
        pytest.skip(_FAILED["any"])
    marker.write_text(spec)
    return python


def dump(python: Path | str, db: Path) -> dict:
    """Every relation of ``db`` (columns and rows) as read by the duckdb of ``python``."""
    out = subprocess.run([str(python), "-c", DUMP, str(db)], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": ""})
    if out.returncode != 0:
        raise AssertionError(f"{python} could not read {db}:\n{out.stderr.strip()[-2000:]}")
    return json.loads(out.stdout)


def open_error(python: Path | str, db: Path) -> Optional[str]:
    """The error the duckdb of ``python`` reports opening ``db`` (None when it opens it)."""
    code = "import duckdb, sys\ntry:\n    duckdb.connect(sys.argv[1], read_only=True)\nexcept Exception as e:\n    print(e)\n"
    out = subprocess.run([str(python), "-c", code, str(db)], capture_output=True, text=True, timeout=60)
    return out.stdout.strip() or None
