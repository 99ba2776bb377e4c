"""YAML files shipped with Asah, read once as YAML and then from a JSON copy beside them."""

from pathlib import Path

import yaml

from asah.core import packaged

TEXT = "greeting: Halo\nfarewell: 'Sampai jumpa, {name}'\nyes_word: yes\n"


def copies(file: Path) -> list[Path]:
    return sorted((file.parent / "__pycache__").glob(f"{file.stem}.*.json"))


def test_the_first_read_keeps_a_copy_that_the_next_reads_give_back(tmp_path: Path):
    file = tmp_path / "strings.yml"
    file.write_text(TEXT, "utf-8")
    assert packaged.read(file) == yaml.safe_load(TEXT)  # `yes` is YAML's true, as before
    [copy] = copies(file)
    copy.write_text('{"greeting": "from the copy"}', "utf-8")
    assert packaged.read(file) == {"greeting": "from the copy"}


def test_an_edited_file_is_read_again_and_replaces_its_old_copy(tmp_path: Path):
    file = tmp_path / "strings.yml"
    file.write_text(TEXT, "utf-8")
    packaged.read(file)
    file.write_text("greeting: Selamat datang\n", "utf-8")
    assert packaged.read(file) == {"greeting": "Selamat datang"}
    assert len(copies(file)) == 1


def test_a_broken_copy_is_not_trusted(tmp_path: Path):
    file = tmp_path / "strings.yml"
    file.write_text(TEXT, "utf-8")
    packaged.read(file)
    copies(file)[0].write_text('{"greeting": "Ha', "utf-8")
    assert packaged.read(file) == yaml.safe_load(TEXT)


def test_where_no_copy_can_be_kept_the_data_comes_all_the_same(tmp_path: Path):
    file = tmp_path / "strings.yml"
    file.write_text(TEXT, "utf-8")
    (tmp_path / "__pycache__").write_text("", "utf-8")  # the folder cannot be made
    assert packaged.read(file) == yaml.safe_load(TEXT)
    assert packaged.read(file) == yaml.safe_load(TEXT)


def test_data_json_cannot_hold_is_read_from_the_yaml_every_time(tmp_path: Path):
    file = tmp_path / "dates.yml"
    file.write_text("1: one\nwhen: 2026-12-04\n", "utf-8")
    assert packaged.read(file) == {1: "one", "when": yaml.safe_load("2026-12-04")}
    assert copies(file) == []
