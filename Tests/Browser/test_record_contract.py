"""Records HR can trust, across the boundary between the browser and `meridian records`:

- a learner who plays the shipped course's "priority-request" scenario through the weaker of
  two replies that lead to the same step exports a record that `records verify` and
  `records import` accept (they once refused it: the verifier scored the path, not the replies);
- random learners (random answers, random scenario walks, some abandoned midway), graded and
  exported by the site's own scripts, are every one accepted by `meridian records verify`, and
  every one refused once a single claim is raised (a score, a pass, the course's completion,
  a scenario's ending, an exam attempt's score), even with the verification code recomputed
  as a forger would."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from conftest import REPO, build_fixture, page_url
from test_progress import enter_learner, export, meridian

LEARNERS = 200
SEED = 20261207
HELPER = (Path(__file__).parent / "random_learners.js").read_text(encoding="utf-8")


def reply_starting(section, text: str):
    buttons = [b for b in section.find_elements(By.CSS_SELECTOR, '[role="group"] button')
               if b.text.strip().startswith(text)]
    assert len(buttons) == 1, f"expected one reply starting {text!r}, found {[b.text for b in buttons]}"
    return buttons[0]


def test_a_path_through_the_weaker_of_two_parallel_replies_verifies_and_imports(browser, site, tmp_path):
    browser.get(page_url(site, "modules/scenario-practice.html"))
    browser.execute_script("localStorage.clear()")
    browser.get(page_url(site, "modules/scenario-practice.html"))
    section = browser.find_element(By.ID, "scenario-priority-request")
    for reply in ("Good morning, Mr. Ruiz", "Daniela is gone. Can you give me the serial number?",
                  "I can't promise tomorrow myself"):
        reply_starting(section, reply).click()
    assert "Ending: good." in section.find_element(By.CSS_SELECTOR, '[role="status"]').text

    browser.get(page_url(site, "progress.html"))
    enter_learner(browser, "Marta Ruiz", "E-2077")
    exported = export(browser, "json")
    record = json.loads(exported.read_text(encoding="utf-8"))
    (played,) = [s for s in record["scenarios"] if s["id"] == "priority-request"]
    assert played["replies"] == [1, 2, 1] and played["ending"] == "good" and played["score"] < 1

    first_ids = [s["id"] for s in record["statements"]]
    (scenario_statement,) = [s for s in record["statements"] if s["object"]["id"].endswith("/scenarios/priority-request")]
    assert scenario_statement["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/simulation"
    assert scenario_statement["result"]["response"] == "[,]".join(played["path"])
    again = json.loads(export(browser, "json").read_text(encoding="utf-8"))
    assert [s["id"] for s in again["statements"]] == first_ids, "a second export repeats the statements' ids"

    verified = meridian("records", "verify", "--content", str(REPO / "Content"), str(exported))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    imported = meridian("records", "import", "--content", str(REPO / "Content"),
                        "--db", str(tmp_path / "records.sqlite"), str(exported))
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert "1 imported" in imported.stdout


# ---------- random learners ----------

def random_records(driver, seed: int, count: int) -> list[dict]:
    driver.execute_script(HELPER)
    return driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        RandomLearners.records(arguments[0], arguments[1]).then(done, function (e) { done("error: " + e.message); });""",
                                       seed, count)


