/* Multiple choice: checkboxes; the stored answer is the list of the chosen options' values.
 * With `partial`, right picks minus wrong picks over the right options (never below 0);
 * otherwise all or nothing. */
(function (root) {
  "use strict";
  var core = root.AsahQuizCore;
  var options = core.options;

  root.AsahQuizTypes.multiple = {
    read: function (li) {
      var values = options.checked(li);
      return values.length ? values : null;
    },
    write: options.write,
    reset: options.reset,
    show: options.show,
    score: function (q, answer) {
      if (!answer || !answer.length) return null;
      var right = q.correct.map(String);
      var hits = answer.filter(function (a) { return right.indexOf(String(a)) >= 0; }).length;
      var misses = answer.length - hits;
      if (q.partial) return right.length ? Math.max(0, (hits - misses) / right.length) : 0;
      return +(hits === right.length && misses === 0);
    }
  };
})(typeof window !== "undefined" ? window : globalThis);
