"""What analysts open: the published DuckDB copy reads in DuckDB 1.x and in the project's DuckDB
CLI; the Parquet files beside it equal the published relations; both are replaced atomically
and left alone when nothing changed. Real `ledger run`s, real DuckDB and Parquet files."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from ledger import publish
from ledger import warehouse as wh
from ledger.cli import main
from tests.marts import old_duckdb
from tests.orchestration.helpers import write_articles

ANALYST_TABLES = {"metric_facts", "rankings", "regions", "articles"}


@pytest.fixture(scope="module")
def reference(samples_run) -> dict:
    """The published copy of the samples as the project's own duckdb reads it."""
    return old_duckdb.dump(sys.executable, samples_run["marts"])


@pytest.mark.parametrize("spec", ["1.4.*", "1.0.0"])
def test_an_older_duckdb_reads_every_published_relation(samples_run, reference, spec):
    python = old_duckdb.python_with_duckdb(spec)
    got = old_duckdb.dump(python, samples_run["marts"])
    assert got["version"].startswith(spec.rstrip("*"))
    assert sorted(got["tables"]) == sorted(publish.relations())
    assert set(wh.mart_names()) | ANALYST_TABLES <= set(got["tables"])
    assert "change_log" not in got["tables"] and "build_state" not in got["tables"]
    for name, table in got["tables"].items():
        assert table == reference["tables"][name], name
    assert all(reference["tables"][m]["rows"] for m in wh.mart_names())  # the marts are not empty
    # the live warehouse stays on the current storage format, which the old client cannot read
    assert "version number" in (old_duckdb.open_error(python, samples_run["warehouse"]) or "")


def _relation_sql(file_name: str) -> str:
    """The query over the published copy a Parquet file must equal."""
    name = file_name.removesuffix(".parquet")
    if name == "articles_text":
        return "SELECT " + ", ".join(publish.TEXT_KEY + publish.TEXT_COLUMNS) + " FROM articles"
    if name == "articles":
        return "SELECT * EXCLUDE (" + ", ".join(publish.BODY_COLUMNS) + ") FROM articles"
    return f"SELECT * FROM {name}"


def _utc(frame: pl.DataFrame) -> pl.DataFrame:
    """Zoned timestamps in UTC (DuckDB hands them over in the session's zone name, 'Etc/UTC' here;
    Parquet stores UTC): the same instants either way."""
    return frame.with_columns(pl.col(c).dt.convert_time_zone("UTC") for c, t in frame.schema.items()
                              if isinstance(t, pl.Datetime) and t.time_zone)


def test_parquet_files_equal_the_published_relations(samples_run):
    folder = publish.parquet_dir(samples_run["marts"])
    assert folder.is_symlink()
    assert sorted(p.name for p in folder.iterdir()) == sorted(publish.parquet_files())
    expected = {f"{m}.parquet" for m in [*wh.mart_names(), *ANALYST_TABLES]} | {"articles_text.parquet"}
    assert set(publish.parquet_files()) == expected
    con = duckdb.connect(str(samples_run["marts"]), read_only=True)
    for file_name in publish.parquet_files():
        path = folder / file_name
        sql = _relation_sql(file_name)
        parquet = f"read_parquet('{path}')"
        # DuckDB: same columns and types, the same rows (as multisets)
        assert con.execute(f"DESCRIBE {sql}").fetchall() == con.execute(f"DESCRIBE SELECT * FROM {parquet}").fetchall()
        n = con.execute(f"SELECT count(*) FROM ({sql})").fetchall()[0][0]
        assert con.execute(f"SELECT count(*) FROM {parquet}").fetchall()[0][0] == n > 0, file_name
        for a, b in ((sql, f"SELECT * FROM {parquet}"), (f"SELECT * FROM {parquet}", sql)):
            assert con.execute(f"SELECT count(*) FROM ({a} EXCEPT ALL {b})").fetchall()[0][0] == 0, file_name
        # polars, as a notebook reads it: equal to the relation, row for row
        assert_frame_equal(_utc(pl.read_parquet(path)), _utc(pl.from_arrow(con.sql(sql).to_arrow_table())))
    text_cols = pl.read_parquet(folder / "articles.parquet").columns
    assert "text" not in text_cols and "paragraphs" not in text_cols and "title" in text_cols


