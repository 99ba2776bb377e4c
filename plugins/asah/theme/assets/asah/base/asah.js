/* Asah base, on every page: the helpers every component shares (building DOM, messages, numbers
 * as the page's language writes them, initialisation). It also loads in Node for the unit tests
 * (tests/js/), so nothing here touches `document` until a function needs it. */
(function (root) {
  "use strict";
  if (root.Asah) return;

  /* createElement with attributes ("text" sets textContent) and children (nodes or strings;
   * empty ones are skipped so callers can write `cond && node`). */
  function el(tag, attrs, kids) {
    var doc = root.document;
    var node = doc.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (kids || []).forEach(function (kid) {
      if (kid) node.appendChild(typeof kid === "string" ? doc.createTextNode(kid) : kid);
    });
    return node;
  }

  function all(scope, selector) {
    return Array.prototype.slice.call(scope.querySelectorAll(selector));
  }

  /* "{name}" placeholders; unknown ones are left as they are, so a missing value shows. */
  function fmt(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (m, k) {
      return values[k] === undefined ? m : values[k];
    });
  }

  /* The page language without its region: "id", "en", ... ("" when the page has none). */
  function lang() {
    var doc = root.document;
    var code = (doc && doc.documentElement.getAttribute("lang")) || "";
    return code.toLowerCase().split(/[-_]/)[0];
  }

  /* ---- numbers written as core/numbers.py writes them (tests/fixtures/shared/numbers.json);
   * reading them is the number question's (quiz/types/number.js) ---- */

  var MARKS = { id: [".", ","] };  // language: [group mark, decimal mark]
  var OTHER_MARKS = [",", "."];

  function marks(language) {
    return MARKS.hasOwnProperty(language) ? MARKS[language] : OTHER_MARKS;
  }

  /* The shortest digits that read back as `value` (>= 0), as Python's repr, but never in
   * exponent notation: String(1e21) is "1e+21". */
  function plainDigits(value) {
    var text = String(value);
    var parts = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
    if (!parts) return text;
    var digits = parts[1] + (parts[2] || "");
    var point = parts[1].length + Number(parts[3]);
    if (point <= 0) return "0." + "0".repeat(-point) + digits;
    if (point >= digits.length) return digits + "0".repeat(point - digits.length);
    return digits.slice(0, point) + "." + digits.slice(point);
  }

  /* 200000000 → "200.000.000" (id) or "200,000,000"; 2.5 → "2,5" (id) or "2.5". */
  function formatNumber(value, language) {
    var number = Number(value);
    if (!isFinite(number)) return String(number);
    var m = marks(language);
    var parts = plainDigits(Math.abs(number)).split(".");
    var whole = parts[0].replace(/\B(?=(\d{3})+$)/g, m[0]);
    var fraction = (parts[1] || "").replace(/0+$/, "");
    return (number < 0 ? "-" : "") + whole + (fraction ? m[1] + fraction : "");
  }

  /* A date as the page's language writes it; "" when there is none. */
  function date(iso) {
    var value = new Date(iso);
    if (!iso || isNaN(value)) return "";
    var doc = root.document;
    return value.toLocaleDateString((doc && doc.documentElement.getAttribute("lang")) || undefined);
  }

  /* Run `init` now or once the page is parsed, and again after every instant navigation of
   * Material (document$); `init` must skip what it has already set up. */
  function ready(init) {
    var doc = root.document;
    if (!doc) return;
    if (root.document$ && root.document$.subscribe) root.document$.subscribe(init);
    if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", init);
    else init();
  }

  root.Asah = {
    el: el, all: all, fmt: fmt, lang: lang, date: date, ready: ready,
    formatNumber: formatNumber, marks: marks,
    num: function (value) { return formatNumber(value, lang()); }
  };
})(typeof window !== "undefined" ? window : globalThis);
