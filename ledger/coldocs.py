"""Column descriptions: one source, the tables of ``sql/README.md``.

Every relation has a section ``### `name` — …`` with a table ``| column | type | meaning |``
(a row may name several columns: ``| value, unit | DOUBLE, VARCHAR | … |``). A section that
says "The same columns as `other`" starts from that relation's columns. The Dagster assets
read their column descriptions from here (``orchestration/coldocs.py`` turns them into
TableSchema metadata) and a test checks that every column of every relation is documented, so
the README an analyst reads and the asset pages in the UI say the same thing. No Dagster here.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import NamedTuple, Optional

from ledger.config import SQL_DIR

README = SQL_DIR / "README.md"

_SECTION = re.compile(r"^### `(\w+)`", re.M)
_ROW = re.compile(r"^\|\s*([a-z_0-9, ]+?)\s*\|\s*([^|]*?)\s*\|\s*(.*?)\s*\|\s*$")
_SAME_AS = re.compile(r"[Tt]he same columns as `(\w+)`")


class Column(NamedTuple):
    name: str
    type: str
    description: str


def parse(text: str) -> dict[str, list[Column]]:
    """relation -> its documented columns, in the order the README lists them."""
    out: dict[str, list[Column]] = {}
    parts = _SECTION.split(text)
    for name, body in zip(parts[1::2], parts[2::2]):
        body = body.split("\n## ")[0]
        cols: dict[str, Column] = {}
        same = _SAME_AS.search(body)
        if same and same.group(1) in out:
            cols.update((c.name, c) for c in out[same.group(1)])
        for line in body.splitlines():
            m = _ROW.match(line.replace("\\|", "¦"))
            if not m or m.group(1) == "column":
                continue
            names = [n.strip() for n in m.group(1).split(",") if n.strip()]
            types = [t.strip() for t in m.group(2).split(",")]
            if len(types) != len(names):
                types = [m.group(2).strip()] * len(names)
            meaning = m.group(3).replace("¦", "|").strip()
            for n, t in zip(names, types):
                cols[n] = Column(n, t, meaning or n.replace("_", " "))
        out[name] = list(cols.values())
    return out


@functools.lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int) -> dict[str, list[Column]]:
    return parse(Path(path).read_text(encoding="utf-8"))


def documented(path: Optional[Path] = None) -> dict[str, list[Column]]:
    """Every relation's documented columns (sql/README.md unless ``path``)."""
    p = Path(path or README)
    return _load(str(p), p.stat().st_mtime_ns)


def descriptions(relation: str) -> dict[str, str]:
    """column -> description for one relation ({} when it is not documented)."""
    return {c.name: c.description for c in documented().get(relation, [])}
