"""Country pages, the countries index and the compare page, in Chromium on file://:
no accessibility violations, the compare page chosen by keyboard and opened from a shared
address, the index filtered and sorted, the index readable without JavaScript, and the
local-time table of a country with time zones."""
from __future__ import annotations

import csv
import os
import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support.ui import WebDriverWait
from selenium_axe_python import Axe

from conftest import CHROMEDRIVER, REPO, page_url
from test_accessibility import describe

DATA = REPO / "Content" / "data"
DIMENSIONS = [("pdi", "pdi", "Power distance"), ("idv", "idv", "Individualism"),
              ("mas", "mas", "Masculinity"), ("uai", "uai", "Uncertainty avoidance"),
              ("lto", "ltowvs", "Long-term orientation"), ("ivr", "ivr", "Indulgence")]
WAIT_SECONDS = 10


def dataset() -> dict[str, dict]:
    """code → {name, kind, region, scores: {dimension: int or None}}, read from Content/data."""
    with open(DATA / "hofstede-6d-2015-08-16.csv", encoding="utf-8", newline="") as file:
        rows = {row["ctr"]: row for row in csv.DictReader(file, delimiter=";")}
    with open(DATA / "hofstede-countries.csv", encoding="utf-8", newline="") as file:
        mapping = list(csv.DictReader(file))
    return {m["code"]: {"name": m["name"], "kind": m["kind"], "region": m["region"],
                        "scores": {key: None if rows[m["ctr"]][column] == "#NULL!" else int(rows[m["ctr"]][column])
                                   for key, column, _ in DIMENSIONS}}
            for m in mapping}


@pytest.fixture
def open_address(browser, site):
    """open_address("compare.html?c=us,in,fr"): like open_page, keeping the query."""
    def load(address: str):
        path, _, query = address.partition("?")
        browser.get("about:blank")
        browser.get(page_url(site, path) + (f"?{query}" if query else ""))
        return browser
    return load


def wait_for(driver, condition, message: str):
    return WebDriverWait(driver, WAIT_SECONDS).until(lambda d: condition(d), message)


def axe_violations(driver) -> list[str]:
    axe = Axe(driver)
    axe.inject()
    return [describe(v) for v in axe.run()["violations"]]


@pytest.mark.parametrize("path", ["countries/us.html", "countries/index.html",
                                  "compare.html", "compare.html?c=us,in,fr"])
def test_country_pages_index_and_compare_have_no_accessibility_violations(path, open_address):
    driver = open_address(path)
    if "?c=" in path:
        wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".gap"), "the comparison never appeared")
    problems = axe_violations(driver)
    assert not problems, f"axe-core found violations on {path}:\n  " + "\n  ".join(problems)


def shown_scores(driver) -> list[list[str]]:
    """The compare table's body: one list of cell texts per dimension row."""
    rows = driver.find_elements(By.CSS_SELECTOR, ".compare-table tbody tr")
    return [[cell.text for cell in row.find_elements(By.CSS_SELECTOR, "th, td")] for row in rows]


def expected_scores(codes: list[str]) -> list[list[str]]:
    data = dataset()
    return [[name] + ["—" if data[code]["scores"][key] is None else str(data[code]["scores"][key]) for code in codes]
            for key, _, name in DIMENSIONS]


def largest_gap(codes: list[str]) -> tuple[str, int]:
    """The dimension where the customers (first code) differ most from another choice."""
    data = dataset()
    own = data[codes[0]]["scores"]
    gaps = [(max(abs(own[key] - data[other]["scores"][key]) for other in codes[1:]), name)
            for key, _, name in DIMENSIONS]
    size, name = max(gaps)
    return name, size


def check_comparison(driver, codes: list[str], names: list[str]):
    status = wait_for(driver, lambda d: "Comparing" in d.find_element(By.CSS_SELECTOR, ".compare-status").text
                      and d.find_element(By.CSS_SELECTOR, ".compare-status").text,
                      "the compare page never said what it compares")
    assert status == (f"Comparing {names[0]} (your customers), {names[1]} (your company) "
                      f"and {names[2]} (your support team).")
    assert shown_scores(driver) == expected_scores(codes)
    headers = [h.text for h in driver.find_elements(By.CSS_SELECTOR, ".compare-table thead th")]
    assert headers == ["Dimension"] + [f"{label}\n{name}" for label, name in
                                       zip(["Your customers", "Your company", "Your support team"], names)]
    gaps = driver.find_elements(By.CSS_SELECTOR, ".gap h3")
    assert gaps, "no gaps are listed"
    name, size = largest_gap(codes)
    assert gaps[0].text == f"{name}: {size} points"
    advice = driver.find_elements(By.CSS_SELECTOR, ".gap .gap-advice")
    assert len(advice) == len(gaps) and all(a.text.strip() for a in advice)
    chart = driver.find_element(By.CSS_SELECTOR, ".compare-figure svg[role=img]")
    assert chart.find_element(By.TAG_NAME, "title").get_attribute("textContent").startswith(
        f"Your customers, {names[0]}: Power distance ")


