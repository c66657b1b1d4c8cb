/* Branching scenarios played as a conversation: the customer speaks, the learner picks a
 * reply, sees its feedback and the customer's answer, and so on to an ending, which shows
 * the score and the debrief. The replies taken are saved through MeridianStore (storage.js)
 * and played again on the next visit. Where a reply leads, what it earns and the score come
 * from grading.js and the course data; the words come from the page. A classic script;
 * without it the scenario is a list of steps whose replies link to the step they lead to.
 *
 * What it reads from the page (written by the build):
 *   <section class="scenario" data-scenario="ID">
 *   <li data-step="NAME"> with .customer and .debrief
 *   <a data-reply>reply</a> followed by [data-feedback], the step's replies in the order written
 */
(function () {
  "use strict";

  var store = window.MeridianStore;
  var grading = window.MeridianGrading;
  if (!grading) return;
  var sections = document.querySelectorAll("section.scenario[data-scenario]");
  for (var i = 0; i < sections.length; i++) play(sections[i]);

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function customerLine(step) {
    var line = step.querySelector(".customer");
    if (!line) return "";
    var copy = line.cloneNode(true);
    var speaker = copy.querySelector(".speaker");
    if (speaker) speaker.parentNode.removeChild(speaker);
    return copy.textContent.trim();
  }

  /* The steps as data: {name: {customer, ending, debrief (a node), options: [{reply, feedback,
   * next, points}]}}, the words from the page and the rest from the scenario's spec. */
  function readSteps(section, spec) {
    var steps = {};
    Array.prototype.forEach.call(section.querySelectorAll("[data-step]"), function (step) {
      var name = step.getAttribute("data-step");
      var specStep = Object.prototype.hasOwnProperty.call(spec.steps, name) ? spec.steps[name] : null;
      if (!specStep) return;
      var links = step.querySelectorAll("a[data-reply]");
      steps[name] = {
        customer: customerLine(step),
        ending: specStep.ending || null,
        debrief: step.querySelector(".debrief"),
        options: specStep.options.map(function (option, index) {
          var link = links[index];
          var feedback = link && link.parentNode.querySelector("[data-feedback]");
          return {
            reply: link ? link.textContent : "",
            next: option.next,
            points: option.points,
            feedback: feedback ? feedback.textContent : ""
          };
        })
      };
    });
    return steps;
  }

  function play(section) {
    var id = section.getAttribute("data-scenario");
    var spec = grading.scenario(id);
    if (!spec) return;
    var start = spec.start;
    var steps = readSteps(section, spec);
    if (!steps[start]) return;

    var list = section.querySelector("ol.steps");
    if (list) list.hidden = true;

    var stage = element("div", "scenario-play");
    var log = element("div", "conversation");
    log.setAttribute("role", "log");
    log.setAttribute("aria-label", MeridianI18n.t("scenario.play.conversation"));
    var turns = element("ol", "turns");
    log.appendChild(turns);
    var replies = element("div", "replies");
    replies.setAttribute("role", "group");
    var repliesLabel = element("p", "replies-label", MeridianI18n.t("scenario.play.yourReply"));
    repliesLabel.id = section.id + "-replies-label";
    replies.setAttribute("aria-labelledby", repliesLabel.id);
    var result = element("div", "scenario-result");
    result.setAttribute("role", "status");
    result.tabIndex = -1;
    var restart = element("button", "restart", MeridianI18n.t("scenario.play.restart"));
    restart.type = "button";
    var controls = element("div", "scenario-controls");
    controls.appendChild(restart);
    stage.appendChild(log);
    stage.appendChild(replies);
    stage.appendChild(result);
    stage.appendChild(controls);
    section.appendChild(stage);

    var chosen;
    var replaying = false; // true while a saved path is shown again: nothing new to save

    function addTurn(className, speaker, text) {
      var turn = element("li", "turn " + className);
      turn.appendChild(element("span", "speaker", speaker));
      turn.appendChild(element("span", "said", text));
      turns.appendChild(turn);
      return turn;
    }

    function reset() {
      chosen = [];
      turns.textContent = "";
      result.textContent = "";
      result.className = "scenario-result";
      arrive(start);
    }

    function arrive(name) {
      var step = steps[name];
      if (!step) return;
      if (step.customer) addTurn("turn-customer", MeridianI18n.t("scenario.customer"), step.customer);
      replies.textContent = "";
      if (step.ending) return finish(step);
      replies.appendChild(repliesLabel);
      shown(step.options.length, name).forEach(function (index) {
        var option = step.options[index];
        var button = element("button", "reply", option.reply);
        button.type = "button";
        button.value = String(index + 1); // the reply's position as written
        button.addEventListener("click", function () {
          choose(option, index);
          var next = replies.querySelector("button");
          (next || result).focus();
        });
        replies.appendChild(button);
      });
    }

    /* The replies of a step in this learner's order for this play (shuffle.js); the learner's
     * choice is still recorded by its position as written. */
    function shown(count, name) {
      var played = store ? store.getScenario(id) : null;
      var plays = (played && played.plays) || 0;
      var shuffle = window.MeridianShuffle;
      var order = [];
      for (var i = 0; i < count; i++) order.push(i);
      return shuffle ? shuffle.order(count, id + ":" + plays + ":" + name) : order;
    }

    function choose(option, index) {
      addTurn("turn-you", MeridianI18n.t("scenario.play.you"), MeridianI18n.t("scenario.quoted", { words: option.reply }));
      if (option.feedback) addTurn("turn-feedback", MeridianI18n.t("scenario.play.feedback"), option.feedback);
      chosen.push(index + 1);
      arrive(option.next);
    }

    function finish(step) {
      var outcome = grading.play(spec, chosen);
      if (!outcome) return;
      result.className = "scenario-result ending-" + outcome.ending;
      var heading = element("p", "ending-label");
      var endings = { good: MeridianI18n.t("scenario.play.ending.good"), mixed: MeridianI18n.t("scenario.play.ending.mixed"),
        poor: MeridianI18n.t("scenario.play.ending.poor") };
      heading.appendChild(element("strong", "", endings[outcome.ending]));
      heading.appendChild(document.createTextNode(" " + MeridianI18n.t("scenario.play.score",
        { points: outcome.points, max: spec.maxPoints, percent: MeridianI18n.percent(outcome.score) })));
      result.appendChild(heading);
      if (step.debrief) {
        var debrief = step.debrief.cloneNode(true);
        result.appendChild(debrief);
      }
      result.appendChild(element("p", "restart-hint", MeridianI18n.t("scenario.play.restartHint")));
      if (!replaying && store && chosen.length) store.recordScenario(id, chosen.slice(), outcome.path);
    }

    /* Plays the saved replies again, so a returning learner sees where they ended. */
    function replay(saved) {
      if (!saved || !saved.replies || !saved.replies.length) return;
      var name = start;
      for (var r = 0; r < saved.replies.length; r++) {
        var option = steps[name] && steps[name].options[saved.replies[r] - 1];
        if (!option) return reset(); // the scenario changed since: start afresh
        choose(option, saved.replies[r] - 1);
        name = option.next;
      }
    }

    restart.addEventListener("click", function () {
      reset();
      var first = replies.querySelector("button");
      (first || result).focus();
    });

    reset();
    replaying = true;
    replay(store ? store.getScenario(id) : null);
    replaying = false;
  }
})();
