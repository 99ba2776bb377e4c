/* Short text: right when it equals an accepted answer (accents, case and spaces ignored) or
 * matches the pattern (case-insensitive, on the trimmed or the normalised text). */
(function (root) {
  "use strict";
  var core = root.AsahQuizCore;

  function matches(pattern, answer) {
    try {
      var re = new RegExp(pattern, "i");
      return re.test(String(answer).trim()) || re.test(core.norm(answer));
    } catch (e) {
      return false;  // a pattern JavaScript cannot read accepts nothing
    }
  }

  root.AsahQuizTypes.text = {
    read: core.textBox.read,
    write: core.textBox.write,
    score: function (q, answer) {
      if (core.isBlank(answer)) return null;
      var given = core.norm(answer);
      if (q.answers.some(function (a) { return core.norm(a) === given; })) return 1;
      return +(!!q.pattern && matches(q.pattern, answer));
    }
  };
})(typeof window !== "undefined" ? window : globalThis);
