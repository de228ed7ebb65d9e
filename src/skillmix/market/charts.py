"""Small SVG charts written by hand: they render offline, in any browser, with no library.

A market report needs three shapes: horizontal bars (top skills, area shares), a line over
months (trends) and a heat map (area mix by title family). Each function returns one
self-contained ``<svg>`` string with a ``<title>`` and ``role="img"`` for screen readers.
All text is escaped.
"""

from __future__ import annotations

from html import escape
from typing import Sequence

__all__ = ["bar_chart", "heatmap", "line_chart"]

_PALETTE = ("#2f6db3", "#d9822b", "#3a9b5c", "#b34a4a", "#7a5cb3", "#5c8a99")


def _fmt(v: float, percent: bool) -> str:
    return f"{v * 100:.1f}%" if percent else (f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}")


#: average width of a character at font size 12 (sans-serif), for sizing label margins
_CHAR_PX = 6.6
#: the longest label shown whole; a longer one is cut at a word end, the full text in a tooltip
_LABEL_MAX = 72


def _label(text: str, limit: int = _LABEL_MAX) -> str:
    """A chart label as SVG ``<text>`` content: whole when it fits, else cut at a word end
    with an ellipsis and the whole label as its ``<title>`` (a tooltip)."""
    if len(text) <= limit:
        return escape(text)
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:(") or text[:limit]
    return f"<title>{escape(text)}</title>{escape(cut)}…"


def bar_chart(labels: Sequence[str], values: Sequence[float], title: str, *,
              percent: bool = False, width: int = 640) -> str:
    """Horizontal bars, in the order given. The label margin widens to the longest label
    (up to :data:`_LABEL_MAX` characters), so labels are not cut where space allows."""
    n = len(labels)
    longest = max((min(len(lab), _LABEL_MAX + 1) for lab in labels), default=0)
    row, right, top = 22, 70, 30
    left = max(230, int(longest * _CHAR_PX) + 12)
    width = max(width, left + right + 340, int(len(title) * 7.8) + 8)
    height = top + max(n, 1) * row + 10
    vmax = max([float(v) for v in values] + [1e-9])
    plot = width - left - right
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
             f"<title>{escape(title)}</title>",
             f'<text x="4" y="18" font-size="14" font-weight="bold">{escape(title)}</text>']
    if not n:
        parts.append(f'<text x="{left}" y="{top + 14}" fill="#666">no data</text>')
    for i, (lab, v) in enumerate(zip(labels, values)):
        y = top + i * row
        w = max(1.0, plot * float(v) / vmax)
        parts.append(f'<text x="{left - 6}" y="{y + 14}" text-anchor="end">{_label(lab)}</text>')
        parts.append(f'<rect x="{left}" y="{y + 3}" width="{w:.1f}" height="{row - 6}" fill="{_PALETTE[0]}"/>')
        parts.append(f'<text x="{left + w + 4:.1f}" y="{y + 14}">{escape(_fmt(float(v), percent))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def line_chart(xs: Sequence[str], series: dict[str, Sequence[float]], title: str, *,
               percent: bool = True, width: int = 640, height: int = 260) -> str:
    """One line per series over categorical x values (months), with a legend."""
    left, right, top, bottom = 50, 20, 30, 50
    plot_w, plot_h = width - left - right, height - top - bottom
    vals = [float(v) for s in series.values() for v in s]
    vmax = max(vals + [1e-9])
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
             f"<title>{escape(title)}</title>",
             f'<text x="4" y="18" font-size="14" font-weight="bold">{escape(title)}</text>',
             f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#999"/>',
             f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#999"/>',
             f'<text x="{left - 4}" y="{top + 4}" text-anchor="end">{escape(_fmt(vmax, percent))}</text>',
             f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end">0</text>']
    n = len(xs)
    if n == 0:
        parts.append(f'<text x="{left + 10}" y="{top + 20}" fill="#666">no dated postings</text>')

    def px(i: int) -> float:
        return left + (plot_w * (i + 0.5) / n if n else 0)

    step = max(1, n // 12)
    for i, x in enumerate(xs):
        if i % step == 0:
            parts.append(f'<text x="{px(i):.1f}" y="{top + plot_h + 16}" text-anchor="middle">{escape(x)}</text>')
    for k, (name, ys) in enumerate(series.items()):
        color = _PALETTE[k % len(_PALETTE)]
        pts = " ".join(f"{px(i):.1f},{top + plot_h - plot_h * float(y) / vmax:.1f}" for i, y in enumerate(ys))
        if len(ys) > 1:
            parts.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" points="{pts}"/>')
        for i, y in enumerate(ys):
            parts.append(f'<circle cx="{px(i):.1f}" cy="{top + plot_h - plot_h * float(y) / vmax:.1f}" r="3" fill="{color}"/>')
        lx = left + k * 180
        parts.append(f'<rect x="{lx}" y="{height - 16}" width="10" height="10" fill="{color}"/>')
        parts.append(f'<text x="{lx + 14}" y="{height - 7}">{escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def heatmap(rows: Sequence[str], cols: Sequence[str], values: dict[tuple[str, str], float],
            title: str, *, width: int | None = None) -> str:
    """A grid of shares (0..1): rows x cols, darker is larger, the value in each cell."""
    cell_w, cell_h, top = 78, 22, 125
    left = max(150, int(max((min(len(r), _LABEL_MAX + 1) for r in rows), default=0) * _CHAR_PX * 11 / 12) + 12)
    w = width or left + cell_w * max(len(cols), 1) + 120
    h = top + cell_h * max(len(rows), 1) + 10
    vmax = max(list(values.values()) + [1e-9])
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{w}" height="{h}" '
             f'viewBox="0 0 {w} {h}" font-family="sans-serif" font-size="11">',
             f"<title>{escape(title)}</title>",
             f'<text x="4" y="16" font-size="14" font-weight="bold">{escape(title)}</text>']
    for j, c in enumerate(cols):
        x = left + j * cell_w + cell_w / 2
        parts.append(f'<text transform="translate({x:.1f},{top - 6}) rotate(-35)">{_label(c, 30)}</text>')
    for i, r in enumerate(rows):
        y = top + i * cell_h
        parts.append(f'<text x="{left - 6}" y="{y + 15}" text-anchor="end">{_label(r)}</text>')
        for j, c in enumerate(cols):
            v = values.get((r, c), 0.0)
            alpha = 0.08 + 0.92 * (v / vmax)
            fg = "#fff" if alpha > 0.55 else "#222"
            x = left + j * cell_w
            parts.append(f'<rect x="{x}" y="{y}" width="{cell_w - 2}" height="{cell_h - 2}" '
                         f'fill="{_PALETTE[0]}" fill-opacity="{alpha:.2f}"/>')
            parts.append(f'<text x="{x + cell_w / 2 - 1:.1f}" y="{y + 15}" text-anchor="middle" '
                         f'fill="{fg}">{v * 100:.0f}%</text>')
    parts.append("</svg>")
    return "".join(parts)
