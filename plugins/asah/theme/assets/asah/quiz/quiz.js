/* Asah quiz runtime: check, retry (new draw), show solution, keep results in AsahStore.
 * Works on the server-rendered markup (readable without JS); classic deferred script,
 * initialised once per quiz element on DOMContentLoaded and on Material's document$. */
(function () {
  "use strict";
  var storageNoticeShown = false;

  function fmt(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (m, k) {
      return values[k] === undefined ? m : values[k];
    });
  }

  function norm(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().trim().replace(/\s+/g, " ");
  }

  function parseNumber(text) {
    var clean = String(text).trim().replace(/\s/g, "").replace(",", ".");
    return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(clean) ? parseFloat(clean) : NaN;
  }

  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = list[i]; list[i] = list[j]; list[j] = t;
    }
    return list;
  }

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function round(n) {
    return Math.round(n * 10) / 10;
  }

  function num(n) {
    return Number(n).toLocaleString(document.documentElement.lang || undefined);
  }

  /* ---- answers and scoring per type ---- */

  function readAnswer(li, type) {
    if (type === "single" || type === "truefalse") {
      var chosen = li.querySelector("input:checked");
      return chosen ? chosen.value : null;
    }
    if (type === "multiple") {
      var values = all(li, "input:checked").map(function (i) { return i.value; });
      return values.length ? values : null;
    }
    if (type === "text" || type === "number") {
      var value = li.querySelector(".asah-answer input").value;
      return value.trim() ? value : null;
    }
    if (type === "fill") {
      var blanks = all(li, "[data-asah-blank]").map(function (i) { return i.value; });
      return blanks.some(function (b) { return b.trim(); }) ? blanks : null;
    }
    if (type === "order") {
      // the shuffled order shown first is not an answer until the learner moves something
      if (!li.hasAttribute("data-asah-touched")) return null;
      return all(li, "[data-asah-item]").map(function (i) { return +i.dataset.asahItem; });
    }
    var picks = all(li, "select").map(function (s) { return s.value; });
    return picks.some(function (p) { return p !== ""; }) ? picks : null;
  }

  function writeAnswer(li, type, answer) {
    if (answer === null || answer === undefined) return;
    if (type === "single" || type === "truefalse" || type === "multiple") {
      var wanted = [].concat(answer).map(String);
      all(li, "input").forEach(function (i) { i.checked = wanted.indexOf(i.value) >= 0; });
    } else if (type === "text" || type === "number") {
      li.querySelector(".asah-answer input").value = answer;
    } else if (type === "fill") {
      all(li, "[data-asah-blank]").forEach(function (i, n) { i.value = answer[n] || ""; });
    } else if (type === "order") {
      li.setAttribute("data-asah-touched", "");
      var list = li.querySelector(".asah-order");
      answer.forEach(function (index) {
        var item = list.querySelector('[data-asah-item="' + index + '"]');
        if (item) list.appendChild(item);
      });
    } else {
      all(li, "select").forEach(function (s, n) { s.value = answer[n] || ""; });
    }
  }

  /* Fraction of the points earned, 0..1 (null: not answered). */
  function score(q, answer) {
    if (answer === null) return null;
    switch (q.type) {
      case "single": return +(String(q.correct[0]) === answer);
      case "truefalse": return +(String(q.answer) === answer);
      case "multiple": {
        var right = q.correct.map(String);
        var hits = answer.filter(function (a) { return right.indexOf(a) >= 0; }).length;
        var misses = answer.length - hits;
        if (q.partial) return Math.max(0, (hits - misses) / right.length);
        return +(hits === right.length && misses === 0);
      }
      case "text": {
        var given = norm(answer);
        if (q.answers.some(function (a) { return norm(a) === given; })) return 1;
        if (!q.pattern) return 0;
        try {
          var re = new RegExp(q.pattern, "i");
          return +(re.test(answer.trim()) || re.test(given));
        } catch (e) {
          return 0;
        }
      }
      case "number": {
        var n = parseNumber(answer);
        return +(!isNaN(n) && Math.abs(n - q.answer) <= q.tolerance + 1e-9);
      }
      case "fill":
        return q.blanks.filter(function (alts, i) {
          return alts.some(function (a) { return norm(a) === norm(answer[i] || ""); });
        }).length / q.blanks.length;
      case "order":
        return answer.filter(function (item, pos) { return item === pos; }).length / answer.length;
      default:
        return answer.filter(function (v, i) { return v === String(i); }).length / answer.length;
    }
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
    all(root, ".asah-order__buttons").forEach(function (b) { b.hidden = false; });
    root.addEventListener("click", this.onClick.bind(this));
    var last = window.AsahStore ? window.AsahStore.read(this.site).quizzes[this.data.id] : null;
    if (last && last.last && this.restore(last)) return;
    this.start();
  }

  Quiz.prototype.question = function (li) {
    return this.data.questions[li.dataset.asahQuestion];
  };

  Quiz.prototype.start = function (drawn) {
    var self = this;
    var ids = this.items.map(function (li) { return li.dataset.asahQuestion; });
    if (!drawn) {
      drawn = ids.slice();
      if (this.data.draw) drawn = shuffle(drawn).slice(0, this.data.draw);
      if (this.data.shuffle) shuffle(drawn);
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

  Quiz.prototype.reset = function (li) {
    var q = this.question(li);
    li.classList.remove("is-correct", "is-partial", "is-wrong", "is-unanswered");
    all(li, "input, select, button").forEach(function (c) { c.disabled = false; });
    all(li, "input[type=radio], input[type=checkbox]").forEach(function (i) { i.checked = false; });
    all(li, "input[type=text]").forEach(function (i) { i.value = ""; });
    all(li, "select").forEach(function (s) { s.value = ""; });
    all(li, ".asah-option__feedback").forEach(function (f) { f.hidden = true; });
    var result = li.querySelector(".asah-question__result");
    result.hidden = true;
    result.textContent = "";
    li.querySelector(".asah-solution").open = false;
    if ((q.type === "single" || q.type === "multiple") && q.shuffle) {
      var options = li.querySelector(".asah-options");
      shuffle(all(options, ".asah-option")).forEach(function (o) { options.appendChild(o); });
    }
    if (q.type === "order") {
      li.removeAttribute("data-asah-touched");
      var list = li.querySelector(".asah-order");
      var items = all(list, "[data-asah-item]");
      do { shuffle(items); } while (items.length > 1 && items.every(function (item, pos) {
        return +item.dataset.asahItem === pos;
      }));
      items.forEach(function (item) { list.appendChild(item); });
    }
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
    }
    else if (action === "retry") {
      this.start();
      this.say("");
      var first = this.visible()[0];
      var control = first && first.querySelector("input, select, button");
      if (control) control.focus();
    } else if (action === "solution") this.solve();
    else if (button.hasAttribute("data-asah-move")) this.move(button);
  };

  Quiz.prototype.move = function (button) {
    var item = button.closest("[data-asah-item]");
    var list = item.parentNode;
    var step = +button.getAttribute("data-asah-move");
    var sibling = step < 0 ? item.previousElementSibling : item.nextElementSibling;
    if (sibling) list.insertBefore(item, step < 0 ? sibling : sibling.nextElementSibling);
    button.closest("[data-asah-question]").setAttribute("data-asah-touched", "");
    button.focus();
    var items = all(list, "[data-asah-item]");
    this.say(fmt(this.t.moved, {
      item: item.querySelector(".asah-order__text").textContent,
      n: items.indexOf(item) + 1,
      m: items.length
    }));
  };

  Quiz.prototype.check = function (save) {
    var self = this;
    var answers = {};
    var results = {};
    var earned = 0;
    var total = 0;
    var answeredAny = false;
    this.visible().forEach(function (li) {
      var q = self.question(li);
      var answer = readAnswer(li, q.type);
      answeredAny = answeredAny || answer !== null;
      answers[li.dataset.asahQuestion] = answer;
      var fraction = score(q, answer);
      results[li.dataset.asahQuestion] = { fp: q.fp, score: fraction === null ? 0 : fraction };
      total += q.points;
      earned += (fraction || 0) * q.points;
      self.show(li, q, fraction);
    });
    if (!answeredAny && save) {
      this.visible().forEach(function (li) { self.unshow(li); });
      this.say(this.t.answer_first);
      return;
    }
    this.checked = true;
    this.root.classList.add("is-checked");
    var percent = total ? round((earned / total) * 100) : 0;
    var passed = percent >= this.data.pass;
    var message = fmt(this.t.score, { score: num(percent), points: num(round(earned)),
      total: num(total) }) + " " +
      (passed ? this.t.passed : fmt(this.t.failed, { pass: num(this.data.pass) }));
    if (save) this.save(percent, passed, answers, results, message);
    else this.say(message);
    return percent;
  };

  Quiz.prototype.show = function (li, q, fraction) {
    var state = fraction === null ? "unanswered" : fraction >= 1 ? "correct" :
      fraction > 0 ? "partial" : "wrong";
    li.classList.add("is-" + state);
    all(li, "input, select, .asah-move").forEach(function (c) { c.disabled = true; });
    all(li, ".asah-option").forEach(function (o) {
      var input = o.querySelector("input");
      var feedback = o.querySelector(".asah-option__feedback");
      if (feedback) feedback.hidden = !input.checked;
    });
    var result = li.querySelector(".asah-question__result");
    result.textContent = "";
    var verdict = document.createElement("p");
    verdict.className = "asah-verdict";
    verdict.textContent = state === "partial" ?
      fmt(this.t.partial, { percent: Math.round(fraction * 100) }) : this.t[state] ||
      this.t.wrong;
    result.appendChild(verdict);
    var explanation = li.querySelector(".asah-solution .asah-explanation");
    if (explanation) result.appendChild(explanation.cloneNode(true));
    result.hidden = false;
  };

  Quiz.prototype.unshow = function (li) {
    li.classList.remove("is-unanswered");
    all(li, "input, select, .asah-move").forEach(function (c) { c.disabled = false; });
    li.querySelector(".asah-question__result").hidden = true;
  };

  Quiz.prototype.solve = function () {
    if (!this.checked) this.check(true);
    if (!this.checked) return;
    this.root.classList.add("is-solved");
    this.visible().forEach(function (li) { li.querySelector(".asah-solution").open = true; });
  };

  Quiz.prototype.say = function (text) {
    this.status.textContent = text;
  };

  Quiz.prototype.save = function (percent, passed, answers, results, message) {
    var id = this.data.id;
    var drawn = this.drawn;
    var ok = window.AsahStore && window.AsahStore.update(this.site, function (data) {
      var record = data.quizzes[id] || { attempts: 0, best: 0 };
      record.attempts += 1;
      record.best = Math.max(record.best || 0, percent);
      record.passed = record.passed || passed;
      record.last = {
        date: new Date().toISOString(), score: percent, passed: passed,
        drawn: drawn, answers: answers, questions: results
      };
      data.quizzes[id] = record;
    });
    if (!ok && !storageNoticeShown) {
      storageNoticeShown = true;
      message += " " + this.t.storage;
    }
    this.say(message);
  };

  /* Show the last attempt again; a question whose fingerprint changed starts afresh. */
  Quiz.prototype.restore = function (record) {
    var self = this;
    var last = record.last;
    var drawn = (last.drawn || []).filter(function (id) { return self.data.questions[id]; });
    if (!drawn.length) return false;
    this.start(drawn);
    var changed = [];
    drawn.forEach(function (id) {
      var li = self.root.querySelector('[data-asah-question="' + id + '"]');
      var q = self.data.questions[id];
      var before = last.questions && last.questions[id];
      if (before && before.fp === q.fp) writeAnswer(li, q.type, last.answers[id]);
      else changed.push(li);
    });
    if (changed.length === drawn.length) {
      this.start(drawn);
      return true;
    }
    this.check(false);
    changed.forEach(function (li) {
      self.reset(li);
      var note = li.querySelector(".asah-question__result");
      note.textContent = self.t.changed;
      note.hidden = false;
    });
    var date = new Date(last.date);
    this.say(fmt(this.t.last, {
      date: isNaN(date) ? "" : date.toLocaleDateString(document.documentElement.lang || undefined),
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

  window.AsahQuiz = { init: init, score: score, norm: norm };
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
