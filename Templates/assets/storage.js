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
 *   MeridianStore.recordVisit(slug)                   → the module's record
 *   MeridianStore.recordAnswer(slug, questionId, response, total) → the module's record
 *   MeridianStore.recordCompletion(slug)              → notes when the module was first completed
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
 * The data: {modules: {slug: {firstVisitedAt, lastVisitedAt, lastSection, answers {qid: response},
 * answerTimes {qid: ISO time}, answeredAt, attempts, questions, completedAt}},
 * scenarios: {id: {replies, path, finishedAt, plays}}, learner: {name, employeeId}}.
 * A scenario imported from a record made before replies were recorded has a path, a score and
 * an ending instead of replies.
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

  // localStorage, or null when it cannot be used. Reading the property alone can throw.
  function openStorage() {
    try {
      var storage = window.localStorage;
      var probe = key + ":probe";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      return storage;
    } catch (error) {
      return null;
    }
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  // Accepts only the shape this file writes, so a damaged record never breaks a page.
  function normalised(data) {
    if (!isObject(data)) return emptyData();
    var result = {
      modules: isObject(data.modules) ? data.modules : {},
      scenarios: isObject(data.scenarios) ? data.scenarios : {}
    };
    if (isObject(data.learner)) {
      result.learner = {
        name: typeof data.learner.name === "string" ? data.learner.name : "",
        employeeId: typeof data.learner.employeeId === "string" ? data.learner.employeeId : ""
      };
    }
    return result;
  }

  // A record that is not JSON is kept under "<key>:damaged" rather than lost, and the
  // course starts afresh.
  function load(storage) {
    if (!storage) return emptyData();
    var text = storage.getItem(key);
    try {
      return normalised(JSON.parse(text || "null"));
    } catch (error) {
      try { storage.setItem(key + ":damaged", text); } catch (ignored) { /* full: nothing more to do */ }
      return emptyData();
    }
  }

  var storage = openStorage();
  var persistent = storage !== null;
  var data = load(storage);

  function save(change) {
    if (persistent) {
      try {
        storage.setItem(key, JSON.stringify(data));
      } catch (error) {
        persistent = false; // full: keep going in memory from now on
        showNotice();
      }
    }
    notify(change);
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
      data = normalised(copy(replacement));
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

  var noticeShown = false;
  function showNotice() {
    if (noticeShown || !body) return;
    noticeShown = true;
    var notice = document.createElement("p");
    notice.className = "storage-notice";
    notice.setAttribute("role", "status");
    notice.textContent = "This browser is not letting the course save anything, so your progress " +
      "will not be saved: answers and scores last only until you close or reload this page.";
    var main = document.getElementById("main") || body;
    main.insertBefore(notice, main.firstChild);
  }

  if (!persistent) showNotice();
  window.MeridianStore = store;
})();
