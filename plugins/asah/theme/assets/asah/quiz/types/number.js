/* Number: read as the site's language writes numbers (Asah.parseNumber: "200.000.000",
 * "Rp 200 juta", "2,5" on an Indonesian site); right within the tolerance. */
(function (root) {
  "use strict";
  var core = root.AsahQuizCore;

  root.AsahQuizTypes.number = {
    read: core.textBox.read,
    write: core.textBox.write,
    score: function (q, answer, language) {
      if (core.isBlank(answer)) return null;
      var given = root.Asah.parseNumber(answer, language);
      if (given === null || q.answer === null || q.answer === undefined) return 0;
      return +(Math.abs(given - q.answer) <= (q.tolerance || 0) + 1e-9);
    }
  };
})(typeof window !== "undefined" ? window : globalThis);
