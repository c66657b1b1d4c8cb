"""axe-core 4.9 (selenium-axe-python) finds no violation on each kind of page, opened from
disk in Chromium, with axe's default rules (WCAG 2 A and AA, and best practices)."""
from __future__ import annotations

import pytest
from selenium_axe_python import Axe

PAGE_KINDS = ["home", "module", "country", "countries", "search"]


def describe(violation: dict) -> str:
    lines = [f"{violation['id']} ({violation.get('impact') or 'no impact given'}): "
             f"{violation['help']} — {violation['helpUrl']}"]
    for node in violation["nodes"]:
        target = " ".join(str(t) for t in node["target"])
        summary = (node.get("failureSummary") or "").replace("\n", " ")
        lines.append(f"    at {target}: {summary}")
    return "\n  ".join(lines)


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_has_no_accessibility_violations(kind, page_of_kind, open_page):
    path = page_of_kind(kind)
    driver = open_page(path)
    axe = Axe(driver)
    axe.inject()
    violations = axe.run()["violations"]
    assert not violations, (
        f"axe-core found {len(violations)} violated rules on {path}:\n  "
        + "\n  ".join(describe(v) for v in violations))


def test_every_module_page_has_no_accessibility_violations(site, open_page):
    """Modules differ most (questions, scenarios, tables), so every one is checked."""
    pages = sorted(p.relative_to(site).as_posix() for p in (site / "modules").glob("*.html"))
    assert pages, "the site has no module pages"
    problems = []
    for path in pages:
        axe = Axe(open_page(path))
        axe.inject()
        problems += [f"{path}: {describe(v)}" for v in axe.run()["violations"]]
    assert not problems, "axe-core found violations:\n  " + "\n  ".join(problems)
