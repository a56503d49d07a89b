"""Column descriptions have one source, sql/README.md: every column of every table asset is
described there, and the asset pages (definition metadata, and each mart's materialization)
show exactly those descriptions."""
from __future__ import annotations

import dagster as dg

from ledger import coldocs
from ledger import warehouse as wh
from tests.marts import fixture

SCHEMA_KEY = "dagster/column_schema"


def _built_columns(tmp_path) -> dict[str, list[tuple[str, str]]]:
    con = fixture.build(tmp_path / "f.duckdb")
    try:
        return {name: wh.columns(con, name) for name in list(wh.BASE_TABLES) + wh.mart_names()}
    finally:
        con.close()


def test_parse_reads_shared_rows_types_and_inherited_columns():
    docs = coldocs.parse("""
### `a` — first
| column | type | meaning |
|---|---|---|
| x, y | DOUBLE, VARCHAR | two at once |
| z | BOOLEAN | with a \\| pipe |

### `b` — second
The same columns as `a`, plus:
| column | type | meaning |
| w | INTEGER | more |
""")
    assert docs["a"] == [("x", "DOUBLE", "two at once"), ("y", "VARCHAR", "two at once"),
                         ("z", "BOOLEAN", "with a | pipe")]
    assert [c.name for c in docs["b"]] == ["x", "y", "z", "w"]


def test_every_column_of_every_table_asset_has_its_readme_description(tmp_path):
    from orchestration.definitions import defs

    built = _built_columns(tmp_path)
    graph = defs.resolve_asset_graph()
    seen = set()
    for key in graph.get_all_asset_keys():
        name = key.to_user_string()
        if name not in built:
            continue  # the chart and the published copy are files, not tables
        seen.add(name)
        schema = graph.get(key).metadata[SCHEMA_KEY]
        described = {c.name: c.description for c in schema.columns}
        readme = coldocs.descriptions(name)
        for column, _ in built[name]:
            assert described.get(column), (name, column, "no description on the asset page")
            assert described[column] == readme[column], (name, column)
            assert described[column] != column.replace("_", " "), (name, column, "only its name")
    # every table asset the UI shows: the inputs, the facts and every mart
    assert {"regions", "raw_files", "articles", "quarantined_files", "metric_facts", "rankings",
            "unresolved_mentions", *wh.mart_names()} <= seen


def test_a_built_mart_reports_its_columns_with_descriptions(tmp_path):
    from assets.marts import _mart_metadata
    from ledger import marts

    con = fixture.build(tmp_path / "f.duckdb")
    try:
        build = marts.build_mart(con, "county_investment_league")
        schema = _mart_metadata(con, build)[SCHEMA_KEY]
    finally:
        con.close()
    assert isinstance(schema, dg.TableSchema)
    by_name = {c.name: c for c in schema.columns}
    assert by_name["reporting"].description.startswith("`k of N`")
    assert by_name["yoy_pct"].type == "DOUBLE" and by_name["yoy_pct"].description == "growth, percent"
