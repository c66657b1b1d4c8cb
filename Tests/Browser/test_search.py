"""Offline search: the box in every page's header leads to search.html, which reads ?q= and
lists sections from assets/search-index.js, on file:// with no network.

A small course of our own (search-course/) pins the behaviour; the real course is searched
too, for the Canada content that the course's own modules and country notes carry."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from selenium_axe_python import Axe

from conftest import BUILD_TIMEOUT_SECONDS, REPO, page_url
from test_accessibility import describe

FIXTURE = Path(__file__).parent / "search-course"
WAIT_SECONDS = 10


@pytest.fixture(scope="module")
def search_site(tmp_path_factory) -> Path:
    """The fixture course built with $MERIDIAN and the project's templates."""
    import os
    folder = tmp_path_factory.mktemp("search-course")
    content = folder / "Content"
    shutil.copytree(FIXTURE, content)
    shutil.copytree(REPO / "Content" / "data", content / "data")
    command = [os.environ["MERIDIAN"], "build", "--content", str(content),
               "--templates", str(REPO / "Templates"), "--output", str(folder / "Site")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=BUILD_TIMEOUT_SECONDS)
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stderr}"
    return folder / "Site"


def results(driver, query: str, site: Path) -> list[tuple[str, str]]:
    """Opens search.html?q=query and returns (link text, site-relative href) of every result."""
    driver.get(page_url(site, "search.html") + "?q=" + query)
    return read_results(driver, site)


def read_results(driver, site: Path) -> list[tuple[str, str]]:
    WebDriverWait(driver, WAIT_SECONDS).until(
        lambda d: d.find_element(By.ID, "search-status").text.strip() != "")
    base = site.resolve().as_uri() + "/"
    links = driver.find_elements(By.CSS_SELECTOR, "#search-results a")
    return [(link.text, link.get_attribute("href").removeprefix(base)) for link in links]


def test_newfoundland_finds_the_canada_module_and_the_canada_page(browser, search_site):
    found = results(browser, "Newfoundland", search_site)
    hrefs = [href for _, href in found]
    assert "modules/canada-is-not-the-us.html#time-zones" in hrefs, found
    assert "countries/ca.html#time-zones" in hrefs, found
    assert not any("greetings" in href for href in hrefs), found
    status = browser.find_element(By.ID, "search-status")
    assert status.get_attribute("role") == "status"
    assert status.text.startswith(f"{len(found)} results for"), status.text
    snippets = [mark.text for mark in browser.find_elements(By.CSS_SELECTOR, "#search-results mark")]
    assert "Newfoundland" in snippets


def test_every_word_must_match_and_accents_and_case_do_not(browser, search_site):
    assert results(browser, "POSTAL zip", search_site)[0][1] == "modules/canada-is-not-the-us.html#words"
    assert results(browser, "postal greetings", search_site) == []
    assert "No results" in browser.find_element(By.ID, "search-status").text
    assert [href for _, href in results(browser, "informal", search_site)] == [
        "modules/greetings.html#formal-or-informal"]
    assert any(href == "countries/ca.html" or href.startswith("countries/ca.html#")
               for _, href in results(browser, "Canadá", search_site))


def test_questions_are_not_indexed(browser, search_site):
    assert results(browser, "K1A", search_site) == []


def test_the_header_box_leads_to_the_results_by_keyboard(browser, search_site):
    browser.get(page_url(search_site, "modules/greetings.html"))
    box = browser.find_element(By.CSS_SELECTOR, "form[role=search] input[name=q]")
    label = browser.find_element(By.CSS_SELECTOR, f"label[for={box.get_attribute('id')}]")
    assert label.get_attribute("textContent").strip() == "Search the course"
    box.send_keys("time zones", Keys.ENTER)
    found = read_results(browser, search_site)
    assert browser.current_url.split("?")[0].endswith("/search.html")
    assert ("Canada is not the United States › Time zones", "modules/canada-is-not-the-us.html#time-zones") in found
    # From the page's own box, Tab reaches the button and then the first result.
    box = browser.find_element(By.ID, "search-q")
    assert box.get_attribute("value") == "time zones"
    box.clear()
    box.send_keys("informal", Keys.ENTER)
    assert [href for _, href in read_results(browser, search_site)] == ["modules/greetings.html#formal-or-informal"]
    box.send_keys(Keys.TAB, Keys.TAB)
    active = browser.switch_to.active_element
    assert active.get_attribute("href").endswith("modules/greetings.html#formal-or-informal")


def test_search_page_has_no_accessibility_violations(browser, search_site):
    results(browser, "Newfoundland", search_site)
    axe = Axe(browser)
    axe.inject()
    violations = axe.run()["violations"]
    assert not violations, "\n  ".join(describe(v) for v in violations)


def test_the_index_is_a_script_not_data_to_fetch(search_site):
    index = (search_site / "assets" / "search-index.js").read_text()
    comment, assignment = index.split("\n", 1)
    assert comment.startswith("// Generated by meridian build")
    assert assignment.startswith("window.MeridianSearch = {")
    assert "Newfoundland" in index


def test_the_real_course_finds_newfoundland(browser, site):
    """A learner searching the shipped course for "Newfoundland" finds the Canada module and
    the Canada page."""
    hrefs = [href for _, href in results(browser, "Newfoundland", site)]
    assert any(href.startswith("modules/canada") for href in hrefs), hrefs
    assert any(href == "countries/ca.html" or href.startswith("countries/ca.html#") for href in hrefs), hrefs
