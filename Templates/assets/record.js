/* The learner's progress record (format "meridian-progress", version 1; README, "The
 * progress-record format"): built from what MeridianStore saved, with its verification code
 * and xAPI 1.0.3 statements; its CSV form; and the merge of an imported record. A classic
 * script after storage.js, status.js and course-data.js; used by progress.js and certificate.js.
 *
 *   MeridianRecord.build(course, data, learner, now)  → Promise of the record
 *   MeridianRecord.verificationCode(record)            → Promise of "XXXX-XXXX-XXXX"
 *   MeridianRecord.csv(record, course)                 → the CSV text, one row per module
 *   MeridianRecord.read(text, course)                  → the record in a file, or throws an Error whose message says why not
 *   MeridianRecord.merge(course, data, record, now)    → {data, summary}: the store's data with the record merged in
 *   MeridianRecord.grade(question, response)           → true when the response is right
 *
 * Grading, statuses and the verification code follow `meridian records verify` exactly
 * (Sources/Records): a record that this file builds is one the verifier accepts.
 */
(function () {
  "use strict";

  var FORMAT = "meridian-progress";
  var FORMAT_VERSION = 1;
  var SEPARATOR = "[,]";
  var MAX_BYTES = 8 * 1024 * 1024;
  var XAPI = "http://adlnet.gov/expapi/";
  var VERBS = {
    answered: "answered", passed: "passed", failed: "failed", completed: "completed"
  };

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function own(object, key) {
    return isObject(object) && Object.prototype.hasOwnProperty.call(object, key);
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
      record.statements = statements(course, record, details);
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

  /* ---------- xAPI 1.0.3 statements ---------- */

  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") return window.crypto.randomUUID();
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function courseIri(course) {
    return String(course.id).replace(/\/+$/, "");
  }

  function moduleIri(course, slug) {
    return courseIri(course) + "/modules/" + slug;
  }

  function questionIri(course, slug, questionId) {
    return moduleIri(course, slug) + "/questions/" + questionId;
  }

  function languageMap(course, text) {
    var map = {};
    map[course.language || "en"] = String(text);
    return map;
  }

  function actor(course, learner) {
    var agent = { objectType: "Agent" };
    if (learner.name) agent.name = learner.name;
    agent.account = { homePage: courseIri(course), name: learner.employeeId || learner.name || "anonymous" };
    return agent;
  }

  function verb(name) {
    return { id: XAPI + "verbs/" + name, display: { "en-US": VERBS[name] } };
  }

  function components(course, list) {
    return (list || []).map(function (component) {
      return { id: String(component.id), description: languageMap(course, component.text) };
    });
  }

  function interaction(course, module, question) {
    var definition = {
      type: XAPI + "activities/cmi.interaction",
      name: languageMap(course, question.prompt),
      interactionType: question.interactionType,
      correctResponsesPattern: question.correctResponsesPattern.slice()
    };
    if (question.choices) definition.choices = components(course, question.choices);
    if (question.source) definition.source = components(course, question.source);
    if (question.target) definition.target = components(course, question.target);
    return { objectType: "Activity", id: questionIri(course, module.slug, question.id), definition: definition };
  }

  function moduleActivity(course, module) {
    return {
      objectType: "Activity", id: moduleIri(course, module.slug),
      definition: { type: XAPI + "activities/module", name: languageMap(course, module.title) }
    };
  }

  function courseActivity(course) {
    return {
      objectType: "Activity", id: courseIri(course),
      definition: { type: XAPI + "activities/course", name: languageMap(course, course.title) }
    };
  }

  function context(course, module) {
    var activities = { grouping: [{ objectType: "Activity", id: courseIri(course) }] };
    if (module) activities.parent = [{ objectType: "Activity", id: moduleIri(course, module.slug) }];
    return { contextActivities: activities, language: course.language || "en" };
  }

  function statements(course, record, details) {
    var who = actor(course, record.learner);
    var list = [];
    function add(verbName, object, result, module, timestamp) {
      var statement = { id: uuid(), actor: who, verb: verb(verbName), object: object };
      if (result) statement.result = result;
      statement.context = context(course, module);
      statement.timestamp = isTime(timestamp) ? timestamp : record.exportedAt;
      statement.version = "1.0.3";
      list.push(statement);
    }
    details.forEach(function (detail) {
      var module = detail.module;
      var saved = detail.saved;
      var result = detail.result;
      if (result.status === "not-started") return;
      var times = saved && isObject(saved.answerTimes) ? saved.answerTimes : {};
      module.questions.forEach(function (question) {
        var response = result.answers[question.id];
        if (response === undefined) return;
        add("answered", interaction(course, module, question), { response: response, success: grade(question, response) },
          module, times[question.id] || (saved && saved.answeredAt));
      });
      var score = null;
      if (result.count) {
        score = { scaled: round(result.score), raw: result.right, min: 0, max: result.count };
        // Passed as soon as the answers pass; failed only once every question has an answer.
        if (result.passed || Object.keys(result.answers).length === result.count) {
          add(result.passed ? "passed" : "failed", moduleActivity(course, module),
            { score: score, success: result.passed }, null, saved && saved.answeredAt);
        }
      }
      if (result.status === "completed") {
        var completion = { completion: true };
        if (score) {
          completion.score = score;
          completion.success = true;
        }
        add("completed", moduleActivity(course, module), completion, null, detail.entry.completedAt);
      }
    });
    if (record.completed) {
      var scored = record.modules.filter(function (m) { return typeof m.score === "number"; });
      var result = { completion: true, success: true };
      if (scored.length) result.score = { scaled: round(averageScore(record)) };
      add("completed", courseActivity(course), result, null, record.completedAt);
    }
    return list;
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

  /* ---------- Reading and merging an imported record ---------- */

  function read(text, course) {
    if (text.length > MAX_BYTES) {
      throw new Error("This file is too large to be a progress record. Nothing was imported.");
    }
    var record;
    try {
      record = JSON.parse(text);
    } catch (error) {
      throw new Error("This file is not a progress record: it is not valid JSON. Choose the .json file exported from the Progress page. Nothing was imported.");
    }
    if (!isObject(record) || record.format !== FORMAT) {
      throw new Error("This file is not a progress record of this course. Choose the .json file exported from the Progress page. Nothing was imported.");
    }
    if (typeof record.formatVersion !== "number" || Math.floor(record.formatVersion) !== record.formatVersion || record.formatVersion < 1) {
      throw new Error("This progress record has no valid format version, so it cannot be read. Nothing was imported.");
    }
    if (record.formatVersion > FORMAT_VERSION) {
      throw new Error("This progress record was made with a newer version of the record format (version " + record.formatVersion +
        "); this course site reads version " + FORMAT_VERSION + ". Export it again from this version of the course, or ask for an updated course site. Nothing was imported.");
    }
    if (!isObject(record.course) || record.course.id !== course.id) {
      var other = isObject(record.course) ? (record.course.title ? "“" + record.course.title + "”" : String(record.course.id || "an unnamed course")) : "an unnamed course";
      throw new Error("This progress record is from another course (" + other + "), not from “" + course.title + "”. Nothing was imported.");
    }
    if (!Array.isArray(record.modules)) {
      throw new Error("This progress record lists no modules, so there is nothing to import. Nothing was imported.");
    }
    return record;
  }

  // When each question of the record was answered, from its `answered` statements.
  function answerTimes(course, record) {
    var times = {};
    (Array.isArray(record.statements) ? record.statements : []).forEach(function (statement) {
      if (!isObject(statement) || !isObject(statement.verb) || statement.verb.id !== XAPI + "verbs/answered") return;
      var id = isObject(statement.object) ? statement.object.id : null;
      if (typeof id === "string" && isTime(statement.timestamp)) times[id] = later(times[id], statement.timestamp);
    });
    return times;
  }

  function merge(course, data, record, now) {
    now = now || new Date().toISOString();
    var merged = JSON.parse(JSON.stringify(isObject(data) ? data : {}));
    if (!isObject(merged.modules)) merged.modules = {};
    if (!isObject(merged.scenarios)) merged.scenarios = {};
    var summary = { modulesChanged: 0, answersAdded: 0, answersReplaced: 0, answersKept: 0, scenariosAdded: 0,
      scenariosKept: 0, unknownModules: 0, learner: null, learnerKept: null };
    var times = answerTimes(course, record);
    var exportedAt = isTime(record.exportedAt) ? record.exportedAt : now;
    var incoming = {};
    record.modules.forEach(function (entry) {
      if (isObject(entry) && typeof entry.slug === "string") incoming[entry.slug] = entry;
    });
    var known = {};
    course.modules.forEach(function (module) { known[module.slug] = true; });
    Object.keys(incoming).forEach(function (slug) { if (!known[slug]) summary.unknownModules++; });

    course.modules.forEach(function (module) {
      var entry = incoming[module.slug];
      if (!entry) return;
      var answers = isObject(entry.answers) ? entry.answers : {};
      var visited = entry.status === "in-progress" || entry.status === "completed" || Object.keys(answers).length > 0;
      if (!visited) return;
      var local = isObject(merged.modules[module.slug]) ? merged.modules[module.slug] : null;
      var before = JSON.stringify(local);
      var target = local || { answers: {}, correct: {}, answerTimes: {}, attempts: 0, score: 0, passed: false };
      if (!isObject(target.answers)) target.answers = {};
      if (!isObject(target.correct)) target.correct = {};
      if (!isObject(target.answerTimes)) target.answerTimes = {};
      module.questions.forEach(function (question) {
        var response = answers[question.id];
        if (typeof response !== "string") return;
        var theirs = times[questionIri(course, module.slug, question.id)] || exportedAt;
        var mine = target.answerTimes[question.id] || target.answeredAt || null;
        if (typeof target.answers[question.id] !== "string") {
          summary.answersAdded++;
        } else if (target.answers[question.id] === response) {
          target.answerTimes[question.id] = earlier(mine, theirs) || theirs;
          return;
        } else if (mine && time(mine) >= time(theirs)) {
          summary.answersKept++;
          return;
        } else {
          summary.answersReplaced++;
        }
        target.answers[question.id] = response;
        target.answerTimes[question.id] = theirs;
        target.answeredAt = later(target.answeredAt, theirs);
      });
      module.questions.forEach(function (question) {
        if (typeof target.answers[question.id] === "string") target.correct[question.id] = grade(question, target.answers[question.id]);
      });
      target.firstVisitedAt = earlier(target.firstVisitedAt, entry.firstVisitedAt) || target.firstVisitedAt || exportedAt;
      var result = moduleResult(module, target, course.passScore);
      target.lastVisitedAt = later(target.lastVisitedAt, null) || entry.completedAt || target.firstVisitedAt;
      target.attempts = Math.max(target.attempts || 0, typeof entry.attempts === "number" ? Math.floor(entry.attempts) : 0);
      target.questions = module.questions.length;
      target.score = result.score === null ? 0 : result.score;
      target.passed = module.questions.length ? result.passed : false;
      if (result.status === "completed") {
        target.completedAt = earlier(target.completedAt, entry.status === "completed" ? entry.completedAt : null) ||
          target.completedAt || target.answeredAt || target.firstVisitedAt;
      }
      merged.modules[module.slug] = target;
      if (JSON.stringify(target) !== before) summary.modulesChanged++;
    });

    var scenarioIds = {};
    course.modules.forEach(function (module) { module.scenarios.forEach(function (id) { scenarioIds[id] = true; }); });
    (Array.isArray(record.scenarios) ? record.scenarios : []).forEach(function (entry) {
      if (!isObject(entry) || !scenarioIds[entry.id] || !Array.isArray(entry.path) || !entry.path.length) return;
      var local = merged.scenarios[entry.id];
      if (isObject(local) && Array.isArray(local.path) && local.path.length) {
        var same = local.path.join(">") === entry.path.join(">");
        if (same || (isTime(local.finishedAt) && time(local.finishedAt) >= time(exportedAt))) {
          if (!same) summary.scenariosKept++;
          return;
        }
      }
      merged.scenarios[entry.id] = {
        path: entry.path.map(String), replies: [],
        score: typeof entry.score === "number" ? Math.max(0, Math.min(entry.score, 1)) : 0,
        ending: typeof entry.ending === "string" ? entry.ending : "",
        finishedAt: exportedAt,
        plays: (isObject(local) && local.plays ? local.plays : 0) + 1
      };
      summary.scenariosAdded++;
    });

    var theirLearner = isObject(record.learner) ? record.learner : {};
    var mine = isObject(merged.learner) ? merged.learner : { name: "", employeeId: "" };
    ["name", "employeeId"].forEach(function (field) {
      var value = typeof theirLearner[field] === "string" ? theirLearner[field].trim() : "";
      if (!value) return;
      if (!mine[field]) {
        mine[field] = value;
        summary.learner = true;
      } else if (mine[field] !== value) {
        summary.learnerKept = summary.learnerKept || [];
        summary.learnerKept.push(field);
      }
    });
    merged.learner = { name: mine.name || "", employeeId: mine.employeeId || "" };
    return { data: merged, summary: summary };
  }

  window.MeridianRecord = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    build: build,
    verificationCode: verificationCode,
    canonicalText: canonicalText,
    csv: csv,
    read: read,
    merge: merge,
    grade: grade,
    averageScore: averageScore
  };
})();
