/* Category: each item (shown in a shuffled order) gets a select of the categories; the stored
 * answer is the chosen category index per item in the order the author wrote them, as text
 * ("" for none). Each item in its own category earns its share; once checked, every item says
 * whether it is right, in words as well as colour, and shows its feedback. */
(function (root) {
  "use strict";
  var core = root.AsahQuizCore;
  var ITEM = "data-asah-category-of";

  function items(li) {
    return core.all(li, ".asah-sort__item");
  }

  function rows(q, answer) {
    answer = answer || [];
    return q.answer.map(function (category, i) {
      var pick = answer[i];
      return pick === "" || pick === null || pick === undefined ? null :
        String(pick) === String(category);
    });
  }

  root.AsahQuizTypes.category = {
    read: function (li) { return core.readPicks(li, ITEM); },
    write: function (li, answer) { core.writePicks(li, ITEM, answer); },
    reset: function (li) {
      items(li).forEach(function (row) {
        core.unmarkRow(row);
        core.all(row, ".asah-sort__feedback").forEach(function (f) { f.hidden = true; });
      });
    },
    show: function (li, q, answer, t) {
      if (core.nonePicked(answer)) return;
      core.markPicks(li, ITEM, rows(q, answer), t);
      core.all(li, ".asah-sort__feedback").forEach(function (f) { f.hidden = false; });
    },
    rows: rows,
    score: function (q, answer) {
      return core.nonePicked(answer) ? null : core.share(rows(q, answer));
    }
  };
})(typeof window !== "undefined" ? window : globalThis);
