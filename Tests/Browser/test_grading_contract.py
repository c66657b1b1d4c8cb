"""The grading contract, on the browser's side: the site's grading.js, record.js and
statements.js run the golden table (Tests/Fixtures/grading/grading-cases.json) in headless
Chromium on file://, over the fixture course the table is written for. The Swift side runs
the same table (Tests/RecordsTests/GoldenTableTests.swift), so a rule changed on one side
only fails a test."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import REPO, build_fixture, page_url

GRADING = REPO / "Tests" / "Fixtures" / "grading"
TABLE = json.loads((GRADING / "grading-cases.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def grading_site(tmp_path_factory) -> Path:
    return build_fixture(tmp_path_factory, GRADING / "content")


@pytest.fixture(scope="module")
def progress_page(browser, grading_site):
    """progress.html of the grading fixture: every script that grades is loaded there."""
    browser.get(page_url(grading_site, "progress.html"))
    assert browser.execute_script("return !!(window.MeridianGrading && window.MeridianRecord && window.MeridianStatements)")
    return browser


def run(driver, script: str, *arguments):
    return driver.execute_script(script, *arguments)


def run_async(driver, script: str, *arguments):
    """Runs `script`, whose last argument is the callback to call with the result."""
    return driver.execute_async_script(script, *arguments)


@pytest.mark.parametrize("case", TABLE["responses"], ids=lambda c: f"{c['question']}:{c['response']}")
def test_responses_are_graded_as_the_table_says(progress_page, case):
    graded = run(progress_page, "return MeridianGrading.isCorrect(MeridianGrading.question(arguments[0]), arguments[1])",
                 case["question"], case["response"])
    assert graded is case["correct"]


@pytest.mark.parametrize("case", TABLE["passMarks"], ids=lambda c: f"{c['right']}of{c['count']}at{c['passScore']}")
def test_pass_marks_hold_at_the_boundary(progress_page, case):
    passed = run(progress_page, "return MeridianGrading.passes(arguments[0], arguments[1], arguments[2])",
                 case["right"], case["count"], case["passScore"])
    assert passed is case["passed"]


@pytest.mark.parametrize("case", TABLE["modules"], ids=lambda c: c["about"])
def test_modules_are_graded_as_the_table_says(progress_page, case):
    saved = {"answers": case["answers"]}
    if "firstAnswers" in case:
        saved["firstAnswers"] = case["firstAnswers"]
    if "attempts" in case:
        saved["exam"] = {"attempts": case["attempts"]}
    if case["visited"]:
        saved["firstVisitedAt"] = "2026-12-01T08:00:00Z"
    result = run(progress_page, "return MeridianGrading.moduleResult(MeridianGrading.module(arguments[0]), arguments[1], arguments[2])",
                 case["module"], saved, case.get("practiceAnswer"))
    assert (result["right"], result["score"], result["passed"], result["status"]) == \
        (case["right"], case["score"], case["passed"], case["status"])
    if "count" in case:
        assert result["count"] == case["count"]
    if "attemptScores" in case:
        assert [attempt["score"] for attempt in result["attempts"]] == case["attemptScores"]


def test_maxima_are_as_the_table_says(progress_page):
    maxima = run(progress_page, """
        var out = {};
        Object.keys(arguments[0]).forEach(function (id) { out[id] = MeridianGrading.scenario(id).maxPoints; });
        return out;""", TABLE["maxPoints"])
    assert maxima == TABLE["maxPoints"]


@pytest.mark.parametrize("case", TABLE["scenarios"], ids=lambda c: c["about"])
def test_replies_are_played_as_the_table_says(progress_page, case):
    played = run(progress_page, "return MeridianGrading.play(MeridianGrading.scenario(arguments[0]), arguments[1])",
                 case["scenario"], case["replies"])
    if case["path"] is None:
        assert played is None
    else:
        assert played == {"path": case["path"], "points": case["points"], "score": case["score"], "ending": case["ending"]}


@pytest.mark.parametrize("case", TABLE["verificationCodes"], ids=lambda c: c["about"])
def test_verification_codes_are_as_the_table_says(progress_page, case):
    text = run(progress_page, "return MeridianRecord.canonicalText(arguments[0])", case["record"])
    assert text == case["canonicalText"]
    code = run_async(progress_page, """
        var done = arguments[arguments.length - 1];
        MeridianRecord.verificationCode(arguments[0]).then(done, function (e) { done("error: " + e.message); });""",
                     case["record"])
    assert code == case["code"]


@pytest.mark.parametrize("case", TABLE["statementIds"], ids=lambda c: c["object"].rsplit("/", 1)[-1])
def test_statement_ids_are_as_the_table_says(progress_page, case):
    statement_id = run_async(progress_page, """
        var done = arguments[arguments.length - 1];
        var c = arguments[0];
        MeridianStatements.statementId(c.courseId, c.learner, c.verb, c.object, c.timestamp)
          .then(done, function (e) { done("error: " + e.message); });""", case)
    assert statement_id == case["id"]


@pytest.mark.parametrize("case", TABLE["actorKeys"], ids=lambda c: c["about"])
def test_actors_are_keyed_as_the_table_says(progress_page, case):
    key = run(progress_page, "return MeridianStatements.actorKey(MeridianGrading.course, arguments[0])", case["actor"])
    assert key == case["key"]
