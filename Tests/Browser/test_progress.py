"""Learner progress on file:// in headless Chromium, on the practice fixture course (a quiz
module and a scenario module without questions): module status on the home page and in the
sidebar, course completion and resume; progress.html exports JSON and CSV; the JSON validates
against the published schema, every statement against the xAPI statement schema, and
`meridian records verify` and `records import` accept it; importing it in a fresh profile
shows the same progress; files from another course, a newer format or not a record are
refused with a clear message; the certificate appears once every module is complete."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from jsonschema import Draft4Validator, Draft7Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from selenium_axe_python import Axe

from conftest import chromium, page_url
from practice import QUIZ_PAGE, SCENARIO_PAGE, answer_by_keyboard, answer_by_mouse, question, reply_button
from test_accessibility import describe

XAPI = Path(__file__).parent / "xapi"
COURSE_ID = "https://example.org/courses/practice-fixture"
# question id → the right answer (choices, or {item: position} / {left: right})
RIGHT = {
    "callback-time": [2],
    "check-understanding": [1, 3],
    "scores-describe-people": [2],
    "complaint-steps": {1: 1, 2: 2, 3: 3, 4: 4, 5: 5},
    "context-styles": {1: 1, 2: 2, 3: 3, 4: 4},
}
WRONG_CALLBACK = [1]
LEARNER = ("Ana Souza", "E-1042")
WAIT_SECONDS = 20


# ---------- helpers ----------

def statuses_on_home(driver) -> dict[str, str]:
    return {node.get_attribute("data-module"): node.text.strip()
            for node in driver.find_elements(By.CSS_SELECTOR, ".module-status[data-module]")}


def statuses_in_sidebar(driver) -> dict[str, str]:
    return {link.get_attribute("data-module"):
            link.find_element(By.CSS_SELECTOR, "[data-module-status]").get_attribute("textContent").strip()
            for link in driver.find_elements(By.CSS_SELECTOR, ".module-nav a[data-module]")}


def statuses_in_table(driver) -> dict[str, tuple[str, str]]:
    def row_status(row):
        return (row.find_element(By.CSS_SELECTOR, '[data-cell="status"]').text.strip(),
                row.find_element(By.CSS_SELECTOR, '[data-cell="score"]').text.strip())
    WebDriverWait(driver, WAIT_SECONDS).until(
        lambda d: all(row_status(r)[0] != "—" for r in d.find_elements(By.CSS_SELECTOR, "tr[data-module]")))
    return {row.get_attribute("data-module"): row_status(row)
            for row in driver.find_elements(By.CSS_SELECTOR, "tr[data-module]")}


def course_count(driver) -> str:
    return driver.find_element(By.CSS_SELECTOR, "[data-course-count]").text.strip()


def answer_rest_by_keyboard(driver) -> None:
    """On the open quiz page: callback-time wrong by mouse (it already has an answer, so its
    checked radio, not the first, takes the Tab stop), every other question right by keyboard."""
    answer_by_mouse(driver, question(driver, "callback-time"), WRONG_CALLBACK)
    for question_id, answer in RIGHT.items():
        if question_id != "callback-time":
            answer_by_keyboard(driver, question(driver, question_id), answer)


def play_late_refund_well(driver) -> None:
    section = driver.find_element(By.ID, "scenario-late-refund")
    for reply in (2, 2):
        reply_button(section, reply).click()


def enter_learner(driver, name: str, employee_id: str) -> None:
    for label, value in (("Name", name), ("Employee ID", employee_id)):
        field = field_labelled(driver, label)
        field.clear()
        field.send_keys(value)


def field_labelled(driver, text: str):
    labels = [l for l in driver.find_elements(By.TAG_NAME, "label") if l.text.strip() == text]
    assert len(labels) == 1, f"expected one label {text!r}, found {len(labels)}"
    return driver.find_element(By.ID, labels[0].get_attribute("for"))


def button_named(driver, name: str):
    buttons = [b for b in driver.find_elements(By.TAG_NAME, "button") if b.text.strip() == name]
    assert len(buttons) == 1, f"expected one button {name!r}, found {len(buttons)}"
    return buttons[0]


def message(driver, selector: str) -> str:
    region = driver.find_element(By.CSS_SELECTOR, selector)
    assert region.get_attribute("role") == "status"
    WebDriverWait(driver, WAIT_SECONDS).until(
        lambda d: region.text.strip() and not region.text.startswith("Reading "))
    return region.text.strip()


def export(driver, kind: str) -> Path:
    """Clicks the export button of `kind` and returns the downloaded file."""
    folder = Path(driver.download_dir)
    for old in folder.iterdir():
        old.unlink()
    button_named(driver, f"Export progress ({kind.upper()})").click()

    def finished(_):
        files = [p for p in folder.iterdir() if p.suffix == f".{kind}"]
        busy = [p for p in folder.iterdir() if p.name.endswith(".crdownload")]
        return files[0] if files and not busy else False
    downloaded = WebDriverWait(driver, WAIT_SECONDS).until(finished)
    assert "Exported" in message(driver, "[data-export-status]")
    return downloaded


def import_file(driver, path: Path) -> str:
    field = field_labelled(driver, "Import progress")
    assert field.get_attribute("type") == "file"
    field.send_keys(str(path))
    return message(driver, "[data-import-status]")


def saved(driver) -> dict:
    return driver.execute_script("return window.MeridianStore.all()")


def xapi_validator() -> Draft4Validator:
    """The TinCanSchema statement validator with its custom formats registered."""
    root = json.loads((XAPI / "tcapi-1.0.1-combined.json").read_text(encoding="utf-8"))
    root["id"] = "tcapi:1.0.1"
    registry = Registry().with_resource("tcapi:1.0.1", Resource(contents=root, specification=DRAFT4))
    formats = FormatChecker(formats=())
    for name, expression in json.loads((XAPI / "formats.json").read_text(encoding="utf-8")).items():
        pattern = re.compile(expression)
        formats.checks(name)(lambda value, p=pattern: not isinstance(value, str) or p.search(value) is not None)
    return Draft4Validator({"$ref": "tcapi:1.0.1#statement"}, registry=registry, format_checker=formats)


def meridian(*arguments: str) -> subprocess.CompletedProcess:
    binary = os.environ.get("MERIDIAN")
    assert binary, "MERIDIAN must name the meridian binary"
    return subprocess.run([binary, *arguments], capture_output=True, text=True, timeout=120)


# ---------- the journey, done once and read by several tests ----------

@pytest.fixture(scope="module")
def journey(browser, quiz_site, tmp_path_factory):
    """A learner answers the quiz by keyboard (one answer wrong: 4 of 5, still a pass), plays a
    scenario, opens the scenario module, gives a name and employee ID, and exports JSON and CSV.
    Returns what each step showed, and the two files."""
    folder = tmp_path_factory.mktemp("exports")
    driver = browser
    shown = {}
    driver.get(page_url(quiz_site, "index.html"))
    shown["home_before"] = statuses_on_home(driver)
    shown["count_before"] = course_count(driver)
    shown["resume_before_hidden"] = not driver.find_element(By.CSS_SELECTOR, "a[data-resume]").is_displayed()

    driver.get(page_url(quiz_site, QUIZ_PAGE))
    answer_by_mouse(driver, question(driver, "callback-time"), RIGHT["callback-time"])
    shown["sidebar_after_one"] = statuses_in_sidebar(driver)
    driver.get(page_url(quiz_site, "index.html"))
    shown["home_after_one"] = statuses_on_home(driver)

    driver.get(page_url(quiz_site, QUIZ_PAGE))
    answer_rest_by_keyboard(driver)
    shown["sidebar_after_quiz"] = statuses_in_sidebar(driver)
    driver.get(page_url(quiz_site, "index.html"))
    shown["home_after_quiz"] = statuses_on_home(driver)
    shown["count_after_quiz"] = course_count(driver)
    shown["certificate_link_after_quiz"] = driver.find_element(By.CSS_SELECTOR, "a[data-certificate-link]").is_displayed()
    resume = driver.find_element(By.CSS_SELECTOR, "a[data-resume]")
    shown["resume_href"] = resume.get_attribute("href")
    shown["resume_text"] = resume.text

    driver.get(page_url(quiz_site, "certificate.html"))
    shown["certificate_before"] = driver.find_element(By.CSS_SELECTOR, "[data-certificate-missing]").text
    shown["certificate_before_visible"] = driver.find_element(By.CSS_SELECTOR, "[data-certificate]").is_displayed()

    driver.get(page_url(quiz_site, SCENARIO_PAGE))
    play_late_refund_well(driver)
    driver.get(page_url(quiz_site, "index.html"))
    shown["home_after_all"] = statuses_on_home(driver)
    shown["count_after_all"] = course_count(driver)
    shown["certificate_link_after_all"] = driver.find_element(By.CSS_SELECTOR, "a[data-certificate-link]").is_displayed()

    driver.get(page_url(quiz_site, "progress.html"))
    enter_learner(driver, *LEARNER)
    shown["table"] = statuses_in_table(driver)
    record = folder / "record.json"
    record.write_bytes(export(driver, "json").read_bytes())
    table = folder / "record.csv"
    table.write_bytes(export(driver, "csv").read_bytes())
    shown["export_message"] = message(driver, "[data-export-status]")

    driver.get(page_url(quiz_site, "certificate.html"))
    WebDriverWait(driver, WAIT_SECONDS).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "[data-certificate]").is_displayed())
    shown["certificate"] = {name: driver.find_element(By.CSS_SELECTOR, f'[data-field="{name}"]').text
                            for name in ("name", "employee", "date", "score", "code")}
    shown["certificate_text"] = driver.find_element(By.CSS_SELECTOR, ".certificate").text
    shown["saved"] = saved(driver)
    driver.execute_script("localStorage.clear()")

    return {"shown": shown, "json": record, "csv": table}


def test_home_page_and_sidebar_show_each_module_status(journey):
    shown = journey["shown"]
    assert shown["home_before"] == {"questions": "Not started", "scenarios": "Not started"}
    assert shown["count_before"] == "0 of 2 modules completed"
    assert shown["resume_before_hidden"], "a resume link shows before any module was opened"
    assert shown["sidebar_after_one"] == {"questions": "In progress", "scenarios": "Not started"}
    assert shown["home_after_one"] == {"questions": "In progress", "scenarios": "Not started"}
    assert shown["sidebar_after_quiz"] == {"questions": "Completed", "scenarios": "Not started"}
    assert shown["home_after_quiz"] == {"questions": "Completed", "scenarios": "Not started"}
    assert shown["count_after_quiz"] == "1 of 2 modules completed"
    assert shown["home_after_all"] == {"questions": "Completed", "scenarios": "Completed"}
    assert shown["count_after_all"] == "All 2 modules completed"
    assert not shown["certificate_link_after_quiz"] and shown["certificate_link_after_all"], \
        "the home page links the certificate only once every module is completed"


def test_resume_leads_to_the_last_module_opened(journey):
    shown = journey["shown"]
    # the module's page, at the section the learner read last, if any
    assert re.search(r"/modules/questions\.html(#questions)?$", shown["resume_href"]), shown["resume_href"]
    assert "Resume where you left off" in shown["resume_text"]
    assert "Checking understanding" in shown["resume_text"]


def test_resume_leads_back_to_the_section_last_read(journey, open_practice):
    driver = open_practice(QUIZ_PAGE)
    driver.get(driver.current_url + "#questions")  # a hash change on the page itself
    WebDriverWait(driver, WAIT_SECONDS).until(
        lambda d: (d.execute_script("return window.MeridianStore.getModule('questions')") or {}).get("lastSection"))
    driver = open_practice("index.html")
    resume = driver.find_element(By.CSS_SELECTOR, "a[data-resume]")
    assert resume.is_displayed()
    assert resume.get_attribute("href").endswith("/modules/questions.html#questions")


def test_progress_page_lists_every_module_with_status_and_score(journey):
    assert journey["shown"]["table"] == {"questions": ("Completed", "80%"), "scenarios": ("Completed", "—")}


def test_exported_json_is_a_valid_record_with_valid_xapi_statements(journey, quiz_site):
    record = json.loads(journey["json"].read_text(encoding="utf-8"))
    schema = json.loads((quiz_site / "progress-record.schema.json").read_text(encoding="utf-8"))
    problems = [f"{'/'.join(map(str, e.path))}: {e.message}"
                for e in Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER).iter_errors(record)]
    assert not problems, "the export does not match progress-record.schema.json:\n  " + "\n  ".join(problems)
    assert record["learner"] == {"name": LEARNER[0], "employeeId": LEARNER[1]}
    assert record["course"]["id"] == COURSE_ID
    modules = {m["slug"]: m for m in record["modules"]}
    assert modules["questions"]["status"] == "completed"
    assert modules["questions"]["score"] == pytest.approx(0.8)
    assert modules["questions"]["passed"] is True
    assert modules["questions"]["answers"] == {
        "callback-time": "1", "check-understanding": "1[,]3", "scores-describe-people": "false",
        "complaint-steps": "1[,]2[,]3[,]4[,]5", "context-styles": "1[.]1[,]2[.]2[,]3[.]3[,]4[.]4"}
    assert modules["scenarios"]["status"] == "completed"
    assert record["scenarios"] == [{"id": "late-refund", "path": ["opening", "checking", "good-end"],
                                    "replies": [2, 2], "score": 1, "ending": "good"}]
    assert record["completed"] is True
    for stamp in [record["exportedAt"], record["completedAt"]] + [m["completedAt"] for m in record["modules"]]:
        datetime.fromisoformat(stamp.replace("Z", "+00:00"))

    validator = xapi_validator()
    statements = record["statements"]
    invalid = [f"statement {i} ({s.get('verb', {}).get('id')} {s.get('object', {}).get('id')}): {e.message}"
               for i, s in enumerate(statements) for e in validator.iter_errors(s)]
    assert not invalid, "statements that the xAPI schema rejects:\n  " + "\n  ".join(invalid)
    verbs = [(s["verb"]["id"].rsplit("/", 1)[1], s["object"]["id"]) for s in statements]
    module = COURSE_ID + "/modules/questions"
    assert sorted(v for v in verbs if v[0] == "answered") == sorted(
        ("answered", f"{module}/questions/{q}") for q in RIGHT)
    assert ("passed", module) in verbs and ("completed", module) in verbs
    assert ("completed", COURSE_ID + "/modules/scenarios") in verbs
    assert ("completed", COURSE_ID) in verbs
    assert ("completed", COURSE_ID + "/modules/scenarios/scenarios/late-refund") in verbs
    ids = [s["id"] for s in statements]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", i) for i in ids)
    answered = {s["object"]["id"].rsplit("/", 1)[1]: s for s in statements if s["verb"]["id"].endswith("/answered")}
    order = answered["complaint-steps"]["object"]["definition"]
    assert order["type"] == "http://adlnet.gov/expapi/activities/cmi.interaction"
    assert order["interactionType"] == "sequencing"
    assert order["correctResponsesPattern"] == ["1[,]2[,]3[,]4[,]5"]
    assert len(order["choices"]) == 5
    match = answered["context-styles"]["object"]["definition"]
    assert match["interactionType"] == "matching" and len(match["source"]) == 4 and len(match["target"]) == 4
    # answered right first, then wrong: the latest response, and the first as an extension
    assert answered["callback-time"]["result"] == {"response": "1", "success": False,
                                                   "extensions": {COURSE_ID + "/xapi/first-response": "2"}}
    assert ("attempted", module) in verbs and ("attempted", COURSE_ID + "/modules/scenarios") in verbs
    assert all(s["context"]["extensions"] == {COURSE_ID + "/xapi/course-version": record["course"]["version"],
                                              COURSE_ID + "/xapi/content-hash": record["course"]["contentHash"]}
               for s in statements)
    assert all(s["actor"]["account"] == {"homePage": COURSE_ID, "name": LEARNER[1]} for s in statements)


def test_the_xapi_validator_rejects_a_broken_statement(journey):
    """The check above can fail: a statement without its verb, or with a score out of range, is refused."""
    statement = next(s for s in json.loads(journey["json"].read_text())["statements"] if "score" in s.get("result", {}))
    validator = xapi_validator()
    assert not list(validator.iter_errors(statement))
    broken = dict(statement)
    del broken["verb"]
    assert list(validator.iter_errors(broken))
    out_of_range = json.loads(json.dumps(statement))
    out_of_range["result"]["score"]["scaled"] = 1.7
    assert list(validator.iter_errors(out_of_range))


def test_meridian_records_verify_and_import_accept_the_export(journey, quiz_site, tmp_path):
    content = quiz_site.parent / "Content"
    verified = meridian("records", "verify", str(journey["json"]), "--content", str(content))
    assert verified.returncode == 0, f"records verify refused the export:\n{verified.stdout}\n{verified.stderr}"
    database = tmp_path / "records.sqlite"
    imported = meridian("records", "import", str(journey["json"]), "--db", str(database), "--content", str(content))
    assert imported.returncode == 0, f"records import refused the export:\n{imported.stdout}\n{imported.stderr}"
    report = meridian("records", "report", "--db", str(database), "--format", "csv")
    assert report.returncode == 0, report.stderr
    assert LEARNER[1] in report.stdout and "questions" in report.stdout


def test_a_tampered_export_is_refused_by_records_verify(journey, quiz_site, tmp_path):
    """The verify check above can fail: a wrong answer claimed right is caught."""
    record = json.loads(journey["json"].read_text())
    module = next(m for m in record["modules"] if m["slug"] == "questions")
    module["answers"]["check-understanding"] = "2"
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(record))
    result = meridian("records", "verify", str(tampered), "--content", str(quiz_site.parent / "Content"))
    assert result.returncode == 1


def test_certificate_code_is_the_exported_records_code(journey):
    record = json.loads(journey["json"].read_text(encoding="utf-8"))
    certificate = journey["shown"]["certificate"]
    assert certificate["name"] == LEARNER[0]
    assert certificate["employee"] == f"Employee ID {LEARNER[1]}"
    assert certificate["code"] == record["verificationCode"]
    assert certificate["score"] == "80%"
    assert certificate["date"], "the certificate shows no date"
    assert "Practice Fixture" in journey["shown"]["certificate_text"]
    assert "1.0.0" in journey["shown"]["certificate_text"]


def test_certificate_is_not_shown_before_every_module_is_complete(journey):
    shown = journey["shown"]
    assert not shown["certificate_before_visible"]
    assert "Practice conversations" in shown["certificate_before"], shown["certificate_before"]
    assert "Checking understanding" not in shown["certificate_before"]


def test_exported_csv_has_one_row_per_module(journey):
    text = journey["csv"].read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["Module"] for r in rows] == ["questions", "scenarios"]
    first = rows[0]
    assert (first["Name"], first["Employee ID"], first["Course"], first["Course version"]) == (*LEARNER, COURSE_ID, "1.0.0")
    assert (first["Status"], first["Score"], first["Passed"]) == ("completed", "0.8", "true")
    assert first["Completed at"]
    assert (rows[1]["Status"], rows[1]["Score"], rows[1]["Passed"]) == ("completed", "", "")


def test_importing_in_a_fresh_profile_shows_the_same_progress(journey, quiz_site, tmp_path_factory):
    driver = chromium(tmp_path_factory)
    try:
        driver.get(page_url(quiz_site, "progress.html"))
        assert statuses_in_table(driver) == {"questions": ("Not started", "—"), "scenarios": ("Not started", "—")}
        text = import_file(driver, journey["json"])
        assert text.startswith(f"Imported the progress record of {LEARNER[0]}"), text
        assert statuses_in_table(driver) == journey["shown"]["table"]
        assert field_labelled(driver, "Name").get_attribute("value") == LEARNER[0]
        assert field_labelled(driver, "Employee ID").get_attribute("value") == LEARNER[1]
        driver.get(page_url(quiz_site, "index.html"))
        assert statuses_on_home(driver) == journey["shown"]["home_after_all"]
        driver.get(page_url(quiz_site, "certificate.html"))
        WebDriverWait(driver, WAIT_SECONDS).until(
            lambda d: d.find_element(By.CSS_SELECTOR, "[data-certificate]").is_displayed())
        assert driver.find_element(By.CSS_SELECTOR, '[data-field="code"]').text == journey["shown"]["certificate"]["code"]
        driver.get(page_url(quiz_site, QUIZ_PAGE))
        assert "Incorrect" in question(driver, "callback-time").find_element(By.CSS_SELECTOR, '[role="status"]').text
    finally:
        driver.quit()


def test_import_keeps_answers_given_here_after_the_export(journey, open_practice):
    driver = open_practice(QUIZ_PAGE)
    answer_by_mouse(driver, question(driver, "callback-time"), RIGHT["callback-time"])
    driver = open_practice("progress.html")
    text = import_file(driver, journey["json"])
    assert "4 answers added" in text, text
    assert "Kept 1 answer given here" in text, text
    answers = saved(driver)["modules"]["questions"]["answers"]
    assert answers["callback-time"] == "2", "the import overwrote an answer given after the export"
    assert answers["check-understanding"] == "1[,]3"
    assert statuses_in_table(driver)["questions"] == ("Completed", "100%")


def test_importing_the_same_file_twice_changes_nothing(journey, open_practice):
    driver = open_practice("progress.html")
    import_file(driver, journey["json"])
    first = saved(driver)
    driver.execute_script("document.querySelector('[data-import-status]').textContent = ''")
    text = import_file(driver, journey["json"])
    assert "nothing changed" in text, text
    assert saved(driver) == first


@pytest.mark.parametrize("case, expected", [
    ("other-course", "from another course"),
    ("newer-format", "newer version of the record format"),
    ("not-json", "not valid JSON"),
    ("not-a-record", "not a progress record"),
    ("too-large", "too large to be a progress record"),
])
def test_import_refuses_what_it_cannot_read_with_a_clear_message(case, expected, journey, open_practice, tmp_path):
    record = json.loads(journey["json"].read_text(encoding="utf-8"))
    texts = {
        "other-course": json.dumps({**record, "course": {**record["course"], "id": "https://example.org/other", "title": "Another Course"}}),
        "newer-format": json.dumps({**record, "formatVersion": 2}),
        "not-json": "Name,Score\nAna,1\n",
        "not-a-record": json.dumps({"format": "something-else", "modules": []}),
        "too-large": " " * (9 * 1024 * 1024),
    }
    path = tmp_path / f"{case}.json"
    path.write_text(texts[case], encoding="utf-8")
    driver = open_practice("progress.html")
    before = saved(driver)
    text = import_file(driver, path)
    assert expected in text, text
    assert "Nothing was imported" in text
    assert "is-error" in driver.find_element(By.CSS_SELECTOR, "[data-import-status]").get_attribute("class")
    assert saved(driver) == before


def test_export_asks_who_the_learner_is_first(open_practice):
    driver = open_practice("progress.html")
    button_named(driver, "Export progress (JSON)").click()
    assert "Enter your name or employee ID" in message(driver, "[data-export-status]")
    assert not list(Path(driver.download_dir).glob("*.json"))


def test_markup_in_the_learners_name_is_shown_as_text_on_the_certificate(journey, open_practice):
    name = '<script>window.injected = 1</script><img src="x" onerror="window.injected = 1">'
    driver = open_practice("progress.html")
    import_file(driver, journey["json"])
    enter_learner(driver, name, LEARNER[1])
    driver = open_practice("certificate.html")
    WebDriverWait(driver, WAIT_SECONDS).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "[data-certificate]").is_displayed())
    assert driver.find_element(By.CSS_SELECTOR, '[data-field="name"]').text == name
    assert not driver.find_elements(By.CSS_SELECTOR, ".certificate script, .certificate img")
    assert driver.execute_script("return window.injected === undefined")


def test_a_formula_in_the_learners_name_is_inert_in_the_csv(open_practice):
    driver = open_practice("progress.html")
    enter_learner(driver, '=HYPERLINK("http://x")', "+1")
    path = export(driver, "csv")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows[1][0] == "'=HYPERLINK(\"http://x\")"
    assert rows[1][1] == "'+1"


@pytest.mark.parametrize("page, act", [
    ("progress.html", None), ("progress.html", "export"), ("progress.html", "import-error"),
    ("certificate.html", None), ("certificate.html", "complete"),
], ids=["progress", "progress-exported", "progress-import-error", "certificate-missing", "certificate"])
def test_progress_and_certificate_pages_have_no_accessibility_violations(page, act, journey, open_practice, tmp_path):
    if act == "complete":
        driver = open_practice("progress.html")
        import_file(driver, journey["json"])
    driver = open_practice(page)
    if act == "export":
        enter_learner(driver, *LEARNER)
        export(driver, "json")
    elif act == "import-error":
        junk = tmp_path / "junk.json"
        junk.write_text("not json")
        import_file(driver, junk)
    elif act == "complete":
        WebDriverWait(driver, WAIT_SECONDS).until(
            lambda d: d.find_element(By.CSS_SELECTOR, "[data-certificate]").is_displayed())
    axe = Axe(driver)
    axe.inject()
    violations = axe.run()["violations"]
    assert not violations, (f"axe-core found {len(violations)} violated rules on {page}:\n  "
                            + "\n  ".join(describe(v) for v in violations))
