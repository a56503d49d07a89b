"""Duplicates: exact copies and near-duplicates (same story from another outlet, spun rewrites).

This file is where the SimHash settings are justified:

* shingles are character 2-grams (ledger/parsing/ids.py);
* a spun rewrite (synonyms swapped the way mirror sites do, as in seed 003) of our fixture story
  and of every seed lands within ``MAX_HAMMING`` = 12 of its original (measured: 2-10), and the
  28 block-pair keys (certain up to distance 6) find them in DuckDB;
* unrelated county-economy articles (fixtures and seeds, all pairs) stay above 12 (measured
  minimum 22), and their 2-gram Jaccard similarity (at most 0.08) stays far below
  ``MIN_JACCARD`` = 0.5, which every spun copy reaches (0.6-0.92).
"""
from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone

import duckdb
import pytest

from ledger import warehouse as wh
from ledger.dedup import MAX_HAMMING, MIN_JACCARD, link_duplicates, relink_all
from ledger.parsing import parse_file
from ledger.parsing.ids import hamming, jaccard, simhash
from tests.parsing.conftest import FIXTURES, fixture_bytes

# the kind of swaps a "spinning" mirror makes (seed 003 reads 构建 for 实现, 收益 for 收入 ...)
SWAPS = [("实现", "构建"), ("要求", "拒绝"), ("增长", "快速增长"), ("完成", "已完成"), ("推进", "推展"),
         ("加快", "加紧"), ("重点", "重心"), ("改造", "改建"), ("下降", "减少"), ("优化", "改善"),
         ("审批", "审核"), ("开工", "动工"), ("确保", "保证"), ("保持", "维持"), ("运行", "运转"),
         ("带动", "推动"), ("介绍", "说明"), ("实施", "实行"), ("坚持", "坚决"), ("提升", "提高"),
         ("收入", "收益"), ("压缩", "缩短"), ("位居", "名列")]
STORY = ("story_original.txt", "story_other_outlet.txt", "story_spun.txt")
UNRELATED = ("scraped_page.txt", "jekyll_post.md", "newspaper_page.txt", "article_page.html", "traditional_page.txt")


def spin(text: str) -> str:
    for a, b in SWAPS:
        text = text.replace(a, b)
    return text


def one(name: str):
    [a] = parse_file(name, fixture_bytes(name)).articles
    return a


def corpus(seeds_dir=None) -> dict[str, str]:
    out = {}
    files = [FIXTURES / n for n in UNRELATED + ("story_original.txt",)]
    if seeds_dir is not None:
        files += sorted(seeds_dir.iterdir())
    for f in files:
        for a in parse_file(f.name, f.read_bytes()).articles:
            if a.n_chars >= 150:
                out[f"{f.name}:{a.position}"] = a.text
    return out


def test_fixture_story_copies_are_close_and_verified():
    orig, other, spun = (one(n) for n in STORY)
    assert orig.article_id != other.article_id != spun.article_id
    assert hamming(orig.simhash, other.simhash) <= 6
    assert hamming(orig.simhash, spun.simhash) <= MAX_HAMMING
    assert jaccard(orig.text, spun.text) >= MIN_JACCARD
    assert jaccard(orig.text, other.text) >= 0.9


def test_unrelated_articles_are_far_apart(request):
    seeds_dir = None
    try:
        seeds_dir = request.getfixturevalue("seeds_dir")
    except pytest.skip.Exception:
        pass
    texts = corpus(seeds_dir)
    hashes = {k: simhash(t) for k, t in texts.items()}
    for a, b in itertools.combinations(texts, 2):
        assert hamming(hashes[a], hashes[b]) > MAX_HAMMING, (a, b)
        assert jaccard(texts[a], texts[b]) < 0.25, (a, b)


def test_spun_seeds_stay_within_threshold(seeds_dir):
    texts = corpus(seeds_dir)
    for k, t in texts.items():
        s = spin(t)
        assert s != t
        assert hamming(simhash(t), simhash(s)) <= MAX_HAMMING, k
        assert jaccard(t, s) >= MIN_JACCARD, k


def _load(con, items):
    """Insert (file name, bytes) items one hour apart, linking after each file as ingest does."""
    t0 = datetime(2024, 5, 1, tzinfo=timezone.utc)
    linked = 0
    for i, (name, data) in enumerate(items):
        rows = []
        for a in parse_file(name, data).articles:
            r = a.row()
            r["ingested_at"] = t0 + timedelta(hours=i)
            rows.append(r)
        con.execute("BEGIN")
        wh.insert_rows(con, "articles", rows)
        linked += link_duplicates(con, [r["article_id"] for r in rows])
        con.execute("COMMIT")
    return linked


def _links(con):
    return dict(con.execute("SELECT source_file || ':' || position, duplicate_of FROM articles").fetchall())


@pytest.fixture()
def con(tmp_path):
    c = duckdb.connect(str(tmp_path / "w.duckdb"))
    wh.ensure_schema(c)
    yield c
    c.close()


def test_later_copies_point_at_the_earliest(con):
    items = [(n, fixture_bytes(n)) for n in ("scraped_page.txt",) + STORY + ("newspaper_page.txt",)]
    items.append(("same_bytes_other_name.txt", fixture_bytes("story_original.txt")))
    items.append(("spun_again.txt", spin(fixture_bytes("story_spun.txt").decode()).encode()))
    assert _load(con, items) == 4
    orig = one("story_original.txt").article_id
    links = _links(con)
    assert links["story_original.txt:0"] is None
    assert links["story_other_outlet.txt:0"] == orig
    assert links["story_spun.txt:0"] == orig
    assert links["same_bytes_other_name.txt:0"] == orig     # exact copy: same id, linked
    assert links["spun_again.txt:0"] == orig                # a copy of a copy points at the root
    assert all(links[k] is None for k in links if k.startswith(("scraped_page", "newspaper_page")))
    # idempotent, and a full recomputation agrees
    ids = [r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()]
    link_duplicates(con, ids)
    assert _links(con) == links
    relink_all(con)
    assert _links(con) == links


