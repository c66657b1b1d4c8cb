/* The one place the site grades: whether a response is right, a module's score, pass and
 * status, and a scenario's path, score and ending. Every page that shows a result asks this
 * script — quiz feedback, the statuses on the home page and in the sidebar, the progress page,
 * the certificate, the import and the exported record — so no two pages can disagree.
 *
 * It grades with the spec the build writes into course-data.js (window.MeridianCourse): each
 * question's key and how it is compared, the pass mark, each scenario's steps, replies,
 * points, endings and maximum. The rules are the ones `meridian records verify` regrades with
 * (Sources/CourseKit/Practice/Grading.swift and ScenarioPlay.swift); the golden table
 * Tests/Fixtures/grading/grading-cases.json holds both to the same answers.
 * A classic script after course-data.js.
 *
 *   MeridianGrading.course                          → the course data
 *   MeridianGrading.module(slug), question(id), scenario(id) → a spec from the course data, or null
 *   MeridianGrading.response(parts), pair(left, right) → a response in the xAPI response-pattern form
 *   MeridianGrading.parts(response), sides(pair)    → and back
 *   MeridianGrading.isCorrect(question, response)   → true when the response is right; an exam's
 *                                                      question is graded by its salted key hash
 *   MeridianGrading.keyParts(question)              → the parts of the correct response (not for an exam)
 *   MeridianGrading.partsRight(question, response)  → for feedback: items in the right place, pairs matched
 *   MeridianGrading.passes(right, count[, passScore]) → true or false; null for a module without questions
 *   MeridianGrading.neededToPass(count)             → how many right answers pass a module of `count` questions
 *   MeridianGrading.moduleResult(module, saved[, practiceAnswer]) → {answers, right, count, score, passed,
 *                                                      status, visited}, and for an exam `attempts`:
 *                                                      [{drawn, answers, right, count, score, passed, submittedAt}]
 *   MeridianGrading.gradeAttempt(module, attempt)   → {right, count, score, passed} of one exam attempt
 *   MeridianGrading.play(scenario, replies)         → {path, points, score, ending}, or null when the
 *                                                      replies are not a finished play of the scenario
 *   MeridianGrading.scenarioScore(scenario, points) → points ÷ the scenario's maximum, between 0 and 1
 *   MeridianGrading.statusLabel(status)             → "Not started", "In progress" or "Completed"
 *   MeridianGrading.byCodePoints(a, b)              → sorts strings by Unicode code point
 */
