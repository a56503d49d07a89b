"""A failed run's cause in one line, from the error messages of its failed steps.

Dagster reports a failed step with its whole traceback; the person who typed ``ledger run``
needs the cause: a full disk and the file being written, a warehouse held by another process
and that process's PID (DuckDB's lock error names it), else the first line of the innermost
error. Plain Python: the orchestration layer hands over the messages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

_LOCK = re.compile(r'Could not set lock on file "(?P<path>[^"]+)": Conflicting lock is held in '
                   r"(?P<program>.+?) \(PID (?P<pid>\d+)\)")
_NO_SPACE = re.compile(r"No space left on device|\[Errno 28\]|ENOSPC", re.I)
# the file a message names: "…" or '…' holding a path
_QUOTED_PATH = re.compile(r"""["'](?P<path>/[^"']+)["']""")


@dataclass(frozen=True)
class StepError:
    step: str
    messages: tuple[str, ...]  # the error's chain of causes, outermost first, innermost last


def explain(errors: Iterable[StepError]) -> Optional[str]:
    """One line naming the cause of the first failed step, or None when there is none."""
    errors = list(errors)
    for e in errors:  # the causes that matter most first, whichever step met them
        for msg in e.messages:
            m = _LOCK.search(msg)
            if m:
                return (f"the warehouse {m['path']} is held by another process (PID {m['pid']}, {m['program']}); "
                        "close that connection (analysts read the published copy) and run again")
    for e in errors:
        full = [msg for msg in e.messages if _NO_SPACE.search(msg)]
        if full:
            paths = [p["path"] for msg in full for p in [_QUOTED_PATH.search(msg)] if p]
            return f"no space left on device while writing {paths[0] if paths else '(a file it did not name)'} " \
                   f"(step {e.step})"
    for e in errors:
        first = next((ln.strip() for msg in reversed(e.messages) for ln in msg.splitlines() if ln.strip()), "")
        if first:
            return f"step {e.step}: {first}"
    return None
