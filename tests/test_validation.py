"""The shared argument checks: each bad input gets the error that names it."""

from __future__ import annotations

import numpy as np
import pytest

from helpers._validation import MAX_SEED, as_finite_array, require_choice, require_int, require_number, require_seed


def test_require_int_accepts_python_and_numpy_ints():
    assert require_int(3, "n") == 3 and type(require_int(np.int32(3), "n")) is int


@pytest.mark.parametrize("value", [3.0, "3", None, True, np.True_, np.float64(3)])
def test_require_int_type_errors_name_the_argument(value):
    with pytest.raises(TypeError, match="horizon must be an int"):
        require_int(value, "horizon")


def test_require_int_minimum():
    assert require_int(0, "gap", minimum=0) == 0
    with pytest.raises(ValueError, match="gap must be >= 1, got 0"):
        require_int(0, "gap", minimum=1)


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


def test_require_int_maximum():
    assert require_int(5, "n", maximum=5) == 5
    with pytest.raises(ValueError, match="n must be <= 5, got 6"):
        require_int(6, "n", maximum=5)


@pytest.mark.parametrize("seed", [2**32, 10**400, -1])
def test_seeds_beyond_32_bits_get_a_clear_message(seed):
    with pytest.raises(ValueError, match="seed must be"):
        require_seed(seed)
    assert require_seed(MAX_SEED) == MAX_SEED and require_seed(np.uint32(7)) == 7


def test_seed_offset_leaves_room_for_what_the_caller_adds():
    with pytest.raises(ValueError, match=f"seed must be <= {MAX_SEED - 2000}"):
        require_seed(MAX_SEED - 1999, offset=2000)


@pytest.mark.parametrize(
    "value, error, message",
    [
        ("1", TypeError, "rate must be a number, got str"),
        (True, TypeError, "rate must be a number"),
        (None, TypeError, "rate must be a number"),
        (float("nan"), ValueError, "rate must be a finite number"),
        (-np.inf, ValueError, "rate must be a finite number"),
        (10**400, ValueError, "rate must be a finite number"),
        (2.0, ValueError, "rate must be <= 1"),
        (-0.5, ValueError, "rate must be >= 0"),
    ],
)
def test_require_number_rejects(value, error, message):
    with pytest.raises(error, match=message):
        require_number(value, "rate", 0, 1)


def test_require_number_accepts_numpy_numbers_and_positive():
    assert require_number(np.float32(0.5), "x") == 0.5 and require_number(np.int64(2), "x") == 2.0
    with pytest.raises(ValueError, match="x must be > 0"):
        require_number(0, "x", positive=True)


def test_check_choice():
    assert require_choice("LSTM", "cell", ("GRU", "LSTM")) == "LSTM"
    with pytest.raises(ValueError, match=r"cell must be one of \('GRU', 'LSTM'\), got 'RNN'"):
        require_choice("RNN", "cell", ("GRU", "LSTM"))
    with pytest.raises(TypeError, match="cell must be a str"):
        require_choice(3, "cell", ("GRU", "LSTM"))


def test_values_beyond_float32_are_refused_not_turned_into_inf():
    with pytest.raises(ValueError, match="beyond float32's range"):
        as_finite_array([1.0, 1e39], "x")
    assert as_finite_array([1.0, 1e39], "x", float32=False)[1] == 1e39
    with pytest.raises(ValueError, match="too large for a float"):
        as_finite_array([1, 10**400], "x")
    assert as_finite_array([1, 2**70], "x", float32=False).dtype == np.float64


def test_as_finite_array_ndim():
    assert as_finite_array(np.zeros((1, 2, 3)), "x", "3-D", ndim=3).shape == (1, 2, 3)
    with pytest.raises(ValueError, match=r"x must be 3-D, got shape \(\)"):
        as_finite_array(np.float64(1.0), "x", "3-D", ndim=3)


def test_page_accepts_numpy_ints():
    from helpers import page

    assert page(np.int64(3)).info.number == 3


def test_every_public_name_is_there_and_in_the_course_order():
    import helpers

    assert helpers.__all__[:3] == ["setup_notebook", "COURSE_ROOT", "page"]
    for name in ["CELL_COLOURS", "BASELINE_COLOUR", "TRUTH_COLOUR", "make_windows", "show_model"]:
        assert name in helpers.__all__
    for name in helpers.__all__:
        value = getattr(helpers, name)
        assert callable(value) or name.isupper(), name
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        helpers.nothing_here  # noqa: B018


def test_importing_helpers_starts_neither_tensorflow_nor_matplotlib():
    """Every module is imported eagerly, so each must import TensorFlow inside its functions."""
    import subprocess
    import sys

    from conftest import ROOT

    code = "import sys, helpers; print(sorted({'tensorflow', 'keras', 'matplotlib'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_float16_passes_without_an_overflow_warning():
    """Issue 18 item 12: comparing float16 with float32's maximum warned of overflow."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert as_finite_array(np.ones(4, dtype=np.float16), "x").dtype == np.float16


@pytest.mark.parametrize(
    "dates, match",
    [(["2020-03", "2020-02", "2020-01", "2019-12"], "not in increasing order"),
     (["2020-01", "2020-02", "2020-02", "2020-03"], "repeats dates")],
)
def test_a_pandas_date_index_must_run_forward_once(dates, match):
    """Issue 18 item 12: a descending or repeated date index was windowed in row order."""
    import pandas as pd

    from helpers import make_windows, split_sequence

    series = pd.Series([1.0, 2.0, 3.0, 4.0], index=pd.to_datetime(dates))
    for call in (lambda: split_sequence(series, 2), lambda: make_windows(series.to_frame(), 2)):
        with pytest.raises(ValueError, match=match):
            call()
    assert split_sequence(series.reset_index(drop=True), 2)[0].shape == (2, 2)  # row order, said so
