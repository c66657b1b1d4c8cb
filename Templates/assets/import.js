/* Importing a progress record on progress.html: reading the file, and merging it with what
 * MeridianStore holds without dropping newer data — per question the later answer (times
 * from the record's `answered` statements), per module the earliest visit and completion,
 * per scenario the later play. Grades with grading.js. A classic script after grading.js,
 * statements.js and record.js.
 *
 *   MeridianImport.read(text, course)             → the record, or throws an Error whose message says why not
 *   MeridianImport.merge(course, data, record, now) → {data, summary}: the store's data with the record merged in
 */
(function () {
  "use strict";

  var records = window.MeridianRecord;
  var grading = window.MeridianGrading;
  if (!records || !grading) return;

  var isObject = records.isObject, time = records.time, isTime = records.isTime;
  var earlier = records.earlier, later = records.later;

  function read(text, course) {
    if (text.length > course.record.maximumBytes) {
      throw new Error(MeridianI18n.t("import.tooLarge"));
    }
    var record;
    try {
      record = JSON.parse(text);
    } catch (error) {
      throw new Error(MeridianI18n.t("import.notJSON"));
    }
    if (!isObject(record) || record.format !== records.format) {
      throw new Error(MeridianI18n.t("import.notARecord"));
    }
    if (typeof record.formatVersion !== "number" || Math.floor(record.formatVersion) !== record.formatVersion || record.formatVersion < 1) {
      throw new Error(MeridianI18n.t("import.noVersion"));
    }
    if (record.formatVersion > records.formatVersion) {
      throw new Error(MeridianI18n.t("import.newerVersion", { version: record.formatVersion, supported: records.formatVersion }));
    }
    if (!isObject(record.course) || record.course.id !== course.id) {
      var unnamed = MeridianI18n.t("import.unnamedCourse");
      var other = isObject(record.course) ? (record.course.title ? MeridianI18n.t("import.quoted", { title: record.course.title })
        : String(record.course.id || unnamed)) : unnamed;
      throw new Error(MeridianI18n.t("import.otherCourse", { other: other, title: course.title }));
    }
    if (!Array.isArray(record.modules)) {
      throw new Error(MeridianI18n.t("import.noModules"));
    }
    return record;
  }

  // When each question of the record was answered, from its `answered` statements.
  function answerTimes(course, record) {
    var times = {};
    (Array.isArray(record.statements) ? record.statements : []).forEach(function (statement) {
      if (!isObject(statement) || !isObject(statement.verb) || statement.verb.id !== "http://adlnet.gov/expapi/verbs/answered") return;
      var id = isObject(statement.object) ? statement.object.id : null;
      if (typeof id === "string" && isTime(statement.timestamp)) times[id] = later(times[id], statement.timestamp);
    });
    return times;
  }

  /* An exam's submitted attempts from both sides, each once (the same questions drawn and
   * submitted at the same moment), in the order they were submitted. */
  function mergeAttempts(target, entry) {
    if (!isObject(target.exam)) target.exam = { attempts: [] };
    if (!Array.isArray(target.exam.attempts)) target.exam.attempts = [];
    var seen = {};
    function keyOf(attempt) { return attempt.submittedAt + "|" + attempt.drawn.join(","); }
    target.exam.attempts.forEach(function (attempt) { seen[keyOf(attempt)] = true; });
    (Array.isArray(entry.examAttempts) ? entry.examAttempts : []).forEach(function (attempt) {
      if (!isObject(attempt) || !Array.isArray(attempt.drawn) || !isTime(attempt.submittedAt)) return;
      var answers = {};
      if (isObject(attempt.answers)) Object.keys(attempt.answers).forEach(function (id) {
        if (typeof attempt.answers[id] === "string") answers[id] = attempt.answers[id];
      });
      var copy = { drawn: attempt.drawn.map(String), answers: answers, submittedAt: attempt.submittedAt };
      if (seen[keyOf(copy)]) return;
      seen[keyOf(copy)] = true;
      target.exam.attempts.push(copy);
    });
    target.exam.attempts.sort(function (a, b) { return time(a.submittedAt) - time(b.submittedAt); });
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
      var target = local || { answers: {}, answerTimes: {}, attempts: 0 };
      if (!isObject(target.answers)) target.answers = {};
      if (!isObject(target.answerTimes)) target.answerTimes = {};
      if (!isObject(target.firstAnswers)) target.firstAnswers = {};
      var theirFirst = isObject(entry.firstAnswers) ? entry.firstAnswers : {};
      module.questions.forEach(function (question) {
        var first = typeof theirFirst[question.id] === "string" ? theirFirst[question.id] : answers[question.id];
        if (typeof target.firstAnswers[question.id] !== "string" && typeof first === "string") target.firstAnswers[question.id] = first;
      });
      module.questions.forEach(function (question) {
        var response = answers[question.id];
        if (typeof response !== "string") return;
        var theirs = times[window.MeridianStatements.questionIri(course, module.slug, question.id)] || exportedAt;
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
      target.firstVisitedAt = earlier(target.firstVisitedAt, entry.firstVisitedAt) || target.firstVisitedAt || exportedAt;
      if (module.exam) mergeAttempts(target, entry);
      var result = grading.moduleResult(module, target);
      target.lastVisitedAt = later(target.lastVisitedAt, null) || entry.completedAt || target.firstVisitedAt;
      target.attempts = module.exam ? target.exam.attempts.length
        : Math.max(target.attempts || 0, typeof entry.attempts === "number" ? Math.floor(entry.attempts) : 0);
      target.questions = module.questions.length;
      if (result.status === "completed") {
        target.completedAt = earlier(target.completedAt, entry.status === "completed" ? entry.completedAt : null) ||
          target.completedAt || target.answeredAt || target.firstVisitedAt;
      }
      merged.modules[module.slug] = target;
      if (JSON.stringify(target) !== before) summary.modulesChanged++;
    });

    (Array.isArray(record.scenarios) ? record.scenarios : []).forEach(function (entry) {
      var played = isObject(entry) ? playedScenario(entry) : null;
      if (!played) return;
      var local = merged.scenarios[entry.id];
      if (isObject(local) && Array.isArray(local.path) && local.path.length) {
        var same = local.path.join(">") === played.path.join(">") &&
          String(local.replies || []) === String(played.replies || []);
        if (same || (isTime(local.finishedAt) && time(local.finishedAt) >= time(exportedAt))) {
          if (!same) summary.scenariosKept++;
          return;
        }
      }
      played.finishedAt = exportedAt;
      played.plays = (isObject(local) && local.plays ? local.plays : 0) + 1;
      merged.scenarios[entry.id] = played;
      summary.scenariosAdded++;
    });

    // The order of the options follows the record's seed, unless this browser already has
    // progress of its own shown in its own order.
    var hadProgress = Object.keys(isObject(data) && isObject(data.modules) ? data.modules : {}).some(function (slug) {
      return isObject(data.modules[slug].answers) && Object.keys(data.modules[slug].answers).length > 0;
    }) || Object.keys(isObject(data) && isObject(data.scenarios) ? data.scenarios : {}).length > 0;
    if (typeof record.seed === "number" && record.seed >= 0 && Math.floor(record.seed) === record.seed && !hadProgress) {
      merged.seed = record.seed;
    }

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

  /* A scenario of the record as MeridianStore keeps it: its replies when they still play
   * through the scenario; the path, score and ending of a record made before replies were
   * recorded; null for a scenario not in the course or replies that no longer fit it. */
  function playedScenario(entry) {
    var scenario = grading.scenario(entry.id);
    if (!scenario) return null;
    if (Array.isArray(entry.replies) && entry.replies.length) {
      var outcome = grading.play(scenario, entry.replies);
      return outcome ? { replies: entry.replies.slice(), path: outcome.path } : null;
    }
    if (!Array.isArray(entry.path) || !entry.path.length) return null;
    return {
      path: entry.path.map(String),
      score: typeof entry.score === "number" ? Math.max(0, Math.min(entry.score, 1)) : 0,
      ending: typeof entry.ending === "string" ? entry.ending : ""
    };
  }

  window.MeridianImport = { read: read, merge: merge };
})();
