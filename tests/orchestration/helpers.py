"""Fixture articles written for these tests (invented figures, seed-like shape), and small helpers."""
from __future__ import annotations

import os
import random
from pathlib import Path

import duckdb

# (county, prefecture) pairs of Hebei; the figures below are invented
COUNTIES = [("宁晋县", "邢台市"), ("清河县", "邢台市"), ("威县", "邢台市"), ("临西县", "邢台市"),
            ("内丘县", "邢台市"), ("巨鹿县", "邢台市"), ("景县", "衡水市"), ("故城县", "衡水市"),
            ("枣强县", "衡水市"), ("武邑县", "衡水市")]

FRONT = """---
layout: post
title: "{title}"
date: {date} 09:{minute:02d}:00 +0800
categories: xiangmu
tags: 县域经济
---
"""

BODY = ("<p>本报讯（通讯员 {author}）{period}，{county}围绕“{theme}”持续发力，县域经济保持平稳增长。</p>\n"
        "<p>据{county}统计部门{ordinal}发布的数据，{period}全县地区生产总值完成{gdp}亿元，同比增长{gdp_g}%；"
        "固定资产投资完成{fai}亿元，同比增长{fai_g}%；一般公共预算收入完成{rev}亿元，同比增长{rev_g}%。</p>\n"
        "<p>下一步，{county}将继续抓好{theme}，{closing}。</p>\n")

THEMES = ["项目建设", "招商引资", "产业集群", "营商环境", "乡村振兴", "民营经济"]
CLOSINGS = ["确保全年目标任务圆满完成", "推动经济运行持续向好", "为全市发展大局多作贡献"]
AUTHORS = ["王立新", "刘晓雨", "陈建国", "赵雪", "孙鹏", "周静"]


def article_text(i: int, seed: int = 0) -> str:
    """The i-th invented article: a Jekyll post about one county's half-year figures."""
    rnd = random.Random(seed * 100003 + i)
    county, pref = COUNTIES[i % len(COUNTIES)]
    year = 2018 + (i // len(COUNTIES)) % 6
    half = (i // (len(COUNTIES) * 6)) % 2
    period = f"{year}年上半年" if half == 0 else f"{year}年前三季度"
    month = 7 if half == 0 else 10
    theme = rnd.choice(THEMES)
    head = FRONT.format(title=f"{county}{period}经济运行稳中有进（第{i}期）", date=f"{year}-{month:02d}-{10 + i % 18:02d}",
                        minute=i % 60)
    body = BODY.format(
        author=rnd.choice(AUTHORS), county=county, period=period, theme=theme, ordinal=f"第{i}次",
        gdp=f"{rnd.uniform(80, 400):.1f}", gdp_g=f"{rnd.uniform(2, 9):.1f}",
        fai=f"{rnd.uniform(20, 150):.1f}", fai_g=f"{rnd.uniform(-5, 20):.1f}",
        rev=f"{rnd.uniform(3, 30):.2f}", rev_g=f"{rnd.uniform(1, 15):.1f}",
        closing=rnd.choice(CLOSINGS))
    return head + body


def write_articles(inbox: Path, n: int, start: int = 0, seed: int = 0, prefix: str = "county") -> list[Path]:
    inbox.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(start, start + n):
        p = inbox / f"{prefix}_{i:05d}.md"
        p.write_text(article_text(i, seed), encoding="utf-8")
        out.append(p)
    return out


def bump_mtime(path: Path, seconds: float = 10.0) -> None:
    """Move a file's mtime by ``seconds`` (writes inside one clock tick can keep the same mtime)."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + int(seconds * 1e9)))


def query(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every fact, ranking and article of a warehouse (without timestamps), sorted."""
    return {
        "metric_facts": sorted(query(db, "SELECT * FROM metric_facts"), key=repr),
        "rankings": sorted(query(db, "SELECT * FROM rankings"), key=repr),
        "articles": sorted(query(db, "SELECT * EXCLUDE (ingested_at, duplicate_of) FROM articles"), key=repr),
        "raw_files": sorted(query(db, "SELECT file_name, sha256, status, processed_sha, extracted_sha FROM raw_files")),
        "quarantined": sorted(query(db, "SELECT file_name, reason FROM quarantined_files")),
    }
