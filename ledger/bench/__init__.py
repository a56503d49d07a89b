"""The benchmark: a seeded corpus with known facts (corpus), the naive script a user
writes first (baseline), and the runner behind ``ledger bench`` (run).

Only the command-line arguments live here, so ``ledger --help`` does not load the benchmark."""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path


def add_arguments(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--n", type=int, default=1000, help="articles in the generated corpus (default 1000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workdir", default=str(Path(tempfile.gettempdir()) / "ledger-bench"),
                    help="where the corpus and warehouses go (corpora are reused across runs)")
    ap.add_argument("--skip", default="", help="comma list of steps to skip: e2e,incr,latency,sql,score,alone,bound,baseline")
    ap.add_argument("--score-files", type=int, default=0,
                    help="score an evenly spaced sample of this many files (0 = all)")
    ap.add_argument("--json-out", help="also write the JSON result to this file")
    ap.add_argument("--sizes", choices=("real", "short"), default="real",
                    help="sizes of the generated articles: real (log-normal fitted to real pages of 3-20 KB, "
                         "the default) or short (~1.4 KB, the corpus before issue 14)")
    ap.add_argument("--from-folder", action="append", metavar="DIR",
                    help="instead of generating, multiply the pages of DIR (repeatable) to --n files, each "
                         "copy with its figures perturbed and a unique marker (speed only: no gold, no F1)")
    ap.add_argument("--bound-workers", type=int, default=0,
                    help="processes of the segmentation bound (default: as many as the pipeline's pool)")
