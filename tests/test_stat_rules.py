"""Extractor rules of 1.2.0 (noun–number runs, 和-lists, 人次 acts, 万人 before a word, headcounts, caps, stages,
employment outcomes, merchants) and the speed rewrites of the subject grammar (same answers, less work)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.stat_left import RANGE_DASHES, _clause_mark
from analysis.stat_lists import nouns_lead
from analysis.stat_mentions import find_mentions
from analysis.stat_tagging import pos_tokens
from analysis.stat_tokens import PUNCTUATION, QUOTES, Tok, is_punct
from analysis.stat_walk import _walk, _walk_words
from analysis.statistics import EXTRACTOR_VERSION, extract_statistics


def figure(text: str, span: str):
    """The one statistic whose span, spaces removed, equals `span`."""
    found = [s for s in extract_statistics(text) if s.text.replace(" ", "") == span]
    assert len(found) == 1, [s.text for s in extract_statistics(text)]
    return found[0]


@pytest.mark.parametrize(("text", "span", "field", "expected"), [
    # B1: in text stripped of 个/所, a run of noun–number pairs opened by a verb counts the noun before each number
    ("全区 现有 技工 院校 23 职业 学校 58 在校生 约 6 万人 。", "23", "subject", "技工院校"),
    ("全区 现有 技工 院校 23 职业 学校 58 在校生 约 6 万人 。", "58", "subject", "职业学校"),
    ("全区 现有 技工 院校 23 职业 学校 58 在校生 约 6 万人 。", "58", "is_workforce", False),
    ("街道 建成 “ 骑手 港湾 ” 户外 劳动者 驿站 860 环卫 工人 快递员 提供 休息 服务 。", "860", "subject",
     "户外劳动者驿站"),
    ("街道 建成 “ 骑手 港湾 ” 户外 劳动者 驿站 860 环卫 工人 快递员 提供 休息 服务 。", "860", "unit", "个"),
    # …but a run opened by a number (the seed's 建设15产业生态圈66产业功能区) counts the noun after each number
    ("全县 规划 建设 12 产业 园区 40 产业 社区 。", "40", "subject", "产业社区"),
    # B2: two items joined by 和 are distributed over 分别 like a 、-list
    ("中级工和高级工月均工资分别为6500元和7800元。", "6500元", "subject", "中级工"),
    ("中级工和高级工月均工资分别为6500元和7800元。", "7800元", "subject", "高级工"),
    # B3: a person-time count with nothing before it is named by the act after it
    ("今年全县共有1.8万人次领取职业技能提升补贴。", "1.8万人次", "subject", "领取职业技能提升补贴"),
    # B4: 万人 run into the next word (人工, 人力) keeps its 人 in stripped text
    ("医疗 保险 参保 人数 96 万人 工伤保险 参保 人数 88 万人 。", "96万人", "subject", "医疗保险参保人数"),
    # (新+verb names a cohort, as the gold writes 新培养高技能人才 and 新引进青年大学生: the 新 verb is kept)
    ("今年 新 培养 技能 人才 2.4 万人 力争 明年 再 增加 。", "2.4万人", "subject", "新培养技能人才"),
    ("今年 新 培养 技能 人才 2.4 万人 力争 明年 再 增加 。", "2.4万人", "unit", "人"),
    # B5: a bare count of a 人数 is a head count
    ("今年 参赛 人数 1460 创 历史 新高 。", "1460", "unit", "人"),
    ("今年 参赛 人数 1460 创 历史 新高 。", "1460", "subject", "参赛人数"),
    # B6: a ceiling to keep under (控制在…以内) is a goal; a plain rate is not
    ("明年全县城镇登记失业率控制在3.5%以内。", "3.5%以内", "is_target", True),
    ("城镇 调查 失业率 控制 5% 以内 。", "5%以内", "is_target", True),
    ("全县城镇登记失业率为3.5%。", "3.5%", "is_target", False),
    # B8: people counted by the job they got are the workforce; merchants are not
    ("依托社区服务站，今年帮助1300余名居民实现家门口就业。", "1300余名", "is_workforce", True),
    ("全市工会与180家合作商户签约，为会员提供折扣。", "180家", "is_workforce", False),
])
def test_rule(text: str, span: str, field: str, expected) -> None:
    assert getattr(figure(text, span), field) == expected


@pytest.mark.parametrize(("text", "kept", "dropped"), [
    # B7: rounds of a contest or review are its stages, not a quantity
    ("经过两轮比拼，共有48名选手进入决赛。", "48名", "两轮"),
    ("历经三轮评审，共有36个项目入选。", "36个", "三轮"),
])
def test_stage_counts_are_not_statistics(text: str, kept: str, dropped: str) -> None:
    spans = [s.text for s in extract_statistics(text)]
    assert kept in spans and dropped not in spans


def test_rounds_of_an_activity_stay() -> None:
    assert "两轮" in [s.text for s in extract_statistics("今年开展两轮集中招聘，提供岗位3200个。")]


@pytest.mark.parametrize(("compact", "unit"), [
    ("参保人数218万人工伤保险参保人数", "人"),  # the segmenter cuts 万人|工伤保险
    ("新培养技能人才1.5万人力争明年", "人"),
    ("引进各类人才5万人才总量突破", ""),  # 万|人才: a noun, no measure word
    ("新增就业岗位3万人员缺口", ""),
])
def test_ren_after_a_magnitude(compact: str, unit: str) -> None:
    mention = next(m for m in find_mentions(compact) if m.magnitude)
    assert mention.unit == unit


def _toks(phrase: str) -> list[Tok]:
    return pos_tokens(phrase, (0, len(phrase)))


@pytest.mark.parametrize(("before", "expected"), [
    ("全市现有职业院校161高职院校", True),
    ("全市建成“暖心驿站”服务站点", True),
    ("成都规划建设15产业生态圈", False),  # the run opens with a number: the noun after it is counted
    ("职业院校", False),  # no verb or scope word introduces the run
    ("全市新增就业", False),  # not a thing or quantity noun
])
def test_nouns_lead(before: str, expected: bool) -> None:
    assert nouns_lead(_toks(before)) is expected


def test_version_bumped() -> None:
    assert EXTRACTOR_VERSION >= "1.2.0"


# --- speed rewrites must keep the old answers ---

WORDS = st.sampled_from(["，", "、", "。", "—", "-", "“", "”", "（", "职工", "培训", "25", "岁", "人次", " ", "x", ""])
FLAGS = st.sampled_from(["m", "n", "x", "v"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORDS, FLAGS), max_size=12))
def test_clause_mark_is_the_last_mark(pairs: list[tuple[str, str]]) -> None:
    """The right-to-left scan finds the index the original left-to-right max() found."""
    before = [Tok(w, f, i, i + 1) for i, (w, f) in enumerate(pairs)]
    expected = max((i for i, t in enumerate(before) if is_punct(t) and t.word not in QUOTES
                    and not (t.word in RANGE_DASHES and 0 < i < len(before) - 1 and before[i + 1].flag == "m")),
                   default=-1)
    assert _clause_mark(before) == expected


@given(st.text(alphabet=st.sampled_from(list(PUNCTUATION) + list("职工12a")), max_size=6))
def test_is_punct_matches_its_definition(word: str) -> None:
    assert is_punct(Tok(word, "x", 0, len(word))) == all(ch in PUNCTUATION for ch in word)


# --- 1.3.0: lists whose marks were stripped, clause verbs, scopes (sentences written for these tests) ---

@pytest.mark.parametrize(("text", "expected"), [
    # C1: numbers side by side after a noun list (分别 and 、 stripped): one listed item per number, in order
    ("全区 城镇职工 基本 养老保险 失业 保险 工伤保险 参保 人数 达到 86.2 万人 41.5 万人 47.3 万人 。",
     ["城镇职工基本养老保险", "失业保险", "工伤保险"]),
    ("取得 初级工 中级工 高级工 证书 补贴 800 元 1200 元 1800 元 。", ["初级工", "中级工", "高级工"]),
    # …and a later run of as many numbers (their changes) reuses the items
    ("技师 高级技师 月均 工资 7600 元 9400 元 上年 增长 5.1% 6.3% 。", ["技师", "高级技师", "技师", "高级技师"]),
    # C2: noun–number pairs opened by a noun: each number counts the noun before it
    ("运动会 产生 金牌 42 枚 银牌 40 枚 铜牌 45 枚 另 有 优胜奖 120 。", ["金牌", "银牌", "铜牌"]),
    ("全县 现有 护理员 1200 名 育婴员 860 名 家政 保洁员 2300 名 。", ["护理员", "育婴员", "家政保洁员"]),
    ("全县 新建 托育 中心 8 家 职工 食堂 5 家 。", ["托育中心", "职工食堂"]),
    # C3: a full verb before a noun phrase is the predicate; its object is counted
    ("马拉松 带动 周边 餐饮 住宿 消费 1.2 亿元 。", ["餐饮住宿消费"]),
    # C4: a field or a contest inside a phrase is its scope
    ("交通运输领域职工参保率达到96%。", ["职工参保率"]),
    ("今年 全市 技能 大赛 决赛 项目 增至 36 项 。", ["决赛项目"]),
    # C5: a bare 标准 names no amount: the money noun of the sentence does
    ("企业应发放高温津贴，标准为每人每月不低于260元。", ["高温津贴"]),
    # C7: X占Y|38% with 的 stripped: the part X is measured, as in X占Y的38%; a named share (…比重) stays whole
    ("全市 技术 工人 占 职工 总数 38% 。", ["技术工人"]),
    ("全市 技术 工人 12 万人 占 职工 总数 38% 。", ["技术工人", "职工总数"]),
    ("高技能 人才 占 技能 人才 比重 超过 32% 。", ["高技能人才占技能人才比重"]),
    # C8: 之家 tagged on its own after a noun is the head of the place (not a pronoun that ends the phrase)
    ("全省建成职工之家1.2万个、户外劳动者服务站点3600个。", ["职工之家", "户外劳动者服务站点"]),
    # C9: 户 counts firms and households: the noun before it in a stripped run is what is counted
    ("全省 发放 稳岗 返还 资金 6.8 亿元 惠及 企业 3.2 万户 稳定 就业 岗位 146 万个 。",
     ["稳岗返还资金", "企业", "就业岗位"]),
    # C10: a rank and up (高级工以上) before a head count is the group counted
    ("该公司现有员工2300余人，其中高级工以上620人。", ["员工", "高级工以上"]),
    # C11: a short bracketed gloss belongs to the noun it glosses; a note on scope (（含…）) does not
    ("全年中职毕业生就业（升学）率98.7%。", ["中职毕业生就业（升学）率"]),
    ("覆盖电工、焊工等152个职业（工种）。", ["职业（工种）"]),
    ("全市城镇新增就业（含灵活就业）5.2万人。", ["城镇新增就业"]),
    ("全市建成县级零工市场15家、街道（乡镇）零工驿站121家。", ["零工市场", "零工驿站"]),
    # C6: 成员 is a people noun: a head count after a number names it
    ("全年帮扶3200名困难家庭成员实现就业。", ["困难家庭成员"]),
])
def test_subjects_of_stripped_lists_and_clauses(text: str, expected: list[str]) -> None:
    assert [s.subject for s in extract_statistics(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("技工院校毕业生推荐就业率达到97%。", "技工院校毕业生推荐就业率"),  # 推荐|就业率: a short head keeps its verb
    ("全市劳模和工匠人才创新工作室达到120家。", "劳模和工匠人才创新工作室"),  # 创新|工作室 is a compound
    ("全县 规划 建设 12 产业 园区 40 产业 社区 。", "产业社区"),  # a run opened by a verb is left alone
])
def test_compounds_and_verb_led_runs_stay(text: str, expected: str) -> None:
    assert extract_statistics(text)[-1].subject == expected


WALK_WORDS = st.sampled_from([("，", "x"), ("“", "x"), ("”", "x"), ("职工", "n"), ("培训", "vn"), ("发放", "v"),
                              ("补贴", "n"), ("全市", "n"), ("以上", "f"), ("的", "uj"), ("新增", "v"), ("就业", "v"),
                              ("人", "n"), ("25", "m"), ("岁", "q"), ("工会", "n"), ("领域", "n"), ("率", "n")])


@settings(max_examples=300, deadline=None)
@given(st.lists(WALK_WORDS, max_size=12))
def test_cached_walk_gives_the_uncached_phrase(pairs: list[tuple[str, str]]) -> None:
    """_walk answers from a cache keyed by words and flags; the phrase is the one the rules pick from the tokens."""
    before, offset = [], 0
    for word, flag in pairs:
        before.append(Tok(word, flag, offset, offset + len(word)))
        offset += len(word)
    expected = _walk_words([t for t in before if t.word not in QUOTES])
    assert _walk(before) == expected


@pytest.mark.parametrize(("text", "span", "expected"), [
    # the share of a goal already met (完成年度目标的87%) is no goal, nor is the figure before it
    ("今年 全省 城镇 新增 就业 52.3 万人 完成 年度 目标 87% 。", "52.3万人", False),
    ("全年城镇新增就业5万人为目标。", "5万人", True),
])
def test_a_completed_goal_is_not_a_target(text: str, span: str, expected: bool) -> None:
    assert figure(text, span).is_target is expected


@pytest.mark.parametrize(("text", "span", "expected"), [
    # people the lexicon does not know (选手) are judged by the article when their sentence leans the other way
    ("全市职工技能大赛决赛日前举行。本届大赛来自14个行业的1300余名选手同台竞技。", "1300余名", True),
    ("马拉松赛事吸引国内外选手3万名，赛事带动旅游消费。城市马拉松已成为体育名片。", "3万名", False),
])
def test_unknown_people_follow_the_article(text: str, span: str, expected: bool) -> None:
    assert figure(text, span).is_workforce is expected


# --- subject grammar of the general round (what a head count did, comparisons and changes in stripped text,
# measures no measure word counts, income per period, groups sharing a measure) ---

@pytest.mark.parametrize(("text", "span", "expected"), [
    # a head count followed by its predicate is named by the verb and its object, past a place or an agent
    ("其中86人在全省技能大赛中获奖。", "86人", "获奖"),
    ("其中320人拿到了高级工以上证书。", "320人", "拿到了高级工以上证书"),
    ("其中560人晋升相应职业技能等级。", "560人", "晋升相应职业技能等级"),
    ("实习结束后有415人被实习企业留用。", "415人", "留用"),
    # (比 stripped) the people after a figure are the base of a comparison; the figure before is measured
    ("试点 企业 技师 平均 月薪 达到 8600 元 普通工人 高出 38% 。", "38%", "技师平均月薪"),
    # (比 stripped) a change read against a time names the noun before the time, or lets the figure before stand
    ("全市 规模 工业 增加值 增长 8.2% 增速 上半年 加快 0.8 百分点 。", "0.8百分点", "增速"),
    ("全市 城镇 调查 失业率 5.1% 持平 上年 同期 下降 0.2 百分点 。", "0.2百分点", "城镇调查失业率"),
    ("今年 节后 返岗 率 提高 95% 去年 高 6 百分点 。", "6百分点", "节后返岗率"),
    # measure words that never count people, rates or events: the noun after is the next clause
    ("今年 累计 发布 用工 信息 3.6 万条 服务 求职 人员 12 万人次 。", "3.6万条", "用工信息"),
    ("仲裁院 今年 结案 860 件 平均 办案 周期 缩短 12 天 。", "860件", "结案"),
    ("仲裁院 今年 结案 860 件 平均 办案 周期 缩短 12 天 。", "12天", "办案周期"),  # the change verb is no part
    ("区里 举办 专场 招聘会 86 家 企业 提供 岗位 2300 个 。", "86家", "企业"),
    # a cohort named by its 新 verb, a planned amount, a bare 就业 with the verb that names it
    ("今年新引进高校毕业生2.4万人。", "2.4万人", "新引进高校毕业生"),
    ("该项目占地200亩，计划总投资18亿元。", "18亿元", "计划总投资"),
    ("去年全市新吸纳就业3200人。", "3200人", "新吸纳就业"),
    ("截至6月底，已实现就业860人。", "860人", "实现就业"),
    # income per period keeps its period; a locative before it is dropped; a money run stops at a time word
    ("她现在每月收入稳定在6500元左右。", "6500元左右", "每月收入"),
    ("“在家门口月收入能到3800元左右，还能照顾孩子。", "3800元左右", "月收入"),
    ("企业 新 录用 人员 每人每年 3000 元 标准 给予 补贴 今年 补贴 学徒 1200 。", "3000元", "补贴"),
    # two listed groups sharing a head are named as they are; only three or more make a class (普惠服务 in the seed)
    ("春节期间各级工会走访慰问困难职工和环卫工人3.6万人次。", "3.6万人次", "慰问困难职工和环卫工人"),
    ("全区评聘特级技师首席技师38名。", "38名", "特级技师首席技师"),
    # a money noun followed by its own figure belongs to that figure; a per-period word opens the next clause
    ("今年 企业 减免 社会保险费 6.2 亿元 发放 失业 保险金 1.4 亿元 。", "6.2亿元", "社会保险费"),
    ("申请最高20万元创业担保贷款首次创业的给予3000元补贴。", "最高20万元", "创业担保贷款"),
    ("平台 入驻 用工 主体 3200 余家 日均 发布 岗位 近 千个 。", "3200余家", "用工主体"),
    # a quoted name before a bare head is the name (“送万福进万家”活动); before a full head it is a modifier
    ("全市工会组织“送万福进万家”活动86场。", "86场", "送万福进万家活动"),
    ("全市共举办“春风行动”招聘活动120场。", "120场", "招聘活动"),
    # (分别 stripped) groups side by side before the measure they share, one per number
    ("全市 技师 高级工 平均工资 10.6 万元 7.9 万元 。", "10.6万元", "技师"),
    ("全市 技师 高级工 平均工资 10.6 万元 7.9 万元 。", "7.9万元", "高级工"),
])
def test_general_subject_rules(text: str, span: str, expected: str) -> None:
    assert figure(text, span).subject == expected


# --- 1.5.x subject grammar: ordinal and region lists, goal shares, facility compounds (sentences written here) ---

@pytest.mark.parametrize(("text", "expected"), [
    # ordinals are list items: 第N名 / 第N季度 before side-by-side numbers (分别 stripped) name one number each
    ("大赛 规定 第一名 第二名 第三名 奖励 8000 元 5000 元 3000 元 。", ["第一名", "第二名", "第三名"]),
    ("全县 第一季度 第二季度 新增 就业 1.2 万人 1.5 万人 。", ["第一季度", "第二季度"]),
    # compass regions are list items; a shared 地区 is written once, on the last of them
    ("东部 中部 西部 地区 失业率 4.6% 5.1% 5.4% 。", ["东部", "中部", "西部地区"]),
    # a goal share keeps the period that says which goal; a change after it is the count's change
    ("上半年全市城镇新增就业6.2万人，完成全年目标任务的58.3%，同比增长3.9%。",
     ["城镇新增就业", "全年目标任务", "城镇新增就业"]),
    ("一季度城镇新增就业2.1万人，完成全年目标的26.4%。", ["城镇新增就业", "全年目标"]),
])
def test_subjects_of_ordinal_region_and_goal_figures(text: str, expected: list[str]) -> None:
    assert [s.subject for s in extract_statistics(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("全市 新建 就业 帮扶 车间 46 个 。", "就业帮扶车间"),  # two verbs naming one facility stay with it
    ("全区建成帮扶车间12个。", "帮扶车间"),
    ("今年全市组织各类招聘活动230场。", "招聘活动"),  # a single compound verb keeps its head as before
    ("全区受理欠薪投诉1200件，按期结案率达到97%。", "按期结案率"),  # 按期/按时 name which rate
])
def test_verb_chains_before_a_facility_stay(text: str, expected: str) -> None:
    assert extract_statistics(text)[-1].subject == expected
