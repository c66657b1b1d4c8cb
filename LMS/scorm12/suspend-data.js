/* A learner's progress in a few characters, for an LMS's cmi.suspend_data (SCORM 1.2 keeps at
 * most 4,096 characters): `MeridianSuspendData`. A classic script after course-data.js.
 *
 * The text is positional, read against the course data of the package that wrote it:
 *   "1"                      the encoding's version
 *   6 digits                 a hash of the course's layout (modules, questions, scenarios);
 *                            text written for another layout is not read
 *   6 digits                 when it was written, in seconds since 1970
 *   per module, in order:    "1" when opened, "0" when not, then per question, in order:
 *                            "." when unanswered, or the response and 2 digits: the number of
 *                            its cmi.interactions record ("__" when none was written)
 *   per scenario, in order:  "." when never finished, or 2 digits (how many replies) and
 *                            one digit per reply
 * Digits are the 64 characters of DIGITS. A response is one digit for a single choice, "t" or
 * "f" for true or false, a bit mask (6 choices a digit) for a multiple choice, one digit per
 * item for an order, one right side per left side for a match; any other text is "*", its
 * length in 2 digits and the text itself. The worst case of a course is
 * `meridian package scorm12`'s to work out (Sources/Packaging/SuspendDataBudget.swift),
 * with the same rules.
 *
 *   MeridianSuspendData.limit                         → 4096
 *   MeridianSuspendData.encode(course, data, reported, savedAt) → the text, or null when it cannot fit
 *   MeridianSuspendData.decode(course, text)          → {data, reported, savedAt}, or null
 * `data` is MeridianStore's {modules, scenarios}; `reported` maps a question id to the number of
 * the interaction that reports it.
 */
