"""Questions and scenarios with JavaScript off, and with storage refused."""
from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from conftest import chromium, page_url
from practice import QUIZ_PAGE, SCENARIO_PAGE, answer_by_mouse, question, result_text


@pytest.fixture(scope="module")
def no_script_browser(tmp_path_factory):
    driver = chromium(tmp_path_factory, {"profile.managed_default_content_settings.javascript": 2})
    yield driver
    driver.quit()


def test_without_javascript_the_questions_show_and_the_answers_can_be_revealed(no_script_browser, quiz_site):
    driver = no_script_browser
    driver.get(page_url(quiz_site, QUIZ_PAGE))
    assert driver.find_elements(By.CSS_SELECTOR, ".quiz-summary") == [], "the scripts ran: JavaScript is not off"
    forms = driver.find_elements(By.CSS_SELECTOR, "form.question")
    assert len(forms) == 5
    for form in forms:
        legend = form.find_element(By.CSS_SELECTOR, "fieldset > legend")
        assert legend.is_displayed() and legend.text
        assert form.find_elements(By.TAG_NAME, "button") == [], "a Check button that does nothing without JavaScript"
    form = question(driver, "callback-time")
    details = form.find_element(By.CSS_SELECTOR, "details")
    assert details.get_attribute("open") is None
    assert not form.find_element(By.CSS_SELECTOR, ".answer-body").is_displayed()
    summary = details.find_element(By.TAG_NAME, "summary")
    assert summary.text == "Show the answer"
    summary.click()
    body = form.find_element(By.CSS_SELECTOR, ".answer-body")
    assert body.is_displayed()
    assert "Correct: In the customer's local time, with the day. — Nothing to convert" in body.text
    assert "time zone and name the day" in body.text


def test_without_javascript_a_scenario_is_played_by_its_links(no_script_browser, quiz_site):
    driver = no_script_browser
    driver.get(page_url(quiz_site, SCENARIO_PAGE))
    section = driver.find_element(By.ID, "scenario-late-refund")
    section.find_element(By.LINK_TEXT, "Refunds can take up to thirty days; it is in our terms.").click()
    assert driver.current_url.endswith("#scenario-late-refund-poor-end")
    ending = driver.find_element(By.ID, "scenario-late-refund-poor-end")
    assert "Ending: Poor" in ending.text and "hears a rule instead of an answer" in ending.text


@pytest.fixture(scope="module")
def no_storage_browser(tmp_path_factory):
    """Chromium that refuses site data: touching localStorage throws, as with storage disabled."""
    driver = chromium(tmp_path_factory, {"profile.default_content_setting_values.cookies": 2})
    yield driver
    driver.quit()


def test_without_storage_the_quiz_works_in_memory_and_says_progress_is_not_saved(no_storage_browser, quiz_site):
    driver = no_storage_browser
    driver.get(page_url(quiz_site, QUIZ_PAGE))
    assert driver.execute_script("try { localStorage.length; return 'usable' } catch (e) { return 'refused' }") == "refused"
    notice = driver.find_element(By.CSS_SELECTOR, "main .storage-notice")
    assert notice.is_displayed() and "progress will not be saved" in notice.text
    assert driver.execute_script("return MeridianStore.isPersistent()") is False
    form = question(driver, "callback-time")
    answer_by_mouse(driver, form, [2])
    assert result_text(form).startswith("Correct.")
    assert driver.execute_script("return MeridianStore.getModule('questions').answers") == {"callback-time": "2"}
