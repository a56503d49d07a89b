"""Drop-to-published latency with ``dagster dev`` running, and the cost of one sensor tick.

``python -m ledger.bench.latency`` (add ``--help`` for options):

1. tick     the inbox sensor's work (ledger.inventory.InboxWatch.tick: this package never
            imports dagster; the sensor adds one RunRequest to it) over an inbox of N files
            (default 10,000 written to a temp dir, or ``--tick-inbox DIR``, only read): the
            first tick (every file settled: all hashed, one batch), the tick that adopts that
            batch (a full scan), the steady-state tick (nothing changed, the usual cost: median
            of 5), a full scan (as every FULL_SCAN_SECONDS), and the tick after one new settled
            file (temp inbox only). Wall and CPU seconds.
2. latency  starts ``dagster dev -w workspace.yaml`` in its own session, with DAGSTER_HOME,
            LEDGER_INBOX, LEDGER_WAREHOUSE, LEDGER_MARTS and LEDGER_STATE in a temp dir; waits
            for a warm-up file to reach the published marts, then drops 5 files one at a time
            and times each from the rename into the inbox to the moment its facts can be read
            from the published copy (a read-only connection polled every 0.1 s). Stops dagster
            dev (SIGTERM to its process group, SIGKILL after 30 s): it is never left running.
            Then splits each drop's time by the run's records in DAGSTER_HOME (read as plain
            SQLite files): sensor (drop -> run created), plan (-> enqueued), queue (->
            dequeued), launch (-> run process started), run (-> success), seen (-> our read).

Prints a short table and, last, one JSON line. ``measure()`` is what ``ledger bench`` calls.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

from ledger.config import PROJECT_ROOT

COUNTIES = ["宁晋县", "清河县", "威县", "临西县", "南宫市", "沙河市", "隆尧县", "柏乡县", "景县", "故城县"]


def article(i: int, seed: int = 0) -> str:
    """An invented short county report with three figures (never real news text)."""
    rnd = random.Random(seed * 7919 + i)
    county = COUNTIES[i % len(COUNTIES)]
    year = 2019 + i % 5
    return (f"---\nlayout: post\ntitle: \"{county}{year}年上半年经济运行情况（测{i}）\"\n"
            f"date: {year}-07-{10 + i % 18:02d} 10:00:00 +0800\n---\n"
            f"<p>记者从{county}统计局获悉，{year}年上半年，{county}地区生产总值完成{rnd.uniform(60, 300):.1f}亿元，"
            f"同比增长{rnd.uniform(2, 9):.1f}%；固定资产投资完成{rnd.uniform(20, 120):.1f}亿元，"
            f"同比增长{rnd.uniform(1, 18):.1f}%。</p>\n<p>编号{i}-{seed}。</p>\n")


def _median(xs: list[float]) -> float:
    return round(statistics.median(xs), 4) if xs else float("nan")


# ---------------------------------------------------------------- sensor tick cost

def tick_cost(n_files: int = 10_000, workdir: Optional[Path] = None, repeats: int = 5,
              inbox: Optional[Path] = None) -> dict:
    """Seconds (wall and CPU) per evaluation of the inbox sensor's work (InboxWatch.tick, all of
    the sensor but building its RunRequest) over an inbox of ``n_files`` invented files, or over
    ``inbox`` (only read, never written)."""
    from ledger.inventory import SETTLE_SECONDS, InboxWatch

    base = Path(tempfile.mkdtemp(prefix="ledger-tick-", dir=workdir))
    try:
        own = inbox is None
        if own:
            inbox = base / "inbox"
            inbox.mkdir()
            past = time.time_ns() - int((SETTLE_SECONDS + 5) * 1e9)
            for i in range(n_files):
                f = inbox / f"f{i:06d}.md"
                f.write_text(article(i), encoding="utf-8")
                os.utime(f, ns=(past, past))  # settled: the first tick hashes every file
            os.utime(inbox, ns=(past, past))  # as an inbox last changed a while ago
        watch = InboxWatch(base / "state" / "inbox_watch.sqlite", inbox)
        gen = 0

        def tick(**kw) -> tuple[float, float, object]:
            nonlocal gen
            t0, c0 = time.perf_counter(), time.process_time()
            report = watch.tick(gen, **kw)
            dt, dc = time.perf_counter() - t0, time.process_time() - c0
            if report.batch is not None:
                gen = report.batch.gen  # as Dagster would commit the cursor with the run request
            return dt, dc, report

        first = tick()                  # every file settled: hashed once, one batch
        assert first[2].batch is not None, first[2].summary()
        adopt = tick()                  # adopts the committed batch: a full scan, nothing new
        steady = [tick() for _ in range(repeats)]  # nothing changed: no per-file work
        full = [tick(full_scan_s=0) for _ in range(3)]  # what every FULL_SCAN_SECONDS costs
        out = {"files": first[2].files, "first_tick_s": round(first[0], 3), "first_tick_cpu_s": round(first[1], 3),
               "adopt_tick_s": round(adopt[0], 3),
               "steady_tick_median_s": _median([t[0] for t in steady]),
               "steady_tick_median_cpu_s": _median([t[1] for t in steady]),
               "steady_ticks_quick": [not t[2].full_scan for t in steady],
               "full_scan_tick_median_s": _median([t[0] for t in full]),
               "full_scan_tick_median_cpu_s": _median([t[1] for t in full])}
        if own:
            new = inbox / "new.md"
            new.write_text(article(n_files + 1), encoding="utf-8")
            past = time.time_ns() - int((SETTLE_SECONDS + 1) * 1e9)
            os.utime(new, ns=(past, past))
            one = tick()
            out.update({"one_new_file_tick_s": round(one[0], 4),
                        "one_new_file_run_requests": int(one[2].batch is not None)})
        return out
    finally:
        shutil.rmtree(base, ignore_errors=True)


# ---------------------------------------------------------------- drop -> published

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _facts_published(marts: Path, name: str) -> bool:
    import duckdb

    if not marts.exists():
        return False
    try:
        con = duckdb.connect(str(marts), read_only=True)
    except duckdb.Error:
        return False
    try:
        return con.execute("SELECT count(*) FROM metric_facts WHERE source_file = ?", [name]).fetchall()[0][0] > 0
    except duckdb.Error:
        return False
    finally:
        con.close()


def _wait_published(marts: Path, name: str, timeout: float, proc: subprocess.Popen) -> Optional[float]:
    t_end = time.monotonic() + timeout
    while time.monotonic() < t_end:
        if _facts_published(marts, name):
            return time.monotonic()
        if proc.poll() is not None:
            raise RuntimeError(f"dagster dev exited with {proc.returncode}")
        time.sleep(0.1)
    return None


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    except ProcessLookupError:
        pass


def _utc(ts: str) -> float:
    """Epoch seconds of a naive UTC timestamp as Dagster's SQLite storage writes them."""
    from datetime import datetime, timezone

    return datetime.fromisoformat(ts).replace(tzinfo=timezone.utc).timestamp()


