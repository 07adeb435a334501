"""Argument validation shared by the helpers: one wording for every bad-input error.

Private to the package (no notebook teaches it). Every public helper checks its
arguments with these, so a bad argument raises a ``TypeError`` (wrong kind) or
``ValueError`` (right kind, wrong value) that names it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

#: NumPy's and Keras's seeds must fit in 32 bits.
MAX_SEED = 2**32 - 1
#: The largest float32; Keras computes in float32, so larger values would become inf.
FLOAT32_MAX = float(np.finfo(np.float32).max)


def require_int(value: Any, name: str, minimum: int | None = None, maximum: int | None = None) -> int:
    """``value`` as an int (NumPy ints too; a bool is not an int); ``ValueError`` outside the bounds."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    value = int(value)
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be <= {maximum}, got {value}")
    return value


def require_seed(value: Any, name: str = "seed", offset: int = 0) -> int:
    """A random seed: an int from 0 to ``2**32 - 1 - offset`` (the caller adds up to ``offset``)."""
    return require_int(value, name, 0, MAX_SEED - offset)


def require_number(
    value: Any, name: str, minimum: float | None = None, maximum: float | None = None, *, positive: bool = False
) -> float:
    """``value`` as a finite float (a bool is not a number), within the bounds, and > 0 if ``positive``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float
        number = math.inf
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number, got {value}")
    if minimum is not None and number < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {number}")
    if maximum is not None and number > maximum:
        raise ValueError(f"{name} must be <= {maximum}, got {number}")
    if positive and number <= 0:
        raise ValueError(f"{name} must be > 0, got {number}")
    return number


def require_choice(value: Any, name: str, choices: Sequence[str]) -> str:
    """``value``, a string that is one of ``choices``."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, one of {tuple(choices)}, got {type(value).__name__}")
    if value not in choices:
        raise ValueError(f"{name} must be one of {tuple(choices)}, got {value!r}")
    return value


def as_finite_array(
    value: Any,
    name: str,
    shapes: str = "1-D or 2-D",
    *,
    ndim: int | tuple[int, ...] = (1, 2),
    float32: bool = True,
) -> np.ndarray:
    """``value`` as a non-empty, finite, real NumPy array.

    Args:
        value: the argument to check.
        name: its name, used in every error message.
        shapes: how the error for a wrong number of dimensions describes them,
            e.g. ``"1-D (time,) or 2-D (time, features)"``.
        ndim: the number(s) of dimensions allowed.
        float32: also refuse values beyond float32's range (about 3.4e38), which
            would become infinity when Keras or the helper casts them to float32.

    Raises:
        TypeError: a string, booleans, or anything that is not real numbers.
        ValueError: ragged, the wrong number of dimensions, empty, holding NaN or
            infinity, (with ``float32``) too large for float32, or a pandas
            object whose dates are not in increasing order or repeat.
    """
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must hold numbers, got a string")
    try:
        values = np.asarray(value)
    except (ValueError, TypeError) as error:  # ragged nested lists
        raise ValueError(f"{name} must be a {shapes} array of numbers ({error})") from None
    if values.dtype == object:  # ints too large for int64, or mixed objects
        try:
            values = values.astype(np.float64)
        except OverflowError:
            raise ValueError(f"{name} holds a number too large for a float") from None
        except (TypeError, ValueError):
            raise TypeError(f"{name} must hold numbers, got dtype object") from None
    if values.dtype == bool or not (
        np.issubdtype(values.dtype, np.integer) or np.issubdtype(values.dtype, np.floating)
    ):
        raise TypeError(f"{name} must hold numbers, got dtype {values.dtype}")
    allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
    if values.ndim not in allowed:
        raise ValueError(f"{name} must be {shapes}, got shape {values.shape}")
    if values.size == 0:
        raise ValueError(f"{name} is empty")
    if not np.all(np.isfinite(values)):
        raise ValueError(f"{name} holds NaN or infinite values")
    _refuse_unordered_dates(value, name)
    # only wider floats can exceed float32 (comparing float16 with 3.4e38 would warn of overflow)
    if float32 and values.dtype.kind == "f" and values.dtype.itemsize > 4 and np.max(np.abs(values)) > FLOAT32_MAX:
        raise ValueError(f"{name} holds values beyond float32's range (±{FLOAT32_MAX:.3g}); they would become inf")
    return values


def _refuse_unordered_dates(value: Any, name: str) -> None:
    """A pandas Series or DataFrame indexed by dates must run forward in time, each date once:
    windows are cut in row order, so a descending or repeated date would cut wrong windows."""
    index = getattr(value, "index", None)
    if type(index).__name__ not in ("DatetimeIndex", "PeriodIndex", "TimedeltaIndex"):
        return
    if not index.is_unique:
        raise ValueError(f"{name}'s date index repeats dates (e.g. {index[index.duplicated()][0]}); "
                         "keep one row per date")
    if not index.is_monotonic_increasing:
        raise ValueError(f"{name}'s date index is not in increasing order; sort it first (.sort_index())")
