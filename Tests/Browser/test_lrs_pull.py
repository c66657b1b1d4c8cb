"""`meridian records pull` against a real LRS (Ralph, started on 127.0.0.1 by these tests): the
statements of records exported by the site's own scripts are stored in the LRS, pulled into
an empty database, and reported exactly as `records import` of the same exports reports them;
a second pull changes nothing; a statement of another course or edition, or one whose claim
the answers do not support, is refused with a reason and the rest are kept; an LRS that
refuses the credentials, cannot be reached, is not at an xAPI address or does not answer as an
xAPI LRS gives one line naming the address and leaves the database as it was."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import threading
import uuid
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import REPO, build_fixture, page_url
from lrs_server import LRS, PASSWORD, USER
from test_lrs_push import imported
from test_progress import meridian
from test_record_contract import random_records

LEARNERS = 24
COURSE_ID = "https://example.org/courses/practice-fixture"


@pytest.fixture(scope="module")
def course(browser, tmp_path_factory):
    """The practice fixture built, and the records of 24 random learners exported by the site,
    less those who did nothing (they have no statement to pull)."""
    site = build_fixture(tmp_path_factory, REPO / "Tests" / "Browser" / "fixtures" / "quiz-course")
    browser.get(page_url(site, "progress.html"))
    records = [r for r in random_records(browser, 4242, LEARNERS) if r["statements"]]
    assert len(records) >= 15 and any(r["completed"] for r in records) and any(not r["completed"] for r in records)
    return {"site": site, "content": site.parent / "Content", "records": records}


@pytest.fixture
def lrs(tmp_path):
    server = LRS(tmp_path / "lrs").start()
    yield server
    server.stop()


def store_statements(lrs: LRS, statements: list[dict]) -> None:
    for start in range(0, len(statements), 100):
        assert lrs.post(statements[start:start + 100]) in (200, 204)


def pull(database: Path, endpoint: str, content: Path, *extra: str, password: str = PASSWORD):
    secret = database.parent / "lrs-password"
    secret.write_text(password + "\n", encoding="utf-8")
    return meridian("records", "pull", "--lrs", endpoint, "--db", str(database), "--content", str(content),
                    "--user", USER, "--password-file", str(secret), *extra)


def report(database: Path, *extra: str) -> list[dict]:
    """The CSV report's rows, without the export time (a pulled record's is its latest statement's)."""
    result = meridian("records", "report", "--db", str(database), "--format", "csv", *extra)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    for row in rows:
        row.pop("exported_at", None)
    return rows


def items_report(database: Path, content: Path) -> str:
    result = meridian("records", "report", "--db", str(database), "--items", "--format", "csv", "--content", str(content))
    assert result.returncode == 0, result.stderr
    return result.stdout


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_pull_into_an_empty_database_reports_what_an_import_of_the_exports_does(course, lrs, tmp_path):
    assert_a_pull_reports_what_an_import_does(course, lrs, tmp_path)


@pytest.fixture(scope="module")
def exam_course(browser, tmp_path_factory):
    """The grading fixture, whose fifth module is an exam, and 30 random learners' records."""
    site = build_fixture(tmp_path_factory, REPO / "Tests" / "Fixtures" / "grading" / "content")
    browser.get(page_url(site, "progress.html"))
    records = [r for r in random_records(browser, 9090, 30) if r["statements"]]
    attempts = [a for r in records for m in r["modules"] for a in m.get("examAttempts") or []]
    assert len(attempts) >= 10, "the learners take the exam"
    return {"site": site, "content": site.parent / "Content", "records": records}


def test_exam_attempts_pulled_report_what_an_import_of_the_exports_does(exam_course, lrs, tmp_path):
    assert_a_pull_reports_what_an_import_does(exam_course, lrs, tmp_path)


def assert_a_pull_reports_what_an_import_does(course, lrs, tmp_path):
    statements = [s for r in course["records"] for s in r["statements"]]
    store_statements(lrs, statements)
    by_import = imported(course, course["records"], tmp_path / "import")
    pulled = tmp_path / "pull" / "records.sqlite"
    pulled.parent.mkdir()
    result = pull(pulled, lrs.endpoint, course["content"])
    assert result.returncode == 0, result.stdout + result.stderr
    learners = len(course["records"])
    assert (f"{len(statements)} statements from {lrs.endpoint}: {len(statements)} kept, 0 refused; "
            f"{learners} learners: {learners} imported, 0 unchanged, 0 rejected") in result.stdout, result.stdout
    expected = report(by_import)
    assert len(expected) == learners * len(course["records"][0]["modules"])
    assert report(pulled) == expected
    assert items_report(pulled, course["content"]) == items_report(by_import, course["content"])

    before = digest(pulled)
    again = pull(pulled, lrs.endpoint, course["content"])
    assert again.returncode == 0, again.stdout + again.stderr
    assert f"{learners} learners: 0 imported, {learners} unchanged, 0 rejected" in again.stdout, again.stdout
    assert digest(pulled) == before, "a pull with nothing new changes nothing"


