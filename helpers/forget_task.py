"""A task that needs forgetting: remember the value at the *last* marked step.

Taught in notebooks/04_rnn_vs_lstm_long_gaps.ipynb (section 8, "A memory that
must be replaced"), which builds one sample by hand before using
:func:`make_overwrite_task`; tools/overwrite_sweep.py calls the same functions
for the five-seed results in data/overwrite_sweep.json.

Each time step carries a random value and a mark flag. A few early steps are
marked; the answer is the value at the last mark, asked for after ``gap``
unmarked steps. Every new mark must replace what the memory holds, so an LSTM
that solves it has a reason to *forget* (close its forget gate at a mark) and to
write only at marks (open its input gate there, keep it shut elsewhere).
TensorFlow is imported only by the functions that build or train a model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import ArrayLike

from helpers._validation import as_finite_array, require_choice, require_int, require_number, require_seed
from helpers.memory_task import require_gate_bias, set_memory_gate_bias

if TYPE_CHECKING:  # type hints only; importing keras starts TensorFlow
    import keras

__all__ = [
    "OVERWRITE_CELLS",
    "make_overwrite_task",
    "build_overwrite_model",
    "explained_variance",
    "train_overwrite_model",
    "gate_levels",
]

OVERWRITE_CELLS = ("SimpleRNN", "LSTM")


def make_overwrite_task(
    n_samples: int,
    gap: int,
    *,
    lead: int = 10,
    n_marks: int = 3,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Make ``n_samples`` sequences whose answer is the value at the last marked step.

    Each sequence has ``T = lead + gap`` steps and 2 features:

    * feature 0, the value: uniform on [-1, 1] at every step, marked or not;
    * feature 1, the mark: 1 at ``n_marks`` distinct steps drawn among the
      first ``lead`` steps, 0 elsewhere.

    The answer ``y`` is feature 0 at the last mark, so at least ``gap`` steps
    of unmarked values follow it. A model that forgot it (or kept an earlier
    mark's value) can do no better than answer 0, the mean.

    Args:
        n_samples: number of sequences, >= 1.
        gap: number of steps after the ``lead`` steps, >= 0.
        lead: number of steps in which the marks fall, >= ``n_marks``.
        n_marks: marks per sequence, >= 1.
        seed: seed of the NumPy generator; the same arguments give the same data.

    Returns:
        ``X`` (float32) of shape (n_samples, lead + gap, 2), ``y`` (float32) of
        shape (n_samples,), and ``marks`` (bool) of shape (n_samples, lead + gap),
        True at the marked steps (array index ``t - 1`` holds step t).

    Raises:
        TypeError: an argument is not an int.
        ValueError: an argument is out of range.
    """
    n_samples = require_int(n_samples, "n_samples", 1)
    gap = require_int(gap, "gap", 0)
    n_marks = require_int(n_marks, "n_marks", 1)
    lead = require_int(lead, "lead", n_marks)
    seed = require_seed(seed)

    rng = np.random.default_rng(seed)
    steps = lead + gap
    values = rng.uniform(-1.0, 1.0, size=(n_samples, steps)).astype(np.float32)
    # n_marks distinct steps among the first `lead`: the smallest of `lead` random keys
    positions = np.argsort(rng.random((n_samples, lead)), axis=1)[:, :n_marks]
    marks = np.zeros((n_samples, steps), dtype=bool)
    marks[np.arange(n_samples)[:, None], positions] = True
    last = positions.max(axis=1)
    X = np.stack([values, marks.astype(np.float32)], axis=-1)
    y = values[np.arange(n_samples), last]
    return X, y, marks


def build_overwrite_model(
    cell: str,
    *,
    units: int = 8,
    forget_gate_bias: float | None = 5.0,
    learning_rate: float = 1e-2,
) -> keras.Model:
    """Build and compile ``Input -> cell(units) -> Dense(1)`` for the overwrite task.

    The dense layer reads ``h_T`` and answers one number (no activation);
    compiled with Adam and the mean squared error.

    Args:
        cell: "SimpleRNN" or "LSTM".
        units: hidden units, >= 1.
        forget_gate_bias: the LSTM's initial forget-gate bias ``b_f`` (the second
            quarter of its bias, set by :func:`helpers.memory_task.set_memory_gate_bias`),
            within float32's range; None keeps Keras's 1. Must be None for a SimpleRNN.
        learning_rate: Adam's learning rate, > 0.

    Raises:
        TypeError, ValueError: an argument has the wrong type or value.
    """
    cell = require_choice(cell, "cell", OVERWRITE_CELLS)
    units = require_int(units, "units", 1)
    learning_rate = require_number(learning_rate, "learning_rate", positive=True)
    forget_gate_bias = require_gate_bias(forget_gate_bias, "forget_gate_bias", cell, ("LSTM",), "it has no gate")
    import keras

    recurrent = getattr(keras.layers, cell)(units)
    model = keras.Sequential(
        [keras.Input(shape=(None, 2)), recurrent, keras.layers.Dense(1)],
        name=f"overwrite_{cell.lower()}",
    )
    if forget_gate_bias is not None:
        set_memory_gate_bias(recurrent, forget_gate_bias, "forget_gate_bias")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="mse")
    return model


