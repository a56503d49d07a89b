"""Sentence-level assembly of metric facts (FACTS.md section 3): the patterns, metric groups and their
segments, subjects (regions), periods and kinds, figures, and the Fact a group yields. The rule
family every fact extractor (sentences, lists, tables) shares; it imports none of them.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import NamedTuple, Optional

from ledger.extraction.context import ArticleContext, Place
from ledger.metrics import MetricMention
from ledger.model import Fact
from ledger.numbers import Amount, cn_number, find_counts, iter_amounts
from ledger.periods import Period, PeriodMention, ended, find_periods, resolve, work_report_year, year_only
from ledger.regions import get_gazetteer, holds_a_position


# ---------------------------------------------------------------- patterns (compiled once)
# a size threshold qualifying the next item ("社会消费品零售总额、5000万元以上项目投资"), not a figure
_THRESHOLD = (r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*(?:万|亿)?元?(?:及以上|以上|以下)的?"
              r"(?:重点|重大|在建|新建|续建|新开工|工业|产业|招商|签约)?")
# (a scope word before the next listed indicator keeps the list: '…、来源地一般公共预算收入')
JOIN = re.compile(r"^\s*(?:、|和|及|与|以及|、以及|，以及)\s*(?:" + _THRESHOLD + r"|来源地|全口径|地方级?|本级)?$"
                  # ('人均地区生产总值、全员劳动生产率、居民人均可支配收入': an item outside the lexicon, listed)
                  r"|^、[^\d，,。；;、：:（）()%]{2,10}、$")
_GROWTH = re.compile(
    r"(?P<two>两年平均|三年平均|两年|三年)?(?P<cagr>年均|年平均|平均每年|年均分别)?(?P<mom>环比)?"
    r"(?:同比|比上年|比去年|较上年|较去年|比上年同期|比去年同期|较上年同期|较去年同期|按可比价(?:格)?计算|按不变价(?:格)?计算|分别|，|,|均|各|也|)*"
    r"(?P<word>增长速度为|增长速度达到|增长速度达|增长速度|增长率为|增长率达|增长率|增长|增速为|增速达到|增速达|增速|增幅为|增幅达|增幅|增加|上升|提高|递增|下降|减少|下滑|降低|回落|负增长|增)"
    r"(?:预期目标|目标)?(?:也|仅|只|则|均|都|就)*(?:了|为|是|达|达到|高达|约为|分别为|分别达到|分别达|分别是|分别)?\s*"
    r"(?:(?P<num>[-+]?\d+(?:\.\d+)?)\s*(?P<pct>%|个百分点|倍)|百分之(?P<cn>[零〇一二两三四五六七八九十百点]+)"
    # '同比增长3.8，' with the % sign lost (spun copies): a decimal rate closing its clause
    r"|(?<=增长|增速|增幅)(?P<bare>\d{1,2}\.\d{1,2})(?=[，,。；;]|$))"
)
# ('排在第二位的绵阳，一季度GDP总量…为1035.7亿元': the place right after 的, without 是)
_RANKED_IS = re.compile(r"(?:排名|排在|排正在|排|位居|居|位列)(?P<scope>全(?:省|市|国|区))?第(?P<n>[一二三四五六七八九十\d]+)(?:位|名)?"
                        r"的(?:是|为|还有|则是)?\s*$")
# '河南县域地区GDP总量…', '河南县域发展“成绩单”来了！GDP总量…': the counties of a province or city, together
_COUNTIES_TOTAL_BEFORE = re.compile(r"县域(?:经济)?(?:地区)?$|县域[^，,。；;！!？?\d]{0,12}[！!：:]\s*$")
# '去年经济总量突破3000亿元的宜宾，一季度…': a bound the place is described by, no figure of the sentence's region
_BOUND_OF_PLACE = re.compile(r"[^，,。；;\d]{0,6}?(?:超过|突破|逼近|接近|跨越|迈上|站上)[^，,。；;]{1,14}?(?:亿元|万元|亿|万)(?:大关|关口)?的(?=[\u4e00-\u9fa5])")
_THRESHOLD_THEN_PLACE = re.compile(r"[^，,。；;]{0,6}?(?:超过|超|突破|达到|在|高于|低于)[^，,。；;]{1,14}?的(?:还有|是|则是|就是|有)")
# 'X至Y' / 'X-Y': the ends of a range ("增长5%-6%", "位于1000亿元至1500亿元之间")
_RANGE_NEXT = re.compile(r"\s*(?:至|到|-|—|–|－|~|～)\s*\d")
_RANGE_END = re.compile(r"(?:至|到|-|—|–|－|~|～)\s*$")
_MILESTONE_AFTER = re.compile(r"\s*(?:大关|关口|台阶|门槛|行列|俱乐部)")
_EXCHANGE_BEFORE = re.compile(r"(?:美元|欧元|港元|汇率)(?:合|兑换?|折合?|为)(?:人民币)?\s*$")
_AHEAD_OF_BEFORE = re.compile(r"(?:超出|高出|多出|领先|落后)(?:于)?[\u4e00-\u9fa5]{1,10}$")
_THRESHOLD_BEFORE = re.compile(r"(?:介于|大于|小于|不低于|不少于|不超过|不高于|≥|≤|＞|＜|>|<)(?:等于)?\s*$")
_AVERAGE_BEFORE = re.compile(r"平均(?:值)?(?:约)?(?:为|达到?|是)?\s*$")
_BOUND_AFTER = re.compile(r"\s*(?:之下|之上|以下|以上|之间|的?区间|范围)")
_ITS = re.compile(r"(?<![其])其(?!中|他|它|余|次|实)\s*$")
_TOP_IS = re.compile(r"(?:数据|总量|规模)?(?:名义|实际)?(?P<g>增速|增幅|增长)?(?:最快|最高|最大|最多)的(?:地区|县市区|区县|县|城市|市)?(?:是|为)")
# 'GDP增速最慢的是新宁县，增速为7.3%': the last place on the indicator (its rank needs the group's size)
_BOTTOM_IS = re.compile(r"(?:数据|总量|规模)?(?:名义|实际)?(?:增速|增幅|增长)?(?:最慢|最低|最小|最少)的(?:地区|县市区|区县|县|城市|市)?(?:是|为)")
SEQUENCE_OPENS = re.compile(r"\s*(?:其次|再次|第[二三四五六七八九十](?:位|名)?(?:是|为)|(?:排名|排在|位居|位列)第)")
# league prose by position: '最高的是邵东市，为326亿元；其次是隆回县，GDP119亿元，第三是洞口县…'
_SEQUENCE_IS = re.compile(r"(?:其次|(?<!倒数)第(?P<n>[二三四五六七八九十])(?:位|名)?)(?:是|为)\s*$")
_SEQUENCE_MARK = re.compile(r"(?P<top>(?:最快|最高|最大|最多)的(?:是|为)|(?:排名|排在|位居|位列)?第一(?:位|名)?的?(?:是|为))"
                            r"|(?P<bottom>最低|最慢|最小|最少|倒数第)|第(?P<n>[二三四五六七八九十])(?:位|名)?(?:是|为)")
_BARE_PCT = re.compile(r"(?:达到|达|为|是)?\s*([-+]?\d+(?:\.\d+)?)\s*%")
_ABOUT = re.compile(r"左右|上下|以上|突破")
# a look back on the year a report reviews ('挂牌成立一年以来', '过去的一年', '圆满完成了全年…目标任务')
_LOOKS_BACK = re.compile(r"一年(?:以)?来|过去的?一年|去年|上一年|工作回顾|圆满完成|全年[^。；;\n]{0,12}?(?:目标|任务)")
_ABOVE_BELOW = re.compile(r"(?:高出|超出|低出|高于|低于|快于|慢于|好于|优于|超过|领先于?|落后于?)$")
# ('以11.21%名义增速领跑', '出现-0.55%负增长', '创11.38%高增速': the same without 的)
_RATE_BEFORE_WORD = re.compile(r"(?:(?<![\d.,，])(?P<num>-?\d+(?:\.\d+)?)\s*%的|(?:以|实现|出现|创|保持|录得)(?P<num2>-?\d+(?:\.\d+)?)\s*%)"
                               r"(?:同比|名义|实际|高|(?P<neg>负))?(?P<word>增长|增幅|增速|降幅|下降|减少)(?![到至])")
# "增速比一季度加快1.2个百分点，达到5.6%": the rate after a change in points
_GROWTH_AFTER_POINTS = re.compile(
    r"(?P<word>增速|增幅)[^%。；，,]{0,24}?个百分点[，,]?(?:达到|达|为|至)(?P<num>-?\d+(?:\.\d+)?)\s*%"
    r"|(?P<word2>增速|增幅)[^%。；，,]{0,12}?(?:回落|提高|加快|放缓|回升|下降|上升|提升)(?:到|至)(?P<num2>-?\d+(?:\.\d+)?)\s*%"
    # '在增速上却有所放缓，以3.7%位列第十五名', '增速以3.7%位列第十五': the rate a position is held with
    r"|(?P<word3>增速|增幅)[^%。；;\d]{0,14}?以(?P<num3>-?\d+(?:\.\d+)?)\s*%(?=[^，,。；;]{0,4}?(?:位列|位居|排名|排在|居|列))")
_FLAT = re.compile(r"(?:与上年同期|与去年同期|与上年|与去年|同比)(?:基本)?持平")
SCOPE = (r"全(?:市|省|国|区|州|盟|县)(?:县域)?|同类县(?:市)?中?|[东南西北中]部[一二三四五六七八九十\d]+县(?:市)?"
          r"|[一二三四五六七八九十\d]+个?(?:县(?:（市、区）|\(市、区\)|（市）|\(市\)|市区|市|区)?|区县|县区|市)(?:中)?")
_RANK = re.compile(
    r"(?P<verb0>排名|排位|排在|位居|位列|名列|列|居|位于|稳居|跃居|升至|保持)?"
    r"(?P<scope>" + SCOPE + r"|(?<=居|列)[\u4e00-\u9fa5]{2,6}?(?:省|市|城区|地区|片区)(?=第|首)"
    r"|(?<=居|列)(?P<bare>[\u4e00-\u9fa5]{2,3})(?=第[一二三四五六七八九十\d]))?"     # ('稳居郑州第一': a place by its short name)
    r"(?P<verb>排名|排位|排在|排|位居|位列|名列|列|居|位于|稳居|跃居|升至|保持)?"
    # ('位居全国第 24位': a document converted from PDF spaces its numbers)
    r"(?:(?<=排名|排位|排在|位居|位列)由)?"     # ('全国排名由第18位前移至第15位': the position moved from, then to)
    r"(?:第\s?(?P<n>[一二三四五六七八九十\d]+)\s?(?:位|名)?(?!\s?(?:产业|季度|批|次|届|个|大|阶段|轮|期|年|条|项|名单|方阵|梯队|集团|家|座|档|等|层次|极|线))"
    r"|(?P<first>首位|之首|榜首|第一位)|(?P<bottom>倒数第(?P<bn>[一二三四五六七八九十\d]+)(?:位|名)?|倒(?P<bn2>[一二三四五六七八九十\d])|末位))"
)
_TOP_LIST = re.compile(
    r"前(?P<n>[一二两三四五六七八九十\d]+)(?:位|名)?(?:的)?(?:县|县（市、区）|县\(市、区\)|县（市）|县\(市\)|县市区|县市|区县|地区|城市"
    r"|设区市|地级市|省辖市|地市|市)?"
    r"(?:依旧|依然|仍然|仍|还是)?(?:是|为|依次是|依次为|分别是|分别为)[:：]?")
# '规上工业总产值最高的十个县市依次是A、B…': the N highest, in order
# '排名靠后的两个县是：' / '后两位的县是' / '倒数两位的是': the last N, their positions unsaid without the group's size
BOTTOM_LIST = re.compile(r"(?:排名|排在|位次)?(?:靠后|倒数|末尾)(?:的)?(?P<n>[两二三四五六七八九十\d]+)(?:个|位|名)?"
                          r"(?:县|县市区|县市|区县|县区|地区|城市|市)?(?:是|为|依次是|依次为|分别是|分别为)[:：]?")
_TOP_ORDERED = re.compile(r"(?:最高|最大|最多)的(?P<n>[一二两三四五六七八九十\d]+)个(?:县市|县|市|区县|县区|城市|地区)?依次(?:是|为)[:：]?")
# '南通各县区GDP排名依次为A、B、C…' / 'GDP从高到低依次为A、B…': the whole list, in order, its length unsaid
_ORDER_IS = re.compile(r"^\s*(?:的)?(?:总量)?(?:排名|排序|排位|位次)?(?:从高到低|由高到低|从大到小|由大到小)?依次(?:为|是)[:：]?")
_JUSHOU = re.compile(r"居首|领跑")
_GROUP_SIZE = re.compile(r"(?P<n>[一二三四五六七八九十\d]+)个?(?:县(?:（市、区）|\(市、区\)|市区|市|区)?|区县|县区|地市|市)中")
_SELF = re.compile(
    r"(?P<w>全(?:县|市|区|旗)|我(?:县|市|区|旗)|该(?:县|市|区|旗)|本(?:县|市|区|旗))"
    r"(?!排名|排|第|前列|前|首|位|平均|水平|各|范围|上下|人民|同类|唯一|之|最|委|政府|中|领先|领跑|居|列|倒|后)")
_GROUP = re.compile(
    r"(?:全(?:省|国|球)|我省|我国|国内|全省各市|全(?:市|省)县域|各县(?:（市、区）|\(市、区\)|市区)?|[东南西北中]部[一二三四五六七八九十\d]+县(?:市)?"
    r"|[一二三四五六七八九十\d]+个?县(?:（市、区）|\(市、区\)|（市）|\(市\)|市区|市)?|京津冀|长三角|珠三角|(?:东部|西部|中部|东北)地区"
    r"|[一二两三四五六七八九十\d]+个[\u4e00-\u9fa5]{0,6}?(?:县|市|区|县区|区县|乡镇)(?:（市、区）|\(市、区\))?"
    r"|前[一二三四五六七八九十\d]+(?:位|名)?的县(?:（市、区）|\(市、区\)|市区|市)?"
    r"|[一二两三四五六七八九十]+[市县区旗](?:[一二两三四五六七八九十]+[市县区旗])+"     # ('三市一县合计58.2亿元': a group)
    r"|[\u4e00-\u9fa5]{1,8}?(?:经济圈|经济带|城市群|都市圈)"     # ('成渝地区双城经济圈实现地区生产总值…': a group)
    r"|[“\"](?:百|千|[一二三四五六七八九十\d]+)强(?:县市|县区|区县|县|区|市|城市)[”\"]"     # ('“五强区”平均实现GDP…': a group)
    r"(?=(?:的)?(?:平均|人口|共|合计|实现|完成|总量|县均|区均|GDP|地区生产总值|生产总值|经济总量|财政|一般公共预算"
    r"|规模以上|规上|固定资产|社会消费品))"     # (not '居于“十强县”榜首')
    r"|一区[一二两三四五六七八九十多\d]+园)"     # ('“一区八园”完成规模工业产值…': a zone and its parks)
    r"(?!排名|排|第|前列|前|首|位|平均|水平|范围|同类|唯一|之|最|委|政府|中|领先|领跑|居|列|倒|后|增速|增幅|[（(]市|、全[省市州区县国盟旗]第?)")
# a sentence opening on the members of a county list ('2022中国西部百强县市…', '全国百强区的…'), not a place of it
_LISTED_GROUP = re.compile(r"\s*(?:(?:19|20)\d{2}年?(?:度)?)?[\u4e00-\u9fa5]{0,10}?(?P<g>(?:百|千|[一二三四五六七八九十\d]+)强"
                           r"(?:县市|县区|区县|县域|县|区|市|城市)(?:（市）|\(市\))?)(?!排名|排|榜|第|名单|前|中|之|行列|[（(]\d)")
_JOINS_A_LIST = re.compile(r"跻身|入选|进入|入围|荣登|登上|位列|列入|作为|是|成为|获|评为")
# 县域 before an indicator: the total of the counties of a province or prefecture
_COUNTY_AREA = re.compile(r"县域(?:经济|地区(?!生产总值))?(?:[（(](?:包含|包括|含)[^）)]{1,40}[）)])?(?:累计)?(?:实现|完成)?"
                          r"(?=地区生产总值|生产总值|GDP|一般公共|公共财政|财政|地方|规模以上|规上|固定资产|社会消费品|社消"
                          r"|居民|城镇|农村|工业|第[一二三]产业|经济总量(?:达到?|实现|完成|为)|经济(?:实现|完成))")
# a town, street or park below the county ("城关镇完成…", "经济开发区实现…"): no county fact
_SUBUNIT = re.compile(
    r"[\u4e00-\u9fa5]{1,6}?(?:镇|乡|街道|办事处|工业园区|产业园区|产业园|工业园|园区|经济开发区|开发区|高新区|经开区|片区|社区)"
    r"(?=[，,、和及]|完成|实现|累计|全年|上半年|一季度|前三季度|今年|去年|的|地区|规上|规模|固定|一般|社会|财政|税收|全部|GDP|生产|共)")
TARGET_CUE = re.compile(r"力争|争取|目标|计划|确保|预期|预计|指标(?:体系)?安排|将(?=[^，。；]{0,4}?(?:达到|实现|完成|突破|增长|超过|保持|新增|累计))"
                     r"|拟|有望|要(?:达到|实现|完成|突破|确保|力争|增长)")
# a sentence about what will be done (its mood carries to the next sentence of the paragraph)
FUTURE_CUE = re.compile(r"(?<!即)将(?!近|其|之|是|领|军|士|帅)|即将(?![^，。；]{1,6}的)|下一步|下半年|明年|今后")   # (即将实施的X线: a modifier; 将领, 将军: a general)
# target words used as nouns of an actual ("完成年度目标的52%", "占年度计划的95.1%", "计划开工项目")
TARGET_NOUN = re.compile(r"(?:年度|全年|年|序时)(?:预期)?(?:目标任务|目标|计划|任务|进度)|(?:目标|计划)(?:任务)?的|计划开工|计划总投资"
                          r"|目标定位"      # ('聚焦打造世界级旅游景区目标定位': a place's aim, no goal for its figures)
                          r"|[“\"][^”\"，。]{0,10}目标[”\"]"   # ('加速奋进“三大目标”': a programme's name)
                          r"|超额完成|目标任务|超(?:过|出)?[^，,。；、\d]{0,16}?(?:计划|目标)+(?:任务|值)?"
                          r"|(?:提前|圆满|顺利)完成[^，,。；\d]{0,12}?(?:目标|计划|任务)"   # (a goal reached: an actual)
                          r"|(?:相比|对比|比|低于|高于|好于|优于|超出|超过|不及|符合|达到|略低于|略高于)(?:年度|全年)?预期(?:目标)?"   # ('增速相比预期略显平淡')
                          r"|(?:改善|稳定|提振|引导|稳住|稳|市场|社会)预期"   # ('提振信心、改善预期': expectations, no goal)
                          # ('…增长8.1%，主要经济指标年底均可实现预期目标': the goal in reach, a comment on the actuals)
                          r"|(?:均|都)?(?:可|能|可以|能够)(?:实现|完成|达到)(?:全年|年度)?(?:预期)?目标(?:任务)?")
# ('止二00一年底，全县实现…': as of a year's end, an account)
PAST = re.compile(r"已经|已|完成了|实现了|达到了|同比|比上年|较上年|(?:截至|截止|止)[^，,。；]{0,10}?(?:年底|年末)")
_SKIP_BEFORE = re.compile(r"(?:当月|限额以上|限上|人均|年末|月末|季末|单月|县均|区均|市均)$|(?:平均|县均|区均|市均|人均)(?:实现|完成|创造)$")   # (县均实现GDP: an average)
_SHARE_BEFORE = re.compile(r"占(?:全[市省县国区])?(?:的)?$")
_WHOLE_OF_A_PART = re.compile(r"\s*中\s*[，,]")
_INCREMENT_BEFORE = re.compile(r"(?:增加|增收|减收|减少|增长|下降|多|少|拉动|高出|高于|低于|超出|净增|新增|增量)"
                               r"(?:全[市省县区国])?(?:的?平均(?:水平|值)?)?[了约近超]?$|增量(?:为|达|是)$")   # ('低于全市平均水平421元')
# a difference from another place or period ("比全市低2568元", "较上年多3.1亿元"), not the figure itself
_COMPARE_BEFORE = re.compile(r"(?:比|较|与|跟|和|同)[^，。；,;\d]{0,8}?(?:高|低|多|少|高出|低出|相差|差)[了约近超]?$")
_TIMES_BEFORE = re.compile(r"[\d一二两三四五六七八九十]+个(?:季度|月份?|年度?|次)(?:均|都|连续)?$")
_BAR_BEFORE = re.compile(r"(?:门槛|门坎|入围线|入榜线)[^，,。；;\d]{0,6}$")      # ('这一门槛提高到了933亿元')
_ENTRY_AFTER = re.compile(r"\s*(?:就|才|便|即)?(?:能|可以|可|方能)(?:进入|跻身|入围|挤进|上榜|进)")
_PLACES_COUNTED_AFTER = re.compile(r"\s*(?:及以上|以上|以下)?的(?:县市区|县区|县市|县|市|区|旗|乡镇|地区|城市)?"
                                   r"(?:有|共有|达|达到)?[\d一二两三四五六七八九十]+个")
_KIND_OF_PLACE_AFTER = re.compile(r"\s*(?:大关)?的(?:县域|县市区|县区|区县|县市|县级市|县|城市|地级市|设区市|地市|市|区|旗|省份)"
                                  r"(?![\u4e00-\u9fa5])")
_GAP_AFTER = re.compile(r"\s*(?:的)?(?:差距|差额|之差)")
# a clause after a place that states a figure with the metric understood ("沙河市完成71.5亿元，增长5.9%")
UNDERSTOOD = re.compile(r"(?:\s*[（(][^）)]{1,10}[）)])?"      # '红旗区(含经开区)为395.74亿元': an aside on the place
                        # ('黄埔区紧随顺德区之后，实现4315.17亿': the place it follows, then its own figure)
                        r"(?:\s*(?:紧随|紧跟)(?:其后|[^，,。；;\d]{1,8}?之后)[，,]?)?"
                        r"(?:\s*(?:则|也|亦|还))?"     # ('烟台、济南则分别以3242.69亿元和3100.15亿元…')
                        r"(?:\s*(?:同比|比上年|累计|实现|完成|达到|为|的|分别|依次)?\s*(?:增长|下降|增速|完成|实现|达到|为|减少|持平|贡献)"
                        # '毕节超过1500亿元，达到1585.86亿元': a bound, then the figure itself
                        r"|\s*(?:超过|突破|位于|低于|高于|接近|逼近)了?[^，,；;。]{0,24}[，,]\s*(?:达到|达|为|分别为|分别是)"
                        r"|\s*(?:分别|依次)?以\s*\d+(?:\.\d+)?\s*(?:万亿|亿|万)元?)")    # '信都区以365.90亿元位居榜首'
_PRAISE_AFTER = re.compile(r"(?:最为|较为|十分|非常|特别|最|很)?(?:发达|活跃|繁荣)")
_SUBSET_ECONOMY = re.compile(r"民营经济|非公有制经济|非公经济|民营企业|县域经济中")
_ALL_BOUND = re.compile(r"(?:均|都)$")
_ALL_AROUND = re.compile(r"(?:均|都)(?:在|为|是|达)?\s*$")
_AROUND_AFTER = re.compile(r"\s*(?:上下|左右|以上|以下|之间)")
_PASSED_BEFORE = re.compile(r"(?:突破|逼近|接近|超过|超|跨越|迈上|站上|跨上|冲刺|跃上)了?$")
_HUJI_BASIS = re.compile(r"按户籍(?:总)?人口(?:计算|计)")
_ASIDE = re.compile(r"全[市省国区县]|平均|去年|上年|同期|[市省县区]\s*[\d-]|以上|口径")
_PAREN = re.compile(r"[（(][^（）()]{0,40}[）)]")
_BRACKET_KEEP = re.compile(r"^[（(][市区县、旗]+[）)]$")
_PLACE_BLOCK_BEFORE = re.compile(r"(?:赴|到|与|同|向|比|较|对|从|自|往|至|在|于|帮扶|对口|位列|位居|名列|跻身|居)$")
_ORGAN_AFTER = re.compile(r"(?:人民)?政府|统计局|调查队|发改委|发展和改革委员会|财政局|税务局|商务局|委员会|党委|[县市区州]委"
                          r"|(?<=[省市县区州])委"      # ('…和吕梁市委市政府决策部署': the name's own 市 before 委)
                          # ('积极应对拉萨‘3·14’事件等严峻挑战': an event named after a place)
                          r"|(?:[‘“'\"][^’”'\"，。]{1,8}[’”'\"])?(?:事件|事变)|地震|论坛|博览会|峰会"
                          r"|集团|公司|银行|大学|学院|医院")
_LISTED_BASE = re.compile(r"全(?:国|省|区|市|县)[、和及]$")
_MEDIA_AFTER = re.compile(r"融媒体|日报|晚报|电视台|广播|新闻|发布|宣传")
_CREDIT_LINE = re.compile(r"采写|通讯员|记者|编辑|责编|来源|摄影|撰稿")
_PAIRED_FIGURES = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*(?:万亿|亿|万)?(?:元|%|％)\s*[、和与及]\s*-?\d+(?:\.\d+)?\s*(?:万亿|亿|万)?(?:元|%|％)")
_FENBIE = re.compile(r"分别|依次(?=为|是)")     # ('A、B和C依次为5805元、5389元和5250元': dealt out in order)
_JUN = re.compile(r"均|都|同时|皆")
# '分别为20.5%、20.1%，居全市第三、第四位': one position for each place of a list, in its order
_RANK_LIST = re.compile(r"(?:分别)?(?:位居|位列|排名|排在|名列|分列|分居|居|排|列)(?P<scope>" + SCOPE + r")?"
                        r"第(?P<ns>[一二三四五六七八九十\d]+(?:位|名)?(?:\s*(?:、|和|及|与)\s*第?[一二三四五六七八九十\d]+(?:位|名)?)+)")
_RANKS_THEN_PLACES = re.compile(_RANK_LIST.pattern + r"(?:位|名)?的(?:县|市|区|城市|地区)?(?:分别|依次)?(?:是|为)[:：]?\s*$")
_GROWTH_BASIS = re.compile(r"增速|增幅|增长速度|增长率")
_VALUE_BASIS = re.compile(r"总量|规模|总额|绝对值")
QITA = re.compile(r"其中")
_LIST_SEP = re.compile(r"^\s*(?:、|和|及|与|，|,)\s*$")


@dataclass
class Group:
    items: list[MetricMention]
    start: int          # absolute offsets
    end: int
    sent: int           # sentence index


def mask_asides(seg: str) -> str:
    """Blank bracketed asides that carry numbers (comparisons such as '(全市11.1%)')."""
    def rep(m: re.Match) -> str:
        s = m.group(0)
        if _BRACKET_KEEP.match(s) or not re.search(r"\d|[%％]", s):
            return s
        if not _ASIDE.search(s):
            return s   # "（增长3.3%）": the figure's own growth
        pos = _ASIDE_POSITION.search(s)
        if pos is not None:
            # '(增幅比全市高11.5百分点，…，排全市第二)': the comparisons go, the figure's own position stays
            return " " * pos.start() + s[pos.start():]
        return " " * len(s)
    return _PAREN.sub(rep, seg)


_ASIDE_POSITION = re.compile(r"(?<=[，,；;])\s*(?:排|居|位居|位列|列|排名)(?:全[市省国区州])?第[一二三四五六七八九十\d]+(?:位|名)?\s*[）)]$")


def unit_ok(term_unit: str, a: Amount) -> bool:
    if term_unit == "count":
        return a.unit == "count"
    if term_unit == "as_stated":
        return a.unit in ("yuan", "usd")
    return a.unit == "yuan"


def in_a_range(seg: str, a: Amount) -> bool:
    """Whether ``a`` is an end of a range ('300亿元至400亿元之间', '1000亿元至1500亿元以上'): no single figure."""
    return bool(_RANGE_NEXT.match(seg, a.end) or (_RANGE_END.search(seg, 0, a.start) and _BOUND_AFTER.match(seg, a.end)))


def figure_amounts(seg: str, unit: str) -> list[Amount]:
    """The amounts of ``seg`` that are a figure: no increment, comparison, bound on a group, threshold,
    range's end, entry bar, gap, average or project size."""
    out = []
    if unit == "count":
        for a in find_counts(seg):
            out.append(a)
        return out
    for a in iter_amounts(seg):
        if _INCREMENT_BEFORE.search(seg[max(0, a.start - 10):a.start]):
            continue
        if a.qualifier and _ALL_BOUND.search(seg[max(0, a.start - 3):a.start]):
            continue     # '其他区县均不足500亿元' / '三地也都超过了200亿元': a bound on a group, no figure
        if _ALL_AROUND.search(seg, max(0, a.start - 4), a.start) and _AROUND_AFTER.match(seg, a.end):
            continue     # '三市GDP均在800亿上下，分别为…': where a group's figures lie, no figure
        if _COMPARE_BEFORE.search(seg[max(0, a.start - 14):a.start]) or _AHEAD_OF_BEFORE.search(seg, max(0, a.start - 14), a.start):
            continue     # ('超出第二名迁安市9.13亿元': the lead over another place, no figure of either)
        if _THRESHOLD_BEFORE.search(seg[max(0, a.start - 4):a.start]) or (a.qualifier and seg[a.start - 1:a.start] == "不"):
            continue     # '地区生产总值大于400亿元' (a list's entry threshold): a condition, no figure
        if _ENTRY_AFTER.match(seg, a.end) or _BAR_BEFORE.search(seg, max(0, a.start - 10), a.start):
            continue     # 'GDP达到906.67亿元能进入前十': what it takes to enter a list, no region's figure
        if a.qualifier and _PLACES_COUNTED_AFTER.match(seg, a.end):
            continue     # '人均GDP不足2000元的有30个县': how many places pass a bound, no place's figure
        if a.qualifier and _KIND_OF_PLACE_AFTER.match(seg, a.end):
            continue     # '全省首个GDP突破800亿元的县域': a bound describing a kind of place, no figure
        if in_a_range(seg, a):
            continue     # '介于300亿元至400亿元之间': a range, no single figure
        if _EXCHANGE_BEFORE.search(seg, max(0, a.start - 8), a.start):
            continue     # '按1美元合6.1932元本币折算': an exchange rate, no figure
        if _GAP_AFTER.match(seg, a.end):
            continue     # '与德阳拉出113亿元的差距': the gap between two places, no figure of either
        if _AVERAGE_BEFORE.search(seg[max(0, a.start - 6):a.start]):
            continue     # '地区生产总值平均为420.56亿元': the average of a group's members, no region's figure
        if re.match(r"\s*(?:及以上|以上|以下)?的?(?:重点|重大|在建|新建|续建|新开工|工业|产业|招商|签约)?(?:项目|企业|工业企业)",
                    seg[a.end:]):
            continue   # "5000万元以上项目": a size threshold, not the figure
        out.append(a)
    return out


