/* Asah in a cmi5 LMS: the launch page's session (package/frame.py). It reads the launch
 * parameters, fetches the auth token once (kept in sessionStorage: a reload of this page within
 * the session finds it, as the fetch URL works only once), reads LMS.LaunchData, then frames
 * the site. The site's pages read and write the learner's record through it (lms/bridge.js);
 * each change may make statements — answered for every question of a new attempt, completed,
 * passed or failed — and terminated ends the session when this page is left. Every statement
 * goes through the outbox (lms/cmi5-data.js) with its id fixed when made, and is PUT with that
 * id: a retry after a lost answer cannot store it twice. Without the network, statements wait in
 * localStorage and go in order when it is back. No launch parameters: the site as it is. */
(function () {
  "use strict";
  var D = window.AsahCmi5Data;
  var U = window.AsahLmsUnit;
  var page = window.AsahLmsPage;
  var data = page.data;
  var at = D.launch(window.location.search);
  if (!at) {
    page.leave();
    return;
  }
  /* A browser storage; in memory when the browser has none (storage turned off). */
  function store(name) {
    try {
      window[name].getItem("asah");
      return window[name];
    } catch (e) {
      var items = {};
      return {
        getItem: function (k) { return items.hasOwnProperty(k) ? items[k] : null; },
        setItem: function (k, v) { items[k] = String(v); },
        removeItem: function (k) { delete items[k]; }
      };
    }
  }
  var local = store("localStorage");
  var session = store("sessionStorage");
  var outbox = new D.Outbox(local, "asah-cmi5:outbox:" + at.registration);
  // the learner's record: in this browser (a key per LMS learner), and in the LRS's State API
  // for this registration (RECORD), written again after each change while `unsaved` is set
  var key = "asah:" + data.site + "@cmi5:" + (at.actor.account ? at.actor.account.name :
    at.actor.mbox || "");
  var RECORD = "asah.record";
  var unsaved = "asah-cmi5:unsaved:" + at.registration;
  var token = null;
  var launchData = null;
  var sending = false;
  var delay = 1000;
  var timer = null;
  var mine = [];  // statements of this page, not yet stored: sent again from pagehide

  function get(storage, key) {
    try {
      return JSON.parse(storage.getItem(key) || "null");
    } catch (e) {
      return null;
    }
  }

  function put(storage, key, value) {
    try {
      storage.setItem(key, JSON.stringify(value));
    } catch (e) { /* private mode: the session still works while the page is open */ }
  }

  function xapi(method, path, body, keepalive) {
    return window.fetch(at.endpoint + path, {
      method: method, keepalive: !!keepalive, cache: "no-store",
      headers: { "Authorization": "Basic " + token, "X-Experience-API-Version": "1.0.3",
        "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  }

  function stateUrl(id) {
    return "activities/state?stateId=" + encodeURIComponent(id) + "&activityId=" +
      encodeURIComponent(at.activityId) + "&agent=" + encodeURIComponent(JSON.stringify(at.actor)) +
      "&registration=" + encodeURIComponent(at.registration);
  }

  /* Send the outbox's statements, oldest first, one at a time, then the record if it changed.
   * A statement the LRS refuses as invalid (400) can never go: it leaves the box (and the page
   * says so) rather than block the rest. */
  function flush() {
    if (sending || !token) return;
    var next = outbox.first();
    var change = !next && local.getItem(unsaved);
    if (!next && !change) return;
    sending = true;
    var request = next ? xapi("PUT", "statements?statementId=" + next.id, next) :
      xapi("PUT", stateUrl(RECORD), get(local, key));
    request.then(function (response) {
      sending = false;
      var status = response.status;
      if (response.ok || next && (status === 409 || status === 400)) {
        if (status === 400) page.saveFailed(400);
        if (next) {
          outbox.sent(next.id);
          mine = mine.filter(function (s) { return s.id !== next.id; });
        } else if (local.getItem(unsaved) === change) {
          local.removeItem(unsaved);  // unless it changed again meanwhile
        }
        delay = 1000;
        if (!outbox.first() && !local.getItem(unsaved)) page.saved();
        return flush();
      }
      later(status);
    }, function () {
      sending = false;
      later("network");
    });
  }

  function later(code) {
    page.saveFailed(code, flush);
    window.clearTimeout(timer);
    timer = window.setTimeout(flush, delay);
    delay = Math.min(delay * 2, 15000);
  }

  function send(verb, object, result, kind, mastery) {
    var s = D.statement({
      id: D.uuid(function (n) { return window.crypto.getRandomValues(new Uint8Array(n)); }),
      actor: at.actor, verb: verb, object: object || { id: at.activityId, objectType: "Activity" },
      result: result, timestamp: new Date().toISOString(),
      context: D.context(launchData.contextTemplate, at.registration, kind)
    });
    if (mastery !== null && mastery !== undefined) {
      (s.context.extensions = s.context.extensions || {})[D.MASTERY] = mastery;
    }
    outbox.add(s);
    mine.push(s);
    flush();
  }

  function changed() {
    try {
      local.setItem(unsaved, String(Date.now()));
    } catch (e) { /* no storage: the record goes with the next change */ }
  }

  function start(json, kept, completed, passed) {
    launchData = json;
    var template = launchData.contextTemplate || {};
    var sessionId = (template.extensions || {})[D.SESSION] || at.registration;
    var sessionKey = "asah-cmi5:session:" + sessionId;
    var registrationKey = "asah-cmi5:had:" + at.registration;
    var state = get(session, sessionKey) || { started: Date.now() };
    if (state.finished) {  // this page reloaded after the session's terminated
      page.alert(data.t.session_ended);
      page.show();
      return;
    }
    var had = get(local, registrationKey) || {};
    had.completed = had.completed || completed === true;
    had.passed = had.passed || passed === true;
    had.verdict = state.verdict;
    var record = get(local, key) || { version: 1, quizzes: {}, lessons: {} };
    if (kept && kept.version === 1) {  // the LRS's copy (another browser's), merged in
      U.merge(record, kept);
      changed();  // and this browser's part goes back
    }
    put(local, key, record);
    var seen = {};
    D.attempts(seen, record);
    var finished = false;
    var mode = launchData.launchMode || "Normal";
    var mastery = typeof launchData.masteryScore === "number" ? launchData.masteryScore : null;

    function spent() {
      return { duration: D.duration(Date.now() - state.started) };
    }

    function judge(ending) {
      var status = U.status(data.unit, record);
      var score = D.scaled(U.required(data.unit), record);
      D.due(had, status, score, mastery, mode, ending).forEach(function (s) {
        var result = s.result;
        result.duration = spent().duration;
        send(s.verb, null, result, s.kind, s.result.score ? s.mastery : null);
      });
      state.verdict = had.verdict;
      put(session, sessionKey, state);
      put(local, registrationKey, { completed: had.completed, passed: had.passed,
        failed: had.failed });
    }

    /* The questions of each new attempt, as `answered` statements: the question's data from
     * the page that holds the quiz (it is the page in the frame). */
    function answers() {
      D.attempts(seen, record).forEach(function (found) {
        var quiz = found[0];
        var last = found[1];
        var questions = quizData(quiz);
        (last.drawn || []).forEach(function (qid) {
          var answer = (last.answers || {})[qid];
          if (answer === null || answer === undefined) return;
          var score = ((last.questions || {})[qid] || {}).score || 0;
          var made = D.answered(data.au, quiz, qid, questions[qid] || null, answer, score);
          send("answered", made.object, made.result);
        });
      });
    }

    function quizData(id) {
      try {
        var islands = page.frame.contentDocument.querySelectorAll(".asah-quiz__data");
        for (var i = 0; i < islands.length; i++) {
          var found = JSON.parse(islands[i].textContent);
          if (found.id === id) return found.questions || {};
        }
      } catch (e) { /* another page, or none */ }
      return {};
    }

    if (!state.initialized) {
      state.initialized = true;
      put(session, sessionKey, state);
      send("initialized", null, null, "defined");
    }
    judge();

    window.AsahLms = {
      key: key,
      read: function () { return JSON.stringify(record); },
      write: function (json) {
        if (finished) return false;
        record = JSON.parse(json);
        put(local, key, record);
        changed();
        answers();
        judge();
        return true;
      },
      at: function () {}
    };

    window.addEventListener("pagehide", function () {
      if (finished) return;
      finished = true;
      judge(true);
      send("terminated", null, spent(), "defined");
      state.finished = true;
      put(session, sessionKey, state);
      // the page is going: what is not stored yet goes now (each PUT by its id, so one that
      // arrives twice is stored once); what does not arrive waits in the outbox
      mine.forEach(function (s) { xapi("PUT", "statements?statementId=" + s.id, s, true); });
    });
    window.addEventListener("online", flush);
    page.show();
  }

  /* Whether the LRS has this AU's `verb` in this registration (sent from another browser,
   * say): completed and passed go once per registration. Null when it cannot tell. */
  function recorded(verb) {
    var query = "statements?limit=1&registration=" + encodeURIComponent(at.registration) +
      "&activity=" + encodeURIComponent(at.activityId) +
      "&verb=" + encodeURIComponent("http://adlnet.gov/expapi/verbs/" + verb);
    return xapi("GET", query).then(function (response) {
      return response.ok ? response.json().then(function (found) {
        return found.statements.length > 0;
      }) : null;
    }, function () { return null; });
  }

  function begin() {
    var reading = xapi("GET", stateUrl("LMS.LaunchData")).then(function (response) {
      if (!response.ok) throw response.status;
      return response.json();
    });
    var kept = xapi("GET", stateUrl(RECORD)).then(function (response) {
      return response.ok ? response.json() : null;
    }).catch(function () { return null; });
    Promise.all([reading, kept, recorded("completed"), recorded("passed")]).then(function (f) {
      start(f[0], f[1], f[2], f[3]);
    }, function (code) { page.startFailed(typeof code === "number" ? code : "LaunchData"); });
  }

  var tokenKey = "asah-cmi5:token:" + at.fetch;
  token = get(session, tokenKey);
  if (token) {
    begin();
    return;
  }
  window.fetch(at.fetch, { method: "POST", cache: "no-store" }).then(function (response) {
    return response.json();
  }).then(function (json) {
    token = json["auth-token"];
    if (!token) throw json["error-code"] || "fetch";
    put(session, tokenKey, token);
    begin();
  }).catch(function (code) { page.startFailed(typeof code === "string" ? code : "fetch"); });
})();
