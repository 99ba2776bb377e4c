/* Asah question types: the registry each type module adds itself to, and what several types
 * share. A type is AsahQuizTypes[<type>] = {
 *   read(li) → the answer as stored (docs/storage.md), null when nothing is given;
 *   write(li, answer) → show a stored answer again;
 *   score(q, answer, language) → share of the points 0..1, null when not answered; pure (no
 *     DOM), the same as quiz/types/<type>.py (tests/fixtures/shared/scoring.json);
 *   reset(li, q)? → a fresh start (shuffle, hide feedback); controls are cleared by quiz.js;
 *   show(li, q, answer, t)? → feedback per option or item once checked (t: the quiz strings);
 *   click(li, button, t)? → a button of the question was pressed; returns a status message;
 *   rows(q, answer)? → for a type answered row by row (order, match, category): per row of the
 *     answer true (right), false (wrong) or null (nothing given); pure, the same as `rows` in
 *     quiz/types/<type>.py; show() marks the rows with it;
 *   untouched(li)? → true while the answer read is only what was shown (an order not moved):
 *     it is an answer, but checking a quiz in which the learner did nothing asks first }.
 * `q` is the question's data from the page. Sorted first in the quiz bundle (file name). */
(function (root) {
  "use strict";
  if (root.AsahQuizCore) return;
  root.AsahQuizTypes = root.AsahQuizTypes || {};

  function all(scope, selector) {
    return root.Asah.all(scope, selector);
  }

  /* An answer as it is compared: accents and case ignored, spaces trimmed and collapsed (the
   * same as `normalise` in quiz/types/base.py). */
  function norm(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().trim().replace(/\s+/g, " ");
  }

  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = list[i]; list[i] = list[j]; list[j] = t;
    }
    return list;
  }

  function isBlank(text) {
    return text === null || text === undefined || !String(text).trim();
  }

  /* A list of picks with nothing picked (match, category). */
  function nonePicked(answer) {
    return !answer || !answer.length || answer.every(function (a) {
      return a === "" || a === null || a === undefined;
    });
  }

  /* Options (single, multiple, truefalse): radio buttons or checkboxes. */
  var options = {
    checked: function (li) {
      return all(li, "input:checked").map(function (i) { return i.value; });
    },
    write: function (li, answer) {
      var wanted = [].concat(answer).map(String);
      all(li, "input").forEach(function (i) { i.checked = wanted.indexOf(i.value) >= 0; });
    },
    reset: function (li, q) {
      all(li, ".asah-option__feedback").forEach(function (f) { f.hidden = true; });
      if (!q.shuffle) return;
      var list = li.querySelector(".asah-options");
      shuffle(all(list, ".asah-option")).forEach(function (o) { list.appendChild(o); });
    },
    /* the feedback of the options the learner chose */
    show: function (li) {
      all(li, ".asah-option").forEach(function (o) {
        var feedback = o.querySelector(".asah-option__feedback");
        if (feedback) feedback.hidden = !o.querySelector("input").checked;
      });
    }
  };

  /* A type answered with radio buttons (single, truefalse): the answer is the chosen value;
   * `score(q, answer)` is the type's own. */
  function radios(score) {
    return {
      read: function (li) { return options.checked(li)[0] || null; },
      write: options.write,
      reset: options.reset,
      show: options.show,
      score: function (q, answer) {
        return answer === null || answer === undefined ? null : score(q, answer);
      }
    };
  }

  /* The one text box of text and number questions. */
  var textBox = {
    read: function (li) {
      var value = li.querySelector(".asah-answer input").value;
      return value.trim() ? value : null;
    },
    write: function (li, answer) {
      li.querySelector(".asah-answer input").value = answer;
    }
  };

  /* Selects whose `attribute` holds the index the pick is kept at in the answer, whatever
   * order they are shown in (match, category). */
  function readPicks(li, attribute) {
    var picks = [];
    all(li, "[" + attribute + "]").forEach(function (select) {
      picks[+select.getAttribute(attribute)] = select.value;
    });
    for (var i = 0; i < picks.length; i++) picks[i] = picks[i] || "";
    return nonePicked(picks) ? null : picks;
  }

  function writePicks(li, attribute, answer) {
    all(li, "[" + attribute + "]").forEach(function (select) {
      var pick = answer[+select.getAttribute(attribute)];
      select.value = pick === null || pick === undefined ? "" : String(pick);
    });
  }

  /* The share of rows that are right (order, match, category score by it). */
  function share(rights) {
    return rights.length ? rights.filter(function (r) { return r === true; }).length /
      rights.length : 0;
  }

  var MARKS = {
    correct: { icon: "\u2713 ", text: "correct" },
    wrong: { icon: "\u2717 ", text: "wrong" },
    unanswered: { icon: "\u2013 ", text: "unanswered" }
  };

  /* Once checked, each row of a row-by-row answer says whether it is right: a class (the colour
   * bar) and a mark in words after `after` (the row's select or text), the icon hidden from
   * screen readers. `right`: true, false or null (nothing given), from the type's rows(). */
  function markRow(row, after, right, t) {
    unmarkRow(row);
    var state = right === true ? "correct" : right === false ? "wrong" : "unanswered";
    row.classList.add("is-" + state);
    var el = root.Asah.el;
    after.parentNode.insertBefore(el("span", { "class": "asah-mark" }, [
      el("span", { "aria-hidden": "true", text: MARKS[state].icon }),
      t[MARKS[state].text]
    ]), after.nextSibling);
  }

  function unmarkRow(row) {
    row.classList.remove("is-correct", "is-wrong", "is-unanswered");
    all(row, ".asah-mark").forEach(function (m) { m.parentNode.removeChild(m); });
  }

  /* Rows whose select holds the index in `attribute` (match, category), marked by that index. */
  function markPicks(li, attribute, rights, t) {
    all(li, "[" + attribute + "]").forEach(function (select) {
      var right = rights[+select.getAttribute(attribute)];
      markRow(select.parentNode, select, right === undefined ? null : right, t);
    });
  }

  root.AsahQuizCore = {
    all: all, norm: norm, shuffle: shuffle, isBlank: isBlank, nonePicked: nonePicked,
    options: options, radios: radios, textBox: textBox, readPicks: readPicks, writePicks: writePicks,
    share: share, markRow: markRow, unmarkRow: unmarkRow, markPicks: markPicks
  };
})(typeof window !== "undefined" ? window : globalThis);
