"""The code location loads and validates, and every entry point names the same module."""
from __future__ import annotations

import tomllib

import dagster as dg
import yaml

from tests.conftest import REPO


def test_definitions_load_and_validate():
    from orchestration.definitions import defs

    dg.Definitions.validate_loadable(defs)
    keys = {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}
    for layer in ("raw_files", "articles", "quarantined_files", "metric_facts", "rankings",
                  "county_investment_league", "county_growth_league", "published_marts", "regions"):
        assert layer in keys, layer


def test_every_asset_has_a_group():
    from orchestration.definitions import defs

    graph = defs.resolve_asset_graph()
    groups = {graph.get(k).group_name for k in graph.get_all_asset_keys()}
    assert "default" not in groups
    assert {"raw", "articles", "facts", "marts"} <= groups


def test_workspace_and_pyproject_point_at_the_same_module():
    workspace = yaml.safe_load((REPO / "workspace.yaml").read_text())
    module = workspace["load_from"][0]["python_module"]["module_name"]
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text())
    assert pyproject["tool"]["dagster"]["module_name"] == module == "orchestration.definitions"


def test_domain_package_does_not_import_dagster():
    offenders = []
    for path in (REPO / "ledger").rglob("*.py"):
        if path.name == "cli.py":
            continue  # the command line wires the Dagster run, lazily
        text = path.read_text(encoding="utf-8")
        if "import dagster" in text or "from dagster" in text:
            offenders.append(str(path.relative_to(REPO)))
    assert offenders == []
