"""The gazetteer: administrative divisions of China, their codes, aliases and history.

Built once per process from data files (see ``data/reference/admin_divisions/SOURCE.md`` and
``data/reference/regions/SOURCE.md``):

- every province-, prefecture- and county-level division of the NBS 2021 statistical codes,
  with the development zones NBS codes at county level (level ``zone``);
- historical names of renamed or upgraded divisions (南和县 -> 南和区 130506) that resolve to
  their successor's *current* code, and abolished divisions (邢台县 130521) that keep their
  historical code with status ``abolished``;
- zones without a code (邢东新区, key ``name:邢东新区``) and hand-listed aliases (冀南新区);
- short names derived by rule (清河 for 清河县, 围场 for 围场满族蒙古族自治县), never a
  single character, never a stop-listed common word, and dropped when two divisions of the
  same rank share them unless a context region decides.

Mentions are found by one scan over the positions where a known name can begin, with an index of the
names by their first two characters built once per process (:meth:`Gazetteer._build_automaton`).
"""
from __future__ import annotations

import csv
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional


from ledger.config import REFERENCE_DIR

ADMIN_DIR = REFERENCE_DIR / "admin_divisions"
REGIONS_DIR = REFERENCE_DIR / "regions"

HOME_PROVINCE = "130000"   # 河北省; override with LEDGER_HOME_PROVINCE ('' for none)
LEVELS = ("province", "prefecture", "county", "zone")
_LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2, "zone": 3}
# an alias kind ranks: a full name beats a historical name beats a short name
_KIND_RANK = {"full": 0, "zone": 0, "historical": 1, "short": 2}
# characters that end the name of a division; a short name followed by one of them that does
# not complete its own full name is another word (大城市 is not 大城县)
ADMIN_SUFFIXES = "省市县区州旗盟"
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Region:
    key: str                       # code, or 'name:<full name>' for a zone without code (邢东新区)
    code: Optional[str]            # current 6-digit code (a renamed division resolves to its successor)
    name: str                      # current full name (南和区)
    level: str                     # 'province' | 'prefecture' | 'county' | 'zone'
    status: str                    # 'current' | 'abolished'
    parent_code: Optional[str]
    prefecture_code: Optional[str]
    province_code: Optional[str]
    prefecture_name: Optional[str]
    province_name: Optional[str]


@dataclass(frozen=True)
class RegionMention:
    start: int                     # offsets in the text searched
    end: int
    surface: str                   # as written: 南和县, 清河
    region: Region
    kind: str                      # 'full' | 'short' | 'historical' | 'zone'


@dataclass(frozen=True)
class _Alias:
    surface: str
    region: Region
    kind: str
    year: Optional[int] = None     # year of the rename / abolition for historical names


# --------------------------------------------------------------------------- data files

def _read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if any((v or "").strip() for v in r.values())]


def _read_lines(path) -> list[str]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


# --------------------------------------------------------------------------- short names

_PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市")
_GENERIC_SUFFIXES = ("自治县", "自治旗", "自治州", "林区", "特区", "矿区", "新区", "地区", "县", "市", "区", "旗", "盟")


def short_name(name: str, level: str, ethnic: Iterable[str] = ()) -> Optional[str]:
    """The name without its administrative suffix (and ethnic qualifiers), or None.

    清河县 -> 清河, 围场满族蒙古族自治县 -> 围场, 河北省 -> 河北, 广西壮族自治区 -> 广西,
    威县 -> None (a single character is never a short name).
    """
    stem = None
    if level == "province":
        for suf in _PROVINCE_SUFFIXES:
            if name.endswith(suf) and len(name) > len(suf):
                stem = name[: -len(suf)]
                break
    else:
        for suf in _GENERIC_SUFFIXES:
            if name.endswith(suf) and len(name) > len(suf):
                stem = name[: -len(suf)]
                if suf.startswith("自治"):
                    stem = _strip_ethnic(stem, ethnic)
                break
    if not stem or len(stem) < 2 or stem == name:
        return None
    return stem


