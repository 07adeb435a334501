"""Turn a time series into supervised (window -> next value) samples.

Taught in notebooks/05_univariate_lstm_forecasting.ipynb, which writes the
loop out in full before handing it to this helper.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from helpers._checks import as_finite_array, check_int


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
    n_steps = check_int(n_steps, "n_steps", minimum=1)
    values = as_finite_array(sequence, "sequence", "1-D (time,) or 2-D (time, features)")
    if n_steps >= len(values):
        raise ValueError(
            f"n_steps must be < len(sequence) = {len(values)} so that at least one "
            f"window has a next value, got {n_steps}"
        )
    values = values.astype(np.float32)
    n_samples = len(values) - n_steps
    X = np.stack([values[i : i + n_steps] for i in range(n_samples)])
    y = values[n_steps:].copy()
    return X, y
