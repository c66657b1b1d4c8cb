"""Exam mode, in headless Chromium on file://, over the grading fixture's exam module (five
questions, each attempt draws three, two attempts):

- the page carries no answer: no "Show the answer", no verdicts, no keys in the course data,
  only salted hashes;
- a learner takes the exam twice: nothing is shown until the attempt is submitted, the second
  attempt draws the questions the first did not, a reload keeps the open attempt, and no third
  attempt is offered;
- the exported record carries both attempts; `meridian records verify` and `records import`
  accept it, and refuse it once an attempt's score is raised, a third attempt is added or a
  drawn question is not the module's — even with the verification code recomputed as a
  forger would."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import REPO, build_fixture, page_url
from test_progress import enter_learner, export, meridian

GRADING = REPO / "Tests" / "Fixtures" / "grading"
QUESTIONS = {"e-single", "e-multiple", "e-truefalse", "e-order", "e-match"}
RIGHT = {"e-single": ["2"], "e-multiple": ["1", "3"], "e-truefalse": ["false"],
         "e-order": ["1", "2", "3"], "e-match": ["1", "2"]}
WRONG = {"e-single": ["1"], "e-multiple": ["1"], "e-truefalse": ["true"],
         "e-order": ["3", "2", "1"], "e-match": ["2", "1"]}


@pytest.fixture(scope="module")
def exam_site(tmp_path_factory) -> Path:
    return build_fixture(tmp_path_factory, GRADING / "content")


def content_of(site: Path) -> Path:
    return site.parent / "Content"


def visible_questions(driver) -> list[str]:
    return [form.get_attribute("data-question")
            for form in driver.find_elements(By.CSS_SELECTOR, "form.question[data-question]") if form.is_displayed()]


def answer(driver, question: str, parts: list[str]) -> None:
    """Answers through the page's own controls, as a learner would."""
    form = driver.find_element(By.CSS_SELECTOR, f'form[data-question="{question}"]')
    kind = form.get_attribute("data-type")
    if kind in ("single", "multiple", "truefalse"):
        for box in form.find_elements(By.CSS_SELECTOR, "fieldset input:checked"):
            box.click()
        for value in parts:
            form.find_element(By.CSS_SELECTOR, f'fieldset input[value="{value}"]').click()
    elif kind == "order":
        for position, item in enumerate(parts, start=1):
            Select(form.find_element(By.CSS_SELECTOR, f'select[data-item="{item}"]')).select_by_value(str(position))
    else:
        for left, right in enumerate(parts, start=1):
            Select(form.find_element(By.CSS_SELECTOR, f'select[data-left="{left}"]')).select_by_value(right)


def panel_text(driver) -> str:
    return driver.find_element(By.CSS_SELECTOR, ".exam-panel").text


def button(driver, text: str):
    found = [b for b in driver.find_elements(By.TAG_NAME, "button") if b.is_displayed() and b.text.strip() == text]
    assert len(found) == 1, f"expected one visible button {text!r}, found {[b.text for b in driver.find_elements(By.TAG_NAME, 'button') if b.is_displayed()]}"
    return found[0]


def test_an_exam_page_carries_no_answer(browser, exam_site):
    html = (exam_site / "modules" / "exam.html").read_text(encoding="utf-8")
    assert "Show the answer" not in html and "Correct:" not in html and "Not right" not in html
    assert "data-answer" not in html and "<details class=\"answer\"" not in html
    data = (exam_site / "assets" / "course-data.js").read_text(encoding="utf-8")
    course = json.loads(data[data.index("{"):data.rindex("}") + 1])
    (exam,) = [m for m in course["modules"] if m["slug"] == "exam"]
    assert exam["exam"] == {"draw": 3, "attempts": 2}
    for question in exam["questions"]:
        assert "correctResponsesPattern" not in question, question["id"]
        assert len(question["keyHash"]) == 64 and len(question["salt"]) == 32
    (practice,) = [m for m in course["modules"] if m["slug"] == "questions"]
    assert all("correctResponsesPattern" in q for q in practice["questions"])


