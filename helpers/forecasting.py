"""Univariate LSTM forecasting: the classic model, fast training, the differenced fix.

Taught in notebooks/05_univariate_lstm_forecasting.ipynb, which writes each
piece out in full before handing it to this module:

* ``build_forecasting_model``: the classic recipe's model in Keras 3
  (``keras.Input``, ``LSTM(50, activation="relu")``, ``Dense(1)``, Adam, MSE).
* ``train_for_steps``: a number of full-batch updates, many in each epoch
  (``fit`` spends most of its time on tiny data sets starting each epoch).
* ``to_differences``: windows of values -> windows of changes, target -> next change.
* ``train_course_forecaster``: the notebook's fixed recipe (differencing, the
  classic model, 200 Adam updates); it predicts 100 for ``[70, 80, 90]``.
* ``recursive_forecast``: several steps ahead by feeding forecasts back in.

TensorFlow and Keras are imported inside the functions that need them, so
importing this module is cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import ArrayLike

from helpers._validation import as_finite_array, require_int
from helpers.sequences import split_sequence

if TYPE_CHECKING:  # pragma: no cover - only for type checkers
    import keras

#: The fixed recipe's settings (notebook 05, section 5).
COURSE_UNITS = 50
COURSE_TRAINING_STEPS = 200
#: Most updates per epoch in train_for_steps (notebook 05, section 4): the course recipe's
#: 200 updates then run as one epoch, in one call of the training step.
UPDATES_PER_EPOCH = 200
#: Upper bounds on counts, so a typo (steps=10**9) fails at once instead of running for days:
#: the course trains for at most a few thousand updates and forecasts a few dozen steps ahead.
MAX_UNITS = 4096
MAX_TRAINING_STEPS = 100_000
MAX_HORIZON = 10_000


def _as_float32(values: np.ndarray, name: str) -> np.ndarray:
    """Finite ``values`` as float32; ``ValueError`` if any is too large for float32 (it would be inf)."""
    largest = float(np.max(np.abs(values.astype(np.float64)))) if values.size else 0.0
    if largest > float(np.finfo(np.float32).max):
        raise ValueError(
            f"{name} holds values too large for float32 (up to {largest:.3g}; the limit is "
            f"{float(np.finfo(np.float32).max):.3g}): rescale them, e.g. divide by a typical step"
        )
    return values.astype(np.float32)


def _as_windows(window: ArrayLike, name: str, n_steps: int | None = None) -> np.ndarray:
    """``window`` as a finite float32 array of shape (n_steps,) or (batch, n_steps)."""
    values = as_finite_array(window, name, "1-D (n_steps,) or 2-D (batch, n_steps)")
    if n_steps is not None and values.shape[-1] != n_steps:
        raise ValueError(
            f"{name} must hold the last {n_steps} values (n_steps = {n_steps}), "
            f"got shape {values.shape}"
        )
    return _as_float32(values, name)


def build_forecasting_model(
    n_steps: int,
    n_features: int = 1,
    units: int = COURSE_UNITS,
    *,
    unroll: bool = False,
    steps_per_execution: int = 1,
) -> keras.Model:
    """The classic recipe's forecaster in Keras 3, compiled with Adam and MSE.

    ``keras.Input((n_steps, n_features))`` -> ``LSTM(units, activation="relu")``
    -> ``Dense(1)``. Taught in notebook 05, which counts its parameters by hand:
    ``4 * (units * (n_features + units) + units)`` for the LSTM plus
    ``units + 1`` for the Dense layer.

    Args:
        n_steps: time steps per window (int >= 1).
        n_features: values per time step (int >= 1).
        units: LSTM units, n in the course notation (int, 1 to ``MAX_UNITS`` = 4096).
        unroll: write the LSTM's loop out step by step (Keras's ``unroll``): the
            same arithmetic, quicker to prepare for a window of a few steps.
        steps_per_execution: updates Keras runs per call of its training step.
    """
    n_steps = require_int(n_steps, "n_steps", 1)
    n_features = require_int(n_features, "n_features", 1)
    units = require_int(units, "units", 1, MAX_UNITS)
    steps_per_execution = require_int(steps_per_execution, "steps_per_execution", 1, MAX_TRAINING_STEPS)
    if not isinstance(unroll, bool):
        raise TypeError(f"unroll must be True or False, got {type(unroll).__name__}")
    import keras

    model = keras.Sequential(
        [
            keras.Input(shape=(n_steps, n_features)),
            keras.layers.LSTM(units, activation="relu", unroll=unroll),
            keras.layers.Dense(1),
        ]
    )
    model.compile(optimizer="adam", loss="mse", steps_per_execution=steps_per_execution)
    return model


def train_for_steps(model: keras.Model, X: ArrayLike, y: ArrayLike, steps: int) -> np.ndarray:
    """Make ``steps`` full-batch updates of ``model`` on ``(X, y)``; return the mean loss of each epoch.

    The same updates as ``model.fit(X, y, epochs=steps, batch_size=len(X))``
    (the classic recipe's ``fit`` when there are at most 32 samples), but with up
    to 200 updates per epoch: ``X`` and ``y`` are stacked up to 200 times and read
    in batches of ``len(X)``, unshuffled, so every batch is the whole training set.
    ``fit`` spends most of its time on tiny data sets starting each epoch, so
    this is many times faster. Adam's variables are built before the first
    update, which spares TensorFlow a second tracing of the training step.
    Taught in notebook 05 (section 4, ``fit_full_batch``).

    Args:
        model: a compiled Keras model.
        X: inputs, shape (samples, n_steps) or (samples, n_steps, features);
            a 2-D ``X`` gets a trailing features axis of size 1.
        y: targets, shape (samples,) or (samples, 1).
        steps: number of updates (int, 1 to ``MAX_TRAINING_STEPS`` = 100,000).

    Returns:
        The mean training loss of each epoch: ``steps // 200`` epochs of 200
        updates, then one of the rest (one epoch in all when ``steps <= 200``).

    Raises:
        TypeError: ``model`` is not a Keras model, or is not compiled.
        ValueError: ``X`` or ``y`` hold NaN, infinity or values beyond float32,
            ``y`` is not one target per sample, their numbers of samples
            differ, or the windows do not have the shape the model reads.
    """
    import keras

    if not isinstance(model, keras.Model):
        raise TypeError(f"model must be a Keras model, got {type(model).__name__}")
    if getattr(model, "optimizer", None) is None:
        raise TypeError("model must be compiled first: model.compile(optimizer=..., loss=...)")
    steps = require_int(steps, "steps", 1, MAX_TRAINING_STEPS)
    try:
        X = np.asarray(X)
    except ValueError:  # ragged nested lists
        raise ValueError("X must be an array of windows that all have the same length") from None
    shapes = "(samples, n_steps) or (samples, n_steps, features)"
    # as_finite_array checks 1-D or 2-D data; a 3-D X is checked flat, then keeps its shape
    X = as_finite_array(X.reshape(-1) if X.ndim == 3 else X, "X", shapes).reshape(X.shape)
    if X.ndim == 2:
        X = X[..., np.newaxis]
    if X.ndim != 3:
        raise ValueError(f"X must have shape (samples, n_steps[, features]), got {X.shape}")
    y = as_finite_array(y, "y", "(samples,) or (samples, 1)")
    if y.ndim == 2 and y.shape[1] != 1:
        raise ValueError(f"y must have shape (samples,) or (samples, 1): one target per sample, got {y.shape}")
    y = y.reshape(-1)
    if len(y) != len(X):
        raise ValueError(f"X and y must hold the same, non-zero number of samples: {len(X)} and {len(y)}")
    X, y = _as_float32(X, "X"), _as_float32(y, "y")
    expected = tuple(getattr(model, "input_shape", (None, *X.shape[1:]))[1:])
    if None not in expected and tuple(X.shape[1:]) != expected:
        raise ValueError(
            f"X has windows of shape (n_steps, features) = {tuple(X.shape[1:])}, but the model "
            f"reads {expected}: build it for these windows, or cut windows of its length"
        )
    if not model.optimizer.built:
        model.optimizer.build(model.trainable_variables)  # else the first trace creates them
    per_epoch = min(steps, UPDATES_PER_EPOCH)
    losses = []
    for updates, epochs in ((per_epoch, steps // per_epoch), (steps % per_epoch, 1)):
        if updates == 0:
            continue
        history = model.fit(
            np.tile(X, (updates, 1, 1)),
            np.tile(y, updates),
            batch_size=len(X),
            epochs=epochs,
            shuffle=False,  # keeps every batch the whole training set
            verbose=0,
        )
        losses += history.history["loss"]
    return np.asarray(losses, dtype=np.float64)


def to_differences(X: ArrayLike, y: ArrayLike | None = None) -> tuple[np.ndarray, np.ndarray | None]:
    """Windows of values -> windows of changes; each target -> the change after its window.

    Row ``[70, 80, 90]`` becomes ``[10, 10]`` and its target ``100`` becomes
    ``100 - 90 = 10``. Taught in notebook 05, section 5.

    Args:
        X: windows, shape (samples, n_steps) with n_steps >= 2.
        y: targets, shape (samples,), or None.

    Returns:
        ``(np.diff(X, axis=1), y - X[:, -1])``; the second item is None when ``y`` is.

    Raises:
        TypeError, ValueError: ``X`` or ``y`` is not finite numbers of the right shape.
    """
    X = _as_windows(X, "X")
    if X.ndim != 2:
        raise ValueError(f"X must have shape (samples, n_steps), got {X.shape}")
    if X.shape[1] < 2:
        raise ValueError("X needs n_steps >= 2: a window of one value holds no change")
    changes = np.diff(X, axis=1)
    if y is None:
        return changes, None
    y = _as_float32(as_finite_array(y, "y", "(samples,) or (samples, 1)").reshape(-1), "y")
    if len(y) != len(X):
        raise ValueError(f"X and y must hold the same number of samples: {len(X)} and {len(y)}")
    return changes, y - X[:, -1]


def step_scale(sequence: ArrayLike) -> float:
    """Typical size of one step, ``mean(|x_t - x_{t-1}|)``; 1.0 for a constant sequence.

    Dividing the changes by it gives the network numbers near 1. Notebook 05.
    """
    values = _as_windows(sequence, "sequence")
    if values.ndim != 1 or len(values) < 2:
        raise ValueError(f"sequence must be 1-D with at least 2 values, got shape {values.shape}")
    scale = float(np.mean(np.abs(np.diff(values.astype(np.float64)))))
    return scale if scale > 0 else 1.0


@dataclass
class DifferencedForecaster:
    """An LSTM that forecasts the next *change*, scaled by ``scale``; notebook 05.

    ``predict_next([70, 80, 90])`` feeds the changes ``[10, 10] / scale`` to
    ``model`` and returns ``90 + scale * output``.
    """

    model: Any
    n_steps: int
    scale: float
    losses: np.ndarray  # mean training loss of each epoch (train_for_steps)

    def predict_next(self, window: ArrayLike) -> float | np.ndarray:
        """Forecast the value after ``window``.

        Args:
            window: the last ``n_steps`` values, shape (n_steps,), or a batch
                of windows, shape (batch, n_steps).

        Returns:
            A float for one window, an array of shape (batch,) for a batch.
        """
        windows = _as_windows(window, "window", self.n_steps)
        batch = windows.reshape(-1, self.n_steps)
        changes = np.diff(batch, axis=1) / np.float32(self.scale)
        output = np.asarray(self.model(changes[..., np.newaxis], training=False))[:, 0]
        forecast = batch[:, -1].astype(np.float64) + self.scale * output.astype(np.float64)
        return float(forecast[0]) if windows.ndim == 1 else forecast


def train_course_forecaster(
    sequence: ArrayLike | Sequence[float],
    n_steps: int = 3,
    *,
    seed: int = 0,
    steps: int = COURSE_TRAINING_STEPS,
) -> DifferencedForecaster:
    """Train notebook 05's fixed recipe on ``sequence`` and return the forecaster.

    The recipe: cut ``sequence`` into windows of ``n_steps`` values
    (``split_sequence``); turn each window into its ``n_steps - 1`` changes and
    each target into the change after the window (``to_differences``); divide
    by the typical step (``step_scale``); seed Python, NumPy and TensorFlow with
    ``keras.utils.set_random_seed(seed)``; build the classic model
    (``build_forecasting_model(n_steps - 1)``, unrolled over its few steps);
    make ``steps`` full-batch Adam updates (``train_for_steps``). On ``[10, 20, ..., 90]`` it predicts 100 for
    ``[70, 80, 90]``: notebook 05 asserts it to within 0.5; over seeds 0-19 we
    measured errors of at most 0.03 (``benchmarks/RESULTS.md`` re-measures them).
    It has learned only the steps it was trained on (notebook 05, section 5).

    Args:
        sequence: 1-D sequence of numbers, at least ``n_steps + 1`` long.
        n_steps: values per window (int >= 2, so a window holds a change).
        seed: random seed (int >= 0); it also reseeds the global generators.
        steps: number of Adam updates (int, 1 to ``MAX_TRAINING_STEPS`` = 100,000).

    Returns:
        A ``DifferencedForecaster``; call ``.predict_next(window)``.
    """
    n_steps = require_int(n_steps, "n_steps", 2)
    seed = require_int(seed, "seed", 0)
    steps = require_int(steps, "steps", 1, MAX_TRAINING_STEPS)
    scale = step_scale(sequence)  # first: it refuses 2-D data and values beyond float32's range
    X, y = split_sequence(sequence, n_steps)
    changes, next_change = to_differences(X, y)
    import keras

    keras.utils.set_random_seed(seed)
    model = build_forecasting_model(n_steps - 1, unroll=True, steps_per_execution=UPDATES_PER_EPOCH)
    losses = train_for_steps(model, changes / scale, next_change / scale, steps)
    return DifferencedForecaster(model=model, n_steps=n_steps, scale=scale, losses=losses)


def recursive_forecast(
    predict_next: Callable[[np.ndarray], Any], window: ArrayLike, horizon: int
) -> np.ndarray:
    """Forecast ``horizon`` steps ahead by feeding each forecast back in; notebook 05.

    Step k forecasts from the latest window, then slides the window: drop its
    oldest value, append the forecast. Errors therefore compound.

    Args:
        predict_next: maps a window to the next value. Called with the same
            number of dimensions as ``window``: 1-D -> a number, 2-D (batch,
            n_steps) -> an array of shape (batch,).
        window: the last observed values, shape (n_steps,) or (batch, n_steps).
        horizon: how many steps ahead (int, 1 to ``MAX_HORIZON`` = 10,000).

    Returns:
        Forecasts of shape (horizon,) for a 1-D window, (batch, horizon) for 2-D.

    Raises:
        TypeError: ``predict_next`` returned something that is not real
            numbers (a string, booleans, complex numbers).
        ValueError: ``predict_next`` returned None, NaN or infinity, or not
            one number per window; the message names the function.
    """
    if not callable(predict_next):
        raise TypeError(f"predict_next must be callable, got {type(predict_next).__name__}")
    horizon = require_int(horizon, "horizon", 1, MAX_HORIZON)
    current = _as_windows(window, "window").astype(np.float64)
    label = getattr(predict_next, "__name__", "predict_next")
    label = f"predict_next ({label})" if label not in ("predict_next", "<lambda>") else "predict_next"
    forecasts = []
    for step in range(horizon):
        returned = predict_next(current.copy())
        if returned is None:
            raise ValueError(f"{label} returned None at step {step + 1}: did it forget `return`?")
        try:
            if isinstance(returned, (str, bytes)):
                raise TypeError
            value = np.asarray(returned)
            if value.dtype.kind not in "iuf":  # not bool, complex, strings or objects
                raise TypeError
            value = value.astype(np.float64)
        except (TypeError, ValueError):
            kind = getattr(getattr(returned, "dtype", None), "name", type(returned).__name__)
            raise TypeError(f"{label} must return real numbers (one per window), got {kind}") from None
        if not np.all(np.isfinite(value)):
            raise ValueError(f"{label} returned NaN or infinity at step {step + 1}")
        expected = current.shape[:-1]
        count = int(np.prod(expected))  # 1 for a 1-D window
        if value.size != count or (count > 1 and value.shape not in (expected, (*expected, 1))):
            raise ValueError(
                f"predict_next returned shape {value.shape} at step {step + 1}; "
                f"expected one number per window, shape {expected}"
            )
        value = value.reshape(expected)
        forecasts.append(value)
        current = np.concatenate([current[..., 1:], value[..., np.newaxis]], axis=-1)
    return np.stack(forecasts, axis=-1)
