"""`asah new lesson PATH`, `asah new bank ID`, `asah new path ID`: a file (or, for a path, an
entry at the end of the paths file) from the templates in `asah/scaffold/new/`. Nothing is ever
overwritten; an author's comments in the paths file stay as they are."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import yaml

from ..core.messages import Messages, Msg, msg
from ..course import titles
from ..course.framework import ID_PATTERN, load_built_in
from .config import ConfigError, add_config_option, read_course_site
from .scaffold import SCAFFOLD, UsageError, fill, schema_line, write_new, yaml_scalar

ID_RULE = "an id may contain lowercase letters a-z, digits and single hyphens"  # for --help
FALLBACK_COMPETENCY = "integritas"  # the first competency of the built-in ASN framework
PATHS_HEADER = (
    "# Jalur belajar. Langkah: pelajaran (relatif terhadap {docs}/) atau kuis\n"
    "# ({{quiz: id-bank}}). Jalur dengan `target` tanpa `steps` disusun otomatis.\n"
)


class ContentError(Exception):
    """An author file stands in the way (it does not parse, or cannot take an entry): exit 1."""

    def __init__(self, problem: Msg) -> None:
        super().__init__(problem)
        self.problem = problem


def add_parser(commands: argparse._SubParsersAction) -> None:
    new = commands.add_parser(
        "new",
        help="create a lesson, a quiz bank or a learning path from a template",
        description=(
            "Create a lesson, a quiz bank or a learning path from a template, with every field "
            "and a short comment on each. An existing file is never overwritten."
        ),
    )
    kinds = new.add_subparsers(dest="kind", required=True, metavar="KIND")
    lesson = kinds.add_parser(
        "lesson",
        help="a lesson: a Markdown file with its front matter",
        description=(
            "Create a lesson: a Markdown file inside the docs folder (docs_dir of mkdocs.yml, "
            "usually content/) with title, description, competencies, duration, objectives and "
            "prerequisites. Add it to nav: in mkdocs.yml afterwards."
        ),
    )
    lesson.add_argument(
        "path",
        metavar="PATH",
        help="the new file, e.g. content/modul/pelajaran.md (.md is added when missing)",
    )
    bank = kinds.add_parser(
        "bank",
        help="a quiz bank: quizzes/ID.yml",
        description="Create a quiz bank, quizzes/ID.yml, with two example questions.",
    )
    bank.add_argument(
        "id",
        metavar="ID",
        help=f"the bank's id: {ID_RULE}; '/' makes folders (e.g. siber/dasar)",
    )
    path = kinds.add_parser(
        "path",
        help="a learning path, added at the end of site_config/paths.yml",
        description=(
            "Add a learning path at the end of the paths file (paths_file of asah/paths, "
            "usually site_config/paths.yml), creating the file when there is none. The rest "
            "of the file, comments included, stays as it is."
        ),
    )
    path.add_argument("id", metavar="ID", help=f"the path's id: {ID_RULE}")
    for command in (lesson, bank, path):
        add_config_option(command)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    command = f"asah new {args.kind}"
    words = Messages()  # English until the course names its language, as `asah check`
    try:
        course = CourseFiles.read(Path(args.config_file))
        words = Messages(course.language)
        if args.kind == "lesson":
            lines = new_lesson(course, args.path)
        elif args.kind == "bank":
            lines = new_bank(course, args.id)
        else:
            lines = new_path(course, args.id)
    except UsageError as error:
        print(f"{command}: {words.word(error.problem)}", file=err)
        return 2
    except ContentError as error:
        print(f"{command}: {words.word(error.problem)}", file=err)
        return 1
    for line in lines:
        print(words.word(line), file=out)
    return 0


@dataclass
class CourseFiles:
    """Where a course keeps its files, and what a template needs to know of the course."""

    root: Path
    docs_dir: str
    banks_dir: str
    paths_file: str
    has_nav: bool
    language: str = "en"  # of messages: as `asah check` reports in
    competency: str = FALLBACK_COMPETENCY  # the id a new lesson or bank starts with
    lessons: list[str] = field(default_factory=list)  # in navigation order

    @classmethod
    def read(cls, config: Path) -> CourseFiles:
        if not config.is_file():
            raise UsageError(msg("new_no_config", path=config))
        try:
            course, site, _ = read_course_site(config)
        except ConfigError as error:
            raise UsageError(str(error)) from None
        settings = course.settings
        return cls(
            root=settings.root,
            docs_dir=settings.docs_dir.strip("/"),
            banks_dir=settings.banks_dir.strip("/"),
            paths_file=settings.paths_file,
            has_nav=isinstance(course.nav, list),
            language=settings.message_language,
            competency=_first_own_competency(site.course.framework.ids()),
            lessons=list(site.course.lessons),
        )


def _first_own_competency(ids: list[str]) -> str:
    """The first competency the course defines itself (not a built-in one), else its first."""
    built_in = set(load_built_in("asn").ids())
    own = [cid for cid in ids if cid not in built_in]
    return (own or ids or [FALLBACK_COMPETENCY])[0]


def _shown(path: Path) -> str:
    """A path as the author typed it: relative to the current folder when inside it."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive (Windows)
        return path.as_posix()


