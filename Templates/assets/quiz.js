/* A module page's questions: check an answer, say Correct or Incorrect with the feedback,
 * let the learner try again, and save every answer and the module's score through
 * MeridianStore (storage.js). A classic script; the page works without it.
 *
 * What it reads from the page (written by the build):
 *   <article data-module="SLUG" data-questions="N">      the module and its number of questions
 *   <form class="question" data-question="ID" data-type="single|multiple|truefalse|order|match"
 *         data-answer="PATTERN">                          the answer key, xAPI response pattern
 *   inputs' value, order selects' data-item, match selects' data-left: 1-based positions as in the source
 *   <li data-choice="N"> … <span data-feedback>           a choice's feedback, inside the answer's <details>
 *   <div class="explanation">                             the explanation, inside the answer's <details>
 */
(function () {
  "use strict";

  var SEPARATOR = "[,]";
  var PAIR = "[.]";
  var article = document.querySelector("article[data-module]");
  var store = window.MeridianStore;
  if (!article || !store) return;

  var slug = article.getAttribute("data-module");
  var total = parseInt(article.getAttribute("data-questions"), 10) || 0;
  store.recordVisit(slug);

  var forms = Array.prototype.slice.call(article.querySelectorAll("form.question[data-question]"));
  if (!forms.length) return;
  var summary = createSummary();

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function byNumber(a, b) {
    return a - b;
  }

  /* The learner's response in the xAPI response-pattern form, or {problem: "…"} when the
   * answer is not complete enough to check. */
  function readResponse(form) {
    var type = form.getAttribute("data-type");
    if (type === "order") return readOrder(form);
    if (type === "match") return readMatch(form);
    var chosen = all(form, "fieldset input:checked").map(function (input) { return input.value; });
    if (!chosen.length) {
      return { problem: type === "multiple" ? "Choose at least one answer, then check." : "Choose an answer, then check." };
    }
    if (type === "multiple") chosen = chosen.map(Number).sort(byNumber).map(String);
    return { response: chosen.join(SEPARATOR), chosen: chosen };
  }

  function readOrder(form) {
    var selects = all(form, "select[data-item]");
    var byPosition = {};
    for (var i = 0; i < selects.length; i++) {
      var position = selects[i].value;
      if (!position) return { problem: "Give every item a position, then check." };
      if (byPosition[position]) return { problem: "Two items have position " + position + ": give each item its own position." };
      byPosition[position] = selects[i].getAttribute("data-item");
    }
    var items = Object.keys(byPosition).map(Number).sort(byNumber).map(function (p) { return byPosition[p]; });
    return { response: items.join(SEPARATOR), items: items };
  }

  function readMatch(form) {
    var selects = all(form, "select[data-left]");
    var pairs = [];
    for (var i = 0; i < selects.length; i++) {
      if (!selects[i].value) return { problem: "Choose a match for every item, then check." };
      pairs.push(selects[i].getAttribute("data-left") + PAIR + selects[i].value);
    }
    return { response: pairs.join(SEPARATOR), pairs: pairs };
  }

  /* Puts a saved response back into the form's controls. */
  function restoreResponse(form, response) {
    var type = form.getAttribute("data-type");
    var parts = String(response).split(SEPARATOR);
    if (type === "order") {
      parts.forEach(function (item, index) {
        var select = form.querySelector('select[data-item="' + item + '"]');
        if (select) select.value = String(index + 1);
      });
    } else if (type === "match") {
      parts.forEach(function (pair) {
        var sides = pair.split(PAIR);
        var select = form.querySelector('select[data-left="' + sides[0] + '"]');
        if (select) select.value = sides[1];
      });
    } else {
      all(form, "fieldset input").forEach(function (input) {
        input.checked = parts.indexOf(input.value) !== -1;
      });
    }
  }

  /* How many parts of an order or match response are in the right place. */
  function countRight(response, answer) {
    var given = response.split(SEPARATOR);
    var key = answer.split(SEPARATOR);
    return key.filter(function (part, index) {
      return answer.indexOf(PAIR) === -1 ? given[index] === part : given.indexOf(part) !== -1;
    }).length;
  }

  function feedbackFor(form, reading, correct) {
    var type = form.getAttribute("data-type");
    var answer = form.getAttribute("data-answer");
    var notes = [];
    if (type === "single" || type === "multiple") {
      reading.chosen.forEach(function (choice) {
        var note = form.querySelector('[data-choice="' + choice + '"] [data-feedback]');
        if (note) notes.push(note.textContent);
      });
      if (type === "multiple" && !correct) {
        var right = answer.split(SEPARATOR).length;
        notes.unshift("There " + (right === 1 ? "is 1 right answer" : "are " + right + " right answers") + "; choose all of them and nothing else.");
      }
    } else if (type === "order") {
      notes.push(countRight(reading.response, answer) + " of " + reading.items.length + " items are in the right position.");
    } else if (type === "match") {
      notes.push(countRight(reading.response, answer) + " of " + reading.pairs.length + " pairs are matched correctly.");
    }
    return notes;
  }

  function showResult(form, reading, correct) {
    var status = form.querySelector("[data-result]");
    status.textContent = "";
    status.className = "result " + (correct ? "result-correct" : "result-incorrect");
    var verdict = element("p", "verdict");
    verdict.appendChild(element("strong", "", correct ? "Correct." : "Incorrect."));
    var notes = feedbackFor(form, reading, correct);
    if (notes.length) verdict.appendChild(document.createTextNode(" " + notes.join(" ")));
    status.appendChild(verdict);
    var explanation = form.querySelector(".answer-body .explanation");
    if (explanation) {
      var copy = explanation.cloneNode(true);
      copy.removeAttribute("id");
      status.appendChild(copy);
    }
    if (!correct) status.appendChild(element("p", "retry", "Change your answer and check it again, or open “Show the answer”."));
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
    var reading = readResponse(form);
    if (reading.problem) return showProblem(form, reading.problem);
    var correct = reading.response === form.getAttribute("data-answer");
    showResult(form, reading, correct);
    var record = store.recordAnswer(slug, form.getAttribute("data-question"), reading.response, correct, total);
    updateSummary(record);
  }

  function enhance(form) {
    var fieldset = form.querySelector("fieldset");
    var actions = element("div", "question-actions");
    var button = element("button", "", "Check answer");
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
    restoreResponse(form, record.answers[id]);
    var reading = readResponse(form);
    if (!reading.problem) showResult(form, reading, reading.response === form.getAttribute("data-answer"));
  }

  function createSummary() {
    var section = element("section", "quiz-summary");
    section.setAttribute("aria-labelledby", "quiz-summary-title");
    var heading = element("h2", "", "Your result in this module");
    heading.id = "quiz-summary-title";
    section.appendChild(heading);
    section.appendChild(element("p", "quiz-summary-text"));
    var body = article.querySelector(".module-body") || article;
    body.appendChild(section);
    return section;
  }

  function percent(fraction) {
    return Math.round(fraction * 100) + "%";
  }

  function updateSummary(record) {
    var text = summary.querySelector(".quiz-summary-text");
    var needed = Math.ceil(store.passScore * total - 1e-9);
    var answered = record ? Object.keys(record.answers || {}).length : 0;
    var right = record ? Math.round((record.score || 0) * total) : 0;
    summary.className = "quiz-summary" + (record && record.passed ? " quiz-passed" : "");
    if (!answered) {
      text.textContent = "Answer the " + total + (total === 1 ? " question" : " questions") + " on this page. " +
        "You pass this module with " + needed + " of " + total + " right (" + percent(store.passScore) + ").";
    } else if (record.passed) {
      text.textContent = "Passed: " + right + " of " + total + " questions right (" + percent(record.score) + ").";
    } else {
      text.textContent = right + " of " + total + " questions right so far (" + percent(record.score) + "), " +
        answered + " of " + total + " answered. You need " + needed + " right (" + percent(store.passScore) + ") to pass.";
    }
  }

  var saved = store.getModule(slug);
  forms.forEach(function (form) {
    enhance(form);
    restore(form, saved);
  });
  updateSummary(saved);
})();
