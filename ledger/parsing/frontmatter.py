"""Jekyll-style YAML front matter: ``---`` / YAML / ``---`` then the body."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

import yaml

try:  # the C loader is much faster; BaseLoader keeps every value a string (no YAML 1.1 surprises)
    _Loader = yaml.CBaseLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.BaseLoader

_OPEN = re.compile(r"\A[ \t]*---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
MAX_HEADER = 64 * 1024


@dataclass
class FrontMatter:
    fields: dict[str, Any] = field(default_factory=dict)
    body: str = ""


class BrokenFrontMatter(ValueError):
    pass


def has_front_matter(text: str) -> bool:
    return bool(_OPEN.match(text))


def split(text: str) -> FrontMatter:
    """Split off the front matter; raises :class:`BrokenFrontMatter` with a plain-language message."""
    m = _OPEN.match(text)
    assert m, "call has_front_matter first"
    close = _CLOSE.search(text, m.end())
    if close is None or close.start() - m.end() > MAX_HEADER:
        raise BrokenFrontMatter("The file opens a YAML front-matter block with '---' but never closes it.")
    header = text[m.end():close.start()]
    try:
        fields = yaml.load(header, Loader=_Loader) if header.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise BrokenFrontMatter(f"The YAML front matter cannot be read{where}: "
                                f"{getattr(exc, 'problem', None) or 'syntax error'}.") from None
    if fields is None:
        fields = {}
    if not isinstance(fields, dict):
        raise BrokenFrontMatter("The front matter is not a list of 'key: value' lines.")
    return FrontMatter({str(k).lower(): v for k, v in fields.items()}, text[close.end():])


def as_list(value: Any) -> list[str]:
    """A YAML value as a list of strings: 'a b' / 'a, b' / [a, b] -> ['a', 'b']."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        items = [str(v) for v in value if v is not None and not isinstance(v, (dict, list))]
    else:
        items = re.split(r"[,，;；\s]+", str(value))
    seen, out = set(), []
    for it in items:
        it = it.strip()
        if it and it not in seen:
            seen.add(it)
            out.append(it)
    return out


def as_text(value: Any) -> Optional[str]:
    if value is None or isinstance(value, (dict, list)):
        return None
    s = str(value).strip()
    return s or None
