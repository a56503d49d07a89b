"""Running the asset graph headlessly: what ``ledger run`` calls.

The same asset definitions as the UI, materialised in this process (no
multiprocess executor: that costs ~11 s per run here, an in-process
``materialize`` call well under one). Runs are recorded in $DAGSTER_HOME when
it is set, so they show up in the UI's run history.
"""
from __future__ import annotations

import os

import dagster as dg

from orchestration.resources import build_resources


def instance() -> dg.DagsterInstance:
    if os.environ.get("DAGSTER_HOME"):
        os.makedirs(os.environ["DAGSTER_HOME"], exist_ok=True)
        return dg.DagsterInstance.get()
    return dg.DagsterInstance.ephemeral()


def run_ingest(inbox: str, warehouse: str, marts: str, log_level: str = "WARNING") -> tuple[bool, str]:
    from orchestration.definitions import ALL_ASSETS

    with instance() as inst:
        result = dg.materialize(
            ALL_ASSETS,
            resources=build_resources(inbox=inbox, warehouse=warehouse, marts=marts),
            instance=inst,
            raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": log_level}}}},
            tags={"ledger/trigger": "cli"},
        )
    if result.success:
        return True, "ok"
    failures = [e.message for e in result.all_events if e.is_failure]
    return False, "; ".join(failures) or "unknown failure"
