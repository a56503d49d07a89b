"""Raw bytes -> articles. Entry point: :func:`parse_file` (never raises on bad input).

Steps: size/emptiness/binary checks -> :mod:`decode` -> shape (YAML front matter,
HTML document, HTML fragment, plain text) -> typed blocks (:mod:`plaintext`) ->
articles (:mod:`newspaper` cuts pages holding several) -> :mod:`normalize` (Simplified
copy, pinyin noise) -> :mod:`ids` (stable id, SimHash).
"""
from __future__ import annotations

import hashlib
from typing import Optional

from ledger.config import MAX_FILE_BYTES
from ledger.controls import strip_controls
from ledger.model import Article, ParsedFile, Quarantine
from ledger.parsing import frontmatter, html, ids, meta, newspaper, normalize, plaintext
from ledger.parsing.decode import decode, looks_binary
from ledger.parsing.newspaper import Segment
from ledger.parsing.plaintext import Block, PageInfo

__all__ = ["parse_file"]

NO_DATE_PAGE = "no date: the page is a newspaper page without a dateline and its articles give none"
NO_DATE = "no date: the file has no front matter date, dateline or date meta tag"


class _Page:
    """What the shape readers know about the whole file."""

    def __init__(self) -> None:
        self.info = PageInfo()
        self.title: Optional[str] = None
        self.subtitle: Optional[str] = None
        self.date: Optional[meta.DateHit] = None
        self.outlet: Optional[str] = None
        self.authors: list[str] = []
        self.categories: list[str] = []
        self.tags: list[str] = []
        self.single = False          # front matter and HTML documents hold one article
        self.traditional = False     # Traditional script: patterns are matched on a Simplified copy
        self.front_matter = False
        self.bad_date: Optional[str] = None  # why a date given in the metadata was not taken
        self.lines: list[str] = []   # every line of the page, furniture included (its own list of dated news)


def parse_file(file_name: str, data: bytes) -> ParsedFile:
    sha = hashlib.sha256(data).hexdigest()
    result = ParsedFile(file_name, sha, len(data))

    def quarantine(reason: str, detail: str) -> ParsedFile:
        result.quarantine = Quarantine(file_name, sha, len(data), reason, detail)
        return result

    if len(data) > MAX_FILE_BYTES:
        return quarantine("too_large", f"The file is {len(data) / 2**20:.1f} MB; files over "
                                       f"{MAX_FILE_BYTES // 2**20} MB are not read.")
    if not data.strip():
        return quarantine("empty", "The file is empty." if not data else "The file holds only blank space.")
    why = looks_binary(data)
    if why:
        return quarantine("binary", why)
    dec = decode(data)
    if dec.text is None:
        return quarantine(dec.reason or "undecodable", dec.detail or "The bytes could not be read as text.")
    text = dec.text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").replace(html.CELL, "")
    text = strip_controls(text)  # terminal escape sequences and control characters never reach the warehouse
    if not text.strip():
        return quarantine("empty", "The file holds only blank space.")

    page = _Page()
    if frontmatter.has_front_matter(text):
        try:
            fm = frontmatter.split(text)
        except frontmatter.BrokenFrontMatter as exc:
            return quarantine("broken_front_matter", str(exc) + " Fix the header and drop the file again.")
        _read_front_matter(page, fm.fields)
        body = plaintext.take_url_lines(fm.body, page.info)
        lines = html.fragment_lines(body) if html.is_fragment(body) else body.split("\n")
        page.single = page.front_matter = True
    elif html.is_document(text):
        doc = html.parse_document(text)
        page.title = doc.title
        page.date = _metadata_date(page, doc.published, "HTML meta tag") if doc.published else None
        if doc.dateline:
            page.date = meta.find_date(doc.dateline)
            page.outlet = meta.source_of(doc.dateline) or doc.outlet
            page.info.dateline_authors.extend(meta.dateline_authors(doc.dateline))
        page.info.url = doc.url
        page.outlet = page.outlet or doc.outlet
        page.authors = doc.authors
        lines = doc.lines
        page.single = True
    elif html.is_fragment(text):
        lines = html.fragment_lines(plaintext.take_url_lines(text, page.info))
    else:
        lines = text.split("\n")

    lines = plaintext.prepare_lines(lines, page.info)
    page.lines = lines
    page.traditional = normalize.is_traditional("".join(ln for ln in lines[:80] if len(ln) > 12) or "".join(lines))
    blocks = plaintext.classify(lines, page.info, page.traditional)
    articles = _articles(page, blocks, dec.encoding or "utf-8")
    if not articles:
        if html.is_document(text):
            return quarantine("broken_html", "The HTML page holds no readable text (no paragraphs could be recovered).")
        return quarantine("no_text", "No article text was found in the file (only page furniture, "
                                     "headlines or blank lines).")
    for pos, art in enumerate(articles):
        art.source_file, art.source_sha256, art.position = file_name, sha, pos
    result.articles = articles
    return result


