"""A deterministic, seeded corpus of county news with its expected facts known.

``generate(out_dir, n, seed)`` writes files holding at least ``n`` articles in every
input shape the pipeline reads (Jekyll front matter + HTML paragraphs, scraped
plain-text pages with navigation noise, multi-article newspaper pages, full HTML
pages, GB18030-encoded pages) and ``gold.jsonl`` in the format of
``../shared/eval/gold_seeds.jsonl`` (FACTS.md), so ``score.py`` scores the corpus.

Text is recombined from the sentence patterns in ``templates.yaml`` (written for
this project), regions come from the gazetteer CSVs in
``data/reference/admin_divisions/``. File ``i`` depends only on ``(seed, i)``, so a
bigger corpus starts with the files of a smaller one and ``start=`` writes new
files that continue a corpus (the incremental benchmark).
"""
from __future__ import annotations

import csv
import json
import math
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional

import yaml

from ledger.config import REFERENCE_DIR

TEMPLATES = Path(__file__).with_name("templates.yaml")
SHAPES = ("jekyll", "portal", "html", "paper", "gb18030")
SHAPE_WEIGHTS = (0.30, 0.25, 0.15, 0.15, 0.15)

# Article sizes. "real" (the default): the text of each article (title + paragraphs, UTF-8
# bytes) is drawn from a log-normal fitted to the size of real county pages, 3-20 KB taken as
# its 5th and 95th percentiles (issue 14: the stored pages behind ../shared/eval/real/pages run
# 3-20 KB, of which that folder keeps 0.4-1.1 KB openings; the seeds in ../shared/seeds are
# 6-19 KB): mu = (ln 3 + ln 20) / 2, sigma = (ln 20 - ln 3) / (2 x 1.645), i.e. median 7.7 KB,
# mean 9.2 KB, clipped to 1.5-60 KB. An article reaches its size with more figure-free
# paragraphs (the noise patterns), drawn from a random stream of their own: the figures, the
# gold and the rest of the page are those of the "short" corpus (the generator before issue 14,
# articles of ~1.4 KB), which stays available for comparisons with older figures.
SIZES = ("real", "short")
SIZE_MU = (math.log(3.0) + math.log(20.0)) / 2
SIZE_SIGMA = (math.log(20.0) - math.log(3.0)) / (2 * 1.645)
SIZE_CLIP_KB = (1.5, 60.0)
CN_DIGITS = "零一二三四五六七八九十"
WEEKDAYS = "一二三四五六日"


@lru_cache(maxsize=1)
def templates() -> dict:
    t = yaml.safe_load(TEMPLATES.read_text(encoding="utf-8"))
    for spec in t["metrics"].values():  # YAML 1.1 reads 2.0e10 as a string
        spec["scale"] = float(spec["scale"])
    return t


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    prefecture: str     # 邢台市
    province: str       # 河北省
    city_code: str

    @property
    def self_word(self) -> str:
        """The one-character noun of 全县 / 全市 / 全区 / 全旗."""
        return self.name[-1]

    @property
    def short(self) -> str:
        return self.name[:-1] if len(self.name) > 2 else self.name


@dataclass
class Gazette:
    regions: list[Region]
    by_city: dict[str, list[Region]]


