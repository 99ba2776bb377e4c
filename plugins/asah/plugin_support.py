"""What the MkDocs plugins share: turning collected problems into log lines and stops."""

from __future__ import annotations

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
