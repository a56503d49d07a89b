"""`ledger sql`: read-only queries against the published marts, aligned table, CSV, JSON or Parquet."""
from __future__ import annotations

import csv
import io
import json
import re

import duckdb
import polars as pl
import pytest

from ledger.cli import main
from ledger.sqlcli import run_query
from ledger.sqlcli import display_width, format_table
from tests.conftest import REPO
from tests.marts import fixture


@pytest.fixture(scope="module")
def marts_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("sqlcli") / "marts.duckdb"
    fixture.build(path).close()
    return path


def test_aligned_table_counts_cjk_as_two_columns():
    text = format_table(["region_name", "yoy_pct"], [("威县", 15.8), ("宁晋县", -3.25), ("x", None)])
    lines = text.splitlines()
    assert lines[-1] == "(3 rows)"
    body = lines[2:5]
    # the second column ends at the same display column on every line (NULL prints as nothing)
    ends = {display_width(line) for line in [lines[0]] + body[:2]}
    assert len(ends) == 1
    assert body[0].startswith("威县 ") and body[0].endswith("15.80")
    assert body[1].endswith("-3.25") and body[2] == "x"


def test_numbers_of_one_column_line_up_on_the_decimal_point():
    text = format_table(["n", "x", "money", "k"],
                        [(1, 4.0, 19870000000.0, None), (2, 7.2, 1234567.5, float("nan")), (30, -12.35, None, 1.5)])
    lines = text.splitlines()[2:5]
    # 4 beside 7.2 reads 4.00 beside 7.20; integers stay integers; NULL stays empty, NaN as NaN
    assert [line.split()[:2] for line in lines] == [["1", "4.00"], ["2", "7.20"], ["30", "-12.35"]]
    assert "19,870,000,000.00" in lines[0] and "1,234,567.50" in lines[1]
    points = {line.index(".", line.index(" ")) for line in lines}  # x's decimal points, one column
    assert len(points) == 1
    assert lines[1].endswith("NaN") and lines[2].endswith("1.5")


def test_csv_prints_whole_floats_without_a_decimal_point(marts_file, capsys):
    assert main(["sql", "--db", str(marts_file), "--csv",
                 "SELECT 19870000000.0::DOUBLE AS v, 7.2::DOUBLE AS g, 4::DOUBLE AS w, NULL AS n, [1, 2] AS l, true AS b"]) == 0
    assert capsys.readouterr().out.splitlines() == ["v,g,w,n,l,b", "19870000000,7.2,4,,\"[1, 2]\",true"]