@lru_cache(maxsize=1)
def gazette() -> Gazette:
    """County-level divisions with a unique name, under a named prefecture."""
    folder = REFERENCE_DIR / "admin_divisions"

    def read(name: str) -> list[dict]:
        with open(folder / name, encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))

    provinces = {r["code"]: r["name"] for r in read("provinces.csv")}
    cities = {r["code"]: r["name"] for r in read("cities.csv")}
    areas = read("areas.csv")
    counts: dict[str, int] = {}
    for r in areas:
        counts[r["name"]] = counts.get(r["name"], 0) + 1
    out = []
    for r in areas:
        name, city = r["name"], cities.get(r["cityCode"], "")
        if counts[name] != 1 or city in ("", "市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            continue
        if name[-1] not in "县市旗区" or len(name) > 5 or any(w in name for w in ("开发", "示范", "新区", "园区", "管理")):
            continue
        out.append(Region(r["code"], name, city, provinces.get(r["provinceCode"], ""), r["cityCode"]))
    by_city: dict[str, list[Region]] = {}
    for reg in out:
        by_city.setdefault(reg.city_code, []).append(reg)
    return Gazette(out, by_city)


# ---------------------------------------------------------------- periods

@dataclass(frozen=True)
class Period:
    phrase: str      # what the sentence says
    short: str       # for titles
    start: str
    end: str


def pick_period(rng: random.Random, pub: datetime) -> Period:
    """A reporting period consistent with the publish date, and its FACTS.md reading."""
    y, m = pub.year, pub.month
    if m <= 3:
        phrase = rng.choice(["去年", f"{y - 1}年", "去年全年", f"{y - 1}年全年"])
        return Period(phrase, f"{y - 1}年", f"{y - 1}-01", f"{y - 1}-12")
    if m <= 6:
        phrase = rng.choice(["今年一季度", "一季度", f"{y}年一季度", "今年1-3月"])
        return Period(phrase, "一季度", f"{y}-01", f"{y}-03")
    if m <= 8:
        phrase = rng.choice(["今年上半年", "上半年", f"{y}年上半年", "今年1-6月"])
        return Period(phrase, "上半年", f"{y}-01", f"{y}-06")
    if m == 9:
        phrase = rng.choice(["今年1-8月", f"{y}年1-8月", "1-8月"])
        return Period(phrase, "前8个月", f"{y}-01", f"{y}-08")
    phrase = rng.choice(["今年前三季度", "前三季度", f"{y}年前三季度", "今年1-9月"])
    return Period(phrase, "前三季度", f"{y}-01", f"{y}-09")


def period_share(p: Period) -> float:
    months = int(p.end[5:]) - int(p.start[5:]) + 1
    return months / 12.0


# ---------------------------------------------------------------- numbers

def cn_small(n: int) -> str:
    if n <= 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + CN_DIGITS[n - 10]
    return CN_DIGITS[n // 10] + "十" + ("" if n % 10 == 0 else CN_DIGITS[n % 10])


def render_value(rng: random.Random, unit: str, value: float) -> tuple[str, float, str]:
    """(text, number in base units, unit) for a figure; the number is read back from the text."""
    if unit == "yuan":
        v = int(round(value))
        return f"{v}元", float(v), "yuan_per_person"
    if unit == "wan_usd":
        v = int(round(value / 1e4))
        return f"{v}万美元", float(v) * 1e4, "usd"
    if unit == "yi_or_wan":
        unit = rng.choice(["yi", "wan"])
    if unit == "yi" and value >= 1e8:
        digits = rng.choice([1, 1, 2])
        s = f"{value / 1e8:.{digits}f}"
        return f"{s}亿元", float(Decimal(s) * Decimal(100000000)), "yuan"
    v = int(round(value / 1e4))
    return f"{v}万元", float(v) * 1e4, "yuan"


def render_growth(g: float) -> str:
    s = f"{abs(g):.1f}"
    return s[:-2] if s.endswith(".0") else s


# ---------------------------------------------------------------- articles

@dataclass
class GenArticle:
    title: str
    paragraphs: list[str]
    facts: list[dict] = field(default_factory=list)      # gold facts without "file"
    rankings: list[dict] = field(default_factory=list)
    region: Optional[Region] = None


def person(rng: random.Random) -> str:
    t = templates()
    return rng.choice(t["surnames"]) + "".join(rng.choice(t["given_chars"]) for _ in range(rng.choice([1, 2])))


def _fact(region: Region, metric: str, period: Period, kind: str, field_: str, number: float) -> dict:
    return {"type": "fact", "region_code": region.code, "region_name": region.name, "metric": metric,
            "period_start": period.start, "period_end": period.end, "kind": kind, "field": field_,
            "number": round(number, 4)}


def _rank_scope(region: Region) -> str:
    return region.prefecture if region.name.endswith("市") else "全市"


def metric_clause(rng: random.Random, region: Region, metric: str, period: Period, size: float,
                  allow_rank: bool = True) -> tuple[str, list[dict]]:
    """One clause stating one metric of ``region`` for ``period`` and the gold facts it holds."""
    t = templates()
    spec = t["metrics"][metric]
    label = rng.choice(spec["labels"])
    base = spec["scale"] * size * (1.0 if spec.get("annual") else period_share(period))
    if spec["unit"] == "yuan":  # per-person figures do not scale with the county's size
        base = spec["scale"] * rng.uniform(0.75, 1.3) * (1.0 if spec.get("annual") else period_share(period))
    value_text, number, _unit = render_value(rng, spec["unit"], base * rng.uniform(0.85, 1.15))
    growth = round(rng.uniform(-4.0, 16.0), 1)
    facts = []
    growth_only = rng.random() < spec.get("growth_only", 0.0)
    roll = rng.random()
    if growth_only:
        clause = rng.choice(t["growth_clauses"]).format(label=label, growth=render_growth(abs(growth)))
        growth = abs(growth)
        facts.append(_fact(region, metric, period, "actual", "yoy_pct", growth))
    elif roll < 0.1:
        clause = rng.choice(t["value_only_clauses"]).format(label=label, value=value_text)
        facts.append(_fact(region, metric, period, "actual", "value", number))
    else:
        pool = t["decline_clauses"] if growth < 0 else t["value_clauses"]
        clause = rng.choice(pool).format(label=label, value=value_text, growth=render_growth(growth))
        facts.append(_fact(region, metric, period, "actual", "value", number))
        facts.append(_fact(region, metric, period, "actual", "yoy_pct", growth))
    if allow_rank and not roll < 0.1 and rng.random() < 0.18:
        rank = rng.choice([1, 1, 1, 2, 2, 3, 4, 5])
        rank_text = cn_small(rank) if rng.random() < 0.6 else str(rank)
        clause += rng.choice(t["rank_suffixes"]).format(scope=_rank_scope(region), rank=rank_text)
        facts.append(_fact(region, metric, period, "actual", "rank", rank))
    return clause, facts


def stats_paragraph(rng: random.Random, region: Region, period: Period, size: float, metrics: list[str],
                    opener: Optional[str] = None) -> tuple[str, list[dict]]:
    t = templates()
    opener = opener or rng.choice(t["stats_openers"])
    head = opener.format(period=period.phrase, region=region.name, self=region.self_word,
                         prefecture=region.prefecture, other=region.name)
    clauses, facts = [], []
    for metric in metrics:
        c, f = metric_clause(rng, region, metric, period, size)
        clauses.append(c)
        facts.extend(f)
    return head + "；".join(clauses) + "。", facts


def target_sentence(rng: random.Random, region: Region, pub: datetime, size: float, metric: str) -> tuple[str, list[dict]]:
    t = templates()
    spec = t["metrics"][metric]
    label = rng.choice(spec["labels"])
    year = Period("", "", f"{pub.year}-01", f"{pub.year}-12")
    if rng.random() < 0.6 or spec["unit"] == "wan_usd":
        g = round(rng.uniform(4.0, 12.0), 1)
        s = rng.choice(t["target_growth"]).format(region=region.name, label=label, growth=render_growth(g),
                                                  year=pub.year)
        return s, [_fact(region, metric, year, "target", "yoy_pct", g)]
    base = spec["scale"] * (size if spec["unit"] != "yuan" else 1.0) * rng.uniform(1.0, 1.2)
    value_text, number, _ = render_value(rng, spec["unit"], base)
    s = rng.choice(t["target_value"]).format(region=region.name, label=label, value=value_text)
    return s, [_fact(region, metric, year, "target", "value", number)]


def ranking_paragraph(rng: random.Random, region: Region, pub: datetime) -> tuple[str, list[dict]]:
    t = templates()
    siblings = [r for r in gazette().by_city.get(region.city_code, []) if r.code != region.code]
    if len(siblings) < 3:
        return "", []
    year = pub.year - 1 if pub.month <= 3 else pub.year
    contest = rng.choice(t["contests"])
    picks = rng.sample([region] + siblings, 3)
    bucket = rng.choice(["top1", "top2", "bottom3"])
    a, b, c = picks
    s = rng.choice(t["ranking_sentences"][bucket]).format(
        prefecture=region.prefecture, year=year, contest=contest, a=a.name, b=b.name, c=c.name)
    named = {"top1": [a], "top2": [a, b], "bottom3": [a, b, c]}[bucket]
    rows = [{"type": "ranking", "region_code": r.code, "region_name": r.name, "contest": contest,
             "year": year, "bucket": bucket} for r in named]
    lead = f"会议通报了{year}年度全市重点工作考评情况。" if rng.random() < 0.5 else ""
    return lead + s, rows


def noise_paragraph(rng: random.Random, region: Region, order: Optional[list[int]] = None) -> str:
    """A paragraph with no core figure; ``order`` (indices, popped) keeps an article from repeating one."""
    t = templates()
    pattern = t["noise"][order.pop()] if order else rng.choice(t["noise"])
    industry, industry2 = rng.sample(t["industries"], 2)
    company = region.short + rng.choice(t["company_heads"]) + rng.choice(t["company_tails"])
    town = region.short[:1] + "".join(rng.sample(t["town_chars"], 2)) + rng.choice("镇乡")
    place = "、".join(r.prefecture for r in rng.sample(gazette().regions, 2))
    return pattern.format(
        region=region.name, self=region.self_word, industry=industry, industry2=industry2, company=company,
        town=town, place=place, name=person(rng), crop=rng.choice(t["crops"]), festival=rng.choice(t["festivals"]),
        slogan=rng.choice(t["slogans"]), country=rng.choice(t["countries"]),
        n=rng.randint(3, 900), m=rng.randint(2, 12), d=rng.randint(1, 28), x=f"{rng.uniform(1, 60):.1f}")


def make_article(rng: random.Random, region: Region, pub: datetime) -> GenArticle:
    t = templates()
    period = pick_period(rng, pub)
    size = rng.uniform(0.35, 2.5)
    metrics = list(t["metrics"])
    if period.end[5:] != "12":
        metrics.remove("gdp_per_capita")
    chosen = rng.sample(metrics, rng.randint(3, 7))
    title = rng.choice(t["titles"]).format(region=region.name, period_short=period.short,
                                           industry=rng.choice(t["industries"]))
    art = GenArticle(title=title, paragraphs=[], region=region)
    order = rng.sample(range(len(t["noise"])), len(t["noise"]))
    art.paragraphs.append(noise_paragraph(rng, region, order))
    split = rng.randint(1, len(chosen)) if len(chosen) > 4 else len(chosen)
    p, f = stats_paragraph(rng, region, period, size, chosen[:split])
    art.paragraphs.append(p)
    art.facts += f
    if chosen[split:]:
        art.paragraphs.append(noise_paragraph(rng, region, order))
        p, f = stats_paragraph(rng, region, period, size, chosen[split:],
                               opener="{period}，全{self}" if rng.random() < 0.5 else "{period}，{region}")
        art.paragraphs.append(p)
        art.facts += f
    siblings = [r for r in gazette().by_city.get(region.city_code, []) if r.code != region.code]
    if siblings and rng.random() < 0.2:
        other = rng.choice(siblings)
        opener = rng.choice(t["neighbour_openers"]).format(prefecture=region.prefecture, other=other.name,
                                                          period=period.phrase)
        other_metrics = rng.sample([m for m in ("gdp", "fixed_asset_investment", "retail_sales",
                                                "general_budget_revenue")], 2)
        clauses, facts = [], []
        for m in other_metrics:
            c, fs = metric_clause(rng, other, m, period, rng.uniform(0.35, 2.5), allow_rank=False)
            clauses.append(c)
            facts += fs
        art.paragraphs.append(opener + "，".join(clauses) + "。")
        art.facts += facts
    if rng.random() < 0.3:
        s, f = target_sentence(rng, region, pub, size, rng.choice([m for m in metrics if m not in chosen] or metrics))
        art.paragraphs.append(noise_paragraph(rng, region, order) + s)
        art.facts += f
    if rng.random() < 0.12:
        s, r = ranking_paragraph(rng, region, pub)
        if s:
            art.paragraphs.append(s)
            art.rankings += r
    for _ in range(rng.randint(0, 2)):
        art.paragraphs.insert(rng.randint(2, len(art.paragraphs)), noise_paragraph(rng, region, order))
    return art


# ---------------------------------------------------------------- file shapes

def _pub_date(rng: random.Random) -> datetime:
    start = datetime(2019, 1, 5)
    return start + timedelta(days=rng.randint(0, 6 * 365), seconds=rng.randint(6 * 3600, 22 * 3600))


def _outlet(rng: random.Random, region: Region) -> str:
    t = templates()
    return rng.choice(t["portal_outlets"]).format(pshort=region.province[:2], cshort=region.prefecture[:-1],
                                                  short=region.short)


def _halfwidth(text: str) -> str:
    return text.replace("，", ",").replace("：", ":").replace("；", ";").replace("（", "(").replace("）", ")")


def render_jekyll(rng: random.Random, art: GenArticle, pub: datetime) -> bytes:
    reg = art.region
    paper = reg.prefecture[:-1] + "日报"
    lead = f"本报讯(记者{person(rng)} 通讯员{person(rng)})"
    paras = [lead + art.paragraphs[0]] + art.paragraphs[1:]
    body = "\n".join(f" <p>{p}</p>" for p in paras)
    return (f'---\nlayout: post\ntitle: "{art.title}"\ndate: {pub:%Y-%m-%d %H:%M:%S} +0800\n'
            f"categories: ribao\ntags: {paper}新闻\n---\n{body.lstrip()}"
            f'<p class="em_media">（文章来源：{paper}）</p>\n').encode("utf-8")


def render_portal(rng: random.Random, art: GenArticle, pub: datetime) -> str:
    t = templates()
    reg = art.region
    outlet = _outlet(rng, reg)
    others = gazette().by_city.get(reg.city_code, []) or [reg]
    related = "\n".join(rng.choice(t["related_headlines"]).format(
        other=rng.choice(others).name, industry=rng.choice(t["industries"])) for _ in range(3))
    if rng.random() < 0.5:
        paras = "\n\n".join(art.paragraphs)
        text = (f"当前位置:\n\n县域经济 > {art.title}\n\n{art.title}\n\n"
                f"更新时间:{pub:%Y-%m-%d} 来源:{outlet} 字号:T|T\n\n\n"
                f"{reg.name}{rng.choice(t['industries'])}产业园一角  {person(rng)} 摄\n\n{paras}\n\n"
                f"相关新闻\n{related}\n")
    else:
        paras = "\n\n".join(_halfwidth(p) for p in art.paragraphs)
        nav = "\n".join(f"\t\t\t{x}" for x in t["navigation"][1:5])
        text = (f"{outlet}>>县域经济\n\n{_halfwidth(art.title)}\n\n{pub:%Y-%m-%d %H:%M:%S} 来源:{outlet}\n"
                f"{t['navigation'][0]}\n\n{reg.name}某企业生产车间。 本版图片均由{person(rng)}摄\n\n{paras}\n\n"
                f"(记者{person(rng)} 通讯员{person(rng)})\n\n责任编辑:{person(rng)}\n{nav}\n\n"
                f"相关新闻\n{related}\n{t['navigation'][1]}\n")
    return text


def render_html(rng: random.Random, art: GenArticle, pub: datetime) -> bytes:
    reg = art.region
    outlet = _outlet(rng, reg)
    paras = "\n".join(f"    <p>{p}</p>" for p in art.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{art.title}_{outlet}</title>
<meta name="keywords" content="{reg.name},经济运行">
<link rel="stylesheet" href="/static/css/main.css">
<script>var _hmt = _hmt || [];</script>
</head>
<body>
<div class="top-bar"><a href="/">首页</a> | <a href="/news/">新闻中心</a> | <a href="/zwgk/">政务公开</a></div>
<div class="crumbs">您现在的位置：<a href="/">首页</a> &gt; <a href="/news/">新闻中心</a> &gt; 本地新闻</div>
<div class="article">
  <h1>{art.title}</h1>
  <div class="info">发布时间：{pub:%Y-%m-%d %H:%M:%S}　来源：{outlet}　作者：{person(rng)}　浏览次数：<span id="hits">{rng.randint(100, 9000)}</span></div>
  <div class="content" id="zoom">
{paras}
  </div>
</div>
<div class="footer">版权所有：{outlet}　备案号：ICP备{rng.randint(10000000, 99999999)}号</div>
</body>
</html>
""".encode("utf-8")


def render_paper(rng: random.Random, arts: list[GenArticle], pub: datetime) -> bytes:
    province = arts[0].region.province
    paper = province[:2] + "日报"
    parts = [f"\n\n{pub.year}年{pub.month}月{pub.day}日 星期{WEEKDAYS[pub.weekday()]}\n\n"
             f"第{rng.randint(2, 12):02d}版:县域经济\n\n比学赶超 争先进位\n"]
    for art in arts:
        lead = f"{paper}讯(记者{person(rng)} 通讯员{person(rng)})"
        paras = [lead + art.paragraphs[0]] + art.paragraphs[1:]
        parts.append(f"\n{art.title}\n\n" + "\n\n".join(paras) + "\n")
    parts.append(f"\n本版责任编辑:{person(rng)}\n")
    return "".join(parts).encode("utf-8")


# ---------------------------------------------------------------- the corpus

@dataclass
class GenFile:
    name: str
    shape: str
    data: bytes
    articles: list[GenArticle]


def target_bytes(rng: random.Random) -> int:
    """An article size (UTF-8 bytes of its text) from the real-page distribution (``SIZES``)."""
    kb = min(max(rng.lognormvariate(SIZE_MU, SIZE_SIGMA), SIZE_CLIP_KB[0]), SIZE_CLIP_KB[1])
    return int(kb * 1024)


def article_bytes(art: GenArticle) -> int:
    return len(art.title.encode("utf-8")) + sum(len(p.encode("utf-8")) + 1 for p in art.paragraphs)


def pad_to_size(rng: random.Random, art: GenArticle, target: int) -> None:
    """Insert figure-free paragraphs (never before the first figures) until ``art`` holds
    ``target`` bytes; its facts and rankings are unchanged."""
    size = article_bytes(art)
    while size < target:
        p = noise_paragraph(rng, art.region)
        art.paragraphs.insert(rng.randint(2, len(art.paragraphs)), p)
        size += len(p.encode("utf-8")) + 1


def make_file(seed: int, index: int, max_articles: int = 4, sizes: str = "real") -> GenFile:
    """File ``index`` of the corpus of ``seed`` (independent of the corpus size)."""
    if sizes not in SIZES:
        raise ValueError(f"sizes must be one of {SIZES}, not {sizes!r}")
    rng = random.Random(f"county-ledger-bench:{seed}:{index}")
    size_rng = random.Random(f"county-ledger-bench-size:{seed}:{index}") if sizes == "real" else None

    def sized(art: GenArticle) -> GenArticle:
        if size_rng is not None:
            pad_to_size(size_rng, art, target_bytes(size_rng))
        return art

    shape = rng.choices(SHAPES, SHAPE_WEIGHTS)[0]
    regions = gazette().regions
    pub = _pub_date(rng)
    if shape == "paper":
        first = rng.choice(regions)
        same_province = [r for r in regions if r.province == first.province]
        count = min(max_articles, rng.randint(2, 4))
        regs = [first] + rng.sample(same_province, min(count - 1, len(same_province)))
        arts = [sized(make_article(rng, r, pub)) for r in regs[:count]]
        for a in arts:  # newspaper headlines: "区域：标题"
            if not a.title.startswith(a.region.name):
                a.title = f"{a.region.name}：{a.title.replace(a.region.name, '')}"
        return GenFile(f"g{index:06d}.txt", shape, render_paper(rng, arts, pub), arts)
    art = sized(make_article(rng, rng.choice(regions), pub))
    if shape == "jekyll":
        return GenFile(f"g{index:06d}.md", shape, render_jekyll(rng, art, pub), [art])
    if shape == "html":
        return GenFile(f"g{index:06d}.html", shape, render_html(rng, art, pub), [art])
    text = render_portal(rng, art, pub)
    if shape == "gb18030":
        return GenFile(f"g{index:06d}.txt", shape, text.encode("gb18030"), [art])
    return GenFile(f"g{index:06d}.txt", shape, text.encode("utf-8"), [art])


def iter_files(n_articles: int, seed: int = 7, start: int = 0, n_files: Optional[int] = None,
               sizes: str = "real") -> Iterator[GenFile]:
    """Files from index ``start`` on until they hold ``n_articles`` articles (or, with
    ``n_files``, that many files whatever they hold)."""
    total, index = 0, start
    while (index - start < n_files) if n_files is not None else (total < n_articles):
        f = make_file(seed, index, max_articles=4 if n_files is not None else n_articles - total, sizes=sizes)
        total += len(f.articles)
        index += 1
        yield f


def gold_lines(f: GenFile) -> list[dict]:
    regions = ", ".join(a.region.name for a in f.articles)
    lines = [{"type": "file", "file": f.name, "note": f"generated {f.shape} page: {regions}"}]
    seen = set()
    for a in f.articles:
        for row in a.facts + a.rankings:
            key = json.dumps(row, sort_keys=True, ensure_ascii=False)
            if key not in seen:
                seen.add(key)
                lines.append({**{"type": row["type"], "file": f.name}, **{k: v for k, v in row.items() if k != "type"}})
    return lines


@dataclass
class CorpusInfo:
    inbox: Path
    gold: Path
    files: int = 0
    articles: int = 0
    bytes: int = 0
    facts: int = 0
    rankings: int = 0
    next_index: int = 0
    shapes: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        d = dict(self.__dict__)
        d["inbox"], d["gold"] = str(self.inbox), str(self.gold)
        return d


def generate(inbox: Path, n: int, seed: int = 7, gold: Optional[Path] = None, start: int = 0,
             n_files: Optional[int] = None, sizes: str = "real") -> CorpusInfo:
    """Write files holding ``n`` articles (or ``n_files`` files) into ``inbox`` and their gold
    facts into ``gold`` (default ``inbox/../gold.jsonl``; appended to when ``start`` > 0)."""
    inbox = Path(inbox)
    inbox.mkdir(parents=True, exist_ok=True)
    gold = Path(gold) if gold else inbox.parent / "gold.jsonl"
    info = CorpusInfo(inbox, gold, next_index=start)
    with open(gold, "a" if start else "w", encoding="utf-8") as out:
        for f in iter_files(n, seed, start, n_files, sizes):
            (inbox / f.name).write_bytes(f.data)
            info.files += 1
            info.articles += len(f.articles)
            info.bytes += len(f.data)
            info.shapes[f.shape] = info.shapes.get(f.shape, 0) + 1
            info.next_index = int(f.name[1:7]) + 1
            for line in gold_lines(f):
                info.facts += line["type"] == "fact"
                info.rankings += line["type"] == "ranking"
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return info


def main(argv: Optional[list[str]] = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description="write the benchmark corpus and its gold facts")
    ap.add_argument("out", help="folder; files go to OUT/inbox, gold to OUT/gold.jsonl")
    ap.add_argument("--n", type=int, default=1000, help="articles")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--sizes", choices=SIZES, default="real", help="article sizes (see SIZES)")
    args = ap.parse_args(argv)
    info = generate(Path(args.out) / "inbox", args.n, args.seed, sizes=args.sizes)
    print(json.dumps(info.as_dict(), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
