"""End to end through Dagster: a drop, the sensor, the requested run, the published marts;
an analyst holding the published copy open during a run; a blocking check stopping the marts."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import dagster as dg
import duckdb
import pytest

from orchestration.definitions import build_defs
from orchestration.jobs import ensure_dagster_home
from orchestration.partitions import ensure_partition, ingest_partitions
from orchestration.resources import build_resources
from orchestration.sensors import inbox_sensor
from tests.orchestration.helpers import article_text, query, write_articles


class Deployment:
    """One project instance in a temp dir: inbox, warehouse, published copy, sensor state, Dagster home."""

    def __init__(self, tmp_path):
        self.inbox = tmp_path / "inbox"
        self.inbox.mkdir()
        self.warehouse = tmp_path / "warehouse.duckdb"
        self.marts = tmp_path / "marts.duckdb"
        self.resources = build_resources(inbox=str(self.inbox), warehouse=str(self.warehouse), marts=str(self.marts))
        self.defs = build_defs(self.resources)
        self.instance = dg.DagsterInstance.from_config(str(ensure_dagster_home(tmp_path / "dagster_home")))
        self.cursor = None

    def sensor_requests(self):
        for _ in range(3):
            # a context manager: the warehouse resource has run-scoped setup and teardown
            with dg.build_sensor_context(cursor=self.cursor, resources=self.resources, instance=self.instance) as ctx:
                result = inbox_sensor(ctx)
            self.cursor = result.cursor
            for req in result.dynamic_partitions_requests or []:  # what the daemon does before launching
                keys = [k for k in req.partition_keys if not self.instance.has_dynamic_partition(
                    req.partitions_def_name, k)]
                self.instance.add_dynamic_partitions(req.partitions_def_name, keys)
            if result.run_requests:
                return result.run_requests
        return []

    def execute(self, request: dg.RunRequest, raise_on_error: bool = True):
        job = self.defs.resolve_job_def("ingest_job")
        return job.execute_in_process(partition_key=request.partition_key, tags=request.tags,
                                      instance=self.instance, raise_on_error=raise_on_error)

    def drop_and_run(self, name: str, text: str):
        (self.inbox / name).write_text(text, encoding="utf-8")
        reqs = self.sensor_requests()
        assert len(reqs) == 1
        result = self.execute(reqs[0])
        assert result.success
        return reqs[0], result


@pytest.fixture
def dep(tmp_path):
    d = Deployment(tmp_path)
    yield d
    d.instance.dispose()


def test_a_dropped_file_reaches_the_published_marts(dep):
    req, _ = dep.drop_and_run("宁晋县2023年上半年.md", article_text(0))
    rows = query(dep.marts, "SELECT source_file, title FROM articles")
    assert [r[0] for r in rows] == ["宁晋县2023年上半年.md"]
    tables = {r[0] for r in query(dep.marts, "SHOW TABLES")}
    assert {"metric_facts", "rankings", "regions", "articles",
            "county_investment_league", "county_growth_league"} <= tables
    facts = query(dep.marts, "SELECT metric, value FROM metric_facts WHERE source_file = '宁晋县2023年上半年.md'")
    live = query(dep.warehouse, "SELECT metric, value FROM metric_facts WHERE source_file = '宁晋县2023年上半年.md'")
    assert sorted(facts) == sorted(live)  # the published copy carries the file's facts (none yet if no extractor)
    day = query(dep.warehouse, "SELECT ingest_date::VARCHAR FROM raw_files")[0][0]
    assert day == req.partition_key
    # the sensor added the day's partition with its request: the only one there is, and materialized
    assert ingest_partitions.get_partition_keys(dynamic_partitions_store=dep.instance) == [day]
    assert dep.instance.get_materialized_partitions(dg.AssetKey("articles")) == {day}


def test_changed_and_deleted_files_replace_and_retract_their_rows(dep):
    (dep.inbox / "b.md").write_text(article_text(1), encoding="utf-8")
    dep.drop_and_run("a.md", article_text(0))  # one batch, one run for both
    assert query(dep.marts, "SELECT count(*) FROM articles") == [(2,)]
    before = query(dep.marts, "SELECT title FROM articles WHERE source_file = 'a.md'")
    (dep.inbox / "a.md").write_text(article_text(5), encoding="utf-8")
    reqs = dep.sensor_requests()
    assert len(reqs) == 1 and dep.execute(reqs[0]).success
    after = query(dep.marts, "SELECT title FROM articles WHERE source_file = 'a.md'")
    assert after and after != before
    (dep.inbox / "b.md").unlink()
    reqs = dep.sensor_requests()
    assert len(reqs) == 1 and dep.execute(reqs[0]).success
    assert query(dep.marts, "SELECT count(*) FROM articles WHERE source_file = 'b.md'") == [(0,)]
    assert query(dep.marts, "SELECT count(*) FROM metric_facts WHERE source_file = 'b.md'") == [(0,)]
    assert query(dep.warehouse, "SELECT status FROM raw_files WHERE file_name = 'b.md'") == [("deleted",)]


ANALYST = textwrap.dedent("""
    import sys, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    q = "SELECT count(*) FROM articles"
    print(con.execute(q).fetchall()[0][0], flush=True)
    sys.stdin.readline()                      # the run happens while this connection is open
    print(con.execute(q).fetchall()[0][0], flush=True)
    print(con.execute("SELECT count(*) FROM county_growth_league").fetchall()[0][0], flush=True)
