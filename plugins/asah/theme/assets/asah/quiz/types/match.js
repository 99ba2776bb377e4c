/* Match: a select of right sides per left side; the stored answer is the chosen right index
 * per left side as text ("" for none). Each left side given its own right side earns its
 * share; once checked, every row says whether it is right, in words as well as colour. */
(function (root) {
  "use strict";
  var core = root.AsahQuizCore;
  var LEFT = "data-asah-left";

  function rows(q, answer) {
    return (answer || []).map(function (pick, i) {
      return pick === "" || pick === null || pick === undefined ? null : String(pick) === String(i);
    });
  }

  root.AsahQuizTypes.match = {
    read: function (li) { return core.readPicks(li, LEFT); },
    write: function (li, answer) { core.writePicks(li, LEFT, answer); },
    reset: function (li) { core.all(li, ".asah-match__row").forEach(core.unmarkRow); },
    show: function (li, q, answer, t) {
      if (!core.nonePicked(answer)) core.markPicks(li, LEFT, rows(q, answer), t);
    },
    rows: rows,
    score: function (q, answer) {
      return core.nonePicked(answer) ? null : core.share(rows(q, answer));
    }
  };
})(typeof window !== "undefined" ? window : globalThis);
