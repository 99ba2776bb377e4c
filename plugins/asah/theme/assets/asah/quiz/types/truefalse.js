/* True/false: two radio buttons; the stored answer is "true" or "false". */
(function (root) {
  "use strict";
  root.AsahQuizTypes.truefalse = root.AsahQuizCore.radios(function (q, answer) {
    return +(String(answer) === String(q.answer));
  });
})(typeof window !== "undefined" ? window : globalThis);