def _strip_ethnic(stem: str, ethnic: Iterable[str]) -> str:
    """围场满族蒙古族 -> 围场; and a group written without 族 (巴音郭楞蒙古 -> 巴音郭楞, 克孜勒苏柯尔克孜 -> 克孜勒苏,
    as Xinjiang's autonomous prefectures are named), once, where at least two characters are left."""
    groups = sorted(ethnic, key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        if stem.endswith("族"):
            for g in groups:
                if stem.endswith(g + "族") and len(stem) > len(g) + 1:
                    stem = stem[: -(len(g) + 1)]
                    changed = True
                    break
    if not stem.endswith("族"):
        for g in groups:
            if len(g) >= 2 and stem.endswith(g) and len(stem) - len(g) >= 2:
                return stem[: -len(g)]
    return stem


# --------------------------------------------------------------------------- groups

_NUM = r"[一二两三四五六七八九十百几\d]+"
_UNIT = r"(?:县|市|区|旗|县市|县区|市区|区县|县市区|市县区|设区市|地级市|县级市|县\(市\)|县\(区\)|县\(市、区\)|县\(市、区、旗\)|市\(县\)|市\(县、区\)|区\(县\)|区\(市、县\))"
_GROUP_RE = re.compile(
    # an optional qualifier (全省, 东部, 京南, 环首都), then 各/所有/a count, then a unit of
    # divisions: 东部十县, 六县市, 全省各市, 各县(市、区), 京南四县, 全省168个县(市、区)
    r"^(?:[\u4e00-\u9fff]{1,5}?)?"
    rf"(?:各|所有|其他|其余|其它|{_NUM}个?|各个)"
    rf"{_UNIT}$"
)


def _norm_group(name: str) -> str:
    s = name.strip().replace("（", "(").replace("）", ")").replace(",", "、").replace("，", "、")
    return re.sub(r"\s+", "", s)


# --------------------------------------------------------------------------- the gazetteer

# the whole a position is held in: '列宜春第5' (between the verb and the position), '宜春一类县第2' (before a class
# of its counties and a position)
_HELD_IN_BEFORE = re.compile(r"(?:居|列|排|排名)$")
# ('稳居吕梁前三', '排名吕梁第一', '居全市榜首': the first N, the first, the last)
_POSITION_AFTER = re.compile(r"(?:县域|各县|城区)?(?:第[一二三四五六七八九十\d]|前[一二三四五六七八九十\d]|后[一二三四五六七八九十\d]"
                             r"|首位|榜首|倒数)")
_GROUP_POSITION_AFTER = re.compile(r"[一二三四五六七八九十\d]类(?:县市区|县区|县市|县|区|市)中?第[一二三四五六七八九十\d]")


def holds_a_position(text: str, start: int, end: int, lo: int = 0) -> bool:
    """Is the place name at ``start``..``end`` the whole a position is held in ('列宜春第5', '宜春一类县第2'),
    not a place of the text's own nor a subject of its figures? (``lo``: how far back the text may be read.)"""
    return bool((_HELD_IN_BEFORE.search(text, max(lo, start - 2), start) and _POSITION_AFTER.match(text, end))
                or _GROUP_POSITION_AFTER.match(text, end))


class Gazetteer:
    def __init__(self) -> None:
        self._children: Optional[dict[str, list[Region]]] = None   # prefecture -> current divisions
        self.regions: dict[str, Region] = {}        # key -> Region
        self._short: dict[str, Optional[str]] = {}  # key -> short name
        self._aliases: dict[str, list[_Alias]] = defaultdict(list)
        self._history: dict[str, list[dict]] = defaultdict(list)   # key -> historical names
        self._ethnic = _read_lines(REGIONS_DIR / "ethnic_groups.txt")
        # the province the corpus is about: the last tie-break of an ambiguous name (清河 is
        # 清河县 in 河北, 清河区 in 辽宁 铁岭) when neither the caller nor the text decides
        self.home_province = os.environ.get("LEDGER_HOME_PROVINCE", HOME_PROVINCE) or None
        self._stop_short = {r["short_name"] for r in _read_csv(REGIONS_DIR / "short_name_stoplist.csv")}
        self._not_after = sorted(_read_lines(REGIONS_DIR / "not_place_after.txt"), key=len, reverse=True)
        self._generic_words = set(_read_lines(REGIONS_DIR / "generic_place_words.txt"))
        cues = sorted(_read_lines(REGIONS_DIR / "other_place_cues.txt"), key=len, reverse=True)
        self._other_place_re = re.compile("(?:" + "|".join(map(re.escape, cues)) + ")") if cues else None
        after = sorted(_read_lines(REGIONS_DIR / "other_place_after.txt"), key=len, reverse=True)
        self._other_after_re = re.compile("(?:" + "|".join(map(re.escape, after)) + ")") if after else None
        self._build_divisions()
        self._build_history()
        self._build_zones()
        self._build_aliases()
        self._build_automaton()

    # ---- construction

    def _add(self, region: Region, short: Optional[str] = None) -> None:
        self.regions[region.key] = region
        self._short[region.key] = short

    def _alias(self, surface: str, region: Region, kind: str, year: Optional[int] = None) -> None:
        if not surface or len(surface) < 2:
            return
        if surface in self._stop_short or surface in self._generic_words:
            return   # 城区, 郊区, 东区 (攀枝花) are full names too, but in text they are generic words
        for a in self._aliases[surface]:
            if a.region.key == region.key and a.kind == kind:
                return
        self._aliases[surface].append(_Alias(surface, region, kind, year))

    def _build_divisions(self) -> None:
        provinces = {r["code"]: r["name"] for r in _read_csv(ADMIN_DIR / "provinces.csv")}
        cities = {r["code"]: r for r in _read_csv(ADMIN_DIR / "cities.csv")}
        municipal = {c for c, r in cities.items() if r["name"] in ("市辖区", "县")}
        not_prefecture = municipal | {c for c, r in cities.items() if "直辖县级" in r["name"]}
        for pc, pname in provinces.items():
            code = pc + "0000"
            self._add(Region(code, code, pname, "province", "current", None, None, code, None, pname),
                      short_name(pname, "province", self._ethnic))
        for cc, r in cities.items():
            if cc in not_prefecture:
                continue
            code, pcode = cc + "00", r["provinceCode"] + "0000"
            self._add(Region(code, code, r["name"], "prefecture", "current", pcode, code, pcode, r["name"],
                             provinces.get(r["provinceCode"])),
                      short_name(r["name"], "prefecture", self._ethnic))
        for r in _read_csv(ADMIN_DIR / "areas.csv"):
            code = r["code"]
            if code in self.regions or r["name"] == "市辖区":
                continue  # 东莞市/中山市/儋州市 appear as areas of themselves
            pcode = r["provinceCode"] + "0000"
            pname = provinces.get(r["provinceCode"])
            if r["cityCode"] in municipal:       # districts of 北京/天津/上海/重庆
                parent, pref, pref_name = pcode, pcode, pname
            elif r["cityCode"] in not_prefecture:  # 省直辖县级行政区划 (仙桃市, 济源市 ...)
                parent, pref, pref_name = pcode, None, None
            else:
                parent = pref = r["cityCode"] + "00"
                pref_name = cities[r["cityCode"]]["name"] if r["cityCode"] in cities else None
            level = "zone" if code[4] == "7" else "county"
            self._add(Region(code, code, r["name"], level, "current", parent, pref, pcode, pref_name, pname),
                      short_name(r["name"], "county", self._ethnic) if level == "county" else None)

    def _build_history(self) -> None:
        self.history_rows = _read_csv(REGIONS_DIR / "historical_names.csv")
        for h in self.history_rows:
            year = int(h["year"]) if h.get("year") else None
            if h["change"] == "renamed":
                succ = self.regions.get(h["successor_code"])
                if succ is None:
                    continue
                self._history[succ.key].append(h)
                self._alias(h["old_name"], succ, "historical", year)
                s = short_name(h["old_name"], "county", self._ethnic)
                if s and s != self._short.get(succ.key):
                    self._alias(s, succ, "short", year)
            elif h["change"] == "abolished":
                code = h["old_code"]
                pref = self.regions.get(h["prefecture_code"])
                prov = self.regions.get(code[:2] + "0000")
                region = Region(code, code, h["old_name"], "county", "abolished", h["prefecture_code"],
                                h["prefecture_code"], code[:2] + "0000", pref.name if pref else None,
                                prov.name if prov else None)
                if code in self.regions:   # a code reused by a current division: keep the current one
                    continue
                self._add(region, short_name(h["old_name"], "county", self._ethnic))
                self._history[code].append(h)

    def _build_zones(self) -> None:
        for z in _read_csv(REGIONS_DIR / "zones.csv"):
            parent = self.regions.get(z["parent_code"])
            if parent is None:
                continue
            pref = parent.code if parent.level == "prefecture" else parent.prefecture_code
            region = Region("name:" + z["name"], None, z["name"], "zone", "current", parent.code, pref,
                            parent.province_code, parent.prefecture_name, parent.province_name)
            self._add(region, None)
            for a in (z.get("aliases") or "").split(";"):
                if a.strip():
                    self._alias(a.strip(), region, "zone")

    def _build_aliases(self) -> None:
        abbreviations = _read_csv(REGIONS_DIR / "zone_abbreviations.csv")
        for key, region in self.regions.items():
            kind = "zone" if region.level == "zone" else ("full" if region.status == "current" else "historical")
            self._alias(region.name, region, kind)
            short = self._short.get(key)
            if short and short not in self._stop_short:
                self._alias(short, region, "short")
            if region.level == "zone":
                self._zone_aliases(region, abbreviations)
        self._autonomous_aliases()
        self._prefixed_generic_aliases()
        for a in _read_csv(REGIONS_DIR / "aliases.csv"):
            target = a["target"]
            region = self.regions.get(target) or self.regions.get("name:" + target)
            if region is not None:
                self._alias(a["alias"], region, "zone" if region.level == "zone" else "full")

    # an autonomous division is written in news with its plain suffix: 大厂回族自治县 -> 大厂县,
    # 维西傈僳族自治县 -> 维西县, 恩施土家族苗族自治州 -> 恩施州, 鄂温克族自治旗 -> 鄂温克旗; or with its
    # autonomous suffix and without its peoples: 肃北自治县, 黔东南自治州
    _AUTONOMOUS_SUFFIX = {"自治县": "县", "自治旗": "旗", "自治州": "州"}

    def _autonomous_aliases(self) -> None:
        """Short name + plain suffix as a full-name alias of an autonomous division (the stem
        may be a stop-listed word alone, 大厂, but 大厂县 is a name). Skipped when the surface
        already names another division."""
        for key, region in list(self.regions.items()):
            if region.status != "current":
                continue
            for suf, plain in self._AUTONOMOUS_SUFFIX.items():
                if not region.name.endswith(suf):
                    continue
                stem = _strip_ethnic(region.name[: -len(suf)], self._ethnic)
                if len(stem) < 2 or stem == region.name[: -len(suf)]:
                    break
                # ... and with its suffix but not its peoples: 阿克塞哈萨克族自治县 -> 阿克塞自治县
                for surface in (stem + plain, stem + suf):
                    if not any(a.region.key != key for a in self._aliases.get(surface, ())):
                        self._alias(surface, region, "full")
                break

    def _prefixed_generic_aliases(self) -> None:
        """A district whose name is a generic word (阳泉's 矿区, 城区 and 郊区, 攀枝花's 东区) is written
        after its prefecture: 阳泉市矿区 and 阳泉矿区 are names, 矿区 alone is not."""
        for key, region in list(self.regions.items()):
            if region.status != "current" or region.level != "county" or not region.prefecture_code or \
                    (region.name not in self._stop_short and region.name not in self._generic_words):
                continue
            pref = self.regions.get(region.prefecture_code)
            if pref is None:
                continue
            for prefix in (pref.name, self._short.get(pref.key)):
                if prefix and not any(a.region.key != key for a in self._aliases.get(prefix + region.name, ())):
                    self._alias(prefix + region.name, region, "full")

    def _zone_aliases(self, region: Region, abbreviations: list[dict]) -> None:
        """高新技术产业开发区 -> 高新区 after the place prefix: 石家庄高新区, 衡水高新区."""
        names = {region.name}
        for ab in abbreviations:
            for n in list(names):
                if n.endswith(ab["long"]):
                    names.add(n[: -len(ab["long"])] + ab["short"])
        for n in names - {region.name}:
            self._alias(n, region, "zone")
        # ... and without its city's name, where what is left still names it: 包头稀土高新区 -> 稀土高新区
        # (not 石家庄高新区 -> 高新区: a generic word names no zone)
        pref = self.regions.get(region.prefecture_code) if region.prefecture_code else None
        if pref is None:
            return
        for n in names:
            prefix = next((p for p in (pref.name, self._short.get(pref.key)) if p and n.startswith(p)), None)
            if prefix is not None:
                rest = n[len(prefix):]
                if re.search(r"(?:经开区|经济开发区|经济技术开发区|园区)$", rest):
                    continue     # (滨海经开区, 汽车经开区: many cities have one)
                stem = self._ZONE_GENERIC.sub("", rest)
                for ab in abbreviations:
                    stem = stem.removesuffix(ab["short"][:-1]).removesuffix(ab["long"][:-1])
                if len(stem) >= 2 and stem not in self._GENERIC_ZONE_STEMS and not self._aliases.get(rest):
                    self._alias(rest, region, "zone")

    # what is left of a zone's name without its city that names no zone of its own
    _GENERIC_ZONE_STEMS = frozenset(("高新", "经济", "经开", "技术", "产业", "工业", "科技", "高新技术", "经济技术",
                                     "高新技术产业", "临空", "综合", "保税", "新", "港", "城乡一体化", "火炬"))

    def _build_automaton(self) -> None:
        """The index every surface is found with (:meth:`_candidates`): the surfaces by their first two
        characters, with the lengths to try longest first, and a character class of the characters a surface
        can begin with, so a scan visits only the positions where one can begin. (An Aho-Corasick automaton
        did the same in one pass, but pyahocorasick's per-character cost grows with the number of names:
        over 1.3 M characters of real-size articles 0.65 s with the 6,722 surfaces, 0.015 s with 10; this
        index finds the same candidates in 0.39 s.)"""
        heads: dict[str, set] = defaultdict(set)
        singles = set()
        for surface in self._aliases:
            if len(surface) == 1:
                singles.add(surface)
            else:
                heads[surface[:2]].add(len(surface))
        self._surfaces = frozenset(self._aliases)
        self._heads = {h: tuple(sorted(lens)) for h, lens in heads.items()}
        self._single_surfaces = frozenset(singles)
        firsts = {h[0] for h in heads} | singles
        self._first_chars = re.compile("[" + "".join(re.escape(c) for c in sorted(firsts)) + "]") if firsts else None
        self._not_after_set = set(self._not_after)
        self._not_after_max = max((len(w) for w in self._not_after), default=0)

    # ---- lookups

    def region_rows(self) -> list[dict]:
        """Rows of the ``regions`` relation (sql/tables/regions.sql)."""
        aliases: dict[str, set] = defaultdict(set)
        for surface, lst in self._aliases.items():
            for a in lst:
                if surface != a.region.name:
                    aliases[a.region.key].add(surface)
        rows = []
        for key, r in self.regions.items():
            abolished = [h for h in self._history.get(key, ()) if h["change"] == "abolished"]
            rows.append(dict(
                region_key=r.key, code=r.code, name=r.name, short_name=self._short.get(key),
                level=r.level, status=r.status, parent_code=r.parent_code,
                prefecture_code=r.prefecture_code, prefecture_name=r.prefecture_name,
                province_code=r.province_code, province_name=r.province_name,
                aliases=sorted(aliases.get(key, ())),
                abolished_year=int(abolished[0]["year"]) if abolished and abolished[0].get("year") else None,
                successor_names=abolished[0]["successor_name"] if abolished else None,
            ))
        return rows

    def alias_rows(self) -> list[dict]:
        """Rows of the ``region_aliases`` relation: every name that resolves, with its target and kind."""
        out = []
        for surface, lst in self._aliases.items():
            ambiguous = len({x.region.key for x in lst}) > 1
            for a in lst:
                out.append(dict(alias=surface, region_key=a.region.key, code=a.region.code,
                                name=a.region.name, kind=a.kind, year=a.year, ambiguous=ambiguous))
        # a stable order: the table's fingerprint (ingest.load_regions) must not change between processes
        out.sort(key=lambda r: (r["alias"], r["region_key"], r["kind"] or "", r["year"] or 0))
        return out

    def child_named(self, prefecture_code: Optional[str], name: str) -> Optional[Region]:
        """The current county-level division of a prefecture with exactly this name (晋城市 + 城区)."""
        hits = [r for r in self._current_children(prefecture_code) if r.level == "county" and r.name == name]
        return hits[0] if len(hits) == 1 else None

    _ZONE_GENERIC = re.compile(r"(?:经济技术开发区|经济开发区|技术开发区|开发区|管理区|新区|园区|示范区|区)$")

    def local_zone(self, name: str, prefecture_code: Optional[str]) -> Optional[Region]:
        """The one zone of a prefecture a short local name stands for: '高新开发区' in a 唐山 text is
        唐山高新技术产业开发区, '海港开发区' 河北唐山海港经济开发区 (the distinctive part of the name
        found in exactly one zone of the prefecture), else None."""
        stem = self._ZONE_GENERIC.sub("", name)
        if len(stem) < 2:
            return None
        hits = [z for z in self._current_children(prefecture_code) if z.level == "zone" and z.code and stem in z.name]
        return hits[0] if len(hits) == 1 else None

    def _current_children(self, prefecture_code: Optional[str]) -> list[Region]:
        """The current county-level divisions and zones of a prefecture (indexed on first use)."""
        if not prefecture_code:
            return []
        if self._children is None:
            self._children = defaultdict(list)
            for r in self.regions.values():
                if r.status == "current" and r.level in ("county", "zone") and r.prefecture_code:
                    self._children[r.prefecture_code].append(r)
        return self._children.get(prefecture_code, [])

    def get(self, code: str) -> Optional[Region]:
        if code is None:
            return None
        return self.regions.get(code) or self.regions.get("name:" + code)

    def names(self) -> list[str]:
        """Every surface form the gazetteer resolves (for the jieba user dictionary)."""
        return list(self._aliases)

    def aliases_of(self, surface: str) -> list[_Alias]:
        return list(self._aliases.get(surface, ()))

    def _choose(self, cands: list[_Alias], context: Optional[Region]) -> Optional[_Alias]:
        """One alias among the candidates of a surface, or None when it stays ambiguous."""
        if not cands:
            return None
        keys = {c.region.key for c in cands}
        if len(keys) == 1:
            return min(cands, key=lambda c: _KIND_RANK[c.kind])
        if context is not None:
            ctx_pref = context.code if context.level == "prefecture" else context.prefecture_code
            ctx_prov = context.province_code
            for test in (lambda r: r.key == context.key,
                         lambda r: ctx_pref is not None and (r.prefecture_code == ctx_pref or r.code == ctx_pref),
                         lambda r: ctx_prov is not None and r.province_code == ctx_prov):
                hit = [c for c in cands if test(c.region)]
                if len({c.region.key for c in hit}) == 1:
                    return min(hit, key=lambda c: _KIND_RANK[c.kind])
                if len({c.region.key for c in hit}) > 1:
                    cands = hit
                    break
        # without a deciding context: the best-ranked candidate wins only when it is alone
        # (a historical name and another division's current name tie: 桥东区 is 张家口's
        # current district and 邢台's old name of 襄都区)
        def rank(c: _Alias) -> tuple:
            return (c.region.status != "current", _LEVEL_RANK[c.region.level], c.kind == "short")
        best = min(rank(c) for c in cands)
        top = [c for c in cands if rank(c) == best]
        if len({c.region.key for c in top}) == 1:
            return min(top, key=lambda c: _KIND_RANK[c.kind])
        return None

    def resolve(self, name: str, context: Optional[Region] = None) -> Optional[Region]:
        """A full, short or historical name (or 邢台市南和区) to its region; None when unknown or ambiguous."""
        if not name:
            return None
        name = name.strip()
        allowed = {self.home_province, context.province_code if context is not None else None}
        hit = self._choose(self._eligible(name, allowed), context)
        if hit is not None:
            return hit.region
        if self._aliases.get(name):
            return None      # known but ambiguous without context
        ms = self.find_mentions(name, context)
        if ms and ms[0].start == 0 and ms[-1].end == len(name) and \
                all(a.end == b.start for a, b in zip(ms, ms[1:])):
            return ms[-1].region
        return None

    def alias_kind(self, surface: str, region: Region) -> Optional[str]:
        for a in self._aliases.get(surface, ()):
            if a.region.key == region.key:
                return a.kind
        return None

    # ---- mentions

    def _short_blocked(self, text: str, start: int, end: int) -> bool:
        """A short name that is part of another word or entity (清河湖, 大城市, 邢台日报)."""
        nxt = text[end:end + max(self._not_after_max, 2)]
        if nxt and nxt[0] in ADMIN_SUFFIXES and nxt[1:2] not in self._AFTER_BLOCK:
            return True      # 大城市: another name; but 河北区域 is 河北 + 区域
        for w in self._not_after:
            if nxt.startswith(w):
                return True
        return False

    _CAND_SLOTS = 4

    def _candidates(self, text: str) -> list[tuple[int, int, str]]:
        """Every known surface in ``text`` (start, end, surface); callers only read the list.

        main_region_obj scans the same title and body strings twice (find_mentions, then
        unresolved_place_names): the last few results are kept, looked up by identity of the
        string object (so a hit is always the same text)."""
        cache = getattr(self, "_cand_cache", ())
        for t, found in cache:
            if t is text:
                return found
        out = []
        if self._first_chars is not None:
            heads, surfaces, singles = self._heads, self._surfaces, self._single_surfaces
            for m in self._first_chars.finditer(text):
                i = m.start()
                if singles and text[i] in singles:
                    out.append((i, i + 1, text[i]))
                for n in heads.get(text[i:i + 2], ()):
                    w = text[i:i + n]
                    if len(w) < n:
                        break      # (the text ends before a name this long could)
                    if w in surfaces:
                        out.append((i, i + n, w))
            out.sort(key=lambda c: (c[1], c[0]))      # by end, the longest first (as a left-to-right scan finds them)
        self._cand_cache = ((text, out),) + cache[:self._CAND_SLOTS - 1]
        return out

    def _doc_context(self, raw: list[tuple[int, int, str]]) -> Optional[Region]:
        """The prefecture a text is about, judged from its unambiguous full names and the
        short names of prefectures and provinces (county short names are not trusted yet)."""
        prefs: Counter = Counter()
        last_end = 0
        for start, end, surface in sorted(raw, key=lambda c: (c[0], c[0] - c[1])):
            if start < last_end:
                continue
            last_end = end
            lst = [a for a in self._aliases[surface]
                   if a.kind != "short" or a.region.level in ("province", "prefecture")]
            a = self._choose(lst, None)    # 邢台: the prefecture, not the abolished 邢台县
            if a is not None and a.region.prefecture_code:
                prefs[a.region.prefecture_code] += 1
        if not prefs:
            return None
        top = prefs.most_common(2)
        if len(top) == 1 or top[0][1] > top[1][1]:
            return self.regions.get(top[0][0])
        return None

    def _eligible(self, surface: str, allowed_provinces: set) -> list[_Alias]:
        """The aliases a surface may stand for here: a county's short name (清河) counts only
        in its own province (the home province, the caller's or the text's); elsewhere
        short county names are too often ordinary words (资源, 通道, 平原)."""
        return [a for a in self._aliases.get(surface, ())
                if a.kind != "short" or a.region.level in ("province", "prefecture")
                or a.region.province_code in allowed_provinces]

    def find_mentions(self, text: str, context: Optional[Region] = None) -> list[RegionMention]:
        """Place names in ``text``, left to right, non-overlapping, longest first (see _scan)."""
        return self._scan(text, context)[0]

    def ambiguous_names(self, text: str, context: Optional[Region] = None) -> list[tuple[int, int, str]]:
        """Known names left out of ``find_mentions`` because nothing decides between their
        regions (新华区 with no 石家庄/沧州 around it): the sentence names a place, just not
        one we may pick. Same offsets as find_mentions."""
        return self._scan(text, context)[1]

    def _scan(self, text: str, context: Optional[Region] = None) -> tuple[list[RegionMention], list[tuple[int, int, str]]]:
        """Place names in ``text``, left to right, non-overlapping, longest first.

        Ambiguous names (桥西区, 清河) are decided by ``context``, else by the region directly
        before them (邢台市桥东区), else by the prefecture the text's unambiguous names agree
        on, else by the home province; otherwise they are left out. Short names and
        two-character full names (范县) count only where jieba's segmentation puts a word
        boundary on both sides (示范县 is one word, not 示 + 范县).
        """
        if not text:
            return [], []
        raw = []
        found = self._candidates(text)
        # where a full name begins: a short name right before it is a place too (石家庄桥东区)
        full_starts = {start for start, _, surface in found
                       if any(a.kind != "short" for a in self._aliases[surface])}
        for start, end, surface in found:
            if surface.endswith(("区", "县")) and text[end:end + 1] == "域" and (surface.endswith("区") or any(
                    a.region.level in ("province", "prefecture") for a in self._aliases.get(surface[:-1], ()))):
                continue     # 河北区域 is 河北 + 区域, not 天津 河北区; 河南县域 is 河南 + 县域, not 河南县 (遂昌县域 is 遂昌县's)
            if end not in full_starts and all(a.kind == "short" for a in self._aliases[surface]) \
                    and self._short_blocked(text, start, end):
                continue
            if end - start == 2 and (_in_slogan(text, start, end) or _in_strategy_list(text, start, end)):
                continue     # '“生态富县，生态富民”': a slogan's verb and object, not 富县
            if end - start == 2 and _CONJ_THEN_ORGAN.match(text, start):
                continue     # '在县委的领导和县人大的监督下': 和 + 县人大, not 和县
            if end - start == 2 and surface[0] == "全" and surface[1] in ADMIN_SUFFIXES:
                continue     # '全州实现生产总值': an autonomous prefecture speaking of itself, not 全州县
            raw.append((start, end, surface))
        if not raw:
            return [], []
        doc_ctx = context if context is not None else self._doc_context(raw)
        allowed = {self.home_province}
        for r in (context, doc_ctx):
            if r is not None and r.province_code:
                allowed.add(r.province_code)
        if doc_ctx is None:
            # no one prefecture leads, but the prefectures named are all of one province
            # ('七台河市…牡丹江、佳木斯…鸡西'): its counties' short names count
            # (or the province itself: '晋江地处福建东南沿海')
            provs = {a.region.province_code for _, _, surface in raw for a in self._aliases.get(surface, ())
                     if a.region.level in ("prefecture", "province") and (a.kind != "short" or len(surface) >= 2)}
            if len(provs) == 1 and None not in provs:
                allowed |= provs
        # a county's short name the text repeats (柳林 three times in 柳林's own report) is that county,
        # in any province, when it names one county only
        # (its slogans count too: '实现了“利辛之变”' names the county, though no mention is read inside a slogan)
        kept = set(raw)
        counts = Counter(surface for start, end, surface in found if (start, end, surface) in kept
                         or (end - start == 2 and _in_slogan(text, start, end)
                             and not self._short_blocked(text, start, end)))
        for surface, n in counts.items():
            if n >= 3 and _not_a_common_word(surface):     # (资源 three times is the word, not 资源县)
                regions = {a.region.key: a.region for a in self._aliases.get(surface, ())
                           if a.kind == "short" and a.region.level == "county"}
                if len(regions) == 1 and all(a.kind == "short" for a in self._aliases.get(surface, ())):
                    allowed.add(next(iter(regions.values())).province_code)
        # four or more counties of one prefecture named by their short names, each of them only a county's
        # ('宜都13个，夷陵5个，…枝江、当阳0个' in a 宜昌 notice): a list of siblings, in their province
        siblings: dict[str, set] = defaultdict(set)
        for surface in counts:
            regs = {a.region.key: a.region for a in self._aliases.get(surface, ())}
            if len(regs) == 1 and all(a.kind == "short" for a in self._aliases.get(surface, ())) \
                    and _not_a_common_word(surface):
                r = next(iter(regs.values()))
                if r.level == "county" and r.prefecture_code:
                    siblings[r.prefecture_code].add(surface)
        for pref, names in siblings.items():
            if len(names) >= 4:
                allowed.add(self.regions[pref].province_code if pref in self.regions else None)
        allowed.discard(None)
        ends_at: Optional[dict] = None     # where each province or prefecture named ends (its code), when asked
        cands = []
        for start, end, surface in raw:
            if len(surface) == 2 and surface[0] in "和及与或并" and text[end:end + 1] in "委政域级长城乡":
                continue     # '市委市政府和县委': 和 + 县委, not 和县
            lst = self._eligible(surface, allowed)
            if not lst and ends_at is None:
                ends_at = {e: a.region.code for _, e, sf in raw for a in self._aliases.get(sf, ())
                           if a.region.level in ("province", "prefecture") and a.kind != "historical"}
            owner = (ends_at.get(start - 1) if text[start - 1:start] == "的" else ends_at.get(start)) if not lst else None
            if owner:
                # '福建的晋江、浙江的慈溪', '山东省龙口、…': a county's short name right after its own province (or
                # prefecture), or after it and 的
                lst = [a for a in self._aliases.get(surface, ()) if a.kind == "short" and a.region.level == "county"
                       and owner in (a.region.province_code, a.region.prefecture_code)]
            if not lst and re.match(r"全县|县委|县政府|县人民政府|全市|市委|市政府|全区|区委", text[end:end + 5]):
                # '缙云全县上下': a short name followed by its own 全县/县委 is that county, in any province
                lst = [a for a in self._aliases.get(surface, ()) if a.kind == "short"
                       and a.region.level == "county"
                       and a.region.name[-1] == (text[end + 1:end + 2] if text[end] == "全" else text[end])]
            if not lst:
                continue
            only_short = all(a.kind == "short" for a in lst)
            if (only_short or len(surface) <= 2) and not _on_word_boundaries(text, start, end):
                continue
            if not only_short and start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" \
                    and not _cut_before(text, start):
                continue     # '新增城区厕位23个': 新增 + 城区, not 增城区 (a full name starts a word)
            cands.append((start, end, surface, lst))
        cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        chosen = []
        last_end = 0
        for c in cands:
            if c[0] >= last_end:
                chosen.append(c)
                last_end = c[1]
        out: list[RegionMention] = []
        undecided: list[tuple[int, int, str]] = []
        prev: Optional[RegionMention] = None
        for start, end, surface, lst in chosen:
            ambiguous = len({x.region.key for x in lst}) > 1
            a = None
            if context is not None:
                a = self._choose(lst, context)
            if a is None and ambiguous and prev is not None and prev.end == start \
                    and prev.region.level in ("province", "prefecture"):
                a = self._choose(lst, prev.region)
            if a is None and ambiguous and doc_ctx is not None:
                a = self._choose(lst, doc_ctx)
            if a is None:
                a = self._choose(lst, None)
            if a is None:
                undecided.append((start, end, surface))
                continue
            m = RegionMention(start, end, surface, a.region, a.kind)
            out.append(m)
            prev = m
        return out, undecided

    # ---- main region

    _BYLINE = re.compile(r"作者(?:系|为|是|：|:)?\s*([\u4e00-\u9fff]{2,12}?)(?:县|市|区)?(?:委|政府|人民政府)")
    # the author's own organ: '我代表上杭县人民政府', '张家口市桥东区人民政府区长', '…在XX县第十七届人民代表大会…上',
    # 'XX县统计局', '2023年昌吉市国民经济和社会发展统计公报': the most specific place in it is the page's own
    _OWN_ORGAN = re.compile(r"((?:[\u4e00-\u9fff]{2,8}?(?:省|市|州|盟))?[\u4e00-\u9fff]{1,8}?(?:县|市|区|旗|省|州|盟))"
                            r"(?:人民政府|政府|统计局|第[一二三四五六七八九十\d]+届人民代表大会|国民经济和社会发展统计公报)"
                            # ('甘肃省人民政府批复确定的…副中心城市': the level above acting on the subject, not its own organ)
                            r"(?!批复|批准|命名|授予|认定|表彰)")
    _ACCOUNTED_BY = re.compile(r"(?:统一)?(?:核算|核定|审定|反馈|评估)")
    # a company, bank or school named after a place (宁德时代, 邢台银行) does not make that place the subject
    _ORGANISATION_AFTER = re.compile(r"时代|集团|公司|银行|大学|学院|医院|股份|有限|控股|实业|中学|小学|商会|农商"
                                     # ('积极应对拉萨‘3·14’事件': an event named after a place is no vote for it)
                                     r"|(?:[‘“'\"][^’”'\"，。]{1,8}[’”'\"])?(?:事件|事变)|地震|论坛|博览会|峰会")
    _COUNTY_SELF = re.compile(r"(?:全县|我县|该县|本县|县委|县政府)")
    _QUOTED = re.compile(r"“([^”]{2,12})”")
    # a dateline at the top of a report: '秀山网讯 4月24日，…', '本报沂水讯（记者…）'
    _DATELINE = re.compile(r"\s*(?:本报|本网)?([\u4e00-\u9fff]{2,6}?)(?:网|新闻网|融媒)?"
                           r"(?:讯|\d{1,2}月\d{1,2}日(?:讯|消息|电))")
    _TITLE_GROUP = re.compile(r"各县|各区|各市|县（市、区）|县\(市、区\)|全市|全省")
    _BANNER_SELF = re.compile(r"(?:全旗|我旗|该旗|本旗|旗委|旗政府)")    # a banner (旗) speaking of itself
    _CITY_SELF = re.compile(r"(?:全市|我市|该市|本市|市委|市政府)")

    _CLAUSE_STOP = re.compile(r"[，。；！？,;!?\n]")
    # the next item of a list, or a place right after another (鄂尔多斯市杭锦旗: the path of one place)
    _LIST_GAP = re.compile(r"\s*(?:、|和|及|与|以及)?\s*")

    def _other_place(self, text: str, m: RegionMention, prev: Optional[RegionMention]) -> bool:
        """A mention the text visits or compares with (a cue of other_place_cues.txt shortly
        before it in its clause), or the next item of a list that such a cue opened."""
        if prev is not None and self._LIST_GAP.fullmatch(text[prev.end:m.start]):
            return True
        if self._other_after_re is not None and self._other_after_re.match(text, m.end, m.end + 6):
            return True
        if holds_a_position(text, m.start, m.end):
            return True     # '列宜春第5', '宜春一类县第2': the whole a position is held in, not the text's own place
        if self._other_place_re is None:
            return False
        lo = max(0, m.start - 8)
        window = text[lo:m.start]
        stops = list(self._CLAUSE_STOP.finditer(window))
        if stops:
            window = window[stops[-1].end():]
        return self._other_place_re.search(window) is not None

    _SHARE_OF = re.compile(r"占(?:全)?$")

    def _own_share_of(self, text: str, m: RegionMention, mentions: list) -> bool:
        """Is mention ``m`` the whole of a share its sentence states with no other place named before it
        ('…占朝阳市总GDP的15.2%'; not '百色…工业用电量…占广西总量的31%')?"""
        if not self._SHARE_OF.search(text, max(0, m.start - 3), m.start):
            return False
        lo = max(text.rfind(c, 0, m.start) for c in "。！？\n") + 1
        return not any(lo <= o.start < m.start and o.region.key != m.region.key for o in mentions)
    _DISTRICT_SELF = re.compile(r"(?:全区|我区|该区|本区|区委|区政府|区人民政府)")
    # the city speaking of itself; 全市 as a rank scope or average (居全市第一, 全市平均) is not
    _CITY_OWN = re.compile(r"(?:我市|本市|市委|市政府|全市(?![第排首前后平同]))")

    def _city_text_naming_a_county(self, choice: Region, title_keys: set, score: Counter, text: str) -> bool:
        if choice.level not in ("county", "zone") or choice.key in title_keys or score[choice.key] > 2:
            return False
        if choice.name.endswith(("县", "旗")):
            own = len(self._COUNTY_SELF.findall(text))
        elif choice.name.endswith("区"):
            own = len(self._DISTRICT_SELF.findall(text))
        else:
            return False      # a county-level city speaks of itself as 全市 too
        return own == 0 and len(self._CITY_OWN.findall(text)) >= 2

    def main_region_obj(self, title: Optional[str], text: str) -> Optional[Region]:
        """Best guess of an article's main region from its title and body.

        Only the title and the body vote (FACTS.md: "from title and body"). The source line a
        parser takes off the page (来源：威县融媒体中心) and breadcrumbs are not passed in: a page
        that names its county only there has no main region, and its 全县 facts keep a NULL
        code (the scorer accepts only that for a page that never names its county). Mentions
        of places the text learns from, compares with or borders (other_place_cues.txt,
        other_place_after.txt) do not vote; 全县/我县 never break a tie between two counties; a
        city's own text (全市/市委, no 全县/全区) naming a county in passing is not about it."""
        text = text or ""
        title = title or ""
        if title and not title.isascii():
            # a mirror page keeps its Traditional title as written (the parser simplifies only
            # the extraction text): 寧晉縣 in a title is 宁晋县
            from ledger.parsing.normalize import to_simplified
            title = to_simplified(title)
        score: Counter = Counter()
        title_keys = set()
        body_ms = self.find_mentions(text)
        # the title read in the body's prefecture: '莒南富不富' over a text about Shandong's counties
        # (a county's short name counts only in a province the text is about)
        # (not a title about a city's counties as a whole: '各县(市、区)成绩单出炉 长垣经济继续领跑全市')
        prefs = Counter(m.region.prefecture_code for m in body_ms if m.region.prefecture_code)
        title_ctx = self.regions.get(prefs.most_common(1)[0][0]) if prefs and not self._TITLE_GROUP.search(title) else None
        for m in self.find_mentions(title, title_ctx):
            score[m.region.key] += 5
            title_keys.add(m.region.key)
        prev_other: Optional[RegionMention] = None
        for m in body_ms:
            if self._other_place(text, m, prev_other):
                prev_other = m     # 赴宁晋县考察, 仅次于宁晋县和清河县: not the article's own place
                continue
            prev_other = None
            if self._ORGANISATION_AFTER.match(text, m.end):
                continue
            score[m.region.key] += 1
        head = (title or "") + "\n" + text[:3000]
        for om in self._OWN_ORGAN.finditer(head):
            if self._ACCOUNTED_BY.match(head, om.end()) and (
                    om.group(1)[:1] in ("经", "由") or head[max(0, om.start() - 1):om.start()] in ("经", "由")):
                continue     # '经广东省统计局统一核算，2021年东莞实现…': the level above accounts the figures, not the subject
            inner = self.find_mentions(om.group(1))
            if inner:
                score[inner[-1].region.key] += 10
        own_words = len(self._COUNTY_SELF.findall(text))
        for bm in self._BYLINE.finditer(text):
            r = self.resolve(bm.group(1))
            if r is None:
                for m in self.find_mentions(bm.group(0)):
                    r = m.region
            if r is not None:
                score[r.key] += 10
        banner_words = len(self._BANNER_SELF.findall(text))
        district_words = len(self._DISTRICT_SELF.findall(text))
        if not score:
            speaks = own_words + banner_words + district_words
            if not speaks and len(self._CITY_OWN.findall(text)) >= 2:
                # '…全市国民经济和社会发展情况公报' whose only place is in its slogan ('四个辽阳'建设): that city
                return self._own_history_place(text[:3000], level="prefecture")
            return self._unnamed_own_county(title, text) if speaks else None
        choice = self._main_choice(score, own_words, len(self._CITY_OWN.findall(text)), banner_words, district_words)
        if choice is not None and self._city_text_naming_a_county(choice, title_keys, score, text):
            # a city's own text (全市/我市/市委 all through, never 全县/全区) that names one of its
            # counties in passing is not about that county
            rest = Counter({k: v for k, v in score.items() if self.regions[k].level not in ("county", "zone")})
            choice = self._main_choice(rest, own_words) if rest else None
        if choice is not None and choice.level in ("province", "prefecture") and own_words >= 2:
            # 全县/我县 all through a text that names only its province (or only its prefecture,
            # never 全市/我市): it is about a county it does not name, not about the province
            city_words = len(self._CITY_SELF.findall(text))
            if (choice.level == "province" and (own_words > city_words or score[choice.key] <= 1)) or \
                    (choice.level == "prefecture" and own_words >= 3 and city_words == 0):
                own = self._unnamed_own_county(title, text)
                if own is None and choice.level == "prefecture" and not any(
                        self._AS_A_CITY.match(text, m.end) for m in body_ms if m.region.key == choice.key):
                    # '全县人民…践行民本岳阳的…理念' naming only 岳阳: the county named like its prefecture (岳阳县);
                    # not where the name is the city's ('融入岳阳省域副中心城市建设': a county of 岳阳 it does not name)
                    own = self._namesake_county(choice)
                return own if own is not None and choice.code in (own.province_code, own.prefecture_code) else None
        if choice is not None and choice.key not in title_keys and (own_words or banner_words or district_words
                                                                   or self._CITY_OWN.search(text)) \
                and any(m.region.key == choice.key and self._own_share_of(text, m, body_ms) for m in body_ms):
            # '我市地区生产总值完成36.9亿元…占朝阳市总GDP的15.2%': the whole the text's own region (我市, 全县…)
            # is a share of is not that region
            return None
        if choice is not None and choice.level == "province" and score[choice.key] <= 1 and not own_words \
                and choice.code not in self._municipalities() and choice.key not in title_keys \
                and len(self._CITY_OWN.findall(text)) >= 2:
            # 全市/我市 all through a text that names its province once ('视察贵州重要讲话精神'): it is
            # about a city it does not name, not about the province
            return None
        if choice is not None and choice.code in self._municipalities():
            # a district's own text (我代表区人民政府, 全区, 区委) that names only its municipality
            # (北京, 天津, 上海, 重庆: their counties are districts) is about a district it does not name
            if district_words >= 3 and district_words > len(self._CITY_OWN.findall(text)):
                return None
        if choice is not None:
            # a text about a place the gazetteer cannot name (那台市, a corrupted 邢台市) has no
            # main region we know: the province it mentions in passing is not it
            # (not a place the title names: '密云区' over an entry whose history names 渔阳 again and again)
            unknown = len(self.unresolved_place_names(text)) + 5 * len(self.unresolved_place_names(title))
            if unknown and unknown >= score[choice.key] and choice.key not in title_keys:
                return None
        return choice

    def _municipalities(self) -> frozenset:
        """The province-level cities (北京, 天津, 上海, 重庆): their districts hang under them directly,
        as under a prefecture (derived from the divisions, once)."""
        found = getattr(self, "_municipality_codes", None)
        if found is None:
            found = frozenset(r.prefecture_code for r in self.regions.values()
                              if r.level == "county" and r.prefecture_code and str(r.prefecture_code).endswith("0000"))
            self._municipality_codes = found
        return found

    _AS_A_CITY = re.compile(r"[^，。；;,\n]{0,8}?(?:城市|市区|中心城|都市|市委|市政府|主城)")

    def _namesake_county(self, prefecture: Region) -> Optional[Region]:
        """The current county of a prefecture that bears its name (岳阳市: 岳阳县; 长沙市: 长沙县), or None."""
        found = getattr(self, "_namesakes", None)
        if found is None:
            found = {}
            for r in self.regions.values():
                pref = self.regions.get(r.prefecture_code) if r.prefecture_code else None
                if r.level == "county" and r.status == "current" and r.name.endswith("县") and pref is not None \
                        and pref.key != r.key and pref.name[:-1] == r.name[:-1] and pref.name.endswith("市"):
                    found[pref.key] = r
            self._namesakes = found
        return found.get(prefecture.key)

    def _unnamed_own_county(self, title: str, text: str) -> Optional[Region]:
        """The county a text that speaks as 我县/全县 without naming it is about: the short name in its
        title ('公布！沂水前三季度…'), else in the dateline that opens one of its first lines ('秀山网讯 4月24日，…',
        '本报沂水讯', '苍南新闻网1月28日消息'), else in a quoted slogan near its top (建设“六个安源”)."""
        # (a line of site furniture may come before the dateline: '·新闻热线:…')
        datelines = [dl.group(1) for dl in map(self._DATELINE.match, text.split("\n", 3)[:3]) if dl]
        slogans = [q.group(1) for q in self._QUOTED.finditer(text, 0, 600)]
        for words in [title, *datelines, *slogans]:
            found = self._title_short_county(words)
            if found is not None:
                return found
        for words in slogans:
            # '“富强精美现代化新罗庄”建设': the slogan ends on its county's short name, a word jieba need not know
            ends = {a.region.key: a.region for start, end, surface in self._candidates(words) if end == len(words)
                    and _not_a_common_word(surface) for a in self._aliases.get(surface, ())
                    if a.kind == "short" and a.region.level == "county"}
            others = [a for start, end, surface in self._candidates(words) if end == len(words)
                      for a in self._aliases.get(surface, ()) if a.region.level != "county"]
            if len(ends) == 1 and not others:
                return next(iter(ends.values()))
        # last, its own words: '…也是桦川振兴发展进程中极不寻常的一年' (one county's short name, and no other, in its opening)
        found = self._title_short_county(text[:1500], only_county=True)
        return found if found is not None else self._own_history_place(text[:3000])

    # what only a place's own report says of it: '是柳林发展史上极不平凡的一年', 建设“三个柞水”
    _OWN_HISTORY = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:经济社会)?(?:发展|开展)史上|[“\"][一二三四五六七八九十]个([\u4e00-\u9fff]{2,3})[”\"]")

    def _own_history_place(self, text: str, level: str = "county") -> Optional[Region]:
        """The one place of ``level`` (a county; a prefecture for a city's own text) that a text speaking of
        itself (我县, 全市) names by its short name in a phrase only its own report uses of it ('柳林发展史上',
        “三个柞水”, “四个辽阳”), even where the name is no place word of jieba's dictionary (柳林, willows, is
        read as a place only there), else None."""
        found = set()
        for m in self._OWN_HISTORY.finditer(text):
            run = m.group(1) or m.group(2)
            for k in range(len(run) - 1):      # the name ends the run ('也是宁远' -> 宁远)
                aliases = self._aliases.get(run[k:], ())
                counties = {a.region.key for a in aliases if a.kind == "short" and a.region.level == level}
                # (a city's name is also its namesake county's, 辽阳 and 辽阳县: read at the level the text speaks as)
                others = {a.region.key for a in aliases if a.region.level != level and not (
                    level == "prefecture" and a.region.prefecture_code in counties)}
                if len(counties) == 1 and not others and _not_a_common_word(run[k:]):
                    found |= counties
                    break
        return self.regions[found.pop()] if len(found) == 1 else None

    # what a county's own report says of itself after its name ('桦川振兴发展', '桦川人民', '桦川大地')
    _OWN_NAME_AFTER = re.compile(r"(?:振兴|发展|经济|人民|大地|儿女|县域|各族|干部群众|全县|高质量|的发展|的经济|各项事业)")
    _OUTLET_AFTER = re.compile(r"(?:新闻)?(?:网|讯|日报|晚报|新闻|融媒|电视|广播|发布|报)")

    def _title_short_county(self, title: str, only_county: bool = False) -> Optional[Region]:
        """'公布！沂水前三季度经济运行情况' over a text that speaks of 我县/全县 and names no place: the
        one county whose short name the title (or a dateline, a slogan: _unnamed_own_county) holds, when
        that name is a place word of jieba's dictionary and no common word (a county outside the home
        province is otherwise read only with its province around it). ``only_county``: a name some
        prefecture or province also bears (衡阳) does not count (read from a body, it is the city)."""
        found = set()
        for start, end, surface in self._candidates(title):
            aliases = self._aliases.get(surface, ())
            if only_county and (any(a.region.level != "county" for a in aliases) or self._OUTLET_AFTER.match(title, end)
                                or not self._OWN_NAME_AFTER.match(title, end)):
                continue     # (an outlet's name, '沂水网讯', names no place; nor a road or a word, '滨江东路', '百亿元大关')
            counties = {a.region.key for a in aliases if a.kind == "short" and a.region.level == "county"}
            if len(counties) == 1 and _is_place_word(surface) and _not_a_common_word(surface) \
                    and _on_word_boundaries(title, start, end):
                found |= counties
        return self.regions[found.pop()] if len(found) == 1 else None

    def _autonomous_region(self, province_code: Optional[str]) -> bool:
        """Whether the province is an autonomous region (广西, 内蒙古 …), whose own text says 全区 of itself."""
        province = self.regions.get(province_code) if province_code else None
        return province is not None and province.name.endswith("自治区")

    def _main_choice(self, score: Counter, own_words: int, city_words: int = 0, banner_words: int = 0,
                     district_words: int = 0) -> Optional[Region]:
        """The most specific level that dominates: a county (or zone) that clearly leads the
        other counties and holds at least 0.6 of the leading prefecture's score, else that
        prefecture, else the province. ``own_words`` (全县/我县 …) support a county; ``city_words``
        (我市/市委 …) support a county-level city where the text names no prefecture (its 我市
        can be no other); ``banner_words`` (全旗/我旗 …) support a banner."""
        regions = {k: self.regions[k] for k in score}

        def best(level: str) -> tuple[Optional[Region], int, int]:
            ranked = sorted(((s, k) for k, s in score.items() if regions[k].level == level), reverse=True)
            if not ranked:
                return None, 0, 0
            return regions[ranked[0][1]], ranked[0][0], ranked[1][0] if len(ranked) > 1 else 0

        county, cs, cs2 = best("county")
        zone, zs, zs2 = best("zone")
        if zone is not None and zs > cs:
            county, cs, cs2 = zone, zs, max(cs, zs2)
        pref, ps, _ = best("prefecture")
        prov, vs, _ = best("province")
        if county is not None:
            # the county speaking of itself: 全县/我县, 全旗 for a banner, 我市 for a county-level city
            # (which supports it only where the text names no prefecture: its 我市 can be no other)
            self_words = own_words if county.name.endswith("县") else city_words if county.name.endswith("市") \
                else banner_words if county.name.endswith("旗") \
                else district_words if county.name.endswith("区") and not self._autonomous_region(county.province_code) \
                else 0     # ('白云区经济运行持续向好…全区农林牧渔业…': a district speaking of itself as 全区)
            cs_adj = cs + (min(self_words, 5) if not county.name.endswith("市") or pref is None else 0)
            # self words support a county that leads, never break a tie between two counties; a province
            # named twice as often as it, in a text that never speaks as the county (a province's review
            # of its counties), keeps the text
            if cs_adj >= 2 * cs2 and cs > cs2 and cs_adj >= 0.6 * ps and cs_adj >= 2 and not (
                    self_words == 0 and prov is not None and prov.code == county.province_code
                    and vs >= 2 * cs_adj and vs >= 2 * ps):
                # (only the county's own province: '北京CBD—天津港…' in 滨海新区's review is another province's
                # name, no review of its counties)
                return county
            if pref is None and prov is None and cs >= 2 * cs2:
                return county
            # no county leads: several counties of one prefecture (a prefecture meeting that
            # names its counties) make that prefecture the subject
            if pref is None or ps == 0:
                group: Counter = Counter()
                for k, sc in score.items():
                    r = regions[k]
                    if r.level in ("county", "zone") and r.prefecture_code:
                        group[r.prefecture_code] += sc
                top = group.most_common(2)
                if top and top[0][1] >= 2 and (len(top) == 1 or top[0][1] >= 2 * top[1][1]) \
                        and self.regions.get(top[0][0]) is not None and (prov is None or top[0][1] >= vs):
                    return self.regions[top[0][0]]
        if pref is not None and county is None:
            # several prefectures of one province, none of them dominant (a province's review of its
            # cities): the province is the subject
            prefs = [(sc, k) for k, sc in score.items() if regions[k].level == "prefecture"]
            provs = Counter(regions[k].province_code for _, k in prefs)
            pc, n = provs.most_common(1)[0]
            total = sum(sc for sc, k in prefs if regions[k].province_code == pc)
            if n >= 3 and ps <= 0.5 * total and self.regions.get(pc) is not None:
                return self.regions[pc]
        if pref is not None and (prov is None or ps >= 0.5 * vs):
            return pref
        if prov is not None:
            return prov
        if county is not None:
            return county
        return None

    def main_region(self, title: Optional[str], text: str) -> Optional[tuple[Optional[str], str]]:
        """Best guess of an article's main region: (code, name), or None."""
        r = self.main_region_obj(title, text)
        return (r.code, r.name) if r is not None else None

    # ---- groups and unresolved names

    def is_group(self, name: str) -> bool:
        """东部十县, 六县市, 全省各市, 各县(市、区) name groups of regions, not a region."""
        if not name:
            return False
        norm = _norm_group(name)
        if not _GROUP_RE.match(norm) and not ("(" in norm and re.fullmatch(_UNIT, norm)):
            return False
        return self.resolve(norm) is None     # 六安市, 八步区, 三河市 are places

    _SUFFIX_RE = re.compile(r"[市县区]")
    _NOT_NAME_CHARS = set("的了在和与及是为对向从到把被将让给等各全我该本此其这个们之而或并且也都就又还所以"
                          "如于由因上下中内外前后第每有无不没很更最已一二三四五六七八九十百千万亿两几多")
    # 县域, 市级, 区划, 市场, 县长 ...: the suffix starts another word
    _AFTER_BLOCK = set("域间块位场值面井长民级直划情容貌属志城")

    def unresolved_place_names(self, text: str) -> list[tuple[int, int, str]]:
        """Place-like names with an administrative suffix that no gazetteer entry explains.

        那台市 (a corrupted 邢台市) is reported, never resolved; generic words (全市, 城市,
        开发区, 县(市、区)), ordinary words before a suffix (促进县域, 制定市级) and the names
        the gazetteer knows (even ambiguous ones) are not. A candidate is a two-character
        stem plus 市/县/区 that starts a jieba token, is not a general-dictionary word
        (unless tagged as a name) and does not start a longer word (县域, 市场). Bare
        occurrences of a reported stem (那台 without 市) are reported too, when the stem is
        no dictionary word at all.
        """
        if not text:
            return []
        known_end = set()
        covered = bytearray(len(text) + 1)
        for start, end, surface in self._candidates(text):
            known_end.add(end)
            for i in range(start, end):
                covered[i] = 1
        for m in _ADMIN_CHANGE.finditer(text):      # '1992年撤县设市': a change of status, no name
            for i in range(max(0, m.start() - 1), m.end()):
                covered[i] = 1
        found: list[tuple[int, int, str]] = []
        for m in self._SUFFIX_RE.finditer(text):
            i = m.start()
            if i < 2 or covered[i] or covered[i - 1] or covered[i - 2] or (i + 1) in known_end:
                continue
            stem = text[i - 2:i]
            if not (_CJK.match(stem[0]) and _CJK.match(stem[1])):
                continue
            if stem[0] in self._NOT_NAME_CHARS or stem[1] in self._NOT_NAME_CHARS:
                continue
            if text[i + 1:i + 2] in self._AFTER_BLOCK:
                continue
            word = stem + text[i]
            if any(text[j:i + 1] in self._generic_words for j in range(max(0, i - 4), i)):
                continue
            if _is_dictionary_word(word) or _is_dictionary_word(text[i - 1:i + 1]):
                continue
            in_dict = _is_dictionary_word(stem)
            place_word = in_dict and _is_place_word(stem)
            if in_dict and not place_word:
                continue     # 促进, 制定, 分包: an ordinary word before the suffix
            if not _on_word_boundaries(text, i - 2, i - 2, pad=4):
                continue
            if text[i] == "区" and not place_word and text.count(word) < 2:
                continue     # X区 is too often a generic zone (禁燃区): ask for a repeat
            found.append((i - 2, i + 1, word))
        out = list(found)
        for stem in {w[:2] for _, _, w in found}:
            if _is_dictionary_word(stem):
                continue
            start = text.find(stem)
            while start != -1:
                end = start + len(stem)
                if text[end:end + 1] not in ("市", "县", "区") and not covered[start] \
                        and _on_word_boundaries(text, start, start, pad=4):
                    out.append((start, end, stem))
                start = text.find(stem, end)
        out.sort()
        return out


