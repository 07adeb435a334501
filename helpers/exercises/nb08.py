"""Answer checks for the exercises of notebooks/08_real_series.ipynb.

Each ``check_...`` prints a one-line verdict (with a hint when the answer is
wrong) and returns a Verdict (truthy when right); a placeholder gets a reminder.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np

from helpers.exercises import (
    AnswerProblem,
    Verdict,
    answer_value,
    as_int,
    as_number,
    call_learner_function,
    feedback,
    never_raises,
    not_answered,
    unanswered,
)

# The notebook's split: the last 48 months are the test part, the 48 before validation.
_N_VAL = _N_TEST = 48


def _as_vector(result: Any, label: str, length: int) -> np.ndarray:
    """The learner's result as a 1-D float array of ``length`` values, or an AnswerProblem."""
    try:
        array = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        raise AnswerProblem(f"{label} should return an array of numbers.") from None
    if array.ndim != 1:
        raise AnswerProblem(f"{label} should return a 1-D array, got shape {array.shape}.")
    if len(array) != length:
        raise AnswerProblem(f"{label} should return {length} values here, got {len(array)}.")
    return array


# Exercise 1 ---------------------------------------------------------------------------------

_SCALE_CASES = (
    (np.array([3.0, 5.0, 4.0, 9.0, 11.0, 2.0]), 3),
    (np.array([10.0, 12.0, 11.0, 15.0, 13.0, 20.0, 25.0]), 4),
    (np.linspace(-2.0, 6.0, 9) ** 2, 5),
)


@never_raises
def check_scale_on_training(function: Any) -> Verdict:
    """Exercise 1: min-max scaling with the minimum and maximum of the first n_train values."""
    if unanswered(function):
        return not_answered("Exercise 1")
    for series, n_train in _SCALE_CASES:
        result = call_learner_function(function, series.copy(), n_train, name="scale_on_training")
        if result is Ellipsis:
            return not_answered("Exercise 1")
        low, high = series[:n_train].min(), series[:n_train].max()
        expected = (series - low) / (high - low)
        try:
            array = np.asarray(result, dtype=float)
        except (TypeError, ValueError):
            return feedback(False, "return an array of numbers, one per value of the series.")
        if array.shape == (n_train,):
            return feedback(False, "scale the whole series, not only its training part: "
                                   "the scaler is fitted on the training part, then applied to everything.")
        if array.shape != series.shape:
            return feedback(False, f"return one scaled value per value of the series "
                                   f"(shape {series.shape}), got shape {array.shape}.")
        if np.allclose(array, expected):
            continue
        leaky = (series - series.min()) / (series.max() - series.min())
        if np.allclose(array, leaky):
            return feedback(False, "that scaler is fitted on the whole series: it leaks the later values. "
                                   "Take the minimum and maximum of series[:n_train] only.")
        if np.allclose(array, (series - low) / high) or np.allclose(array, series / high):
            return feedback(False, "min-max scaling is (x - min) / (max - min).")
        return feedback(False, "compute min and max of series[:n_train], then (series - min) / (max - min).")
    return feedback(True, "fitted on the training part, applied to the whole series; later values may exceed 1.")


# Exercise 2 ---------------------------------------------------------------------------------


def _reference_seasonal_naive(history: np.ndarray, horizon: int) -> np.ndarray:
    last_year = history[-12:]
    return np.array([last_year[k % 12] for k in range(horizon)])


@never_raises
def check_seasonal_naive(function: Any) -> Verdict:
    """Exercise 2: seasonal-naive forecasts of the next `horizon` months."""
    if unanswered(function):
        return not_answered("Exercise 2")
    rng = np.random.default_rng(8)
    history = 100 + np.arange(40) * 0.5 + 3 * np.sin(2 * np.pi * np.arange(40) / 12) + rng.normal(0, 0.1, 40)
    for horizon in (1, 5, 12, 13, 24):
        result = call_learner_function(function, history.copy(), horizon, name="seasonal_naive")
        if result is Ellipsis:
            return not_answered("Exercise 2")
        expected = _reference_seasonal_naive(history, horizon)
        array = _as_vector(result, "seasonal_naive", horizon)
        if np.allclose(array, expected):
            continue
        if np.allclose(array, history[-1]):
            return feedback(False, "that is the last value: seasonal naive repeats the same month a year earlier.")
        if horizon <= 12 and np.allclose(array, history[-12 - 1 : -1][:horizon]):
            return feedback(False, "off by one month: the month after the origin repeats history[-12].")
        if horizon > 12 and np.allclose(array[:12], expected[:12]):
            return feedback(False, f"right for the first 12 months; with horizon={horizon} the second year "
                                   "repeats the same last year again.")
        return feedback(False, f"with horizon={horizon}, month k ahead (k = 1, 2, ...) gets the value "
                               "12 months before it, taken from the last 12 values of history.")
    return feedback(True, "each month ahead repeats the same calendar month of the last year seen.")


