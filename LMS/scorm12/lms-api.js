/* Finding and talking to a SCORM 1.2 LMS's API: `MeridianLMS`. A classic script.
 *
 * The LMS puts an object named API in a window above the course: a parent frame, or the
 * window that opened it. Every access is in try/catch, because a frame from another origin
 * throws when touched and an LMS's own functions may throw too.
 *
 *   MeridianLMS.find(callback)      → calls back with a connection once the API is found, or
 *                                     with null after a few seconds of looking
 *   connection.get(element)         → the LMS's value, "" when it has none
 *   connection.set(element, value)  → true when the LMS took it (its return value and its last
 *                                     error both say so); false otherwise
 *   connection.commit(), finish()   → true when the LMS took it; finish() runs once
 *   connection.onRefusal(callback)  → callback(element, code, words) when the LMS refuses
 */
(function () {
  "use strict";

  var MAX_FRAMES = 12, RETRY_MS = 250, GIVE_UP_MS = 4000;

  function apiIn(win) {
    try {
      var api = win.API;
      return api && typeof api.LMSInitialize !== "undefined" ? api : null;
    } catch (error) {
      return null;
    }
  }

  // This window, then up to MAX_FRAMES parents.
  function searchUp(win) {
    for (var depth = 0; win && depth <= MAX_FRAMES; depth++) {
      var api = apiIn(win);
      if (api) return api;
      var parent = null;
      try { parent = win.parent; } catch (error) { return null; }
      if (!parent || parent === win) return null;
      win = parent;
    }
    return null;
  }

  function locate() {
    var api = searchUp(window);
    if (api) return api;
    try {
      var top = window.top;
      return top && top.opener ? searchUp(top.opener) : null;
    } catch (error) {
      return null;
    }
  }

  function call(api, name, args) {
    try {
      return String(api[name].apply(api, args || []));
    } catch (error) {
      return "";
    }
  }

  function Connection(api) {
    var refusals = [];
    var finished = false;

    // A call succeeded when it returned "true" and the last error is "0" (or the LMS has none);
    // otherwise every onRefusal callback hears of it, with the LMS's error code and words.
    function checked(element, result) {
      var code = call(api, "LMSGetLastError");
      if (result === "true" && (code === "0" || code === "")) return true;
      var words = call(api, "LMSGetErrorString", [code]);
      refusals.forEach(function (callback) { callback(element, code || "?", words); });
      return false;
    }

    this.get = function (element) {
      return call(api, "LMSGetValue", [element]);
    };
    this.set = function (element, value) {
      if (finished) return false;
      return checked(element, call(api, "LMSSetValue", [element, String(value)]));
    };
    this.commit = function () {
      if (finished) return false;
      return checked("LMSCommit", call(api, "LMSCommit", [""]));
    };
    this.finish = function () {
      if (finished) return false;
      finished = true;
      return checked("LMSFinish", call(api, "LMSFinish", [""]));
    };
    this.onRefusal = function (callback) {
      refusals.push(callback);
    };
    this.initialize = function () {
      return checked("LMSInitialize", call(api, "LMSInitialize", [""]));
    };
  }

  function find(callback) {
    var started = Date.now();
    (function look() {
      var api = locate();
      if (api) return callback(new Connection(api));
      if (Date.now() - started >= GIVE_UP_MS) return callback(null);
      window.setTimeout(look, RETRY_MS);
    })();
  }

  window.MeridianLMS = { find: find };
})();
