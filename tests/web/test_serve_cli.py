"""`dateline serve` as a user runs it: a real process on a loopback port, answering over HTTP."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.web.security import is_loopback

STARTUP = 60  # seconds the server may take to start on a loaded machine (a bound, not an assertion)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, host: str | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_serve_answers_on_loopback_and_refuses_foreign_host_names(web_db):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--db", str(web_db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "DATELINE_TILES": ""})
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + STARTUP
        while True:
            try:
                status, body = get(f"{base}/api/stats")
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "dateline serve did not start"
                time.sleep(0.2)
        assert status == 200 and b'"articles"' in body
        assert get(f"{base}/", host="rebound.example")[0] == 400  # DNS rebinding: foreign Host refused
        assert get(f"http://localhost:{port}/api/stats")[0] == 200
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_serve_without_a_store_says_so(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code != 0 and "no database" in result.output


@pytest.mark.parametrize("host, expected", [
    ("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("::1", True),
    ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False),
])
def test_is_loopback(host, expected):
    assert is_loopback(host) is expected