def _read_front_matter(page: _Page, f: dict) -> None:
    page.title = html.markup_to_text(frontmatter.as_text(f.get("title")))
    page.subtitle = html.markup_to_text(frontmatter.as_text(f.get("subtitle")))
    raw_date = frontmatter.as_text(f.get("date"))
    if raw_date:
        page.date = _metadata_date(page, raw_date, "front matter date")
    page.categories = frontmatter.as_list(f.get("categories", f.get("category")))
    page.tags = frontmatter.as_list(f.get("tags", f.get("tag")))
    page.outlet = frontmatter.as_text(f.get("source") or f.get("outlet"))
    page.info.url = frontmatter.as_text(f.get("url") or f.get("link") or f.get("source_url"))
    page.authors = frontmatter.as_list(f.get("author") or f.get("authors"))


def _metadata_date(page: _Page, value: str, source: str) -> Optional[meta.DateHit]:
    """The date of a metadata value; an impossible one (2022-13-45) is remembered by name."""
    hit = meta.parse_date_value(value, source)
    bad = meta.invalid_date(value) if hit is None else None
    if bad:
        page.bad_date = f"the {source} {bad!r} is not a valid date"
    return hit


def _articles(page: _Page, blocks: list[Block], encoding: str) -> list[Article]:
    info = page.info
    if info.date is not None and page.date is None:
        page.date = info.date
    leads = sum(1 for b in blocks if b.kind == "body" and meta.lead_of(b.probe))
    if page.single or (info.dateline_at is not None and leads < 2):
        segments, known_title = _single(page, blocks)
    else:  # a page without a dateline, or a dated e-paper page holding several leads
        segments = newspaper.split_segments(blocks)
        known_title = page.title if len(segments) == 1 else None
    multi = len(segments) > 1
    out = []
    for seg in segments:
        art = _article(page, seg, known_title, encoding, multi)
        if art is not None:
            out.append(art)
    return out


def _single(page: _Page, blocks: list[Block]) -> tuple[list[Segment], Optional[str]]:
    """One article: a dateline page (title above the dateline) or a front-matter / HTML page."""
    info = page.info
    title = page.title
    if info.dateline_at is not None and info.dateline_at <= 15:
        header, blocks = blocks[:info.dateline_at], blocks[info.dateline_at:]
        heads = [b for b in header if b.kind == "head"]
        if len(heads) > 1 and newspaper.is_speaker(heads[-1].text):
            heads = heads[:-1]     # '县人民政府县长 刘泽' under the title and its occasion: the speaker, no title
        if len(heads) > 1 and page.subtitle is None and newspaper.is_subtitle(heads[-1].text):
            # '政府工作报告' over '在石渠县第十四届人民代表大会第一次会议上': the occasion is the subtitle
            page.subtitle = heads[-1].text.lstrip("—－- ").strip() or None
            heads = heads[:-1]
        if title is None and heads:
            title = heads[-1].text
        for b in heads[:-1]:
            site = newspaper.site_of(b.text)     # '青山湖区人民政府网站欢迎您的访问!' above the title
            if site and not page.outlet:
                page.outlet = site
            elif page.subtitle is None and newspaper.is_organ_line(title) and newspaper.is_report_title(b.text):
                # '2017年尤溪县国民经济和社会发展统计公报' over its issuing organs ('国家统计局尤溪调查队', the
                # headline read as the title): the report's own title, kept as the subtitle (it names the county)
                page.subtitle = b.text.strip()
            elif page.subtitle is None and newspaper.is_subtitle(b.text):
                # '——在尉犁县第十八届人民代表大会第五次会议上' above a speaker line: the occasion (it
                # names the report's county), kept as the subtitle
                page.subtitle = b.text.lstrip("—－- ").strip() or None
        blocks = [b for b in header if b.kind != "head"] + blocks
    if page.single and info.dateline_at is None:
        # front matter / HTML: the title is known; short lines in the body are paragraphs
        # (a repeat of the title at the top is dropped in _article)
        k = 0
        while k < len(blocks) and blocks[k].kind == "byline":
            k += 1
        if title is None and page.front_matter and k < len(blocks) - 1 and blocks[k].kind == "head":
            title = blocks[k].text  # no title in the metadata: a headline line opening the body
        return [Segment(blocks[:k], blocks[k:])], title
    k = 0
    while k < len(blocks) and blocks[k].kind in ("head", "byline") and not plaintext.is_section_heading(blocks[k].probe):
        k += 1
    return [Segment(blocks[:k], blocks[k:])], title


