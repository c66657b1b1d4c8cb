"""MeridianStore (assets/storage.js), the one module every page saves progress through:
keys prefixed with the course id, change callbacks, export and import of everything, and
stored values that never break a page: not JSON, the wrong shape, another course's, an
earlier site version's, or a full storage — the page loads, says what it reset and why, and
keeps everything that was still good."""
from __future__ import annotations

import json

from selenium.webdriver.common.by import By

from conftest import page_url
from practice import QUIZ_PAGE, SCENARIO_PAGE, answer_by_mouse, question, result_text

KEY = "https://example.org/courses/practice-fixture:progress"


def test_changes_are_announced_to_every_listener_until_it_unsubscribes(open_practice):
    driver = open_practice(SCENARIO_PAGE)
    changes = driver.execute_script("""
        var seen = [];
        var stop = MeridianStore.onChange(function (all, change) { seen.push([change.type, Object.keys(all.scenarios)]); });
        MeridianStore.recordScenario('late-refund', [1], ['opening', 'poor-end']);
        stop();
        MeridianStore.recordVisit('scenarios');
        return seen;""")
    assert changes == [["scenario", ["late-refund"]]]


def test_everything_can_be_exported_and_imported(open_practice):
    driver = open_practice(QUIZ_PAGE)
    answer_by_mouse(driver, question(driver, "callback-time"), [2])
    exported = driver.execute_script("return MeridianStore.all()")
    assert exported["modules"]["questions"]["answers"] == {"callback-time": "2"}
    driver.execute_script("MeridianStore.clear()")
    assert driver.execute_script("return MeridianStore.getModule('questions')") is None
    driver.execute_script("MeridianStore.replaceAll(arguments[0])", exported)
    driver.refresh()
    assert result_text(question(driver, "callback-time")).startswith("Correct.")
    assert driver.execute_script("return MeridianStore.all()")["modules"]["questions"]["answers"] == {"callback-time": "2"}


def notices(driver) -> list[str]:
    return [n.text for n in driver.find_elements(By.CSS_SELECTOR, ".storage-notice[role='status']")]


def test_a_damaged_record_is_set_aside_and_the_page_still_works(open_practice):
    """A record that is not JSON is kept under "…:progress:damaged" and the course starts afresh."""
    driver = open_practice(QUIZ_PAGE)
    driver.execute_script("localStorage.setItem(arguments[0], '{not json')", KEY)
    driver.refresh()
    assert notices(driver) == ["Some progress saved in this browser could not be read, so it was reset: "
                               "the saved progress was not readable at all. Everything else was kept."]
    form = question(driver, "scores-describe-people")
    answer_by_mouse(driver, form, [2])
    assert result_text(form).startswith("Correct.")
    assert driver.execute_script("return localStorage.getItem(arguments[0])", KEY + ":damaged") == "{not json"
    assert driver.execute_script("return JSON.parse(localStorage.getItem(arguments[0])).modules.questions.answers",
                                 KEY) == {"scores-describe-people": "false"}


def test_other_keys_in_the_shared_file_storage_are_left_alone(open_practice):
    driver = open_practice(QUIZ_PAGE)
    driver.execute_script("localStorage.setItem('another-course:progress', 'theirs')")
    answer_by_mouse(driver, question(driver, "callback-time"), [1])
    driver.execute_script("MeridianStore.clear()")
    assert driver.execute_script("return localStorage.getItem('another-course:progress')") == "theirs"


GOOD_ANSWERS = {"callback-time": "2", "check-understanding": "1[,]3", "scores-describe-people": "false",
                "complaint-steps": "1[,]2[,]3[,]4[,]5", "context-styles": "1[.]1[,]2[.]2[,]3[.]3[,]4[.]4"}


def store_value(driver, value) -> None:
    driver.execute_script("localStorage.setItem(arguments[0], arguments[1])", KEY, json.dumps(value))
    driver.refresh()


