"""Answer checks for the exercises of notebooks/07_multivariate_and_multistep.ipynb.

Each ``check_...`` takes the learner's function, prints a verdict (with
a hint when the answer is wrong) and returns a Verdict (truthy when right); the
placeholder ``...`` or ``None`` gets a reminder. No check ever raises.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np

from helpers.exercises import Verdict, as_int, as_number, as_pair, as_shape, exercise, feedback

# Exercise 1: make_windows(table of (100, 5), 12, 4, inputs=[0, 1, 2, 3], targets=[4]).
_ROWS, _N_IN, _N_OUT, _N_INPUTS, _N_TARGETS = 100, 12, 4, 4, 1
# Exercise 2: Input((12, 5)) -> LSTM(16) -> RepeatVector(6) -> LSTM(16, return_sequences)
# -> TimeDistributed(Dense(2)).
_UNITS, _STEPS, _TARGETS = 16, 6, 2
# Exercise 3: the notebook's section 8-10 recipe with n_out = 8.
_MACRO_N_IN, _MACRO_N_OUT = 8, 8
_TRAIN_END_ROW, _VALID_END_ROW = 123, 163  # 1990Q1 and 2000Q1 in the quarterly changes (from 1959Q2)
_MAE_TOLERANCE = 0.01


@exercise(1, read=as_pair, expects="a pair (shape of X, shape of y), e.g. ((2, 3, 4), (2, 5, 1))")
def check_window_shapes(answer: tuple[Any, Any]) -> Verdict:
    """Exercise 1: shapes of X and y for a (100, 5) table, n_in=12, n_out=4, 4 inputs, 1 target."""
    x_shape, y_shape = as_shape(answer[0]), as_shape(answer[1])
    if x_shape is None or y_shape is None:
        return feedback(False, "give each shape as a tuple of ints, e.g. (2, 3, 4).")
    samples = _ROWS - _N_IN - _N_OUT + 1
    right_x, right_y = (samples, _N_IN, _N_INPUTS), (samples, _N_OUT, _N_TARGETS)
    if x_shape == right_x and y_shape == right_y:
        return feedback(True, f"{_ROWS} − {_N_IN} − {_N_OUT} + 1 = {samples} windows; X has "
                              f"{_N_INPUTS} features per step, y {_N_OUT} steps of 1 target.")
    if len(x_shape) != 3 or len(y_shape) != 3:
        if y_shape == (samples, _N_OUT * _N_TARGETS):
            return feedback(False, "that y is the flattened one (flatten=True); without it, y keeps "
                                   "3 axes: (samples, steps, targets).")
        return feedback(False, "both arrays have 3 axes: X (samples, time steps, inputs) and "
                               "y (samples, steps ahead, targets).")
    if x_shape[0] != y_shape[0]:
        return feedback(False, "X and y have one row per sample each: their first axes must agree.")
    if x_shape[0] != samples:
        if abs(x_shape[0] - samples) <= 2:
            return feedback(False, "off by a little in the number of samples: each window needs all "
                                   "its n_out targets after it, inside the table.")
        return feedback(False, "count the windows: rows − n_in − n_out + 1 (with lead=1).")
    if x_shape[1:] != (_N_IN, _N_INPUTS):
        if x_shape[2] == 5:
            return feedback(False, "X holds only the input columns (inputs=[0, 1, 2, 3]), not all 5.")
        return feedback(False, "X's last two axes are (time steps in a window, input columns).")
    if y_shape[1:] == (_N_TARGETS, _N_OUT):
        return feedback(False, "y's axes are (samples, steps ahead, targets): steps come first.")
    return feedback(False, "y's last two axes are (steps ahead, target columns).")


def _four_shapes(answer: Any) -> list[Any] | None:
    """A list or tuple of 4 items, else None."""
    if isinstance(answer, dict) or not isinstance(answer, (tuple, list)) or len(answer) != 4:
        return None
    return list(answer)


def _batch_shape(item: Any) -> tuple[int, ...] | None:
    """A shape written with Keras's batch axis first, ``(None, 16)``, without that axis; else None."""
    if isinstance(item, (tuple, list)) and len(item) >= 2 and item[0] is None:
        return as_shape(list(item[1:]))
    return None


@exercise(2, read=_four_shapes, expects="a list of 4 shapes, one per layer after the Input, "
                                        "e.g. [(16,), (6, 16), ...]")
def check_layer_shapes(answer: list[Any]) -> Verdict:
    """Exercise 2: per-sample output shapes of the four layers of an encoder-decoder."""
    expected = [(_UNITS,), (_STEPS, _UNITS), (_STEPS, _UNITS), (_STEPS, _TARGETS)]
    if [_batch_shape(item) for item in answer] == expected:
        return feedback(False, "those are the shapes Keras prints, with the batch axis first (None: "
                               "any number of samples). The exercise asks for one sample: leave "
                               "the None out, e.g. (16,).")
    shapes = [as_shape(item) for item in answer]
    if any(shape is None for shape in shapes):
        if any(_batch_shape(item) is not None for item in answer):
            return feedback(False, "None is Keras's batch axis: leave it out and give the shape of "
                                   "one sample, e.g. (16,).")
        return feedback(False, "give each shape as a tuple of ints; a one-axis shape is written (16,).")
    if shapes == expected:
        return feedback(True, "the encoder keeps only h_T (16,), RepeatVector copies it 6 times, "
                              "the decoder returns every step, and Dense maps each step to 2 targets.")
    if [shape[1:] for shape in shapes] == expected:
        return feedback(False, "leave out the batch axis: give the shape of one sample.")
    if shapes[0] != expected[0]:
        if shapes[0] in ((12, _UNITS), (_STEPS, _UNITS)):
            return feedback(False, "the encoder has return_sequences=False: it returns only its last "
                                   "hidden state, 16 numbers.")
        return feedback(False, "the encoder LSTM(16) returns one vector of 16 numbers per sample.")
    if shapes[1] != expected[1]:
        return feedback(False, "RepeatVector(6) copies its input once per output step: (steps, units).")
    if shapes[2] != expected[2]:
        return feedback(False, "the decoder, with return_sequences=True, returns its 16 units at each "
                               "of the 6 steps.")
    return feedback(False, "TimeDistributed(Dense(2)) maps each of the 6 steps to 2 numbers.")


