"""AppTest: 阅读 Reader page."""
from __future__ import annotations

from app_support import assert_clean, demo_db, demo_template, run_page, texts  # noqa: F401 (fixtures)

from analysis.store import Store


def _html(app) -> str:
    return "\n".join(h.proto.body for h in app.get("html"))


def test_reader_shows_sections_with_marked_statistics(demo_db, monkeypatch):
    app = run_page("reader", demo_db, monkeypatch)
    assert_clean(app)
    body = _html(app)
    assert "由量大到质强 成都600万产业工人进阶" in body
    assert body.count('<h3 id="sec-') == 4  # the seed's four 关键词 headings; the lead has none
    assert 'class="wy-stat wy-work"' in body and "对象：产业工人" in body
    assert 'class="wy-kw"' in body


def test_section_in_the_url_shows_only_that_section(demo_db, monkeypatch):
    app = run_page("reader", demo_db, monkeypatch, article="1", section="2")
    assert_clean(app)
    body = _html(app)
    assert "关键词“全链条”" in body and "关键词“向心力”" not in body
    assert app.query_params["section"] == "2"


def test_statistic_link_opens_its_section(demo_db, monkeypatch):
    stats = Store(demo_db).get_statistics([1])
    last = stats.iloc[-1]
    app = run_page("reader", demo_db, monkeypatch, article="1", stat=str(int(last["idx"])))
    assert_clean(app)
    assert last["text"] in _html(app)
    assert app.query_params["section"] != ""


def test_highlights_can_be_switched_off(demo_db, monkeypatch):
    app = run_page("reader", demo_db, monkeypatch)
    app.toggle(key="reader.stats").set_value(False)
    app.toggle(key="reader.keywords").set_value(False).run()
    assert_clean(app)
    article_html = [h.proto.body for h in app.get("html") if "wy-reader" in h.proto.body][-1]
    assert "wy-stat" not in article_html.split("</style>")[-1]
    assert "wy-kw" not in article_html.split("</style>")[-1]


def test_reader_uses_the_current_user_dictionary(demo_db, monkeypatch):
    Store(demo_db).add_user_words(["产业工人队伍建设改革"])
    app = run_page("reader", demo_db, monkeypatch, article="2")
    assert_clean(app)
    assert "wy-reader" in _html(app)
