/* Asah in a SCORM 1.2 LMS: the launch page's session (package/frame.py). It finds the LMS's API
 * (the parent frames, then the opener's), starts once, restores the learner's record from
 * cmi.suspend_data (merged with this browser's copy of the same learner's record), then frames
 * the site at cmi.core.lesson_location. The site's pages read and write the record through it
 * (lms/bridge.js); each change is saved in this browser and sent — status, score, suspend_data,
 * location, session time — then committed. The session finishes when this page is left.
 * A call the LMS refuses is said on the page (lms/page.js), with a button to send again; the
 * record stays in memory and in this browser, and goes with the next change. No API: the site
 * as it is. */
(function () {
  "use strict";
  var D = window.AsahScorm12Data;
  var U = window.AsahLmsUnit;
  var page = window.AsahLmsPage;
  var data = page.data;

  /* SCORM 1.2's search: this window and its parents, then the opener and its parents. */
  function search(win) {
    for (var depth = 0; win && depth < 10; depth++) {
      try {
        if (win.API && typeof win.API.LMSInitialize === "function") return win.API;
      } catch (e) { /* a frame of another origin */ }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  var api = search(window) || search(window.opener);
  if (!api) {
    page.leave();
    return;
  }

  function lastError() {
    var code = "";
    try { code = String(api.LMSGetLastError()); } catch (e) { /* the API is gone */ }
    return code && code !== "0" ? code : "?";
  }

  function call(name, a, b) {
    try {
      return String(arguments.length > 2 ? api[name](a, b) : api[name](a)) === "true";
    } catch (e) {
      return false;
    }
  }

  function get(name) {
    try {
      return String(api.LMSGetValue(name) || "");
    } catch (e) {
      return "";
    }
  }

  if (!call("LMSInitialize", "")) {
    page.startFailed(lastError());
    return;
  }

  var started = Date.now();
  var learner = get("cmi.core.student_id");
  var key = "asah:" + data.site + "@lms:" + learner;
  var review = get("cmi.core.lesson_mode") === "review";
  var base = window.location.href.replace(/[?#].*$/, "").replace(/[^\/]*$/, "");
  var record = { version: 1, quizzes: {}, lessons: {} };
  var sent = {};
  var where = D.resumeAt(get("cmi.core.lesson_location"));
  var finished = false;
  var toldTooBig = false;

  function keep() {
    try {
      window.localStorage.setItem(key, JSON.stringify(record));
      return true;
    } catch (e) {
      return false;
    }
  }

  try {
    var local = JSON.parse(window.localStorage.getItem(key) || "null");
    if (local && local.version === 1) U.merge(record, local);
  } catch (e) { /* no copy in this browser */ }
  var restored = D.decode(get("cmi.suspend_data"), data.tables);
  if (restored) U.merge(record, restored);

  /* Send the record and commit; true when the LMS took all of it. In the LMS's review mode
   * nothing is sent: the attempt is closed. */
  function sync() {
    if (review) return true;
    var refused = false;
    function set(name, value) {
      if (sent[name] === value) return;
      if (call("LMSSetValue", name, value)) sent[name] = value;
      else refused = true;
    }
    set("cmi.core.lesson_status", U.status(data.unit, record));
    var score = U.score(data.unit, record);
    if (score !== null) {
      set("cmi.core.score.min", "0");
      set("cmi.core.score.max", "100");
      set("cmi.core.score.raw", String(score));
    }
    var packed = D.encode(record, data.tables, data.unit);
    set("cmi.suspend_data", packed.text);
    if (!packed.complete && !toldTooBig) {
      toldTooBig = true;
      page.note(data.t.too_big);
    }
    if (where) set("cmi.core.lesson_location", where);
    set("cmi.core.exit", "suspend");
    set("cmi.core.session_time", D.timespan(Date.now() - started));
    if (refused) {
      var code = lastError();
      call("LMSCommit", "");
      return report(code);
    }
    if (!call("LMSCommit", "")) return report(lastError());
    page.saved();
    return true;
  }

  function report(code) {
    sent = {};  // send everything again next time
    page.saveFailed(code, sync);
    return false;
  }

  function finish() {
    if (finished) return;
    finished = true;
    if (!review) call("LMSSetValue", "cmi.core.session_time", D.timespan(Date.now() - started));
    call("LMSFinish", "");  // it commits; no LMSCommit of ours while the page is left
  }

  window.AsahLms = {
    key: key,
    read: function () { return JSON.stringify(record); },
    /* The record after a change on a page: true when kept (in this browser or by the LMS). */
    write: function (json) {
      if (finished) return false;
      record = JSON.parse(json);
      var kept = keep();
      return sync() || kept;
    },
    /* The page the learner is on (its address), to resume at next time. */
    at: function (href) {
      var here = D.location(href, base);
      if (!here || here === where || finished) return;
      where = here;
      sync();
    }
  };

  keep();
  sync();
  window.addEventListener("pagehide", finish);
  page.show(where);
})();
