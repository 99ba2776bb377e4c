/* Asah offline, the service worker (built as asah-sw.js at the site root, after plan.js and the
 * build's settings, `ASAH_OFFLINE`). Online, every request goes to the network as it would
 * without it. When the network fails, a request is answered from the paths the learner saved
 * (or, for a page, with the offline notice). Pages ask it to save, list and remove paths by
 * message; it saves again, from the new build, the paths saved from an older one. The
 * decisions are plan.js's pure functions. */
(function (sw) {
  "use strict";
  var P = sw.AsahOfflinePlan;
  var C = sw.ASAH_OFFLINE;
  var scope = sw.registration.scope;
  var SITE = C.site;
  var VERSION = C.version;
  var latest = VERSION;  // the newest build seen (asah-offline.json), may be ahead of this worker
  var NOTICE = P.pageKey(C.notice, scope);
  var PARALLEL = 4;
  var saving = {};  // path id → {done, total, promise}, while this worker saves it

  function metaUrl(id) {
    return scope + "__asah-offline__/" + encodeURIComponent(id) + ".json";
  }

  function names() {
    return caches.keys();
  }

  function remove(list) {
    return Promise.all(list.map(function (name) { return caches.delete(name); }));
  }

  function mine(all, kind) {
    return all.map(P.parseCacheName).filter(function (c) {
      return c && c.site === SITE && (!kind || c.kind === kind);
    });
  }

  function broadcast(message) {
    return sw.clients.matchAll({ includeUncontrolled: true, type: "window" }).then(function (all) {
      all.forEach(function (client) { client.postMessage(message); });
    });
  }

  /* A response as stored: its body and type only (no redirect, no encoding headers). */
  function keep(response, blob) {
    var type = response.headers.get("Content-Type") || "application/octet-stream";
    return new Response(blob, { status: 200, headers: { "Content-Type": type } });
  }

  function download(url) {
    return fetch(url, { cache: "no-cache", credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response;
    });
  }

  /* ---- install, activate ---- */

  sw.addEventListener("install", function (event) {
    event.waitUntil(caches.open(P.cacheName(SITE, VERSION, "notice")).then(function (cache) {
      return Promise.all(C.precache.map(function (uri) {
        var url = P.pageKey(uri, scope);
        return download(url).then(function (response) {
          return response.blob().then(function (blob) { return cache.put(url, keep(response, blob)); });
        });
      }));
    }).then(function () { return sw.skipWaiting(); }));
  });

  sw.addEventListener("activate", function (event) {
    event.waitUntil(names().then(function (all) {
      return remove(P.staleCaches(all, SITE, VERSION)).then(function () { return unfinished(all); });
    }).then(function () { return sw.clients.claim(); }));
  });

  /* Path caches without their record: a save this worker's predecessor did not finish. */
  function unfinished(all) {
    return Promise.all(mine(all, "path").map(function (c) {
      return caches.open(c.name).then(function (cache) { return cache.match(metaUrl(c.id)); })
        .then(function (meta) { return meta ? null : caches.delete(c.name); });
    }));
  }

  /* ---- requests ---- */

  sw.addEventListener("fetch", function (event) {
    var request = event.request;
    if (request.method !== "GET" || !P.inScope(request.url, scope)) return;
    if (request.cache === "only-if-cached" && request.mode !== "same-origin") return;
    event.respondWith(fetch(request).catch(function () { return offline(request); }));
  });

  function lookup(order, url) {
    return order.reduce(function (chain, name) {
      return chain.then(function (found) {
        return found || caches.open(name).then(function (cache) { return cache.match(url); });
      });
    }, Promise.resolve(undefined));
  }

  function offline(request) {
    return names().then(function (all) {
      var order = P.lookupOrder(all, SITE, VERSION);
      return lookup(order, P.pageKey(request.url, scope)).then(function (found) {
        if (found) return found;
        if (request.mode !== "navigate") return Response.error();
        return notice(order, request.url);
      });
    });
  }

  function notice(order, requested) {
    return Promise.all([lookup(order, NOTICE), saved()]).then(function (found) {
      if (!found[0]) return Response.error();
      return found[0].text().then(function (template) {
        var html = P.renderNotice(template, {
          base: scope, requested: requested, items: noticeItems(found[1])
        });
        return new Response(html, {
          status: 503, headers: { "Content-Type": "text/html; charset=utf-8" }
        });
      });
    });
  }

  /* What the notice links to: each saved path, then the pages saved with every path. */
  function noticeItems(list) {
    var items = list.map(function (meta) { return { title: meta.title, url: meta.url }; });
    if (list.length) items = items.concat(list[0].shared || []);
    return items;
  }

  /* ---- saved paths ---- */

  /* The record of each saved path (one per path: this build's copy, else the newest). */
  function saved() {
    return names().then(function (all) {
      return Promise.all(mine(all, "path").map(function (c) {
        return caches.open(c.name).then(function (cache) { return cache.match(metaUrl(c.id)); })
          .then(function (response) { return response ? response.json() : null; })
          .then(function (meta) {
            if (!meta) return null;
            meta.version = c.version;
            meta.current = c.version === latest;
            return meta;
          }, function () { return null; });
      }));
    }).then(function (metas) {
      var byId = {};
      metas.forEach(function (meta) {
        if (!meta) return;
        var other = byId[meta.id];
        if (!other || (meta.current && !other.current) ||
            (meta.current === other.current && meta.date > other.date)) byId[meta.id] = meta;
      });
      return Object.keys(byId).map(function (id) { return byId[id]; }).sort(function (a, b) {
        return a.title < b.title ? -1 : a.title > b.title ? 1 : 0;
      });
    });
  }

  function status() {
    return saved().then(function (list) {
      var now = {};
      Object.keys(saving).forEach(function (id) {
        now[id] = { done: saving[id].done, total: saving[id].total };
      });
      return { asah: "status", version: latest, saved: list, saving: now };
    });
  }

  function data() {
    return download(P.pageKey(C.data, scope)).then(function (response) { return response.json(); })
      .then(function (found) {
        if (found && found.version) latest = found.version;
        return found;
      });
  }

  /* A file from a copy of the same build another saved path holds, else from the network. */
  function get(url, others) {
    return lookup(others, url).then(function (found) {
      return found || download(url);
    });
  }

  /* Store `pages` and every file they need into `cache`; resolves to the bytes stored. */
  function fill(cache, pages, state, others) {
    var queue = pages.slice();
    var seen = {};
    queue.forEach(function (url) { seen[url] = true; });
    state.total = queue.length;
    var next = 0, running = 0, bytes = 0, failed = false;
    return new Promise(function (resolve, reject) {
      function more(urls) {
        urls.forEach(function (url) {
          if (!seen[url]) {
            seen[url] = true;
            queue.push(url);
          }
        });
        state.total = queue.length;
      }
      function one(url) {
        running += 1;
        get(url, others).then(function (response) {
          return response.blob().then(function (blob) {
            bytes += blob.size;
            var stored = cache.put(url, keep(response, blob));
            var type = response.headers.get("Content-Type") || "";
            var css = /text\/css/.test(type) || /\.css$/.test(url);
            if (!css && !/text\/html/.test(type)) return stored;
            return blob.text().then(function (text) {
              more(css ? P.cssAssets(text, url, scope) : P.assetsOf(text, url, scope));
              return stored;
            });
          });
        }).then(function () {
          running -= 1;
          state.done += 1;
          broadcast({ asah: "progress", path: state.id, done: state.done, total: state.total });
          pump();
        }, function (error) {
          if (!failed) reject(error);
          failed = true;
        });
      }
      function pump() {
        if (failed) return;
        if (next >= queue.length && running === 0) return resolve(bytes);
        while (running < PARALLEL && next < queue.length) one(queue[next++]);
      }
      pump();
    });
  }

  function save(id) {
    if (saving[id]) return saving[id].promise;
    var state = saving[id] = { id: id, done: 0, total: 0 };
    state.promise = data().then(function (build) {
      var pages = P.pathPages(build, id, scope);
      if (!pages) throw new Error("no path " + id);
      var path = P.findPath(build, id);
      var name = P.cacheName(SITE, build.version, "path", id);
      return caches.delete(name).then(names).then(function (all) {
        var others = mine(all, "path").filter(function (c) {
          return c.version === build.version && c.id !== id;
        }).map(function (c) { return c.name; });
        return caches.open(name).then(function (cache) {
          return fill(cache, pages, state, others).then(function (bytes) {
            var meta = {
              id: id, title: path.title, url: P.pageKey(path.url, scope), bytes: bytes,
              files: state.done, date: new Date().toISOString(),
              shared: (build.pages || []).map(function (p) {
                return { title: p.title, url: P.pageKey(p.url, scope) };
              })
            };
            return cache.put(metaUrl(id), new Response(JSON.stringify(meta), {
              headers: { "Content-Type": "application/json" }
            }));
          });
        }).then(names).then(function (now) {
          return remove(P.replacedCaches(now, SITE, build.version, id));
        }, function (error) {
          return caches.delete(name).then(function () { throw error; });
        });
      });
    }).then(function () {
      delete saving[id];
      return broadcast({ asah: "saved", path: id });
    }, function () {
      delete saving[id];
      return broadcast({ asah: "failed", path: id });
    }).then(tell);
    return state.promise;
  }

  function tell() {
    return status().then(broadcast);
  }

  function forget(id) {
    return names().then(function (all) {
      return remove(mine(all, "path").filter(function (c) { return !id || c.id === id; })
        .map(function (c) { return c.name; }));
    }).then(tell);
  }

  /* Paths saved from an older build, saved again from the newest (one after another). */
  function refresh() {
    return names().then(function (all) {
      if (!mine(all, "path").length) return null;
      return data().then(function (build) {
        return P.outdatedPaths(all, SITE, build.version).filter(function (id) {
          return P.findPath(build, id);
        }).reduce(function (chain, id) {
          return chain.then(function () { return save(id); });
        }, Promise.resolve());
      });
    }).catch(function () { /* offline again: the older copies stay */ });
  }

  sw.addEventListener("message", function (event) {
    var message = event.data || {};
    var source = event.source;
    var work = null;
    if (message.asah === "status") {
      work = status().then(function (found) { if (source) source.postMessage(found); });
    } else if (message.asah === "save" && typeof message.path === "string") {
      work = save(message.path);
      tell();
    } else if (message.asah === "remove") {
      work = forget(typeof message.path === "string" ? message.path : "");
    } else if (message.asah === "online") {
      work = refresh();
    }
    if (work) event.waitUntil(work);
  });
})(self);
