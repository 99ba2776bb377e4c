/* Asah search, on every page: the search button in the header, the search dialog, the keys
 * `/`, `s` and `f` that open it, and `asah.search(query)` for scripts (PRODUCT §4.3). Nothing
 * of the index loads with the page: the engine (search.js, next to this bundle) and the index
 * files (search/ at the site root) load on the first search. */
(function (root) {
  "use strict";
  if (!root.document || root.AsahSearchUi) return;
  var doc = root.document;
  var self = doc.currentScript;
  var bundleBase = self && self.src ? self.src.replace(/[^/]*$/, "") : "";
  var STRINGS = /*asah:search-strings*/{};
  var engine = null;
  var ICON = "M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5";

  function t(key, values) {
    var table = STRINGS[root.Asah.lang()] || STRINGS.en || {};
    return root.Asah.fmt(table[key] || key, values || {});
  }

  /* The site root of this build: Material and Zensical write it in #__config; else two
   * folders up from this bundle (assets/asah/). */
  function siteRoot() {
    var config = doc.getElementById("__config");
    try {
      var base = JSON.parse(config.textContent).base;
      return new URL(base.replace(/\/?$/, "/"), root.location.href).href;
    } catch (e) {
      return new URL("../../", bundleBase || root.location.href).href;
    }
  }

  function addScript(src, onError) {
    var script = doc.createElement("script");
    script.src = src;
    if (onError) script.onerror = onError;
    doc.body.appendChild(script);
  }

  function loadEngine() {
    if (engine) return engine;
    engine = new Promise(function (resolve, reject) {
      if (root.AsahSearch) return resolve(root.AsahSearch);
      addScript(bundleBase + "search.js", function () { engine = null; reject(new Error("search.js")); });
      var wait = setInterval(function () {
        if (!root.AsahSearch) return;
        clearInterval(wait);
        resolve(root.AsahSearch);
      }, 10);
    }).then(function (found) {
      var index = siteRoot() + "search/";
      found.configure({ load: function (name, failed) { addScript(index + name + ".js", failed); } });
      return found;
    });
    return engine;
  }

  function search(query, options) {
    return loadEngine().then(function (found) { return found.search(query, options); });
  }

  root.asah = root.asah || {};
  root.asah.search = function (query) {
    return loadEngine().then(function (found) {
      return found.search(query, { limit: 20 }).then(found.flat);
    });
  };

  /* ---- the dialog ---- */

  var el = function () { return root.Asah.el.apply(null, arguments); };
  var dialog, input, select, status, list, opener, timer, asked = 0;
  var names = {};  // competency id → name

  function icon() {
    var svg = doc.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    var path = doc.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", ICON);
    svg.appendChild(path);
    return svg;
  }

  function build() {
    input = el("input", {
      type: "search", id: "asah-search-query", class: "asah-search__input",
      placeholder: t("placeholder"), autocomplete: "off", spellcheck: "false",
      autocapitalize: "off", enterkeyhint: "search"
    });
    select = el("select", { id: "asah-search-competency", class: "asah-search__filter" }, [
      el("option", { value: "", text: t("all") })
    ]);
    status = el("p", { class: "asah-search__status", role: "status" });
    list = el("ol", { class: "asah-search__results" });
    var close = el("button", { type: "button", class: "asah-search__close", text: "×",
                               "aria-label": t("close") });
    dialog = el("dialog", { class: "asah-search", "aria-label": t("label") }, [
      el("form", { class: "asah-search__form", role: "search", method: "dialog" }, [
        el("label", { for: "asah-search-query", class: "asah-search__hidden", text: t("label") }),
        input,
        close
      ]),
      el("div", { class: "asah-search__options", hidden: "" }, [
        el("label", { for: "asah-search-competency", text: t("filter") }),
        select
      ]),
      status,
      list,
      el("p", { class: "asah-search__hint", text: t("hint") })
    ]);
    close.addEventListener("click", hide);
    input.addEventListener("input", schedule);
    select.addEventListener("change", run);
    dialog.addEventListener("keydown", move);
    dialog.addEventListener("close", function () {
      // back to where the learner was; nothing focusable there: out of the closed dialog
      if (opener && opener !== doc.body && opener.isConnected) opener.focus();
      else if (dialog.contains(doc.activeElement)) doc.activeElement.blur();
    });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) hide();  // the backdrop
      var link = event.target.closest && event.target.closest("a");
      if (link) hide();
    });
    doc.body.appendChild(dialog);
  }

  function show() {
    if (!dialog || !dialog.isConnected) build();
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    loadEngine().then(function (found) { return found.competencies(); }).then(fillFilter, function () {});
  }

  function hide() {
    if (dialog && dialog.open) dialog.close();
  }

  function fillFilter(competencies) {
    if (select.options.length > 1 || !competencies.length) return;
    competencies.forEach(function (c) {
      names[c[0]] = c[1];
      select.appendChild(el("option", { value: c[0], text: c[1] }));
    });
    select.parentNode.hidden = false;
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  }

  function run() {
    var query = input.value.trim();
    var mine = ++asked;
    if (!query) {
      list.textContent = "";
      list.removeAttribute("data-asah-query");
      status.textContent = "";
      return;
    }
    status.textContent = t("loading");
    search(query, { limit: 10, competency: select.value }).then(function (result) {
      if (mine !== asked) return;  // a later query is on its way
      show_(result, query);
    }, function () {
      if (mine === asked) status.textContent = t("failed");
    });
  }

  function show_(result, query) {
    list.textContent = "";
    var rootUrl = siteRoot();
    var words = {};
    result.words.forEach(function (w) { words[w] = true; });
    result.pages.forEach(function (page) {
      var href = new URL(page.location, rootUrl).href;
      var top = page.sections[0];
      var item = el("li", { class: "asah-search__page" }, [
        el("a", { href: href + (top.anchor ? "#" + top.anchor : ""), class: "asah-search__link" }, [
          el("span", { class: "asah-search__title", text: page.title }),
          top.heading && el("span", { class: "asah-search__section", text: top.heading }),
          snippet(top.text, words)
        ]),
        facts(page)
      ]);
      var more = page.sections.slice(1).map(function (s) {
        return el("li", {}, [
          el("a", { href: href + (s.anchor ? "#" + s.anchor : ""), class: "asah-search__link" }, [
            el("span", { class: "asah-search__section", text: s.heading || page.title }),
            snippet(s.text, words)
          ])
        ]);
      });
      if (more.length) item.appendChild(el("ul", { class: "asah-search__more" }, more));
      list.appendChild(item);
    });
    list.setAttribute("data-asah-query", query);  // which query the list shows (tests, styling)
    var n = result.total;
    status.textContent = n ? (n === 1 ? t("count_one") : t("count", { n: n })) : t("none", { query: query });
  }

  function facts(page) {
    var badges = (page.competencies || []).map(function (c) {
      return el("span", { class: "asah-search__badge", "data-asah-competency": c[0],
                          text: (names[c[0]] || c[0]) + (c[1] ? " · " + c[1] : "") });
    });
    if (page.minutes) badges.push(el("span", { class: "asah-search__minutes", text: t("minutes", { n: page.minutes }) }));
    return badges.length ? el("p", { class: "asah-search__facts" }, badges) : null;
  }

  /* About 160 characters around the first matched word, matched words (any form) marked. */
  function snippet(text, words) {
    if (!text) return null;
    var pattern = /[A-Za-z0-9\u00C0-\u024F]+/g, match, first = -1, spans = [];
    while ((match = pattern.exec(text))) {
      var folded = root.AsahSearchWords ? root.AsahSearchWords.tokens(match[0])[0] : match[0].toLowerCase();
      if (words[folded]) {
        spans.push([match.index, match.index + match[0].length]);
        if (first < 0) first = match.index;
      }
    }
    var start = Math.max(0, (first < 0 ? 0 : first) - 60);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    var end = Math.min(text.length, start + 180);
    var p = el("span", { class: "asah-search__snippet" });
    var at = start;
    if (start > 0) p.appendChild(doc.createTextNode("… "));
    spans.forEach(function (s) {
      if (s[0] < at || s[1] > end) return;
      p.appendChild(doc.createTextNode(text.slice(at, s[0])));
      p.appendChild(el("mark", { text: text.slice(s[0], s[1]) }));
      at = s[1];
    });
    p.appendChild(doc.createTextNode(text.slice(at, end) + (end < text.length ? " …" : "")));
    return p;
  }

  /* ↓ from the box to the first result, ↑ ↓ between results, ↑ from the first back. */
  function move(event) {
    if (event.key === "Escape") {  // in a search box the browser would only clear the text
      event.preventDefault();
      hide();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    if (!links.length) return;
    var at = links.indexOf(doc.activeElement);
    var next = event.key === "ArrowDown" ? at + 1 : at - 1;
    if (at < 0) next = event.key === "ArrowDown" ? 0 : -1;
    event.preventDefault();
    if (next < 0) input.focus();
    else links[Math.min(next, links.length - 1)].focus();
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  doc.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (dialog && dialog.open) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      opener = doc.activeElement;
      show();
    }
  });

  function init() {
    if (doc.querySelector(".asah-search__open")) return;
    var header = doc.querySelector(".md-header__inner");
    if (!header) return;
    var button = el("button", {
      type: "button", class: "md-header__button md-icon asah-search__open",
      "aria-label": t("open"), title: t("open") + " (/)", "aria-haspopup": "dialog"
    }, [icon()]);
    button.addEventListener("click", function () { opener = button; show(); });
    header.insertBefore(button, header.querySelector(".md-header__source"));
  }

  root.AsahSearchUi = { show: show, hide: hide };
  root.Asah.ready(init);
})(typeof window !== "undefined" ? window : globalThis);
