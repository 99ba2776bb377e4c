"""Read and validate quiz banks and quiz-block options, reporting `path:line` problems."""

from __future__ import annotations

import re
from typing import Any

from ..core import yamldoc
from ..core.diagnostics import Location, Reporter, quote, suggest, warn_duplicate_keys
from ..course.framework import ID_PATTERN, LEVELS
from .model import TYPES, Bank, Option, Question

BANK_KEYS = ("title", "description", "competencies", "pass", "draw", "shuffle", "questions")
BLOCK_OPTIONS = ("draw", "shuffle", "pass", "title")
OPTION_KEYS = ("text", "correct", "feedback")
COMMON_KEYS = ("id", "type", "prompt", "explanation", "hint", "points", "competencies")
TYPE_KEYS = {
    "single": ("options", "shuffle"),
    "multiple": ("options", "shuffle", "partial"),
    "truefalse": ("answer",),
    "text": ("answers", "pattern"),
    "number": ("answer", "tolerance"),
    "fill": (),
    "order": ("items",),
    "match": ("pairs",),
}
ALL_QUESTION_KEYS = tuple(dict.fromkeys(COMMON_KEYS + sum(TYPE_KEYS.values(), ())))
_NAMES = {
    "single": "single-choice",
    "multiple": "multiple-choice",
    "truefalse": "true/false",
}


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class BankReader:
    """Turns one YAML document (a bank file or an inline block) into a Bank."""

    def __init__(
        self,
        doc: yamldoc.YamlDoc,
        path: str,
        reporter: Reporter,
        competencies: list[str] | None = None,
    ) -> None:
        self.doc, self.path, self.reporter = doc, path, reporter
        self.known = competencies  # None: no framework to check against

    def at(self, *key: Any) -> Location:
        return Location(self.path, self.doc.line(*key))

    def at_key(self, *key: Any) -> Location:
        return Location(self.path, self.doc.key_line(*key))

    def warn(self, location: Location, message: str) -> None:
        self.reporter.warn(location, message)

    def bank(self, bank_id: str, inline: bool = False) -> Bank | None:
        data = self.doc.data
        warn_duplicate_keys(self.doc.duplicate_keys, self.path, self.reporter)
        if not isinstance(data, dict):
            self.warn(self.at(), "a quiz bank must be a mapping with 'questions:'")
            return None
        self.unknown_keys(data, BANK_KEYS, (), "the bank")
        bank = Bank(id=bank_id, source=self.path, inline=inline)
        bank.title = self.text(data, "title", ()) or ""
        bank.description = self.text(data, "description", ()) or ""
        bank.competencies = self.competencies(data.get("competencies"), ("competencies",))
        self.settings(bank, data, ())
        questions = data.get("questions")
        if not isinstance(questions, list) or not questions:
            self.warn(
                self.at("questions") if "questions" in data else self.at(),
                "a quiz needs 'questions:', a list of at least one question",
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
                    f"duplicate question id '{question.id}' (first at line {seen[question.id]}); "
                    "question ids must be unique in a bank",
                )
                continue
            seen[question.id] = question.line
            bank.questions.append(question)
        if bank.draw is not None and bank.draw > len(questions):
            self.warn(
                self.at("draw"),
                f"draw {bank.draw} is larger than the bank ({len(questions)} questions); "
                "expected at most the number of questions",
            )
        return bank

    def settings(self, target: Bank | dict[str, Any], data: dict[str, Any], key: tuple) -> None:
        """`pass`, `draw` and `shuffle`, on a bank or in an embedding block."""
        values: dict[str, Any] = {}
        if "pass" in data:
            value = data["pass"]
            if _is_number(value) and 0 <= value <= 100:
                values["pass"] = value
            else:
                self.warn(
                    self.at(*key, "pass"),
                    f"pass must be a number from 0 to 100, got {quote(value)}",
                )
        if "draw" in data:
            value = data["draw"]
            if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
                values["draw"] = value
            else:
                self.warn(
                    self.at(*key, "draw"),
                    f"draw must be a whole number of questions (1 or more), got {quote(value)}",
                )
        if "shuffle" in data:
            value = data["shuffle"]
            if isinstance(value, bool):
                values["shuffle"] = value
            else:
                self.warn(
                    self.at(*key, "shuffle"), f"shuffle must be true or false, got {quote(value)}"
                )
        if isinstance(target, Bank):
            target.pass_percent = values.get("pass", target.pass_percent)
            target.draw = values.get("draw", target.draw)
            target.shuffle = values.get("shuffle", target.shuffle)
        else:
            target.update(values)

    def unknown_keys(
        self, data: dict[str, Any], allowed: tuple[str, ...], key: tuple, where: str
    ) -> None:
        for name in data:
            if name not in allowed:
                self.warn(
                    self.at_key(*key, name),
                    f"unknown key {quote(name)} in {where}{suggest(str(name), allowed)}; "
                    f"expected one of: {', '.join(allowed)}",
                )

    def text(self, data: dict[str, Any], name: str, key: tuple, required: str = "") -> str | None:
        value = data.get(name)
        if value is None:
            if required:
                self.warn(self.at(*key), required)
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.warn(self.at(*key, name), f"'{name}' must be text, got {quote(value)}")
            return None
        return str(value)

    def competencies(self, raw: Any, key: tuple) -> dict[str, int | None]:
        if raw is None:
            return {}
        if isinstance(raw, list):
            return {
                str(cid): None for i, cid in enumerate(raw) if self.known_competency(cid, (*key, i))
            }
        if isinstance(raw, dict):
            result: dict[str, int | None] = {}
            for cid, level in raw.items():
                if not self.known_competency(cid, (*key, cid)):
                    continue
                if isinstance(level, int) and not isinstance(level, bool) and level in LEVELS:
                    result[str(cid)] = level
                else:
                    self.warn(
                        self.at(*key, cid),
                        f"level of '{cid}' must be an integer from 1 to 5, got {quote(level)}",
                    )
            return result
        self.warn(self.at(*key), "'competencies' must map competency ids to levels 1–5")
        return {}

    def known_competency(self, cid: Any, key: tuple) -> bool:
        if self.known is None or cid in self.known:
            return True
        self.warn(
            self.at_key(*key) if isinstance(key[-1], str) else self.at(*key),
            f"unknown competency {quote(cid)}{suggest(str(cid), self.known)}",
        )
        return False

    def question(self, raw: Any, index: int, bank: Bank) -> Question | None:
        key = ("questions", index)
        if not isinstance(raw, dict):
            self.warn(self.at(*key), f"question {index + 1} must be a mapping with 'id' and 'type'")
            return None
        qid = raw.get("id")
        if qid is None:
            self.warn(
                self.at(*key),
                f"question {index + 1} has no id; expected 'id:' (lowercase letters, digits and "
                "hyphens, kept stable across edits)",
            )
            return None
        if not isinstance(qid, str) or not ID_PATTERN.match(qid):
            self.warn(
                self.at(*key, "id"),
                f"question id {quote(qid)} is not valid; expected lowercase letters, digits and "
                "hyphens (e.g. 'tanda-phishing')",
            )
            return None
        qtype = raw.get("type")
        if qtype not in TYPES:
            where = self.at(*key, "type") if "type" in raw else self.at(*key)
            got = (
                f"unknown question type {quote(qtype)}{suggest(str(qtype), TYPES)}"
                if ("type" in raw)
                else f"question '{qid}' has no type"
            )
            self.warn(where, f"{got}; expected one of: {', '.join(TYPES)}")
            return None
        allowed = COMMON_KEYS + TYPE_KEYS[qtype]
        for name in raw:
            if name in allowed:
                continue
            if name in ALL_QUESTION_KEYS:
                fields = ", ".join(TYPE_KEYS[qtype]) or "blanks [[...]] in the prompt"
                self.warn(
                    self.at_key(*key, name),
                    f"key '{name}' does not apply to {qtype} question '{qid}'; expected: {fields}",
                )
            else:
                self.warn(
                    self.at_key(*key, name),
                    f"unknown key {quote(name)} in question '{qid}'"
                    f"{suggest(str(name), allowed)}; expected one of: {', '.join(allowed)}",
                )
        prompt = self.text(
            raw, "prompt", key, f"question '{qid}' has no prompt; expected 'prompt:'"
        )
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
            if _is_number(points) and points > 0:
                question.points = points
            else:
                self.warn(
                    self.at(*key, "points"),
                    f"points of question '{qid}' must be a positive number, got {quote(points)}",
                )
        for flag in ("shuffle", "partial"):
            if flag in raw and flag in allowed:
                if isinstance(raw[flag], bool):
                    setattr(question, flag, raw[flag])
                else:
                    self.warn(
                        self.at(*key, flag), f"{flag} must be true or false, got {quote(raw[flag])}"
                    )
        getattr(self, f"_{qtype}")(raw, key, question)
        return question

    def _choices(self, raw: dict[str, Any], key: tuple, q: Question) -> None:
        options = raw.get("options")
        if not isinstance(options, list) or len(options) < 2:
            self.warn(
                self.at(*key, "options") if "options" in raw else self.at(*key),
                f"{_NAMES[q.type]} question '{q.id}' needs 'options': a list of at least 2 "
                "options, each with 'text'",
            )
            return
        for i, item in enumerate(options):
            okey = (*key, "options", i)
            if not isinstance(item, dict):
                item = {"text": item} if isinstance(item, (str, int, float)) else {}
            self.unknown_keys(item, OPTION_KEYS, okey, f"option {i + 1} of question '{q.id}'")
            text = self.text(item, "text", okey, f"option {i + 1} of question '{q.id}' has no text")
            correct = item.get("correct", False)
            if not isinstance(correct, bool):
                self.warn(
                    self.at(*okey, "correct"),
                    f"correct must be true or false, got {quote(correct)}",
                )
                correct = False
            q.options.append(Option(text or "", correct, self.text(item, "feedback", okey) or ""))

    def _single(self, raw: dict[str, Any], key: tuple, q: Question) -> None:
        self._choices(raw, key, q)
        count = sum(o.correct for o in q.options)
        if q.options and count != 1:
            self.warn(
                self.at_key(*key, "options"),
                f"single-choice question '{q.id}' needs exactly one option with 'correct: true', "
                f"found {count}" + ("; use type: multiple for several" if count > 1 else ""),
            )

    def _multiple(self, raw: dict[str, Any], key: tuple, q: Question) -> None:
        self._choices(raw, key, q)
        if q.options and not any(o.correct for o in q.options):
            self.warn(
                self.at_key(*key, "options"),
                f"multiple-choice question '{q.id}' needs at least one option with 'correct: true'",
            )

    def _truefalse(self, raw: dict[str, Any], key: tuple, q: Question) -> None:
        answer = raw.get("answer")
        if not isinstance(answer, bool):
            self.warn(
                self.at(*key, "answer") if "answer" in raw else self.at(*key),
                f"true/false question '{q.id}' needs 'answer: true' or 'answer: false', "
                f"got {quote(answer)}",
            )
            return
        q.answer = answer

    def _text(self, raw: dict[str, Any], key: tuple, q: Question) -> None:
        answers, pattern = raw.get("answers"), raw.get("pattern")
        if answers is not None:
            if isinstance(answers, (str, int, float)) and not isinstance(answers, bool):
                answers = [answers]
            if (
                isinstance(answers, list)
                and all(
                    isinstance(a, (str, int, float)) and not isinstance(a, bool) and str(a).strip()
                    for a in answers
                )
                and answers
            ):
                q.answers = [str(a).strip() for a in answers]
            else:
                self.warn(
                    self.at(*key, "answers"),
                    f"answers of question '{q.id}' must be a list of accepted answers (text)",
                )
        if pattern is not None:
            try:
                re.compile(str(pattern))
                q.pattern = str(pattern)
            except re.error as error:
                self.warn(
                    self.at(*key, "pattern"),
                    f"pattern of question '{q.id}' is not a valid regular expression: {error}",
                )
        if answers is None and pattern is None:
            self.warn(
                self.at(*key),
                f"text question '{q.id}' needs 'answers' (a list of accepted answers) or "
                "'pattern' (a regular expression)",
            )

    def _number(self, raw: dict[str, Any], key: tuple, q: Question) -> None:
        answer = raw.get("answer")
        if not _is_number(answer):
            self.warn(
                self.at(*key, "answer") if "answer" in raw else self.at(*key),
                f"answer of number question '{q.id}' must be a number, got {quote(answer)}",
            )
        else:
            q.answer = answer
        if "tolerance" in raw:
            tolerance = raw["tolerance"]
            if _is_number(tolerance) and tolerance >= 0:
                q.tolerance = tolerance
            else:
                self.warn(
                    self.at(*key, "tolerance"),
                    f"tolerance of question '{q.id}' must be zero or positive, "
                    f"got {quote(tolerance)}",
                )

    def _fill(self, raw: dict[str, Any], key: tuple, q: Question) -> None:
        blanks = q.blanks()
        if q.prompt and not blanks:
            self.warn(
                self.at(*key, "prompt"),
                f"fill question '{q.id}' has no blanks; write each blank in the prompt as "
                "[[jawaban]] or [[jawaban|alternatif]]",
            )
        for number, alternatives in enumerate(blanks, 1):
            if not all(alternatives):
                self.warn(
                    self.at(*key, "prompt"),
                    f"blank {number} of question '{q.id}' has an empty answer",
                )

    def _order(self, raw: dict[str, Any], key: tuple, q: Question) -> None:
        items = raw.get("items")
        if not isinstance(items, list) or len(items) < 2:
            count = len(items) if isinstance(items, list) else 0
            self.warn(
                self.at(*key, "items") if "items" in raw else self.at(*key),
                f"order question '{q.id}' needs at least 2 items in 'items', got {count}",
            )
            return
        q.items = [str(i) for i in items]
        self._distinct(q.items, "item", (*key, "items"), q)

    def _match(self, raw: dict[str, Any], key: tuple, q: Question) -> None:
        pairs = raw.get("pairs")
        if not isinstance(pairs, list) or len(pairs) < 2:
            self.warn(
                self.at(*key, "pairs") if "pairs" in raw else self.at(*key),
                f"match question '{q.id}' needs at least 2 pairs in 'pairs', each with "
                "'left' and 'right'",
            )
            return
        for i, pair in enumerate(pairs):
            if not isinstance(pair, dict) or "left" not in pair or "right" not in pair:
                self.warn(
                    self.at(*key, "pairs", i),
                    f"pair {i + 1} of question '{q.id}' needs 'left' and 'right'",
                )
                continue
            q.pairs.append((str(pair["left"]), str(pair["right"])))
        self._distinct([p[0] for p in q.pairs], "left side", (*key, "pairs"), q)
        self._distinct([p[1] for p in q.pairs], "right side", (*key, "pairs"), q)

    def _distinct(self, values: list[str], what: str, key: tuple, q: Question) -> None:
        seen: set[str] = set()
        for value in values:
            if value in seen:
                self.warn(
                    self.at_key(*key),
                    f"{q.type} question '{q.id}' has the {what} '{value}' twice; every "
                    f"{what} must be different",
                )
            seen.add(value)


