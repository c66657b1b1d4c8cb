"""Options shown in an order drawn for each learner: the built page shuffles single and
multiple choices by the question's id (for readers without JavaScript), and each learner's
browser draws its own order from a seed kept with their progress. Over the shipped course the
position of the right choice is close to uniform both ways; two fresh learners see different
orders; one learner sees the same order after a reload and after an export and import;
`shuffle: false` keeps the written order and `fixed: true` pins a choice last."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from conftest import chromium, page_url
from test_grading_contract import grading_site  # noqa: F401  (a fixture)
from test_progress import enter_learner, export, import_file
from practice import QUIZ_PAGE, answer_by_mouse, question

# The χ² value a uniform spread exceeds with probability 0.001, by degrees of freedom.
CHI2_999 = {1: 10.83, 2: 13.82, 3: 16.27, 4: 18.47, 5: 20.52}
LEARNERS = 300


def course_data(site: Path) -> dict:
    text = (site / "assets" / "course-data.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("= ") + 2:].rstrip().rstrip(";"))


class ChoiceOrder(HTMLParser):
    """The values of each question form's choice inputs, in the order the page has them."""

    def __init__(self):
        super().__init__()
        self.forms: dict[str, list[str]] = {}
        self.current = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and "data-question" in attributes:
            self.current = attributes["data-question"]
            self.forms[self.current] = []
        elif tag == "input" and self.current and attributes.get("type") in ("radio", "checkbox"):
            self.forms[self.current].append(attributes["value"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None


def single_choice_questions(site: Path) -> list[tuple[str, dict]]:
    """The practice modules' single-choice questions (an exam's page carries no key to place)."""
    return [(module["slug"], q) for module in course_data(site)["modules"] for q in module["questions"]
            if q["type"] == "single" and not module.get("exam")]


def chi_square(positions: list[tuple[int, int]]) -> tuple[float, int]:
    """χ² of where the right choice sits, against each question's own uniform spread:
    `positions` holds (position, number of choices) pairs."""
    widest = max(n for _, n in positions)
    observed = [0] * widest
    expected = [0.0] * widest
    for position, count in positions:
        observed[position] += 1
        for p in range(count):
            expected[p] += 1 / count
    cells = [(o, e) for o, e in zip(observed, expected) if e > 0]
    return sum((o - e) ** 2 / e for o, e in cells), len(cells) - 1


def test_the_built_pages_spread_the_right_choice_evenly(site):
    questions = single_choice_questions(site)
    assert len(questions) >= 30
    positions = []
    for slug, q in questions:
        parser = ChoiceOrder()
        parser.feed((site / "modules" / f"{slug}.html").read_text(encoding="utf-8"))
        shown = parser.forms[q["id"]]
        positions.append((shown.index(q["correctResponsesPattern"][0]), len(shown)))
    statistic, freedom = chi_square(positions)
    assert statistic < CHI2_999[freedom], f"χ² {statistic:.1f} on {freedom} degrees of freedom: {positions}"


def test_learners_see_the_right_choice_evenly_spread(browser, site):
    browser.get(page_url(site, "modules/why-culture-matters.html"))
    questions = single_choice_questions(site)
    positions = browser.execute_script("""
        var questions = arguments[0], learners = arguments[1], out = [];
        for (var seed = 1; seed <= learners; seed++) {
          MeridianStore.replaceAll({ seed: seed * 2654435761 % 4294967296 });
          questions.forEach(function (pair) {
            var q = pair[1], count = q.choices.length;
            var order = MeridianShuffle.order(count, pair[0] + ":1:" + q.id, []);
            out.push([order.indexOf(Number(q.correctResponsesPattern[0]) - 1), count]);
          });
        }
        MeridianStore.clear();
        return out;""", questions, LEARNERS)
    statistic, freedom = chi_square([tuple(p) for p in positions])
    assert statistic < CHI2_999[freedom], f"χ² {statistic:.1f} on {freedom} degrees of freedom"


def shown_orders(driver) -> dict[str, list[str]]:
    """Each question's options as the page shows them: choice values, order items, match lefts and rights."""
    return driver.execute_script("""
        var out = {};
        document.querySelectorAll("form.question").forEach(function (form) {
          var values = [];
          form.querySelectorAll("input[type=radio], input[type=checkbox], select[data-item], select[data-left]").forEach(function (c) {
            values.push(c.value || c.getAttribute("data-item") || c.getAttribute("data-left"));
          });
          form.querySelectorAll("select[data-left]")[0] && form.querySelectorAll("select[data-left]")[0]
            .querySelectorAll("option").forEach(function (o) { values.push("right " + o.value); });
          out[form.getAttribute("data-question")] = values;
        });
        return out;""")


def test_two_learners_see_different_orders_and_each_keeps_theirs(open_practice, quiz_site, tmp_path_factory, browser):
    driver = open_practice(QUIZ_PAGE)
    first = shown_orders(driver)
    driver.refresh()
    assert shown_orders(driver) == first, "the same learner sees the same order after a reload"
    answer_by_mouse(driver, question(driver, "callback-time"), [2])
    driver.get(page_url(quiz_site, "progress.html"))
    enter_learner(driver, "Ana Souza", "E-1042")
    exported = export(driver, "json")
    assert isinstance(json.loads(exported.read_text())["seed"], int)

    other = chromium(tmp_path_factory)
    try:
        other.get(page_url(quiz_site, QUIZ_PAGE))
        assert shown_orders(other) != first, "a second learner draws an order of their own"
        other.get(page_url(quiz_site, "progress.html"))
        other.execute_script("localStorage.clear()")
        other.get(page_url(quiz_site, "progress.html"))
        assert "Imported" in import_file(other, exported)
        other.get(page_url(quiz_site, QUIZ_PAGE))
        assert shown_orders(other) == first, "after an import the learner sees the order they had"
    finally:
        other.quit()


def test_a_written_order_is_kept_and_a_fixed_choice_comes_last(browser, grading_site):  # noqa: F811
    def values(form_id):
        return [i.get_attribute("value") for i in browser.find_elements(By.CSS_SELECTOR, f"#q-{form_id} fieldset input")]
    seen_last = set()
    for seed in (1, 2, 3, 4, 5, 6):
        browser.get(page_url(grading_site, "modules/ordering.html"))
        browser.execute_script("MeridianStore.replaceAll({seed: arguments[0]})", seed)
        browser.refresh()
        assert values("g-written-order") == ["1", "2", "3"]
        shown = values("g-none-of-these")
        assert shown[-1] == "4", shown
        seen_last.add(tuple(shown[:3]))
    assert len(seen_last) > 1, "the other choices are still shuffled"
    parser = ChoiceOrder()
    parser.feed((grading_site / "modules" / "ordering.html").read_text(encoding="utf-8"))
    assert parser.forms["g-written-order"] == ["1", "2", "3"] and parser.forms["g-none-of-these"][-1] == "4"
    browser.execute_script("localStorage.clear()")
