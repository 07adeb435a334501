"""The shared argument checks: each bad input gets the error that names it."""

from __future__ import annotations

import numpy as np
import pytest

from helpers._checks import as_finite_array, check_int


def test_check_int_accepts_python_and_numpy_ints():
    assert check_int(3, "n") == 3 and type(check_int(np.int32(3), "n")) is int


@pytest.mark.parametrize("value", [3.0, "3", None, True, np.float64(3)])
def test_check_int_type_errors_name_the_argument(value):
    with pytest.raises(TypeError, match="horizon must be an int"):
        check_int(value, "horizon")


def test_check_int_minimum():
    assert check_int(0, "gap", minimum=0) == 0
    with pytest.raises(ValueError, match="gap must be >= 1, got 0"):
        check_int(0, "gap", minimum=1)


def test_as_finite_array_passes_good_input_through():
    np.testing.assert_array_equal(as_finite_array([[1, 2], [3, 4]], "x"), [[1, 2], [3, 4]])


@pytest.mark.parametrize(
    "value, error, message",
    [
        ("abc", TypeError, "x must hold numbers, got a string"),
        ([True, False], TypeError, "x must hold numbers, got dtype bool"),
        ([1 + 1j], TypeError, "dtype complex"),
        ([[1, 2], [3]], ValueError, "x must be a 1-D or 2-D array"),
        ([], ValueError, "x is empty"),
        ([1.0, np.nan], ValueError, "x holds NaN or infinite values"),
        ([1.0, -np.inf], ValueError, "x holds NaN or infinite values"),
    ],
)
def test_as_finite_array_rejects(value, error, message):
    with pytest.raises(error, match=message):
        as_finite_array(value, "x")


def test_as_finite_array_describes_the_expected_shapes():
    with pytest.raises(ValueError, match=r"x must be 1-D \(n,\), got shape \(2, 2, 2\)"):
        as_finite_array(np.zeros((2, 2, 2)), "x", "1-D (n,)")


def test_every_public_helper_name_resolves():
    import helpers

    for name in helpers.__all__:
        assert callable(getattr(helpers, name)), name
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        helpers.nothing_here  # noqa: B018
