/* Live reporting to a Learning Record Store, for a site opened by an xAPI launch (README,
 * "Sending records to an LRS"): an LMS or launcher adds `endpoint`, `auth`, `actor` and,
 * optionally, `registration` and `activity_id` to the address. Without them this script does
 * nothing at all: no request, nothing stored.
 *
 * With them, every statement the learner's progress gives is sent to the LRS as it happens.
 * The statements are the ones the exported record carries, made by the one builder
 * (MeridianRecord.build → statements.js) with the launcher's actor and registration; this
 * script only sends, whatever the builder makes, and tells statements apart by their ids,
 * which are derived from the facts they state. What is waiting is kept in sessionStorage, so
 * a page change or a lost connection loses nothing: it is sent when the connection returns,
 * on the next page, or after a pause; what the LRS acknowledged is remembered, so nothing is
 * sent twice. The launch is kept in sessionStorage for this tab's session only, taken out of
 * the address bar, and never written to localStorage or into an exported file.
 *
 * A classic script on every page, after storage.js, course-data.js and grading.js; it loads
 * statements.js and record.js itself on pages that lack them, and only when launched.
 *
 *   MeridianLive.launch()  → the launch {endpoint, auth, actor, registration, activityId}, or null
 *   MeridianLive.pending() → the statements waiting to be sent
 *   MeridianLive.sync()    → Promise: the statements of the progress so far queued and sent
 */