_ADMIN_CHANGE = re.compile(r"撤[县市区地乡镇](?:设|建|并|改)[县市区]|[县市区]改[县市区]")


def _on_word_boundaries(text: str, start: int, end: int, pad: int = 4) -> bool:
    """Whether jieba cuts ``text`` at ``start`` and at ``end`` (looked at in a small window).

    A name ending in its administrative suffix may share that character with the next word
    (涉县政府 is cut 涉 / 县政府, 威县县委 fine): a cut just before the suffix counts then."""
    from ledger.segment import cut_offsets

    lo = max(0, start - pad)
    cuts = cut_offsets(text[lo:end + pad])     # offsets in the window: each window cut once
    if start - lo not in cuts:
        return False
    if end - lo in cuts:
        return True
    zone = ZONE_SUFFIX.match(text, end)
    if zone is not None and zone.end() - lo in cuts:
        return True      # '天津开发区' is one word of jieba's dictionary: the city before its zone's suffix
    return end - start >= 2 and text[end - 1] in ADMIN_SUFFIXES and (end - 1 - lo) in cuts \
        and (end - 1) > start


def _cut_before(text: str, start: int, pad: int = 3) -> bool:
    """Whether jieba cuts ``text`` at ``start`` (a full name must begin a word: not the 增 of 新增). Only
    where a dictionary word spans ``start`` can jieba join across it, so the window is segmented only then."""
    from ledger.segment import cut_offsets

    if not any(_is_dictionary_word(text[start - k:start + m]) for k in (1, 2) if start - k >= 0 for m in (1, 2)):
        return True
    lo = max(0, start - pad)
    return start - lo in cut_offsets(text[lo:start + 3])


