"""data/sunspot_variants.json is complete and matches notebook 06 (its version and SETTINGS:
tests/test_data_files.py).

Nothing here trains a model. When a check fails, rerun
`python tools/sunspot_variants.py` and commit the data file.
"""

from __future__ import annotations

import numpy as np
import pytest
from conftest import data_record, notebook_literals


@pytest.fixture(scope="module")
def record():
    return data_record("sunspot_variants.json", "run tools/sunspot_variants.py")


def test_notebook_06_uses_the_stored_settings(record):
    """The notebook's live runs and choices use the settings the stored runs were made with."""
    settings = record["provenance"]["settings"]
    found = notebook_literals("06_lstm_variants.ipynb")
    assert found["VARIANTS"] == settings["variants"]
    assert found["TRANSFORMS"] == settings["transforms"]
    assert found["MAX_AR_LAG"] == settings["max_ar_lag"]
    assert (found["UNITS"], found["LEARNING_RATE"], found["N_SUBSEQUENCES"], found["n_window"]) == (
        settings["units"], settings["learning_rate"], settings["n_subsequences"],
        settings["n_steps"])
    assert (found["MAX_UPDATES"], found["CHECK_EVERY"], found["PATIENCE"]) == (
        settings["max_updates"], settings["check_every"], settings["patience"])
    assert [found["first_validation_year"], found["last_train_year"], found["last_test_year"]] == [
        settings["validation_years"][0], settings["train_years"][1], settings["test_years"][1]]


def test_every_run_is_there(record):
    settings = record["provenance"]["settings"]
    pairs = [(run["variant"], run["seed"]) for run in record["variant_runs"]]
    assert pairs == [(v, s) for v in settings["variants"] for s in settings["variant_seeds"]]
    residual = settings["residual"]
    grid = [(row["network"], row["n_lags"], row["weight_decay"]) for row in record["residual_grid"]]
    assert grid == [(k, n, w) for k in residual["networks"] for n in residual["n_lags"]
                    for w in residual["weight_decay"]]
    pairs = [(run["network"], run["seed"]) for run in record["residual_runs"]]
    assert pairs == [(k, s) for k in residual["networks"] for s in settings["seeds"]]
    n_validation = settings["validation_years"][1] - settings["validation_years"][0] + 1
    n_test = settings["test_years"][1] - settings["test_years"][0] + 1
    for run in record["variant_runs"] + record["residual_runs"]:
        assert len(run["validation_forecast"]) == n_validation
        assert len(run["test_forecast"]) == n_test
        assert np.all(np.isfinite(run["test_forecast"])) and min(run["test_forecast"]) >= 0
        assert run["updates"] % settings["check_every"] == 0
        assert settings["check_every"] <= run["updates"] <= settings["max_updates"]


def test_choices_were_made_on_validation(record):
    """The transform and each residual network's setting have the lowest validation MSE."""
    transforms = record["transforms"]
    best = min(transforms, key=lambda row: row["validation_mse"])
    assert record["chosen"]["transform"] == best["transform"]
    for kind, chosen in record["chosen"]["residual"].items():
        rows = [row for row in record["residual_grid"] if row["network"] == kind]
        best = min(rows, key=lambda row: row["validation_mse_ensemble"])
        assert chosen == {"n_lags": best["n_lags"], "weight_decay": best["weight_decay"]}
        runs = [run for run in record["residual_runs"] if run["network"] == kind]
        assert all(run["n_lags"] == best["n_lags"] for run in runs)
        assert [run["updates"] for run in runs] == best["updates"]


def test_parameter_counts_follow_the_formulas(record):
    counts = {run["variant"]: run["parameters"] for run in record["variant_runs"]}
    n, lstm = 8, 4 * (8 * 1 + 8 * 8 + 8)
    assert counts["LSTM"] == lstm + n + 1
    assert counts["stacked LSTM"] == lstm + 4 * (n * n + n * n + n) + n + 1
    assert counts["bidirectional LSTM"] == 2 * lstm + 2 * n + 1
    assert counts["GRU"] == 3 * (n + n * n + 2 * n) + n + 1
    assert counts["ConvLSTM"] == 4 * (2 * n + 2 * n * n + n) + 3 * n + 1
    assert counts["CNN-LSTM"] == (2 * n + n) + 4 * (n * 3 * n + n * n + n) + n + 1
