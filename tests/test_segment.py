"""Segmentation: private tokenizers, exact spans, rjieba == jieba 0.42.1, stopwords and content-word filters."""
from __future__ import annotations

import pickle
from pathlib import Path

import jieba
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.models import Article, Token
from analysis.segment import _is_fast_safe, content_words, load_stopwords, make_segmenter, segment

DATA = Path(__file__).resolve().parent / "data"
SEED = Path(__file__).resolve().parents[1] / "demo" / "000_9d4a661cd42be132.txt"
USER_WORDS = ("高质量充分就业", "新就业形态", "产业工人队伍建设", "成都工匠", "5G基站")
# Characters that exercise every branch of jieba's block regexes: ideographs inside and outside
# jieba's range, Latin runs with connectors, decimals, full-width forms, emoji and odd whitespace.
ODD_PIECES = list("0123456789abcXYZ .%-_+#&\n\r\t　，。、；：？！“”（）《》…—·．％㐀䶵龦鿿〇ａ１😀\u200b\ufeff") + [
    "\r\n", "2024年", "3.5%", "C++", "e-mail", "1.5亿", "6.A", "9_1", "Wi-Fi", "2026-04-20", "3.5.1", "v2.0", "1. ",
    "→", "℃", "①", "〔", "×", "≤", "～", "R&D", "#", "豈", "\U00020000", "é", "Ω"]


@pytest.fixture(scope="module")
def segmenter():
    return make_segmenter(user_words=USER_WORDS)


@pytest.fixture(scope="module")
def jieba_only():
    return make_segmenter(user_words=USER_WORDS, engine="jieba")


@pytest.fixture(scope="module")
def dictionary_words() -> list[str]:
    lines = jieba.get_dict_file().read().decode("utf-8").splitlines()
    return [line.split()[0] for line in lines[::53]] + list(USER_WORDS)


def seed_display_text() -> str:
    paragraphs = [p.strip().replace("\u3000", "") for p in SEED.read_text(encoding="utf-8").split("\t")]
    return "\n".join("".join(p.split()) for p in paragraphs if p.strip())


def corpus_texts() -> list[str]:
    """Every UTF-8 Chinese text under tests/data plus the seed's display text."""
    texts = [seed_display_text()]
    for path in sorted(DATA.rglob("*")):
        if path.suffix in (".txt", ".md") and path.is_file():
            try:
                texts.append(path.read_text(encoding="utf-8"))
            except UnicodeDecodeError:
                continue  # encoding fixtures in GB18030/UTF-16 belong to the loader's tests
    return texts


def test_fast_engine_equals_jieba_on_test_corpus(segmenter, jieba_only):
    texts = corpus_texts()
    assert len(texts) >= 5 and sum(map(len, texts)) > 10_000
    assert segmenter.engine == "rjieba"
    for text in texts:
        assert segmenter.cut(text) == jieba_only.cut(text)


def test_news_text_takes_the_fast_path():
    assert _is_fast_safe(seed_display_text())
    assert _is_fast_safe("2024年全市新增就业12.5万人，增长3.5%（同比）→①")
    assert not _is_fast_safe("于2026-04-20发布")  # jieba-rs keeps 2026-04-20 whole, jieba splits it …
    assert _is_fast_safe("于2026-04-20发布", split_joined=True)  # … as the fast path does after rjieba
    assert not _is_fast_safe("㐀", split_joined=True)  # outside jieba's ideograph range


def test_joined_runs_need_no_jieba_dictionary():
    fresh, plain = make_segmenter(), make_segmenter(engine="jieba")
    for text in ("于2026-04-20发布", "Wi-Fi覆盖率达3.5%，e-mail和6.A及3.5.1版", "电话023-12875613"):
        assert fresh.cut(text) == plain.cut(text)
    assert not fresh.tokenizer.initialized  # rjieba alone: jieba's 0.7 s dictionary load is never paid


def test_a_user_word_holding_a_joined_run_sends_such_lines_to_jieba():
    custom = make_segmenter(user_words=["COVID-19"])
    assert not custom.split_joined
    plain = make_segmenter(user_words=["COVID-19"], engine="jieba")
    assert "COVID-19" in custom.cut("COVID-19疫情防控") == plain.cut("COVID-19疫情防控")


def test_default_segmenter_equals_plain_jieba_lcut():
    plain = make_segmenter()
    text = seed_display_text()
    assert plain.cut(text) == jieba.Tokenizer().lcut(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fast_engine_equals_jieba_on_random_text(segmenter, jieba_only, dictionary_words, data):
    pieces = st.one_of(st.sampled_from(dictionary_words), st.sampled_from(ODD_PIECES))
    text = "".join(data.draw(st.lists(pieces, max_size=40)))
    assert segmenter.cut(text) == jieba_only.cut(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200))
