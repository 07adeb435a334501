"""The answer checks of notebook 08: right answers pass, wrong ones get a hint, odd input never raises."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.exercises import nb08 as ex

CHECKS = [ex.check_scale_on_training, ex.check_seasonal_naive, ex.check_ar_window, ex.check_peak_lag]


def verdict(check, answer, capsys):
    ok = check(answer)
    return bool(ok), capsys.readouterr().out


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


def placeholder_function(*args):
    return ...


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("placeholder", [None, ..., placeholder_function])
def test_placeholder_gets_a_reminder(check, placeholder, capsys):
    ok, out = verdict(check, placeholder, capsys)
    assert not ok and "replace the placeholder" in out


@pytest.mark.parametrize(
    ("check", "answer"),
    [
        (ex.check_scale_on_training, scale_on_training),
        (ex.check_scale_on_training, lambda s, n: list((s - min(s[:n])) / (max(s[:n]) - min(s[:n])))),
        (ex.check_seasonal_naive, seasonal_naive),
        (ex.check_seasonal_naive, lambda h, k: np.resize(h[-12:], k)),
        (ex.check_ar_window, ar_validation_mae_with_24_months),
        (ex.check_ar_window, lambda: round(ex._ar_maes(24)[0], 2)),
        (ex.check_ar_window, lambda: np.float32(ex._ar_maes(24)[0])),
        (ex.check_peak_lag, peak_lag),
        (ex.check_peak_lag, lambda: 2.0),
        (ex.check_peak_lag, lambda: np.array(2)),
    ],
)
def test_right_answers_pass(check, answer, capsys):
    ok, out = verdict(check, answer, capsys)
    assert ok and out.startswith("Correct"), out


def test_ar_window_numbers_are_the_notebooks():
    # the notebook (n_in = 12) prints a test MAE of 0.28 ppm for the linear AR one month ahead
    assert round(ex._ar_maes(12)[1], 2) == 0.28
    assert 0 < ex._ar_maes(24)[0] < 1


def test_ar_window_answers_are_far_enough_apart():
    (val_24, test_24), (val_12, test_12) = ex._ar_maes(24), ex._ar_maes(12)
    for other in (test_24, test_12):
        assert abs(val_24 - other) > ex._RIGHT + 0.001
    assert abs(val_24 - val_12) > ex._RIGHT + 0.003


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (lambda s, n: (s - s.min()) / (s.max() - s.min()), "leaks"),
        (lambda s, n: scale_on_training(s, n)[:n], "whole series"),
        (lambda s, n: (s - s[:n].min()) / s[:n].max(), "(x - min) / (max - min)"),
        (lambda s, n: scale_on_training(s, n)[None, :], "one scaled value per value"),
        (lambda s, n: s * 2, "series[:n_train]"),
        (lambda s, n: None, "return"),
        (lambda s: s, "raised TypeError"),
        (lambda s, n: "scaled", "array of numbers"),
    ],
)
def test_scale_on_training_wrong(answer, hint, capsys):
    ok, out = verdict(ex.check_scale_on_training, answer, capsys)
    assert not ok and hint in out, out


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (lambda h, k: np.full(k, h[-1]), "last value"),
        (lambda h, k: h[-13:-1][:k], "off by one"),
        (lambda h, k: np.concatenate([h[-12:], h[-12:]])[:k] if k <= 12 else np.concatenate([h[-12:], h[-24:]])[:k],
         "every later year"),
        (lambda h, k: np.tile(h[-12:], 2)[:k], "should return 30 values"),
        (lambda h, k: h[-12:], "should return"),
        (lambda h, k: np.zeros(k), "12 months before"),
        (lambda h, k: np.zeros((k, 1)), "1-D"),
        (lambda h, k: {"a": 1}, "array of numbers"),
        (lambda h, k: 1 / 0, "ZeroDivisionError"),
    ],
)
def test_seasonal_naive_wrong(answer, hint, capsys):
    ok, out = verdict(ex.check_seasonal_naive, answer, capsys)
    assert not ok and hint in out, out


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (lambda: ex._ar_maes(12)[0], "with 12 months"),
        (lambda: ex._ar_maes(24)[1], "test-part error"),
        (lambda: ex._ar_maes(12)[1], "test-part error"),
        (lambda: 0.01, "in ppm"),
        (lambda: 5.0, "rerun the cell"),
        (lambda: "0.3", "one number"),
        (lambda: [0.3, 0.4], "one number"),
    ],
)
def test_ar_window_wrong(answer, hint, capsys):
    ok, out = verdict(ex.check_ar_window, answer, capsys)
    assert not ok and hint in out, out


@pytest.mark.parametrize(
    ("answer", "hint"), [(lambda: -2, "sign"), (lambda: 1, "which true change"), (lambda: 0, "which true change"),
                         (lambda: 5, "in terms of true values"), (lambda: 2.5, "whole number")])
def test_peak_lag_wrong(answer, hint, capsys):
    ok, out = verdict(ex.check_peak_lag, answer, capsys)
    assert not ok and hint in out, out


ODD = [0, float("nan"), float("inf"), "text", {"a": 1}, [[1, 2], [3]], np.array(3.0), True, print, lambda: None,
       lambda *a: [np.nan] * 3, lambda *a: float("inf"), lambda *a: object()]


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("answer", ODD)
def test_odd_input_never_raises(check, answer, capsys):
    ok, out = verdict(check, answer, capsys)
    assert not ok and out.strip()


@pytest.mark.parametrize("name", sorted(ex.WRONG_ANSWERS))
def test_wrong_answers_are_called_wrong(name, capsys):
    check = getattr(ex, name)
    for value in ex.WRONG_ANSWERS[name]:
        ok, out = verdict(check, value, capsys)
        assert not ok and "Not yet" in out, out


def test_a_huge_answer_is_quoted_briefly(capsys):
    ok, out = verdict(ex.check_peak_lag, lambda: list(range(10**6)), capsys)
    assert not ok and len(out) < 300
