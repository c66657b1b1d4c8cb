/* An answered question as a SCORM 1.2 interaction record: `MeridianInteraction`. A classic
 * script after grading.js.
 *
 * SCORM 1.2 words only: the types choice, true-false, sequencing and matching; results correct
 * and wrong; responses as single characters ("a" for the first choice, item or side as written
 * in the source), "t" or "f", "a,c" for a choice, "c,a,b" for an order, "a.b,b.a" for a match
 * (left.right); the id is the question's id (a-z, 0-9 and -, at most 255 characters).
 *
 *   MeridianInteraction.fields(question, response) → [[element after "cmi.interactions.n.", value], …]
 */
(function () {
  "use strict";

  var LETTERS = "abcdefghijklmnopqrstuvwxyz";
  var SEPARATOR = "[,]", PAIR = "[.]", MAX_FEEDBACK = 255;

  function letter(position) {
    var n = Number(position);
    return /^[0-9]+$/.test(position) && n >= 1 && n <= LETTERS.length ? LETTERS.charAt(n - 1) : null;
  }

  function lettersOf(parts) {
    var letters = parts.map(letter);
    return letters.indexOf(null) < 0 ? letters.join(",") : null;
  }

  /* The response in SCORM 1.2's form for the question's type, or null when it has none. */
  function pattern(question, response) {
    if (question.type === "truefalse") return response === "true" ? "t" : response === "false" ? "f" : null;
    var parts = String(response).split(SEPARATOR);
    if (question.type !== "match") return lettersOf(parts);
    var pairs = parts.map(function (pair) {
      var sides = pair.split(PAIR);
      return sides.length === 2 && letter(sides[0]) && letter(sides[1]) ? letter(sides[0]) + "." + letter(sides[1]) : null;
    });
    return pairs.indexOf(null) < 0 ? pairs.join(",") : null;
  }

  function identifier(id) {
    return String(id).replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 255);
  }

  /* The record's fields. No `time` (optional in SCORM 1.2): a hundred questions' worth of it
   * would add 4 KB to what some LMSs send in one request, and the LMS dates each commit. An
   * exam's question has no correct_responses: its page holds only the key's hash. A response
   * of null (a drawn exam question left unanswered) has no student_response, and is wrong. */
  function fields(question, response) {
    var given = typeof response === "string" ? pattern(question, response) : null;
    var key = question.correctResponsesPattern ? pattern(question, question.correctResponsesPattern[0]) : null;
    var list = [["id", identifier(question.id)], ["type", question.interactionType]];
    if (given !== null && given.length <= MAX_FEEDBACK) list.push(["student_response", given]);
    list.push(["result", window.MeridianGrading.isCorrect(question, response) ? "correct" : "wrong"]);
    if (key !== null && key.length <= MAX_FEEDBACK) list.push(["correct_responses.0.pattern", key]);
    return list;
  }

  window.MeridianInteraction = { fields: fields, pattern: pattern };
})();