def explained_variance(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    """``1 - mean((y_true - y_pred)²) / var(y_true)``: 1 is perfect, 0 is no better than the mean.

    Raises:
        ValueError: the arrays are empty, not finite, of different sizes, or
            ``y_true`` does not vary.
    """
    truth = as_finite_array(y_true, "y_true", float32=False).astype(float).ravel()
    pred = as_finite_array(y_pred, "y_pred", float32=False).astype(float).ravel()
    if truth.shape != pred.shape:
        raise ValueError(f"y_pred must have {truth.size} values like y_true, got {pred.size}")
    variance = float(np.var(truth))
    if variance == 0.0:
        raise ValueError("y_true must vary (its variance is 0)")
    return 1.0 - float(np.mean((truth - pred) ** 2)) / variance


def train_overwrite_model(
    cell: str,
    gap: int,
    *,
    seed: int = 0,
    forget_gate_bias: float | None = 5.0,
    units: int = 8,
    lead: int = 10,
    n_marks: int = 3,
    n_train: int = 2048,
    n_test: int = 1000,
    epochs: int = 15,
    batch_size: int = 64,
    learning_rate: float = 1e-2,
) -> tuple[keras.Model, dict[str, Any]]:
    """Train one model on the overwrite task; return it and its scores.

    Seeds Python, NumPy and TensorFlow with ``seed`` before building the model.
    Training data use NumPy seed ``1000 + seed``, test data ``2000 + seed``.
    A SimpleRNN ignores ``forget_gate_bias``.

    Returns:
        The trained model, and a dict with the settings, ``test_score`` (the
        explained variance on the test data) and ``train_loss`` (per epoch).
    """
    cell = require_choice(cell, "cell", OVERWRITE_CELLS)
    seed = require_seed(seed, offset=2000)
    epochs = require_int(epochs, "epochs", 1)
    batch_size = require_int(batch_size, "batch_size", 1)
    task = {"lead": lead, "n_marks": n_marks}
    X_train, y_train, _ = make_overwrite_task(n_train, gap, seed=1000 + seed, **task)
    X_test, y_test, _ = make_overwrite_task(n_test, gap, seed=2000 + seed, **task)
    import keras

    keras.utils.set_random_seed(seed)
    bias = forget_gate_bias if cell == "LSTM" else None
    model = build_overwrite_model(cell, units=units, forget_gate_bias=bias,
                                  learning_rate=learning_rate)
    history = model.fit(X_train, y_train, epochs=epochs, batch_size=batch_size, verbose=0)
    # calling the model (not model.predict) builds no new tf.function per model
    prediction = np.asarray(model(X_test, training=False))
    return model, {
        "cell": cell,
        "gap": int(gap),
        "seed": seed,
        "forget_gate_bias": bias,
        "units": int(units),
        "test_score": explained_variance(y_test, prediction),
        "train_loss": [float(loss) for loss in history.history["loss"]],
    }


def gate_levels(gates: ArrayLike, marks: ArrayLike) -> dict[str, np.ndarray]:
    """Mean gate value per unit at three kinds of step, from a gate trace.

    Args:
        gates: one gate (e.g. ``lstm_gate_trace(...)["f"]``), shape (batch, time, units).
        marks: the task's marks, bool of shape (batch, time).

    Returns:
        A dict of arrays of shape (units,): ``"first_mark"`` (the mean at each
        sequence's first mark), ``"later_marks"`` (at the marks after it: the
        overwrites) and ``"unmarked"`` (at every unmarked step after the first
        mark). Units keep their order, but nothing here depends on it.

    Raises:
        ValueError: shapes do not fit, or a sequence has fewer than two marks.
    """
    values = as_finite_array(gates, "gates", "3-D (batch, time, units)", ndim=3,
                             float32=False).astype(float)
    marks = np.asarray(marks)
    if marks.dtype != bool or marks.shape != values.shape[:2]:
        raise ValueError(f"marks must be a bool array of shape {values.shape[:2]}, "
                         f"got {marks.dtype} {marks.shape}")
    count = np.cumsum(marks, axis=1)
    if np.any(count[:, -1] < 2):
        raise ValueError("marks: every sequence needs at least two marks (one overwrite)")
    first = marks & (count == 1)
    later = marks & (count >= 2)
    unmarked = ~marks & (count >= 1)
    return {name: values[where].mean(axis=0)
            for name, where in [("first_mark", first), ("later_marks", later),
                                ("unmarked", unmarked)]}
