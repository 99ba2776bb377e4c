"""What the MkDocs plugins share: turning collected problems into log lines and stops."""

from __future__ import annotations

from collections.abc import Callable

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from .core.diagnostics import Reporter, Severity


def report(reporter: Reporter, log: object) -> None:
    """Log each new warning once (so `--strict` counts it); stop when one is fatal."""
    for problem in reporter.take_new():
        if problem.severity is Severity.WARNING:
            log.warning(str(problem))  # type: ignore[attr-defined]
    fatal = reporter.fatal_problems
    if fatal:
        raise PluginError("\n".join(str(p) for p in fatal))


def fragment_markdown(config: MkDocsConfig) -> Callable[[str], str]:
    """Markdown → HTML for author text in data files, with the site's own extensions."""
    md = markdown.Markdown(
        extensions=list(config.markdown_extensions), extension_configs=config.mdx_configs
    )
    return lambda text: md.reset().convert(text)
