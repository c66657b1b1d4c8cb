"""axe-core finds no violation on the practice course's quiz page and scenario page, as
the learner meets them and after answering and playing (the results, the conversation);
the Nu HTML checker accepts every page of that course."""
from __future__ import annotations

import pytest
from selenium_axe_python import Axe

import sitefiles
from practice import QUIZ_PAGE, SCENARIO_PAGE, answer_by_mouse, question, reply_button
from test_accessibility import describe
from test_html_valid import nu_messages


def answer_two(driver):
    answer_by_mouse(driver, question(driver, "callback-time"), [2])
    answer_by_mouse(driver, question(driver, "check-understanding"), [2])


def play_two(driver):
    for reply in (2, 2):
        reply_button(driver.find_element("id", "scenario-late-refund"), reply).click()
    reply_button(driver.find_element("id", "scenario-manager-request"), 1).click()


def color_scheme(driver, scheme: str) -> None:
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": scheme}]})


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path, act", [
    (QUIZ_PAGE, None), (QUIZ_PAGE, answer_two), (SCENARIO_PAGE, None), (SCENARIO_PAGE, play_two),
], ids=["quiz", "quiz-answered", "scenario", "scenario-played"])
def test_practice_pages_have_no_accessibility_violations(path, act, scheme, browser, open_practice):
    color_scheme(browser, scheme)
    try:
        driver = open_practice(path)
        if act:
            act(driver)
        axe = Axe(driver)
        axe.inject()
        violations = axe.run()["violations"]
    finally:
        color_scheme(browser, "light")
    assert not violations, (f"axe-core found {len(violations)} violated rules on {path} ({scheme}):\n  "
                            + "\n  ".join(describe(v) for v in violations))


def test_every_practice_page_passes_the_nu_html_checker(quiz_site):
    messages = nu_messages(quiz_site)
    assert not messages, (f"the Nu HTML checker reports {len(messages)} problems in "
                          f"{len(sitefiles.files(quiz_site, '.html'))} pages:\n  " + "\n  ".join(messages))
