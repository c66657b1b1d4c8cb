"""An exam in a SCORM 1.2 package: the grading fixture (its exam module draws 3 of 5 questions,
2 attempts) packaged with `meridian package scorm12` and run in the real LMS (scormhost) of
test_scorm12.py, in headless Chromium:

- the worst case `meridian package` reports counts the exam's attempts and open attempt exactly
  as the launch page's codec writes them (the same worst-case learner as the shipped course's
  test), with a limit of attempts and without one (the best and the latest kept);
- a learner submits one attempt, leaves; comes back on a browser without their copy and finds
  the attempt kept; starts the second, answers one question, leaves; finds the open attempt
  kept; submits it and passes: the LMS holds the status and score grading.js gives (the best
  attempt counting), one interaction record per drawn question of each attempt, and a record
  exported from the restored progress that `meridian records verify` accepts;
- a learner who fails both attempts is `failed` in the LMS with the better attempt's score;
- progress saved by the encoding's first version is still read."""
from __future__ import annotations

import json
import os
import re
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, fixture_content
from scorm12.lms import LMS
from test_exam import RIGHT, WRONG, answer, button, panel_text, visible_questions
from test_scorm12 import (LAUNCH, PACKAGE_ID, Learner, check_the_calls, check_the_standard, enrol, export_json,
                          learner_browser, lms, worst_case_learner_script)

GRADING = REPO / "Tests" / "Fixtures" / "grading" / "content"
EXAM = "exam"
EXAM_QUESTIONS = {"e-single", "e-multiple", "e-truefalse", "e-order", "e-match"}

__all__ = ["learner_browser", "lms"]  # the LMS and browser fixtures, shared with test_scorm12.py


def package_course(content: Path, output: Path) -> tuple[Path, int]:
    meridian = os.environ.get("MERIDIAN")
    if not meridian or not os.access(meridian, os.X_OK):
        pytest.fail("Set MERIDIAN to a built meridian binary.", pytrace=False)
    result = subprocess.run([meridian, "package", "scorm12", "--output", str(output), "--content", str(content),
                             "--templates", str(REPO / "Templates")], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    found = re.search(r"cmi\.suspend_data needs at most (\d+) of 4096 characters", result.stdout)
    assert found, result.stdout
    return output, int(found.group(1))


@pytest.fixture(scope="module")
def fixture_copy(tmp_path_factory) -> Path:
    return fixture_content(tmp_path_factory, GRADING)


@pytest.fixture(scope="module")
def exam_package(fixture_copy, tmp_path_factory) -> tuple[Path, int]:
    return package_course(fixture_copy, tmp_path_factory.mktemp("exam-package") / "course-scorm12.zip")


@pytest.fixture(scope="module")
def unlimited_package(tmp_path_factory) -> tuple[Path, int]:
    """The same course with the exam's attempts unlimited."""
    content = fixture_content(tmp_path_factory, GRADING)
    exam = content / "modules" / "05-exam.md"
    text = exam.read_text(encoding="utf-8")
    assert "attempts: 2\n" in text
    exam.write_text(text.replace("attempts: 2\n", ""), encoding="utf-8")
    return package_course(content, tmp_path_factory.mktemp("unlimited-package") / "course-scorm12.zip")


def unpack(package: Path, folder: Path) -> Path:
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder)
    return folder


def open_codec(browser, package: Path, folder: Path) -> None:
    browser.get((unpack(package, folder) / LAUNCH).as_uri())
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return !!window.MeridianSuspendData"))


# ---------- The worst case, counted the same way on both sides ----------

@pytest.mark.parametrize("which", ["exam_package", "unlimited_package"])
def test_the_worst_case_of_an_exam_is_what_the_codec_writes(which, request, browser, tmp_path):
    package, worst = request.getfixturevalue(which)
    open_codec(browser, package, tmp_path)
    exam = browser.execute_script("return MeridianGrading.module(arguments[0]).exam", EXAM)
    assert exam == ({"draw": 3, "attempts": 2} if which == "exam_package" else {"draw": 3})
    result = browser.execute_script(worst_case_learner_script())
    assert result["exams"] == 1
    assert result["length"] == worst, "meridian package counts the exam's worst case as the codec writes it"
    assert result["same"], "every attempt, its answers, time and interaction number, and the open attempt decode as encoded"


