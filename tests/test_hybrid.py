"""helpers.hybrid: Box-Cox, AR order by AICc, one-step AR forecasts, residual networks."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.hybrid import (
    aicc_ar_order,
    ar_one_step,
    box_cox,
    box_cox_lambda,
    fit_for_updates,
    fit_with_early_stopping,
    inverse_box_cox,
    residual_network,
)


def ar2(n: int = 300, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    x = np.zeros(n)
    for t in range(2, n):
        x[t] = 1.0 + 0.6 * x[t - 1] - 0.3 * x[t - 2] + rng.normal()
    return x


@pytest.mark.parametrize("lam", [1.0, 0.5, 0.36, 0.0, -0.5])
def test_box_cox_round_trip_and_special_cases(lam):
    y = np.array([0.0, 1.0, 4.5, 80.0, 190.2])
    assert np.allclose(inverse_box_cox(box_cox(y, lam), lam), y)
    if lam == 1.0:
        assert np.allclose(box_cox(y, lam), y)
    if lam == 0.5:
        assert np.allclose(box_cox(y, lam), 2 * (np.sqrt(y + 1) - 1))
    if lam == 0.0:
        assert np.allclose(box_cox(y, lam), np.log1p(y))


def test_inverse_box_cox_maps_values_below_the_range_to_zero():
    assert np.allclose(inverse_box_cox([-5.0, -2.5, -0.1], 0.5), 0.0)


def test_box_cox_lambda_finds_the_square_root():
    rng = np.random.default_rng(1)
    y = (rng.normal(10.0, 1.0, size=4000)) ** 2 - 1  # (y + 1) is a square: λ about 0.5
    assert box_cox_lambda(y) == pytest.approx(0.5, abs=0.05)


@pytest.mark.parametrize(("call", "error", "words"), [
    (lambda: box_cox([-1.0, 2.0], 0.5), ValueError, ">= 0"),
    (lambda: box_cox([1.0, 2.0], 9.0), ValueError, "lam"),
    (lambda: box_cox([1.0, np.nan], 0.5), ValueError, "NaN"),
    (lambda: box_cox("abc", 0.5), TypeError, "values"),
    (lambda: box_cox([1.0], True), TypeError, "lam"),
    (lambda: box_cox_lambda([1.0] * 20), ValueError, "constant"),
    (lambda: box_cox_lambda([1.0, 2.0]), ValueError, "at least 10"),
    (lambda: box_cox_lambda([-1.0] + [2.0] * 20), ValueError, ">= 0"),
])
def test_box_cox_refuses_bad_input(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_aicc_matches_the_formula_and_finds_an_ar2():
    statsmodels = pytest.importorskip("statsmodels.tsa.ar_model")
    x = ar2()
    order, table = aicc_ar_order(x, 8)
    assert order == 2 and sorted(table) == list(range(1, 9))
    fit = statsmodels.AutoReg(x, lags=3, hold_back=8).fit()
    n, k = len(x) - 8, 5
    assert table[3] == pytest.approx(-2 * fit.llf + 2 * k + 2 * k * (k + 1) / (n - k - 1))


@pytest.mark.parametrize(("kwargs", "error", "words"), [
    ({"max_lag": 0}, ValueError, "max_lag"),
    ({"max_lag": 2.0}, TypeError, "max_lag"),
    ({"series": np.arange(10.0), "max_lag": 8}, ValueError, "too short"),
])
def test_aicc_refuses_bad_input(kwargs, error, words):
    arguments = {"series": ar2(), "max_lag": 4, **kwargs}
    with pytest.raises(error, match=words):
        aicc_ar_order(**arguments)


def test_ar_one_step_is_least_squares_on_the_fitted_part_only():
    x = ar2()
    forecast = ar_one_step(x, 2, 200)
    assert np.isnan(forecast[:2]).all() and np.isfinite(forecast[2:]).all()
    design = np.column_stack([np.ones(198), x[1:199], x[0:198]])
    coefficients, *_ = np.linalg.lstsq(design, x[2:200], rcond=None)
    t = 250
    assert forecast[t] == pytest.approx(coefficients @ [1.0, x[t - 1], x[t - 2]])
    changed = x.copy()
    changed[220:] += 50.0  # later values change the forecasts that read them, not the fit
    assert ar_one_step(changed, 2, 200)[210] == pytest.approx(forecast[210])


@pytest.mark.parametrize(("kwargs", "error", "words"), [
    ({"order": 0}, ValueError, "order"),
    ({"n_fit": 400}, ValueError, "n_fit"),
    ({"n_fit": 3}, ValueError, "n_fit"),
    ({"order": "2"}, TypeError, "order"),
])
def test_ar_one_step_refuses_bad_input(kwargs, error, words):
    arguments = {"series": ar2(), "order": 2, "n_fit": 200, **kwargs}
    with pytest.raises(error, match=words):
        ar_one_step(**arguments)


@pytest.mark.parametrize(("kwargs", "error", "words"), [
    ({"kind": "LSTM"}, ValueError, "kind"),
    ({"n_lags": 0}, ValueError, "n_lags"),
    ({"units": 10**400}, ValueError, "units"),
    ({"weight_decay": -1.0}, ValueError, "weight_decay"),
    ({"learning_rate": 0.0}, ValueError, "learning_rate"),
])
def test_residual_network_refuses_bad_input(kwargs, error, words):
    arguments = {"kind": "Dense", "n_lags": 2, "units": 4, **kwargs}
    with pytest.raises(error, match=words):
        residual_network(**arguments)


@pytest.mark.parametrize(("kind", "parameters", "shape"), [
    ("Dense", 2 * 4 + 4 + 4 + 1, (2,)), ("GRU", 3 * (4 + 16 + 8) + 5, (2, 1))])
def test_residual_network_shapes_and_counts(kind, parameters, shape):
    pytest.importorskip("keras")
    model = residual_network(kind, 2, 4)
    assert model.count_params() == parameters and model.input_shape[1:] == shape


def test_early_stopping_keeps_the_best_check_and_fixed_updates_train():
    keras = pytest.importorskip("keras")
    rng = np.random.default_rng(0)
    X = rng.normal(size=(120, 2)).astype("float32")
    y = (np.tanh(X[:, 0]) - 0.5 * X[:, 1]).astype("float32")
    keras.utils.set_random_seed(0)
    model = residual_network("Dense", 2, 4)
    before = float(np.mean((model(X[80:]).numpy()[:, 0] - y[80:]) ** 2))
    updates = fit_with_early_stopping(model, X[:80], y[:80], X[80:], y[80:], max_updates=200,
                                      check_every=20, patience=3)
    after = float(np.mean((model(X[80:]).numpy()[:, 0] - y[80:]) ** 2))
    assert updates % 20 == 0 and 20 <= updates <= 200 and after < before
    keras.utils.set_random_seed(0)
    fixed = residual_network("Dense", 2, 4)
    fit_for_updates(fixed, X[:80], y[:80], updates)
    assert np.mean((fixed(X[80:]).numpy()[:, 0] - y[80:]) ** 2) < before


def test_training_refuses_mismatched_data():
    pytest.importorskip("keras")
    model = residual_network("Dense", 2, 4)
    with pytest.raises(ValueError, match="one row per value"):
        fit_for_updates(model, np.zeros((5, 2)), np.zeros(4), 10)
    with pytest.raises(ValueError, match="updates"):
        fit_for_updates(model, np.zeros((5, 2)), np.zeros(5), 0)
    with pytest.raises(ValueError, match="X_val"):
        fit_with_early_stopping(model, np.zeros((5, 2)), np.zeros(5), np.zeros(3), np.zeros(3))
