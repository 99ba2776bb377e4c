/* Asah learner store: one versioned record per site in localStorage.
 * Blocked, full or corrupted storage never throws: reads fall back to an empty record and
 * writes report false, so pages keep working. A record from a newer Asah is never overwritten. */
(function () {
  "use strict";
  if (window.AsahStore) return;
  var VERSION = 1;

  function empty() {
    return { version: VERSION, quizzes: {}, lessons: {} };
  }

  function key(site) {
    return "asah:" + (site || "site");
  }

  function load(site) {
    var raw;
    try {
      raw = window.localStorage.getItem(key(site));
    } catch (e) {
      return { data: empty(), writable: false };
    }
    if (!raw) return { data: empty(), writable: true };
    try {
      var data = JSON.parse(raw);
      if (data && typeof data === "object" && data.version === VERSION) {
        ["quizzes", "lessons"].forEach(function (part) {
          if (!data[part] || typeof data[part] !== "object") data[part] = {};
        });
        return { data: data, writable: true };
      }
      // a newer format: keep it for the newer site; corrupted: start again
      var newer = data && typeof data.version === "number" && data.version > VERSION;
      return { data: empty(), writable: !newer };
    } catch (e) {
      return { data: empty(), writable: true };
    }
  }

  /* Apply change(data) and save; true when saved. */
  function update(site, change) {
    var state = load(site);
    change(state.data);
    if (!state.writable) return false;
    try {
      window.localStorage.setItem(key(site), JSON.stringify(state.data));
      return true;
    } catch (e) {
      return false;
    }
  }

  window.AsahStore = {
    VERSION: VERSION,
    read: function (site) { return load(site).data; },
    update: update,
    key: key
  };
})();
