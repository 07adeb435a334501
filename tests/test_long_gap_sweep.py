"""data/long_gap_sweep.json is complete (tests/test_data_files.py: made by the current code).

Nothing here trains a model. When a check fails, rerun `make sweep` and commit the file.
"""

from __future__ import annotations

import math

import long_gap_sweep
import pytest
from conftest import ROOT, data_record


@pytest.fixture(scope="module")
def record():
    return data_record("long_gap_sweep.json", "run `make sweep`")


def test_provenance_is_settings_and_version_not_file_hashes(record):
    provenance = record["provenance"]
    assert "sources" not in provenance and provenance["sweep_version"] == long_gap_sweep.SWEEP_VERSION
    # What notebook 04 reads from the file.
    assert {"command", "settings", "versions", "total_seconds"} <= set(provenance)


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
