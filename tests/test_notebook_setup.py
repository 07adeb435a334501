"""setup_notebook and bootstrap: run in a subprocess, as a notebook would."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

from helpers import bootstrap, notebook_setup


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
        notebook_setup.check_versions()
    monkeypatch.setitem(notebook_setup.MIN_VERSIONS, "not_a_package_xyz", (1, 0))
    monkeypatch.delitem(notebook_setup.MIN_VERSIONS, "keras")
    with pytest.raises(RuntimeError, match="not_a_package_xyz is not installed"):
        notebook_setup.check_versions()


@pytest.mark.parametrize(
    "text, expected", [("2.20.0", (2, 20)), ("3.13.2", (3, 13)), ("2.21.0rc1", (2, 21)), ("3", (3,))]
)
def test_version_tuple(text, expected):
    assert notebook_setup._version_tuple(text) == expected


@pytest.mark.parametrize("start", [ROOT, ROOT / "notebooks", ROOT / "helpers" / "exercises"])
def test_bootstrap_finds_root_from_any_folder(monkeypatch, start):
    monkeypatch.chdir(start)
    assert bootstrap.find_course_root("https://github.com/x/y") == ROOT


def test_bootstrap_outside_the_course_says_what_to_do(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    with pytest.raises(FileNotFoundError, match="make lab"):
        bootstrap.find_course_root("https://github.com/x/y")


def test_bootstrap_on_colab_clones_once(monkeypatch, tmp_path):
    """On Colab it clones into the working directory, and only the first time."""
    calls = []

    def fake_run(command, check):
        calls.append(command)
        target = tmp_path / "rnn-course"
        (target / "helpers").mkdir(parents=True)
        (target / "helpers" / "__init__.py").write_text("")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(sys.modules, "google.colab", object())
    monkeypatch.setattr(bootstrap.subprocess, "run", fake_run)
    url = "https://github.com/someone/rnn-course"
    assert bootstrap.find_course_root(url, "dev") == tmp_path / "rnn-course"
    assert bootstrap.find_course_root(url, "dev") == tmp_path / "rnn-course"
    assert calls == [["git", "clone", "--quiet", "--depth", "1", "--branch", "dev", url,
                      str(tmp_path / "rnn-course")]]


def test_bootstrap_on_colab_explains_a_failed_clone(monkeypatch, tmp_path):
    def failing_run(command, check):
        raise subprocess.CalledProcessError(128, command)

    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(sys.modules, "google.colab", object())
    monkeypatch.setattr(bootstrap.subprocess, "run", failing_run)
    with pytest.raises(RuntimeError, match=r"Could not download .*example/course.*\[tool.course\]"):
        bootstrap.find_course_root("https://github.com/example/course", "main")
