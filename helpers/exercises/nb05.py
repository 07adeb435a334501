"""Answer checks for the exercises of notebooks/05_univariate_lstm_forecasting.ipynb.

One ``check_...`` per exercise, in the ``exercise`` decorator style (see
helpers/exercises/__init__.py); exercise 4 is judged against ``recursive_forecast``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from helpers.exercises import Verdict, as_int, as_number, as_shape, call_learner_function, exercise, feedback, quote
from helpers.forecasting import recursive_forecast

# Exercise 1: 50 values, n_steps = 7, univariate.
_LENGTH, _N_STEPS = 50, 7
# Exercise 2: Input((10, 2)) -> LSTM(32) -> Dense(1).
_FEATURES, _UNITS = 2, 32
# Exercise 3: window [3, 7, 12, 18], scale 5, LSTM output 1.4.
_WINDOW, _SCALE, _OUTPUT = (3.0, 7.0, 12.0, 18.0), 5.0, 1.4
# Exercise 5: training targets of [10, ..., 90] with n_steps = 3 span 40 to 90.
_QUERIES = {"a": (20, 30, 40), "b": (50, 60, 70), "c": (90, 100, 110), "d": (0, 10, 20), "e": (60, 70, 80)}
_TARGET_RANGE = (40, 90)
# Exercise 6: train_course_forecaster(series, 3, seed=s, steps=50) forecasts 92.5-93.9 after
# [70, 80, 90] for seeds 0-3 (10 updates: 90.3-90.9; 100: 97.3-99.7; 200: 100.00-100.01).
_FEWER_UPDATES = (91.5, 97.0)


@exercise(1, read=as_shape, expects="a tuple of ints such as (2, 3, 4)")
def check_input_shape(shape: tuple[int, ...]) -> Verdict:
    """Exercise 1: the LSTM input shape for 50 values cut with n_steps = 7."""
    samples = _LENGTH - _N_STEPS
    if shape == (samples, _N_STEPS, 1):
        return feedback(True, "len(series) - n_steps windows, each of n_steps time steps of 1 feature.")
    if len(shape) != 3:
        return feedback(False, "an LSTM reads 3 axes: (samples, time steps, features).")
    if shape[1:] != (_N_STEPS, 1):
        return feedback(False, "the last two axes are (time steps, features): how long is a window, "
                               "and how many numbers does a univariate series give per time step?")
    if shape[0] in (samples - 1, samples + 1):
        return feedback(False, "off by one in the number of samples: the last window's target must "
                               "still be inside the series.")
    return feedback(False, "count the windows: each starts one value later, and each needs a target after it.")


@exercise(2, read=as_int, expects="a whole number (an int)")
def check_parameter_count(value: int) -> Verdict:
    """Exercise 2: parameters of Input((10, 2)) -> LSTM(32) -> Dense(1)."""
    d, n = _FEATURES, _UNITS
    lstm, dense = 4 * (n * (d + n) + n), n + 1
    if value == lstm + dense:
        return feedback(True, "4·(n·(d+n)+n) for the LSTM plus n+1 for Dense; the 10 time steps add none.")
    if value == lstm:
        return feedback(False, "that is the LSTM alone: add the Dense layer's weights and bias.")
    if value == n * (d + n) + n + dense:
        return feedback(False, "an LSTM has four such blocks (input gate, forget gate, candidate, output gate).")
    # With d = 2, forgetting the biases and counting 1 feature give the same number.
    if value in (4 * n * (d + n) + dense, 4 * n * (d + n) + n):
        return feedback(False, "close: did you forget the biases, or count 1 feature instead of 2?")
    return feedback(False, "count, for each of the LSTM's four blocks, its input weights, recurrent "
                           "weights and bias (section 2), then the Dense layer's weights and bias; "
                           "the number of time steps does not enter.")


def _numbers(value: Any) -> np.ndarray | None:
    """A flat float array when ``value`` is a list, tuple or array of finite real numbers, else None."""
    if isinstance(value, (str, bytes, dict, set)):
        return None
    try:
        array = np.asarray(value, dtype=float).reshape(-1)
    except (TypeError, ValueError, OverflowError):
        return None
    if array.size == 0 or not np.all(np.isfinite(array)):
        return None
    if any(isinstance(item, bool) for item in np.asarray(value, dtype=object).reshape(-1)):
        return None
    return array


def _changes_and_forecast(value: Any) -> tuple[np.ndarray, float] | None:
    """``(changes, forecast)`` as (a flat float array, a float), or None for another form."""
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        return None
    changes, forecast = _numbers(value[0]), as_number(value[1])
    if changes is None or forecast is None:
        return None
    return changes, forecast


@exercise(3, read=_changes_and_forecast,
          expects="a tuple (changes, forecast): a list of numbers, then one number")
def check_differenced_forecast(answer: tuple[np.ndarray, float]) -> Verdict:
    """Exercise 3: (scaled changes the LSTM sees, forecast) for window [3, 7, 12, 18], scale 5."""
    changes, forecast = answer
    window = np.array(_WINDOW)
    expected_changes = np.diff(window) / _SCALE
    if changes.shape != expected_changes.shape:
        if changes.shape == window.shape:
            return feedback(False, "(a) a window of 4 values holds 3 changes, not 4.")
        return feedback(False, "(a) the LSTM sees one number per change inside the window.")
    if not np.allclose(changes, expected_changes):
        if np.allclose(changes, np.diff(window)):
            return feedback(False, "(a) those are the changes; the LSTM sees them divided by the scale.")
        return feedback(False, "(a) take the differences of consecutive values, then divide by the scale.")
    expected = window[-1] + _SCALE * _OUTPUT
    if abs(forecast - expected) < 1e-6:
        return feedback(True, "the changes divided by the scale go in; last value + scale × output comes out.")
    if abs(forecast - _SCALE * _OUTPUT) < 1e-6:
        return feedback(False, "(b) that is the forecast change: add it to the last value.")
    if abs(forecast - (window[-1] + _OUTPUT)) < 1e-6:
        return feedback(False, "(b) the LSTM's output is a scaled change: undo the scaling first.")
    return feedback(False, "(a) is right. (b) turn the output back into a change, then into a value.")


@exercise(4, answer="function")
def check_recursive_forecast(function: Callable[..., Any]) -> Verdict:
    """Exercise 4: a learner's recursive forecasting loop, my_recursive_forecast(predict_next, window, horizon).

    It is compared with :func:`helpers.forecasting.recursive_forecast` on three rules.
    """
    rules = [
        ("repeat the last step", lambda w: w[-1] + (w[-1] - w[-2]), [1.0, 2.0, 4.0], 5),
        ("a non-linear rule", lambda w: 0.5 * w[-1] + 0.1 * w[0] ** 2, [1.0, 2.0, 3.0], 6),
        ("the mean of the window", lambda w: float(np.mean(w)), [0.0, 3.0, 6.0, 9.0], 4),
    ]
    for name, rule, window, horizon in rules:
        expected = recursive_forecast(rule, window, horizon)
        result = _numbers(call_learner_function(function, rule, np.array(window), horizon,
                                                name="my_recursive_forecast"))
        if result is None:
            return feedback(False, "return a NumPy array of numbers, one forecast per step.")
        if result.shape != expected.shape:
            return feedback(False, f"with horizon={horizon} return {horizon} forecasts, got {result.size}.")
        if np.allclose(result, expected):
            continue
        if np.allclose(result[:1], expected[:1]):
            direct = np.full(horizon, float(rule(np.array(window))))
            if np.allclose(result, direct):
                return feedback(False, "every forecast is the first one: append each forecast to the "
                                       "window before the next step.")
            return feedback(False, f"the first forecast is right, later ones are not ({name}): after each "
                                   "step drop the oldest value and append the forecast, keeping the length.")
        return feedback(False, f"the first forecast should be predict_next(window) ({name}).")
    return feedback(True, "each forecast goes back into the window, which slides one step.")


def _letters(value: Any) -> set[str] | None:
    """The answer as a set of lower-case letters (one string counts as a set of one), or None."""
    if isinstance(value, str):
        value = {value}
    if not isinstance(value, (set, frozenset, list, tuple)) or not all(isinstance(x, str) for x in value):
        return None
    return {letter.strip().lower() for letter in value}


@exercise(5, read=_letters, expects='a set of letters such as {"a", "b"}')
def check_extrapolation(letters: set[str]) -> Verdict:
    """Exercise 5: which queries' true next values lie outside the training targets (40 to 90)."""
    unknown = letters - set(_QUERIES)
    if unknown:
        return feedback(False, f"choose among a, b, c, d, e; got {quote(sorted(unknown))}.")
    low, high = _TARGET_RANGE
    expected = {k for k, q in _QUERIES.items() if not low <= q[-1] + (q[-1] - q[-2]) <= high}
    if letters == expected:
        return feedback(True, "their true next values (120 and 30) lie outside the training targets, 40 to 90.")
    if letters < expected:
        return feedback(False, "some, not all: an answer below the training range is extrapolation too.")
    if letters - expected:
        return feedback(False, "one of your queries has a true next value between 40 and 90 inclusive, which the "
                               "model has seen in training.")
    return feedback(False, "work out each query's true next value and compare it with 40 to 90 (inclusive).")