_BASE_YEAR = re.compile(r"(?:较|比|与|同)((?:19|20)\d{2})年(?:同期|末|底)?(?:相比|相较)?(?:[（(]下同[）)])?[，,]?$")
# '比2012年(下同)增长47.7%': the base year stated once for every growth after it in the paragraph
_BASE_FOR_WHAT_FOLLOWS = re.compile(r"(?:较|比)((?:19|20)\d{2})年(?:同期|末|底)?[（(]下同[）)]")
_OWN_LAST_YEAR = re.compile(r"上年|去年")
# '比2000年的150亿元增长15.4倍': a base year stated with its own figure
_BASE_YEAR_FIGURE = re.compile(r"(?:较|比)((?:19|20)\d{2})年(?:同期|末|底)?的\s*[\d.]+\s*(?:万亿|亿|万)?元?\s*$")


def _carried_base_year(ctx: ArticleContext, pos: int) -> Optional[int]:
    """The base year a '(下同)' before ``pos`` in its paragraph sets for the growths after it (the
    article's '(下同)' bases are found once; most articles have none)."""
    bases = getattr(ctx, "_carried_bases", None)
    if bases is None:
        bases = [(m.start(), int(m.group(1))) for m in _BASE_FOR_WHAT_FOLLOWS.finditer(ctx.text)]
        ctx._carried_bases = bases
    if not bases:
        return None
    lo = ctx.text.rfind("\n", 0, pos) + 1
    return next((year for start, year in reversed(bases) if lo <= start < pos), None)