# the suffix of a development zone written after its city (天津开发区, 镇江高新区, 哈尔滨高新技术产业开发区)
ZONE_SUFFIX = re.compile(r"高新技术产业开发区|经济技术开发区|高新技术开发区|经济开发区|高新区|经开区|开发区")


def _is_dictionary_word(word: str) -> bool:
    """Whether jieba's general dictionary knows ``word`` (城市, 示范区 ...)."""
    from ledger.segment import dictionary_freq

    return dictionary_freq(word) > 0


def _is_place_word(word: str) -> bool:
    """Whether jieba's general dictionary tags ``word`` as a place name (ns)."""
    from ledger.segment import is_place_word

    return is_place_word(word)


# a word jieba's general dictionary counts this often is an ordinary word as often as a place (资源 17,453,
# 平原 7,457, 通道 2,130; 柳林 32, 永和 317): a county's short name written so is not trusted on its own
COMMON_WORD_FREQ = 1000


def _not_a_common_word(word: str) -> bool:
    from ledger.segment import dictionary_freq

    return dictionary_freq(word) < COMMON_WORD_FREQ


# a conjunction or preposition before an organ of the county, district or city (和县人大, 与区政府)
_CONJ_THEN_ORGAN = re.compile(r"[和与及同对向在][县区市](?:人大|委|政府|政协|纪委|直|领导|长)")


