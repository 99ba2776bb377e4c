"""Questions: for each question, from learners' first attempts (before any feedback or
solution), the share fully right, its discrimination (the share right among the top 27 % of
the quiz's scores minus that among the bottom 27 %), the share choosing each option, and flags
for questions that look wrong, so authors can fix them. Answers to an earlier version of a
question (another fingerprint) are left out."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .course import QuestionInfo, ReportCourse
from .privacy import Privacy
from .store import Store
from .table import Cell, Csv, Numbers, Section, Table

FLAG_MIN = 20  # answers a question needs before it is flagged
EASY = 0.95
ABLE_MISS = 0.5


@dataclass
class Stats:
    n: int
    right: float
    mean: float
    high_n: int
    high: float | None
    low_n: int
    low: float | None
    unanswered: int

    @property
    def discrimination(self) -> float | None:
        if not self.high_n or not self.low_n or self.high is None or self.low is None:
            return None
        return self.high - self.low


def letter(i: int) -> str:
    return chr(ord("A") + i) if i < 26 else str(i + 1)


def flags(
    q: QuestionInfo, s: Stats, chosen: dict[str, tuple[int, int]], privacy: Privacy
) -> list[tuple[str, dict]]:
    """The flags of a question with enough answers: (string key, values)."""
    if s.n < FLAG_MIN or not privacy.enough(s.high_n) or not privacy.enough(s.low_n):
        return []
    found: list[tuple[str, dict]] = []
    d = s.discrimination
    if d is not None and d < 0:
        found.append(("report_flag_key", {}))
    if s.high is not None and s.high < ABLE_MISS:
        found.append(("report_flag_able", {}))
    if q.keys and q.right:
        best_right = max(chosen.get(k, (0, 0))[1] for k in q.right)
        for i, key in enumerate(q.keys):
            high_picks = chosen.get(key, (0, 0))[1]
            if key not in q.right and high_picks > best_right and high_picks >= s.high_n / 3:
                found.append(("report_flag_distractor", {"option": letter(i)}))
    if s.right >= EASY:
        found.append(("report_flag_easy", {}))
    return found


def questions(course: ReportCourse, store: Store, numbers: Numbers, privacy: Privacy) -> Section:
    t = course.strings
    section = Section("questions", t("report_questions"), [t("report_questions_intro", n=FLAG_MIN)])
    stats: dict[tuple[str, str, str], Stats] = {
        (quiz, qid, fp): Stats(n, right, mean, hn, hr, ln, lr, un)
        for quiz, qid, fp, n, right, mean, hn, hr, ln, lr, un in store.questions()
    }
    options: dict[tuple[str, str, str], dict[str, tuple[int, int]]] = defaultdict(dict)
    for quiz, qid, fp, key, n, high in store.options():
        options[(quiz, qid, fp)][key] = (n, high)
    earlier = sum(
        s.n
        for (quiz, qid, fp), s in stats.items()
        if (quiz, qid) in course.questions and course.questions[(quiz, qid)].fp != fp
    )
    if earlier:
        section.intro.append(t("report_earlier_answers", n=t.number(earlier)))
    rows, csv_rows, option_rows, flagged = [], [], [], 0
    types = t.prefixed("report_type_")
    for (quiz, qid), q in course.questions.items():
        s = stats.get((quiz, qid, q.fp))
        if s is None:
            continue
        chosen = options.get((quiz, qid, q.fp), {})
        enough = privacy.enough(s.n)
        found = flags(q, s, chosen, privacy) if enough else []
        flagged += bool(found)
        shares = []
        for i, key in enumerate(q.keys):
            n, high = chosen.get(key, (0, 0))
            count = privacy.count(n)
            share = numbers.share(n / s.n).text if count is not None else numbers.hidden_text
            mark = " ✓" if key in q.right else ""
            name = q.options[i] if q.type == "truefalse" else letter(i)
            shares.append(f"{name}{mark}: {share}")
            option_rows.append(
                [
                    quiz,
                    qid,
                    letter(i),
                    q.options[i],
                    int(key in q.right),
                    numbers.count(count).csv,
                    round(n / s.n, 4) if count is not None and enough else "",
                    high if count is not None else "",
                ]
            )
        d = s.discrimination
        hidden = numbers.hidden()
        words = [t(key, **values) for key, values in found]
        cells = [
            Cell(f"{q.prompt} ({qid})", qid),
            numbers.text(course.quiz_titles.get(quiz, quiz)),
            numbers.text(types.get(q.type, q.type)),
            numbers.count(privacy.count(s.n)),
            numbers.share(s.right) if enough else hidden,
            numbers.value(d, 2)
            if enough and d is not None
            else (hidden if not enough else Cell("—", "")),
            Cell("; ".join(shares), lines=tuple(shares), whole=True)
            if enough and shares
            else Cell("—"),
            Cell(" ".join(words) or "—", lines=tuple(words)),
        ]
        rows.append((not found, len(rows), cells))
        csv_rows.append(
            [
                quiz,
                course.quiz_titles.get(quiz, quiz),
                qid,
                q.type,
                q.prompt,
                cells[3].csv,
                cells[4].csv,
                round(s.mean, 4) if enough else numbers.hidden_text,
                round(s.high, 4) if enough and s.high is not None else "",
                round(s.low, 4) if enough and s.low is not None else "",
                cells[5].csv,
                s.unanswered if enough else numbers.hidden_text,
                "|".join(key.removeprefix("report_flag_") for key, _ in found),
            ]
        )
    if rows:
        section.intro.append(t("report_flagged", n=t.number(flagged)))
        heads = [
            t("report_question"),
            t("report_quiz"),
            t("report_type"),
            t("report_answers"),
            t("report_right"),
            t("report_discrimination"),
            t("report_options"),
            t("report_flags"),
        ]
        # the flagged questions first, so authors see what to fix; then in course order
        shown = [cells for _, _, cells in sorted(rows, key=lambda row: row[:2])]
        section.blocks.append(Table("table-questions", t("report_questions_table"), heads, shown))
    else:
        section.intro.append(t("report_no_answers"))
    section.csv += [
        Csv(
            "questions.csv",
            [
                "quiz_id",
                "quiz",
                "question_id",
                "type",
                "prompt",
                "answers",
                "share_right",
                "mean_score",
                "high_right",
                "low_right",
                "discrimination",
                "unanswered",
                "flags",
            ],
            csv_rows,
        ),
        Csv(
            "options.csv",
            ["quiz_id", "question_id", "option", "text", "right", "chosen", "share", "chosen_high"],
            option_rows,
        ),
    ]
    return section
