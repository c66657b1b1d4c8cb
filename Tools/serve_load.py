"""Holds `meridian serve` under load while a module is edited, and reports what went wrong.

Copies a course (--content, default Content/) into a temporary folder, starts `meridian serve`
on 127.0.0.1 (never another address) on a free port, and for --seconds (default 60) runs
--clients (default 8) clients that ask, at random, for every kind of page of the built site,
for paths that must be 404 and for path-traversal attempts, while one module is edited every
--edit-every seconds (mostly as editors save: the new text written beside the file and renamed
over it; every fifth time written in place; every tenth edit changes its minutes, which the
home page shows, so that the whole site is rebuilt and swapped in). The server's resident memory is sampled every
second. The run stops by itself: at the time limit, or after --max-requests requests.

Counted:
- 5xx: any reply with a status of 500 or more, and requests that got no reply at all;
- wrong bodies: a page that is not the page asked for (a status other than 200, the wrong
  content type, an HTML page cut short or with another page's title, an empty asset), or a
  path that must be 404 answered otherwise;
- traversal: attempts refused (a 4xx reply that shows nothing from outside the site), and
  leaks (anything else).

Prints a Markdown report and exits 1 if there was any 5xx, wrong body or leak.

    swift build --product meridian
    python3 Tools/serve_load.py --meridian .build/debug/meridian [--seconds 60]
"""
from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
MUST_BE_404 = ["/nope.html", "/modules/nope.html", "/countries/zz.html", "/assets/missing.js",
               "/modules/", "/README", "/%00.html", "/index.html%00.txt"]
TRAVERSALS = ["/../etc/passwd", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
              "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/..%2f..%2f..%2fetc/passwd", "/modules/../../etc/passwd",
              "/modules/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2fContent/course.yaml",
              "/.%2e/.%2e/etc/passwd", "/%252e%252e/%252e%252e/etc/passwd", "/..\\..\\etc\\passwd",
              "/..%5c..%5cetc%5cpasswd", "//etc/passwd", "/./../Content/course.yaml", "/%2e/%2e%2e/Content/course.yaml"]
# What must never be in a reply: a line of /etc/passwd, the course's own source.
LEAK_SIGNS = ["root:x:0:0", "root:*:0:0", "passScore:"]


def main() -> int:
    options = parse_arguments()
    work = Path(tempfile.mkdtemp(prefix="meridian-serve-load-"))
    try:
        content = work / "Content"
        shutil.copytree(options.content, content)
        server = Server(options.meridian, content, options.templates, work / "Site")
        try:
            if not server.ready.wait(timeout=600) or server.port is None:
                print("the server did not start:\n" + "\n".join(server.lines), file=sys.stderr)
                return 1
            report = Load(options, server, work / "Site", content).run()
        finally:
            server.stop()
        print(report.markdown(options, server))
        return 0 if report.passed else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meridian", required=True, help="the meridian binary")
    parser.add_argument("--content", type=Path, default=ROOT / "Content")
    parser.add_argument("--templates", type=Path, default=ROOT / "Templates")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long the load lasts")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--edit-every", type=float, default=1.0, help="seconds between edits")
    parser.add_argument("--max-requests", type=int, default=500_000, help="stop after this many requests")
    parser.add_argument("--seed", type=int, default=1)
    return parser.parse_args()


