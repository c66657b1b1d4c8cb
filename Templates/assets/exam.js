/* An exam module's page (front matter `assessment: exam`): each attempt draws the module's
 * `draw` questions for this learner, preferring questions not seen in an earlier attempt; the
 * learner answers them all, submits once, and only then sees the score and the feedback. A new
 * attempt draws again, up to the module's `attempts`. Answers are saved as they are given, so a
 * reload keeps the open attempt; grading is grading.js's, by the salted hashes of the keys
 * (the page holds no answer). A classic script after forms.js; practice modules are quiz.js's.
 *
 * What it reads from the page (written by the build):
 *   <article data-module="SLUG">, <form class="question" data-exam data-question="ID">  as for quiz.js
 *   <div class="exam-feedback" hidden> with [data-choice="N"] [data-feedback] and .explanation
 *       the feedback shown once the attempt is submitted
 */
(function () {
  "use strict";

  var article = document.querySelector("article[data-module]");
  var store = window.MeridianStore;
  var grading = window.MeridianGrading;
  var controls = window.MeridianForms;
  var shuffle = window.MeridianShuffle;
  if (!article || !store || !grading || !controls || !shuffle) return;

  var slug = article.getAttribute("data-module");
  var module = grading.module(slug);
  if (!module || !module.exam) return;
  var rules = module.exam;
  store.recordVisit(slug);

  var forms = Array.prototype.slice.call(article.querySelectorAll("form.question[data-question]"));
  if (!forms.length) return;
  var confirming = false;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function idOf(form) {
    return form.getAttribute("data-question");
  }

  function examOf(saved) {
    return saved && saved.exam ? saved.exam : { attempts: [] };
  }

  /* The questions of attempt `number`: this learner's order of the module's questions for that
   * attempt, the ones not drawn before first, cut to `draw`. */
  function draw(previous, number) {
    var seen = {};
    previous.forEach(function (attempt) { attempt.drawn.forEach(function (id) { seen[id] = true; }); });
    var ids = shuffle.order(module.questions.length, slug + ":exam:" + number).map(function (index) {
      return module.questions[index].id;
    });
    var fresh = ids.filter(function (id) { return !seen[id]; });
    var again = ids.filter(function (id) { return seen[id]; });
    return fresh.concat(again).slice(0, rules.draw);
  }

  // The panel above the first question says where the learner stands and starts attempts; the
  // bar below the last one submits.
  var panel = element("section", "exam-panel");
  panel.setAttribute("aria-labelledby", "exam-panel-title");
  var heading = element("h2", "", MeridianI18n.t("exam.heading"));
  heading.id = "exam-panel-title";
  heading.tabIndex = -1;
  var text = element("p", "exam-status");
  text.setAttribute("role", "status");
  var start = element("button", "exam-start");
  start.type = "button";
  panel.appendChild(heading);
  panel.appendChild(text);
  panel.appendChild(start);
  forms[0].parentNode.insertBefore(panel, forms[0]);

  var bar = element("div", "exam-submit");
  var note = element("p", "exam-submit-note");
  note.setAttribute("role", "status");
  var submit = element("button", "", MeridianI18n.t("exam.submit"));
  submit.type = "button";
  bar.appendChild(note);
  bar.appendChild(submit);
  var last = forms[forms.length - 1];
  last.parentNode.insertBefore(bar, last.nextSibling);

  forms.forEach(function (form) {
    var status = element("div", "result");
    status.setAttribute("data-result", "");
    form.appendChild(status);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", function () {
      var saved = store.getModule(slug);
      if (!examOf(saved).open) return;
      var reading = controls.read(form);
      store.recordExamAnswer(slug, idOf(form), reading.problem ? null : reading.response);
      confirming = false;
      render();
    });
  });

  start.addEventListener("click", function () {
    var exam = examOf(store.getModule(slug));
    if (exam.open || !attemptsLeft(exam)) return;
    store.startExamAttempt(slug, draw(exam.attempts, exam.attempts.length + 1));
    confirming = false;
    render();
    var first = forms.filter(function (form) { return !form.hidden; })[0];
    var control = first && first.querySelector("input, select");
    if (control) control.focus();
  });

  submit.addEventListener("click", function () {
    var exam = examOf(store.getModule(slug));
    if (!exam.open) return;
    var unanswered = exam.open.drawn.filter(function (id) { return typeof exam.open.answers[id] !== "string"; }).length;
    if (unanswered && !confirming) {
      confirming = true;
      note.textContent = MeridianI18n.t("exam.unanswered", { count: unanswered });
      return;
    }
    confirming = false;
    var result = grading.moduleResult(module, store.submitExamAttempt(slug));
    if (result.status === "completed") store.recordCompletion(slug);
    render();
    heading.focus();
  });

  function attemptsLeft(exam) {
    return rules.attempts ? Math.max(rules.attempts - exam.attempts.length, 0) : Infinity;
  }

  /* Shows a drawn question in this learner's order for the attempt, with its saved answer. The
   * controls are set only when the question is first shown for an attempt (or locked), so that
   * rendering again never moves the focus or undoes an answer being given. */
  var shownAs = {};
  function showForm(form, key, answers, locked) {
    form.hidden = false;
    var state = key + (locked ? ":locked" : "");
    if (shownAs[idOf(form)] !== state) {
      shownAs[idOf(form)] = state;
      controls.arrange(form, key);
      form.reset();
      var response = answers[idOf(form)];
      if (typeof response === "string") controls.restore(form, response);
    }
    form.querySelector("fieldset").disabled = locked;
  }

  function showVerdict(form, response) {
    var status = form.querySelector("[data-result]");
    status.textContent = "";
    var question = grading.question(idOf(form));
    var correct = grading.isCorrect(question, response);
    status.className = "result " + (correct ? "result-correct" : "result-incorrect");
    var verdict = element("p", "verdict");
    verdict.appendChild(element("strong", "", typeof response !== "string" ? MeridianI18n.t("exam.notAnswered")
      : correct ? MeridianI18n.t("quiz.correct") : MeridianI18n.t("quiz.incorrect")));
    var notes = [];
    if (typeof response === "string") {
      grading.parts(response).forEach(function (choice) {
        var feedback = form.querySelector('.exam-feedback [data-choice="' + choice + '"] [data-feedback]');
        if (feedback && (question.type === "single" || question.type === "multiple")) notes.push(feedback.textContent);
      });
    }
    if (notes.length) verdict.appendChild(document.createTextNode(" " + notes.join(" ")));
    status.appendChild(verdict);
    var explanation = form.querySelector(".exam-feedback .explanation");
    if (explanation) {
      var copy = explanation.cloneNode(true);
      copy.removeAttribute("id");
      status.appendChild(copy);
    }
  }

  function clearVerdict(form) {
    var status = form.querySelector("[data-result]");
    status.textContent = "";
    status.className = "result";
  }

  function render() {
    var saved = store.getModule(slug);
    var exam = examOf(saved);
    var result = grading.moduleResult(module, saved);
    var used = exam.attempts.length;
    var left = attemptsLeft(exam);
    var total = module.questions.length;
    var needed = grading.neededToPass(rules.draw);
    var limit = rules.attempts ? MeridianI18n.t("exam.attempts", { count: rules.attempts }) : MeridianI18n.t("exam.unlimited");
    panel.className = "exam-panel" + (result.passed ? " exam-passed" : "");
    note.textContent = "";

    if (exam.open) {
      var number = used + 1;
      var drawn = {};
      exam.open.drawn.forEach(function (id) { drawn[id] = true; });
      forms.forEach(function (form) {
        clearVerdict(form);
        if (drawn[idOf(form)]) showForm(form, slug + ":exam:" + number + ":" + idOf(form), exam.open.answers, false);
        else form.hidden = true;
      });
      var answered = exam.open.drawn.filter(function (id) { return typeof exam.open.answers[id] === "string"; }).length;
      heading.textContent = rules.attempts ? MeridianI18n.t("exam.attemptOf", { number: number, attempts: rules.attempts })
        : MeridianI18n.t("exam.attempt", { number: number });
      text.textContent = MeridianI18n.t("exam.open", { answered: answered, drawn: exam.open.drawn.length });
      start.hidden = true;
      bar.hidden = false;
      return;
    }

    bar.hidden = true;
    if (!used) {
      forms.forEach(function (form) { form.hidden = true; });
      heading.textContent = MeridianI18n.t("exam.heading");
      text.textContent = MeridianI18n.t("exam.intro", { draw: rules.draw, questions: MeridianI18n.t("exam.questions", { count: total }),
        limit: limit, needed: needed, mark: MeridianI18n.percent(grading.course.passScore) });
      start.textContent = MeridianI18n.t("exam.start", { number: 1 });
      start.hidden = false;
      return;
    }

    var latest = exam.attempts[used - 1];
    var graded = result.attempts[used - 1];
    var shown = {};
    latest.drawn.forEach(function (id) { shown[id] = true; });
    forms.forEach(function (form) {
      if (!shown[idOf(form)]) {
        form.hidden = true;
        return;
      }
      showForm(form, slug + ":exam:" + used + ":" + idOf(form), latest.answers, true);
      showVerdict(form, latest.answers[idOf(form)]);
    });
    heading.textContent = MeridianI18n.t("exam.submitted", { number: used });
    var attempt = { number: used, right: graded.right, count: graded.count, percent: MeridianI18n.percent(graded.score), needed: needed };
    var words = [graded.passed ? MeridianI18n.t("exam.result.passed", attempt) : MeridianI18n.t("exam.result.failed", attempt)];
    var best = { percent: MeridianI18n.percent(result.score) };
    if (used > 1) words.push(result.passed ? MeridianI18n.t("exam.best.passed", best) : MeridianI18n.t("exam.best.failed", best));
    if (left === 0) words.push(MeridianI18n.t("exam.allUsed", { attempts: limit }));
    else if (rules.attempts) words.push(MeridianI18n.t("exam.left", { count: left }));
    text.textContent = words.join(" ");
    start.textContent = MeridianI18n.t("exam.start", { number: used + 1 });
    start.hidden = left === 0;
  }

  store.onChange(function (all, change) {
    if (change.type === "external" || change.type === "replace") {
      shownAs = {};
      render();
    }
  });
  render();
})();
