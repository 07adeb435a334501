"""split_sequence: the classic loop's semantics, shapes, dtypes and bad input."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import split_sequence

CLASSIC_SEQUENCE = [10, 20, 30, 40, 50, 60, 70, 80, 90]


def loop_split(sequence, n_steps):
    """The classic windowing loop (a plain for loop over the list), the reference for the semantics."""
    X, y = [], []
    for i in range(len(sequence)):
        end = i + n_steps
        if end > len(sequence) - 1:
            break
        X.append(sequence[i:end])
        y.append(sequence[end])
    return np.array(X), np.array(y)


def test_classic_example():
    X, y = split_sequence(CLASSIC_SEQUENCE, 3)
    assert X.shape == (6, 3) and y.shape == (6,)
    assert X.dtype == np.float32 and y.dtype == np.float32
    np.testing.assert_array_equal(X[0], [10, 20, 30])
    np.testing.assert_array_equal(X[-1], [60, 70, 80])
    np.testing.assert_array_equal(y, [40, 50, 60, 70, 80, 90])


@pytest.mark.parametrize("length", [2, 3, 7, 20])
@pytest.mark.parametrize("n_steps", [1, 2, 5])
def test_matches_the_loop(length, n_steps):
    sequence = list(np.random.default_rng(length * 10 + n_steps).normal(size=length))
    if n_steps >= length:
        with pytest.raises(ValueError, match="n_steps"):
            split_sequence(sequence, n_steps)
        return
    X, y = split_sequence(sequence, n_steps)
    X_ref, y_ref = loop_split(sequence, n_steps)
    np.testing.assert_allclose(X, X_ref, rtol=1e-6)
    np.testing.assert_allclose(y, y_ref, rtol=1e-6)


def test_two_dimensional_input():
    series = np.arange(20, dtype=float).reshape(10, 2)  # (time, features)
    X, y = split_sequence(series, 4)
    assert X.shape == (6, 4, 2) and y.shape == (6, 2)
    np.testing.assert_array_equal(X[1], series[1:5])
    np.testing.assert_array_equal(y[1], series[5])


def test_accepts_numpy_integers_and_arrays():
    X, y = split_sequence(np.array(CLASSIC_SEQUENCE), np.int64(3))
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
        split_sequence(CLASSIC_SEQUENCE, n_steps)


@pytest.mark.parametrize("n_steps", [0, -1, 9, 10])
def test_n_steps_out_of_range(n_steps):
    with pytest.raises(ValueError, match="n_steps"):
        split_sequence(CLASSIC_SEQUENCE, n_steps)


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


# make_windows: the general form (notebook 07).
from helpers.sequences import make_windows  # noqa: E402


def reference_windows(data, n_in, n_out, inputs, targets, lead):
    """A plain loop with the documented semantics, written independently."""
    data = np.asarray(data, dtype=float).reshape(len(data), -1)
    X, y = [], []
    i = 0
    while i + n_in - 1 + lead + n_out - 1 < len(data):
        X.append(data[i : i + n_in][:, inputs])
        start = i + n_in - 1 + lead
        y.append(data[start : start + n_out][:, targets])
        i += 1
    return np.array(X), np.array(y)


@pytest.mark.parametrize("n_in, n_out, lead", [(1, 1, 1), (3, 1, 1), (3, 2, 1), (2, 3, 0), (4, 1, 0), (2, 2, 3)])
def test_make_windows_matches_reference_loop(n_in, n_out, lead):
    data = np.random.default_rng(n_in * 7 + n_out).normal(size=(12, 3))
    X, y = make_windows(data, n_in, n_out, inputs=[0, 2], targets=[1], lead=lead)
    X_ref, y_ref = reference_windows(data, n_in, n_out, [0, 2], [1], lead)
    assert X.shape == X_ref.shape == (12 - n_in - n_out - lead + 2, n_in, 2)
    assert y.shape == y_ref.shape and X.dtype == y.dtype == np.float32
    np.testing.assert_allclose(X, X_ref, rtol=1e-6)
    np.testing.assert_allclose(y, y_ref, rtol=1e-6)


def test_make_windows_classic_cases():
    in1 = np.arange(10, 100, 10)
    in2 = in1 + 5
    data = np.column_stack([in1, in2, in1 + in2])
    # Multiple input series: the target is the sum at the window's own last step.
    X, y = make_windows(data, 3, inputs=[0, 1], targets=[2], lead=0)
    assert X.shape == (7, 3, 2) and y.shape == (7, 1, 1)
    np.testing.assert_array_equal(X[0], [[10, 15], [20, 25], [30, 35]])
    assert y[0, 0, 0] == 65
    # Parallel series: the next row of every column.
    X, y = make_windows(data, 3)
    assert X.shape == (6, 3, 3) and y.shape == (6, 1, 3)
    np.testing.assert_array_equal(y[0, 0], [40, 45, 85])
    # Vector output, flattened step-major.
    X, y = make_windows(in1, 3, 2, flatten=True)
    assert X.shape == (5, 3, 1) and y.shape == (5, 2)
    np.testing.assert_array_equal(y[0], [40, 50])
    X, y = make_windows(data, 2, 2, targets=[0, 1], flatten=True)
    np.testing.assert_array_equal(y[0], [30, 35, 40, 45])


def test_split_sequence_is_the_univariate_case():
    X, y = split_sequence(CLASSIC_SEQUENCE, 3)
    Xw, yw = make_windows(CLASSIC_SEQUENCE, 3)
    np.testing.assert_array_equal(X, Xw[:, :, 0])
    np.testing.assert_array_equal(y, yw[:, 0, 0])


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        (dict(n_in=0), ValueError, "n_in"),
        (dict(n_in=2.0), TypeError, "n_in"),
        (dict(n_in=True), TypeError, "n_in"),
        (dict(n_in=2, n_out=0), ValueError, "n_out"),
        (dict(n_in=2, lead=-1), ValueError, "lead"),
        (dict(n_in=2, inputs=[3]), ValueError, "inputs"),
        (dict(n_in=2, inputs=[0, 0]), ValueError, "inputs"),
        (dict(n_in=2, inputs=[]), ValueError, "inputs"),
        (dict(n_in=2, inputs="0"), TypeError, "inputs"),
        (dict(n_in=2, targets=[1.5]), TypeError, "targets"),
        (dict(n_in=2, flatten=1), TypeError, "flatten"),
        (dict(n_in=5, n_out=2), ValueError, "too few"),
    ],
)
def test_make_windows_bad_input(kwargs, error, match):
    data = np.arange(12.0).reshape(6, 2)
    with pytest.raises(error, match=match):
        make_windows(data, **kwargs)


@pytest.mark.parametrize("data, match", [([], "empty"), ([[1, 2], [3]], "data"), ([1, np.nan, 3], "NaN"),
                                         ("abc", "numbers"), (np.zeros((2, 2, 2)), "1-D")])
def test_make_windows_bad_data(data, match):
    with pytest.raises((TypeError, ValueError), match=match):
        make_windows(data, 1)
