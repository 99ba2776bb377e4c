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
