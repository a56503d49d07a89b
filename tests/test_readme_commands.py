"""Every command the README shows is run here, as a user would type it, against a real run over
the bundled samples (the published copy they read is the samples run's, through LEDGER_MARTS).

Commands with placeholders (DIR, FILE, my_gold.jsonl) run with real folders and files put in
their place. `make demo` / `make test` are what CI and `tests/test_end_to_end.py` run; `make ui`
and `dg dev` are started and stopped by `tests/orchestration/test_ui_cli.py`.
"""
from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
COVERED_ELSEWHERE = ("make ", "export DAGSTER_HOME", ".venv/bin/dg dev")


def readme_commands() -> list[str]:
    """The shell commands of the README's bash blocks (continued lines joined, comments dropped)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    out = []
    for block in re.findall(r"```bash\n(.*?)```", text, re.S):
        current = ""
        for line in block.splitlines():
            if not current:
                if line.lstrip().startswith("#"):
                    continue                        # a comment line
                line = re.sub(r"\s+#\s.*$", "", line) if line.count('"') % 2 == 0 else line
            if not line.strip():
                continue
            current = (current + " " + line.strip()) if current else line.strip()
            if current.count('"') % 2 == 0:     # a quoted SQL statement may run over several lines
                out.append(current)
                current = ""
    return out


def test_the_readme_shows_commands():
    commands = readme_commands()
    assert any(c.startswith(".venv/bin/ledger sql") for c in commands)
    assert any(c.startswith("ledger eval") for c in commands)


@pytest.mark.parametrize("command", [c for c in readme_commands() if not c.startswith(COVERED_ELSEWHERE)])
def test_every_readme_command_runs(command, samples_run, tmp_path):
    env = {**os.environ, "LEDGER_MARTS": str(samples_run["marts"]), "PATH": f"{BIN}:{os.environ['PATH']}"}
    cmd = command.replace(".venv/bin/", f"{BIN}/").replace("data/marts.duckdb", str(samples_run["marts"]))
    if "--inbox DIR --warehouse FILE" in cmd:
        cmd = cmd.replace("DIR", str(samples_run["inbox"])).replace("FILE", str(tmp_path / "w.duckdb"))
    if "my_gold.jsonl" in cmd:
        gold = tmp_path / "my_gold.jsonl"
        name = sorted(p.name for p in samples_run["inbox"].iterdir())[0]
        gold.write_text(json.dumps({"type": "file", "file": name}) + "\n", encoding="utf-8")
        cmd = cmd.replace("my_gold.jsonl", str(gold)).replace("my_pages/", str(samples_run["inbox"]))
    res = subprocess.run(["bash", "-c", cmd], cwd=tmp_path if "-f sql/" not in cmd else REPO, env=env,
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, f"{command}\n{res.stdout[-2000:]}\n{res.stderr[-2000:]}"
    redirect = re.search(r">\s*(\S+)\s*$", cmd)
    if redirect:   # '… > disagreements.csv': the file holds the output
        assert (tmp_path / redirect.group(1)).stat().st_size > 0, command
    else:
        assert res.stdout.strip() or res.stderr.strip(), command


def test_commands_are_split_as_typed():
    assert shlex.split(readme_commands()[0])[0] == "make"
