"""Live reporting: the site opened over http with the xAPI launch parameters sends every
statement the learner's progress gives to the LRS as it happens (a real Ralph on 127.0.0.1,
CORS opened for the site's origin). The LRS then holds exactly the statements the site's one
builder makes from the progress, each acknowledged once; with the LRS stopped midway nothing
is lost or doubled across a page change; `records pull` of what was sent reports what an
import of the learner's export reports; the launch stays out of the address bar, localStorage
and the export; and without launch parameters the site sends nothing."""
from __future__ import annotations

import json
from base64 import b64decode
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlencode

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, build_fixture
from lrs_server import LRS
from practice import QUIZ_PAGE, SCENARIO_PAGE, answer_by_mouse, question
from test_lrs_pull import pull, report
from test_lrs_push import imported
from test_progress import COURSE_ID, RIGHT, WRONG_CALLBACK, meridian, play_late_refund_well, xapi_validator

ACTOR = {"objectType": "Agent", "name": "Ana Souza", "account": {"homePage": "https://lms.example.com", "name": "E-1042"}}
REGISTRATION = "9b2f4c1e-2f7a-4f4e-9a53-3c1d0b6e8a11"
WAIT_SECONDS = 30


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *arguments):
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The practice fixture built and served over http from 127.0.0.1."""
    site = build_fixture(tmp_path_factory, REPO / "Tests" / "Browser" / "fixtures" / "quiz-course")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield {"site": site, "content": site.parent / "Content", "origin": f"http://127.0.0.1:{server.server_address[1]}"}
    server.shutdown()
    server.server_close()


@pytest.fixture
def lrs(tmp_path, served):
    server = LRS(tmp_path / "lrs", cors_origin=served["origin"]).start()
    yield server
    server.stop()


@pytest.fixture
def driver(browser, served):
    """The shared browser on a page of the served site, with nothing stored for that origin."""
    browser.get(served["origin"] + "/index.html")
    browser.execute_script("localStorage.clear(); sessionStorage.clear();")
    browser.get_log("performance")
    yield browser
    browser.execute_script("localStorage.clear(); sessionStorage.clear();")


def launch_url(served, lrs, page="index.html") -> str:
    return f"{served['origin']}/{page}?" + urlencode({
        "endpoint": lrs.endpoint, "auth": lrs.authorization, "actor": json.dumps(ACTOR),
        "registration": REGISTRATION, "activity_id": COURSE_ID})


class Posts:
    """The statements the browser posted to the LRS and the LRS stored (200 or 204), read from
    Chromium's network log page by page."""

    def __init__(self, driver, endpoint: str):
        self.driver, self.endpoint = driver, endpoint
        self.requests: dict[str, list[str]] = {}
        self.acknowledged: list[str] = []
        self.attempts = 0

    def read(self) -> None:
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            params = message.get("params", {})
            if message["method"] == "Network.requestWillBeSent":
                request = params["request"]
                if request["method"] == "POST" and request["url"].startswith(self.endpoint):
                    self.attempts += 1
                    body = request.get("postData")
                    if body is None:
                        body = b"".join(b64decode(part.get("bytes", "")) for part in request.get("postDataEntries", [])).decode()
                    self.requests[params["requestId"]] = [s["id"] for s in json.loads(body)]
            elif message["method"] == "Network.responseReceived" and params["requestId"] in self.requests:
                if params["response"]["status"] in (200, 204):
                    self.acknowledged += self.requests[params["requestId"]]


def go(driver, posts: Posts, url: str) -> None:
    posts.read()
    driver.get(url)


def wait_until_sent(driver, posts: Posts) -> None:
    WebDriverWait(driver, WAIT_SECONDS, poll_frequency=0.2).until(
        lambda d: d.execute_script("return !!window.MeridianLive && MeridianLive.pending().length === 0"))
    time.sleep(0.5)  # a change made just now is queued after a short pause
    WebDriverWait(driver, WAIT_SECONDS, poll_frequency=0.2).until(
        lambda d: d.execute_script("return MeridianLive.pending().length === 0"))
    posts.read()