def test_an_exam_without_a_limit_keeps_its_best_and_latest_attempts(unlimited_package, browser, tmp_path):
    package, worst = unlimited_package
    open_codec(browser, package, tmp_path)
    kept = browser.execute_script("""
      var module = MeridianGrading.module("exam"), attempts = [];
      var right = {"e-single": "2", "e-truefalse": "false", "e-multiple": "1[,]3"};
      for (var i = 0; i < 14; i++) {
        var answers = {"e-single": "1", "e-truefalse": "true", "e-multiple": "1"};
        if (i === 2) answers = right;                       // the only passing attempt
        if (i === 5) answers = {"e-single": "2"};           // 1 of 3
        attempts.push({drawn: ["e-single", "e-truefalse", "e-multiple"], answers: answers,
                       submittedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()});
      }
      var data = {modules: {exam: {firstVisitedAt: "2026-01-01T00:00:00.000Z", exam: {attempts: attempts}}}, scenarios: {}};
      var text = MeridianSuspendData.encode(MeridianGrading.course, data, {}, new Date());
      var back = MeridianSuspendData.decode(MeridianGrading.course, text).data.modules.exam;
      var before = MeridianGrading.moduleResult(module, data.modules.exam), after = MeridianGrading.moduleResult(module, back);
      return {length: text.length, minutes: back.exam.attempts.map(function (a) { return new Date(a.submittedAt).getUTCMinutes(); }),
              before: [before.score, before.status], after: [after.score, after.status]};
    """)
    assert kept["minutes"] == [2, 5, 6, 7, 8, 9, 10, 11, 12, 13], "the best attempt and the nine latest"
    assert kept["after"] == kept["before"] == [1, "completed"], "the attempt that counts is kept"
    assert kept["length"] <= worst


# ---------- In the LMS ----------

def exam_records(elements: dict[str, str]) -> list[dict[str, str]]:
    """The interaction records in the order they are numbered, checked to have no gaps."""
    records: dict[int, dict[str, str]] = {}
    for key, value in elements.items():
        field = re.fullmatch(r"cmi\.interactions\.(\d+)\.(.+)", key)
        if field:
            records.setdefault(int(field.group(1)), {})[field.group(2)] = value
    assert sorted(records) == list(range(len(records))), "numbered from 0 without gaps"
    return [records[n] for n in sorted(records)]


def expected_by_grading(learner: Learner) -> dict:
    """What grading.js makes of the learner's progress in the course's frame: each module's
    result and the course's score as the LMS reports it (0-100, two decimals, never rounded up)."""
    return learner.script("""
      var course = MeridianGrading.course, results = course.modules.map(function (m) {
        return MeridianGrading.moduleResult(m, MeridianStore.getModule(m.slug));
      });
      var scored = results.filter(function (r) { return r.count > 0; });
      var mean = scored.reduce(function (sum, r) { return sum + r.right / r.count; }, 0) / scored.length;
      var exam = results[course.modules.map(function (m) { return m.slug; }).indexOf("exam")];
      return {raw: Math.floor(mean * 10000 + 1e-6) / 100, scored: scored.length, examScore: exam.score, examStatus: exam.status,
              examAttempts: exam.attempts.map(function (a) { return a.right; })};
    """)


def go_to_exam(learner: Learner) -> None:
    """To the exam's page, unless the launch resumed there."""
    if f"modules/{EXAM}.html" not in learner.wait_for_page():
        learner.follow(f'a[href$="modules/{EXAM}.html"]')
    learner.wait_for_page(f"modules/{EXAM}.html")
    WebDriverWait(learner.driver, 10).until(lambda d: panel_text(d))


def relaunch_elsewhere(learner: Learner) -> None:
    """The next launch on a browser that holds nothing of this learner: only the LMS's copy."""
    learner.forget_calls()
    learner.driver.get(learner.lms.base + "/health")
    learner.driver.execute_script("localStorage.clear()")
    learner.launch()


def stored_version(elements: dict[str, str]) -> str:
    return elements["cmi.suspend_data"][:1]


