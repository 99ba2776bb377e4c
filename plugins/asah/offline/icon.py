"""The installed app's icon, drawn at build time in the site's colour: a square of the theme
colour with a white (or black, on a light colour) mortarboard, Material's `school` icon, inside
the safe zone of a maskable icon. PNG, written with zlib only (no image library)."""

from __future__ import annotations

import struct
import zlib
from functools import lru_cache

# Material Design's "school" icon (24 × 24 units; straight lines only):
# M12 3 1 9l11 6 9-4.91V17h2V9M5 13.18v4L12 21l7-3.82v-4L12 17z
SCHOOL = (
    ((12, 3), (1, 9), (12, 15), (21, 10.09), (21, 17), (23, 17), (23, 9)),
    ((5, 13.18), (5, 17.18), (12, 21), (19, 17.18), (19, 13.18), (12, 17)),
)
SUBROWS = 4  # samples per pixel row (each row's coverage across is exact)
GLYPH = 0.56  # the glyph's share of the icon's width: well inside a maskable icon's safe zone


def hex_rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _spans(polygons: list[list[tuple[float, float]]], y: float) -> list[tuple[float, float]]:
    """Where the horizontal line at `y` is inside the shapes (even-odd rule)."""
    crossings = []
    for points in polygons:
        for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
            if (y0 <= y < y1) or (y1 <= y < y0):
                crossings.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
    crossings.sort()
    return list(zip(crossings[0::2], crossings[1::2], strict=False))


def _alpha_rows(size: int) -> list[bytes]:
    """How much of each pixel the glyph covers, 0..255, row by row."""
    scale = size * GLYPH / 24
    offset = (size - 24 * scale) / 2
    polygons = [[(offset + x * scale, offset + y * scale) for x, y in p] for p in SCHOOL]
    rows = []
    empty = bytes(size)
    for row in range(size):
        partial = [0.0] * (size + 1)  # coverage of the pixels a span starts or ends in
        whole = [0] * (size + 1)  # +1 where a run of fully covered pixels starts, -1 after it
        touched = False
        for sub in range(SUBROWS):
            for start, end in _spans(polygons, row + (sub + 0.5) / SUBROWS):
                start, end = max(start, 0.0), min(end, float(size))
                first, last = int(start), int(end)
                touched = True
                if first == last:
                    partial[first] += end - start
                    continue
                partial[first] += first + 1 - start
                whole[first + 1] += 1
                whole[last] -= 1
                partial[last] += end - last
        if not touched:
            rows.append(empty)
            continue
        alpha = bytearray(size)
        running = 0
        for x in range(size):
            running += whole[x]
            alpha[x] = min(255, round((running + partial[x]) * 255 / SUBROWS))
        rows.append(bytes(alpha))
    return rows


@lru_cache(maxsize=8)
def png(size: int, colour: str, ink: str) -> bytes:
    """A `size` × `size` PNG: the glyph in `ink` on `colour` (both "#rrggbb")."""
    back, fore = hex_rgb(colour), hex_rgb(ink)
    # alpha → each channel's value, applied to a whole row at once (bytes.translate)
    tables = [
        bytes(round(b + (f - b) * a / 255) for a in range(256))
        for b, f in zip(back, fore, strict=True)
    ]
    raw = bytearray()
    for alpha in _alpha_rows(size):
        line = bytearray(3 * size)
        for channel, table in enumerate(tables):
            line[channel::3] = alpha.translate(table)
        raw.append(0)  # no filter
        raw += line

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
        + chunk(b"IEND", b"")
    )
