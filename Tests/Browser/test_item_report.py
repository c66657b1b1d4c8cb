"""The trainers' item analysis, end to end: 50 random learners of the practice fixture course,
exported by the site's own scripts and imported with `meridian records import`, then
`meridian records report --items` in every format. The HTML report passes the Nu HTML checker
and axe-core, and its figures agree with the learners' answers."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from selenium_axe_python import Axe

from conftest import REPO, build_fixture, page_url
from test_accessibility import describe
from test_html_valid import nu_messages
from test_progress import meridian
from test_record_contract import random_records

LEARNERS = 50


@pytest.fixture(scope="module")
def imported(browser, tmp_path_factory):
    site = build_fixture(tmp_path_factory, REPO / "Tests" / "Browser" / "fixtures" / "quiz-course")
    content = site.parent / "Content"
    browser.get(page_url(site, "progress.html"))
    records = random_records(browser, 4242, LEARNERS)
    folder = tmp_path_factory.mktemp("item-records")
    files = []
    for index, record in enumerate(records):
        files.append(folder / f"learner-{index:02}.json")
        files[-1].write_text(json.dumps(record), encoding="utf-8")
    database = folder / "records.sqlite"
    result = meridian("records", "import", "--content", str(content), "--db", str(database), *map(str, files))
    assert result.returncode == 0, result.stdout + result.stderr
    return {"records": records, "content": content, "database": database, "folder": folder}


def report(imported, fmt: str, *extra: str) -> str:
    result = meridian("records", "report", "--items", "--format", fmt, "--db", str(imported["database"]),
                      "--content", str(imported["content"]), *extra)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_figures_follow_the_learners_first_answers(imported):
    rows = list(csv.DictReader(io.StringIO(report(imported, "csv"))))
    assert {r["question"] for r in rows} == {"callback-time", "check-understanding", "scores-describe-people",
                                             "complaint-steps", "context-styles"}
    for row in rows:
        firsts = [m.get("firstAnswers", {}).get(row["question"]) for r in imported["records"] for m in r["modules"]]
        answered = [a for a in firsts if a is not None]
        assert int(row["learners"]) == len(answered), row["question"]


def test_the_latest_answers_can_count_instead(imported):
    first = {r["question"]: r["facility"] for r in csv.DictReader(io.StringIO(report(imported, "csv")))}
    latest = {r["question"]: r["facility"] for r in csv.DictReader(io.StringIO(report(imported, "csv", "--attempt", "latest")))}
    assert first.keys() == latest.keys() and first != latest


def test_the_html_report_is_valid_and_accessible(imported, browser, tmp_path):
    page = tmp_path / "items.html"
    page.write_text(report(imported, "html"), encoding="utf-8")
    assert not nu_messages(tmp_path), nu_messages(tmp_path)
    browser.get(page.as_uri())
    assert browser.find_element("tag name", "h1").text == "Item analysis"
    axe = Axe(browser)
    axe.inject()
    violations = axe.run()["violations"]
    assert not violations, "\n".join(describe(v) for v in violations)
    json.loads(report(imported, "json"))