def test_an_exam_attempt_survives_leaving_and_the_lms_holds_the_best(exam_package, fixture_copy, lms, learner_browser):
    learner, token, _ = enrol(lms, exam_package[0], learner_browser)
    driver = learner_browser

    # First visit: attempt 1, two of three right, submitted.
    learner.launch()
    go_to_exam(learner)
    button(driver, "Start attempt 1").click()
    first = visible_questions(driver)
    assert len(first) == 3
    answer(driver, first[0], WRONG[first[0]])
    for question in first[1:]:
        answer(driver, question, RIGHT[question])
    button(driver, "Submit attempt").click()
    assert "Attempt 1: 2 of 3 right (67%), not passed" in panel_text(driver)
    after_first = expected_by_grading(learner)
    attempts_here = learner.script("return MeridianStore.getModule('exam').exam.attempts")
    drawn_first = attempts_here[0]["drawn"]
    assert sorted(drawn_first) == sorted(first)
    learner.leave()

    elements = lms.stored(token, PACKAGE_ID, LAUNCH)
    check_the_standard(elements)
    check_the_calls(learner.calls())
    assert stored_version(elements) == "2"
    assert elements["cmi.core.lesson_status"] == "incomplete"
    assert float(elements["cmi.core.score.raw"]) == after_first["raw"] > 0
    records = exam_records(elements)
    assert [r["id"] for r in records] == drawn_first, "one record per drawn question, in the order drawn"
    assert [r["result"] for r in records] == ["wrong" if q == first[0] else "correct" for q in drawn_first]
    assert all("correct_responses.0.pattern" not in r for r in records), "an exam's page holds no key to report"
    assert all(r.get("student_response") for r in records)

    # Second visit, nothing in this browser: the attempt comes back from the LMS; attempt 2 is
    # started and one question answered.
    relaunch_elsewhere(learner)
    go_to_exam(learner)
    text = panel_text(driver)
    assert "Attempt 1: 2 of 3 right (67%), not passed" in text and "1 attempt left." in text
    saved = learner.script("return MeridianStore.getModule('exam').exam")
    assert [a["drawn"] for a in saved["attempts"]] == [drawn_first]
    assert saved["attempts"][0]["answers"] == attempts_here[0]["answers"]
    submitted_here = attempts_here[0]["submittedAt"]
    assert saved["attempts"][0]["submittedAt"] == submitted_here[:19] + ".000Z", "kept to the second"
    assert "open" not in saved
    button(driver, "Start attempt 2").click()
    second = visible_questions(driver)
    assert len(second) == 3
    answer(driver, second[0], RIGHT[second[0]])
    drawn_second = learner.script("return MeridianStore.getModule('exam').exam.open.drawn")
    assert sorted(drawn_second) == sorted(second)
    assert set(drawn_second[:2]) == EXAM_QUESTIONS - set(first), "the second attempt draws the unseen questions first"
    time.sleep(0.3)
    learner.leave()
    elements = lms.stored(token, PACKAGE_ID, LAUNCH)
    check_the_calls(learner.calls())
    assert len(exam_records(elements)) == 3, "an open attempt is not reported"

    # Third visit: the open attempt is back, with its one answer; it is finished and passes.
    relaunch_elsewhere(learner)
    go_to_exam(learner)
    assert visible_questions(driver) == second, "the open attempt comes back with its questions"
    assert "Answered 1 of 3" in panel_text(driver)
    for question in second[1:]:
        answer(driver, question, RIGHT[question])
    button(driver, "Submit attempt").click()
    text = panel_text(driver)
    assert "Attempt 2: 3 of 3 right (100%), passed." in text and "You have used all 2 attempts." in text
    # The rest of the course, answered right, so that the course is completed.
    learner.script("""
      MeridianGrading.course.modules.forEach(function (m) {
        if (m.exam) return;
        MeridianStore.recordVisit(m.slug);
        m.questions.forEach(function (q) {
          MeridianStore.recordAnswer(m.slug, q.id, q.correctResponsesPattern[0], m.questions.length);
        });
      });""")
    final = expected_by_grading(learner)
    assert final["examStatus"] == "completed" and final["examAttempts"] == [2, 3] and final["examScore"] == 1
    learner.follow('a[href$="progress.html"]')
    learner.wait_for_page("progress.html")
    time.sleep(0.3)
    learner.leave()

    elements = lms.stored(token, PACKAGE_ID, LAUNCH)
    check_the_standard(elements)
    check_the_calls(learner.calls())
    assert elements["cmi.core.lesson_status"] == "passed"
    assert float(elements["cmi.core.score.raw"]) == final["raw"] == 100
    records = exam_records(elements)
    exam_part = [r for r in records if r["id"] in EXAM_QUESTIONS]
    assert [r["id"] for r in exam_part] == drawn_first + drawn_second, "each submitted attempt reported once, in order"
    assert [r["result"] for r in exam_part[3:]] == ["correct"] * 3

    # Last visit: nothing here again; no third attempt, and the record exported from what the
    # LMS kept is one `meridian records verify` accepts, with both attempts.
    relaunch_elsewhere(learner)
    go_to_exam(learner)
    assert not [b for b in driver.find_elements("tag name", "button") if b.is_displayed() and b.text.startswith("Start attempt")]
    learner.follow('a[href$="progress.html"]')
    learner.wait_for_page("progress.html")
    record = export_json(learner)
    (module,) = [m for m in record["modules"] if m["slug"] == EXAM]
    assert module["status"] == "completed" and module["attempts"] == 2
    assert [a["drawn"] for a in module["examAttempts"]] == [drawn_first, drawn_second]
    path = fixture_copy.parent / "restored-record.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    verified = subprocess.run([os.environ["MERIDIAN"], "records", "verify", "--content", str(fixture_copy), str(path)],
                              capture_output=True, text=True, timeout=120)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    learner.leave()


