"""Questions on file:// in headless Chromium: each kind answered right and wrong, by mouse
and by keyboard only; Correct or Incorrect with the feedback in the role="status" region;
retry; the score; answers saved in the xAPI response-pattern form and found after a reload."""
from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from practice import (QUIZ_MODULE, QUIZ_PAGE, answer_by_keyboard, answer_by_mouse,
                      check_button, question, result_text, saved_module)

# question id → (right answer, its feedback, stored response), (wrong answer, …)
CASES = {
    "callback-time": (
        ([2], "Nothing to convert", "2"),
        ([1], "That leaves the conversion", "1")),
    "check-understanding": (
        ([1, 3], "A summary invites correction", "1[,]3"),
        ([1, 2], "Many customers answer yes out of politeness", "1[,]2")),
    "scores-describe-people": (
        ([2], "Country scores describe averages", "false"),
        ([1], "Country scores describe averages", "true")),
    "complaint-steps": (
        ({1: 1, 2: 2, 3: 3, 4: 4, 5: 5}, "5 of 5 items are in the right position", "1[,]2[,]3[,]4[,]5"),
        ({1: 2, 2: 1, 3: 3, 4: 4, 5: 5}, "3 of 5 items are in the right position", "2[,]1[,]3[,]4[,]5")),
    "context-styles": (
        ({1: 1, 2: 2, 3: 3, 4: 4}, "4 of 4 pairs are matched correctly", "1[.]1[,]2[.]2[,]3[.]3[,]4[.]4"),
        ({1: 2, 2: 1, 3: 3, 4: 4}, "2 of 4 pairs are matched correctly", "1[.]2[,]2[.]1[,]3[.]3[,]4[.]4")),
}
TYPES = {"callback-time": "single", "check-understanding": "multiple",
         "scores-describe-people": "truefalse", "complaint-steps": "order", "context-styles": "match"}
WAYS = {"mouse": answer_by_mouse, "keyboard": answer_by_keyboard}


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("verdict", ["Correct", "Incorrect"])
@pytest.mark.parametrize("question_id", CASES)
def test_each_kind_of_question_says_correct_or_incorrect_then_the_feedback(question_id, verdict, way, open_practice):
    driver = open_practice(QUIZ_PAGE)
    form = question(driver, question_id)
    assert form.get_attribute("data-type") == TYPES[question_id]
    answer, feedback, response = CASES[question_id][0 if verdict == "Correct" else 1]
    WAYS[way](driver, form, answer)
    text = result_text(form)
    assert text.startswith(verdict + "."), f"{question_id} answered {answer} by {way}: status says {text!r}"
    assert feedback in text, f"{question_id}: the status {text!r} lacks the feedback {feedback!r}"
    saved = saved_module(driver)
    assert saved["answers"] == {question_id: response}
    assert "correct" not in saved and "passed" not in saved, "the store keeps what was answered, never a grade"
    graded = driver.execute_script(
        "return MeridianGrading.isCorrect(MeridianGrading.question(arguments[0]), arguments[1])", question_id, response)
    assert graded is (verdict == "Correct")


def test_a_wrong_answer_can_be_retried_until_it_is_right(open_practice):
    driver = open_practice(QUIZ_PAGE)
    form = question(driver, "callback-time")
    answer_by_mouse(driver, form, [3])
    assert result_text(form).startswith("Incorrect.")
    assert "Change your answer and check it again" in result_text(form)
    answer_by_mouse(driver, form, [2])
    assert result_text(form).startswith("Correct.")
    assert saved_module(driver)["answers"]["callback-time"] == "2"


def test_checking_without_an_answer_asks_for_one_and_saves_nothing(open_practice):
    driver = open_practice(QUIZ_PAGE)
    form = question(driver, "callback-time")
    check_button(form).click()
    assert result_text(form) == "Choose an answer, then check."
    order = question(driver, "complaint-steps")
    answer_by_mouse(driver, order, {1: 1, 2: 1})
    assert "Give every item a position" in result_text(order)
    answer_by_mouse(driver, order, {1: 1, 2: 1, 3: 3, 4: 4, 5: 5})
    assert result_text(order) == "Two items have position 1: give each item its own position."
    assert (saved_module(driver) or {}).get("answers", {}) == {}


def graded_module(driver, slug: str = "questions") -> dict:
    """What grading.js makes of the module's saved answers: {score, passed, status, …}."""
    return driver.execute_script(
        "return MeridianGrading.moduleResult(MeridianGrading.module(arguments[0]), MeridianStore.getModule(arguments[0]))", slug)


def answer_all(driver, wrong: set[str] = frozenset()):
    for question_id, (right, bad) in CASES.items():
        answer_by_mouse(driver, question(driver, question_id), (bad if question_id in wrong else right)[0])


@pytest.mark.parametrize("wrong, score, passed", [
    (set(), 1.0, True),
    ({"context-styles"}, 0.8, True),  # passScore 0.8: a score equal to it passes
    ({"context-styles", "callback-time"}, 0.6, False),
])
def test_the_module_score_counts_the_latest_answers(wrong, score, passed, open_practice):
    driver = open_practice(QUIZ_PAGE)
    answer_all(driver, wrong)
    saved = saved_module(driver)
    result = graded_module(driver)
    assert result["score"] == pytest.approx(score)
    assert result["passed"] is passed
    assert result["status"] == ("completed" if passed else "in-progress")
    assert saved["attempts"] == 1
    assert bool(saved.get("completedAt")) is passed
    summary = driver.find_element(By.CSS_SELECTOR, ".quiz-summary").text
    right = round(score * 5)
    assert (f"Passed: {right} of 5" if passed else f"{right} of 5 questions right so far") in summary


def test_answering_again_after_a_full_pass_starts_a_new_attempt(open_practice):
    driver = open_practice(QUIZ_PAGE)
    answer_all(driver, {"callback-time"})
    answer_by_mouse(driver, question(driver, "callback-time"), [2])
    saved = saved_module(driver)
    assert saved["attempts"] == 2
    assert graded_module(driver)["score"] == pytest.approx(1.0)
    assert saved["completedAt"]


def test_answers_and_results_are_found_after_a_reload(open_practice, quiz_site):
    driver = open_practice(QUIZ_PAGE)
    answer_all(driver, {"complaint-steps"})
    driver.refresh()
    for question_id in CASES:
        expected = "Incorrect." if question_id == "complaint-steps" else "Correct."
        assert result_text(question(driver, question_id)).startswith(expected), question_id
    assert driver.find_element(By.ID, "q-callback-time-2").is_selected()
    assert driver.find_element(By.ID, "q-complaint-steps-1").get_attribute("value") == "2"
    assert "Passed: 4 of 5" in driver.find_element(By.CSS_SELECTOR, ".quiz-summary").text
    keys = driver.execute_script("return Object.keys(localStorage)")
    assert keys == ["https://example.org/courses/practice-fixture:progress"]
    assert driver.execute_script("return MeridianStore.isPersistent()") is True
    assert saved_module(driver)["firstVisitedAt"]
