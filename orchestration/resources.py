"""Resources: the warehouse (DuckDB, one writer at a time) and the project's paths."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import duckdb
from dagster import ConfigurableResource
from dagster_duckdb import DuckDBResource

from ledger import config
from ledger.lock import writer_lock
from ledger.warehouse import ensure_schema


class Warehouse(DuckDBResource):
    """The live DuckDB warehouse. ``writer()`` serialises writers across processes."""

    @contextmanager
    def writer(self) -> Iterator[duckdb.DuckDBPyConnection]:
        Path(self.database).parent.mkdir(parents=True, exist_ok=True)
        with writer_lock(self.database):
            # not DuckDBResource.get_connection(): it leaves the connection open when the body
            # raises, and an open handle keeps the file from every other process until GC
            con = duckdb.connect(self.database, config=dict(self.connection_config or {}))
            try:
                ensure_schema(con)
                yield con
            finally:
                con.close()


class LedgerPaths(ConfigurableResource):
    """Where the inbox is, where the analysts' published copy goes, where the sensor keeps state."""

    inbox: str
    marts: str
    state: str = ""

    @property
    def state_dir(self) -> Path:
        return Path(self.state) if self.state else config.state_dir()

    @property
    def inbox_dir(self) -> Path:
        return Path(self.inbox)

    @property
    def marts_file(self) -> Path:
        return Path(self.marts)


def build_resources(inbox: Optional[str] = None, warehouse: Optional[str] = None,
                    marts: Optional[str] = None) -> dict:
    """Resources from explicit paths, else LEDGER_INBOX / LEDGER_WAREHOUSE / LEDGER_MARTS, else data/.
    The sensor's state lives in LEDGER_STATE, else in ``state/`` beside the warehouse."""
    wh_path = Path(warehouse) if warehouse else config.warehouse_path()
    state = config.state_dir() if (warehouse is None or "LEDGER_STATE" in os.environ) else wh_path.parent / "state"
    return {
        "warehouse": Warehouse(database=str(wh_path)),
        "paths": LedgerPaths(inbox=str(inbox or config.inbox_dir()), marts=str(marts or config.marts_path()),
                             state=str(state)),
    }
