"""Helpers for the quiz and scenario tests: find a question, answer it by mouse or by
keyboard only, read its result, and read what MeridianStore saved."""
from __future__ import annotations

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

QUIZ_PAGE = "modules/questions.html"
SCENARIO_PAGE = "modules/scenarios.html"
QUIZ_MODULE = "questions"
MAX_TABS = 400


def question(driver, question_id: str):
    return driver.find_element(By.ID, f"q-{question_id}")


def result_text(form) -> str:
    """The text of the question's role="status" region."""
    return form.find_element(By.CSS_SELECTOR, '[role="status"]').text.strip()


def check_button(form):
    buttons = [b for b in form.find_elements(By.TAG_NAME, "button")
               if (b.accessible_name or b.text).startswith("Check")]
    assert len(buttons) == 1, f"expected one button named Check… in {form.get_attribute('id')}, found {len(buttons)}"
    return buttons[0]


def saved_module(driver, slug: str = QUIZ_MODULE):
    return driver.execute_script("return window.MeridianStore.getModule(arguments[0])", slug)


def saved_scenario(driver, scenario_id: str):
    return driver.execute_script("return window.MeridianStore.getScenario(arguments[0])", scenario_id)


# An answer: for choice questions the 1-based choices to tick; for order {item: position};
# for match {left: right}. Positions as written in the source file.

def answer_by_mouse(driver, form, answer) -> None:
    qid = form.get_attribute("id")
    if isinstance(answer, dict):
        kind = "item" if form.get_attribute("data-type") == "order" else "left"
        for key, value in answer.items():
            Select(form.find_element(By.CSS_SELECTOR, f'select[data-{kind}="{key}"]')).select_by_value(str(value))
    else:
        for choice in answer:
            form.find_element(By.CSS_SELECTOR, f'label[for="{qid}-{choice}"]').click()
    check_button(form).click()


def press(driver, *keys) -> None:
    ActionChains(driver).send_keys(*keys).perform()


def active(driver):
    return driver.switch_to.active_element


def tab_to(driver, wanted) -> None:
    """Presses Tab until `wanted` (an element) has the focus, as a keyboard user would."""
    for _ in range(MAX_TABS):
        if active(driver) == wanted:
            return
        press(driver, Keys.TAB)
    raise AssertionError(f"Tab never reached {wanted.tag_name} {wanted.get_attribute('id') or wanted.text!r}")


def answer_by_keyboard(driver, form, answer) -> None:
    """Answers with Tab, Space, the arrow keys and Enter only (no clicks, no scripted values)."""
    qid = form.get_attribute("id")
    if isinstance(answer, dict):
        kind = "item" if form.get_attribute("data-type") == "order" else "left"
        for key, value in answer.items():
            select = form.find_element(By.CSS_SELECTOR, f'select[data-{kind}="{key}"]')
            tab_to(driver, select)
            values = [o.get_attribute("value") for o in select.find_elements(By.TAG_NAME, "option")]
            press(driver, *([Keys.ARROW_DOWN] * values.index(str(value))))
    elif form.get_attribute("data-type") == "multiple":
        for choice in answer:
            tab_to(driver, form.find_element(By.ID, f"{qid}-{choice}"))
            press(driver, Keys.SPACE)
    else:
        (choice,) = answer
        # A radio group is one Tab stop, its first radio in the page's order (choices are shown
        # in an order drawn for each learner); the arrow keys move through it in that order.
        radios = form.find_elements(By.CSS_SELECTOR, "fieldset input[type=radio]")
        steps = [r.get_attribute("id") for r in radios].index(f"{qid}-{choice}")
        tab_to(driver, radios[0])
        press(driver, *([Keys.SPACE] if steps == 0 else [Keys.ARROW_DOWN] * steps))
    tab_to(driver, check_button(form))
    press(driver, Keys.ENTER)


def reply_buttons(section):
    """The reply buttons in the order shown (drawn for each learner)."""
    return section.find_elements(By.CSS_SELECTOR, '[role="group"] button')


def reply_button(section, position: int):
    """The reply written at `position` (from 1) in the scenario's source."""
    return section.find_element(By.CSS_SELECTOR, f'[role="group"] button[value="{position}"]')


def scenario_status(section) -> str:
    return section.find_element(By.CSS_SELECTOR, '[role="status"]').text.strip()


def conversation(section) -> str:
    return section.find_element(By.CSS_SELECTOR, '[role="log"]').text