PHASES = ("sensor", "plan", "queue", "launch", "run", "seen")


def run_breakdown(home: Path, drops: list[tuple[str, float, float]]) -> list[dict]:
    """Where each drop's time went, from the run records Dagster kept in ``home`` (SQLite files
    under history/, read-only). ``drops``: (file name, epoch of the drop, epoch of our read)."""
    import sqlite3

    def ro(path: Path) -> sqlite3.Connection:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    con = ro(home / "history" / "runs.db")
    try:
        runs = con.execute("SELECT r.run_id, r.create_timestamp, t.value FROM runs r JOIN run_tags t "
                           "ON t.run_id = r.run_id AND t.key = 'ledger/files'").fetchall()
    finally:
        con.close()
    out = []
    for name, t_drop, t_seen in drops:
        mine = [(rid, created) for rid, created, files in runs if name in files.split(", ")]
        if not mine:
            out.append({"file": name, "error": "no run found"})
            continue
        rid, created = mine[0]
        ev = ro(home / "history" / "runs" / f"{rid}.db")
        try:
            marks = {}
            for kind, ts in ev.execute("SELECT dagster_event_type, timestamp FROM event_logs "
                                       "WHERE dagster_event_type IN ('PIPELINE_ENQUEUED', 'PIPELINE_STARTING', "
                                       "'PIPELINE_START', 'PIPELINE_SUCCESS', 'PIPELINE_FAILURE') ORDER BY id"):
                marks.setdefault(kind, _utc(ts))
        finally:
            ev.close()
        end = marks.get("PIPELINE_SUCCESS") or marks.get("PIPELINE_FAILURE")
        points = [t_drop, _utc(created), marks.get("PIPELINE_ENQUEUED"), marks.get("PIPELINE_STARTING"),
                  marks.get("PIPELINE_START"), end, t_seen]
        row: dict = {"file": name}
        for phase, a, b in zip(PHASES, points, points[1:]):
            row[phase] = round(b - a, 2) if a is not None and b is not None else None
        out.append(row)
    return out


