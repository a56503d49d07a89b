"""Column descriptions on the asset pages, from the one place they are written: sql/README.md
(ledger/coldocs.py reads it)."""
from __future__ import annotations

from typing import Optional, Sequence

import dagster as dg

from ledger import coldocs

SCHEMA_KEY = "dagster/column_schema"


def table_schema(relation: str, columns: Optional[Sequence[tuple[str, str]]] = None) -> dg.TableSchema:
    """The relation's columns with their descriptions: ``columns`` (name, type) as built (a mart's
    DESCRIBE), else the documented ones with their documented types."""
    docs = {c.name: c for c in coldocs.documented().get(relation, [])}
    if columns is None:
        columns = [(c.name, c.type) for c in docs.values()]
    return dg.TableSchema(columns=[
        dg.TableColumn(name, type_ or "", description=docs[name].description if name in docs else None)
        for name, type_ in columns])


def schema_metadata(relation: str) -> dict:
    """Definition metadata for an asset that is the table ``relation``."""
    return {SCHEMA_KEY: table_schema(relation)}
