"""Record or check the SHA-256 of each cached page of the real-page batches.

    python tests/real_pages/checksums.py write [bN ...]   # write tests/real_pages/bN/pages.sha256
    python tests/real_pages/checksums.py check [bN ...]   # exit 1 if a cached page differs from its record

The page texts are third-party and live only in the git-ignored cache data/cache/real/<batch>/pages;
their hashes are committed, so a cache fetched again (from each page's URL and query in the batch's
manifest) can be checked to be the text the gold was annotated on.
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BATCHES = REPO / "tests" / "real_pages"
CACHE = REPO / "data" / "cache" / "real"


def digests(batch: str) -> dict[str, str]:
    pages = CACHE / batch / "pages"
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(pages.glob("*.txt"))}


def recorded(batch: str) -> dict[str, str]:
    path = BATCHES / batch / "pages.sha256"
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            sha, name = line.split(None, 1)
            out[name.strip()] = sha
    return out


def differences(batch: str) -> list[str]:
    """Cached pages whose text is not the recorded one (a page missing from the cache is no difference)."""
    rec, have = recorded(batch), digests(batch)
    return [name for name, sha in have.items() if name in rec and rec[name] != sha] + \
        [name for name in have if name not in rec]


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("write", "check"):
        print(__doc__)
        return 2
    batches = argv[1:] or sorted(p.name for p in CACHE.glob("b*") if (p / "pages").is_dir())
    bad = 0
    for b in batches:
        if argv[0] == "write":
            lines = [f"{sha}  {name}" for name, sha in digests(b).items()]
            (BATCHES / b / "pages.sha256").write_text("\n".join(lines) + "\n", encoding="utf-8")
            print(f"{b}: {len(lines)} pages recorded")
        else:
            diff = differences(b)
            bad += len(diff)
            print(f"{b}: {'ok' if not diff else 'differs: ' + ', '.join(diff)}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
