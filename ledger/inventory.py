"""The inbox inventory: which files are there, their size and content hash.

Hashing is the expensive part, so a file whose (size, mtime) matches what the
previous inventory recorded keeps its known sha256 without being read again.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional

# names that are never articles: editor swap files, partial downloads, hidden files
IGNORED_SUFFIXES = (".part", ".partial", ".crdownload", ".tmp", ".swp", "~")


@dataclass(frozen=True)
class FileEntry:
    file_name: str
    path: Path
    size_bytes: int
    mtime_ns: int
    sha256: str


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while True:
            block = fh.read(chunk)
            if not block:
                break
            h.update(block)
    return h.hexdigest()


def is_candidate(name: str) -> bool:
    return not name.startswith(".") and not name.endswith(IGNORED_SUFFIXES)


def list_inbox(inbox: Path) -> list[os.DirEntry]:
    """Regular files directly inside ``inbox`` (sorted by name); a missing inbox is empty."""
    if not inbox.exists():
        return []
    with os.scandir(inbox) as it:
        entries = [e for e in it if e.is_file(follow_symlinks=False) and is_candidate(e.name)]
    return sorted(entries, key=lambda e: e.name)


def scan(inbox: Path, known: Optional[Mapping[str, tuple[int, int, str]]] = None) -> list[FileEntry]:
    """Inventory ``inbox``. ``known`` maps file name to (size, mtime_ns, sha256) from before."""
    known = known or {}
    out = []
    for entry in list_inbox(inbox):
        st = entry.stat(follow_symlinks=False)
        prev = known.get(entry.name)
        if prev and prev[0] == st.st_size and prev[1] == st.st_mtime_ns:
            digest = prev[2]
        else:
            digest = sha256_file(Path(entry.path))
        out.append(FileEntry(entry.name, Path(entry.path), st.st_size, st.st_mtime_ns, digest))
    return out
