"""`meridian serve` in a browser: a page open over http follows the edits to its Markdown by
itself, shows a content error over the last good page (which the server keeps serving), and
drops the error once it is fixed.

The course is what `$MERIDIAN new` writes, in a temporary folder; the server runs there on a
port of its choosing and is stopped when the tests end, whether they passed or not.
"""
from __future__ import annotations

import os
import re
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from selenium_axe_python import Axe

from test_accessibility import describe

START_TIMEOUT_SECONDS = 300
CHANGE_TIMEOUT_SECONDS = 10
OVERLAY = "meridian-problems"


class Server:
    """A running `meridian serve` and every line it printed."""

    def __init__(self, meridian: str, folder: Path):
        self.folder = folder
        self.lines: list[str] = []
        self.ready = threading.Event()
        self.port: int | None = None
        self.process = subprocess.Popen(
            [meridian, "serve", "--port", "0"], cwd=folder, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stderr:
            self.lines.append(line.rstrip("\n"))
            found = re.search(r"on http://127\.0\.0\.1:(\d+)/", line)
            if found and self.port is None:
                self.port = int(found.group(1))
                self.ready.set()
        self.ready.set()

    def log(self) -> str:
        return "\n".join(self.lines) or "(nothing)"

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def fetch(self, path: str) -> str:
        with urllib.request.urlopen(self.url(path), timeout=10) as reply:
            return reply.read().decode("utf-8")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`meridian serve` on a new course, answering; stopped at the end even after a failure."""
    meridian = os.environ.get("MERIDIAN")
    if not meridian or not os.access(meridian, os.X_OK):
        pytest.fail("Set MERIDIAN to the absolute path of a built meridian binary.", pytrace=False)
    folder = tmp_path_factory.mktemp("served") / "course"
    made = subprocess.run([meridian, "new", str(folder)], capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, f"`meridian new` failed:\n{made.stderr}"
    running = Server(meridian, folder)
    try:
        if not running.ready.wait(START_TIMEOUT_SECONDS) or running.port is None:
            pytest.fail(f"`meridian serve` did not start serving in {START_TIMEOUT_SECONDS} s; "
                        f"it printed:\n{running.log()}", pytrace=False)
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def module_source(server) -> tuple[Path, str]:
    """The starter course's one module: its Markdown file and its page's site path."""
    sources = sorted((server.folder / "Content" / "modules").glob("*.md"))
    assert sources, "`meridian new` wrote no module"
    slug = sources[0].stem.split("-", 1)[1]
    return sources[0], f"modules/{slug}.html"


def append(path: Path, text: str):
    """Adds a paragraph at the end of the file as an editor saves: a new file renamed over it."""
    new = path.with_name(path.name + ".new")
    new.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    new.replace(path)


def overlay_text(driver) -> str | None:
    """The error overlay's text, or None while there is none."""
    try:
        found = driver.find_elements(By.ID, OVERLAY)
        return found[0].text if found else None
    except StaleElementReferenceException:  # the page reloaded while it was read
        return None


def wait(driver, condition, what: str, server: Server):
    try:
        return WebDriverWait(driver, CHANGE_TIMEOUT_SECONDS, poll_frequency=0.05,
                             ignored_exceptions=(StaleElementReferenceException,)).until(condition)
    except Exception as error:
        pytest.fail(f"{what} did not happen in {CHANGE_TIMEOUT_SECONDS} s ({type(error).__name__}); "
                    f"the server printed:\n{server.log()}", pytrace=False)


def test_an_open_page_follows_edits_and_shows_errors_over_the_last_good_page(server, module_source, browser):
    source, page = module_source
    browser.get(server.url(page))
    assert browser.find_element(By.TAG_NAME, "h1").text, f"{page} has no heading"
    assert overlay_text(browser) is None, f"{page} shows errors before any edit"

    # (a) An edit shows up in the open page: the page reloads itself.
    sentence = f"A sentence added while serving, {time.time_ns()}."
    append(source, f"\n{sentence}\n")
    wait(browser, lambda d: sentence in d.find_element(By.TAG_NAME, "main").text,
         f"the open page showing the appended sentence from {source.name}", server)

    # (b) A broken link: the errors over the page, naming the file and line; the server
    # still sends the last good page.
    append(source, "\nSee [a page that is not there](nowhere.md).\n")
    broken_line = len(source.read_text(encoding="utf-8").splitlines())
    place = f"Content/modules/{source.name}:{broken_line}:"
    shown = wait(browser, lambda d: (overlay_text(d) or "") if place in (overlay_text(d) or "") else False,
                 f"the error overlay naming {place}", server)
    assert "broken link 'nowhere.md'" in shown, f"the overlay shows:\n{shown}"
    overlay = browser.find_element(By.ID, OVERLAY)
    assert overlay.get_attribute("role") == "alert", "the overlay is not announced (role=alert)"
    served = server.fetch(page)
    assert sentence in served, "the server stopped sending the last good page"
    assert "a page that is not there" not in served, "the server sent the page with the error"
    assert "Content/modules" not in served, "the served page itself carries the error text"

    axe = Axe(browser)
    axe.inject()
    violations = axe.run()["violations"]
    assert not violations, (f"axe-core found {len(violations)} violated rules with the overlay shown:\n  "
                            + "\n  ".join(describe(v) for v in violations))

    # (c) Fixed: the overlay goes away and the page is the good one again.
    source.write_text(source.read_text(encoding="utf-8").replace(
        "\nSee [a page that is not there](nowhere.md).\n", ""), encoding="utf-8")
    wait(browser, lambda d: overlay_text(d) is None and sentence in d.find_element(By.TAG_NAME, "main").text,
         "the overlay going away after the fix", server)
    assert "build failed" in server.log(), "the terminal did not report the failed build"


def test_the_built_files_never_carry_the_reload_script(server, module_source):
    _, page = module_source
    on_disk = (server.folder / "Site" / page).read_text(encoding="utf-8")
    assert "__meridian" not in on_disk, f"Site/{page} on disk carries the reload script"
    assert "/__meridian/reload.js" in server.fetch(page), "the served page has no reload script"