(function () {
  "use strict";

  var store = window.MeridianStore;
  var grading = window.MeridianGrading;
  if (!store || !grading) return;
  var script = document.currentScript;
  var prefix = store.courseId + ":xapi-";
  var PARAMETERS = ["endpoint", "auth", "actor", "registration", "activity_id"];
  var BATCH = 50;
  var session = openSession();
  if (!session) return;

  function openSession() {
    try {
      return window.sessionStorage;
    } catch (error) {
      return null;
    }
  }

  function read(name, fallback) {
    try {
      var value = JSON.parse(session.getItem(prefix + name));
      return value === null ? fallback : value;
    } catch (error) {
      return fallback;
    }
  }

  function write(name, value) {
    try {
      session.setItem(prefix + name, JSON.stringify(value));
    } catch (error) { /* full: what waits is still in memory for this page */ }
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  // A launcher's actor; some give every field as a one-item list (the early Tin Can form).
  function agent(text) {
    var value;
    try { value = JSON.parse(text); } catch (error) { return null; }
    if (!isObject(value)) return null;
    var made = { objectType: "Agent" };
    ["name", "mbox", "mbox_sha1sum", "openid", "account"].forEach(function (field) {
      var item = Array.isArray(value[field]) ? value[field][0] : value[field];
      if (item !== undefined && item !== null) made[field] = item;
    });
    if (isObject(made.account)) {
      made.account = { homePage: String(made.account.homePage || ""), name: String(made.account.name || "") };
      if (!made.account.homePage || !made.account.name) delete made.account;
    } else {
      delete made.account;
    }
    var identified = ["mbox", "mbox_sha1sum", "openid", "account"].filter(function (field) { return made[field] !== undefined; });
    if (identified.length !== 1) return null;
    if (made.mbox && !/^mailto:/.test(made.mbox)) made.mbox = "mailto:" + made.mbox;
    return made;
  }

  // The launch in the address, kept for the session and taken out of the address bar.
  function takeLaunch() {
    var query = new URLSearchParams(window.location.search);
    if (!query.has("endpoint")) return;
    var endpoint = query.get("endpoint") || "";
    var actor = agent(query.get("actor") || "");
    if (/^https?:\/\//.test(endpoint) && actor) {
      write("launch", {
        endpoint: endpoint.replace(/\/?$/, "/"),
        auth: query.get("auth") || "",
        actor: actor,
        registration: query.get("registration") || null,
        activityId: query.get("activity_id") || null,
        startedAt: new Date().toISOString()
      });
    } else if (window.console) {
      window.console.warn(MeridianI18n.t("live.noLaunch"));
    }
    PARAMETERS.forEach(function (name) { query.delete(name); });
    var rest = query.toString();
    try {
      window.history.replaceState(window.history.state, "", window.location.pathname + (rest ? "?" + rest : "") + window.location.hash);
    } catch (error) { /* some file:// pages refuse; the launch is kept all the same */ }
  }

  takeLaunch();
  var launch = read("launch", null);
  if (!launch) return;

  var sending = false;
  var retryPause = 2000;
  var retryTimer = null;

  // statements.js and record.js, where the page does not load them already.
  function loadBuilder() {
    var needed = [];
    if (!window.MeridianStatements) needed.push("statements.js");
    if (!window.MeridianRecord) needed.push("record.js");
    var base = script && script.src ? script.src.replace(/[^\/]*$/, "") : "assets/";
    return needed.reduce(function (ready, name) {
      return ready.then(function () {
        return new Promise(function (resolve, reject) {
          var element = document.createElement("script");
          element.src = base + name;
          element.onload = resolve;
          element.onerror = function () { reject(new Error("cannot load " + name)); };
          document.head.appendChild(element);
        });
      });
    }, Promise.resolve());
  }

  function pending() {
    return read("queue", []);
  }

  /* Every statement of the progress so far, and those not yet sent into the queue. The
   * record's time is the launch's, so that a statement without a time of its own keeps its id. */
  function queueNew() {
    var context = { actor: launch.actor, registration: launch.registration, activityId: launch.activityId };
    return window.MeridianRecord.build(grading.course, store.all(), store.getLearner(), launch.startedAt, context).then(function (record) {
      var sent = read("sent", {});
      var queue = pending();
      var queued = {};
      queue.forEach(function (statement) { queued[statement.id] = true; });
      record.statements.forEach(function (statement) {
        if (!sent[statement.id] && !queued[statement.id]) queue.push(statement);
      });
      write("queue", queue);
    });
  }

  function post(batch) {
    var headers = { "Content-Type": "application/json", "X-Experience-API-Version": "1.0.3" };
    if (launch.auth) headers.Authorization = launch.auth;
    return window.fetch(launch.endpoint + "statements", { method: "POST", headers: headers, body: JSON.stringify(batch) })
      .then(function (response) { return response.status; });
  }

  function acknowledge(batch) {
    var sent = read("sent", {});
    var gone = {};
    batch.forEach(function (statement) { sent[statement.id] = true; gone[statement.id] = true; });
    write("sent", sent);
    write("queue", pending().filter(function (statement) { return !gone[statement.id]; }));
  }

  function retryLater() {
    if (retryTimer) return;
    retryTimer = window.setTimeout(function () {
      retryTimer = null;
      flush();
    }, retryPause);
    retryPause = Math.min(retryPause * 2, 60000);
  }

  /* Sends what waits, a batch at a time. Stored (200, 204): acknowledged. A batch the LRS
   * refuses as a whole (400, 409) is sent a statement at a time, and a statement it refuses
   * alone is set aside as acknowledged, with a note in the console, rather than sent forever.
   * Anything else (offline, a 5xx, wrong credentials) leaves the queue for later. */
  function flush() {
    if (sending) return Promise.resolve();
    var queue = pending();
    if (!queue.length) return Promise.resolve();
    if (navigator.onLine === false) return Promise.resolve();
    sending = true;
    var batch = queue.slice(0, BATCH);
    function done(more) {
      sending = false;
      return more ? flush() : undefined;
    }
    return post(batch).then(function (status) {
      if (status === 200 || status === 204) {
        retryPause = 2000;
        acknowledge(batch);
        return done(true);
      }
      if ((status === 400 || status === 409) && batch.length > 1) {
        return batch.reduce(function (chain, statement) {
          return chain.then(function () {
            return post([statement]).then(function (alone) {
              if (alone === 200 || alone === 204 || alone === 400 || alone === 409) acknowledge([statement]);
              if (alone === 400 || alone === 409) refused(statement, alone);
            });
          });
        }, Promise.resolve()).then(function () { return done(true); }, function () { done(false); retryLater(); });
      }
      if (status === 400 || status === 409) {
        acknowledge(batch);
        refused(batch[0], status);
        return done(true);
      }
      done(false);
      retryLater();
    }, function () {
      done(false);
      retryLater();
    });
  }

  function refused(statement, status) {
    if (window.console) window.console.warn(MeridianI18n.t("live.refused", { id: statement.id, status: String(status) }));
  }

  var syncing = Promise.resolve();
  function sync() {
    syncing = syncing.then(queueNew).then(flush, function (error) {
      if (window.console) window.console.warn(MeridianI18n.t("live.cannotMake", { error: String(error && error.message) }));
    });
    return syncing;
  }

  var debounce = null;
  function soon() {
    window.clearTimeout(debounce);
    debounce = window.setTimeout(sync, 250);
  }

  window.MeridianLive = {
    launch: function () { return read("launch", null); },
    pending: pending,
    sync: function () { return loadBuilder().then(sync); }
  };

  loadBuilder().then(function () {
    store.onChange(soon);
    window.addEventListener("online", function () { flush(); });
    sync();
  }, function (error) {
    if (window.console) window.console.warn(MeridianI18n.t("live.stopped", { error: error.message }));
  });
})();
