"""HTML of the path pages, the lesson footer and the browser data islands (MkDocs-free)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from markupsafe import Markup, escape

from ..core.templates import TemplateRenderer, narrow
from ..course.course import Course
from ..course.duration import jp
from ..course.paths import LearningPath, Step, built_levels, minutes
from ..quiz.model import Bank
from ..quiz.render import json_island


class Links(Protocol):
    """URLs relative to the page being rendered; `site(url)` takes a site-root-relative URL."""

    def site(self, url: str) -> str: ...


@dataclass
class Catalogue:
    """What the path pages need to know about the course, with site-root-relative URLs."""

    course: Course
    banks: dict[str, Bank]
    paths: list[LearningPath]
    lesson_url: dict[str, str]  # lesson path → URL
    bank_url: dict[str, str]  # bank id → URL (its kuis/ page or the lesson embedding it)
    path_urls: dict[str, str]  # path id → URL of its page
    competency_url: Callable[[str], str]
    site: str
    title: str

    def step_title(self, step: Step) -> str:
        if step.kind == "lesson":
            return self.course.lessons[step.ref].title or step.ref
        bank = self.banks.get(step.ref)
        return (bank.title if bank else "") or step.ref

    def step_url(self, step: Step) -> str:
        table = self.lesson_url if step.kind == "lesson" else self.bank_url
        return table.get(step.ref, "")

    def browser_data(self, root: str) -> dict[str, Any]:
        """The course as the browser runtime reads it (see progress/model.js)."""
        framework = self.course.framework
        group_name = {c.id: g.name for g in framework.groups for c in g.competencies}
        return {
            "site": self.site,
            "title": self.title,
            "root": root,
            "minutesPerJp": self.course.minutes_per_jp,
            "levels": {str(k): v for k, v in sorted(framework.level_labels.items())},
            "competencies": [
                {
                    "id": c.id,
                    "name": c.name,
                    "group": group_name[c.id],
                    "url": self.competency_url(c.id),
                }
                for c in framework.competencies()
            ],
            "lessons": [
                {
                    "path": path,
                    "title": lesson.title or path,
                    "url": self.lesson_url.get(path, ""),
                    "minutes": lesson.minutes or 0,
                    "competencies": lesson.competencies,
                    "quizzes": lesson.quizzes,
                    "prerequisites": lesson.prerequisites,
                }
                for path, lesson in self.course.lessons.items()
            ],
            "banks": [
                {"id": bid, "title": bank.title or bid, "url": self.bank_url.get(bid, "")}
                for bid, bank in self.banks.items()
            ],
            "paths": [
                {
                    "id": p.id,
                    "title": p.title,
                    "url": self.paths_url(p.id),
                    "target": p.target,
                    "steps": [{"kind": s.kind, "ref": s.ref} for s in p.steps],
                }
                for p in self.paths
            ],
        }

    def paths_url(self, path_id: str) -> str:
        return self.path_urls.get(path_id, "")


@dataclass
class PathsRenderer(TemplateRenderer):
    def _total(self, course: Course, path: LearningPath) -> str:
        total = minutes(course, path)
        t = self.strings
        return t("path_total", minutes=total, jp=t.number(jp(total, course.minutes_per_jp)))

    def paths(self, cat: Catalogue, links: Links) -> str:
        cards = [
            {
                "id": p.id,
                "title": p.title,
                "url": links.site(cat.paths_url(p.id)),
                "description": self.md(p.description),
                "audience": p.audience,
                "count": len(p.steps),
                "total": self._total(cat.course, p),
                "steps_json": json.dumps([f"{s.kind}:{s.ref}" for s in p.steps]),
            }
            for p in cat.paths
        ]
        return self.env.get_template("asah/paths.html").render(paths=cards, site=cat.site)

    def path(self, cat: Catalogue, path: LearningPath, links: Links) -> str:
        t = self.strings
        course = cat.course
        steps = []
        for step in path.steps:
            lesson = course.lessons.get(step.ref) if step.kind == "lesson" else None
            duration = ""
            if lesson and lesson.minutes:
                duration = t("minutes", n=lesson.minutes)
            url = links.site(cat.step_url(step))
            steps.append(
                {
                    "kind": step.kind,
                    "ref": step.ref,
                    "title": cat.step_title(step),
                    "url": _in_path(url, path.id),
                    "kind_label": t("step_lesson") if lesson else t("step_quiz"),
                    "duration": duration,
                }
            )
        badges = []
        for cid, level in built_levels(course, path.lessons()).items():
            competency = course.framework.get(cid)
            if competency:
                badges.append(
                    {
                        "id": cid,
                        "name": competency.name,
                        "level": level,
                        "url": links.site(cat.competency_url(cid)) + f"#level-{level}",
                    }
                )
        return self.env.get_template("asah/path.html").render(
            path=path,
            description=self.md(path.description),
            total=self._total(course, path),
            badges=badges,
            steps=steps,
            picture=self.picture([s["title"] for s in steps]),
            site=cat.site,
        )

    def picture(self, titles: list[str]) -> Markup:
        """The path as numbered stops on a line, drawn at build time (no script needed)."""
        per_row, gap, row_height, radius = 8, 44, 56, 14
        count = len(titles)
        if not count:
            return Markup("")
        rows = (count + per_row - 1) // per_row
        width = gap * min(count, per_row) + 8
        height = row_height * rows
        points, nodes = [], []
        for i, title in enumerate(titles):
            row, col = divmod(i, per_row)
            if row % 2:  # every other row runs right to left, so the line snakes
                col = per_row - 1 - col
            x, y = 4 + gap // 2 + col * gap, row_height // 2 + row * row_height
            points.append(f"{x},{y}")
            nodes.append(
                f'<g class="asah-node" data-asah-node="{i}"><title>{escape(title)}</title>'
                f'<circle cx="{x}" cy="{y}" r="{radius}"></circle>'
                f'<text x="{x}" y="{y + 5}" text-anchor="middle">{i + 1}</text></g>'
            )
        label = escape(self.strings("path_picture", n=count))
        return Markup(
            f'<svg class="asah-path-picture" data-search-exclude role="img" aria-label="{label}" '
            f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
            f'<polyline class="asah-path-line" points="{" ".join(points)}"></polyline>'
            f"{''.join(nodes)}</svg>"
        )

    def lesson_end(self, cat: Catalogue, lesson_path: str, links: Links) -> str:
        lesson = cat.course.lessons[lesson_path]
        html = self.env.get_template("asah/lesson-end.html").render(
            lesson=lesson, memberships=memberships(cat, lesson_path, links), site=cat.site
        )
        return narrow(html)

    def app(self, cat: Catalogue, name: str, root: str, load: str) -> str:
        """An app page; `load` names the app's files for the loader (loader/loader.js)."""
        return self.env.get_template("asah/app.html").render(
            app=name,
            load=load,
            site=cat.site,
            data=json_island(cat.browser_data(root)),
            strings=json_island(self.strings.prefixed("app_")),
        )


def _in_path(url: str, path_id: str) -> str:
    """A link that tells the lesson which path the learner is following."""
    base, hash_, fragment = url.partition("#")
    return f"{base}?jalur={path_id}{hash_}{fragment}"


def memberships(cat: Catalogue, lesson_path: str, links: Links) -> list[dict[str, Any]]:
    """The paths a lesson is on: step n of m, with the previous and next steps."""
    result = []
    for path in cat.paths:
        refs = [(s.kind, s.ref) for s in path.steps]
        if ("lesson", lesson_path) not in refs:
            continue
        i = refs.index(("lesson", lesson_path))

        def neighbour(j: int, path: LearningPath = path) -> dict[str, str] | None:
            if not 0 <= j < len(path.steps):
                return None
            step = path.steps[j]
            url = _in_path(links.site(cat.step_url(step)), path.id)
            return {"url": url, "title": cat.step_title(step)}

        result.append(
            {
                "id": path.id,
                "title": path.title,
                "url": links.site(cat.paths_url(path.id)),
                "n": i + 1,
                "m": len(path.steps),
                "prev": neighbour(i - 1),
                "next": neighbour(i + 1),
            }
        )
    return result