def test_short_texts_and_unrelated_stories_are_never_linked(con):
    page = fixture_bytes("newspaper_page.txt")
    assert _load(con, [("a.txt", page), ("b.txt", fixture_bytes("scraped_page.txt")),
                       ("c.txt", fixture_bytes("jekyll_post.md"))]) == 0
    assert set(_links(con).values()) == {None}


def test_spun_seeds_are_linked_to_their_originals_in_duckdb(con, seeds_dir):
    """Candidate keys find near-duplicates beyond the guaranteed distance too: every seed article
    and a spun copy of it, loaded later, must be linked (recall), and no original may be."""
    items = [(f.name, f.read_bytes()) for f in sorted(seeds_dir.iterdir())]
    items += [("spun_" + name, spin(data.decode("utf-8")).encode("utf-8")) for name, data in items]
    _load(con, items)
    links = _links(con)
    originals = {k: v for k, v in links.items() if not k.startswith("spun_")}
    assert set(originals.values()) == {None}
    ids = dict(con.execute("SELECT source_file || ':' || position, article_id FROM articles").fetchall())
    long_enough = {k for k, in con.execute(
        "SELECT source_file || ':' || position FROM articles WHERE n_chars >= 80 AND source_file LIKE 'spun_%'").fetchall()}
    assert len(long_enough) >= 8
    for k in long_enough:
        assert links[k] == ids[k[len("spun_"):]], k


def test_copies_of_a_deleted_original_are_relinked_to_the_earliest_remaining_copy(con):
    items = [(n, fixture_bytes(n)) for n in STORY]
    items.append(("exact_copy.txt", fixture_bytes("story_original.txt")))
    _load(con, items)
    # the original's file leaves the inbox (what ingest.inventory does with a deleted file)
    wh.delete_files(con, ["story_original.txt"])
    link_duplicates(con, [])
    links = _links(con)
    other = one("story_other_outlet.txt").article_id
    assert links["story_other_outlet.txt:0"] is None          # now the earliest copy
    assert links["story_spun.txt:0"] == other
    assert links["exact_copy.txt:0"] == other                 # was an exact copy of the deleted one


def test_the_articles_own_dateline_wins_over_a_site_clock_above_it():
    from ledger.parsing import parse_file

    page = ("欢迎访问某市统计局官方网站！\n2021-8-11 星期三 14:13:52 设为首页 加入收藏\n"
            "前三季度某市县域经济运行情况\n时间：2023年11月09日 来源：某市统计局\n"
            "今年以来，县域经济总体保持平稳运行，前三季度县域地区生产总值增长5.2%。\n")
    arts = parse_file("t.txt", page.encode("utf-8")).articles
    assert arts[0].published_at.startswith("2023-11-09")


def _random_story(seed: int, n: int = 600) -> str:
    import random

    rng = random.Random(seed)
    pool = "县域经济发展项目投资建设产业园区企业工业农业服务城乡居民收入消费市场就业改革开放创新科技生态环境交通"
    return "。".join("".join(rng.choice(pool) for _ in range(20)) for _ in range(n // 20)) + "。"


def test_each_new_article_is_verified_against_its_nearest_earlier_candidates_only(con, monkeypatch):
    """Texts that share most of their wording can all sit within MAX_HAMMING of a new article;
    the 2-gram check then runs against its MAX_VERIFY nearest earlier ones only, so a batch costs
    in proportion to itself, not to the table. A copy among the nearest is still found."""
    from ledger import dedup

    n_others = 3 * dedup.MAX_VERIFY
    items = [(f"other_{i:02d}.txt", f"通报{i}\n\n{_random_story(i)}".encode()) for i in range(n_others)]
    original = _random_story(999)
    items.append(("original.txt", f"通报\n\n{original}".encode()))
    _load(con, items)
    # every earlier article within a few bits of one fingerprint; the original the nearest
    base = 0x0F0F_3C3C_5A5A_6969
    con.execute("UPDATE articles SET simhash = ? WHERE source_file = 'original.txt'", [base])
    for i in range(n_others):
        con.execute("UPDATE articles SET simhash = ? WHERE source_file = ?",
                    [base ^ ((1 << (i % 5 + 1)) - 1) << 3, f"other_{i:02d}.txt"])   # 1-5 bits away
    calls = []
    real = dedup._jaccard_keys
    monkeypatch.setattr(dedup, "_jaccard_keys", lambda x, y: calls.append(1) or real(x, y))
    copy = [a.row() for a in parse_file("copy.txt", f"通报\n\n{original}再次转载。".encode()).articles]
    for r in copy:
        r["ingested_at"] = datetime(2024, 6, 1, tzinfo=timezone.utc)
        r["simhash"] = base ^ 1
    con.execute("BEGIN")
    wh.insert_rows(con, "articles", copy)
    assert link_duplicates(con, [r["article_id"] for r in copy]) == 1
    con.execute("COMMIT")
    assert 1 <= len(calls) <= dedup.MAX_VERIFY
    links = _links(con)
    assert links["copy.txt:0"] == one_id(con, "original.txt")
    assert all(links[f"other_{i:02d}.txt:0"] is None for i in range(n_others))


def one_id(con, name):
    return con.execute("SELECT article_id FROM articles WHERE source_file = ?", [name]).fetchall()[0][0]
