/* The one place the site grades: whether a response is right, a module's score, pass and
 * status, and a scenario's path, score and ending. Every page that shows a result asks this
 * script — quiz feedback, the statuses on the home page and in the sidebar, the progress page,
 * the certificate, the import and the exported record — so no two pages can disagree.
 *
 * It grades with the spec the build writes into course-data.js (window.MeridianCourse): each
 * question's key and how it is compared, the pass mark, each scenario's steps, replies,
 * points, endings and maximum. The rules are the ones `meridian records verify` regrades with
 * (Sources/CourseKit/Practice/Grading.swift and ScenarioPlay.swift); the golden table
 * Tests/Fixtures/grading/grading-cases.json holds both to the same answers.
 * A classic script after course-data.js.
 *
 *   MeridianGrading.course                          → the course data
 *   MeridianGrading.module(slug), question(id), scenario(id) → a spec from the course data, or null
 *   MeridianGrading.response(parts), pair(left, right) → a response in the xAPI response-pattern form
 *   MeridianGrading.parts(response), sides(pair)    → and back
 *   MeridianGrading.isCorrect(question, response)   → true when the response is right
 *   MeridianGrading.keyParts(question)              → the parts of the correct response
 *   MeridianGrading.partsRight(question, response)  → for feedback: items in the right place, pairs matched
 *   MeridianGrading.passes(right, count[, passScore]) → true or false; null for a module without questions
 *   MeridianGrading.neededToPass(count)             → how many right answers pass a module of `count` questions
 *   MeridianGrading.moduleResult(module, saved)     → {answers, right, count, score, passed, status, visited}
 *   MeridianGrading.play(scenario, replies)         → {path, points, score, ending}, or null when the
 *                                                      replies are not a finished play of the scenario
 *   MeridianGrading.scenarioScore(scenario, points) → points ÷ the scenario's maximum, between 0 and 1
 *   MeridianGrading.statusLabel(status)             → "Not started", "In progress" or "Completed"
 *   MeridianGrading.byCodePoints(a, b)              → sorts strings by Unicode code point
 */
(function () {
  "use strict";

  var course = window.MeridianCourse;
  if (!course) return;

  var SEPARATOR = "[,]";
  var PAIR = "[.]";

  var modules = {}, questions = {}, scenarios = {};
  course.modules.forEach(function (module) {
    modules[module.slug] = module;
    module.questions.forEach(function (question) { questions[question.id] = question; });
    module.scenarios.forEach(function (scenario) { scenarios[scenario.id] = scenario; });
  });

  function own(map, key) {
    return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : null;
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function keyOf(question) {
    return question.correctResponsesPattern[0];
  }

  function keyParts(question) {
    return keyOf(question).split(SEPARATOR);
  }

  // "set": the same parts in any order, each once; "sequence": the very same text.
  function isCorrect(question, response) {
    if (!question || typeof response !== "string") return false;
    if (question.compare === "sequence") return response === keyOf(question);
    var given = response.split(SEPARATOR);
    var wanted = {};
    keyParts(question).forEach(function (part) { wanted[part] = true; });
    var seen = {};
    for (var i = 0; i < given.length; i++) {
      if (seen[given[i]] || !own(wanted, given[i])) return false;
      seen[given[i]] = true;
    }
    return given.length === Object.keys(wanted).length;
  }

  // Feedback only, never a grade: how many items of an order stand in their place, or how
  // many pairs of a match are right.
  function partsRight(question, response) {
    var given = String(response).split(SEPARATOR);
    var key = keyParts(question);
    return key.filter(function (part, index) {
      return question.type === "order" ? given[index] === part : given.indexOf(part) !== -1;
    }).length;
  }

  function passes(right, count, passScore) {
    if (!(count > 0)) return null;
    var mark = typeof passScore === "number" ? passScore : course.passScore;
    return right / count >= mark - course.passTolerance;
  }

  function neededToPass(count) {
    for (var right = 0; right < count; right++) if (passes(right, count)) return right;
    return count;
  }

  /* A module graded from what the learner's browser saved for it (MeridianStore's record:
   * {firstVisitedAt, answers: {question id: response}}): started once opened or answered;
   * completed when its answers pass or, without questions, once opened. */
  function moduleResult(module, saved) {
    var answers = {};
    var right = 0;
    module.questions.forEach(function (question) {
      var response = isObject(saved) && isObject(saved.answers) ? own(saved.answers, question.id) : null;
      if (typeof response !== "string") return;
      answers[question.id] = response;
      if (isCorrect(question, response)) right++;
    });
    var count = module.questions.length;
    var visited = isObject(saved) && (!!saved.firstVisitedAt || Object.keys(answers).length > 0);
    if (!visited) {
      return { answers: answers, right: right, count: count, score: null, passed: null, status: "not-started", visited: false };
    }
    var passed = passes(right, count);
    return {
      answers: answers, right: right, count: count,
      score: count ? right / count : null,
      passed: passed,
      status: passed === false ? "in-progress" : "completed",
      visited: true
    };
  }

  function scenarioScore(scenario, points) {
    return scenario.maxPoints > 0 ? Math.min(Math.max(points / scenario.maxPoints, 0), 1) : 1;
  }

  // Follows the replies (1-based, as written in the source) from the start to an ending.
  function play(scenario, replies) {
    if (!scenario || !Array.isArray(replies)) return null;
    var name = scenario.start;
    var path = [name];
    var points = 0;
    for (var i = 0; i < replies.length; i++) {
      var step = own(scenario.steps, name);
      var reply = replies[i];
      if (!step || step.ending || typeof reply !== "number" || Math.floor(reply) !== reply ||
          reply < 1 || reply > step.options.length) return null;
      var option = step.options[reply - 1];
      points += option.points;
      name = option.next;
      path.push(name);
    }
    var last = own(scenario.steps, name);
    if (!last || !last.ending) return null;
    return { path: path, points: points, score: scenarioScore(scenario, points), ending: last.ending };
  }

  function statusLabel(status) {
    return own(course.statuses, status) || course.statuses["not-started"];
  }

  // Code-point order (not UTF-16 units), as `meridian records` sorts.
  function byCodePoints(a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < x.length && i < y.length; i++) {
      var d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d !== 0) return d < 0 ? -1 : 1;
    }
    return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
  }

  window.MeridianGrading = {
    course: course,
    module: function (slug) { return own(modules, slug); },
    question: function (id) { return own(questions, id); },
    scenario: function (id) { return own(scenarios, id); },
    response: function (parts) { return parts.map(String).join(SEPARATOR); },
    pair: function (left, right) { return left + PAIR + right; },
    parts: function (response) { return String(response).split(SEPARATOR); },
    sides: function (pair) { return String(pair).split(PAIR); },
    isCorrect: isCorrect,
    keyParts: keyParts,
    partsRight: partsRight,
    passes: passes,
    neededToPass: neededToPass,
    moduleResult: moduleResult,
    play: play,
    scenarioScore: scenarioScore,
    statusLabel: statusLabel,
    byCodePoints: byCodePoints
  };
})();
