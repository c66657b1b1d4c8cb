/* Meridian's one place for a learner's progress: `MeridianStore`.
 *
 * A classic script (no modules, no fetch: the site must work from file://). It keeps one
 * record per course in localStorage under the key "<course id>:progress" — localStorage is
 * shared by every file:// page on the machine, so the course id keeps courses apart. When
 * storage is missing, refuses (disabled, private mode) or is full, it keeps going in memory
 * and shows a notice on the page that progress will not be saved.
 *
 * It stores what the learner did — visits, answers and when they were given, the replies
 * taken in scenarios — never a grade: scores, passes and statuses are worked out from these by
 * grading.js whenever a page shows them.
 *
 * The API (documented in Templates/CONTEXT.md):
 *   MeridianStore.courseId
 *   MeridianStore.isPersistent()                      → true when progress survives a reload
 *   MeridianStore.seed()                              → this learner's seed for the order of options (made once)
 *   MeridianStore.recordVisit(slug)                   → the module's record
 *   MeridianStore.recordAnswer(slug, questionId, response, total) → the module's record
 *   MeridianStore.recordCompletion(slug)              → notes when the module was first completed
 *   MeridianStore.startExamAttempt(slug, drawn)       → opens an exam attempt on the drawn question ids
 *   MeridianStore.recordExamAnswer(slug, questionId, response) → an answer in the open attempt (null: none)
 *   MeridianStore.submitExamAttempt(slug)             → closes the open attempt; the module's record
 *   MeridianStore.getModule(slug)                     → a copy of the module's record, or null
 *   MeridianStore.recordScenario(id, replies, path)   → the scenario's record
 *   MeridianStore.getScenario(id)                     → a copy of the scenario's record, or null
 *   MeridianStore.recordSection(slug, id)             → remembers the section of the module last read
 *   MeridianStore.setLearner(name, employeeId)        → remembers who is learning (for the export)
 *   MeridianStore.getLearner()                        → {name, employeeId}, empty strings when unknown
 *   MeridianStore.all()                               → a copy of everything
 *   MeridianStore.replaceAll(data)                    → replaces everything (import)
 *   MeridianStore.clear()                             → forgets everything of this course
 *   MeridianStore.onChange(callback)                  → callback(all, change); returns an unsubscribe function
 * The page names its course on <body data-course-id="…">.
 *
 * The data: {course: the course id, seed: a number, modules: {slug: {firstVisitedAt, lastVisitedAt, lastSection, answers {qid: response},
 * firstAnswers {qid: the first response given},
 * answerTimes {qid: ISO time}, answeredAt, attempts, questions, completedAt,
 * exam {attempts: [{drawn: [qid], answers {qid: response}, startedAt, submittedAt}],
 *       open: {drawn, answers, startedAt}} (exam modules only)}},
 * scenarios: {id: {replies, path, finishedAt, plays}}, learner: {name, employeeId}}.
 * A scenario imported from a record made before replies were recorded has a path, a score and
 * an ending instead of replies.
 *
 * What is read back is checked part by part: a value that is not JSON, has the wrong shape or
 * names another course loses only its damaged parts, is kept as it was under
 * "<course id>:progress:damaged", and the page says what was reset and why. When storage is
 * missing, refused or full, the page says so and progress goes on in memory.
 */
