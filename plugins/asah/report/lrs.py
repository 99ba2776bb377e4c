"""`asah report --lrs URL`: learners' records rebuilt from the xAPI statements Asah's cmi5
packages send to a learning record store (lms/cmi5.js, docs/lms.md), then counted as the records
of export files are (collect.py, derive.py). Reading (`read_statements`) is the xAPI 1.0.3
statements API; mapping (`FromStatements`) is pure, so it is tested without a network.

What statements say, and so what a rebuilt record holds (docs/report.md):
- `completed` of a unit (its AU id, the object's or the context's `grouping`): every lesson of
  the unit marked done, at the statement's time (cmi5 sends it once every lesson is marked);
- `passed`: the same, and every quiz the unit waits for passed;
- `answered` (object `<AU id>/quiz/<quiz>/<question>`): the answers of the learner's first
  attempt at each quiz, their scores and responses — the question analysis's first attempt;
- `failed`, `launched`, `initialized`, `terminated` and others change nothing the report counts.
Not in statements: self-assessments (no gaps), the learner's unit of work and position, which
lessons of an unfinished unit were done, quizzes passed outside a unit that waits for them, the
version of a question answered (answers count against the course's questions as they are now)."""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from collections.abc import Mapping as MappingType
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlencode, urljoin, urlsplit

from ..package.cmi5 import identifiers, required
from ..package.unit import UnknownPath, unit_of
from .records import RecordFile, parse_date

if TYPE_CHECKING:
    from .course import ReportCourse
    from .run import Options

ADL = "http://adlnet.gov/expapi/verbs/"
COUNTED = ("completed", "passed", "answered")  # the verbs that change a record
SLACK = timedelta(days=1)  # as records.py: a day for clocks before a date is "in the future"
SEPARATOR = "[,]"  # between the items of a cmi.interaction response
TIMEOUT = 30  # seconds for each request
ATTEMPT = 10  # seconds: answers sent this close to a quiz's first answer are its first attempt
USER, PASSWORD, AUTH = "ASAH_LRS_USER", "ASAH_LRS_PASSWORD", "ASAH_LRS_AUTH"


