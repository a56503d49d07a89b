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


def is_document(text: str) -> bool:
    return bool(_DOC.search(text[:4000]))


def is_fragment(text: str) -> bool:
    return len(_TAGGY.findall(text[:20000])) >= 2


def fragment_lines(fragment: str) -> list[str]:
    """Text lines of an HTML fragment, block elements becoming line breaks."""
    s = _COMMENT.sub("", fragment)
    s = _DROP_ELEMENTS.sub("", s)
    s = _BLOCK_BREAK.sub("\n", s)
    s = _TAG.sub("", s)
    return _html.unescape(s).splitlines()


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
    h1 = tree.css_first("h1")
    h1_text = h1.text(separator="", strip=True) if h1 is not None else ""
    og_title = _meta(tree, 'meta[property="og:title"]', 'meta[name="title"]')
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
        from ledger.parsing.normalize import clean_line

        root = tree.body or tree.root
        text = root.text(separator="\n", strip=False) if root is not None else ""
        for raw in text.splitlines()[:80]:
            line = clean_line(raw)
            if line and is_meta_line(line):
                doc.dateline = line
                break
    paras = tree.css("p")
    lines: list[str] = []
    if paras:  # a <br> inside a paragraph is a line break, not nothing
        lines = [ln for p in paras for ln in fragment_lines(p.html or "")]
    if sum(len(x) for x in lines) < 20:  # no real <p> text: fall back to the body's text
        root = tree.body or tree.root
        lines = root.text(separator="\n", strip=False).splitlines() if root is not None else []
    doc.lines = lines
    return doc


def _strip_site(title: str) -> str:
    """'标题_廊坊信息港' / '标题 - 河北新闻网' -> '标题' (the longest part)."""
    parts = [p.strip() for p in re.split(r"\s[-–—|]\s|_|\|", title) if p.strip()]
    return max(parts, key=len) if parts else title.strip()
