"""League prose: the places of a paragraph placed one after another on the paragraph's indicator.

"2022年全省地区生产总值……。赣州位列第二，九江位列第三，宜春位列第四、上饶位列第五"
names the indicator once and then places region after region. A sentence with no
indicator of its own whose clauses open with a place and state a placing (位列第N,
居全省第N位, 排名第N) takes the indicator of the last single-indicator group of its
paragraph, as "沙河市完成71.5亿元" takes it within one sentence (see
:mod:`ledger.extraction.facts`). A clause that names a contest (考核, 观摩, 竞赛 …) is
left to :mod:`ledger.extraction.rankings`.
"""
from __future__ import annotations

import re

from ledger.extraction.assembly import Subject, facts_for_group, mask_asides
from ledger.extraction.context import ArticleContext
from ledger.model import Fact

_N = r"[一二三四五六七八九十\d]+"
PLACING = re.compile(r"(?:稳居|位列|位居|排名|排在|居|名列|列|跃居|升至)(?:[\u4e00-\u9fa5]{1,4}?(?:省|市|国))?"
                     r"第" + _N + r"(?:位|名)?")
_CONTEST = re.compile(r"竞赛|考核|评价|评比|观摩|考评|督查|擂台|测评|拉练|比拼|红榜|黑榜|百强|强县")
_OPENS = re.compile(r"(?:^|[，,、；;。])\s*(?:而|则|其中|另外)?\s*$")


def league_facts(ctx: ArticleContext, i: int, topic: tuple, prev_target_mood: dict) -> list[Fact]:
    """Facts for the placed places of sentence ``i`` on the paragraph's indicator ``topic``
    (the group's sentence, the group, its full sentence's start and colon)."""
    s = ctx.sentences[i]
    text = ctx.text
    st = text[s.start:s.end]
    if not PLACING.search(st) or _CONTEST.search(st):
        return []
    jg, g, glo, gcolon = topic
    places = [p for p in ctx.places_in(s.start, s.end) if p.code]
    out: list[Fact] = []
    for k, p in enumerate(places):
        if not _OPENS.search(text[s.start:p.start]):
            continue
        end = places[k + 1].start if k + 1 < len(places) else s.end
        clause = text[p.end:end]
        if not PLACING.search(clause):
            continue
        sub = Subject([p], reason="place placed on the paragraph's indicator")
        out.extend(facts_for_group(ctx, jg, g, mask_asides(clause), end, glo, gcolon, prev_target_mood,
                                   subject=sub))
    return out
