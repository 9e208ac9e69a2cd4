"""How the statistics extractor bounds its work: what gets tagged, long sentences, linear merging, fast paths.

No timings here (the machine is shared): the checks are on which spans reach the POS tagger and on the fast
paths giving the same answers as the straightforward algorithms they replace (written out below as oracles).
"""
from __future__ import annotations

import dataclasses
import re
from functools import partial
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import stat_filters, stat_mentions, stat_naming, statistics
from analysis import stat_lexicon as lex
from analysis.models import Section
from analysis.numerals import (
    FULL_WIDTH_TABLE,
    parse_quantity,
    parse_single,
    to_half_width,
)
from analysis.sections import section_title_at, section_title_lookup
from analysis.stat_flags import count_lexicon, is_workforce
from analysis.stat_left import left_subject, memoised_left_subject
from analysis.stat_mentions import (
    MAX_SENTENCE_CHARS,
    Mention,
    find_mentions,
    sentence_bounds,
)
from analysis.stat_tagging import (
    GLUED_LEADING,
    GLUED_TRAILING,
    HAN_ONLY,
    UNIT_CHARS,
    _tagged,
    make_pos_tokenizer,
    pos_tokens,
    tag_span,
)
from analysis.stat_tokens import Tok
from analysis.statistics import Draft, _merge, extract_statistics

NUMBER_FREE = "职工代表大会是企业实行民主管理的基本形式，工会组织职工依法参与企业的民主决策。"
WITH_FIGURE = "全市城镇新增就业12.3万人，其中帮助就业困难人员实现就业8600人。"
ORDINARY_NUMERALS = "一些企业统一了做法，十分重视职工的意见。"


def _spy_tagging(monkeypatch) -> list[str]:
    """The spans statistics.py sends to the POS tagger (the real tagger still runs)."""
    spans: list[str] = []
    real = statistics.pos_tokens

    def recording(compact, bounds):
        spans.append(compact[bounds[0]: bounds[1]])
        return real(compact, bounds)

    monkeypatch.setattr(statistics, "pos_tokens", recording)
    return spans


def test_only_sentences_holding_a_candidate_are_tagged(monkeypatch):
    spans = _spy_tagging(monkeypatch)
    text = "\n".join([NUMBER_FREE, WITH_FIGURE, ORDINARY_NUMERALS, NUMBER_FREE, "二〇二四年第三个年头。"])
    stats = extract_statistics(text)
    assert [s.value for s in stats] == [123_000, 8600]
    assert spans and all(span in to_half_width(WITH_FIGURE) for span in spans)  # its sentence, or a piece of it


def test_a_sentence_with_several_figures_is_tagged_once(monkeypatch):
    spans = _spy_tagging(monkeypatch)
    sentence = "全市新增就业12.3万人，发放补贴8600万元，培训农民工5.6万人次，技能人才占比达到32%。"
    assert len(extract_statistics(sentence)) == 4
    assert spans.count(to_half_width(sentence)) == 1


def test_a_line_without_sentence_ends_is_analysed_in_bounded_pieces(monkeypatch):
    spans = _spy_tagging(monkeypatch)
    clause = "今年共有{}家企业的{}余名职工参赛，青年职工占比达到{}%，"
    text = "调研报告\n" + "".join(clause.format(10 + i % 90, 100 + i, 10 + i % 80) for i in range(400))
    stats = extract_statistics(text)
    assert max(len(span) for span in spans) <= MAX_SENTENCE_CHARS
    assert {s.value for s in stats} >= {100.0, 499.0, 10.0, 89.0}  # figures from the whole line, first to last
    assert all(text[s.start: s.end] == s.text and s.sentence in text for s in stats)


def test_long_sentences_are_cut_after_a_clause_mark_and_never_inside_a_number():
    with_marks = "各类企业吸纳高校毕业生就业，" * 60 + "。"
    pieces = sentence_bounds(with_marks)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(with_marks)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    assert all(0 < e - s <= MAX_SENTENCE_CHARS for s, e in pieces)
    assert all(with_marks[e - 1] == "，" for _, e in pieces[:-1])
    no_marks = "职工" * 149 + "123456789" + "职工" * 300
    cuts = [e for _, e in sentence_bounds(no_marks)][:-1]
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e in sentence_bounds(no_marks))
    assert not any(no_marks[c - 1].isdigit() and no_marks[c].isdigit() for c in cuts)


def test_real_sentences_are_not_cut():
    sentence = "（二）完善技能导向的薪酬分配，" * 9 + "全市高技能人才年平均工资为9.8万元。"
    assert len(sentence) < MAX_SENTENCE_CHARS and sentence_bounds(sentence) == [(0, len(sentence))]


