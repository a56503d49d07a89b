"""The Dagster wiring: what runs by default, the warehouse pool, partitions, the schedule,
the instance settings and the reprocess backfill of one ingest day."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import dagster as dg
import yaml

from orchestration.definitions import defs
from orchestration.jobs import DAGSTER_YAML_TEMPLATE, default_dagster_home, ensure_dagster_home
from orchestration.partitions import REPROCESS_TAG, ensure_partition, ingest_partitions, today_key
from orchestration.schedules import daily_safety_net
from tests.orchestration.helpers import query, write_articles

WRITERS = {"regions", "raw_files", "articles", "metric_facts", "county_growth_league", "published_marts"}


def test_sensors_and_schedule_run_by_default():
    repo = defs.get_repository_def()
    sensors = {s.name: s for s in repo.sensor_defs}
    assert sensors["inbox_sensor"].default_status == dg.DefaultSensorStatus.RUNNING
    assert sensors["inbox_sensor"].minimum_interval_seconds <= 10
    assert sensors["marts_automation"].default_status == dg.DefaultSensorStatus.RUNNING
    assert "default_automation_condition_sensor" not in sensors  # nothing left switched off
    schedule = repo.get_schedule_def("daily_safety_net")
    assert schedule.default_status == dg.DefaultScheduleStatus.RUNNING
    assert schedule.execution_timezone == "Asia/Shanghai"


def test_every_warehouse_writer_is_in_the_pool_and_the_marts_are_automated():
    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        name = key.to_user_string()
        node = graph.get(key)
        if name in WRITERS:
            assert node.pools == {"duckdb_warehouse"}, name
    for name in ("county_growth_league", "county_investment_league", "published_marts"):
        assert graph.get(dg.AssetKey(name)).automation_condition is not None, name


def test_partition_keys_are_ascii_days_in_shanghai():
    key = today_key(datetime(2026, 1, 1, 23, 30, tzinfo=ZoneInfo("UTC")))
    assert key == "2026-01-02"  # already the next day in Asia/Shanghai
    assert today_key().isascii()


def test_partitions_are_only_the_days_that_had_runs_and_none_is_missing(tmp_path):
    """Issue 13, item 5: the UI lists the ingest days that exist, not a calendar since 2024."""
    from orchestration.jobs import run_ingest

    assert isinstance(ingest_partitions, dg.DynamicPartitionsDefinition)
    home = ensure_dagster_home(tmp_path / "home")
    inbox = tmp_path / "inbox"
    write_articles(inbox, 2)
    wh, marts = tmp_path / "w.duckdb", tmp_path / "m.duckdb"
    import os

    os.environ["DAGSTER_HOME"] = str(home)  # run_ingest records its runs there (conftest restores it)
    try:
        assert run_ingest(str(inbox), str(wh), str(marts), partition_key="2026-01-05").ok
        write_articles(inbox, 1, start=2)
        assert run_ingest(str(inbox), str(wh), str(marts), partition_key="2026-01-09").ok
    finally:
        os.environ.pop("DAGSTER_HOME", None)
    with dg.DagsterInstance.from_config(str(home)) as inst:
        keys = ingest_partitions.get_partition_keys(dynamic_partitions_store=inst)
        assert keys == ["2026-01-05", "2026-01-09"]
        for asset in ("raw_files", "articles", "metric_facts"):
            assert inst.get_materialized_partitions(dg.AssetKey(asset)) == set(keys), asset


def test_the_schedule_requests_its_day_and_adds_its_partition(tmp_path):
    t = datetime(2026, 3, 5, 3, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    with dg.DagsterInstance.from_config(str(ensure_dagster_home(tmp_path / "home"))) as inst:
        req = daily_safety_net(dg.build_schedule_context(scheduled_execution_time=t, instance=inst))
        assert req.partition_key == "2026-03-05" and req.run_key == "daily-2026-03-05"
        assert ingest_partitions.get_partition_keys(dynamic_partitions_store=inst) == ["2026-03-05"]
        daily_safety_net(dg.build_schedule_context(scheduled_execution_time=t, instance=inst))  # again: no duplicate
        assert ingest_partitions.get_partition_keys(dynamic_partitions_store=inst) == ["2026-03-05"]


def test_instance_settings_limit_the_pool_to_one(tmp_path):
    home = ensure_dagster_home(tmp_path / "home")
    settings = yaml.safe_load((home / "dagster.yaml").read_text())
    assert settings["concurrency"]["pools"]["default_limit"] == 1
    with dg.DagsterInstance.from_config(str(home)) as inst:  # Dagster accepts the file
        assert inst.get_concurrency_config().pool_config.default_pool_limit == 1
    assert (home / "dagster.yaml").read_text() == DAGSTER_YAML_TEMPLATE.read_text()


def test_dagster_home_defaults_inside_the_project_only_for_the_projects_warehouse(monkeypatch, tmp_path):
    from ledger import config

    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    assert default_dagster_home(str(config.DATA_DIR / "warehouse.duckdb")) == config.DATA_DIR / "dagster_home"
    assert default_dagster_home(str(tmp_path / "w.duckdb")) is None
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "h"))
    assert default_dagster_home(str(tmp_path / "w.duckdb")) == tmp_path / "h"


def test_reprocess_tag_reparses_exactly_one_ingest_day(tmp_path):
    from orchestration.jobs import run_ingest

    inbox = tmp_path / "inbox"
    write_articles(inbox, 2)
    wh, marts = tmp_path / "w.duckdb", tmp_path / "m.duckdb"
    assert run_ingest(str(inbox), str(wh), str(marts), partition_key="2026-01-05")[0]
    write_articles(inbox, 1, start=2)
    assert run_ingest(str(inbox), str(wh), str(marts), partition_key="2026-01-06")[0]
    days = dict(query(wh, "SELECT file_name, ingest_date::VARCHAR FROM raw_files"))
    assert sorted(days.values()) == ["2026-01-05", "2026-01-05", "2026-01-06"]
    before = dict(query(wh, "SELECT source_file, ingested_at FROM articles"))
    from orchestration.definitions import ALL_ASSETS, ALL_CHECKS
    from orchestration.resources import build_resources

    inst = dg.DagsterInstance.ephemeral()
    res = dg.materialize([*ALL_ASSETS, *ALL_CHECKS], partition_key=ensure_partition(inst, "2026-01-05"),
                         tags={REPROCESS_TAG: "true"}, resources=build_resources(str(inbox), str(wh), str(marts)),
                         instance=inst)
    assert res.success
    after = dict(query(wh, "SELECT source_file, ingested_at FROM articles"))
    redone = {f for f in after if after[f] != before[f]}
    assert redone == {f for f, d in days.items() if d == "2026-01-05"}
