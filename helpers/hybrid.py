"""The hybrid forecaster of notebook 06: transform, a linear model, a network on its residuals.

Taught in notebooks/06_lstm_variants.ipynb, section 8, which writes the hybrid
out in five lines before this module takes it over (Zhang, 2003):

1. a variance-stabilising transform, Box–Cox of y + 1 (:func:`box_cox`,
   its λ fitted on training years by :func:`box_cox_lambda`);
2. a linear autoregression on the transformed series, its order chosen by
   AICc on training years (:func:`aicc_ar_order`), giving one-step forecasts
   (:func:`ar_one_step`);
3. the residuals, what the linear model leaves over;
4. a small network that forecasts the next residual from the last few
   (:func:`residual_network`, trained by :func:`fit_with_early_stopping` or
   :func:`fit_for_updates`);
5. the sum, transformed back (:func:`inverse_box_cox`).

Training is full-batch: one update is one pass over the training windows
(one epoch in the course's one meaning of the word).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from helpers._validation import as_finite_array, require_choice, require_int, require_number

__all__ = [
    "aicc_ar_order",
    "ar_one_step",
    "box_cox",
    "box_cox_lambda",
    "fit_for_updates",
    "fit_with_early_stopping",
    "inverse_box_cox",
    "residual_network",
]

RESIDUAL_NETWORKS = ("Dense", "GRU")


def _values(value: ArrayLike, name: str) -> np.ndarray:
    return as_finite_array(value, name, "1-D", ndim=1, float32=False).astype(np.float64)


def _lam(lam: Any) -> float:
    return require_number(lam, "lam", -5.0, 5.0)


def box_cox(values: ArrayLike, lam: float) -> np.ndarray:
    """The Box–Cox transform of ``values + 1``: ((y + 1)^λ - 1) / λ, log(y + 1) for λ = 0.

    λ = 1 leaves the series as it is; λ = 0.5 is (twice) a square root.

    Raises:
        ValueError: a value below 0 (y + 1 must be at least 1), or λ outside [-5, 5].
    """
    from scipy import special

    y = _values(values, "values")
    lam = _lam(lam)
    if np.any(y < 0):
        raise ValueError("values must be >= 0 (counts such as sunspot numbers)")
    return special.boxcox1p(y, lam)


def inverse_box_cox(values: ArrayLike, lam: float) -> np.ndarray:
    """Undo :func:`box_cox`; a value below the transform's range maps to 0."""
    from scipy import special

    z = _values(values, "values")
    lam = _lam(lam)
    if lam > 0:
        z = np.maximum(z, -1.0 / lam)  # (y + 1)^λ >= 0
    return np.maximum(special.inv_boxcox1p(z, lam), 0.0)


def box_cox_lambda(train: ArrayLike) -> float:
    """The λ that makes ``train + 1`` most nearly normal (maximum likelihood, SciPy).

    Raises:
        ValueError: fewer than 10 values, a value below 0, or a constant series.
    """
    from scipy import stats

    y = _values(train, "train")
    if y.size < 10:
        raise ValueError(f"train needs at least 10 values, got {y.size}")
    if np.any(y < 0):
        raise ValueError("train must be >= 0")
    if np.ptp(y) == 0:
        raise ValueError("train is constant: no λ to fit")
    return float(stats.boxcox_normmax(y + 1.0, method="mle"))


def aicc_ar_order(series: ArrayLike, max_lag: int) -> tuple[int, dict[int, float]]:
    """The AR order from 1 to ``max_lag`` with the lowest AICc, and every order's AICc.

    Each AR(p) is fitted by statsmodels' ``AutoReg`` (least squares, with a
    constant) on the same years, those after the first ``max_lag``, so the
    criteria compare. k = p + 2 parameters (constant, p coefficients, noise
    variance); AICc = -2 log L + 2k + 2k(k + 1) / (n - k - 1).

    Raises:
        ValueError: ``max_lag`` below 1, or too few values for it (n - k - 1 <= 0).
    """
    from statsmodels.tsa.ar_model import AutoReg

    z = _values(series, "series")
    max_lag = require_int(max_lag, "max_lag", 1)
    n = z.size - max_lag
    if n - (max_lag + 2) - 1 <= 0:
        raise ValueError(f"series of {z.size} values is too short for max_lag={max_lag}")
    table = {}
    for p in range(1, max_lag + 1):
        fit = AutoReg(z, lags=p, hold_back=max_lag, trend="c").fit()
        k = p + 2
        table[p] = float(-2 * fit.llf + 2 * k + 2 * k * (k + 1) / (n - k - 1))
    return min(table, key=table.get), table


