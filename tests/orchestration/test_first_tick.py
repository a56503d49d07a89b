"""Issue 13, item 7: no wasted first run. A real `ledger run`, then the real inbox sensor over
the same inbox and state dir: the files the run ingested are not submitted again; files that
change, go or arrive later are."""
from __future__ import annotations

import os
import time

import dagster as dg

from ledger.cli import main
from ledger.inventory import InboxWatch
from orchestration.resources import build_resources
from orchestration import sensors
from orchestration.sensors import inbox_sensor
from tests.orchestration.helpers import article_text, write_articles

SETTLED = 10  # seconds in the past: the sensor hashes such a file in the first tick that sees it


def age(path, seconds: float = SETTLED) -> None:
    os.utime(path, ns=(path.stat().st_atime_ns, time.time_ns() - int(seconds * 1e9)))


class Daemon:
    """Evaluates the real sensor with the resources `ledger run` used, keeping its cursor."""

    def __init__(self, resources: dict):
        self.resources = resources
        self.cursor = None

    def tick(self) -> list[dg.RunRequest]:
        with dg.build_sensor_context(cursor=self.cursor, resources=self.resources) as ctx:
            result = inbox_sensor(ctx)
        if result.cursor is not None:
            self.cursor = result.cursor
        return result.run_requests or []


def ledger_run(inbox, warehouse, marts) -> None:
    assert main(["run", "--inbox", str(inbox), "--warehouse", str(warehouse), "--marts", str(marts),
                 "--quiet"]) == 0


def test_the_first_tick_after_ledger_run_starts_nothing_and_later_changes_still_start_runs(tmp_path, monkeypatch):
    # every tick scans in full (a file rewritten in place waits for the periodic full scan otherwise)
    monkeypatch.setattr(sensors, "FULL_SCAN_SECONDS", 0)
    inbox, warehouse, marts = tmp_path / "inbox", tmp_path / "w.duckdb", tmp_path / "w.marts.duckdb"
    files = write_articles(inbox, 6)
    for p in files:
        age(p)
    ledger_run(inbox, warehouse, marts)
    daemon = Daemon(build_resources(inbox=str(inbox), warehouse=str(warehouse), marts=str(marts)))
    assert daemon.tick() == [], "the sensor resubmitted files `ledger run` had ingested"
    assert daemon.tick() == []

    # later changes: one file rewritten, one deleted, one new
    files[0].write_text(article_text(40), encoding="utf-8")
    age(files[0], SETTLED - 5)
    files[1].unlink()
    age(write_articles(inbox, 1, start=50)[0])
    reqs = daemon.tick()
    assert len(reqs) == 1
    assert (reqs[0].tags["ledger/changed"], reqs[0].tags["ledger/deleted"]) == ("2", "1")

    # `ledger run` takes those in before the sensor's run happened: nothing is left to submit
    ledger_run(inbox, warehouse, marts)
    assert daemon.tick() == []


def test_a_file_touched_after_the_run_is_hashed_again_but_not_resubmitted(tmp_path):
    inbox, warehouse, marts = tmp_path / "inbox", tmp_path / "w.duckdb", tmp_path / "w.marts.duckdb"
    files = write_articles(inbox, 3)
    for p in files:
        age(p)
    ledger_run(inbox, warehouse, marts)
    age(files[2], SETTLED + 30)  # same bytes, another mtime
    daemon = Daemon(build_resources(inbox=str(inbox), warehouse=str(warehouse), marts=str(marts)))
    assert daemon.tick() == []


def test_record_ingested_keeps_what_the_sensor_saw_after_the_run(tmp_path):
    """A file dropped after the run's inventory is still submitted; one the run retracted is not."""
    inbox = tmp_path / "inbox"
    a, b, c = write_articles(inbox, 3)
    for p in (a, b, c):
        age(p)
    watch = InboxWatch(tmp_path / "state" / "w.sqlite", inbox)
    first = watch.tick(0)
    assert first.batch is not None and len(first.batch.changed) == 3  # the sensor's proposal (gen 1)
    c.unlink()  # retracted by the run below
    late = write_articles(inbox, 1, start=9)[0]  # dropped after the run's inventory
    age(late)
    from ledger.inventory import sha256_file
    rows = [(p.name, p.stat().st_size, p.stat().st_mtime_ns // 1000, sha256_file(p)) for p in (a, b)]
    assert watch.record_ingested(rows) == 2
    report = watch.tick(1)  # Dagster committed the proposal: adopted, then the scan
    assert report.batch is not None
    assert [n for n, _ in report.batch.changed] == [late.name] and report.batch.deleted == ()
