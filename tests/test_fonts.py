"""The pip-shipped CJK font: Regular weight, real glyphs (not tofu), a web font and a fontconfig file."""
from __future__ import annotations

import numpy as np
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw

from analysis import fonts


def _bitmap(text: str, *, size: int = 48, bold: bool = False) -> np.ndarray:
    font = fonts.pil_font(size, bold=bold)
    image = Image.new("L", (size * (len(text) + 1), size * 2), 0)
    ImageDraw.Draw(image).text((4, 4), text, fill=255, font=font)
    return np.asarray(image)


def test_font_is_the_pip_package_not_the_os():
    path = fonts.cjk_font_path()
    assert path.is_file() and "site-packages" in str(path) and path.name == "NotoSansCJK-VF.otf.ttc"


def test_pil_face_is_simplified_chinese_regular():
    assert fonts.pil_font(20).getname() == ("Noto Sans CJK SC", "Regular")
    assert fonts.pil_font(20, bold=True).getname() == ("Noto Sans CJK SC", "Bold")


def test_chinese_characters_render_as_distinct_glyphs_not_tofu():
    notdef = _bitmap("\U000f0000")  # a private-use code point the font lacks: the .notdef box
    glyphs = [_bitmap(c) for c in "产业工人就职"]
    for glyph in glyphs:
        assert glyph.sum() > 0
        assert not np.array_equal(glyph, notdef)
    assert len({g.tobytes() for g in glyphs}) == len(glyphs)


def test_regular_is_heavier_than_the_thin_default():
    thin = fonts.ImageFont.truetype(str(fonts.cjk_font_path()), 48, index=fonts.SC_FACE_INDEX)
    image = Image.new("L", (200, 100), 0)
    ImageDraw.Draw(image).text((4, 4), "工人", fill=255, font=thin)
    assert _bitmap("工人").sum() > 1.5 * np.asarray(image).sum()


def test_web_font_subset_is_static_regular_woff2(tmp_path):
    target = fonts.build_web_font(tmp_path / "f.woff2", chars={ord(c) for c in "文眼工人A"})
    font = TTFont(str(target))
    assert font.flavor == "woff2"
    assert "fvar" not in font and font["OS/2"].usWeightClass == 400
    assert {ord(c) for c in "文眼工人A"} <= set(font.getBestCmap())


def test_web_font_covers_gb2312():
    chars = fonts.web_font_chars()
    assert len(chars) > 6763 and {ord(c) for c in "鬻齄，。“”％"} <= chars


def test_fontconfig_points_at_the_package_folder(tmp_path):
    conf = fonts.write_fontconfig(tmp_path)
    text = conf.read_text(encoding="utf-8")
    assert f"<dir>{fonts.cjk_font_path().parent}</dir>" in text and "/etc/fonts/fonts.conf" in text
    assert fonts.write_fontconfig(tmp_path) == conf


def test_ensure_web_font_reuses_an_existing_file(tmp_path):
    existing = tmp_path / "fonts" / fonts.WEB_FONT_NAME
    existing.parent.mkdir()
    existing.write_bytes(b"wOF2")
    assert fonts.ensure_web_font(tmp_path) == existing and existing.read_bytes() == b"wOF2"
