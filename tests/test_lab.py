"""`make lab` serves JupyterLab with the course (start it headless, ask its API); the Makefile's checks."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
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
        # The address make lab prints, and its / , open the notebooks/ folder.
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/?token={token}", timeout=10) as page:
            assert "/lab/tree/notebooks" in page.geturl()
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


OLD_PYTHON = """#!/bin/sh
# A .venv python that says it is 3.10 (the Makefile asks it with -c).
exec "{python}" -c "import sys; sys.version_info = (3, 10); exec(sys.argv[1])" "$2"
"""


def test_a_venv_made_by_an_old_python_says_make_clean(tmp_path):
    for name in ("Makefile", "requirements.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(OLD_PYTHON.format(python=sys.executable))
    python.chmod(0o755)
    result = subprocess.run(["make", "--no-print-directory", "setup"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "make clean" in result.stdout and "3.11 or newer" in result.stderr
    assert "Installing" not in result.stdout  # stopped before pip


def test_make_lab_opens_notebooks_and_announces_the_long_install():
    result = subprocess.run(["make", "-n", "--no-print-directory", "-B", "lab"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    commands = result.stdout
    assert "--LabApp.default_url=/lab/tree/notebooks" in commands
    announce = commands.index("the first run takes minutes")
    assert announce < commands.index("-r requirements.txt")
