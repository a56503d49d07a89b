"""The regions dimension and its aliases in a real DuckDB warehouse."""
from ledger import ingest
from ledger import warehouse as wh
from ledger.regions import get_gazetteer


def test_regions_and_aliases_are_loaded(tmp_path):
    con = wh.connect(tmp_path / "w.duckdb")
    wh.ensure_schema(con)
    n = ingest.load_regions(con)
    gaz = get_gazetteer()
    assert n == len(gaz.region_rows()) == wh.row_count(con, "regions")
    assert wh.row_count(con, "region_aliases") == len(gaz.alias_rows())
    row = con.execute("SELECT code, name, status, abolished_year, successor_names FROM regions "
                      "WHERE region_key = '130521'").fetchall()
    assert row == [("130521", "邢台县", "abolished", 2020, "襄都区;信都区")]
    hist = con.execute("SELECT code, name, kind, year FROM region_aliases WHERE alias = '南和县'").fetchall()
    assert hist == [("130506", "南和区", "historical", 2020)]
    amb = con.execute("SELECT count(*), bool_and(ambiguous) FROM region_aliases WHERE alias = '桥东区'").fetchall()
    assert amb == [(3, True)]
    zone = con.execute("SELECT code, prefecture_code FROM regions WHERE region_key = 'name:邢东新区'").fetchall()
    assert zone == [(None, "130500")]
    # loading again changes nothing
    assert ingest.load_regions(con) == n and wh.row_count(con, "region_aliases") == len(gaz.alias_rows())
    con.close()