def test_range_whose_low_end_is_a_bare_chinese_numeral_survives_the_fast_path():
    stats = extract_statistics("收入比普通务工人员高出三至五成，一些企业统一发放。")
    assert [(s.value, s.value_max, s.unit) for s in stats] == [(30, 50, "%")]


def test_numbers_inside_written_percentages_are_not_read_twice():
    mentions = find_mentions("就业率达到百分之七十五，翻一番，三分之一的岗位，共12人。")
    spans = [(m.start, m.end) for m in mentions]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert [m.value for m in mentions] == [75, 2, pytest.approx(100 / 3), 12]


# --- oracles: the straightforward algorithms the fast paths replace ---------------------------------------

def _merge_oracle(drafts: list[Draft]) -> list[list[Draft]]:
    """Each draft joins the first group with its figure and either its subject or a restatement (quadratic)."""
    groups: list[list[Draft]] = []
    for draft in drafts:
        figure = (draft.value, draft.value_max, draft.unit, draft.kind, draft.mention.qualifier, draft.is_target)
        for group in groups:
            first = group[0]
            if (first.value, first.value_max, first.unit, first.kind, first.mention.qualifier,
                    first.is_target) == figure and (
                    first.subject == draft.subject or statistics._restated(group[-1], draft)):
                group.append(draft)
                break
        else:
            groups.append([draft])
    return groups


@st.composite
def _drafts(draw) -> list[Draft]:
    out, pos = [], 0
    for _ in range(draw(st.integers(0, 30))):
        pos += draw(st.integers(1, 20))
        sentence = (pos // 40 * 40, pos // 40 * 40 + 40)
        value = draw(st.sampled_from([5.0, 1200.0, 60000.0]))
        qualifier = draw(st.sampled_from(["exact", "about"]))
        mention = Mention(pos, pos + 3, pos, pos + 2, "人", value, None, qualifier, False, False)
        out.append(Draft(mention, value, None, "人", "count", draw(st.sampled_from(["职工", "农民工", ""])),
                         draw(st.booleans()), True, sentence))
    return out


@settings(max_examples=200, deadline=None)
@given(_drafts())
def test_merge_groups_like_the_quadratic_rule(drafts):
    assert _merge(drafts) == _merge_oracle(drafts)


def _tagged_oracle(text: str) -> list[tuple[str, str]]:
    """The recursive splitting of glued HMM words the iterative _tagged replaces."""
    tagger = make_pos_tokenizer()
    out: list[tuple[str, str]] = []
    pos = 0
    for word, flag in tagger.tag(text):
        glued = HAN_ONLY.match(word) and not tagger.has_word(word)
        if glued and (GLUED_LEADING.match(word) or word[0] in UNIT_CHARS and out and out[-1][1] == "m"):
            return out + tagger.tag(word[0], hmm=False) + _tagged_oracle(text[pos + 1:])
        if glued and GLUED_TRAILING.search(word):
            out += tagger.tag(word[:-1]) + tagger.tag(word[-1], hmm=False)
        else:
            out.append((word, flag))
        pos += len(word)
    return out


GLUE_PRONE = st.text(alphabet="占比达为按上新招员工率家名人1830万，的职业技能培训达到将在对已共", max_size=40)


@settings(max_examples=150, deadline=None)
@given(GLUE_PRONE)
def test_iterative_tagging_equals_the_recursive_rule(text):
    assert _tagged(text) == _tagged_oracle(text)


@pytest.mark.parametrize("text", [
    "新招员工占新招员工总数的六成，率达98%，1830家新发展会员单位。",
    "全市按上年标准发放补贴，另占比达到三成。",
])
def test_iterative_tagging_on_glued_words(text):
    assert _tagged(text) == _tagged_oracle(text)


def _count_oracle(text: str) -> tuple[int, int]:
    """Lexicon words counted once per starting offset, with a zero-width look-ahead at every offset."""
    def ahead(words):
        return re.compile("(?=(" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + "))")
    return (sum(1 for _ in ahead(lex.WORKFORCE_WORDS + lex.WORKFORCE_WORDS_EXTRA).finditer(text)),
            sum(1 for _ in ahead(lex.NON_WORKFORCE_WORDS + lex.NON_WORKFORCE_WORDS_EXTRA).finditer(text)))


LEXICON_TEXT = st.lists(st.sampled_from(lex.WORKFORCE_WORDS + lex.WORKFORCE_WORDS_EXTRA + lex.NON_WORKFORCE_WORDS
                                        + lex.NON_WORKFORCE_WORDS_EXTRA + ("，", "了", "全市")),
                        max_size=20).map("".join)


@settings(max_examples=200, deadline=None)
@given(LEXICON_TEXT)
def test_lexicon_counts_equal_the_look_ahead_rule(text):
    assert count_lexicon(text) == _count_oracle(text)


def test_workforce_flag_from_subject_sentence_and_article():
    assert is_workforce("高技能人才", "") is True
    assert is_workforce("高新技术产业产值", "") is False
    assert is_workforce("总量", "全市职工队伍总量达到600万。") is True  # the sentence decides
    assert is_workforce("总量", "总量达到600万。", document=lambda: (0, 3)) is False  # then the article


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**20))
def test_plain_digits_parse_like_the_general_path(n):
    text = str(n)
    assert parse_quantity(text) == (parse_single(text), None)


