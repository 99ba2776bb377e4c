/* Asah progress page (kemajuan/): the learner's record as lists and tables, with export,
 * import, clear and print. All "done/passed/reached" logic comes from AsahProgress (model.js).
 * Classic deferred script, set up once per app on DOMContentLoaded and on Material's document$. */
(function () {
  "use strict";
  var A = window.Asah;
  var el = A.el;
  var fmt = A.fmt;
  var num = A.num;
  /* The learner's own fields a site may ask for (learner_fields), with what helps typing them;
   * the label is the string app_learner_<id>. */
  var LEARNER_INPUTS = {
    name: { autocomplete: "name" },
    nip: { inputmode: "numeric", autocomplete: "off" },
    unit: { autocomplete: "organization" },
    position: { autocomplete: "organization-title" },
    email: { type: "email", autocomplete: "email" }
  };

  function day(iso) {
    return A.date(iso) || "—";
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function setup(root) {
    var P = window.AsahProgress;
    var S = window.AsahStore;
    var read = P.read(root);
    var data = read.data;
    var t = read.t;
    var site = data.site;
    var nojs = root.querySelector(".asah-app__nojs");
    if (nojs) nojs.parentNode.removeChild(nojs);
    root.classList.add("asah-progress");

    function link(url, text) {
      return url ? el("a", { href: read.home + url, text: text }) : el("span", { text: text });
    }

    function section(title, body) {
      return el("section", {}, [el("h2", { text: title })].concat(body));
    }

    function isDone(lesson) {
      return P.lessonDone(record, lesson.path);
    }

    /* An optional field of the learner's (name, NIP, ...): saved on change, removed when
     * emptied; a text copy prints instead of the box. */
    function learnerField(key) {
      var value = (record.learner || {})[key] || "";
      var known = LEARNER_INPUTS[key] || {};
      var attrs = { type: known.type || "text", id: "asah-learner-" + key };
      Object.keys(known).forEach(function (k) { attrs[k] = known[k]; });
      var label = t["learner_" + key] || key;
      var input = el("input", attrs);
      input.value = value;
      var printed = el("span", { "class": "asah-print-value", text: value });
      var field = el("div", { "class": "asah-field asah-learner" + (value ? "" : " is-empty") },
        [el("label", { "for": attrs.id, text: label }), input, printed]);
      input.addEventListener("input", function () {
        printed.textContent = input.value;
        field.classList.toggle("is-empty", !input.value.trim());
      });
      input.addEventListener("change", function () {
        var text = input.value.trim();
        S.update(site, function (d) {
          var learner = d.learner || {};
          if (text) learner[key] = text;
          else delete learner[key];
          if (Object.keys(learner).length) d.learner = learner;
          else delete d.learner;
        });
      });
      return field;
    }

    /* Caption for screen readers (the h2 above shows it); narrow screens scroll the table, so
     * its scroll box is focusable and named. */
    function table(id, caption, heads, rows) {
      return el("div", { "class": "asah-table-wrap", tabindex: "0", role: "region",
        "aria-labelledby": id }, [el("table", { "class": "asah-table" }, [
        el("caption", { id: id, "class": "asah-sr-only", text: caption }),
        el("thead", {}, [el("tr", {}, heads.map(function (h, i) {
          return el("th", i ? { scope: "col", "class": "asah-num", text: h } : { scope: "col", text: h });
        }))]),
        el("tbody", {}, rows.map(function (cells) {
          return el("tr", {}, cells.map(function (cell, i) {
            return el(i ? "td" : "th", i ? { "class": "asah-num" } : { scope: "row" }, [cell]);
          }));
        }))
      ])]);
    }

    /* A bank, or "<lesson path>#<n>" for a quiz written inside a lesson. */
    function quizInfo(id) {
      var bank = data.banks.filter(function (b) { return b.id === id; })[0];
      if (bank) return { title: bank.title, url: bank.url };
      var hash = id.lastIndexOf("#");
      var lesson = data.lessons.filter(function (l) {
        return l.quizzes.indexOf(id) >= 0 || l.path === id.slice(0, hash);
      })[0];
      if (hash < 1 || !lesson) return { title: id, url: "" };
      return { title: lesson.title + " (" + String(t.quiz).toLowerCase() + " " +
        id.slice(hash + 1) + ")", url: lesson.url };
    }

    function summary() {
      var minutes = P.doneMinutes(data, record);
      var hours = P.jp(data, minutes);  // null: the site does not count JP
      var values = { done: num(data.lessons.filter(isDone).length),
        total: num(data.lessons.length), jp: num(hours), minutes: num(minutes) };
      var fields = data.learner_fields || [];
      return section(t.summary_title, [
        el("p", { "class": "asah-progress__summary",
          text: fmt(hours === null ? t.summary_minutes : t.summary, values) }),
        fields.length && el("p", { "class": "asah-learner__intro", text: t.learner_intro })
      ].concat(fields.map(learnerField)));
    }

    function lessons() {
      var done = data.lessons.filter(isDone);
      return section(t.lessons_done, [done.length ? el("ul", { "class": "asah-progress__lessons" },
        done.map(function (l) {
          return el("li", {}, [link(l.url, l.title), " · ", day(record.lessons[l.path].date)]);
        })) : el("p", { text: t.no_lessons_done })]);
    }

    function quizzes() {
      var ids = [];
      function add(id) {
        if (record.quizzes[id] && ids.indexOf(id) < 0) ids.push(id);
      }
      // course order first; records of quizzes no longer in the course come last
      data.banks.forEach(function (b) { add(b.id); });
      data.lessons.forEach(function (l) { l.quizzes.forEach(add); });
      Object.keys(record.quizzes).forEach(add);
      return section(t.quiz_results, [ids.length ? table("asah-quiz-results", t.quiz_results,
        [t.quiz, t.best_score, t.passed, t.attempts, t.last_attempt],
        ids.map(function (id) {
          var q = record.quizzes[id];
          var info = quizInfo(id);
          return [link(info.url, info.title), num(q.best || 0) + "%", q.passed ? t.yes : t.no,
            num(q.attempts || 0), day(q.last && q.last.date)];
        })) : el("p", { text: t.no_quiz_results })]);
    }

    function competencies() {
      var reached = P.reached(data, record);
      var rows = P.competencies(data).filter(function (c) {
        return reached.hasOwnProperty(c.id);
      }).map(function (c) {
        return [link(c.url, c.name),
          reached[c.id] ? num(reached[c.id]) : "—", num(P.maxLevel(data, c.id))];
      });
      return rows.length ? section(t.competencies_reached, [table("asah-competencies",
        t.competencies_reached, [t.competency, t.reached_level, t.course_max_level], rows)]) : null;
    }

    function paths() {
      var list = data.paths || [];
      return list.length ? section(t.paths, [el("ul", { "class": "asah-progress__paths" },
        list.map(function (path) {
          var p = P.pathProgress(data, record, path);
          var steps = fmt(t.steps_done, { done: num(p.done), total: num(p.total) });
          return el("li", {}, [
            el("p", { "class": "asah-progress__path-title" }, [link(path.url, path.title)]),
            el("p", { text: steps }),
            el("progress", { max: String(Math.max(p.total, 1)), value: String(p.done),
              "aria-label": path.title, text: steps }),
            // the step title tells several "Lanjutkan" links apart
            el("p", {}, [p.nextInfo ? link(p.nextInfo.url, t["continue"] + ": " + p.nextInfo.title)
              : t.path_complete])
          ]);
        }))]) : null;
    }

    var record;
    var content = el("div");
    var status = el("p", { "class": "asah-app__status", role: "status", "aria-live": "polite" });

    /* Only the record sections are rebuilt, so focus and the status region survive. */
    function render() {
      record = S.read(site);
      content.textContent = "";
      [summary(), lessons(), quizzes(), competencies(), paths()].forEach(function (s) {
        if (s) content.appendChild(s);
      });
    }

    function say(text) {
      status.textContent = text;
    }

    function button(text, action, primary) {
      var b = el("button", { type: "button",
        "class": "md-button" + (primary ? " md-button--primary" : ""), text: text });
      b.addEventListener("click", action);
      return b;
    }

    /* Blob + temporary <a download>: works from file:// and http alike. */
    function download() {
      var now = new Date();
      var name = (t.export_file || "kemajuan") + "-" + String(site).replace(/[^\w.-]+/g, "-") +
        "-" + now.getFullYear() +
        "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()) + ".json";
      var blob = new Blob([P.exportRecord(data, S.read(site))], { type: "application/json" });
      var url = URL.createObjectURL(blob);
      var a = el("a", { href: url, download: name });
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    }

    function importText(text) {
      var result = P.importRecord(data, text);
      if (!result.ok) return say(t[result.error] || result.error);
      S.update(site, function (d) {
        Object.keys(d).forEach(function (k) { delete d[k]; });
        Object.keys(result.record).forEach(function (k) { d[k] = result.record[k]; });
      });
      render();
      say(t.imported);
    }

    function clear() {
      if (!window.confirm(t.confirm_clear)) return;
      S.update(site, function (d) {
        d.quizzes = {};
        d.lessons = {};
        delete d.assessment;
        delete d.learner;
        delete d.lastPath;
      });
      render();
      say(t.cleared);
    }

    var file = el("input", { type: "file", id: "asah-import", accept: "application/json,.json" });
    file.addEventListener("change", function () {
      var chosen = file.files && file.files[0];
      if (!chosen) return;
      var reader = new FileReader();
      reader.onload = function () { importText(String(reader.result)); };
      reader.onerror = function () { say(t.error_not_json); };
      reader.onloadend = function () { file.value = ""; };  // the same file may be chosen again
      reader.readAsText(chosen);
    });

    root.appendChild(content);
    root.appendChild(el("section", { "class": "asah-progress__actions" }, [
      el("h2", { text: t.actions }),
      el("div", { "class": "asah-buttons" }, [
        button(t["export"], download, true),
        button(t.print, function () { window.print(); })
      ]),
      el("div", { "class": "asah-field" }, [el("label", { "for": "asah-import", text: t["import"] }), file]),
      el("div", { "class": "asah-buttons" }, [button(t.clear, clear)]),
      status
    ]));
    render();
  }

  function init() {
    // model.js and store.js are separate scripts: wait until both have run
    if (!window.AsahProgress || !window.AsahStore) return;
    Array.prototype.forEach.call(document.querySelectorAll('[data-asah-app="progress"]'), function (root) {
      if (root.hasAttribute("data-asah-ready")) return;
      root.setAttribute("data-asah-ready", "");
      try {
        setup(root);
      } catch (error) {
        if (window.console) console.error("asah progress page", error);
      }
    });
  }

  A.ready(init);
})();
