"""The benchmark's parts: the seeded corpus generator, its gold, the baseline, a tiny run.

Speed is never asserted here (that is what ``ledger bench`` prints); these check that the
workload is reproducible and well-formed and that the runner produces its figures.
"""
from __future__ import annotations

import json
import re
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


def test_map_batches_runs_the_next_batch_while_the_caller_handles_one():
    """Each batch comes back whole and in order; the next batch has been taken (and started on
    the pool) before the caller gets the current one, so the caller's writes overlap it."""
    from ledger.pipeline import map_batches

    events = []

    def batches():
        for b in range(3):
            events.append(f"take {b}")
            yield b, list(range(-300 * (b + 1), -300 * b))

    for tag, out in map_batches(abs, batches()):
        events.append(f"handle {tag}")
        assert out == [abs(x) for x in range(-300 * (tag + 1), -300 * tag)]
    assert events == ["take 0", "take 1", "handle 0", "take 2", "handle 1", "handle 2"]


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


# ---------------------------------------------------------------- real-size workloads (issue 14)

def test_real_size_articles_follow_the_real_page_distribution_with_the_same_gold(tmp_path):
    real = corpus.generate(tmp_path / "r" / "inbox", 60, seed=5)
    short = corpus.generate(tmp_path / "s" / "inbox", 60, seed=5, sizes="short")
    # the same figures, places and gold: only figure-free paragraphs were added
    assert real.gold.read_text(encoding="utf-8") == short.gold.read_text(encoding="utf-8")
    assert real.files == short.files and real.articles == short.articles
    per_article = sorted(len(_text(d).encode("utf-8")) for name, d in _read(real.inbox).items()
                         if not any(line["note"].startswith("generated paper") for line in _gold(real.gold)
                                    if line["type"] == "file" and line["file"] == name))
    median = per_article[len(per_article) // 2]
    assert 5 * 1024 < median < 13 * 1024          # log-normal fitted to 3-20 KB: median 7.7 KB
    assert real.bytes > 4 * short.bytes
    assert corpus.target_bytes(__import__("random").Random(1)) >= corpus.SIZE_CLIP_KB[0] * 1024
    with pytest.raises(ValueError):
        corpus.make_file(5, 0, sizes="huge")


def _pages(tmp_path: Path) -> Path:
    """A folder of three pages of our own, in the shapes real pages come in."""
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text("宁晋县2023年上半年经济运行情况\n\n2023-07-21 来源：宁晋县统计局\n\n"
                                  "上半年，宁晋县地区生产总值完成120.5亿元，同比增长6.1%，全市排名第3；"
                                  "固定资产投资完成45.2亿元，增长8.3%。\n", encoding="utf-8")
    (folder / "b.txt").write_text("清河县：羊绒产业稳中有进\n\n2022年8月5日\n\n今年1-7月，清河县规模以上工业增加值"
                                  "增长7.2%，一般公共预算收入完成15.36亿元。\n", encoding="utf-8")
    (folder / "c.txt").write_bytes("威县召开全县经济工作会议\n\n2021-01-10\n\n2020年，全县生产总值完成128亿元，"
                                   "增长4.5%。\n".encode("gb18030"))
    return folder


def test_a_folder_is_multiplied_with_perturbed_figures_and_no_two_files_alike(tmp_path):
    from ledger.bench import folder

    info = folder.ensure(tmp_path / "w", [_pages(tmp_path)], 12, seed=7)
    files = _read(Path(info["inbox"]))
    assert len(files) == info["files"] == 12 and info["source_pages"] == 3
    assert len(set(files.values())) == 12            # unique markers: no two files alike
    texts = [d.decode("utf-8") for _, d in sorted(files.items())]
    a0, a1 = texts[0], texts[3]                      # two copies of a.txt
    assert "2023" in a0 and "上半年" in a0 and "第3" in a0   # years, periods, ranks kept
    assert "120.5亿元" not in a0 or "120.5亿元" not in a1      # amounts perturbed
    assert re.search(r"完成\d+\.\d亿元", a0)                   # with their decimals
    assert info["articles"] == 12
    again = folder.ensure(tmp_path / "w", [tmp_path / "pages"], 12, seed=7)
    assert again["reused"] and _read(Path(again["inbox"])) == files


def test_bench_from_a_folder_measures_the_segmentation_bound_and_ratios(tmp_path, capsys):
    code = main(["--n", "24", "--workdir", str(tmp_path / "w"), "--from-folder", str(_pages(tmp_path)),
                 "--skip", "latency,incr,sql,baseline"])
    out = capsys.readouterr().out.strip().splitlines()
    res = json.loads(out[-1])
    assert code == 0 and res["e2e"]["rc"] == 0
    assert res["workload"]["kind"] == "folder" and res["corpus"]["files"] == 24
    assert "f1" not in res                           # perturbed figures: no gold to score
    b = res["bound"]
    assert b["seconds"] > 0 and b["tokens"] > 24 * 20 and b["mb_per_s"] > 0
    assert len(b["runs_seconds"]) == 2               # before and after parse/extract alone
    for step in ("parse", "extract", "parse_extract", "e2e"):
        # seconds are recorded rounded to 0.001 s: on so small a corpus the ratio is only roughly theirs
        assert res[step]["x_bound"] >= 0
        # both recorded to 0.001 s (and the ratio to 0.001): the ratio lies within what they allow
        bs, ss = b["seconds"], res[step]["seconds"]
        lo = max(bs - 0.0005, 0) / (ss + 0.0005) - 0.0005
        hi = (bs + 0.0005) / max(ss - 0.0005, 1e-9) + 0.0005
        assert lo <= res[step]["x_bound"] <= hi, (step, bs, ss, res[step]["x_bound"])
    assert any(line.startswith("segmentation bound") for line in out)
    assert any("ratio to the segmentation bound" in line for line in out)
