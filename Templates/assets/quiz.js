/* A module page's questions: check an answer, say Correct or Incorrect with the feedback,
 * let the learner try again, and save every answer through MeridianStore (storage.js).
 * Grading is grading.js's, reading and arranging a form's controls forms.js's: this script
 * shows the verdict. An exam module is exam.js's instead. A classic script; the page works
 * without it.
 *
 * What it reads from the page (written by the build):
 *   <article data-module="SLUG">                          the module
 *   <form class="question" data-question="ID" data-type="single|multiple|truefalse|order|match">
 *   inputs' value, order selects' data-item, match selects' data-left: 1-based positions as in the source
 *   <li data-choice="N"> … <span data-feedback>           a choice's feedback, inside the answer's <details>
 *   <div class="explanation">                             the explanation, inside the answer's <details>
 */
(function () {
  "use strict";

  var article = document.querySelector("article[data-module]");
  var store = window.MeridianStore;
  var grading = window.MeridianGrading;
  var controls = window.MeridianForms;
  if (!article || !store || !grading || !controls) return;

  var slug = article.getAttribute("data-module");
  var module = grading.module(slug);
  if (!module || module.exam) return; // an exam is exam.js's
  var total = module.questions.length;
  store.recordVisit(slug);

  var forms = Array.prototype.slice.call(article.querySelectorAll("form.question[data-question]"));
  if (!forms.length) return;
  var summary = createSummary();

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function questionOf(form) {
    return grading.question(form.getAttribute("data-question"));
  }

  function feedbackFor(form, reading, correct) {
    var type = form.getAttribute("data-type");
    var question = questionOf(form);
    var notes = [];
    if (type === "single" || type === "multiple") {
      reading.chosen.forEach(function (choice) {
        var note = form.querySelector('[data-choice="' + choice + '"] [data-feedback]');
        if (note) notes.push(note.textContent);
      });
      if (type === "multiple" && !correct) {
        var right = grading.keyParts(question).length;
        notes.unshift(MeridianI18n.t("quiz.chooseAll", { count: right }));
      }
    } else if (type === "order") {
      notes.push(MeridianI18n.t("quiz.itemsInPlace", { right: grading.partsRight(question, reading.response), total: reading.items.length }));
    } else if (type === "match") {
      notes.push(MeridianI18n.t("quiz.pairsMatched", { right: grading.partsRight(question, reading.response), total: reading.pairs.length }));
    }
    return notes;
  }

  function showResult(form, reading, correct) {
    var status = form.querySelector("[data-result]");
    status.textContent = "";
    status.className = "result " + (correct ? "result-correct" : "result-incorrect");
    var verdict = element("p", "verdict");
    verdict.appendChild(element("strong", "", correct ? MeridianI18n.t("quiz.correct") : MeridianI18n.t("quiz.incorrect")));
    var notes = feedbackFor(form, reading, correct);
    if (notes.length) verdict.appendChild(document.createTextNode(" " + notes.join(" ")));
    status.appendChild(verdict);
    var explanation = form.querySelector(".answer-body .explanation");
    if (explanation) {
      var copy = explanation.cloneNode(true);
      copy.removeAttribute("id");
      status.appendChild(copy);
    }
    if (!correct) status.appendChild(element("p", "retry", MeridianI18n.t("quiz.retry")));
    var details = form.querySelector("details.answer");
    if (details) details.hidden = false;
  }

  function showProblem(form, message) {
    var status = form.querySelector("[data-result]");
    status.className = "result result-problem";
    status.textContent = "";
    status.appendChild(element("p", "", message));
  }

  function check(form) {
    var reading = controls.read(form);
    if (reading.problem) return showProblem(form, reading.problem);
    showResult(form, reading, grading.isCorrect(questionOf(form), reading.response));
    var result = grading.moduleResult(module, store.recordAnswer(slug, form.getAttribute("data-question"), reading.response, total));
    if (result.status === "completed") store.recordCompletion(slug);
    updateSummary(result);
  }

  function enhance(form) {
    var fieldset = form.querySelector("fieldset");
    var actions = element("div", "question-actions");
    var button = element("button", "", MeridianI18n.t("quiz.check"));
    button.type = "submit";
    actions.appendChild(button);
    var status = element("div", "result");
    status.setAttribute("role", "status");
    status.setAttribute("data-result", "");
    fieldset.parentNode.insertBefore(actions, fieldset.nextSibling);
    actions.parentNode.insertBefore(status, actions.nextSibling);
    // The answer stays one click away, but only after a first try.
    var details = form.querySelector("details.answer");
    if (details) details.hidden = true;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      check(form);
    });
  }

  function restore(form, record) {
    var id = form.getAttribute("data-question");
    if (!record || !record.answers || record.answers[id] === undefined) return;
    controls.restore(form, record.answers[id]);
    var reading = controls.read(form);
    if (!reading.problem) showResult(form, reading, grading.isCorrect(questionOf(form), reading.response));
  }

  function createSummary() {
    var section = element("section", "quiz-summary");
    section.setAttribute("aria-labelledby", "quiz-summary-title");
    var heading = element("h2", "", MeridianI18n.t("quiz.summary.heading"));
    heading.id = "quiz-summary-title";
    section.appendChild(heading);
    section.appendChild(element("p", "quiz-summary-text"));
    var body = article.querySelector(".module-body") || article;
    body.appendChild(section);
    return section;
  }

  function updateSummary(result) {
    var text = summary.querySelector(".quiz-summary-text");
    var needed = grading.neededToPass(total);
    var answered = Object.keys(result.answers).length;
    var mark = MeridianI18n.percent(grading.course.passScore);
    summary.className = "quiz-summary" + (result.passed ? " quiz-passed" : "");
    if (!answered) {
      text.textContent = MeridianI18n.t("quiz.summary.start", { count: total, needed: needed, mark: mark });
    } else if (result.passed) {
      text.textContent = MeridianI18n.t("quiz.summary.passed", { right: result.right, total: total, percent: MeridianI18n.percent(result.score) });
    } else {
      text.textContent = MeridianI18n.t("quiz.summary.progress", { right: result.right, total: total, percent: MeridianI18n.percent(result.score),
        answered: answered, needed: needed, mark: mark });
    }
  }

  var saved = store.getModule(slug);
  forms.forEach(function (form) {
    controls.arrange(form, slug + ":" + ((saved && saved.attempts) || 1) + ":" + form.getAttribute("data-question"));
    enhance(form);
    restore(form, saved);
  });
  updateSummary(grading.moduleResult(module, saved));
})();