def _growths(seg: str, year: Optional[int] = None,
             carried_base: Optional[int] = None) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]:
    """(yoy, cagr) as (position, pct) lists, in order. ``carried_base``: the base year a '(下同)'
    earlier in the paragraph set (a growth over it is no year-on-year rate unless it is the year
    before ``year`` or the growth names its own last-year base)."""
    yoy, cagr = [], []
    for m in _GROWTH.finditer(seg):
        if m.group("cn"):
            cv = cn_number(m.group("cn"))
            if cv is None:
                continue
            v = cv
            pct = "%"
        elif m.group("bare"):
            pct, v = "%", float(m.group("bare"))
        else:
            pct = m.group("pct")
            v = float(m.group("num"))
        if pct == "个百分点" or m.group("two") or m.group("mom"):
            continue
        if _RANGE_NEXT.match(seg, m.end()):
            continue   # a range ("增长5%-6%", "增长7%至8%"): no single rate to keep
        base = _BASE_YEAR.search(seg[max(0, m.start() - 12):m.start()]) or \
            _BASE_YEAR_FIGURE.search(seg[max(0, m.start() - 24):m.start()])
        if not m.group("cagr") and re.search(r"从(?:19|20)\d{2}年", seg[:m.start()]):
            continue   # "从1978年的148元发展到2018年的2.85万元，增长192倍": growth over the whole span
        if base and not m.group("cagr") and (year is None or int(base.group(1)) != year - 1):
            continue   # "较1978年增长177倍": growth over a distant base year, not a year-on-year rate
        if (not base and carried_base is not None and not m.group("cagr") and not _OWN_LAST_YEAR.search(m.group(0))
                and (year is None or carried_base != year - 1)):
            continue   # '…比2012年(下同)增长47.7%；固定资产投资353.7亿元，增长125.1%': over 2012 too
        if pct == "倍":
            if m.group("word") not in ("增长", "增加", "增"):
                continue
            v *= 100
        if m.group("word") in ("下降", "减少", "下滑", "降低", "回落", "负增长"):
            v = -abs(v)
        (cagr if m.group("cagr") else yoy).append((m.start(), v))
        # more percentages dealt out after 分别: "分别增长8.1%、9.2%"
        rest = seg[m.end():]
        pos = m.end()
        while True:
            n = re.match(r"\s*(?:左右|以上)?\s*(?:、|和|以及|及|，|,)\s*([-+]?\d+(?:\.\d+)?)\s*%", rest)   # ('7%左右和9%左右')
            if not n:
                break
            (cagr if m.group("cagr") else yoy).append((pos + n.start(1), float(n.group(1))))
            pos += n.end()
            rest = rest[n.end():]
    for m in _FLAT.finditer(seg):
        yoy.append((m.start(), 0.0))
    if not yoy:
        for m in _GROWTH_AFTER_POINTS.finditer(seg):
            yoy.append((m.start(), float(m.group("num") or m.group("num2") or m.group("num3"))))
    if not yoy:
        # '实现了1.9%的同比增长' / '保持了5.2%的增速' / '出现3.1%的降幅': the rate before its word
        for m in _RATE_BEFORE_WORD.finditer(seg):
            v = float(m.group("num") or m.group("num2"))
            yoy.append((m.start(), -abs(v) if m.group("word") in ("降幅", "下降", "减少") or m.group("neg") else v))
    yoy.sort()
    if len(yoy) >= 2:
        # '名义增长率为5.3%，剔除价格因素后，实际增长率为5.8%', '按现行价格计算，同比增长11.0%，按不变价格计算，
        # 同比增长7.8%': the real rate, not the nominal one (each rate judged by the words just before its number)
        kinds, prev_end = {}, 0
        for p, _ in yoy:
            num = _FIRST_DIGIT.search(seg, p)
            at = num.start() if num else p
            words = seg[max(prev_end, at - 14):at]
            kinds[p] = "nominal" if NOMINAL_WORDS.search(words) else ("real" if _REAL_RATE.search(words) else None)
            prev_end = at + 1
        if "nominal" in kinds.values() and "real" in kinds.values():
            yoy = [(p, v) for p, v in yoy if kinds[p] != "nominal"]
    return yoy, cagr


_REAL_RATE = re.compile(r"实际|可比价|不变价")
NOMINAL_WORDS = re.compile(r"名义|现行价|当年价")
_FIRST_DIGIT = re.compile(r"\d")
_MOVED_TO = re.compile(r"\s*(?:进步|上升|跃升|提升|前进|前移|上移|攀升|下降|下滑|跌落|退后|后退|后移|下移)(?:为|至|到)(?:全[市省国区])?第(?P<n>[一二三四五六七八九十\d]+)(?:位|名)?")


def _names_a_place(name: str) -> bool:
    return get_gazetteer().resolve(name) is not None


def _rank(seg: str, sent_text: str, ctx: ArticleContext) -> tuple[Optional[int], Optional[str], Optional[str], int, int]:
    """(rank, scope, basis, start, end) of the first rank statement in the segment."""
    for m in _RANK.finditer(seg):
        if not (m.group("scope") or m.group("verb") or m.group("verb0")):
            continue
        if m.group("bare") and not _names_a_place(m.group("bare")):
            continue     # (only a place's short name is a bare scope: not '位居榜单第一')
        if _TIMES_BEFORE.search(seg, max(0, m.start() - 8), m.start()):
            continue     # '增速6个季度位居全市第一': how many times it was first, no position of the period
        clause = seg[max(0, seg.rfind("，", 0, m.start()) + 1, seg.rfind(",", 0, m.start()) + 1):m.start()]
        if _STANDING_NOUN.search(clause):
            continue     # '财政总收入256.93亿元，县域经济基本竞争力位居全国第4': the county's standing, not the figure's
        if m.group("bottom"):
            k = cn_number(m.group("bn") or m.group("bn2") or "一")
            size = _GROUP_SIZE.search(sent_text)
            if size and k:
                n = cn_number(size.group("n"))
                if n and n >= k:
                    rank = int(n - k + 1)
                else:
                    continue
            else:
                continue
        elif m.group("first"):
            rank = 1
        else:
            v = cn_number(m.group("n"))
            if v is None or v < 1 or v > 200:
                continue
            rank = int(v)
        moved = _MOVED_TO.match(seg, m.end())
        if moved and ("由" in seg[max(0, m.start() - 4):m.start()] or "由第" in m.group(0)) and (to := cn_number(moved.group("n"))):
            # '由全市第10名进步为第9名': the position it moved to is the period's
            rank = int(to)
        scope = _scope(m.group("scope"), ctx)
        before = seg[max(0, m.start() - 8):m.start()]
        basis = "growth" if _GROWTH_BASIS.search(before) else ("value" if _VALUE_BASIS.search(before) else None)
        return rank, scope, basis, m.start(), m.end()
    m = _JUSHOU.search(seg)
    if m:
        before = seg[max(0, m.start() - 12):m.start()]
        scope = re.search(r"全(?:市|省|国|区)", before) or re.match(
            # ('璧山领跑渝西八区发展': leading a named group of places)
            r"全(?:市|省|国|区)|[\u4e00-\u9fa5]{0,4}?[一二两三四五六七八九十\d]+个?(?:县市区|区县|县市|县|区|市|城市|地市)", seg[m.end():])
        if scope is None and m.group(0) == "领跑":
            return None, None, None, -1, -1     # ('第二产业增速领跑': leading what it is compared with, no position)
        basis = "growth" if _GROWTH_BASIS.search(before) else ("value" if _VALUE_BASIS.search(before) else None)
        return 1, scope.group(0) if scope else None, basis, m.start(), m.end()
    return None, None, None, -1, -1


_SECTOR_PARTS = ("primary_industry_va", "secondary_industry_va", "tertiary_industry_va")
# the value added of a part of an economy (its non-public sector, its private sector): not the region's total
_SECTOR_AGGREGATE = re.compile(r"(?:非公有制|非公|民营|个体私营|私营|数字|海洋|文化|旅游)(?:经济|产业)(?:实现|完成)?增加值")


def _part_of_a_sector_aggregate(ctx: ArticleContext, i: int) -> bool:
    """Whether sentence ``i`` opens with 其中 right after a sentence (or clause) stating the value added of a
    sector of the economy ('全年全县非公经济增加值达到15.64亿元…。其中，第一产业增加值…'): its 一产/二产/三产 are that
    sector's."""
    s = ctx.sentences[i]
    text = ctx.text
    if not QITA.match(text, s.start):
        return False
    prev = ctx.sentences[i - 1] if i > 0 else None
    return prev is not None and prev.paragraph == s.paragraph and _SECTOR_AGGREGATE.search(text, prev.start, prev.end) is not None


def _forecast_sentence(ctx: ArticleContext, text: str, lo: int, at: int) -> bool:
    """Whether a news story's sentence opened on 预计 before the ；-part at ``at`` ('预计全年完成地区生产总值2245亿元，
    增长8%；规上工业总产值5277亿元…': the forecast goes on). Not in a work report, whose review of the year
    it is delivered in gives that year's preliminary actuals, nor a bracketed (预计，同比，下同) after a figure."""
    if ctx.pub_from_report or work_report_year(ctx.article.title or ""):
        return False
    return re.search(r"(?<![（(])预计", text[_full_stop_before(text, lo, at):at]) is not None


def _full_stop_before(text: str, lo: int, at: int) -> int:
    """Where the full sentence holding ``at`` opens: after the last 。！？ or line break before it (its
    ；-parts one sentence), not after ``lo`` when that is earlier."""
    return min(lo, max(text.rfind(c, 0, at) for c in "。！？!?\n") + 1)


def _rank_list(seg: str, k: int, values: bool, rates: bool,
               pattern: re.Pattern = None) -> tuple[Optional[list[int]], Optional[str], Optional[str]]:
    """The positions of the ``k`` places of a list, one each in order ('居全市第三、第四位'), with their
    scope and basis (the rates' when only rates were dealt out, the values' when only values were)."""
    m = (pattern or _RANK_LIST).search(seg)
    if m is None:
        return None, None, None
    ranks = [cn_number(n) for n in re.findall(r"[一二三四五六七八九十\d]+", m.group("ns"))]
    if len(ranks) != k or not all(r and 1 <= r <= 200 for r in ranks):
        return None, None, None
    if rates != values:
        basis = "growth" if rates else "value"
    else:
        before = seg[max(0, m.start() - 8):m.start()]
        basis = "growth" if _GROWTH_BASIS.search(before) else ("value" if _VALUE_BASIS.search(before) else None)
    return [int(r) for r in ranks], _scope(m.group("scope"), None), basis


def _scope_of(among: str) -> Optional[str]:
    """'国内大陆各省市区' -> 全国, '全省' -> 全省: the scope a group a place is ranked in names."""
    if re.search(r"全国|国内|我国", among):
        return "全国"
    m = re.search(r"全(?:省|市|区)", among)
    return m.group(0) if m else among


def _scope(s: Optional[str], ctx: ArticleContext) -> Optional[str]:
    if not s:
        return None
    s = s.rstrip("中")
    return s


# ---------------------------------------------------------------- groups and segments
def is_share_base(text: str, mm: MetricMention, lo: int) -> bool:
    """'占全市规上工业总产值的比重', '占全省生产总值的25.8%': the whole a share is of, not an indicator stated."""
    return bool(_SHARE_BEFORE.search(text, max(lo, mm.start - 5), mm.start))


def groups_of(ctx: ArticleContext, i: int, mentions: list[MetricMention]) -> list[Group]:
    text = ctx.text
    groups: list[Group] = []
    for mm in mentions:
        before = text[max(ctx.sentences[i].start, mm.start - 5):mm.start]
        if is_share_base(text, mm, ctx.sentences[i].start):
            continue  # '占全市规上工业总产值的比重': a share's base, transparent
        if _WHOLE_OF_A_PART.match(text, mm.end) and "在" in text[max(ctx.sentences[i].start, mm.start - 8):mm.start]:
            continue  # '在全县地区生产总值中，非公有制经济实现增加值…': the whole a part is of, transparent
        skip = _SKIP_BEFORE.search(before)
        if skip and mm.metric == "fixed_asset_investment" and skip.group(0) in ("限额以上", "限上"):
            skip = None   # '限额以上固定资产投资': the statistic's own scope (projects over the limit), not a part of it
        if skip:
            # '当月规上工业增加值', '占GDP比重': not the indicator itself; still a boundary
            groups.append(Group([], mm.start, mm.end, i))
            continue
        if groups and groups[-1].items and JOIN.match(text[groups[-1].end:mm.start]):
            groups[-1].items.append(mm)
            groups[-1].end = mm.end
        else:
            groups.append(Group([mm], mm.start, mm.end, i))
    return groups


def _expand_pairs(items: list[MetricMention]) -> list[tuple[str, MetricMention]]:
    """A lexicon row may name two metrics ('disposable_income_urban|disposable_income_rural')."""
    out = []
    for mm in items:
        for key in mm.metric.split("|"):
            out.append((key, mm))
    return out


def segment_end(ctx: ArticleContext, g: Group, next_start: int, sent_end: int) -> tuple[int, Optional[Place]]:
    text = ctx.text
    end = min(next_start, sent_end)
    q = QITA.search(text, g.end, end)
    if q:
        end = q.start()
    cut = None
    # a clause opening with another place name starts another subject
    for p in ctx.places_in(g.end + 1, end):
        prev = text[max(0, p.start - 1):p.start]
        if (prev in ("，", ",", "；", "。") and not _PLACE_BLOCK_BEFORE.search(text[max(0, p.start - 2):p.start])) \
                or _AMONG_N_BEFORE.search(text, max(g.end, p.start - 16), p.start) \
                or _PERIOD_THEN_PLACE.search(text, max(g.end, p.start - 14), p.start):
            # ('从GDP总量来看，今年上半年青岛以4520.3亿元总量领跑': a period, then the place opening the clause)
            # ('…，14个地级城市中乌鲁木齐以2730亿元排在第一名': among how many, then the place)
            end = p.start
            cut = p
            break
    return end, cut


_PERIOD_THEN_PLACE = re.compile(r"[，,；;]\s*(?:今年|去年|(?:19|20)\d{2}年)?(?:一季度|上半年|前三季度|全年|1[-—~至]\d{1,2}月|前\d{1,2}个?月)\s*$")
_AMONG_N_BEFORE = re.compile(r"[，,；;]\s*(?:在)?(?:全[省市区州])?[\d一二三四五六七八九十]+个[\u4e00-\u9fa5]{1,6}?(?:中|里)[，,]?\s*$")


# ---------------------------------------------------------------- subjects (regions)
@dataclass
class Subject:
    places: list[Place]         # empty = the main region (or none)
    group: bool = False         # a group (全省, 东部十县): no fact
    reason: str = ""
    unresolved: bool = False    # an unknown place-like name: no fact attributed to a guess
    implicit: bool = False      # nothing in the sentence: the article's region
    unnamed: bool = False       # 全县 on a page about a county it never names: a fact with no region code


