"""`make new-notebook` adds a notebook that passes the hygiene checks, in a temporary copy of the repo."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import new_notebook
import pytest
from conftest import ROOT


def test_pyproject_entry_goes_after_the_last_notebook():
    text = '[tool.course]\nx = 1\n\n[[tool.course.notebooks]]\nfile = "01_a.ipynb"\n\n[tool.pytest]\n'
    new = new_notebook.add_to_pyproject(text, "02_b.ipynb", 'A "title"', "Why.")
    assert new.index('file = "02_b.ipynb"') < new.index("[tool.pytest]")
    assert 'title = "A \\"title\\""' in new


def test_bad_arguments_write_nothing(capsys):
    assert new_notebook.main(["9_topic", "T", "P"]) == 2
    assert new_notebook.main(["01_again", "T", "P"]) == 1  # notebook 01 exists
    assert "exists already" in capsys.readouterr().err


@pytest.mark.slow
def test_a_scratch_notebook_passes_the_hygiene_checks(tmp_path):
    clone = tmp_path / "course"
    listing = ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"]
    files = subprocess.run(listing, cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, clone / name)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    made = subprocess.run([sys.executable, "tools/new_notebook.py", "99_scratch", "A scratch notebook",
                           "What a new notebook starts with."], cwd=clone, capture_output=True, text=True,
                          env=env, timeout=600)
    assert made.returncode == 0, made.stdout + made.stderr
    for path in ("notebooks/99_scratch.ipynb", "helpers/exercises/nb99.py", "tests/test_exercises_nb99.py"):
        assert path in made.stdout
    assert "[A scratch notebook](notebooks/99_scratch.ipynb)" in (clone / "README.md").read_text()  # stamped
    checks = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:nbval", "-q",
         "tests/test_notebook_hygiene.py", "tests/test_exercises_nb99.py",
         "tests/test_exercise_checks_never_raise.py", "-k", "99 or hygiene or tables or every_notebook"],
        cwd=clone, capture_output=True, text=True, env=env, timeout=600)
    assert checks.returncode == 0, checks.stdout[-3000:]
    assert "99_scratch" in checks.stdout or "passed" in checks.stdout
