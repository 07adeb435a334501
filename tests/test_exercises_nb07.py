"""The answer checks of notebook 07: right answers pass, wrong ones get a hint, odd input never raises.

The module's WRONG_ANSWERS: tests/test_exercise_checks_never_raise.py.
"""

from __future__ import annotations

import numpy as np
import pytest
from conftest import verdict

from helpers import make_windows
from helpers.exercises import nb07 as ex

CHECKS = [ex.check_window_shapes, ex.check_layer_shapes, ex.check_eight_quarters]


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("placeholder", [None, ..., lambda: ..., lambda: None])
def test_placeholder_gets_a_reminder_or_hint(check, placeholder, capsys):
    ok, out = verdict(check, placeholder, capsys)
    assert not ok
    assert "replace the placeholder" in out or "returned None" in out


@pytest.mark.parametrize("check", [ex.check_window_shapes, ex.check_eight_quarters])
def test_a_pair_holding_a_placeholder_gets_a_reminder(check, capsys):
    for pair in [(None, None), (..., 0.5), [(85, 12, 4), ...]]:
        ok, out = verdict(check, lambda pair=pair: pair, capsys)
        assert not ok and "replace the placeholder" in out, (pair, out)


ODD = [
    0, 1.5, float("nan"), float("inf"), "85", b"x", {}, {"a": 1}, [], [[1, 2], [3]], np.array(3.0),
    np.zeros((2, 2)), ("a", "b"), (float("nan"), 1), print, int, lambda x: x,
    lambda: 1 / 0, lambda: {"x": 1}, ((1, 2.5, 3), (1, 2, 3)), [(16,), None, (6, 16), (6, 2)],
]


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("answer", ODD)
def test_odd_input_never_raises_and_never_passes(check, answer, capsys):
    ok, out = verdict(check, answer, capsys)
    assert not ok and "Not yet" in out


# --- exercise 1 ---------------------------------------------------------------

def model_answer_1():
    X, y = make_windows(np.zeros((100, 5)), 12, 4, inputs=[0, 1, 2, 3], targets=[4])
    return X.shape, y.shape


def test_model_answer_1_is_the_helper(capsys):
    assert model_answer_1() == ((85, 12, 4), (85, 4, 1))
    ok, out = verdict(ex.check_window_shapes, model_answer_1, capsys)
    assert ok and out.startswith("Correct")


@pytest.mark.parametrize(
    "answer",
    [((85, 12, 4), (85, 4, 1)), [[85, 12, 4], [85, 4, 1]], (np.array([85, 12, 4]), [85, 4, 1]),
     ((np.int64(85), 12, 4), (np.int32(85), 4, 1))],
)
def test_window_shapes_right_in_any_form(answer, capsys):
    ok, _ = verdict(ex.check_window_shapes, lambda: answer, capsys)
    assert ok


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (((85, 12, 4), (85, 4)), "flattened"),
        (((86, 12, 4), (86, 4, 1)), "off by a little"),
        (((84, 12, 4), (84, 4, 1)), "off by a little"),
        (((88, 12, 4), (88, 4, 1)), "count the windows"),
        (((85, 12, 5), (85, 4, 1)), "only the input columns"),
        (((85, 4, 12), (85, 4, 1)), "time steps in a window"),
        (((85, 12, 4), (85, 1, 4)), "steps come first"),
        (((85, 12, 4), (85, 4, 2)), "target columns"),
        (((85, 12, 4), (84, 4, 1)), "first axes must agree"),
        (((85, 12), (85, 4, 1)), "3 axes"),
        (((85, 12, 4),), "give a pair"),
        ((85, 12, 4), "give a pair"),
    ],
)
def test_window_shapes_hints(answer, hint, capsys):
    ok, out = verdict(ex.check_window_shapes, lambda: answer, capsys)
    assert not ok and hint in out


# --- exercise 2 ---------------------------------------------------------------

def model_answer_2():
    return [(16,), (6, 16), (6, 16), (6, 2)]


def test_model_answer_2_matches_keras(capsys):
    import keras

    model = keras.Sequential([
        keras.Input((12, 5)), keras.layers.LSTM(16), keras.layers.RepeatVector(6),
        keras.layers.LSTM(16, return_sequences=True), keras.layers.TimeDistributed(keras.layers.Dense(2)),
    ])
    assert [tuple(layer.output.shape[1:]) for layer in model.layers] == model_answer_2()
    ok, out = verdict(ex.check_layer_shapes, model_answer_2, capsys)
    assert ok and out.startswith("Correct")


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ([(None, 16), (None, 6, 16), (None, 6, 16), (None, 6, 2)], "batch axis first"),
        ([(None, 16), (6, 16), (6, 16), (6, 2)], "None is Keras's batch axis"),
        ([(1, 16), (1, 6, 16), (1, 6, 16), (1, 6, 2)], "batch axis"),
        ([(12, 16), (6, 16), (6, 16), (6, 2)], "return_sequences=False"),
        ([(32,), (6, 16), (6, 16), (6, 2)], "16 numbers"),
        ([(16,), (16, 6), (6, 16), (6, 2)], "RepeatVector"),
        ([(16,), (6, 16), (16,), (6, 2)], "return_sequences=True"),
        ([(16,), (6, 16), (6, 16), (2,)], "TimeDistributed"),
        ([(16,), (6, 16), (6, 16)], "list of 4 shapes"),
        ([16, (6, 16), (6, 16), (6, 2)], "tuple of ints"),
    ],
)
def test_layer_shapes_hints(answer, hint, capsys):
    ok, out = verdict(ex.check_layer_shapes, lambda: answer, capsys)
    assert not ok and hint in out


