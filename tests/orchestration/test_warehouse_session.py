"""The warehouse resource within a run: one connection and one hold of the writer lock shared
by the steps, a failed step's open transaction rolled back, everything released at teardown."""
from __future__ import annotations

import fcntl

import dagster as dg
import pytest

from orchestration.resources import Warehouse


def _lock_is_free(db) -> bool:
    with open(str(db) + ".lock", "a+") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        return True


def test_steps_of_a_run_share_one_connection_and_a_failed_step_is_rolled_back(tmp_path):
    db = tmp_path / "w.duckdb"
    wh = Warehouse(database=str(db))
    wh.setup_for_execution(dg.build_init_resource_context())
    try:
        with wh.writer() as first:
            first.execute("INSERT INTO change_log (seq, region_key) VALUES (1, 'kept')")
        with pytest.raises(RuntimeError):
            with wh.writer() as con:
                assert con is first
                con.execute("BEGIN")
                con.execute("INSERT INTO change_log (seq, region_key) VALUES (2, 'rolled back')")
                raise RuntimeError("the step failed mid-transaction")
        with wh.writer() as con:
            assert con is first
            assert con.execute("SELECT region_key FROM change_log ORDER BY seq").fetchall() == [("kept",)]
        assert not _lock_is_free(db)  # held for the whole run
    finally:
        wh.teardown_after_execution(None)
    assert _lock_is_free(db)


def test_outside_a_run_each_writer_opens_and_closes(tmp_path):
    db = tmp_path / "w.duckdb"
    wh = Warehouse(database=str(db))
    with wh.writer() as con:
        con.execute("INSERT INTO change_log (seq, region_key) VALUES (1, 'a')")
        assert not _lock_is_free(db)
    assert _lock_is_free(db)
    with wh.writer() as other:
        assert other is not con
        assert other.execute("SELECT count(*) FROM change_log").fetchall() == [(1,)]
