/* Category: each item (shown in a shuffled order) gets a select of the categories; the stored
 * answer is the chosen category index per item in the order the author wrote them, as text
 * ("" for none). Each item in its own category earns its share; once checked, every item says
 * whether it is right, in words as well as colour, and shows its feedback. */
(function (root) {
  "use strict";
  var core = root.AsahQuizCore;
  var ITEM = "data-asah-category-of";

  function rows(li) {
    return core.all(li, ".asah-sort__item");
  }

  function unmark(row) {
    row.classList.remove("is-correct", "is-wrong");
    core.all(row, ".asah-sort__mark").forEach(function (m) { m.parentNode.removeChild(m); });
    core.all(row, ".asah-sort__feedback").forEach(function (f) { f.hidden = true; });
  }

  root.AsahQuizTypes.category = {
    read: function (li) { return core.readPicks(li, ITEM); },
    write: function (li, answer) { core.writePicks(li, ITEM, answer); },
    reset: function (li) { rows(li).forEach(unmark); },
    show: function (li, q, answer, t) {
      if (core.nonePicked(answer)) return;
      var el = root.Asah.el;
      rows(li).forEach(function (row) {
        unmark(row);
        var select = row.querySelector("[" + ITEM + "]");
        var index = +select.getAttribute(ITEM);
        var right = String(answer[index]) === String(q.answer[index]);
        row.classList.add(right ? "is-correct" : "is-wrong");
        select.parentNode.insertBefore(el("span", { "class": "asah-sort__mark" }, [
          el("span", { "aria-hidden": "true", text: right ? "✓ " : "✗ " }),
          right ? t.correct : t.wrong
        ]), select.nextSibling);
        var feedback = row.querySelector(".asah-sort__feedback");
        if (feedback) feedback.hidden = false;
      });
    },
    score: function (q, answer) {
      if (core.nonePicked(answer)) return null;
      if (!q.answer.length) return 0;
      return q.answer.filter(function (category, i) {
        return i < answer.length && String(answer[i]) === String(category);
      }).length / q.answer.length;
    }
  };
})(typeof window !== "undefined" ? window : globalThis);
