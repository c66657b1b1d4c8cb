/* A question's form, for quiz.js (practice) and exam.js (exams): the learner's response read
 * from its controls in the xAPI response-pattern form, a saved response put back, and the
 * options shown in this learner's order (shuffle.js). A classic script after grading.js and
 * shuffle.js, on module pages.
 *
 *   MeridianForms.read(form)              → {response, chosen | items | pairs}, or {problem: "…"} when
 *                                           the answer is not complete enough to check
 *   MeridianForms.restore(form, response) → puts a saved response back into the controls
 *   MeridianForms.arrange(form, key)      → shows the options in this learner's order for `key`
 *                                           (a text naming the module, the attempt and the question)
 */
(function () {
  "use strict";

  var grading = window.MeridianGrading;
  if (!grading) return;

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function byNumber(a, b) {
    return a - b;
  }

  /* The learner's response in the xAPI response-pattern form, or {problem: "…"} when the
   * answer is not complete enough to check. */
  function read(form) {
    var type = form.getAttribute("data-type");
    if (type === "order") return readOrder(form);
    if (type === "match") return readMatch(form);
    var chosen = all(form, "fieldset input:checked").map(function (input) { return input.value; });
    if (!chosen.length) {
      return { problem: type === "multiple" ? MeridianI18n.t("forms.chooseSome") : MeridianI18n.t("forms.chooseOne") };
    }
    if (type === "multiple") chosen = chosen.map(Number).sort(byNumber).map(String);
    return { response: grading.response(chosen), chosen: chosen };
  }

  // Every item needs a position before two items sharing one are pointed out, whatever
  // order the items are shown in.
  function readOrder(form) {
    var selects = all(form, "select[data-item]");
    if (selects.some(function (select) { return !select.value; })) return { problem: MeridianI18n.t("forms.givePositions") };
    var byPosition = {};
    for (var i = 0; i < selects.length; i++) {
      var position = selects[i].value;
      if (byPosition[position]) return { problem: MeridianI18n.t("forms.samePosition", { position: position }) };
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
      if (!selects[i].value) return { problem: MeridianI18n.t("forms.chooseMatches") };
      pairs.push(grading.pair(selects[i].getAttribute("data-left"), selects[i].value));
    }
    return { response: grading.response(pairs), pairs: pairs };
  }

  /* Puts a saved response back into the form's controls. */
  function restore(form, response) {
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

  /* Shows the form's options in this learner's order for this attempt (shuffle.js): choices,
   * except those marked fixed and questions written with `shuffle: false`; the rows of an
   * order question; the left sides and the right-hand options of a match. */
  function arrange(form, key) {
    var shuffle = window.MeridianShuffle;
    if (!shuffle) return;
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

  window.MeridianForms = { read: read, restore: restore, arrange: arrange };
})();
