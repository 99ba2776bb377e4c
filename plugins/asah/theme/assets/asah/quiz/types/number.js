/* Number: read as the site's language writes numbers (parseNumber: "200.000.000",
 * "Rp 200 juta", "2,5" on an Indonesian site); right within the tolerance. */
(function (root) {
  "use strict";
  var core = root.AsahQuizCore;
  var SCALES = {
    ribu: 1e3, rb: 1e3, juta: 1e6, jt: 1e6, miliar: 1e9, milyar: 1e9, triliun: 1e12,
    thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12
  };
  var DIGITS = /^\d+$/;

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
    var m = root.Asah.marks(language);
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


  root.AsahQuizTypes.number = {
    parse: parseNumber,
    read: core.textBox.read,
    write: core.textBox.write,
    score: function (q, answer, language) {
      if (core.isBlank(answer)) return null;
      var given = parseNumber(answer, language);
      if (given === null || q.answer === null || q.answer === undefined) return 0;
      return +(Math.abs(given - q.answer) <= (q.tolerance || 0) + 1e-9);
    }
  };
})(typeof window !== "undefined" ? window : globalThis);