def test_ledger_sql_prints_a_table(marts_file, capsys):
    assert main(["sql", "--db", str(marts_file),
                 "SELECT region_name, yoy_pct, rank_by_growth FROM county_investment_league "
                 "WHERE prefecture_name = '邢台市' AND period = '2023-01..2023-06' ORDER BY rank_by_growth, region_name"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["region_name", "yoy_pct", "rank_by_growth"]
    assert [line.split()[0] for line in out[2:-1]] == ["威县", "南和区", "宁晋县", "清河县", "临西县", "内丘县"]
    assert out[-1] == "(6 rows)"


def test_ledger_sql_csv_and_file(marts_file, capsys, tmp_path):
    query = tmp_path / "q.sql"
    query.write_text("SELECT region_name, times_bottom, contests_bottom FROM ranking_league "
                     "WHERE times_bottom >= 2 ORDER BY region_name;\n", encoding="utf-8")
    assert main(["sql", "--db", str(marts_file), "--csv", "-f", str(query)]) == 0
    got = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert got == [["region_name", "times_bottom", "contests_bottom"],
                   ["临西县", "2", "[经济运行, 项目建设竞赛]"], ["内丘县", "2", "[项目建设竞赛]"]]


def test_ledger_sql_json(marts_file, capsys):
    assert main(["sql", "--db", str(marts_file), "--json",
                 "SELECT region_name, times_bottom, contests_bottom, NULL AS nothing, 'nan'::DOUBLE AS nan, "
                 "DATE '2023-06-30' AS d, 1.50::DECIMAL(4, 2) AS dec FROM ranking_league "
                 "WHERE times_bottom >= 2 ORDER BY region_name"]) == 0
    text = capsys.readouterr().out
    assert "临西县" in text  # UTF-8 as is, not \u escapes
    assert json.loads(text) == [
        {"region_name": "临西县", "times_bottom": 2, "contests_bottom": ["经济运行", "项目建设竞赛"], "nothing": None,
         "nan": None, "d": "2023-06-30", "dec": 1.5},
        {"region_name": "内丘县", "times_bottom": 2, "contests_bottom": ["项目建设竞赛"], "nothing": None,
         "nan": None, "d": "2023-06-30", "dec": 1.5}]
    assert main(["sql", "--db", str(marts_file), "--json", "SELECT 1 AS one WHERE false"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    # repeated column names keep every column; a control character stays escaped on its line
    assert main(["sql", "--db", str(marts_file), "--json", "SELECT 1 AS a, 2 AS a, 'x' || chr(10) || chr(27) AS t"]) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[1] == '{"a": 1, "a_1": 2, "t": "x\\n\\u001b"}'
    assert json.loads(text) == [{"a": 1, "a_1": 2, "t": "x\n\x1b"}]


def test_ledger_sql_parquet(marts_file, capsys, tmp_path):
    target = tmp_path / "league.parquet"
    query = "SELECT * FROM county_investment_league ORDER BY ALL"
    assert main(["sql", "--db", str(marts_file), "--parquet", str(target), query]) == 0
    # the published file through ledger sql's own (sandboxed) connection; the Parquet file through
    # a separate in-memory database (one process cannot hold the file under two configurations)
    expected = run_query(marts_file, query)[1]
    con = duckdb.connect()
    assert capsys.readouterr().err.strip() == f"{len(expected)} rows written to {target}"
    assert con.execute(f"SELECT * FROM read_parquet('{target}')").fetchall() == expected  # same rows, same order
    assert (con.execute(f"DESCRIBE SELECT * FROM read_parquet('{target}')").fetchall()
            == run_query(marts_file, f"DESCRIBE {query}")[1])  # same columns and types
    assert pl.read_parquet(target).height == len(expected) > 0
    # an error writes nothing and leaves the file there alone; no temp file is left
    assert main(["sql", "--db", str(marts_file), "--parquet", str(target), "SELECT * FROM no_such_table"]) == 1
    assert "no_such_table" in capsys.readouterr().err
    assert main(["sql", "--db", str(marts_file), "--parquet", str(tmp_path / "none" / "x.parquet"), "SELECT 1"]) == 2
    assert "cannot write" in capsys.readouterr().err
    assert con.execute(f"SELECT count(*) FROM read_parquet('{target}')").fetchall() == [(len(expected),)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["league.parquet"]
    with pytest.raises(SystemExit):  # one output at a time
        main(["sql", "--db", str(marts_file), "--csv", "--parquet", str(target), "SELECT 1"])


def test_ledger_sql_is_read_only_and_reports_errors(marts_file, capsys):
    assert main(["sql", "--db", str(marts_file), "DROP TABLE coverage"]) == 1
    assert "read-only" in capsys.readouterr().err
    assert main(["sql", "--db", str(marts_file), "SELECT * FROM no_such_table"]) == 1
    assert "no_such_table" in capsys.readouterr().err
    assert main(["sql", "--db", str(marts_file), "SELECT count(*) AS n FROM coverage"]) == 0
    assert capsys.readouterr().out.splitlines()[2].strip() == "10"


def test_ledger_sql_without_a_published_file_says_what_to_do(tmp_path, capsys):
    assert main(["sql", "--db", str(tmp_path / "none.duckdb"), "SELECT 1"]) == 2
    assert "ledger run" in capsys.readouterr().err
    assert main(["sql", "--db", str(tmp_path / "none.duckdb")]) == 2


def test_ledger_sql_reads_the_published_samples(samples_run, capsys):
    example = REPO / "sql" / "examples" / "top10_investment_growth_xingtai.sql"
    assert main(["sql", "--db", str(samples_run["marts"]), "-f", str(example)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:3] == ["rank", "region_name", "yoy_pct"] and out[-1].endswith("rows)")


def test_ledger_leagues_prints_the_latest_league_of_each_prefecture(marts_file, capsys):
    assert main(["leagues", "--db", str(marts_file)]) == 0
    out = capsys.readouterr().out
    investment = out.split("Headline growth")[0].strip().splitlines()
    rows = [line.split() for line in investment if line.startswith(("邢台市", "衡水市", "太原市"))]
    # the latest period only (H1, not Q1), ranked by growth, the tie shared (then by value)
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        ("邢台市", "2023-01..2023-06", "1", "威县"), ("邢台市", "2023-01..2023-06", "2", "宁晋县"),
        ("邢台市", "2023-01..2023-06", "2", "南和区"), ("邢台市", "2023-01..2023-06", "4", "清河县"),
        ("邢台市", "2023-01..2023-06", "5", "临西县"), ("邢台市", "2023-01..2023-06", "内丘县", "38.9"),
        ("衡水市", "2023-01..2023-06", "1", "景县"), ("衡水市", "2023-01..2023-06", "2", "深州市"),
        ("太原市", "2023-01..2023-06", "1", "清徐县")]
    assert "retail_sales" in out and "league.html" in out


def test_ledger_leagues_says_how_many_report_and_shows_the_reported_rank(marts_file, capsys):
    assert main(["leagues", "--db", str(marts_file)]) == 0
    out = capsys.readouterr().out
    investment, growth = out.split("Headline growth")
    # every row carries its league's k of N; the coverage block gives each league once
    assert investment.count("6 of 6") == 6 + 1 and "2 of 2" in investment and "1 of 1" in investment
    coverage = investment.split("Coverage of each league")[1].strip().splitlines()[1:]
    assert [line.split() for line in coverage] == [
        ["邢台市", "2023-01..2023-06", "6", "of", "6"], ["衡水市", "2023-01..2023-06", "2", "of", "2"],
        ["太原市", "2023-01..2023-06", "1", "of", "1"]]
    # 清河 alone in 邢台's retail league: partial, and its stated 全市第2 contradicts the computed 1
    qinghe = next(line for line in growth.splitlines() if "retail_sales" in line and "清河县" in line)
    assert "全市第2 ≠" in qinghe and "1 of 6" in qinghe and "true" in qinghe
    assert re.search(r"邢台市 retail_sales 2023-01..2023-06 +1 of 6  partial", growth)
    # 宁晋's stated first place agrees with its computed rank: no mark
    ningjin = next(line for line in investment.splitlines() if "宁晋县" in line)
    assert "全市第1" in ningjin and "≠" not in ningjin
    assert out.strip().splitlines()[-1] == "No file quarantined."


def test_ledger_leagues_names_the_quarantined_files_in_its_last_line(tmp_path, capsys):
    from datetime import datetime, timezone

    from ledger import warehouse as wh

    now = datetime.now(timezone.utc)
    path = tmp_path / "q.duckdb"
    con = fixture.build(path)
    wh.insert_rows(con, "quarantined_files", [
        dict(file_name="scan.pdf", sha256="0" * 64, size_bytes=10, reason="binary", detail="a PDF", quarantined_at=now),
        dict(file_name="empty.md", sha256="1" * 64, size_bytes=0, reason="empty", detail="no bytes", quarantined_at=now)])
    con.close()
    assert main(["leagues", "--db", str(path)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("2 files quarantined") and "empty.md (empty)" in last and "scan.pdf (binary)" in last


def test_ledger_leagues_without_a_published_file(tmp_path, capsys):
    assert main(["leagues", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "ledger run" in capsys.readouterr().err
