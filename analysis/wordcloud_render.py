"""Word clouds: a deterministic layout (wordcloud's integral-image search) drawn as PIL image or SVG."""
from __future__ import annotations

import base64
import io
import math
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path
from random import Random

import numpy as np
from PIL import Image, ImageDraw, ImageFont
from wordcloud.wordcloud import IntegralOccupancyMap

from analysis import fonts

SHAPES = ("rectangle", "circle", "rounded", "star", "cloud")
PALETTES: dict[str, tuple[str, ...]] = {
    "ink": ("#1f2d3d", "#34495e", "#4a6572", "#6b7b8c", "#8c1c13"),
    "vermilion": ("#8c1c13", "#b33a2a", "#d1603d", "#e08e45", "#6d2e46"),
    "jade": ("#0b6e4f", "#08a045", "#2a9d8f", "#264653", "#6a994e"),
    "vivid": ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf"),
}
BACKGROUND = "#ffffff"


@dataclass(frozen=True)
class PlacedWord:
    word: str
    weight: float
    font_size: int
    x: int  # left edge, pixels
    y: int  # top edge (ascender line), pixels
    color: str


@dataclass(frozen=True)
class CloudLayout:
    width: int
    height: int
    words: tuple[PlacedWord, ...]
    background: str = BACKGROUND


def shape_mask(shape: str, *, width: int, height: int) -> np.ndarray | None:
    """Boolean array, True where words may NOT go; None for the plain rectangle."""
    if shape not in SHAPES:
        raise ValueError(f"unknown shape {shape!r}; choose one of {', '.join(SHAPES)}")
    if shape == "rectangle":
        return None
    ys, xs = np.mgrid[0:height, 0:width]
    cx, cy, r = width / 2, height / 2, min(width, height) / 2 * 0.96
    if shape == "circle":
        inside = ((xs - cx) / (width / 2 * 0.98)) ** 2 + ((ys - cy) / (height / 2 * 0.98)) ** 2 <= 1
    elif shape == "rounded":
        radius = min(width, height) * 0.18
        dx = np.clip(np.abs(xs - cx) - (width / 2 - radius), 0, None)
        dy = np.clip(np.abs(ys - cy) - (height / 2 - radius), 0, None)
        inside = dx**2 + dy**2 <= radius**2
    elif shape == "star":
        inside = _star(xs - cx, ys - cy, outer=r, inner=r * 0.45)
    else:
        inside = _cloud(xs, ys, width=width, height=height)
    return ~inside


def _star(x: np.ndarray, y: np.ndarray, *, outer: float, inner: float) -> np.ndarray:
    """Five-pointed star: radius bound interpolated between the inner and outer vertices."""
    angle = (np.arctan2(x, -y) % (2 * math.pi / 5)) / (2 * math.pi / 5)  # 0..1 within one point
    t = np.abs(angle - 0.5) * 2  # 1 at the tips, 0 between them
    # Straight edges between tip and notch: the polar radius of a line through two points.
    tip, notch = np.array([0.0, outer]), np.array([math.sin(math.pi / 5) * inner, math.cos(math.pi / 5) * inner])
    theta = (1 - t) * math.pi / 5
    normal = np.array([notch[1] - tip[1], -(notch[0] - tip[0])])
    offset = normal @ tip
    bound = offset / (normal[0] * np.sin(theta) + normal[1] * np.cos(theta))
    return np.hypot(x, y) <= bound


def _cloud(xs: np.ndarray, ys: np.ndarray, *, width: int, height: int) -> np.ndarray:
    """A cumulus: a flat base and a few overlapping puffs."""
    puffs = ((0.30, 0.58, 0.22), (0.50, 0.42, 0.28), (0.70, 0.56, 0.22), (0.40, 0.66, 0.2), (0.62, 0.68, 0.2))
    scale = min(width, height * 1.6)
    inside = np.zeros(xs.shape, dtype=bool)
    for px, py, pr in puffs:
        inside |= (xs - px * width) ** 2 + (ys - py * height) ** 2 <= (pr * scale) ** 2
    return inside & (ys <= 0.84 * height)


def mask_from_png(data: bytes, *, width: int) -> np.ndarray:
    """Mask from an uploaded picture: transparent or light pixels are blocked, dark/opaque ones take words."""
    image = Image.open(io.BytesIO(data))
    image.load()
    height = max(1, round(image.height * width / max(1, image.width)))
    image = image.resize((width, height))
    if "A" in image.getbands():
        return np.asarray(image.getchannel("A")) < 128
    return np.asarray(image.convert("L")) >= 128


