"""The French-Canadian edition (Site/fr-CA/), opened from disk in Chromium: every kind of page
passes axe-core; no page shows a string of the English interface; the language link lands on
the same section of the same page; progress made in English is there in French; quizzes and
scenarios work in French; a record exported in French passes `meridian records verify`; and
French search ignores accents. Every page's HTML validity and links are checked with the rest
of the site by test_html_valid.py and test_site_links.py, which read Site/ whole."""
from __future__ import annotations

import json
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from selenium_axe_python import Axe

import sitefiles
from conftest import REPO, page_url
from test_accessibility import describe
from test_progress import meridian

FR = "fr-CA/"
WAIT_SECONDS = 10
PAGES = ["index.html", "modules/time-zones.html", "modules/scenario-practice.html", "modules/final-check.html",
         "countries/ca-quebec.html", "countries/index.html", "compare.html", "search.html", "progress.html",
         "certificate.html"]


def catalogue(language: str) -> dict[str, str]:
    """The interface strings of a language, by dotted key."""
    flat: dict[str, str] = {}

    def walk(node, prefix):
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{prefix}{key}.")
        else:
            flat[prefix[:-1]] = str(node)
    walk(yaml.safe_load((REPO / "Templates" / "i18n" / f"{language}.yaml").read_text()), "")
    return flat


def english_only_strings() -> set[str]:
    """English interface strings that are not also French ones (some words are both: « Modules »)."""
    french = set(catalogue("fr-CA").values())
    return {text for text in catalogue("en").values()
            if text not in french and "{" not in text and any(c.isalpha() for c in text)}


class TextNodes(HTMLParser):
    """Text nodes and readable attributes of a page, outside scripts and styles."""
    SKIP = {"script", "style"}
    READABLE = {"alt", "title", "aria-label", "placeholder"}

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        self.texts += [value.strip() for name, value in attrs if name in self.READABLE and value]

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.texts.append(" ".join(data.split()))


def french_pages(site: Path) -> list[Path]:
    return sorted((site / FR).rglob("*.html"))


def test_every_language_has_its_own_site_and_pages_say_their_language(site):
    assert (site / FR / "index.html").is_file()
    assert len(french_pages(site)) == len(list(site.glob("**/*.html"))) - len(french_pages(site))
    for page in french_pages(site)[:5] + [site / FR / p for p in PAGES]:
        assert '<html lang="fr-CA">' in page.read_text(), page


def test_no_french_page_shows_the_english_interface(site):
    english = english_only_strings()
    assert len(english) > 100, "the English catalogue should have the interface's strings"
    found = []
    for page in french_pages(site):
        parser = TextNodes()
        parser.feed(page.read_text())
        found += [f"{sitefiles.relative(site, page)}: {text!r}" for text in parser.texts if text in english]
    assert not found, f"{len(found)} English interface strings on French pages:\n  " + "\n  ".join(found[:40])


@pytest.mark.parametrize("path", PAGES)
def test_french_page_has_no_accessibility_violations_and_no_english_after_its_scripts(path, open_page):
    driver = open_page(FR + path)
    axe = Axe(driver)
    axe.inject()
    violations = axe.run()["violations"]
    assert not violations, f"axe-core on {FR + path}:\n  " + "\n  ".join(describe(v) for v in violations)
    shown = driver.execute_script("""
        const out = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const node = walker.currentNode, parent = node.parentElement;
          if (!parent || parent.closest('script, style') || !parent.getClientRects().length) continue;
          const text = node.textContent.replace(/\\s+/g, ' ').trim();
          if (text) out.push(text);
        }
        return out;""")
    english = english_only_strings()
    assert not [t for t in shown if t in english], [t for t in shown if t in english]


def test_the_language_link_lands_on_the_same_section_in_the_other_language(site, open_page):
    driver = open_page("modules/time-zones.html")
    headings = [h.get_attribute("id") for h in driver.find_elements(By.CSS_SELECTOR, "main h2[id], main h3[id]")]
    assert len(headings) >= 4
    driver.execute_script("document.getElementById(arguments[0]).scrollIntoView()", headings[3])
    time.sleep(1)  # the reader stops at the section; clicking the header link scrolls back up
    driver.find_element(By.CSS_SELECTOR, "a[data-language-link][hreflang='fr-CA']").click()
    WebDriverWait(driver, WAIT_SECONDS).until(lambda d: "/fr-CA/modules/time-zones.html#" in d.current_url
                                              and "section-" not in d.current_url)
    french = driver.find_elements(By.CSS_SELECTOR, "main h2[id], main h3[id]")
    assert driver.current_url.endswith("#" + french[3].get_attribute("id"))
    top = driver.execute_script("return arguments[0].getBoundingClientRect().top", french[3])
    assert abs(top) < 50, f"the fourth heading should be at the top of the window, not at {top}px"
    time.sleep(1)
    driver.find_element(By.CSS_SELECTOR, "a[data-language-link][hreflang='en']").click()
    WebDriverWait(driver, WAIT_SECONDS).until(lambda d: "/fr-CA/" not in d.current_url)
    assert driver.current_url.endswith("#" + headings[3])


