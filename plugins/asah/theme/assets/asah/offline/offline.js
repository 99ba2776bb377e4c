/* Asah offline, on the path pages and the list of paths (loaded where an element asks for it):
 * "save this path for reading offline" with its progress, the path's saved state and a way to
 * remove it (data-asah-offline-path="<id>"), and what is saved with the storage it uses and a
 * way to free it (data-asah-offline-storage). The service worker (worker.js) does the saving;
 * this is the view, kept in step by the worker's messages. Without a service worker over
 * http(s) the control says why; from file:// (a copy that is offline already) it stays
 * hidden. The helpers below `size` load in Node for the unit tests. */
(function (root) {
  "use strict";
  if (root.AsahOffline) return;
  var STRINGS = /*asah:offline-strings*/{};
  var A = root.Asah;

  function t(key, values) {
    var table = STRINGS[A.lang()] || STRINGS.en || {};
    return A.fmt(table[key] || key, values || {});
  }

  /* Bytes as the page's language writes them: "640 KB", "1,2 MB" (id), "1.2 MB" (en). */
  function size(bytes, language) {
    var n = Math.max(0, Number(bytes) || 0);
    if (n < 1e6) return A.formatNumber(Math.max(n ? 1 : 0, Math.round(n / 1e3)), language) + " KB";
    if (n < 1e9) return A.formatNumber(Math.round(n / 1e5) / 10, language) + " MB";
    return A.formatNumber(Math.round(n / 1e8) / 10, language) + " GB";
  }

  var state = { status: null, saving: {}, failed: {}, removed: {} };
  var worker = null;

  function supported() {
    var nav = root.navigator;
    return !!(nav.serviceWorker && root.isSecureContext && root.caches);
  }

  function send(message) {
    if (!worker) {
      worker = root.navigator.serviceWorker.ready.then(function (registration) {
        return registration.active;
      });
    }
    worker.then(function (active) { if (active) active.postMessage(message); });
  }

  function savedPath(id) {
    var list = (state.status && state.status.saved) || [];
    for (var i = 0; i < list.length; i++) if (list[i].id === id) return list[i];
    return null;
  }

  /* Keep the keyboard focus when the button it was on is hidden (the browser drops it at
   * once): on the button shown in its place. */
  function focusMoves(focused, from, to) {
    if (focused === from && from.hidden && !to.hidden) to.focus();
  }

  /* ---- one path's control ---- */

  function drawPath(box) {
    var id = box.getAttribute("data-asah-offline-path");
    var save = box.querySelector("[data-asah-offline-save]");
    var drop = box.querySelector("[data-asah-offline-remove]");
    var bar = box.querySelector("[data-asah-offline-progress]");
    var count = box.querySelector("[data-asah-offline-count]");
    var status = box.querySelector("[data-asah-offline-status]");
    var saving = state.saving[id] || (state.status && state.status.saving[id]);
    var saved = savedPath(id);
    var focused = root.document.activeElement;
    var text = "";
    box.hidden = !state.status;
    bar.hidden = !saving;
    if (saving) {
      var meter = bar.querySelector("progress");
      meter.max = Math.max(1, saving.total);
      meter.value = saving.done;
      count.textContent = t("progress", { done: saving.done, total: saving.total });
      text = t("saving");
    } else if (saved) {
      var values = { size: size(saved.bytes, A.lang()), date: A.date(saved.date) };
      text = t(saved.current ? "saved" : "outdated", values);
    } else if (state.failed[id]) {
      text = t("failed");
    } else if (state.removed[id]) {
      text = t("removed");
    }
    save.hidden = !!saved && !saving;
    // not `disabled`: a disabled button loses the keyboard focus
    save.setAttribute("aria-disabled", saving ? "true" : "false");
    drop.hidden = !saved || !!saving;
    if (status.textContent !== text) status.textContent = text;
    focusMoves(focused, save, drop);
    focusMoves(focused, drop, save);
  }

  function setUpPath(box) {
    var id = box.getAttribute("data-asah-offline-path");
    var save = box.querySelector("[data-asah-offline-save]");
    var drop = box.querySelector("[data-asah-offline-remove]");
    save.addEventListener("click", function () {
      if (state.saving[id]) return;
      state.failed[id] = state.removed[id] = false;
      state.saving[id] = { done: 0, total: 0 };
      draw();
      send({ asah: "save", path: id });
      if (root.navigator.storage && root.navigator.storage.persist) {
        root.navigator.storage.persist().catch(function () {});
      }
    });
    drop.addEventListener("click", function () {
      state.removed[id] = true;
      send({ asah: "remove", path: id });
    });
  }

  /* ---- what is saved, and the storage it uses ---- */

  function drawStorage(box) {
    var list = box.querySelector("[data-asah-offline-list]");
    var used = box.querySelector("[data-asah-offline-used]");
    var all = box.querySelector("[data-asah-offline-remove-all]");
    var saved = (state.status && state.status.saved) || [];
    var total = 0;
    var language = A.lang();
    box.hidden = !state.status;
    while (list.firstChild) list.removeChild(list.firstChild);
    saved.forEach(function (meta) {
      total += meta.bytes || 0;
      var drop = A.el("button", {
        type: "button", class: "md-button asah-offline__remove",
        "aria-label": t("remove_one", { title: meta.title }), text: t("remove_short")
      });
      drop.addEventListener("click", function () {
        box.querySelector("[data-asah-offline-status]").textContent =
          t("removed_item", { title: meta.title });
        send({ asah: "remove", path: meta.id });
        heading(box).focus();  // the button goes with its item
      });
      var about = t(meta.current ? "item" : "item_outdated", {
        size: size(meta.bytes, language), date: A.date(meta.date)
      });
      list.appendChild(A.el("li", {}, [
        A.el("a", { href: meta.url, text: meta.title }), A.el("br"),
        A.el("span", { class: "asah-muted", text: about }), " ", drop
      ]));
    });
    list.hidden = !saved.length;
    all.hidden = !saved.length;
    used.textContent = saved.length ? t("used", { size: size(total, language) }) : t("none");
    var estimate = box.querySelector("[data-asah-offline-estimate]");
    estimate.hidden = true;
    if (saved.length && root.navigator.storage && root.navigator.storage.estimate) {
      root.navigator.storage.estimate().then(function (found) {
        if (!found || typeof found.usage !== "number") return;
        estimate.textContent = t("estimate", { size: size(found.usage, language) });
        estimate.hidden = false;
      }, function () {});
    }
  }

  function setUpStorage(box) {
    var all = box.querySelector("[data-asah-offline-remove-all]");
    var status = box.querySelector("[data-asah-offline-status]");
    all.addEventListener("click", function () {
      status.textContent = t("removed_all");
      send({ asah: "remove" });
      heading(box).focus();
    });
  }

  function heading(box) {
    var found = box.querySelector("h2") || box;
    if (!found.hasAttribute("tabindex")) found.setAttribute("tabindex", "-1");
    return found;
  }

  /* ---- start-up and the worker's messages ---- */

  /* The path controls on every message; the list of what is saved when it changed (it is
   * made again, and a button of it may hold the focus). */
  function draw(listChanged) {
    A.all(root.document, "[data-asah-offline-path][data-asah-offline-ready]").forEach(drawPath);
    if (!listChanged) return;
    A.all(root.document, "[data-asah-offline-storage][data-asah-offline-ready]")
      .forEach(drawStorage);
  }

  function heard(event) {
    var message = event.data || {};
    if (message.asah === "status") {
      state.status = message;
      Object.keys(state.saving).forEach(function (id) {
        if (!message.saving[id]) delete state.saving[id];
      });
    } else if (message.asah === "progress") {
      state.saving[message.path] = { done: message.done, total: message.total };
    } else if (message.asah === "failed") {
      delete state.saving[message.path];
      state.failed[message.path] = true;
    } else if (message.asah === "saved") {
      delete state.saving[message.path];
    } else {
      return;
    }
    draw(message.asah === "status");
  }

  var listening = false;

  function init() {
    var boxes = A.all(root.document, "[data-asah-offline-path], [data-asah-offline-storage]")
      .filter(function (box) { return !box.hasAttribute("data-asah-offline-ready"); });
    if (!boxes.length || !/^https?:$/.test(root.location.protocol)) return;
    if (!supported()) {
      boxes.forEach(function (box) {
        var note = box.querySelector("[data-asah-offline-unsupported]");
        if (!note) return;
        note.hidden = false;
        A.all(box, "button, [data-asah-offline-progress]").forEach(function (b) { b.hidden = true; });
        box.hidden = false;
      });
      return;
    }
    boxes.forEach(function (box) {
      box.setAttribute("data-asah-offline-ready", "");
      if (box.hasAttribute("data-asah-offline-path")) setUpPath(box);
      else setUpStorage(box);
    });
    if (!listening) {
      listening = true;
      root.navigator.serviceWorker.addEventListener("message", heard);
      if (root.navigator.serviceWorker.startMessages) root.navigator.serviceWorker.startMessages();
    }
    draw(true);
    send({ asah: "status" });
  }

  root.AsahOffline = { size: size, init: init };
  if (root.document) A.ready(init);
})(typeof window !== "undefined" ? window : globalThis);
