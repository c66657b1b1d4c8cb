"""`meridian records push` against a real LRS (Ralph, started on 127.0.0.1 by these tests):
records graded and exported by the site's own scripts, imported, then pushed. A second push
stores nothing new; after a learner answers more, only the new facts arrive; a statement
whose id the LRS holds with other content is refused and named, the rest are stored; wrong
credentials, an unreachable LRS and an address that is not an xAPI endpoint each give one
line naming the address, and nothing is sent by a dry run."""
from __future__ import annotations

import json
import urllib.request
from base64 import b64encode
from pathlib import Path

import pytest

from conftest import REPO, build_fixture, page_url
from lrs_server import LRS, PASSWORD, USER
from test_progress import meridian
from test_record_contract import random_records

LEARNERS = 20


@pytest.fixture(scope="module")
def course(browser, tmp_path_factory):
    """The practice fixture built, and 20 random learners' records exported by the site."""
    site = build_fixture(tmp_path_factory, REPO / "Tests" / "Browser" / "fixtures" / "quiz-course")
    browser.get(page_url(site, "progress.html"))
    return {"site": site, "content": site.parent / "Content", "records": random_records(browser, 777, LEARNERS)}


@pytest.fixture
def lrs(tmp_path):
    server = LRS(tmp_path / "lrs").start()
    yield server
    server.stop()


def write(records: list[dict], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for index, record in enumerate(records):
        files.append(folder / f"record-{index:02}-{record['exportedAt'][:19].replace(':', '')}.json")
        files[-1].write_text(json.dumps(record), encoding="utf-8")
    return files


def imported(course, records: list[dict], tmp_path: Path) -> Path:
    database = tmp_path / "records.sqlite"
    result = meridian("records", "import", "--content", str(course["content"]), "--db", str(database),
                      *map(str, write(records, tmp_path / "files")))
    assert result.returncode == 0, result.stdout + result.stderr
    return database


def push(database: Path, endpoint: str, *extra: str, password: str = PASSWORD):
    secret = database.parent / "lrs-password"
    secret.write_text(password + "\n", encoding="utf-8")
    return meridian("records", "push", "--lrs", endpoint, "--db", str(database), "--user", USER,
                    "--password-file", str(secret), *extra)


def statement_ids(records: list[dict]) -> set[str]:
    return {s["id"] for r in records for s in r["statements"]}


def test_a_second_push_stores_nothing_new(course, lrs, tmp_path):
    database = imported(course, course["records"], tmp_path)
    expected = statement_ids(course["records"])
    first = push(database, lrs.endpoint)
    assert first.returncode == 0, first.stdout + first.stderr
    assert f": {len(expected)} sent, 0 already there, 0 refused" in first.stdout
    second = push(database, lrs.endpoint)
    assert second.returncode == 0, second.stdout + second.stderr
    assert f": 0 sent, {len(expected)} already there, 0 refused" in second.stdout
    held = lrs.statements()
    assert len(held) == len(expected) and {s["id"] for s in held} == expected


def test_after_a_learner_answers_more_only_the_new_facts_arrive(browser, course, lrs, tmp_path):
    browser.get(page_url(course["site"], "progress.html"))
    earlier, later = browser.execute_async_script("""
        var done = arguments[arguments.length - 1];
        var course = MeridianGrading.course, learner = {name: "Ana Souza", employeeId: "E-1042"};
        var visit = {firstVisitedAt: "2026-12-01T09:00:00.000Z", answers: {"callback-time": "1"},
                     answerTimes: {"callback-time": "2026-12-01T09:01:00.000Z"}, answeredAt: "2026-12-01T09:01:00.000Z", attempts: 1};
        var more = JSON.parse(JSON.stringify(visit));
        more.answers["check-understanding"] = "1[,]3";
        more.answerTimes["check-understanding"] = more.answeredAt = "2026-12-02T10:00:00.000Z";
        Promise.all([
          MeridianRecord.build(course, {modules: {questions: visit}, scenarios: {}}, learner, "2026-12-01T12:00:00.000Z"),
          MeridianRecord.build(course, {modules: {questions: more}, scenarios: {}}, learner, "2026-12-02T12:00:00.000Z")
        ]).then(done, function (e) { done(String(e)); });""")
    database = imported(course, [earlier], tmp_path / "first")
    assert push(database, lrs.endpoint).returncode == 0
    database = imported(course, [later], tmp_path / "first")
    result = push(database, lrs.endpoint)
    new = statement_ids([later]) - statement_ids([earlier])
    assert new, "the later record states new facts"
    assert f": {len(new)} sent, {len(statement_ids([later])) - len(new)} already there, 0 refused" in result.stdout, result.stdout
    assert {s["id"] for s in lrs.statements()} == statement_ids([earlier]) | statement_ids([later])


def test_a_statement_held_with_other_content_is_refused_and_the_rest_are_stored(course, lrs, tmp_path):
    record = next(r for r in course["records"] if len(r["statements"]) >= 3)
    database = imported(course, [record], tmp_path)
    statement = json.loads(json.dumps(record["statements"][1]))
    statement["result"] = {"response": "something else"}
    post = meridian("records", "push", "--lrs", lrs.endpoint, "--db", str(database), "--dry-run")
    assert post.returncode == 0 and "nothing was sent" in post.stdout and lrs.statements() == []
    request = urllib.request.Request(lrs.endpoint + "statements", data=json.dumps([statement]).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "X-Experience-API-Version": "1.0.3",
                                              "Authorization": "Basic " + b64encode(f"{USER}:{PASSWORD}".encode()).decode()})
    urllib.request.urlopen(request, timeout=10)
    result = push(database, lrs.endpoint)
    assert result.returncode == 1
    total = len(statement_ids([record]))
    assert f": {total - 1} sent, 0 already there, 1 refused" in result.stdout, result.stdout
    assert f"refused   {statement['id']}: the LRS has another statement with this id (409" in result.stdout


@pytest.mark.parametrize("case", ["wrong credentials", "unreachable", "not xAPI"])
def test_a_failing_lrs_gives_one_line_naming_it(case, course, lrs, tmp_path):
    database = imported(course, course["records"][:2], tmp_path)
    if case == "wrong credentials":
        result = push(database, lrs.endpoint, password="wrong")
        expected = f"error: {lrs.endpoint}statements refused the credentials (401)"
    elif case == "unreachable":
        lrs.stop()
        result = push(database, lrs.endpoint, "--tries", "2")
        expected = f"error: cannot reach the LRS at {lrs.endpoint}statements"
    else:
        result = push(database, lrs.endpoint.replace("/xAPI/", "/elsewhere/"))
        expected = "is not an xAPI statements resource (404)"
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], result.stderr