@pytest.mark.parametrize("code", ["028", "0571", "00"])
def test_plain_digits_with_a_leading_zero_are_codes(code):
    with pytest.raises(ValueError):
        parse_quantity(code)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="０１２３４５６７８９％．，0123456789%.,职工万人　 \n", max_size=40))
def test_half_width_mapping_equals_the_translation_table(text):
    assert to_half_width(text) == text.translate(FULL_WIDTH_TABLE)


# --- memo and fast-path oracles (the straightforward code each replaces, written out) --------------------------

STATS_DIR = Path(__file__).parent / "data" / "stats"
FIGURE_SENTENCES = [
    "全市城镇新增就业12.3万人，其中帮助就业困难人员实现就业8600人，城镇调查失业率为5.1%。",
    "新开设订单班、冠名班146个，累计免费培训50万人次，高技能人才占技能人才比重超过32%。",
    "生活服务、公共服务、政务服务等普惠服务1.5亿人次，发放补贴1.46亿元。",
    "骑手等户外劳动者近十二万名，比上年增加1.2万名，占全市新就业形态劳动者的六成。",
]


def _direct_left(before, context):
    """memoised_left_subject without its memo: left_subject on the real tokens, with the real context."""
    return left_subject(before, context)


def _records(texts):
    return [[dataclasses.astuple(s) for s in extract_statistics(t)] for t in texts]


def test_memoised_left_subjects_equal_direct_calls_on_the_evaluation_set(monkeypatch):
    texts = [p.read_text(encoding="utf-8") for p in sorted(STATS_DIR.glob("*.txt"))] + FIGURE_SENTENCES
    texts += [" ".join(t) for t in FIGURE_SENTENCES]  # pre-segmented-looking text: other offsets, same runs
    memoised = _records(texts)
    monkeypatch.setattr(stat_naming, "memoised_left_subject", _direct_left)
    assert _records(texts) == memoised


@pytest.mark.parametrize("sentence", FIGURE_SENTENCES)
def test_left_memo_is_blind_to_where_the_run_sits(sentence):
    """left_subject of a run re-built from offset 0 equals left_subject of the run in place (any shift)."""
    for shift in (0, 7):
        compact = "。" * shift + sentence
        tokens = pos_tokens(compact, (shift, len(compact)))
        for mention in find_mentions(compact):
            before = [t for t in tokens if t.end <= mention.start]
            context = partial(pos_tokens, compact, (shift, mention.start))
            assert memoised_left_subject(before, context) == _direct_left(before, context)


def test_a_token_holding_the_separator_bypasses_the_memo():
    before = [Tok("职工\x00", "n", 0, 3), Tok("总数", "n", 3, 5)]
    context = partial(pos_tokens, "职工\x00总数", (0, 5))
    assert memoised_left_subject(before, context) == _direct_left(before, context)


SECTION_EDGE = st.integers(0, 60)


@st.composite
def _sections(draw) -> tuple[Section, ...]:
    out = []
    for n in range(draw(st.integers(0, 6))):
        start = draw(SECTION_EDGE)
        out.append(Section(title=f"第{n}节", level=draw(st.integers(1, 3)), start=start,
                           end=start + draw(st.integers(0, 30)), subheading=None, parent=None, text=""))
    return tuple(out)


@settings(max_examples=200, deadline=None)
@given(_sections(), st.lists(st.integers(-2, 95), max_size=20))
def test_section_lookup_equals_the_innermost_section_rule(sections, offsets):
    title = section_title_lookup(sections)
    assert [title(o) for o in offsets] == [section_title_at(sections, o) for o in offsets]


def _quoted_oracle(compact: str, mention: Mention, sentence: tuple[int, int]) -> str:
    left = compact[sentence[0]: mention.start]
    for open_mark, close_mark in stat_filters.QUOTE_PAIRS.items():
        i = left.rfind(open_mark)
        if i < 0 or close_mark in left[i:]:
            continue
        close = compact.find(close_mark, mention.end, sentence[1] + 1)
        if close >= 0 and (open_mark == "《" or close - (sentence[0] + i) <= stat_filters.MAX_QUOTED_NAME):
            return open_mark
    return ""