def built_now(driver) -> list[dict]:
    """The statements the site's builder makes from the progress so far, as the live sender does."""
    return driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        var launch = MeridianLive.launch();
        MeridianRecord.build(MeridianGrading.course, MeridianStore.all(), MeridianStore.getLearner(), launch.startedAt,
                             {actor: launch.actor, registration: launch.registration, activityId: launch.activityId})
          .then(function (r) { done(r.statements); }, function (e) { done("error: " + e.message); });""")


def answer_quiz(driver, questions) -> None:
    for question_id in questions:
        answer = WRONG_CALLBACK if question_id == "callback-time" else RIGHT[question_id]
        answer_by_mouse(driver, question(driver, question_id), answer)


def assert_the_lrs_holds_exactly(lrs: LRS, expected: list[dict], posts: Posts) -> None:
    held = lrs.statements()
    ids = [s["id"] for s in held]
    assert len(ids) == len(set(ids))
    assert sorted(ids) == sorted(s["id"] for s in expected), "the LRS holds exactly the statements the builder makes"
    assert sorted(posts.acknowledged) == sorted(ids), "each statement was stored by one acknowledged post, none twice"
    by_id = {s["id"]: s for s in held}
    for statement in expected:
        stored = by_id[statement["id"]]
        for field in ("verb", "object", "result", "timestamp"):
            if field in statement:
                assert json.dumps(stored.get(field), sort_keys=True) == json.dumps(statement[field], sort_keys=True), \
                    (field, stored, statement)
        assert stored["actor"]["account"] == ACTOR["account"] and stored["context"]["registration"] == REGISTRATION
    validator = xapi_validator()
    assert not [e.message for s in expected for e in validator.iter_errors(s)]


def test_a_launched_session_sends_every_statement_as_it_happens(driver, served, lrs, tmp_path):
    posts = Posts(driver, lrs.endpoint)
    go(driver, posts, launch_url(served, lrs))
    assert "auth=" not in driver.current_url and "endpoint=" not in driver.current_url, "the launch leaves the address bar"
    launch = driver.execute_script("return MeridianLive.launch()")
    assert launch["endpoint"] == lrs.endpoint and launch["actor"] == ACTOR and launch["registration"] == REGISTRATION

    go(driver, posts, f"{served['origin']}/{QUIZ_PAGE}")
    answer_quiz(driver, ["callback-time", "check-understanding"])
    wait_until_sent(driver, posts)
    early = {s["id"] for s in lrs.statements()}
    assert len(early) == 3, "the visit and the two answers are in the LRS before the quiz is finished"
    answer_quiz(driver, ["scores-describe-people", "complaint-steps", "context-styles"])
    go(driver, posts, f"{served['origin']}/{SCENARIO_PAGE}")
    play_late_refund_well(driver)
    wait_until_sent(driver, posts)
    expected = built_now(driver)
    verbs = sorted(s["verb"]["display"]["en-US"] for s in expected)
    assert verbs == sorted(["attempted", "attempted"] + ["answered"] * 5 + ["passed", "completed", "completed", "completed", "completed"])
    assert_the_lrs_holds_exactly(lrs, expected, posts)

    stored = driver.execute_script("return JSON.stringify(localStorage)")
    assert lrs.endpoint not in stored and "Basic" not in stored and "E-1042" not in stored, "the launch is never kept in localStorage"
    export = driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        MeridianRecord.build(MeridianGrading.course, MeridianStore.all(), {name: "Ana Souza", employeeId: "E-1042"})
          .then(function (r) { done(r); }, function (e) { done("error: " + e.message); });""")
    assert lrs.endpoint not in json.dumps(export) and REGISTRATION not in json.dumps(export), "an export carries no launch"

    pulled = tmp_path / "pulled.sqlite"
    result = pull(pulled, lrs.endpoint, served["content"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "imported  Ana Souza (E-1042): 2 of 2 modules completed, course completed" in result.stdout, result.stdout
    by_import = imported({"content": served["content"]}, [export], tmp_path / "import")
    assert report(pulled) == report(by_import)


def test_statements_made_while_the_lrs_is_down_are_sent_when_it_is_back(driver, served, lrs):
    posts = Posts(driver, lrs.endpoint)
    go(driver, posts, launch_url(served, lrs, QUIZ_PAGE))
    answer_quiz(driver, ["callback-time", "check-understanding"])
    wait_until_sent(driver, posts)

    lrs.stop()
    answer_quiz(driver, ["scores-describe-people", "complaint-steps", "context-styles"])
    WebDriverWait(driver, WAIT_SECONDS, poll_frequency=0.2).until(
        lambda d: d.execute_script("return MeridianLive.pending().length") >= 5)
    go(driver, posts, f"{served['origin']}/{SCENARIO_PAGE}")
    waiting = driver.execute_script("return MeridianLive.pending().length")
    assert waiting >= 5, "what waits survives the page change"
    play_late_refund_well(driver)
    WebDriverWait(driver, WAIT_SECONDS, poll_frequency=0.2).until(
        lambda d: d.execute_script("return MeridianLive.pending().length") > waiting)
    posts.read()
    assert len(posts.acknowledged) == 3, "only what was sent before the LRS stopped is stored"

    lrs.start()
    go(driver, posts, f"{served['origin']}/index.html")
    wait_until_sent(driver, posts)
    assert_the_lrs_holds_exactly(lrs, built_now(driver), posts)


def test_without_launch_parameters_nothing_is_sent_or_kept(driver, served):
    driver.get(f"{served['origin']}/{QUIZ_PAGE}")
    answer_quiz(driver, ["callback-time", "check-understanding"])
    time.sleep(1)
    requests = [json.loads(e["message"])["message"]["params"]["request"]["url"]
                for e in driver.get_log("performance")
                if json.loads(e["message"])["message"]["method"] == "Network.requestWillBeSent"]
    assert requests and all(url.startswith(served["origin"] + "/") for url in requests), requests
    assert driver.execute_script("return sessionStorage.length") == 0
    assert driver.execute_script("return typeof window.MeridianLive") == "undefined"
    assert driver.execute_script("return typeof window.MeridianStatements") == "undefined", "the builder is not even loaded"