def _subject(ctx: ArticleContext, start: int, lo: int) -> Subject:
    """The nearest subject before ``start`` (not before ``lo``)."""
    text = ctx.text
    best_pos = -1
    best: Optional[Subject] = None
    # place names
    # ('经凉山州统计局统一核算，全年实现地区生产总值…': an organ of a place is no subject)
    cands = [p for p in ctx.places_in(lo, start) if p.end <= start and not _ORGAN_AFTER.match(text, p.end)
             and not _MEMBERS_ASIDE.search(text, max(lo, p.start - 30), p.start)
             and not _SCOPE_OF_A_RANK.match(text, p.end) and not _comparison_base(text, p.start, p.end)
             and not holds_a_position(text, p.start, p.end, lo)
             and not _COMPARED_WITH.search(text, max(lo, p.start - 12), p.start)
             and not _COUNTED_UNIT.search(text, max(lo, p.start - 10), p.start)
             and not (text[max(lo, p.start - 1):p.start] == "为" and _CONTRIBUTION_AFTER.match(text, p.end))
             and not (_BY_SOURCE_BEFORE.search(text, max(lo, p.start - 3), p.start) and _SOURCE_AFTER.match(text, p.end))]
    # '南昌县是江西省首个…的县级市，2021年GDP达…': the place after 'A是' says what A is
    cands = [p for k, p in enumerate(cands) if k == 0 or not _IS_BETWEEN.fullmatch(text, cands[k - 1].end, p.start)]
    if cands and _ITS.search(text, max(lo, start - 2), start):
        # '2023年聊城的GDP为…，位居山东省倒数第四，其第一、二、三产业增加值分别为…': 其 is the
        # sentence's own subject, the first place it names, not the last place named
        return Subject([cands[0]], reason="其: the place the sentence is about")
    if cands:
        # the last place, plus the places listed right before it (A、B、C)
        last = cands[-1]
        if not _PLACE_BLOCK_BEFORE.search(text[max(lo, last.start - 2):last.start]) \
                and (not re.match(r"\s*(?:等地|等县|排名|第|前列)", text[last.end:last.end + 3])
                     or re.match(r"排名第[^，,。；;的]{1,8}[，,]", text[last.end:last.end + 12])):
            # ('杭州排名第一，GDP总量达到2923.2亿元': the place ranked in a clause of its own is the subject)
            listed = [last]
            for p in reversed(cands[:-1]):
                if _LIST_SEP.match(text[p.end:listed[0].start]):
                    listed.insert(0, p)
                else:
                    break
            best_pos, best = last.end, Subject(listed, reason="place named in the sentence",
                                               unresolved=any(p.kind == "unresolved" for p in listed))
    for m in _SELF.finditer(text, lo, start):
        if _comparison_base(text, m.start(), m.end()) or _LEADS_BEFORE.search(text, max(lo, m.start() - 3), m.start()):
            continue     # ('哈密市、博州、伊犁州领涨全区经济，…增速分别为…': the whole the places lead, no subject)
        if best is not None and best.places and best_pos == m.start():
            best_pos = m.end()   # "慈溪全市实现地区生产总值…": the place named right before is the subject
            continue
        if best is not None and len(best.places) == 1 and m.group("w").startswith("全") \
                and _names_itself(best.places[0], m.group("w"), ctx) and _opens_on(text, lo, best.places[0]):
            best_pos = m.end()   # '2022年榆林经济再次爆发，…，全市地区生产总值…': 全市 is the city the sentence opens on
            continue
        if m.end() > best_pos:
            best_pos, best = m.end(), _self_subject(ctx, m.group("w"))
    for m in _GROUP.finditer(text, lo, min(len(text), start + 12)):
        # (the group's words must end before the indicator, but may look past it: '“十强县”的生产总值')
        if m.end() > start or _comparison_base(text, m.start(), m.end()):
            continue
        if any(mm.start <= m.start() < mm.end for mm in ctx.metrics_in(max(0, m.start() - 8), m.end())):
            continue     # '国内生产总值2.81亿元，财政总收入2142万元': 国内 inside an indicator's name, no group
        if m.group(0).startswith(("全", "我", "国内")) and _SCOPE_VERB_BEFORE.search(text, max(lo, m.start() - 2), m.start()):
            continue     # '居全国工业百强区榜首；社会消费品零售总额…': where a position is held, no subject
        if text[m.start() - 1:m.start()] == "在" and _RANKED_IN_AFTER.match(text, m.end()):
            continue     # '广西在国内大陆各省市区排名第18，对应地区生产总值…': where a position is held, no subject
        if m.group(0).startswith(("一个", "1个")):
            continue     # '化州市是茂名市下辖的另一个县级市': one place described, not a group
        if text[m.start() - 1:m.start()] == "对" and _CONTRIBUTION_AFTER.match(text, m.end()):
            continue     # '对全省经济增长贡献率达13%': the whole a place contributes to, no subject
        if _COUNT_OF_MEMBERS.match(text, m.end()) and _CLAUSE_MARK.search(text, m.end(), start):
            continue     # '全国百强区(县)增至12个，一般公共预算收入…': a count of the group's members, its own clause
        if _ADMINISTERS.search(text, max(lo, m.start() - 24), m.start()):
            continue     # '唐山市下辖7个市辖区、3个县级市、4个县': what a place administers, a count
        if text[max(lo, m.start() - 1):m.start()] == "是" or _ONE_OF.match(text, m.end()):
            continue     # '天津市是我国四大直辖市之一，…实现地区生产总值…': what the place is, no subject
        if m.end() > best_pos:
            if best is not None and best.places and best_pos == m.start() and m.group(0) in ("全省", "全市", "全国"):
                best_pos = m.end()   # "河北全省共实现…": the place named right before is the subject
                continue
            if m.group(0) in ("全省", "我省") and ctx.main is not None and ctx.main.level == "province":
                best_pos, best = m.end(), Subject([], reason=f"'{m.group(0)}' in a province's own text")
                continue
            named = {p.code: p for p in ctx.places_in(lo, m.start()) if p.level == "province" and p.code}
            if m.group(0) in ("全省", "我省") and len(named) == 1:
                # '山东省财政厅发布信息显示，2016年全省一般公共预算收入完成5860亿元' (on a Qingdao page): the
                # province the sentence names
                best_pos, best = m.end(), Subject(list(named.values()), reason=f"'{m.group(0)}': the province the sentence names")
                continue
            best_pos, best = m.end(), Subject([], group=True, reason=f"group '{m.group(0)}'")
    m = _LISTED_GROUP.match(text, lo)
    if m is not None and best_pos < m.end() <= start and not _JOINS_A_LIST.search(text, lo, m.start("g")) \
            and not any(p.code for p in ctx.places_in(lo, m.start("g"))):
        # '2022中国西部百强县市常住人口平均为…，地区生产总值平均为…': a sentence about the members of a list
        best_pos, best = m.end(), Subject([], group=True, reason=f"group '{m.group('g')}': the members of a list")
    for m in _COUNTY_AREA.finditer(text, lo, start + 8):   # (its lookahead reads the indicator after start)
        # '河北省县域地区生产总值' / '全盟县域社会消费品零售总额': the total of a province's (a
        # prefecture's) counties, a group; a county's own '县域' (威县县域经济) is the county
        if m.end() <= best_pos or m.end() > start:
            continue
        named = best.places[-1] if best is not None and best.places and best_pos == m.start() else None
        owner_level = named.level if named is not None else (
            ctx.main.level if ctx.main is not None and (best is None or best_pos == m.start()) else None)
        if owner_level in ("county", "zone"):
            continue
        best_pos, best = m.end(), Subject([], group=True, reason=f"group '{m.group(0)}': the counties' total")
    for m in _SUBUNIT.finditer(text, lo, start):
        if _ADMINISTERS.search(text, max(lo, m.start() - 24), m.start()) or _ADMINISTERS.search(m.group(0)):
            continue     # '商河县下辖1个街道、11个镇，…实现地区生产总值': what the county administers
        if m.end() > best_pos:
            best_pos, best = m.end(), Subject([], group=True, reason=f"below the county: '{m.group(0)}'")
    return best or Subject([], reason="no place in the sentence: the article's region", implicit=True)


ACCOUNTED = re.compile(r"初步核算|据核算|经核算")   # a figure the statistics office has accounted
# '…增长5%，为大连三年挺进“万亿GDP城市”做出了应有贡献': the place a figure contributes to, no subject
_CONTRIBUTION_AFTER = re.compile(r"[^，,。；;]{0,24}?(?:做出|作出|贡献)")
# '设1个国家级高新区、1个副地级白沟新城': a unit counted in what a place holds, no subject
_COUNTED_UNIT = re.compile(r"[\d一二两三四五六七八九十]+个[^，,。；;、\d个]{0,6}$")
_COUNT_OF_MEMBERS = re.compile(r"[^，,。；;]{0,12}?(?:增至|增加到|达到?|共有|有)[\d一二两三四五六七八九十]+个")
_ADMINISTERS = re.compile(r"(?:下辖|管辖|辖|包括|(?<![建开假预增新])设有?(?=[\d一二两三四五六七八九十]))[^，,。；;：:]*$")
_ONE_OF = re.compile(r"[^，,。；;]{0,24}?之一")
_FROM_BEFORE = re.compile(r"(?:从|由)$")
_CLAUSE_MARK = re.compile(r"[，,；;：:]")
_MULTI_YEAR_SUM = re.compile(r"[两二三四五六七八九十\d]年(?:来|间|内|中)?[，,]?(?:累计|共计|合计|总计)")
_FROM_TO = re.compile(r"(?:从|由)[^，,。；;]{0,20}?(?:到|至)")
# '根据广州市地区生产总值统一核算结果，白云地区生产总值…': the place whose accounts a figure comes from, no subject
_BY_SOURCE_BEFORE = re.compile(r"(?:根据|按照|依据|经)$")
_SOURCE_AFTER = re.compile(r"[^，,。；;]{0,14}?(?:统一核算|核算结果|统计数据|统计局|数据显示|公布)")
_RANKED_IN_AFTER = re.compile(r"[^，,。；;]{0,12}?(?:中|里)?(?:排名|排在|排|位居|位列|居|列)(?:第|前|后|倒数)"
                              # ('经济总量在各县(区)中实现前移一位': the group a position moved in)
                              r"|[^，,。；;]{0,6}?(?:中|里)(?:实现)?(?:前移|后移|上升|提升|前进|进位|后退)[一二两三四五六七八九十\d]+(?:个)?位")
_SCOPE_VERB_BEFORE = re.compile(r"(?:居|位列|排名|排|列|领跑|领先)$")
# '县域地区(包含康平县、法库县、新民市)实现…': the members a group's bracket lists, no subject
_MEMBERS_ASIDE = re.compile(r"[（(](?:包含|包括|含)[^）)]*$")
# '增速高于自治区和南宁市': the places a figure is compared with, no subject
# ('同时超越大理市成为…', '定西反超白银': the place overtaken, right after its verb)
_COMPARED_WITH = re.compile(r"(?:高于|低于|快于|慢于|好于|优于|超过|高出|低出)[^，,。；;]{0,8}$|(?:超越|赶超|反超)了?$"
                            r"|(?:除了?|除去)$")    # ('昆明是西南地区除了成都之外…实现地区生产总值…': the place set aside)
# '总量稳居南宁市县域第一', '排全省各县(市、区)前列': the place a position is held in, no subject
_SCOPE_OF_A_RANK = re.compile(r"(?:县域|市域|各县(?:（市、区）|\(市、区\)|市区)?|各区县|区县|县区)"
                              r"(?:第|前列|首位|之首|前[一二三四五六七八九十\d])")
_IS_BETWEEN = re.compile(r"\s*(?:[，,]\s*(?:这|它|该[县市区])?)?(?:也|还|则|就)?(?:是|作为|成为|地处|位于|坐落于)")   # ('A，这也是B…的一个县', 'A作为B…的排头兵')


def _names_itself(p: Place, word: str, ctx: ArticleContext) -> bool:
    """Can ``word`` (全市, 全县 …) be the place ``p`` speaking of itself: a named city (市) or county (县, 旗,
    区) of that kind, other than the article's own region?"""
    full = getattr(p.region, "name", None) or p.name
    return bool(p.code) and full.endswith(word[-1]) and (ctx.main is None or p.code != ctx.main.code)


def _opens_on(text: str, lo: int, p: Place) -> bool:
    """Is ``p`` in the sentence's first clause (after at most a time phrase): the place it opens on?"""
    return not _CLAUSE_MARK.search(text, lo, p.start)


def _comparison_base(text: str, start: int, end: int) -> bool:
    """'分别比全国、自治区和全市高4.2…个百分点', '高出全市6.1个百分点': a place compared against is no subject."""
    if _ABOVE_BELOW.search(text, max(0, start - 2), start):
        return True
    k = start
    while True:     # '分别高出全区、全市1.1、1.9个百分点': a list of the places compared against
        m = _LISTED_BASE.search(text, max(0, k - 4), k)
        if m is None:
            break
        k = m.start()
    if k != start and _ABOVE_BELOW.search(text, max(0, k - 2), k):
        return True
    if text[max(0, start - 1):start] == "占":
        return True      # '占全市生产总值比重达85.2%': the whole a share is of
    if text[max(0, start - 1):start] in ("和", "与", "同", "跟") and re.match(r"(?:基本)?(?:持平|相当|一致|相同)", text[end:end + 4]):
        return True      # '增速和宜春持平': the place a rate equals
    clause_start = max(text.rfind(c, 0, start) for c in "，,；;。\n") + 1
    before = text[clause_start:start]
    return bool(re.search(r"(?:比|较|高于|低于|快于|慢于)", before)) and \
        bool(re.match(r"[^，,；;。]{0,8}?(?:高|低|快|慢|多|少|持平)", text[end:end + 10]))


_TIED_AT = re.compile(r"并列(?P<scope>[^，,。；;第]{0,10}?)第(?P<n>[一二三四五六七八九十\d]+)(?:位|名)")
_TOP_K_AFTER = re.compile(r"[，,]\s*(?:分别|依次)?(?:位居|位列|居|排名|排在|列)(?P<scope>全(?:省|市|区|国))?前(?P<n>[一二三四五六七八九十\d]+)(?:位|名)")
_LEADS_BEFORE = re.compile(r"(?:领涨|领跑|领先|引领|带动|拉动)$")


def _self_subject(ctx: ArticleContext, word: str) -> Subject:
    """全县 / 我市 / 该区 ...: the article's region when the word fits its level.

    In a county (县/区/旗) article 全市 / 我市 is the parent prefecture; in a
    prefecture article 全县 / 该县 names no single county (no fact)."""
    reason = f"'{word}' = the article's region"
    main = ctx.main
    if main is None or not main.name:
        return Subject([], reason=reason + " (none named)")
    suffix = word[-1]
    level = main.level or ("prefecture" if main.name.endswith(("市", "州", "盟")) and main.code and str(main.code).endswith("00")
                           else "county")
    if suffix == "市":
        if level == "prefecture" or main.name.endswith("市"):
            return Subject([], reason=reason)
        r = main.region
        pcode, pname = getattr(r, "prefecture_code", None), getattr(r, "prefecture_name", None)
        if pcode and pname:
            return Subject([Place(-1, -1, word, pcode, pname, "parent", "prefecture")],
                           reason=f"'{word}' in a county article = the parent prefecture")
        return Subject([], group=True, reason=f"'{word}' in a county article, parent unknown")
    if suffix in "县旗" and (level == "province" or (level == "prefecture" and not _names_a_county(ctx))):
        # '全县生产总值443.9亿元' on a page whose only places are its province (or prefecture): a county
        # the page never names (FACTS.md: its facts have no region code)
        return Subject([], reason=f"'{word}' on a page that never names its county", unnamed=True)
    if level == "prefecture" and suffix in "县旗区":
        return Subject([], group=True, reason=f"'{word}' in a prefecture article names no single county")
    return Subject([], reason=reason)


def _names_a_county(ctx: ArticleContext) -> bool:
    return any(p.level in ("county", "zone") for p in ctx.places if p.kind != "unresolved")


