"""Who a file's learner is, and one record from several files of the same learner.

A learner is known by their NIP, by the record's id (made by the browser at the first backup,
kept across devices by loading a backup) or, in files with neither, by name and unit; a file
with none of these is only itself (the same file twice is still one learner). Files that share
any of these are one learner: their records are merged by the rules the progress page uses to
load a backup (progress/merge.js), so nothing is counted twice."""

from __future__ import annotations

import copy
import json
import zlib
from typing import Any

from .records import RecordFile


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def identity(record: RecordFile) -> tuple[str, ...]:
    keys = []
    nip = "".join(ch for ch in record.learner.get("nip", "") if ch.isalnum())
    if nip:
        keys.append(f"nip:{nip}")
    if record.learner_id:
        keys.append(f"id:{record.learner_id}")
    if not keys and record.learner.get("name"):
        keys.append(
            f"name:{_words(record.learner['name'])}|{_words(record.learner.get('unit', ''))}"
        )
    if not keys:
        encoded = json.dumps(record.records, sort_keys=True, ensure_ascii=False).encode("utf-8")
        keys.append(f"record:{zlib.crc32(encoded):08x}")
    return tuple(keys)


class Groups:
    """Union-find over identity keys: files sharing a key, directly or through another file,
    are one learner."""

    def __init__(self) -> None:
        self._parent: dict[int, int] = {}
        self._owner: dict[str, int] = {}

    def add(self, file: int, keys: tuple[str, ...]) -> None:
        self._parent[file] = file
        for key in keys:
            other = self._owner.setdefault(key, file)
            if other != file:
                self._union(other, file)

    def _find(self, file: int) -> int:
        root = file
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[file] != root:
            self._parent[file], file = root, self._parent[file]
        return root

    def _union(self, a: int, b: int) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def shared(self) -> list[list[int]]:
        """The learners with more than one file: their files, in the order added."""
        members: dict[int, list[int]] = {}
        for file in self._parent:
            members.setdefault(self._find(file), []).append(file)
        return [sorted(files) for files in members.values() if len(files) > 1]


def _newer(a: Any, b: Any) -> Any:
    if not isinstance(a, dict):
        return b
    if not isinstance(b, dict):
        return a
    return b if str(b.get("date") or "") > str(a.get("date") or "") else a


def _older(a: Any, b: Any) -> Any:
    if not isinstance(a, dict) or not isinstance(b, dict):
        return a if isinstance(a, dict) else b
    return b if str(b.get("date") or "") < str(a.get("date") or "") else a


def _earlier(a: Any, b: Any) -> Any:
    if not a or not b:
        return a or b
    return b if str(b) < str(a) else a


def merge(record: dict[str, Any], incoming: dict[str, Any]) -> dict[str, Any]:
    """`incoming` merged into `record` (in place), as progress/merge.js: a lesson done
    in either is done (earlier date), per quiz the higher attempts and best, passed in either,
    the earlier first pass, solution and first attempt, the later last attempt; the later
    self-assessment; lastPath only when there is none."""
    lessons = record.setdefault("lessons", {})
    for path, theirs in (incoming.get("lessons") or {}).items():
        mine = lessons.get(path)
        if not theirs or not theirs.get("done"):
            continue
        if not mine or not mine.get("done"):
            lessons[path] = theirs
        elif theirs.get("date") and (not mine.get("date") or theirs["date"] < mine["date"]):
            mine["date"] = theirs["date"]
    quizzes = record.setdefault("quizzes", {})
    for quiz, theirs in (incoming.get("quizzes") or {}).items():
        mine = quizzes.get(quiz)
        if not isinstance(theirs, dict):
            continue
        if not mine:
            quizzes[quiz] = theirs
            continue
        mine["attempts"] = max(mine.get("attempts") or 0, theirs.get("attempts") or 0)
        mine["best"] = max(mine.get("best") or 0, theirs.get("best") or 0)
        mine["passed"] = bool(mine.get("passed") or theirs.get("passed"))
        mine["last"] = _newer(mine.get("last"), theirs.get("last"))
        first = _older(mine.get("first"), theirs.get("first"))
        if first:
            mine["first"] = first
        for key in ("passedDate", "solutionDate"):
            date = _earlier(mine.get(key), theirs.get(key))
            if date:
                mine[key] = date
    if incoming.get("assessment"):
        record["assessment"] = _newer(record.get("assessment"), incoming["assessment"])
    if incoming.get("lastPath") and not record.get("lastPath"):
        record["lastPath"] = incoming["lastPath"]
    return record


def merge_files(files: list[RecordFile]) -> RecordFile:
    """One learner's files as one: records merged oldest file first; the learner's fields, id,
    time zone and the date of the newest file that has them."""
    ordered = sorted(files, key=lambda f: f.exported)
    records: dict[str, Any] = {"lessons": {}, "quizzes": {}}
    for file in ordered:
        merge(records, copy.deepcopy(file.records))
    newest = ordered[-1]
    learner = next((f.learner for f in reversed(ordered) if f.learner), {})
    learner_id = next((f.learner_id for f in reversed(ordered) if f.learner_id), "")
    return RecordFile(
        version=max(f.version for f in files),
        exported=newest.exported,
        utc_offset=newest.utc_offset,
        learner=learner,
        learner_id=learner_id,
        records=records,
        course_version=newest.course_version,
        keys=tuple(dict.fromkeys(k for f in files for k in f.keys)),
    )