QUOTE_TEXT = st.text(alphabet="“”《》‘’「」〈〉12万名职工，。", max_size=40)


@settings(max_examples=300, deadline=None)
@given(QUOTE_TEXT, st.integers(0, 5))
def test_quote_check_equals_the_slicing_rule(text, lead):
    for start, end in sentence_bounds(text):
        for mention in find_mentions(text):
            sentence = (min(start + lead, end), end)
            assert stat_filters._quoted(text, mention, sentence) == _quoted_oracle(text, mention, sentence)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(list(stat_filters.QUOTE_PAIRS.items())), st.integers(0, 14), st.integers(0, 14))
def test_quote_check_at_the_length_limit(marks, before, after):
    text = "全市" + marks[0] + "职" * before + "12名" + "工" * after + marks[1] + "。"
    for mention in find_mentions(text):
        sentence = (0, len(text))
        assert stat_filters._quoted(text, mention, sentence) == _quoted_oracle(text, mention, sentence)


def _read_mention_oracle(compact: str, match) -> Mention | None:
    core, core_start, core_end = match.group(), match.start(), match.end()
    reading = stat_mentions.read_core(core)
    if reading is None:
        return None
    found = stat_mentions.UNIT_WORD.match(compact, core_end)
    unit = found.group() if found else ""
    if compact[core_end: core_end + 2] in lex.UNIT_CHAR_WORDS and len(unit) < 2 and not (
            stat_mentions._closes_magnitude(compact, core_end, unit)):
        unit = ""
    if not unit and core.endswith("来"):
        return None
    if not unit and reading.chinese and not reading.magnitude and not stat_mentions.RANGE_AFTER.match(compact, core_end):
        return None
    after_unit = core_end + len(unit)
    inner_after = compact[after_unit: after_unit + 1] if unit and compact[after_unit: after_unit + 1] in "多余" else ""
    if inner_after and compact[after_unit: after_unit + 2] in lex.UNIT_CHAR_WORDS | {"多个", "多家", "余家", "余名"}:
        inner_after = ""
    at = after_unit + len(inner_after)
    cue = stat_mentions.SUFFIX_CUE.match(compact, at)
    end, suffix = (cue.end(), stat_mentions.SUFFIX_QUALIFIER[cue.group()]) if cue else (at, None)
    start, prefix = stat_mentions._match_prefix(compact, core_start, core)
    inner = "more_than" if inner_after else reading.inner
    return Mention(start, end, core_start, core_end, unit, reading.value, reading.value_max,
                   prefix or suffix or inner or "exact", reading.chinese, reading.magnitude)


MENTION_TEXT = st.text(alphabet="0123.,一二三十百千万亿多余来人名个家元%成以上下内左右之近约超过达翻番百分之至", max_size=30)


@settings(max_examples=400, deadline=None)
@given(MENTION_TEXT)
def test_read_mention_equals_the_regex_rule(text):
    for match in stat_mentions.NUMBER_CORE.finditer(text):
        assert stat_mentions.read_mention(text, match) == _read_mention_oracle(text, match)


@settings(max_examples=200, deadline=None)
@given(MENTION_TEXT)
def test_written_percentages_need_the_literals_the_pre_check_looks_for(text):
    patterns = (stat_mentions.PERCENT_WORDS, stat_mentions.FRACTION, stat_mentions.DOUBLING)
    if "分之" not in text and "翻" not in text:
        assert not any(p.search(text) for p in patterns)
    else:
        assert len(stat_mentions.special_mentions(text)) <= sum(len(p.findall(text)) for p in patterns)


def test_ascii_letter_set_equals_the_pattern():
    pattern = re.compile(r"[A-Za-z]")
    assert all((chr(c) in stat_filters.ASCII_LETTERS) == bool(pattern.match(chr(c))) for c in range(0x3000))


def _tag_span_oracle(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    pairs = _tagged(text)
    if not pairs:
        return (), ()
    words, flags = map(list, zip(*pairs))
    i = 0
    while i < len(words) - 1:
        if words[i] == "每":
            words[i: i + 2] = ["每" + words[i + 1]]
            flags[i: i + 2] = ["r"]
        i += 1
    return tuple(words), tuple(flags)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="每人天小时月年次元职工培训补贴发放，", max_size=30))
def test_distributive_words_join_like_the_list_rule(text):
    assert tag_span.__wrapped__(text) == _tag_span_oracle(text)