# ---------------------------------------------------------------- periods
_STANDING_NOUN = re.compile(r"竞争力|综合实力|经济实力|发展潜力|投资潜力|营商环境|百强|十强|排行榜|榜单")
_DAY_AFTER_YEAR = re.compile(r"\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_EVENT_AFTER_YEAR = re.compile(r"\s*(?:撤[县市区地乡镇]|设立|建立|成立|建县|建市|置县|设县|设市|更名|改名|获批)")


_LOOK_BACK = re.compile(r"过去的?一年")
_BASIS_OF = re.compile(r"[^，,。；;]{0,24}?的?(?:基础上|基础之上)")
_LEAGUE_YEAR = re.compile(r"(?<![\d.])(?:19|20)\d{2}(?=(?:年度)?(?:中国|全国|全省|全市|[东西中]部)[^，,。；;\d]{0,16}?(?:排名|排行|榜))")


def _clause_after_the_figures(text: str, lo: int, at: int) -> bool:
    """Whether ``at`` lies in a clause after the last figure since ``lo`` ('…增长8.1%和11%，主要经济指标年底均可实现
    预期目标': 年底 is that comment's, not the figures' period)."""
    last = max((k for k in range(lo, at) if text[k].isdigit()), default=-1)
    return last >= 0 and any(c in "，," for c in text[last:at])


def _core_sentence(ctx: ArticleContext, j: int) -> bool:
    return any(mm.term.core for mm in ctx.metrics_in(ctx.sentences[j].start, ctx.sentences[j].end))


def _period_for(ctx: ArticleContext, i: int, g: Group, seg_end: int, target: bool) -> tuple[Optional[Period], bool]:
    """(period, explicit_or_relative_found)."""
    sents = ctx.sentences
    s = sents[i]
    pms = ctx.periods_of(i)
    rel_start, rel_end = g.start - s.start, seg_end - s.start
    chosen: Optional[PeriodMention] = None
    carried_year: Optional[int] = None
    before = [p for p in pms if p.end <= rel_start + 1]
    # (not a year inside an aside with its own figure: '增长6.8%(经最终核实，2022年GDP现价总量为5592.02亿元)')
    inside = [p for p in pms if rel_start <= p.start < rel_end and not _aside_with_figure(ctx.text, s.start, s.start + p.start)
              and not _clause_after_the_figures(ctx.text, g.start, s.start + p.start)]
    if before:
        chosen = before[-1]
    elif inside:
        chosen = inside[0]
    else:
        # earlier sentences of the paragraph, then earlier fact-bearing sentences up to a heading
        j = i - 1
        # a multi-year span (过去五年) carries to a later sentence's average rate, not to its level
        # ("过去五年，…年均增长7.9%。其中，宁晋县地区生产总值突破300亿元。")
        span_ok = bool(re.search(r"年均|年平均|平均每年", ctx.text[g.start:seg_end]))
        moves = bool(_FROM_TO.search(ctx.text, g.start, seg_end))
        while j >= 0 and j >= i - 40 and not sents[j].is_heading:
            if sents[j].paragraph != s.paragraph and j not in ctx.metric_sents:
                back = next((p for p in ctx.periods_of(j) if _LOOK_BACK.fullmatch(p.text)), None)
                if back is not None:
                    # '曹宏伟指出，过去一年，在县委坚强领导下…。' over '经济运行质量明显提升。…规模工业增加值增长4.3%':
                    # the year a report looks back on is the period of the review's figures below it
                    chosen = back
                    break
            if (sents[j].paragraph == s.paragraph or (j in ctx.metric_sents and _core_sentence(ctx, j))) \
                    and j not in ctx.period_list_sents:
                # (from another paragraph only a sentence of the page's indicators: '今年阿瓦提县实施重点项目11个'
                # between '1—9月，阿克苏地区实现生产总值…' and '分产业来看，第一产业增加值…' sets no period)
                # (a sentence dealing rates over listed periods sets no period for the next one)
                # ('1992年撤县设市，…，2021年GDP完成…；财政总收入…': the year of an event is no period to carry)
                # (nor the year of a full date: '2022年1月26日，…发布消息称，2021年1-4季度…')
                pj = [p for p in ctx.periods_of(j) if (span_ok or not p.span) and not p.text.endswith("以来")
                      and not _aside_with_figure(ctx.text, sents[j].start, sents[j].start + p.start)
                      and not _EVENT_AFTER_YEAR.match(ctx.text, sents[j].start + p.end)
                      and not (p.year and p.months is None and _DAY_AFTER_YEAR.match(ctx.text, sents[j].start + p.end))
                      # ('贫困发生率从2014年的15.56%降至1.06%。' before the next sentence's figures: a move's base)
                      # (a move's base still carries to a move: '…由2012年的29.77亿元增长到…。第三产业增加值由3.03亿元增长到…')
                      and not (p.year and not moves and _FROM_BEFORE.search(
                          ctx.text, max(sents[j].start, sents[j].start + p.start - 1), sents[j].start + p.start))]
                if pj:
                    chosen = pj[0]   # a sentence states its own period first
                    first_metric = next((mm.start for mm in ctx.metrics_in(sents[j].start, sents[j].end)), None)
                    stated = [p for p in pj if p.year is not None and not p.bare and not p.span
                              and first_metric is not None and sents[j].start + p.end <= first_metric]
                    explicit = [p for p in pj if p.year is not None and p.rel is None and not p.span and not p.bare]
                    if chosen.rel is not None and explicit and _BASIS_OF.match(ctx.text, sents[j].start + chosen.end,
                                                                                  sents[j].end):
                        # '在上一年度主要经济指标快速增长的基础上，2021年全县经济继续…': the year before is the base
                        # the sentence builds on, the year it states is its period
                        chosen = explicit[0]
                    if len(stated) > 1 and stated[-1].year != pj[0].year:
                        # '2010年，经济开发区被批准设立…2018年，喀什地区实现地区生产总值…。其中…': the year
                        # the sentence's figures were stated under, not an earlier year it mentions
                        chosen = stated[-1]
                    at = sents[j].start + chosen.start
                    if len(pj) > 1 and pj[0].year is not None and pj[-1].year is not None \
                            and _FROM_BEFORE.search(ctx.text, max(sents[j].start, at - 2), at) \
                            and not _FROM_TO.search(ctx.text, g.start, seg_end):
                        # '从2010年居…第三位，上升到2015年居…': the change ends in the later year (a figure that
                        # moves from one value to another itself, '从742亿元增加到1550.2亿元', keeps the first)
                        chosen = pj[-1]
                    sub = next((p for p in pj[1:] if p.bare and p.months), None)
                    if chosen.year is not None and chosen.months is None and not chosen.span and sub is not None:
                        # '2016年，…截至9月14日，财政收入…；一般公共预算收入…': that year's months
                        chosen, carried_year = sub, chosen.year
                    break
            j -= 1
        if chosen is None and not target and j >= 0 and sents[j].is_heading and not ctx.periods_of(j):
            chosen = _lead_period(ctx, j)
        if chosen is None:
            # '在新出炉的2018中国沿海城市GDP排名中，湛江城市GDP达到3008.39亿元': the year a league is named with
            # (no 年) is the year of its figures
            lg = _LEAGUE_YEAR.search(ctx.text, s.start, g.start)
            if lg is not None:
                chosen = PeriodMention(lg.start() - s.start, lg.end() - s.start, lg.group(0), year=int(lg.group(0)))
    hy = ctx.heading_years.get(i)
    title_pm = ctx.title_period
    if hy is None and title_pm is not None and title_pm.year is not None and not title_pm.span:
        hy = title_pm.year          # the title is the article's top heading
    if chosen is not None and chosen.bare and hy is None and ctx.pub is None:
        # an undated page: '在二零二四年的时候，…。全年全部财政收入完成…' — the year stated
        # earlier in the paragraph governs a bare 全年 / 上半年 (before the year of the page's opening:
        # '2019年一季度…' at the top, then '2018年新疆实现地区生产总值…。全年人均地区生产总值…')
        hy = paragraph_year(ctx, i, chosen, own_only=ctx.doc_year is not None)
    if hy is None and ctx.pub is None and ctx.doc_year is not None:
        hy = ctx.doc_year           # an undated page: the year its title or opening states
    if carried_year is not None:
        hy = carried_year
    elif chosen is not None and chosen.bare and chosen in pms:
        stated = [p for p in pms if p.end <= chosen.start and p.year is not None and not p.span and p.months is None]
        if stated:
            hy = stated[-1].year    # '2016年，…，截至9月14日，全县财政收入…': the sentence's own year
    if chosen is not None:
        ctx_year = hy if (chosen.bare and hy is not None) else None
        if chosen.rel is not None and ctx.pub is None and ctx.doc_year is not None:
            # "今年上半年" on an undated page whose opening names 2009: that year's; and "过去的一年"
            # after "发布2020年…指标完成情况" looks back on the year the opening names, not the one before
            if re.fullmatch(r"过去的?一年", chosen.text) or (ctx.doc_results and re.fullmatch(r"去年|上年|上一年", chosen.text)):
                # ('2017年成绩已出' over '去年的韶关，全市完成GDP总量…': the year whose results the page reports)
                p = year_only(ctx.doc_year, f"'{chosen.text}' on an undated page of {ctx.doc_year} ({ctx.doc_year_reason})")
                return p, True
            p = resolve(chosen, (ctx.doc_year, 12), target, ctx_year)
            if p is not None:
                p.reason = f"'{chosen.text}' on an undated page of {ctx.doc_year} ({ctx.doc_year_reason})"
            return p, True
        heading_hy = ctx.heading_years.get(i)
        if chosen.rel is not None and not target and heading_hy is not None and ctx.heading_review.get(i, False) \
                and re.fullmatch(r"过去的?一年|这一年|一年来|一年以来", chosen.text):
            # '过去的一年，…全区生产总值6206.9亿元' under '一、2011年工作回顾' on a page reposted years later:
            # the year the review heading names
            return year_only(heading_hy, f"'{chosen.text}' under a review of {heading_hy}"), True
        op = ctx.opening_period
        if not target and ctx_year is None and chosen.bare and chosen.rel is None and chosen.months == (1, 12) \
                and op is None and ctx.opening_year is not None and ctx.pub is not None and ctx.opening_year < ctx.pub[0] - 1:
            # '2022年是大同发展史上极不平凡…的一年' opening a bulletin, then '全年…地区生产总值…' on a copy updated
            # 2024-05-10: the year the opening names, not the last one ended by the copy's date
            return year_only(ctx.opening_year, f"'{chosen.text}': the year the opening names ({ctx.opening_year})"), True
        if not target and ctx_year is None and chosen.bare and chosen.rel is None and op is not None \
                and op.year is not None and op.months == chosen.months and chosen.months is not None:
            # '2015年1-3月份，兵团实现生产总值…' at the top, then '一季度，兵团规模以上工业增加值…': the quarter
            # the opening states, not the latest by a later copy's date
            p = resolve(chosen, (op.year, 12), False, op.year)
            if p is not None:
                p.reason = f"'{chosen.text}': the period the opening states ({op.year})"
                return p, True
        return resolve(chosen, ctx.pub, target, ctx_year), True
    heading_hy = ctx.heading_years.get(i)
    if heading_hy is not None:
        part = ctx.heading_parts.get(i)
        if part is not None:
            p = resolve(part, ctx.pub, target, None)
            if p is not None:
                p.reason = "the heading's period: " + p.reason
                return p, True
        return year_only(heading_hy, f"heading year {heading_hy}"), True   # a heading is nearer than the title
    if title_pm is not None and not target:
        p = resolve(title_pm, ctx.pub, target, None)
        if p is not None:
            p.reason = "period of the title: " + p.reason
            return p, True
    if hy is not None and not target and ctx.pub is None and ctx.opening_period is not None \
            and hy == ctx.opening_year and ctx.heading_years.get(i) is None:
        # an undated page on one period ('2018年第一季度，…' at its top, or '前4月' / '1-4月' all
        # through it): that period, for its figures that name none
        p = resolve(ctx.opening_period, (hy, 12), False, None)
        if p is not None:
            p.reason = "the one period the undated page states: " + p.reason
            return p, True
    if hy is not None:
        return year_only(hy, f"heading year {hy}"), True
    if target and ctx.pub:
        return year_only(ctx.pub[0], "a target without a period: the publish year"), False
    if not target and ctx.pub and ctx.pub[1] <= 3 and (ctx.heading_review.get(i) or ctx.pub_from_report):
        # "过去一年工作回顾" in a report delivered early in the year: the year before
        return year_only(ctx.pub[0] - 1, "a review in a report of early in the year: the year before"), False
    if not target and ctx.opening_year is not None:
        # "相继发布2020年主要经济数据" at the top of a dated page: its figures without a period are that
        # year's ('2018年第一季度，浙江经济运行…' at the top: that quarter's)
        if ctx.opening_period is not None:
            p = resolve(ctx.opening_period, ctx.pub, False, None)
            if p is not None:
                p.reason = "the period the opening names: " + p.reason
                return p, False
        return year_only(ctx.opening_year, f"the year the opening names ({ctx.opening_year})"), False
    return None, False


_HIGHEST_AFTER_TERM = re.compile(r"\s*(?:(?:总量|规模)?最(?:高|大|多)|(?P<g>(?:增速|增幅|增长)最(?:快|高)))[，,]?\s*(?:为|达到?|是)"
                                 # ('沙河市人均GDP(5.11万元)全市最高': its figure in brackets, then the highest of its scope)
                                 r"|\s*[（(][^（）()]{1,16}[）)]\s*全(?:市|省|区|县|国)最(?:高|大|多)")
_OWN_RANK_BEFORE = re.compile(r"\s*(?:在(?P<among>[^，,。；;]{1,14}?)(?:中|里)?)?"    # ('广西在国内大陆各省市区排名第18，对应…')
                              # ('青岛市毫无悬念的位居全省第一，实现地区生产总值…': a short manner before the position)
                              r"(?:[\u4e00-\u9fa5]{2,6}的)?"
                              r"(?:继续|仍然?|依然|依旧|稳居)?(?:排名|排行|位居|位列|排在|居)(?P<scope>全(?:省|市|国|区))?"
                              r"第(?P<n>[一二三四五六七八九十\d]+)(?:位|名)?\s*[，,]\s*(?:对应|全年|(?:19|20)\d{2}年)?\s*"
                              r"(?:实现|完成|达到)?\s*")
# '同比增长4.6%，而一季度下降6.1%、上半年增长1.0%': the group's own rate, then those of earlier periods
_ALSO_BEFORE = re.compile(r"[%％]\s*[，,]\s*(?:而|其中|分季度看|其中，)?\s*(?:一季度|上半年|前三季度|1-\d{1,2}月|[一二三四]季度)")
_BREAKDOWN_OPENING = re.compile(r"\s*(?:分产业看|分行业看|从产业看|分产业来看|从三次产业看|分三次产业看|分类别看|其中[，,:：])")


def _paragraph_opener(ctx: ArticleContext, i: int) -> Optional[Place]:
    """The place a paragraph's first sentence opens with, when that sentence (not sentence ``i``)
    names no indicator and no other place: the paragraph is about it."""
    start = ctx.paragraph_start(i)
    j = ctx.sentence_at(start)
    if j is None or j == i or ctx.metrics_in(ctx.sentences[j].start, ctx.sentences[j].end):
        return None
    return _sole_place_opening(ctx, j, start, start + 2)


def _sole_place_opening(ctx: ArticleContext, k: int, lo: int, hi: int) -> Optional[Place]:
    """The one coded place (a county, prefecture or zone, not an organ's name) sentence ``k`` names, when it
    starts between ``lo`` and ``hi``; else None."""
    places = [p for p in ctx.places_in(ctx.sentences[k].start, ctx.sentences[k].end) if p.kind != "unresolved"]
    if len({p.code for p in places}) != 1 or not places[0].code or not lo <= places[0].start <= hi \
            or places[0].level not in ("county", "prefecture", "zone") or _ORGAN_AFTER.match(ctx.text, places[0].end):
        return None
    return places[0]


# a countdown's entry: '第四名是遂昌县，…' / '先看第五名青田县，…' / 'NO.3：永嘉县'
_ENTRY_INTRO = re.compile(r"(?:第[一二三四五六七八九十\d]+名|NO[.:：]?\s*\d+|(?:^|(?<=[\s。！]))\d{1,2}[、.．])\s*(?:是|为|[:：，,、])?\s*$",
                          re.I)     # (and a numbered entry: '… 4、宜都 宜都市位于…')


def _entry_place(ctx: ArticleContext, i: int, back: int = 5) -> Optional[Place]:
    """The place a countdown entry introduced shortly before sentence ``i`` ('第四名是遂昌县，面积2539平方公里。' /
    '常住人口19.3万，2024年GDP 194亿'), when the sentences between name no other place: the entry's figures
    that name no place are its place's."""
    for j in range(i - 1, max(-1, i - 1 - back), -1):
        s = ctx.sentences[j]
        places = [p for p in ctx.places_in(s.start, s.end) if p.code and p.level in ("county", "prefecture", "zone")]
        if not places:
            continue
        intro = next((p for p in places if _ENTRY_INTRO.search(ctx.text, max(s.start, p.start - 12), p.start)), None)
        return intro
    return None


def _carried_before(ctx: ArticleContext, i: int, back: int = 3) -> Optional[Subject]:
    """The subject of the nearest paragraph before sentence ``i``'s that has one, looking back over at
    most ``back`` paragraphs and never past a heading ('神木…2231.47亿元。' / '若把神木单独拎出…' /
    '分产业看，…': a paragraph of prose between the figures and their breakdown)."""
    para = ctx.sentences[i].paragraph
    for j in range(i - 1, -1, -1):
        s = ctx.sentences[j]
        if s.paragraph == para:
            continue
        if s.is_heading or para - s.paragraph > back:
            return None
        carried = ctx.subject_carry.get(s.paragraph)
        if carried is not None:
            return carried
        opener = _prose_opener(ctx, j)
        if opener is not None:
            # '今年阿瓦提县实施重点项目11个…' / '今年以来，阿克苏地区坚持…推动…' / '分产业来看，第一产业增加值…':
            # the paragraph of prose just before, about the place it opens with, is what the breakdown breaks down
            return Subject([opener], reason="the place the paragraph of prose before opens with")
    return None


# a period opening a paragraph before its place: '今年以来，' / '1—9月，' / '近年来，'
_OPENING_PERIOD = re.compile(r"(?:今年|去年|近年|近年来|[\d—\-～~至]{1,8}月|[一二三四]季度|上半年|前三季度)?(?:以来)?[，,]?")


def _prose_opener(ctx: ArticleContext, j: int) -> Optional[Place]:
    """The place the paragraph of sentence ``j`` opens with (after a period: '今年以来，阿克苏地区坚持…'),
    when that paragraph states no figure of an indicator and its first sentence names no other place."""
    start = ctx.paragraph_start(j)
    k = ctx.sentence_at(start)
    if k is None:
        return None
    para = ctx.sentences[k].paragraph
    end = k
    while end + 1 < len(ctx.sentences) and ctx.sentences[end + 1].paragraph == para:
        end += 1
    if ctx.metrics_in(start, ctx.sentences[end].end):
        return None
    at = _OPENING_PERIOD.match(ctx.text, start).end()
    return _sole_place_opening(ctx, k, at, at)


# '单独可排陕西第六': the place where a position is held, no section's subject
# '政府驻地襄都区' in an infobox: where the government sits, not what the section is about
# (and an infobox's former or other names: '舊稱柴桑寻阳江州', '别称…', '简称…')
_SEAT_BEFORE = re.compile(r"(?:驻地|驻|所在地|治所|首府|首邑|旧称|舊稱|古称|古稱|别称|別稱|简称|簡稱|又称|又稱)\s*[:：]?\s*$")
_HELD_AT_BEFORE = re.compile(r"(?:排|居|列|位列|位居|排名|排在|跻身)$")
_HELD_AT_AFTER = re.compile(r"\s*(?:第[一二三四五六七八九十\d]+|前列|之首|首位|榜首|前[一二三四五六七八九十\d]+)")


def _heading_place(ctx: ArticleContext, i: int) -> Optional[Place]:
    """The first place named by the nearest heading above sentence ``i`` (None when that heading
    names none, or no heading stands within the 30 sentences above)."""
    for j in range(i - 1, max(-1, i - 31), -1):
        h = ctx.sentences[j]
        if h.is_heading:
            if _CREDIT_LINE.search(ctx.text, h.start, h.end):
                return None      # '采写 | 玉林市融媒体中心通讯员 刘宇鹏': a credit line, no section heading
            named = [p for p in ctx.places_in(h.start, h.end) if p.code and p.kind != "unresolved"
                     and not _ORGAN_AFTER.match(ctx.text, p.end) and not _MEDIA_AFTER.match(ctx.text, p.end)
                     and not (_HELD_AT_BEFORE.search(ctx.text, max(0, p.start - 2), p.start)
                              and _HELD_AT_AFTER.match(ctx.text, p.end))
                     and not _SEAT_BEFORE.search(ctx.text, max(h.start, p.start - 6), p.start)]
            return named[0] if named else None
    return None


def paragraph_year(ctx: ArticleContext, i: int, chosen: PeriodMention, own_only: bool = False) -> Optional[int]:
    """The last explicit single year stated before ``chosen`` in its paragraph, or None. ``own_only``: only a
    year the text reports on, not one it measures by ('按2022年常住人口计算', '比2015年增长…')."""
    sents = ctx.sentences
    j = i
    while j >= 0 and sents[j].paragraph == sents[i].paragraph:
        years = [p.year for p in ctx.periods_of(j) if p.year is not None and not p.span
                 and (j < i or p.start < chosen.start)
                 and not (own_only and _MEASURED_BY.search(ctx.text, max(0, sents[j].start + p.start - 2),
                                                            sents[j].start + p.start))]
        if years:
            return years[-1]
        j -= 1
    return None


_MEASURED_BY = re.compile(r"(?:按|比|较|以|与|同|从|至|到|于|截至|是)$")


def _lead_period(ctx: ArticleContext, h: int) -> Optional[PeriodMention]:
    """An actual under a topical heading that names no period (二、工业生产增势较好 in a quarterly
    release) takes the period of the release: the first fact-bearing sentence's first period, counted
    from the last heading before ``h`` that names a period (or the top), skipping point-in-time stocks
    (3月末, 年底) which are no period of the flows below."""
    sents = ctx.sentences
    top = h
    while top > 0 and not (sents[top - 1].is_heading and ctx.periods_of(top - 1)):
        top -= 1
    for j in range(top, h):
        if j not in ctx.metric_sents or sents[j].is_heading:
            continue
        for pm in ctx.periods_of(j):
            if sents[j].text.startswith(("末", "底"), pm.end) or pm.text.endswith(("末", "底")):
                continue
            return pm
        return None
    return None


def dealt_growths(ctx: ArticleContext, i: int, groups: list[Group]) -> dict[int, tuple[Optional[int], tuple[str, float]]]:
    """"A达17840元，B达8150元，分别增长11.5%和10.8%": k terms in a row, each with its own figure, then
    分别 and exactly k rates dealt out over them in order. Returns {group index: (cut of the last
    group's segment before 分别 or None, (field, rate))}; empty when the sentence is not so built."""
    text = ctx.text
    s = ctx.sentences[i]
    out: dict[int, tuple[Optional[int], tuple[str, float]]] = {}
    run: list[int] = []
    for gi, g in enumerate(groups):
        if not g.items:
            run = []
            continue
        if len(g.items) != 1 or "|" in g.items[0].metric:
            run = []
            continue
        nxt = groups[gi + 1].start if gi + 1 < len(groups) else s.end
        seg_end, cut = segment_end(ctx, g, nxt, s.end)
        seg = mask_asides(text[g.end:seg_end])
        fb = _FENBIE.search(seg)
        head = seg[:fb.start()] if fb else seg
        y0, c0 = _growths(head)
        if y0 or c0 or cut is not None or (run and groups[run[-1]].items[0].term.unit != g.items[0].term.unit):
            run = []
            continue
        run.append(gi)
        if not fb:
            continue
        y, c = _growths(seg[fb.start():])
        rates = [("yoy", v) for _, v in y] if y and not c else ([("cagr", v) for _, v in c] if c and not y else [])
        if len(run) >= 2 and len(rates) == len(run):
            for k, gj in enumerate(run):
                out[gj] = (fb.start() if gj == gi else None, rates[k])
        run = []
    return out


def kind_and_period(ctx: ArticleContext, i: int, g: Group, seg_end: int, colon: int,
                     prev_target_mood: dict[int, bool]) -> tuple[Optional[str], Optional[Period], str]:
    """(kind or None to drop, period, why)."""
    s = ctx.sentences[i]
    text = ctx.text
    # the cue window: the clause holding the group (or the colon lead-in) to the segment end
    rel = g.start - s.start
    clause_start = 0
    for a, b in s.clauses:
        if a <= rel < b:
            clause_start = a
            break
    if 0 <= colon < rel:
        clause_start = 0
    # a short lead clause ("今年，" / "全年，") belongs to the next
    window = text[s.start + clause_start:seg_end]
    base = s.start + clause_start          # where the window starts in the text
    if clause_start > 0:
        prev_clause = text[s.start:s.start + clause_start]
        if len(prev_clause) <= 12:
            window = prev_clause + window
            base = s.start
    window = TARGET_NOUN.sub(lambda m: " " * len(m.group(0)), window)
    if ACCOUNTED.search(text, s.start, g.start):
        # '初步核算，全县地区生产总值达81.6亿元，…为全年经济目标打下了坚实基础': a figure the statistics
        # office has accounted is an actual; a target word after its indicator speaks of something else
        cut = max(0, g.end - base)
        window = window[:cut] + TARGET_CUE.sub(lambda m: " " * len(m.group(0)), window[cut:])
    cue = TARGET_CUE.search(window)
    heading_target = ctx.heading_target.get(i, False)
    cues = [c.group(0) for c in TARGET_CUE.finditer(window)]
    before_g = TARGET_NOUN.sub(lambda m: " " * len(m.group(0)), text[s.start:g.start])
    if not cue and TARGET_CUE.search(before_g) and not PAST.search(window):
        # "力争A增长13%、B增长7.5%，C增长11%": the list goes on under the same target word
        # (not '…高于年度预期目标2.1个百分点，固定资产投资增速居全区第二': a goal as a noun)
        cues = [] if heading_target else [c.group(0) for c in TARGET_CUE.finditer(before_g)]
        heading_target = True
    mood = False
    mood_src = i       # the sentence whose words set the kind (an earlier one when a mood runs on)
    if not cue and not heading_target and i > 0 and prev_target_mood.get(i - 1) \
            and ctx.sentences[i - 1].paragraph == s.paragraph and not PAST.search(text, s.start, seg_end) \
            and not SEQUENCE_OPENS.match(text, s.start, s.end):
        # (not into league prose by position: '…全年有可能达到700亿元；其次是隆回县，GDP119亿元')
        mood = True
        # the part that set the mood: a mood carried on through ；-parts keeps the words it began with
        sents = ctx.sentences
        k = i - 1
        while k > 0 and not (TARGET_CUE.search(text, sents[k].start, sents[k].end)
                             or FUTURE_CUE.search(text, sents[k].start, sents[k].end)) \
                and sents[k - 1].group == sents[k].group and prev_target_mood.get(k - 1):
            k -= 1
        prev = sents[k]
        mood_src = k
        prev_text = text[prev.start:prev.end]
        cues = [] if FUTURE_CUE.search(prev_text) else \
            [c.group(0) for c in TARGET_CUE.finditer(TARGET_NOUN.sub(lambda m: " " * len(m.group(0)), prev_text))]
    if cues and set(cues) == {"预计"} and (ctx.heading_review.get(i, False) or (
            ctx.pub is None and not ctx.heading_target.get(i, False))):
        # under a review heading, or on a page whose date is unknown: '一季度…预计完成17.12亿元' is the
        # preliminary figure of the period it reports, an actual
        # "预计实现地区生产总值391亿元" under "…年工作回顾": the reviewed year's preliminary actual
        period, _found = _period_for(ctx, i, g, seg_end, False)
        return "actual", period, "预计 under a review heading"
    target = bool(cue) or heading_target or mood
    period, _found = _period_for(ctx, i, g, seg_end, target)
    if (cues and set(cues) == {"预计"} and not ctx.heading_target.get(i, False) and ctx.pub and ctx.pub[1] == 12
            and period is not None and period.start == "%04d-01" % ctx.pub[0] and period.end == "%04d-12" % ctx.pub[0]
            and "预计" not in text[s.start:g.start] and not _forecast_sentence(ctx, text, s.start, g.start)
            and not _ABOUT.search(window)):
        # '全年完成地区生产总值595亿元，增长5.5%（预计，同比）' in a report of late December: the year's
        # preliminary figure, an actual ('预计全年…增长6%左右' stays a forecast)
        return "actual", period, "预计 for the year in a December report"
    if (cues and set(cues) == {"预计"} and not ctx.heading_target.get(i, False)
            and ctx.pub and ctx.pub[1] <= 2 and period is not None):
        # "预计全年…完成260亿元" in a year-end report of January/February: the year just ended,
        # a preliminary actual (a bare 全年 read as the latest full year ended by the publish date)
        past, _ = _period_for(ctx, i, g, seg_end, False)
        if past is not None and past.start != period.start and past.start == "%04d-01" % (ctx.pub[0] - 1) \
                and past.end == "%04d-12" % (ctx.pub[0] - 1):
            return "actual", past, "预计 in a year-end report about the year just ended"
        if past is None and not ctx.periods_of(i) and not ctx.periods_of(mood_src) \
                and _LOOKS_BACK.search(text, max(0, s.start - 300), s.start):
            # '…一年以来，圆满完成了全年…目标任务。预计地区生产总值超过2100亿元，增长8.8%左右' in a report of
            # January: no period said, after a look back on the year: the year just ended
            return "actual", year_only(ctx.pub[0] - 1, "预计 after a look back, in a report of January/February: "
                                       "the year just ended"), "预计 in a year-end report about the year just ended"
    if not target:
        # a full-year (or later) figure about a period not yet over cannot be an actual
        if period and not period.retrospective and ctx.pub and period.end > "%04d-%02d" % ctx.pub:
            if not PAST.search(window):
                return "target", period, "period not over at publication"
            return None, period, "an actual for a period not over"
        return "actual", period, ""
    over = ended(period.end if period else None, ctx.pub)
    if over:
        if cue and cue.group(0) == "预计":
            return "actual", period, "预计 about a period already over"
        if heading_target or mood:
            return "actual", period, ""
        return None, period, "a target word about a period already over"
    return "target", period, (cue.group(0) if cue else ("target heading" if heading_target else "target mood"))


_MOVED_FROM_TO = re.compile(r"(?:从|由)\s*(?P<a>[^，,。；;从由]{1,16}?)(?:增长|增加|提高|提升|跃升|上升|扩大|跨越)(?:到|至)\s*(?P<b>[^，,。；;]{1,16})")
_YEAR_IN = re.compile(r"(?:19|20)\d{2}\s*年")
_FROM_A_YEAR = re.compile(r"(?:从|由)\s*(?:19|20)\d{2}\s*年")
_YEARS_MOVE = re.compile(r"(?:从|由)\s*((?:19|20)\d{2})\s*年[^，,。；;从由]{0,16}?(?:增长|增加|提高|提升|跃升|上升|扩大|跨越)(?:到|至)\s*((?:19|20)\d{2})\s*年")
_AHEAD_LEAD = re.compile(r"(?:以|的)\s*$")
_AHEAD_TAIL = re.compile(r"\s*的?\s*$")


def _figure_ahead(text: str, lo: int, at: int) -> Optional[Amount]:
    """A money figure written right before its indicator after 以 or 的 ('以305.52亿的GDP总量', '的194.11亿GDP'),
    placed at the start of the indicator's segment (offset 0: before any rate in it), or None."""
    window = text[lo:at]
    found = [a for a in iter_amounts(window) if a.unit == "yuan" and not a.qualifier]
    if not found:
        return None
    a = found[-1]
    if not _AHEAD_TAIL.fullmatch(window, a.end) or not _AHEAD_LEAD.search(window, 0, a.start) \
            or re.search(r"[，,。；;]", window[a.start:]):
        return None
    return dataclasses.replace(a, start=0, end=0)


def facts_for_group(ctx: ArticleContext, i: int, g: Group, seg: str, seg_end: int, lo: int, colon: int,
                     prev_target_mood: dict[int, bool], subject: Optional["Subject"] = None,
                     dealt: Optional[tuple[str, float]] = None, placed: Optional[int] = None,
                     at: Optional[tuple[int, int]] = None) -> list[Fact]:
    """Facts of group ``g`` (sentence ``i``) read from ``seg``. ``at`` = (sentence, offset) of a
    figure read on a group named in an earlier sentence (league prose): a period that sentence
    states before the offset is the figure's own ('…前4月累计金额达到了2313.12亿元')."""
    text = ctx.text
    s = ctx.sentences[i]
    items = _expand_pairs(g.items)
    # '城镇、农村居民人均可支配收入28204.9元、9106.3元，增长8.1%和11%': a term naming two indicators, then two
    # figures joined by 、/和, deals them out in order as 分别 does
    paired = len(g.items) == 1 and "|" in g.items[0].metric and bool(_PAIRED_FIGURES.search(seg))
    if len(g.items) == 1 and g.items[0].label.startswith("城乡") and not _FENBIE.search(seg) and not paired \
            and not _FENBIE.search(text[max(lo, g.start - 6):g.start]) and not _JUN.search(seg):
        # '城乡居民人均可支配收入为78215元' with one figure, not dealt out (分别) nor shared (均): all residents'
        items = [("disposable_income", g.items[0])]
    # items whose lexicon row needs a leading metric (第一产业 under GDP)
    keep = []
    lead = text[s.start:g.start]
    for key, mm in items:
        if mm.term.needs and not _needs_ok(ctx, i, g, mm.term.needs):
            continue
        if key == "gdp_per_capita" and _HUJI_BASIS.search(lead):
            continue   # per head of the registered (户籍) population: not the indicator (常住 population)
        keep.append((key, mm))
    items = keep
    if not items:
        return []
    sent_text = text[s.start:s.end]
    if any(not _PRAISE_AFTER.match(text, m.end()) for m in _SUBSET_ECONOMY.finditer(text, lo, g.start)):
        # '民营经济中，第一产业增加值5.8亿元': a part of the economy, not the region's indicator
        # ('作为全省民营经济最为发达的县域之一' describes the region)
        return []
    kind, period, why = kind_and_period(ctx, i, g, seg_end, colon, prev_target_mood)
    if kind is None:
        return []
    if at is not None and at[0] != i:
        own_s = ctx.sentences[at[0]]
        if any(p.end <= at[1] - own_s.start and not p.span for p in ctx.periods_of(at[0])):
            own, _found = _period_for(ctx, at[0], Group(g.items, at[1], at[1], at[0]), at[1] + 1, kind == "target")
            if own is not None:
                period = own
    # ordered list after the group: 前三位的县是：A、B、C (ranks for the listed places)
    top = _TOP_LIST.search(seg) or _TOP_ORDERED.search(seg)
    if top is None and (order := _ORDER_IS.search(seg)) is not None \
            and ctx.places_in(g.end + order.end(), g.end + order.end() + 1):
        top = order      # (not '…GDP依次为1700亿元、…': figures dealt out in order)
    if top:
        return _top_list_facts(ctx, i, g, items, seg, top, kind, period, s)
    bottom = BOTTOM_LIST.search(seg)
    if bottom and len(items) == 1 and (n := cn_number(bottom.group("n"))):
        # '排名靠后的两个县是：西充县，达到221.74亿元；蓬安县，达到220.7亿元': each place's figure, no position
        # (the group's size is not said)
        before = text[g.end:g.end + bottom.start()]
        basis = "growth" if _GROWTH_BASIS.search(before) else ("value" if _VALUE_BASIS.search(before) else None)
        return _top_items_with_figures(ctx, i, items[0], g.end + bottom.end(), int(n), kind, period, basis,
                                       ranked=False)
    top_rank: Optional[tuple[int, str]] = None
    if subject is None:
        # '地方财政收入超过300亿元的还有邯郸市，累计金额为300.1亿元': the place after 的还有 is the
        # subject, the threshold before it no figure
        after = _THRESHOLD_THEN_PLACE.match(seg) or _TOP_IS.match(seg) or _BOTTOM_IS.match(seg) \
            or _BOUND_OF_PLACE.match(seg)
        named = ctx.places_in(g.end + after.end(), g.end + after.end() + 1) if after else []
        if named and named[0].kind != "unresolved":
            subject = Subject([named[0]], reason="the place after a threshold (…的还有) or a top (最快的是)")
            seg = seg[after.end():]
            if after.re is _TOP_IS:
                # 'GDP增速最快的是曲靖，达到12%': first on the growth (or the level)
                top_rank = (1, "growth" if after.group("g") else "value")
    if subject is None:
        subject = _subject(ctx, g.start, lo)
        para = ctx.sentences[i].paragraph
        if subject.implicit:
            # "宁晋县地区生产总值增长6%。固定资产投资增长8%。": the paragraph's subject goes on, and on
            # into a paragraph that opens with 分产业看 (it breaks down the one before)
            # (a countdown entry introduced since is nearer than the paragraph's subject: '…4、宜都 宜都市位于…。
            # 2015年人均GDP为128626元' in a page of one paragraph)
            entry = _entry_place(ctx, i)
            carried = Subject([entry], reason="the place of the countdown entry before") if entry is not None \
                else ctx.subject_carry.get(para)
            if carried is None and para > 0 and _BREAKDOWN_OPENING.match(text, ctx.paragraph_start(i)):
                carried = _carried_before(ctx, i)
            if carried is None:
                # '唐山在第一季度依旧坐稳全省头把交椅。规模以上工业增加值增长6.3%…': the place a
                # paragraph opens with is the subject of its figures that name none
                opener = _paragraph_opener(ctx, i)
                if opener is not None:
                    carried = Subject([opener], reason="the place the paragraph opens with")
            if carried is not None:
                subject = carried
            else:
                # a section under a heading that names a place ('鼓楼区排名第2' / '2022年地区完成
                # 生产总值2609.06亿元'): the heading's place
                headed = _heading_place(ctx, i)
                if headed is not None:
                    subject = Subject([headed], reason="the place the section's heading names")
        else:
            carried = ctx.subject_carry.get(para)
            if subject.unnamed and carried is not None and len(carried.places) == 1 \
                    and carried.places[0].level == "county" and carried.places[0].code:
                # '2022年某县GDP为14.78亿元…。2022年全县居民人均可支配收入…' on a page of several
                # counties (a province's profiles): 全县 is the county its paragraph is about
                subject = Subject(carried.places, reason="全县 in a paragraph about one county")
            if not subject.group or re.search(r"\d", seg):
                # (a group that states no figure of its own does not take over the paragraph: '分盟市看，21个盟市中有
                # 19个盟市GDP实现增长。分产业看，第一产业增加值2327.3亿元' goes on with the region before)
                ctx.subject_carry[para] = subject
    if subject.group or subject.unresolved:
        return []
    if (after_group := _GROUP.match(seg.lstrip(":： "))) and not after_group.group(0).startswith(("全", "我")):
        return []     # '地方财政一般预算收入：三市一县合计58.2亿元': the indicator heads a group's total
    if items[0][0] in _SECTOR_PARTS and _part_of_a_sector_aggregate(ctx, i):
        return []     # '非公经济增加值达到15.64亿元…。其中，第一产业增加值3.16亿元': the aggregate's parts, not the region's
    if _COUNTIES_TOTAL_BEFORE.search(text, max(ctx.paragraph_start(i), g.start - 20), g.start):
        held = subject.places[0] if subject.places else ctx.main
        if held is not None and (held.level or "") in ("province", "prefecture"):
            return []     # '河南县域地区GDP总量突破3万亿元': the total of a province's counties, no region's figure
    unit = items[0][1].term.unit
    amounts = [a for a in figure_amounts(seg, "count" if unit == "count" else "money")
               if unit_ok(unit, a) or (unit == "yuan_per_person" and a.unit == "yuan")]
    if not amounts and unit == "yuan" and dealt is None and len(items) == 1:
        ahead = _figure_ahead(text, max(lo, g.start - 24), g.start)
        if ahead is not None:
            amounts = [ahead]      # '祁阳市以305.52亿的GDP总量傲视群雄' / '宁远县的194.11亿GDP': the figure before its indicator
    if _MULTI_YEAR_SUM.search(text, max(lo, g.start - 12), g.start):
        amounts = []     # '五年累计完成固定资产投资2413.8亿元': a sum over years, no year's value
    moved = _MOVED_FROM_TO.search(seg) if len(amounts) >= 2 else None
    move_years = None
    moved_over_span = False
    if moved and moved.start("a") <= amounts[0].start < moved.end("a") and moved.start("b") <= amounts[1].start < moved.end("b") \
            and not _YEAR_IN.search(moved.group("a")) and not find_periods(moved.group("a")):
        # '地区生产总值从2011年的1520亿元增加到2016年的2243.1亿元；城镇居民人均可支配收入从28993元增加到45794元':
        # a move with no years of its own after one between two stated years is between those years
        # (in its paragraph or the line before, no other year stated since)
        before = list(_YEARS_MOVE.finditer(text, max(0, ctx.paragraph_start(i) - 120), g.start))
        if before and not _YEAR_IN.search(text, before[-1].end(), g.start):
            move_years = (int(before[-1].group(1)), int(before[-1].group(2)))
    own_years = _YEARS_MOVE.match(seg, moved.start()) if moved else None
    if move_years is None and own_years is not None and moved.start("a") <= amounts[0].start < moved.end("a") \
            and moved.start("b") <= amounts[1].start < moved.end("b"):
        # '生产总值由2012年的29.77亿元增长到2021年的45.67亿元': each figure its own year
        move_years = (int(own_years.group(1)), int(own_years.group(2)))
    if move_years is None and moved and moved.start("a") <= amounts[0].start < moved.end("a") \
            and moved.start("b") <= amounts[1].start < moved.end("b") \
            and not _YEAR_IN.search(moved.group("a")) and not find_periods(moved.group("a")) \
            and not _FROM_A_YEAR.search(text, ctx.paragraph_start(i), g.start):
        # (after '从2016年的95.7亿元增加到2021年的…' in its paragraph, a move's first figure is that first year's)
        # '地区生产总值从129.8亿元增长到325亿元，是2016年的2.5倍': the figure it moved to is the period's; the one
        # it moved from is an earlier year's (a move between two stated years is read with those years instead)
        amounts = amounts[1:]
        moved_over_span = True
    # '位于1000亿元至1500亿元之间，分别为…': the ends of a range are no figures
    amounts = [a for a in amounts if not in_a_range(seg, a)]
    if amounts and not seg[amounts[-1].end:].strip(" 以上下及的") and re.search(r"(?:以上|以下)\s*$", seg) \
            and ctx.metrics_in(seg_end, seg_end + 1):
        amounts.pop()   # "…、5000万元以上项目投资": the next term's size threshold, not this term's figure
    yoy, cagr = _growths(seg, int(period.end[:4]) if period and period.end else None,
                         _carried_base_year(ctx, g.end))
    if not yoy and top_rank is not None and top_rank[1] == "growth":
        # '增速最快的是曲靖，达到12%': the rate of the named growth, its word before the place
        pm = _BARE_PCT.search(seg)
        if pm:
            yoy = [(pm.start(), float(pm.group(1)))]
    if dealt is not None and not yoy and not cagr:
        # a rate dealt out to this term by a 分别 list after the run of terms
        (yoy if dealt[0] == "yoy" else cagr).append((len(seg), dealt[1]))
    rank, scope, basis, rank_pos, rank_end = _rank(seg, sent_text, ctx)
    growth_rank = None
    if rank is not None and basis != "growth" and rank_end > 0:
        # '虽然GDP总量排第一，在增速上却有所放缓，以3.7%位列第十五名': a second position, on the growth
        r2, scope2, _b2, r2_start, _e2 = _rank(seg[rank_end:], sent_text, ctx)
        if r2 is not None and r2 != rank and _GROWTH_BASIS.search(seg, rank_end, rank_end + r2_start):
            growth_rank = (r2, scope2 or scope)
    if rank is None and len(subject.places if subject else ()) == 1 and (top_m := _HIGHEST_AFTER_TERM.match(seg)):
        # '宏伟区2023年GDP总量最高，为233.30亿元': the place first on the indicator
        rank, basis, rank_pos = 1, "growth" if top_m.group("g") else "value", top_m.start()
        if top_m.group("g") and not yoy and (pm := _BARE_PCT.match(seg, top_m.end())):
            yoy = [(pm.start(), float(pm.group(1)))]     # ('增速最快，为8.1%': the rate named by its word before)
    if placed is not None:
        # a position given by the place's slot in a ranked run (league prose: 排在11—20位的分别是…)
        rank, rank_pos = placed, 0
    if rank is None and top_rank is not None:
        rank, basis, rank_pos = top_rank[0], top_rank[1], 0
    if rank is None and len(subject.places) == 1 and subject.places[0].start > s.start:
        # '排在全省第二位的是唐山市，1-8月地方财政收入384.3亿元': the place is named by its position
        lead = _RANKED_IS.search(text, s.start, subject.places[0].start)
        if lead and (v := cn_number(lead.group("n"))) and 1 <= v <= 200:
            rank, scope, rank_pos = int(v), lead.group("scope"), len(seg)
    if rank is None and len(subject.places) == 1:
        own = _OWN_RANK_BEFORE.match(text, subject.places[0].end, g.start)
        if own and (v := cn_number(own.group("n"))) and 1 <= v <= 200 and own.end() == g.start:
            # '南昌继续排行第一，实现生产总值5745.51亿元': the place's position, said before its figure
            rank, basis, rank_pos = int(v), "value", len(seg)
            scope = own.group("scope") or (_scope_of(own.group("among")) if own.group("among") else None)
    if rank is None and len(subject.places) == 1 and subject.places[0].start > s.start:
        k = _sequence_position(ctx, i, subject.places[0].start)
        if k is not None:
            rank, rank_pos = k, len(seg)
            basis = "growth" if _GROWTH_BASIS.search(text, ctx.paragraph_start(i), subject.places[0].start) and \
                not amounts else "value"
    if rank is not None and seg[rank_end:rank_end + 1] == "的":
        # "地区生产总值增速排名全市第一的宁晋县": the place after 的 is the subject
        at = g.end + rank_end + 1
        named = ctx.places_in(at, at + 1)
        if not named or named[0].kind == "unresolved":
            return []
        subject = Subject([named[0]], reason="the place the ranked clause describes")
    fenbie = bool(_FENBIE.search(seg)) or bool(_FENBIE.search(text[max(lo, g.start - 6):g.start])) or paired
    jun = bool(_JUN.search(seg))
    n = len(items)
    places = subject.places
    targets: list[tuple[str, MetricMention, Optional[Place]]] = []
    per_item_values: list[dict] = []
    if n == 1 and len(places) > 1:
        # A县、B县分别完成x、y
        if not fenbie:
            tied = _TIED_AT.search(seg)
            if jun and len(yoy) == 1 and not amounts and not cagr:
                # '遂昌县、庆元县GDP均增长5.9%，并列山区26县第4位': one rate (and a tied position) for each
                shared = int(v) if tied and (v := cn_number(tied.group("n"))) and 1 <= v <= 200 else None
                for p in places:
                    targets.append((items[0][0], items[0][1], p))
                    per_item_values.append(dict(value=None, yoy=yoy[0][1], cagr=None, rank=shared))
                scope, basis = (tied.group("scope") or None, "growth") if shared else (scope, basis)
            if not targets:
                return []
        else:
            k = len(places)
            plain = [a for a in amounts if not a.qualifier]      # '低于1000亿元，分别为899.22、819.17亿元'
            vals = (plain if len(plain) >= k else amounts)[:k] if len(amounts) >= k else None
            ys = [v for _, v in yoy][:k] if len(yoy) >= k else None
            cs = [v for _, v in cagr][:k] if len(cagr) >= k else None
            if not (vals or ys or cs):
                return []
            ranks, list_scope, list_basis = _rank_list(seg, k, vals is not None, ys is not None)
            if ranks is None and places[0].start > lo:
                # '位居全省第二和第三位的分别是庆阳市和酒泉市，GDP分别为…': the positions before the places
                ranks, list_scope, list_basis = _rank_list(text[max(lo, places[0].start - 30):places[0].start], k,
                                                           vals is not None, ys is not None, _RANKS_THEN_PLACES)
            if ranks is None and places[-1].end < g.start:
                # '岳阳和常德排名第二和第三，GDP总量分别为715.33亿元、672.88亿元': the positions between the places
                # and their indicator
                ranks, list_scope, list_basis = _rank_list(text[places[-1].end:g.start], k, vals is not None, ys is not None)
            if ranks is None and (top_k := _TOP_K_AFTER.search(seg)) and cn_number(top_k.group("n")) == k \
                    and (vals is None) != (ys is None):
                # '增速分别为10.1%、9.2%、8.6%，位居前三位': the places hold the first k positions, in their order
                ranks, list_scope = list(range(1, k + 1)), _scope(top_k.group("scope"), None)
                list_basis = "growth" if ys is not None else "value"
            if ranks:
                scope, basis = list_scope, list_basis
            for idx, p in enumerate(places):
                targets.append((items[0][0], items[0][1], p))
                per_item_values.append(dict(value=vals[idx] if vals else None, yoy=ys[idx] if ys else None,
                                            cagr=cs[idx] if cs else None, rank=ranks[idx] if ranks else None))
    elif n > 1:
        place = places[0] if len(places) == 1 else None
        if len(places) > 1:
            return []
        vals = amounts if fenbie and len(amounts) >= n else None
        ys = [v for _, v in yoy] if (fenbie and len(yoy) >= n) else None
        cs = [v for _, v in cagr] if (fenbie and len(cagr) >= n) else None
        shared_yoy = yoy[0][1] if (jun and len(yoy) == 1 and (not fenbie or (
            # '分别达到44960元和16774元，均增长8.3%': the values dealt out, the rate shared
            ys is None and _JUN.search(seg, max(0, yoy[0][0] - 6), yoy[0][0] + 2)))) else None
        shared_rank = rank if (jun or not (vals or ys or cs)) and rank is not None else None
        if not (vals or ys or cs or shared_yoy is not None or shared_rank is not None):
            return []
        for idx, (key, mm) in enumerate(items):
            targets.append((key, mm, place))
            per_item_values.append(dict(value=vals[idx] if vals else None,
                                        yoy=ys[idx] if ys else shared_yoy,
                                        cagr=cs[idx] if cs else None, rank=shared_rank))
    else:
        if _FENBIE.search(seg) and (len(yoy) > 1 or len(amounts) > 1 or len(cagr) > 1):
            return []
        place = places[0] if places else None
        # "逼近3000亿元，达到2923.2亿元": a threshold passed is no figure when the figure itself follows
        amounts = [a for a in amounts if not _BOUND_AFTER.match(seg, a.end)   # '均在300亿之下': a bound
                   and not _MILESTONE_AFTER.match(seg, a.end)]     # '突破7000亿元大关': a milestone
        if not amounts and len(yoy) >= 2 and not cagr:
            # '分季度看，GDP一季度同比增长2.3%，上半年同比增长0.2%，前三季度同比增长1.9%': each rate its period
            lead = None
            if _ALSO_BEFORE.search(seg):
                # the group's own period, read before the parts' periods after its rate
                _k, lead, _w = kind_and_period(ctx, i, g, g.end + yoy[0][0] + 1, colon, prev_target_mood)
            rates = _period_series(ctx, i, g, seg_end, [_At(pos, pos + 1, v) for pos, v in yoy], kind, lead=lead)
            if rates:
                out = []
                for p_period, r in rates:
                    f = make_fact(ctx, s, items[0][0], items[0][1], place, kind, p_period, None,
                                  dict(value=None, yoy=r.value, cagr=None, rank=None), None, None, why, subject)
                    if f:
                        out.append(f)
                return out
        series = _period_series(ctx, i, g, seg_end, amounts, kind)
        if move_years is not None and kind == "actual":
            series = [(year_only(y, f"a move between {move_years[0]} and {move_years[1]}"), a)
                      for y, a in zip(move_years, amounts[:2])]
        if series:
            # '全部财政收入2016年完成25.1亿元、2017年完成34.4亿元': each figure its own year
            out = []
            for p_period, amount in series:
                f = make_fact(ctx, s, items[0][0], items[0][1], place, kind, p_period, amount,
                              dict(value=amount, yoy=None, cagr=None, rank=None), None, None, why, subject)
                if f:
                    out.append(f)
            return out
        passed, prev_passed, prev_end = [], False, None
        for a in amounts:
            before = seg[max(0, a.start - 4):a.start].rstrip()
            # '跨越500亿元、600亿元两个百亿关口': a run after a passed verb is passed as a whole
            run_on = prev_passed and prev_end is not None and seg[prev_end:a.start].strip() in ("、", "和")
            prev_passed = bool(_PASSED_BEFORE.search(before)) or run_on
            prev_end = a.end
            passed.append(prev_passed)
        value = next((a for a, p in zip(amounts, passed) if not a.qualifier and not p), amounts[0]) if amounts else None
        fields = {"value": (value.start if value else None, value), "yoy": (yoy[0][0] if yoy else None,
                  yoy[0][1] if yoy else None), "cagr": (cagr[0][0] if cagr else None, cagr[0][1] if cagr else None),
                  "rank": (rank_pos if rank is not None else None, rank)}
        split = _split_by_inner_periods(ctx, i, g, seg_end, fields, kind)
        if split:
            out = []
            for p_period, vals in split:
                f = make_fact(ctx, s, items[0][0], items[0][1], place, kind, p_period or period, vals["value"],
                               vals, scope, basis, why, subject)
                if f:
                    out.append(f)
            return out
        targets.append((items[0][0], items[0][1], place))
        per_item_values.append(dict(value=value, yoy=yoy[0][1] if yoy else None,
                                    cagr=cagr[0][1] if cagr else None, rank=rank))
    out = []
    for (key, mm, place), vals in zip(targets, per_item_values):
        value: Optional[Amount] = vals["value"]
        if value is None and vals["yoy"] is None and vals["cagr"] is None and vals["rank"] is None:
            continue
        f = make_fact(ctx, s, key, mm, place, kind, period, value, vals, scope, basis, why, subject)
        if f:
            out.append(f)
    if moved_over_span and period is not None and period.start and period.end and period.start[:4] != period.end[:4]:
        # '“十三五”期间，县内生产总值从136.1亿元增加至269.7亿元、年均增长10.29%': the figure moved to is the span's
        # last year's; its average rate stays the span's
        parts = []
        for f in out:
            if f.value is not None:
                end_year = int(period.end[:4])
                parts.append(dataclasses.replace(f, period_start=f"{end_year:04d}-01", period_end=f"{end_year:04d}-12",
                                                 period_approx=False, yoy_pct=None, cagr_pct=None,
                                                 period_reason=(f.period_reason or "") + "; the figure a move over the span reached, its last year's"))
                if f.cagr_pct is not None or f.yoy_pct is not None or f.rank is not None:
                    parts.append(dataclasses.replace(f, value=None, unit=None, qualifier=None))
            else:
                parts.append(f)
        out = parts
    if growth_rank is not None and len(targets) == 1 and out:
        key, mm, place = targets[0]
        f = make_fact(ctx, s, key, mm, place, kind, period, None, dict(yoy=None, cagr=None, rank=growth_rank[0]),
                      growth_rank[1], "growth", (why + "; " if why else "") + "a second position, on the growth", subject)
        if f:
            out.append(f)
    return out


def _period_before_group(ctx: ArticleContext, i: int, g: Group) -> Optional[PeriodMention]:
    s = ctx.sentences[i]
    before = [p for p in ctx.periods_of(i) if p.end <= g.start - s.start + 1]
    return before[-1] if before else None


class _At(NamedTuple):
    """A figure's place in a segment (start, end) and its number, for _period_series."""
    start: int
    end: int
    value: float


def _period_series(ctx: ArticleContext, i: int, g: Group, seg_end: int, amounts: list,
                   kind: str, lead: Optional[Period] = None) -> Optional[list[tuple[Period, Amount]]]:
    """A figure after each of two or more periods of different years inside the segment, one period
    between each figure and the one before ('2016年完成25.1亿元、2017年完成34.4亿元'):
    [(period, figure)], else None. ``lead``: the group's own period, for a first figure said before
    any period of the segment ('同比增长4.6%，而一季度下降6.1%、上半年增长1.0%')."""
    if len(amounts) < 2:
        return None
    s = ctx.sentences[i]
    lo, hi = g.end - s.start, seg_end - s.start
    pms = ctx.periods_of(i)
    inner = [p for p in pms if lo <= p.start < hi and not p.span]
    if len(inner) < 2:
        return None
    # '2022年，GDP一季度增长2.3%、上半年增长0.2%': the year stated before governs the bare periods
    stated = [p.year for p in pms if p.end <= lo and p.year is not None and p.months is None and not p.span]
    year = stated[-1] if stated else (ctx.doc_year if ctx.pub is None else None)   # (an undated page: its year)
    out, prev_end = [], lo
    for a in amounts:
        at = lo + a.start
        own = [p for p in inner if prev_end <= p.start < at]
        if not own and not out and lead is not None:
            out.append((lead, a))
            prev_end = lo + a.end
            continue
        if len(own) != 1:
            return None
        per = resolve(own[0], ctx.pub, kind == "target", year if own[0].bare else None)
        if per is None:
            return None
        out.append((per, a))
        prev_end = lo + a.end
    spans = {(per.start, per.end) for per, _ in out}
    return out if len(spans) == len(out) else None


def _split_by_inner_periods(ctx: ArticleContext, i: int, g: Group, seg_end: int, fields: dict,
                            kind: str) -> Optional[list[tuple[Optional[Period], dict]]]:
    """"年均增长7%左右，到2025年突破150亿元": a period named inside the segment governs the
    figures after it. Returns [(period or None for the group's, fields)], or None when no split."""
    s = ctx.sentences[i]
    lo, hi = g.end - s.start, seg_end - s.start
    inner = [p for p in ctx.periods_of(i) if lo <= p.start < hi]
    if not inner:
        return None
    buckets: dict[int, dict] = {}
    for name, (pos, v) in fields.items():
        if v is None:
            continue
        rel = lo + pos
        k = -1
        for idx, p in enumerate(inner):
            if p.start <= rel:
                k = idx
        buckets.setdefault(k, {"value": None, "yoy": None, "cagr": None, "rank": None})[name] = v
    if not buckets or (len(buckets) == 1 and -1 in buckets):
        return None
    if len(buckets) == 1 and 0 in buckets and _period_before_group(ctx, i, g) is None:
        return None  # the inner period is the group's own (chosen already when nothing came before)
    out = []
    for k, vals in sorted(buckets.items()):
        per = None if k < 0 else resolve(inner[k], ctx.pub, kind == "target", None)
        out.append((per, vals))
    return out


_ASIDE_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|亿|万|元)")


