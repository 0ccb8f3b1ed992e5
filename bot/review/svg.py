"""Small server-rendered SVG charts: no JavaScript, no library, no CDN.
Every label is escaped; the numbers are drawn as text next to the bars too."""

from __future__ import annotations

from typing import List, Sequence, Tuple

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BAR = 22
GAP = 6
LABEL_WIDTH = 230
WIDTH = 640
COLOR = "#1f6f5c"
MAX_COLUMN = 36  # a few days of data should not look like a wall


def _text(x: float, y: float, body: str, anchor: str = "start", size: int = 13) -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'fill="#1d2b27">{escape(body)}</text>')


def bars(title: str, items: Sequence[Tuple[str, float]], unit: str = "") -> SafeString:
    """Horizontal bars, largest first, with the value at the end of each bar."""
    if not items:
        return mark_safe(f'<p class="leeg">Nog geen gegevens voor "{escape(title)}".</p>')
    top = max(v for _, v in items) or 1
    height = len(items) * (BAR + GAP) + GAP
    room = WIDTH - LABEL_WIDTH - 60
    parts = [f'<svg role="img" aria-label="{escape(title)}" viewBox="0 0 {WIDTH} {height}" '
             f'width="100%" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for index, (label, value) in enumerate(items):
        y = GAP + index * (BAR + GAP)
        width = max(1.0, room * value / top)
        shown = label if len(label) <= 34 else label[:33] + "…"
        parts.append(_text(LABEL_WIDTH - 8, y + BAR * 0.7, shown, anchor="end"))
        parts.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width:.1f}" height="{BAR}" fill="{COLOR}" rx="3"/>')
        parts.append(_text(LABEL_WIDTH + width + 6, y + BAR * 0.7, f"{value:g}{unit}"))
    parts.append("</svg>")
    return mark_safe("".join(parts))


def columns(title: str, items: List[Tuple[str, float]], unit: str = "") -> SafeString:
    """Vertical columns over time (one per day), labelled at the start, middle and end."""
    if not items:
        return mark_safe(f'<p class="leeg">Nog geen gegevens voor "{escape(title)}".</p>')
    height, bottom, left = 220, 30, 40
    top = max(v for _, v in items) or 1
    step = (WIDTH - left - 10) / len(items)
    parts = [f'<svg role="img" aria-label="{escape(title)}" viewBox="0 0 {WIDTH} {height}" '
             f'width="100%" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
             _text(left - 6, 14, f"{top:g}{unit}", anchor="end", size=11),
             f'<line x1="{left}" y1="{height - bottom}" x2="{WIDTH - 10}" y2="{height - bottom}" stroke="#8a9a95"/>']
    usable = height - bottom - 10
    width = max(1.0, min(step - 2, MAX_COLUMN))
    for index, (label, value) in enumerate(items):
        h = usable * value / top
        x = left + index * step + (step - width) / 2 - 1
        parts.append(f'<rect x="{x + 1:.1f}" y="{height - bottom - h:.1f}" width="{width:.1f}" '
                     f'height="{h:.1f}" fill="{COLOR}"><title>{escape(label)}: {value:g}{unit}</title></rect>')
    for index in sorted({0, len(items) // 2, len(items) - 1}):
        parts.append(_text(left + index * step + step / 2, height - 10, items[index][0], anchor="middle", size=11))
    parts.append("</svg>")
    return mark_safe("".join(parts))
