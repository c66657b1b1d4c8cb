"""Writes the fuzzer's seed corpus, one folder per target, from the course and test fixtures.

    python3 Fuzz/seed.py .build/fuzz/corpus

front-matter and module get every module file of Content/, the test fixtures and the starter
course; quiz and scenario the body of every such fence in them; record a well-formed progress
record; country-notes every notes file of Content/countries/; template every template of
Templates/. Every target also gets its kept regression inputs (Fuzz/Regressions/<target>/).
"""
import json
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ["Content", "Tests/CourseKitTests/Fixtures", "Tests/Browser/fixtures", "Starter"]
FENCE = re.compile(r"^```(quiz|scenario)\n(.*?)^```$", re.M | re.S)


def module_files() -> list[Path]:
    return sorted(path for source in SOURCES for path in (ROOT / source).rglob("*.md")
                  if (ROOT / source).is_dir())


def record() -> str:
    return json.dumps({
        "format": "meridian-progress", "formatVersion": 1,
        "course": {"id": "https://example.org/courses/serving-across-borders", "title": "Serving",
                   "version": "1.0.0", "contentHash": "sha256:" + "0" * 64},
        "learner": {"name": "Ada Lovelace", "employeeId": "E-1001"},
        "exportedAt": "2026-11-22T10:00:00Z",
        "modules": [{"slug": "why-culture-matters", "status": "completed", "firstVisitedAt": "2026-11-21T09:00:00Z",
                     "completedAt": "2026-11-21T09:20:00Z", "score": 1.0, "passed": True, "attempts": 1,
                     "answers": {"culture-iceberg": "1"}}],
        "scenarios": [{"id": "rising-fare", "path": ["opening", "hold-fare"], "replies": [2], "score": 1.0, "ending": "good"}],
        "completed": False, "completedAt": None, "verificationCode": "ABCD-EFGH", "statements": [],
    }, indent=2)


def main(target: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)
    folders = {name: target / name for name in ("front-matter", "quiz", "scenario", "module", "record",
                                                "country-notes", "template")}
    for folder in folders.values():
        folder.mkdir(parents=True)
    for index, path in enumerate(module_files()):
        text = path.read_text(encoding="utf-8", errors="replace")
        for name in ("front-matter", "module"):
            (folders[name] / f"{index:03}-{path.name}").write_text(text)
        for number, (kind, body) in enumerate(FENCE.findall(text)):
            (folders[kind] / f"{index:03}-{number:02}-{path.stem}.yaml").write_text(body)
    (folders["record"] / "record.json").write_text(record())
    for path in sorted((ROOT / "Content" / "countries").glob("*.md")):
        shutil.copy(path, folders["country-notes"] / path.name)
    for index, path in enumerate(sorted((ROOT / "Templates").rglob("*.mustache"))):
        shutil.copy(path, folders["template"] / f"{index:02}-{path.name}")
    for name, folder in folders.items():
        for kept in (ROOT / "Fuzz" / "Regressions" / name).glob("*"):
            if kept.is_file() and not kept.name.startswith("."):
                shutil.copy(kept, folder / f"kept-{kept.name}")
    print(", ".join(f"{name}: {len(list(folder.iterdir()))}" for name, folder in folders.items()))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