def _aside_with_figure(text: str, lo: int, pos: int) -> bool:
    """Is ``pos`` inside a bracketed aside (opened after ``lo``) that states a figure of its own?"""
    if not _in_brackets(text, lo, pos):
        return False
    opened = max(text.rfind("(", lo, pos), text.rfind("（", lo, pos))
    close = min((k for k in (text.find(")", pos), text.find("）", pos)) if k != -1), default=len(text))
    return bool(_ASIDE_FIGURE.search(text, opened + 1, close))


def _in_brackets(text: str, lo: int, pos: int) -> bool:
    """Is ``pos`` inside a bracket opened after ``lo`` and not yet closed?"""
    seg = text[lo:pos]
    return seg.count("(") + seg.count("（") > seg.count(")") + seg.count("）")


def _needs_ok(ctx: ArticleContext, i: int, g: Group, needed: str) -> bool:
    """Is the passage led by the needed metric? (the nearest earlier core term in the paragraph)"""
    para = ctx.sentences[i].paragraph
    j = i
    lo = ctx.sentences[i].start
    while j > 0 and ctx.sentences[j - 1].paragraph == para:
        j -= 1
        lo = ctx.sentences[j].start
    # also the paragraph before, when this one opens with 分产业看
    prev = None
    for mm in ctx.metrics_in(lo, g.start):
        if mm.term.core and not mm.term.needs and not _in_brackets(ctx.text, lo, mm.start):
            prev = mm     # ('…(其中规上工业增加值完成785.68亿元);三产完成…': an aside does not lead the passage)
    if prev is None and j > 0:
        for mm in ctx.metrics_in(ctx.sentences[j - 1].start, lo):
            if mm.term.core and not mm.term.needs:
                prev = mm
    return prev is not None and prev.metric == needed


