"""A real xAPI Learning Record Store for the tests: Ralph, from .venv-lrs (Tools/install-deps.sh
lrs), with its file backend in a temporary folder, on 127.0.0.1 only, started and stopped by
the test that needs it; with `cors_origin`, pages of that origin may post to it from a browser."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.request
from base64 import b64encode
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PYTHON = REPO / ".venv-lrs" / "bin" / "python"
LAUNCHER = Path(__file__).parent / "lrs" / "serve_append.py"
USER, PASSWORD = "hr-importer", "correct horse battery staple"
START_SECONDS = 30


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LRS:
    """Ralph running on 127.0.0.1:`port`; `endpoint` is its xAPI root."""

    def __init__(self, folder: Path, cors_origin: str | None = None):
        assert PYTHON.exists(), "the test LRS is not installed: run Tools/install-deps.sh lrs"
        self.folder = folder
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}/xAPI/"
        (folder / "app").mkdir(parents=True, exist_ok=True)
        (folder / "data").mkdir(exist_ok=True)
        subprocess.run([str(PYTHON), "-c", f"""
import bcrypt, json
json.dump([{{"username": {USER!r}, "hash": bcrypt.hashpw({PASSWORD!r}.encode(), bcrypt.gensalt()).decode(),
            "scopes": ["statements/write", "statements/read"],
            "agent": {{"mbox": "mailto:hr@example.com", "objectType": "Agent"}}}}], open({str(folder / 'app' / 'auth.json')!r}, "w"))
"""], check=True)
        self.cors_origin = cors_origin
        self.process = None

    def start(self) -> "LRS":
        environment = dict(os.environ, RALPH_APP_DIR=str(self.folder / "app"), RALPH_RUNSERVER_BACKEND="fs",
                           RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH=str(self.folder / "data"))
        if self.cors_origin:  # a page of this origin may post from the browser
            environment["RALPH_RUNSERVER_CORS_ALLOW_ORIGINS"] = json.dumps([self.cors_origin])
        self.log = open(self.folder / "server.log", "ab")
        self.process = subprocess.Popen([str(PYTHON), str(LAUNCHER), str(self.port)], env=environment,
                                        stdout=self.log, stderr=subprocess.STDOUT, cwd=self.folder)
        deadline = time.time() + START_SECONDS
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=1)
                return self
            except OSError:
                assert self.process.poll() is None, (self.folder / "server.log").read_text()
                time.sleep(0.1)
        raise AssertionError(f"the test LRS did not start in {START_SECONDS} s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None

    def post(self, statements: list[dict]) -> int:
        """Stores `statements` as a client would; the status the LRS answered."""
        request = urllib.request.Request(self.endpoint + "statements", data=json.dumps(statements).encode(), method="POST",
                                         headers={"Content-Type": "application/json", "X-Experience-API-Version": "1.0.3",
                                                  "Authorization": self.authorization})
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status

    @property
    def authorization(self) -> str:
        return "Basic " + b64encode(f"{USER}:{PASSWORD}".encode()).decode()

    def statements(self) -> list[dict]:
        """Every statement the LRS holds, following its `more` links."""
        found, url = [], f"{self.endpoint}statements?limit=100"
        for _ in range(1000):
            request = urllib.request.Request(url, headers={
                "Authorization": "Basic " + b64encode(f"{USER}:{PASSWORD}".encode()).decode(),
                "X-Experience-API-Version": "1.0.3"})
            page = json.load(urllib.request.urlopen(request, timeout=10))
            found += page["statements"]
            if not page.get("more"):
                return found
            url = f"http://127.0.0.1:{self.port}{page['more']}"
        raise AssertionError("the LRS kept answering with more pages")