# Dagster's sensor daemon evaluates sensors once per loop of this length (fixed in dagster)
DAEMON_LOOP_S = 5.0


def drop_latency(drops: int = 5, workdir: Optional[Path] = None, inbox: Optional[Path] = None,
                 warehouse: Optional[Path] = None, seed: int = 0, start: int = 900_000,
                 timeout: float = 180.0) -> dict:
    """Median seconds from a file's drop to its facts in the published marts, dagster dev running."""
    base = Path(tempfile.mkdtemp(prefix="ledger-latency-", dir=workdir))
    inbox = Path(inbox) if inbox else base / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    warehouse = Path(warehouse) if warehouse else base / "warehouse.duckdb"
    marts = base / "marts.duckdb"
    home = base / "dagster_home"  # with the project's instance settings (the warehouse pool)
    home.mkdir()
    shutil.copyfile(PROJECT_ROOT / "orchestration" / "dagster.yaml", home / "dagster.yaml")
    env = {**os.environ, "DAGSTER_HOME": str(home), "LEDGER_INBOX": str(inbox), "LEDGER_WAREHOUSE": str(warehouse),
           "LEDGER_MARTS": str(marts), "LEDGER_STATE": str(base / "state")}
    dagster = Path(sys.executable).with_name("dagster")
    log = open(base / "dagster_dev.log", "wb")
    t_start = time.monotonic()
    proc = subprocess.Popen([str(dagster), "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(_free_port())],
                            cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    dropped: list[Path] = []
    try:
        warm = inbox / f"latency_warmup_{seed}_{start}.md"
        warm.write_text(article(start, seed), encoding="utf-8")
        dropped.append(warm)
        if _wait_published(marts, warm.name, timeout * 2, proc) is None:
            raise RuntimeError(f"the warm-up file never reached {marts} (see {base / 'dagster_dev.log'})")
        startup = time.monotonic() - t_start
        latencies, stamps = [], []
        # Each drop waits an offset after the previous publish. A run takes about the same time
        # each drop, so the offsets decide where in the sensor daemon's 5 s loop the drops land:
        # spread evenly over the loop (stratified, in a seeded order), the drops sample it fairly;
        # independent random offsets can cluster (1.2, 1.2, 0.7, ...) and bias a 5-drop median.
        offsets = [(i + 0.5) * DAEMON_LOOP_S / drops for i in range(drops)]
        random.Random(seed).shuffle(offsets)
        for k in range(1, drops + 1):
            time.sleep(offsets[k - 1])
            f = inbox / f"latency_{seed}_{start + k}.md"
            tmp = inbox / f".{f.name}.part"  # written aside, renamed in: one complete drop
            tmp.write_text(article(start + k, seed), encoding="utf-8")
            t0, e0 = time.monotonic(), time.time()
            os.replace(tmp, f)
            dropped.append(f)
            t1 = _wait_published(marts, f.name, timeout, proc)
            if t1 is None:
                raise RuntimeError(f"{f.name} did not reach the published marts in {timeout:.0f} s")
            latencies.append(t1 - t0)
            stamps.append((f.name, e0, e0 + (t1 - t0)))
        _stop(proc)
        res = {"drops": drops, "median_s": _median(latencies), "min_s": round(min(latencies), 2),
               "max_s": round(max(latencies), 2), "latencies_s": [round(x, 2) for x in latencies],
               "startup_to_first_publish_s": round(startup, 1)}
        try:
            rows = run_breakdown(home, stamps)
            res["breakdown"] = rows
            res["breakdown_median_s"] = {ph: _median([r[ph] for r in rows if r.get(ph) is not None])
                                         for ph in PHASES}
        except Exception as exc:  # the split is a diagnosis; the latency stands without it
            res["breakdown_error"] = f"{type(exc).__name__}: {exc}"
        return res
    finally:
        _stop(proc)
        log.close()
        for f in dropped:
            f.unlink(missing_ok=True)
        if not os.environ.get("LEDGER_KEEP_LATENCY_DIR"):
            shutil.rmtree(base, ignore_errors=True)


def measure(workdir: Optional[Path] = None, inbox: Optional[Path] = None, warehouse: Optional[Path] = None,
            seed: int = 0, start: int = 900_000, drops: int = 5, tick_files: int = 10_000) -> dict:
    """Both measurements; the drop latency on ``inbox``/``warehouse`` when given (a copy of the
    warehouse is used, so the caller's file is never written by dagster dev)."""
    out: dict = {}
    if tick_files:
        out["sensor_tick"] = tick_cost(tick_files, workdir)
    wh_copy = None
    if warehouse and Path(warehouse).exists():
        wh_copy = Path(tempfile.mkdtemp(prefix="ledger-latency-wh-", dir=workdir)) / "warehouse.duckdb"
        shutil.copyfile(warehouse, wh_copy)
    try:
        out["drop_to_published"] = drop_latency(drops, workdir, inbox, wh_copy, seed, start)
    finally:
        if wh_copy:
            shutil.rmtree(wh_copy.parent, ignore_errors=True)
    return out


def main(argv: Optional[list[str]] = None) -> int:
    p = argparse.ArgumentParser(prog="python -m ledger.bench.latency", description=__doc__.split("\n\n")[0])
    p.add_argument("--drops", type=int, default=5)
    p.add_argument("--tick-files", type=int, default=10_000, help="inbox size for the tick cost (0: skip)")
    p.add_argument("--tick-inbox", type=Path, help="measure the tick over this existing inbox (only read)")
    p.add_argument("--skip-latency", action="store_true")
    args = p.parse_args(argv)
    res: dict = {"machine": {"cores": os.cpu_count(), "load_1min": round(os.getloadavg()[0], 2)}}
    if args.tick_files or args.tick_inbox:
        res["sensor_tick"] = t = tick_cost(args.tick_files, inbox=args.tick_inbox)
        print(f"sensor tick, {t['files']} files: steady {t['steady_tick_median_s'] * 1000:.1f} ms "
              f"({t['steady_tick_median_cpu_s'] * 1000:.1f} ms CPU, median of 5), full scan "
              f"{t['full_scan_tick_median_s']:.3f} s ({t['full_scan_tick_median_cpu_s']:.3f} s CPU), "
              f"first tick hashing all {t['first_tick_s']:.2f} s"
              + (f", one new file {t['one_new_file_tick_s']} s ({t['one_new_file_run_requests']} run request)"
                 if "one_new_file_tick_s" in t else ""))
    if not args.skip_latency:
        res["drop_to_published"] = d = drop_latency(args.drops)
        print(f"drop -> published marts (dagster dev): median {d['median_s']:.1f} s of {d['drops']} drops "
              f"{d['latencies_s']}; dagster dev start to first publish {d['startup_to_first_publish_s']} s")
        for row in d.get("breakdown", []):
            print("  " + row["file"] + ": " + ", ".join(f"{ph} {row.get(ph)}" for ph in PHASES))
        if d.get("breakdown_median_s"):
            print("  median: " + ", ".join(f"{ph} {v}" for ph, v in d["breakdown_median_s"].items()))
    res["machine"]["load_1min_after"] = round(os.getloadavg()[0], 2)
    print(json.dumps(res, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
