"""Benchmarks `meridian build` against Hugo on the same synthetic course.

For each course size N (generate.py writes the same Markdown for both tools), this runs one
untimed warm-up per tool, then R timed builds per tool, alternating meridian and hugo, each
into a fresh empty output folder (Hugo also gets a fresh cache folder). It measures each
build's wall-clock time and the child's peak resident memory (ru_maxrss from os.wait4),
counts the *.html pages written, and prints a Markdown table per N: median and range of the
wall time, pages per second, median peak memory, and the Hugo/Meridian ratios. Any failed
build stops the benchmark with the tool's output and a non-zero exit status.

    python3 Tools/bench/bench.py --modules 1000 --runs 3 [--markdown-out results.md]
"""

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import generate

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Tool:
    name: str
    version: str
    argv: Callable[[Path, Path, Path], list[str]]  # (source, output, scratch folder) → command


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    peak_kib: int
    pages: int


def main() -> None:
    args = parse_arguments()
    tools = [tool for tool in make_tools(args) if tool.name in args.only]
    report = [header(args)]
    print(report[-1], end="\n\n", flush=True)
    with work_folder(args.work) as work:
        # Every build's output is kept until the whole benchmark is done (see bench_size).
        scratches: list[Path] = []
        try:
            for count in args.modules or [1000, 10000]:
                sources = generate.generate(work / f"{count}-modules", count, ROOT / "Content" / "data")
                report.append(table(count, tools, bench_size(count, tools, sources, args.runs, work, scratches)))
                print(report[-1], end="\n\n", flush=True)
        finally:
            for scratch in scratches:
                shutil.rmtree(scratch, ignore_errors=True)
    if args.markdown_out:
        Path(args.markdown_out).write_text("\n\n".join(report) + "\n")


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--modules", type=int, action="append", metavar="N",
                        help="course size; give it several times (default: 1000 and 10000)")
    parser.add_argument("--runs", type=int, default=5, metavar="R", help="timed builds per tool (default: 5)")
    parser.add_argument("--work", help="folder for generated courses, reused by size (default: a temporary folder)")
    parser.add_argument("--meridian", default=str(ROOT / ".build/release/meridian"), help="the meridian binary")
    parser.add_argument("--templates", default=str(ROOT / "Templates"), help="Meridian's templates")
    parser.add_argument("--markdown-out", metavar="FILE", help="also write the results as Markdown to FILE")
    parser.add_argument("--only", action="append", choices=["meridian", "hugo"],
                        help="benchmark only this tool (default: both)")
    args = parser.parse_args()
    args.only = args.only or ["meridian", "hugo"]
    if args.runs < 1 or any(n < 1 for n in args.modules or []):
        parser.error("--runs and --modules must be at least 1")
    return args


def make_tools(args: argparse.Namespace) -> list[Tool]:
    meridian, templates, jobs = str(Path(args.meridian).absolute()), str(Path(args.templates).absolute()), str(cores())
    if "meridian" in args.only and not os.access(meridian, os.X_OK):
        sys.exit(f"bench: no meridian binary at {meridian}; build it with `swift build -c release` or pass --meridian")
    if "hugo" in args.only and not shutil.which("hugo"):
        sys.exit("bench: hugo is not installed; run `Tools/install-deps.sh bench` (Debian hugo 0.111)")
    return [
        Tool("meridian", version([meridian, "--version"], lambda out: f"meridian {out}", "meridian"),
             lambda source, output, scratch: [meridian, "build", "--content", str(source), "--templates", templates,
                                              "--output", str(output), "--jobs", jobs]),
        Tool("hugo", version(["hugo", "version"], lambda out: " ".join(out.split()[:2]), "hugo"),
             lambda source, output, scratch: ["hugo", "--quiet", "-s", str(source), "-d", str(output),
                                              "--cleanDestinationDir", "--cacheDir", str(scratch / "hugo-cache")]),
    ]


def version(argv: list[str], describe: Callable[[str], str], fallback: str) -> str:
    try:
        result = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return fallback
    lines = result.stdout.strip().splitlines()
    return describe(lines[0].strip()) if result.returncode == 0 and lines else fallback


def cores() -> int:
    return len(os.sched_getaffinity(0))