def _template(name: str) -> str:
    return SCAFFOLD.joinpath("new", name).read_text("utf-8")


# -- lessons ---------------------------------------------------------------------------------


def new_lesson(course: CourseFiles, wanted: str) -> list[Msg]:
    path = Path(wanted)
    if path.is_dir() or wanted.endswith(("/", "\\")):
        example = f"{course.docs_dir}/modul/pelajaran.md"
        raise UsageError(msg("new_lesson_folder", path=wanted, example=example))
    if path.suffix.lower() != ".md":
        if path.suffix:
            raise UsageError(msg("new_lesson_not_markdown", path=wanted))
        path = path.with_name(path.name + ".md")
    file = path.resolve() if path.is_absolute() else (Path.cwd() / path).resolve()
    docs = (course.root / course.docs_dir).resolve()
    try:
        relative = file.relative_to(docs)
    except ValueError:
        meant: Msg | str = ""
        if not path.is_absolute() and (docs / path).resolve().is_relative_to(docs):
            meant = msg("did_you_mean", name=_shown(docs / path))
        raise UsageError(
            msg("new_lesson_outside", path=wanted, docs=_shown(docs), hint=meant)
        ) from None
    if file.exists():
        raise UsageError(msg("new_lesson_exists", path=_shown(file)))
    new_parts = [relative.stem] + [
        part
        for i, part in enumerate(relative.parts[:-1])
        if not (docs / Path(*relative.parts[: i + 1])).exists()
    ]
    for part in new_parts:
        if not ID_PATTERN.match(part):
            raise UsageError(msg("new_lesson_bad_name", name=part))
    text = fill(
        _template("lesson.md"),
        {
            "title": yaml_scalar(titles.from_file_name(relative.as_posix())),
            "competency": course.competency,
            "docs_dir": course.docs_dir,
        },
    )
    write_new(file, text)
    lines = [msg("new_lesson_done", path=_shown(file))]
    if course.has_nav:
        lines.append(msg("new_lesson_next", page=relative.as_posix()))
    return lines


# -- banks -----------------------------------------------------------------------------------


def new_bank(course: CourseFiles, wanted: str) -> list[Msg]:
    bank_id = wanted
    for prefix in (f"{course.banks_dir}/", f"./{course.banks_dir}/"):
        bank_id = bank_id.removeprefix(prefix)
    bank_id = bank_id.removesuffix(".yml").removesuffix(".yaml")
    if not all(ID_PATTERN.match(part) for part in bank_id.split("/")):
        raise UsageError(msg("new_bank_bad_id", id=wanted))
    if bank_id != wanted:
        raise UsageError(msg("new_bank_file_given", id=bank_id))
    folder = course.root / course.banks_dir
    for suffix in (".yml", ".yaml"):
        if (folder / f"{bank_id}{suffix}").exists():
            shown = _shown(folder / f"{bank_id}{suffix}")
            raise UsageError(msg("new_bank_exists", path=shown, id=bank_id))
    file = folder / f"{bank_id}.yml"
    title = titles.from_file_name(bank_id.split("/")[-1])
    text = fill(
        _template("bank.yml"),
        {
            "id": bank_id,
            "title": yaml_scalar(title),
            "topic": title[:1].lower() + title[1:],
            "competency": course.competency,
        },
    )
    write_new(file, schema_line(file, course.root, "bank") + text)
    return [
        msg("new_bank_done", path=_shown(file), id=bank_id),
        msg("new_bank_next", id=bank_id),
    ]


# -- learning paths --------------------------------------------------------------------------