def forged(statement: dict, **changes) -> dict:
    copy = json.loads(json.dumps(statement))
    copy["id"] = str(uuid.uuid4())
    for path, value in changes.items():
        target = copy
        keys = path.split("__")
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value
    return copy


def test_foreign_and_ungradeable_statements_are_refused_with_a_reason_and_the_rest_kept(course, lrs, tmp_path):
    records = course["records"]
    good = [s for r in records for s in r["statements"]]
    unfinished = next(r for r in records if not r["completed"] and any(s["verb"]["id"].endswith("/answered") for s in r["statements"]))
    answer = next(s for s in unfinished["statements"] if s["verb"]["id"].endswith("/answered"))
    hash_key = COURSE_ID + "/xapi/content-hash"
    bad = {
        "other course": (forged(answer, object__id="https://example.org/courses/other/modules/a/questions/b"),
                         "is not an activity of the course https://example.org/courses/practice-fixture"),
        "other edition": (forged(answer, context__extensions={**answer["context"]["extensions"], hash_key: "sha256:" + "0" * 64}),
                          "made with other questions or answers"),
        "wrong success": (forged(answer, result={**answer["result"], "success": not answer["result"]["success"]}),
                          "claims the answer '" + answer["result"]["response"] + "'"),
        "unearned course completion": (forged(answer, verb={"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en-US": "completed"}},
                                              object={"objectType": "Activity", "id": COURSE_ID}, result={"completion": True},
                                              timestamp="2027-01-01T00:00:00.000Z"),
                                       "claims the course is completed, but the answers do not complete every module"),
        "unknown question": (forged(answer, object__id=answer["object"]["id"].rsplit("/", 1)[0] + "/no-such-question"),
                             "question 'no-such-question' is not in module"),
    }
    store_statements(lrs, good + [statement for statement, _ in bad.values()])
    pulled = tmp_path / "records.sqlite"
    result = pull(pulled, lrs.endpoint, course["content"])
    assert result.returncode == 1, result.stdout + result.stderr
    for name, (statement, reason) in bad.items():
        lines = [line for line in result.stdout.splitlines() if line.startswith(f"refused   {statement['id']}: ")]
        assert len(lines) == 1 and reason in lines[0], f"{name}: {lines or result.stdout}"
    assert f": {len(good)} kept, {len(bad)} refused; " in result.stdout, result.stdout
    assert report(pulled) == report(imported(course, records, tmp_path / "import"))


class NotAnLRS(SimpleHTTPRequestHandler):
    def log_message(self, *arguments):
        pass


@pytest.mark.parametrize("case", ["wrong credentials", "unreachable", "not xAPI", "answers with something else"])
def test_a_failing_lrs_gives_one_line_naming_it_and_the_database_is_unchanged(case, course, lrs, tmp_path):
    store_statements(lrs, [s for r in course["records"] for s in r["statements"]])
    database = imported(course, course["records"][:3], tmp_path)
    before = digest(database)
    if case == "wrong credentials":
        result = pull(database, lrs.endpoint, course["content"], password="wrong")
        expected = f"error: {lrs.endpoint}statements refused the credentials (401)"
    elif case == "unreachable":
        lrs.stop()
        result = pull(database, lrs.endpoint, course["content"], "--tries", "2")
        expected = f"error: cannot reach the LRS at {lrs.endpoint}statements?activity="
    elif case == "not xAPI":
        result = pull(database, lrs.endpoint.replace("/xAPI/", "/elsewhere/"), course["content"])
        expected = "/elsewhere/statements is not an xAPI statements resource (404)"
    else:
        folder = tmp_path / "web"
        folder.mkdir()
        (folder / "statements").write_text("<!doctype html><title>Intranet</title><p>Welcome</p>", encoding="utf-8")
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(NotAnLRS, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            endpoint = f"http://127.0.0.1:{server.server_address[1]}/"
            result = pull(database, endpoint, course["content"])
        finally:
            server.shutdown()
            server.server_close()
        expected = f"error: {endpoint}statements?activity="
        assert "answered with something that is not an xAPI statement result: <!doctype html>" in result.stderr
    assert result.returncode == 1, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], result.stderr
    assert digest(database) == before, "nothing in records.sqlite changes"