def test_an_exam_taken_twice_verifies_and_a_raised_attempt_is_refused(browser, exam_site, tmp_path):
    driver = browser
    driver.get(page_url(exam_site, "modules/exam.html"))
    driver.execute_script("localStorage.clear()")
    driver.get(page_url(exam_site, "modules/exam.html"))
    assert visible_questions(driver) == [], "no question shows before an attempt starts"
    assert "Each attempt draws 3 of its 5 questions" in panel_text(driver)

    button(driver, "Start attempt 1").click()
    first = visible_questions(driver)
    assert len(first) == 3 and set(first) <= QUESTIONS
    answer(driver, first[0], RIGHT[first[0]])
    answer(driver, first[1], WRONG[first[1]])
    driver.refresh()
    assert visible_questions(driver) == first, "a reload keeps the open attempt"
    assert "Answered 2 of 3" in panel_text(driver)
    assert all(not f.text for f in driver.find_elements(By.CSS_SELECTOR, "form.question [data-result]")), \
        "nothing is graded before the attempt is submitted"
    button(driver, "Submit attempt").click()
    assert "1 question still has no answer" in driver.find_element(By.CSS_SELECTOR, ".exam-submit").text
    button(driver, "Submit attempt").click()
    assert "Attempt 1: 1 of 3 right (33%), not passed" in panel_text(driver)
    verdicts = [driver.find_element(By.CSS_SELECTOR, f'form[data-question="{q}"] [data-result]').text for q in first]
    assert verdicts[0].startswith("Correct.") and verdicts[1].startswith("Incorrect.") and verdicts[2].startswith("Not answered.")

    button(driver, "Start attempt 2").click()
    second = visible_questions(driver)
    assert len(second) == 3 and QUESTIONS - set(first) <= set(second), "the second attempt draws the unseen questions first"
    for question in second:
        answer(driver, question, RIGHT[question])
    button(driver, "Submit attempt").click()
    text = panel_text(driver)
    assert "Attempt 2: 3 of 3 right (100%), passed." in text and "You have used all 2 attempts." in text
    assert not [b for b in driver.find_elements(By.TAG_NAME, "button") if b.is_displayed() and b.text.startswith("Start attempt")]

    driver.get(page_url(exam_site, "progress.html"))
    enter_learner(driver, "Ana Souza", "E-1042")
    exported = export(driver, "json")
    record = json.loads(exported.read_text(encoding="utf-8"))
    (module,) = [m for m in record["modules"] if m["slug"] == "exam"]
    assert module["status"] == "completed" and module["score"] == 1 and module["attempts"] == 2
    assert [sorted(a["drawn"]) for a in module["examAttempts"]] == [sorted(first), sorted(second)]
    assert [round(a["score"], 4) for a in module["examAttempts"]] == [0.3333, 1]
    attempts = [s for s in record["statements"] if s["object"]["id"].endswith("/modules/exam") and s["verb"]["id"].endswith(("passed", "failed"))]
    assert [s["verb"]["display"]["en-US"] for s in attempts] == ["failed", "passed"]

    content = content_of(exam_site)
    verified = meridian("records", "verify", "--content", str(content), str(exported))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    imported = meridian("records", "import", "--content", str(content), "--db", str(tmp_path / "records.sqlite"), str(exported))
    assert imported.returncode == 0 and "1 imported" in imported.stdout, imported.stdout + imported.stderr

    def forged(change, name: str) -> Path:
        copy = json.loads(json.dumps(record))
        change(next(m for m in copy["modules"] if m["slug"] == "exam"))
        copy["verificationCode"] = driver.execute_async_script(
            "var done = arguments[arguments.length - 1]; MeridianRecord.verificationCode(arguments[0]).then(done);", copy)
        path = tmp_path / name
        path.write_text(json.dumps(copy), encoding="utf-8")
        return path

    def raise_first(m): m["examAttempts"][0]["score"] = 1.0
    def add_third(m):
        m["examAttempts"].append(dict(m["examAttempts"][1], submittedAt="2026-12-31T00:00:00Z"))
        m["attempts"] = 3
    def draw_foreign(m): m["examAttempts"][0]["drawn"][2] = "g-single"
    for change, expected in ((raise_first, "attempt 1: claims score 1.00, its answers give 0.33 (1 of 3 right)"),
                             (add_third, "3 exam attempts, but the module allows 2"),
                             (draw_foreign, "drew 'g-single', which is not a question of this module")):
        refused = meridian("records", "verify", "--content", str(content), str(forged(change, change.__name__ + ".json")))
        assert refused.returncode != 0 and expected in refused.stdout + refused.stderr, (change.__name__, refused.stdout + refused.stderr)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("state", ["before", "open", "submitted"])
def test_an_exam_has_no_accessibility_violations_at_any_stage(state, scheme, browser, exam_site):
    from selenium_axe_python import Axe
    from test_accessibility import describe
    from test_practice_accessibility import color_scheme

    color_scheme(browser, scheme)
    try:
        browser.get(page_url(exam_site, "modules/exam.html"))
        browser.execute_script("localStorage.clear()")
        browser.get(page_url(exam_site, "modules/exam.html"))
        if state != "before":
            button(browser, "Start attempt 1").click()
            first = visible_questions(browser)
            answer(browser, first[0], RIGHT[first[0]])
        if state == "submitted":
            for question in visible_questions(browser)[1:]:
                answer(browser, question, WRONG[question])
            button(browser, "Submit attempt").click()
        axe = Axe(browser)
        axe.inject()
        violations = axe.run()["violations"]
    finally:
        color_scheme(browser, "light")
    assert not violations, (f"axe-core found {len(violations)} violated rules on the exam ({state}, {scheme}):\n  "
                            + "\n  ".join(describe(v) for v in violations))
