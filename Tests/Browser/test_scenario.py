"""Scenarios on file:// in headless Chromium: played as a conversation to each kind of
ending, by mouse and by keyboard; the path's score and debrief at the end; restart; the
path saved and shown again after a reload."""
from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from practice import (SCENARIO_PAGE, conversation, press, reply_button, reply_buttons, saved_scenario,
                      scenario_status, tab_to)

# ending → (1-based replies, path, status text, a sentence of the debrief)
LATE_REFUND = {
    "good": ([2, 2], ["opening", "checking", "good-end"], "Ending: good. Your score on this path: 4 of 4 points (100%).",
             "gave a date the customer can hold you to"),
    "mixed": ([2, 1], ["opening", "checking", "mixed-end"], "Ending: mixed. Your score on this path: 2 of 4 points (50%).",
              "no date to plan with"),
    "poor": ([1], ["opening", "poor-end"], "Ending: poor. Your score on this path: 0 of 4 points (0%).",
             "hears a rule instead of an answer"),
}


def scenario(driver, scenario_id: str):
    return driver.find_element(By.ID, f"scenario-{scenario_id}")


def play_by_mouse(section, replies):
    for reply in replies:
        reply_button(section, reply).click()


def play_by_keyboard(driver, section, replies):
    for reply in replies:
        tab_to(driver, reply_button(section, reply))
        press(driver, Keys.ENTER)


@pytest.mark.parametrize("way", ["mouse", "keyboard"])
@pytest.mark.parametrize("ending", LATE_REFUND)
def test_a_scenario_plays_to_each_kind_of_ending(ending, way, open_practice):
    driver = open_practice(SCENARIO_PAGE)
    section = scenario(driver, "late-refund")
    replies, path, status, debrief = LATE_REFUND[ending]
    assert scenario_status(section) == ""
    if way == "mouse":
        play_by_mouse(section, replies)
    else:
        play_by_keyboard(driver, section, replies)
    text = scenario_status(section)
    assert text.startswith(status), text
    assert debrief in text
    assert reply_buttons(section) == [], "an ending offers no more replies"
    saved = saved_scenario(driver, "late-refund")
    assert saved["path"] == path
    assert saved["replies"] == replies
    assert "score" not in saved and "ending" not in saved, "the store keeps the replies, never a grade"
    played = driver.execute_script(
        "return MeridianGrading.play(MeridianGrading.scenario('late-refund'), arguments[0])", replies)
    assert played["ending"] == ending
    assert played["score"] == pytest.approx(int(status.split(": ")[2].split(" of")[0]) / 4)


def test_the_conversation_unfolds_with_the_replies_and_their_feedback(open_practice):
    driver = open_practice(SCENARIO_PAGE)
    section = scenario(driver, "late-refund")
    assert "It has been three weeks" in conversation(section)
    assert "banks take up to five working days" not in conversation(section)
    play_by_mouse(section, [2])
    lines = conversation(section)
    assert lines.index("It has been three weeks") < lines.index("Let me check where it is") \
        < lines.index("You own the delay") < lines.index("I need to know when")
    assert [b.text for b in sorted(reply_buttons(section), key=lambda b: b.get_attribute("value"))] == [
        "It should arrive soon.",
        "It left us on the 3rd; banks take up to five working days, so by Friday. I will email you the reference."]


def test_a_loop_can_be_followed_before_the_ending(open_practice):
    driver = open_practice(SCENARIO_PAGE)
    section = scenario(driver, "manager-request")
    play_by_keyboard(driver, section, [1, 1, 1, 2])
    assert scenario_status(section).startswith("Ending: good. Your score on this path: 4 of 4 points (100%).")
    assert saved_scenario(driver, "manager-request")["path"] == [
        "asking", "briefing", "briefing", "briefing", "transferred"]


def test_restart_begins_again_and_keeps_the_last_result_until_a_new_ending(open_practice):
    driver = open_practice(SCENARIO_PAGE)
    section = scenario(driver, "late-refund")
    play_by_mouse(section, [1])
    restart = section.find_element(By.XPATH, ".//button[normalize-space()='Restart the scenario']")
    restart.click()
    assert scenario_status(section) == ""
    assert "thirty days" not in conversation(section)
    assert len(reply_buttons(section)) == 2
    assert saved_scenario(driver, "late-refund")["path"][-1] == "poor-end"
    play_by_mouse(section, [2, 2])
    assert saved_scenario(driver, "late-refund")["path"][-1] == "good-end"


def test_a_finished_path_is_shown_again_after_a_reload(open_practice):
    driver = open_practice(SCENARIO_PAGE)
    play_by_mouse(scenario(driver, "late-refund"), [2, 1])
    driver.refresh()
    section = scenario(driver, "late-refund")
    assert scenario_status(section).startswith("Ending: mixed. Your score on this path: 2 of 4 points (50%).")
    assert "It should arrive soon." in conversation(section)
    assert saved_scenario(driver, "late-refund")["path"] == ["opening", "checking", "mixed-end"]
    assert scenario_status(scenario(driver, "manager-request")) == ""
