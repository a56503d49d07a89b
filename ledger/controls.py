"""Control characters: stripped from stored text, escaped in terminal output.

A dropped file or a file name may carry terminal escape sequences (ESC [ ... m colours,
ESC ] ... BEL window titles and hyperlinks, C1 forms such as CSI U+009B). Printed raw they
drive the reader's terminal. ``strip_controls`` removes them, sequences whole, from text the
warehouse stores (C0 except newline and tab, DEL, C1); ``escape_controls`` makes any string
safe to print by writing each control character as a visible ``\\xNN`` escape.
"""
from __future__ import annotations

import re
import sys
from contextlib import contextmanager
from typing import Iterator

# whole escape sequences first (so their parameters do not stay behind as '[31m'), then
# every remaining control character
_SEQUENCES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"                        # CSI: colours, cursor moves, clear screen
    r"|\x9b[0-?]*[ -/]*[@-~]"                         # CSI, C1 form
    r"|\x1b[\]PX^_][^\x07\x1b\x9c\n]{0,512}(?:\x07|\x1b\\|\x9c)"  # OSC/DCS/SOS/PM/APC with terminator
    r"|[\x90\x98\x9d-\x9f][^\x07\x1b\x9c\n]{0,512}(?:\x07|\x1b\\|\x9c)"  # the same, C1 form
    r"|\x1b[ -/]*[0-~]")                              # other two-character escapes (ESC c resets)
_STRIP = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ESCAPE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """``text`` without escape sequences and control characters; newlines and tabs stay."""
    if not text or not _ESCAPE.search(text):
        return text
    return _STRIP.sub("", _SEQUENCES.sub("", text))


def escape_controls(text: str, keep: str = "") -> str:
    """``text`` safe for a terminal: each control character (C0, DEL, C1) except those in
    ``keep`` becomes a visible escape (ESC -> \\x1b, newline -> \\n)."""
    def one(m: re.Match) -> str:
        ch = m.group(0)
        if ch in keep:
            return ch
        return {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(ch, f"\\x{ord(ch):02x}")
    return _ESCAPE.sub(one, str(text))


class EscapingStream:
    """A text stream that escapes control characters (newline and tab pass) on their way to
    ``raw``: the safety net under everything a command prints, including library logs. It
    reports no terminal, so colouring log handlers stay plain instead of being escaped."""

    def __init__(self, raw):
        self._raw = raw

    def write(self, text: str) -> int:
        self._raw.write(escape_controls(text, keep="\n\t"))
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def isatty(self) -> bool:
        return False

    def __getattr__(self, name):  # flush, fileno, encoding, ...
        return getattr(self._raw, name)


@contextmanager
def escaped_output() -> Iterator[None]:
    """sys.stdout and sys.stderr escape control characters for the duration."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = EscapingStream(saved[0]), EscapingStream(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
