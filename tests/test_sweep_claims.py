"""helpers.sweep_claims: the committed sweep supports notebook 04; changed data do not."""

from __future__ import annotations

import copy
import json

import numpy as np
import pytest
from conftest import ROOT

from helpers.sweep_claims import assert_sweep_claims, sweep_accuracies


@pytest.fixture(scope="module")
def sweep():
    return json.loads((ROOT / "data" / "long_gap_sweep.json").read_text())


def test_the_committed_sweep_supports_every_claim(sweep):
    cells = assert_sweep_claims(sweep)
    variants = assert_sweep_claims(sweep, "variants")
    assert len(cells) >= 5 and len(variants) >= 5
    assert not any("b_i" in line or "18 units" in line for line in cells)


def test_an_unknown_part_is_refused(sweep):
    with pytest.raises(ValueError, match="part"):
        assert_sweep_claims(sweep, "everything")


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
    "part, series, gap, seed, value, word",
    [
        ("cells", "SimpleRNN", 30, 0, 1.0, "2 of 5 learn gap 30"),
        ("cells", "SimpleRNN", 30, 0, 0.5, "a third reaches 91%"),
        ("cells", "LSTM, b_f = 5", 50, 1, 0.5, "every gap up to 50"),
        ("cells", "GRU, b_z = 5", 200, 4, 0.6, "GRU"),
        ("cells", "SimpleRNN", 100, 4, 0.8, "67%"),
        ("variants", "LSTM, b_f = 1 (Keras default)", 100, 0, 1.0, "chance in every seed"),
        ("variants", "SimpleRNN, 18 units", 200, 2, 0.5, "below chance"),
        ("variants", "LSTM, b_f = 5, b_i = -3", 200, 4, 0.5, "b_i = -3"),
        ("variants", "SimpleRNN, no distractors", 200, 1, 1.0, "2 of 3 gap 200"),
    ],
)
def test_a_changed_result_breaks_its_claim(sweep, part, series, gap, seed, value, word):
    with pytest.raises(AssertionError, match=word):
        assert_sweep_claims(set_accuracy(sweep, series, gap, seed, value), part)


def test_a_missing_run_is_reported(sweep):
    changed = copy.deepcopy(sweep)
    changed["runs"] = changed["runs"][1:]
    with pytest.raises(ValueError, match="lacks runs of 'SimpleRNN'"):
        assert_sweep_claims(changed)


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



def damaged(sweep, change):
    changed = copy.deepcopy(sweep)
    change(changed)
    return changed


def drop_series(sweep, label):
    sweep["provenance"]["settings"]["series"] = [e for e in sweep["provenance"]["settings"]["series"]
                                                 if e["label"] != label]
    sweep["runs"] = [run for run in sweep["runs"] if run["series"] != label]


def keep_seeds(sweep, label, n):
    for entry in sweep["provenance"]["settings"]["series"]:
        if entry["label"] == label:
            entry["seeds"] = entry["seeds"][:n]
    sweep["runs"] = [run for run in sweep["runs"] if run["series"] != label or run["seed"] < n]


def drop_gap(sweep, gap):
    sweep["provenance"]["settings"]["gaps"].remove(gap)
    sweep["runs"] = [run for run in sweep["runs"] if run["gap"] != gap]


@pytest.mark.parametrize(
    "change, match",
    [
        (lambda s: s["runs"].__setitem__(0, "a run"), "run 1 is not a dict"),
        (lambda s: s["runs"][0].pop("test_accuracy"), "run 1 .* needs a test_accuracy"),
        (lambda s: s["runs"][0].__setitem__("test_accuracy", None), "needs a test_accuracy"),
        (lambda s: s["runs"][0].__setitem__("test_accuracy", 1.7), "between 0 and 1, got 1.7"),
        (lambda s: s["runs"][0].__setitem__("test_accuracy", True), "needs a test_accuracy"),
        (lambda s: s["runs"].append(dict(s["runs"][0])), "repeats SimpleRNN, gap 10, seed 0"),
        (lambda s: drop_series(s, "SimpleRNN"), "lacks the series 'SimpleRNN'"),
        (lambda s: keep_seeds(s, "LSTM, b_f = 5", 3), "has 3 seeds; the statements are about 5"),
        (lambda s: drop_gap(s, 30), r"lacks gaps \[30\]"),
        (lambda s: s["provenance"]["settings"].__setitem__("gaps", ["x"]), "lacks provenance"),
    ],
)
def test_a_damaged_file_says_what_is_wrong(sweep, change, match):
    """Issue 18 item 7: raw AttributeError, KeyError, IndexError; 1.7 and duplicates accepted."""
    with pytest.raises(ValueError, match=match):
        assert_sweep_claims(damaged(sweep, change))
