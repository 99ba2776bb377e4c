"""Where a page stands in the learning paths (step n of m, previous and next) and its path
navigation, MkDocs-free. A page is on a path when one or more of the path's steps are taken on
it: a lesson step (the lesson itself), a quiz step (the quiz embedded in it, or a quiz page)."""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from ..core.i18n import Strings
from ..core.templates import narrow
from ..core.urls import Links
from ..course.paths import LearningPath
from ..site.model import CourseSite


def path_param(site: CourseSite) -> str:
    """The query parameter that tells a lesson which path the learner follows (`?jalur=`)."""
    return site.strings("path_param")


def in_path(url: str, param: str, path_id: str) -> str:
    """A link that tells the lesson which path the learner is following."""
    base, hash_, fragment = url.partition("#")
    return f"{base}?{param}={path_id}{hash_}{fragment}"


def _place(site: CourseSite, path: LearningPath, index: int) -> tuple[str, str]:
    """The page (source path) where step `index` is taken and the element id of its quiz
    there (`""` for a lesson, or a bank taken on its own quiz page)."""
    found = site.step_place(path, index)
    if found is not None:
        return found
    page = site.page("quiz", path.steps[index].ref)
    return (page.src if page is not None else "", "")


def memberships(site: CourseSite, src: str, links: Links | None) -> list[dict[str, Any]]:
    """The places of page `src` in the paths: one for each run of consecutive steps taken on
    it, with step n of m and the previous and next steps (URLs relative to the page, or to the
    site root without `links`).

    In a run, the lesson's own step is step n; the quiz steps taken on the page are `here`
    (links to the quiz on the page), and previous and next skip them: "next" on a lesson whose
    quiz is the next step goes on to the step after the quiz, never back up the same page. A
    run without the lesson's own step (a quiz of a later step embedded in an earlier lesson)
    is its own place, told apart by the quizzes' element ids (`anchors`): the page is opened
    at one of them (docs/decisions.md, "Learning paths")."""
    to = links.to if links is not None else (lambda url: url)
    param = path_param(site)
    result: list[dict[str, Any]] = []
    for path in site.paths:
        places = [_place(site, path, j) for j in range(len(path.steps))]
        runs: list[list[int]] = []
        for j, (page, _) in enumerate(places):
            if page != src:
                continue
            if runs and runs[-1][-1] == j - 1:
                runs[-1].append(j)
            else:
                runs.append([j])

        def neighbour(j: int, path: LearningPath = path) -> dict[str, str] | None:
            if not 0 <= j < len(path.steps):
                return None
            return {
                "url": in_path(to(site.step_url(path, j)), param, path.id),
                "title": site.step_title(path.steps[j]),
            }

        for run in runs:
            own = [j for j in run if path.steps[j].kind == "lesson"]
            step = own[0] if own else run[0]
            others = [j for j in run if j != step]
            result.append(
                {
                    "id": path.id,
                    "title": path.title,
                    "url": to(site.page_url("path", path.id)),
                    "n": step + 1,
                    "m": len(path.steps),
                    "prev": neighbour(run[0] - 1),
                    "here": [
                        {
                            "n": j + 1,
                            "url": f"#{places[j][1]}",
                            "title": site.step_title(path.steps[j]),
                        }
                        for j in others
                        if places[j][1]
                    ],
                    "next": neighbour(run[-1] + 1),
                    "anchors": [] if own else [places[j][1] for j in run if places[j][1]],
                }
            )
    return result


def pathnav_html(strings: Strings, site: CourseSite, src: str, links: Links) -> str:
    """The path navigation at the end of a page: its place in each path it is on. The browser
    (paths/pathnav.js) shows the one the learner follows; without JavaScript all are listed."""
    t, e = strings, escape
    found = memberships(site, src, links)
    if not found:
        return ""
    parts = [
        f'\n<nav class="asah-pathnav" aria-label="{e(t("in_path"))}"'
        f' data-asah-param="{e(path_param(site))}">\n<ul>'
    ]
    for m in found:
        anchors = f' data-asah-anchors="{e(" ".join(m["anchors"]))}"' if m["anchors"] else ""
        where = t("step_n_of_m", n=m["n"], m=m["m"])
        parts.append(
            f'\n<li data-asah-path="{e(m["id"])}"{anchors}><span class="asah-pathnav__where">'
            f'{e(where)} &#183; <a href="{e(m["url"])}">{e(m["title"])}</a></span>'
        )
        if m["prev"]:
            parts.append(
                f' <a class="asah-pathnav__prev" rel="prev" href="{e(m["prev"]["url"])}">'
                f"&#8592; {e(t('previous'))}: {e(m['prev']['title'])}</a>"
            )
        for step in m["here"]:
            here = t("step_here", n=step["n"], title=step["title"])
            parts.append(
                f' <a class="asah-pathnav__here" href="{e(step["url"])}">{e(here)} &#8593;</a>'
            )
        if m["next"]:
            parts.append(
                f' <a class="asah-pathnav__next md-button md-button--primary" rel="next"'
                f' href="{e(m["next"]["url"])}">{e(t("next"))}: {e(m["next"]["title"])}'
                " &#8594;</a>"
            )
        else:
            parts.append(
                f' <a class="asah-pathnav__end md-button" href="{e(m["url"])}">'
                f"{e(t('path_end', title=m['title']))} &#8594;</a>"
            )
        parts.append("</li>")
    parts.append("\n</ul>\n</nav>")
    return narrow("".join(parts))
