"""The course's French edition (Site/fr-CA/) speaks French: every word of the interface, in the
pages the build writes and in what the scripts add, comes from Templates/i18n/fr-CA.yaml.
No text of the interface may equal an English catalogue text that French words differently; the content (module bodies and country notes, the `.prose` blocks, and the titles
and headings the search index lists) is translated as content, not here, and is left out:
a module may well be called "Time zones".
"""
from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import page_url

# Attributes whose value a person reads or hears.
READ_ATTRIBUTES = {"aria-label", "placeholder", "title", "alt"}


@pytest.fixture(scope="module")
def french_site(site) -> Path:
    """The course's French-Canadian edition, built beside the English one into Site/fr-CA/."""
    french = site / "fr-CA"
    assert (french / "index.html").is_file(), "the site has no fr-CA/ edition"
    return french


def texts(site: Path) -> dict[str, str]:
    """Every text of the site's catalogue (assets/text.js), by key; plural forms as key.form."""
    script = (site / "assets" / "text.js").read_text(encoding="utf-8")
    data = json.loads(script[script.index("=") + 1:].strip().rstrip(";"))
    flat: dict[str, str] = {}

    def walk(value, prefix):
        for name, child in value.items():
            key = f"{prefix}{name}"
            if isinstance(child, dict):
                walk(child, key + ".")
            else:
                flat[key] = child
    walk(data["texts"], "")
    return flat


def content_texts(site: Path) -> set[str]:
    """The titles of the pages and the headings of their sections, from the search index."""
    script = (site / "assets" / "search-index.js").read_text(encoding="utf-8")
    index = json.loads(script[script.index("=") + 1:].strip().rstrip(";"))
    return {page[0] for page in index["pages"]} | {section[1] for section in index["sections"] if section[1]}


@pytest.fixture(scope="module")
def english_only(site, french_site) -> set[str]:
    """English texts, without placeholders, that French words differently (and that are not
    French texts too, such as "Modules", nor the course's own titles and headings)."""
    english, french = texts(site), texts(french_site)
    assert english.keys() == french.keys()
    french_words = set(french.values()) | content_texts(french_site)
    return {text for key, text in english.items()
            if text != french[key] and "{" not in text and text.strip() and text not in french_words}


class InterfaceText(HTMLParser):
    """The text nodes and read attributes of a page, outside `.prose`, scripts and styles."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            if not self.skipping:
                self.found += [value for name, value in attrs if name in READ_ATTRIBUTES and value]
            return
        classes = (dict(attrs).get("class") or "").split()
        if self.skipping or "prose" in classes or tag in ("script", "style"):
            self.skipping += 1
            return
        self.found += [value for name, value in attrs if name in READ_ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.found.append(data.strip())


def test_the_french_catalogue_has_every_key_of_the_english_one(site, french_site):
    assert texts(site).keys() == texts(french_site).keys()


def test_french_pages_show_no_english_interface_text(french_site, english_only):
    found = {}
    for page in sorted(french_site.rglob("*.html")):
        parser = InterfaceText()
        parser.feed(page.read_text(encoding="utf-8"))
        english = sorted(set(parser.found) & english_only)
        if english:
            found[str(page.relative_to(french_site))] = english
    assert not found, f"English interface text on French pages: {found}"


def test_french_pages_are_in_french(french_site):
    home = (french_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr-CA">' in home
    assert "Passer au contenu principal" in home
    assert ">Pays</a>" in home and ">Progression</a>" in home and ">Comparer</a>" in home
    progress = (french_site / "progress.html").read_text(encoding="utf-8")
    assert "Exporter la progression (JSON)" in progress


def test_the_scripts_speak_french(browser, french_site, english_only):
    browser.get(page_url(french_site, "index.html"))
    status = WebDriverWait(browser, 10).until(
        lambda driver: driver.find_element(By.CSS_SELECTOR, ".module-status[data-module]:not([hidden])"))
    assert status.text == "Non commencé"
    module = browser.find_element(By.CSS_SELECTOR, "a[data-module-link]").get_attribute("href")
    browser.get(module)
    button = WebDriverWait(browser, 10).until(
        lambda driver: driver.find_element(By.CSS_SELECTOR, "form.question button[type=submit]"))
    assert button.text == "Vérifier la réponse"
    button.click()
    result = browser.find_element(By.CSS_SELECTOR, "form.question [data-result]")
    french = texts(french_site)
    assert result.text in {text for key, text in french.items() if key.startswith("forms.")}
    lines = {line.strip() for line in browser.find_element(By.TAG_NAME, "body").text.splitlines()}
    prose = {line.strip() for block in browser.find_elements(By.CSS_SELECTOR, ".prose") for line in block.text.splitlines()}
    english = sorted((lines - prose) & english_only)
    assert not english, f"English interface text on a French module page: {english}"
