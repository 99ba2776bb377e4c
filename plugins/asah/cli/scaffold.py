"""`asah init DIR`: a new course repository that builds `--strict` at once, written from the
templates in `asah/scaffold/course/` — plus what `asah new` shares with it: filling templates,
YAML scalars, the schema line editors read."""

from __future__ import annotations

import argparse
import json
import os
import re
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import yaml

from .. import schemas as shipped
from ..core.messages import Messages, Msg, msg

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

SCAFFOLD = resources.files("asah").joinpath("scaffold")
SCHEMAS_DIR = "site_config/schemas"  # where a course keeps its copy of Asah's schemas
DOT = "dot-"  # a template path segment `dot-x` is written as `.x`
# which schema checks which file of a course made by `asah init`
INIT_SCHEMAS = {
    "site_config/competencies.yml": "competencies",
    "site_config/paths.yml": "paths",
    "site_config/glossary.yml": "glossary",
}
_FIELD = re.compile(r"\{\{([a-z_]+)\}\}")
# the language of `asah init`'s messages: the course it writes is Indonesian
INIT_LANGUAGE = "id"


class UsageError(Exception):
    """The command cannot do what it was asked: one line for the author, exit status 2. The
    problem is a message still to be worded in the course's language (or text already worded)."""

    def __init__(self, problem: Msg | str) -> None:
        super().__init__(problem)
        self.problem = problem


def add_parser(commands: argparse._SubParsersAction) -> None:
    init = commands.add_parser(
        "init",
        help="create a new course repository in DIR (which must not exist, or be empty)",
        description=(
            "Create a new course repository in DIR: mkdocs.yml, content/ with one module and two "
            "lessons, quizzes/ with one bank, site_config/ (competencies, paths, glossary), CI "
            "files for GitHub Actions and GitLab CI, requirements.txt and a README. The course "
            "builds with `mkdocs build --strict` at once. DIR must not exist or must be empty."
        ),
    )
    init.add_argument("directory", metavar="DIR", help="folder of the new course")
    init.add_argument(
        "--name", help="the site's name (site_name); default: made from the folder's name"
    )
    init.add_argument(
        "--requirement",
        metavar="LINE",
        help=(
            "the pip line in requirements.txt that installs Asah in CI, e.g. "
            "'asah[material] @ git+https://…'; default: where the running Asah was installed "
            "from (a Git or web address), else asah[material]==VERSION"
        ),
    )


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    words = Messages(INIT_LANGUAGE)
    try:
        root, note = init(Path(args.directory), args.name, args.requirement)
    except UsageError as error:
        print(f"asah init: {words.word(error.problem)}", file=err)
        return 2
    print(f"asah init: {words('init_done', path=root)}", file=out)
    if note:
        print(f"asah init: {words.word(note)}", file=out)
    print(words("init_next"), file=out)
    print(f"  cd {_shell_word(str(root))}", file=out)
    print(f"  asah serve    # {words('init_next_serve')}", file=out)
    print(f"  asah check    # {words('init_next_check')}", file=out)
    return 0


def init(directory: Path, name: str | None, requirement: str | None) -> tuple[Path, Msg | None]:
    """Write the course; returns its folder and a note for the author, if any."""
    if directory.exists() and not directory.is_dir():
        raise UsageError(msg("init_not_folder", path=directory))
    if directory.is_dir() and any(directory.iterdir()):
        raise UsageError(msg("init_not_empty", path=directory))
    site_name = name.strip() if name is not None else site_name_from(directory)
    if not site_name or "\n" in site_name:
        raise UsageError(msg("init_name_needed"))
    note = None
    if requirement is None:
        requirement, known = installed_requirement()
        if not known:
            note = msg("init_requirement_note", requirement=requirement)
    elif not requirement.strip() or "\n" in requirement:
        raise UsageError(msg("init_requirement_line"))
    fields = {
        "site_name": site_name,
        "site_name_yaml": yaml_scalar(site_name),
        "requirement": requirement.strip(),
        "version": _version(),
    }
    directory.mkdir(parents=True, exist_ok=True)
    copy_schemas(directory)
    for relative, template in _templates(SCAFFOLD.joinpath("course")):
        text = fill(template.read_text("utf-8"), fields)
        schema = INIT_SCHEMAS.get(relative) or ("bank" if relative.startswith("quizzes/") else "")
        if schema:
            text = schema_line(directory / relative, directory, schema) + text
        write_new(directory / relative, text)
    # VS Code: the YAML extension, recommended, checks the course's files against the copies
    editor = shipped.vscode_settings(SCHEMAS_DIR)
    write_new(directory / ".vscode" / "settings.json", json.dumps(editor, indent=2) + "\n")
    extensions = {"recommendations": ["redhat.vscode-yaml"]}
    write_new(directory / ".vscode" / "extensions.json", json.dumps(extensions, indent=2) + "\n")
    return directory, note