def test_tokens_map_back_and_cover_all_but_whitespace(segmenter, text):
    tokens = segment(text, segmenter=segmenter)
    assert all(text[t.start:t.end] == t.word and t.word.strip() for t in tokens)
    assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:]))
    assert "".join(t.word for t in tokens) == "".join(ch for ch in text if not ch.isspace())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.text(alphabet="产业工人队伍建设改革成都匠心AI5G，。", min_size=1, max_size=6), max_size=30))
def test_presegmented_article_keeps_author_tokens(segmenter, words):
    text, spans, position = "", [], 0
    for word in words:
        spans.append((position, position + len(word)))
        text += word
        position += len(word)
    article = Article(title="t", text=text, source="s", format="txt", presegmented=True, token_spans=tuple(spans))
    tokens = segment(article, segmenter=segmenter)
    assert tokens == tuple(Token(w, s, e) for w, (s, e) in zip(words, spans))


def test_presegmented_gap_text_is_segmented_not_lost(segmenter):
    text = "产业工人\n技能人才培养"
    article = Article(title="t", text=text, source="s", format="txt", presegmented=True, token_spans=((0, 4),))
    tokens = segment(article, segmenter=segmenter)
    assert tokens[0] == Token("产业工人", 0, 4)
    assert "".join(t.word for t in tokens) == "产业工人技能人才培养"
    assert all(text[t.start:t.end] == t.word for t in tokens)


def test_user_words_stay_private_to_their_segmenter(segmenter):
    plain = make_segmenter(user_words=["技能人才培养"])
    text = "推进产业工人队伍建设，实现高质量充分就业"
    assert "产业工人队伍建设" in segmenter.cut(text)
    assert "产业工人队伍建设" not in plain.cut(text)
    assert "高质量充分就业" not in plain.cut(text)
    assert "技能人才培养" in plain.cut("加强技能人才培养")
    assert "技能人才培养" not in segmenter.cut("加强技能人才培养")
    assert "产业工人队伍建设" not in jieba.dt.FREQ  # the process-global tokenizer is never touched


def test_segmenter_pickles_by_rebuilding(segmenter):
    copy = pickle.loads(pickle.dumps(segmenter))
    assert copy.user_words == segmenter.user_words and copy.engine == segmenter.engine
    assert copy.cut("推进产业工人队伍建设") == segmenter.cut("推进产业工人队伍建设")


def test_bad_engine_is_a_value_error():
    with pytest.raises(ValueError, match="engine"):
        make_segmenter(engine="pkuseg")


def test_empty_text_gives_no_tokens(segmenter):
    assert segment("", segmenter=segmenter) == ()
    assert segment(" \n\t　", segmenter=segmenter) == ()


def test_stopwords_package_list_plus_user_additions():
    stopwords = load_stopwords(extra=["产业工人", " "])
    assert {"的", "我们", "一个"} <= stopwords  # from stopwords-iso "zh"
    assert "产业工人" in stopwords and "产业工人" not in load_stopwords()
    assert "" not in stopwords and " " not in stopwords


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["产业工人", "的", "技能", "人才"], ["产业工人", "技能", "人才"]),  # stopword dropped
        (["新", "就业", "形态"], ["就业", "形态"]),  # single characters dropped
        (["600", "万", "1.5", "三百", "第一", "32%"], []),  # numbers, Arabic or Chinese
        (["，", "。", "“", "……", "——", "%"], []),  # punctuation
        (["5G", "AI芯片", "Python"], ["5G", "AI芯片", "Python"]),  # lettered mixed words stay
    ],
)
def test_content_words_filters(words, expected):
    tokens = [Token(w, 0, len(w)) for w in words]
    assert content_words(tokens, stopwords=load_stopwords()) == expected


def test_content_words_min_chars_and_strings():
    assert content_words(["新", "就业", "形态"], stopwords=frozenset(), min_chars=1) == ["新", "就业", "形态"]
    assert content_words(["就业", "形态学"], stopwords=frozenset(), min_chars=3) == ["形态学"]


@pytest.mark.parametrize(("word", "counted"), [
    ("产业工人", True), ("百万职工", True), ("万人空巷", True), ("AI", True),
    ("万人次", False), ("万名", False), ("亿元", False), ("两万人", False), ("万余人", False),  # what 50万人次 leaves
    ("三百", False), ("第一", False), ("2024", False), ("，", False), ("人", False),
])
def test_content_words_drop_numbers_and_magnitude_fragments(word, counted):
    from analysis.segment import is_content_word

    assert is_content_word(word, stopwords=frozenset()) is counted


def test_number_fragments_never_reach_the_terms_of_a_figure_heavy_sentence():
    from analysis.segment import content_words, make_segmenter

    words = make_segmenter().cut("全年培训职工50万人次，发放补贴3亿元，新增就业2.3万人。")
    assert "万人次" in words  # jieba does leave the fragment behind
    assert not {"万人次", "亿元", "万人"} & set(content_words(words, stopwords=frozenset()))
