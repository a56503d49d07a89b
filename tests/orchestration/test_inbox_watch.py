"""The inbox sensor over a real temp inbox: new, re-dropped, changed, deleted and growing files."""
from __future__ import annotations

import dagster as dg
import pytest

from ledger.inventory import InboxWatch, make_cursor, parse_cursor
from orchestration.resources import LedgerPaths, Warehouse
from orchestration.sensors import inbox_sensor
from tests.orchestration.helpers import article_text, bump_mtime


class Sensor:
    """Evaluates the real sensor the way the daemon does: the cursor it returns is kept."""

    def __init__(self, tmp_path):
        self.inbox = tmp_path / "inbox"
        self.inbox.mkdir()
        self.paths = LedgerPaths(inbox=str(self.inbox), marts=str(tmp_path / "marts.duckdb"),
                                 state=str(tmp_path / "state"))
        self.warehouse = tmp_path / "warehouse.duckdb"
        self.warehouse.touch()  # the sensor only asks whether it exists
        self.cursor = None

    def tick(self, commit: bool = True):
        ctx = dg.build_sensor_context(cursor=self.cursor, resources={"paths": self.paths, "warehouse": Warehouse(database=str(self.warehouse))})
        result = inbox_sensor(ctx)
        if commit and result.cursor is not None:
            self.cursor = result.cursor
        return result.run_requests or []

    def settle(self):
        """Ticks until a run is requested or nothing moves; returns the requests of the last tick."""
        for _ in range(3):
            reqs = self.tick()
            if reqs:
                return reqs
        return []

    def drop(self, name: str, text: str, mtime_shift: float = 0.0):
        p = self.inbox / name
        p.write_text(text, encoding="utf-8")
        if mtime_shift:
            bump_mtime(p, mtime_shift)
        return p


@pytest.fixture
def sensor(tmp_path):
    return Sensor(tmp_path)


def test_new_file_waits_one_tick_then_starts_one_run(sensor):
    sensor.drop("宁晋县经济.md", article_text(1))
    sensor.drop("清河县经济.md", article_text(2))
    assert sensor.tick() == []  # first sight: not yet known to hold still
    reqs = sensor.tick()
    assert len(reqs) == 1
    req = reqs[0]
    assert req.run_key.startswith("inbox-") and "-1-" in req.run_key
    assert req.run_key.isascii() and req.partition_key.isascii()
    assert req.tags["ledger/changed"] == "2" and req.tags["ledger/trigger"] == "sensor"
    assert sensor.tick() == []  # nothing moved since


def test_redropping_the_same_content_starts_nothing(sensor):
    sensor.drop("a.md", article_text(1))
    assert len(sensor.settle()) == 1
    sensor.drop("a.md", article_text(1), mtime_shift=30)  # same bytes, new mtime
    assert sensor.settle() == []
    sensor.drop("copy_of_a.md", article_text(1))  # same bytes under another name
    assert sensor.settle() == []


def test_changed_content_starts_a_run_with_a_new_key(sensor):
    sensor.drop("a.md", article_text(1))
    first = sensor.settle()[0]
    sensor.drop("a.md", article_text(7), mtime_shift=30)
    second = sensor.settle()
    assert len(second) == 1 and second[0].run_key != first.run_key
    assert second[0].tags["ledger/changed"] == "1"


def test_deleted_file_starts_a_run_and_a_redrop_after_it_another(sensor):
    p = sensor.drop("a.md", article_text(1))
    first = sensor.settle()[0]
    p.unlink()
    deleted = sensor.tick()
    assert len(deleted) == 1 and deleted[0].tags["ledger/deleted"] == "1"
    sensor.drop("a.md", article_text(1))
    again = sensor.settle()
    assert len(again) == 1
    assert again[0].run_key not in (first.run_key, deleted[0].run_key)


def test_file_that_vanishes_before_any_run_leaves_no_trace(sensor):
    p = sensor.drop("tmp.md", article_text(1))
    assert sensor.tick() == []
    p.unlink()
    assert sensor.settle() == []


def test_still_growing_file_waits_until_it_holds_still(sensor):
    p = sensor.drop("growing.md", article_text(3)[:200])
    assert sensor.tick() == []
    for k in range(1, 4):  # it grows between every two ticks
        with open(p, "a", encoding="utf-8") as fh:
            fh.write(article_text(3)[200 * k:200 * (k + 1)])
        bump_mtime(p, k)
        assert sensor.tick() == [], f"requested a run for a file still growing (step {k})"
    reqs = sensor.tick()  # held still for one tick
    assert len(reqs) == 1


def test_partial_download_names_are_ignored(sensor):
    sensor.drop("report.md.part", article_text(1))
    sensor.drop(".hidden.md", article_text(2))
    assert sensor.settle() == []


def test_a_tick_dagster_did_not_commit_is_proposed_again_with_the_same_key(sensor):
    sensor.drop("a.md", article_text(1))
    sensor.tick()
    lost = sensor.tick(commit=False)  # e.g. the daemon died before storing the cursor
    again = sensor.tick()
    assert len(lost) == 1 and len(again) == 1
    assert lost[0].run_key == again[0].run_key  # Dagster's run_key dedup makes the retry safe
    assert sensor.tick() == []


def test_a_reset_cursor_resubmits_the_inbox_under_a_fresh_key(sensor):
    sensor.drop("a.md", article_text(1))
    first = sensor.settle()
    assert sensor.tick() == []  # the daemon ticks on; this tick sees the committed cursor
    sensor.cursor = None
    reqs = sensor.settle()
    assert len(reqs) == 1 and reqs[0].tags["ledger/changed"] == "1"
    assert reqs[0].run_key != first[0].run_key  # else Dagster would skip it as already run


def test_hash_budget_defers_the_rest_to_the_next_tick(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(5):
        (inbox / f"f{i}.md").write_text(article_text(i), encoding="utf-8")
    watch = InboxWatch(tmp_path / "w.sqlite", inbox)
    assert watch.tick(0).batch is None
    starved = watch.tick(0, hash_budget_s=-1)  # no time to hash anything
    assert starved.batch is None and starved.deferred == 5
    full = watch.tick(0)
    assert full.batch is not None and len(full.batch.changed) == 5


def test_cursor_round_trip_and_garbage():
    assert parse_cursor(make_cursor(7)) == 7
    assert parse_cursor(None) == 0
    assert parse_cursor("not json") == 0


def test_a_deleted_warehouse_resubmits_the_inbox(sensor):
    sensor.drop("a.md", article_text(1))
    sensor.drop("b.md", article_text(2))
    assert len(sensor.settle()) == 1
    sensor.warehouse.unlink()
    reqs = sensor.tick()
    assert len(reqs) == 1 and reqs[0].tags["ledger/changed"] == "2"
    assert sensor.tick() == []  # once, not on every tick until the run recreates it
    sensor.warehouse.touch()
    assert sensor.tick() == []


def test_a_missing_inbox_is_not_read_as_every_file_deleted(sensor):
    sensor.drop("a.md", article_text(1))
    assert len(sensor.settle()) == 1
    moved = sensor.inbox.rename(sensor.inbox.with_name("elsewhere"))
    assert sensor.tick() == []
    moved.rename(sensor.inbox)
    assert sensor.settle() == []