def test_the_projects_duckdb_cli_opens_the_published_copy_read_only(samples_run):
    cli = Path(sys.executable).parent / "duckdb"
    assert cli.exists(), "the duckdb-cli package (pyproject) puts the DuckDB shell beside python"
    run = subprocess.run([str(cli), "-readonly", "-csv", str(samples_run["marts"]),
                          "SELECT count(*) AS n FROM coverage"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    con = duckdb.connect(str(samples_run["marts"]), read_only=True)
    assert run.stdout.split() == ["n", str(con.execute("SELECT count(*) FROM coverage").fetchall()[0][0])]
    write = subprocess.run([str(cli), "-readonly", str(samples_run["marts"]), "DROP TABLE coverage"],
                           capture_output=True, text=True, timeout=60)
    assert write.returncode != 0 and "read-only" in (write.stderr + write.stdout)


def _state(folder: Path, marts: Path) -> tuple:
    return os.readlink(folder), marts.stat().st_mtime_ns, marts.stat().st_ino


def test_publishing_is_atomic_and_skipped_when_nothing_changed(tmp_path):
    inbox, warehouse, marts = tmp_path / "inbox", tmp_path / "w.duckdb", tmp_path / "w.marts.duckdb"
    folder = publish.parquet_dir(marts)
    run = ["run", "--inbox", str(inbox), "--warehouse", str(warehouse), "--marts", str(marts), "--quiet"]
    write_articles(inbox, 3)
    assert main(run) == 0
    first = _state(folder, marts)
    with duckdb.connect(str(marts), read_only=True) as held:  # an analyst holding the copy open
        assert main(run) == 0  # nothing new: neither the copy nor the Parquet folder is rewritten
        assert _state(folder, marts) == first
        write_articles(inbox, 1, start=3)
        assert main(run) == 0
        second = _state(folder, marts)
        assert second[0] != first[0] and second[2] != first[2]  # a new folder linked, a new file renamed in
        assert held.execute("SELECT count(*) FROM articles").fetchall() == [(3,)]  # the held copy is whole
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{folder}/articles.parquet')").fetchall() == [(4,)]
    # the folder before stays one publish (a reader listing it a moment ago can still open its
    # files); no temp file or folder is left
    assert (tmp_path / first[0]).is_dir()
    assert not list(tmp_path.glob(".*.tmp")) and not list(tmp_path.glob("*.wal"))
    write_articles(inbox, 1, start=4)
    assert main(run) == 0
    hidden = sorted(p.name for p in tmp_path.glob(f".{folder.name}.*"))
    assert hidden == sorted([os.readlink(folder), second[0]])  # the oldest folder is gone
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{folder}/articles_text.parquet')").fetchall() == [(5,)]


def _more_articles_than_a_row_group(tmp_path):
    """A warehouse (marts built) with a row group's worth of articles and 1,000 more."""
    from ledger import marts

    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    wh.ensure_schema(con)
    n = publish.ROW_GROUP_ROWS + 1000
    con.execute(f"""INSERT INTO articles (article_id, source_file, source_sha256, position, text, n_chars, simhash,
                                          ingested_at)
                    SELECT printf('%016d', i), printf('f%06d.txt', i), repeat('0', 64), 0, md5(i::varchar), 32, i, now()
                    FROM range({n}) r(i)""")
    for name in wh.mart_names():
        marts.build_mart(con, name, force_full=True)
    return con, n


def test_the_published_copy_is_written_in_small_row_groups(tmp_path):
    """A row group is checkpointed in memory: with DuckDB's default (122,880 rows) the article text
    of 100k real-size articles (~1 GB) exceeded a run's memory limit and the publish step failed.
    The copy is written in groups of publish.ROW_GROUP_ROWS rows."""
    con, n = _more_articles_than_a_row_group(tmp_path)
    out = publish.publish_database(con, tmp_path / "w.marts.duckdb")
    con.close()
    with duckdb.connect(str(out), read_only=True) as pub:
        assert pub.execute("SELECT count(*) FROM articles").fetchall() == [(n,)]
        groups = pub.execute("SELECT row_group_id, max(count) FROM pragma_storage_info('articles') "
                             "GROUP BY row_group_id").fetchall()
    assert len(groups) >= 2 and max(c for _, c in groups) <= publish.ROW_GROUP_ROWS


def test_the_parquet_files_are_written_in_small_row_groups(tmp_path):
    """The Parquet writer holds a row group in memory too (the 100k run's export of articles_text
    failed with DuckDB's default of 122,880 rows)."""
    con, n = _more_articles_than_a_row_group(tmp_path)
    folder = publish.publish_parquet(con, tmp_path / "parquet")
    con.close()
    meta = duckdb.sql(f"SELECT row_group_id, max(row_group_num_rows) FROM parquet_metadata('{folder}/articles_text.parquet') "
                      "GROUP BY row_group_id").fetchall()
    assert len(meta) >= 2 and max(r for _, r in meta) <= publish.ROW_GROUP_ROWS
