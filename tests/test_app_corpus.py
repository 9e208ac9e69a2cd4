"""AppTest: 语料库 Corpus page — upload through file_uploader, results list, delete, word lists."""
from __future__ import annotations

from app_support import assert_clean, demo_db, demo_template, run_page, texts  # noqa: F401 (fixtures)

from analysis.store import Store
from wenyan_ui import strings as S

NEW_ARTICLE = "兰州市举办职业技能培训成果展\n\n　　本报讯 兰州市今年开展职业技能培训3.2万人次，新增高技能人才4500人。\n"


def _uploader(app):
    return app.get("file_uploader")[0]


def test_corpus_lists_stored_articles(demo_db, monkeypatch):
    app = run_page("corpus", demo_db, monkeypatch)
    assert_clean(app)
    table = app.dataframe[0].value
    assert {"标题", "字数", "统计数据", "劳动力数据"} <= set(table.columns)
    assert len(table) == Store(demo_db).counts()["articles"]
    assert [b.label for b in app.get("download_button")][:2] == ["下载 CSV", "下载 Excel"]


def test_upload_stores_an_article_and_reports_each_file(demo_db, monkeypatch):
    app = run_page("corpus", demo_db, monkeypatch)
    before = Store(demo_db).counts()["articles"]
    _uploader(app).set_value([("lanzhou.txt", NEW_ARTICLE.encode("utf-8"), "text/plain"),
                              ("broken.docx", b"not a zip at all", "application/octet-stream")])
    app.button[0].click().run()
    assert_clean(app)
    assert Store(demo_db).counts()["articles"] == before + 1
    assert "完成：入库 1 篇，重复 0 篇，失败 1 个。" in texts(app)
    results = app.dataframe[0].value
    assert list(results["结果"]) == ["已入库", "失败"]
    assert "文件已损坏" in results["原因"].iloc[1] or "不支持" in results["原因"].iloc[1]


def test_uploading_the_same_text_twice_is_a_duplicate(demo_db, monkeypatch):
    app = run_page("corpus", demo_db, monkeypatch)
    for _ in range(2):
        _uploader(app).set_value(("lanzhou.txt", NEW_ARTICLE.encode("utf-8"), "text/plain"))
        app.button[0].click().run()
    assert_clean(app)
    assert "重复（已存在）" in list(app.dataframe[0].value["结果"])


def test_word_lists_are_saved_to_the_store(demo_db, monkeypatch):
    app = run_page("corpus", demo_db, monkeypatch)
    app.text_area[0].set_value("产业工人队伍\n新就业形态")
    app.text_area[1].set_value("记者")
    next(b for b in app.button if b.label == "保存词表").click().run()
    assert_clean(app)
    store = Store(demo_db)
    assert store.list_user_words() == ["产业工人队伍", "新就业形态"]
    assert store.list_stopwords() == ["记者"]


def test_saving_word_lists_reanalyses_the_stored_articles(demo_db, monkeypatch):
    """A user word becomes a stored term and a new stopword leaves the stored keywords (article 3, 武汉; the seed
    is pre-segmented, so its author's word boundaries stay)."""
    store = Store(demo_db)
    assert "在校大学生" not in store.article_term_counts(3) and "武汉" in [k.word for k in store.get_keywords(3)]
    app = run_page("corpus", demo_db, monkeypatch)
    app.text_area(key="corpus.user_words").set_value("在校大学生")
    app.text_area(key="corpus.stopwords").set_value("武汉")
    app.button(key="corpus.save_words").click().run()
    assert_clean(app)
    n_articles = store.counts()["articles"]
    assert [s.value for s in app.success] == [f"词表已保存，已按新词表重新分析 {n_articles} 篇文章。"]
    assert store.article_term_counts(3).get("在校大学生") == 1  # 在校大学生约130万名: once in the text
    assert "武汉" not in [k.word for k in store.get_keywords(3)]


def test_outdated_articles_are_noted_and_finished_with_a_button(demo_db, monkeypatch):
    """A save made by another session (or a re-analysis that stopped halfway) shows a count and a finish button."""
    import sqlite3

    app = run_page("corpus", demo_db, monkeypatch)
    assert_clean(app)
    assert not app.warning and not [b for b in app.button if b.label == S.REANALYSIS_FINISH]
    store = Store(demo_db)
    store.add_user_words(["在校大学生"])  # saved elsewhere; nobody re-analysed
    with sqlite3.connect(demo_db) as conn:  # as if a run had finished all but articles 3 and 4
        conn.execute("UPDATE articles SET word_lists = ? WHERE id NOT IN (3, 4)", (store.word_list_state().signature,))
    app.run()
    assert_clean(app)
    assert [w.value for w in app.warning] == [S.REANALYSIS_PENDING.format(n=2)]
    assert "有 2 篇文章尚未按当前词表重新分析" in app.warning[0].value
    app.button(key="corpus.finish_reanalysis").click().run()
    assert_clean(app)
    assert [s.value for s in app.success] == [S.REANALYSIS_FINISHED.format(n=2)] == ["已按当前词表重新分析 2 篇文章。"]
    assert store.article_term_counts(3).get("在校大学生") == 1 and not app.warning
    app.run()  # nothing left: the note is gone
    assert not app.warning and store.count_outdated_articles() == 0