def first_question(driver):
    return driver.find_element(By.CSS_SELECTOR, "form.question[data-type='single']")


def answer_first_choice(driver) -> str:
    form = first_question(driver)
    qid = form.get_attribute("id")
    form.find_element(By.CSS_SELECTOR, f"label[for='{qid}-1']").click()
    form.find_element(By.CSS_SELECTOR, "button[type='submit']").click()
    status = form.find_element(By.CSS_SELECTOR, "[role='status']")
    WebDriverWait(driver, WAIT_SECONDS).until(lambda d: status.text.strip())
    return status.text.strip()


def test_progress_made_in_english_is_there_in_french(open_page):
    driver = open_page("modules/time-zones.html")
    answer_first_choice(driver)
    qid = first_question(driver).get_attribute("id")
    driver.find_element(By.CSS_SELECTOR, "a[data-language-link][hreflang='fr-CA']").click()
    WebDriverWait(driver, WAIT_SECONDS).until(lambda d: "/fr-CA/" in d.current_url)
    chosen = driver.find_element(By.ID, f"{qid}-1")
    WebDriverWait(driver, WAIT_SECONDS).until(lambda d: chosen.is_selected())
    saved = driver.execute_script("return window.MeridianStore.getModule('time-zones')")
    assert saved and saved["answers"], saved


def test_a_quiz_and_a_scenario_work_in_french(open_page):
    driver = open_page(FR + "modules/time-zones.html")
    result = answer_first_choice(driver)
    english = english_only_strings()
    assert result and result.split("\n")[0] not in english
    driver = open_page(FR + "modules/scenario-practice.html")
    scenario = driver.find_element(By.CSS_SELECTOR, "section.scenario")
    before = scenario.text
    scenario.find_element(By.CSS_SELECTOR, "[role='group'] button").click()
    WebDriverWait(driver, WAIT_SECONDS).until(lambda d: len(scenario.text) > len(before))
    assert not [line for line in scenario.text.splitlines() if line.strip() in english]


def test_a_record_exported_in_french_passes_records_verify(open_page, tmp_path):
    driver = open_page(FR + "modules/time-zones.html")
    answer_first_choice(driver)
    driver.get(page_url_of(driver, "progress.html"))
    driver.find_element(By.ID, "learner-name").send_keys("Émilie Tremblay")
    driver.find_element(By.ID, "learner-employee-id").send_keys("QC-0042")
    for old in Path(driver.download_dir).iterdir():
        old.unlink()
    driver.find_element(By.CSS_SELECTOR, "button[data-export='json']").click()
    record = wait_for_download(driver, ".json")
    data = json.loads(record.read_text())
    assert data["course"]["language"] == "fr-CA"
    assert data["learner"]["name"] == "Émilie Tremblay"
    verified = meridian("records", "verify", "--content", str(REPO / "Content"), str(record))
    assert verified.returncode == 0, verified.stdout + verified.stderr


def page_url_of(driver, relative: str) -> str:
    return driver.current_url.split("/fr-CA/")[0] + "/fr-CA/" + relative


def wait_for_download(driver, suffix: str) -> Path:
    folder = Path(driver.download_dir)

    def finished(_):
        files = [p for p in folder.iterdir() if p.suffix == suffix]
        busy = [p for p in folder.iterdir() if p.name.endswith(".crdownload")]
        return files[0] if files and not busy else False
    return WebDriverWait(driver, WAIT_SECONDS).until(finished)


def test_french_search_ignores_accents(site, open_page):
    driver = open_page(FR + "search.html")
    driver.get(page_url(site, FR + "search.html") + "?q=quebec")
    WebDriverWait(driver, WAIT_SECONDS).until(
        lambda d: any("Québec" in a.text for a in d.find_elements(By.CSS_SELECTOR, "main a")))
