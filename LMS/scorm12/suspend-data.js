/* A learner's progress in a few characters, for an LMS's cmi.suspend_data (SCORM 1.2 keeps at
 * most 4,096 characters): `MeridianSuspendData`. A classic script after course-data.js.
 *
 * The text is positional, read against the course data of the package that wrote it:
 *   "2"                      the encoding's version
 *   6 digits                 a hash of the course's layout (modules, questions, scenarios, an
 *                            exam's draw and attempts); text written for another layout is not read
 *   6 digits                 when it was written, in seconds since 1970
 *   per module, in order:    "1" when opened, "0" when not, then
 *     a practice module:     per question, in order: "." when unanswered, or the response and
 *                            2 digits: the number of its cmi.interactions record ("__" when
 *                            none was written)
 *     an exam module:        1 digit, how many submitted attempts follow (those KEPT: all of
 *                            them when the module limits attempts, else the best and the latest,
 *                            at most UNLIMITED_KEPT), then per attempt: 6 digits, when it was
 *                            submitted (seconds since 1970); 2 digits, the number of its first
 *                            cmi.interactions record ("__" when none was written; its `draw`
 *                            records are numbered on from there); the drawn questions, one
 *                            digit each (the question's place in the module, from 0); per drawn
 *                            question "." or the response. Then the open attempt: "." when
 *                            there is none, or its drawn questions and responses as above
 *   per scenario, in order:  "." when never finished, or 2 digits (how many replies) and
 *                            one digit per reply
 * Text of version "1" (no exam attempts: exam modules were laid out as practice ones) is still
 * read, against the layout hash of version 1.
 * Digits are the 64 characters of DIGITS. A response is one digit for a single choice, "t" or
 * "f" for true or false, a bit mask (6 choices a digit) for a multiple choice, one digit per
 * item for an order, one right side per left side for a match; any other text is "*", its
 * length in 2 digits and the text itself. The worst case of a course is
 * `meridian package scorm12`'s to work out (Sources/Packaging/SuspendDataBudget.swift),
 * with the same rules.
 *
 *   MeridianSuspendData.limit                         → 4096
 *   MeridianSuspendData.unlimitedKept                 → 10, the attempts kept of an exam without a limit
 *   MeridianSuspendData.kept(module, attempts)        → the submitted attempts the text keeps
 *   MeridianSuspendData.attemptKeys(slug, attempts)   → each attempt's key in `reported`
 *   MeridianSuspendData.encode(course, data, reported, savedAt) → the text, or null when it cannot fit
 *   MeridianSuspendData.decode(course, text)          → {data, reported, savedAt}, or null
 * `data` is MeridianStore's {modules, scenarios}; `reported` maps a question id to the number of
 * the interaction that reports it, and a submitted exam attempt's key (attemptKeys) to the
 * number of its first record.
 */
