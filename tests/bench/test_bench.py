"""The benchmark's parts: the seeded corpus generator, its gold, the baseline, a tiny run.

Speed is never asserted here (that is what ``ledger bench`` prints); these check that the
workload is reproducible and well-formed and that the runner produces its figures.
"""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from ledger.bench import baseline, corpus
from ledger.bench.run import main, score
from ledger.pipeline import get_pool, parallel_map
from tests.conftest import SHARED

SCORER = SHARED / "eval" / "score.py"
GOLD_SEEDS = SHARED / "eval" / "gold_seeds.jsonl"


def _read(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> corpus.CorpusInfo:
    return corpus.generate(tmp_path_factory.mktemp("c") / "inbox", 120, seed=3)


def test_same_seed_same_bytes_and_gold(tmp_path, small):
    again = corpus.generate(tmp_path / "a" / "inbox", 120, seed=3)
    assert _read(again.inbox) == _read(small.inbox)
    assert again.gold.read_text(encoding="utf-8") == small.gold.read_text(encoding="utf-8")
    other = corpus.generate(tmp_path / "b" / "inbox", 120, seed=4)
    assert _read(other.inbox) != _read(small.inbox)


def test_a_bigger_corpus_starts_with_the_smaller_one(tmp_path, small):
    big = corpus.generate(tmp_path / "big" / "inbox", 300, seed=3)
    files_small, files_big = _read(small.inbox), _read(big.inbox)
    # every file but the last (whose article count is capped by n) is the same file
    for name in sorted(files_small)[:-1]:
        assert files_big[name] == files_small[name]
    assert big.articles == 300 and small.articles == 120


def test_every_shape_is_written(small):
    assert set(small.shapes) == set(corpus.SHAPES)
    files = _read(small.inbox)
    gb = [d for d in files.values() if not _is_utf8(d)]
    assert gb and all("县" in d.decode("gb18030") or "市" in d.decode("gb18030") for d in gb)
    assert any(d.startswith(b"---\nlayout: post\n") for d in files.values())
    assert any(b"<!DOCTYPE html>" in d for d in files.values())
    papers = [line for line in _gold(small.gold) if line["type"] == "file" and "paper" in line["note"]]
    assert papers and all("," in line["note"] for line in papers)  # several regions on a newspaper page
    assert small.articles == 120 and small.files < 120


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def test_gold_is_in_the_scorers_format_and_matches_the_text(small):
    lines = _gold(small.gold)
    files = _read(small.inbox)
    assert {line["file"] for line in lines} == set(files)
    fact_keys = {"type", "file", "region_code", "region_name", "metric", "period_start", "period_end", "kind",
                 "field", "number"}
    if GOLD_SEEDS.exists():
        seed_fact_keys = set().union(*(set(g) for g in _gold(GOLD_SEEDS) if g["type"] == "fact" and
                                       "period_any" not in g))
        assert fact_keys == seed_fact_keys
    facts = [line for line in lines if line["type"] == "fact"]
    assert len(facts) > 5 * small.articles
    for f in facts:
        assert set(f) == fact_keys
        assert f["kind"] in ("actual", "target") and f["field"] in ("value", "yoy_pct", "rank")
        assert len(f["period_start"]) == 7 and f["period_start"] <= f["period_end"]
        text = _text(files[f["file"]])
        assert f["region_name"] in text
        if f["field"] == "yoy_pct":  # the rate is printed as written: 9 / 9.5, sign as 增长 / 下降
            assert corpus.render_growth(f["number"]) + "%" in text
    rankings = [line for line in lines if line["type"] == "ranking"]
    assert all(r["bucket"] in ("top1", "top2", "bottom3") and isinstance(r["year"], int) for r in rankings)
    codes = {r.code for r in corpus.gazette().regions}
    assert all(f["region_code"] in codes for f in facts)


def _warehouse_from_gold(gold: list[dict], path: Path) -> None:
    """Perfect predictions: one metric_facts row per gold fact."""
    from ledger.warehouse import sql_text

    con = duckdb.connect(str(path))
    con.execute(sql_text("metric_facts"))
    con.execute(sql_text("rankings"))
    for g in gold:
        if g["type"] == "fact":
            con.execute(f"INSERT INTO metric_facts (source_file, article_id, region_code, region_name, metric, "
                        f"period_start, period_end, kind, {g['field']}) VALUES (?, 'a', ?, ?, ?, ?, ?, ?, ?)",
                        [g["file"], g["region_code"], g["region_name"], g["metric"], g["period_start"],
                         g["period_end"], g["kind"], g["number"]])
        elif g["type"] == "ranking":
            con.execute("INSERT INTO rankings (source_file, article_id, region_code, region_name, contest, year, "
                        "bucket) VALUES (?, 'a', ?, ?, ?, ?, ?)",
                        [g["file"], g["region_code"], g["region_name"], g["contest"], g["year"], g["bucket"]])
    con.close()


def test_the_scorer_reads_the_gold_and_grouped_scoring_adds_up(tmp_path, small):
    if not SCORER.exists():
        pytest.skip("../shared/eval/score.py is absent")
    gold = _gold(small.gold)
    wh = tmp_path / "perfect.duckdb"
    _warehouse_from_gold(gold, wh)
    s = score(wh, small.gold, group=40)
    assert s["facts_f1"] == 1.0 and s["rankings_f1"] == 1.0
    assert s["facts_gold"] == sum(g["type"] == "fact" for g in gold)
    # drop one file's facts: recall falls by exactly that file's share, in one group or many
    victim = sorted({g["file"] for g in gold if g["type"] == "fact"})[0]
    con = duckdb.connect(str(wh))
    con.execute("DELETE FROM metric_facts WHERE source_file = ?", [victim])
    con.close()
    lost = sum(g["type"] == "fact" and g["file"] == victim for g in gold)
    for group in (1000, 7):
        s = score(wh, small.gold, group=group)
        assert s["facts_tp"] == s["facts_gold"] - lost


def test_baseline_finds_some_facts_with_regions(tmp_path, small):
    out = tmp_path / "b.duckdb"
    res = baseline.run(small.inbox, out)
    assert res["files"] == small.files and res["facts"] > 0
    con = duckdb.connect(str(out), read_only=True)
    n_coded, n = con.execute("SELECT count(region_code), count(*) FROM metric_facts").fetchall()[0]
    con.close()
    assert n == res["facts"] and n_coded > n // 2


def test_the_pool_is_reused_and_keeps_order():
    items = list(range(-450, 0))
    assert parallel_map(abs, items, workers=2) == [abs(x) for x in items]
    pool = get_pool(2)
    assert parallel_map(abs, items, workers=2) == [abs(x) for x in items]
    assert get_pool(2) is pool


def _worker_state(_item=None) -> tuple[bool, int]:
    import os

    from ledger import pipeline

    return pipeline._warmed, os.getpid()


def test_the_fork_server_warms_up_once_for_its_workers():
    """The pool's fork server warms up when it imports ledger.pipeline with the flag set (the
    workers it forks start warm); this hook once went missing as 'dead code'."""
    import os
    import subprocess
    import sys

    from ledger import pipeline

    code = "import ledger.pipeline as p; print(p._warmed)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, pipeline._WARM_FLAG: "1"})
    assert out.stdout.strip() == "True"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_prestarted_pool_takes_small_batches_too():
    import os

    from ledger import pipeline

    assert pipeline.prestart_pool(2)
    try:
        states = parallel_map(_worker_state, [None] * 3, workers=2)
        assert all(warm for warm, _ in states) and all(pid != os.getpid() for _, pid in states)
    finally:
        pipeline.end_prestart()
    assert parallel_map(_worker_state, [None] * 3, workers=2)[0][1] == os.getpid()  # back to in-process


def test_tiny_bench_prints_its_json_line(tmp_path, capsys):
    code = main(["--n", "40", "--workdir", str(tmp_path), "--skip", "latency,incr,sql"])
    lines = capsys.readouterr().out.strip().splitlines()
    res = json.loads(lines[-1])
    assert code == 0 and res["e2e"]["rc"] == 0
    assert res["corpus"]["articles"] == 40
    for step in ("parse", "extract", "parse_extract", "e2e", "baseline"):
        assert res[step]["files_per_s"] > 0 and res[step]["seconds"] > 0
    assert res["e2e"]["peak_rss_tree_mb"] > 50 and res["e2e"]["warehouse_mb"] > 0
    if SCORER.exists():
        assert 0.0 <= res["f1"]["facts_f1"] <= 1.0 and res["f1"]["files_scored"] == res["corpus"]["files"]
    assert any(line.startswith("ledger run end to end") for line in lines)