def _in_slogan(text: str, start: int, end: int) -> bool:
    """Is text[start:end] inside a quoted phrase that is longer than it ('“生态富县，生态富民”')?"""
    q = text.rfind("“", max(0, start - 20), start)
    if q < 0 or "”" in text[q:start]:
        return False
    close = text.find("”", end, end + 20)
    if close < 0:
        return False
    lo = max([q] + [text.rfind(c, q, start) for c in "，,、 "]) + 1
    hi = min([close] + [i for i in (text.find(c, end, close) for c in "，,、 ") if i >= 0])
    return (hi - lo) > (end - start)


_STRATEGY_BEFORE = re.compile(r"[\u4e00-\u9fff]{3}县、$")
_STRATEGY_AFTER = re.compile(r"、[\u4e00-\u9fff]{3}县")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _in_strategy_list(text: str, start: int, end: int) -> bool:
    """Is the two-character county text[start:end] the end of a four-character slogan in a list of
    them ('工业强县、…、和谐兴县五大战略')? It is glued to the word before it, and a neighbour in the
    list is another four-character item ending in 县."""
    if text[end - 1:end] != "县" or start < 2 or not _HAN.match(text, start - 1):
        return False
    lo = start - 2
    return bool(_STRATEGY_BEFORE.search(text, max(0, lo - 5), lo) or _STRATEGY_AFTER.match(text, end))


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    return Gazetteer()


