/* The learner's progress record (format "meridian-progress", version 1; README, "The
 * progress-record format"), built from what MeridianStore saved, with its verification code
 * and its xAPI statements (statements.js); and its CSV form. A classic script after
 * storage.js, course-data.js and statements.js; used by progress.js, certificate.js and import.js.
 *
 *   MeridianRecord.build(course, data, learner, now)  → Promise of the record
 *   MeridianRecord.verificationCode(record)            → Promise of "XXXX-XXXX-XXXX"
 *   MeridianRecord.csv(record, course)                 → the CSV text, one row per module
 *   MeridianRecord.grade(question, response)           → true when the response is right
 *   MeridianRecord.moduleResult(module, saved, passScore) → the module's answers regraded:
 *       {answers, right, count, score, passed, status, visited}
 *   MeridianRecord.averageScore(record)                → the mean score of the modules with questions, or null
 *
 * Grading, statuses and the verification code follow `meridian records verify` exactly
 * (Sources/Records): a record that this file builds is one the verifier accepts.
 */
(function () {
  "use strict";

  var FORMAT = "meridian-progress";
  var FORMAT_VERSION = 1;
  var SEPARATOR = "[,]";

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function time(value) {
    var parsed = typeof value === "string" ? Date.parse(value) : NaN;
    return isNaN(parsed) ? null : parsed;
  }

  function isTime(value) {
    return time(value) !== null;
  }

  // The earlier or later of two ISO times, ignoring missing ones.
  function earlier(a, b) {
    if (!isTime(a)) return isTime(b) ? b : null;
    if (!isTime(b)) return a;
    return time(a) <= time(b) ? a : b;
  }

  function later(a, b) {
    if (!isTime(a)) return isTime(b) ? b : null;
    if (!isTime(b)) return a;
    return time(a) >= time(b) ? a : b;
  }

  // Plain code-unit order, as Swift's `<` orders the ASCII slugs and ids.
  function byCodeUnits(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /* ---------- Grading, as Sources/CourseKit/Grade/Grading.swift ---------- */

  // Single, multiple and match: the same set of parts in any order; true-false and order: exactly.
  function grade(question, response) {
    var key = question.correctResponsesPattern && question.correctResponsesPattern[0];
    if (typeof key !== "string" || typeof response !== "string") return false;
    if (question.type === "truefalse" || question.type === "order") return response === key;
    var given = response.split(SEPARATOR);
    var wanted = key.split(SEPARATOR);
    var givenSet = {};
    given.forEach(function (part) { givenSet[part] = true; });
    var wantedSet = {};
    wanted.forEach(function (part) { wantedSet[part] = true; });
    var a = Object.keys(givenSet).sort();
    var b = Object.keys(wantedSet).sort();
    return a.length === b.length && a.every(function (part, index) { return part === b[index]; });
  }

  // A module's saved answers to the course's current questions, regraded.
  function moduleResult(module, saved, passScore) {
    var answers = {};
    var right = 0;
    module.questions.forEach(function (question) {
      var response = saved && isObject(saved.answers) ? saved.answers[question.id] : undefined;
      if (typeof response !== "string") return;
      answers[question.id] = response;
      if (grade(question, response)) right++;
    });
    var count = module.questions.length;
    var score = count ? right / count : null;
    var visited = !!saved && (!!saved.firstVisitedAt || Object.keys(answers).length > 0);
    var passed = count ? score >= passScore - 1e-9 : null;
    var status = !visited ? "not-started" : (count === 0 || passed) ? "completed" : "in-progress";
    return { answers: answers, right: right, count: count, score: score, passed: passed, status: status, visited: visited };
  }

  /* ---------- Building the record ---------- */

  function build(course, data, learner, now) {
    data = isObject(data) ? data : {};
    var modules = isObject(data.modules) ? data.modules : {};
    var scenarios = isObject(data.scenarios) ? data.scenarios : {};
    var exportedAt = now || new Date().toISOString();
    var record = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      course: { id: course.id, title: course.title, version: course.version, contentHash: course.contentHash },
      learner: {
        name: String((learner && learner.name) || "").trim().slice(0, 200),
        employeeId: String((learner && learner.employeeId) || "").trim().slice(0, 100)
      },
      exportedAt: exportedAt,
      modules: [],
      scenarios: [],
      completed: false,
      completedAt: null
    };
    var details = [];
    course.modules.forEach(function (module) {
      var saved = isObject(modules[module.slug]) ? modules[module.slug] : null;
      var result = moduleResult(module, saved, course.passScore);
      var completedAt = null;
      if (result.status === "completed") {
        completedAt = (saved && isTime(saved.completedAt) && saved.completedAt) ||
          (module.questions.length ? later(saved && saved.answeredAt, null) : saved.firstVisitedAt) ||
          saved.firstVisitedAt || exportedAt;
      }
      var entry = {
        slug: module.slug,
        status: result.status,
        firstVisitedAt: result.visited ? (saved.firstVisitedAt && isTime(saved.firstVisitedAt) ? saved.firstVisitedAt : earliestAnswer(saved) || exportedAt) : null,
        completedAt: completedAt,
        score: result.visited ? result.score : null,
        passed: result.visited ? result.passed : null,
        attempts: saved && saved.attempts >= 0 ? Math.floor(saved.attempts) : 0,
        answers: result.answers
      };
      record.modules.push(entry);
      details.push({ module: module, saved: saved, result: result, entry: entry });
      module.scenarios.forEach(function (id) {
        var played = scenarios[id];
        if (!isObject(played) || !Array.isArray(played.path) || !played.path.length) return;
        var ending = ["good", "mixed", "poor"].indexOf(played.ending) !== -1 ? played.ending : null;
        record.scenarios.push({
          id: id,
          path: played.path.map(String),
          score: typeof played.score === "number" ? played.score : null,
          ending: ending
        });
      });
    });
    record.completed = record.modules.length > 0 && record.modules.every(function (m) { return m.status === "completed"; });
    if (record.completed) {
      record.completedAt = record.modules.reduce(function (latest, m) { return later(latest, m.completedAt); }, null) || exportedAt;
    }
    return verificationCode(record).then(function (code) {
      record.verificationCode = code;
      record.statements = window.MeridianStatements.build(course, record, details);
      return record;
    });
  }

  function earliestAnswer(saved) {
    if (!saved || !isObject(saved.answerTimes)) return saved && saved.answeredAt || null;
    return Object.keys(saved.answerTimes).reduce(function (first, id) { return earlier(first, saved.answerTimes[id]); }, null);
  }

  /* ---------- The verification code, as Sources/Records/VerificationCode.swift ---------- */

  function canonicalText(record) {
    var lines = [FORMAT + " " + FORMAT_VERSION, record.course.id, record.course.version, record.course.contentHash,
      record.learner.name, record.learner.employeeId, record.completed ? "true" : "false", record.completedAt || ""];
    record.modules.slice().sort(function (a, b) { return byCodeUnits(a.slug, b.slug); }).forEach(function (module) {
      lines.push("module\t" + module.slug + "\t" + module.status);
      Object.keys(module.answers).sort(byCodeUnits).forEach(function (id) {
        lines.push("answer\t" + id + "\t" + module.answers[id]);
      });
    });
    record.scenarios.slice().sort(function (a, b) { return byCodeUnits(a.id, b.id); }).forEach(function (scenario) {
      lines.push("scenario\t" + scenario.id + "\t" + scenario.path.join(">"));
    });
    return lines.join("\n");
  }

  function verificationCode(record) {
    var subtle = window.crypto && window.crypto.subtle;
    if (!subtle || !window.TextEncoder) {
      return Promise.reject(new Error("This browser cannot compute the record's verification code (it lacks the Web Crypto API)."));
    }
    return subtle.digest("SHA-256", new TextEncoder().encode(canonicalText(record))).then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      var hex = "";
      for (var i = 0; i < 6; i++) hex += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
      hex = hex.toUpperCase();
      return hex.slice(0, 4) + "-" + hex.slice(4, 8) + "-" + hex.slice(8, 12);
    });
  }

  function round(value) {
    return Math.round(value * 10000) / 10000;
  }

  // The average of the scores of the modules that have questions, or null when none has.
  function averageScore(record) {
    var scored = record.modules.filter(function (m) { return typeof m.score === "number"; });
    if (!scored.length) return null;
    return scored.reduce(function (sum, m) { return sum + m.score; }, 0) / scored.length;
  }

  /* ---------- CSV ---------- */

  // A cell a spreadsheet would run as a formula gets an apostrophe in front.
  function cell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }

  function csv(record, course) {
    var titles = {};
    course.modules.forEach(function (module) { titles[module.slug] = module.title; });
    var rows = [["Name", "Employee ID", "Course", "Course version", "Module", "Module title", "Status", "Score", "Passed", "Completed at"]];
    record.modules.forEach(function (module) {
      rows.push([record.learner.name, record.learner.employeeId, record.course.id, record.course.version,
        module.slug, titles[module.slug] || "", module.status,
        typeof module.score === "number" ? String(round(module.score)) : "",
        typeof module.passed === "boolean" ? String(module.passed) : "",
        module.completedAt || ""]);
    });
    return "\ufeff" + rows.map(function (row) { return row.map(cell).join(","); }).join("\r\n") + "\r\n";
  }

  // A date for people, "24 November 2026" in the course's language; "" for no date.
  function formatDay(iso, language) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return "";
    try {
      return date.toLocaleDateString(language || undefined, { year: "numeric", month: "long", day: "numeric" });
    } catch (error) {
      return String(iso).slice(0, 10);
    }
  }

  window.MeridianRecord = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    build: build,
    verificationCode: verificationCode,
    canonicalText: canonicalText,
    csv: csv,
    grade: grade,
    moduleResult: moduleResult,
    averageScore: averageScore,
    formatDay: formatDay,
    // Shared with import.js: the shape checks and the time arithmetic a merge needs.
    isObject: isObject,
    time: time,
    isTime: isTime,
    earlier: earlier,
    later: later
  };
})();
