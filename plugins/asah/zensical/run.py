"""`asah build --engine zensical` and `asah serve --engine zensical`: prepare the course
(stage.py), then run Zensical in this process with Asah's Markdown extension active."""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
import time
from pathlib import Path
from typing import Any, TextIO

from .. import theme
from ..preview import banner as preview
from ..search.collect import index_built_site
from ..site.read import ReadCaches
from . import extension
from .stage import Stage, _plugin_options, prepare, watched, write

INSTALL = "Zensical is not installed: pip install 'asah[zensical]'"


def _zensical() -> Any:
    import zensical  # the engine is an optional dependency (pip install 'asah[zensical]')

    return zensical


def _markdown_of(stage: Stage) -> tuple[list[Any], dict[str, Any]]:
    """The site's Markdown extensions as Zensical reads them (with `!!python/name` values),
    for author text in data files; Asah's own left out."""
    try:
        from zensical.config import parse_config

        parsed = parse_config(str(stage.config))
        names = [e for e in parsed["markdown_extensions"] if not str(e).startswith("asah.")]
        return names, dict(parsed["mdx_configs"])
    except Exception:  # Zensical's config reader is not a public API: fall back to names
        data = stage.course.data.get("markdown_extensions") or []
        names = [e if isinstance(e, str) else next(iter(e)) for e in data]
        return [n for n in names if isinstance(n, str)], {}


def _report(problems: list[str], out: TextIO) -> int:
    for problem in problems:
        print(problem, file=out)
    return 1 if problems else 0


def _start(
    command: str, config_file: Path, caches: ReadCaches | None, out: TextIO, err: TextIO
) -> tuple[Any, Stage, extension.Active] | int:
    """Zensical, and the course prepared and active; or the exit status when it cannot be."""
    try:
        zensical = _zensical()
    except ImportError:
        print(f"asah {command}: {INSTALL}", file=err)
        return 2
    stage = prepare(config_file, caches)
    if stage.problems:
        if command != "serve":
            return _report(stage.problems, out)
        _report(stage.problems, out)  # the preview starts all the same, and shows them
        stage.banner = _banner(stage)
    write(stage)
    return zensical, stage, extension.activate(stage, *_markdown_of(stage))


def build(config_file: Path, site_dir: str | None, out: TextIO, err: TextIO) -> int:
    started = _start("build", config_file, None, out, err)
    if isinstance(started, int):
        return started
    zensical, stage, active = started
    zensical.build(str(stage.config.resolve()), {"clean": True, "strict": False})
    problems = active.reporter.messages()
    if problems:
        return _report(problems, out)
    if stage.site.has("search"):
        index_built_site(stage.site, stage.site_dir)
    if stage.site.has("competencies"):  # as the MkDocs route's competencies plugin does
        _theme_words(stage)
    if stage.site.has("offline"):  # Zensical runs no plugins: after its build
        _installable(stage)
    settings = stage.site.settings
    target = settings.root / (site_dir or str(stage.course.data.get("site_dir") or "site"))
    _replace(target, stage.site_dir)
    return 0


def _theme_words(stage: Stage) -> None:
    """The theme's header, footer and credit in the site's language, in every written page."""
    t = stage.site.strings
    words = (t("theme_header"), t("theme_footer"), t("theme_made_with"))
    for path in stage.site_dir.rglob("*.html"):
        text = path.read_text("utf-8")
        changed = theme.chrome_in_language(text, *words)
        if changed != text:
            path.write_text(changed, "utf-8")


def _installable(stage: Stage) -> None:
    """The manifest's tags in every page, the service worker and its files (asah/offline)."""
    from ..offline import outputs

    data = stage.course.data
    look = outputs.look_of(
        str(data.get("site_name") or ""),
        str(data.get("site_description") or ""),
        data.get("theme"),
        _plugin_options(data, "asah/offline"),
    )
    outputs.add_to_built_site(stage.site, stage.site_dir, look)


def _replace(target: Path, built: Path) -> None:
    """Put the built site where the author's config says, replacing the last one."""
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(built, target)
    except OSError:  # another file system
        shutil.move(str(built), str(target))


def serve(config_file: Path, dev_addr: str | None, out: TextIO, err: TextIO) -> int:
    caches = ReadCaches()
    started = _start("serve", config_file, caches, out, err)
    if isinstance(started, int):
        return started
    zensical, stage, _ = started
    watcher = threading.Thread(
        target=_watch, args=(config_file, stage, caches, out), daemon=True, name="asah-watch"
    )
    watcher.start()
    options = {"dev_addr": dev_addr, "open": False, "strict": False}
    with contextlib.suppress(KeyboardInterrupt):
        zensical.serve(str(stage.config.resolve()), options)
    return 0


def _banner(stage: Stage) -> str:
    problems = [preview.problem_of(message) for message in stage.problems]
    return preview.render(problems, stage.site.strings)


def _snapshot(paths: list[Path]) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    for path in paths:
        if path.is_file():
            stat = path.stat()
            found[str(path)] = (stat.st_mtime_ns, stat.st_size)
            continue
        for directory, folders, files in os.walk(path):
            folders[:] = [d for d in folders if not d.startswith(".")]
            for name in files:
                file = os.path.join(directory, name)
                try:
                    stat = os.stat(file)
                except OSError:
                    continue
                found[file] = (stat.st_mtime_ns, stat.st_size)
    return found


def _reindex(stage: Stage, before: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Zensical writes the pages it rebuilt: index them again once it has (search pages are
    read from the written site, as `asah build` does)."""
    if not stage.site.has("search") or not stage.site_dir.is_dir():
        return before
    now = {k: v for k, v in _snapshot([stage.site_dir]).items() if k.endswith(".html")}
    if now and now != before:
        with contextlib.suppress(OSError):  # a page being written: next round
            index_built_site(stage.site, stage.site_dir)
    return now


def _watch(config_file: Path, stage: Stage, caches: ReadCaches, out: TextIO) -> None:
    """Prepare again when an author file changes; Zensical sees the changed copies and
    reloads the pages they make. A course with problems keeps the last good preview, with the
    problems in a banner on every page."""
    seen = _snapshot(watched(stage))
    pages: dict[str, tuple[int, int]] = {}
    while True:
        time.sleep(0.4)
        pages = _reindex(stage, pages)
        now = _snapshot(watched(stage))
        if now == seen:
            continue
        seen = now
        try:
            fresh = prepare(config_file, caches)
        except Exception as error:  # the preview goes on; the problem is shown
            print(f"asah serve: {error}", file=out, flush=True)
            continue
        if fresh.problems:
            _report(fresh.problems, out)
            out.flush()
            banner = _banner(fresh)
            if banner != stage.banner:
                stage.banner = banner
                write(stage)
            continue
        extension.activate(fresh, *_markdown_of(fresh))
        write(fresh)
        stage = fresh
