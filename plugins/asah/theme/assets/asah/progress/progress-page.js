/* Asah progress page (kemajuan/): the learner's record as lists and tables, with a backup file
 * (save, load), clear and print. Printed, it is the learner's JP record (A4): the learner's
 * fields, the lessons that count with date, minutes, JP and quiz score, paths completed,
 * competencies reached, JP toward the yearly target and a signature block for the direct
 * supervisor. All "counts/passed/reached" logic comes from AsahProgress (record.js, model.js).
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
    var rule = P.rule(data.completion);
    var countsJp = data.minutes_per_jp !== null && data.minutes_per_jp !== undefined;
    var year = new Date().getFullYear();
    var nojs = root.querySelector(".asah-app__nojs");
    if (nojs) nojs.parentNode.removeChild(nojs);
    root.classList.add("asah-progress");

    function link(url, text) {
      return url ? el("a", { href: read.home + url, text: text }) : el("span", { text: text });
    }

    function section(title, body) {
      return el("section", {}, [el("h2", { text: title })].concat(body));
    }

    /* Shown on the screen or on paper only (progress-page.css). */
    function only(medium, node) {
      node.classList.add("asah-" + medium + "-only");
      return node;
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
     * its scroll box is focusable and named. Each cell carries its column's name, which a
     * narrow screen shows beside it (data-label); `foot`: a row of totals; `classes`: a class
     * per row ("" for none). */
    function table(id, caption, heads, rows, foot, classes) {
      function row(cells, n) {
        var attrs = classes && classes[n] ? { "class": classes[n] } : {};
        return el("tr", attrs, cells.map(function (cell, i) {
          return el(i ? "td" : "th", i ? { "class": "asah-num", "data-label": heads[i] } :
            { scope: "row" }, [cell]);
        }));
      }
      return el("div", { "class": "asah-table-wrap", tabindex: "0", role: "region",
        "aria-labelledby": id }, [el("table", { "class": "asah-table" }, [
        el("caption", { id: id, "class": "asah-sr-only", text: caption }),
        el("thead", {}, [el("tr", {}, heads.map(function (h, i) {
          return el("th", i ? { scope: "col", "class": "asah-num", text: h } : { scope: "col", text: h });
        }))]),
        el("tbody", {}, rows.map(row)),
        foot && el("tfoot", {}, [row(foot, -1)])
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

    /* "6 / 20 JP tahun 2026": the JP of the lessons that counted this year, toward the yearly
     * target (jp_target); without a target, this year's JP alone. */
    function yearly() {
      var hours = P.jp(data, P.doneMinutes(data, record, year));
      var target = data.jp_target;
      if (!target) return el("p", { text: fmt(t.jp_year, { jp: num(hours), year: String(year) }) });
      var text = fmt(t.jp_year_target, { jp: num(hours), target: num(target), year: String(year) });
      return el("div", { "class": "asah-progress__year" }, [
        el("p", { text: text }),
        el("progress", { max: String(target), value: String(Math.min(hours, target)),
          "aria-label": text, text: text })
      ]);
    }

    function summary() {
      var minutes = P.doneMinutes(data, record);
      var hours = P.jp(data, minutes);  // null: the site does not count JP
      var values = { done: num(P.completed(data, record).length),
        total: num(data.lessons.length), jp: num(hours), minutes: num(minutes) };
      var fields = data.learner_fields || [];
      return section(t.summary_title, [
        el("p", { "class": "asah-progress__summary",
          text: fmt(hours === null ? t.summary_minutes : t.summary, values) }),
        countsJp && yearly(),
        el("p", { "class": "asah-progress__rule", text: t["rule_" + rule] }),
        fields.length && el("p", { "class": "asah-learner__intro", text: t.learner_intro })
      ].concat(fields.map(learnerField)));
    }

    /* The best score of each quiz of a lesson, noting a solution shown before the pass. */
    function scores(lesson) {
      var parts = lesson.quizzes.filter(function (id) { return record.quizzes[id]; })
        .map(function (id) {
          var text = num(record.quizzes[id].best || 0) + "%";
          return P.solutionBeforePass(record, id) ? text + " (" + t.solution_seen + ")" : text;
        });
      return parts.length ? parts.join(", ") : "—";
    }

    /* The lessons that count, oldest first, with their date, minutes, JP and quiz scores. */
    function lessons() {
      var list = P.completed(data, record);
      if (!list.length) return section(t.lessons_done, [el("p", { text: t.no_lessons_done })]);
      var heads = [t.lesson, t.date, t.minutes_col].concat(countsJp ? [t.jp_col] : [], [t.quiz_score]);
      var minutes = 0;
      var rows = list.map(function (item) {
        var l = item.lesson;
        minutes += l.minutes || 0;
        return [link(l.url, l.title), day(item.date), l.minutes ? num(l.minutes) : "—"]
          .concat(countsJp ? [l.jp ? num(l.jp) : "—"] : [], [scores(l)]);
      });
      var foot = [t.total_row, "", num(minutes)].concat(countsJp ? [num(P.jp(data, minutes))] : [], [""]);
      return section(t.lessons_done, [el("div", { "class": "asah-progress__lessons" }, [
        table("asah-lessons-done", t.lessons_done, heads, rows, foot)])]);
    }

    /* Under "quiz_passed": lessons marked done that wait for a quiz (on the screen only). */
    function pending() {
      var list = P.pending(data, record);
      if (!list.length) return null;
      return only("screen", section(t.pending_title, [
        el("p", { text: t.pending_intro }),
        el("ul", { "class": "asah-progress__pending" }, list.map(function (item) {
          var l = item.lesson;
          return el("li", {}, [link(l.url, l.title), " — "].concat(item.quizzes.map(function (id, i) {
            // a bank goes to its quiz when this lesson is where it is taken
            var bank = data.banks.filter(function (b) { return b.id === id; })[0];
            var url = bank && bank.url.indexOf(l.url + "#") === 0 ? bank.url : l.url;
            return el("span", {}, [i ? ", " : "", link(url, bank ?
              fmt(t.pending_quiz, { title: bank.title }) : t.pending_quiz_here)]);
          })));
        }))
      ]));
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
      // on paper the lessons' table gives their quiz scores
      return only("screen", section(t.quiz_results, [ids.length ? table("asah-quiz-results",
        t.quiz_results,
        [t.quiz, t.best_score, t.passed, t.attempts, t.last_attempt],
        ids.map(function (id) {
          var q = record.quizzes[id];
          var info = quizInfo(id);
          var seen = P.solutionBeforePass(record, id);
          var passed = q.passed ? (seen ? t.passed_after_solution : t.yes) :
            (seen ? t.no_solution_seen : t.no);
          return [link(info.url, info.title), num(q.best || 0) + "%", passed,
            num(q.attempts || 0), day(q.last && q.last.date)];
        })) : el("p", { text: t.no_quiz_results })]));
    }

    /* Levels reached, and "sebagian (1 dari 3 pelajaran)" on the way to the next level; the
     * rule is said above the table. */
    function competencies() {
      var progress = P.competencyProgress(data, record);
      var shown = P.competencies(data).filter(function (c) {
        return progress.hasOwnProperty(c.id);
      });
      // on paper only what is reached or under way
      var none = shown.map(function (c) {
        return !progress[c.id].reached && !progress[c.id].started;
      });
      var rows = shown.map(function (c) {
        var p = progress[c.id];
        var values = { level: num(p.reached), next: num(p.next), done: num(p.done),
          total: num(p.total) };
        var cell = p.next !== null && p.started ?
          fmt(p.reached ? t.reached_partial : t.partial, values) :
          p.reached ? num(p.reached) : "—";
        return [link(c.url, c.name), cell, num(p.max)];
      });
      if (!rows.length) return null;
      var list = table("asah-competencies", t.competencies_reached,
        [t.competency, t.reached_level, t.course_max_level], rows, null,
        none.map(function (n) { return n ? "asah-screen-only" : ""; }));
      var nothing = none.every(Boolean);
      return section(t.competencies_reached, [
        el("p", { "class": "asah-progress__rule", text: t.levels_rule }),
        nothing ? only("screen", list) : list,
        nothing && only("print", el("p", { text: t.no_competencies_reached }))]);
    }

    function paths() {
      var list = data.paths || [];
      if (!list.length) return null;
      var progress = list.map(function (path) { return P.pathProgress(data, record, path); });
      var begun = progress.some(function (p) { return p.done > 0; });
      return section(t.paths, [el("ul", { "class": "asah-progress__paths" },
        list.map(function (path, n) {
          var p = progress[n];
          var steps = fmt(t.steps_done, { done: num(p.done), total: num(p.total) });
          // on paper only the paths begun
          return el("li", p.done ? {} : { "class": "asah-screen-only" }, [
            el("p", { "class": "asah-progress__path-title" }, [link(path.url, path.title)]),
            el("p", { text: steps }),
            el("progress", { max: String(Math.max(p.total, 1)), value: String(p.done),
              "aria-label": path.title, text: steps }),
            // the step title tells several "Lanjutkan" links apart
            p.nextInfo ? el("p", { "class": "asah-progress__continue" },
              [link(p.nextInfo.url, t["continue"] + ": " + p.nextInfo.title)]) :
              el("p", { text: p.date ? fmt(t.path_complete_on, { date: day(p.date) }) :
                t.path_complete })
          ]);
        })), !begun && only("print", el("p", { text: t.no_paths_started }))]);
    }

    var record;
    var content = el("div");
    var status = el("p", { "class": "asah-app__status", role: "status", "aria-live": "polite" });

    /* On paper: what the record is, of which course, printed when. */
    function head() {
      return only("print", el("div", { "class": "asah-record__head" }, [
        el("p", { "class": "asah-record__title", text: t.record_title }),
        el("p", { text: fmt(t.record_meta, { course: data.title,
          date: A.date(new Date().toISOString()) }) })
      ]));
    }

    /* On paper: the direct supervisor's name, NIP, signature and date, to fill in by hand. */
    function signature() {
      return only("print", el("section", { "class": "asah-signature" }, [
        el("h2", { text: t.signature_title }),
        el("div", { "class": "asah-signature__fields" },
          [t.signature_name, t.signature_nip, t.signature, t.date].map(function (label) {
            return el("p", { "class": "asah-signature__field" }, [
              el("span", { "class": "asah-signature__label", text: label }),
              el("span", { "class": "asah-signature__line" })
            ]);
          }))
      ]));
    }

    /* Only the record sections are rebuilt, so focus and the status region survive. */
    function render() {
      record = S.read(site);
      content.textContent = "";
      [head(), summary(), lessons(), pending(), quizzes(), competencies(), paths(), history(),
        signature()]
        .forEach(function (s) {
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

    /* Blob + temporary <a download>: works from file:// and http alike. `word` names the
     * file: "<word>-<site id>-<YYYY-MM-DD>.<ext>". */
    function save(word, ext, type, text) {
      var now = new Date();
      var name = word + "-" + String(site).replace(/[^\w.-]+/g, "-") + "-" + now.getFullYear() +
        "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()) + "." + ext;
      var blob = new Blob([text], { type: type });
      var url = URL.createObjectURL(blob);
      var a = el("a", { href: url, download: name });
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    }

    /* The backup file (version 2); the record gets its id first, which keeps two files of one
     * learner one learner in a report. */
    function download() {
      S.update(site, function (d) { if (!d.id) d.id = P.newId(); });
      save(t.export_file || "kemajuan", "json", "application/json",
        P.exportRecord(data, S.read(site), new Date()));
    }

    /* The activity history as SIASN's course history asks it: one entry per year. */
    function history() {
      var entries = P.history(data, record);
      var heads = [t.history_year, t.history_course, t.history_type, t.history_organiser,
        t.history_start, t.history_end].concat(countsJp ? [t.history_jp] : [t.history_minutes]);
      return only("screen", section(t.history_title, [el("p", { text: t.history_intro }),
        entries.length ? table("asah-history", t.history_title, heads, entries.map(function (e) {
          return [String(e.year), e.course, e.type, e.organiser || "—", day(e.start + "T00:00"),
            day(e.end + "T00:00"),
            num(countsJp ? e.jp : e.minutes)];
        })) : el("p", { text: t.no_history }),
        entries.length && el("div", { "class": "asah-buttons" }, [button(t.history_download,
          function () {
            save(t.history_file || "riwayat", "csv", "text/csv", P.historyCsv(data, record, t));
          })])]));
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
        delete d.id;
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
      el("p", { text: t.export_help }),
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
