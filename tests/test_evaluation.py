"""helpers.evaluation: MASE, the Diebold–Mariano test, conformal intervals and their coverage."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from helpers.evaluation import conformal_interval, diebold_mariano, interval_coverage, mase


def test_mase_by_hand():
    train = [1.0, 3.0, 2.0, 6.0]  # naive changes 2, 1, 4: scale 7/3
    assert mase([5.0, 5.0], [4.0, 7.0], train) == pytest.approx(1.5 / (7 / 3))


def test_mase_seasonal_scale():
    train = np.tile([1.0, 2.0, 3.0, 4.0], 3) + np.repeat([0.0, 1.0, 2.0], 4)  # each season up by 1
    assert mase([10.0], [12.0], train, season=4) == pytest.approx(2.0)


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        ({"actual": [1.0, 2.0], "forecast": [1.0]}, ValueError, "same length"),
        ({"train": [1.0, 1.0, 1.0]}, ValueError, "scale is 0"),
        ({"train": [1.0, 2.0], "season": 2}, ValueError, "more than season"),
        ({"season": 0}, ValueError, "season"),
        ({"season": 1.5}, TypeError, "season"),
        ({"actual": [np.nan, 1.0]}, ValueError, "actual"),
        ({"forecast": "ab"}, TypeError, "forecast"),
    ],
)
def test_mase_refuses_bad_input(kwargs, error, words):
    arguments = {"actual": [1.0, 2.0], "forecast": [1.5, 2.5], "train": [1.0, 2.0, 4.0], "season": 1}
    arguments.update(kwargs)
    with pytest.raises(error, match=words):
        mase(**arguments)


def test_dm_at_horizon_one_is_the_paired_t_test():
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=40), 1.3 * rng.normal(size=40)
    result = diebold_mariano(a, b)
    t_test = stats.ttest_1samp(a**2 - b**2, 0.0)
    assert result.statistic == pytest.approx(t_test.statistic)
    assert result.p_value == pytest.approx(t_test.pvalue)


def test_dm_finds_a_clear_difference_and_not_a_null_one():
    rng = np.random.default_rng(1)
    small, large = rng.normal(size=200), 3.0 * rng.normal(size=200)
    clear = diebold_mariano(small, large, horizon=3)
    assert clear.statistic < 0 and clear.p_value < 1e-6
    same = [diebold_mariano(rng.normal(size=60), rng.normal(size=60)).p_value for _ in range(200)]
    assert 0.02 < np.mean(np.array(same) < 0.05) < 0.10  # about 5 % false alarms


def test_dm_absolute_loss_and_symmetry():
    a, b = np.array([1.0, -2.0, 0.5, 3.0, -1.0]), np.array([2.0, 1.0, -1.5, 1.0, 0.5])
    forward, backward = diebold_mariano(a, b, loss="absolute"), diebold_mariano(b, a, loss="absolute")
    assert forward.statistic == pytest.approx(-backward.statistic)
    assert forward.p_value == pytest.approx(backward.p_value)


@pytest.mark.parametrize(
    "a, b, kwargs, words",
    [
        ([1.0, 2.0, 3.0], [1.0, 2.0], {}, "same length"),
        ([1.0, 2.0], [2.0, 1.0], {}, "at least"),
        ([1.0, 2.0, 3.0, 4.0], [2.0, 1.0, 0.0, 1.0], {"horizon": 3}, "at least"),
        ([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], {}, "same loss"),
        ([1.0, 2.0, 3.0], [3.0, 2.0, 1.0], {"loss": "cubic"}, "loss"),
        ([1.0, 2.0, 3.0], [3.0, 2.0, 1.0], {"horizon": 0}, "horizon"),
    ],
)
def test_dm_refuses_bad_input(a, b, kwargs, words):
    with pytest.raises(ValueError, match=words):
        diebold_mariano(a, b, **kwargs)


def test_conformal_interval_by_hand():
    residuals = np.arange(1.0, 10.0) * np.resize([1.0, -1.0], 9)  # |r| = 1..9
    lower, upper = conformal_interval([10.0, 20.0], residuals, 0.8)  # q: the 8th of 9
    assert np.allclose(lower, [2.0, 12.0]) and np.allclose(upper, [18.0, 28.0])


def test_conformal_interval_covers_new_points():
    rng = np.random.default_rng(2)
    lower, upper = conformal_interval(np.zeros(5000), rng.normal(size=199), 0.9)
    assert 0.85 < interval_coverage(rng.normal(size=5000), lower, upper) < 0.95


@pytest.mark.parametrize(
    "residuals, coverage, words",
    [
        ([1.0, 2.0, 3.0], 0.8, "too few"),
        ([1.0, 2.0, 3.0], 1.0, "between 0 and 1"),
        ([1.0, 2.0, 3.0], True, "between 0 and 1"),
        ([], 0.5, "empty"),
    ],
)
def test_conformal_interval_refuses_bad_input(residuals, coverage, words):
    with pytest.raises(ValueError, match=words):
        conformal_interval([1.0], residuals, coverage)


def test_interval_coverage_counts_the_edges_inside():
    assert interval_coverage([1.0, 2.0, 3.0, 4.0], [1.0, 0.0, 3.5, 0.0], [1.0, 1.0, 4.0, 5.0]) == 0.5
    with pytest.raises(ValueError, match="lower"):
        interval_coverage([1.0], [2.0], [1.0])
    with pytest.raises(ValueError, match="same length"):
        interval_coverage([1.0, 2.0], [0.0], [3.0])
