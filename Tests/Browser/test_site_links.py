"""Every URL in the built site works from a folder on disk, checked without a
browser: internal links reach files and ids, nothing is fetched from elsewhere, no module
scripts or fetch(), and every page can be reached by clicking from index.html.
"""
from __future__ import annotations

import re
from collections import deque
from pathlib import Path

import pytest

import sitefiles

NAVIGATION_SCHEMES = {"http", "https", "mailto", "tel"}  # fine in <a href> and <form action>
INLINE_SCHEMES = {"data", "blob"}  # fine anywhere: nothing leaves the page
LOCAL_REQUEST = re.compile(r"\bfetch\s*\(|\bXMLHttpRequest\b")
# The one request the site may make: live reporting's POST to the LRS named by an xAPI launch
# (assets/lrs-live.js), an http(s) address given by the launcher, never a file of the site.
LRS_POST = ("assets/lrs-live.js", 'window.fetch(launch.endpoint + "statements", { method: "POST"')


@pytest.fixture(scope="module")
def pages(site) -> dict[str, sitefiles.Page]:
    parsed = {sitefiles.relative(site, p): sitefiles.parse_page(site, p)
              for p in sitefiles.files(site, ".html")}
    assert parsed, f"{site} holds no .html file"
    return parsed


@pytest.fixture(scope="module")
def stylesheet_urls(site) -> list[sitefiles.UrlUse]:
    return [use for path in sitefiles.files(site, ".css")
            for use in sitefiles.parse_stylesheet(site, path)]


def report(problems: list[str], what: str) -> str:
    return f"{len(problems)} {what}:\n  " + "\n  ".join(problems)


def problem_with(use: sitefiles.UrlUse, site: Path, pages: dict[str, sitefiles.Page]) -> str | None:
    """Why this URL would not work from a folder on disk, or None when it would."""
    kind = sitefiles.kind_of(use.url)
    if use.url == "":
        return "empty URL" if use.loads else None
    if kind == "rooted":
        return "rooted at / (from disk it means the root of the file system)"
    if kind == "protocol-relative":
        return "protocol-relative // URL (from disk it becomes file://host/…)"
    if kind in INLINE_SCHEMES:
        return None
    if kind not in ("relative", "fragment"):
        if use.loads:
            return f"loads a {kind}: URL from outside the site (the site must work offline)"
        if kind not in NAVIGATION_SCHEMES:
            return f"{kind}: URL (only relative links, http(s), mailto and tel are allowed)"
        if use.attribute in ("action", "formaction"):
            return "form submits outside the site (it cannot work offline)"
        return None
    target = sitefiles.resolve(use.source, use.url)
    if target.escapes_site:
        return "leads outside the site folder"
    file = site / target.path
    if target.path.endswith("/") or file.is_dir():
        return "is a folder (from disk it opens a listing): link to a file such as …/index.html"
    if not file.is_file():
        return f"no such file: {target.path}"
    if target.fragment and target.fragment.lower() != "top":
        page = pages.get(target.path)
        if page is not None and target.fragment not in page.ids:
            return f"no id={target.fragment!r} on {target.path}"
    return None


def test_every_url_in_pages_and_stylesheets_works_from_disk(site, pages, stylesheet_urls):
    uses = [use for page in pages.values() for use in page.urls] + stylesheet_urls
    problems = [f"{use.where()}: {problem}" for use in uses
                if (problem := problem_with(use, site, pages))]
    assert not problems, report(problems, "URLs that do not work from a folder on disk")


def test_no_page_uses_a_module_script(pages):
    problems = [f"{page.path}:{line}: <script type=\"module\"> (blocked on file:// in Chromium)"
                for page in pages.values() for line in page.module_scripts]
    assert not problems, report(problems, "module scripts")


def test_no_script_requests_local_files(site, pages):
    problems = []
    for path in sitefiles.files(site, ".js"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            # Each language's copy of the assets (fr-CA/assets/…) has the one allowed request.
            asset = sitefiles.relative(site, path).removeprefix(path.parent.parent.name + "/") \
                if path.parent.parent != site else sitefiles.relative(site, path)
            if LOCAL_REQUEST.search(line) and not (asset == LRS_POST[0] and LRS_POST[1] in line):
                problems.append(f"{sitefiles.relative(site, path)}:{number}: {line.strip()}")
    for page in pages.values():
        for start, text in page.inline_scripts:
            for offset, line in enumerate(text.splitlines()):
                if LOCAL_REQUEST.search(line):
                    problems.append(f"{page.path}:{start + offset}: {line.strip()}")
    assert not problems, report(
        problems, "uses of fetch()/XMLHttpRequest (they fail on file://; ship data as a .js "
                  "file that sets a global)")


def test_home_page_links_every_module_page(site, pages):
    linked = set(sitefiles.internal_page_links(pages["index.html"]))
    modules = sorted(p for p in pages if p.startswith("modules/"))
    missing = [p for p in modules if p not in linked]
    assert modules, "the site has no modules/*.html page"
    assert not missing, report(missing, "module pages that index.html does not link to")


def test_every_page_is_reachable_by_clicking_from_the_home_page(pages):
    reached, queue = {"index.html"}, deque(["index.html"])
    while queue:
        page = pages.get(queue.popleft())
        for target in sitefiles.internal_page_links(page) if page else []:
            if target not in reached:
                reached.add(target)
                queue.append(target)
    unreached = sorted(set(pages) - reached)
    assert not unreached, report(
        unreached, f"pages no chain of links from index.html reaches ({len(reached)} reached)")
