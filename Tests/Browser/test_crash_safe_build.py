"""A build killed at any moment leaves Site/ as it was or as the finished build writes it.

A generated course of a few hundred modules is built at two versions, A and B (they differ in
the course title, which every page shows): A into Site/, B into a folder of its own.
Then `meridian build` is started again and again into one Site/, each time towards the version
Site/ does not hold, and killed with SIGKILL at a random moment of its run (seeded, so a
failure can be replayed). After every kill Site/ must be exactly A or exactly B, and at most
one leftover of a killed build may lie beside it: each build clears what earlier killed builds
left. A last build that runs to its end leaves nothing beside Site/.

No browser: this runs the binary named by $MERIDIAN.
"""
from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "Tools" / "bench"))
import generate  # noqa: E402  (the benchmark's course generator)

MODULES = 200
KILLS = 50
SEED = 20261207


def write_course(folder: Path, title: str) -> Path:
    """The benchmark's synthetic course with this title, under folder/Content."""
    content = folder / "Content"
    (content / "modules").mkdir(parents=True)
    (content / "course.yaml").write_text(generate.COURSE_YAML.replace("title: ", f"title: {title} ", 1))
    for number in range(1, MODULES + 1):
        module = generate.Module(number, MODULES)
        (content / "modules" / module.file_name).write_text(module.meridian_text())
    generate.copy_country_data(REPO / "Content" / "data", content / "data")
    return content


def digest(site: Path) -> str | None:
    """Every file's path and bytes, hashed; None when there is no site."""
    if not site.is_dir():
        return None
    hasher = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        hasher.update(str(path.relative_to(site)).encode() + b"\0" + path.read_bytes() + b"\0")
    return hasher.hexdigest()


def build_command(meridian: str, content: Path, output: Path) -> list[str]:
    return [meridian, "build", "--content", str(content), "--templates", str(REPO / "Templates"),
            "--output", str(output)]


def leftovers(folder: Path) -> list[str]:
    """What builds left beside Site/: anything but the two courses and Site/ itself."""
    return sorted(p.name for p in folder.iterdir() if p.name not in {"A", "B", "Site", "reference-B"})


@pytest.fixture(scope="module")
def meridian() -> str:
    path = os.environ.get("MERIDIAN")
    if not path or not os.access(path, os.X_OK):
        pytest.fail("Set MERIDIAN to the absolute path of a built meridian binary.", pytrace=False)
    return path


def test_a_killed_build_leaves_the_old_site_or_the_new_one(meridian: str, tmp_path: Path) -> None:
    contents = {name: write_course(tmp_path / name, f"Version {name}") for name in ("A", "B")}
    site = tmp_path / "Site"
    started = time.monotonic()
    subprocess.run(build_command(meridian, contents["A"], site), check=True)
    duration = time.monotonic() - started
    subprocess.run(build_command(meridian, contents["B"], tmp_path / "reference-B"), check=True)
    expected = {digest(site): "A", digest(tmp_path / "reference-B"): "B"}

    chance = random.Random(SEED)
    for kill in range(KILLS):
        held = expected.get(digest(site))
        target = "B" if held == "A" else "A"
        moment = chance.uniform(0, duration)
        build = subprocess.Popen(build_command(meridian, contents[target], site),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(moment)
        build.send_signal(signal.SIGKILL)
        build.wait()
        now = expected.get(digest(site))
        assert now in {held, target}, f"kill {kill} after {moment:.3f} s: Site/ is neither version A nor B"
        left = leftovers(tmp_path)
        assert len(left) <= 1, f"kill {kill} after {moment:.3f} s: earlier builds' leftovers remain: {left}"

    subprocess.run(build_command(meridian, contents["B"], site), check=True)
    assert expected.get(digest(site)) == "B"
    assert leftovers(tmp_path) == []
