/* Asah self-assessment page (penilaian-diri/): current levels and a target give the gaps and
 * the lessons that close them. Gaps, targets and recommendations come from AsahProgress.
 * Classic deferred script, set up once per app on DOMContentLoaded and on Material's document$. */
(function () {
  "use strict";
  var A = window.Asah;
  var el = A.el;
  var fmt = A.fmt;
  var num = A.num;

  /* The highest level of the framework (its level labels), 5 when it names none. */
  function topLevel(framework) {
    var levels = Object.keys(framework.levels || {}).map(Number).filter(function (n) {
      return n > 0;
    });
    return levels.length ? Math.max.apply(Math, levels) : 5;
  }

  function setup(root) {
    var P = window.AsahProgress;
    var S = window.AsahStore;
    var read = P.read(root);
    var data = read.data;
    var t = read.t;
    var highestLevel = topLevel(data.framework || {});
    var paths = data.paths || [];
    var stored = S.read(data.site);
    var saved = stored.assessment || {};
    var current = saved.current || {};
    var target = saved.target || {};
    var levelTexts = data.level_texts || {};
    var levelLabels = (data.framework || {}).levels || {};
    var nojs = root.querySelector(".asah-app__nojs");
    if (nojs) nojs.parentNode.removeChild(nojs);
    root.classList.add("asah-assess");

    /* The framework's groups that have competencies, in framework order. */
    var groups = ((data.framework || {}).groups || []).filter(function (g) {
      return g.competencies.length;
    });

    /* What level n of competency c means, beside the choice: "Level 2 · Berkembang — rekan
     * dan kelompok kerja. <the level's text>"; for no level yet, what level 1 means. */
    function meaning(c, n) {
      var text = (levelTexts[c.id] || {})[String(n || 1)] || "";
      if (!n) return text ? [fmt(t.level_zero_means, { text: text })] : [];
      var label = levelLabels[String(n)];
      var head = fmt(t.level_n, { n: num(n) }) + (label ? " · " + label : "");
      return label || text ? [el("strong", { text: head + "." }), text && " " + text] : [];
    }

    /* A labelled select of levels 0 up to the framework's highest, with what the chosen level
     * means under it; selects[prefix + id] keeps it for reading back. */
    var selects = {};
    function levelField(prefix, c, value) {
      var id = "asah-" + prefix + "-" + c.id;
      var means = el("p", { "class": "asah-field__means", id: id + "-means" });
      var select = el("select", { id: id, "aria-describedby": means.id });
      for (var n = 0; n <= highestLevel; n++) {
        select.appendChild(el("option", { value: String(n),
          text: n ? fmt(t.level_n, { n: num(n) }) : t.level_none }));
      }
      select.value = String(value || 0);
      selects[prefix + c.id] = select;
      function explain() {
        means.textContent = "";
        meaning(c, +select.value).forEach(function (part) {
          if (part) means.appendChild(typeof part === "string" ? document.createTextNode(part) : part);
        });
        means.hidden = !means.firstChild;
      }
      select.addEventListener("change", explain);
      explain();
      return el("div", { "class": "asah-field" },
        [el("label", { "for": id, text: c.name }), select, means]);
    }

    function levelGroups(prefix, values) {
      return groups.map(function (g) {
        return el("fieldset", {}, [g.name && el("legend", { text: g.name })].concat(
          g.competencies.map(function (c) { return levelField(prefix, c, values[c.id]); })));
      });
    }

    function radio(value, label, checked) {
      var input = el("input", { type: "radio", name: "asah-target-kind", id: "asah-kind-" + value,
        value: value });
      input.checked = checked;
      return el("div", { "class": "asah-choice" }, [input,
        el("label", { "for": input.id, text: label })]);
    }

    /* The target until the learner picks one: a path, the one she follows (the path last
     * used), else the course's first; levels on a course without paths. */
    var kind = paths.length && target.kind !== "levels" ? "path" : "levels";
    var pathSelect = el("select", { id: "asah-path" }, paths.map(function (p) {
      return el("option", { value: p.id, text: p.title });
    }));
    function known(id) { return paths.some(function (p) { return p.id === id; }); }
    if (known(target.path)) pathSelect.value = target.path;
    else if (known(stored.lastPath)) pathSelect.value = stored.lastPath;
    function pathTitle(id) {
      return paths.filter(function (p) { return p.id === id; }).map(function (p) {
        return p.title;
      })[0] || "";
    }
    var pathBox = el("div", { "class": "asah-choice__more" }, [el("div", { "class": "asah-field" },
      [el("label", { "for": pathSelect.id, text: t.path_label }), pathSelect])]);
    var levelsBox = el("div", { "class": "asah-choice__more" },
      levelGroups("target", target.kind === "levels" ? target.levels || {} : {}));
    // said until the learner chooses (a saved assessment has her own target)
    var startNote = !saved.target && paths.length &&
      el("p", { "class": "asah-assess__default", text: t.target_default });
    var targetSet = el("fieldset", { "class": "asah-assess__target" },
      [el("legend", { text: t.target }), startNote].concat(paths.length ? [
        radio("path", t.target_path, kind === "path"), pathBox,
        radio("levels", t.target_levels, kind === "levels"), levelsBox
      ] : [levelsBox]));

    var intro = el("div", { "class": "asah-assess__intro" }, [
      el("p", { text: t.assess_intro }),
      el("p", {}, [el("a", { href: "#asah-assess-result", text: t.to_result + " ↓" })])
    ]);
    var form = el("form", { "class": "asah-assess__form" },
      [targetSet, el("h2", { text: t.current_level })].concat(levelGroups("current", current)));
    var status = el("p", { "class": "asah-app__status", role: "status", "aria-live": "polite" });
    var targetLine = el("p", { "class": "asah-assess__for" });
    var result = el("div");
    var printButton = el("button", { type: "button", "class": "md-button md-button--primary",
      text: t.print });
    printButton.addEventListener("click", function () { window.print(); });

    /* The form as the stored assessment; zero levels are left out. */
    function state() {
      var now = { current: {}, target: { kind: kind } };
      var levels = {};
      P.competencies(data).forEach(function (c) {
        var from = +selects["current" + c.id].value;
        var to = +selects["target" + c.id].value;
        if (from) now.current[c.id] = from;
        if (to) levels[c.id] = to;
      });
      if (kind === "path") now.target.path = pathSelect.value;
      else now.target.levels = levels;
      return now;
    }

    function bar(gap) {
      var scale = Math.max(highestLevel, gap.target);
      var box = el("span", { "class": "asah-bar", "aria-hidden": "true" }, [
        el("span", { "class": "asah-bar__current" }), el("span", { "class": "asah-bar__gap" })]);
      box.firstChild.style.width = (gap.current / scale) * 100 + "%";
      box.lastChild.style.width = (gap.gap / scale) * 100 + "%";
      return box;
    }

    /* A recommended lesson or path step: its link, minutes (or "quiz") and done mark. */
    function item(url, title, minutes, quiz, done) {
      return el("li", {}, [
        url ? el("a", { href: read.home + url, text: title }) : title,
        minutes ? " (" + fmt(t.minutes, { n: num(minutes) }) + ")" : "",
        quiz ? " (" + String(t.quiz).toLowerCase() + ")" : "",
        done ? " " + t.done_mark : ""
      ]);
    }

    /* Redraw gaps and recommendations; the status region gets a one-line summary. A path as
     * target recommends the path as it is: its steps not yet done, whatever the levels the
     * learner gave (P.pathLeft); levels recommend the lessons that close the gaps. */
    function show(now, announce) {
      var onPath = now.target.kind === "path";
      var levels = onPath ? P.pathTarget(data, now.target.path) : now.target.levels;
      var record = S.read(data.site);
      var gaps = P.gaps(data, now.current, levels);
      var minutes = 0;
      var items;
      if (onPath) {
        var left = P.pathLeft(data, record, now.target.path);
        minutes = left.minutes;
        items = left.steps.map(function (s) {
          return item(s.url, s.title, s.minutes, s.kind === "quiz", false);
        });
      } else {
        items = P.recommend(data, now.current, levels).map(function (l) {
          var done = P.counts(data, record, l);  // the course's completion rule
          if (!done) minutes += l.minutes || 0;
          return item(l.url, l.title, l.minutes, false, done);
        });
      }
      var none = onPath ? t.path_complete : t.no_recommendation;
      targetLine.textContent = onPath ?
        fmt(t.result_for_path, { title: pathTitle(now.target.path) }) : t.result_for_levels;
      var noTarget = !onPath && !Object.keys(levels || {}).length;
      var hours = P.jp(data, minutes);  // null: the site does not count JP
      var total = fmt(hours === null ? t.total_minutes : t.total_jp,
        { jp: num(hours), minutes: num(minutes) });
      result.textContent = "";
      if (noTarget) {
        result.appendChild(el("p", { text: t.choose_target_levels }));
      } else if (!gaps.length) {
        result.appendChild(el("p", { text: t.no_gap }));
      } else {
        result.appendChild(el("ul", { "class": "asah-gaps" }, gaps.map(function (g) {
          return el("li", {}, [el("span", { "class": "asah-gaps__name", text: g.name }),
            fmt(t.gap_row, { name: g.name, current: num(g.current), target: num(g.target),
              gap: num(g.gap) }), bar(g)]);
        })));
      }
      if (onPath || gaps.length) {
        result.appendChild(el("h3", { text: onPath ? t.recommended_steps : t.recommended }));
        result.appendChild(items.length ? el("ol", { "class": "asah-recommend" }, items) :
          el("p", { text: none }));
        if (items.length) result.appendChild(el("p", { "class": "asah-total", text: total }));
      }
      if (announce) status.textContent = noTarget ? t.choose_target_levels :
        !onPath && !gaps.length ? t.no_gap : items.length ? total : none;
    }

    /* Show only the controls of the chosen target kind. */
    function toggle() {
      pathBox.hidden = kind !== "path";
      levelsBox.hidden = kind !== "levels";
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", function (event) {
      if (event.target.name === "asah-target-kind") kind = event.target.value;
      if (startNote) startNote.hidden = true;
      toggle();
      var now = state();
      S.update(data.site, function (d) {
        d.assessment = { date: new Date().toISOString(), current: now.current, target: now.target };
      });
      show(now, true);
    });

    root.appendChild(intro);
    root.appendChild(form);
    root.appendChild(el("section", { "class": "asah-assess__result" }, [
      el("h2", { id: "asah-assess-result", text: t.result }), targetLine, status, result,
      el("p", { "class": "asah-assess__print" }, [printButton])
    ]));
    toggle();
    show(state(), false);
  }

  function init() {
    // model.js and store.js are separate scripts: wait until both have run
    if (!window.AsahProgress || !window.AsahStore) return;
    Array.prototype.forEach.call(document.querySelectorAll('[data-asah-app="assess"]'), function (root) {
      if (root.hasAttribute("data-asah-ready")) return;
      root.setAttribute("data-asah-ready", "");
      try {
        setup(root);
      } catch (error) {
        if (window.console) console.error("asah self-assessment", error);
      }
    });
  }

  A.ready(init);
})();
