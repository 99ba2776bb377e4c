"""HTML of the path pages, the lesson's end (mark as done, its place in paths) and the app
pages (progress, self-assessment), MkDocs-free."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ..core.templates import TemplateRenderer, narrow
from ..core.urls import Links
from ..course.duration import jp
from ..course.paths import LearningPath, built_levels
from ..quiz.render import json_island
from ..site.catalogue import catalogue
from ..site.model import CourseSite


def path_param(site: CourseSite) -> str:
    """The query parameter that tells a lesson which path the learner follows (`?jalur=`)."""
    return site.strings("path_param")


def _in_path(url: str, param: str, path_id: str) -> str:
    """A link that tells the lesson which path the learner is following."""
    base, hash_, fragment = url.partition("#")
    return f"{base}?{param}={path_id}{hash_}{fragment}"


def memberships(site: CourseSite, lesson_path: str, links: Links | None) -> list[dict[str, Any]]:
    """The paths a lesson is on: step n of m, with the previous and next steps (URLs relative
    to the page, or to the site root without `links`).

    Quiz steps next to the lesson that are taken on this very page (its own quiz, embedded in
    it) are `here`: links to the quiz on the page. Previous and next skip them, so "next" on a
    lesson whose quiz is the next step goes on to the step after the quiz, never back up the
    same page (docs/decisions.md, "Learning paths")."""
    to = links.to if links is not None else (lambda url: url)
    param = path_param(site)
    result = []
    for path in site.paths:
        refs = [(s.kind, s.ref) for s in path.steps]
        if ("lesson", lesson_path) not in refs:
            continue
        i = refs.index(("lesson", lesson_path))

        def quiz_here(j: int, path: LearningPath = path) -> dict[str, Any] | None:
            """Step j as a link to its quiz on this page, when it is one."""
            if not 0 <= j < len(path.steps) or path.steps[j].kind != "quiz":
                return None
            place = site.step_place(path, j)
            if place is None or place[0] != lesson_path:
                return None
            return {"n": j + 1, "url": f"#{place[1]}", "title": site.step_title(path.steps[j])}

        def neighbour(j: int, path: LearningPath = path) -> dict[str, str] | None:
            if not 0 <= j < len(path.steps):
                return None
            return {
                "url": _in_path(to(site.step_url(path, j)), param, path.id),
                "title": site.step_title(path.steps[j]),
            }

        first, last = i, i
        here: list[dict[str, Any]] = []
        while (before := quiz_here(first - 1)) is not None:
            first -= 1
            here.insert(0, before)
        while (after := quiz_here(last + 1)) is not None:
            last += 1
            here.append(after)
        result.append(
            {
                "id": path.id,
                "title": path.title,
                "url": to(site.page_url("path", path.id)),
                "n": i + 1,
                "m": len(path.steps),
                "prev": neighbour(first - 1),
                "here": here,
                "next": neighbour(last + 1),
            }
        )
    return result


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
            }
            for p in site.paths
        ]
        return self.env.get_template("asah/paths.html").render(
            paths=cards, site=site.settings.site_key()
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
                    "url": _in_path(links.to(site.step_url(path, index)), param, path.id),
                    "kind_label": t("step_lesson") if lesson else t("step_quiz"),
                    "duration": t("minutes", n=lesson.minutes) if lesson and lesson.minutes else "",
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
        parts = [
            f'<section class="asah-lesson-end" data-asah-site="{e(site.settings.site_key())}"'
            ' data-asah-load="lesson.js"'
            f' aria-label="{e(t("mark_done"))}">\n<p class="asah-done" hidden><button'
            f' type="button" class="md-button" data-asah-done="{e(lesson.path)}"'
            f' data-asah-label-on="{e(t("marked_done"))}"'
            f' data-asah-label-off="{e(t("mark_done"))}"'
            f' data-asah-status-on="{e(t("marked_status"))}"'
            f' data-asah-status-off="{e(t("unmarked_status"))}" aria-pressed="false">'
            f'{e(t("mark_done"))}</button> <span class="asah-done__status" role="status">'
            "</span></p>"
        ]
        found = memberships(site, lesson_path, links)
        if found:
            parts.append(
                f'\n<nav class="asah-pathnav" aria-label="{e(t("in_path"))}"'
                f' data-asah-param="{e(path_param(site))}">\n<ul>'
            )
            for m in found:
                where = t("step_n_of_m", n=m["n"], m=m["m"])
                parts.append(
                    f'\n<li data-asah-path="{e(m["id"])}"><span class="asah-pathnav__where">'
                    f'{e(where)} &#8212; <a href="{e(m["url"])}">{e(m["title"])}</a></span>'
                )
                if m["prev"]:
                    parts.append(
                        f' <a class="asah-pathnav__prev" rel="prev" href="{e(m["prev"]["url"])}">'
                        f"&#8592; {e(t('previous'))}: {e(m['prev']['title'])}</a>"
                    )
                for step in m["here"]:
                    here = t("step_here", n=step["n"], title=step["title"])
                    parts.append(
                        f' <a class="asah-pathnav__here" href="{e(step["url"])}">'
                        f"{e(here)} &#8593;</a>"
                    )
                if m["next"]:
                    parts.append(
                        f' <a class="asah-pathnav__next" rel="next" href="{e(m["next"]["url"])}">'
                        f"{e(t('next'))}: {e(m['next']['title'])} &#8594;</a>"
                    )
                parts.append("</li>")
            parts.append("\n</ul>\n</nav>")
        parts.append("\n</section>")
        return narrow("".join(parts))

    def app(self, site: CourseSite, name: str, links: Links, load: str) -> str:
        """An app page; `load` names the app's files for the loader (loader/loader.js)."""
        return self.env.get_template("asah/app.html").render(
            app=name,
            load=load,
            site=site.settings.site_key(),
            root=links.root,
            data=json_island(catalogue(site, browser=True)),
            strings=json_island(self.strings.prefixed("app_")),
        )
