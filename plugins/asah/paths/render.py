"""HTML of the path pages, the lesson's end (mark as done, its place in paths) and the app
pages (progress, self-assessment), MkDocs-free."""

from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..core.templates import TemplateRenderer, narrow
from ..core.urls import Links
from ..course.duration import jp
from ..course.paths import LearningPath, built_levels
from ..quiz.render import json_island
from ..site.catalogue import catalogue
from ..site.model import CourseSite
from .pathnav import in_path, path_param, pathnav_html


def _waits_for(site: CourseSite, quizzes: list[str] | dict[str, list[str]]) -> str:
    """The quizzes a path page needs to tell whether a lesson step counts, as JSON (`""` when
    marking a lesson done is enough: setting `completion`)."""
    if site.settings.completion != "quiz_passed" or not quizzes:
        return ""
    return json.dumps(quizzes)


@dataclass
class PathsRenderer(TemplateRenderer):
    def _total(self, site: CourseSite, path: LearningPath) -> str:
        total = site.path_minutes(path)
        t = self.strings
        if not site.settings.counts_jp:
            return t("path_total_minutes", minutes=total)
        return t(
            "path_total",
            minutes=total,
            jp=t.number(jp(total, site.settings.minutes_per_jp)),
        )

    def paths(self, site: CourseSite, links: Links) -> str:
        cards = [
            {
                "id": p.id,
                "title": p.title,
                "url": links.to(site.page_url("path", p.id)),
                "description": self.md(p.description),
                "audience": p.audience,
                "count": len(p.steps),
                "total": self._total(site, p),
                "steps_json": json.dumps([f"{s.kind}:{s.ref}" for s in p.steps]),
                "quizzes_json": _waits_for(
                    site,
                    {
                        s.ref: site.course.lessons[s.ref].quizzes
                        for s in p.steps
                        if s.kind == "lesson"
                        and s.ref in site.course.lessons
                        and site.course.lessons[s.ref].quizzes
                    },
                ),
            }
            for p in site.paths
        ]
        return self.env.get_template("asah/paths.html").render(
            paths=cards,
            site=site.settings.site_key(),
            completion=site.settings.completion,
            offline=site.has("offline"),  # what is saved for reading offline (asah/offline)
        )

    def path(self, site: CourseSite, path: LearningPath, links: Links) -> str:
        t, course = self.strings, site.course
        param = path_param(site)
        steps = []
        for index, step in enumerate(path.steps):
            lesson = course.lessons.get(step.ref) if step.kind == "lesson" else None
            steps.append(
                {
                    "kind": step.kind,
                    "ref": step.ref,
                    "title": site.step_title(step),
                    "url": in_path(links.to(site.step_url(path, index)), param, path.id),
                    "kind_label": t("step_lesson") if lesson else t("step_quiz"),
                    "duration": t("minutes", n=lesson.minutes) if lesson and lesson.minutes else "",
                    "quizzes_json": _waits_for(site, lesson.quizzes if lesson else []),
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
                        "url": links.to(site.competency_url(cid, level)),
                    }
                )
        return self.env.get_template("asah/path.html").render(
            path=path,
            description=self.md(path.description),
            total=self._total(site, path),
            badges=badges,
            steps=steps,
            picture=self.picture([s["title"] for s in steps]),
            site=site.settings.site_key(),
            completion=site.settings.completion,
            offline=site.has("offline"),  # "save this path for reading offline" (asah/offline)
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

    def lesson_end(self, site: CourseSite, lesson_path: str, links: Links) -> str:
        """ "Mark as done" and the lesson's place in the paths it is on. Built in Python, as
        the facts box is: it is made once per lesson."""
        t, e = self.strings, escape
        lesson = site.course.lessons[lesson_path]
        # under `completion: quiz_passed` a lesson with quizzes counts once they are passed too
        waits = site.settings.completion == "quiz_passed" and bool(lesson.quizzes)
        quizzes = (
            f' data-asah-quizzes="{e(json.dumps(lesson.quizzes))}"'
            f' data-asah-status-waiting="{e(t("marked_waiting_status"))}"'
            f' data-asah-status-counted="{e(t("counted_status"))}"'
            if waits
            else ""
        )
        rule = f'<span class="asah-done__rule">{e(t("counts_after_quiz"))}</span>' if waits else ""
        parts = [
            f'<section class="asah-lesson-end" data-asah-site="{e(site.settings.site_key())}"'
            ' data-asah-load="lesson.js"'
            f' aria-label="{e(t("mark_done"))}">\n<p class="asah-done" hidden><button'
            f' type="button" class="md-button" data-asah-done="{e(lesson.path)}"'
            f' data-asah-label-on="{e(t("marked_done"))}"'
            f' data-asah-label-off="{e(t("mark_done"))}"'
            f' data-asah-status-on="{e(t("marked_status"))}"'
            f' data-asah-status-off="{e(t("unmarked_status"))}"{quizzes} aria-pressed="false">'
            f'{e(t("mark_done"))}</button> <span class="asah-done__status" role="status">'
            f"</span>{rule}</p>"
        ]
        parts.append(pathnav_html(t, site, lesson_path, links))
        parts.append("\n</section>")
        return narrow("".join(parts))

    def step_end(self, site: CourseSite, src: str, links: Links) -> str:
        """The place in paths of a page that is not a lesson (a quiz page), at its end."""
        nav = pathnav_html(self.strings, site, src, links)
        if not nav:
            return ""
        return narrow(
            f'<div class="asah-lesson-end" data-asah-site="{escape(site.settings.site_key())}"'
            f' data-asah-load="lesson.js">{nav}\n</div>'
        )

    def app(self, site: CourseSite, name: str, links: Links, load: str) -> str:
        """An app page; `load` names the app's files for the loader (loader/loader.js)."""
        data = catalogue(site, browser=True)
        if name == "assess":  # the learner picks a level by what it means
            data["level_texts"] = self.level_texts(site)
        return self.env.get_template("asah/app.html").render(
            app=name,
            load=load,
            site=site.settings.site_key(),
            root=links.root,
            data=json_island(data),
            strings=json_island(self.strings.prefixed("app_")),
        )

    def level_texts(self, site: CourseSite) -> dict[str, dict[str, str]]:
        """What each level of each competency means, as plain text (the framework's level
        texts are Markdown): competency id → level → text."""
        return {
            c.id: {str(n): self.md(text).striptags() for n, text in sorted(c.levels.items())}
            for c in site.course.framework.competencies()
            if c.levels
        }