class LrsError(Exception):
    """The record store cannot be read: an interface string's key (report_<key>) and values;
    never the credentials."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.key, self.values = key, values


# -- the course's units ------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """A unit a cmi5 package of this course reports as (package/unit.py): the whole course or
    one learning path."""

    au: str  # the AU's publisher id (cmi5.xml)
    lessons: tuple[str, ...]  # its lesson steps
    quizzes: tuple[str, ...]  # the quizzes `passed` says were passed


@dataclass(frozen=True)
class CourseIds:
    root: str  # every activity id of the course's packages starts with it
    units: dict[str, Unit]  # AU id → unit


def course_ids(catalogue: dict[str, Any], site_url: str) -> CourseIds:
    """The AU ids `asah package cmi5` gives this course and each of its paths."""
    site = catalogue["site"]
    units: dict[str, Unit] = {}
    for path_id in ["", *(p["id"] for p in catalogue.get("paths") or [])]:
        try:
            unit = unit_of(catalogue, path_id)
        except UnknownPath:  # pragma: no cover - the ids come from the catalogue
            continue
        au = identifiers(site_url, site, path_id)[1]
        lessons = tuple(s["ref"] for s in unit.steps if s["kind"] == "lesson")
        units[au] = Unit(au, lessons, tuple(required(unit)))
    course = identifiers(site_url, site, "")[0]
    return CourseIds(course.removesuffix("course"), units)


# -- mapping statements to records -------------------------------------------------------------


def learner_key(actor: Any) -> str:
    """An agent's stable key from its inverse functional identifier ("" for none, or a group):
    the LMS account (home page and name), else mbox, mbox_sha1sum or openid. Names are not keys."""
    if not isinstance(actor, dict) or actor.get("objectType") == "Group":
        return ""
    account = actor.get("account")
    if isinstance(account, dict):
        home, name = account.get("homePage"), account.get("name")
        return f"account:{home}|{name}" if isinstance(home, str) and isinstance(name, str) else ""
    for ifi in ("mbox", "mbox_sha1sum", "openid"):
        value = actor.get(ifi)
        if isinstance(value, str) and value:
            return f"{ifi}:{value.strip().lower() if ifi == 'mbox' else value}"
    return ""


def nip_of(actor: dict[str, Any]) -> str:
    """The NIP when the LMS account's name is one (18 digits; many agencies' LMSs use the NIP
    as the user name), else ""."""
    account = actor.get("account")
    name = account.get("name") if isinstance(account, dict) else None
    digits = "".join(ch for ch in name if not ch.isspace()) if isinstance(name, str) else ""
    return digits if len(digits) == 18 and digits.isdigit() else ""


def stored_answer(kind: str, response: str) -> Any:
    """A cmi.interaction response as the browser stores the answer (derive.answer_key counts
    options): a choice `2` or `0[,]2`, true-false `true`; anything else names no option."""
    if kind == "single":
        return response
    if kind == "multiple":
        return response.split(SEPARATOR) if response else []
    if kind == "truefalse":
        return response
    return {"response": response}


def first_answers(
    answers: list[tuple[datetime, str, str, float, str]],
) -> dict[str, tuple[str, str, float, str]]:
    """The first attempt of a quiz, from all of a learner's answers to it: those sent within
    ATTEMPT seconds of the first (the runtime sends an attempt's answers together, and no one
    answers a quiz twice that fast), each question's earliest → (date, question, score,
    response)."""
    ordered = sorted(answers)
    start = ordered[0][0]
    found: dict[str, tuple[str, str, float, str]] = {}
    for moment, when, question, score, response in ordered:
        if (moment - start).total_seconds() > ATTEMPT:
            break
        found.setdefault(question, (when, question, score, response))
    return found


@dataclass
class _Learner:
    key: str
    name: str
    nip: str
    lessons: dict[str, str] = field(default_factory=dict)  # path → earliest date done
    passed: dict[str, str] = field(default_factory=dict)  # quiz → earliest date passed
    # quiz → every answer: (moment, date as sent, question, score, response)
    answers: dict[str, list[tuple[datetime, str, str, float, str]]] = field(default_factory=dict)
    last: str = ""  # the latest statement's date

    def records(self, questions: MappingType[tuple[str, str], tuple[str, str]]) -> dict:
        """The learner's record as the browser keeps it (progress/record.js)."""
        lessons = {path: {"done": True, "date": date} for path, date in self.lessons.items()}
        quizzes: dict[str, dict[str, Any]] = {}
        for quiz, answers in sorted(self.answers.items()):
            first_attempt = first_answers(answers)
            scores = [score for _, _, score, _ in first_attempt.values()]
            percent = round(100 * sum(scores) / len(scores), 1)
            first: dict[str, Any] = {
                "date": min(date for date, _, _, _ in first_attempt.values()),
                "score": percent,
                "questions": {},
                "answers": {},
            }
            for question, (_, _, score, response) in first_attempt.items():
                kind, fp = questions.get((quiz, question), ("", ""))
                first["questions"][question] = {"fp": fp, "score": score}
                first["answers"][question] = stored_answer(kind, response)
            quizzes[quiz] = {"attempts": 1, "best": percent, "passed": False, "first": first}
        for quiz, date in self.passed.items():
            entry = quizzes.setdefault(quiz, {"attempts": 1, "best": 0})
            entry["passed"], entry["passedDate"] = True, date
        return {"lessons": lessons, "quizzes": quizzes}


def _ids(statement: dict[str, Any]) -> list[str]:
    """The object's id and the context's grouping ids (cmi5 puts the AU's id there)."""
    found = [statement["object"]["id"]]
    context = statement.get("context")
    activities = context.get("contextActivities") if isinstance(context, dict) else None
    grouping = activities.get("grouping") if isinstance(activities, dict) else None
    if isinstance(grouping, dict):
        grouping = [grouping]
    for activity in grouping if isinstance(grouping, list) else []:
        if isinstance(activity, dict) and isinstance(activity.get("id"), str):
            found.append(activity["id"])
    return found


def _readable(statement: Any) -> bool:
    if not isinstance(statement, dict):
        return False
    verb, target = statement.get("verb"), statement.get("object")
    return (
        isinstance(verb, dict)
        and isinstance(verb.get("id"), str)
        and isinstance(target, dict)
        and isinstance(target.get("id"), str)
        and isinstance(statement.get("timestamp") or statement.get("stored"), str)
    )


def _score(result: Any) -> float:
    if not isinstance(result, dict):
        return 0.0
    score = result.get("score")
    scaled = score.get("scaled") if isinstance(score, dict) else None
    if isinstance(scaled, (int, float)) and not isinstance(scaled, bool):
        return min(1.0, max(0.0, float(scaled)))
    return 1.0 if result.get("success") is True else 0.0