def new_path(course: CourseFiles, path_id: str) -> list[Msg]:
    if not ID_PATTERN.match(path_id):
        raise UsageError(msg("new_path_bad_id", id=path_id))
    steps = [f"    - {yaml_scalar(lesson)}" for lesson in course.lessons[:1]] or ["    []"]
    entry = fill(
        _template("path.yml"),
        {
            "id": path_id,
            "title": yaml_scalar(titles.from_file_name(path_id)),
            "docs_dir": course.docs_dir,
            "steps": "\n".join(steps),
        },
    )
    file = course.root / course.paths_file
    shown = _shown(file)
    if file.exists():
        old = file.read_text("utf-8")
        text, line = append_path(old, entry, path_id, shown)
        file.write_text(text, "utf-8", newline="\n")
    else:
        head = schema_line(file, course.root, "paths") + PATHS_HEADER.format(docs=course.docs_dir)
        text = head + "paths:\n" + _indent(entry, 2)
        line = text.count("\n", 0, text.index("- id:")) + 1
        write_new(file, text)
    notes = [msg("new_path_done", where=f"{shown}:{line}", id=path_id)]
    if not course.lessons:
        notes.append(msg("new_path_no_lessons"))
    return notes


def _indent(text: str, columns: int) -> str:
    return "".join(" " * columns + line if line.strip() else line for line in text.splitlines(True))


def append_path(text: str, entry: str, path_id: str, shown: str) -> tuple[str, int]:
    """`text` with `entry` (a path, at column 0) added at the end of its `paths:` list, and the
    entry's line. The rest of the text is kept as written; the result is read back to be sure
    it holds the same paths plus this one."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        before = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{shown}:{mark.line + 1}" if mark else shown
        raise ContentError(msg("new_paths_not_yaml", where=where)) from None
    if root is None:
        position, indent, opening, after_item = len(text), 2, "paths:\n", False
    elif not isinstance(root, yaml.MappingNode) or root.flow_style:
        raise ContentError(msg("new_paths_not_mapping", path=shown))
    else:
        position, indent, opening, after_item = _end_of_paths(text, root, path_id, shown)
    head = text[:position]
    if head and not head.endswith("\n"):
        head += "\n"
    # a blank line between paths, as between the others
    separator = "\n" if after_item and not head.endswith("\n\n") else ""
    added = opening + separator + _indent(entry, indent)
    result = head + added + text[position:]
    line = (head + opening + separator).count("\n") + 1
    after = yaml.safe_load(result)
    old_paths = before.get("paths") if isinstance(before, dict) else None
    expected = [*(old_paths or []), yaml.safe_load(entry)[0]]
    if (
        not isinstance(after, dict)
        or after.get("paths") != expected
        or {k: v for k, v in after.items() if k != "paths"}
        != {k: v for k, v in before.items() if k != "paths"}
    ):
        raise ContentError(msg("new_paths_would_change", path=shown))
    return result, line


def _end_of_paths(
    text: str, root: yaml.MappingNode, path_id: str, shown: str
) -> tuple[int, int, str, bool]:
    """Where a new entry goes (an index in `text`), its indentation, any text that must come
    first (`paths:` when the file has none), and whether it follows another path."""
    found = [(k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == "paths"]
    if not found:
        return len(text), 2, "paths:\n", False
    key, paths = found[-1]
    last_key = root.value[-1][0] is key
    if isinstance(paths, yaml.ScalarNode) and paths.value in ("", "~", "null") and last_key:
        return len(text), 2, "", False
    if not isinstance(paths, yaml.SequenceNode) or paths.flow_style:
        where = f"{shown}:{key.start_mark.line + 1}"
        raise ContentError(msg("new_paths_in_brackets", where=where))
    lines = text.splitlines()
    for item in paths.value:
        for k, v in item.value if isinstance(item, yaml.MappingNode) else []:
            if k.value == "id" and getattr(v, "value", None) == path_id:
                where = f"{shown}:{v.start_mark.line + 1}"
                raise UsageError(msg("new_path_exists", id=path_id, where=where))
    first = paths.value[0].start_mark if paths.value else paths.start_mark
    indent = lines[first.line].rfind("-", 0, first.column + 1) if paths.value else 2
    end = paths.end_mark
    # the entry goes at the start of the line where the list ends (after its last item)
    position = (
        end.index
        if end.column == 0 or end.index >= len(text)
        else text.rfind("\n", 0, end.index) + 1
    )
    return position, max(indent, 0), "", bool(paths.value)