def read_bank(
    text: str,
    bank_id: str,
    path: str,
    reporter: Reporter,
    line_offset: int = 0,
    inline: bool = False,
    competencies: list[str] | None = None,
) -> Bank | None:
    """Parse a bank's YAML; a syntax error is fatal for a bank file, a warning inline."""
    try:
        doc = yamldoc.load(text, line_offset=line_offset)
    except yamldoc.YamlSyntaxError as error:
        report = reporter.warn if inline else reporter.fatal
        report(Location(path, error.line), f"YAML syntax error: {error.message}")
        return None
    return BankReader(doc, path, reporter, competencies).bank(bank_id, inline=inline)


def read_block_options(
    text: str, path: str, reporter: Reporter, line_offset: int = 0
) -> dict[str, Any] | None:
    """Options inside an embedding block (`draw: 3`); None when they cannot be read."""
    try:
        doc = yamldoc.load(text, line_offset=line_offset)
    except yamldoc.YamlSyntaxError as error:
        reporter.warn(Location(path, error.line), f"YAML syntax error: {error.message}")
        return None
    if doc.data is None:
        return {}
    reader = BankReader(doc, path, reporter)
    if not isinstance(doc.data, dict):
        reporter.warn(
            reader.at(),
            "the body of '/// quiz | <bank>' may only hold options: draw, shuffle, pass",
        )
        return None
    reader.unknown_keys(doc.data, BLOCK_OPTIONS, (), "the quiz block")
    options: dict[str, Any] = {}
    reader.settings(options, doc.data, ())
    if isinstance(doc.data.get("title"), str):
        options["title"] = doc.data["title"]
    return options
