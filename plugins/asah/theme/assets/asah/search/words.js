/* Asah search words: tokens and word-family keys, cut exactly as the index cuts them
 * (plugins/asah/search/words.py holds the rules and their reasons; tests/fixtures/search/
 * words.json keeps the two equal, so change both or neither). Pure functions, so loading it twice
 * is harmless; it also loads under Node (require, or tests/js/load.js). */
(function (root) {
  "use strict";

  var VOWELS = { a: 1, e: 1, i: 1, o: 1, u: 1 };
  var PARTICLES = ["lah", "kah", "pun", "tah"];
  var POSSESSIVES = ["nya", "ku", "mu"];
  var DERIVATIONAL = ["kan", "an", "i"];
  var ONSETS = set("bl br cl cr dr fl fr gl gr kl kr pl pr tr kh sy ny ps sc sk sl sm sn sp st sw");
  var NO_CONFIX = set("be|i di|an ke|i ke|kan me|an pe|i pe|kan se|i se|kan te|an");
  var ROOTS = set("beranda beri berita berkas bersih kelas kepala keras masalah mereka peran " +
    "perangkat peranti pesan sebab sebut sedia sering terapi terima");
  var APOSTROPHE = /([a-z])['\u2018\u2019\u02bc](?=[a-z])/g;
  var NUMBER_MARK = /([0-9])[.,](?=[0-9])/g;
  var LETTERS = /^[a-z]+$/;
  var ONE_SYLLABLE = /^[^aeiou]+[aeiou]+[^aeiou]*$/;

  function set(words) {
    var out = Object.create(null);
    words.split(" ").forEach(function (w) { out[w] = true; });
    return out;
  }

  /* "" and undefined are no vowel (charAt past the end gives ""). */
  function vowel(c) {
    return VOWELS[c] === 1;
  }

  function fold(text) {
    return String(text).normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function tokens(text) {
    var folded = fold(text).replace(APOSTROPHE, "$1").replace(NUMBER_MARK, "$1");
    var run = /[a-z0-9]+/g;
    var out = [], last = "", lastEnd = -1, match;
    while ((match = run.exec(folded)) !== null) {
      var word = match[0];
      var between = folded.slice(lastEnd, match.index);
      var doubled = word === last && (between === "-" || between === "\u2010") &&
        LETTERS.test(word);
      if (!doubled) out.push(word);
      last = word;
      lastEnd = match.index + word.length;
    }
    return out;
  }

  function valid(key, prefixed) {
    if (key.length < 3 || !/[aeiou]/.test(key)) return false;
    if (!(vowel(key.charAt(0)) || vowel(key.charAt(1)) || ONSETS[key.slice(0, 2)])) return false;
    return key.length > 3 || vowel(key.charAt(0)) || prefixed;
  }

  function endsWith(text, end) {
    return text.length >= end.length && text.slice(text.length - end.length) === end;
  }

  function strip(forms, endings, derivational) {
    var out = forms.slice();
    forms.forEach(function (pair) {
      var form = pair[0];
      if (ROOTS[form]) return;
      endings.forEach(function (end) {
        var rest = form.slice(0, form.length - end.length);
        if (!endsWith(form, end) || rest.length < 3) return;
        if (end === "tah" && !vowel(rest.charAt(rest.length - 1))) return;
        out.push([rest, derivational ? end : ""]);
      });
    });
    return out;
  }

  /* [form, derivational suffix removed ("")] for the word without 0-3 suffix layers. */
  function stems(word) {
    return strip(strip(strip([[word, ""]], PARTICLES, false), POSSESSIVES, false),
      DERIVATIONAL, true);
  }

  function rootsOf(form) {
    return stems(form).map(function (p) { return p[0]; }).filter(function (s) { return ROOTS[s]; });
  }

  /* Roots under meN-/peN- once "me"/"pe" is gone: `rest` starts with the nasal. */
  function nasal(rest) {
    var after;
    if (rest.slice(0, 2) === "ng") {
      after = rest.slice(2);
      if (vowel(after.charAt(0))) {
        var out = [after, "k" + after];
        if (after.charAt(0) === "e" && ONE_SYLLABLE.test(after.slice(1))) out.push(after.slice(1));
        return out;
      }
      return "ghk".indexOf(after.charAt(0)) >= 0 && after ? [after] : [];
    }
    if (rest.slice(0, 2) === "ny") {
      after = rest.slice(2);
      return vowel(after.charAt(0)) ? ["s" + after, rest] : [];
    }
    var first = rest.charAt(0);
    if (first === "n" || first === "m") {
      after = rest.slice(1);
      if (vowel(after.charAt(0))) return [(first === "n" ? "t" : "p") + after, rest];
      if (first === "m" && after.charAt(0) === "r") return ["p" + after];
      var lost = first === "n" ? "cdjstz" : "bpfv";
      return after && lost.indexOf(after.charAt(0)) >= 0 ? [after] : [];
    }
    return first && "lrwy".indexOf(first) >= 0 ? [rest] : [];
  }

  /* One prefix layer off `form`: [rest, prefix kind] for each reading. */
  function unprefix(form) {
    var head = form.slice(0, 2), rest = form.slice(2), out = [];
    if (head === "me" || head === "pe") {
      nasal(rest).forEach(function (root) { out.push([root, head]); });
      if (head === "pe" && !vowel(rest.charAt(0)) && vowel(rest.charAt(1))) out.push([rest, head]);
      if (form.slice(0, 3) === "per") out.push([form.slice(3), "per"]);
    }
    if (head === "be" || head === "te") {
      if (form.charAt(2) === "r") {
        out.push([form.slice(3), head], [rest, head]);
      } else if (!vowel(rest.charAt(0)) && rest.slice(1, 3) === "er") {
        out.push([rest, head]);
      }
    }
    if (form.slice(0, 7) === "belajar" || form.slice(0, 7) === "pelajar") {
      out.push([form.slice(3), head === "be" ? "be" : "per"]);
    }
    if (head === "di" || head === "ke" || head === "se") out.push([rest, head]);
    return out;
  }

  function keys(word) {
    var out = word ? [word] : [];
    if (!LETTERS.test(word)) return out;
    function add(key, prefixed) {
      if (out.indexOf(key) < 0 && valid(key, prefixed)) out.push(key);
    }
    var all = stems(word);
    var roots = rootsOf(word);
    all.forEach(function (pair) { add(pair[0], false); });
    all.forEach(function (pair) {
      var stem = pair[0], suffix = pair[1];
      if (roots.some(function (r) { return stem.slice(0, r.length) === r; })) return;
      unprefix(stem).forEach(function (one) {
        var first = one[0];
        if (NO_CONFIX[one[1] + "|" + suffix] || !valid(first, true)) return;
        add(first, true);
        if (rootsOf(first).length) return;
        unprefix(first).forEach(function (two) { add(two[0], true); });
      });
    });
    return out;
  }

  root.AsahSearchWords = { tokens: tokens, keys: keys };
  if (typeof module !== "undefined" && module.exports) module.exports = root.AsahSearchWords;
})(typeof window !== "undefined" ? window : globalThis);
