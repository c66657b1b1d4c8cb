"""The scormhost test LMS for the package tests: start and stop it, register accounts, upload a
package, read back what a learner's session stored, and watch every call the package makes to
its API (a script Chromium runs in the launch page before the LMS's own)."""
from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
LMS_PYTHON = REPO / ".venv-lms" / "bin" / "python"
START_SECONDS = 30

# Wraps window.API of the LMS's launch page, logging each call with its arguments and result
# into that page's sessionStorage (which outlives the launch page, so a test reads it after
# the learner has left). sessionStorage "refuse" names an element the LMS then refuses.
API_SPY = """
(function () {
  if (window !== window.top) return;
  var real;
  function log(entry) {
    var calls = JSON.parse(sessionStorage.getItem("api-calls") || "[]");
    calls.push(entry);
    sessionStorage.setItem("api-calls", JSON.stringify(calls));
  }
  Object.defineProperty(window, "API", { configurable: true,
    get: function () { return real; },
    set: function (api) {
      var refused = false;
      real = {};
      Object.keys(api).forEach(function (name) {
        real[name] = function () {
          var args = Array.prototype.slice.call(arguments);
          if (name === "LMSSetValue" && args[0] === sessionStorage.getItem("refuse")) {
            refused = true; log([name].concat(args, ["false"])); return "false";
          }
          if (name === "LMSGetLastError" && refused) { refused = false; return "351"; }
          var result = api[name].apply(api, args);
          if (!/^LMSGet(LastError|ErrorString|Diagnostic)$/.test(name)) log([name].concat(args, [String(result)]));
          return result;
        };
      });
    } });
})();
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LMS:
    """A running scormhost with its own data folder."""

    def __init__(self, data: Path):
        self.data = data
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [str(LMS_PYTHON), str(Path(__file__).with_name("serve_lms.py")), str(self.port), str(data)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self._wait_until_up()

    def _wait_until_up(self) -> None:
        deadline = time.time() + START_SECONDS
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"scormhost exited {self.process.returncode}: {self.process.stdout.read().decode()}")
            try:
                with urllib.request.urlopen(self.base + "/health", timeout=1):
                    return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"scormhost did not answer on {self.base} within {START_SECONDS} s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def api(self, method: str, path: str, body=None, token=None, raw=None, content_type="application/json"):
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        request = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", content_type)
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def register(self, name: str, display_name: str) -> dict:
        return self.api("POST", "/api/auth/register", {
            "email": f"{name}@example.com", "username": name,
            "password": "correct-horse-battery", "display_name": display_name})

    def upload(self, token: str, zip_path: Path, package_id: str) -> dict:
        boundary = uuid.uuid4().hex
        head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
                f"filename=\"{zip_path.name}\"\r\nContent-Type: application/zip\r\n\r\n").encode()
        body = head + zip_path.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
        return self.api("POST", f"/api/packages?package_id={package_id}", raw=body, token=token,
                        content_type=f"multipart/form-data; boundary={boundary}")

    def stored(self, token: str, package_id: str, launch: str) -> dict[str, str]:
        return self.api("GET", f"/api/scorm/{package_id}/cmi?launch={launch}", token=token)["elements"]

    def session_files(self, package_id: str) -> list[Path]:
        return sorted((self.data / "sessions" / package_id).glob("*.json"))
