/* The xAPI 1.0.3 statements of a progress record (README, "The progress-record format"):
 * `attempted` for every module opened, `answered` for every answered question as a
 * cmi.interaction activity, `passed` or `failed` and `completed` per module, `completed` for
 * each scenario played (a simulation activity) and for the course. Each statement's id is a
 * name-based UUID (version 5) of the fact it states, so exporting twice gives an LRS the same
 * ids, not the same facts twice. Every statement names the course version and content hash it
 * was made with, so `meridian records pull` can rebuild and regrade a record from statements
 * alone. A classic script after grading.js, used by record.js (and through it by the export
 * and the live sender, lrs-live.js: the one place statements are made).
 *
 *   MeridianStatements.build(course, record, details, plays[, launch]) → Promise of the statements;
 *       `details` holds, per module, {module (from course-data.js), saved (MeridianStore's
 *       record), result (graded), entry (the record's module)}; `plays`, per scenario played,
 *       {module, scenario (from course-data.js), entry (the record's scenario), finishedAt};
 *       `launch`, when the site was opened by an xAPI launch, {actor, registration, activityId}:
 *       the launcher's actor replaces the learner's; the registration, and the launcher's
 *       activity id when it is not the course's, go in every context
 *   MeridianStatements.statementId(courseId, learner, verbId, objectId, timestamp) → Promise of the id
 *   MeridianStatements.actorKey(course, actor)  → the learner's part of a statement id
 *   MeridianStatements.questionIri(course, slug, questionId) → the activity id of a question
 */
