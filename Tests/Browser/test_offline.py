"""Opened from disk with no network, a page asks for nothing outside file://, has a title,
and logs no console error (no CDN, no web fonts, no analytics)."""
from __future__ import annotations

import json

import pytest

PAGE_KINDS = ["home", "module", "country", "countries"]

INLINE_PREFIXES = ("data:", "blob:")  # never leave the page
RESOURCE_URLS = "return performance.getEntriesByType('resource').map(e => e.name)"


def requested_urls(driver) -> list[str]:
    """Every URL the page asked for: Resource Timing entries and Chromium's network log.

    On file:// Chromium 156 lists no Resource Timing entries at all, and a request that
    fails may not be listed there, so the network log (goog:loggingPrefs "performance") is
    what makes this check see anything; Resource Timing is kept for when it does."""
    urls = list(driver.execute_script(RESOURCE_URLS))
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return sorted(set(urls))


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_opened_from_disk_loads_only_files_of_the_site(kind, site, page_of_kind, open_page):
    path = page_of_kind(kind)
    site_folder = site.resolve().as_uri() + "/"
    driver = open_page(path)
    urls = requested_urls(driver)
    assert driver.current_url in urls, (
        f"the network log does not even show {path} itself being requested; the check is blind")
    outside = [url for url in urls
               if not url.startswith(site_folder) and not url.startswith(INLINE_PREFIXES)]
    assert not outside, (f"{path} opened from disk requested {len(outside)} URLs that are not "
                         f"files in the site folder {site_folder}:\n  " + "\n  ".join(outside))


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_opened_from_disk_has_a_title_and_no_console_errors(kind, page_of_kind, open_page):
    path = page_of_kind(kind)
    driver = open_page(path)
    title = driver.execute_script("return document.title").strip()
    errors = [f"{entry['level']}: {entry['message']}" for entry in driver.get_log("browser")
              if entry["level"] == "SEVERE"]
    assert title, f"{path} has an empty document.title"
    assert not errors, (f"{path} logged {len(errors)} console errors when opened from disk:\n  "
                        + "\n  ".join(errors))
