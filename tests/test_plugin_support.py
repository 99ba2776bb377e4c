"""What every Asah plugin does to a build besides its feature: the theme's environments keep
their compiled templates, also those Material's search plugin makes in its on_config."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import jinja2
import pytest
from mkdocs.config import load_config

from asah.core import templates
from tests.conftest import MINIMAL_CONFIG, build_tree, write_tree

COURSE = {
    "mkdocs.yml": MINIMAL_CONFIG,
    "content/index.md": "# Beranda\n\nSelamat datang.\n",
}


@pytest.fixture
def compiled(monkeypatch) -> Counter[str]:
    """The names of the templates Jinja compiles from now on."""
    names: Counter[str] = Counter()
    compile_source = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        names[name] += 1
        return compile_source(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return names


def test_a_build_after_the_first_compiles_none_of_the_theme_templates(
    tmp_path: Path, compiled: Counter[str], monkeypatch
):
    kept = templates._CompiledTemplates(str(tmp_path / "kept"), "%s.jinja")
    (tmp_path / "kept").mkdir()
    monkeypatch.setattr(templates, "_bytecode_cache", lambda: kept)  # as on a fresh machine
    write_tree(tmp_path, COURSE)
    assert build_tree(tmp_path, strict=True).error is None
    first = sum(compiled.values())
    compiled.clear()
    assert build_tree(tmp_path, strict=True).error is None
    # Material's search reads its translations through three environments of its own in its
    # on_config: they are given the same kept templates (before, compiled at every build)
    assert compiled["partials/language.html"] == 0
    assert compiled["partials/languages/en.html"] == 0
    assert compiled["main.html"] == compiled["base.html"] == 0
    assert sum(compiled.values()) == 0 < first


def test_every_environment_of_the_theme_keeps_compiled_templates(tmp_path: Path):
    write_tree(tmp_path, COURSE)
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    env = config.theme.get_env()
    assert isinstance(env.bytecode_cache, templates._CompiledTemplates)
    assert config.theme.get_env() is not env  # still a new environment each time


def test_a_theme_with_asah_turned_off_is_left_as_it_is(tmp_path: Path):
    off = MINIMAL_CONFIG.replace(
        "  - asah/competencies\n  - asah/quiz\n",
        "  - asah/competencies:\n      enabled: false\n  - asah/quiz:\n      enabled: false\n",
    )
    write_tree(tmp_path, {**COURSE, "mkdocs.yml": off})
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    assert "get_env" not in vars(config.theme)
    assert config.theme.get_env().bytecode_cache is None


def test_a_preview_keeps_them_in_memory_where_asah_cannot_write(tmp_path: Path, monkeypatch):
    from asah.plugin_support import TemplateCache

    monkeypatch.setattr(templates, "_bytecode_cache", lambda: None)  # a read-only installation
    write_tree(tmp_path, COURSE)
    for command, kept in (("serve", TemplateCache), ("build", type(None))):
        config = load_config(str(tmp_path / "mkdocs.yml"))
        config.plugins.on_startup(command=command, dirty=False)
        config = config.plugins.on_config(config)
        first, second = config.theme.get_env(), config.theme.get_env()
        assert isinstance(first.bytecode_cache, kept)
        assert first.bytecode_cache is second.bytecode_cache  # kept across rebuilds
