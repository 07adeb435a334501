"""Every data file a script in tools/ makes was made by that script's current version and SETTINGS.

Nothing here trains a model: the checks compare the version and settings the data file
recorded (tools/data_scripts.py writes them) with the script's. When one fails, rerun the
script named in the message and commit the data file.
"""

from __future__ import annotations

import copy

import long_gap_sweep
import overwrite_sweep
import pytest
import statistical_backtests
import sunspot_variants
import vowel_runs
from conftest import data_record

# data file, the script that makes it, the name of its version number, how to rerun it
DATA_FILES = [
    ("long_gap_sweep.json", long_gap_sweep, "SWEEP_VERSION", "`make sweep`"),
    ("overwrite_sweep.json", overwrite_sweep, "RUN_VERSION", "tools/overwrite_sweep.py"),
    ("sunspot_variants.json", sunspot_variants, "RUN_VERSION", "tools/sunspot_variants.py"),
    ("statistical_backtests.json", statistical_backtests, "RUN_VERSION",
     "tools/statistical_backtests.py"),
    ("vowel_runs.json", vowel_runs, "RUN_VERSION", "tools/vowel_runs.py"),
]
IDS = [name for name, *_ in DATA_FILES]


@pytest.mark.parametrize("name, script, version, command", DATA_FILES, ids=IDS)
def test_made_by_the_current_script_and_settings(name, script, version, command):
    problems = script.provenance_problems(data_record(name, f"run {command}")["provenance"])
    assert not problems, "; ".join(problems) + f". Rerun {command} and commit the data file."


@pytest.mark.parametrize("name, script, version, command", DATA_FILES, ids=IDS)
def test_a_new_version_or_changed_setting_is_caught(name, script, version, command, monkeypatch):
    provenance = data_record(name, f"run {command}")["provenance"]
    stale = copy.deepcopy(provenance)
    stale["settings"]["changed"] = True
    assert "SETTINGS changed since the data were made" in script.provenance_problems(stale)
    monkeypatch.setattr(script, version, getattr(script, version) + 1)
    assert any(version in problem for problem in script.provenance_problems(provenance))