def test_three_countries_chosen_by_keyboard_show_scores_gaps_and_a_shareable_address(open_page):
    driver = open_page("compare.html")
    body = driver.find_element(By.TAG_NAME, "body")
    body.click()
    choices = [("compare-customers", "United States"), ("compare-company", "India"), ("compare-team", "France")]
    for element_id, country in choices:
        for _ in range(80):
            if driver.switch_to.active_element.get_attribute("id") == element_id:
                break
            ActionChains(driver).send_keys(Keys.TAB).perform()
        assert driver.switch_to.active_element.get_attribute("id") == element_id, f"Tab never reached {element_id}"
        # Home, then Down to the country: the way a keyboard user walks a closed list (typing
        # the name works too, but depends on how fast the keys arrive).
        index = driver.execute_script(
            "var s = arguments[0], name = arguments[1];"
            "for (var i = 0; i < s.options.length; i++) if (s.options[i].text === name) return i;"
            "return -1;", driver.find_element(By.ID, element_id), country)
        assert index > 0, f"{country} is not a choice"
        ActionChains(driver).send_keys(Keys.HOME).send_keys(Keys.ARROW_DOWN * index).perform()
        selected = driver.execute_script("var s = arguments[0]; return s.options[s.selectedIndex].text",
                                         driver.find_element(By.ID, element_id))
        assert selected == country
    check_comparison(driver, ["us", "in", "fr"], ["United States", "India", "France"])
    assert driver.current_url.endswith("compare.html?c=us,in,fr")
    share = driver.find_element(By.CSS_SELECTOR, ".compare-share a")
    assert share.get_attribute("href").endswith("compare.html?c=us,in,fr")


def test_a_shared_address_opens_the_same_comparison(open_address):
    driver = open_address("compare.html?c=us,in,fr")
    check_comparison(driver, ["us", "in", "fr"], ["United States", "India", "France"])
    values = [driver.find_element(By.ID, i).get_attribute("value")
              for i in ("compare-customers", "compare-company", "compare-team")]
    assert values == ["us", "in", "fr"]


def test_every_country_page_links_a_comparison_that_starts_from_it(site, open_page):
    for code, row in dataset().items():
        if row["kind"] == "part":
            continue
        html = (site / "countries" / f"{code}.html").read_text(encoding="utf-8")
        assert f'href="../compare.html?c={code}"' in html, f"countries/{code}.html links no comparison"
    # Regional pages and countries the dataset lacks start from their country or nearest row.
    for page in (site / "countries").glob("*.html"):
        if page.name != "index.html":
            assert 'href="../compare.html?c=' in page.read_text(encoding="utf-8"), f"{page.name} links no comparison"
    driver = open_page("countries/jp.html")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Compare Japan").click()
    wait_for(driver, lambda d: d.find_element(By.ID, "compare-customers").get_attribute("value") == "jp",
             "the comparison did not start from Japan")
    assert "Japan" in driver.find_element(By.CSS_SELECTOR, ".compare-status").text


def visible_rows(driver) -> list[tuple[str, str, list[str]]]:
    """(name, region, scores) of the index rows on screen."""
    return [(row.find_element(By.CSS_SELECTOR, "th a").text, row.get_attribute("data-region"),
             [td.text for td in row.find_elements(By.TAG_NAME, "td")[1:]])
            for row in driver.find_elements(By.CSS_SELECTOR, ".countries-table tbody tr") if row.is_displayed()]


