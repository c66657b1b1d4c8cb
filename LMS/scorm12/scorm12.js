/* The course in a SCORM 1.2 LMS: the launch page's script (scorm12.html). A classic script
 * after text.js, i18n.js (its notices are the catalogue's), storage.js, course-data.js, grading.js,
 * suspend-data.js and lms-api.js.
 *
 * The launch page stays loaded for the whole session and shows the course's pages in a frame,
 * so the LMS session is opened once and finished once however many pages the learner opens.
 * The pages themselves are the site's, unchanged: they keep the learner's progress in
 * MeridianStore (localStorage, shared with this page), and this script tells the LMS:
 *   - at launch: restores the progress the LMS kept (cmi.suspend_data) into the store, takes
 *     the learner's name and id, and opens the page the learner was on (cmi.core.lesson_location);
 *   - after every change: cmi.core.lesson_status (incomplete until every module is completed or
 *     is an exam with no attempt left, then passed or failed against the mastery score, failed
 *     whatever the score when an exam was failed in every attempt it allows), cmi.core.score on
 *     0–100 (an exam's best attempt counting, as grading.js grades it), one cmi.interactions
 *     record per answered practice question and one per drawn question of every submitted exam
 *     attempt, cmi.suspend_data, cmi.core.exit and the location; then LMSCommit, at most every
 *     COMMIT_MS;
 *   - when the page is hidden: commits; when it goes away: the session time and LMSFinish.
 * Grades come from MeridianGrading; nothing is read back from the LMS after the launch.
 * When no LMS answers, or it refuses a value, a notice says progress is kept on this device.
 */
