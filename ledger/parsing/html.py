"""HTML: fragments (a Jekyll body of <p> elements) and whole documents.

Fragments are turned into lines with a few precompiled regexes (fast, tolerant of any
unclosed tag). Documents are parsed with selectolax's lexbor backend: title, meta tags,
then paragraphs from <p> once navigation, scripts, styles and footers are removed.
"""
from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, field
from typing import Optional

_DOC = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
_TAGGY = re.compile(r"</?(?:p|br|div|span|h[1-6]|li|ul|table|tr|td|section|article|strong|img|a)\b[^>]*>", re.I)
_BLOCK_BREAK = re.compile(r"<\s*(?:br|/p|p|/div|div|/h[1-6]|h[1-6]|/li|li|/tr|tr|/section|section|/article|article"
                          r"|/blockquote|blockquote|/table|hr)\b[^>]*>", re.I)
_DROP_ELEMENTS = re.compile(r"<(script|style|noscript|iframe|template)\b.*?(?:</\1\s*>|\Z)", re.I | re.S)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_TAG = re.compile(r"<[^<>]*>|<[a-zA-Z/!][^<>]*\Z")
_JUNK_CSS = ("script, style, noscript, iframe, nav, footer, header, aside, form, select, button, "
             "template, svg, .nav, .footer, .header, .share, .breadcrumb, #nav, #footer, #header")


# Table cells travel as lines of their own, each opened by this private-use mark, so that no
# line rule (furniture, headline, rejoining, punctuation-only) touches them; the mark is
# removed when the article's paragraphs are made. The decoded text never holds it.
CELL = "\ue000"
_TABLE = re.compile(r"<table\b.*?(?:</table\s*>|\Z)", re.I | re.S)


def table_lines(node) -> list[str]:
    """A selectolax <table> node -> one marked line per cell, row by row. Every cell is kept:
    header cells, single-symbol cells ('%', '-') and empty cells (a mark alone), so the
    cells of each row keep their columns."""
    out = []
    for tr in node.css("tr"):
        if _nearest_table(tr) != node.mem_id:
            continue  # a row of a table nested in a cell: its text is part of that cell
        for cell in tr.iter():
            if cell.tag in ("td", "th"):
                out.append(CELL + " ".join(cell.text(separator=" ", strip=True).split()))
    return out


def _render_tables(fragment: str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    def one(m: re.Match) -> str:
        node = LexborHTMLParser(m.group(0)).css_first("table")
        return "\n" + "\n".join(table_lines(node) if node is not None else []) + "\n"
    return _TABLE.sub(one, fragment) if "<table" in fragment.lower() else fragment


def is_document(text: str) -> bool:
    return bool(_DOC.search(text[:4000]))


def is_fragment(text: str) -> bool:
    return len(_TAGGY.findall(text[:20000])) >= 2


def fragment_lines(fragment: str) -> list[str]:
    """Text lines of an HTML fragment, block elements becoming line breaks."""
    s = _COMMENT.sub("", fragment)
    s = _DROP_ELEMENTS.sub("", s)
    s = _render_tables(s)
    s = _BLOCK_BREAK.sub("\n", s)
    s = _TAG.sub("", s)
    return _html.unescape(s).splitlines()


def markup_to_text(value: Optional[str]) -> Optional[str]:
    """A title given as markup (front matter, og:title) as plain text: script and style
    elements dropped with their content, tags removed, entities decoded, spaces collapsed."""
    if value is None or ("<" not in value and "&" not in value):
        return value
    s = _DROP_ELEMENTS.sub("", _COMMENT.sub("", value))
    s = " ".join(_html.unescape(_TAG.sub("", s)).split())
    return s or None


@dataclass
class HtmlDoc:
    title: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    outlet: Optional[str] = None
    dateline: Optional[str] = None   # a visible dateline line when no meta tag gives the date
    lines: list[str] = field(default_factory=list)


def _meta(tree, *selectors: str) -> Optional[str]:
    for sel in selectors:
        node = tree.css_first(sel)
        if node is not None:
            val = (node.attributes.get("content") or node.attributes.get("datetime")
                   or node.attributes.get("href") or "").strip()
            if val:
                return val
    return None


def parse_document(text: str) -> HtmlDoc:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(text)
    doc = HtmlDoc()
    for node in tree.css("rt, rp"):   # ruby annotations: 經<rt>jīng</rt>濟 is 經濟
        node.decompose()
    for node in tree.css("script, style, noscript, template"):  # never text, not even inside <h1>
        node.decompose()
    h1 = tree.css_first("h1")
    h1_text = h1.text(separator="", strip=True) if h1 is not None else ""
    og_title = markup_to_text(_meta(tree, 'meta[property="og:title"]', 'meta[name="title"]'))
    t = tree.css_first("title")
    title_text = t.text(strip=True) if t is not None else ""
    doc.title = h1_text or og_title or _strip_site(title_text) or None
    doc.published = _meta(tree, 'meta[property="article:published_time"]', 'meta[name="pubdate"]',
                          'meta[name="PubDate"]', 'meta[name="publishdate"]', 'meta[name="publish_date"]',
                          'meta[itemprop="datePublished"]', 'meta[name="date"]', "time[datetime]")
    doc.url = _meta(tree, 'meta[property="og:url"]', 'link[rel="canonical"]')
    author = _meta(tree, 'meta[name="author"]', 'meta[property="article:author"]')
    if author:
        doc.authors = [a for a in re.split(r"[、,，;；\s]+", author) if a]
    doc.outlet = _meta(tree, 'meta[property="og:site_name"]', 'meta[name="source"]', 'meta[name="site_name"]')
    for node in tree.css(_JUNK_CSS):
        node.decompose()
    if doc.published is None:  # a visible dateline ('2022-09-15 10:00 来源：…') outside the <p> elements
        from ledger.parsing.meta import is_meta_line
        from ledger.parsing.normalize import clean_line, to_simplified

        root = tree.body or tree.root
        text = root.text(separator="\n", strip=False) if root is not None else ""
        for raw in text.splitlines()[:80]:
            line = clean_line(raw)
            if not line:
                continue
            if not is_meta_line(line) and not line.isascii():
                simple = to_simplified(line)      # a Traditional dateline: '2024-07-30 來源：…'
                line = simple if simple != line and is_meta_line(simple) else line
            if is_meta_line(line):
                doc.dateline = line
                break
    lines: list[str] = []
    root = tree.body or tree.root
    for node in (root.traverse() if root is not None else []):
        if node.tag not in ("p", "table") or _inside_table(node):
            continue
        if node.tag == "table":
            lines.extend(table_lines(node))
        else:  # a <br> inside a paragraph is a line break, not nothing
            lines.extend(fragment_lines(node.html or ""))
    if sum(len(x) for x in lines) < 20:  # no real <p> text: fall back to the body's text
        root = tree.body or tree.root
        lines = root.text(separator="\n", strip=False).splitlines() if root is not None else []
    doc.lines = lines
    return doc


def _nearest_table(node) -> Optional[int]:
    parent = node.parent
    while parent is not None and parent.tag != "table":
        parent = parent.parent
    return parent.mem_id if parent is not None else None


def _inside_table(node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == "table":
            return True
        parent = parent.parent
    return False


def _strip_site(title: str) -> str:
    """'标题_廊坊信息港' / '标题 - 河北新闻网' -> '标题' (the longest part)."""
    parts = [p.strip() for p in re.split(r"\s[-–—|]\s|_|\|", title) if p.strip()]
    return max(parts, key=len) if parts else title.strip()
