"""Read and validate quiz banks and quiz-block options, reporting `path:line` problems."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..core import reader as yaml_reader
from ..core.diagnostics import Reporter, quote, suggest
from ..core.messages import msg
from ..core.reader import YamlReader, is_number
from ..course.framework import ID_PATTERN
from . import types
from .model import Bank, Question

BANK_KEYS = ("title", "description", "competencies", "pass", "draw", "shuffle", "questions")
BLOCK_OPTIONS = ("draw", "shuffle", "pass", "title")
COMMON_KEYS = ("id", "type", "prompt", "explanation", "hint", "points", "competencies")
ALL_QUESTION_KEYS = tuple(
    dict.fromkeys(COMMON_KEYS + tuple(k for t in types.REGISTRY.values() for k in t.keys))
)


class BankReader(YamlReader):
    """Turns one YAML document (a bank file or an inline block) into a Bank."""

    def bank(self, bank_id: str, inline: bool = False) -> Bank | None:
        data = self.doc.data
        if not isinstance(data, dict):
            self.warn(self.at(), "bank_not_mapping")
            return None
        self.unknown_keys(data, BANK_KEYS, (), msg("in_bank"))
        bank = Bank(id=bank_id, source=self.path, inline=inline)
        bank.title = self.text(data, "title", ()) or ""
        bank.description = self.text(data, "description", ()) or ""
        if data.get("competencies") is not None:
            bank.competencies = self.competencies(data["competencies"], ("competencies",))
        self.settings(bank, data, ())
        questions = data.get("questions")
        if not isinstance(questions, list) or not questions:
            self.warn(
                self.at("questions") if "questions" in data else self.at(), "bank_no_questions"
            )
            return bank
        seen: dict[str, int | None] = {}
        for index, raw in enumerate(questions):
            question = self.question(raw, index, bank)
            if question is None:
                continue
            if question.id in seen:
                self.reporter.fatal(
                    self.at("questions", index, "id"),
                    "question_duplicate",
                    id=question.id,
                    first=seen[question.id],
                )
                continue
            seen[question.id] = question.line
            bank.questions.append(question)
        if bank.draw is not None and bank.draw > len(questions):
            self.warn(self.at("draw"), "draw_too_large", draw=bank.draw, n=len(questions))
        return bank

    def settings(self, target: Bank | dict[str, Any], data: dict[str, Any], key: tuple) -> None:
        """`pass`, `draw` and `shuffle`, on a bank or in an embedding block."""
        values: dict[str, Any] = {}
        if "pass" in data:
            value = data["pass"]
            if is_number(value) and 0 <= value <= 100:
                values["pass"] = value
            else:
                self.warn(self.at(*key, "pass"), "pass_invalid", got=quote(value))
        if "draw" in data:
            value = data["draw"]
            if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
                values["draw"] = value
            else:
                self.warn(self.at(*key, "draw"), "draw_invalid", got=quote(value))
        shuffle = self.flag(data, "shuffle", key)
        if shuffle is not None:
            values["shuffle"] = shuffle
        if isinstance(target, Bank):
            target.pass_percent = values.get("pass", target.pass_percent)
            target.draw = values.get("draw", target.draw)
            target.shuffle = values.get("shuffle", target.shuffle)
        else:
            target.update(values)

    def question(self, raw: Any, index: int, bank: Bank) -> Question | None:
        key = ("questions", index)
        if not isinstance(raw, dict):
            self.warn(self.at(*key), "question_not_mapping", n=index + 1)
            return None
        qid = raw.get("id")
        if qid is None:
            self.warn(self.at(*key), "question_no_id", n=index + 1)
            return None
        if not isinstance(qid, str) or not ID_PATTERN.match(qid):
            self.warn(self.at(*key, "id"), "question_id_invalid", id=quote(qid))
            return None
        qtype = raw.get("type")
        if qtype not in types.REGISTRY:
            allowed = ", ".join(types.NAMES)
            if "type" in raw:
                hint = suggest(str(qtype), types.NAMES)
                where = self.at(*key, "type")
                self.warn(
                    where, "question_type_unknown", type=quote(qtype), hint=hint, allowed=allowed
                )
            else:
                self.warn(self.at(*key), "question_no_type", id=qid, allowed=allowed)
            return None
        kind = types.get(qtype)
        self.question_keys(raw, key, qid, kind)
        prompt = self.text(raw, "prompt", key, msg("question_no_prompt", id=qid))
        question = Question(id=qid, type=qtype, prompt=prompt or "", line=self.doc.line(*key))
        question.explanation = self.text(raw, "explanation", key) or ""
        question.hint = self.text(raw, "hint", key) or ""
        question.competencies = (
            self.competencies(raw["competencies"], (*key, "competencies"))
            if "competencies" in raw
            else dict(bank.competencies)
        )
        if "points" in raw:
            points = raw["points"]
            if is_number(points) and points > 0:
                question.points = points
            else:
                self.warn(self.at(*key, "points"), "points_invalid", id=qid, got=quote(points))
        question.spec = kind.read(self, raw, key, question)
        return question

    def question_keys(self, raw: dict[str, Any], key: tuple, qid: str, kind: Any) -> None:
        allowed = COMMON_KEYS + kind.keys
        for name in raw:
            if name in allowed:
                continue
            if name in ALL_QUESTION_KEYS:
                fields = ", ".join(kind.keys) or kind.keys_hint
                self.warn(
                    self.at_key(*key, name),
                    "key_not_for_type",
                    key=name,
                    type=kind.name,
                    id=qid,
                    fields=fields,
                )
            else:
                self.warn(
                    self.at_key(*key, name),
                    "unknown_key",
                    key=quote(name),
                    where=msg("in_question", id=qid),
                    hint=suggest(str(name), allowed),
                    allowed=", ".join(allowed),
                )


def read_bank(
    text: str,
    bank_id: str,
    path: str,
    reporter: Reporter,
    line_offset: int = 0,
    inline: bool = False,
    competencies: Mapping[str, str] | None = None,
) -> Bank | None:
    """Parse a bank's YAML; a syntax error is fatal for a bank file, a warning inline."""
    doc = yaml_reader.load(text, path, reporter, line_offset=line_offset, fatal=not inline)
    if doc is None:
        return None
    return BankReader(doc, path, reporter, competencies).bank(bank_id, inline=inline)


def read_block_options(
    text: str, path: str, reporter: Reporter, line_offset: int = 0
) -> dict[str, Any] | None:
    """Options inside an embedding block (`draw: 3`); None when they cannot be read."""
    if not text.strip():
        return {}
    doc = yaml_reader.load(text, path, reporter, line_offset=line_offset, fatal=False)
    if doc is None:
        return None
    if doc.data is None:
        return {}
    reader = BankReader(doc, path, reporter)
    if not isinstance(doc.data, dict):
        reporter.warn(reader.at(), "block_options_only")
        return None
    reader.unknown_keys(doc.data, BLOCK_OPTIONS, (), msg("in_quiz_block"))
    options: dict[str, Any] = {}
    reader.settings(options, doc.data, ())
    if isinstance(doc.data.get("title"), str):
        options["title"] = doc.data["title"]
    return options
