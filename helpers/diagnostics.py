"""Is a forecast just echoing the last value? Taught in notebooks/08_real_series.ipynb.

A one-step forecaster that has learnt nothing can still look good on a smooth
series: it repeats the last value it saw, and its forecast is the truth
shifted one step late. Notebook 08 writes the check out in full before
handing it to ``echo_report``:

* the mean absolute error against the truth, and against the *previous* true
  value (the value known when the forecast was made); an echo is close to
  the second, not to the first;
* the correlation between the forecast's month-to-month changes and the
  truth's changes ``lag`` steps earlier, for ``lag`` in ``-max_lag ... max_lag``.
  Changes, not levels: two series that both trend upwards correlate at
  every lag. A forecast peaks at lag 0; an echo of the last value at lag 1.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from helpers._validation import as_finite_array, require_int


@dataclass(frozen=True)
class EchoReport:
    """What ``echo_report`` measured; see its docstring."""

    mae: float
    mae_to_previous: float
    correlations: dict[int, float]
    peak_lag: int | None

    @property
    def looks_like_echo(self) -> bool:
        """True when the forecast's changes follow the truth's late (peak at a lag > 0), or
        the forecast sits at least twice as close to the previous value as to the truth."""
        late = self.peak_lag is not None and self.peak_lag > 0
        return late or self.mae_to_previous < 0.5 * self.mae


#: Fewest pairs of changes a lag's correlation is computed from: with 2 or 3 points a
#: correlation is ±1 or near it by chance, and could outrank lag 0 of a perfect forecast.
MIN_PAIRS = 5
#: Correlations this close count as tied; a tie goes to the smallest |lag|.
TIE = 1e-9


def _lagged_correlation(forecast_changes: np.ndarray, true_changes: np.ndarray, lag: int) -> float:
    """corr(forecast change at t, true change at t - lag) over the overlapping steps."""
    if lag >= 0:
        a, b = forecast_changes[lag:], true_changes[: len(true_changes) - lag]
    else:
        a, b = forecast_changes[:lag], true_changes[-lag:]
    if np.ptp(a) == 0 or np.ptp(b) == 0:
        return float("nan")  # a constant has no correlation with anything
    # scaled first, so that values near float64's limit do not overflow when squared
    return float(np.corrcoef(a / np.max(np.abs(a)), b / np.max(np.abs(b)))[0, 1])


def echo_report(truth: ArrayLike, forecast: ArrayLike, previous: ArrayLike, *, max_lag: int = 3) -> EchoReport:
    """Measure how far ``forecast`` is a forecast of ``truth`` and how far an echo of ``previous``.

    Taught in notebook 08 ("Is it just echoing?").

    Args:
        truth: the true values, 1-D, one per forecast.
        forecast: the forecasts of ``truth``, same length.
        previous: for each forecast, the last true value known when it was
            made (for one-step forecasts: ``truth`` one step earlier), same length.
        max_lag: correlations are measured at lags ``-max_lag ... max_lag`` (int >= 0),
            each from at least ``MIN_PAIRS`` (5) pairs of changes, so the series
            must be at least ``max_lag + 6`` long.

    Returns:
        An ``EchoReport``: ``mae`` (forecast against truth), ``mae_to_previous``
        (forecast against ``previous``), ``correlations`` (lag -> correlation of
        the forecast's changes with the truth's changes ``lag`` steps earlier;
        NaN when either is constant) and ``peak_lag``, the lag of the largest
        correlation (None when all are NaN; correlations within ``TIE`` of the
        largest count as tied, and a tie goes to the smallest |lag|). ``looks_like_echo`` is True when
        the peak lies at a positive lag or the forecast is at least twice as
        close to ``previous`` as to ``truth``.

    Raises:
        TypeError: an array is not numeric, or ``max_lag`` is not an int.
        ValueError: an array is not 1-D, is empty or holds NaN or infinity;
            the lengths differ; ``max_lag`` is negative; or the series is too
            short for ``max_lag``.
    """
    max_lag = require_int(max_lag, "max_lag", minimum=0)
    arrays = {}
    for name, value in (("truth", truth), ("forecast", forecast), ("previous", previous)):
        array = as_finite_array(value, name, "1-D (time,)", float32=False)  # computed in float64
        if array.ndim != 1:
            raise ValueError(f"{name} must be 1-D (time,), got shape {array.shape}")
        arrays[name] = array.astype(np.float64)
    lengths = {name: len(array) for name, array in arrays.items()}
    if len(set(lengths.values())) != 1:
        raise ValueError(f"truth, forecast and previous must have the same length, got {lengths}")
    if lengths["truth"] < max_lag + 1 + MIN_PAIRS:
        raise ValueError(
            f"truth has {lengths['truth']} values, too few for max_lag={max_lag} "
            f"(needs at least max_lag + {1 + MIN_PAIRS} = {max_lag + 1 + MIN_PAIRS})"
        )
    truth_, forecast_, previous_ = arrays["truth"], arrays["forecast"], arrays["previous"]
    forecast_changes, true_changes = np.diff(forecast_), np.diff(truth_)
    correlations = {lag: _lagged_correlation(forecast_changes, true_changes, lag)
                    for lag in range(-max_lag, max_lag + 1)}
    finite = {lag: c for lag, c in correlations.items() if np.isfinite(c)}
    peak_lag = None
    if finite:
        best = max(finite.values())
        peak_lag = min((lag for lag, c in finite.items() if c >= best - TIE), key=lambda lag: (abs(lag), lag))
    return EchoReport(
        mae=float(np.mean(np.abs(forecast_ - truth_))),
        mae_to_previous=float(np.mean(np.abs(forecast_ - previous_))),
        correlations=correlations,
        peak_lag=peak_lag,
    )
