/* Asah offline, on every page: over http(s), registers the service worker that keeps saved
 * paths readable offline (asah-sw.js, named by the web app manifest's link, whose folder is
 * the site root), once the page has loaded, and tells it that a page is open online (it then
 * saves again, from this build, the paths saved from an older one). Nothing happens from
 * file:// or where the browser has no service workers (plain http on another host). */
(function (root) {
  "use strict";
  if (!root.document || root.AsahOfflineWorker) return;
  var doc = root.document;
  var nav = root.navigator;

  function start() {
    var link = doc.querySelector("link[rel=manifest][data-asah-worker]");
    if (!link || !nav.serviceWorker || !root.isSecureContext) return;
    var worker = new URL(link.getAttribute("data-asah-worker"), link.href).href;
    nav.serviceWorker.register(worker, { scope: new URL("./", link.href).href })
      .then(function () { return nav.onLine === false ? null : nav.serviceWorker.ready; })
      .then(function (registration) {
        if (registration && registration.active) registration.active.postMessage({ asah: "online" });
      })
      .catch(function () { /* no worker: the site works as without one */ });
  }

  root.AsahOfflineWorker = { start: start };
  if (doc.readyState === "complete") start();
  else root.addEventListener("load", start);
})(typeof window !== "undefined" ? window : globalThis);
