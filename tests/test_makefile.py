"""The Makefile's set-up rules: learner and maintainer requirements, make slides' installs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from conftest import ROOT


def fake_bin(tmp_path, names):
    """A PATH holding only sh, sed, the named stubs, and id/apt-get stubs that log their calls."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for tool in ("sh", "sed"):
        os.symlink(shutil.which(tool), folder / tool)
    log = tmp_path / "apt.log"
    stubs = {"id": "echo 0", "apt-get": f'echo "$@" >> {log}'}
    stubs.update({name: "exit 0" for name in names})
    for name, body in stubs.items():
        (folder / name).write_text(f"#!/bin/sh\n{body}\n")
        (folder / name).chmod(0o755)
    return folder, log


@pytest.mark.parametrize(
    "present, installs",
    [(["npm"], "chromium"), (["chromium"], "npm"), ([], "npm chromium"), (["npm", "chromium"], None)],
)
def test_make_slides_installs_only_what_is_missing(tmp_path, present, installs):
    folder, log = fake_bin(tmp_path, present)
    result = subprocess.run([shutil.which("make"), "--no-print-directory", "-f", str(ROOT / "Makefile"),
                             "slide-tools"], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                            env={"PATH": str(folder)})
    assert result.returncode == 0, result.stdout + result.stderr
    if installs is None:
        assert not log.exists() and "Installing" not in result.stdout
    else:
        assert f"Installing {installs} (Debian packages)" in result.stdout
        assert log.read_text().splitlines()[-1] == f"install -y -qq {installs}"


def requirement_lines(name):
    lines = (ROOT / name).read_text().splitlines()
    return [(i, line) for i, line in enumerate(lines) if line.strip() and not line.startswith("#")], lines


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-maintainer.txt"])
def test_every_requirement_is_pinned_and_has_a_reason(name):
    entries, lines = requirement_lines(name)
    for i, line in entries:
        if line.startswith("-r "):
            continue
        assert "~=" in line, f"{name}: {line} is not a compatible-release pin"
        above = lines[i - 1]
        assert above.startswith("#") or "~=" in above, f"{name}: {line} has no reason above it"


def test_learner_and_maintainer_files_are_apart():
    learner = {re.split(r"[~=;]", line)[0] for _, line in requirement_lines("requirements.txt")[0]}
    maintainer_entries = requirement_lines("requirements-maintainer.txt")[0]
    assert maintainer_entries[0][1] == "-r requirements.txt"
    maintainer = {re.split(r"[~=;]", line)[0] for _, line in maintainer_entries[1:]}
    assert not learner & maintainer
    assert {"pytest", "nbval", "ruff", "playwright"} <= maintainer
    assert not {"pytest", "nbval", "ruff", "playwright", "psutil", "tabulate"} & learner


def test_make_lab_installs_the_learner_file_and_make_test_both():
    def dry_run(target):
        return subprocess.run(["make", "-n", "--no-print-directory", "-B", target], cwd=ROOT,
                              capture_output=True, text=True, timeout=60).stdout

    lab, test = dry_run("lab"), dry_run("test")
    assert "-r requirements.txt" in lab and "requirements-maintainer.txt" not in lab
    assert "-r requirements.txt" in test and "-r requirements-maintainer.txt" in test
