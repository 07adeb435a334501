"""data/vowel_runs.json and data/japanese_vowels.npz are complete and match their scripts and notebook 09.

Nothing here trains a model. When a check on vowel_runs.json fails, rerun
`python tools/vowel_runs.py` and commit the data file.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
import vowel_runs
from conftest import ROOT, data_record, notebook_literals


@pytest.fixture(scope="module")
def record():
    return data_record("vowel_runs.json", "run tools/vowel_runs.py")


def test_the_data_file_holds_what_its_documentation_says():
    with np.load(ROOT / "data" / "japanese_vowels.npz") as data:
        for part, count, per_speaker in (("train", 270, [30] * 9),
                                         ("test", 370, [31, 35, 88, 44, 29, 24, 40, 50, 29])):
            lengths, speakers = data[f"{part}_lengths"], data[f"{part}_speakers"]
            assert len(lengths) == len(speakers) == count
            assert data[f"{part}_frames"].shape == (lengths.sum(), 12)
            assert np.isfinite(data[f"{part}_frames"]).all()
            assert 7 <= lengths.min() and lengths.max() <= 29
            assert np.bincount(speakers, minlength=10)[1:].tolist() == per_speaker
        assert "CC BY 4.0" in str(data["source"]) and "Kudo" in str(data["source"])


def test_notebook_09_trains_with_the_stored_settings(record):
    settings = record["provenance"]["settings"]
    found = notebook_literals("09_classifying_whole_sequences.ipynb")
    for name in ("units", "learning_rate", "batch_size", "max_epochs", "patience", "max_len"):
        assert found[name] == settings[name], name


def test_every_model_and_seed_is_there(record):
    settings = record["provenance"]["settings"]
    pairs = [(run["model"], run["seed"]) for run in record["runs"]]
    assert pairs == [(m, s) for m in settings["models"] for s in settings["seeds"]]
    assert len(record["validation_indices"]) == 9 * settings["validation_per_speaker"]
    for run in record["runs"]:
        n_test = 740 if run["model"] == "order LSTM" else 370
        assert len(run["test_predictions"]) == n_test
        assert 0 < run["test_accuracy"] <= 1 and 1 <= run["epochs"] <= settings["max_epochs"]
    assert set(record["ensembles"]) == set(settings["models"])


def test_parameter_counts_follow_the_formulas(record):
    n, d = 32, 12
    lstm = 4 * (n * d + n * n + n)
    counts = {run["model"]: run["parameters"] for run in record["runs"]}
    assert counts["LSTM"] == counts["LSTM, no mask, post"] == lstm + n * 9 + 9
    assert counts["bidirectional LSTM"] == 2 * lstm + 2 * n * 9 + 9
    assert counts["order LSTM"] == lstm + n * 2 + 2


def test_compact_json_keeps_every_value_and_puts_int_lists_on_one_line():
    record = {"a": [0, 1, -2], "b": ["x", "y"], "c": {"d": [3.5, 4]}, "e": []}
    text = vowel_runs.compact_json(record)
    assert json.loads(text) == record
    assert '"a": [0, 1, -2]' in text
