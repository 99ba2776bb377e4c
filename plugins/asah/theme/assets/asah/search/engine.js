/* Asah search engine: answers a query from the index files of search/index.py, loading only the
 * files the query needs (a term shard per word and per word-family key, the pages shown) and
 * keeping them for the next query. Loaded on the first search (ui.js), never with the page.
 * Also runs under Node for the unit tests: `AsahSearch.configure({load})` replaces the loader.
 *
 * Ranking: BM25 per section; a word found as written counts fully, a glossary term, expansion
 * or synonym as much, a derived form (a shared word-family key, words.js) 0.7, a one-edit typo
 * 0.4; sections that hold every word of the query come first. Pages are ranked by their best
 * section and show up to three. */
(function (root) {
  "use strict";
  if (root.AsahSearch) return;

  var EXACT = 1, DERIVED = 0.7, TYPO = 0.4, SCALE = 40;
  var MAX_FAMILY = 40;  // derived words looked up per query word
  var MIN_TYPO = 5;     // typos are corrected in words of five letters or more
  var PAGE_SECTIONS = 3;
  var data = {};        // loaded index files by name
  var waiting = {};     // name → {promise, resolve}
  var load = null;      // name → starts loading it (browser: a script element)
  var base;             // which index is loaded
  var meta = null, phrases = null;
  var inner = null;   // word → glossary phrases of three words or more holding it
  var single = null;  // a one-word glossary phrase → its entry
  var PART = 3;       // a query run this long inside a phrase stands for the phrase

  root.AsahSearchData = function (name, value) {
    data[name] = value;
    var wait = waiting[name];
    if (wait) { delete waiting[name]; wait.resolve(value); }
  };

  /* One index file; resolves to null when it does not exist (an empty shard is not written). */
  function part(name) {
    if (data.hasOwnProperty(name)) return Promise.resolve(data[name]);
    var wait = waiting[name];
    if (!wait) {
      wait = waiting[name] = {};
      wait.promise = new Promise(function (resolve) { wait.resolve = resolve; });
      load(name, function () { root.AsahSearchData(name, null); });
    }
    return wait.promise;
  }

  function parts(names) {
    return Promise.all(names.map(part));
  }

  /* FNV-1a, as index.py's shard_of. */
  function shardOf(word) {
    var value = 0x811c9dc5;
    for (var i = 0; i < word.length; i++) {
      value ^= word.charCodeAt(i);
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return value % meta.shards;
  }

  function shardName(word) { return "t/" + shardOf(word); }

  /* Where a word's postings are: its shortest key, the last of equals (index.py's `home`). */
  function home(word) {
    if (word.charAt(0) === "~") return word;
    var keys = root.AsahSearchWords.keys(word);
    var found = keys[keys.length - 1];
    for (var i = keys.length - 1; i >= 0; i--) if (keys[i].length < found.length) found = keys[i];
    return found;
  }

  function termShard(word) { return shardName(home(word)); }

  function ready() {
    if (meta) return Promise.resolve(meta);
    return part("meta").then(function (found) {
      if (!found) throw new Error("search index missing");
      meta = found;
      phrases = {}; inner = {}; single = {};
      meta.gl.forEach(function (list, group) {
        list.forEach(function (phrase) {
          var words = phrase.split(" ");
          var entry = { words: words, group: group };
          (phrases[words[0]] = phrases[words[0]] || []).push(entry);
          if (words.length === 1 && !single.hasOwnProperty(words[0])) single[words[0]] = group;
          if (words.length >= PART) words.forEach(function (w) {
            (inner[w] = inner[w] || []).push(entry);
          });
        });
      });
      Object.keys(phrases).forEach(function (first) {
        phrases[first].sort(function (a, b) { return b.words.length - a.words.length; });
      });
      return meta;
    });
  }

  /* The query's units: a glossary phrase (longest first) or one word; stop words are dropped
   * unless the query holds nothing else. */
  function units(text) {
    var words = root.AsahSearchWords.tokens(text);
    var stop = {};
    meta.stop.forEach(function (w) { stop[w] = true; });
    var found = [];
    for (var i = 0; i < words.length; ) {
      var match = null;
      (phrases[words[i]] || []).some(function (p) {
        var ok = p.words.every(function (w, j) { return words[i + j] === w; });
        if (ok) match = p;
        return ok;
      });
      if (!match) match = partOfPhrase(words, i);
      if (match) {
        found.push({ words: match.words, group: match.group });
        i += match.words.length;
      } else {
        found.push({ words: [words[i]], group: -1 });
        i += 1;
      }
    }
    var content = found.filter(function (u) { return u.group >= 0 || !stop[u.words[0]]; });
    return content.length ? content : found;
  }

  /* The longest run of the query from `i` (three words or more) found inside a glossary
   * phrase: "layanan aspirasi dan pengaduan" stands for the entry whose expansion holds it. */
  function partOfPhrase(words, i) {
    var best = null;
    (inner[words[i]] || []).forEach(function (p) {
      p.words.forEach(function (w, j) {
        if (w !== words[i]) return;
        var k = 0;
        while (i + k < words.length && p.words[j + k] === words[i + k]) k++;
        if (k >= PART && (!best || k > best.words.length)) {
          best = { words: words.slice(i, i + k), group: p.group };
        }
      });
    });
    return best;
  }

  /* Within one edit (insert, delete, substitute, swap two neighbours)? */
  function oneEdit(a, b) {
    if (a === b) return false;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* Each unit's alternatives: [{term, factor, word}] where `term` is an indexed word or a
   * glossary entry's token and `word` what to highlight. */
  function alternatives(unit) {
    var W = root.AsahSearchWords;
    var found = [];
    if (unit.group >= 0) {
      found.push({ term: "~" + unit.group, factor: EXACT, words: unit.words });
      if (unit.words.length > 1) return Promise.resolve(found);
    }
    var q = unit.words[0];
    var keys = W.keys(q);
    // each key's family (in the key's shard) and each key as a word (in its home shard): for a
    // word family these are mostly the same one or two shards
    var names = keys.map(shardName).concat(keys.map(termShard));
    return parts(names).then(function (shards) {
      var derived = {};
      var exact = false;
      keys.forEach(function (key, i) {
        var family = shards[i], own = shards[keys.length + i];
        if (own && own.t[key]) {
          if (i === 0) exact = true;
          else derived[key] = true;
        }
        if (family) (family.f[key] || []).forEach(function (w) { derived[w] = true; });
      });
      delete derived[q];
      if (exact) found.push({ term: q, factor: EXACT, words: [q] });
      // a derived form of a one-word glossary phrase finds the entry's other names too
      Object.keys(derived).forEach(function (w) {
        if (single.hasOwnProperty(w) && unit.group < 0) {
          found.push({ term: "~" + single[w], factor: DERIVED, words: [w] });
        }
      });
      var family = Object.keys(derived).sort(function (a, b) {
        return Math.abs(a.length - q.length) - Math.abs(b.length - q.length) || (a < b ? -1 : 1);
      }).slice(0, MAX_FAMILY);
      family.forEach(function (w) { found.push({ term: w, factor: DERIVED, words: [w] }); });
      if (found.length || q.length < MIN_TYPO || !/^[a-z]+$/.test(q)) return found;
      var lengths = [q.length - 1, q.length, q.length + 1];
      return parts(lengths.map(function (n) { return "v/" + n; })).then(function (lists) {
        lists.forEach(function (list) {
          (list ? list.split(" ") : []).forEach(function (w) {
            if (oneEdit(q, w)) found.push({ term: w, factor: TYPO, words: [w] });
          });
        });
        return found;
      });
    });
  }

  function idf(df) {
    return Math.log(1 + (meta.n - df + 0.5) / (df + 0.5));
  }

  /* section id → score for one unit: its best alternative in each section. */
  function unitScores(alts) {
    var names = alts.map(function (a) { return termShard(a.term); });
    return parts(names).then(function (shards) {
      var scores = {};
      alts.forEach(function (alt, i) {
        var flat = shards[i] && shards[i].t[alt.term];
        if (!flat) return;
        var weight = idf(flat.length / 2) * alt.factor;
        for (var j = 0, id = 0; j < flat.length; j += 2) {
          id += flat[j];
          var score = weight * flat[j + 1] / SCALE;
          if (!(scores[id] >= score)) scores[id] = score;
        }
      });
      return scores;
    });
  }

  function pageOf(section) {
    var firsts = meta.pages, lo = 0, hi = firsts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= section) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /* Ranked pages: [{page, score, sections: [[section id, score]...]}]. */
  function rank(perUnit, competency) {
    var total = {}, matched = {};
    perUnit.forEach(function (scores) {
      Object.keys(scores).forEach(function (id) {
        total[id] = (total[id] || 0) + scores[id];
        matched[id] = (matched[id] || 0) + 1;
      });
    });
    var wanted = competency ? meta.comp.map(function (c) { return c[0]; }).indexOf(competency) : -1;
    var pages = {};
    Object.keys(total).forEach(function (key) {
      var id = Number(key);
      var page = pageOf(id);
      if (competency && meta.pc[page].indexOf(wanted) < 0) return;
      var share = matched[key] / perUnit.length;
      var score = total[key] * share * share;
      (pages[page] = pages[page] || { page: page, sections: [] }).sections.push([id, score]);
    });
    return Object.keys(pages).map(function (key) {
      var entry = pages[key];
      entry.sections.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      entry.score = entry.sections[0][1] + 0.1 * entry.sections.slice(1).reduce(function (sum, s) {
        return sum + s[1];
      }, 0);
      entry.sections = entry.sections.slice(0, PAGE_SECTIONS);
      return entry;
    }).sort(function (a, b) { return b.score - a.score || a.page - b.page; });
  }

  /* Search: resolves to {pages: [{location, title, competencies, minutes, sections: [{anchor,
   * heading, text}]}], words: [words to highlight]}. options: {limit, competency}. */
  function search(text, options) {
    options = options || {};
    var limit = options.limit || 10;
    return ready().then(function () {
      var list = units(String(text || "").slice(0, 200));
      if (!list.length) return { pages: [], total: 0, words: [] };
      return Promise.all(list.map(alternatives)).then(function (alts) {
        var words = {};
        alts.forEach(function (a) {
          a.forEach(function (alt) { alt.words.forEach(function (w) { words[w] = true; }); });
        });
        list.forEach(function (u) {
          if (u.group >= 0) meta.gl[u.group].forEach(function (p) {
            p.split(" ").forEach(function (w) { words[w] = true; });
          });
        });
        return Promise.all(alts.map(unitScores)).then(function (perUnit) {
          var all = rank(perUnit, options.competency);
          var ranked = all.slice(0, limit);
          return parts(ranked.map(function (r) { return "p/" + r.page; })).then(function (docs) {
            return { pages: ranked.map(function (r, i) { return shown(r, docs[i]); }),
                     total: all.length, words: Object.keys(words) };
          });
        });
      });
    });
  }

  function shown(ranked, doc) {
    var first = meta.pages[ranked.page];
    return {
      location: doc.l, title: doc.t, competencies: doc.c, minutes: doc.m,
      sections: ranked.sections.map(function (s) {
        var section = doc.s[s[0] - first];
        return { anchor: section[0], heading: section[1], text: section[2] };
      })
    };
  }

  /* asah.search's shape (README): [{location, title, section}], best first. */
  function flat(result) {
    var found = [];
    result.pages.forEach(function (page) {
      page.sections.forEach(function (s) {
        found.push({
          location: page.location + (s.anchor ? "#" + s.anchor : ""),
          title: page.title,
          section: s.heading || null
        });
      });
    });
    return found;
  }

  function competencies() {
    return ready().then(function () { return meta.comp.slice(); });
  }

  /* Where the index files come from; another index (another language's) starts afresh. */
  function configure(options) {
    if (options.base !== base) {
      base = options.base;
      data = {}; waiting = {}; meta = null;
    }
    load = options.load;
  }

  root.AsahSearch = {
    configure: configure,
    search: search, flat: flat, competencies: competencies, oneEdit: oneEdit
  };
  if (typeof module !== "undefined" && module.exports) module.exports = root.AsahSearch;
})(typeof window !== "undefined" ? window : globalThis);
