"""The report's pictures, drawn as inline SVG (no script, no request): a heat map of learners per
competency and level, and a histogram of JP. Each is an image with a name; the table beside it
holds the same numbers for screen readers and for anyone who prefers to read. Every text is
escaped."""

from __future__ import annotations

from markupsafe import escape

# light to dark; text on each is whichever of near-black and white contrasts more
PALETTE = ("#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#2171b5", "#08519c")
INK, PAPER = "#1a1a1a", "#ffffff"
HATCH = (
    '<pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"></rect>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#8a8a8a" stroke-width="2"></line></pattern>'
)


def _luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


NOTHING = "#e6e6e6"  # a level the course has no lesson for


def fill(share: float) -> tuple[str, str]:
    """The colour of a cell holding `share` (0–1; below 0: nothing to reach), and the colour
    of its text."""
    if share < 0:
        return NOTHING, INK
    colour = PALETTE[min(len(PALETTE) - 1, int(share * len(PALETTE)))]
    return colour, INK if contrast(colour, INK) >= contrast(colour, PAPER) else PAPER


def _short(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def heat_map(
    id: str,
    title: str,
    rows: list[str],
    columns: list[str],
    cells: list[list[tuple[str, float | None]]],
) -> str:
    """`cells[r][c]`: the text shown and the share it colours by (None: hidden by privacy,
    drawn hatched; below 0: no lesson at that level, drawn grey)."""
    label_w, cell_w, cell_h, head_h = 250, 76, 28, 30
    width = label_w + cell_w * len(columns)
    height = head_h + cell_h * len(rows)
    out = [
        f'<svg class="report-picture" role="img" aria-labelledby="{id}-title" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">',
        f'<title id="{id}-title">{escape(title)}</title>',
        f"<defs>{HATCH.format(id=id + '-hatch')}</defs>",
    ]
    for c, column in enumerate(columns):
        x = label_w + c * cell_w + cell_w / 2
        out.append(
            f'<text x="{x:g}" y="{head_h - 10}" text-anchor="middle" class="report-svg-head">'
            f"{escape(column)}</text>"
        )
    for r, row in enumerate(rows):
        y = head_h + r * cell_h
        out.append(
            f'<text x="{label_w - 8}" y="{y + cell_h / 2 + 4:g}" text-anchor="end">'
            f"{escape(_short(row))}</text>"
        )
        for c, (text, share) in enumerate(cells[r]):
            x = label_w + c * cell_w
            colour, ink = (f"url(#{id}-hatch)", INK) if share is None else fill(share)
            out.append(
                f'<rect x="{x + 1}" y="{y + 1}" width="{cell_w - 2}" height="{cell_h - 2}" '
                f'fill="{colour}" stroke="#8a8a8a" stroke-width="0.5"></rect>'
                f'<text x="{x + cell_w / 2:g}" y="{y + cell_h / 2 + 4:g}" text-anchor="middle" '
                f'fill="{ink}">{escape(text)}</text>'
            )
    out.append("</svg>")
    return "".join(out)


def histogram(
    id: str,
    title: str,
    bars: list[tuple[str, int | None, str]],
    highlight: int | None = None,
) -> str:
    """`bars`: (label under the bar, count or None when hidden, text over the bar); the bar at
    `highlight` (the yearly target reached) is drawn darker."""
    bar_w, gap, plot_h, top, bottom, left = 84, 14, 180, 24, 42, 12
    width = left * 2 + len(bars) * (bar_w + gap)
    height = top + plot_h + bottom
    most = max([n for _, n, _ in bars if n] or [1])
    out = [
        f'<svg class="report-picture" role="img" aria-labelledby="{id}-title" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">',
        f'<title id="{id}-title">{escape(title)}</title>',
        f"<defs>{HATCH.format(id=id + '-hatch')}</defs>",
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - left}" y2="{top + plot_h}" '
        'stroke="#5a5a5a"></line>',
    ]
    for i, (label, count, text) in enumerate(bars):
        x = left + i * (bar_w + gap) + gap / 2
        h = plot_h * 0.08 if count is None else plot_h * count / most
        colour = PALETTE[6] if i == highlight else PALETTE[5]
        paint = f"url(#{id}-hatch)" if count is None else colour
        y = top + plot_h - h
        out.append(
            f'<rect x="{x:g}" y="{y:g}" width="{bar_w}" height="{h:g}" fill="{paint}" '
            'stroke="#5a5a5a" stroke-width="0.5"></rect>'
            f'<text x="{x + bar_w / 2:g}" y="{y - 6:g}" text-anchor="middle">{escape(text)}</text>'
            f'<text x="{x + bar_w / 2:g}" y="{top + plot_h + 18}" text-anchor="middle">'
            f"{escape(label)}</text>"
        )
    out.append("</svg>")
    return "".join(out)
