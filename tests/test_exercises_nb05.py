"""The answer checks of notebook 05: right answers pass, wrong ones get a hint."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.exercises import nb05 as ex


def recursive(move_window):
    """A learner's answer to exercise 4 that moves the window on with ``move_window``."""
    def answer(predict_next, window, horizon):
        window = list(window)
        forecasts = []
        for _ in range(horizon):
            value = predict_next(np.array(window))
            forecasts.append(value)
            window = move_window(window, value)
        return np.array(forecasts)

    return answer


# A correct answer: drop the oldest value, append the forecast.
good_recursive = recursive(lambda window, value: window[1:] + [value])


def no_feedback(predict_next, window, horizon):
    """Forgets to feed the forecast back in."""
    return np.array([predict_next(np.asarray(window)) for _ in range(horizon)])


# Appends but never drops the oldest value.
growing_window = recursive(lambda window, value: [*window, value])


def returns_nothing(predict_next, window, horizon):
    forecasts = [predict_next(np.asarray(window)) for _ in range(horizon)]  # noqa: F841


def too_short(predict_next, window, horizon):
    return good_recursive(predict_next, window, horizon)[:-1]


def crashes(predict_next, window, horizon):
    raise KeyError("oops")


def unwritten_scaffold(predict_next, window, horizon):
    return ...  # the exercise cell as the notebook stores it


CHECKS = [ex.check_input_shape, ex.check_parameter_count, ex.check_differenced_forecast,
              ex.check_recursive_forecast, ex.check_extrapolation, ex.check_fewer_updates]


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("placeholder", [None, ..., lambda: ..., unwritten_scaffold])
def test_placeholder_gets_a_reminder(check, placeholder, capsys):
    if (check is ex.check_recursive_forecast) != (placeholder is unwritten_scaffold) and callable(placeholder):
        pytest.skip("scaffolds take the arguments of their exercise")
    assert not check(placeholder)
    assert "replace the placeholder" in capsys.readouterr().out


def verdict(check, answer, capsys):
    """The check's verdict and its message on one line (the check wraps it at 90 characters)."""
    ok = check(answer)
    return ok, " ".join(capsys.readouterr().out.split())


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
        (returns_nothing, "returned None"),
        (too_short, "return 5 forecasts"),
        (crashes, "raised KeyError"),
        (42, "pass your function itself"),
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


# ---------------------------------------------------------------- the scaffold: functions


def test_model_answers_in_the_scaffold_pass(capsys):
    """Each exercise's model answer, written as the notebook asks: a function."""

    def lstm_input_shape():
        return (43, 7, 1)

    def parameter_count():
        return 4 * (32 * (2 + 32) + 32) + 32 + 1

    def differenced_forecast():
        window = np.array([3, 7, 12, 18])
        changes = np.diff(window) / 5
        return list(changes), window[-1] + 5 * 1.4

    def extrapolated_queries():
        return {"c", "d"}

    def forecast_after_50_updates():
        return 93.126  # train_course_forecaster(series, 3, seed=0, steps=50): see the slow test

    assert ex.check_input_shape(lstm_input_shape)
    assert ex.check_parameter_count(parameter_count)
    assert ex.check_differenced_forecast(differenced_forecast)
    assert ex.check_recursive_forecast(good_recursive)
    assert ex.check_extrapolation(extrapolated_queries)
    assert ex.check_fewer_updates(forecast_after_50_updates)
    assert capsys.readouterr().out.count("Correct") == 6


def test_exercise_6_model_answer_trains_for_50_updates(capsys):
    """The experiment itself, rerun: 50 updates land in the band the check accepts."""
    pytest.importorskip("keras")
    from helpers import train_course_forecaster

    series = [10, 20, 30, 40, 50, 60, 70, 80, 90]

    def forecast_after_50_updates():
        return train_course_forecaster(series, 3, seed=0, steps=50).predict_next([70, 80, 90])

    assert ex.check_fewer_updates(forecast_after_50_updates), capsys.readouterr().out


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (100.003, "200 updates give"),
        (90.8, "fewer than 50"),
        (99.2, "more than 50"),
        (12.0, "steps=50"),
        ("93", "one number"),
        (lambda: None, "forget `return`"),
    ],
)
def test_fewer_updates_wrong(answer, hint, capsys):
    ok, out = verdict(ex.check_fewer_updates, answer, capsys)
    assert not ok and hint in out


def test_a_function_that_forgets_return_is_told_so(capsys):
    def parameter_count():
        4513  # noqa: B018

    ok, out = verdict(ex.check_parameter_count, parameter_count, capsys)
    assert not ok and "parameter_count() returned None" in out


def test_a_recursive_forecast_that_returns_nan_is_named(capsys):
    def my_recursive_forecast(predict_next, window, horizon):
        return np.full(horizon, np.nan)

    ok, out = verdict(ex.check_recursive_forecast, my_recursive_forecast, capsys)
    assert not ok and "my_recursive_forecast returned NaN" in out


class Weird:
    def __len__(self):
        raise RuntimeError("no length")

    def __iter__(self):
        raise RuntimeError("no iteration")


ODD = [
    float("nan"), float("inf"), -float("inf"), 10**400, "x", "", b"43", {"a": 1}, {1, 2},
    [[1, 2], [3]], [1, [2, 3]], np.array(7), np.array([]), np.array([[1, 2], [3, 4]]),
    np.float32("nan"), (np.nan, 1.0), ([np.inf, 1, 1], 25.0), (1, 2, 3), object(), Weird(),
    print, len, lambda: 1 / 0, lambda x: x, lambda: float("nan"), lambda: {"c"}, True, -1, 0,
    (43.9, 7.2, 1.0), [43, 7, 1.5],
]


@pytest.mark.parametrize("check", CHECKS)
def test_odd_inputs_never_raise_and_never_pass(check, capsys):
    for answer in ODD:
        result = check(answer)
        assert not result, (check.__name__, answer)
    assert "Traceback" not in capsys.readouterr().out


def test_tensors_and_zero_d_arrays_are_read_as_numbers(capsys):
    tf = pytest.importorskip("tensorflow")
    assert ex.check_parameter_count(np.array(4513))
    assert ex.check_parameter_count(tf.constant(4513))
    assert ex.check_parameter_count(lambda: np.int64(4513))
    assert ex.check_fewer_updates(tf.constant(93.1))
    assert ex.check_input_shape(tf.TensorShape([43, 7, 1]))
    assert ex.check_differenced_forecast((tf.constant([0.8, 1.0, 1.2]), tf.constant(25.0)))


def test_wrong_shapes_never_pass(capsys):
    for shape in [(43.9, 7.2, 1.0), {43: 7}, (43, 7, 1, 1), (43, 7), "(43, 7, 1)", (True, 7, 1)]:
        assert not ex.check_input_shape(shape)


def test_a_huge_answer_is_quoted_short(capsys):
    """Issue 18: a 10⁶-element answer printed about 5 MB."""
    huge = list(range(10**6))
    for check in (ex.check_input_shape, ex.check_parameter_count, ex.check_fewer_updates,
                  ex.check_extrapolation, ex.check_differenced_forecast):
        assert not check(lambda: huge)
        assert len(capsys.readouterr().out) < 300
    assert not ex.check_extrapolation(lambda: ["z" * 10**6])
    assert len(capsys.readouterr().out) < 300