def test_the_index_filters_by_name_and_region_and_sorts_by_a_dimension(open_page):
    data = {code: row for code, row in dataset().items() if row["kind"] != "part"}
    driver = open_page("countries/index.html")
    every = visible_rows(driver)
    assert len(every) >= len(data)
    name = driver.find_element(By.ID, "country-filter-name")
    name.send_keys("ger")
    wait_for(driver, lambda d: len(visible_rows(d)) < len(every), "the name filter hid nothing")
    expected = sorted(n for n, _, _ in every if "ger" in n.lower())
    assert "Germany" in expected and "Nigeria" in expected
    assert sorted(n for n, _, _ in visible_rows(driver)) == expected
    name.clear()
    name.send_keys(Keys.BACK_SPACE)
    from selenium.webdriver.support.select import Select
    Select(driver.find_element(By.ID, "country-filter-region")).select_by_visible_text("Oceania")
    wait_for(driver, lambda d: all(r == "Oceania" for _, r, _ in visible_rows(d)), "the region filter kept other regions")
    oceania = sorted(n for n, r, _ in every if r == "Oceania")
    assert len(oceania) >= 2 and sorted(n for n, _, _ in visible_rows(driver)) == oceania
    assert driver.find_element(By.CSS_SELECTOR, ".filter-status").text.startswith("Showing ")

    Select(driver.find_element(By.ID, "country-filter-region")).select_by_visible_text("All regions")
    header = driver.find_element(By.XPATH, "//th[button[normalize-space()='Power distance']]")
    header.find_element(By.TAG_NAME, "button").click()
    assert header.get_attribute("aria-sort") == "descending"
    scores = [int(s[0]) for _, _, s in visible_rows(driver) if s and s[0].lstrip("-").isdigit()]
    highest = max(r["scores"]["pdi"] for r in data.values() if r["scores"]["pdi"] is not None)
    assert scores[0] == highest and scores == sorted(scores, reverse=True)
    header.find_element(By.TAG_NAME, "button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    scores = [int(s[0]) for _, _, s in visible_rows(driver) if s and s[0].lstrip("-").isdigit()]
    assert scores == sorted(scores)


@pytest.fixture(scope="module")
def browser_without_javascript(tmp_path_factory):
    os.environ["SE_OFFLINE"] = "true"
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--user-data-dir={tmp_path_factory.mktemp('chromium-nojs')}", "--window-size=1280,1024"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def test_without_javascript_the_index_is_a_plain_readable_table(site, browser_without_javascript):
    driver = browser_without_javascript
    driver.get(page_url(site, "countries/index.html"))
    # WebDriver's own scripts run regardless; the page's did not: no sort buttons, no filter.
    assert not driver.find_elements(By.CSS_SELECTOR, ".sort-button"), "the page's script ran"
    assert not driver.find_element(By.CSS_SELECTOR, ".table-filter").is_displayed()
    headers = [th.text for th in driver.find_elements(By.CSS_SELECTOR, ".countries-table thead th")]
    assert headers == ["Country", "Region"] + [name for _, _, name in DIMENSIONS]
    rows = visible_rows(driver)
    data = dataset()
    listed = {r["name"] for r in data.values() if r["kind"] != "part"}
    assert listed <= {n for n, _, _ in rows}, f"missing: {sorted(listed - {n for n, _, _ in rows})}"
    for name, region, scores in rows:
        assert region, f"{name} has no region"
        assert name in listed or scores == ["not in the dataset"], f"{name} is not in the dataset but shows scores"
    us = next(s for n, _, s in rows if n == "United States")
    assert us == [str(data["us"]["scores"][key]) for key, _, _ in DIMENSIONS]


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    """The test fixture course (Canada has notes with six time zones), built on its own."""
    meridian = os.environ.get("MERIDIAN")
    if not meridian or not os.access(meridian, os.X_OK):
        pytest.fail("Set MERIDIAN to the meridian binary (see conftest.py).", pytrace=False)
    folder = tmp_path_factory.mktemp("fixture-course")
    shutil.copytree(REPO / "Tests" / "CourseKitTests" / "Fixtures" / "course", folder / "Content")
    shutil.copytree(DATA, folder / "Content" / "data")
    result = subprocess.run([meridian, "build", "--content", str(folder / "Content"), "--templates",
                             str(REPO / "Templates"), "--output", str(folder / "Site")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "Site"


def test_a_country_page_shows_local_time_and_the_overlap_of_business_hours(fixture_site, browser):
    browser.get(page_url(fixture_site, "countries/ca.html"))
    rows = wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".clock-table tbody tr"),
                    "no local-time table appeared")
    zones = ["Toronto", "St Johns", "Halifax", "Winnipeg", "Edmonton", "Vancouver"]
    assert sorted(r.find_element(By.TAG_NAME, "th").text.split(" — ")[0] for r in rows) == sorted(zones)
    own = browser.execute_script("return Intl.DateTimeFormat().resolvedOptions().timeZone")
    assert own in browser.find_element(By.CSS_SELECTOR, ".clock-intro").text.replace(" ", "_")
    row = next(r for r in rows if r.find_element(By.TAG_NAME, "th").text.startswith("St Johns"))
    cells = [td.text for td in row.find_elements(By.TAG_NAME, "td")]
    # The overlap follows from the two zones' offsets today (Newfoundland is half an hour off).
    now = datetime.now(ZoneInfo("UTC"))
    shift = now.astimezone(ZoneInfo(own)).utcoffset() - now.astimezone(ZoneInfo("America/St_Johns")).utcoffset()
    start, end = timedelta(hours=9) + shift, timedelta(hours=17) + shift
    overlap = max(timedelta(0), min(end, timedelta(hours=17)) - max(start, timedelta(hours=9)))
    minutes = int(overlap.total_seconds() // 60)
    if minutes == 0:
        assert cells[2] == "none"
    else:
        words = f"{minutes // 60} hour" + ("" if minutes // 60 == 1 else "s")
        assert cells[2].startswith(words + (f" {minutes % 60} minutes" if minutes % 60 else ""))
    assert cells[0][:2].isdigit() and cells[0][2] == ":"


def test_the_site_wide_checks_cover_the_country_and_compare_pages(site):
    """The link checker and the Nu validator walk every .html file of the site: make sure
    the pages of this feature are among them, and reachable from the header on every page."""
    import sitefiles
    walked = {sitefiles.relative(site, p) for p in sitefiles.files(site, ".html")}
    wanted = {"compare.html", "countries/index.html"} | {
        f"countries/{code}.html" for code, row in dataset().items() if row["kind"] != "part"}
    assert wanted <= walked, f"not walked: {sorted(wanted - walked)}"
    home = sitefiles.parse_page(site, site / "index.html")
    assert "compare.html" in sitefiles.internal_page_links(home)