@contextlib.contextmanager
def work_folder(path: str | None):
    """The --work folder, kept; or a temporary one, deleted at the end."""
    if path:
        Path(path).mkdir(parents=True, exist_ok=True)
        yield Path(path).resolve()
    else:
        with tempfile.TemporaryDirectory(prefix="meridian-bench-") as folder:
            yield Path(folder)


def bench_size(count: int, tools: list[Tool], sources: dict[str, Path], runs: int, work: Path,
               scratches: list[Path]) -> dict[str, list[Run]]:
    """Warms each tool up once, then alternates the tools for `runs` timed builds each.

    Every build's output is added to `scratches`, which the caller deletes once every size is
    done. Deleting thousands of files makes the file creations of the next few minutes slow on
    some file systems (ext4 without a journal skips recently freed inodes one by one), which
    would time the harness's cleanup rather than the tool; and `sync` before each build keeps
    one build's write-back out of the next one's time."""
    for tool in tools:
        progress(f"building {count} modules with {tool.name}, warm-up…")
        build(tool, sources[tool.name], work, scratches)
    results: dict[str, list[Run]] = {tool.name: [] for tool in tools}
    for run in range(1, runs + 1):
        for tool in tools:
            progress(f"building {count} modules with {tool.name}, run {run}/{runs}…")
            results[tool.name].append(build(tool, sources[tool.name], work, scratches))
    return results


def build(tool: Tool, source: Path, work: Path, scratches: list[Path]) -> Run:
    """One build into a fresh folder, kept (in `scratches`) for deleting later."""
    scratch = Path(tempfile.mkdtemp(prefix=f"{tool.name}-", dir=work))
    scratches.append(scratch)
    os.sync()
    output = scratch / "site"
    run = measure(tool.argv(source, output, scratch))
    run.pages = sum(1 for _ in output.rglob("*.html"))
    return run


def measure(argv: list[str]) -> Run:
    """Runs argv; its wall time, CPU time and peak resident memory (KiB on Linux)."""
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=output, stderr=output)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            output.seek(0)
            sys.exit(f"bench: build failed (exit status {child.returncode}): {' '.join(argv)}\n"
                     + output.read().decode(errors="replace"))
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, 0)


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def header(args: argparse.Namespace) -> str:
    load = os.getloadavg()[0]
    return (f"## Meridian vs Hugo — {time.strftime('%Y-%m-%d %H:%M %Z')}\n\n"
            f"{cores()} cores ({os.uname().machine}), load average {load:.2f} at start; "
            f"{args.runs} timed runs per tool after one warm-up, alternating; medians shown.")


def table(count: int, tools: list[Tool], results: dict[str, list[Run]]) -> str:
    rows = [f"### {count} modules\n",
            "| tool | version | wall time (median) | min–max | CPU time | pages | pages/s | peak memory |",
            "|---|---|---:|---:|---:|---:|---:|---:|"]
    rows += [row(tool, results[tool.name]) for tool in tools]
    if len(tools) == 2:
        rows += ["", ratios(results["meridian"], results["hugo"])]
    return "\n".join(rows)


def row(tool: Tool, runs: list[Run]) -> str:
    wall = statistics.median(r.seconds for r in runs)
    pages = sorted({r.pages for r in runs})
    shown = str(pages[0]) if len(pages) == 1 else f"{pages[0]}–{pages[-1]} (varies!)"
    return (f"| {tool.name} | {tool.version} | {wall:.2f} s | {min(r.seconds for r in runs):.2f}–"
            f"{max(r.seconds for r in runs):.2f} s | {statistics.median(r.cpu_seconds for r in runs):.2f} s | "
            f"{shown} | {pages[-1] / wall:,.0f} | {mebibytes(runs):,.0f} MiB |")


def ratios(meridian: list[Run], hugo: list[Run]) -> str:
    speed = statistics.median(r.seconds for r in hugo) / statistics.median(r.seconds for r in meridian)
    memory = mebibytes(meridian) / mebibytes(hugo)
    return (f"Speed, Hugo's median wall time ÷ Meridian's: **{speed:.2f}×** (above 1: Meridian is faster). "
            f"Peak memory, Meridian's ÷ Hugo's: **{memory:.2f}** (below 1: Meridian uses less).")


def mebibytes(runs: list[Run]) -> float:
    return statistics.median(r.peak_kib for r in runs) / 1024


if __name__ == "__main__":
    main()
