/* Asah search, on every page: the search button in the header, the keys `/`, `s` and `f` that
 * open the search, and `asah.search(query)` for scripts (README, search section). Nothing else of search
 * loads with the page: the engine and the dialog (search.js and search.css, next to this
 * bundle) and the index files (search/ at the site root) load on the first search. */
(function (root) {
  "use strict";
  if (!root.document || root.AsahSearchButton) return;
  var doc = root.document;
  var self = doc.currentScript;
  var bundleBase = self && self.src ? self.src.replace(/[^/]*$/, "") : "";
  var LABEL = /*asah:search-open*/{};
  var ICON = "M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5";
  var engine = null, dialog = null;

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

  /* Resolves once `test()` gives something (a classic script has run). */
  function loaded(src, test) {
    return new Promise(function (resolve, reject) {
      if (test()) return resolve(test());
      addScript(src, function () { reject(new Error(src)); });
      var wait = setInterval(function () {
        if (!test()) return;
        clearInterval(wait);
        resolve(test());
      }, 10);
    });
  }

  /* This build's index: the page says where (a language's own with mkdocs-static-i18n);
   * else search/ at the site root. */
  function indexBase() {
    var meta = doc.querySelector('meta[name="asah-search-index"]');
    var where = meta ? meta.getAttribute("content") : "";
    return where ? new URL(where, root.location.href).href : siteRoot() + "search/";
  }

  /* The engine, pointed at the index of the page shown now (after instant navigation into
   * another language, that language's index). */
  function loadEngine() {
    if (!engine) {
      engine = loaded(bundleBase + "search.js", function () { return root.AsahSearch; })
        .catch(function (error) { engine = null; throw error; });
    }
    return engine.then(function (found) {
      var index = indexBase();
      found.configure({
        base: index,
        load: function (name, failed) { addScript(index + name + ".js", failed); }
      });
      return found;
    });
  }

  /* The dialog: its script comes with the engine, its style sheet on its own. */
  function loadDialog() {
    if (!dialog) {
      var style = new Promise(function (resolve) {
        var link = doc.createElement("link");
        link.rel = "stylesheet";
        link.href = bundleBase + "search.css";
        link.onload = link.onerror = resolve;  // without its style the dialog still works
        doc.head.appendChild(link);
      });
      dialog = Promise.all([loadEngine(), style]).then(function () {
        root.AsahSearchDialog.configure({ engine: root.AsahSearch, siteRoot: siteRoot });
        return root.AsahSearchDialog;
      }, function (error) { dialog = null; throw error; });
    }
    return dialog;
  }

  root.asah = root.asah || {};
  root.asah.search = function (query) {
    return loadEngine().then(function (found) {
      return found.search(query, { limit: 20 }).then(found.flat);
    });
  };

  /* The dialog's box, at once: the rest of the dialog comes with the engine (dialog.js). */
  function shell() {
    var label = LABEL[root.Asah.lang()] || LABEL.en;
    var el = root.Asah.el;
    var dialog = el("dialog", { class: "asah-search", "aria-label": label }, [
      el("form", { class: "asah-search__form", role: "search", method: "dialog" }, [
        el("label", { for: "asah-search-query", class: "asah-search__hidden", text: label }),
        el("input", {
          type: "search", id: "asah-search-query", class: "asah-search__input",
          autocomplete: "off", spellcheck: "false", autocapitalize: "off", enterkeyhint: "search"
        })
      ])
    ]);
    doc.body.appendChild(dialog);
    return dialog;
  }

  function open(opener) {
    var loading = !root.AsahSearchDialog;
    if (loading) {
      var dialog = doc.querySelector("dialog.asah-search") || shell();
      if (!dialog.open) dialog.showModal();
      dialog.querySelector("input").focus();
    }
    loadDialog().then(function (found) { found.show(opener, loading); });
  }

  function icon() {
    var svg = doc.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    var path = doc.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", ICON);
    svg.appendChild(path);
    return svg;
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  doc.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (root.AsahSearchDialog && root.AsahSearchDialog.isOpen()) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      open(doc.activeElement);
    }
  });

  function init() {
    if (doc.querySelector(".asah-search__open")) return;
    var header = doc.querySelector(".md-header__inner");
    if (!header) return;
    var label = LABEL[root.Asah.lang()] || LABEL.en;
    var button = root.Asah.el("button", {
      type: "button", class: "md-header__button md-icon asah-search__open",
      "aria-label": label, title: label + " (/)", "aria-haspopup": "dialog"
    }, [icon()]);
    button.addEventListener("click", function () { open(button); });
    header.insertBefore(button, header.querySelector(".md-header__source"));
  }

  root.AsahSearchButton = { open: open, shell: shell };
  root.Asah.ready(init);
})(typeof window !== "undefined" ? window : globalThis);
