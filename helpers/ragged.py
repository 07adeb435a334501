"""Sequences of different lengths ("ragged") made into one padded batch, with checks.

Taught in notebooks/09_classifying_whole_sequences.ipynb, which first calls
``keras.utils.pad_sequences`` itself and shows what it does silently: it cuts
sequences longer than ``maxlen`` (from the front, by default) and pads with
whatever value it is given. ``pad_ragged`` does the same padding, but refuses
what would give a silently wrong batch: an empty sequence, sequences with
different numbers of channels, NaN or infinite values, a padding value that a
real frame holds (the mask would hide that frame), and a length shorter than a
sequence unless truncation is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from helpers._validation import as_finite_array, require_choice, require_int, require_number


def split_by_lengths(frames: Any, lengths: Any) -> list[np.ndarray]:
    """Cut a (frames, channels) array into consecutive sequences of the given lengths.

    This is how a ragged data set is stored compactly: every frame one after
    the other, and the length of each sequence. Sequence ``i`` is
    ``frames[start:start + lengths[i]]``, with ``start`` the sum of the lengths
    before it.

    Args:
        frames: shape (total frames, channels), finite numbers.
        lengths: one int >= 1 per sequence, adding up to ``len(frames)``.

    Returns:
        A list of arrays of shape (lengths[i], channels).

    Raises:
        TypeError: ``frames`` or ``lengths`` does not hold numbers, or a length
            is not a whole number.
        ValueError: ``frames`` is not 2-D, is empty or holds NaN; a length is
            below 1; or the lengths do not add up to the number of frames.
    """
    values = as_finite_array(frames, "frames", "2-D (frames, channels)", ndim=2, float32=False)
    sizes = as_finite_array(lengths, "lengths", "1-D (one length per sequence)", ndim=1, float32=False)
    if not np.all(sizes == np.round(sizes)):
        raise TypeError("lengths must hold whole numbers")
    sizes = sizes.astype(np.int64)
    if sizes.min() < 1:
        raise ValueError(f"lengths must all be >= 1, got {int(sizes.min())}")
    if sizes.sum() != len(values):
        raise ValueError(f"lengths add up to {int(sizes.sum())}, but frames has {len(values)} rows")
    return np.split(values, np.cumsum(sizes)[:-1])


def pad_ragged(
    sequences: Sequence[Any],
    length: int | None = None,
    *,
    padding: str = "post",
    value: float = 0.0,
    truncate: str | None = None,
) -> np.ndarray:
    """Pad sequences of (time, channels) to one float32 array (batch, length, channels).

    The same result as ``keras.utils.pad_sequences(sequences, maxlen=length,
    dtype="float32", padding=padding, truncating=truncate, value=value)``, after
    checks that make a silently wrong batch impossible.

    Args:
        sequences: a list of 2-D arrays (time, channels), all with the same
            number of channels, each at least one frame long.
        length: frames per padded sequence; None for the longest sequence.
        padding: "post" (padding after each sequence) or "pre" (before it).
        value: the number every padding frame holds. A ``Masking`` layer with
            ``mask_value=value`` then skips exactly the padding, so no real
            frame may consist of this value alone.
        truncate: None (a sequence longer than ``length`` is an error), or
            "pre" / "post" to drop its first / last frames.

    Returns:
        A float32 array of shape (len(sequences), length, channels).

    Raises:
        TypeError: ``sequences`` is not a list or tuple of arrays, ``length`` is
            not an int, or ``value`` is not a number.
        ValueError: no sequences; a sequence that is empty, not 2-D, or holds
            NaN or infinity; different numbers of channels; a real frame that
            equals the padding value in every channel; ``padding`` or
            ``truncate`` not one of the choices; or a sequence longer than
            ``length`` while ``truncate`` is None.
    """
    if isinstance(sequences, np.ndarray) or not isinstance(sequences, (list, tuple)):
        raise TypeError(f"sequences must be a list of 2-D arrays, got {type(sequences).__name__}")
    if not sequences:
        raise ValueError("sequences is empty: there is nothing to pad")
    padding = require_choice(padding, "padding", ("post", "pre"))
    if truncate is not None:
        truncate = require_choice(truncate, "truncate", ("post", "pre"))
    value = require_number(value, "value")
    arrays = []
    for i, sequence in enumerate(sequences):
        if isinstance(sequence, (list, tuple)) and len(sequence) == 0:
            raise ValueError(f"sequences[{i}] is empty: every sequence needs at least one frame")
        if isinstance(sequence, np.ndarray) and sequence.size == 0:
            raise ValueError(f"sequences[{i}] is empty: every sequence needs at least one frame")
        array = as_finite_array(sequence, f"sequences[{i}]", "2-D (time, channels)", ndim=2)
        if arrays and array.shape[1] != arrays[0].shape[1]:
            raise ValueError(f"sequences[{i}] has {array.shape[1]} channels, but sequences[0] has "
                             f"{arrays[0].shape[1]}: every sequence needs the same channels")
        if np.any(np.all(array == value, axis=1)):
            raise ValueError(f"sequences[{i}] has a frame equal to the padding value {value} in every "
                             "channel: a mask would hide it. Choose another value")
        arrays.append(array)
    longest = max(len(a) for a in arrays)
    if length is None:
        length = longest
    length = require_int(length, "length", minimum=1)
    if longest > length and truncate is None:
        too_long = next(i for i, a in enumerate(arrays) if len(a) > length)
        raise ValueError(f"sequences[{too_long}] has {len(arrays[too_long])} frames, more than length="
                         f"{length}; pass truncate='pre' or 'post' to cut it, or a larger length")
    batch = np.full((len(arrays), length, arrays[0].shape[1]), value, dtype=np.float32)
    for i, array in enumerate(arrays):
        if len(array) > length:
            array = array[-length:] if truncate == "pre" else array[:length]
        if padding == "post":
            batch[i, : len(array)] = array
        else:
            batch[i, length - len(array):] = array
    return batch
