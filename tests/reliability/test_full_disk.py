"""A full disk fails the run with one line naming the file being written; the next run on a
disk with room succeeds. A small tmpfs plays the full disk (needs root; skipped otherwise)."""
from __future__ import annotations

import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest

from ledger.cli import main
from tests.orchestration.helpers import query, write_articles


@contextmanager
def tiny_disk(where: Path, size: str):
    where.mkdir(parents=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


@pytest.mark.parametrize("full", ["marts", "warehouse"])
def test_a_full_disk_is_named_in_one_line(tmp_path, capsys, full):
    inbox = tmp_path / "inbox"
    write_articles(inbox, 6)
    with tiny_disk(tmp_path / "disk", "256k") as disk:
        warehouse = (disk if full == "warehouse" else tmp_path) / "w.duckdb"
        marts = (disk if full == "marts" else tmp_path) / "w.marts.duckdb"
        args = ["run", "--inbox", str(inbox), "--warehouse", str(warehouse), "--marts", str(marts), "--quiet"]
        assert main(args) == 1
        lines = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("ledger:")]
        assert len(lines) == 1, lines
        assert f"no space left on device while writing {disk}/" in lines[0], lines[0]
    if full == "marts":  # room again: the next run publishes
        assert main(args) == 0
        assert query(marts, "SELECT count(*) FROM articles")[0][0] == 6