@exercise(6, read=as_number, expects="the forecast, one number such as 97.3")
def check_fewer_updates(value: float) -> Verdict:
    """Exercise 6: the fixed recipe's forecast for [70, 80, 90] after 50 updates instead of 200."""
    low, high = _FEWER_UPDATES
    if low <= value <= high:
        return feedback(True, "after 50 updates the forecast is still on its way from 90 to 100. "
                              "An untrained network outputs a change near 0, so the forecast starts at "
                              "the last value, 90; Adam's small steps need about 200 updates to reach "
                              "'add 10'. Unfinished training again, as in section 4.")
    if abs(value - 100) < 0.5:
        return feedback(False, "that is what 200 updates give: pass steps=50 to train_course_forecaster.")
    if 90 <= value < low:
        return feedback(False, "that looks like fewer than 50 updates: pass steps=50.")
    if high < value < 100:
        return feedback(False, "that looks like more than 50 updates: pass steps=50.")
    return feedback(False, "train with train_course_forecaster(series, n_steps, seed=0, steps=50), then "
                           "return its predict_next([70, 80, 90]).")


def _first_forecast_repeated(predict_next: Any, window: Any, horizon: int) -> np.ndarray:
    return np.full(horizon, float(predict_next(np.asarray(window))))


# Wrong answers the notebook invites, as each check's arguments (see helpers.exercises).
WRONG_ANSWERS: dict[str, list[tuple[Any, ...]]] = {
    "check_input_shape": [((43, 7),), ((44, 7, 1),), ((50, 7, 1),), ((42, 7, 1),), ((43, 1, 7),)],
    "check_parameter_count": [(4480,), (1153,), (4513 - 33 + 1,), (4 * 32 * 34 + 33,)],
    "check_differenced_forecast": [(([0.8, 1.0, 1.2], 7.0),), (([4.0, 5.0, 6.0], 25.0),),
                                   (([0.8, 1.0, 1.2], 19.4),), (([0.6, 0.8, 1.0, 1.2], 25.0),)],
    "check_recursive_forecast": [(_first_forecast_repeated,)],
    "check_extrapolation": [({"c"},), ({"c", "d", "e"},), ({"d"},), ({"a", "c", "d"},)],
    # 200 updates give 100.0, 10 give 90.3-90.9, 100 give 97.3-99.7
    "check_fewer_updates": [(100.0,), (90.6,), (98.5,), (110.0,)],
}