def _sequence_position(ctx: ArticleContext, i: int, at: int) -> Optional[int]:
    """The position of the place at ``at`` in league prose by position ('最高的是A…；其次是B…，第三是C'):
    第N是 -> N; 其次是 -> one after the position named before it in the paragraph. None when the place
    is not introduced so, or the sequence counts from the bottom (最低的是…；其次是…)."""
    text = ctx.text
    seq = _SEQUENCE_IS.search(text, max(ctx.sentences[i].start, at - 6), at)
    if seq is None:
        return None
    marks = list(_SEQUENCE_MARK.finditer(text, ctx.paragraph_start(i), seq.start()))
    if not marks or marks[-1].group("bottom"):
        return None
    if seq.group("n"):
        return int(cn_number(seq.group("n")))
    last = marks[-1]
    return 2 if last.group("top") else int(cn_number(last.group("n"))) + 1


def make_fact(ctx: ArticleContext, s, key: str, mm: MetricMention, place: Optional[Place], kind: str,
               period: Optional[Period], value: Optional[Amount], vals: dict, scope, basis, why: str,
               subject: Subject) -> Optional[Fact]:
    art = ctx.article
    if place is not None:
        code, name = place.code, place.name
    elif subject.unnamed:
        code, name = None, None
    elif ctx.main is not None:
        code, name = ctx.main.code, ctx.main.name
    else:
        code, name = None, None
    unit = mm.term.unit
    v = None
    qual = None
    out_unit = None
    if value is not None:
        v = round(value.value, 4)
        qual = value.qualifier
        if unit == "as_stated":
            out_unit = value.unit
        elif unit == "count":
            out_unit = "count"
        else:
            out_unit = unit
    if scope in ("全市",) and ctx.parent_name is None and ctx.main is not None and ctx.main.level == "prefecture":
        pass
    reason = period.reason if period else ("no date and no year in the text" if not ctx.pub
                                           else "no period stated")
    conf = 0.9
    if place is None and ctx.main is None:
        conf -= 0.2
    if period is None:
        conf -= 0.2
    elif period.approx:
        conf -= 0.1
    if mm.term.needs:
        conf -= 0.1
    return Fact(
        source_file=art.source_file, article_id=art.article_id, region_code=code, region_name=name or None,
        metric=key, metric_label=mm.label,
        period_start=period.start if period else None, period_end=period.end if period else None,
        kind=kind, value=v, unit=out_unit, qualifier=qual, yoy_pct=vals["yoy"], cagr_pct=vals["cagr"],
        rank=vals["rank"], rank_scope=scope if vals["rank"] is not None else None,
        rank_basis=basis if vals["rank"] is not None else None,
        period_approx=bool(period.approx) if period else False,
        period_reason=(reason + ("; " + why if why else "") + "; " + subject.reason)[:300],
        evidence=art.text[s.start:s.end], char_start=s.start, char_end=s.end, confidence=round(max(conf, 0.1), 2))