# --- exercise 3 ---------------------------------------------------------------

def notebook_recipe(n_out):
    """Sections 8-10 of the notebook, written as the learner runs them (pandas, TinyScaler)."""
    import pandas as pd
    import statsmodels.api as sm

    macro = sm.datasets.macrodata.load_pandas().data
    quarters = pd.PeriodIndex.from_fields(
        year=macro["year"].astype(int), quarter=macro["quarter"].astype(int), freq="Q")
    levels = macro.set_index(quarters)[["realgdp", "realcons", "realinv", "unemp"]]
    changes = pd.concat([100 * np.log(levels[["realgdp", "realcons", "realinv"]]).diff(),
                         levels[["unemp"]].diff()], axis=1).dropna()
    train_end = changes.index.get_loc(pd.Period("1990Q1", freq="Q"))
    valid_end = changes.index.get_loc(pd.Period("2000Q1", freq="Q"))
    values = changes.to_numpy("float32")
    mean, scale = values[:train_end].mean(axis=0), values[:train_end].std(axis=0)
    scaled = (values - mean) / scale
    X_test, y_test = make_windows(scaled[valid_end - 8:], 8, n_out, targets=[0, 1, 2])
    last_value = np.repeat(X_test[:, -1:, [0, 1, 2]], n_out, axis=1)
    return len(X_test), float(np.abs(last_value - y_test).mean(axis=(0, 2))[-1])


def test_check_recomputes_the_notebook_recipe():
    windows, mae = notebook_recipe(8)
    assert ex._last_value_result(8) == pytest.approx((windows, mae), abs=1e-4)
    # the notebook prints 36 test windows and a last-value MAE of 0.657 four quarters ahead
    assert ex._last_value_result(4) == pytest.approx((36, 0.657), abs=5e-4)


def test_model_answer_3(capsys):
    ok, out = verdict(ex.check_eight_quarters, lambda: notebook_recipe(8), capsys)
    # like for like: 8 quarters ahead against 4 quarters ahead of the same 32 windows
    assert ok and "32 windows" in out and "same run (0.58)" in out
    assert ex._last_value_errors(8)[1][3] == pytest.approx(0.582, abs=5e-4)
    assert ex._last_value_result(8)[1] > ex._last_value_errors(8)[1][3]


@pytest.mark.parametrize("form", [tuple, list])
def test_eight_quarters_accepts_numpy_numbers(form, capsys):
    windows, mae = notebook_recipe(8)
    ok, _ = verdict(ex.check_eight_quarters, lambda: form([np.int64(windows), np.float32(mae)]), capsys)
    assert ok


def test_eight_quarters_hints(capsys):
    windows, mae = notebook_recipe(8)
    windows_4, mae_4 = notebook_recipe(4)
    for answer, hint in [
        ((windows_4, mae_4), "n_in, n_out = 8, 4"),
        ((windows, mae_4), "4 quarters ahead"),
        ((windows, ex._last_value_errors(8)[1][3]), "4 quarters ahead"),
        ((windows, mae + 0.2), "last entry"),
        ((windows + 1, mae), "X_test.shape[0]"),
        ((windows, "0.7"), "one number"),
        ((windows,), "give a pair"),
    ]:
        ok, out = verdict(ex.check_eight_quarters, lambda answer=answer: answer, capsys)
        assert not ok and hint in out, (answer, out)


def test_eight_quarters_more_hints(capsys):
    windows_8, errors_8 = ex._last_value_errors(8)
    right = (windows_8, errors_8[-1])
    ok, out = verdict(ex.check_eight_quarters, lambda: right, capsys)
    assert ok and out.startswith("Correct")
    cases = [
        ((36, errors_8[-1]), "n_out = 4"),
        ((windows_8, float(np.mean(errors_8))), "mean over all 8 steps"),
        ((windows_8, errors_8[3]), "4 quarters ahead"),
        ((windows_8, 0.1), "windows are right"),
        ((windows_8 + 5, errors_8[-1]), "X_test.shape[0]"),
        ((windows_8, "x"), "whole number of windows"),
    ]
    for answer, hint in cases:
        ok, out = verdict(ex.check_eight_quarters, lambda answer=answer: answer, capsys)
        assert not ok and hint in out, (answer, out)


def test_the_8_step_mean_is_far_enough_from_the_answer():
    _, errors_8 = ex._last_value_errors(8)
    assert abs(float(np.mean(errors_8)) - errors_8[-1]) > 2 * ex._MAE_TOLERANCE
