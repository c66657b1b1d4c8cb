"""MeridianStore (assets/storage.js), the one module every page saves progress through:
keys prefixed with the course id, change callbacks, export and import of everything, and a
damaged record that never breaks a page."""
from __future__ import annotations

from practice import QUIZ_PAGE, SCENARIO_PAGE, answer_by_mouse, question, result_text

KEY = "https://example.org/courses/practice-fixture:progress"


def test_changes_are_announced_to_every_listener_until_it_unsubscribes(open_practice):
    driver = open_practice(SCENARIO_PAGE)
    changes = driver.execute_script("""
        var seen = [];
        var stop = MeridianStore.onChange(function (all, change) { seen.push([change.type, Object.keys(all.scenarios)]); });
        MeridianStore.recordScenario('late-refund', ['opening', 'poor-end'], 0, 'poor', [1]);
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


def test_a_damaged_record_is_set_aside_and_the_page_still_works(open_practice):
    """A record that is not JSON is kept under "…:progress:damaged" and the course starts afresh."""
    driver = open_practice(QUIZ_PAGE)
    driver.execute_script("localStorage.setItem(arguments[0], '{not json')", KEY)
    driver.refresh()
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