class FromStatements:
    """Statements, in any order, to learners' records. Statements that cannot be counted are
    counted by kind (`skipped`: kind → [how many, an example])."""

    def __init__(
        self,
        ids: CourseIds,
        questions: MappingType[tuple[str, str], tuple[str, str]],  # → (type, fingerprint)
        now: datetime,
    ) -> None:
        self.ids, self.questions = ids, questions
        self.limit = now + SLACK
        self.statements = 0
        self.skipped: dict[str, list[Any]] = {}
        self._learners: dict[str, _Learner] = {}

    def _skip(self, kind: str, example: str = "") -> None:
        entry = self.skipped.setdefault(kind, [0, example])
        entry[0] += 1

    def add(self, statement: Any) -> None:
        self.statements += 1
        if not _readable(statement):
            return self._skip("lrs_unreadable")
        ids = _ids(statement)
        if not any(i.startswith(self.ids.root) for i in ids):
            return self._skip("lrs_other_course", ids[-1])  # the AU, when in grouping
        verb = statement["verb"]["id"].removeprefix(ADL)
        if verb not in COUNTED:
            return None
        key = learner_key(statement.get("actor"))
        if not key:
            return self._skip("lrs_no_learner")
        when = statement.get("timestamp") or statement["stored"]
        date = parse_date(when)
        if date is None:
            return self._skip("lrs_unreadable")
        if date > self.limit:
            return self._skip("lrs_future", when)
        if verb == "answered":
            return self._answered(key, statement, when, date)
        unit = next((self.ids.units[i] for i in ids if i in self.ids.units), None)
        if unit is None:
            return self._skip("lrs_other_unit", ids[-1])
        learner = self._learner(key, statement["actor"], when)
        for lesson in unit.lessons:
            learner.lessons[lesson] = min(learner.lessons.get(lesson, when), when)
        if verb == "passed":
            for quiz in unit.quizzes:
                learner.passed[quiz] = min(learner.passed.get(quiz, when), when)
        return None

    def _answered(self, key: str, statement: dict[str, Any], when: str, moment: datetime) -> None:
        object_id = statement["object"]["id"]
        unit = next((au for au in self.ids.units if object_id.startswith(au + "/quiz/")), None)
        parts = object_id[len(unit) + len("/quiz/") :].split("/") if unit else []
        if len(parts) != 2:
            return self._skip("lrs_other_unit", object_id)
        quiz, question = unquote(parts[0]), unquote(parts[1])
        result = statement.get("result")
        response = result.get("response") if isinstance(result, dict) else None
        learner = self._learner(key, statement["actor"], when)
        text = response if isinstance(response, str) else ""
        answer = (moment, when, question, _score(result), text)
        learner.answers.setdefault(quiz, []).append(answer)
        return None

    def _learner(self, key: str, actor: dict[str, Any], when: str) -> _Learner:
        learner = self._learners.get(key)
        if learner is None:
            name = actor.get("name")
            learner = _Learner(key, name.strip() if isinstance(name, str) else "", nip_of(actor))
            self._learners[key] = learner
        learner.last = max(learner.last, when)
        return learner

    def records(self, course_version: str) -> list[tuple[str, RecordFile]]:
        """Each learner's record, labelled `LRS <key>`, with who they are (learners.py keys: the
        actor, and the NIP when the account name is one)."""
        found = []
        for key, learner in sorted(self._learners.items()):
            fields = {"name": learner.name} if learner.name else {}
            if learner.nip:
                fields["nip"] = learner.nip
            record = RecordFile(
                version=2,
                exported="",  # older than any file: a file's learner fields win in a merge
                utc_offset=0,  # statements' times are UTC (the runtime's toISOString)
                learner=fields,
                learner_id="",
                records=learner.records(self.questions),
                course_version=course_version,
                keys=(f"lrs:{key}", *((f"nip:{learner.nip}",) if learner.nip else ())),
            )
            found.append((f"LRS {key}", record))
        return found


# -- reading the statements API ----------------------------------------------------------------


def authorization(environ: MappingType[str, str]) -> str:
    """The Authorization header from the environment: ASAH_LRS_AUTH as it is (`Basic …`,
    `Bearer …`), else HTTP Basic of ASAH_LRS_USER and ASAH_LRS_PASSWORD; "" for none."""
    if environ.get(AUTH):
        return environ[AUTH].strip()
    user = environ.get(USER, "")
    if not user:
        return ""
    token = f"{user}:{environ.get(PASSWORD, '')}".encode()
    return "Basic " + base64.b64encode(token).decode("ascii")


