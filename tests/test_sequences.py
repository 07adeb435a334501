"""split_sequence: the seed's semantics, shapes, dtypes and bad input."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import split_sequence

SEED_SEQUENCE = [10, 20, 30, 40, 50, 60, 70, 80, 90]


def seed_split(sequence, n_steps):
    """The seed notebook's loop, kept as the reference for the semantics."""
    X, y = [], []
    for i in range(len(sequence)):
        end = i + n_steps
        if end > len(sequence) - 1:
            break
        X.append(sequence[i:end])
        y.append(sequence[end])
    return np.array(X), np.array(y)


def test_seed_example():
    X, y = split_sequence(SEED_SEQUENCE, 3)
    assert X.shape == (6, 3) and y.shape == (6,)
    assert X.dtype == np.float32 and y.dtype == np.float32
    np.testing.assert_array_equal(X[0], [10, 20, 30])
    np.testing.assert_array_equal(X[-1], [60, 70, 80])
    np.testing.assert_array_equal(y, [40, 50, 60, 70, 80, 90])


@pytest.mark.parametrize("length", [2, 3, 7, 20])
@pytest.mark.parametrize("n_steps", [1, 2, 5])
def test_matches_seed_loop(length, n_steps):
    sequence = list(np.random.default_rng(length * 10 + n_steps).normal(size=length))
    if n_steps >= length:
        with pytest.raises(ValueError, match="n_steps"):
            split_sequence(sequence, n_steps)
        return
    X, y = split_sequence(sequence, n_steps)
    X_ref, y_ref = seed_split(sequence, n_steps)
    np.testing.assert_allclose(X, X_ref, rtol=1e-6)
    np.testing.assert_allclose(y, y_ref, rtol=1e-6)


def test_two_dimensional_input():
    series = np.arange(20, dtype=float).reshape(10, 2)  # (time, features)
    X, y = split_sequence(series, 4)
    assert X.shape == (6, 4, 2) and y.shape == (6, 2)
    np.testing.assert_array_equal(X[1], series[1:5])
    np.testing.assert_array_equal(y[1], series[5])


def test_accepts_numpy_integers_and_arrays():
    X, y = split_sequence(np.array(SEED_SEQUENCE), np.int64(3))
    assert X.shape == (6, 3)


def test_does_not_alias_input():
    series = np.arange(6, dtype=np.float32)
    X, y = split_sequence(series, 2)
    X[0, 0] = 99
    y[0] = 99
    assert series[0] == 0 and series[2] == 2


@pytest.mark.parametrize("n_steps", [3.0, "3", None, True])
def test_n_steps_must_be_int(n_steps):
    with pytest.raises(TypeError, match="n_steps"):
        split_sequence(SEED_SEQUENCE, n_steps)


@pytest.mark.parametrize("n_steps", [0, -1, 9, 10])
def test_n_steps_out_of_range(n_steps):
    with pytest.raises(ValueError, match="n_steps"):
        split_sequence(SEED_SEQUENCE, n_steps)


@pytest.mark.parametrize("sequence", [[], np.empty((0, 2))])
def test_empty(sequence):
    with pytest.raises(ValueError, match="sequence is empty"):
        split_sequence(sequence, 1)


@pytest.mark.parametrize("sequence", [["a", "b", "c"], "abc", [True, False, True], [1 + 2j, 3, 4]])
def test_non_numeric(sequence):
    with pytest.raises(TypeError, match="sequence"):
        split_sequence(sequence, 1)


@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_nan_and_inf(bad):
    with pytest.raises(ValueError, match="NaN or infinite"):
        split_sequence([1.0, bad, 3.0, 4.0], 2)


def test_wrong_rank_and_ragged():
    with pytest.raises(ValueError, match="1-D"):
        split_sequence(np.zeros((4, 2, 2)), 1)
    with pytest.raises(ValueError, match="sequence"):
        split_sequence([[1, 2], [3]], 1)
