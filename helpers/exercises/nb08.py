"""Answer checks for the exercises of notebooks/08_real_series.ipynb.

One ``check_...`` per exercise, in the ``exercise`` decorator style (see
helpers/exercises/__init__.py); exercise 3 refits the notebook's linear
autoregression to know the validation MAE the learner should find.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np

from helpers.exercises import AnswerProblem, Verdict, as_int, as_number, exercise, feedback, learner_array

# The notebook's split: the last 48 months are the test part, the 48 before validation.
_N_VAL = _N_TEST = 48


# Exercise 1 ---------------------------------------------------------------------------------

_SCALE_CASES = (
    (np.array([3.0, 5.0, 4.0, 9.0, 11.0, 2.0]), 3),
    (np.array([10.0, 12.0, 11.0, 15.0, 13.0, 20.0, 25.0]), 4),
    (np.linspace(-2.0, 6.0, 9) ** 2, 5),
)


@exercise(1, answer="function")
def check_scale_on_training(function: Any) -> Verdict:
    """Exercise 1: min-max scaling with the minimum and maximum of the first n_train values."""
    for series, n_train in _SCALE_CASES:
        array = learner_array(function, series.copy(), n_train, name="scale_on_training")
        low, high = series[:n_train].min(), series[:n_train].max()
        expected = (series - low) / (high - low)
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


# Horizons tried: within a year, across a year's end, and beyond two years (an answer built
# with np.tile(last_year, 2) fails only there).
_SEASONAL_HORIZONS = (1, 5, 12, 13, 24, 30, 37)


def _first_wrong(array: np.ndarray, expected: np.ndarray) -> int:
    """How many leading values agree."""
    agree = np.isclose(array, expected)
    return int(np.argmin(agree)) if not agree.all() else len(agree)


def _reference_seasonal_naive(history: np.ndarray, horizon: int) -> np.ndarray:
    last_year = history[-12:]
    return np.array([last_year[k % 12] for k in range(horizon)])


@exercise(2, answer="function")
def check_seasonal_naive(function: Any) -> Verdict:
    """Exercise 2: seasonal-naive forecasts of the next `horizon` months, for any horizon."""
    rng = np.random.default_rng(8)
    history = 100 + np.arange(40) * 0.5 + 3 * np.sin(2 * np.pi * np.arange(40) / 12) + rng.normal(0, 0.1, 40)
    for horizon in _SEASONAL_HORIZONS:
        array = learner_array(function, history.copy(), horizon, name="seasonal_naive")
        if array.ndim != 1:
            raise AnswerProblem(f"seasonal_naive should return a 1-D array, got shape {array.shape}.")
        if len(array) != horizon:
            raise AnswerProblem(f"seasonal_naive should return {horizon} values here, got {len(array)}.")
        expected = _reference_seasonal_naive(history, horizon)
        if np.allclose(array, expected):
            continue
        if np.allclose(array, history[-1]):
            return feedback(False, "that is the last value: seasonal naive repeats the same month a year earlier.")
        if horizon <= 12 and np.allclose(array, history[-12 - 1 : -1][:horizon]):
            return feedback(False, "off by one month: the month after the origin repeats history[-12].")
        if horizon > 12 and np.allclose(array[:12], expected[:12]):
            return feedback(False, f"right for the first {_first_wrong(array, expected)} months; with "
                                   f"horizon={horizon} every later year repeats the same last year again.")
        return feedback(False, f"with horizon={horizon}, month k ahead (k = 1, 2, ...) gets the value "
                               "12 months before it, taken from the last 12 values of history.")
    return feedback(True, "each month ahead repeats the same calendar month of the last year seen.")


# Exercise 3 ---------------------------------------------------------------------------------


@functools.cache
def _ar_maes(n_in: int) -> tuple[float, float]:
    """The notebook's linear AR on scaled changes with a window of ``n_in`` months:
    its one-step MAE on the validation months and on the test months."""
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

    def one_step_mae(months: np.ndarray) -> float:
        windows = np.stack([scaled[t - 1 - n_in : t - 1] for t in months])
        next_change = windows @ weights[:-1] + weights[-1]
        forecast = values[months - 1] + train_changes.mean() + train_changes.std() * next_change
        return float(np.mean(np.abs(forecast - values[months])))

    return one_step_mae(np.arange(train_end, val_end)), one_step_mae(np.arange(val_end, len(values)))


_RIGHT = 0.005  # the answer rounded to 2 decimals still passes


@exercise(3, read=as_number, expects="one number (the validation MAE in ppm)")
def check_ar_window(number: float) -> Verdict:
    """Exercise 3: the linear AR's validation MAE one month ahead with a window of 24 changes."""
    (expected, test_24), (with_12, test_12) = _ar_maes(24), _ar_maes(12)
    if abs(number - expected) <= _RIGHT:
        if expected < with_12 - 0.005:
            verdict = ("better: for the autoregression alone you would choose 24. The notebook keeps "
                       "12 so that it reads exactly what the networks read")
        else:
            verdict = "no better, so 12 stays"
        return feedback(True, f"{expected:.3f} ppm on the validation months with 24 against "
                              f"{with_12:.3f} with 12: {verdict}. Set n_in back to 12.")
    if abs(number - with_12) <= 0.003:
        return feedback(False, "that is the validation MAE with 12 months: change n_in to 24 and "
                               "rerun the cells from there to the autoregression.")
    if min(abs(number - test_24), abs(number - test_12)) <= 0.003:
        return feedback(False, "that is a test-part error: a choice such as the window is made on the "
                               "validation part. Report the validation MAE the autoregression cell "
                               "prints.")
    if 0 < number < 0.02:
        return feedback(False, "give the MAE in ppm as printed, not a scaled change.")
    return feedback(False, "rerun the cell that defines n_in (with 24) and the cells down to the "
                           "autoregression, then copy the validation MAE at h = 1 that it prints.")


