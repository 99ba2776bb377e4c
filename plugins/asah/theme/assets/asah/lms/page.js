/* Asah in an LMS: the launch page (package/frame.py) as each standard's session uses it
 * (lms/scorm12.js, lms/cmi5.js) — its data, the frame that shows the site, and the two live
 * regions where the session says what went wrong (with a button to send again) and that the
 * learner's work is saved again. */
(function () {
  "use strict";
  if (window.AsahLmsPage) return;
  var data = JSON.parse(document.getElementById("asah-lms-data").textContent);
  var t = data.t;
  var frame = document.querySelector(".asah-lms__frame");
  var alertBox = document.querySelector('[role="alert"]');
  var statusBox = document.querySelector('[role="status"]');
  var failing = false;

  function fmt(message, values) {
    return String(message).replace(/\{(\w+)\}/g, function (m, k) {
      return values[k] === undefined ? m : values[k];
    });
  }

  /* A message in one of the two live regions, with a button when `action` is given. */
  function text(box, message, action) {
    box.textContent = message;
    if (action) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = action[0];
      button.addEventListener("click", action[1]);
      box.appendChild(button);
    }
  }

  function show(where) {
    frame.src = where || data.launch;
  }

  window.AsahLmsPage = {
    data: data,
    t: t,
    frame: frame,
    /* The site in the frame, at `where` or where the unit starts. */
    show: show,
    /* No LMS: the site itself, with this browser's record. */
    leave: function () { window.location.replace(data.launch); },
    alert: function (message) { text(alertBox, message); },
    note: function (message) { text(statusBox, message); },
    /* The session could not start: said, and the site shown; its pages find no session and
     * keep this browser's record, as on the site. */
    startFailed: function (code) {
      text(alertBox, fmt(t.error_start, { code: code }));
      show();
    },
    /* What could not be saved, with the LMS's code; with `retry`, a button to send again, and
     * "saved again" once `saved` is called. */
    saveFailed: function (code, retry) {
      if (retry) failing = true;
      text(alertBox, fmt(t.error_save, { code: code }), retry ? [t.retry, retry] : null);
    },
    saved: function () {
      if (!failing) return;
      failing = false;
      text(alertBox, "");
      text(statusBox, t.saved_again);
    }
  };
})();
