/* Single choice: one radio button; the stored answer is the chosen option's value. */
(function (root) {
  "use strict";
  root.AsahQuizTypes.single = root.AsahQuizCore.radios(function (q, answer) {
    return +(q.correct.length > 0 && String(q.correct[0]) === String(answer));
  });
})(typeof window !== "undefined" ? window : globalThis);
