"""The pip-shipped CJK font (Noto Sans CJK SC, OFL): PIL faces, a fontconfig file for Chromium, a web font."""
from __future__ import annotations

import logging
import time
from pathlib import Path

from PIL import ImageFont

log = logging.getLogger(__name__)

FONT_FAMILY = "Noto Sans CJK SC"
WEB_FONT_FAMILY = "Noto Sans SC"
# manimgx-fonts-cjk ships one variable TTC; face 2 is Simplified Chinese. Its default instance is Thin (wght 100),
# so PIL picks the "Regular" named instance (FreeType counts named instances from 1) instead of instancing.
SC_FACE_INDEX = 2
REGULAR_INSTANCE = 4
BOLD_INSTANCE = 6
WEB_FONT_NAME = "NotoSansSC-Regular.woff2"
# Printable ASCII, general punctuation, CJK symbols and full-width forms: always in the web font.
_EXTRA_RANGES = ((0x20, 0x7F), (0xA0, 0x100), (0x2000, 0x2070), (0x2100, 0x2200), (0x3000, 0x3040), (0xFF00, 0xFFF0))


def cjk_font_path() -> Path:
    """Path of the variable Noto Sans CJK collection installed by pip (never an OS font)."""
    import manimgx_fonts_cjk

    path = Path(manimgx_fonts_cjk.__file__).parent / "NotoSansCJK-VF.otf.ttc"
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: reinstall manimgx-fonts-cjk (pip install -r requirements.txt)")
    return path


def pil_font(size: int, *, bold: bool = False) -> ImageFont.FreeTypeFont:
    """A PIL face of Noto Sans CJK SC at Regular (or Bold) weight."""
    instance = BOLD_INSTANCE if bold else REGULAR_INSTANCE
    return ImageFont.truetype(str(cjk_font_path()), size=max(1, int(size)), index=(instance << 16) | SC_FACE_INDEX)


def write_fontconfig(cache_dir: Path) -> Path:
    """A fonts.conf that adds the pip font to the system ones; set FONTCONFIG_FILE to it for Chromium."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    conf = cache_dir / "fonts.conf"
    body = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{cjk_font_path().parent}</dir>\n  <cachedir>{cache_dir / 'fccache'}</cachedir>\n"
        "</fontconfig>\n"
    )
    if not conf.exists() or conf.read_text(encoding="utf-8") != body:
        conf.write_text(body, encoding="utf-8")
    return conf


def web_font_chars() -> set[int]:
    """Code points of the web font: all of GB2312 (6,763 Han) plus ASCII and CJK punctuation."""
    chars = {c for lo, hi in _EXTRA_RANGES for c in range(lo, hi)}
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes((high, low)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return chars


def build_web_font(destination: Path, *, chars: set[int] | None = None, weight: int = 400) -> Path:
    """Subset the SC face, pin its weight and save WOFF2 (about a minute for GB2312; run once)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    started = time.perf_counter()
    font = TTFont(str(cjk_font_path()), fontNumber=SC_FACE_INDEX)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=web_font_chars() if chars is None else chars)
    subsetter.subset(font)
    static = instancer.instantiateVariableFont(font, {"wght": weight})
    static.flavor = "woff2"
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_suffix(".partial")
    static.save(str(partial))
    partial.replace(destination)  # atomic: a half-written font is never served
    log.info("built %s in %.1f s", destination, time.perf_counter() - started)
    return destination


def ensure_web_font(static_dir: Path) -> Path:
    """The app theme's font file under static_dir/fonts/, built when missing (one builder at a time)."""
    import fcntl

    target = static_dir / "fonts" / WEB_FONT_NAME
    if target.is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # app threads and test workers wait for the first build
        return target if target.is_file() else build_web_font(target)


if __name__ == "__main__":  # `python -m analysis.fonts` prepares the web font (make setup step)
    logging.basicConfig(level=logging.INFO)
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    print(ensure_web_font(Path("static")))