(function () {
  "use strict";

  var course = window.MeridianCourse;
  if (!course) return;

  var SEPARATOR = "[,]";
  var PAIR = "[.]";

  var modules = {}, questions = {}, scenarios = {};
  course.modules.forEach(function (module) {
    modules[module.slug] = module;
    module.questions.forEach(function (question) { questions[question.id] = question; });
    module.scenarios.forEach(function (scenario) { scenarios[scenario.id] = scenario; });
  });

  function own(map, key) {
    return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : null;
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function keyOf(question) {
    return question.correctResponsesPattern[0];
  }

  /* SHA-256 of a text's UTF-8 bytes, in hex (FIPS 180-4), synchronous so that grading stays
   * synchronous: an exam's questions are graded by comparing hashes (Sources/CourseKit/
   * Practice/ExamKey.swift). */
  var K = [];
  (function () {
    function fraction(x) { return ((x - Math.floor(x)) * 4294967296) >>> 0; }
    for (var n = 2, found = 0; found < 64; n++) {
      var prime = true;
      for (var d = 2; d * d <= n; d++) if (n % d === 0) { prime = false; break; }
      if (prime) K[found++] = fraction(Math.cbrt(n));
    }
  })();

  function sha256(text) {
    var bytes = Array.from(new TextEncoder().encode(text));
    var bitLength = bytes.length * 8;
    bytes.push(0x80);
    while (bytes.length % 64 !== 56) bytes.push(0);
    for (var shift = 56; shift >= 0; shift -= 8) bytes.push(shift >= 32 ? Math.floor(bitLength / Math.pow(2, shift)) & 0xff : (bitLength >>> shift) & 0xff);
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var w = new Array(64);
    function rotate(x, n) { return (x >>> n) | (x << (32 - n)); }
    for (var offset = 0; offset < bytes.length; offset += 64) {
      for (var i = 0; i < 16; i++) {
        var j = offset + i * 4;
        w[i] = ((bytes[j] << 24) | (bytes[j + 1] << 16) | (bytes[j + 2] << 8) | bytes[j + 3]) >>> 0;
      }
      for (i = 16; i < 64; i++) {
        var s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        var s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
      for (i = 0; i < 64; i++) {
        var t1 = (k + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0;
        var t2 = ((rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
        k = g; g = f; f = e; e = (d + t1) >>> 0; d = c; c = b; b = a; a = (t1 + t2) >>> 0;
      }
      h = [h[0] + a, h[1] + b, h[2] + c, h[3] + d, h[4] + e, h[5] + f, h[6] + g, h[7] + k].map(function (x) { return x >>> 0; });
    }
    return h.map(function (x) { return ("0000000" + x.toString(16)).slice(-8); }).join("");
  }

  // A response as an exam's key hash is made of: parts sorted by code point where they count
  // in any order, otherwise as it is.
  function canonicalResponse(question, response) {
    if (question.compare === "sequence") return response;
    return response.split(SEPARATOR).sort(byCodePoints).join(SEPARATOR);
  }

  function keyParts(question) {
    return keyOf(question).split(SEPARATOR);
  }

  // "set": the same parts in any order, each once; "sequence": the very same text.
  function isCorrect(question, response) {
    if (!question || typeof response !== "string") return false;
    if (question.keyHash) return sha256(question.salt + "\n" + canonicalResponse(question, response)) === question.keyHash;
    if (question.compare === "sequence") return response === keyOf(question);
    var given = response.split(SEPARATOR);
    var wanted = {};
    keyParts(question).forEach(function (part) { wanted[part] = true; });
    var seen = {};
    for (var i = 0; i < given.length; i++) {
      if (seen[given[i]] || !own(wanted, given[i])) return false;
      seen[given[i]] = true;
    }
    return given.length === Object.keys(wanted).length;
  }

  // Feedback only, never a grade: how many items of an order stand in their place, or how
  // many pairs of a match are right.
  function partsRight(question, response) {
    var given = String(response).split(SEPARATOR);
    var key = keyParts(question);
    return key.filter(function (part, index) {
      return question.type === "order" ? given[index] === part : given.indexOf(part) !== -1;
    }).length;
  }

  function passes(right, count, passScore) {
    if (!(count > 0)) return null;
    var mark = typeof passScore === "number" ? passScore : course.passScore;
    return right / count >= mark - course.passTolerance;
  }

  function neededToPass(count) {
    for (var right = 0; right < count; right++) if (passes(right, count)) return right;
    return count;
  }

  /* A module graded from what the learner's browser saved for it (MeridianStore's record:
   * {firstVisitedAt, answers: {question id: response}, firstAnswers, exam}): started once opened
   * or answered. A practice module is completed when its answers pass or, without questions,
   * once opened; the answers that count are the latest or the first, as the course says
   * (`practiceAnswer`). An exam is graded from its submitted attempts (examResult). */
  function moduleResult(module, saved, practiceAnswer) {
    if (module.exam) return examResult(module, saved);
    var answers = {};
    var right = 0;
    var first = (practiceAnswer || course.practiceAnswer) === "first" && isObject(saved) && isObject(saved.firstAnswers)
      ? saved.firstAnswers : {};
    module.questions.forEach(function (question) {
      var response = isObject(saved) && isObject(saved.answers) ? own(saved.answers, question.id) : null;
      if (typeof response !== "string") return;
      answers[question.id] = response;
      var counted = typeof own(first, question.id) === "string" ? own(first, question.id) : response;
      if (isCorrect(question, counted)) right++;
    });
    var count = module.questions.length;
    var visited = isObject(saved) && (!!saved.firstVisitedAt || Object.keys(answers).length > 0);
    if (!visited) {
      return { answers: answers, right: right, count: count, score: null, passed: null, status: "not-started", visited: false };
    }
    var passed = passes(right, count);
    return {
      answers: answers, right: right, count: count,
      score: count ? right / count : null,
      passed: passed,
      status: passed === false ? "in-progress" : "completed",
      visited: true
    };
  }

  // One submitted exam attempt: its drawn questions, right when the answer's hash matches.
  function gradeAttempt(module, attempt) {
    var drawn = isObject(attempt) && Array.isArray(attempt.drawn) ? attempt.drawn : [];
    var given = isObject(attempt) && isObject(attempt.answers) ? attempt.answers : {};
    var right = drawn.filter(function (id) {
      var question = own(questions, id);
      return !!question && module.questions.indexOf(question) !== -1 && isCorrect(question, own(given, id));
    }).length;
    return { right: right, count: drawn.length, score: drawn.length ? right / drawn.length : 0, passed: passes(right, drawn.length) };
  }

  /* An exam: the best submitted attempt counts (the first of equals), and the module is
   * completed once an attempt passes; before any attempt it is in progress once opened, with
   * no score. `answers` holds the latest answer to each question over the attempts. */
  function examResult(module, saved) {
    var exam = isObject(saved) && isObject(saved.exam) ? saved.exam : {};
    var submitted = Array.isArray(exam.attempts) ? exam.attempts : [];
    var answers = {};
    var best = null;
    var attempts = submitted.map(function (attempt) {
      var graded = gradeAttempt(module, attempt);
      if (!best || graded.score > best.score) best = graded;
      Object.keys(isObject(attempt.answers) ? attempt.answers : {}).forEach(function (id) {
        if (typeof attempt.answers[id] === "string") answers[id] = attempt.answers[id];
      });
      return { drawn: attempt.drawn.slice(), answers: attempt.answers, right: graded.right, count: graded.count,
        score: graded.score, passed: graded.passed, submittedAt: attempt.submittedAt };
    });
    var visited = isObject(saved) && (!!saved.firstVisitedAt || attempts.length > 0 || isObject(exam.open));
    var result = { answers: answers, attempts: attempts, right: 0, count: module.exam.draw, score: null, passed: null,
      status: visited ? "in-progress" : "not-started", visited: visited };
    if (best) {
      result.right = best.right;
      result.count = best.count;
      result.score = best.score;
      result.passed = best.passed;
      result.status = best.passed ? "completed" : "in-progress";
    }
    return result;
  }

  function scenarioScore(scenario, points) {
    return scenario.maxPoints > 0 ? Math.min(Math.max(points / scenario.maxPoints, 0), 1) : 1;
  }

  // Follows the replies (1-based, as written in the source) from the start to an ending.
  function play(scenario, replies) {
    if (!scenario || !Array.isArray(replies)) return null;
    var name = scenario.start;
    var path = [name];
    var points = 0;
    for (var i = 0; i < replies.length; i++) {
      var step = own(scenario.steps, name);
      var reply = replies[i];
      if (!step || step.ending || typeof reply !== "number" || Math.floor(reply) !== reply ||
          reply < 1 || reply > step.options.length) return null;
      var option = step.options[reply - 1];
      points += option.points;
      name = option.next;
      path.push(name);
    }
    var last = own(scenario.steps, name);
    if (!last || !last.ending) return null;
    return { path: path, points: points, score: scenarioScore(scenario, points), ending: last.ending };
  }

  function statusLabel(status) {
    return own(course.statuses, status) || course.statuses["not-started"];
  }

  // Code-point order (not UTF-16 units), as `meridian records` sorts.
  function byCodePoints(a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < x.length && i < y.length; i++) {
      var d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d !== 0) return d < 0 ? -1 : 1;
    }
    return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
  }

  window.MeridianGrading = {
    course: course,
    module: function (slug) { return own(modules, slug); },
    question: function (id) { return own(questions, id); },
    scenario: function (id) { return own(scenarios, id); },
    response: function (parts) { return parts.map(String).join(SEPARATOR); },
    pair: function (left, right) { return left + PAIR + right; },
    parts: function (response) { return String(response).split(SEPARATOR); },
    sides: function (pair) { return String(pair).split(PAIR); },
    isCorrect: isCorrect,
    keyParts: keyParts,
    partsRight: partsRight,
    passes: passes,
    neededToPass: neededToPass,
    moduleResult: moduleResult,
    gradeAttempt: gradeAttempt,
    play: play,
    scenarioScore: scenarioScore,
    statusLabel: statusLabel,
    byCodePoints: byCodePoints
  };
})();