def test_parts_of_the_wrong_shape_are_reset_and_the_rest_is_kept(open_practice):
    driver = open_practice(QUIZ_PAGE)
    value = {"modules": {"questions": {"firstVisitedAt": "2026-12-01T09:00:00Z", "answers": GOOD_ANSWERS},
                         "scenarios": "not a module record"},
             "scenarios": {"late-refund": {"replies": "two", "path": 7}},
             "learner": ["Ana"]}
    store_value(driver, value)
    assert notices(driver) == ["Some progress saved in this browser could not be read, so it was reset: "
                               "1 module's progress; 1 scenario's progress; your name and employee ID. "
                               "Everything else was kept."]
    assert result_text(question(driver, "context-styles")).startswith("Correct.")
    assert "Passed: 5 of 5" in driver.find_element(By.CSS_SELECTOR, ".quiz-summary").text
    kept = driver.execute_script("return MeridianStore.all()")
    assert set(kept["modules"]) == {"questions"} and kept["scenarios"] == {}
    assert json.loads(driver.execute_script("return localStorage.getItem(arguments[0])", KEY + ":damaged")) == value
    driver.refresh()
    assert notices(driver) == [], "the repaired value is saved: the next page has nothing to reset"


def test_another_courses_progress_is_set_aside(open_practice):
    driver = open_practice(QUIZ_PAGE)
    store_value(driver, {"course": "https://example.org/courses/another", "modules": {"questions": {"answers": GOOD_ANSWERS}}})
    assert notices(driver) == ["Some progress saved in this browser could not be read, so it was reset: the saved "
                               "progress belonged to another course (https://example.org/courses/another). "
                               "Everything else was kept."]
    assert driver.execute_script("return MeridianStore.getModule('questions')")["answers"] == {}


def test_progress_saved_by_an_earlier_version_of_the_site_is_read_as_it_is(open_practice, quiz_site):
    """Earlier sites stored a grade beside each answer and a scenario's score and ending
    without its replies; the answers and the scenario are kept and graded afresh."""
    driver = open_practice(QUIZ_PAGE)
    store_value(driver, {
        "modules": {"questions": {"firstVisitedAt": "2026-11-20T09:00:00Z", "answers": GOOD_ANSWERS,
                                  "correct": {q: True for q in GOOD_ANSWERS}, "score": 1, "passed": True,
                                  "attempts": 1, "completedAt": "2026-11-20T09:10:00Z"}},
        "scenarios": {"late-refund": {"path": ["opening", "checking", "good-end"], "score": 1, "ending": "good",
                                      "finishedAt": "2026-11-20T09:20:00Z", "plays": 1}}})
    assert notices(driver) == []
    assert "Passed: 5 of 5" in driver.find_element(By.CSS_SELECTOR, ".quiz-summary").text
    driver.get(page_url(quiz_site, "index.html"))
    assert driver.find_element(By.CSS_SELECTOR, '.module-status[data-module="questions"]').text == "Completed"


def test_a_full_storage_is_said_on_the_page_not_lost_silently(open_practice):
    driver = open_practice(QUIZ_PAGE)
    # Fill the storage to the last character: chunks of 1 MiB, then smaller and smaller ones.
    filled = driver.execute_script("""
        var i = 0, error = null;
        for (var size = 1024 * 1024; size >= 1; size = Math.floor(size / 4)) {
          var chunk = new Array(size + 1).join("x");
          for (;;) {
            try { localStorage.setItem("filler-" + i, chunk); i++; } catch (e) { error = e.name; break; }
          }
        }
        return error;""")
    assert filled == "QuotaExceededError"
    try:
        answer_by_mouse(driver, question(driver, "callback-time"), [2])
        assert result_text(question(driver, "callback-time")).startswith("Correct."), "the page keeps working in memory"
        assert any("storage is full" in n for n in notices(driver)), notices(driver)
        driver.refresh()
        assert any("storage is full" in n for n in notices(driver)), "a page opened while storage is full says so"
    finally:
        driver.execute_script("Object.keys(localStorage).forEach(function (k) { if (k.indexOf('filler-') === 0) localStorage.removeItem(k); });")