def ar_one_step(series: ArrayLike, order: int, n_fit: int) -> np.ndarray:
    """One-step forecasts of an AR(``order``) fitted on the first ``n_fit`` values.

    The forecast for index t reads the actual values t-1 ... t-order, so it
    exists from index ``order`` on; the first ``order`` entries are NaN. The
    coefficients come from ``series[:n_fit]`` only (statsmodels ``AutoReg``).

    Raises:
        ValueError: ``n_fit`` longer than the series, or too short for ``order``.
    """
    from statsmodels.tsa.ar_model import AutoReg

    z = _values(series, "series")
    order = require_int(order, "order", 1)
    n_fit = require_int(n_fit, "n_fit", 2 * order + 2, z.size)
    params = AutoReg(z[:n_fit], lags=order, trend="c").fit().params  # constant, lag 1, ...
    lags = np.column_stack([z[order - k: z.size - k] for k in range(1, order + 1)])
    return np.r_[np.full(order, np.nan), params[0] + lags @ params[1:]]


def residual_network(kind: str, n_lags: int, units: int, weight_decay: float = 0.0,
                     learning_rate: float = 0.01):
    """A compiled Keras model forecasting the next residual from the last ``n_lags``.

    ``kind="Dense"``: one hidden layer of ``units`` tanh units on the lags;
    ``kind="GRU"``: a GRU of ``units`` reading them as a sequence (oldest
    first). Both end in ``Dense(1)``, are trained with AdamW (decoupled
    weight decay ``weight_decay``) on the mean squared error.
    """
    import keras

    kind = require_choice(kind, "kind", RESIDUAL_NETWORKS)
    n_lags = require_int(n_lags, "n_lags", 1, 100)
    units = require_int(units, "units", 1, 1024)
    weight_decay = require_number(weight_decay, "weight_decay", 0.0, 1.0)
    learning_rate = require_number(learning_rate, "learning_rate", 0.0, 1.0, positive=True)
    if kind == "Dense":
        body = [keras.Input((n_lags,)), keras.layers.Dense(units, activation="tanh")]
    else:
        body = [keras.Input((n_lags, 1)), keras.layers.GRU(units)]
    model = keras.Sequential([*body, keras.layers.Dense(1)], name=f"residual_{kind.lower()}")
    optimizer = keras.optimizers.AdamW(learning_rate, weight_decay=weight_decay)
    model.compile(optimizer=optimizer, loss="mse")
    return model


def _full_batches(X: np.ndarray, y: np.ndarray):
    import tensorflow as tf

    return tf.data.Dataset.from_tensor_slices((X, y)).batch(len(X)).repeat()


def _training_data(X: ArrayLike, y: ArrayLike, name: str) -> tuple[np.ndarray, np.ndarray]:
    X = np.asarray(as_finite_array(X, f"X{name}", "2-D to 5-D", ndim=(2, 3, 4, 5)))
    y = np.asarray(as_finite_array(y, f"y{name}", "1-D", ndim=1))
    if len(X) != len(y):
        raise ValueError(f"X{name} must have one row per value of y{name}, "
                         f"got shapes {X.shape} and {y.shape}")
    return X, y


def fit_with_early_stopping(model, X: ArrayLike, y: ArrayLike, X_val: ArrayLike,
                            y_val: ArrayLike, max_updates: int = 600, check_every: int = 25,
                            patience: int = 4) -> int:
    """Train ``model`` full-batch, keep the weights best on validation; return their updates.

    Every ``check_every`` updates (one update = one epoch: the batch is the
    whole training set) the validation MSE is measured; training stops after
    ``patience`` checks without improvement or at ``max_updates``, and the
    weights of the best check are restored (Keras ``EarlyStopping``).
    """
    import keras

    X, y = _training_data(X, y, "")
    X_val, y_val = _training_data(X_val, y_val, "_val")
    max_updates = require_int(max_updates, "max_updates", 1, 100_000)
    check_every = require_int(check_every, "check_every", 1, max_updates)
    patience = require_int(patience, "patience", 1, 1000)
    stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience,
                                         restore_best_weights=True)
    model.fit(_full_batches(X, y), epochs=max_updates // check_every,
              steps_per_epoch=check_every, validation_data=(X_val, y_val),
              validation_batch_size=len(X_val), callbacks=[stop], shuffle=False, verbose=0)
    return (stop.best_epoch + 1) * check_every


def fit_for_updates(model, X: ArrayLike, y: ArrayLike, updates: int) -> None:
    """Train ``model`` for exactly ``updates`` full-batch updates (epochs), no validation."""
    X, y = _training_data(X, y, "")
    updates = require_int(updates, "updates", 1, 100_000)
    model.fit(_full_batches(X, y), epochs=1, steps_per_epoch=updates, shuffle=False, verbose=0)

