"""helpers.ragged: the same batches as keras.utils.pad_sequences, and clear errors for bad input."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.ragged import pad_ragged, split_by_lengths

RNG = np.random.default_rng(0)
SEQUENCES = [RNG.normal(size=(n, 3)) + 5 for n in (4, 1, 6)]


@pytest.mark.parametrize("padding", ["post", "pre"])
@pytest.mark.parametrize(("length", "truncate"), [(None, None), (6, None), (9, None), (3, "pre"), (3, "post")])
def test_matches_keras_pad_sequences(padding, length, truncate):
    import keras

    ours = pad_ragged(SEQUENCES, length, padding=padding, truncate=truncate, value=-1.5)
    theirs = keras.utils.pad_sequences(SEQUENCES, maxlen=length, dtype="float32", padding=padding,
                                       truncating=truncate or "pre", value=-1.5)
    assert ours.dtype == np.float32 and ours.shape == theirs.shape
    np.testing.assert_array_equal(ours, theirs)


def test_post_and_pre_put_the_frames_at_either_end():
    batch = pad_ragged([np.array([[1.0], [2.0]]), np.array([[3.0]])], padding="post")
    np.testing.assert_array_equal(batch[:, :, 0], [[1, 2], [3, 0]])
    batch = pad_ragged([np.array([[1.0], [2.0]]), np.array([[3.0]])], 3, padding="pre", value=9)
    np.testing.assert_array_equal(batch[:, :, 0], [[9, 1, 2], [9, 9, 3]])


def test_lists_of_lists_and_ints_are_read():
    batch = pad_ragged([[[1, 2]], [[3, 4], [5, 6]]])
    assert batch.shape == (2, 2, 2) and batch.dtype == np.float32


@pytest.mark.parametrize(
    ("sequences", "kwargs", "error", "words"),
    [
        ([np.ones((3, 2)), np.ones((0, 2))], {}, ValueError, "sequences[1] is empty"),
        ([np.ones((3, 2)), []], {}, ValueError, "sequences[1] is empty"),
        ([], {}, ValueError, "sequences is empty"),
        ([np.ones((3, 2)), np.ones((3, 4))], {}, ValueError, "sequences[1] has 4 channels"),
        ([np.ones((3, 2)), np.array([[1.0, np.nan]])], {}, ValueError, "sequences[1] holds NaN"),
        ([np.ones((3, 2)), np.array([[1.0, np.inf]])], {}, ValueError, "sequences[1] holds NaN or infinite"),
        ([np.ones((5, 2))], {"length": 3}, ValueError, "more than length=3"),
        ([np.ones((3, 2)), np.zeros((2, 2))], {}, ValueError, "padding value 0.0"),
        ([np.ones(3)], {}, ValueError, "sequences[0] must be 2-D"),
        ([np.ones((3, 2))], {"padding": "middle"}, ValueError, "padding must be one of"),
        ([np.ones((3, 2))], {"truncate": "both"}, ValueError, "truncate must be one of"),
        ([np.ones((3, 2))], {"length": 0}, ValueError, "length must be >= 1"),
        ([np.ones((3, 2))], {"length": 2.5}, TypeError, "length must be an int"),
        ([np.ones((3, 2))], {"value": "zero"}, TypeError, "value must be a number"),
        ([np.ones((3, 2))], {"value": float("nan")}, ValueError, "value must be a finite"),
        (np.ones((2, 3, 2)), {}, TypeError, "sequences must be a list"),
        ("abc", {}, TypeError, "sequences must be a list"),
        ([np.array([["a", "b"]])], {}, TypeError, "sequences[0] must hold numbers"),
    ],
)
def test_bad_input_is_refused_by_name(sequences, kwargs, error, words):
    with pytest.raises(error) as raised:
        pad_ragged(sequences, **kwargs)
    assert words in str(raised.value)


def test_split_by_lengths_inverts_concatenation():
    frames = np.concatenate(SEQUENCES)
    parts = split_by_lengths(frames, [4, 1, 6])
    assert [p.shape for p in parts] == [(4, 3), (1, 3), (6, 3)]
    for part, original in zip(parts, SEQUENCES, strict=True):
        np.testing.assert_array_equal(part, original)


@pytest.mark.parametrize(
    ("frames", "lengths", "error", "words"),
    [
        (np.ones((5, 2)), [2, 2], ValueError, "add up to 4"),
        (np.ones((5, 2)), [5, 0], ValueError, ">= 1"),
        (np.ones((5, 2)), [2.5, 2.5], TypeError, "whole numbers"),
        (np.ones(5), [5], ValueError, "frames must be 2-D"),
        (np.full((2, 2), np.nan), [2], ValueError, "frames holds NaN"),
        (np.ones((2, 2)), [], ValueError, "lengths is empty"),
        (np.ones((2, 2)), ["2"], TypeError, "lengths must hold numbers"),
    ],
)
def test_split_by_lengths_refuses_bad_input(frames, lengths, error, words):
    with pytest.raises(error) as raised:
        split_by_lengths(frames, lengths)
    assert words in str(raised.value)
