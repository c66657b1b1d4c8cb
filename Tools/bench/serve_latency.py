"""Measures `meridian serve` from a save to the changed page being served.

Copies a course (--course, a folder with course.yaml and modules/; or else the synthetic
N-module course that generate.py writes) into a work folder, starts `meridian serve` on it
with the project's templates, and then, --edits times and --pause seconds apart, edits one
module as an editor saves (the new text written beside the file and renamed over it) and asks
the server for that module's page every --every milliseconds until the edit is in it (after a
`sync`, so that the write-back of the first build's files is not timed). The edit appends a
sentence (--edit text), or moves the correct answer of the module's first single-choice quiz
to the next choice (--edit answer): then it is served when the page has the new answer and
assets/course-data.js a new content hash. Prints a Markdown table: min, median and max of save → served, and of the
server's own figure for re-rendering and writing the page (its "rebuilt … in N ms" line),
with the machine's cores and load average. The server is stopped at the end, whatever happened;
what it printed is kept in the work folder as serve.log.

    swift build -c release --product meridian
    python3 Tools/bench/serve_latency.py --meridian .build/release/meridian --modules 10000
    python3 Tools/bench/serve_latency.py --meridian … --course /tmp/perf-course-10000/meridian
    python3 Tools/bench/serve_latency.py --meridian … --course … --edit answer
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import bench
import generate

ROOT = Path(__file__).resolve().parents[2]


class Server:
    """`meridian serve --port 0` on a course, with every line it prints and when it came."""

    def __init__(self, meridian: str, content: Path, output: Path, poll: bool):
        self.lines: list[tuple[float, str]] = []
        self.port: int | None = None
        self.ready = threading.Event()
        argv = [meridian, "serve", "--port", "0", "--content", str(content),
                "--templates", str(ROOT / "Templates"), "--output", str(output)] + (["--poll"] if poll else [])
        self.process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.lines.append((time.perf_counter(), line.rstrip("\n")))
            found = re.search(r"on http://[^:]+:(\d+)/", line)
            if found and self.port is None:
                self.port = int(found.group(1))
                self.ready.set()
        self.ready.set()

    def get(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=10) as reply:
            return reply.read().decode("utf-8")

    def head(self, path: str, size: int) -> str:
        """The first `size` bytes of a file, without reading the rest."""
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=10) as reply:
            return reply.read(size).decode("utf-8", "replace")

    def lines_since(self, moment: float) -> list[str]:
        return [line for at, line in list(self.lines) if at >= moment]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def main() -> None:
    args = parse_arguments()
    with bench.work_folder(args.work) as work:
        content = prepare_course(args, work)
        module = content / "modules" / (args.module or middle_module(content))
        page = "modules/" + module.stem.split("-", 1)[1] + ".html"
        load_before = os.getloadavg()
        server = Server(args.meridian, content, work / "site", args.poll)
        try:
            started = time.perf_counter()
            if not server.ready.wait(args.start_timeout) or server.port is None:
                sys.exit("serve_latency: the server did not start:\n" + "\n".join(l for _, l in server.lines))
            bench.progress(f"serving after {time.perf_counter() - started:.1f} s; editing {module.name}")
            # The first build wrote ten thousand files: their write-back is not what is measured.
            os.sync()
            served, rendered = [], []
            for edit in range(1, args.edits + 1):
                time.sleep(args.pause)
                latency, own = edit_and_wait(server, module, page, edit, args)
                served.append(latency)
                if own is not None:
                    rendered.append(own)
                bench.progress(f"edit {edit}: served after {latency:.0f} ms; the server's figure: {own} ms")
        finally:
            server.stop()
            (work / "serve.log").write_text("\n".join(f"{at - started:9.3f} {line}" for at, line in server.lines) + "\n")
        print(report(args, module, page, served, rendered, load_before, os.getloadavg()))


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meridian", default=str(ROOT / ".build/release/meridian"), help="the binary to run")
    parser.add_argument("--course", help="a course folder to copy (course.yaml, modules/, data/)")
    parser.add_argument("--modules", type=int, default=10000, help="size of the synthetic course without --course")
    parser.add_argument("--module", help="the module file to edit (default: the middle one)")
    parser.add_argument("--edit", choices=["text", "answer"], default="text",
                        help="append a sentence, or move a quiz's correct answer to the next choice")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--pause", type=float, default=3.0, help="seconds between edits")
    parser.add_argument("--every", type=float, default=5.0, help="milliseconds between requests")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for one edit")
    parser.add_argument("--start-timeout", type=float, default=900.0, help="seconds to wait for the first build")
    parser.add_argument("--poll", action="store_true", help="run serve --poll (no inotify), to compare")
    parser.add_argument("--work", help="a folder to work in, kept (default: a temporary one)")
    return parser.parse_args()


def prepare_course(args: argparse.Namespace, work: Path) -> Path:
    """A copy of the course to edit, in the work folder."""
    if args.course:
        source = Path(args.course)
    else:
        source = generate.generate(work / f"{args.modules}-modules", args.modules, ROOT / "Content" / "data")["meridian"]
    content = work / "Content"
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(source, content)
    return content


def middle_module(content: Path) -> str:
    names = sorted(path.name for path in (content / "modules").glob("*.md"))
    if not names:
        sys.exit(f"serve_latency: {content}/modules has no module")
    return names[len(names) // 2]


def edit_and_wait(server: Server, module: Path, page: str, edit: int, args) -> tuple[float, int | None]:
    """Edits the module; milliseconds until the edit is served, and the server's figure."""
    text = module.read_text(encoding="utf-8")
    if args.edit == "answer":
        text, question, answer = moved_answer(text, module)
        form = f'data-question="{question}" data-type="single" data-answer="{answer}"'
        hash_before = course_data_hash(server)
        served = lambda: form in server.get(page) and course_data_hash(server) != hash_before
    else:
        sentence = f"A sentence added for measurement number {edit}, {time.time_ns()}."
        text += f"\n{sentence}\n"
        served = lambda: sentence in server.get(page)
    new = module.with_name(module.name + ".new")
    new.write_text(text, encoding="utf-8")
    saved = time.perf_counter()  # just before the rename that makes the save visible
    os.replace(new, module)
    deadline = saved + args.timeout
    while not served():
        if time.perf_counter() > deadline:
            sys.exit(f"serve_latency: edit {edit} not served after {args.timeout} s:\n"
                     + "\n".join(server.lines_since(saved)))
        time.sleep(args.every / 1000)
    latency = (time.perf_counter() - saved) * 1000
    own = None
    while own is None and time.perf_counter() < deadline:
        for line in server.lines_since(saved):
            found = re.search(r"rebuilt \S+ in (\d+) ms", line)
            if found:
                own = int(found.group(1))
            elif "built" in line and "pages in" in line:
                bench.progress(f"edit {edit} rebuilt the whole site: {line}")
                return latency, None
        time.sleep(0.01)
    return latency, own


