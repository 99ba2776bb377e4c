"""Settings from the plugins' options: what is given is used, what is empty keeps the default."""

from __future__ import annotations

from pathlib import Path

from asah.site.settings import Settings


def test_options_set_fields_and_folders_and_empty_ones_keep_the_defaults():
    settings = Settings(root=Path("."), language="id", features=set())
    settings.configure("competencies", {"url": "", "jp": None, "minutes_per_jp": 40})
    settings.configure("paths", {"url": "belajar", "learner_fields": ["name"], "enabled": True})
    assert settings.features == {"competencies", "paths"}
    assert settings.url("competencies") == "kompetensi"
    assert settings.url("paths") == "belajar"
    assert settings.counts_jp and settings.minutes_per_jp == 40
    assert settings.fields() == ["name"]