def _bench(paths: list[str]) -> dict:
    """Build time and throughput of the gazetteer over text files (``python -m ledger.regions``)."""
    import time

    t0 = time.perf_counter()
    gaz = Gazetteer()
    build = time.perf_counter() - t0
    from ledger.segment import cut

    t0 = time.perf_counter()
    cut("清河县")
    jieba_start = time.perf_counter() - t0
    texts = []
    for p in paths:
        try:
            with open(p, encoding="utf-8", errors="replace") as fh:
                texts.append(fh.read())
        except OSError:
            continue
    text = "\n".join(texts)
    gaz.unresolved_place_names(text[:2000])      # first-use caches (place-word list)
    out = {"gazetteer_build_s": round(build, 4), "jieba_start_s": round(jieba_start, 3),
           "regions": len(gaz.regions), "aliases": len(gaz._aliases), "chars": len(text)}
    for name, fn in (("find_mentions", lambda: gaz.find_mentions(text)),
                     ("unresolved_place_names", lambda: gaz.unresolved_place_names(text)),
                     ("main_region", lambda: [gaz.main_region(None, t) for t in texts])):
        t0 = time.perf_counter()
        fn()
        dt = time.perf_counter() - t0
        out[name + "_kchars_per_s"] = round(len(text) / dt / 1000, 1) if dt > 0 else None
    return out


if __name__ == "__main__":   # python -m ledger.regions [FILES...]  (default: the shared seeds)
    import json
    import sys
    from pathlib import Path

    files = sys.argv[1:] or [str(p) for p in sorted((Path(__file__).resolve().parents[2] / "shared" / "seeds").glob("*"))]
    print(json.dumps(_bench(files), ensure_ascii=False))
