/* Asah offline, the service worker's decisions as pure functions: which URLs belong to a saved
 * path, which files a saved page needs, how caches are named per site and build, what a new
 * build does to the caches of an older one, and the offline notice's HTML. The service worker
 * (worker.js) is this file and the glue around it; tests/js/offline.test.js runs it in Node. */
(function (root) {
  "use strict";
  if (root.AsahOfflinePlan) return;

  var PREFIX = "asah-offline";

  /* ---- cache names: "asah-offline:<site>:<build>:<kind>[:<path id>]" ----
   * kind "notice": the offline notice of one build (stored when the worker installs);
   * kind "path": one saved path (its pages and every file they need), of the build it was
   * saved from. A site is the course's site key plus its language folder, so two courses or
   * two languages on one host never touch each other's caches. */

  function cacheName(site, version, kind, id) {
    var name = [PREFIX, encodeURIComponent(site), version, kind].join(":");
    return id ? name + ":" + encodeURIComponent(id) : name;
  }

  function parseCacheName(name) {
    var parts = String(name).split(":");
    if (parts[0] !== PREFIX || parts.length < 4 || parts.length > 5) return null;
    try {
      return {
        name: name,
        site: decodeURIComponent(parts[1]),
        version: parts[2],
        kind: parts[3],
        id: parts.length === 5 ? decodeURIComponent(parts[4]) : ""
      };
    } catch (e) {
      return null;
    }
  }

  function siteCaches(names, site) {
    return names.map(parseCacheName).filter(function (c) { return c && c.site === site; });
  }

  /* When a new build's worker takes over: the notices of other builds go. Saved paths stay
   * (still readable offline) until they are saved again from the new build (`replaced`). */
  function staleCaches(names, site, version) {
    return siteCaches(names, site)
      .filter(function (c) { return c.kind === "notice" && c.version !== version; })
      .map(function (c) { return c.name; });
  }

  /* Paths saved from an older build only: saved again, when online, from `version`. */
  function outdatedPaths(names, site, version) {
    var caches = siteCaches(names, site).filter(function (c) { return c.kind === "path"; });
    var current = {};
    caches.forEach(function (c) { if (c.version === version) current[c.id] = true; });
    var ids = [];
    caches.forEach(function (c) {
      if (!current[c.id] && ids.indexOf(c.id) < 0) ids.push(c.id);
    });
    return ids;
  }

  /* Once path `id` is saved from `version`: its copies from other builds. */
  function replacedCaches(names, site, version, id) {
    return siteCaches(names, site)
      .filter(function (c) { return c.kind === "path" && c.id === id && c.version !== version; })
      .map(function (c) { return c.name; });
  }

  /* Where an offline request is looked for: this build's caches first, then older ones. */
  function lookupOrder(names, site, version) {
    var mine = siteCaches(names, site).filter(function (c) {
      return c.kind === "path" || c.kind === "notice";
    });
    var current = mine.filter(function (c) { return c.version === version; });
    var older = mine.filter(function (c) { return c.version !== version; });
    return current.concat(older).map(function (c) { return c.name; });
  }

  /* ---- URLs ---- */

  /* A URL as it is stored: absolute, without query or fragment (a lesson read in a path is
   * linked as `lesson/?jalur=id`, the same page). */
  function pageKey(url, base) {
    var found = new URL(url, base);
    found.search = found.hash = "";
    return found.href;
  }

  function inScope(url, scope) {
    return typeof url === "string" && url.indexOf(scope) === 0;
  }

  function unique(urls) {
    var seen = {};
    return urls.filter(function (u) {
      if (seen[u]) return false;
      seen[u] = true;
      return true;
    });
  }

  function findPath(data, id) {
    var paths = (data && data.paths) || [];
    for (var i = 0; i < paths.length; i++) if (paths[i].id === id) return paths[i];
    return null;
  }

  /* The pages saved with path `id` (absolute URLs, each once): the path page, each step's page
   * (a lesson, or the page where a quiz step is taken), the home page and the progress page,
   * and the site's files no page names (the sitemap, which instant navigation reads). null
   * when the build has no such path. `data` is the build's asah-offline.json; its URLs are
   * relative to `scope`, the site root. */
  function pathPages(data, id, scope) {
    var path = findPath(data, id);
    if (!path) return null;
    var shared = (data.pages || []).map(function (p) { return p.url; });
    var urls = [path.url].concat(path.steps || [], shared, data.files || []).map(function (u) {
      return pageKey(u, scope);
    });
    return unique(urls.filter(function (u) { return inScope(u, scope); }));
  }

  /* ---- the files a page needs ---- */

  var ENTITIES = { "&amp;": "&", "&quot;": '"', "&#39;": "'", "&lt;": "<", "&gt;": ">" };

  function unescapeHtml(text) {
    return text.replace(/&(amp|quot|#39|lt|gt);/g, function (m) { return ENTITIES[m]; });
  }

  function attr(tag, name) {
    var found = new RegExp("\\s" + name + "\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", "i")
      .exec(tag);
    return found ? unescapeHtml(found[1] !== undefined ? found[1] :
      found[2] !== undefined ? found[2] : found[3]) : null;
  }

  function tags(html, name) {
    return html.match(new RegExp("<" + name + "\\b[^>]*>", "gi")) || [];
  }

  var LINKED = /(^|\s)(stylesheet|icon|manifest|apple-touch-icon|preload|modulepreload)(\s|$)/i;

  /* Every file of the site a page loads: its stylesheets, scripts, icons and images, the files
   * Asah's loader loads for it (data-asah-load, next to asah.js) and the search button's
   * script and style (search.js, search.css) where the page has Asah's search. Not the search
   * index (docs/decisions.md, "Offline on purpose"). Only URLs within `scope`. */
  function assetsOf(html, pageUrl, scope) {
    var found = [];
    var bundle = null;
    function add(value, base) {
      if (!value || /^(data|blob|javascript|mailto):/i.test(value)) return;
      try {
        found.push(pageKey(value, base || pageUrl));
      } catch (e) { /* not a URL */ }
    }
    tags(html, "link").forEach(function (tag) {
      if (LINKED.test(attr(tag, "rel") || "")) add(attr(tag, "href"));
    });
    tags(html, "script").forEach(function (tag) {
      var src = attr(tag, "src");
      if (!src) return;
      add(src);
      if (!bundle && /(^|\/)asah\.js([?#].*)?$/.test(src)) bundle = new URL(src, pageUrl).href;
    });
    ["img", "source", "video", "audio", "track"].forEach(function (name) {
      tags(html, name).forEach(function (tag) {
        add(attr(tag, "src"));
        add(attr(tag, "poster"));
      });
    });
    if (bundle) {
      (html.match(/\sdata-asah-load\s*=\s*"[^"]*"/gi) || []).forEach(function (match) {
        var names = /"([^"]*)"/.exec(match)[1].split(/\s+/);
        names.forEach(function (n) { if (/^[a-z0-9/-]+\.(js|css)$/.test(n)) add(n, bundle); });
      });
      if (/<meta\s[^>]*name="asah-search-index"/i.test(html)) {
        add("search.js", bundle);
        add("search.css", bundle);
      }
    }
    return unique(found.filter(function (u) { return inScope(u, scope); }));
  }

  /* The files a stylesheet loads (url(...), @import), within `scope`. */
  function cssAssets(css, cssUrl, scope) {
    var found = [];
    var pattern = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;
    var match;
    while ((match = pattern.exec(css))) {
      var value = match[1] || match[2] || match[3] || match[4] || match[5];
      if (!value || /^(data|blob):/i.test(value) || value.charAt(0) === "#") continue;
      try {
        found.push(pageKey(value, cssUrl));
      } catch (e) { /* not a URL */ }
    }
    return unique(found.filter(function (u) { return inScope(u, scope); }));
  }

  /* ---- the offline notice ---- */

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* The notice (asah-offline.html, made at build time in the site's language) as served in
   * place of a page that is not saved: with a <base> at the site root (it is served at the
   * address asked for, so its relative links must not follow it), the address to try again,
   * and links to what is saved (`items`: [{title, url}]; none: the text for none stays). */
  function renderNotice(template, options) {
    var html = String(template);
    var base = '<base href="' + escapeHtml(options.base) + '">';
    html = html.replace(/<head>/i, function (m) { return m + base; });
    html = html.split("#asah-requested").join(escapeHtml(options.requested || options.base));
    var items = options.items || [];
    if (items.length) {
      var list = "<ul>" + items.map(function (item) {
        return '<li><a href="' + escapeHtml(item.url) + '">' + escapeHtml(item.title) + "</a></li>";
      }).join("") + "</ul>";
      html = html.replace(/<!--asah:saved-->[\s\S]*?<!--\/asah:saved-->/, list);
    }
    return html;
  }

  root.AsahOfflinePlan = {
    PREFIX: PREFIX,
    cacheName: cacheName,
    parseCacheName: parseCacheName,
    staleCaches: staleCaches,
    outdatedPaths: outdatedPaths,
    replacedCaches: replacedCaches,
    lookupOrder: lookupOrder,
    pageKey: pageKey,
    inScope: inScope,
    findPath: findPath,
    pathPages: pathPages,
    assetsOf: assetsOf,
    cssAssets: cssAssets,
    escapeHtml: escapeHtml,
    renderNotice: renderNotice
  };
})(typeof self !== "undefined" ? self : globalThis);
