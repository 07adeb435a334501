"""The baselines a forecaster fits first, judged on a rolling origin.

Taught in notebooks/08_real_series.ipynb, which fits each model by hand on the
CO₂ series before :func:`baseline_report` does it all for another series:

* :func:`check_series` — a pandas Series fit for forecasting, or a clear error;
* :func:`seasonal_naive_drift` — last season's value plus the mean yearly rise
  (the seasonal random walk with drift; Hyndman & Athanasopoulos, 2021, 5.2);
* :func:`sarima_order_table` — SARIMA orders ranked by AICc on a training part;
* :func:`rolling_origin` — every test point forecast from the origin ``h`` steps
  before it, the statistical models refitted every ``refit_every`` origins
  (and only re-filtered, with the same parameters, in between);
* :func:`baseline_report` — a table of MAE and MASE per model and horizon.

statsmodels fits ETS and SARIMA; only the bookkeeping is written here.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from helpers._validation import require_int
from helpers.evaluation import mase

__all__ = [
    "Backtest",
    "baseline_report",
    "check_series",
    "rolling_origin",
    "sarima_order_table",
    "seasonal_naive_drift",
]

MODELS = ("naive", "seasonal naive with drift", "ETS", "SARIMA")
# The small SARIMA family searched: (p, 1, q)(0, 1, 1)_m, the airline model and its neighbours.
_ORDERS = ((0, 1, 1), (1, 1, 0), (1, 1, 1), (2, 1, 1))
_COVERAGES = (0.8, 0.95)


def check_series(series: Any, season: int = 12, name: str = "series") -> pd.Series:
    """``series`` as a float Series, or a clear error.

    Raises:
        TypeError: not a pandas Series, or not numeric; ``season`` not an int.
        ValueError: missing values, fewer than two seasons, a constant series,
            or an index that is not evenly spaced (dates without a regular
            frequency, periods with gaps, numbers with uneven steps).
    """
    season = require_int(season, "season", minimum=1, maximum=10_000)
    if not isinstance(series, pd.Series):
        raise TypeError(f"{name} must be a pandas Series, got {type(series).__name__}")
    if not (pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype)):
        raise TypeError(f"{name} must hold numbers, got dtype {series.dtype}")
    if pd.api.types.is_complex_dtype(series.dtype):
        raise TypeError(f"{name} must hold real numbers, got dtype {series.dtype}")
    values = series.to_numpy(dtype=float)
    missing = int(np.isnan(values).sum())
    if missing:
        raise ValueError(f"{name} has {missing} missing value(s) (NaN): fill or drop them first")
    if not np.all(np.isfinite(values)):
        raise ValueError(f"{name} holds infinite values")
    if len(values) < 2 * max(season, 2):
        raise ValueError(
            f"{name} has {len(values)} values, shorter than two seasons ({2 * max(season, 2)} with season={season})"
        )
    if np.ptp(values) == 0:
        raise ValueError(f"{name} is constant: there is nothing to forecast and MASE is undefined")
    _check_even_index(series.index, name)
    return pd.Series(values, index=series.index, name=series.name)


def _check_even_index(index: pd.Index, name: str) -> None:
    if isinstance(index, pd.RangeIndex):
        return
    uneven = f"{name} has an index that is not evenly spaced"
    if isinstance(index, pd.PeriodIndex):
        expected = pd.period_range(index[0], periods=len(index), freq=index.freq)
        if not index.equals(expected):
            raise ValueError(f"{uneven}: periods are missing, repeated or out of order")
        return
    if isinstance(index, pd.DatetimeIndex):
        if not index.is_monotonic_increasing or index.has_duplicates:
            raise ValueError(f"{uneven}: dates are repeated or out of order")
        if pd.infer_freq(index) is None:
            raise ValueError(f"{uneven}: the dates have no regular frequency (resample first)")
        return
    if pd.api.types.is_numeric_dtype(index.dtype):
        steps = np.diff(index.to_numpy(dtype=float))
        if len(steps) and (steps[0] <= 0 or not np.allclose(steps, steps[0])):
            raise ValueError(f"{uneven}: its steps differ or do not increase")
        return
    raise ValueError(f"{uneven}: use dates, periods or evenly spaced numbers, got {index.dtype}")


def seasonal_naive_drift(history: Any, horizon: int, season: int = 12) -> np.ndarray:
    """Forecasts of the next ``horizon`` values: the same point of the last season, plus drift.

    The drift is the mean change over one season in ``history``
    (``mean(x_t - x_{t-season})``), added once per season ahead.

    Raises:
        ValueError: ``history`` not 1-D and finite, or no longer than ``season``.
        TypeError: ``horizon`` or ``season`` not an int.
    """
    horizon = require_int(horizon, "horizon", minimum=1, maximum=100_000)
    season = require_int(season, "season", minimum=1, maximum=10_000)
    history = np.asarray(history, dtype=float)
    if history.ndim != 1 or not np.all(np.isfinite(history)):
        raise ValueError("history must be a 1-D array of finite numbers")
    if len(history) <= season:
        raise ValueError(f"history needs more than season={season} values, got {len(history)}")
    drift = float(np.mean(history[season:] - history[:-season]))
    steps = np.arange(1, horizon + 1)
    seasons_ahead = (steps - 1) // season + 1  # 1 for the first season ahead, 2 for the next
    return history[len(history) - season + (steps - 1) % season] + drift * seasons_ahead


def _quiet_fit(model: Any, **options: Any) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # convergence notes; `converged` is reported instead
        return model.fit(disp=False, **options)


def _sarima(values: np.ndarray, order: tuple[int, int, int], season: int, concentrate: bool = True) -> Any:
    from statsmodels.tsa.statespace.sarimax import SARIMAX

    seasonal = (0, 1, 1, season) if season > 1 else (0, 0, 0, 0)
    # concentrate_scale: the noise variance follows from the other weights (a faster fit)
    return SARIMAX(values, order=order, seasonal_order=seasonal, concentrate_scale=concentrate)


def sarima_order_table(train: Any, season: int = 12, orders: Sequence[tuple[int, int, int]] = _ORDERS) -> pd.DataFrame:
    """AICc of SARIMA ``order``(0, 1, 1)_season fitted on ``train``, best first.

    Only models with the same differencing are compared (AICc compares
    likelihoods of the same data). With ``season=1``, plain ARIMA orders.
    """
    season = require_int(season, "season", minimum=1, maximum=10_000)
    values = np.asarray(train, dtype=float)
    rows = []
    for order in orders:
        result = _quiet_fit(_sarima(values, tuple(order), season))
        rows.append({"order": tuple(order), "parameters": len(result.params),
                     "AICc": float(result.aicc), "converged": bool(result.mle_retvals["converged"])})
    return pd.DataFrame(rows).sort_values("AICc", ignore_index=True)


def _ets(values: np.ndarray, season: int, damped: bool) -> Any:
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    seasonal = "add" if season > 1 else None
    return ETSModel(pd.Series(values), error="add", trend="add", damped_trend=damped,
                    seasonal=seasonal, seasonal_periods=season if season > 1 else None)


@dataclass
class Backtest:
    """What :func:`rolling_origin` returns.

    ``forecasts[model, h]`` holds the forecasts of the test points from the
    origins ``h`` steps before each; ``intervals[model, h, coverage]`` a
    (lower, upper) pair for ETS and SARIMA; ``train`` is everything before the
    test part (the MASE scale); ``choices`` records what was chosen on it.
    """

    truth: np.ndarray
    train: np.ndarray
    season: int
    horizons: tuple[int, ...]
    forecasts: dict[tuple[str, int], np.ndarray] = field(default_factory=dict)
    intervals: dict[tuple[str, int, float], tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    choices: dict[str, Any] = field(default_factory=dict)

    def table(self) -> pd.DataFrame:
        """MAE and MASE (against the training part's in-sample seasonal naive), per model and horizon."""
        rows = {}
        for model in dict.fromkeys(name for name, _ in self.forecasts):
            row = {}
            for h in self.horizons:
                forecast = self.forecasts[model, h]
                row[f"MAE h={h}"] = float(np.mean(np.abs(forecast - self.truth)))
                row[f"MASE h={h}"] = mase(self.truth, forecast, self.train, season=self.season)
            rows[model] = row
        return pd.DataFrame(rows).T


def _horizons(horizons: Any, n_test: int) -> tuple[int, ...]:
    if isinstance(horizons, (int, np.integer)) and not isinstance(horizons, bool):
        horizons = (horizons,)
    if isinstance(horizons, (str, bytes)) or not isinstance(horizons, Sequence) or not horizons:
        raise TypeError(f"horizons must be a non-empty tuple of ints, got {horizons!r}")
    checked = []
    for h in horizons:
        h = require_int(h, "horizons", maximum=10**6)
        if h < 1:
            raise ValueError(f"horizons must be >= 1 (a horizon of {h} forecasts nothing)")
        if h > n_test:
            raise ValueError(f"horizon {h} is longer than the test part ({n_test} points): "
                             "use a shorter horizon or a larger n_test")
        checked.append(h)
    return tuple(sorted(set(checked)))


def rolling_origin(
    series: pd.Series,
    season: int = 12,
    horizons: Sequence[int] = (1, 12),
    *,
    n_test: int | None = None,
    refit_every: int | None = None,
    order: tuple[int, int, int] | None = None,
) -> Backtest:
    """Forecast every test point from the origin ``h`` steps before it, for each ``h``.

    Models: naive (the last value), seasonal naive with drift, ETS (additive
    error, trend and season; damped trend or not, chosen by AICc on the
    training part) and SARIMA (``order``, or the best of :func:`sarima_order_table`
    on the training part). ETS and SARIMA are refitted at the first origin and
    every ``refit_every`` origins after it (default: ``season``), on all data up
    to the origin; between refits they only take in the new data.

    Args:
        series: evenly spaced values (see :func:`check_series`).
        season: points per season (12 for monthly data; 1 for none).
        horizons: steps ahead to score, each from 1 to ``n_test``.
        n_test: points at the end that are forecast (default: 2 seasons, at least 8).
        refit_every: origins between refits (default ``season``).
        order: the SARIMA (p, d, q), or None to choose it on the training part.

    Raises:
        TypeError, ValueError: see :func:`check_series`; a horizon below 1 or
            longer than the test part; an ``n_test`` that leaves under two
            seasons for training.
    """
    series = check_series(series, season)
    season = int(season)
    values = series.to_numpy(dtype=float)
    n = len(values)
    n_test = max(2 * season, 8) if n_test is None else require_int(n_test, "n_test", minimum=1)
    horizons = _horizons(horizons, n_test)
    n_train = n - n_test
    if n_train - max(horizons) < 2 * max(season, 2) + 2:
        raise ValueError(f"n_test={n_test} with horizon {max(horizons)} leaves too little training data "
                         f"({n_train - max(horizons)} points before the first origin)")
    refit_every = season if refit_every is None else require_int(refit_every, "refit_every", minimum=1)
    train = values[:n_train]
    backtest = Backtest(truth=values[n_train:], train=train, season=season, horizons=horizons)

    if order is None:
        aic = sarima_order_table(train, season)
        order = aic.loc[0, "order"]
        backtest.choices["SARIMA AICc table"] = aic
    backtest.choices["SARIMA order"] = tuple(order)
    ets_fits = {damped: _quiet_fit(_ets(train, season, damped)) for damped in (False, True)}
    damped = ets_fits[True].aicc < ets_fits[False].aicc
    backtest.choices["ETS damped trend"] = bool(damped)

    max_h = max(horizons)
    first_origin = n_train - max_h  # index of the last value known at the first origin
    paths: dict[str, dict[int, np.ndarray]] = {model: {} for model in MODELS}
    bands: dict[tuple[str, float], dict[int, tuple[np.ndarray, np.ndarray]]] = {}
    sarima_fit = ets_params = None
    refit_origin = first_origin
    for k, origin in enumerate(range(first_origin, n - 1)):
        history = values[: origin + 1]
        steps = min(max_h, n - 1 - origin)
        paths["naive"][origin] = np.repeat(history[-1], steps)
        paths["seasonal naive with drift"][origin] = seasonal_naive_drift(history, steps, season)
        if k % refit_every == 0:
            start = None if sarima_fit is None else sarima_fit.params[:-1]
            fit = _quiet_fit(_sarima(history, tuple(order), season), start_params=start)
            # the same model with its variance as a parameter, so that extending it to new
            # values keeps the variance estimated here
            sarima_fit = _sarima(history, tuple(order), season, concentrate=False).filter(
                np.r_[fit.params, fit.scale])
            ets_params = _quiet_fit(_ets(history, season, damped)).params
            current, refit_origin = sarima_fit, origin
        else:  # the same parameters, filtered on through the values since the refit
            current = sarima_fit.extend(values[refit_origin + 1 : origin + 1])
        prediction = current.get_forecast(steps)
        paths["SARIMA"][origin] = np.asarray(prediction.predicted_mean)
        for coverage in _COVERAGES:
            bounds = np.asarray(prediction.conf_int(alpha=1 - coverage))
            bands.setdefault(("SARIMA", coverage), {})[origin] = (bounds[:, 0], bounds[:, 1])
        smoothed = _ets(history, season, damped).smooth(ets_params)
        ets_prediction = smoothed.get_prediction(start=len(history), end=len(history) + steps - 1)
        paths["ETS"][origin] = np.asarray(ets_prediction.predicted_mean)
        for coverage in _COVERAGES:
            frame = ets_prediction.summary_frame(alpha=1 - coverage)
            bands.setdefault(("ETS", coverage), {})[origin] = (frame["pi_lower"].to_numpy(),
                                                               frame["pi_upper"].to_numpy())
    test_points = np.arange(n_train, n)
    for h in horizons:
        origins = test_points - h
        for model in MODELS:
            backtest.forecasts[model, h] = np.array([paths[model][t][h - 1] for t in origins])
        for (model, coverage), by_origin in bands.items():
            lower = np.array([by_origin[t][0][h - 1] for t in origins])
            upper = np.array([by_origin[t][1][h - 1] for t in origins])
            backtest.intervals[model, h, coverage] = (lower, upper)
    return backtest


def baseline_report(
    series: pd.Series,
    season: int = 12,
    horizons: Sequence[int] = (1, 12),
    *,
    n_test: int | None = None,
    refit_every: int | None = None,
) -> pd.DataFrame:
    """MAE and MASE of naive, seasonal naive with drift, ETS and SARIMA on a rolling origin.

    Every choice (SARIMA's order, ETS's damping) is made on the part before
    the test points; see :func:`rolling_origin` for the arguments and errors.
    MASE below 1: better than the seasonal naive forecast was in-sample.
    """
    return rolling_origin(series, season, horizons, n_test=n_test, refit_every=refit_every).table()
