"""Resources: the warehouse (DuckDB, one writer at a time) and the project's paths."""
from __future__ import annotations

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
        with writer_lock(self.database), self.get_connection() as con:
            ensure_schema(con)
            yield con


class LedgerPaths(ConfigurableResource):
    """Where the inbox is and where the analysts' published copy goes."""

    inbox: str
    marts: str

    @property
    def inbox_dir(self) -> Path:
        return Path(self.inbox)

    @property
    def marts_file(self) -> Path:
        return Path(self.marts)


def build_resources(inbox: Optional[str] = None, warehouse: Optional[str] = None,
                    marts: Optional[str] = None) -> dict:
    """Resources from explicit paths, else LEDGER_INBOX / LEDGER_WAREHOUSE / LEDGER_MARTS, else data/."""
    return {
        "warehouse": Warehouse(database=str(warehouse or config.warehouse_path())),
        "paths": LedgerPaths(inbox=str(inbox or config.inbox_dir()), marts=str(marts or config.marts_path())),
    }