def _top_list_facts(ctx: ArticleContext, i: int, g: Group, items, seg: str, top: re.Match, kind: str,
                    period: Optional[Period], s) -> list[Fact]:
    whole = top.re is _ORDER_IS      # the whole list: its length is the places listed
    n = None if whole else cn_number(top.group("n"))
    if (not n and not whole) or len(items) != 1:
        return []
    start = g.end + top.end()
    listed: list[Place] = []
    pos = start
    for p in ctx.places_in(start, ctx.sentences[i].end):
        if p.start > pos + 1 or (listed and not _LIST_SEP.match(ctx.text[listed[-1].end:p.start])):
            break
        listed.append(p)
        pos = p.end
    rest = ctx.text[pos:ctx.sentences[i].end] if listed else ""
    if whole:
        if len(listed) < 3:
            return []
        n = len(listed)
    cut_short = bool(listed) and len(listed) < int(n) and not rest.strip(" 、，,。；;…\n") and \
        ctx.sentences[i].end >= len(ctx.text.rstrip())
    before = ctx.text[g.end:start]
    basis = "growth" if _GROWTH_BASIS.search(before) else ("value" if _VALUE_BASIS.search(before) else None)
    if len(listed) == 1 and _ITEM_FIGURE.match(rest):
        # '排名前三的分别是：顺庆区，人均6.59万元；南部县，人均6.01万元；西充县，人均5.35万元': each its figure too
        return _top_items_with_figures(ctx, i, items[0], start, int(n), kind, period, basis)
    if len(listed) != int(n) and not cut_short:
        return []   # a list cut off at the end of the page keeps the positions it shows
    scope_m = re.search(r"全(?:市|省|国|区)|[东南西北中]部[一二三四五六七八九十\d]+县|[一二三四五六七八九十\d]+个?县(?:市区|市|区)?",
                        ctx.text[ctx.sentences[i].start:start])
    out = []
    for r, p in enumerate(listed, 1):
        out.append(make_fact(ctx, s, items[0][0], items[0][1], p, kind, period, None,
                              dict(yoy=None, cagr=None, rank=r), scope_m.group(0) if scope_m else None,
                              basis, "ordered list", Subject([p], reason="ordered list")))
    return [f for f in out if f]


_ITEM_FIGURE = re.compile(r"\s*[，,:：]\s*(?:人均|达到了?|达|为|是|完成|实现)?\s*-?\d+(?:\.\d+)?\s*(?:亿元|万元|元|亿|万)")


def places_with_figures(ctx: ArticleContext, i: int, start: int, figure: re.Pattern,
                        aside_ok: bool = False) -> list[tuple[int, Place, Optional[re.Match]]]:
    """(sentence, place, figure) of the places that follow one another from ``start`` on through the ；-parts of
    sentence ``i``'s group, each right after the one before and followed by its ``figure`` ('A，人均6.59万元；B，…',
    'A976亿元；B914亿元'); with ``aside_ok`` a place may hold a bracketed aside instead ('孝感市(…亿)'), figure None."""
    sents, text = ctx.sentences, ctx.text
    out: list[tuple[int, Place, Optional[re.Match]]] = []
    k, pos = i, start
    while k < len(sents) and sents[k].group == sents[i].group:
        end = sents[k].end
        place = next((p for p in ctx.places_in(pos, end) if p.code), None)
        if place is None or text[pos:place.start].strip(" ：:；;，,、\n"):
            break
        fig = figure.match(text, place.end, end)
        aside = ASIDE_AFTER.match(text, place.end, end) if fig is None and aside_ok else None
        if fig is None and aside is None:
            break
        out.append((k, place, fig))
        pos = (fig or aside).end()
        if not text[pos:end].strip(" ；;，,、"):
            k += 1
            pos = sents[k].start if k < len(sents) else end
    return out


ASIDE_AFTER = re.compile(r"[（(][^（）()]{0,16}[）)]")


def _top_items_with_figures(ctx: ArticleContext, i: int, item: tuple, start: int, n: int, kind: str,
                            period: Optional[Period], basis: Optional[str], ranked: bool = True) -> list[Fact]:
    """The N places of a top list, each opening its own ;-part with its figure: rank by order (unless not
    ``ranked``: a bottom list), and the figure."""
    key, mm = item
    unit = mm.term.unit
    items = places_with_figures(ctx, i, start, _ITEM_FIGURE)[:n]
    if len(items) < n:
        return []
    out = []
    for r, (k, place, fig) in enumerate(items, 1):
        amounts = [a for a in figure_amounts(fig.group(0), "money") if unit_ok(unit, a)
                   or (unit == "yuan_per_person" and a.unit == "yuan")]
        if not amounts:
            return []
        out.append(make_fact(ctx, ctx.sentences[k], key, mm, place, kind, period, amounts[0],
                             dict(yoy=None, cagr=None, rank=r if ranked else None), None, basis,
                             "ordered list with figures" if ranked else "the last places with their figures",
                             Subject([place], reason="ordered list" if ranked else "the last places of a list")))
    return [f for f in out if f]


# a value restated rounded (2639.45亿元, later '慈溪(2639亿)') is the same value: the first stated is kept
_SAME = {"value": 0.002, "yoy_pct": 1e-9, "cagr_pct": 1e-9, "rank": 1e-9}


def dedupe(facts: list[Fact]) -> list[Fact]:
    """The same fact stated twice in an article is one fact: merge rows with one key."""
    out: list[Fact] = []
    index: dict[tuple, list[Fact]] = {}
    fields = ("value", "yoy_pct", "cagr_pct", "rank")
    for f in facts:
        key = (f.region_code or "name:" + (f.region_name or ""), f.metric, f.period_start, f.period_end, f.kind)
        merged = False
        for g in index.get(key, []):
            clash = any(getattr(f, k) is not None and getattr(g, k) is not None
                        and abs(getattr(f, k) - getattr(g, k)) > _SAME[k] * (abs(getattr(g, k)) if k == "value" else 1)
                        for k in fields)
            if clash:
                continue
            for k in fields:
                if getattr(g, k) is None and getattr(f, k) is not None:
                    setattr(g, k, getattr(f, k))
                    if k == "value":
                        g.unit, g.qualifier = f.unit, f.qualifier
                    if k == "rank":
                        g.rank_scope, g.rank_basis = f.rank_scope, f.rank_basis
            merged = True
            break
        if not merged:
            index.setdefault(key, []).append(f)
            out.append(f)
    return _restated_undated(out)


def _restated_undated(facts: list[Fact]) -> list[Fact]:
    """A figure restated without a period ('汉中9县当中，GDP总量最高的县是城固县，232.44亿元' after '2019年，城固县
    GDP总量232.44亿元') is the dated statement's: its position joins it, and it is no fact of its own."""
    dated = [f for f in facts if f.period_start and f.value is not None]
    if not dated or all(f.period_start for f in facts):
        return facts
    out = []
    for f in facts:
        if f.period_start is None and f.value is not None:
            twin = next((g for g in dated if g.metric == f.metric and g.kind == f.kind
                         and (g.region_code or g.region_name) == (f.region_code or f.region_name)
                         and abs(g.value - f.value) <= _SAME["value"] * abs(g.value)), None)
            if twin is not None:
                if twin.rank is None and f.rank is not None:
                    twin.rank, twin.rank_scope, twin.rank_basis = f.rank, f.rank_scope, f.rank_basis
                if twin.yoy_pct is None and f.yoy_pct is not None:
                    twin.yoy_pct = f.yoy_pct
                continue
        out.append(f)
    return out