def test_an_exam_failed_in_every_attempt_fails_the_course_with_the_better_score(exam_package, lms, learner_browser):
    learner, token, _ = enrol(lms, exam_package[0], learner_browser)
    learner.launch()
    go_to_exam(learner)
    rights = learner.script("""
      var right = {"e-single": "2", "e-multiple": "1[,]3", "e-truefalse": "false", "e-order": "1[,]2[,]3",
                   "e-match": "1[.]1[,]2[.]2"};
      var rights = [];
      MeridianGrading.course.modules.forEach(function (m) {
        MeridianStore.recordVisit(m.slug);
        if (m.exam) return;
        m.questions.forEach(function (q) { MeridianStore.recordAnswer(m.slug, q.id, q.correctResponsesPattern[0], m.questions.length); });
      });
      [2, 1].forEach(function (count) {
        var drawn = ["e-single", "e-truefalse", "e-order"];
        MeridianStore.startExamAttempt("exam", drawn);
        drawn.slice(0, count).forEach(function (id) { MeridianStore.recordExamAnswer("exam", id, right[id]); });
        rights.push(MeridianGrading.moduleResult(MeridianGrading.module("exam"), MeridianStore.submitExamAttempt("exam")).right);
      });
      return rights;""")
    assert rights == [2, 2], "the best attempt (2 of 3) counts after a worse second one"
    expected = expected_by_grading(learner)
    assert expected["examAttempts"] == [2, 1] and expected["examStatus"] == "in-progress"
    time.sleep(0.3)
    learner.leave()
    elements = lms.stored(token, PACKAGE_ID, LAUNCH)
    check_the_standard(elements)
    assert elements["cmi.core.lesson_status"] == "failed", "no attempt left and not passed: the course cannot be passed"
    # Every other module right; the exam at its better attempt, 2 of 3, not the latest, 1 of 3.
    others = expected["scored"] - 1
    assert float(elements["cmi.core.score.raw"]) == expected["raw"] == int((others + 2 / 3) / expected["scored"] * 10000) / 100


# Written by the encoding's first version (before exam attempts, where an exam module was laid
# out as a practice one) for this fixture on 2026-12-01: the "questions" module's first two
# questions answered right and reported as interactions 0 and 1.
VERSION_1_TEXT = "12Cd_hf1h3Wu01200501...000..0........"
VERSION_1_ANSWERS = {"g-single": "2", "g-multiple": "1[,]3"}


def test_progress_saved_by_the_first_version_is_still_read(exam_package, browser, tmp_path):
    open_codec(browser, exam_package[0], tmp_path)
    decode = "return MeridianSuspendData.decode(MeridianGrading.course, arguments[0])"
    back = browser.execute_script(decode, VERSION_1_TEXT)
    assert back is not None
    assert back["data"]["modules"]["questions"]["answers"] == VERSION_1_ANSWERS
    assert back["reported"] == {"g-single": 0, "g-multiple": 1}
    assert back["data"]["modules"]["questions"]["answerTimes"]["g-single"] == "2026-12-01T00:00:00.000Z", "when it was saved"
    assert browser.execute_script(decode, "2" + VERSION_1_TEXT[1:]) is None, "the same text under version 2 is another layout"
    assert browser.execute_script(decode, VERSION_1_TEXT[:1] + "A" + VERSION_1_TEXT[2:]) is None, "another layout"
    assert browser.execute_script(decode, VERSION_1_TEXT[:-1]) is None, "damaged"
    assert browser.execute_script(decode, "3" + VERSION_1_TEXT[1:]) is None, "a version this package does not know"