class Server:
    """`meridian serve --port 0` on 127.0.0.1, with every line it printed."""

    def __init__(self, meridian: str, content: Path, templates: Path, output: Path):
        self.lines: list[str] = []
        self.port: int | None = None
        self.ready = threading.Event()
        argv = [meridian, "serve", "--host", HOST, "--port", "0", "--content", str(content),
                "--templates", str(templates), "--output", str(output)]
        self.process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.lines.append(line.rstrip("\n"))
            found = re.search(r"on http://[^:]+:(\d+)/", line)
            if found and self.port is None:
                self.port = int(found.group(1))
                self.ready.set()
        self.ready.set()

    def rss_kib(self) -> int | None:
        try:
            status = Path(f"/proc/{self.process.pid}/status").read_text()
        except OSError:
            return None
        found = re.search(r"VmRSS:\s+(\d+) kB", status)
        return int(found.group(1)) if found else None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Page:
    """A file of the built site and what a right reply for it looks like."""

    def __init__(self, site: Path, path: Path):
        self.url = "/" + path.relative_to(site).as_posix()
        self.kind = page_kind(self.url)
        self.title = None
        if path.suffix == ".html":
            found = re.search(r"<title>(.*?)</title>", path.read_text(encoding="utf-8"), re.S)
            self.title = found.group(1) if found else ""

    def problem(self, status: int, content_type: str, body: bytes) -> str | None:
        """Why the reply is not this page; None when it is."""
        if status != 200:
            return f"status {status}"
        if not body:
            return "empty body"
        if self.title is None:
            return None
        text = body.decode("utf-8", "replace")
        if not content_type.startswith("text/html"):
            return f"content type {content_type}"
        if "</html>" not in text:
            return "HTML cut short"
        if f"<title>{self.title}</title>" not in text:
            return "another page's title"
        return None


def page_kind(url: str) -> str:
    if not url.endswith(".html"):
        return "asset"
    if url.startswith("/modules/"):
        return "module"
    if url.startswith("/countries/"):
        return "countries index" if url.endswith("/index.html") else "country"
    return "home" if url == "/index.html" else url.strip("/").removesuffix(".html")


class Report:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = Counter()
        self.server_errors = Counter()
        self.no_reply = 0
        self.wrong = Counter()
        self.examples: list[str] = []
        self.refused = 0
        self.leaks: list[str] = []
        self.rss: list[int] = []
        self.edits = 0
        self.seconds = 0.0

    def note_wrong(self, kind: str, what: str) -> None:
        with self.lock:
            self.wrong[kind] += 1
            if len(self.examples) < 10:
                self.examples.append(what)

    @property
    def passed(self) -> bool:
        return not self.server_errors and not self.no_reply and not self.wrong and not self.leaks

    def markdown(self, options: argparse.Namespace, server: Server) -> str:
        total = sum(self.requests.values())
        rss = self.rss or [0]
        rebuilt = sum(": rebuilt " in line for line in server.lines)
        # The first full build is the server's start.
        built = sum(re.search(r": built \d+ pages in", line) is not None for line in server.lines) - 1
        failed = sum("build failed" in line for line in server.lines)
        lines = [
            f"{total:,} requests in {self.seconds:.0f} s from {options.clients} clients "
            f"({total / max(self.seconds, 0.001):,.0f}/s) on {os.cpu_count()} cores, "
            f"load average {os.getloadavg()[0]:.1f} at the end; {self.edits} edits "
            f"(the server logged {rebuilt} page rebuilds, {built} whole-site rebuilds and {failed} failed builds).",
            "",
            "| what | count |",
            "|---|---|",
        ]
        for kind, count in sorted(self.requests.items()):
            lines.append(f"| requests: {kind} | {count:,} |")
        lines += [
            f"| 5xx replies | {sum(self.server_errors.values())} |",
            f"| requests with no reply | {self.no_reply} |",
            f"| wrong bodies | {sum(self.wrong.values())} |",
            f"| traversal attempts refused | {self.refused:,} |",
            f"| traversal attempts not refused | {len(self.leaks)} |",
            f"| server RSS: first, max, last sample (MiB) | {rss[0] / 1024:.1f}, {max(rss) / 1024:.1f}, {rss[-1] / 1024:.1f} |",
        ]
        if self.examples or self.leaks:
            lines += ["", "Examples:"] + [f"- {example}" for example in self.examples + self.leaks[:10]]
        return "\n".join(lines)


