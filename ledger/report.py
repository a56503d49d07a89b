"""What a run tells its user about files it could not read (no Dagster here).

``ledger run`` and ``ledger leagues`` end with :func:`quarantine_line`; the Dagster asset check
``no_files_quarantined`` lists :func:`quarantined` in its metadata, and the articles step tags
its run with how many files it quarantined.
"""
from __future__ import annotations

from typing import Any, NamedTuple

# how many files the last line names before "and N more"
NAMED_IN_LINE = 5


class QuarantinedFile(NamedTuple):
    file_name: str
    reason: str
    detail: str


def quarantined(con: Any) -> list[QuarantinedFile]:
    """Every file in ``quarantined_files`` (warehouse or published copy), by name."""
    rows = con.execute("SELECT file_name, reason, coalesce(detail, '') FROM quarantined_files "
                       "ORDER BY file_name").fetchall()
    return [QuarantinedFile(*r) for r in rows]


def quarantine_line(files: list[QuarantinedFile]) -> str:
    """One line: no file quarantined, or how many, which (the first few) and why."""
    if not files:
        return "No file quarantined."
    shown = ", ".join(f"{f.file_name} ({f.reason})" for f in files[:NAMED_IN_LINE])
    more = f" and {len(files) - NAMED_IN_LINE} more" if len(files) > NAMED_IN_LINE else ""
    return (f"{len(files)} file{'s' if len(files) != 1 else ''} quarantined, not read: {shown}{more}; "
            "details: ledger sql \"SELECT * FROM quarantined_files\"")


def quarantine_markdown(files: list[QuarantinedFile], limit: int = 200) -> str:
    """The files as a markdown table (the asset check's metadata)."""
    if not files:
        return "none"
    esc = lambda s: str(s).replace("|", "\\|").replace("\n", " ")  # noqa: E731
    lines = ["| file | reason | detail |", "|---|---|---|"]
    lines += [f"| {esc(f.file_name)} | {esc(f.reason)} | {esc(f.detail)} |" for f in files[:limit]]
    if len(files) > limit:
        lines.append(f"| … and {len(files) - limit} more | | |")
    return "\n".join(lines)
