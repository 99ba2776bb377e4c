"""The web app manifest (`manifest.webmanifest` at the site root) and the colours it names,
from the site's name, description, language and theme palette."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .icon import hex_rgb

# Material's primary colours (`theme.palette.primary`), as its palette stylesheet sets them.
PRIMARY = {
    "red": "#ef5552",
    "pink": "#e92063",
    "purple": "#ab47bd",
    "deep-purple": "#7e56c2",
    "indigo": "#4051b5",
    "blue": "#2094f3",
    "light-blue": "#02a6f2",
    "cyan": "#00bdd6",
    "teal": "#009485",
    "green": "#4cae4f",
    "light-green": "#8bc34b",
    "lime": "#cbdc38",
    "yellow": "#ffec3d",
    "amber": "#ffc105",
    "orange": "#ffa724",
    "deep-orange": "#ff6e42",
    "brown": "#795649",
    "grey": "#757575",
    "blue-grey": "#546d78",
    "black": "#000000",
    "white": "#ffffff",
}
DEFAULT = PRIMARY["indigo"]  # Material's default primary colour
SHORT_NAME = 12  # characters a launcher shows under an icon without cutting the name
ICON_SIZES = (192, 512)
HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


def theme_colour(theme: Mapping[str, Any], given: str = "") -> str:
    """The colour of the installed app's title bar and icon: the setting when it is one
    (`#rrggbb`), else the primary colour of the theme's (first) palette."""
    if given and HEX.match(given):
        return given.lower()
    palette = theme.get("palette")
    if isinstance(palette, list):
        palette = palette[0] if palette else None
    primary = palette.get("primary") if isinstance(palette, Mapping) else None
    name = str(primary or "").strip().lower().replace(" ", "-")
    return PRIMARY.get(name, DEFAULT)


def ink(colour: str) -> str:
    """White or black, whichever reads better on `colour` (WCAG contrast)."""

    def luminance(rgb: tuple[int, int, int]) -> float:
        def channel(c: int) -> float:
            c /= 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(c) for c in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light = luminance(hex_rgb(colour))
    on_white = 1.05 / (light + 0.05)
    on_black = (light + 0.05) / 0.05
    return "#ffffff" if on_white >= on_black else "#000000"


def short_name(name: str, given: str = "") -> str:
    """The name under the icon: the setting, else the site's name when short, else its first
    words that fit (`Asah Kompetensi ASN` → `Asah`)."""
    if given.strip():
        return given.strip()
    name = " ".join(name.split())
    if len(name) <= SHORT_NAME:
        return name
    words, short = name.split(" "), ""
    for word in words:
        longer = f"{short} {word}".strip()
        if len(longer) > SHORT_NAME:
            break
        short = longer
    return short or name[:SHORT_NAME]


def icon_uri(size: int) -> str:
    return f"assets/asah/offline/icon-{size}.png"


def manifest(name: str, short: str, description: str, language: str, colour: str) -> dict[str, Any]:
    """The manifest; its URLs are relative to it (it is at the site root)."""
    icons: list[dict[str, str]] = [
        {"src": icon_uri(size), "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
        for size in ICON_SIZES
    ]
    # the glyph sits inside the safe zone, so the largest icon may be cut to any shape
    icons.append({**icons[-1], "purpose": "maskable"})
    found: dict[str, Any] = {
        "name": name,
        "short_name": short,
        "lang": language,
        "dir": "ltr",
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": colour,
        "icons": icons,
    }
    if description:
        found["description"] = description
    return found