(function () {
  "use strict";

  var COMMIT_MS = 2000;
  var store = window.MeridianStore, grading = window.MeridianGrading, codec = window.MeridianSuspendData;
  var course = grading.course;
  var frame = document.getElementById("course-frame");
  var notice = document.getElementById("lms-notice");
  var mastery = Number(document.body.getAttribute("data-mastery-score"));
  var started = new Date();

  var lms = null;          // the connection, while the session is open
  var written = {};        // element → the value last written, so nothing is written twice
  var reported = {};       // question id → the number of its interaction record; a submitted
                           // exam attempt's key (MeridianSuspendData.attemptKeys) → its first
  var reportedAnswer = {}; // question id → the response that record holds
  var place = "";          // the page and section the learner is on
  var commitTimer = null, lastCommit = 0, dirty = false;

  function say(text) {
    notice.textContent = text;
  }

  function keptHere(reason) {
    say(MeridianI18n.t("lms.keptHere", { reason: reason }));
  }

  /* ---------- Launch ---------- */

  function learnerName(scormName) {
    var parts = scormName.split(",");
    return parts.length === 2 ? (parts[1].trim() + " " + parts[0].trim()).trim() : scormName.trim();
  }

  // What the LMS kept, merged with what this browser holds for the same learner: an answer
  // given here after the LMS's copy was written wins, so nothing a failed save lost is lost.
  function restore(saved, learnerId) {
    var local = store.all();
    var sameLearner = !!local.learner && local.learner.employeeId === learnerId && learnerId !== "";
    var data = saved ? saved.data : { modules: {}, scenarios: {} };
    if (saved) reported = saved.reported;
    if (sameLearner) mergeLocal(data, local, saved ? saved.savedAt.toISOString() : "");
    course.modules.forEach(function (module) { completeIfPassed(module, data.modules[module.slug]); });
    Object.keys(data.scenarios).forEach(function (id) {
      var outcome = grading.play(grading.scenario(id), data.scenarios[id].replies);
      if (outcome) data.scenarios[id].path = outcome.path;
    });
    course.modules.forEach(function (module) {
      var answers = (data.modules[module.slug] || {}).answers || {};
      module.questions.forEach(function (q) { if (q.id in reported) reportedAnswer[q.id] = answers[q.id]; });
    });
    data.learner = local.learner;
    store.replaceAll(data);
  }

  function mergeLocal(data, local, savedAt) {
    Object.keys(local.modules || {}).forEach(function (slug) {
      var mine = local.modules[slug], theirs = data.modules[slug];
      if (!theirs || !savedAt) { data.modules[slug] = mine; return; }
      var exam = mine.exam || {};
      var newer = Object.keys(mine.answers || {}).some(function (id) { return (mine.answerTimes || {})[id] > savedAt; }) ||
        (exam.attempts || []).some(function (attempt) { return attempt.submittedAt > savedAt; }) ||
        !!(exam.open && exam.open.startedAt > savedAt);
      data.modules[slug] = newer ? mine : theirs;
    });
    Object.keys(local.scenarios || {}).forEach(function (id) {
      var mine = local.scenarios[id];
      if (!data.scenarios[id] || mine.finishedAt > savedAt) data.scenarios[id] = mine;
    });
  }

  function completeIfPassed(module, record) {
    if (record && !record.completedAt && grading.moduleResult(module, record).status === "completed") {
      record.completedAt = record.answeredAt || record.firstVisitedAt;
    }
  }

  // A page of this package, as lesson_location holds it ("modules/x.html#section"), or "".
  function pageWithin(text) {
    return /^(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\/)*[A-Za-z0-9_~-][A-Za-z0-9._~-]*\.html(?:#[A-Za-z0-9._~:%-]*)?$/.test(text) ? text : "";
  }

  function open(page) {
    frame.src = page || "index.html";
    frame.addEventListener("load", watchPage);
  }

  function launch(connection) {
    if (!connection || !connection.initialize()) {
      keptHere(connection ? MeridianI18n.t("lms.noSession") : MeridianI18n.t("lms.noSystem"));
      open("");
      return;
    }
    lms = connection;
    lms.onRefusal(function (element, code, words) {
      keptHere(words ? MeridianI18n.t("lms.refusedWithWords", { element: element, code: String(code), words: words })
        : MeridianI18n.t("lms.refused", { element: element, code: String(code) }));
    });
    var learnerId = lms.get("cmi.core.student_id");
    restore(codec.decode(course, lms.get("cmi.suspend_data")), learnerId);
    store.setLearner(learnerName(lms.get("cmi.core.student_name")), learnerId);
    place = pageWithin(lms.get("cmi.core.lesson_location"));
    write("cmi.core.score.min", "0");
    write("cmi.core.score.max", "100");
    report();
    store.onChange(changed);
    open(place);
  }

  /* ---------- What the LMS is told ---------- */

  function write(element, value) {
    if (!lms || written[element] === value) return;
    if (lms.set(element, value)) {
      written[element] = value;
      dirty = true;
    }
  }

  // An exam counts with its best attempt (grading.js's examResult). One that is not passed and
  // has no attempt left can never be completed: the course is then finished, and failed.
  function courseResult(data) {
    var results = course.modules.map(function (m) { return grading.moduleResult(m, (data.modules || {})[m.slug]); });
    var scored = results.filter(function (r) { return r.count > 0; });
    var score = scored.length ? scored.reduce(function (sum, r) { return sum + r.right / r.count; }, 0) / scored.length : null;
    var failedExam = course.modules.some(function (m, i) {
      return !!(m.exam && m.exam.attempts && results[i].status !== "completed" && results[i].attempts.length >= m.exam.attempts);
    });
    var done = results.every(function (r, i) {
      var m = course.modules[i];
      return r.status === "completed" || !!(m.exam && m.exam.attempts && r.attempts.length >= m.exam.attempts);
    });
    var begun = results.some(function (r) { return r.visited; }) || Object.keys(data.scenarios || {}).length > 0;
    return { score: score, done: done, failedExam: failedExam, begun: begun };
  }

  // 0–100 with at most two decimals, never rounded up past what was earned.
  function hundredths(score) {
    return String(Math.floor(score * 10000 + 1e-6) / 100);
  }

  function report() {
    var data = store.all();
    var result = courseResult(data);
    var raw = result.score === null ? 100 : Number(hundredths(result.score));
    write("cmi.core.lesson_status", !result.done ? "incomplete" : raw >= mastery && !result.failedExam ? "passed" : "failed");
    if (result.score !== null && (result.begun || written["cmi.core.score.raw"])) write("cmi.core.score.raw", hundredths(result.score));
    reportAnswers(data);
    var suspend = codec.encode(course, data, reported, new Date());
    if (suspend === null) keptHere(MeridianI18n.t("lms.tooLong"));
    else if (suspend !== written["cmi.suspend_data"]) write("cmi.suspend_data", suspend);
    if (result.begun) write("cmi.core.exit", "suspend");
    if (place) write("cmi.core.lesson_location", place);
  }

  function reportAnswers(data) {
    course.modules.forEach(function (module) {
      if (module.exam) { reportAttempts(module, (data.modules || {})[module.slug]); return; }
      var answers = ((data.modules || {})[module.slug] || {}).answers || {};
      module.questions.forEach(function (question) {
        var response = answers[question.id];
        if (typeof response === "string" && response !== reportedAnswer[question.id]) reportAnswer(question, response);
      });
    });
  }

  // After the last record written: a question's one, or an exam attempt's `draw` ones.
  function nextInteraction() {
    return Object.keys(reported).reduce(function (next, key) {
      var at = key.indexOf("@");
      var module = at > 0 ? grading.module(key.slice(0, at)) : null;
      return Math.max(next, reported[key] + (module && module.exam ? module.exam.draw : 1));
    }, 0);
  }

  /* Each submitted attempt of an exam, once: one record per drawn question, in the order drawn,
   * numbered on from the attempt's first (an unanswered question is a record without a
   * student_response, and wrong). An attempt is never reported again, even if the LMS refused
   * part of it, so that no record is written twice under two numbers. */
  function reportAttempts(module, saved) {
    var attempts = saved && saved.exam && Array.isArray(saved.exam.attempts) ? saved.exam.attempts : [];
    var keys = codec.attemptKeys(module.slug, attempts);
    attempts.forEach(function (attempt, i) {
      if (Object.prototype.hasOwnProperty.call(reported, keys[i])) return;
      var first = nextInteraction();
      reported[keys[i]] = first;
      dirty = true;
      attempt.drawn.slice(0, module.exam.draw).forEach(function (id, k) {
        var question = grading.question(id);
        if (!question) return;
        var response = typeof (attempt.answers || {})[id] === "string" ? attempt.answers[id] : null;
        var fields = window.MeridianInteraction.fields(question, response);
        fields.every(function (field) { return lms.set("cmi.interactions." + (first + k) + "." + field[0], field[1]); });
      });
    });
  }

  function reportAnswer(question, response) {
    var n = Object.prototype.hasOwnProperty.call(reported, question.id) ? reported[question.id] : nextInteraction();
    var fields = window.MeridianInteraction.fields(question, response);
    var prefix = "cmi.interactions." + n + ".";
    var ok = fields.every(function (field) { return lms.set(prefix + field[0], field[1]); });
    if (!ok) return;
    dirty = true;
    reported[question.id] = n;
    reportedAnswer[question.id] = response;
  }

  /* ---------- When ---------- */

  function changed() {
    if (!lms) return;
    try { followLocation(frame.contentWindow); } catch (error) { /* keep the last place */ }
    report();
    scheduleCommit();
  }

  function scheduleCommit() {
    if (!dirty || commitTimer) return;
    var wait = Math.max(0, lastCommit + COMMIT_MS - Date.now());
    commitTimer = window.setTimeout(commitNow, wait);
  }

  function commitNow() {
    window.clearTimeout(commitTimer);
    commitTimer = null;
    if (!lms || !dirty) return;
    dirty = false;
    lastCommit = Date.now();
    lms.commit();
  }

  // HHHH:MM:SS.SS
  function sessionTime() {
    var centiseconds = Math.floor((Date.now() - started.getTime()) / 10);
    var pad = function (value, width) { return String(value).padStart(width, "0"); };
    var seconds = Math.floor(centiseconds / 100);
    return pad(Math.min(Math.floor(seconds / 3600), 9999), 4) + ":" + pad(Math.floor(seconds / 60) % 60, 2) + ":" +
      pad(seconds % 60, 2) + "." + pad(centiseconds % 100, 2);
  }

  function finish() {
    if (!lms) return;
    report();
    write("cmi.core.session_time", sessionTime());
    var connection = lms;
    lms = null;
    window.clearTimeout(commitTimer);
    connection.finish();
  }

  // The page and section the learner is on, followed as they move through the course.
  function watchPage() {
    var inner;
    try { inner = frame.contentWindow; } catch (error) { return; }
    try {
      inner.addEventListener("hashchange", changed);
      if (inner.MeridianStore && !inner.MeridianStore.isPersistent()) inner.MeridianStore.onChange(pullFrom(inner));
    } catch (error) { /* a page from elsewhere: nothing to follow */ }
    changed();
  }

  function followLocation(inner) {
    try {
      var base = window.location.href.replace(/[^\/]*([?#].*)?$/, "");
      var href = inner.location.href;
      if (href.indexOf(base) !== 0) return;
      var rest = href.slice(base.length).replace(/\?[^#]*/, "");
      var hashAt = rest.indexOf("#");
      var page = pageWithin(hashAt < 0 ? rest : rest.slice(0, hashAt));
      if (!page) return;
      var section = hashAt < 0 ? lastSection(inner, page) : rest.slice(hashAt);
      place = pageWithin(page + section) && (page + section).length <= 255 ? page + section : page;
    } catch (error) { /* not readable: keep the last known place */ }
  }

  function lastSection(inner, page) {
    var slug = (page.match(/^modules\/(.+)\.html$/) || [])[1];
    var record = slug && inner.MeridianStore && inner.MeridianStore.getModule(slug);
    return record && record.lastSection ? "#" + record.lastSection : "";
  }

  // Without localStorage the pages cannot share the store; take their changes from them.
  function pullFrom(inner) {
    return function (all, change) {
      if (change.type !== "replace") store.replaceAll(all);
    };
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && lms) {
      report();
      write("cmi.core.session_time", sessionTime());
      dirty = true;
      commitNow();
    }
  });
  window.addEventListener("pagehide", finish);

  window.MeridianLMS.find(launch);
})();
