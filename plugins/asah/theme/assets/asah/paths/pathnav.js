/* Asah path navigation on a lesson (or a quiz page that is a path step): which path the page is
 * read in, and one way on. Loaded with lesson.js by the loader (data-asah-load).
 *
 * A learner follows a path when the link she came by names it (`?jalur=<id>` on an Indonesian
 * site, `?path=<id>` on others: data-asah-param): links from a path page and the path's own
 * previous/next carry it. Then the page says at its top where she is ("Langkah 3 dari 7 ·
 * Aman di Dunia Digital"), its end has the path's previous and next, and Material's footer
 * (previous/next in the course's order) is hidden, so there is one "next"; Material's keyboard
 * shortcuts (n, p) follow the path too. Without the parameter, a page of the path last used
 * only says which step it is: the footer keeps the course's order (docs/decisions.md,
 * "Learning paths"). */
(function () {
  "use strict";
  if (window.AsahPathNav) return;
  var all = window.Asah.all;

  function siteOf(nav) {
    var holder = nav.closest("[data-asah-site]");
    return holder ? holder.getAttribute("data-asah-site") : "";
  }

  /* The entry of path `id` for this page: the one whose quiz the page was opened at (a quiz
   * step taken here apart from the lesson's own step), else the lesson's own. */
  function entryOf(items, id, hash) {
    var mine = items.filter(function (li) { return li.getAttribute("data-asah-path") === id; });
    var at = mine.filter(function (li) {
      var anchors = (li.getAttribute("data-asah-anchors") || "").split(" ");
      return hash && anchors.indexOf(hash) >= 0;
    });
    var own = mine.filter(function (li) { return !li.hasAttribute("data-asah-anchors"); });
    return at[0] || own[0] || mine[0] || null;
  }

  /* Material's footer (the course's previous/next) and <link rel=prev|next> in the head,
   * which its keyboard shortcuts follow. Both are replaced on each instant navigation. */
  function followPath(li) {
    var footer = document.querySelector(".md-footer__inner");
    if (footer) footer.hidden = true;
    ["prev", "next"].forEach(function (rel) {
      var link = document.querySelector("head link[rel=" + rel + "]");
      var to = li.querySelector(".asah-pathnav__" + rel);
      if (link && to) link.href = to.href;
      else if (link) link.parentNode.removeChild(link);
    });
  }

  /* "Langkah 3 dari 7 · Aman di Dunia Digital" above the page's title. */
  function showAtTop(nav, li) {
    var article = nav.closest("article") || document.querySelector("article");
    if (!article || article.querySelector(".asah-pathtop")) return;
    var where = li.querySelector(".asah-pathnav__where").cloneNode(true);
    var top = window.Asah.el("p", { "class": "asah-pathtop" }, [].slice.call(where.childNodes));
    var title = article.querySelector("h1");
    if (title) title.parentNode.insertBefore(top, title);
    else article.insertBefore(top, article.firstChild);
  }

  function initPathNav(nav, site) {
    var items = all(nav, "[data-asah-path]");
    var param = nav.getAttribute("data-asah-param") || "jalur";
    var wanted = new URLSearchParams(window.location.search).get(param);
    var record = window.AsahStore.read(site);
    var hash = decodeURIComponent(window.location.hash.slice(1));
    var following = entryOf(items, wanted, hash);
    var chosen = following || entryOf(items, record.lastPath, hash);
    items.forEach(function (li) { li.hidden = li !== chosen; });
    nav.hidden = !chosen;
    if (!chosen) return;
    if (following) {
      followPath(chosen);
      showAtTop(nav, chosen);
      if (wanted !== record.lastPath) {
        window.AsahStore.update(site, function (data) { data.lastPath = wanted; });
      }
    } else {
      // not read in the path: which step it is, and the path's page; no second "next"
      all(chosen, ".asah-pathnav__prev, .asah-pathnav__next, .asah-pathnav__end")
        .forEach(function (a) { a.hidden = true; });
    }
  }

  function init() {
    if (!window.AsahStore) return;
    all(document, ".asah-pathnav").forEach(function (nav) {
      if (nav.hasAttribute("data-asah-ready")) return;
      nav.setAttribute("data-asah-ready", "");
      try {
        initPathNav(nav, siteOf(nav));
      } catch (error) {
        if (window.console) console.error("asah path navigation", error);
      }
    });
  }

  window.AsahPathNav = { init: init };
  window.Asah.ready(init);
})();