""")


def test_an_analyst_holding_the_published_copy_open_never_fails_a_run(dep):
    write_articles(dep.inbox, 3)
    reqs = dep.sensor_requests()
    assert dep.execute(reqs[0]).success
    analyst = subprocess.Popen([sys.executable, "-c", ANALYST, str(dep.marts)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    try:
        assert analyst.stdout.readline().strip() == "3"
        write_articles(dep.inbox, 2, start=3)
        reqs = dep.sensor_requests()
        assert len(reqs) == 1
        assert dep.execute(reqs[0]).success  # the publish renames a new file over the one held open
        out, _ = analyst.communicate("go\n", timeout=60)
    finally:
        analyst.kill()
    seen_again, league_rows = out.split()
    assert seen_again == "3"  # the open connection keeps its whole, consistent snapshot
    assert query(dep.marts, "SELECT count(*) FROM articles") == [(5,)]  # a new connection sees the new copy
    assert not list(dep.marts.parent.glob(".marts.duckdb.*"))  # no temp file left beside it


def test_a_failing_blocking_check_keeps_bad_facts_out_of_the_marts(dep):
    dep.drop_and_run("a.md", article_text(0))
    published_before = dep.marts.stat().st_mtime_ns
    con = duckdb.connect(str(dep.warehouse))
    con.execute("INSERT INTO metric_facts (source_file, article_id, region_code, region_name, metric, kind, value, "
                "period_start, period_end) SELECT source_file, article_id, '999999', '无此县', 'gdp', 'actual', 1e9, "
                "'2023-01', '2023-06' FROM articles LIMIT 1")
    con.close()
    (dep.inbox / "b.md").write_text(article_text(1), encoding="utf-8")
    reqs = dep.sensor_requests()
    result = dep.execute(reqs[0], raise_on_error=False)
    assert not result.success
    evals = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert evals["facts_region_codes_known"].passed is False
    assert evals["facts_values_positive"].passed is True
    materialized = {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    assert "metric_facts" in materialized
    assert "published_marts" not in materialized and "county_growth_league" not in materialized
    assert dep.marts.stat().st_mtime_ns == published_before
    assert query(dep.marts, "SELECT count(*) FROM metric_facts WHERE region_code = '999999'") == [(0,)]


def test_a_missing_inbox_fails_the_run_instead_of_retracting_everything(dep):
    dep.drop_and_run("a.md", article_text(0))
    dep.inbox.rename(dep.inbox.with_name("unmounted"))
    job = dep.defs.resolve_job_def("ingest_job")
    result = job.execute_in_process(partition_key=ensure_partition(dep.instance, "2026-01-05"), instance=dep.instance,
                                    raise_on_error=False)
    assert not result.success
    assert query(dep.warehouse, "SELECT count(*) FROM articles") == [(1,)]
    assert query(dep.marts, "SELECT count(*) FROM articles") == [(1,)]


def test_a_run_that_quarantines_files_warns_in_a_check_and_a_run_tag(dep):
    from assets.articles import QUARANTINE_TAG
    from orchestration.checks import QUARANTINE_CHECK

    (dep.inbox / "empty.md").write_bytes(b"")
    (dep.inbox / "scan.bin").write_bytes(bytes(range(256)) * 40)
    (dep.inbox / "a.md").write_text(article_text(0), encoding="utf-8")
    reqs = dep.sensor_requests()
    result = dep.execute(reqs[0])
    assert result.success  # bad files never fail a run
    check = {e.check_name: e for e in result.get_asset_check_evaluations()}[QUARANTINE_CHECK]
    assert check.passed is False and check.severity == dg.AssetCheckSeverity.WARN
    assert check.asset_key == dg.AssetKey("quarantined_files")
    files = check.metadata["files"].value
    assert "| empty.md | empty |" in files and "| scan.bin | binary |" in files
    assert check.metadata["quarantined_files"].value == 2
    tags = dep.instance.get_run_by_id(result.run_id).tags
    assert tags[QUARANTINE_TAG] == "2"
    # the bad files removed: the next run's check passes and the run carries no tag
    (dep.inbox / "empty.md").unlink()
    (dep.inbox / "scan.bin").unlink()
    result = dep.execute(dep.sensor_requests()[0])
    check = {e.check_name: e for e in result.get_asset_check_evaluations()}[QUARANTINE_CHECK]
    assert check.passed is True and check.metadata["files"].value == "none"
    assert QUARANTINE_TAG not in dep.instance.get_run_by_id(result.run_id).tags