def check_url(url: str) -> str:
    """The endpoint without a trailing `/`; LrsError when it is not http(s) or holds
    credentials (they come from the environment only)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LrsError("lrs_bad_url", url=shown_url(url))
    if parts.username is not None or parts.password is not None:
        raise LrsError("lrs_credentials_in_url")
    return url.rstrip("/")


def shown_url(url: str) -> str:
    """The endpoint as messages show it: no credentials, no query."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}" if parts.scheme else url.split("?")[0]


class _SameHost(urllib.request.HTTPRedirectHandler):
    """Redirects followed on the same scheme, host and port only: urllib would send the
    Authorization header along to any host. Another is refused (an HTTP error, one line)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlsplit(newurl)[:2] != urlsplit(req.full_url)[:2]:
            return None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def read_statements(
    url: str,
    environ: MappingType[str, str],
    since: str = "",
    until: str = "",
    opener: Any = None,
) -> Iterator[dict[str, Any]]:
    """Every statement of GET {url}/statements (with `since`, `until`), page after page by the
    `more` links — only on the endpoint's own host, where its credentials may go."""
    endpoint = check_url(url)
    opener = opener or urllib.request.build_opener(_SameHost).open
    query = {k: v for k, v in (("since", since), ("until", until)) if v}
    headers = {"X-Experience-API-Version": "1.0.3", "Accept": "application/json"}
    auth = authorization(environ)
    if auth:
        headers["Authorization"] = auth
    origin = urlsplit(endpoint)[:2]
    address = f"{endpoint}/statements" + (f"?{urlencode(query)}" if query else "")
    seen: set[str] = set()
    while address and address not in seen:
        seen.add(address)
        page = _get(opener, address, headers, endpoint)
        statements = page.get("statements") if isinstance(page, dict) else None
        if not isinstance(statements, list):
            raise LrsError("lrs_not_statements", url=shown_url(endpoint))
        yield from statements
        more = page.get("more")
        address = urljoin(endpoint + "/", more) if isinstance(more, str) and more else ""
        if address and urlsplit(address)[:2] != origin:
            raise LrsError("lrs_other_host", url=shown_url(endpoint))


def _get(opener: Any, address: str, headers: dict[str, str], endpoint: str) -> Any:
    request = urllib.request.Request(address, headers=headers)
    try:
        with opener(request, timeout=TIMEOUT) as response:
            body = response.read()
    except urllib.error.HTTPError as error:
        raise LrsError("lrs_status", url=shown_url(endpoint), status=error.code) from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise LrsError("lrs_unreachable", url=shown_url(endpoint), reason=_reason(reason)) from None
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise LrsError("lrs_not_statements", url=shown_url(endpoint)) from None


def _reason(reason: Any) -> str:
    """Why a connection failed, as the system says it (`Connection refused`), on one line."""
    text = getattr(reason, "strerror", None) or str(reason)
    return " ".join(str(text).split())[:120]


# -- for the report ----------------------------------------------------------------------------


@dataclass
class Statements:
    """What the record store gave: learners' records, statements read and not counted."""

    records: list[tuple[str, RecordFile]] = field(default_factory=list)
    read: int = 0
    skipped: dict[str, list[Any]] = field(default_factory=dict)  # kind → [how many, example]
    failed: bool = False  # the store could not be read (the report goes on without it)

    @property
    def not_counted(self) -> int:
        """Statements of this course that could not be counted (other courses' are no fault)."""
        return sum(n for kind, (n, _) in self.skipped.items() if kind != "lrs_other_course")


def from_lrs(course: ReportCourse, options: Options, now: datetime) -> Statements:
    """Every statement of `options.lrs` mapped to this course's learners; LrsError when the
    store cannot be read."""
    ids = course_ids(course.data, course.settings.site_url)
    questions = {key: (q.type, q.fp) for key, q in course.questions.items()}
    mapping = FromStatements(ids, questions, now)
    for statement in read_statements(options.lrs, options.environ, options.since, options.until):
        mapping.add(statement)
    return Statements(
        mapping.records(course.data.get("course_version") or ""),
        mapping.statements,
        {
            kind: [n, shown_url(example) if "://" in example else example]
            for kind, (n, example) in mapping.skipped.items()
        },
    )
