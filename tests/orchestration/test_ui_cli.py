"""Issue 13, item 8: `make ui` serves the UI with the current CLI (`dg dev`, dagster-dg-cli)
from workspace.yaml, without the SupersessionWarning `dagster dev` prints. The real target
is started on a free port over empty temp data, the page and the code location are fetched
over 127.0.0.1, and the whole process group is stopped."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import REPO

START_TIMEOUT_S = 90  # ~20 s on the shared 2-core machine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, data: bytes | None = None) -> bytes:
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"} if data else {})
    with urllib.request.urlopen(req, timeout=5) as resp:
        return resp.read()


def stop(proc: subprocess.Popen) -> None:
    """Stop the process group (make, dg, the webserver, the daemon, the code servers)."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass
    except ProcessLookupError:
        return
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # the webserver's children may linger after SIGTERM
    except ProcessLookupError:
        pass
    proc.wait(timeout=10)


def test_make_ui_serves_the_workspace_with_dg_dev_and_no_supersession_warning(tmp_path):
    venv = Path(sys.prefix)
    if not (venv / "bin" / "dg").exists():
        pytest.fail("dg (dagster-dg-cli) is not installed in the test's environment: run make setup")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path / "home"), "LEDGER_INBOX": str(inbox),
           "LEDGER_WAREHOUSE": str(tmp_path / "w.duckdb"), "LEDGER_MARTS": str(tmp_path / "m.duckdb"),
           "LEDGER_STATE": str(tmp_path / "state"), "NO_COLOR": "1"}
    port = free_port()
    log = tmp_path / "ui.log"
    # the target itself, with this environment's bin/ (setup is not redone: -o)
    cmd = ["make", "--no-print-directory", "-o", str(venv / ".installed"), "ui",
           f"VENV={venv}", f"BIN={venv / 'bin'}", f"UI_PORT={port}"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        page = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                page = get(f"http://127.0.0.1:{port}/")
                break
            except OSError:
                time.sleep(0.5)
        assert page is not None, f"the UI did not answer on port {port}:\n{log.read_text(errors='replace')}"
        assert b"Dagster" in page
        query = '{ workspaceOrError { ... on Workspace { locationEntries { name loadStatus } } } }'
        ws = json.loads(get(f"http://127.0.0.1:{port}/graphql", json.dumps({"query": query}).encode()))
        entries = ws["data"]["workspaceOrError"]["locationEntries"]
        assert [(e["name"], e["loadStatus"]) for e in entries] == [("county_ledger", "LOADED")]
    finally:
        stop(proc)
    output = log.read_text(errors="replace")
    assert "/dg dev -w workspace.yaml" in output  # the command make echoed
    assert "SupersessionWarning" not in output and "superseded" not in output, output