class Load:
    def __init__(self, options: argparse.Namespace, server: Server, site: Path, content: Path):
        self.options = options
        self.server = server
        self.content = content
        pages = [Page(site, path) for path in sorted(site.rglob("*"))
                 if path.is_file() and not path.name.startswith(".") and path.name != "README.md"]
        # Every kind of page as often as any other, whatever the number of pages of each kind.
        self.kinds: dict[str, list[Page]] = {}
        for page in pages:
            self.kinds.setdefault(page.kind, []).append(page)
        modules = sorted((content / "modules").glob("*.md"))
        self.edited = modules[len(modules) // 2]
        slug = self.edited.stem.split("-", 1)[1]
        for page in self.kinds.get("module", []):
            if page.url == f"/modules/{slug}.html":
                page.kind = "module being edited"
                self.kinds.setdefault(page.kind, []).append(page)
        self.report = Report()
        self.stop = threading.Event()
        self.budget = threading.Semaphore(options.max_requests)

    def run(self) -> Report:
        started = time.monotonic()
        threads = [threading.Thread(target=self.client, args=(index,)) for index in range(self.options.clients)]
        threads += [threading.Thread(target=self.editor), threading.Thread(target=self.sampler)]
        for thread in threads:
            thread.start()
        self.stop.wait(timeout=self.options.seconds)
        self.stop.set()
        for thread in threads:
            thread.join(timeout=30)
        self.report.seconds = time.monotonic() - started
        return self.report

    def client(self, index: int) -> None:
        chance = random.Random(self.options.seed * 100 + index)
        connection = http.client.HTTPConnection(HOST, self.server.port, timeout=10)
        while not self.stop.is_set():
            if not self.budget.acquire(blocking=False):
                self.stop.set()
                return
            roll = chance.random()
            if roll < 0.1:
                path, page, kind = chance.choice(MUST_BE_404), None, "must be 404"
            elif roll < 0.2:
                path, page, kind = chance.choice(TRAVERSALS), None, "traversal"
            else:
                page = chance.choice(self.kinds[chance.choice(sorted(self.kinds))])
                path, kind = page.url, page.kind
            with self.report.lock:
                self.report.requests[kind] += 1
            try:
                connection.request("GET", path)
                reply = connection.getresponse()
                body = reply.read()
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                connection = http.client.HTTPConnection(HOST, self.server.port, timeout=10)
                if not self.stop.is_set():
                    with self.report.lock:
                        self.report.no_reply += 1
                        self.report.examples.append(f"{path}: no reply ({error})") if len(self.report.examples) < 10 else None
                continue
            self.check(path, page, kind, reply.status, reply.getheader("Content-Type", ""), body)

    def check(self, path: str, page: Page | None, kind: str, status: int, content_type: str, body: bytes) -> None:
        if status >= 500:
            with self.report.lock:
                self.report.server_errors[status] += 1
            self.report.note_wrong(kind, f"{path}: status {status}")
            return
        if kind == "traversal":
            text = body.decode("utf-8", "replace")
            if 400 <= status < 500 and not any(sign in text for sign in LEAK_SIGNS):
                with self.report.lock:
                    self.report.refused += 1
            else:
                with self.report.lock:
                    self.report.leaks.append(f"{path}: status {status}, {len(body)} bytes")
            return
        if kind == "must be 404":
            if status != 404:
                self.report.note_wrong(kind, f"{path}: status {status}, expected 404")
            return
        problem = page.problem(status, content_type, body)
        if problem:
            self.report.note_wrong(kind, f"{path}: {problem}")

    def editor(self) -> None:
        module = self.edited
        original = module.read_text(encoding="utf-8")
        minutes = re.search(r"^minutes: (\d+)$", original, re.M)
        while not self.stop.wait(timeout=self.options.edit_every):
            self.report.edits += 1
            text = original + f"\nAn edit made under load, number {self.report.edits}.\n"
            if minutes:
                # Every tenth edit changes what the home page shows: the whole site is rebuilt.
                changed = int(minutes.group(1)) + (self.report.edits // 10) % 2
                text = text.replace(minutes.group(0), f"minutes: {changed}", 1)
            if self.report.edits % 5 == 0:
                module.write_text(text, encoding="utf-8")
            else:
                beside = module.with_name(f".{module.name}.saving")
                beside.write_text(text, encoding="utf-8")
                os.replace(beside, module)

    def sampler(self) -> None:
        while True:
            rss = self.server.rss_kib()
            if rss is not None:
                self.report.rss.append(rss)
            if self.stop.wait(timeout=1.0):
                return


if __name__ == "__main__":
    sys.exit(main())
