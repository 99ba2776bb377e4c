"""What Asah's MkDocs plugins share besides the build session: the mixin that keeps state
across the rebuilds of `mkdocs serve`, the event priority for HTML that goes in after search
indexing, and small helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
import jinja2.bccache
from mkdocs.plugins import event_priority

from .core.templates import keep_compiled
from .session import ServeMemory
from .theme.tags import use_quick_script_tag

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.plugins import BasePlugin
    from mkdocs.structure.files import Files

# on_page_context priority for HTML put in after the search plugin indexed the page (facts
# boxes, quizzes, lists of lessons): it is noise in search results and costs indexing time.
AFTER_SEARCH = -100
# on_files and on_nav priority: after plugins that change the files or the navigation (i18n
# at -100, which makes a build per language), so Asah reads the files and nav of the build.
READ_AFTER = -110


class ServeState:
    """Mixed into Asah's plugins, first: MkDocs keeps plugin instances across the rebuilds of
    one `mkdocs serve`, so what should survive a rebuild lives here; and what every plugin does
    to the theme's Jinja environment, whichever of them are on."""

    memory = ServeMemory()
    templates: TemplateCache | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        serving = command == "serve"
        self.memory = ServeMemory(serving=serving, dirty=dirty)
        self.templates = TemplateCache() if serving else None

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        use_quick_script_tag(env)  # Asah's script is on every page (theme/tags.py)
        return env


@event_priority(100)  # before other plugins' on_config: Material's search makes environments there
def keep_theme_compiled(plugin: BasePlugin, config: MkDocsConfig) -> None:
    """Every Jinja environment the build's theme makes keeps its compiled templates between
    builds: the one MkDocs draws pages with and the three Material's search plugin makes in its
    on_config to read its translations. An on_config handler of each plugin, beside its own
    (`CombinedEvent`)."""
    theme = config.theme
    if not getattr(plugin.config, "enabled", True) or isinstance(theme.get_env, _KeptCompiled):
        return  # off, or given already (by another of Asah's plugins)
    theme.get_env = _KeptCompiled(theme.get_env, getattr(plugin, "templates", None))  # type: ignore[method-assign]


@dataclass(frozen=True)
class _KeptCompiled:
    """The theme's `get_env`, with the environment given Asah's kept templates; in memory for a
    live preview where Asah's folder cannot be written."""

    make: Callable[[], jinja2.Environment]
    in_memory: TemplateCache | None

    def __call__(self) -> jinja2.Environment:
        env = self.make()
        if not keep_compiled(env) and self.in_memory is not None:
            env.bytecode_cache = self.in_memory
        return env


def watch_folder(server: LiveReloadServer, path: Path) -> LiveReloadServer:
    """Rebuild the preview when a file in `path`'s folder (outside docs_dir) changes."""
    folder = path if path.is_dir() else path.parent
    if folder.is_dir():
        server.watch(str(folder))
    return server


class TemplateCache(jinja2.BytecodeCache):
    """Compiled theme templates kept across the rebuilds of `mkdocs serve` (MkDocs makes a new
    Jinja environment for every build; compiling Material's templates again costs most of a
    second on each saved edit). Keyed by template and source checksum, so an edit shows."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
