/* True/false: two radio buttons; the stored answer is "true" or "false". */
(function (root) {
  "use strict";
  var core = root.AsahQuizCore;
  var options = core.options;

  root.AsahQuizTypes.truefalse = {
    read: function (li) { return options.checked(li)[0] || null; },
    write: options.write,
    reset: options.reset,
    show: options.show,
    score: function (q, answer) {
      if (answer === null || answer === undefined) return null;
      return +(String(answer) === String(q.answer));
    }
  };
})(typeof window !== "undefined" ? window : globalThis);
