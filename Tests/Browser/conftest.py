"""Fixtures for the site tests: the built course and a headless Chromium on file://.

The site is built once per session with the binary named by $MERIDIAN into a temporary
folder, or taken as it is from $SITE_DIR (then nothing is built). Chromium follows the
recipe that works offline: the Debian chromedriver, offline, a fresh profile, download prefs, and
never --allow-file-access-from-files (it would hide what a real learner sees on file://).
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

import sitefiles

REPO = Path(__file__).resolve().parents[2]
CHROMEDRIVER = "/usr/bin/chromedriver"
BUILD_TIMEOUT_SECONDS = 300


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The built course site: $SITE_DIR as it is, or a fresh `$MERIDIAN build` of the repo."""
    given = os.environ.get("SITE_DIR")
    if given:
        folder = Path(given).resolve()
        if not (folder / "index.html").is_file():
            pytest.fail(f"SITE_DIR={given} has no index.html; point it at a built site.")
        return folder
    meridian = os.environ.get("MERIDIAN")
    if not meridian:
        pytest.fail("Set MERIDIAN to the absolute path of a meridian binary "
                    "(`make browser-test` does: MERIDIAN=$PWD/.build/debug/meridian) "
                    "or SITE_DIR to an already built site.", pytrace=False)
    if not os.access(meridian, os.X_OK):
        pytest.fail(f"MERIDIAN={meridian} is not an executable file; "
                    "build it first (swift build --product meridian).", pytrace=False)
    return build_site(meridian, REPO / "Content", tmp_path_factory.mktemp("meridian") / "Site")


@pytest.fixture(scope="session")
def quiz_site(tmp_path_factory) -> Path:
    """The practice fixture course (fixtures/quiz-course: every kind of question and two
    scenarios) built with $MERIDIAN and the repository's templates and country data."""
    return build_fixture(tmp_path_factory, Path(__file__).parent / "fixtures" / "quiz-course")


def fixture_content(tmp_path_factory, source: Path) -> Path:
    """A copy of the fixture course in `source`, with the repository's country data, in a
    temporary folder: its Content/ folder."""
    content = tmp_path_factory.mktemp(source.name) / "Content"
    shutil.copytree(source, content)
    shutil.copytree(REPO / "Content" / "data", content / "data")
    return content


def build_fixture(tmp_path_factory, source: Path) -> Path:
    """The fixture course in `source` built with $MERIDIAN beside its copied content: the site."""
    meridian = os.environ.get("MERIDIAN")
    if not meridian or not os.access(meridian, os.X_OK):
        pytest.fail("Set MERIDIAN to the absolute path of a built meridian binary "
                    f"to build the fixture course {source.name}.", pytrace=False)
    content = fixture_content(tmp_path_factory, source)
    return build_site(meridian, content, content.parent / "Site")


def build_site(meridian: str, content: Path, output: Path) -> Path:
    """Builds `content` with the repository's templates into `output`, failing clearly."""
    command = [meridian, "build", "--content", str(content),
               "--templates", str(REPO / "Templates"), "--output", str(output)]
    try:
        result = subprocess.run(command, cwd=REPO, capture_output=True, text=True,
                                timeout=BUILD_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        pytest.fail(f"`{' '.join(command)}` did not finish in {BUILD_TIMEOUT_SECONDS} s.",
                    pytrace=False)
    if result.returncode != 0:
        pytest.fail(f"`{' '.join(command)}` exited {result.returncode}.\n"
                    f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}", pytrace=False)
    if not (output / "index.html").is_file():
        pytest.fail(f"`{' '.join(command)}` succeeded but wrote no {output}/index.html.",
                    pytrace=False)
    return output


@pytest.fixture(scope="session")
def page_kinds(site) -> dict[str, str]:
    """One site-relative page of each kind the browser tests look at.

    home: index.html; module: the first module the home page lists; country: countries/us.html
    or else the first country page; countries: countries/index.html. A kind the site lacks
    maps to a message saying so, which `page_of_kind` turns into a failure.
    """
    home = sitefiles.parse_page(site, site / "index.html")
    modules = [p for p in sitefiles.internal_page_links(home)
               if p.startswith("modules/") and (site / p).is_file()]
    countries = sorted(sitefiles.relative(site, p) for p in (site / "countries").glob("*.html")
                       if p.name != "index.html")
    return {
        "home": "index.html",
        "module": modules[0] if modules else "MISSING: index.html links to no modules/*.html page",
        "country": ("countries/us.html" if "countries/us.html" in countries
                    else countries[0] if countries else "MISSING: no countries/<code>.html page"),
        "countries": "countries/index.html",
        "search": "search.html",
    }


@pytest.fixture
def page_of_kind(site, page_kinds):
    """page_of_kind("module") → the site-relative path, failing clearly if there is none."""
    def pick(kind: str) -> str:
        path = page_kinds[kind]
        if path.startswith("MISSING") or not (site / path).is_file():
            pytest.fail(f"The site has no {kind} page to test ({path}).", pytrace=False)
        return path
    return pick


def page_url(site: Path, relative_path: str) -> str:
    """The file:// URL of a page in the site, e.g. page_url(site, "countries/index.html")."""
    return (site / relative_path).resolve().as_uri()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """A headless Chromium shared by one test module, with a fresh profile and download folder.

    `browser.download_dir` is where downloads land. Console messages are kept
    (goog:loggingPrefs) so tests can read them with browser.get_log("browser").
    """
    driver = chromium(tmp_path_factory)
    yield driver
    driver.quit()


def chromium(tmp_path_factory, prefs: dict | None = None):
    """A new headless Chromium with a fresh profile; `prefs` adds profile preferences, e.g.
    {"profile.managed_default_content_settings.javascript": 2} to turn JavaScript off."""
    os.environ["SE_OFFLINE"] = "true"
    profile = tmp_path_factory.mktemp("chromium-profile")
    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", f"--user-data-dir={profile}",
                     "--window-size=1280,1024"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads),
        "download.prompt_for_download": False,
        **(prefs or {}),
    })
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.download_dir = downloads
    return driver


def _page_opener(browser, site: Path):
    """A function that loads a page of `site` from file:// and returns the driver, and a
    function that forgets what the pages stored.

    Every test starts with empty localStorage: it is cleared from a page of the site before
    the test's first page loads (a clear from a page of another origin, or from about:blank,
    would not reach file:// storage). Console and network logs are drained before each load,
    so what a test reads afterwards belongs to that page."""
    state = {"first": True}

    def forget():
        try:
            browser.execute_script("try { localStorage.clear() } catch (e) {}")
        except Exception:  # a crashed page must not hide the test's own failure
            pass

    def load(relative_path: str):
        browser.get("about:blank")
        browser.get_log("browser")
        browser.get_log("performance")
        if state["first"]:
            state["first"] = False
            browser.get(page_url(site, relative_path))
            forget()
        browser.get(page_url(site, relative_path))
        return browser
    return load, forget


@pytest.fixture
def open_page(browser, site):
    """open_page("modules/x.html") loads that page of the course from file:// and returns the
    driver; localStorage starts empty and is cleared after the test."""
    load, forget = _page_opener(browser, site)
    yield load
    forget()


@pytest.fixture
def open_practice(browser, quiz_site):
    """open_practice("modules/questions.html") loads a page of the practice fixture course
    from file://; localStorage starts empty and is cleared after the test."""
    load, forget = _page_opener(browser, quiz_site)
    yield load
    forget()