(function () {
  "use strict";

  var XAPI = "http://adlnet.gov/expapi/";

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isTime(value) {
    return typeof value === "string" && !isNaN(Date.parse(value));
  }

  function round(value) {
    return Math.round(value * 10000) / 10000;
  }

  // RFC 4122's namespace for names that are URLs.
  var URL_NAMESPACE = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

  function hexBytes(hex) {
    var bytes = [];
    hex.replace(/-/g, "").replace(/../g, function (pair) { bytes.push(parseInt(pair, 16)); return ""; });
    return bytes;
  }

  /* The statement's id: a version 5 UUID in the URL namespace of the text
   * "<course id>\n<learner's account name>\n<verb id>\n<object id>\n<timestamp>". */
  function statementId(courseId, learner, verbId, objectId, timestamp) {
    var name = new TextEncoder().encode([courseId, learner, verbId, objectId, timestamp].join("\n"));
    var input = new Uint8Array(16 + name.length);
    input.set(hexBytes(URL_NAMESPACE), 0);
    input.set(name, 16);
    return window.crypto.subtle.digest("SHA-1", input).then(function (buffer) {
      var bytes = new Uint8Array(buffer).slice(0, 16);
      bytes[6] = (bytes[6] & 0x0f) | 0x50;
      bytes[8] = (bytes[8] & 0x3f) | 0x80;
      var hex = Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
      return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
    });
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
    return { id: XAPI + "verbs/" + name, display: { "en-US": name } };
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
      interactionType: question.interactionType
    };
    // An exam's question has no key in the course data (its hash only), so none is stated.
    if (question.correctResponsesPattern) definition.correctResponsesPattern = question.correctResponsesPattern.slice();
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

  function scenarioActivity(course, module, scenario) {
    return {
      objectType: "Activity", id: moduleIri(course, module.slug) + "/scenarios/" + scenario.id,
      definition: { type: XAPI + "activities/simulation", name: languageMap(course, scenario.title) }
    };
  }

  /* The learner's part of a statement id: the account name of the site's own actor (whose
   * account's homePage is the course id); for a launcher's actor, its mbox, mbox_sha1sum or
   * openid, or its account's homePage and name joined by "|". */
  function actorKey(course, agent) {
    var account = agent.account;
    if (account && account.homePage === courseIri(course)) return account.name;
    if (account) return account.homePage + "|" + account.name;
    return agent.mbox || agent.mbox_sha1sum || agent.openid || "";
  }

  function context(course, module, launch) {
    var activities = { grouping: [{ objectType: "Activity", id: courseIri(course) }] };
    if (module) activities.parent = [{ objectType: "Activity", id: moduleIri(course, module.slug) }];
    if (launch && launch.activityId && launch.activityId !== courseIri(course)) {
      activities.other = [{ objectType: "Activity", id: String(launch.activityId) }];
    }
    var made = { contextActivities: activities, language: course.language || "en" };
    if (launch && launch.registration) made.registration = launch.registration;
    var extensions = {};
    extensions[courseIri(course) + "/xapi/course-version"] = String(course.version);
    extensions[courseIri(course) + "/xapi/content-hash"] = String(course.contentHash);
    made.extensions = extensions;
    return made;
  }

  function build(course, record, details, plays, launch) {
    var who = launch && isObject(launch.actor) ? launch.actor : actor(course, record.learner);
    var list = [];
    function add(verbName, object, result, module, timestamp) {
      var statement = { id: null, actor: who, verb: verb(verbName), object: object };
      if (result) statement.result = result;
      statement.context = context(course, module, launch);
      statement.timestamp = isTime(timestamp) ? timestamp : record.exportedAt;
      statement.version = "1.0.3";
      list.push(statement);
    }
    details.forEach(function (detail) {
      var module = detail.module;
      var saved = detail.saved;
      var result = detail.result;
      if (result.status === "not-started") return;
      add("attempted", moduleActivity(course, module), null, null, detail.entry.firstVisitedAt);
      if (module.exam) {
        examStatements(module, result);
      } else {
        practiceStatements(module, saved, result, detail.entry);
      }
      if (result.status === "completed") {
        var completion = { completion: true };
        if (typeof result.score === "number") {
          completion.score = { scaled: round(result.score), raw: result.right, min: 0, max: result.count };
          completion.success = true;
        }
        add("completed", moduleActivity(course, module), completion, null, detail.entry.completedAt);
      }
    });
    function practiceStatements(module, saved, result, entry) {
      var times = saved && isObject(saved.answerTimes) ? saved.answerTimes : {};
      var firsts = isObject(entry.firstAnswers) ? entry.firstAnswers : {};
      module.questions.forEach(function (question) {
        var response = result.answers[question.id];
        if (response === undefined) return;
        var answer = { response: response, success: window.MeridianGrading.isCorrect(question, response) };
        if (typeof firsts[question.id] === "string") {
          answer.extensions = {};
          answer.extensions[courseIri(course) + "/xapi/first-response"] = firsts[question.id];
        }
        add("answered", interaction(course, module, question), answer, module, times[question.id] || (saved && saved.answeredAt));
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
    }
    /* An exam: each submitted attempt's answers, and `passed` or `failed` for the attempt with
     * its score, the attempt's number and the questions drawn, at the moment it was submitted. */
    function examStatements(module, result) {
      result.attempts.forEach(function (attempt, index) {
        var number = {};
        number[courseIri(course) + "/xapi/attempt"] = index + 1;
        attempt.drawn.forEach(function (id) {
          var question = window.MeridianGrading.question(id);
          var response = attempt.answers[id];
          if (!question || typeof response !== "string") return;
          add("answered", interaction(course, module, question),
            { response: response, success: window.MeridianGrading.isCorrect(question, response), extensions: number },
            module, attempt.submittedAt);
        });
        var extensions = {};
        extensions[courseIri(course) + "/xapi/attempt"] = index + 1;
        extensions[courseIri(course) + "/xapi/drawn"] = attempt.drawn.slice();
        add(attempt.passed ? "passed" : "failed", moduleActivity(course, module),
          { score: { scaled: round(attempt.score), raw: attempt.right, min: 0, max: attempt.count }, success: !!attempt.passed,
            extensions: extensions }, null, attempt.submittedAt);
      });
    }
    (plays || []).forEach(function (played) {
      var entry = played.entry;
      var result = { completion: true, response: window.MeridianGrading.response(entry.path) };
      if (typeof entry.score === "number") result.score = { scaled: round(entry.score) };
      var extensions = {};
      if (entry.ending) extensions[courseIri(course) + "/xapi/ending"] = entry.ending;
      if (entry.replies) extensions[courseIri(course) + "/xapi/replies"] = entry.replies.slice();
      if (Object.keys(extensions).length) result.extensions = extensions;
      add("completed", scenarioActivity(course, played.module, played.scenario), result, played.module, played.finishedAt);
    });
    if (record.completed) {
      var scored = record.modules.filter(function (m) { return typeof m.score === "number"; });
      var result = { completion: true, success: true };
      if (scored.length) result.score = { scaled: round(window.MeridianRecord.averageScore(record)) };
      add("completed", courseActivity(course), result, null, record.completedAt);
    }
    return Promise.all(list.map(function (statement) {
      return statementId(course.id, actorKey(course, who), statement.verb.id, statement.object.id, statement.timestamp);
    })).then(function (ids) {
      ids.forEach(function (id, index) { list[index].id = id; });
      return list;
    });
  }

  window.MeridianStatements = { build: build, statementId: statementId, actorKey: actorKey, questionIri: questionIri };
})();