def _templates(folder: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    """Every template file under `folder`, with its path in the course (`dot-x` → `.x`)."""
    found = []
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        name = "." + item.name[len(DOT) :] if item.name.startswith(DOT) else item.name
        if item.is_dir():
            if item.name != "__pycache__":
                found += _templates(item, f"{prefix}{name}/")
        else:
            found.append((prefix + name, item))
    return found


def fill(template: str, fields: dict[str, str]) -> str:
    """`{{name}}` replaced by its field; other braces (a CI file's `${{ … }}`) are left alone."""
    return _FIELD.sub(lambda m: fields.get(m.group(1), m.group(0)), template)


def write_new(path: Path, text: str) -> None:
    """Write a file that must not exist yet (`x` mode: never overwrite, even in a race)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as file:
        file.write(text)


def site_name_from(directory: Path) -> str:
    """`kursus-pengadaan` → `Kursus pengadaan`; a name written with capitals is kept."""
    words = re.sub(r"[-_\s]+", " ", directory.resolve().name).strip()
    return words[:1].upper() + words[1:]


def yaml_scalar(text: str) -> str:
    """`text` as a YAML value: plain when YAML reads it back as the same string, else quoted."""
    try:
        if yaml.safe_load(f"value: {text}") == {"value": text} and "#" not in text:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


def _shell_word(text: str) -> str:
    return text if re.fullmatch(r"[\w./-]+", text) else "'" + text.replace("'", "'\\''") + "'"


# -- installing Asah in the course's CI ----------------------------------------------------


def _version() -> str:
    try:
        return metadata.version("asah")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "0.1.0"


def installed_requirement() -> tuple[str, bool]:
    """The pip line that installs the running Asah again, and whether it names where it came
    from: a Git or web address recorded at install time (PEP 610 `direct_url.json`); otherwise
    the package index's `asah[material]==VERSION`."""
    try:
        recorded = metadata.distribution("asah").read_text("direct_url.json")
        source = json.loads(recorded) if recorded else {}
    except (metadata.PackageNotFoundError, ValueError):
        source = {}
    url = str(source.get("url", ""))
    vcs = source.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") == "git" and url:
        commit = vcs.get("commit_id")
        return f"asah[material] @ git+{url}" + (f"@{commit}" if commit else ""), True
    if "archive_info" in source and url.startswith(("https://", "http://")):
        return f"asah[material] @ {url}", True
    return f"asah[material]=={_version()}", False


# -- schemas for editors ---------------------------------------------------------------------


def copy_schemas(course: Path) -> None:
    """Copy Asah's schemas into the course's `site_config/schemas/`: offline, and matching the
    Asah that made the course (`asah schemas site_config/schemas` refreshes them)."""
    shipped.write(course / SCHEMAS_DIR)


def schema_line(file: Path, course: Path, name: str) -> str:
    """The first line that points VS Code's YAML extension at the course's copy of a schema,
    relative to the file; "" when the course has no such schema."""
    schema = course / SCHEMAS_DIR / shipped.file_name(name)
    if not schema.is_file():
        return ""
    relative = Path(os.path.relpath(schema, file.parent)).as_posix()
    return f"# yaml-language-server: $schema={relative}\n"
