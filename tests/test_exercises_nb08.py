"""The answer checks of notebook 08: right answers pass, wrong ones get their hint.

Placeholders, odd input and the module's WRONG_ANSWERS: tests/test_exercise_checks_never_raise.py.
"""

from __future__ import annotations

import numpy as np
import pytest
from conftest import assert_verdict, verdict

from helpers.exercises import nb08 as ex


# Model answers, as a learner would write them in the notebook.
def scale_on_training(series, n_train):
    low, high = series[:n_train].min(), series[:n_train].max()
    return (series - low) / (high - low)


def seasonal_naive(history, horizon):
    last_year = history[-12:]
    return np.array([last_year[k % 12] for k in range(horizon)])


def ar_validation_mae_with_24_months():
    return ex._ar_maes(24)[0]


def peak_lag():
    return 2


# (check, answer, the hint it gets: None for a right answer)
VERDICTS = [
    (ex.check_scale_on_training, scale_on_training, None),
    (ex.check_scale_on_training, lambda s, n: list((s - min(s[:n])) / (max(s[:n]) - min(s[:n]))), None),
    (ex.check_scale_on_training, lambda s, n: (s - s.min()) / (s.max() - s.min()), "leaks"),
    (ex.check_scale_on_training, lambda s, n: scale_on_training(s, n)[:n], "whole series"),
    (ex.check_scale_on_training, lambda s, n: (s - s[:n].min()) / s[:n].max(), "(x - min) / (max - min)"),
    (ex.check_scale_on_training, lambda s, n: scale_on_training(s, n)[None, :], "one scaled value per value"),
    (ex.check_scale_on_training, lambda s, n: s * 2, "series[:n_train]"),
    (ex.check_scale_on_training, lambda s, n: None, "return"),
    (ex.check_scale_on_training, lambda s: s, "raised TypeError"),
    (ex.check_scale_on_training, lambda s, n: "scaled", "array of numbers"),
    (ex.check_seasonal_naive, seasonal_naive, None),
    (ex.check_seasonal_naive, lambda h, k: np.resize(h[-12:], k), None),
    (ex.check_seasonal_naive, lambda h, k: np.full(k, h[-1]), "last value"),
    (ex.check_seasonal_naive, lambda h, k: h[-13:-1][:k], "off by one"),
    (ex.check_seasonal_naive,
     lambda h, k: np.concatenate([h[-12:], h[-12:]])[:k] if k <= 12 else np.concatenate([h[-12:], h[-24:]])[:k],
     "every later year"),
    (ex.check_seasonal_naive, lambda h, k: np.tile(h[-12:], 2)[:k], "should return 30 values"),
    (ex.check_seasonal_naive, lambda h, k: h[-12:], "should return"),
    (ex.check_seasonal_naive, lambda h, k: np.zeros(k), "12 months before"),
    (ex.check_seasonal_naive, lambda h, k: np.zeros((k, 1)), "1-D"),
    (ex.check_seasonal_naive, lambda h, k: {"a": 1}, "array of numbers"),
    (ex.check_seasonal_naive, lambda h, k: 1 / 0, "ZeroDivisionError"),
    (ex.check_ar_window, ar_validation_mae_with_24_months, None),
    (ex.check_ar_window, lambda: round(ex._ar_maes(24)[0], 2), None),
    (ex.check_ar_window, lambda: np.float32(ex._ar_maes(24)[0]), None),
    (ex.check_ar_window, lambda: ex._ar_maes(12)[0], "with 12 months"),
    (ex.check_ar_window, lambda: ex._ar_maes(24)[1], "test-part error"),
    (ex.check_ar_window, lambda: ex._ar_maes(12)[1], "test-part error"),
    (ex.check_ar_window, lambda: 0.01, "in ppm"),
    (ex.check_ar_window, lambda: 5.0, "rerun the cell"),
    (ex.check_ar_window, lambda: "0.3", "one number"),
    (ex.check_ar_window, lambda: [0.3, 0.4], "one number"),
    (ex.check_peak_lag, peak_lag, None),
    (ex.check_peak_lag, lambda: 2.0, None),
    (ex.check_peak_lag, lambda: np.array(2), None),
    (ex.check_peak_lag, lambda: -2, "sign"),
    (ex.check_peak_lag, lambda: 1, "which true change"),
    (ex.check_peak_lag, lambda: 0, "which true change"),
    (ex.check_peak_lag, lambda: 5, "in terms of true values"),
    (ex.check_peak_lag, lambda: 2.5, "whole number"),
]


@pytest.mark.parametrize(("check", "answer", "hint"), VERDICTS)
def test_each_answer_gets_its_verdict(check, answer, hint, capsys):
    assert_verdict(check, answer, hint, capsys)


def test_ar_window_numbers_are_the_notebooks():
    # the notebook (n_in = 12) prints a test MAE of 0.28 ppm for the linear AR one month ahead
    assert round(ex._ar_maes(12)[1], 2) == 0.28
    assert 0 < ex._ar_maes(24)[0] < 1


def test_ar_window_answers_are_far_enough_apart():
    (val_24, test_24), (val_12, test_12) = ex._ar_maes(24), ex._ar_maes(12)
    for other in (test_24, test_12):
        assert abs(val_24 - other) > ex._RIGHT + 0.001
    assert abs(val_24 - val_12) > ex._RIGHT + 0.003


def test_a_huge_answer_is_quoted_briefly(capsys):
    ok, out = verdict(ex.check_peak_lag, lambda: list(range(10**6)), capsys)
    assert not ok and len(out) < 300
