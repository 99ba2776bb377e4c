/* Web workers cannot start from file:// pages, so Material's search worker would not run in the
 * offline copy. On file:// only, this stands in for `Worker`: the worker script runs in a hidden
 * same-origin iframe, and messages are passed as DOM events. (Material's offline plugin would
 * otherwise load a shim from a CDN; the file name contains "iframe-worker" so it does not.) */
(function () {
  "use strict";
  if (window.location.protocol !== "file:") return;

  function FrameWorker(url) {
    var worker = this;
    var queue = [];
    var ready = false;
    this.onmessage = null;
    this.onerror = null;
    this.listeners = [];
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.tabIndex = -1;
    frame.setAttribute("aria-hidden", "true");
    frame.title = "search";
    (document.body || document.documentElement).appendChild(frame);
    var scope = frame.contentWindow;
    var base = new URL(url, window.location.href).href;

    // what the worker script sees as its global scope
    scope.postMessage = function (data) {
      var event = { data: data, target: worker };
      if (typeof worker.onmessage === "function") worker.onmessage(event);
      worker.listeners.forEach(function (listen) { listen(event); });
    };
    scope.importScripts = function () {
      var urls = Array.prototype.slice.call(arguments);
      return urls.reduce(function (previous, src) {
        return previous.then(function () {
          return new Promise(function (resolve, reject) {
            var script = scope.document.createElement("script");
            script.src = new URL(src, base).href;
            script.onload = resolve;
            script.onerror = reject;
            scope.document.head.appendChild(script);
          });
        });
      }, Promise.resolve());
    };
    this.deliver = function (data) {
      scope.dispatchEvent(new scope.MessageEvent("message", { data: data }));
    };
    scope.importScripts(base).then(function () {
      ready = true;
      queue.splice(0).forEach(worker.deliver);
    }, function (error) {
      if (typeof worker.onerror === "function") worker.onerror(error);
    });
    this.postMessage = function (data) {
      if (ready) worker.deliver(data);
      else queue.push(data);
    };
  }

  FrameWorker.prototype.addEventListener = function (type, listen) {
    if (type === "message") this.listeners.push(listen);
  };
  FrameWorker.prototype.removeEventListener = function (type, listen) {
    this.listeners = this.listeners.filter(function (other) { return other !== listen; });
  };
  FrameWorker.prototype.terminate = function () {};

  window.Worker = FrameWorker;
})();