def with_codes(driver, records: list[dict]) -> list[dict]:
    """The records with their verification codes recomputed by the site, as a forger would."""
    return driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        RandomLearners.withCodes(arguments[0]).then(done, function (e) { done("error: " + e.message); });""", records)


def verify(content: Path, files: list[Path]) -> dict[str, list[str]]:
    """`meridian records verify` over every file: file → its findings (empty when ok)."""
    result = meridian("records", "verify", "--content", str(content), *map(str, files))
    verdicts: dict[str, list[str]] = {}
    current = None
    for line in result.stdout.splitlines():
        match = re.match(r"^(ok|wrong|unreadable)\s+(.+?): ", line)
        if match:
            current = match.group(2)
            verdicts[current] = [] if match.group(1) == "ok" else [line]
        elif line.strip().startswith("- ") and current:
            verdicts[current].append(line.strip()[2:])
    assert set(verdicts) == {str(f) for f in files}, result.stdout + result.stderr
    return verdicts


def raise_one_claim(record: dict, index: int) -> tuple[str, str] | None:
    """Raises one claim of the record, chosen by `index` among those it can raise; returns
    (what was raised, the words the verifier must say), or None when nothing can be raised."""
    options = []
    for module in record["modules"]:
        if isinstance(module["score"], (int, float)) and module["score"] <= 0.75:
            options.append(("score", module, "claims score"))
        if module["passed"] is False:
            options.append(("pass", module, "claims passed"))
        for attempt in module.get("examAttempts", []):
            if attempt["score"] <= 0.75:
                options.append(("attempt score", attempt, "claims score"))
    if not record["completed"]:
        options.append(("completion", record, "claims the course is completed"))
    for scenario in record["scenarios"]:
        options.append(("ending", scenario, "claims ending"))
        if scenario["score"] <= 0.75:
            options.append(("scenario score", scenario, "claims score"))
    if not options:
        return None
    kind, target, words = options[index % len(options)]
    if kind in ("score", "scenario score", "attempt score"):
        target["score"] = round(target["score"] + 0.25, 4)
    elif kind == "pass":
        target["passed"] = True
    elif kind == "completion":
        target["completed"] = True
        target["completedAt"] = record["exportedAt"]
    else:
        target["ending"] = "poor" if target["ending"] == "good" else "good"
    return kind, words


FIXTURES = {"grading": REPO / "Tests" / "Fixtures" / "grading" / "content",
            "practice": REPO / "Tests" / "Browser" / "fixtures" / "quiz-course"}


@pytest.mark.parametrize("course, count", [("shipped", LEARNERS), ("grading", 60), ("practice", 40)])
def test_random_learners_verify_and_every_raised_claim_is_refused(browser, site, course, count, tmp_path, tmp_path_factory):
    if course == "shipped":
        content, built = REPO / "Content", site
    else:
        built = build_fixture(tmp_path_factory, FIXTURES[course])
        content = built.parent / "Content"
    browser.get(page_url(built, "progress.html"))
    records = random_records(browser, SEED + count, count)
    assert isinstance(records, list), records

    honest = []
    for index, record in enumerate(records):
        path = tmp_path / f"honest-{index:03}.json"
        path.write_text(json.dumps(record), encoding="utf-8")
        honest.append(path)
    refused = {f: findings for f, findings in verify(content, honest).items() if findings}
    assert not refused, f"{len(refused)} honest records refused, e.g. {next(iter(refused.items()))}"

    scenarios = {s["id"] for m in json.loads(browser.execute_script("return JSON.stringify(MeridianCourse.modules)"))
                 for s in m["scenarios"]}
    played = {s["id"] for r in records for s in r["scenarios"]}
    assert played == scenarios, f"never finished: {scenarios - played}"
    exams = {m["slug"] for m in json.loads(browser.execute_script("return JSON.stringify(MeridianCourse.modules)")) if m.get("exam")}
    taken = {m["slug"] for r in records for m in r["modules"] if m.get("examAttempts")}
    assert taken == exams, f"exams never taken: {exams - taken}"
    statuses = {m["status"] for r in records for m in r["modules"]}
    assert statuses == {"not-started", "in-progress", "completed"}

    changes = {index: raise_one_claim(record, index) for index, record in enumerate(records)}
    changed = [index for index, change in changes.items() if change is not None]
    raised, expected = [], {}
    for index, record in zip(changed, with_codes(browser, [records[i] for i in changed])):
        path = tmp_path / f"raised-{index:03}.json"
        path.write_text(json.dumps(record), encoding="utf-8")
        raised.append(path)
        expected[str(path)] = changes[index]
    assert len(raised) >= count * 0.9
    for path, findings in verify(content, raised).items():
        kind, words = expected[path]
        assert any(words in finding for finding in findings), f"{path}: raised the {kind}, verify said {findings}"
