"""Plotly figure builders (`*_figure`): DataFrame in, go.Figure out; Chinese labels live here."""
from __future__ import annotations

from html import escape

import pandas as pd
import plotly.graph_objects as go

FONT_FAMILY = "'Noto Sans SC', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"
ACCENT = "#b33a2a"
MUTED = "#7f8c99"
WORKFORCE_COLOR = "#b33a2a"
OTHER_COLOR = "#9fb3c8"
HEATMAP_SCALE = "Reds"
COLORWAY = ["#b33a2a", "#2a6f97", "#e08e45", "#0b6e4f", "#6d2e46", "#7f8c99"]

LABELS = {
    "word": "词语", "weight": "权重", "count": "频次", "section": "章节", "n_chars": "字数", "value": "数值",
    "subject": "统计对象", "unit": "单位", "article": "文章", "workforce": "劳动力相关", "other": "其他",
    "target": "目标值", "actual": "实际值", "effect_size": "效应量（对数比）", "n_statistics": "统计数据条数",
    "lead": "导语",
}


def plain(values) -> list[str]:
    """User strings for plotly, which reads a subset of HTML in labels: escape so they show as typed."""
    return [escape(str(v), quote=False) for v in values]


def _base_layout(figure: go.Figure, *, title: str | None, height: int) -> go.Figure:
    """Shared look: white template, CJK font, compact margins, horizontal legend."""
    figure.update_layout(
        template="plotly_white", height=height, title={"text": title or "", "x": 0, "font": {"size": 16}},
        font={"family": FONT_FAMILY, "size": 13, "color": "#1f2d3d"},
        margin={"l": 10, "r": 10, "t": 48 if title else 16, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        hoverlabel={"font": {"family": FONT_FAMILY}}, colorway=COLORWAY,
    )
    return figure


def empty_figure(message: str = "暂无数据", *, height: int = 240) -> go.Figure:
    """A blank figure carrying a centred message, for empty selections."""
    figure = go.Figure()
    figure.add_annotation(text=message, showarrow=False, font={"size": 16, "color": MUTED})
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    return _base_layout(figure, title=None, height=height)


def keywords_figure(df: pd.DataFrame, *, title: str | None = None, value_column: str = "weight") -> go.Figure:
    """Ranked horizontal bars, best keyword on top (columns: word, weight[, count])."""
    if df.empty:
        return empty_figure()
    ordered = df.iloc[::-1]
    figure = go.Figure(go.Bar(
        x=ordered[value_column], y=plain(ordered["word"]), orientation="h", marker_color=ACCENT,
        hovertemplate=f"%{{y}}<br>{LABELS.get(value_column, value_column)}：%{{x:.4g}}<extra></extra>",
    ))
    figure.update_xaxes(title=LABELS.get(value_column, value_column))
    figure.update_yaxes(automargin=True, tickfont={"size": 13})
    return _base_layout(figure, title=title, height=max(260, 26 * len(df) + 80))


def heatmap_figure(matrix: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Keyword (rows) × section (columns) heatmap of counts."""
    if matrix.empty:
        return empty_figure()
    figure = go.Figure(go.Heatmap(
        z=matrix.to_numpy(), x=plain(matrix.columns), y=plain(matrix.index),
        colorscale=HEATMAP_SCALE, colorbar={"title": LABELS["count"]},
        hovertemplate="%{y} · %{x}<br>频次：%{z}<extra></extra>",
    ))
    figure.update_yaxes(autorange="reversed", automargin=True)
    figure.update_xaxes(tickangle=-30, automargin=True)
    return _base_layout(figure, title=title, height=max(320, 24 * len(matrix) + 140))


def section_lengths_figure(df: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Characters per section (columns: section, n_chars)."""
    if df.empty:
        return empty_figure()
    figure = go.Figure(go.Bar(x=plain(df["section"]), y=df["n_chars"], marker_color=OTHER_COLOR,
                              hovertemplate="%{x}<br>字数：%{y}<extra></extra>"))
    figure.update_yaxes(title=LABELS["n_chars"])
    figure.update_xaxes(tickangle=-30, automargin=True)
    return _base_layout(figure, title=title, height=340)


def stacked_counts_figure(df: pd.DataFrame, *, category: str, title: str | None = None) -> go.Figure:
    """Statistics per category stacked workforce / other (columns: category, workforce, other)."""
    if df.empty:
        return empty_figure()
    figure = go.Figure([
        go.Bar(name=LABELS["workforce"], x=plain(df[category]), y=df["workforce"], marker_color=WORKFORCE_COLOR),
        go.Bar(name=LABELS["other"], x=plain(df[category]), y=df["other"], marker_color=OTHER_COLOR),
    ])
    figure.update_layout(barmode="stack")
    figure.update_yaxes(title=LABELS["n_statistics"])
    figure.update_xaxes(tickangle=-30, automargin=True)
    return _base_layout(figure, title=title, height=360)


def statistics_figure(df: pd.DataFrame, *, by: str = "subject", log_scale: bool = False,
                      title: str | None = None) -> go.Figure:
    """Each statistic as a bar grouped by `by` (subject/unit/section/article); targets hatched and labelled."""
    if df.empty:
        return empty_figure()
    figure = go.Figure()
    for is_target, name, pattern in ((False, LABELS["actual"], ""), (True, LABELS["target"], "/")):
        part = df[df["is_target"] == is_target]
        if part.empty:
            continue
        figure.add_trace(go.Bar(
            name=name, y=plain(part[by].fillna(LABELS["lead"])), x=part["value"], orientation="h",
            marker={"color": WORKFORCE_COLOR if not is_target else "#e08e45", "pattern": {"shape": pattern}},
            customdata=list(zip(plain(part["text"]), plain(part["unit"]))),
            hovertemplate="%{y}<br>%{customdata[0]}（%{x:,.4g} %{customdata[1]}）<extra></extra>",
        ))
    figure.update_layout(barmode="group")
    figure.update_xaxes(title=LABELS["value"], type="log" if log_scale else "linear")
    figure.update_yaxes(automargin=True, autorange="reversed")
    return _base_layout(figure, title=title, height=max(320, 24 * df[by].nunique() + 120))


def compare_keywords_figure(df: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Grouped bars of keyword weights per article (columns: word, article, weight)."""
    if df.empty:
        return empty_figure()
    figure = go.Figure([
        go.Bar(name=escape(str(article), quote=False), x=plain(part["word"]), y=part["weight"])
        for article, part in df.groupby("article", sort=False)
    ])
    figure.update_layout(barmode="group")
    figure.update_yaxes(title=LABELS["weight"])
    figure.update_xaxes(tickangle=-30, automargin=True)
    return _base_layout(figure, title=title, height=380)


def keyness_figure(df: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Distinctive terms by effect size (columns: word, effect_size[, section])."""
    if df.empty:
        return empty_figure()
    ordered = df.sort_values("effect_size")
    figure = go.Figure(go.Bar(x=ordered["effect_size"], y=plain(ordered["word"]), orientation="h",
                              marker_color=[ACCENT if v >= 0 else OTHER_COLOR for v in ordered["effect_size"]],
                              hovertemplate="%{y}<br>效应量：%{x:.2f}<extra></extra>"))
    figure.update_xaxes(title=LABELS["effect_size"])
    figure.update_yaxes(automargin=True)
    return _base_layout(figure, title=title, height=max(260, 24 * len(df) + 80))