(function () {
  "use strict";

  var body = document.body;
  var courseId = (body && body.getAttribute("data-course-id")) || "meridian-course";
  var key = courseId + ":progress";
  var listeners = [];

  function emptyData() {
    return { modules: {}, scenarios: {} };
  }

  function copy(value) {
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }

  function now() {
    return new Date().toISOString();
  }

  function isQuotaError(error) {
    return !!error && (error.name === "QuotaExceededError" || error.code === 22 || error.code === 1014);
  }

  // localStorage, or null when it cannot be used; `full` when it can be read but not written.
  // Reading the property alone can throw.
  function openStorage() {
    var storage;
    try {
      storage = window.localStorage;
      var probe = key + ":probe";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      return { storage: storage, full: false };
    } catch (error) {
      return storage && isQuotaError(error) ? { storage: storage, full: true } : { storage: null, full: false };
    }
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isCount(value) {
    return typeof value === "number" && value >= 0 && Math.floor(value) === value;
  }

  /* Only the shape this file writes is kept, part by part, so that a damaged or foreign value
   * never breaks a page and a damaged part does not cost the good ones. `lost` collects a
   * few words for each part that had to go. Records of earlier versions of the site are
   * read as they are: their extra fields (correct, score, passed) are simply not used. */
  function cleaned(value, lost) {
    var result = emptyData();
    if (value === null) return result;
    if (!isObject(value)) {
      lost.push(MeridianI18n.t("storage.lost.notARecord"));
      return result;
    }
    if (typeof value.course === "string" && value.course !== courseId) {
      lost.push(MeridianI18n.t("storage.lost.otherCourse", { course: value.course }));
      return result;
    }
    if (isCount(value.seed)) result.seed = value.seed;
    cleanEach(value.modules, result.modules, cleanModule, "module", lost);
    cleanEach(value.scenarios, result.scenarios, cleanScenario, "scenario", lost);
    if (value.learner !== undefined) {
      if (isObject(value.learner) && typeof value.learner.name === "string" && typeof value.learner.employeeId === "string") {
        result.learner = { name: value.learner.name, employeeId: value.learner.employeeId };
      } else {
        lost.push(MeridianI18n.t("storage.lost.learner"));
      }
    }
    return result;
  }

  function cleanEach(entries, into, clean, noun, lost) {
    if (entries === undefined) return;
    if (!isObject(entries)) {
      lost.push(noun === "module" ? MeridianI18n.t("storage.lost.everyModule") : MeridianI18n.t("storage.lost.everyScenario"));
      return;
    }
    var bad = 0;
    Object.keys(entries).forEach(function (id) {
      var entry = isObject(entries[id]) ? clean(entries[id]) : null;
      if (entry) into[id] = entry; else bad++;
    });
    if (bad) {
      lost.push(noun === "module" ? MeridianI18n.t("storage.lost.modules", { count: bad })
        : MeridianI18n.t("storage.lost.scenarios", { count: bad }));
    }
  }

  function texts(value) {
    var out = {};
    if (isObject(value)) Object.keys(value).forEach(function (id) { if (typeof value[id] === "string") out[id] = value[id]; });
    return out;
  }

  function cleanModule(entry) {
    var module = { answers: texts(entry.answers), firstAnswers: texts(entry.firstAnswers), answerTimes: texts(entry.answerTimes),
      attempts: isCount(entry.attempts) ? entry.attempts : 0 };
    ["firstVisitedAt", "lastVisitedAt", "answeredAt", "completedAt", "lastSection"].forEach(function (field) {
      if (typeof entry[field] === "string") module[field] = entry[field];
    });
    if (isCount(entry.questions)) module.questions = entry.questions;
    if (isObject(entry.exam)) {
      var exam = { attempts: [] };
      if (Array.isArray(entry.exam.attempts)) {
        exam.attempts = entry.exam.attempts.map(function (attempt) { return cleanAttempt(attempt, true); })
          .filter(function (attempt) { return attempt; });
      }
      var open = cleanAttempt(entry.exam.open, false);
      if (open) exam.open = open;
      module.exam = exam;
    }
    return module;
  }

  function cleanAttempt(attempt, submitted) {
    if (!isObject(attempt) || !Array.isArray(attempt.drawn) || !attempt.drawn.length ||
        !attempt.drawn.every(function (id) { return typeof id === "string"; })) return null;
    if (submitted && typeof attempt.submittedAt !== "string") return null;
    var clean = { drawn: attempt.drawn.slice(), answers: texts(attempt.answers) };
    if (typeof attempt.startedAt === "string") clean.startedAt = attempt.startedAt;
    if (submitted) clean.submittedAt = attempt.submittedAt;
    return clean;
  }

  function cleanScenario(entry) {
    var scenario = {
      path: Array.isArray(entry.path) ? entry.path.filter(function (step) { return typeof step === "string"; }) : [],
      plays: isCount(entry.plays) ? entry.plays : 1
    };
    if (Array.isArray(entry.replies) && entry.replies.length && entry.replies.every(function (r) { return isCount(r) && r > 0; })) {
      scenario.replies = entry.replies.slice();
    } else if (typeof entry.score === "number" && typeof entry.ending === "string") {
      scenario.score = entry.score; // a scenario imported from a record made before replies were recorded
      scenario.ending = entry.ending;
    } else {
      return null;
    }
    if (typeof entry.finishedAt === "string") scenario.finishedAt = entry.finishedAt;
    return scenario;
  }

  /* What is saved, cleaned. A value that is damaged in any way is also kept as it was under
   * "<key>:damaged", so nothing is lost for good, and the page says what was reset. */
  function load(storage) {
    if (!storage) return emptyData();
    var text = storage.getItem(key);
    var lost = [];
    var result;
    try {
      result = cleaned(JSON.parse(text || "null"), lost);
    } catch (error) {
      lost.push(MeridianI18n.t("storage.lost.unreadable"));
      result = emptyData();
    }
    if (lost.length) {
      try { storage.setItem(key + ":damaged", text); } catch (ignored) { /* full: nothing more to do */ }
      resetNotice = MeridianI18n.t("storage.reset", { lost: lost.join(MeridianI18n.t("storage.lost.separator")) });
    }
    return result;
  }

  var REFUSED = MeridianI18n.t("storage.refused");
  var FULL = MeridianI18n.t("storage.full");
  var shown = {};

  // A notice at the top of the page's main content, once per kind.
  function showNotice(text) {
    if (shown[text] || !body) return;
    shown[text] = true;
    var notice = document.createElement("p");
    notice.className = "storage-notice";
    notice.setAttribute("role", "status");
    notice.textContent = text;
    var main = document.getElementById("main") || body;
    main.insertBefore(notice, main.firstChild);
  }

  var resetNotice = null;
  var opened = openStorage();
  var storage = opened.storage;
  var persistent = storage !== null && !opened.full;
  var data = load(storage);
  if (resetNotice && persistent) save({ type: "repair" }, true);

  function save(change, quietly) {
    if (persistent) {
      data.course = courseId;
      try {
        storage.setItem(key, JSON.stringify(data));
      } catch (error) {
        persistent = false; // full or refused: keep going in memory from now on
        showNotice(isQuotaError(error) ? FULL : REFUSED);
      }
    }
    if (!quietly) notify(change);
  }

  function notify(change) {
    var snapshot = copy(data);
    listeners.slice().forEach(function (listener) {
      try {
        listener(snapshot, change);
      } catch (error) {
        if (window.console) console.error(error);
      }
    });
  }

  function moduleRecord(slug) {
    var record = data.modules[slug];
    if (!isObject(record)) {
      record = data.modules[slug] = { answers: {}, attempts: 0 };
    }
    if (!isObject(record.answers)) record.answers = {};
    if (!isObject(record.firstAnswers)) record.firstAnswers = {};
    if (!isObject(record.answerTimes)) record.answerTimes = {};
    return record;
  }

  function countAnswered(record) {
    return Object.keys(record.answers).length;
  }

  var store = {
    courseId: courseId,

    isPersistent: function () {
      return persistent;
    },

    /* A random number drawn once for this learner, which orders the options they see. */
    seed: function () {
      if (!isCount(data.seed)) {
        var drawn = new Uint32Array(1);
        window.crypto.getRandomValues(drawn);
        data.seed = drawn[0];
        save({ type: "seed" });
      }
      return data.seed;
    },

    recordVisit: function (slug) {
      var record = moduleRecord(slug);
      var time = now();
      if (!record.firstVisitedAt) record.firstVisitedAt = time;
      record.lastVisitedAt = time;
      save({ type: "visit", module: slug });
      return copy(record);
    },

    /* Saves a checked answer. `response` is in the xAPI response-pattern form; `total` is
     * the number of questions in the module. An attempt is one pass through the quiz: the
     * first answer starts attempt 1, and answering again after every question has an answer
     * starts the next one. */
    recordAnswer: function (slug, questionId, response, total) {
      var record = moduleRecord(slug);
      var time = now();
      if (!record.firstVisitedAt) record.firstVisitedAt = time;
      var questions = Math.max(parseInt(total, 10) || 0, 1);
      if (!record.attempts || countAnswered(record) >= questions) record.attempts = (record.attempts || 0) + 1;
      // The first answer only: one saved by an earlier site, which kept no first answers, is not.
      if (typeof record.answers[questionId] !== "string" && typeof record.firstAnswers[questionId] !== "string") {
        record.firstAnswers[questionId] = String(response);
      }
      record.answers[questionId] = String(response);
      record.answerTimes[questionId] = time;
      record.questions = questions;
      record.answeredAt = time;
      save({ type: "answer", module: slug, question: questionId });
      return copy(record);
    },

    /* Notes the moment a module was first completed (grading.js says when). */
    recordCompletion: function (slug) {
      var record = moduleRecord(slug);
      if (record.completedAt) return;
      record.completedAt = record.answeredAt || now();
      save({ type: "completion", module: slug });
    },

    /* An exam attempt: opened on the question ids drawn for it, answered question by question
     * (answers may change until it is submitted), then submitted once. Submitting copies its
     * answers into the module's answers and first answers, as a practice module keeps them. */
    startExamAttempt: function (slug, drawn) {
      var record = moduleRecord(slug);
      var time = now();
      if (!record.firstVisitedAt) record.firstVisitedAt = time;
      if (!isObject(record.exam)) record.exam = { attempts: [] };
      record.exam.open = { drawn: drawn.map(String), answers: {}, startedAt: time };
      save({ type: "exam-start", module: slug });
      return copy(record);
    },

    recordExamAnswer: function (slug, questionId, response) {
      var record = moduleRecord(slug);
      if (!isObject(record.exam) || !isObject(record.exam.open)) return copy(record);
      if (response === null) delete record.exam.open.answers[questionId];
      else record.exam.open.answers[questionId] = String(response);
      save({ type: "exam-answer", module: slug, question: questionId });
      return copy(record);
    },

    submitExamAttempt: function (slug) {
      var record = moduleRecord(slug);
      if (!isObject(record.exam) || !isObject(record.exam.open)) return copy(record);
      var attempt = record.exam.open;
      var time = now();
      attempt.submittedAt = time;
      delete record.exam.open;
      record.exam.attempts.push(attempt);
      Object.keys(attempt.answers).forEach(function (id) {
        if (typeof record.answers[id] !== "string" && typeof record.firstAnswers[id] !== "string") {
          record.firstAnswers[id] = attempt.answers[id];
        }
        record.answers[id] = attempt.answers[id];
        record.answerTimes[id] = time;
      });
      record.attempts = record.exam.attempts.length;
      record.answeredAt = time;
      save({ type: "exam-submit", module: slug });
      return copy(record);
    },

    getModule: function (slug) {
      return isObject(data.modules[slug]) ? copy(data.modules[slug]) : null;
    },

    /* Saves a finished scenario: `replies` the 1-based option chosen at each step, `path`
     * the step names from the start to the ending. */
    recordScenario: function (id, replies, path) {
      var record = {
        replies: (replies || []).map(Number),
        path: (path || []).map(String),
        finishedAt: now()
      };
      var previous = data.scenarios[id];
      record.plays = (isObject(previous) && previous.plays ? previous.plays : 0) + 1;
      data.scenarios[id] = record;
      save({ type: "scenario", scenario: id });
      return copy(record);
    },

    getScenario: function (id) {
      return isObject(data.scenarios[id]) ? copy(data.scenarios[id]) : null;
    },

    recordSection: function (slug, id) {
      var record = moduleRecord(slug);
      if (record.lastSection === id) return;
      record.lastSection = String(id);
      save({ type: "section", module: slug });
    },

    setLearner: function (name, employeeId) {
      data.learner = { name: String(name || ""), employeeId: String(employeeId || "") };
      save({ type: "learner" });
    },

    getLearner: function () {
      var learner = isObject(data.learner) ? data.learner : {};
      return { name: learner.name || "", employeeId: learner.employeeId || "" };
    },

    all: function () {
      return copy(data);
    },

    replaceAll: function (replacement) {
      data = cleaned(copy(replacement), []);
      save({ type: "replace" });
    },

    clear: function () {
      data = emptyData();
      save({ type: "clear" });
    },

    onChange: function (callback) {
      listeners.push(callback);
      return function () {
        listeners = listeners.filter(function (listener) { return listener !== callback; });
      };
    }
  };

  // Another tab or page of the same course changed the record.
  window.addEventListener("storage", function (event) {
    if (event.key !== key || !persistent) return;
    data = load(storage);
    notify({ type: "external" });
  });

  if (!storage) showNotice(REFUSED);
  else if (opened.full) showNotice(FULL);
  if (resetNotice) showNotice(resetNotice);
  window.MeridianStore = store;
})();
