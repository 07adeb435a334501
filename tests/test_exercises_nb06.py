"""The answer checks of notebook 06: right answers pass, wrong ones get a hint, odd input never raises."""

from __future__ import annotations

import json
import statistics

import numpy as np
import pytest
from conftest import ROOT

from helpers.exercises import nb06 as ex

CHECKS = [
    ex.check_cnn_lstm_batch_shape,
    ex.check_stacked_output_shape,
    ex.check_bidirectional_parameters,
    ex.check_wider_lstm,
]


def verdict(check, answer, capsys):
    ok = check(answer)
    return bool(ok), capsys.readouterr().out


@pytest.mark.parametrize("check", CHECKS)
def test_placeholder_gets_a_reminder(check, capsys):
    def placeholder():
        return ...

    ok, out = verdict(check, placeholder, capsys)
    assert not ok and "replace the placeholder" in out


def _odd_answers():
    return [None, float("nan"), float("inf"), "32", {"a": 1}, [[1, 2], [3]], np.array(5.0),
            np.array([[1, 2], [3, 4]]), len, lambda x: x, (), [], True, 10**400, -3]


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("odd", _odd_answers(), ids=lambda a: type(a).__name__)
def test_odd_answers_never_raise_and_never_pass(check, odd, capsys):
    def answer():
        return odd

    ok, out = verdict(check, answer, capsys)
    assert not ok and out.startswith(("Not yet", "Exercise"))
    ok, out = verdict(check, odd, capsys)  # the value itself, not wrapped in a function
    assert not ok


@pytest.mark.parametrize("check", CHECKS)
def test_a_function_that_raises_or_needs_arguments_gets_a_hint(check, capsys):
    def broken():
        raise KeyError("oops")

    def needs_arguments(x):
        return x

    for answer in (broken, needs_arguments):
        ok, out = verdict(check, answer, capsys)
        assert not ok and out.startswith("Not yet")


# --- exercise 1 -------------------------------------------------------------------
@pytest.mark.parametrize("shape", [(32, 4, 6, 2), [32, 4, 6, 2], np.array([32, 4, 6, 2]),
                                   (np.int64(32), 4, 6, 2)])
def test_cnn_lstm_shape_right(shape, capsys):
    ok, out = verdict(ex.check_cnn_lstm_batch_shape, lambda: shape, capsys)
    assert ok and out.startswith("Correct")


@pytest.mark.parametrize(("shape", "hint"), [
    ((32, 24, 2), "plain LSTM"),
    ((32, 6, 4, 2), "order"),
    ((4, 6, 2), "4 axes"),
    ((1, 4, 6, 2), "first axis"),
    ((32, 4, 6, 1), "features"),
    ((32, 3, 8, 2), "4 subsequences"),
    ((32.0, 4, 6, 2.5), "tuple of ints"),
])
def test_cnn_lstm_shape_hints(shape, hint, capsys):
    ok, out = verdict(ex.check_cnn_lstm_batch_shape, lambda: shape, capsys)
    assert not ok and hint in out


# --- exercise 2 -------------------------------------------------------------------
def test_stacked_shape_right(capsys):
    ok, out = verdict(ex.check_stacked_output_shape, lambda: (32, 10, 4), capsys)
    assert ok and out.startswith("Correct")


@pytest.mark.parametrize(("shape", "hint"), [
    ((32, 4), "without return_sequences=True"),
    ((32, 10, 16), "first layer"),
    ((10, 4), "samples axis"),
    ((32, 10, 4, 1), "3 axes"),
    ((32, 10, 3), "which of these"),
])
def test_stacked_shape_hints(shape, hint, capsys):
    ok, out = verdict(ex.check_stacked_output_shape, lambda: shape, capsys)
    assert not ok and hint in out


def test_stacked_shape_matches_keras():
    keras = pytest.importorskip("keras")
    model = keras.Sequential([keras.Input((10, 3)), keras.layers.LSTM(16, return_sequences=True),
                              keras.layers.LSTM(4, return_sequences=True)])
    assert model(np.zeros((32, 10, 3), "float32")).shape == (32, 10, 4)


# --- exercise 3 -------------------------------------------------------------------
@pytest.mark.parametrize("count", [2593, 2593.0, np.int64(2593), np.array(2593)])
def test_bidirectional_count_right(count, capsys):
    ok, out = verdict(ex.check_bidirectional_parameters, lambda: count, capsys)
    assert ok and out.startswith("Correct")


def test_bidirectional_count_matches_keras():
    keras = pytest.importorskip("keras")
    model = keras.Sequential([keras.Input((20, 3)), keras.layers.Bidirectional(keras.layers.LSTM(16)),
                              keras.layers.Dense(1)])
    assert model.count_params() == 2593


@pytest.mark.parametrize(("count", "hint"), [
    (2577, "concatenated"),
    (1297, "two LSTMs"),
    (1313, "two LSTMs"),
    (2560, "Dense layer"),
    (1234, "double it"),
    (2593.5, "whole number"),
])
def test_bidirectional_count_hints(count, hint, capsys):
    ok, out = verdict(ex.check_bidirectional_parameters, lambda: count, capsys)
    assert not ok and hint in out


# --- exercise 4 -------------------------------------------------------------------
@pytest.mark.parametrize("mse", [457.5, 400.0, 600, np.float32(457.5)])
def test_wider_lstm_right(mse, capsys):
    ok, out = verdict(ex.check_wider_lstm, lambda: mse, capsys)
    assert ok and out.startswith("Correct") and "AR(12)" in out


@pytest.mark.parametrize(("mse", "hint"), [
    (0.6, "scaled units"),
    (14.8, "mean absolute error"),
    (150.0, "far from it"),
    (2000.0, "far from it"),
])
def test_wider_lstm_hints(mse, hint, capsys):
    ok, out = verdict(ex.check_wider_lstm, lambda: mse, capsys)
    assert not ok and hint in out


def test_wider_lstm_reference_numbers_match_the_data_file():
    record = json.loads((ROOT / "data" / "sunspot_variants.json").read_text())
    wider = statistics.median(run["test_mse"] for run in record["exercise_runs"])
    lstm_8 = statistics.median(run["test_mse"] for run in record["runs"] if run["variant"] == "LSTM")
    assert ex.WIDER_LSTM_MEDIAN_MSE == pytest.approx(wider, abs=0.1)
    assert ex.LSTM_8_MEDIAN_MSE == pytest.approx(lstm_8, abs=0.1)
    assert {run["units"] for run in record["exercise_runs"]} == {32}
    assert [run["seed"] for run in record["exercise_runs"]] == [0, 1, 2]


def test_wider_lstm_model_answer(capsys):
    """The model answer, as the notebook's learner would write it, on the stored runs."""
    record = json.loads((ROOT / "data" / "sunspot_variants.json").read_text())

    def wider_lstm_median_mse():
        return float(np.median([run["test_mse"] for run in record["exercise_runs"]]))

    ok, out = verdict(ex.check_wider_lstm, wider_lstm_median_mse, capsys)
    assert ok
