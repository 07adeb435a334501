"""data/long_gap_sweep.json is complete and was made by the current sweep code.

Nothing here trains a model: the checks compare the hashes and settings the
data file recorded with the current tools/long_gap_sweep.py and
helpers/memory_task.py. When one fails, rerun `make sweep` and commit the file.
"""

from __future__ import annotations

import copy
import json
import math

import long_gap_sweep
import pytest
from conftest import ROOT

DATA = ROOT / "data" / "long_gap_sweep.json"


@pytest.fixture(scope="module")
def record():
    assert DATA.exists(), "data/long_gap_sweep.json is missing: run `make sweep`"
    return json.loads(DATA.read_text())


def test_data_were_made_by_the_current_code_and_settings(record):
    problems = long_gap_sweep.provenance_problems(record["provenance"])
    assert not problems, "; ".join(problems) + ". Rerun `make sweep` and commit the data file."


def test_a_changed_source_or_setting_is_caught(record):
    stale = copy.deepcopy(record["provenance"])
    stale["sources"]["helpers/memory_task.py"] = "0" * 64
    assert "helpers/memory_task.py changed since the data were made" in (
        long_gap_sweep.provenance_problems(stale)
    )
    stale = copy.deepcopy(record["provenance"])
    stale["settings"]["series"][0]["seeds"] = [0]
    assert "SETTINGS changed since the data were made" in long_gap_sweep.provenance_problems(stale)


def test_hash_ignores_windows_line_endings(tmp_path, monkeypatch):
    (tmp_path / "a.py").write_bytes(b"x = 1\r\ny = 2\r\n")
    (tmp_path / "b.py").write_bytes(b"x = 1\ny = 2\n")
    monkeypatch.setattr(long_gap_sweep, "ROOT", tmp_path)
    assert long_gap_sweep.file_sha256("a.py") == long_gap_sweep.file_sha256("b.py")


def test_every_run_of_the_grid_is_there_once(record):
    settings = record["provenance"]["settings"]
    expected = {
        (s["label"], gap, seed)
        for s in settings["series"] for gap in settings["gaps"] for seed in s["seeds"]
    }
    found = [(r["series"], r["gap"], r["seed"]) for r in record["runs"]]
    assert len(found) == len(set(found)), "a run appears twice"
    assert set(found) == expected


def test_runs_hold_sane_values(record):
    epochs = record["provenance"]["settings"]["budget"]["epochs"]
    for run in record["runs"]:
        assert 0.0 <= run["test_accuracy"] <= 1.0
        assert len(run["train_accuracy"]) == epochs
        assert math.isfinite(run["seconds"]) and run["seconds"] > 0
    provenance = record["provenance"]
    assert provenance["total_seconds"] >= sum(r["seconds"] for r in record["runs"]) - 1.0
    assert {"python", "numpy", "tensorflow", "keras"} <= set(provenance["versions"])


def test_importing_the_sweep_does_not_start_tensorflow():
    import subprocess
    import sys

    code = "import sys; import long_gap_sweep; print('tensorflow' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT / "tools",
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
