"""helpers.baselines: hand-checked forecasts, the rolling-origin bookkeeping, and bad input refused by name."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statistical_backtests as script
from conftest import data_record

from helpers.baselines import (
    baseline_report,
    check_series,
    rolling_origin,
    sarima_order_table,
    seasonal_naive_drift,
)


def monthly(values, start="2000-01") -> pd.Series:
    return pd.Series(np.asarray(values, dtype=float), index=pd.date_range(start, periods=len(values), freq="MS"))


def seasonal_series(n=96, seed=0) -> pd.Series:
    rng = np.random.default_rng(seed)
    t = np.arange(n)
    return monthly(10 + 0.05 * t + 2 * np.sin(2 * np.pi * t / 12) + rng.normal(0, 0.2, n))


# --- seasonal naive with drift, by hand -------------------------------------------

def test_seasonal_naive_drift_by_hand():
    history = np.array([1.0, 2.0, 3.0, 2.0, 4.0, 5.0, 6.0, 5.0])  # season 4: rises 3 a season
    # drift: mean of x_t - x_{t-4} = 3
    assert seasonal_naive_drift(history, 6, season=4).tolist() == [7.0, 8.0, 9.0, 8.0, 10.0, 11.0]


def test_seasonal_naive_drift_with_season_1_is_the_drift_method():
    history = np.array([1.0, 3.0, 4.0, 7.0])  # mean change 2
    assert seasonal_naive_drift(history, 3, season=1).tolist() == [9.0, 11.0, 13.0]


def test_seasonal_naive_drift_on_a_repeating_series_repeats_it():
    history = np.tile([1.0, 5.0, 2.0], 4)
    assert np.allclose(seasonal_naive_drift(history, 7, season=3), np.tile([1.0, 5.0, 2.0], 3)[:7])


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        (([1.0, 2.0], 3, 2), ValueError, "more than season"),
        (([1.0, np.nan, 2.0, 3.0], 1, 1), ValueError, "finite"),
        (([1.0, 2.0, 3.0], 0, 1), ValueError, "horizon"),
        (([1.0, 2.0, 3.0], 1.5, 1), TypeError, "horizon"),
        (([1.0, 2.0, 3.0], 1, 0), ValueError, "season"),
    ],
)
def test_seasonal_naive_drift_refuses(args, error, match):
    with pytest.raises(error, match=match):
        seasonal_naive_drift(*args)


# --- bad input, each named ---------------------------------------------------------

@pytest.mark.parametrize(
    ("series", "error", "match"),
    [
        (seasonal_series().where(lambda s: s.index != s.index[10]), ValueError, "missing value"),
        (monthly(np.arange(20.0)), ValueError, "shorter than two seasons"),
        (monthly(np.full(60, 3.0)), ValueError, "constant"),
        (seasonal_series().drop(seasonal_series().index[30]), ValueError, "not evenly spaced"),
        (pd.Series(np.arange(60.0), index=np.r_[np.arange(30), np.arange(31, 61)]), ValueError,
         "not evenly spaced"),
        (pd.Series(np.arange(60.0), index=pd.period_range("2000-01", periods=60, freq="M")[::-1]),
         ValueError, "not evenly spaced"),
        (np.arange(60.0), TypeError, "pandas Series"),
        (pd.Series(["a"] * 60), TypeError, "numbers"),
        (pd.Series([True, False] * 30), TypeError, "numbers"),
        (monthly(np.r_[np.arange(59.0), np.inf]), ValueError, "infinite"),
    ],
)
def test_bad_series_is_refused_by_name(series, error, match):
    with pytest.raises(error, match=match):
        check_series(series, 12)
    with pytest.raises(error, match=match):
        baseline_report(series)


def test_good_indexes_pass():
    values = seasonal_series().to_numpy()
    check_series(pd.Series(values), 12)  # RangeIndex
    check_series(pd.Series(values, index=pd.period_range("1990-01", periods=96, freq="M")), 12)
    check_series(pd.Series(values, index=np.arange(96) * 0.5), 12)


@pytest.mark.parametrize(
    ("horizons", "error", "match"),
    [((0,), ValueError, "forecasts nothing"), ((1, 25), ValueError, "longer than the test part"),
     ((), TypeError, "horizons"), ("1", TypeError, "horizons"), ((1.5,), TypeError, "horizons")],
)
def test_bad_horizons_are_refused(horizons, error, match):
    with pytest.raises(error, match=match):
        rolling_origin(seasonal_series(), 12, horizons, n_test=24, order=(0, 1, 1))


def test_a_test_part_that_leaves_too_little_training_is_refused():
    with pytest.raises(ValueError, match="too little training"):
        rolling_origin(seasonal_series(n=60), 12, (1, 12), n_test=30, order=(0, 1, 1))


# --- the rolling origin ------------------------------------------------------------

@pytest.fixture(scope="module")
def backtest():
    return rolling_origin(seasonal_series(), 12, (1, 3, 12), n_test=24, refit_every=12, order=(0, 1, 1))


def test_naive_forecasts_come_from_the_origin_h_steps_before(backtest):
    values = seasonal_series().to_numpy()
    n_train = 96 - 24
    for h in (1, 3, 12):
        assert np.array_equal(backtest.forecasts["naive", h], values[n_train - h : 96 - h])
        expected = [seasonal_naive_drift(values[: t + 1], h, 12)[-1] for t in range(n_train - h, 96 - h)]
        assert np.allclose(backtest.forecasts["seasonal naive with drift", h], expected)


def test_sarima_between_refits_equals_a_fresh_filter_with_the_same_parameters():
    from statsmodels.tsa.statespace.sarimax import SARIMAX

    series = seasonal_series()
    values = series.to_numpy()
    result = rolling_origin(series, 12, (1,), n_test=12, refit_every=100, order=(0, 1, 1))
    # one refit, at the first origin (index 83): parameters from values[:84]
    fit = SARIMAX(values[:84], order=(0, 1, 1), seasonal_order=(0, 1, 1, 12),
                  concentrate_scale=True).fit(disp=False)
    full = SARIMAX(values[:90], order=(0, 1, 1), seasonal_order=(0, 1, 1, 12)).filter(
        np.r_[fit.params, fit.scale])
    assert result.forecasts["SARIMA", 1][6] == pytest.approx(float(full.forecast(1)[0]), abs=1e-3)


def test_table_and_intervals(backtest):
    table = backtest.table()
    assert list(table.index) == ["naive", "seasonal naive with drift", "ETS", "SARIMA"]
    assert list(table.columns) == [f"{kind} h={h}" for h in (1, 3, 12) for kind in ("MAE", "MASE")]
    assert np.isfinite(table.to_numpy()).all()
    # on a noisy seasonal series with a trend, the models that know the season beat naive
    assert table.loc["SARIMA", "MASE h=12"] < table.loc["naive", "MASE h=12"]
    for (model, _h, coverage), (lower, upper) in backtest.intervals.items():
        assert model in ("ETS", "SARIMA") and coverage in (0.8, 0.95)
        assert np.all(lower < upper) and np.isfinite(lower).all()
    wide = backtest.intervals["SARIMA", 12, 0.95]
    narrow = backtest.intervals["SARIMA", 12, 0.8]
    assert np.all(wide[1] - wide[0] > narrow[1] - narrow[0])


def test_order_table_is_sorted_by_aicc():
    table = sarima_order_table(seasonal_series().to_numpy()[:72], 12, orders=((0, 1, 1), (1, 1, 0)))
    assert list(table.columns) == ["order", "parameters", "AICc", "converged"]
    assert table["AICc"].is_monotonic_increasing and len(table) == 2


def test_baseline_report_with_season_1():
    rng = np.random.default_rng(3)
    series = pd.Series(np.cumsum(rng.normal(0.1, 1, 80)))
    table = baseline_report(series, season=1, horizons=(1, 4), n_test=12)
    assert table.shape == (4, 4) and np.isfinite(table.to_numpy()).all()


# --- the stored backtests behind notebook 08 -------------------------------------------

def test_stored_backtests_match_the_script():
    data = data_record("statistical_backtests.json", "run tools/statistical_backtests.py")
    co2 = data["co2"]
    for h in script.SETTINGS["co2"]["horizons"]:
        for model in ("naive", "seasonal naive with drift", "ETS", "SARIMA"):
            assert len(co2["forecasts"][f"{model}|{h}"]) == script.SETTINGS["co2"]["n_test"]
    # the naive forecasts in the file are the series' own values h months earlier
    values = script.load_co2().to_numpy()
    assert np.allclose(co2["forecasts"]["naive|12"], values[-48 - 12 : -12], atol=1e-4)
    assert set(data["elnino"]["table"]) == {"naive", "seasonal naive with drift", "ETS", "SARIMA"}
