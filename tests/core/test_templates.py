"""Asah's Jinja templates, compiled once and kept beside them."""

from pathlib import Path

import jinja2

from asah.core import templates


def test_compiled_templates_are_kept_and_used(tmp_path: Path):
    loader = jinja2.DictLoader({"page.html": "<p>{{ word }}</p>"})
    cache = templates._CompiledTemplates(str(tmp_path), "%s.jinja")
    first = jinja2.Environment(loader=loader, autoescape=True, bytecode_cache=cache)
    assert first.get_template("page.html").render(word="<b>") == "<p>&lt;b&gt;</p>"
    assert len(list(tmp_path.glob("*.jinja"))) == 1
    again = jinja2.Environment(loader=loader, autoescape=True, bytecode_cache=cache)
    assert again.get_template("page.html").render(word="Halo") == "<p>Halo</p>"


def test_a_folder_that_cannot_be_written_only_costs_the_compiling(tmp_path: Path):
    cache = templates._CompiledTemplates(str(tmp_path / "missing"), "%s.jinja")
    env = jinja2.Environment(
        loader=jinja2.DictLoader({"a.html": "{{ 1 + 1 }}"}), bytecode_cache=cache
    )
    assert env.get_template("a.html").render() == "2"


def test_a_copy_is_used_only_with_the_same_environment_settings(tmp_path: Path):
    """Jinja compiles escaping (and delimiters, extensions) into the code: an environment with
    other settings compiles its own copy of the same template."""
    loader = jinja2.DictLoader({"page.html": "<p>{{ word }}</p>"})
    cache = templates._CompiledTemplates(str(tmp_path), "%s.jinja")
    escaped = jinja2.Environment(loader=loader, autoescape=True, bytecode_cache=cache)
    assert escaped.get_template("page.html").render(word="<b>") == "<p>&lt;b&gt;</p>"
    raw = jinja2.Environment(loader=loader, autoescape=False, bytecode_cache=cache)
    assert raw.get_template("page.html").render(word="<b>") == "<p><b></p>"
    with_ext = jinja2.Environment(
        loader=loader, bytecode_cache=cache, extensions=["jinja2.ext.loopcontrols"]
    )
    assert with_ext.get_template("page.html").render(word="<i>") == "<p><i></p>"
    assert len(list(tmp_path.glob("*.jinja"))) == 3
    again = jinja2.Environment(loader=loader, autoescape=True, bytecode_cache=cache)
    assert again.get_template("page.html").render(word="<b>") == "<p>&lt;b&gt;</p>"
    assert len(list(tmp_path.glob("*.jinja"))) == 3


def test_an_edited_theme_template_is_compiled_again(tmp_path: Path):
    sources = {"base.html": "v1 {{ x }}"}
    cache = templates._CompiledTemplates(str(tmp_path), "%s.jinja")

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=cache)
        return env.get_template("base.html").render(x=1)

    assert render() == "v1 1"
    sources["base.html"] = "v2 {{ x }}"
    assert render() == "v2 1"


def test_the_theme_environment_keeps_its_compiled_templates(monkeypatch):
    from mkdocs.theme import Theme

    env = Theme(name="mkdocs").get_env()
    assert templates.keep_compiled(env)  # the checkout's folder can be written
    assert isinstance(env.bytecode_cache, templates._CompiledTemplates)
    assert env.get_template("main.html") is env.get_template("main.html")  # compiled, loaded

    # a read-only installation: nothing kept, the theme compiled as MkDocs does
    monkeypatch.setattr(templates, "_bytecode_cache", lambda: None)
    plain = Theme(name="mkdocs").get_env()
    assert not templates.keep_compiled(plain)
    assert plain.bytecode_cache is None


def test_a_cache_another_plugin_gave_the_theme_is_left_alone(tmp_path: Path):
    from mkdocs.theme import Theme

    env = Theme(name="mkdocs").get_env()
    theirs = env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(tmp_path))
    assert templates.keep_compiled(env)
    assert env.bytecode_cache is theirs