def layout_cloud(frequencies: Mapping[str, float], *, width: int = 800, height: int = 500,
                 mask: np.ndarray | None = None, palette: str = "ink", max_words: int = 100,
                 seed: int = 7, margin: int = 4, min_font_size: int = 10) -> CloudLayout:
    """Place words largest first; empty frequencies give an empty layout."""
    if palette not in PALETTES:
        raise ValueError(f"unknown palette {palette!r}; choose one of {', '.join(PALETTES)}")
    if mask is not None:
        height, width = mask.shape
    items = sorted(((w, float(f)) for w, f in frequencies.items() if f > 0 and w.strip()), key=lambda p: -p[1])
    items = items[:max_words]
    if not items:
        return CloudLayout(width, height, ())
    blocked = None if mask is None else mask.astype(np.uint32) * 255
    occupancy = IntegralOccupancyMap(height, width, None if mask is None else mask.astype(np.uint32))
    canvas = Image.new("L", (width, height))
    draw = ImageDraw.Draw(canvas)
    rng, colors, cache = Random(seed), PALETTES[palette], {}
    top = items[0][1]
    start = size = _start_size(items, width=width, height=height)
    placed = []
    for rank, (word, weight) in enumerate(items):
        # Font size follows the weight (square-root damped), never above the last word's: bigger did not fit.
        size = min(size, max(min_font_size, int(start * (0.25 + 0.75 * math.sqrt(weight / top)))))
        spot = None
        while size >= min_font_size:
            font = cache[size] if size in cache else cache.setdefault(size, fonts.pil_font(size))
            box = draw.textbbox((0, 0), word, font=font, anchor="la")
            spot = occupancy.sample_position(box[3] + margin, box[2] + margin, rng)
            if spot is not None:
                break
            size -= max(1, size // 12)
        if spot is None:
            break
        row, col = int(spot[0]) + margin // 2, int(spot[1]) + margin // 2
        draw.text((col, row), word, fill=255, font=font, anchor="la")
        state = np.asarray(canvas, dtype=np.uint32)
        occupancy.update(state if blocked is None else state + blocked, row, col)
        color = colors[rank] if rank < min(3, len(colors)) else rng.choice(colors)
        placed.append(PlacedWord(word, weight, size, col, row, color))
    return CloudLayout(width, height, tuple(placed))


def _start_size(items: list[tuple[str, float]], *, width: int, height: int) -> int:
    """Largest font that lets the top word span at most ~60% of the width."""
    longest = max(1, len(items[0][0]))
    return max(12, min(int(height * 0.28), int(width * 0.6 / longest)))


def render_image(layout: CloudLayout, *, scale: int = 1) -> Image.Image:
    """Draw a layout as an RGB PIL image (scale 2 for a crisp download)."""
    image = Image.new("RGB", (layout.width * scale, layout.height * scale), layout.background)
    draw = ImageDraw.Draw(image)
    cache: dict[int, ImageFont.FreeTypeFont] = {}
    for placed in layout.words:
        size = placed.font_size * scale
        font = cache[size] if size in cache else cache.setdefault(size, fonts.pil_font(size))
        draw.text((placed.x * scale, placed.y * scale), placed.word, fill=placed.color, font=font, anchor="la")
    return image


def render_svg(layout: CloudLayout, *, embed_font: bool = True) -> str:
    """The layout as standalone SVG; with embed_font, a WOFF2 subset of just these characters is inlined."""
    style = ""
    if embed_font and layout.words:
        chars = {ord(c) for p in layout.words for c in p.word}
        data = base64.b64encode(_subset_woff2(chars)).decode("ascii")
        style = (f"<style>@font-face{{font-family:'WenYanCloud';src:url(data:font/woff2;base64,{data}) "
                 "format('woff2');}</style>")
    family = "'WenYanCloud','Noto Sans CJK SC','Noto Sans SC',sans-serif"
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{layout.width}" height="{layout.height}" '
             f'viewBox="0 0 {layout.width} {layout.height}">', style,
             f'<rect width="100%" height="100%" fill="{layout.background}"/>']
    for placed in layout.words:
        ascent = fonts.pil_font(placed.font_size).getmetrics()[0]
        parts.append(f'<text x="{placed.x}" y="{placed.y + ascent}" font-size="{placed.font_size}" '
                     f'font-family="{family}" fill="{placed.color}">{escape(placed.word)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _subset_woff2(chars: set[int]) -> bytes:
    """Regular-weight WOFF2 holding only `chars` (small, so instancing takes well under a second)."""
    with tempfile.TemporaryDirectory() as folder:
        return fonts.build_web_font(Path(folder) / "cloud.woff2", chars=chars).read_bytes()
