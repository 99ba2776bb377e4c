/* Asah search dialog, loaded with the engine on the first search (button.js opens it): the
 * search box, the competency filter, the results with their snippets, keyboard moves. A native
 * <dialog>: focus stays inside while it is open and goes back where it was. */
(function (root) {
  "use strict";
  if (!root.document || root.AsahSearchDialog) return;
  var doc = root.document;
  var STRINGS = /*asah:search-strings*/{};
  var engine = null, siteRoot = null;

  function t(key, values) {
    var table = STRINGS[root.Asah.lang()] || STRINGS.en || {};
    return root.Asah.fmt(table[key] || key, values || {});
  }

  function search(query, options) {
    return engine.search(query, options);
  }

  var el = function () { return root.Asah.el.apply(null, arguments); };
  var dialog, input, select, status, list, opener, timer, asked = 0;
  var names = {};  // competency id → name

  /* The dialog around the box button.js opened at once (so nothing typed meanwhile is lost),
   * or a new one. */
  function build() {
    dialog = doc.querySelector("dialog.asah-search") || root.AsahSearchButton.shell();
    var form = dialog.querySelector("form");
    input = dialog.querySelector("input");
    input.setAttribute("placeholder", t("placeholder"));
    form.querySelector("label").textContent = t("label");
    dialog.setAttribute("aria-label", t("label"));
    select = el("select", { id: "asah-search-competency", class: "asah-search__filter" }, [
      el("option", { value: "", text: t("all") })
    ]);
    status = el("p", { class: "asah-search__status", role: "status" });
    list = el("ol", { class: "asah-search__results" });
    var close = el("button", { type: "button", class: "asah-search__close", text: "×",
                               "aria-label": t("close") });
    form.appendChild(close);
    [
      el("div", { class: "asah-search__options", hidden: "" }, [
        el("label", { for: "asah-search-competency", text: t("filter") }),
        select
      ]),
      status,
      list,
      el("p", { class: "asah-search__hint", text: t("hint") })
    ].forEach(function (part) { dialog.appendChild(part); });
    close.addEventListener("click", hide);
    input.addEventListener("input", schedule);
    select.addEventListener("change", run);
    dialog.addEventListener("keydown", move);
    dialog.addEventListener("close", giveBackFocus);  // closed by the browser too (cancel)
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) hide();  // the backdrop
      var link = event.target.closest && event.target.closest("a");
      if (link) hide();
    });
  }

  function show(typed) {
    if (!list || !list.isConnected) build();
    if (!dialog.open) dialog.showModal();
    if (!typed) {
      input.focus();
      input.select();
    }
    engine.competencies().then(fillFilter, function () {});
    if (input.value.trim() && list.getAttribute("data-asah-query") !== input.value.trim()) run();
  }

  /* Back to where the learner was; nothing focusable there: out of the closed dialog. At
   * once when Asah closes it: the close event comes later, and a key pressed meanwhile (Escape,
   * then "/" to search again) would go to the box of a closed dialog, or, once the dialog is
   * open again, lose the focus its box just got. */
  function giveBackFocus() {
    if (dialog.open) return;  // the close event of a dialog opened again meanwhile
    if (opener && opener !== doc.body && opener.isConnected) opener.focus();
    else if (dialog.contains(doc.activeElement)) doc.activeElement.blur();
  }

  function hide() {
    if (!dialog || !dialog.open) return;
    dialog.close();
    giveBackFocus();
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

  root.AsahSearchDialog = {
    configure: function (options) { engine = options.engine; siteRoot = options.siteRoot; },
    show: function (from, typed) { opener = from; show(typed); },
    hide: hide,
    isOpen: function () { return !!(dialog && dialog.open); }
  };
})(typeof window !== "undefined" ? window : globalThis);
