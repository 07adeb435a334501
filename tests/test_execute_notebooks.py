"""Every notebook run is bounded: per cell and in all, in the tool, nbval and pytest."""

from __future__ import annotations

import re
import time
import tomllib

import execute_notebooks
import nbformat
import pytest
from conftest import ROOT
from nbclient.exceptions import CellTimeoutError


def test_the_limits_agree_everywhere():
    makefile = (ROOT / "Makefile").read_text()
    assert f"--nbval-cell-timeout={execute_notebooks.CELL_TIMEOUT} " in makefile
    pytest_settings = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    assert pytest_settings["timeout"] == execute_notebooks.NOTEBOOK_TIMEOUT + 60
    assert execute_notebooks.CELL_TIMEOUT < execute_notebooks.NOTEBOOK_TIMEOUT <= 600


def sleeper(seconds: float):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import time"), nbformat.v4.new_code_cell(f"time.sleep({seconds})")]
    return nb


@pytest.mark.slow
def test_a_stuck_notebook_fails_with_its_name(tmp_path, monkeypatch):
    start = time.monotonic()
    with pytest.raises(TimeoutError, match=re.escape("99_stuck.ipynb did not finish within 4 s")):
        execute_notebooks.run_notebook(sleeper(10**6), tmp_path, "99_stuck.ipynb", timeout=4)
    assert time.monotonic() - start < 60
    monkeypatch.setattr(execute_notebooks, "CELL_TIMEOUT", 1)
    with pytest.raises(CellTimeoutError):
        execute_notebooks.run_notebook(sleeper(10**6), tmp_path, "99_stuck.ipynb", timeout=60)
