"""Judging forecasts as a forecaster would: a scaled error, a paired test, intervals.

Taught in notebooks/06_lstm_variants.ipynb (the scaled error and the paired
test, written out there before this module takes them over) and
notebooks/08_real_series.ipynb (intervals and their coverage). None of these
is in statsmodels or SciPy in this form, so they are written here, each in a
few lines:

* :func:`mase` — mean absolute scaled error (Hyndman & Koehler, 2006): the
  forecast's MAE divided by the in-sample MAE of the (seasonal) naive
  forecast on the training part, so 1.0 means "as good as naive was in-sample".
* :func:`diebold_mariano` — are two forecasts' errors on the same points
  different? The Diebold–Mariano (1995) test with the small-sample correction
  of Harvey, Leybourne & Newbold (1997), read against Student's t.
* :func:`conformal_interval` and :func:`interval_coverage` — a split-conformal
  prediction interval from residuals on validation data (Vovk et al., 2005),
  and the share of actual values that fall inside an interval.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from helpers._validation import as_finite_array

__all__ = ["DieboldMarianoResult", "conformal_interval", "diebold_mariano", "interval_coverage", "mase"]


def _series(value: ArrayLike, name: str) -> np.ndarray:
    return as_finite_array(value, name, "1-D", ndim=1, float32=False).astype(np.float64)


def _same_length(a: np.ndarray, b: np.ndarray, name_a: str, name_b: str) -> None:
    if a.shape != b.shape:
        raise ValueError(f"{name_a} and {name_b} must have the same length, got {a.size} and {b.size}")


def _whole(value: object, name: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    return int(value)


def mase(actual: ArrayLike, forecast: ArrayLike, train: ArrayLike, season: int = 1) -> float:
    """Mean absolute scaled error of ``forecast`` against ``actual``.

    The scale is the mean absolute ``season``-step change of ``train`` (the
    in-sample error of the seasonal naive forecast; ``season=1``: the naive one).

    Raises:
        ValueError: lengths differ, ``train`` has no more than ``season`` values,
            or ``train`` never changes over ``season`` steps (the scale is 0).
        TypeError: ``season`` is not an int.
    """
    actual, forecast = _series(actual, "actual"), _series(forecast, "forecast")
    _same_length(actual, forecast, "actual", "forecast")
    train = _series(train, "train")
    season = _whole(season, "season", 1)
    if train.size <= season:
        raise ValueError(f"train needs more than season={season} values, got {train.size}")
    scale = float(np.mean(np.abs(train[season:] - train[:-season])))
    if scale == 0.0:
        raise ValueError("train is the same every season steps: the naive scale is 0, MASE is undefined")
    return float(np.mean(np.abs(actual - forecast)) / scale)


class DieboldMarianoResult(NamedTuple):
    """The test's statistic (negative: the first forecast's loss is lower), p-value and mean loss difference."""

    statistic: float
    p_value: float
    mean_difference: float


def diebold_mariano(
    errors_a: ArrayLike, errors_b: ArrayLike, horizon: int = 1, loss: str = "squared"
) -> DieboldMarianoResult:
    """Two-sided Diebold–Mariano test of equal accuracy, with the HLN correction.

    ``errors_a`` and ``errors_b`` are the two forecasts' errors on the same
    points, in time order. The loss difference d_t = L(a_t) - L(b_t) has its
    variance estimated with autocovariances up to lag ``horizon - 1`` (an
    h-step forecast's errors overlap); when that estimate is not positive, the
    lag-0 variance alone is used. The statistic is scaled by Harvey, Leybourne
    and Newbold's factor and compared with Student's t on n - 1 degrees of freedom.

    Raises:
        ValueError: lengths differ, fewer than 3 points or fewer than
            ``2 * horizon`` points, an unknown ``loss``, or two identical error series.
    """
    from scipy import stats

    a, b = _series(errors_a, "errors_a"), _series(errors_b, "errors_b")
    _same_length(a, b, "errors_a", "errors_b")
    horizon = _whole(horizon, "horizon", 1)
    if loss not in ("squared", "absolute"):
        raise ValueError(f"loss must be 'squared' or 'absolute', got {loss!r}")
    n = a.size
    if n < max(3, 2 * horizon):
        raise ValueError(f"need at least max(3, 2 * horizon) = {max(3, 2 * horizon)} errors, got {n}")
    d = (a**2 - b**2) if loss == "squared" else (np.abs(a) - np.abs(b))
    mean_d = float(d.mean())
    centred = d - mean_d
    gamma = [float(centred[k:] @ centred[: n - k]) / n for k in range(horizon)]
    variance = (gamma[0] + 2.0 * sum(gamma[1:])) / n
    if variance <= 0.0:
        variance = gamma[0] / n
    if variance <= 0.0:
        raise ValueError("errors_a and errors_b give the same loss at every point: nothing to test")
    correction = math.sqrt((n + 1 - 2 * horizon + horizon * (horizon - 1) / n) / n)
    statistic = correction * mean_d / math.sqrt(variance)
    p_value = float(2.0 * stats.t.sf(abs(statistic), df=n - 1))
    return DieboldMarianoResult(float(statistic), p_value, mean_d)


def conformal_interval(
    forecast: ArrayLike, calibration_residuals: ArrayLike, coverage: float = 0.8
) -> tuple[np.ndarray, np.ndarray]:
    """A split-conformal interval ``forecast ± q`` for the given ``coverage``.

    ``calibration_residuals`` are actual minus forecast on data the model was
    not fitted to (a validation part). q is their absolute value's
    ceil((n + 1) * coverage)-th smallest, which covers a new point with
    probability at least ``coverage`` when errors are exchangeable (a time
    series only roughly is: measure the coverage on the test part).

    Raises:
        ValueError: ``coverage`` outside (0, 1), or too few residuals for it
            (n must be at least coverage / (1 - coverage)).
    """
    forecast = as_finite_array(forecast, "forecast", "1-D", ndim=1, float32=False).astype(np.float64)
    residuals = _series(calibration_residuals, "calibration_residuals")
    if isinstance(coverage, bool) or not isinstance(coverage, (int, float)) or not 0.0 < coverage < 1.0:
        raise ValueError(f"coverage must be a number between 0 and 1, got {coverage!r}")
    n = residuals.size
    rank = math.ceil((n + 1) * coverage)
    if rank > n:
        raise ValueError(
            f"{n} calibration_residuals are too few for coverage={coverage}: "
            f"need at least {math.ceil(coverage / (1 - coverage))}"
        )
    q = float(np.sort(np.abs(residuals))[rank - 1])
    return forecast - q, forecast + q


def interval_coverage(actual: ArrayLike, lower: ArrayLike, upper: ArrayLike) -> float:
    """The share of ``actual`` values with ``lower <= actual <= upper``.

    Raises:
        ValueError: lengths differ, or some ``lower`` is above its ``upper``.
    """
    actual = _series(actual, "actual")
    lower, upper = _series(lower, "lower"), _series(upper, "upper")
    _same_length(actual, lower, "actual", "lower")
    _same_length(actual, upper, "actual", "upper")
    if np.any(lower > upper):
        raise ValueError("lower must not be above upper")
    return float(np.mean((actual >= lower) & (actual <= upper)))