def _dedupe(names: list[str]) -> list[str]:
    seen, out = set(), []
    for n in names:
        if n and n not in seen:
            seen.add(n)
            out.append(n)
    return out


def _article(page: _Page, seg: Segment, known_title: Optional[str], encoding: str, multi: bool) -> Optional[Article]:
    head = newspaper.read_headline(seg.head, known_title)
    authors: list[str] = []
    outlets: list[str] = []
    pars: list[str] = list(head.rest)   # short lines under the subtitle open the text (never dropped)
    for b in seg.body:
        if b.kind in ("body", "head", "cell"):
            pars.append(b.text)
        else:
            authors.extend(b.names)
            if b.outlet:
                outlets.append(b.outlet)
    pars = plaintext.rejoin(pars)
    title = head.title
    if title is not None:  # a repeat of the title above the body is not a paragraph
        while pars and not pars[0].startswith(html.CELL) and newspaper.similar(pars[0], title) \
                and plaintext.is_head(pars[0]):
            pars.pop(0)
    probe = normalize.to_simplified if page.traditional else (lambda x: x)
    lead_outlet = None
    if pars and not pars[0].startswith(html.CELL):
        lead = meta.lead_of(probe(pars[0]))
        if lead is not None:
            authors = lead.authors + authors
            lead_outlet = lead.outlet
    for i in range(len(pars) - 1, max(-1, len(pars) - 3), -1):
        if pars[i].startswith(html.CELL):
            continue
        simple = probe(pars[i])
        tb = meta.trailing_byline(simple)
        if tb is not None:
            pars[i] = pars[i][:len(tb[0])].rstrip() if len(simple) == len(pars[i]) else tb[0]
            authors.extend(tb[1])
            break
    pars = [normalize.tidy_marks(normalize.strip_pinyin(p)) for p in pars if p]
    pars = [p for p in pars if p.strip()]
    pars = [p[1:] if p.startswith(html.CELL) else p for p in pars]  # an empty cell stays, as ''
    pars = [strip_controls(p) for p in pars]  # entities decoded by the HTML parser included
    if not pars:
        return None
    traditional = page.traditional
    text = "\n".join(pars)
    if traditional:
        text = normalize.to_simplified(text)
    if not text.strip() or not any(ch.isalnum() for ch in text):
        return None
    authors = _dedupe(head.authors + authors + page.authors + page.info.dateline_authors + page.info.photo_authors)
    outlet = page.info.outlet or page.outlet if not multi else None
    outlet = outlet or lead_outlet or head.outlet or (outlets[0] if outlets else None) or page.info.outlet or page.outlet
    subtitle = head.subtitle or page.subtitle
    date = page.date
    reason = (date.reason + (" (the page's date)" if multi else "")) if date else \
        f"no date: {page.bad_date}" if page.bad_date else (NO_DATE_PAGE if multi else NO_DATE)
    if date is None:  # a report's own dateline ('——2022年1月27日在…会议上') under its title or atop its text
        lines = [subtitle or ""] + [b.text for b in seg.head] + pars[:3]
        # (or broken over two lines: '——2024年1月10日在…第十届' / '人民代表大会第三次会议上')
        for cand in lines + [a + b for a, b in zip(lines, lines[1:]) if a and b]:
            date = meta.report_dateline(probe(cand)) if cand and len(cand) <= 80 else None
            if date is not None:
                reason = date.reason
                break
    if date is None and pars and not multi:
        date = meta.dateline_day_year(probe(pars[0]), page.lines)
        if date is not None:
            reason = date.reason
    title = strip_controls(normalize.strip_pinyin(title)) if title else title
    subtitle = strip_controls(normalize.strip_pinyin(subtitle)) if subtitle else subtitle
    outlet = strip_controls(outlet) if outlet else outlet
    authors = [strip_controls(a) for a in authors]
    return Article(
        article_id=ids.article_id(text), source_file="", source_sha256="", position=0,
        title=title, published_at=date.iso if date else None, date_reason=reason, outlet=outlet,
        authors=authors, url=strip_controls(page.info.url) if page.info.url else None, paragraphs=pars, text=text,
        script="traditional" if traditional else "simplified", encoding=encoding,
        categories=[strip_controls(c) for c in page.categories], tags=[strip_controls(t) for t in page.tags],
        subtitle=subtitle,
        n_chars=sum(len(p) for p in pars), simhash=ids.simhash(text))