@functools.lru_cache(maxsize=4)
def _last_value_errors(n_out: int) -> tuple[int, tuple[float, ...]]:
    """Number of test windows and the last-value MAE at each step ahead: the notebook's recipe."""
    import statsmodels.api as sm

    from helpers.sequences import make_windows

    macro = sm.datasets.macrodata.load_pandas().data
    growth = 100 * np.diff(np.log(macro[["realgdp", "realcons", "realinv"]].to_numpy(float)), axis=0)
    unemployment = np.diff(macro["unemp"].to_numpy(float))[:, None]
    values = np.hstack([growth, unemployment]).astype(np.float32)
    train = values[:_TRAIN_END_ROW]
    scaled = (values - train.mean(axis=0)) / train.std(axis=0)
    X, y = make_windows(scaled[_VALID_END_ROW - _MACRO_N_IN:], _MACRO_N_IN, n_out, targets=[0, 1, 2])
    last_value = np.repeat(X[:, -1:, :3], n_out, axis=1)
    mae = np.abs(last_value - y).mean(axis=(0, 2))
    return len(X), tuple(float(value) for value in mae)


def _last_value_result(n_out: int) -> tuple[int, float]:
    """Number of test windows and the last-value MAE at step ``n_out``."""
    windows, errors = _last_value_errors(n_out)
    return windows, errors[-1]


def _count_and_mae(answer: Any) -> tuple[int, float] | None:
    """The learner's ``(test windows, MAE)``, or None when it is not a pair."""
    return as_pair(answer, (as_int, as_number),
                   "give a whole number of windows and one number for the MAE.")


@exercise(3, read=_count_and_mae, expects="a pair (number of test windows, MAE), e.g. (20, 0.5)")
def check_eight_quarters(answer: tuple[int, float]) -> Verdict:
    """Exercise 3: (test windows, last-value MAE 8 quarters ahead) after setting n_out = 8."""
    count, mae = answer
    windows, errors = _last_value_errors(_MACRO_N_OUT)
    expected, same_run_4, mean_8 = errors[-1], errors[3], float(np.mean(errors))
    windows_4, expected_4 = _last_value_result(4)
    if count == windows_4 and count != windows:
        return feedback(False, f"{count} is the number of test windows with n_out = 4: set "
                               "n_out = 8 in the cell of section 8 that starts `n_in, n_out = 8, 4` "
                               "and rerun the cells from there on.")
    if count != windows:
        return feedback(False, "count the rows of X_test after the rerun: X_test.shape[0].")
    if abs(mae - expected) <= _MAE_TOLERANCE:
        return feedback(True, f"{windows} windows (each needs 8 target quarters inside the test "
                              f"part); the last value's error 8 quarters ahead, {expected:.2f}, is "
                              f"larger than 4 quarters ahead in the same run ({same_run_4:.2f}).")
    if abs(mae - mean_8) <= _MAE_TOLERANCE / 2:
        return feedback(False, "that is the mean over all 8 steps: take the last entry of "
                               "mae_by_step(...), the error 8 quarters ahead.")
    if min(abs(mae - same_run_4), abs(mae - expected_4)) <= _MAE_TOLERANCE:
        return feedback(False, "that is the error 4 quarters ahead: take the last entry of "
                               "mae_by_step(...) now that it has 8 steps.")
    return feedback(False, "the windows are right. Take the last entry of "
                           "mae_by_step(forecasts['last value'][0]) after the rerun.")


def _wrong_values() -> dict[str, list[Any]]:
    """Per check, bare wrong answers (not tuples): WRONG_ANSWERS wraps each as its one argument."""
    windows_8, errors_8 = _last_value_errors(_MACRO_N_OUT)
    windows_4, errors_4 = _last_value_errors(4)
    return {
        "check_window_shapes": [((88, 12, 4), (88, 4, 1)), ((85, 12, 5), (85, 4, 1)),
                                ((85, 12, 4), (85, 4)), ((85, 12, 4), (85, 1, 4))],
        "check_layer_shapes": [[(None, 16), (None, 6, 16), (None, 6, 16), (None, 6, 2)],
                               [(12, 16), (6, 16), (6, 16), (6, 2)],
                               [(16,), (6, 16), (16,), (6, 2)]],
        "check_eight_quarters": [(windows_4, errors_4[-1]), (windows_8, errors_8[3]),
                                 (windows_8, float(np.mean(errors_8))), (windows_8, errors_4[-1])],
    }


#: Answers a learner may give that are wrong, each as the arguments of its check, which
#: must call every one of them wrong (tests/test_exercise_checks_never_raise.py).
WRONG_ANSWERS: dict[str, list[tuple[Any, ...]]] = {
    name: [(answer,) for answer in answers] for name, answers in _wrong_values().items()}
