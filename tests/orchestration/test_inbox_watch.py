"""The inbox sensor over a real temp inbox: new, re-dropped, changed, deleted and growing files."""
from __future__ import annotations

import hashlib
import os
import time

import dagster as dg
import pytest

from ledger import inventory
from ledger.inventory import SETTLE_SECONDS, InboxWatch, make_cursor, parse_cursor
from orchestration import sensors
from orchestration.resources import LedgerPaths, Warehouse
from orchestration.sensors import inbox_sensor
from tests.orchestration.helpers import article_text, bump_mtime

# a file written just now: its mtime half a second ahead, so that a slow machine cannot age it
# past SETTLE_SECONDS before the tick looks at it
FRESH = -0.5
SETTLED = SETTLE_SECONDS + 4


def set_age(path, age: float) -> None:
    """Give ``path`` an mtime ``age`` seconds in the past (negative: in the future)."""
    os.utime(path, ns=(path.stat().st_atime_ns, time.time_ns() - int(age * 1e9)))


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
        # a context manager: the warehouse resource has run-scoped setup and teardown
        with dg.build_sensor_context(cursor=self.cursor, resources={
                "paths": self.paths, "warehouse": Warehouse(database=str(self.warehouse))}) as ctx:
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

    def drop(self, name: str, text: str, age: float = FRESH):
        p = self.inbox / name
        p.write_text(text, encoding="utf-8")
        set_age(p, age)
        return p


@pytest.fixture
def sensor(tmp_path, monkeypatch):
    # every tick scans in full: several tests rewrite files in place, which the quick tick
    # (folder mtime unchanged) leaves to the periodic full scan; the quick tick is tested below
    monkeypatch.setattr(sensors, "FULL_SCAN_SECONDS", 0)
    return Sensor(tmp_path)


def test_a_settled_file_starts_a_run_in_the_first_tick_that_sees_it(sensor):
    sensor.drop("宁晋县经济.md", article_text(1), age=SETTLED)
    sensor.drop("清河县经济.md", article_text(2), age=SETTLED)
    reqs = sensor.tick()
    assert len(reqs) == 1 and reqs[0].tags["ledger/changed"] == "2"
    assert sensor.tick() == []


def test_a_file_about_to_settle_is_waited_for_inside_the_tick(sensor):
    sensor.drop("宁晋县经济.md", article_text(1), age=SETTLE_SECONDS - 0.3)  # settles in 0.3 s
    t0 = time.monotonic()
    reqs = sensor.tick()
    assert len(reqs) == 1 and reqs[0].tags["ledger/changed"] == "1"
    assert time.monotonic() - t0 < SETTLE_SECONDS + 2