# Exercise 4 ---------------------------------------------------------------------------------


@exercise(4, read=as_int, expects="one whole number (a lag in months)")
def check_peak_lag(lag: int) -> Verdict:
    """Exercise 4: an echo of the value two months back peaks at lag 2."""
    if lag == 2:
        return feedback(True, "its changes are the truth's changes two months late: the peak is at lag 2.")
    if lag == -2:
        return feedback(False, "the sign: a positive lag k compares with the truth k months *earlier*.")
    if lag in (0, 1):
        return feedback(False, "x̂_t = x_{t-2}, so x̂_t - x̂_{t-1} = x_{t-2} - x_{t-3}: which true change is that?")
    return feedback(False, "write the forecast's change x̂_t - x̂_{t-1} in terms of true values.")


def _wrong_values() -> dict[str, list[Any]]:
    """Per check, bare wrong answers (not tuples): WRONG_ANSWERS wraps each as its one argument."""
    (_, test_24), (val_12, test_12) = _ar_maes(24), _ar_maes(12)
    return {
        "check_scale_on_training": [
            lambda series, n_train: (series - series.min()) / (series.max() - series.min()),
            lambda series, n_train: series[:n_train] / series[:n_train].max(),
        ],
        "check_seasonal_naive": [
            lambda history, horizon: np.tile(history[-12:], 2)[:horizon],
            lambda history, horizon: np.repeat(history[-1], horizon),
            lambda history, horizon: np.tile(history[-13:-1], 4)[:horizon],
        ],
        "check_ar_window": [test_24, test_12, val_12],
        "check_peak_lag": [1, -2, 0, 3],
    }


#: Answers a learner may give that are wrong, each as the arguments of its check, which
#: must call every one of them wrong (tests/test_exercise_checks_never_raise.py).
WRONG_ANSWERS: dict[str, list[tuple[Any, ...]]] = {
    name: [(answer,) for answer in answers] for name, answers in _wrong_values().items()}
