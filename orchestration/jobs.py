"""The ingest job and running it headlessly (what ``ledger run`` calls).

``ledger run`` materialises the same asset definitions as the UI in this process (no
multiprocess executor: that costs ~11 s per run here, an in-process ``materialize`` call well
under one) for today's ingest-date partition, which processes everything new or changed in
the inbox. Runs are recorded in the Dagster instance at $DAGSTER_HOME; when it is unset and
the warehouse is the project's own (data/), the instance is data/dagster_home, so ``ledger run``
and ``dagster dev`` share one run history.
"""
from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import NamedTuple, Optional

import dagster as dg

from ledger import config
from ledger.failures import StepError, explain
from ledger.lock import writer_lock
from ledger.pipeline import alive
from orchestration.partitions import ensure_partition, today_key
from orchestration.resources import build_resources

# the whole chain: inbox -> articles -> facts (checked) -> marts -> published copy, one process
ingest_job = dg.define_asset_job(
    "ingest_job",
    selection=dg.AssetSelection.all(),
    description="Inventory the inbox, parse new files, extract facts, check them, rebuild and publish the marts.",
    executor_def=dg.in_process_executor,
)

DEFAULT_DAGSTER_HOME = config.DATA_DIR / "dagster_home"

# the instance settings the project relies on (the warehouse pool admits one run at a time)
DAGSTER_YAML_TEMPLATE = Path(__file__).with_name("dagster.yaml")


def ensure_dagster_home(home: str | os.PathLike) -> Path:
    """Create ``home`` with the project's dagster.yaml unless one is there."""
    home = Path(home)
    home.mkdir(parents=True, exist_ok=True)
    yaml = home / "dagster.yaml"
    if not yaml.exists():
        tmp = yaml.with_suffix(".yaml.tmp")
        tmp.write_text(DAGSTER_YAML_TEMPLATE.read_text(encoding="utf-8"), encoding="utf-8")
        os.replace(tmp, yaml)
    return home


def default_dagster_home(warehouse: Optional[str] = None) -> Optional[Path]:
    """$DAGSTER_HOME; else data/dagster_home when the warehouse lives in the project's data/;
    else None (an ephemeral instance: a warehouse elsewhere gets no history in the project)."""
    if os.environ.get("DAGSTER_HOME"):
        return Path(os.environ["DAGSTER_HOME"])
    wh_path = Path(warehouse) if warehouse else config.warehouse_path()
    try:
        wh_path.resolve().relative_to(config.DATA_DIR.resolve())
    except ValueError:
        return None
    return DEFAULT_DAGSTER_HOME


def instance(warehouse: Optional[str] = None) -> dg.DagsterInstance:
    home = default_dagster_home(warehouse)
    if home is None:
        return dg.DagsterInstance.ephemeral()
    ensure_dagster_home(home)
    # The first use of a home creates its SQLite storages and stamps their schema versions;
    # processes doing that together leave two version heads and a home no run can open again.
    # Creators take turns (the lock lives in the home, is held for well under a second, and is
    # removed after).
    with writer_lock(home / "instance"):
        inst = dg.DagsterInstance.from_config(str(home))
        reap_dead_cli_runs(inst)
    return inst


def reap_dead_cli_runs(inst: dg.DagsterInstance) -> list[str]:
    """Mark as failed the ``ledger run`` runs of this host whose process is gone (killed -9):
    left STARTED they would hold the warehouse pool and keep queued runs waiting forever."""
    reaped = []
    records = inst.get_run_records(filters=dg.RunsFilter(
        statuses=[dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING],
        tags={"ledger/trigger": "cli", "ledger/host": socket.gethostname()}), limit=50)
    for rec in records:
        pid = rec.dagster_run.tags.get("ledger/pid", "")
        if pid.isdigit() and int(pid) != os.getpid() and not alive(int(pid)):
            inst.report_run_failed(rec.dagster_run, message=f"the ledger run process {pid} is gone (killed?)")
            reaped.append(rec.dagster_run.run_id)
    return reaped


class RunOutcome(NamedTuple):
    ok: bool                 # the run finished (every step succeeded)
    message: str             # "ok", or the cause of the failure in one line
    summary: dict[str, int]  # what the run's own materializations reported (see SUMMARY)


# `ledger run`'s summary line -> (asset, metadata key) of the run's materializations
SUMMARY = {
    "files seen": ("raw_files", "files_seen"),
    "articles": ("articles", "dagster/row_count"),
    "facts": ("metric_facts", "dagster/row_count"),
    "rankings": ("rankings", "dagster/row_count"),
    "files quarantined": ("quarantined_files", "dagster/row_count"),
}


def run_summary(result) -> dict[str, int]:
    """The counts of SUMMARY from a run's materialization events (nothing is read again)."""
    got: dict[tuple[str, str], int] = {}
    for event in result.all_events:
        if event.is_step_materialization:
            mat = event.step_materialization_data.materialization
            for key, value in mat.metadata.items():
                got[(mat.asset_key.path[-1], key)] = getattr(value, "value", value)
    return {label: got[key] for label, key in SUMMARY.items() if key in got}


def failure_cause(result) -> str:
    """The failed run's cause in one line (ledger.failures), from the chains of causes of its step failures."""
    errors = []
    for event in result.all_events:
        if event.is_step_failure:
            chain, error = [], event.step_failure_data.error
            while error is not None:
                chain.append(error.message)
                error = error.cause
            # the first entry is Dagster's "error occurred while executing op" wrapper when a cause follows
            errors.append(StepError(event.step_key or "?", tuple(chain[1:] or chain)))
    if not errors:
        errors = [StepError(e.step_key or "run", (e.message or "",)) for e in result.all_events if e.is_failure]
    return explain(errors) or "unknown failure"


def run_ingest(inbox: str, warehouse: str, marts: str, log_level: str = "WARNING",
               partition_key: Optional[str] = None) -> RunOutcome:
    """One in-process run of every asset and check for ``partition_key`` (default: today; added to
    the ingest-date partitions if new). The
    outcome carries the run's own counts, so the caller never reopens the warehouse (another
    process may hold it by then)."""
    from orchestration.definitions import ALL_ASSETS, ALL_CHECKS

    with instance(warehouse) as inst:
        result = dg.materialize(
            [*ALL_ASSETS, *ALL_CHECKS],
            resources=build_resources(inbox=inbox, warehouse=warehouse, marts=marts),
            instance=inst,
            partition_key=ensure_partition(inst, partition_key or today_key()),
            raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": log_level}}}},
            tags={"ledger/trigger": "cli", "ledger/pid": str(os.getpid()), "ledger/host": socket.gethostname()},
        )
    if result.success:
        return RunOutcome(True, "ok", run_summary(result))
    return RunOutcome(False, failure_cause(result), run_summary(result))
