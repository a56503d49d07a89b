"""Each inbox file is opened once, never through a symbolic link, and only as a regular file;
the bytes hashed are the bytes parsed. A file that cannot be read is quarantined, never skipped."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from ledger.inventory import entries_for, stat_inbox
from ledger.pipeline import FileTask, read_and_parse
from tests.conftest import REPO
from tests.orchestration.helpers import article_text, query, write_articles

SECRET_MARKER = "机密县"


def _secret(tmp_path: Path) -> Path:
    """A private file outside the inbox that parses as an article naming SECRET_MARKER."""
    secret = tmp_path / "private" / "secret.md"
    secret.parent.mkdir()
    secret.write_text(article_text(3).replace("威县", SECRET_MARKER), encoding="utf-8")
    os.chmod(secret, 0o600)
    return secret


def _swap_to_link(path: Path, target: Path) -> None:
    tmp = path.with_name(".swap-link")
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(target)
    os.replace(tmp, path)


def test_a_link_swapped_in_after_the_listing_is_not_hashed(tmp_path):
    inbox = tmp_path / "inbox"
    (good,) = write_articles(inbox, 1)
    secret = _secret(tmp_path)
    listed = stat_inbox(inbox)
    _swap_to_link(good, secret)
    secret_sha = hashlib.sha256(secret.read_bytes()).hexdigest()
    assert all(e.sha256 != secret_sha for e in entries_for(inbox, listed))


def test_a_link_swapped_in_before_the_read_is_not_followed(tmp_path):
    inbox = tmp_path / "inbox"
    (good,) = write_articles(inbox, 1)
    secret = _secret(tmp_path)
    _swap_to_link(good, secret)
    data = secret.read_bytes()
    parsed = read_and_parse(FileTask(good.name, str(good), hashlib.sha256(data).hexdigest(), len(data)))
    assert parsed.articles == []
    assert parsed.quarantine.reason == "unreadable"
    assert "link" in parsed.quarantine.detail


def test_a_fifo_in_place_of_a_file_is_not_read(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    os.mkfifo(inbox / "pipe.md")  # opening it for reading would block forever
    task = FileTask("pipe.md", str(inbox / "pipe.md"), "0" * 64, 10)
    got = []
    reader = threading.Thread(target=lambda: got.append(read_and_parse(task)), daemon=True)
    reader.start()
    reader.join(10)
    if reader.is_alive():  # release the blocked reader before failing
        with open(inbox / "pipe.md", "wb"):
            pass
        reader.join(5)
        pytest.fail("reading a FIFO in the inbox blocked")
    assert got[0].quarantine.reason == "unreadable"


def _caps_can_be_dropped(probe: Path) -> bool:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        return False
    r = subprocess.run(["setpriv", "--inh-caps=-all", "--bounding-set=-all", "cat", str(probe)],
                       capture_output=True)
    return r.returncode != 0


def test_an_unreadable_file_is_quarantined_not_skipped(tmp_path):
    """Root reads anything, so `ledger run` runs without its capabilities (setpriv): a mode-000
    file then really fails to open with EACCES, as it would for any other user."""
    inbox = tmp_path / "inbox"
    files = write_articles(inbox, 3)
    locked = files[1]
    os.chmod(locked, 0o000)
    if not _caps_can_be_dropped(locked):
        pytest.skip("needs root and setpriv to drop the read-override capabilities")
    warehouse = tmp_path / "w.duckdb"
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"}
    env["LEDGER_WORKERS"] = "1"
    cmd = [sys.executable, "-m", "ledger.cli", "run", "--inbox", str(inbox), "--warehouse", str(warehouse)]
    proc = subprocess.run(["setpriv", "--inh-caps=-all", "--bounding-set=-all", *cmd],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "files seen         3" in proc.stdout
    assert "files quarantined  1" in proc.stdout
    rows = query(warehouse, "SELECT file_name, reason, detail FROM quarantined_files")
    assert rows == [(locked.name, "unreadable", "The file could not be read: Permission denied.")]
    assert query(warehouse, "SELECT status FROM raw_files WHERE file_name = ?".replace("?", f"'{locked.name}'")) \
        == [("quarantined",)]
    # permissions fixed, nothing else changed (same size and mtime): the next run reads it
    os.chmod(locked, 0o644)
    proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert query(warehouse, "SELECT count(*) FROM quarantined_files")[0][0] == 0
    assert query(warehouse, "SELECT count(*) FROM raw_files WHERE status = 'parsed'")[0][0] == 3
