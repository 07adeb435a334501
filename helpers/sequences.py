"""Turn time series into supervised (window -> what comes next) samples.

``split_sequence`` is taught in notebooks/05_univariate_lstm_forecasting.ipynb
and ``make_windows``, its general form (several input and target columns,
several steps out), in notebooks/07_multivariate_and_multistep.ipynb. Each
notebook writes the loop out in full before handing it to the helper.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from helpers._validation import as_finite_array, require_int


def _columns(value: Sequence[int] | None, name: str, n_features: int) -> list[int]:
    """Column indices as a list of ints in ``range(n_features)`` (None: all)."""
    if value is None:
        return list(range(n_features))
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence | np.ndarray):
        raise TypeError(f"{name} must be a list of column indices, got {type(value).__name__}")
    columns = [require_int(c, f"{name}[{k}]") for k, c in enumerate(value)]
    if not columns:
        raise ValueError(f"{name} must name at least one column")
    for c in columns:
        if not -n_features <= c < n_features:
            raise ValueError(f"{name} holds column {c}, but the data has {n_features} column(s)")
    columns = [c % n_features for c in columns]
    if len(set(columns)) != len(columns):
        raise ValueError(f"{name} names a column twice: {list(value)}")
    return columns


def make_windows(
    data: ArrayLike,
    n_in: int,
    n_out: int = 1,
    *,
    inputs: Sequence[int] | None = None,
    targets: Sequence[int] | None = None,
    lead: int = 1,
    flatten: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Cut a (time, features) array into input windows and the target rows after them.

    Sample ``i`` reads ``n_in`` rows starting at row ``i`` (columns ``inputs``)
    and its target is ``n_out`` rows of columns ``targets``, starting ``lead``
    rows after the window's last row. With the defaults (``lead=1``) the target
    is what comes right after the window, which is forecasting; ``lead=0``
    labels the window's own last row, as when the target is a function of the
    inputs measured at the same time.

    Args:
        data: shape (time,) for one series or (time, features) for several.
        n_in: rows per input window, >= 1.
        n_out: target rows per sample (steps ahead), >= 1.
        inputs: column indices fed to the model (default: every column).
        targets: column indices to predict (default: every column).
        lead: rows from the window's last row to the first target row, >= 0.
        flatten: return ``y`` as (samples, n_out * n_targets), step-major
            (all targets of step 1, then of step 2, ...), the shape a
            ``Dense(n_out * n_targets)`` layer outputs.

    Returns:
        ``X`` (float32) of shape (samples, n_in, n_inputs) and ``y`` (float32)
        of shape (samples, n_out, n_targets), or (samples, n_out * n_targets)
        with ``flatten``, where ``samples = time - n_in - n_out - lead + 2``.

    Raises:
        TypeError: a count is not an int, ``data`` is not numeric, ``inputs``
            or ``targets`` is not a list of ints, or ``flatten`` is not a bool.
        ValueError: ``data`` is empty, ragged, not 1-D or 2-D, or not finite; a
            count is out of range; a column index is out of range or repeated;
            or the series is too short for one sample.
    """
    n_in = require_int(n_in, "n_in", minimum=1)
    n_out = require_int(n_out, "n_out", minimum=1)
    lead = require_int(lead, "lead", minimum=0)
    if not isinstance(flatten, bool):
        raise TypeError(f"flatten must be True or False, got {type(flatten).__name__}")
    values = as_finite_array(data, "data", "1-D (time,) or 2-D (time, features)")
    if values.ndim == 1:
        values = values[:, None]
    n_features = values.shape[1]
    input_columns = _columns(inputs, "inputs", n_features)
    target_columns = _columns(targets, "targets", n_features)
    n_samples = len(values) - n_in - n_out - lead + 2
    if n_samples < 1:
        raise ValueError(
            f"data has {len(values)} rows, too few for one sample of n_in={n_in}, "
            f"n_out={n_out}, lead={lead} (needs {n_in + n_out + lead - 1})"
        )
    values = values.astype(np.float32)
    first_target = n_in - 1 + lead
    X = np.stack([values[i : i + n_in, input_columns] for i in range(n_samples)])
    y = np.stack([values[i + first_target : i + first_target + n_out, target_columns]
                  for i in range(n_samples)])
    if flatten:
        y = y.reshape(n_samples, n_out * len(target_columns))
    return X, y


def split_sequence(sequence: ArrayLike | Sequence[float], n_steps: int) -> tuple[np.ndarray, np.ndarray]:
    """Split a sequence into windows of ``n_steps`` values and the value after each.

    Row ``i`` of ``X`` is ``sequence[i : i + n_steps]`` and ``y[i]`` is
    ``sequence[i + n_steps]``, so ``[10, 20, 30, 40, 50]`` with ``n_steps=3``
    gives ``X = [[10, 20, 30], [20, 30, 40]]`` and ``y = [40, 50]``.

    Args:
        sequence: a 1-D sequence of numbers, or a 2-D array of shape
            (time, features) for several series measured together.
        n_steps: window length, an int with ``1 <= n_steps < len(sequence)``.

    Returns:
        ``X`` (float32) of shape (samples, n_steps) for 1-D input or
        (samples, n_steps, features) for 2-D input, and ``y`` (float32) of
        shape (samples,) or (samples, features), where
        ``samples = len(sequence) - n_steps``.

    Raises:
        TypeError: ``n_steps`` is not an int, or ``sequence`` is not numeric.
        ValueError: ``sequence`` is empty, not 1-D or 2-D, or holds NaN or
            infinity; or ``n_steps`` is out of range.
    """
    n_steps = require_int(n_steps, "n_steps", minimum=1)
    values = as_finite_array(sequence, "sequence", "1-D (time,) or 2-D (time, features)")
    if n_steps >= len(values):
        raise ValueError(
            f"n_steps must be < len(sequence) = {len(values)} so that at least one "
            f"window has a next value, got {n_steps}"
        )
    # The univariate, one-step case of make_windows.
    X, y = make_windows(values, n_steps)
    if values.ndim == 1:
        return X[:, :, 0], y[:, 0, 0]
    return X, y[:, 0, :]
