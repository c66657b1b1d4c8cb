"""Reading a built site without a browser: its pages, the URLs they use, the ids they hold.

Shared by conftest.py (to pick representative pages) and test_site_links.py (to check every
URL). Standard library only: html.parser for HTML, a regular expression for CSS url(...).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

# <link rel> values that only describe a relation and make the browser fetch nothing.
NON_LOADING_LINK_RELS = {
    "alternate", "author", "bookmark", "canonical", "external", "help", "license", "me",
    "next", "nofollow", "noopener", "noreferrer", "prev", "tag",
}

# Attributes whose value is a single URL, by tag ("*" = any tag).
URL_ATTRIBUTES = {
    "href": {"a", "area", "link", "base", "use", "image", "feimage"},
    "xlink:href": {"*"},
    "src": {"*"},
    "action": {"form"},
    "formaction": {"button", "input"},
    "data": {"object"},
    "poster": {"video"},
}

# Attributes whose value is a list of URLs with descriptors.
SRCSET_ATTRIBUTES = {"srcset", "imagesrcset"}

CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""", re.IGNORECASE)
CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


@dataclass(frozen=True)
class UrlUse:
    """One URL written in a page or stylesheet, with where and how it is used."""

    source: str  # site-relative path of the file that holds it
    line: int
    tag: str  # "a", "img", "link", … or "css" for a url(...) in CSS
    attribute: str  # "href", "src", "style", "url()", …
    url: str
    loads: bool  # True when the browser fetches it to show the page (not a navigation link)

    def where(self) -> str:
        if self.tag == "css":
            return f"{self.source}:{self.line}: {self.attribute} {self.url!r}"
        return f"{self.source}:{self.line}: <{self.tag} {self.attribute}={self.url!r}>"


@dataclass
class Page:
    """What one HTML file holds that the link checks need."""

    path: str  # site-relative, with forward slashes
    ids: set[str] = field(default_factory=set)
    urls: list[UrlUse] = field(default_factory=list)
    module_scripts: list[int] = field(default_factory=list)  # lines of <script type=module>
    inline_scripts: list[tuple[int, str]] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self._style_start: int | None = None
        self._script_start: int | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs)

    def _start(self, tag, attrs):
        line = self.getpos()[0]
        values = {name: (value or "") for name, value in attrs}
        if values.get("id"):
            self.page.ids.add(values["id"])
        for name, value in attrs:
            value = value or ""
            tags = URL_ATTRIBUTES.get(name)
            if tags and ("*" in tags or tag in tags):
                if tag == "base":
                    self._add(line, tag, name, value, loads=True)
                else:
                    self._add(line, tag, name, value.strip(), loads=_loads(tag, name, values))
            elif name in SRCSET_ATTRIBUTES:
                for url in srcset_urls(value):
                    self._add(line, tag, name, url, loads=True)
            elif name == "style":
                for url in css_urls(value):
                    self._add(line, tag, "style", url, loads=True)
        if tag == "script":
            if values.get("type", "").strip().lower() == "module":
                self.page.module_scripts.append(line)
            self._script_start, self._text = line, []
        if tag == "style":
            self._style_start, self._text = line, []

    def handle_data(self, data):
        if self._style_start is not None or self._script_start is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "style" and self._style_start is not None:
            for offset, url in css_urls_with_lines("".join(self._text)):
                self._add(self._style_start + offset, "style", "url()", url, loads=True)
            self._style_start = None
        if tag == "script" and self._script_start is not None:
            text = "".join(self._text)
            if text.strip():
                self.page.inline_scripts.append((self._script_start, text))
            self._script_start = None

    def _add(self, line, tag, attribute, url, loads):
        self.page.urls.append(UrlUse(self.page.path, line, tag, attribute, url, loads))


def _loads(tag: str, attribute: str, values: dict[str, str]) -> bool:
    """Whether the browser fetches this URL while showing the page."""
    if tag in {"a", "area"} or attribute in {"action", "formaction"}:
        return False
    if tag == "link":
        rels = set(values.get("rel", "").lower().split())
        return not rels or not rels <= NON_LOADING_LINK_RELS
    return True


def srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset: candidates are "URL [descriptor]" separated by commas."""
    urls, i, n = [], 0, len(value)
    while i < n:
        while i < n and (value[i].isspace() or value[i] == ","):
            i += 1
        start = i
        while i < n and not value[i].isspace():
            i += 1
        url = value[start:i]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            while i < n and value[i] != ",":
                i += 1
        if url:
            urls.append(url)
    return urls


def css_urls(text: str) -> list[str]:
    return [url for _, url in css_urls_with_lines(text)]


def css_urls_with_lines(text: str) -> list[tuple[int, str]]:
    """Every url(...) and @import "..." in CSS text, with its 0-based line offset."""
    found = []
    for pattern in (CSS_URL, CSS_IMPORT):
        for match in pattern.finditer(text):
            url = next((g for g in match.groups() if g is not None), "").strip()
            found.append((text.count("\n", 0, match.start()), url))
    return sorted(found)


def parse_page(site: Path, path: Path) -> Page:
    page = Page(relative(site, path))
    parser = _PageParser(page)
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return page


def parse_stylesheet(site: Path, path: Path) -> list[UrlUse]:
    source = relative(site, path)
    text = path.read_text(encoding="utf-8", errors="replace")
    return [UrlUse(source, offset + 1, "css", "url()", url, True)
            for offset, url in css_urls_with_lines(text)]


def relative(site: Path, path: Path) -> str:
    return path.relative_to(site).as_posix()


def files(site: Path, suffix: str) -> list[Path]:
    return sorted(p for p in site.rglob(f"*{suffix}") if p.is_file())


@dataclass(frozen=True)
class Target:
    """Where a relative URL leads: a site-relative path and a fragment (None when absent)."""

    path: str
    fragment: str | None
    escapes_site: bool


def kind_of(url: str) -> str:
    """'relative', 'fragment' (same page), 'rooted' (/x), 'protocol-relative' (//x),
    'data', or the scheme ('https', 'mailto', 'file', …)."""
    parts = urlsplit(url)
    if parts.scheme:
        return parts.scheme.lower()
    if url.startswith("//") or parts.netloc:
        return "protocol-relative"
    if url.startswith("/") or url.startswith("\\"):
        return "rooted"
    if not parts.path and not parts.query:
        return "fragment"
    return "relative"


def resolve(source: str, url: str) -> Target:
    """Resolve a relative URL written in the site-relative file `source`."""
    parts = urlsplit(url)
    fragment = unquote(parts.fragment) if "#" in url else None
    if not parts.path:
        return Target(source, fragment, False)
    joined = PurePosixPath(source).parent / unquote(parts.path)
    normalised: list[str] = []
    escapes = False
    for part in joined.parts:
        if part in ("", "."):
            continue
        if part == "..":
            if normalised:
                normalised.pop()
            else:
                escapes = True
        else:
            normalised.append(part)
    path = "/".join(normalised)
    if parts.path.endswith("/") and path:
        path += "/"
    return Target(path, fragment, escapes)


def internal_page_links(page: Page) -> list[str]:
    """Site-relative .html paths this page links to with <a>/<area href> or leads to with a
    <form action> (the search box), in document order."""
    found = []
    for use in page.urls:
        followed = (use.tag in {"a", "area"} and use.attribute == "href") or (use.tag == "form" and use.attribute == "action")
        if followed and kind_of(use.url) == "relative":
            target = resolve(page.path, use.url)
            if not target.escapes_site and target.path.endswith(".html"):
                found.append(target.path)
    return found
