/* The order a learner sees the choices of a question, the items of an order or match question
 * and the replies of a scenario in: drawn for each learner (a seed kept with their progress,
 * so the order is the same after a reload and after an export and import) and for each
 * attempt, so that neither a position nor a colleague's screenshot gives an answer away.
 * Responses still name options by their position as written, so grading is unchanged.
 * A classic script after storage.js, on module pages.
 *
 *   MeridianShuffle.order(count, key, fixed) → a permutation of 0…count-1 for this learner and
 *       `key` (a text naming the question or step and the attempt); the indices in `fixed`
 *       come last, in the order written
 */
(function () {
  "use strict";

  var store = window.MeridianStore;
  if (!store) return;

  // FNV-1a over the text's UTF-16 units, then mulberry32.
  function generator(text) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    var state = hash;
    return function () {
      state = (state + 0x6d2b79f5) >>> 0;
      var t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function order(count, key, fixed) {
    var pinned = fixed || [];
    var free = [];
    for (var i = 0; i < count; i++) if (pinned.indexOf(i) === -1) free.push(i);
    var random = generator(store.seed() + ":" + key);
    for (var j = free.length - 1; j > 0; j--) {
      var k = Math.floor(random() * (j + 1));
      var held = free[j]; free[j] = free[k]; free[k] = held;
    }
    return free.concat(pinned.slice().sort(function (a, b) { return a - b; }));
  }

  window.MeridianShuffle = { order: order };
})();
