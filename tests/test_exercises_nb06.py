"""The answer checks of notebook 06: right answers pass, wrong ones get a hint, odd input never raises.

Placeholders and the module's WRONG_ANSWERS: tests/test_exercise_checks_never_raise.py.
"""

from __future__ import annotations

import numpy as np
import pytest
from conftest import verdict

from helpers.exercises import nb06 as ex

CHECKS = [
    ex.check_cnn_lstm_batch_shape,
    ex.check_stacked_output_shape,
    ex.check_bidirectional_parameters,
    ex.check_transform_by_mae,
    ex.check_network_worth_adding,
]


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


# --- exercises 1 to 4: right answers pass, each wrong one gets its hint ----------------
RIGHT = [
    *[(ex.check_cnn_lstm_batch_shape, shape) for shape in
      [(32, 4, 6, 2), [32, 4, 6, 2], np.array([32, 4, 6, 2]), (np.int64(32), 4, 6, 2)]],
    (ex.check_stacked_output_shape, (32, 10, 4)),
    *[(ex.check_bidirectional_parameters, count) for count in
      [2593, 2593.0, np.int64(2593), np.array(2593)]],
    *[(ex.check_transform_by_mae, lam) for lam in [0.5, np.float64(0.5), 0.5000000000001]],
]

HINTS = [
    (ex.check_cnn_lstm_batch_shape, (32, 24, 2), "plain LSTM"),
    (ex.check_cnn_lstm_batch_shape, (32, 6, 4, 2), "order"),
    (ex.check_cnn_lstm_batch_shape, (4, 6, 2), "4 axes"),
    (ex.check_cnn_lstm_batch_shape, (1, 4, 6, 2), "first axis"),
    (ex.check_cnn_lstm_batch_shape, (32, 4, 6, 1), "features"),
    (ex.check_cnn_lstm_batch_shape, (32, 3, 8, 2), "4 subsequences"),
    (ex.check_cnn_lstm_batch_shape, (32.0, 4, 6, 2.5), "tuple of ints"),
    (ex.check_stacked_output_shape, (32, 4), "without return_sequences=True"),
    (ex.check_stacked_output_shape, (32, 10, 16), "first layer"),
    (ex.check_stacked_output_shape, (10, 4), "samples axis"),
    (ex.check_stacked_output_shape, (32, 10, 4, 1), "3 axes"),
    (ex.check_stacked_output_shape, (32, 10, 3), "which of these"),
    (ex.check_bidirectional_parameters, 2577, "concatenated"),
    (ex.check_bidirectional_parameters, 1297, "two LSTMs"),
    (ex.check_bidirectional_parameters, 1313, "two LSTMs"),
    (ex.check_bidirectional_parameters, 2560, "Dense layer"),
    (ex.check_bidirectional_parameters, 1234, "double it"),
    (ex.check_bidirectional_parameters, 2593.5, "whole number"),
    (ex.check_transform_by_mae, 1.0, "validation MSE chooses"),
    (ex.check_transform_by_mae, 0.34, "fitted Box-Cox"),
    (ex.check_transform_by_mae, 9.29, "not its error"),
    (ex.check_transform_by_mae, 0.0, "lowest"),
    (ex.check_transform_by_mae, 0.55, "lowest"),
]


@pytest.mark.parametrize(("check", "answer"), RIGHT)
def test_right_answers_pass(check, answer, capsys):
    ok, out = verdict(check, lambda: answer, capsys)
    assert ok and out.startswith("Correct")


@pytest.mark.parametrize(("check", "answer", "hint"), HINTS)
def test_wrong_answers_get_their_hint(check, answer, hint, capsys):
    ok, out = verdict(check, lambda: answer, capsys)
    assert not ok and hint in out


def test_stacked_shape_matches_keras():
    keras = pytest.importorskip("keras")
    model = keras.Sequential([keras.Input((10, 3)), keras.layers.LSTM(16, return_sequences=True),
                              keras.layers.LSTM(4, return_sequences=True)])
    assert model(np.zeros((32, 10, 3), "float32")).shape == (32, 10, 4)


def test_bidirectional_count_matches_keras():
    keras = pytest.importorskip("keras")
    model = keras.Sequential([keras.Input((20, 3)), keras.layers.Bidirectional(keras.layers.LSTM(16)),
                              keras.layers.Dense(1)])
    assert model.count_params() == 2593


def test_transform_by_mae_the_answer_is_what_validation_mae_chooses():
    lambdas = [1.0, 0.5, ex.fitted_lambda()]
    maes = [ex.validation_errors(lam)[1] for lam in lambdas]
    mses = [ex.validation_errors(lam)[0] for lam in lambdas]
    assert lambdas[int(np.argmin(maes))] == ex.SQUARE_ROOT
    assert lambdas[int(np.argmin(mses))] == 1.0  # the notebook's choice, by MSE
    assert ex.fitted_lambda() == pytest.approx(0.34, abs=0.01)


# --- exercise 5 -------------------------------------------------------------------
@pytest.fixture(scope="module")
def square_root_ar9():
    from statsmodels.stats.diagnostic import acorr_ljungbox
    from statsmodels.tsa.stattools import bds

    linear = ex.linear_on_validation(0.5, 9)
    residuals = linear["residuals"]
    return {"lam": 0.5, "order": 9,
            "ljung_box_p": float(acorr_ljungbox(residuals, lags=[20], model_df=9)["lb_pvalue"].iloc[0]),
            "bds_p": float(np.asarray(bds(residuals, max_dim=2)[1]).ravel()[0]),
            "linear_validation_mse": float(np.mean(linear["errors"] ** 2))}


def decision(base, hybrid_ratio, add):
    return {**base, "hybrid_validation_mse": hybrid_ratio * base["linear_validation_mse"],
            "add_network": add}


def test_worth_adding_follows_the_rule(square_root_ar9, capsys):
    bds_finds = square_root_ar9["bds_p"] < ex.BDS_LEVEL
    for ratio in (0.5, 0.9, 0.97, 1.1):
        right = bds_finds and ratio < ex.CLEAR_GAIN
        ok, out = verdict(ex.check_network_worth_adding,
                          decision(square_root_ar9, ratio, right), capsys)
        assert ok and out.startswith("Correct"), out
        ok, out = verdict(ex.check_network_worth_adding,
                          decision(square_root_ar9, ratio, not right), capsys)
        assert not ok and "apply the rule" in out


@pytest.mark.parametrize(("change", "hint"), [
    ({"ljung_box_p": 0.5}, "Ljung-Box"),
    ({"bds_p": 0.5}, "BDS"),
    ({"linear_validation_mse": 123.0}, "validation MSE"),
    ({"order": 25}, "AR order"),
    ({"order": 8.5}, "AR order"),
    ({"hybrid_validation_mse": 5000.0}, "far from"),
    ({"add_network": "yes"}, "a dict with the keys"),
    ({"extra": 1}, "a dict with the keys"),
])
def test_worth_adding_hints(square_root_ar9, change, hint, capsys):
    answer = {**decision(square_root_ar9, 0.97, False), **change}
    ok, out = verdict(ex.check_network_worth_adding, lambda: answer, capsys)
    assert not ok and hint in out


def test_worth_adding_needs_every_key(square_root_ar9, capsys):
    answer = decision(square_root_ar9, 0.97, False)
    del answer["bds_p"]
    ok, out = verdict(ex.check_network_worth_adding, lambda: answer, capsys)
    assert not ok and "a dict with the keys" in out
