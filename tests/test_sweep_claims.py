"""helpers.sweep_claims: the committed sweep supports notebook 04; changed data do not."""

from __future__ import annotations

import copy
import json

import numpy as np
import pytest
from conftest import ROOT

from helpers.sweep_claims import check_sweep_claims, sweep_accuracies


@pytest.fixture(scope="module")
def sweep():
    return json.loads((ROOT / "data" / "long_gap_sweep.json").read_text())


def test_the_committed_sweep_supports_every_claim(sweep):
    cells = check_sweep_claims(sweep)
    variants = check_sweep_claims(sweep, "variants")
    assert len(cells) >= 5 and len(variants) >= 5
    assert not any("b_i" in line or "18 units" in line for line in cells)


def test_an_unknown_part_is_refused(sweep):
    with pytest.raises(ValueError, match="part"):
        check_sweep_claims(sweep, "everything")


def test_accuracies_have_one_column_per_seed(sweep):
    gaps, accuracy = sweep_accuracies(sweep)
    assert gaps == [10, 20, 30, 50, 100, 200]
    assert accuracy["SimpleRNN"].shape == (6, 5) and accuracy["SimpleRNN, 18 units"].shape == (6, 3)
    assert not any(np.isnan(values).any() for values in accuracy.values())


def set_accuracy(sweep, series, gap, seed, value):
    changed = copy.deepcopy(sweep)
    for run in changed["runs"]:
        if (run["series"], run["gap"], run["seed"]) == (series, gap, seed):
            run["test_accuracy"] = value
    return changed


@pytest.mark.parametrize(
    "series, gap, seed, value, word",
    [
        ("SimpleRNN", 30, 0, 1.0, "2 of 5 learn gap 30"),
        ("SimpleRNN", 30, 0, 0.5, "a third reaches 91%"),
        ("LSTM, b_f = 5", 50, 1, 0.5, "every gap up to 50"),
        ("GRU, b_z = 5", 200, 4, 0.6, "GRU"),
        ("SimpleRNN", 100, 4, 0.8, "67%"),
    ],
)
def test_a_changed_result_breaks_its_claim(sweep, series, gap, seed, value, word):
    with pytest.raises(AssertionError, match=word):
        check_sweep_claims(set_accuracy(sweep, series, gap, seed, value))


@pytest.mark.parametrize(
    "series, gap, seed, value, word",
    [
        ("LSTM, b_f = 1 (Keras default)", 100, 0, 1.0, "chance in every seed"),
        ("SimpleRNN, 18 units", 200, 2, 0.5, "below chance"),
        ("LSTM, b_f = 5, b_i = -3", 200, 4, 0.5, "b_i = -3"),
        ("SimpleRNN, no distractors", 200, 1, 1.0, "2 of 3 gap 200"),
    ],
)
def test_a_changed_variant_breaks_its_claim(sweep, series, gap, seed, value, word):
    with pytest.raises(AssertionError, match=word):
        check_sweep_claims(set_accuracy(sweep, series, gap, seed, value), "variants")


def test_a_missing_run_is_reported(sweep):
    changed = copy.deepcopy(sweep)
    changed["runs"] = changed["runs"][1:]
    with pytest.raises(AssertionError, match="missing"):
        check_sweep_claims(changed)


@pytest.mark.parametrize(
    "bad, error",
    [(None, TypeError), ([], TypeError), ({}, ValueError), ({"provenance": {}}, ValueError)],
)
def test_bad_input(bad, error):
    with pytest.raises(error, match="sweep"):
        sweep_accuracies(bad)


def test_a_run_outside_the_settings_is_reported(sweep):
    changed = copy.deepcopy(sweep)
    changed["runs"][0]["gap"] = 7
    with pytest.raises(ValueError, match="outside"):
        sweep_accuracies(changed)
