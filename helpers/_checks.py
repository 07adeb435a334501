"""Argument checks shared by the helpers: one wording for every bad-input error.

Private to the package (no notebook teaches it); each public helper calls these
so that a bad argument raises a ``TypeError`` or ``ValueError`` naming it.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def check_int(value: Any, name: str, minimum: int | None = None) -> int:
    """``value`` as an int; ``TypeError`` unless it is one (bool is not), ``ValueError`` below ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    return int(value)


def as_finite_array(value: Any, name: str, shapes: str = "1-D or 2-D") -> np.ndarray:
    """``value`` as a non-empty, finite, real array of 1 or 2 dimensions.

    Args:
        value: the argument to check.
        name: its name, used in every error message.
        shapes: how the error for a wrong number of dimensions describes them,
            e.g. ``"1-D (time,) or 2-D (time, features)"``.

    Raises:
        TypeError: a string, booleans, or anything that is not real numbers.
        ValueError: ragged, not 1-D or 2-D, empty, or holding NaN or infinity.
    """
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must hold numbers, got a string")
    try:
        values = np.asarray(value)
    except ValueError as error:  # ragged nested lists
        raise ValueError(f"{name} must be a 1-D or 2-D array of numbers ({error})") from None
    if values.dtype == bool or not (
        np.issubdtype(values.dtype, np.integer) or np.issubdtype(values.dtype, np.floating)
    ):
        raise TypeError(f"{name} must hold numbers, got dtype {values.dtype}")
    if values.ndim not in (1, 2):
        raise ValueError(f"{name} must be {shapes}, got shape {values.shape}")
    if values.size == 0:
        raise ValueError(f"{name} is empty")
    if not np.all(np.isfinite(values)):
        raise ValueError(f"{name} holds NaN or infinite values")
    return values