(function () {
  "use strict";

  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var VERSION = "1", NONE = ".", RAW = "*", UNREPORTED = 4095, LIMIT = 4096;
  var SEPARATOR = "[,]", PAIR = "[.]";

  function digits(number, width) {
    var text = "";
    for (var i = 0; i < width; i++) {
      text = DIGITS.charAt(number % 64) + text;
      number = Math.floor(number / 64);
    }
    return text;
  }

  function number(text) {
    var value = 0;
    for (var i = 0; i < text.length; i++) {
      var d = DIGITS.indexOf(text.charAt(i));
      if (d < 0) throw new Error("not a digit");
      value = value * 64 + d;
    }
    return value;
  }

  // FNV-1a over the layout: what the positions in the text mean.
  function layoutHash(course) {
    var text = course.modules.map(function (module) {
      return module.slug + ":" + module.questions.map(function (q) { return q.id + "/" + q.type + "/" + size(q); }).join(",") +
        ":" + module.scenarios.map(function (s) { return s.id; }).join(",");
    }).join(";");
    var hash = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return digits(hash, 6);
  }

  // How many choices, items or left sides a question has.
  function size(question) {
    return (question.choices || question.source || []).length;
  }

  function position(text, max) {
    return /^[1-9][0-9]*$/.test(text) && Number(text) <= Math.min(max, 63) ? Number(text) : 0;
  }

  /* The response's compact form, or null when it has none. */
  function compact(question, response) {
    var n = size(question), parts = response.split(SEPARATOR);
    if (question.type === "truefalse") return response === "true" ? "t" : response === "false" ? "f" : null;
    if (question.type === "single") return parts.length === 1 && position(parts[0], n) ? DIGITS.charAt(Number(parts[0])) : null;
    if (question.type === "multiple") return mask(parts, n);
    if (question.type === "order") return permutation(parts, n);
    if (question.type === "match") return matching(parts, n, (question.target || []).length);
    return null;
  }

  function mask(parts, n) {
    var bits = [], text = "";
    for (var i = 0; i < parts.length; i++) {
      var p = position(parts[i], n);
      if (!p || bits[p - 1]) return null;
      bits[p - 1] = true;
    }
    for (var start = 0; start < n; start += 6) {
      var value = 0;
      for (var bit = 0; bit < 6; bit++) if (bits[start + bit]) value |= 1 << bit;
      text += DIGITS.charAt(value);
    }
    return text;
  }

  function permutation(parts, n) {
    if (parts.length !== n) return null;
    var seen = {}, text = "";
    for (var i = 0; i < n; i++) {
      var p = position(parts[i], n);
      if (!p || seen[p]) return null;
      seen[p] = true;
      text += DIGITS.charAt(p);
    }
    return text;
  }

  function matching(parts, n, rights) {
    if (parts.length !== n) return null;
    var text = "";
    for (var i = 0; i < n; i++) {
      var sides = parts[i].split(PAIR);
      if (sides.length !== 2 || sides[0] !== String(i + 1) || !position(sides[1], rights)) return null;
      text += DIGITS.charAt(Number(sides[1]));
    }
    return text;
  }

  function encodeResponse(question, response) {
    var short = compact(question, response);
    if (short !== null) return short;
    return response.length < 4096 ? RAW + digits(response.length, 2) + response : null;
  }

  /* Reads one response at `reader.at`, the counterpart of encodeResponse. */
  function readResponse(question, reader) {
    if (reader.peek() === RAW) {
      reader.take(1);
      return reader.take(number(reader.take(2)));
    }
    var n = size(question);
    if (question.type === "truefalse") return { t: "true", f: "false" }[reader.take(1)] || fail();
    if (question.type === "single") return String(number(reader.take(1)));
    if (question.type === "multiple") return unmask(reader.take(Math.ceil(n / 6)));
    var chars = reader.take(n).split("").map(function (c) { return String(number(c)); });
    if (question.type === "order") return chars.join(SEPARATOR);
    return chars.map(function (right, i) { return (i + 1) + PAIR + right; }).join(SEPARATOR);
  }

  function unmask(text) {
    var chosen = [];
    for (var i = 0; i < text.length; i++) {
      var value = number(text.charAt(i));
      for (var bit = 0; bit < 6; bit++) if (value & (1 << bit)) chosen.push(String(i * 6 + bit + 1));
    }
    return chosen.join(SEPARATOR);
  }

  function fail() {
    throw new Error("damaged suspend data");
  }

  function encodeModule(module, saved, reported) {
    var answers = saved && saved.answers ? saved.answers : {};
    var visited = !!(saved && (saved.firstVisitedAt || Object.keys(answers).length));
    var text = visited ? "1" : "0";
    module.questions.forEach(function (question) {
      var response = Object.prototype.hasOwnProperty.call(answers, question.id) ? answers[question.id] : null;
      var short = typeof response === "string" ? encodeResponse(question, response) : null;
      if (short === null) { text += NONE; return; }
      var index = reported[question.id];
      text += short + digits(typeof index === "number" && index >= 0 && index < UNREPORTED ? index : UNREPORTED, 2);
    });
    return text;
  }

  function encodeScenario(saved) {
    var replies = saved && Array.isArray(saved.replies) ? saved.replies : [];
    var valid = replies.length > 0 && replies.length < 4096 && replies.every(function (r) { return r >= 1 && r <= 63 && Math.floor(r) === r; });
    return valid ? digits(replies.length, 2) + replies.map(function (r) { return DIGITS.charAt(r); }).join("") : NONE;
  }

  /* The text for the LMS; scenarios with the longest plays are left out until it fits
   * (only a learner who went round a scenario's loops many times can need that). */
  function encode(course, data, reported, savedAt) {
    data = data || {};
    var modules = data.modules || {}, scenarios = data.scenarios || {};
    var head = VERSION + layoutHash(course) + digits(Math.floor((savedAt || new Date()).getTime() / 1000), 6);
    var body = course.modules.map(function (m) { return encodeModule(m, modules[m.slug], reported || {}); }).join("");
    var entries = [];
    course.modules.forEach(function (m) {
      m.scenarios.forEach(function (s) { entries.push(encodeScenario(scenarios[s.id])); });
    });
    var total = function () { return head.length + body.length + entries.join("").length; };
    while (total() > LIMIT) {
      var longest = entries.reduce(function (best, e, i) { return e.length > entries[best].length ? i : best; }, 0);
      if (entries[longest] === NONE) return null;
      entries[longest] = NONE;
    }
    return head + body + entries.join("");
  }

  function Reader(text) {
    var at = 0;
    this.peek = function () { return text.charAt(at); };
    this.take = function (count) {
      if (at + count > text.length) fail();
      at += count;
      return text.slice(at - count, at);
    };
    this.done = function () { return at === text.length; };
  }

  function decodeModule(module, reader, time, reported) {
    var visited = reader.take(1);
    if (visited !== "0" && visited !== "1") fail();
    var record = { answers: {}, answerTimes: {}, attempts: 0 };
    module.questions.forEach(function (question) {
      if (reader.peek() === NONE) { reader.take(1); return; }
      record.answers[question.id] = readResponse(question, reader);
      record.answerTimes[question.id] = time;
      var index = number(reader.take(2));
      if (index !== UNREPORTED) reported[question.id] = index;
    });
    if (visited === "0" && !Object.keys(record.answers).length) return null;
    record.firstVisitedAt = record.lastVisitedAt = time;
    if (Object.keys(record.answers).length) {
      record.attempts = 1;
      record.answeredAt = time;
      record.questions = module.questions.length;
    }
    return record;
  }

  function decodeScenario(reader, time) {
    if (reader.peek() === NONE) { reader.take(1); return null; }
    var count = number(reader.take(2));
    var replies = reader.take(count).split("").map(number);
    return { replies: replies, finishedAt: time, plays: 1 };
  }

  /* What the text holds, or null when it is empty, damaged or for another course layout. */
  function decode(course, text) {
    if (typeof text !== "string" || text.charAt(0) !== VERSION || text.slice(1, 7) !== layoutHash(course)) return null;
    try {
      var reader = new Reader(text.slice(13));
      var savedAt = new Date(number(text.slice(7, 13)) * 1000);
      var time = savedAt.toISOString();
      var data = { modules: {}, scenarios: {} }, reported = {};
      course.modules.forEach(function (module) {
        var record = decodeModule(module, reader, time, reported);
        if (record) data.modules[module.slug] = record;
      });
      course.modules.forEach(function (module) {
        module.scenarios.forEach(function (scenario) {
          var record = decodeScenario(reader, time);
          if (record) data.scenarios[scenario.id] = record;
        });
      });
      return reader.done() ? { data: data, reported: reported, savedAt: savedAt } : null;
    } catch (error) {
      return null;
    }
  }

  window.MeridianSuspendData = { limit: LIMIT, encode: encode, decode: decode };
})();
