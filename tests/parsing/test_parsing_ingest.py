"""The parser inside the real ingest steps: a real inbox, a real DuckDB file."""
from __future__ import annotations

import shutil

import duckdb

from ledger import ingest
from ledger import warehouse as wh
from tests.parsing.conftest import FIXTURES


def test_bad_files_are_quarantined_the_run_goes_on_and_a_fixed_file_is_processed(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("scraped_page.txt", "newspaper_page.txt", "story_original.txt", "story_spun.txt",
                 "broken_front_matter_unclosed.md", "broken_html.html", "furniture_only.txt"):
        shutil.copy(FIXTURES / name, inbox / name)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (inbox / "page_gb18030.txt").write_bytes((FIXTURES / "jekyll_post.md").read_text("utf-8").encode("gb18030"))
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    wh.ensure_schema(con)
    ingest.inventory(con, inbox)
    res = ingest.parse_pending(con, inbox)
    reasons = dict(con.execute("SELECT file_name, reason FROM quarantined_files").fetchall())
    assert reasons == {"broken_front_matter_unclosed.md": "broken_front_matter", "broken_html.html": "broken_html",
                       "furniture_only.txt": "no_text", "empty.txt": "empty", "picture.txt": "binary"}
    assert all(d for (d,) in con.execute("SELECT detail FROM quarantined_files").fetchall())
    per_file = dict(con.execute("SELECT source_file, count(*) FROM articles GROUP BY 1").fetchall())
    assert per_file == {"scraped_page.txt": 1, "newspaper_page.txt": 4, "story_original.txt": 1,
                        "story_spun.txt": 1, "page_gb18030.txt": 1}
    assert res.duplicates == 1
    spun_of = con.execute("SELECT duplicate_of FROM articles WHERE source_file = 'story_spun.txt'").fetchall()[0][0]
    orig = con.execute("SELECT article_id FROM articles WHERE source_file = 'story_original.txt'").fetchall()[0][0]
    assert spun_of == orig
    assert con.execute("SELECT encoding FROM articles WHERE source_file = 'page_gb18030.txt'").fetchall()[0][0] == "gb18030"

    # the user fixes the header and drops the file again under the same name
    fixed = (FIXTURES / "broken_front_matter_unclosed.md").read_text("utf-8").replace(
        "+0800\n", "+0800\n---\n", 1)
    (inbox / "broken_front_matter_unclosed.md").write_text(fixed, encoding="utf-8")
    ingest.inventory(con, inbox)
    ingest.parse_pending(con, inbox)
    assert con.execute("SELECT count(*) FROM quarantined_files WHERE file_name = 'broken_front_matter_unclosed.md'"
                       ).fetchall()[0][0] == 0
    assert con.execute("SELECT title FROM articles WHERE source_file = 'broken_front_matter_unclosed.md'"
                       ).fetchall() == [("没有结束的头部",)]
    con.close()


def test_deleting_an_original_relinks_its_copies_at_the_next_inventory(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("story_original.txt", "story_other_outlet.txt", "story_spun.txt"):
        shutil.copy(FIXTURES / name, inbox / name)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    wh.ensure_schema(con)
    ingest.inventory(con, inbox)
    ingest.parse_pending(con, inbox)
    links = dict(con.execute("SELECT source_file, duplicate_of FROM articles").fetchall())
    assert links["story_original.txt"] is None
    assert links["story_spun.txt"] is not None and links["story_other_outlet.txt"] is not None

    (inbox / "story_original.txt").unlink()
    ingest.inventory(con, inbox)  # nothing new to parse: the inventory itself repairs the links
    links = dict(con.execute("SELECT source_file, duplicate_of FROM articles").fetchall())
    assert set(links) == {"story_other_outlet.txt", "story_spun.txt"}
    originals = [f for f, d in links.items() if d is None]
    assert len(originals) == 1
    ids = dict(con.execute("SELECT source_file, article_id FROM articles").fetchall())
    copy = next(f for f in links if f not in originals)
    assert links[copy] == ids[originals[0]]
    con.close()


def test_a_file_still_being_written_is_quarantined_then_processed_once_it_holds_still(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    target = inbox / "story_original.txt"
    full = (FIXTURES / "story_original.txt").read_bytes()
    target.write_bytes(full[: len(full) // 2])
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    wh.ensure_schema(con)
    ingest.inventory(con, inbox)
    target.write_bytes(full)  # the writer goes on after the inventory saw the file
    ingest.parse_pending(con, inbox)
    assert con.execute("SELECT reason FROM quarantined_files").fetchall() == [("still_growing",)]
    assert con.execute("SELECT status FROM raw_files").fetchall() == [("pending",)]
    assert con.execute("SELECT count(*) FROM articles").fetchall() == [(0,)]

    ingest.inventory(con, inbox)  # the next run sees the finished file
    ingest.parse_pending(con, inbox)
    assert con.execute("SELECT count(*) FROM quarantined_files").fetchall() == [(0,)]
    assert con.execute("SELECT status FROM raw_files").fetchall() == [("parsed",)]
    assert con.execute("SELECT count(*) FROM articles").fetchall() == [(1,)]
    con.close()
