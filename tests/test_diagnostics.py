"""echo_report: an echo is recognised, a forecast is not, and bad input names its argument."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import echo_report


def seasonal_series(n=60, seed=0):
    rng = np.random.default_rng(seed)
    t = np.arange(n + 1)
    return 300 + 0.1 * t + 3 * np.sin(2 * np.pi * t / 12) + rng.normal(0, 0.2, n + 1)


def test_last_value_is_an_echo():
    series = seasonal_series()
    truth, previous = series[1:], series[:-1]
    report = echo_report(truth, previous, previous)
    assert report.mae_to_previous == 0 and report.mae > 0
    assert report.peak_lag == 1 and report.correlations[1] == pytest.approx(1)
    assert report.looks_like_echo
    assert sorted(report.correlations) == [-3, -2, -1, 0, 1, 2, 3]


def test_two_steps_late_peaks_at_lag_2():
    series = seasonal_series()
    truth, previous = series[2:], series[1:-1]
    report = echo_report(truth, series[:-2], previous)
    assert report.peak_lag == 2 and report.looks_like_echo


def test_a_good_forecast_is_not_an_echo():
    series = seasonal_series()
    truth, previous = series[1:], series[:-1]
    forecast = truth + np.random.default_rng(1).normal(0, 0.05, len(truth))
    report = echo_report(truth, forecast, previous, max_lag=2)
    assert report.peak_lag == 0 and not report.looks_like_echo
    assert report.mae < 0.1 < report.mae_to_previous
    assert sorted(report.correlations) == [-2, -1, 0, 1, 2]


def test_constant_forecast_has_no_correlations():
    series = seasonal_series()
    report = echo_report(series[1:], np.full(60, 300.0), series[:-1])
    assert report.peak_lag is None and all(np.isnan(c) for c in report.correlations.values())


def test_matches_the_notebook_formula():
    series = seasonal_series(seed=3)
    truth, previous = series[1:], series[:-1]
    forecast = 0.5 * (truth + previous)
    report = echo_report(truth, forecast, previous)
    a, b = np.diff(forecast), np.diff(truth)
    assert report.correlations[0] == pytest.approx(np.corrcoef(a, b)[0, 1])
    assert report.correlations[2] == pytest.approx(np.corrcoef(a[2:], b[:-2])[0, 1])
    assert report.correlations[-1] == pytest.approx(np.corrcoef(a[:-1], b[1:])[0, 1])


@pytest.mark.parametrize(
    ("kwargs", "error", "name"),
    [
        ({"truth": "abc"}, TypeError, "truth"),
        ({"forecast": [[1.0, 2.0]] * 10}, ValueError, "forecast"),
        ({"previous": [1.0, np.nan] * 5}, ValueError, "previous"),
        ({"forecast": [1.0] * 9}, ValueError, "same length"),
        ({"truth": []}, ValueError, "truth"),
        ({"max_lag": 2.0}, TypeError, "max_lag"),
        ({"max_lag": -1}, ValueError, "max_lag"),
        ({"max_lag": 8}, ValueError, "max_lag"),
        ({"truth": [True] * 10}, TypeError, "truth"),
    ],
)
def test_bad_input_names_the_argument(kwargs, error, name):
    arguments = {"truth": np.arange(10.0), "forecast": np.arange(10.0), "previous": np.arange(10.0), "max_lag": 3}
    arguments.update(kwargs)
    max_lag = arguments.pop("max_lag")
    with pytest.raises(error, match=name):
        echo_report(**arguments, max_lag=max_lag)


def test_a_perfect_forecast_is_never_an_echo():
    """Issue 18: at the shortest length the extreme lags correlated 2 points and came out ±1."""
    for seed in range(300):
        rng = np.random.default_rng(seed)
        for length in (9, 10, 15):
            truth = rng.normal(size=length).cumsum()
            report = echo_report(truth, truth, np.r_[truth[0], truth[:-1]])
            assert report.mae == 0 and report.peak_lag == 0 and not report.looks_like_echo, (seed, length)


def test_the_issue_example_needs_more_points():
    truth = np.random.default_rng(416).normal(size=6).cumsum()
    with pytest.raises(ValueError, match="too few for max_lag=3"):
        echo_report(truth, truth, np.r_[truth[0], truth[:-1]])


def test_ties_go_to_the_smallest_lag():
    truth = np.arange(12.0) ** 2  # changes 1, 3, 5, ...: a straight line, every lag correlates 1
    report = echo_report(truth, truth, np.r_[truth[0], truth[:-1]])
    assert report.peak_lag == 0


def test_values_beyond_float32_are_fine_in_float64():
    truth = np.random.default_rng(3).normal(size=12).cumsum() * 1e300
    report = echo_report(truth, truth, np.r_[truth[0], truth[:-1]])
    assert report.peak_lag == 0
