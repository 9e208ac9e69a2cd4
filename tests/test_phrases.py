"""Phrase mining (PMI + boundary entropy) and merging of adjacent tokens into terms."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from analysis.phrases import merge_phrases, mine_phrases, phrase_units
from analysis.segment import load_function_words, load_generic_verbs


def sentences(*texts: str) -> list[list[str]]:
    """Hand-segmented sentences: words separated by spaces, as jieba would give them."""
    return [text.split() for text in texts]


# Unrelated sentences: real texts are long, so a term's words are rare relative to the whole (PMI needs that).
FILLER = sentences(
    "今年 以来 全市 城镇 新增 就业 保持 稳定 增长 。", "各地 组织 开展 线上 线下 招聘会 。",
    "职工 书屋 书架 上 摆满 图书 杂志 。", "社区 食堂 为 老人 提供 午餐 。", "园区 企业 订单 饱满 生产 繁忙 。",
    "青年 人才 公寓 今年 交付 使用 。", "气温 持续 走高 防暑 物资 送到 一线 。", "劳模 工匠 走进 校园 讲述 故事 。",
)
RIDERS = sentences(
    "推动 新 就业 形态 劳动者 加入 工会 ，",
    "关心 新 就业 形态 劳动者 的 急难 愁盼 。",
    "为 新 就业 形态 劳动者 提供 法律 援助 ，",
    "外卖 骑手 等 新 就业 形态 劳动者 普遍 关心 收入 。",
    "工会 组织 骑手 开展 技能 培训 。",
)


def mine(token_lists, **options):
    return mine_phrases(token_lists, stopwords=load_function_words(), edge_stopwords=load_generic_verbs(), **options)


def test_finds_a_repeated_term_with_free_edges():
    phrases = mine(RIDERS)
    assert ("新", "就业", "形态", "劳动者") in phrases


def test_a_part_always_followed_by_the_same_word_is_not_a_term():
    # 新 就业 形态 is always followed by 劳动者 here: its right edge is not free
    phrases = mine(RIDERS)
    assert ("新", "就业", "形态") not in phrases
    assert ("就业", "形态", "劳动者") not in phrases  # always preceded by 新


def test_min_count_and_max_words_are_respected():
    assert mine(RIDERS, min_count=5) == frozenset()
    assert all(len(p) <= 3 for p in mine(RIDERS, max_words=3))


def test_no_phrase_crosses_punctuation_or_a_function_word():
    lists = sentences("技能 人才 ， 培训 体系 。", "技能 人才 ， 培训 体系 。", "技能 的 人才 ， 技能 的 人才")
    for phrase in mine(lists):
        assert "，" not in phrase and "的" not in phrase and ("人才", "培训") != phrase[:2]


def test_generic_verbs_never_open_or_close_a_term_and_numerals_never_edge_one():
    lists = sentences(
        "加快 建设 产业 社区 ，", "加快 建设 产业 社区 。", "建成 产业 社区 20 个 ，", "规划 产业 社区 提升 服务",
        "600 万 产业工人 ，", "600 万 产业工人 。",
    ) + FILLER
    phrases = mine(lists)
    assert ("产业", "社区") in phrases
    assert not any(p[0] in {"加快", "建设"} or p[-1] == "提升" for p in phrases)
    assert not any(p[0] == "万" for p in phrases)


def test_conjunction_may_join_an_official_name_but_not_edge_it():
    lists = sentences("省 人力资源 和 社会保障厅 表示 ，", "市 人力资源 和 社会保障厅 发布 ，", "据 人力资源 和 社会保障厅 统计") + FILLER
    phrases = mine(lists)
    assert ("人力资源", "和", "社会保障厅") in phrases
    assert not any(p[0] == "和" or p[-1] == "和" for p in phrases)


def test_empty_input_gives_no_phrases():
    assert mine([]) == frozenset()
    assert mine([[], ["，"]]) == frozenset()


def test_phrase_units_split_at_punctuation_numbers_and_stopwords():
    units = phrase_units("技能 人才 ， 600 名 的 工匠".split(), stopwords={"的"})
    assert units == [["技能", "人才"], ["名"], ["工匠"]]


def test_merge_prefers_the_longest_phrase():
    words = "推进 产业工人 队伍 建设 改革 和 队伍 建设".split()
    phrases = {("产业工人", "队伍", "建设", "改革"), ("队伍", "建设")}
    assert merge_phrases(words, phrases) == ["推进", "产业工人队伍建设改革", "和", "队伍建设"]


WORDS = st.lists(st.sampled_from(["产业工人", "队伍", "建设", "改革", "技能", "人才", "，", "新", "就业", "形态"]),
                 max_size=40)


@given(words=WORDS, phrases=st.sets(st.lists(st.sampled_from(["队伍", "建设", "技能", "人才", "新", "就业"]),
                                             min_size=2, max_size=3).map(tuple), max_size=4))
def test_merge_only_joins_whole_words(words, phrases):
    merged = merge_phrases(words, phrases)
    assert "".join(merged) == "".join(words)
    # every boundary of the merged list is a boundary of the original: user-dictionary words stay whole
    cuts = {sum(map(len, words[:i])) for i in range(len(words) + 1)}
    assert {sum(map(len, merged[:i])) for i in range(len(merged) + 1)} <= cuts


@given(words=WORDS)
def test_merge_without_phrases_is_identity(words):
    assert merge_phrases(words, frozenset()) == words