(function () {
  "use strict";

  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var VERSION = "2", NONE = ".", RAW = "*", UNREPORTED = 4095, LIMIT = 4096;
  var SEPARATOR = "[,]", PAIR = "[.]";
  var UNLIMITED_KEPT = 10, MAX_QUESTIONS = 64;

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

  // FNV-1a over the layout: what the positions in the text of a version mean.
  function layoutHash(course, version) {
    var text = course.modules.map(function (module) {
      return module.slug + ":" + module.questions.map(function (q) { return q.id + "/" + q.type + "/" + size(q); }).join(",") +
        ":" + module.scenarios.map(function (s) { return s.id; }).join(",") +
        (version !== "1" && module.exam ? ":exam/" + module.exam.draw + "/" + (module.exam.attempts || "") : "");
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
    if (module.exam) return text + encodeExam(module, saved, reported);
    module.questions.forEach(function (question) {
      var response = Object.prototype.hasOwnProperty.call(answers, question.id) ? answers[question.id] : null;
      var short = typeof response === "string" ? encodeResponse(question, response) : null;
      if (short === null) { text += NONE; return; }
      var index = reported[question.id];
      text += short + digits(typeof index === "number" && index >= 0 && index < UNREPORTED ? index : UNREPORTED, 2);
    });
    return text;
  }

  /* ---------- Exam attempts ---------- */

  function seconds(time) {
    var ms = typeof time === "string" ? Date.parse(time) : NaN;
    return isNaN(ms) || ms < 0 ? null : Math.floor(ms / 1000);
  }

  /* What names each of a module's submitted attempts in `reported`: the module, the second it
   * was submitted and, for attempts submitted within the same second, which of them it is. */
  function attemptKeys(slug, attempts) {
    var seen = {};
    return attempts.map(function (attempt) {
      var key = slug + "@" + seconds(attempt.submittedAt);
      seen[key] = (seen[key] || 0) + 1;
      return key + "." + (seen[key] - 1);
    });
  }

  // The drawn questions' places in the module, or null when the attempt's draw is not one of
  // this module's (a draw is `draw` different questions of it, as exam.js makes it).
  function places(module, attempt) {
    var drawn = attempt && Array.isArray(attempt.drawn) ? attempt.drawn : [];
    if (drawn.length !== module.exam.draw) return null;
    var ids = module.questions.map(function (q) { return q.id; });
    var found = drawn.map(function (id) { return ids.indexOf(id); });
    return found.every(function (place, i) { return place >= 0 && place < MAX_QUESTIONS && found.indexOf(place) === i; })
      ? found : null;
  }

  /* The submitted attempts the text keeps, in the order they were taken: all of them when the
   * module limits attempts (up to that limit); otherwise, past UNLIMITED_KEPT, the best (the first
   * of equals, the one that counts) and the latest. */
  function kept(module, attempts) {
    var usable = (Array.isArray(attempts) ? attempts : []).filter(function (attempt) {
      return places(module, attempt) !== null && seconds(attempt.submittedAt) !== null;
    });
    var limit = Math.min(module.exam.attempts || UNLIMITED_KEPT, 63);
    if (usable.length <= limit) return usable;
    if (module.exam.attempts) return usable.slice(0, limit);
    var best = 0, bestScore = -1;
    usable.forEach(function (attempt, i) {
      var score = window.MeridianGrading.gradeAttempt(module, attempt).score;
      if (score > bestScore) { best = i; bestScore = score; }
    });
    var latest = usable.map(function (attempt, i) { return i; }).filter(function (i) { return i !== best; }).slice(-(limit - 1));
    return usable.filter(function (attempt, i) { return i === best || latest.indexOf(i) >= 0; });
  }

  function encodeDrawn(module, attempt) {
    var answers = attempt.answers && typeof attempt.answers === "object" ? attempt.answers : {};
    var found = places(module, attempt);
    return found.map(function (place) { return DIGITS.charAt(place); }).join("") + found.map(function (place) {
      var question = module.questions[place];
      var response = Object.prototype.hasOwnProperty.call(answers, question.id) ? answers[question.id] : null;
      var short = typeof response === "string" ? encodeResponse(question, response) : null;
      return short === null ? NONE : short;
    }).join("");
  }

  function encodeExam(module, saved, reported) {
    var exam = saved && saved.exam && typeof saved.exam === "object" ? saved.exam : {};
    var attempts = kept(module, exam.attempts);
    var text = DIGITS.charAt(attempts.length), keys = attemptKeys(module.slug, attempts);
    attempts.forEach(function (attempt, i) {
      var index = reported[keys[i]];
      text += digits(seconds(attempt.submittedAt), 6) +
        digits(typeof index === "number" && index >= 0 && index < UNREPORTED ? index : UNREPORTED, 2) +
        encodeDrawn(module, attempt);
    });
    return text + (places(module, exam.open) ? encodeDrawn(module, exam.open) : NONE);
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
    var head = VERSION + layoutHash(course, VERSION) + digits(Math.floor((savedAt || new Date()).getTime() / 1000), 6);
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

  function decodeModule(module, reader, time, reported, version) {
    var visited = reader.take(1);
    if (visited !== "0" && visited !== "1") fail();
    if (module.exam && version !== "1") return decodeExam(module, reader, time, reported, visited);
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

  function decodeDrawn(module, reader) {
    var drawn = reader.take(module.exam.draw).split("").map(function (digit) {
      var question = module.questions[number(digit)];
      return question ? question.id : fail();
    });
    var answers = {};
    drawn.forEach(function (id) {
      if (reader.peek() === NONE) { reader.take(1); return; }
      answers[id] = readResponse(module.questions.filter(function (q) { return q.id === id; })[0], reader);
    });
    return { drawn: drawn, answers: answers };
  }

  /* An exam module's record as MeridianStore keeps it: its attempts, the open one, and the
   * answers that submitting them copied into the module's answers (storage.js's rule). */
  function decodeExam(module, reader, time, reported, visited) {
    var count = number(reader.take(1));
    var attempts = [];
    for (var i = 0; i < count; i++) {
      var submitted = number(reader.take(6)), index = number(reader.take(2));
      var attempt = decodeDrawn(module, reader);
      attempt.submittedAt = new Date(submitted * 1000).toISOString();
      attempts.push(attempt);
      if (index !== UNREPORTED) reported[attemptKeys(module.slug, attempts)[i]] = index;
    }
    var open = null;
    if (reader.peek() === NONE) reader.take(1);
    else {
      open = decodeDrawn(module, reader);
      open.startedAt = time;
    }
    if (visited === "0" && !attempts.length && !open) return null;
    var record = { answers: {}, firstAnswers: {}, answerTimes: {}, attempts: attempts.length,
      firstVisitedAt: time, lastVisitedAt: time, exam: { attempts: attempts } };
    if (open) record.exam.open = open;
    attempts.forEach(function (attempt) {
      Object.keys(attempt.answers).forEach(function (id) {
        if (typeof record.answers[id] !== "string") record.firstAnswers[id] = attempt.answers[id];
        record.answers[id] = attempt.answers[id];
        record.answerTimes[id] = attempt.submittedAt;
      });
      record.answeredAt = attempt.submittedAt;
    });
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
    var version = typeof text === "string" ? text.charAt(0) : "";
    if ((version !== VERSION && version !== "1") || text.slice(1, 7) !== layoutHash(course, version)) return null;
    try {
      var reader = new Reader(text.slice(13));
      var savedAt = new Date(number(text.slice(7, 13)) * 1000);
      var time = savedAt.toISOString();
      var data = { modules: {}, scenarios: {} }, reported = {};
      course.modules.forEach(function (module) {
        var record = decodeModule(module, reader, time, reported, version);
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

  window.MeridianSuspendData = { limit: LIMIT, unlimitedKept: UNLIMITED_KEPT, kept: kept, attemptKeys: attemptKeys,
    encode: encode, decode: decode };
})();