def test_a_file_still_written_during_the_in_tick_wait_waits_for_the_next_tick(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    watch = InboxWatch(tmp_path / "state" / "w.sqlite", inbox)
    p = inbox / "宁晋县经济.md"
    p.write_text(article_text(1), encoding="utf-8")
    set_age(p, SETTLE_SECONDS - 0.3)
    real_sleep = time.sleep

    def writer_appends(seconds):  # the writer goes on while the tick waits
        real_sleep(seconds)
        with open(p, "a", encoding="utf-8") as fh:
            fh.write("又及。")

    monkeypatch.setattr(inventory.time, "sleep", writer_appends)
    report = watch.tick(0)
    assert report.batch is None and report.growing == ["宁晋县经济.md"]


def test_a_fresh_file_waits_one_tick_then_starts_one_run(sensor):
    sensor.drop("宁晋县经济.md", article_text(1))
    sensor.drop("清河县经济.md", article_text(2))
    assert sensor.tick() == []  # too fresh: it may still be written to
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
    sensor.drop("a.md", article_text(1), age=-30)  # same bytes, new mtime
    assert sensor.settle() == []
    sensor.drop("copy_of_a.md", article_text(1))  # same bytes under another name
    assert sensor.settle() == []


def test_changed_content_starts_a_run_with_a_new_key(sensor):
    sensor.drop("a.md", article_text(1))
    first = sensor.settle()[0]
    sensor.drop("a.md", article_text(7))
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
        set_age(inbox / f"f{i}.md", FRESH)
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


def test_a_file_modified_between_stat_and_hash_waits_for_the_next_tick(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    p = inbox / "a.md"
    p.write_text(article_text(1)[:300], encoding="utf-8")
    set_age(p, SETTLED)
    real = inventory.sha256_file
    rest = [article_text(1)[300:]]

    def hash_while_a_writer_appends(path, *a):
        digest = real(path, *a)
        if rest:  # once: a writer adds the rest while the first hash runs
            with open(p, "a", encoding="utf-8") as fh:
                fh.write(rest.pop())
        return digest

    monkeypatch.setattr(inventory, "sha256_file", hash_while_a_writer_appends)
    watch = InboxWatch(tmp_path / "w.sqlite", inbox)
    first = watch.tick(0)
    assert first.batch is None and first.hashed == 1 and first.growing == ["a.md"]
    second = watch.tick(0)  # held still since: hashed and submitted, with the complete bytes
    assert second.batch is not None
    assert second.batch.changed == (("a.md", hashlib.sha256(p.read_bytes()).hexdigest()),)


def quiet_inbox(tmp_path, n=3):
    """An inbox of ``n`` settled files, all submitted, whose folder mtime is old enough to trust."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(n):
        (inbox / f"f{i}.md").write_text(article_text(i), encoding="utf-8")
        set_age(inbox / f"f{i}.md", SETTLED)
    set_age(inbox, SETTLED)
    watch = InboxWatch(tmp_path / "w.sqlite", inbox)
    batch = watch.tick(0).batch
    assert batch is not None and len(batch.changed) == n
    settled = watch.tick(batch.gen)  # adopts the committed batch: a full scan that finds nothing
    assert settled.full_scan and settled.batch is None
    return inbox, watch, batch.gen


def test_the_steady_tick_does_no_per_file_work_until_the_folder_changes(tmp_path, monkeypatch):
    inbox, watch, gen = quiet_inbox(tmp_path)
    calls = []
    real = inventory.stat_inbox
    monkeypatch.setattr(inventory, "stat_inbox", lambda d, **kw: calls.append(d) or real(d, **kw))
    quick = watch.tick(gen)
    assert (quick.full_scan, quick.batch, quick.files, calls) == (False, None, 3, [])

    new = inbox / "new.md"  # a drop changes the folder's mtime: seen, settled, submitted at once
    new.write_text(article_text(9), encoding="utf-8")
    set_age(new, SETTLED)
    seen = watch.tick(gen)
    # the listing shows the new name; only it is stat-ed (the full stat waits for the 30 s scan)
    assert seen.full_scan and not calls and seen.batch.changed == (("new.md", seen.batch.changed[0][1]),)
    gen = seen.batch.gen
    assert watch.tick(gen).batch is None  # adopted; the folder's mtime is too fresh to trust yet
    assert watch.tick(gen).full_scan

    calls.clear()
    (inbox / "f0.md").unlink()  # a delete changes it too
    assert watch.tick(gen).batch.deleted == ("f0.md",)
    assert not calls
    watch.tick(gen, full_scan_s=0)  # a full scan when due
    assert calls


def test_a_file_rewritten_in_place_is_seen_by_the_next_full_scan(tmp_path):
    inbox, watch, gen = quiet_inbox(tmp_path)
    p = inbox / "f1.md"
    folder = inbox.stat()
    p.write_text(article_text(11), encoding="utf-8")  # same name, no rename: the folder's mtime stays
    set_age(p, SETTLED)
    assert inbox.stat().st_mtime_ns == folder.st_mtime_ns
    assert watch.tick(gen, full_scan_s=60).full_scan is False
    report = watch.tick(gen, full_scan_s=60)
    assert report.batch is None  # not seen until the full scan is due
    due = watch.tick(gen, full_scan_s=0)
    assert due.full_scan and [n for n, _ in due.batch.changed] == ["f1.md"]


def test_a_fresh_folder_mtime_is_not_trusted(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.md").write_text(article_text(1), encoding="utf-8")
    set_age(inbox / "a.md", SETTLED)
    set_age(inbox, FRESH)
    watch = InboxWatch(tmp_path / "w.sqlite", inbox)
    gen = watch.tick(0).batch.gen
    assert watch.tick(gen).full_scan and watch.tick(gen).full_scan  # an entry could hide in its clock step


def test_the_watch_never_reads_a_missing_inbox_as_every_file_deleted(tmp_path):
    inbox, watch, gen = quiet_inbox(tmp_path)
    moved = inbox.rename(inbox.with_name("elsewhere"))
    gone = watch.tick(gen)
    assert gone.batch is None and gone.files == 0
    moved.rename(inbox)
    back = watch.tick(gen)
    assert back.batch is None and back.files == 3
