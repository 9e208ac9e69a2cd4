"""Word-cloud layout and rendering: deterministic, no overlaps, inside the mask, escaped SVG, fast."""
from __future__ import annotations

import io
import time
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PIL import Image, ImageDraw

from analysis import fonts
from analysis import wordcloud_render as wc

FREQUENCIES = {"产业工人": 60, "技能人才": 45, "高质量发展": 40, "成都": 38, "培训": 30, "就业": 28, "职业技能": 25,
               "工匠": 22, "劳动模范": 20, "产业生态圈": 18, **{f"词语{i}": 10 - i * 0.05 for i in range(90)}}


def _ink_per_word(layout: wc.CloudLayout) -> np.ndarray:
    """How many words cover each pixel (each word drawn alone)."""
    cover = np.zeros((layout.height, layout.width), dtype=np.int32)
    for p in layout.words:
        image = Image.new("L", (layout.width, layout.height), 0)
        ImageDraw.Draw(image).text((p.x, p.y), p.word, fill=255, font=fonts.pil_font(p.font_size), anchor="la")
        cover += np.asarray(image) > 0
    return cover


def test_layout_is_deterministic_and_largest_word_is_biggest():
    first, second = wc.layout_cloud(FREQUENCIES), wc.layout_cloud(FREQUENCIES)
    assert first == second
    assert first.words[0].word == "产业工人"
    assert first.words[0].font_size == max(p.font_size for p in first.words)
    assert len(first.words) >= 80


def test_words_do_not_overlap_and_stay_on_the_canvas():
    layout = wc.layout_cloud(FREQUENCIES, width=600, height=400)
    cover = _ink_per_word(layout)
    assert cover.max() == 1  # no pixel inked by two words
    for p in layout.words:
        left, top, right, bottom = fonts.pil_font(p.font_size).getbbox(p.word, anchor="la")
        assert p.x + left >= 0 and p.y + top >= 0 and p.x + right <= 600 and p.y + bottom <= 400


@pytest.mark.parametrize("shape", ["circle", "rounded", "star", "cloud"])
def test_words_stay_inside_the_shape(shape):
    mask = wc.shape_mask(shape, width=500, height=400)
    assert mask.shape == (400, 500) and 0.1 < (~mask).mean() < 0.99
    image = np.asarray(wc.render_image(wc.layout_cloud(FREQUENCIES, mask=mask)).convert("L"))
    inked = image < 250
    assert inked.any() and not (inked & mask).any()


def test_rectangle_has_no_mask_and_bad_names_are_rejected():
    assert wc.shape_mask("rectangle", width=10, height=10) is None
    with pytest.raises(ValueError, match="heart"):
        wc.shape_mask("heart", width=10, height=10)
    with pytest.raises(ValueError, match="palette"):
        wc.layout_cloud({"a": 1}, palette="neon")


def test_uploaded_png_mask_uses_alpha_or_darkness():
    picture = Image.new("RGBA", (100, 50), (0, 0, 0, 0))
    picture.paste((0, 0, 0, 255), (0, 0, 50, 50))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    mask = wc.mask_from_png(buffer.getvalue(), width=200)
    assert mask.shape == (100, 200)
    assert not mask[:, :100].any() and mask[:, 100:].all()


def test_empty_input_gives_empty_layout():
    assert wc.layout_cloud({}).words == ()
    assert wc.layout_cloud({"  ": 3, "零": 0}).words == ()
    assert wc.render_image(wc.layout_cloud({})).size == (800, 500)


def test_svg_is_valid_xml_with_escaped_words_and_embedded_font():
    layout = wc.layout_cloud({"<script>": 5, "A&B": 4, "工人": 3}, width=400, height=300)
    svg = wc.render_svg(layout)
    root = ET.fromstring(svg)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert sorted(texts) == sorted(p.word for p in layout.words)
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "font/woff2;base64," in svg


def test_png_export_scales_up():
    layout = wc.layout_cloud(FREQUENCIES, width=300, height=200)
    assert wc.render_image(layout, scale=2).size == (600, 400)


def test_a_hundred_word_cloud_takes_well_under_a_second():
    fonts.pil_font(20)  # warm the font file cache, as the app does on its first cloud
    started = time.perf_counter()
    wc.render_image(wc.layout_cloud(FREQUENCIES, width=900, height=560))
    assert time.perf_counter() - started < 1.0
