/* Single choice: one radio button; the stored answer is the chosen option's value. */
(function (root) {
  "use strict";
  var core = root.AsahQuizCore;
  var options = core.options;

  root.AsahQuizTypes.single = {
    read: function (li) { return options.checked(li)[0] || null; },
    write: options.write,
    reset: options.reset,
    show: options.show,
    score: function (q, answer) {
      if (answer === null || answer === undefined) return null;
      return +(q.correct.length > 0 && String(q.correct[0]) === String(answer));
    }
  };
})(typeof window !== "undefined" ? window : globalThis);
