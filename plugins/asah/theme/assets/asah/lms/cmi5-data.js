/* Asah in a cmi5 LMS: the statements, as pure functions (also run by Node) — the launch
 * parameters, the cmi5 defined statements and when each is due, every answered question as a
 * cmi.interaction, and the outbox that keeps statements in order until the LRS has them.
 * docs/lms.md says what is sent and why. */
(function (root) {
  "use strict";
  if (root.AsahCmi5Data) return;
  var ADL = "http://adlnet.gov/expapi/verbs/";
  var CMI5 = "https://w3id.org/xapi/cmi5/context/categories/";
  var SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
  var MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
  var INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction";
  var SEP = "[,]";

  /* The launch URL's parameters; null when one is missing (not launched by a cmi5 LMS). */
  function launch(search) {
    var found = {};
    String(search || "").replace(/^\?/, "").split("&").forEach(function (pair) {
      var at = pair.indexOf("=");
      if (at > 0) {
        found[decodeURIComponent(pair.slice(0, at))] =
          decodeURIComponent(pair.slice(at + 1).replace(/\+/g, " "));
      }
    });
    var names = ["endpoint", "fetch", "actor", "registration", "activityId"];
    if (!names.every(function (name) { return found[name]; })) return null;
    try {
      found.actor = JSON.parse(found.actor);
    } catch (e) {
      return null;
    }
    if (!/\/$/.test(found.endpoint)) found.endpoint += "/";
    return found;
  }

  /* A version 4 UUID (statement ids: fixed when a statement is made). */
  function uuid(random) {
    var bytes = random(16);
    bytes[6] = (bytes[6] & 15) | 64;
    bytes[8] = (bytes[8] & 63) | 128;
    var hex = Array.prototype.map.call(bytes, function (b) {
      return (b + 256).toString(16).slice(1);
    }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20),
      hex.slice(20)].join("-");
  }

  /* Milliseconds as an ISO 8601 duration, hundredths of a second at most. */
  function duration(ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    var h = Math.floor(cs / 360000);
    var m = Math.floor(cs / 6000) % 60;
    var s = (cs % 6000) / 100;
    return "PT" + (h ? h + "H" : "") + (m ? m + "M" : "") + s + "S";
  }

  /* The context: the LMS's template as it is, with the registration and, for cmi5 defined
   * statements (`kind` "defined", or "moveon" for those with success or completion), cmi5's
   * category activities added. */
  function context(template, registration, kind) {
    var made = JSON.parse(JSON.stringify(template || {}));
    made.registration = registration;
    if (kind) {
      var activities = made.contextActivities = made.contextActivities || {};
      var category = activities.category = activities.category || [];
      var ids = kind === "moveon" ? ["cmi5", "moveon"] : ["cmi5"];
      ids.forEach(function (id) { category.push({ id: CMI5 + id, objectType: "Activity" }); });
    }
    return made;
  }

  /* A statement; `s`: {id, actor, verb, object, result?, context, timestamp}. */
  function statement(s) {
    var made = {
      id: s.id, actor: s.actor,
      verb: { id: s.verb.indexOf(":") < 0 ? ADL + s.verb : s.verb,
        display: { "en-US": s.verb.replace(/.*\//, "") } },
      object: s.object, context: s.context, timestamp: s.timestamp
    };
    if (s.result) made.result = s.result;
    return made;
  }

  /* The cmi5 defined statements due now, in order, and what the registration and session have
   * had (`had`: {completed, passed, failed (the score of the last failed), verdict (passed or
   * failed in this session)}, changed in place): [{verb, result, kind}]. `status` is the unit's (lms/unit.js); `scaled` its score
   * (0–1, null without quizzes to pass); `mastery` the LMS's masteryScore (null for none).
   * Completed once every lesson is marked and every quiz that must be passed was tried; passed
   * once every step is done; failed only when the session ends (`ending`) with a quiz still
   * not passed — cmi5 allows one of passed and failed a session, and a learner who retries
   * should not be held at failed until the next launch. Never failed after passed; failed again
   * only with another score. A verdict the score and the mastery score disagree with waits. */
  function due(had, status, scaled, mastery, mode, ending) {
    var out = [];
    if (mode && mode !== "Normal") return out;
    if (status !== "incomplete" && !had.completed) {
      had.completed = true;
      out.push({ verb: "completed", result: { completion: true }, kind: "moveon" });
    }
    var none = mastery === null || mastery === undefined;
    var verdict = status === "passed" && (none || scaled >= mastery) ? "passed" :
      ending && status === "failed" && (none || scaled < mastery) && had.failed !== scaled ?
        "failed" : "";
    if (verdict && !had.verdict && !had.passed) {
      had.verdict = true;
      had[verdict] = verdict === "passed" || scaled;
      var result = { success: verdict === "passed" };
      if (scaled !== null) result.score = { scaled: scaled };
      out.push({ verb: verdict, result: result, kind: "moveon", mastery: mastery });
    }
    return out;
  }

  /* The mean of the best scores (0–1, four decimals) of the quizzes that must be passed, a quiz
   * not taken counting 0; null when there are none. */
  function scaled(quizzes, record) {
    if (!quizzes.length) return null;
    var sum = 0;
    quizzes.forEach(function (id) {
      var entry = record.quizzes && record.quizzes[id];
      sum += entry && typeof entry.best === "number" ? entry.best : 0;
    });
    return Math.round(sum / quizzes.length * 100) / 1e4;
  }

  function indices(count) {
    var list = [];
    for (var i = 0; i < count; i++) list.push(String(i));
    return list;
  }

  function pairs(list) {
    return list.map(function (pick, i) { return i + "[.]" + pick; }).join(SEP);
  }

  /* A question and its answer as a cmi.interaction: [interactionType, response, correct
   * responses pattern or null]. Categories are matching: each item is paired with the
   * category it was put in. */
  var KINDS = {
    single: function (q, a) { return ["choice", String(a), [String(q.correct[0])]]; },
    multiple: function (q, a) { return ["choice", a.join(SEP), [q.correct.join(SEP)]]; },
    truefalse: function (q, a) { return ["true-false", String(a), [String(q.answer)]]; },
    text: function (q, a) { return ["fill-in", String(a), q.answers.slice(0, 1)]; },
    fill: function (q, a) {
      return ["fill-in", a.join(SEP), [q.blanks.map(function (b) { return b[0]; }).join(SEP)]];
    },
    number: function (q, a) {
      var t = q.tolerance || 0;
      return ["numeric", String(a), [t ? (q.answer - t) + "[:]" + (q.answer + t) : String(q.answer)]];
    },
    order: function (q, a) { return ["sequencing", a.join(SEP), [indices(q.count).join(SEP)]]; },
    match: function (q, a) { return ["matching", pairs(a), [pairs(indices(a.length))]]; },
    category: function (q, a) { return ["matching", pairs(a), [pairs(q.answer)]]; }
  };

  function interaction(q, answer) {
    try {
      return KINDS[q.type](q, answer);
    } catch (e) {  // a type this runtime does not know, or data it cannot read
      return ["other", typeof answer === "string" ? answer : JSON.stringify(answer), null];
    }
  }

  /* The object and result of an `answered` statement: question `qid` of quiz `quiz`, its data
   * `q` (the page's, null when unknown), the answer and its score (0–1). */
  function answered(au, quiz, qid, q, answer, score) {
    var kind = interaction(q || {}, answer);
    var definition = { type: INTERACTION, interactionType: kind[0] };
    if (kind[2]) definition.correctResponsesPattern = kind[2];
    return {
      object: { id: au + "/quiz/" + encodeURIComponent(quiz) + "/" + encodeURIComponent(qid),
        objectType: "Activity", definition: definition },
      result: { response: kind[1], success: score >= 1,
        score: { scaled: Math.round(score * 1e4) / 1e4 } }
    };
  }

  /* The new attempts in `record` since `seen` ({quiz id: attempts}, updated in place):
   * [[quiz id, its last attempt]]. */
  function attempts(seen, record) {
    var found = [];
    Object.keys(record.quizzes || {}).forEach(function (id) {
      var entry = record.quizzes[id];
      if (!entry || !(entry.attempts > (seen[id] || 0))) return;
      seen[id] = entry.attempts;
      if (entry.last) found.push([id, entry.last]);
    });
    return found;
  }

  /* Statements waiting for the LRS, oldest first, in `storage` (localStorage) under `key`:
   * they survive a closed page and go out in the order they were made. */
  function Outbox(storage, key) {
    this.storage = storage;
    this.key = key;
  }
  Outbox.prototype.list = function () {
    try {
      return JSON.parse(this.storage.getItem(this.key) || "[]");
    } catch (e) {
      return [];
    }
  };
  Outbox.prototype.save = function (list) {
    try {
      if (list.length) this.storage.setItem(this.key, JSON.stringify(list));
      else this.storage.removeItem(this.key);
      return true;
    } catch (e) {
      return false;
    }
  };
  Outbox.prototype.add = function (s) {
    var list = this.list();
    list.push(s);
    return this.save(list);
  };
  Outbox.prototype.first = function () {
    return this.list()[0] || null;
  };
  /* The LRS has statement `id`: out of the box. */
  Outbox.prototype.sent = function (id) {
    this.save(this.list().filter(function (s) { return s.id !== id; }));
  };

  root.AsahCmi5Data = {
    launch: launch, uuid: uuid, duration: duration, context: context, statement: statement,
    due: due, scaled: scaled, interaction: interaction, answered: answered,
    attempts: attempts, Outbox: Outbox, SESSION: SESSION, MASTERY: MASTERY
  };
})(typeof window !== "undefined" ? window : globalThis);
