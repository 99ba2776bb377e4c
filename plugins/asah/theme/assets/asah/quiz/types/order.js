/* Order: items moved up and down with buttons (keyboard and tap, no dragging); the stored
 * answer is the list of item indices in the order the learner placed them. The order shown
 * is an answer too (it is never the right one). Each item in its own place earns its share;
 * once checked, every item says whether it is in its place, in words as well as colour. */
(function (root) {
  "use strict";
  var core = root.AsahQuizCore;
  var TOUCHED = "data-asah-touched";

  function items(list) {
    return core.all(list, "[data-asah-item]");
  }

  function rows(q, answer) {
    return (answer || []).map(function (item, pos) { return +item === pos; });
  }

  root.AsahQuizTypes.order = {
    read: function (li) {
      return items(li).map(function (item) { return +item.getAttribute("data-asah-item"); });
    },
    untouched: function (li) { return !li.hasAttribute(TOUCHED); },
    write: function (li, answer) {
      li.setAttribute(TOUCHED, "");
      var list = li.querySelector(".asah-order");
      answer.forEach(function (index) {
        var item = list.querySelector('[data-asah-item="' + index + '"]');
        if (item) list.appendChild(item);
      });
    },
    /* A new shuffle that is never already right; the move buttons need JS, so show them. */
    reset: function (li) {
      li.removeAttribute(TOUCHED);
      core.all(li, ".asah-order__buttons").forEach(function (b) { b.hidden = false; });
      var list = li.querySelector(".asah-order");
      var shown = items(list);
      shown.forEach(core.unmarkRow);
      do { core.shuffle(shown); } while (shown.length > 1 && shown.every(function (item, pos) {
        return +item.getAttribute("data-asah-item") === pos;
      }));
      shown.forEach(function (item) { list.appendChild(item); });
    },
    show: function (li, q, answer, t) {
      if (!answer) return;
      var right = rows(q, answer);
      items(li).forEach(function (item, pos) {
        core.markRow(item, item.querySelector(".asah-order__text"), right[pos], t);
      });
    },
    /* A move button: move its item, keep focus on the button, tell where the item is now. */
    click: function (li, button, t) {
      if (!button.hasAttribute("data-asah-move")) return "";
      var item = button.closest("[data-asah-item]");
      var list = item.parentNode;
      var step = +button.getAttribute("data-asah-move");
      var sibling = step < 0 ? item.previousElementSibling : item.nextElementSibling;
      if (sibling) list.insertBefore(item, step < 0 ? sibling : sibling.nextElementSibling);
      li.setAttribute(TOUCHED, "");
      button.focus();
      var placed = items(list);
      return root.Asah.fmt(t.moved, {
        item: item.querySelector(".asah-order__text").textContent,
        n: placed.indexOf(item) + 1,
        m: placed.length
      });
    },
    rows: rows,
    score: function (q, answer) {
      return answer && answer.length ? core.share(rows(q, answer)) : null;
    }
  };
})(typeof window !== "undefined" ? window : globalThis);
