/* The learner's progress record (the format named in the course data; README, "The
 * progress-record format"), built from what MeridianStore saved and graded by grading.js,
 * with its verification code and its xAPI statements (statements.js); and its CSV form.
 * A classic script after storage.js, course-data.js, grading.js and statements.js; used by
 * progress.js, certificate.js and import.js.
 *
 *   MeridianRecord.build(course, data, learner, now[, launch]) → Promise of the record; `launch`
 *       ({actor, registration, activityId} of an xAPI launch) changes only its statements' actor and context
 *   MeridianRecord.canonicalText(record)               → the text the verification code is computed over
 *   MeridianRecord.verificationCode(record)            → Promise of "XXXX-XXXX-XXXX"
 *   MeridianRecord.csv(record, course)                 → the CSV text, one row per module
 *   MeridianRecord.averageScore(record)                → the mean score of the modules with questions, or null
 *
 * The canonical text is the one `meridian records verify` builds (Sources/Records/
 * VerificationCode.swift); the golden table Tests/Fixtures/grading/grading-cases.json pins both.
 */
(function () {
  "use strict";

  var grading = window.MeridianGrading;
  if (!grading) return;
  var FORMAT = grading.course.record.format;
  var FORMAT_VERSION = grading.course.record.formatVersion;

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

  /* ---------- Building the record ---------- */

  function build(course, data, learner, now, launch) {
    data = isObject(data) ? data : {};
    var modules = isObject(data.modules) ? data.modules : {};
    var scenarios = isObject(data.scenarios) ? data.scenarios : {};
    var exportedAt = now || new Date().toISOString();
    var record = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      course: { id: course.id, title: course.title, version: course.version, language: course.language, contentHash: course.contentHash },
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
    // The seed that orders this learner's options, so an import shows them as they were.
    if (typeof data.seed === "number") record.seed = data.seed;
    var details = [];
    var plays = [];
    course.modules.forEach(function (module) {
      var saved = isObject(modules[module.slug]) ? modules[module.slug] : null;
      var result = grading.moduleResult(module, saved);
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
      var first = firstAnswers(module, saved);
      if (first) entry.firstAnswers = first;
      if (module.exam) {
        entry.attempts = result.attempts.length;
        entry.examAttempts = result.attempts.map(function (attempt) {
          return { drawn: attempt.drawn.slice(), answers: attempt.answers, score: attempt.score, submittedAt: attempt.submittedAt };
        });
      }
      record.modules.push(entry);
      details.push({ module: module, saved: saved, result: result, entry: entry });
      module.scenarios.forEach(function (scenario) {
        var entry = scenarioEntry(scenario, scenarios[scenario.id]);
        if (!entry) return;
        record.scenarios.push(entry);
        plays.push({ module: module, scenario: scenario, entry: entry, finishedAt: scenarios[scenario.id].finishedAt });
      });
    });
    record.completed = record.modules.length > 0 && record.modules.every(function (m) { return m.status === "completed"; });
    if (record.completed) {
      record.completedAt = record.modules.reduce(function (latest, m) { return later(latest, m.completedAt); }, null) || exportedAt;
    }
    return verificationCode(record).then(function (code) {
      record.verificationCode = code;
      return window.MeridianStatements.build(course, record, details, plays, launch);
    }).then(function (statements) {
      record.statements = statements;
      return record;
    });
  }

  /* The first response to each of the module's questions, for the trainers' item analysis
   * (`meridian records report --items`); null when none is known. Not a claim: nothing is
   * graded from it, and it is not in the verification code. */
  function firstAnswers(module, saved) {
    if (!saved || !isObject(saved.firstAnswers)) return null;
    var first = {};
    module.questions.forEach(function (question) {
      if (typeof saved.firstAnswers[question.id] === "string") first[question.id] = saved.firstAnswers[question.id];
    });
    return Object.keys(first).length ? first : null;
  }

  /* A played scenario as the record gives it: its replies played again by grading.js, or, for
   * one imported from a record made before replies were recorded, the path it gave. Nothing
   * for a scenario not played, or one that changed since so that its replies no longer fit. */
  function scenarioEntry(scenario, played) {
    if (!isObject(played)) return null;
    if (Array.isArray(played.replies) && played.replies.length) {
      var outcome = grading.play(scenario, played.replies);
      if (!outcome) return null;
      return { id: scenario.id, path: outcome.path, replies: played.replies.slice(), score: outcome.score, ending: outcome.ending };
    }
    if (!Array.isArray(played.path) || !played.path.length) return null;
    return {
      id: scenario.id,
      path: played.path.map(String),
      score: typeof played.score === "number" ? played.score : null,
      ending: grading.course.endings.indexOf(played.ending) !== -1 ? played.ending : null
    };
  }

  function earliestAnswer(saved) {
    if (!saved || !isObject(saved.answerTimes)) return saved && saved.answeredAt || null;
    return Object.keys(saved.answerTimes).reduce(function (first, id) { return earlier(first, saved.answerTimes[id]); }, null);
  }

  /* ---------- The verification code, as Sources/Records/VerificationCode.swift ---------- */

  function canonicalText(record) {
    var lines = [FORMAT + " " + FORMAT_VERSION, record.course.id, record.course.version, record.course.contentHash,
      record.learner.name, record.learner.employeeId, record.completed ? "true" : "false", record.completedAt || ""];
    var order = grading.byCodePoints;
    record.modules.slice().sort(function (a, b) { return order(a.slug, b.slug); }).forEach(function (module) {
      lines.push("module\t" + module.slug + "\t" + module.status);
      Object.keys(module.answers).sort(order).forEach(function (id) {
        lines.push("answer\t" + id + "\t" + module.answers[id]);
      });
      (Array.isArray(module.examAttempts) ? module.examAttempts : []).forEach(function (attempt, index) {
        var number = index + 1;
        lines.push("attempt\t" + number + "\t" + attempt.drawn.join(",") + "\t" + (attempt.submittedAt || ""));
        Object.keys(attempt.answers).sort(order).forEach(function (id) {
          lines.push("attempt-answer\t" + number + "\t" + id + "\t" + attempt.answers[id]);
        });
      });
    });
    record.scenarios.slice().sort(function (a, b) { return order(a.id, b.id); }).forEach(function (scenario) {
      var line = "scenario\t" + scenario.id + "\t" + scenario.path.join(">");
      if (Array.isArray(scenario.replies) && scenario.replies.length) line += "\t" + scenario.replies.join(",");
      lines.push(line);
    });
    return lines.join("\n");
  }

  function verificationCode(record) {
    var subtle = window.crypto && window.crypto.subtle;
    if (!subtle || !window.TextEncoder) {
      return Promise.reject(new Error(MeridianI18n.t("record.noCrypto")));
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
    var rows = [[MeridianI18n.t("record.csv.name"), MeridianI18n.t("record.csv.employeeId"), MeridianI18n.t("record.csv.course"),
      MeridianI18n.t("record.csv.courseVersion"), MeridianI18n.t("record.csv.module"), MeridianI18n.t("record.csv.moduleTitle"),
      MeridianI18n.t("record.csv.status"), MeridianI18n.t("record.csv.score"), MeridianI18n.t("record.csv.passed"),
      MeridianI18n.t("record.csv.completedAt")]];
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
