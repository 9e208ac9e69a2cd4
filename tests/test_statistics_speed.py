"""How the statistics extractor bounds its work: what gets tagged, long sentences, linear merging, fast paths.

No timings here (the machine is shared): the checks are on which spans reach the POS tagger and on the fast
paths giving the same answers as the straightforward algorithms they replace (written out below as oracles).
"""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import stat_lexicon as lex
from analysis import statistics
from analysis.stat_flags import count_lexicon, is_workforce
from analysis.numerals import FULL_WIDTH_TABLE, parse_quantity, parse_single, to_half_width
from analysis.stat_mentions import MAX_SENTENCE_CHARS, Mention, find_mentions, sentence_bounds
from analysis.stat_tagging import GLUED_LEADING, GLUED_TRAILING, HAN_ONLY, UNIT_CHARS, _tagged, make_pos_tokenizer
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
    assert [m.value for m in mentions] == [75, 2, pytest.approx(33.33), 12]


# --- oracles: the straightforward algorithms the fast paths replace ---------------------------------------

def _merge_oracle(drafts: list[Draft]) -> list[list[Draft]]:
    """Each draft joins the first group with its figure and either its subject or a restatement (quadratic)."""
    groups: list[list[Draft]] = []
    for draft in drafts:
        figure = (draft.value, draft.value_max, draft.unit, draft.kind)
        for group in groups:
            first = group[0]
            if (first.value, first.value_max, first.unit, first.kind) == figure and (
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
        mention = Mention(pos, pos + 3, pos, pos + 2, "人", value, None, "exact", False, False)
        out.append(Draft(mention, value, None, "人", "count", draw(st.sampled_from(["职工", "农民工", ""])),
                         False, True, sentence))
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
    return (sum(1 for _ in ahead(lex.WORKFORCE_WORDS).finditer(text)),
            sum(1 for _ in ahead(lex.NON_WORKFORCE_WORDS).finditer(text)))


LEXICON_TEXT = st.lists(st.sampled_from(lex.WORKFORCE_WORDS + lex.NON_WORKFORCE_WORDS + ("，", "了", "全市")),
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
