/* Test helper, injected into a page of a built course (one that loads grading.js, record.js
 * and statements.js): random learners who open some modules, answer some questions (right
 * or wrong), walk some scenarios to an ending or abandon them midway, then export. Each
 * learner's progress is what MeridianStore would hold, and the record is built by the site's
 * own MeridianRecord.build, so the records are exactly what the browser exports.
 *
 *   window.RandomLearners.records(seed, count) → Promise of [record]
 *   window.RandomLearners.withCodes(records)   → Promise of the records with their verification codes recomputed
 */
(function () {
  "use strict";

  // mulberry32: a small seeded generator, so a failing learner can be made again.
  function generator(seed) {
    var state = seed >>> 0;
    return function () {
      state = (state + 0x6d2b79f5) >>> 0;
      var t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function shuffled(list, random) {
    var copy = list.slice();
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(random() * (i + 1));
      var held = copy[i]; copy[i] = copy[j]; copy[j] = held;
    }
    return copy;
  }

  function range(count) {
    var list = [];
    for (var i = 1; i <= count; i++) list.push(String(i));
    return list;
  }

  function permutations(list) {
    if (list.length < 2) return [list.slice()];
    var out = [];
    list.forEach(function (first, index) {
      permutations(list.slice(0, index).concat(list.slice(index + 1))).forEach(function (rest) { out.push([first].concat(rest)); });
    });
    return out;
  }

  /* The correct response. An exam's question carries only its key's hash, so the right one
   * is found by trying every response of its form against the site's own grading — which is
   * also what a determined learner could do (README, "Exams"). */
  function keyOf(question) {
    if (question.correctResponsesPattern) return question.correctResponsesPattern[0];
    var count = (question.choices || question.source || []).length;
    var candidates = [];
    if (question.type === "truefalse") candidates = ["true", "false"];
    else if (question.type === "single") candidates = range(count);
    else if (question.type === "multiple") {
      for (var mask = 1; mask < (1 << count); mask++) {
        candidates.push(range(count).filter(function (_, i) { return mask & (1 << i); }).join("[,]"));
      }
    } else if (question.type === "order") {
      candidates = permutations(range(count)).map(function (p) { return p.join("[,]"); });
    } else {
      candidates = permutations(range(count)).map(function (p) {
        return p.map(function (right, i) { return (i + 1) + "[.]" + right; }).join("[,]");
      });
    }
    return candidates.filter(function (c) { return window.MeridianGrading.isCorrect(question, c); })[0];
  }

  // A response to the question: its key about half the time, else a random one of its form.
  function response(question, random) {
    var key = keyOf(question);
    if (random() < 0.5) return key;
    var count = (question.choices || question.source || []).length;
    switch (question.type) {
      case "single": return String(1 + Math.floor(random() * count));
      case "multiple":
        var chosen = range(count).filter(function () { return random() < 0.5; });
        return (chosen.length ? chosen : ["1"]).join("[,]");
      case "truefalse": return random() < 0.5 ? "true" : "false";
      case "order": return shuffled(range(count), random).join("[,]");
      case "match":
        var rights = shuffled(range(count), random);
        return range(count).map(function (left, index) { return left + "[.]" + rights[index]; }).join("[,]");
    }
    return key;
  }

  // Random replies from the start; null when the walk is abandoned before an ending.
  function walk(scenario, random) {
    var name = scenario.start;
    var replies = [];
    for (var turn = 0; turn < 12; turn++) {
      var step = scenario.steps[name];
      if (step.ending) return replies;
      if (random() < 0.04) return null;
      var reply = 1 + Math.floor(random() * step.options.length);
      replies.push(reply);
      name = step.options[reply - 1].next;
    }
    return scenario.steps[name].ending ? replies : null;
  }

  function time(base, minutes) {
    return new Date(base + minutes * 60000).toISOString();
  }

  function learner(index, random) {
    var course = window.MeridianGrading.course;
    var base = Date.UTC(2026, 10, 1) + index * 86400000;
    var minute = 0;
    var data = { modules: {}, scenarios: {} };
    var everything = random() < 0.15; // some learners open every module and answer everything
    course.modules.forEach(function (module) {
      if (!everything && random() < 0.25) return;
      var saved = { firstVisitedAt: time(base, minute++), answers: {}, firstAnswers: {}, answerTimes: {}, attempts: 1 };
      if (module.exam) {
        // Up to the allowed attempts, each on a random draw, as MeridianStore keeps them.
        saved.exam = { attempts: [] };
        saved.attempts = 0;
        var tries = Math.floor(random() * ((module.exam.attempts || 3) + 1));
        for (var attempt = 0; attempt < tries; attempt++) {
          var drawn = shuffled(module.questions, random).slice(0, module.exam.draw);
          var given = {};
          drawn.forEach(function (question) {
            if (!everything && random() < 0.1) return;
            given[question.id] = everything && random() < 0.8 ? keyOf(question) : response(question, random);
            if (typeof saved.firstAnswers[question.id] !== "string") saved.firstAnswers[question.id] = given[question.id];
            saved.answers[question.id] = given[question.id];
          });
          saved.answeredAt = time(base, minute++);
          saved.exam.attempts.push({ drawn: drawn.map(function (q) { return q.id; }), answers: given, submittedAt: saved.answeredAt });
          saved.attempts++;
        }
      }
      if (!module.exam) module.questions.forEach(function (question) {
        if (!everything && random() < 0.3) return;
        saved.firstAnswers[question.id] = response(question, random);
        saved.answers[question.id] = everything && random() < 0.8 ? keyOf(question)
          : random() < 0.5 ? saved.firstAnswers[question.id] : response(question, random);
        saved.answerTimes[question.id] = saved.answeredAt = time(base, minute++);
      });
      var result = window.MeridianGrading.moduleResult(module, saved);
      if (result.status === "completed") saved.completedAt = saved.answeredAt || saved.firstVisitedAt;
      data.modules[module.slug] = saved;
      module.scenarios.forEach(function (scenario) {
        if (!everything && random() < 0.3) return;
        var replies = walk(scenario, random);
        if (!replies) return; // abandoned midway: the site saves only finished plays
        var played = window.MeridianGrading.play(scenario, replies);
        data.scenarios[scenario.id] = { replies: replies, path: played.path, finishedAt: time(base, minute++), plays: 1 };
      });
    });
    var who = { name: "Learner " + index + (index % 7 === 0 ? " Ñúñez-李" : ""), employeeId: index % 5 === 0 ? "" : "E-" + (1000 + index) };
    return window.MeridianRecord.build(course, data, who, time(base, minute + 60));
  }

  window.RandomLearners = {
    records: function (seed, count) {
      var random = generator(seed);
      var list = [];
      for (var i = 0; i < count; i++) list.push(learner(i, random));
      return Promise.all(list);
    },
    withCodes: function (records) {
      return Promise.all(records.map(function (record) {
        return window.MeridianRecord.verificationCode(record).then(function (code) {
          record.verificationCode = code;
          return record;
        });
      }));
    }
  };
})();
