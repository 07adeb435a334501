"""setup_notebook and the stamped set-up cell: run in a subprocess, as a notebook would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
import stamp_notebooks
from conftest import ROOT

from helpers import notebook_setup


def run_python(code: str, cwd=ROOT, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, env=env, timeout=120
    )


def test_setup_is_quiet_and_seeds():
    code = (
        "from helpers import setup_notebook\n"
        "setup_notebook(7)\n"
        "import numpy, random, keras, tensorflow as tf\n"
        "a = (random.random(), float(numpy.random.rand()), float(keras.random.uniform(())))\n"
        "setup_notebook(7)\n"
        "b = (random.random(), float(numpy.random.rand()), float(keras.random.uniform(())))\n"
        "assert a == b, (a, b)\n"
        "m = keras.Sequential([keras.Input((3, 1)), keras.layers.LSTM(2)])\n"
        "m(numpy.zeros((1, 3, 1)))\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    # No TensorFlow C++ log lines or warnings: stored notebook outputs must not hold them.
    assert result.stderr == ""
    assert result.stdout.strip().splitlines() == [
        "Set-up done: TensorFlow quiet, random seed 7, plot style set."
    ] * 2


@pytest.mark.parametrize(
    "seed, error",
    [(1.5, TypeError), ("1", TypeError), (True, TypeError), (-1, ValueError), (2**32, ValueError)],
)
def test_setup_rejects_bad_seed(seed, error):
    with pytest.raises(error, match="seed"):
        notebook_setup.setup_notebook(seed)


def test_version_check_names_the_fix(monkeypatch):
    monkeypatch.setitem(notebook_setup.MIN_VERSIONS, "keras", (99, 0))
    with pytest.raises(RuntimeError, match=r"keras .* too old.*make lab"):
        notebook_setup.require_versions()
    monkeypatch.setitem(notebook_setup.MIN_VERSIONS, "not_a_package_xyz", (1, 0))
    monkeypatch.delitem(notebook_setup.MIN_VERSIONS, "keras")
    with pytest.raises(RuntimeError, match="not_a_package_xyz is not installed"):
        notebook_setup.require_versions()


@pytest.mark.parametrize(
    "text, expected", [("2.20.0", (2, 20)), ("3.13.2", (3, 13)), ("2.21.0rc1", (2, 21)), ("3", (3,))]
)
def test_version_tuple(text, expected):
    assert notebook_setup._version_tuple(text) == expected


# --- the stamped set-up cell, run as a notebook runs it -------------------------------

def cell_source(repository="someone/rnn-course", branch="main") -> str:
    """The set-up cell, up to the import; the last line imports Keras, tested above."""
    course = stamp_notebooks.Course(repository, branch, ())
    lines = stamp_notebooks.setup_source(course).splitlines()
    assert lines[-1].startswith("setup_notebook()")
    return "\n".join([*lines[:-1], "import helpers; print(COURSE_ROOT, helpers.__file__)"])


def test_set_up_cell_is_short():
    source = stamp_notebooks.setup_source(stamp_notebooks.load_course())
    assert len(source.splitlines()) <= 8
    assert max(len(line) for line in source.splitlines()) <= 90


@pytest.mark.parametrize("start", [ROOT, ROOT / "notebooks"])
def test_set_up_cell_finds_the_course_from_root_and_notebooks(start):
    result = run_python(cell_source(), cwd=start)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(ROOT), str(ROOT / "helpers" / "__init__.py")]


FAKE_GIT = """#!/bin/sh
# Stands in for `git clone ... URL FOLDER`: logs the call, copies the course.
echo "$@" >> "{log}"
for last; do :; done
mkdir -p "$last" && cp -r "{root}/helpers" "{root}/figures" "{root}/data" "{root}/notebooks" \
    "{root}/pyproject.toml" "$last"
"""


def colab(tmp_path, git: bool = True):
    """Run the cell as Colab would: google.colab imported, cwd /content (here tmp_path)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    for tool in ("rm", "mkdir", "cp"):
        (bin_dir / tool).unlink(missing_ok=True)
        (bin_dir / tool).symlink_to(shutil.which(tool))
    if git:
        (bin_dir / "git").write_text(FAKE_GIT.format(log=tmp_path / "git.log", root=ROOT))
        (bin_dir / "git").chmod(0o755)
    content = tmp_path / "content"
    content.mkdir(exist_ok=True)
    code = "import sys, types\nsys.modules['google.colab'] = types.ModuleType('google.colab')\n"
    env = {**os.environ, "PATH": str(bin_dir)}
    return run_python(code + cell_source(), cwd=content, env=env), content / "rnn-course"


def clones(tmp_path) -> int:
    log = tmp_path / "git.log"
    return len(log.read_text().splitlines()) if log.exists() else 0


def test_on_colab_the_cell_clones_once(tmp_path):
    result, clone = colab(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(clone), str(clone / "helpers" / "__init__.py")]
    assert (tmp_path / "git.log").read_text().split() == [
        "clone", "--depth=1", "https://github.com/someone/rnn-course", "rnn-course"]
    result, _ = colab(tmp_path)  # a restarted kernel: the clone is there, no second download
    assert result.returncode == 0, result.stderr
    assert clones(tmp_path) == 1


def test_on_colab_a_clone_cut_short_is_replaced(tmp_path):
    half = tmp_path / "content" / "rnn-course"
    (half / ".git").mkdir(parents=True)
    result, clone = colab(tmp_path)
    assert result.returncode == 0, result.stderr
    assert clones(tmp_path) == 1 and (clone / "helpers" / "__init__.py").is_file()
    assert not (clone / ".git").exists()  # the half-made folder was removed first


def test_on_colab_without_git_the_message_names_git(tmp_path):
    result, _ = colab(tmp_path, git=False)
    assert result.returncode != 0
    assert "git: not found" in result.stdout or "git: command not found" in result.stdout


def test_other_branches_are_cloned_by_name(tmp_path):
    assert "git clone --depth=1 -b dev https://github.com/a/b $d" in cell_source("a/b", "dev")


def test_an_incomplete_course_folder_says_what_to_do(tmp_path):
    (tmp_path / "helpers").mkdir()
    with pytest.raises(RuntimeError, match=r"incomplete \(no figures, data, notebooks, pyproject.toml\).*rm -rf"):
        notebook_setup.require_course_files(tmp_path)
    notebook_setup.require_course_files(ROOT)