# Exercise 3 ---------------------------------------------------------------------------------


@functools.cache
def _ar_test_mae(n_in: int) -> float:
    """The notebook's linear AR on scaled changes, rerun with a window of ``n_in`` months."""
    import statsmodels.api as sm

    from helpers.sequences import make_windows

    weekly = sm.datasets.co2.load_pandas().data["co2"]
    values = weekly.resample("MS").mean().interpolate(method="time").to_numpy()
    train_end = len(values) - _N_VAL - _N_TEST
    val_end = train_end + _N_VAL
    changes = np.diff(values)
    train_changes = changes[: train_end - 1]
    scaled = (changes - train_changes.mean()) / train_changes.std()
    X, y = make_windows(scaled, n_in, 1)
    origins = np.arange(len(X)) + n_in
    in_train = origins + 1 < train_end
    design = np.column_stack([X[in_train, :, 0], np.ones(in_train.sum())])
    weights, *_ = np.linalg.lstsq(design, y[in_train, 0, 0], rcond=None)
    test_origins = np.arange(val_end, len(values)) - 1
    windows = np.stack([scaled[t - n_in : t] for t in test_origins])
    next_change = windows @ weights[:-1] + weights[-1]
    forecast = values[test_origins] + train_changes.mean() + train_changes.std() * next_change
    return float(np.mean(np.abs(forecast - values[val_end:])))


@never_raises
def check_ar_window(answer: Any) -> Verdict:
    """Exercise 3: the linear AR's test MAE one month ahead with a window of 24 changes."""
    if unanswered(answer):
        return not_answered("Exercise 3")
    value = answer_value(answer, "ar_mae_with_24_months")
    if unanswered(value):
        return not_answered("Exercise 3")
    number = as_number(value)
    if number is None:
        return feedback(False, f"give one number (the MAE in ppm), got {type(value).__name__}.")
    expected, with_12 = _ar_test_mae(24), _ar_test_mae(12)
    if abs(number - expected) <= 0.006:
        verdict = "better" if expected < with_12 else "no better"
        return feedback(True, f"{expected:.2f} ppm with 24 months against {with_12:.2f} with 12: "
                              f"{verdict}. Now set n_in back to 12.")
    if abs(number - with_12) <= 0.006:
        return feedback(False, "that is the MAE with 12 months: change n_in to 24 and rerun both cells.")
    if 0 < number < 0.02:
        return feedback(False, "give the MAE in ppm as printed, not a scaled change.")
    return feedback(False, "rerun the cell that defines n_in (with 24) and the autoregression cell, "
                           "then copy the MAE at h = 1 that it prints.")


# Exercise 4 ---------------------------------------------------------------------------------


@never_raises
def check_peak_lag(answer: Any) -> Verdict:
    """Exercise 4: an echo of the value two months back peaks at lag 2."""
    if unanswered(answer):
        return not_answered("Exercise 4")
    value = answer_value(answer, "peak_lag")
    if unanswered(value):
        return not_answered("Exercise 4")
    lag = as_int(value)
    if lag is None:
        return feedback(False, f"give one whole number (a lag in months), got {value!r}.")
    if lag == 2:
        return feedback(True, "its changes are the truth's changes two months late: the peak is at lag 2.")
    if lag == -2:
        return feedback(False, "the sign: a positive lag k compares with the truth k months *earlier*.")
    if lag in (0, 1):
        return feedback(False, "x̂_t = x_{t-2}, so x̂_t - x̂_{t-1} = x_{t-2} - x_{t-3}: which true change is that?")
    return feedback(False, "write the forecast's change x̂_t - x̂_{t-1} in terms of true values.")
