"""The answer checks of notebook 05: right answers pass, wrong ones get a hint."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.exercises import nb05 as ex


def good_recursive(predict_next, window, horizon):
    """A correct learner's answer to exercise 4."""
    window = list(window)
    forecasts = []
    for _ in range(horizon):
        value = predict_next(np.array(window))
        forecasts.append(value)
        window = window[1:] + [value]
    return np.array(forecasts)


def no_feedback(predict_next, window, horizon):
    """Forgets to feed the forecast back in."""
    return np.array([predict_next(np.asarray(window)) for _ in range(horizon)])


def growing_window(predict_next, window, horizon):
    """Appends but never drops the oldest value."""
    window = list(window)
    forecasts = []
    for _ in range(horizon):
        value = predict_next(np.array(window))
        forecasts.append(value)
        window = [*window, value]
    return np.array(forecasts)


def returns_nothing(predict_next, window, horizon):
    ...


def too_short(predict_next, window, horizon):
    return good_recursive(predict_next, window, horizon)[:-1]


def crashes(predict_next, window, horizon):
    raise KeyError("oops")


@pytest.mark.parametrize(
    "check",
    [
        ex.check_input_shape,
        ex.check_parameter_count,
        ex.check_differenced_forecast,
        ex.check_recursive_forecast,
        ex.check_extrapolation,
    ],
)
@pytest.mark.parametrize("placeholder", [None, ...])
def test_placeholder_gets_a_reminder(check, placeholder, capsys):
    assert not check(placeholder)
    assert "replace the placeholder" in capsys.readouterr().out


def verdict(check, answer, capsys):
    ok = check(answer)
    return ok, capsys.readouterr().out


@pytest.mark.parametrize("answer", [(43, 7, 1), [43, 7, 1], np.array([43, 7, 1])])
def test_input_shape_right(answer, capsys):
    ok, out = verdict(ex.check_input_shape, answer, capsys)
    assert ok and out.startswith("Correct")


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ((43, 7), "3 axes"),
        ((44, 7, 1), "off by one"),
        ((42, 7, 1), "off by one"),
        ((7, 43, 1), "(time steps, features)"),
        ((50, 7, 1), "count the windows"),
        ("43,7,1", "tuple of ints"),
        (43, "tuple of ints"),
    ],
)
def test_input_shape_wrong(answer, hint, capsys):
    ok, out = verdict(ex.check_input_shape, answer, capsys)
    assert not ok and out.startswith("Not yet") and hint in out


def test_parameter_count_right(capsys):
    ok, out = verdict(ex.check_parameter_count, 4513, capsys)
    assert ok and "4·(n·(d+n)+n)" in out
    assert ex.check_parameter_count(np.int64(4513))


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (4480, "LSTM alone"),
        (1153, "four such blocks"),
        (4385, "biases"),  # 4·n·(d+n) + 33, which equals the count for d = 1
        (4385, "1 feature"),
        (4384, "biases"),
        (10451, "four blocks"),
        (4513.5, "whole number"),
        ("4513", "whole number"),
        (True, "whole number"),
    ],
)
def test_parameter_count_wrong(answer, hint, capsys):
    ok, out = verdict(ex.check_parameter_count, answer, capsys)
    assert not ok and hint in out


def test_parameter_count_fallback_hint_does_not_give_the_numbers_away(capsys):
    ok, out = verdict(ex.check_parameter_count, 10451, capsys)
    assert not ok and "32" not in out and "d = 2" not in out


def test_differenced_forecast_format_hint_does_not_say_how_many_changes(capsys):
    ok, out = verdict(ex.check_differenced_forecast, 25.0, capsys)
    assert not ok and "[" not in out


@pytest.mark.parametrize("answer", [([0.8, 1.0, 1.2], 25.0), (np.array([0.8, 1.0, 1.2]), 25), [(0.8, 1, 1.2), 25.0]])
def test_differenced_forecast_right(answer, capsys):
    ok, out = verdict(ex.check_differenced_forecast, answer, capsys)
    assert ok and out.startswith("Correct")


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (([4, 5, 6], 25.0), "divided by the scale"),
        (([0.6, 1.4, 2.4, 3.6], 25.0), "3 changes"),
        (([0.8, 1.0], 25.0), "one number per change"),
        (([1.0, 1.0, 1.0], 25.0), "differences of consecutive values"),
        (([0.8, 1.0, 1.2], 7.0), "add it to the last value"),
        (([0.8, 1.0, 1.2], 19.4), "undo the scaling"),
        (([0.8, 1.0, 1.2], 20.0), "(a) is right"),
        (25.0, "tuple (changes, forecast)"),
        (([0.8, 1.0, 1.2], "x"), "tuple (changes, forecast)"),
    ],
)
def test_differenced_forecast_wrong(answer, hint, capsys):
    ok, out = verdict(ex.check_differenced_forecast, answer, capsys)
    assert not ok and hint in out


def test_recursive_forecast_right(capsys):
    ok, out = verdict(ex.check_recursive_forecast, good_recursive, capsys)
    assert ok and out.startswith("Correct")


@pytest.mark.parametrize(
    ("function", "hint"),
    [
        (no_feedback, "every forecast is the first one"),
        (growing_window, "keeping the length"),
        (returns_nothing, "returned nothing"),
        (too_short, "return 5 forecasts"),
        (crashes, "raised KeyError"),
        (42, "give a function"),
    ],
)
def test_recursive_forecast_wrong(function, hint, capsys):
    ok, out = verdict(ex.check_recursive_forecast, function, capsys)
    assert not ok and hint in out


@pytest.mark.parametrize("answer", [{"c", "d"}, ["d", "c"], {"C", " d "}])
def test_extrapolation_right(answer, capsys):
    ok, out = verdict(ex.check_extrapolation, answer, capsys)
    assert ok and out.startswith("Correct")


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ({"c"}, "some, not all"),
        ("c", "some, not all"),
        (set(), "some, not all"),
        ({"c", "d", "e"}, "between 40 and 90"),
        ({"a", "b"}, "between 40 and 90"),
        ({"f"}, "choose among"),
        (3, "set of letters"),
    ],
)
def test_extrapolation_wrong(answer, hint, capsys):
    ok, out = verdict(ex.check_extrapolation, answer, capsys)
    assert not ok and hint in out
