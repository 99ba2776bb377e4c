"""Asah: competency-based courses as static sites (MkDocs plugins + Markdown extensions)."""

__version__ = "0.1.0"
