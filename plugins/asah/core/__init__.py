"""Shared building blocks: diagnostics, YAML with line numbers, front matter, URLs, strings."""