QUIZ = re.compile(r"^```quiz\n(.*?)^```", re.S | re.M)


def moved_answer(text: str, module: Path) -> tuple[str, str, str]:
    """The module with its first single-choice quiz's `correct: true` moved to the next choice
    (after the last, to the first); with the quiz's id and its new answer (1-based)."""
    for quiz in QUIZ.finditer(text):
        lines = quiz.group(1).split("\n")
        ids = [line[4:] for line in lines if line.startswith("id: ")]
        choices = [i for i, line in enumerate(lines) if line.startswith("  - text:")]
        correct = [n for n, i in enumerate(choices) if i + 1 < len(lines) and lines[i + 1] == "    correct: true"]
        if "type: single" not in lines or len(ids) != 1 or len(choices) < 2 or len(correct) != 1:
            continue
        answer = (correct[0] + 1) % len(choices)
        lines.insert(choices[answer] + 1, "    correct: true")
        del lines[choices[correct[0]] + (2 if answer < correct[0] else 1)]
        return text[:quiz.start(1)] + "\n".join(lines) + text[quiz.end(1):], ids[0], str(answer + 1)
    sys.exit(f"serve_latency: {module.name} has no single-choice quiz with one correct answer to move")


def course_data_hash(server: Server) -> str:
    """The content hash at the head of assets/course-data.js (keys are sorted: it comes first)."""
    found = re.search(r'"contentHash":"(sha256:[0-9a-f]{64})"', server.head("assets/course-data.js", 512))
    if not found:
        sys.exit("serve_latency: no content hash at the head of assets/course-data.js")
    return found.group(1)


def report(args, module: Path, page: str, served: list[float], rendered: list[int],
           load_before: tuple, load_after: tuple) -> str:
    def row(name: str, values: list[float]) -> str:
        if not values:
            return f"| {name} | – | – | – |"
        return f"| {name} | {min(values):.0f} ms | {statistics.median(values):.0f} ms | {max(values):.0f} ms |"
    answer = args.edit == "answer"
    edits = "answer edits (a quiz's correct choice moved)" if answer else "text edits (a sentence appended)"
    return "\n".join([
        f"## `meridian serve`: save → served — {time.strftime('%Y-%m-%d %H:%M %Z')}",
        "",
        f"{bench.cores()} cores; load average {load_before[0]:.2f} (1 min) at start, {load_after[0]:.2f} at the end; "
        f"{len(served)} {edits} of {module.name}, {args.pause:g} s apart; {page} asked for every {args.every:g} ms; "
        f"changes found {'by polling (--poll)' if args.poll else 'with inotify'}.",
        "",
        "| | min | median | max |",
        "|---|---:|---:|---:|",
        row("re-render and write the page" + (" and course-data.js" if answer else "") + " (server's own figure)", rendered),
        row("save → changed page served", served),
    ])


if __name__ == "__main__":
    main()
