/* Fill in the blanks: text boxes inside the prompt; the stored answer is the list of their
 * texts. Each blank right earns its share. */
(function (root) {
  "use strict";
  var core = root.AsahQuizCore;

  root.AsahQuizTypes.fill = {
    read: function (li) {
      var blanks = core.all(li, "[data-asah-blank]").map(function (i) { return i.value; });
      return blanks.some(function (b) { return b.trim(); }) ? blanks : null;
    },
    write: function (li, answer) {
      core.all(li, "[data-asah-blank]").forEach(function (i, n) { i.value = answer[n] || ""; });
    },
    score: function (q, answer) {
      if (!answer || answer.every(core.isBlank)) return null;
      if (!q.blanks.length) return 0;
      return q.blanks.filter(function (alternatives, i) {
        var given = core.norm(answer[i] === null || answer[i] === undefined ? "" : answer[i]);
        return alternatives.some(function (a) { return core.norm(a) === given; });
      }).length / q.blanks.length;
    }
  };
})(typeof window !== "undefined" ? window : globalThis);
