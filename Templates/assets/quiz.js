/* A module page's questions: check an answer, say Correct or Incorrect with the feedback,
 * let the learner try again, and save every answer through MeridianStore (storage.js).
 * Grading is grading.js's: this script reads the learner's response and shows the verdict.
 * A classic script; the page works without it.
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
  if (!article || !store || !grading) return;

  var slug = article.getAttribute("data-module");
  var module = grading.module(slug);
  if (!module) return;
  var total = module.questions.length;
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
    return { response: grading.response(chosen), chosen: chosen };
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
    return { response: grading.response(items), items: items };
  }

  // Pairs in the order of their left sides as written, whatever order the page shows them in.
  function readMatch(form) {
    var selects = all(form, "select[data-left]").sort(function (a, b) {
      return a.getAttribute("data-left") - b.getAttribute("data-left");
    });
    var pairs = [];
    for (var i = 0; i < selects.length; i++) {
      if (!selects[i].value) return { problem: "Choose a match for every item, then check." };
      pairs.push(grading.pair(selects[i].getAttribute("data-left"), selects[i].value));
    }
    return { response: grading.response(pairs), pairs: pairs };
  }

  /* Puts a saved response back into the form's controls. */
  function restoreResponse(form, response) {
    var type = form.getAttribute("data-type");
    var parts = grading.parts(response);
    if (type === "order") {
      parts.forEach(function (item, index) {
        var select = form.querySelector('select[data-item="' + item + '"]');
        if (select) select.value = String(index + 1);
      });
    } else if (type === "match") {
      parts.forEach(function (pair) {
        var sides = grading.sides(pair);
        var select = form.querySelector('select[data-left="' + sides[0] + '"]');
        if (select) select.value = sides[1];
      });
    } else {
      all(form, "fieldset input").forEach(function (input) {
        input.checked = parts.indexOf(input.value) !== -1;
      });
    }
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
        notes.unshift("There " + (right === 1 ? "is 1 right answer" : "are " + right + " right answers") + "; choose all of them and nothing else.");
      }
    } else if (type === "order") {
      notes.push(grading.partsRight(question, reading.response) + " of " + reading.items.length + " items are in the right position.");
    } else if (type === "match") {
      notes.push(grading.partsRight(question, reading.response) + " of " + reading.pairs.length + " pairs are matched correctly.");
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
    showResult(form, reading, grading.isCorrect(questionOf(form), reading.response));
    var result = grading.moduleResult(module, store.recordAnswer(slug, form.getAttribute("data-question"), reading.response, total));
    if (result.status === "completed") store.recordCompletion(slug);
    updateSummary(result);
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
    if (!reading.problem) showResult(form, reading, grading.isCorrect(questionOf(form), reading.response));
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

  function updateSummary(result) {
    var text = summary.querySelector(".quiz-summary-text");
    var needed = grading.neededToPass(total);
    var answered = Object.keys(result.answers).length;
    var mark = percent(grading.course.passScore);
    summary.className = "quiz-summary" + (result.passed ? " quiz-passed" : "");
    if (!answered) {
      text.textContent = "Answer the " + total + (total === 1 ? " question" : " questions") + " on this page. " +
        "You pass this module with " + needed + " of " + total + " right (" + mark + ").";
    } else if (result.passed) {
      text.textContent = "Passed: " + result.right + " of " + total + " questions right (" + percent(result.score) + ").";
    } else {
      text.textContent = result.right + " of " + total + " questions right so far (" + percent(result.score) + "), " +
        answered + " of " + total + " answered. You need " + needed + " right (" + mark + ") to pass.";
    }
  }

  /* Shows the form's options in this learner's order for this attempt (shuffle.js): choices,
   * except those marked fixed and questions written with `shuffle: false`; the rows of an
   * order question; the left sides and the right-hand options of a match. */
  function arrange(form, attempt) {
    var shuffle = window.MeridianShuffle;
    if (!shuffle) return;
    var key = slug + ":" + attempt + ":" + form.getAttribute("data-question");
    var type = form.getAttribute("data-type");
    if ((type === "single" || type === "multiple") && form.getAttribute("data-shuffle") !== "false") {
      reorder(all(form, "ul.choices > li"), function (li) { return li.querySelector("input").value; }, key,
        function (li) { return li.hasAttribute("data-fixed"); });
    } else if (type === "order") {
      reorder(all(form, "ul.order-items > li"), function (li) { return li.querySelector("select").getAttribute("data-item"); }, key);
    } else if (type === "match") {
      reorder(all(form, "ul.match-pairs > li"), function (li) { return li.querySelector("select").getAttribute("data-left"); }, key + ":left");
      all(form, "select[data-left]").forEach(function (select) {
        reorder(all(select, "option").filter(function (option) { return option.value; }),
          function (option) { return option.value; }, key + ":right");
      });
    }
  }

  // Moves `nodes` (siblings, each naming its position as written) into the learner's order.
  function reorder(nodes, positionOf, key, isFixed) {
    if (nodes.length < 2) return;
    var byPosition = [];
    var fixed = [];
    nodes.forEach(function (node) {
      var index = parseInt(positionOf(node), 10) - 1;
      byPosition[index] = node;
      if (isFixed && isFixed(node)) fixed.push(index);
    });
    var parent = nodes[0].parentNode;
    window.MeridianShuffle.order(nodes.length, key, fixed).forEach(function (index) {
      if (byPosition[index]) parent.appendChild(byPosition[index]);
    });
  }

  var saved = store.getModule(slug);
  forms.forEach(function (form) {
    arrange(form, (saved && saved.attempts) || 1);
    enhance(form);
    restore(form, saved);
  });
  updateSummary(grading.moduleResult(module, saved));
})();
