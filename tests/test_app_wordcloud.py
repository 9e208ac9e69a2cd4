"""AppTest: 词云 Word cloud page."""
from __future__ import annotations

import pytest
from app_support import assert_clean, demo_db, demo_template, run_page  # noqa: F401 (fixtures)


def test_wordcloud_shows_image_ranking_and_downloads(demo_db, monkeypatch):
    app = run_page("wordcloud", demo_db, monkeypatch)
    assert_clean(app)
    assert app.get("image") and app.get("plotly_chart")
    labels = [b.label for b in app.get("download_button")]
    assert {"下载 PNG", "下载 SVG", "下载 CSV", "下载 Excel"} <= set(labels)
    assert app.query_params["method"] == "tfidf"


@pytest.mark.parametrize("method", ["freq", "textrank", "keyness"])
def test_every_method_from_the_url(demo_db, monkeypatch, method):
    app = run_page("wordcloud", demo_db, monkeypatch, method=method)
    assert_clean(app)
    assert app.query_params["method"] == method
    assert len(app.dataframe[0].value) > 10


def test_corpus_and_section_scopes_and_shapes(demo_db, monkeypatch):
    app = run_page("wordcloud", demo_db, monkeypatch, scope="section", section="1")
    assert_clean(app)
    assert app.query_params["section"] == "1"
    for shape in ("circle", "star", "cloud", "rounded"):
        app.selectbox(key="cloud.shape").set_value(shape).run()
        assert_clean(app)
    app.radio(key="cloud.scope").set_value("corpus").run()
    assert_clean(app)
    assert app.query_params["scope"] == "corpus" and app.get("image")


def test_uploaded_png_mask(demo_db, monkeypatch):
    import io

    from PIL import Image, ImageDraw

    picture = Image.new("L", (300, 200), 255)
    ImageDraw.Draw(picture).ellipse((20, 20, 280, 180), fill=0)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    app = run_page("wordcloud", demo_db, monkeypatch)
    app.selectbox(key="cloud.shape").set_value("upload").run()
    app.get("file_uploader")[0].set_value(("mask.png", buffer.getvalue(), "image/png"))
    app.run()
    assert_clean(app)
    assert app.get("image")
