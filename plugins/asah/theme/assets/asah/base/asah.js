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

  /* ---- numbers: the same rules as core/numbers.py (tests/fixtures/shared/numbers.json) ---- */

  var MARKS = { id: [".", ","] };  // language: [group mark, decimal mark]
  var OTHER_MARKS = [",", "."];
  var SCALES = {
    ribu: 1e3, rb: 1e3, juta: 1e6, jt: 1e6, miliar: 1e9, milyar: 1e9, triliun: 1e12,
    thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12
  };
  var DIGITS = /^\d+$/;

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

  function count(text, mark) {
    return text.split(mark).length - 1;
  }

  /* "1.500.000" → "1500000" when every group mark groups three digits, else null; digits
   * without group marks come back as they are. */
  function ungroup(text, mark) {
    if (text.indexOf(mark) < 0) return DIGITS.test(text) ? text : null;
    var groups = text.split(mark);
    var head = groups.shift();
    if (!/^\d{1,3}$/.test(head)) return null;
    return groups.every(function (g) { return /^\d{3}$/.test(g); }) ? head + groups.join("") : null;
  }

  /* A number as a learner typed it (lenient where the meaning is clear, see core/numbers.py);
   * null when it is not one. */
  function parseNumber(text, language) {
    var m = marks(language);
    var group = m[0];
    var decimal = m[1];
    var clean = String(text === null || text === undefined ? "" : text)
      .replace(/[\s\u00a0\u202f]+/g, "")
      .replace(/^(?:rp\.?|idr|usd|\$)/i, "")
      .replace(/%$/, "");
    var scale = 1;
    var word = /[a-z]+$/i.exec(clean);
    if (word) {
      var key = word[0].toLowerCase();
      if (!SCALES.hasOwnProperty(key)) return null;
      scale = SCALES[key];
      clean = clean.slice(0, word.index);
    }
    var sign = "";
    if (/^[+-]/.test(clean)) {
      sign = clean.charAt(0);
      clean = clean.slice(1);
    }
    if (!clean) return null;
    var whole = clean;
    var fraction = "";
    var at;
    if (count(clean, decimal) > 1 && clean.indexOf(group) < 0) {
      whole = ungroup(clean, decimal);  // "200,000,000" on an Indonesian site
    } else if (clean.indexOf(decimal) >= 0) {
      at = clean.lastIndexOf(decimal);
      fraction = clean.slice(at + 1);
      if (!DIGITS.test(fraction)) return null;
      whole = at ? ungroup(clean.slice(0, at), group) : "0";
    } else if (clean.indexOf(group) >= 0) {
      whole = ungroup(clean, group);
      if (whole === null) {
        // a lone group mark that groups nothing is a decimal point ("2.5" on an id site)
        if (count(clean, group) !== 1) return null;
        at = clean.indexOf(group);
        fraction = clean.slice(at + 1);
        if (!DIGITS.test(fraction)) return null;
        whole = clean.slice(0, at) || "0";
      }
    }
    if (whole === null || !DIGITS.test(whole)) return null;
    return Number(sign + whole + "." + (fraction || "0")) * scale;
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
    formatNumber: formatNumber, parseNumber: parseNumber,
    num: function (value) { return formatNumber(value, lang()); }
  };
})(typeof window !== "undefined" ? window : globalThis);
