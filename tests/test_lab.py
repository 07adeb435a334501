"""`make lab` serves JupyterLab with the course: start it headless, ask its API."""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.request

import pytest
import stamp_notebooks
from conftest import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_make_lab_lists_the_notebooks():
    port, token = free_port(), secrets.token_hex(8)
    flags = f"--no-browser --ip=127.0.0.1 --port={port} --IdentityProvider.token={token}"
    server = subprocess.Popen(
        ["make", "--no-print-directory", "lab", f"LAB_FLAGS={flags}"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/api/contents/notebooks?token={token}"
    try:
        listing, deadline = None, time.monotonic() + 120
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    listing = json.load(response)
                break
            except OSError:
                time.sleep(1)
        if listing is None:
            output = server.stdout.read().decode(errors="replace") if server.poll() is not None else ""
            pytest.fail(f"JupyterLab did not answer within 120 s\n{output[-2000:]}")
        served = sorted(item["name"] for item in listing["content"] if item["name"].endswith(".ipynb"))
        expected = [e.file for e in stamp_notebooks.load_course().entries]
        assert served == expected
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token={token}", timeout=10) as page:
            assert page.status == 200 and b"JupyterLab" in page.read()
    finally:
        stop(server)


def stop(server: subprocess.Popen) -> None:
    """End make and the JupyterLab it started (one process group)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            return
        try:
            server.wait(timeout=20)
            return
        except subprocess.TimeoutExpired:
            continue
