"""The real seeds from ../shared/seeds (skipped when absent): counts, titles, dates, outlets, reporters."""
from __future__ import annotations

import pytest

from ledger.parsing import parse_file

COUNTS = {"000": 1, "001": 1, "002": 5, "003": 1, "004": 1}


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    out = {}
    for f in sorted(seeds_dir.iterdir()):
        pf = parse_file(f.name, f.read_bytes())
        assert pf.quarantine is None, pf.quarantine
        out[f.name[:3]] = pf.articles
    assert set(COUNTS) <= set(out)
    return out


def test_article_counts(seeds):
    assert {k: len(v) for k, v in seeds.items() if k in COUNTS} == COUNTS


def test_jekyll_seeds(seeds):
    [a] = seeds["000"]
    assert a.title == "强力实施“七大奋进行动”打造邢台东部崛起的“桥头堡”"
    assert a.published_at == "2022-01-21T08:11:53+08:00"
    assert a.outlet == "邢台日报"
    assert a.url.startswith("http://finews.zning.xyz/") and "infoCode=" in a.url
    assert a.categories == ["xingtairibao"] and a.tags == ["邢台日报新闻"]
    assert a.authors == ["清河县委书记"]  # "(作者为清河县委书记)"
    assert not any("作者为" in p or "文章来源" in p or "返回" in p for p in a.paragraphs)
    [b] = seeds["004"]
    assert b.published_at == "2022-02-14T08:21:46+08:00"
    assert b.outlet == "邢台日报" and b.authors == ["张文学"]
    assert b.paragraphs[-1].endswith("参加会议。")


def test_scraped_seeds(seeds):
    [a] = seeds["001"]
    assert a.title == "【喜迎十九大】衡水:凝心聚力 走好发展新路"
    assert a.published_at == "2017-10-12T09:17:23+08:00"
    assert a.outlet == "河北新闻网"
    assert a.authors[:4] == ["马路", "信志锋", "张洪静", "赵栋"]
    body = "\n".join(a.paragraphs)
    for junk in ("河北新闻>>", "进入移动版", "摄", "责任编辑", "官方微信", "网站首页", "(记者马路"):
        assert junk not in body, junk
    assert a.paragraphs[-1].endswith("必将迎来新跨越!")
    [c] = seeds["003"]
    assert c.title == "永清县高质量高标准实现首季“开门红”"
    assert c.published_at == "2023-06-06"
    assert c.outlet == "廊坊信息港"
    body = "\n".join(c.paragraphs)
    for junk in ("当前位置", "廊坊民生 >", "字号", " 摄", "编辑:", "分享", "来源:"):
        assert junk not in body, junk
    assert c.paragraphs[0].startswith("今年一季度,永清县地区生产总值")


def test_newspaper_page_seed(seeds):
    arts = seeds["002"]
    titles = [a.title for a in arts]
    assert titles[0].startswith("衡水") and "“三最”营商环境" in titles[0]
    assert titles[1] == "省体育局开展“1+4”专项行动"
    assert titles[2] == "上半年煤炭装船量超亿吨"
    assert titles[3].startswith("省卫生健康委统筹推进疫情防控")
    assert titles[4] == "全力以赴 加快推动综合经济实力实现新提升"
    assert arts[4].subtitle == "访那台市市长宋华英"
    assert [a.authors for a in arts] == [["陈凤来", "马路"], ["陈华"], ["苑立伟"], ["张淑会"], ["单厚军", "王永晨"]]
    assert all(a.outlet == "河北日报" for a in arts)
    assert all(a.published_at is None and "no date" in a.date_reason for a in arts)
    assert "黄骅港" in arts[2].text
    assert arts[4].paragraphs[0].startswith("记者:")
    # column labels and the kicker are not titles or paragraphs
    everything = [p for a in arts for p in a.paragraphs]
    assert "抓落实 见行动" not in titles and "高端访谈" not in everything
    # paragraphs split by a blank line mid-sentence are rejoined
    assert "的精准定位" in arts[0].text and "稳住经济大盘" in arts[0].text
    assert not any(p.endswith("稳住经") for p in arts[0].paragraphs)


def _pinyinize(text: str) -> str:
    """What a mirror site does: a bracketed syllable after every seventh Han character."""
    out, n = [], 0
    for ch in text:
        out.append(ch)
        if "\u4e00" <= ch <= "\u9fff":
            n += 1
            if n % 7 == 0:
                out.append("(jīng)" if n % 2 else "（chǎn）")
    return "".join(out)


@pytest.mark.parametrize("variant", ["gb18030", "pinyin", "traditional"])
def test_seed_variants_parse_like_the_originals(seeds_dir, variant):
    """Each seed re-encoded as GB18030, mirrored with pinyin noise, or converted to Traditional
    script (OpenCC s2t) gives the same articles, dates, outlets and reporters."""
    from ledger.parsing.ids import jaccard
    from ledger.parsing.normalize import to_simplified
    import opencc

    s2t = opencc.OpenCC("s2t")
    for f in sorted(seeds_dir.iterdir()):
        raw = f.read_text(encoding="utf-8")
        data = {"gb18030": raw.encode("gb18030"), "pinyin": _pinyinize(raw).encode("utf-8"),
                "traditional": s2t.convert(raw).encode("utf-8")}[variant]
        ref = parse_file(f.name, f.read_bytes()).articles
        got = parse_file(f.name, data).articles
        assert len(got) == len(ref), f.name
        for a, r in zip(got, ref):
            assert (a.published_at, a.outlet, a.authors) == (r.published_at, r.outlet, r.authors), f.name
            if variant == "traditional":
                assert a.script == "traditional" and to_simplified(a.title) == to_simplified(r.title)
                assert jaccard(a.text, r.text) > 0.95
            else:
                assert (a.title, a.text, a.article_id) == (r.title, r.text, r.article_id)
