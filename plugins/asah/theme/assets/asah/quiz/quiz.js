/* Asah quiz runtime: check, retry (new draw), show solution, keep results in AsahStore.
 * "Show the solution" follows an attempt that did not pass unless the course turns that off
 * (setting `solution_after_fail`): then only once the quiz is passed. The record notes when the
 * solution was first shown while the quiz was not passed (docs/storage.md).
 * Works on the server-rendered markup (readable without JS); classic deferred script,
 * initialised once per quiz element on DOMContentLoaded and on Material's document$.
 * What differs per question type (reading, scoring, feedback) is in quiz/types/<type>.js,
 * found through AsahQuizTypes: nothing here knows one type from another. */
(function () {
  "use strict";
  if (window.AsahQuiz) return;
  var A = window.Asah;
  var all = A.all;
  var fmt = A.fmt;
  var num = A.num;
  var TYPES = window.AsahQuizTypes || {};
  // a type this runtime does not know (a newer page than its script) is never answered
  var UNKNOWN = {
    read: function () { return null; },
    write: function () {},
    score: function () { return null; }
  };
  var storageNoticeShown = false;

  function typeOf(name) {
    return TYPES.hasOwnProperty(name) ? TYPES[name] : UNKNOWN;
  }

  function round(n) {
    return Math.round(n * 10) / 10;
  }

  /* ---- one quiz ---- */

  function Quiz(root) {
    this.root = root;
    this.data = JSON.parse(root.querySelector(".asah-quiz__data").textContent);
    this.t = this.data.t;
    this.site = root.getAttribute("data-asah-site");
    this.status = root.querySelector(".asah-quiz__status");
    this.list = root.querySelector(".asah-quiz__questions");
    this.items = all(root, "[data-asah-question]");
    root.classList.add("asah-quiz--js");
    root.querySelector(".asah-quiz__actions").hidden = false;
    root.addEventListener("click", this.onClick.bind(this));
    var last = window.AsahStore ? window.AsahStore.read(this.site).quizzes[this.data.id] : null;
    if (last && last.last && this.restore(last)) return;
    this.start();
  }

  Quiz.prototype.question = function (li) {
    return this.data.questions[li.dataset.asahQuestion];
  };

  Quiz.prototype.type = function (li) {
    return typeOf(this.question(li).type);
  };

  Quiz.prototype.start = function (drawn) {
    var self = this;
    var ids = this.items.map(function (li) { return li.dataset.asahQuestion; });
    if (!drawn) {
      drawn = ids.slice();
      if (this.data.draw) drawn = window.AsahQuizCore.shuffle(drawn).slice(0, this.data.draw);
      if (this.data.shuffle) window.AsahQuizCore.shuffle(drawn);
      else drawn.sort(function (a, b) { return ids.indexOf(a) - ids.indexOf(b); });
    }
    this.drawn = drawn;
    this.checked = false;
    this.root.classList.remove("is-checked", "is-solved");
    this.items.forEach(function (li) {
      li.hidden = drawn.indexOf(li.dataset.asahQuestion) < 0;
      self.reset(li);
    });
    drawn.forEach(function (id, n) {
      var li = self.root.querySelector('[data-asah-question="' + id + '"]');
      self.list.appendChild(li);
      li.querySelector(".asah-question__legend").textContent =
        li.querySelector(".asah-question__legend").textContent.replace(/\d+/, n + 1);
    });
  };

  /* Clear the answer controls (every type's are inputs and selects), then the type's own. */
  Quiz.prototype.reset = function (li) {
    li.classList.remove("is-correct", "is-partial", "is-wrong", "is-unanswered");
    all(li, "input, select, button").forEach(function (c) { c.disabled = false; });
    all(li, "input[type=radio], input[type=checkbox]").forEach(function (i) { i.checked = false; });
    all(li, "input[type=text]").forEach(function (i) { i.value = ""; });
    all(li, "select").forEach(function (s) { s.value = ""; });
    var result = li.querySelector(".asah-question__result");
    result.hidden = true;
    result.textContent = "";
    li.querySelector(".asah-solution").open = false;
    var type = this.type(li);
    if (type.reset) type.reset(li, this.question(li));
  };

  Quiz.prototype.visible = function () {
    return this.items.filter(function (li) { return !li.hidden; });
  };

  Quiz.prototype.onClick = function (event) {
    var button = event.target.closest("button");
    if (!button || !this.root.contains(button)) return;
    var action = button.getAttribute("data-asah-action");
    if (action === "check") {
      // the check button hides once checked: keep keyboard focus on the next action
      if (this.check(true) !== undefined) this.root.querySelector('[data-asah-action="retry"]').focus();
    } else if (action === "retry") {
      this.start();
      this.say("");
      var first = this.visible()[0];
      var control = first && first.querySelector("input, select, button");
      if (control) control.focus();
    } else if (action === "solution") {
      this.solve();
    } else {
      // a button inside a question (order's move buttons) belongs to its type
      var li = button.closest("[data-asah-question]");
      var type = li && this.type(li);
      var message = type && type.click && type.click(li, button, this.t);
      if (message) this.say(message);
    }
  };

  /* Read, score and show every question asked; `save`: a learner's check (asks for an answer
   * first, keeps the result), else a restored attempt whose unanswered questions are `blank`. */
  Quiz.prototype.check = function (save, blank) {
    var self = this;
    var language = A.lang();
    var visible = this.visible();
    var answers = {};
    var results = {};
    var fractions = [];
    var earned = 0;
    var total = 0;
    var gave = false;  // the learner answered something (not only left an order as shown)
    var missing = false;  // some question has no answer at all
    visible.forEach(function (li, n) {
      var q = self.question(li);
      var type = self.type(li);
      var answer = blank && blank[li.dataset.asahQuestion] ? null : type.read(li);
      if (answer === null) missing = true;
      else if (!(type.untouched && type.untouched(li))) gave = true;
      answers[li.dataset.asahQuestion] = answer;
      var fraction = answer === null ? null : type.score(q, answer, language);
      fractions[n] = fraction;
      results[li.dataset.asahQuestion] = { fp: q.fp, score: fraction === null ? 0 : fraction };
      total += q.points;
      earned += (fraction || 0) * q.points;
    });
    // a quiz the learner has not touched asks for an answer first, unless every question
    // already has one (a quiz of order questions may be answered with the order shown)
    if (!gave && missing && save) {
      this.say(this.t.answer_first);
      return;
    }
    visible.forEach(function (li, n) {
      self.show(li, self.question(li), fractions[n], answers[li.dataset.asahQuestion]);
    });
    this.checked = true;
    this.root.classList.add("is-checked");
    var percent = total ? round((earned / total) * 100) : 0;
    var passed = percent >= this.data.pass;
    if (passed && save) this.passed = true;
    var message = fmt(this.t.score, { score: num(percent), points: num(round(earned)),
      total: num(total) }) + " " +
      (passed ? this.t.passed : fmt(this.t.failed, { pass: num(this.data.pass) }));
    if (this.lockSolution() && save) message += " " + this.t.solution_after_pass;
    if (save) this.save(percent, passed, answers, results, message);
    else this.say(message);
    return percent;
  };

  /* Whether this quiz was ever passed here (this page's attempts, or the record). */
  Quiz.prototype.passedEver = function () {
    if (this.passed) return true;
    var record = window.AsahStore ? window.AsahStore.read(this.site).quizzes[this.data.id] : null;
    return !!(record && record.passed);
  };

  /* Hide "show the solution" while the quiz is not passed, when the course says so; true when
   * it is hidden. */
  Quiz.prototype.lockSolution = function () {
    var locked = this.data.solution_after_fail === false && !this.passedEver();
    this.root.classList.toggle("is-solution-locked", locked);
    return locked;
  };

  Quiz.prototype.show = function (li, q, fraction, answer) {
    var state = fraction === null ? "unanswered" : fraction >= 1 ? "correct" :
      fraction > 0 ? "partial" : "wrong";
    li.classList.add("is-" + state);
    all(li, "input, select, button").forEach(function (c) { c.disabled = true; });
    var type = this.type(li);
    if (type.show) type.show(li, q, answer, this.t);
    var result = li.querySelector(".asah-question__result");
    result.textContent = "";
    result.appendChild(A.el("p", { "class": "asah-verdict", text: state === "partial" ?
      fmt(this.t.partial, { percent: num(Math.round(fraction * 100)) }) :
      this.t[state] || this.t.wrong }));
    var explanation = li.querySelector(".asah-solution .asah-explanation");
    if (explanation) result.appendChild(explanation.cloneNode(true));
    result.hidden = false;
  };

  Quiz.prototype.solve = function () {
    if (!this.checked) this.check(true);
    if (!this.checked || this.lockSolution()) return;
    this.root.classList.add("is-solved");
    this.visible().forEach(function (li) { li.querySelector(".asah-solution").open = true; });
    var id = this.data.id;
    if (window.AsahStore) {
      window.AsahStore.update(this.site, function (data) {
        var record = data.quizzes[id];
        if (record && !record.passed && !record.solutionDate) {
          record.solutionDate = new Date().toISOString();
        }
      });
    }
  };

  Quiz.prototype.say = function (text) {
    this.status.textContent = text;
  };

  Quiz.prototype.save = function (percent, passed, answers, results, message) {
    var id = this.data.id;
    var drawn = this.drawn;
    var now = new Date().toISOString();
    var ok = window.AsahStore && window.AsahStore.update(this.site, function (data) {
      var record = data.quizzes[id] || { attempts: 0, best: 0 };
      record.attempts += 1;
      record.best = Math.max(record.best || 0, percent);
      if (passed && !record.passed) record.passedDate = now;
      record.passed = record.passed || passed;
      record.last = {
        date: now, score: percent, passed: passed,
        drawn: drawn, answers: answers, questions: results
      };
      // the first attempt, kept for item analysis: it comes before any feedback or solution
      if (record.attempts === 1) record.first = record.last;
      data.quizzes[id] = record;
    });
    if (!ok && !storageNoticeShown) {
      storageNoticeShown = true;
      message += " " + this.t.storage;
    }
    this.say(message);
    // the lesson's "mark as done" says whether the lesson counts now (progress/progress.js)
    if (typeof window.CustomEvent === "function") {
      this.root.dispatchEvent(new window.CustomEvent("asah:quiz", { bubbles: true,
        detail: { id: id, passed: passed } }));
    }
  };

  /* Show the last attempt again; a question whose fingerprint changed starts afresh. */
  Quiz.prototype.restore = function (record) {
    var self = this;
    var last = record.last;
    var drawn = (last.drawn || []).filter(function (id) { return self.data.questions[id]; });
    if (!drawn.length) return false;
    this.start(drawn);
    var changed = [];
    var blank = {};  // not answered then, though an order shows an answer now
    drawn.forEach(function (id) {
      var li = self.root.querySelector('[data-asah-question="' + id + '"]');
      var before = last.questions && last.questions[id];
      var answer = last.answers && last.answers[id];
      if (before && before.fp === self.data.questions[id].fp) {
        if (answer !== null && answer !== undefined) self.type(li).write(li, answer);
        else blank[id] = true;
      } else {
        changed.push(li);
      }
    });
    if (changed.length === drawn.length) {
      this.start(drawn);
      return true;
    }
    this.check(false, blank);
    changed.forEach(function (li) {
      self.reset(li);
      var note = li.querySelector(".asah-question__result");
      note.textContent = self.t.changed;
      note.hidden = false;
    });
    this.say(fmt(this.t.last, {
      date: A.date(last.date),
      score: num(last.score),
      best: num(record.best)
    }));
    return true;
  };

  function init() {
    all(document, "[data-asah-quiz]").forEach(function (root) {
      if (root.hasAttribute("data-asah-ready")) return;
      root.setAttribute("data-asah-ready", "");
      try {
        root.asahQuiz = new Quiz(root);
      } catch (error) {
        if (window.console) console.error("asah quiz", root.getAttribute("data-asah-quiz"), error);
      }
    });
  }

  window.AsahQuiz = {
    init: init,
    types: TYPES,
    /* Score one answer as a check would (language: the page's unless given). */
    score: function (q, answer, language) {
      return typeOf(q.type).score(q, answer, language === undefined ? A.lang() : language);
    }
  };
  A.ready(init);
})();
