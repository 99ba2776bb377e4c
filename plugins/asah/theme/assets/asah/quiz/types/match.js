/* Match: a select of right sides per left side; the stored answer is the chosen right index
 * per left side as text ("" for none). Each left side given its own right side earns its
 * share. */
(function (root) {
  "use strict";
  var core = root.AsahQuizCore;
  var LEFT = "data-asah-left";

  root.AsahQuizTypes.match = {
    read: function (li) { return core.readPicks(li, LEFT); },
    write: function (li, answer) { core.writePicks(li, LEFT, answer); },
    score: function (q, answer) {
      if (core.nonePicked(answer)) return null;
      return answer.filter(function (pick, i) { return String(pick) === String(i); }).length /
        answer.length;
    }
  };
})(typeof window !== "undefined" ? window : globalThis);
