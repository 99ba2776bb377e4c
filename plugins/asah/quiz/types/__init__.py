"""The question types, one module each. A new type is a module here (a `QuestionType` as
`TYPE`), its line below, a browser module
`theme/assets/asah/quiz/types/<type>.js`, and its strings in `locales/` if it shows new text."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from ..model import Question
from .base import QuestionType

MODULES = (
    "single",
    "multiple",
    "truefalse",
    "text",
    "number",
    "fill",
    "order",
    "match",
    "category",
)
REGISTRY: dict[str, QuestionType] = {
    name: import_module(f"{__name__}.{name}").TYPE for name in MODULES
}
NAMES = tuple(REGISTRY)

# What every fingerprint held before types were modules: kept so that a question that did not
# change keeps its fingerprint (and learners their results) across Asah versions.
_LEGACY = {
    "options": [],
    "answer": None,
    "tolerance": 0,
    "answers": [],
    "pattern": None,
    "items": [],
    "pairs": [],
    "partial": False,
}


def get(name: str) -> QuestionType:
    return REGISTRY[name]


def fingerprint_content(question: Question) -> dict[str, Any]:
    return {
        **_LEGACY,
        "type": question.type,
        "prompt": question.prompt,
        **REGISTRY[question.type].fingerprint(question),
    }
