"""The domain records that flow between parsing, extraction and the warehouse.

Plain dataclasses: no Dagster, no DuckDB. Each record maps one-to-one onto a
row of a relation whose DDL lives in ``sql/tables/<relation>.sql``; the field
names are the column names.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Optional


@dataclass
class Article:
    """One article cut out of a dropped file (a file may hold several)."""

    article_id: str            # stable: sha1 of the normalised body text, 16 hex chars
    source_file: str           # the dropped file's name (no directory)
    source_sha256: str         # sha256 of the file's bytes
    position: int              # 0-based position of the article in its file
    title: Optional[str]
    published_at: Optional[str]  # ISO 8601: '2022-01-21T08:11:53+08:00', '2017-10-12T09:17:23+08:00' or '2023-06-06'
    date_reason: Optional[str]   # where the date came from, or why there is none
    outlet: Optional[str]        # 邢台日报, 河北新闻网, 廊坊信息港 ...
    authors: list[str] = field(default_factory=list)  # reporters, correspondents, photographers, authors
    url: Optional[str] = None
    paragraphs: list[str] = field(default_factory=list)  # clean paragraphs in the original script
    text: str = ""               # extraction text: simplified script, pinyin noise removed, paragraphs joined by "\n"
    script: str = "simplified"   # 'simplified' | 'traditional'
    encoding: str = "utf-8"
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    subtitle: Optional[str] = None
    n_chars: int = 0             # characters of the clean body
    simhash: int = 0             # 64-bit SimHash of the text's character shingles (signed for DuckDB BIGINT)
    # filled by enrichment (regions + jieba), not by the parser
    main_region_code: Optional[str] = None
    main_region_name: Optional[str] = None
    keywords: list[str] = field(default_factory=list)
    duplicate_of: Optional[str] = None  # article_id of the earliest near-duplicate

    def row(self) -> dict:
        return asdict(self)


@dataclass
class Quarantine:
    """A file that could not be turned into articles, and why (plain language)."""

    file_name: str
    sha256: str
    size_bytes: int
    reason: str      # short code: empty | binary | undecodable | too_large | still_growing | unreadable | broken_front_matter | broken_html | no_text | error
    detail: str      # a sentence a user understands

    def row(self) -> dict:
        return asdict(self)


@dataclass
class ParsedFile:
    file_name: str
    sha256: str
    size_bytes: int
    articles: list[Article] = field(default_factory=list)
    quarantine: Optional[Quarantine] = None


@dataclass
class Fact:
    """One row of ``metric_facts``: one region x metric x period x kind, with up to four fields."""

    source_file: str
    article_id: str
    region_code: Optional[str]
    region_name: Optional[str]
    metric: str
    metric_label: str              # the words the text used (一般公共预算收益)
    period_start: Optional[str]    # 'YYYY-MM'
    period_end: Optional[str]
    kind: str = "actual"           # 'actual' | 'target'
    value: Optional[float] = None  # base units (yuan, yuan per person, or the stated unit)
    unit: Optional[str] = None     # 'yuan' | 'yuan_per_person' | 'usd' | 'count' | ...
    qualifier: Optional[str] = None  # 以上 / 余 / 近 / 约 ...
    yoy_pct: Optional[float] = None
    cagr_pct: Optional[float] = None
    rank: Optional[int] = None
    rank_scope: Optional[str] = None   # 全市 / 全省 / a named group
    rank_basis: Optional[str] = None   # 'value' | 'growth' | None when the text does not say
    period_approx: bool = False
    period_reason: Optional[str] = None
    evidence: str = ""
    char_start: int = 0            # offsets of the evidence sentence in Article.text
    char_end: int = 0
    confidence: float = 1.0

    def row(self) -> dict:
        return asdict(self)


@dataclass
class Ranking:
    """One row of ``rankings``: a region's place in a contest or assessment."""

    source_file: str
    article_id: str
    region_code: Optional[str]
    region_name: str
    contest: str
    year: Optional[int]
    bucket: str            # top1, top2, ..., bottom1, bottom3, ...
    evidence: str = ""
    char_start: int = 0
    char_end: int = 0

    def row(self) -> dict:
        return asdict(self)


@dataclass
class Mention:
    """A place-like name the gazetteer could not resolve (relation ``unresolved_mentions``)."""

    source_file: str
    article_id: str
    mention: str
    context: str
    char_start: int
    char_end: int

    def row(self) -> dict:
        return asdict(self)


@dataclass
class Extraction:
    facts: list[Fact] = field(default_factory=list)
    rankings: list[Ranking] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
