"""The shared exercise machinery: verdicts, placeholders, numbers."""

from __future__ import annotations

import numpy as np
import pytest
from IPython.core.formatters import DisplayFormatter

from helpers.exercises import (
    AnswerProblem,
    Unanswered,
    Verdict,
    answer_value,
    as_int,
    as_number,
    as_pair,
    as_shape,
    call_learner_function,
    exercise,
    feedback,
    learner_array,
    never_raises,
    not_answered,
    quote,
    unanswered,
)


def test_feedback_prints_and_returns_a_truthy_verdict(capsys):
    right, wrong = feedback(True, "well done."), feedback(False, "look again.")
    assert right and not wrong
    assert capsys.readouterr().out == "Correct: well done.\nNot yet: look again.\n"
    assert wrong.message == "Not yet: look again."


def test_not_answered_is_falsy_and_says_what_to_do(capsys):
    assert not not_answered("Exercise 2")
    assert "Exercise 2: replace the placeholder" in capsys.readouterr().out


def test_jupyter_shows_nothing_for_a_verdict():
    """The check has printed its message; a bare True/False below it would be noise."""
    data, _ = DisplayFormatter().format(Verdict(True, "x"))
    assert data == {}


@pytest.mark.parametrize("placeholder, expected", [(None, True), (..., True), (0, False), ("", False)])
def test_unanswered(placeholder, expected):
    assert unanswered(placeholder) is expected


@pytest.mark.parametrize(
    "value, expected",
    [(3, 3.0), (2.5, 2.5), (np.float32(0.5), 0.5), (np.array(4.0), 4.0), (np.array([7]), 7.0),
     (True, None), ("3", None), (np.array([1, 2]), None), (None, None)],
)
def test_as_number(value, expected):
    assert as_number(value) == expected


def test_as_number_refuses_what_is_not_one_finite_number():
    for value in (float("nan"), float("inf"), 10**400, np.array([1.0, 2.0])):
        assert as_number(value) is None


@pytest.mark.parametrize(
    "value, expected",
    [((32, 10, 16), (32, 10, 16)), ([2, np.int64(3)], (2, 3)), ((32.9, 10.2, 16.7), None),
     ({32: 10}, None), ("(1, 2)", None), ((1, (2, 3)), None), ((True, 2), None), (5, None)],
)
def test_as_shape(value, expected):
    assert as_shape(value) == expected


class FakeTensor:
    """Stands in for a TensorFlow tensor: it has ``.numpy()``."""

    def __init__(self, value):
        self.value = np.asarray(value)

    def numpy(self):
        return self.value


@pytest.mark.parametrize(
    "value, expected",
    [((1, "a"), (1, "a")), ([2.5, (3, 4)], (2.5, (3, 4))), (np.array([0.6, 0.5]), (0.6, 0.5)),
     (FakeTensor([1.0, 2.0]), (1.0, 2.0)), ((1, 2, 3), None), ([7], None), (np.zeros((1, 2)), None),
     (np.zeros(3), None), ({1: 2, 3: 4}, None), ("ab", None), ({1, 2}, None), (5, None)],
)
def test_as_pair_reads_two_items_of_a_sequence_array_or_tensor(value, expected):
    pair = as_pair(value)
    assert pair == expected and (pair is None or isinstance(pair, tuple))


def test_as_pair_parses_each_item_with_its_reader():
    assert as_pair((np.int64(3), "0.5"), (as_int, lambda text: float(text))) == (3, 0.5)
    assert as_pair(np.array([20.0, 0.25]), (as_int, as_number)) == (20, 0.25)
    assert as_pair([1, 2, 3], (as_int, as_int)) is None  # not a pair: the check says what it wants
    with pytest.raises(AnswerProblem, match="one number for the MAE"):
        as_pair((20.5, 0.25), (as_int, as_number), "give a whole number and one number for the MAE.")
    with pytest.raises(AnswerProblem, match="form the exercise asks for"):
        as_pair((20, "x"), (as_int, as_number))


@pytest.mark.parametrize("value", [(None, 1.0), (2.0, ...), [..., ...], np.array([None, 1.0], dtype=object)])
def test_as_pair_with_a_placeholder_inside_is_unanswered(value):
    with pytest.raises(Unanswered):
        as_pair(value)
    with pytest.raises(Unanswered):
        as_pair(value, (as_number, as_number))


def test_call_learner_function_names_each_problem():
    def placeholder(x):
        return ...

    assert call_learner_function(lambda x: 2 * x, 3) == 6
    with pytest.raises(Unanswered):
        call_learner_function(placeholder, 3)
    for function, message in [(lambda x: None, "returned None"), (lambda x: 1 / 0, "ZeroDivisionError"),
                              (lambda x: [1.0, float("nan")], "NaN or infinite"), (3, "pass your function")]:
        with pytest.raises(AnswerProblem, match=message):
            call_learner_function(function, 3, name="f")
    assert call_learner_function(lambda x: 10**400, 3) == 10**400  # too large for a float: the check judges it


def test_learner_array_reads_the_result_as_floats():
    def scale(x):
        return [x, 2 * x]

    array = learner_array(scale, 3)
    assert array.dtype == float and array.tolist() == [3.0, 6.0]
    assert learner_array(lambda: np.int32(4)).shape == ()
    for result in ("text", [[1, 2], [3]], {"a": 1}, 10**400, object()):
        with pytest.raises(AnswerProblem, match="^scale should return an array of numbers"):
            learner_array(lambda result=result: result, name="scale")
    with pytest.raises(AnswerProblem, match="^scale returned None"):
        learner_array(lambda: None, name="scale")
    with pytest.raises(Unanswered):
        learner_array(lambda x: ..., 1)


def test_answer_value_reads_the_scaffold_function():
    def answer():
        return 96

    def placeholder():
        return ...

    def forgot_return():
        96  # noqa: B018

    assert answer_value(answer) == 96 and answer_value(7) == 7
    assert unanswered(answer_value(placeholder))
    with pytest.raises(AnswerProblem, match="forgot_return.*return"):
        answer_value(forgot_return)


def test_never_raises_turns_errors_into_hints(capsys):
    @never_raises
    def check(answer):
        return feedback(answer_value(answer) == 1, "one")

    assert not check(lambda: 1 / 0) and not check(lambda: None) and check(lambda: 1)
    out = capsys.readouterr().out
    assert "ZeroDivisionError" in out and "return" in out and "Correct: one" in out


def test_feedback_wraps_at_90_characters(capsys):
    verdict = feedback(False, "word " * 60)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) > 1 and max(len(line) for line in lines) <= 90
    assert verdict.message.startswith("Not yet: word word")  # the message itself stays whole


def test_feedback_wraps_each_line_of_a_multi_line_message(capsys):
    feedback(True, "first " * 30 + "\n" + "second " * 30)
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= 90
    assert lines[0].startswith("Correct: first") and any(line.startswith("second") for line in lines)
    assert not any("first" in line and "second" in line for line in lines)  # the break is kept


def test_exercise_decorator(capsys):
    @exercise(7, read=as_int, expects="a whole number")
    def check_thing(value):
        return feedback(value == 3, "three.")

    assert check_thing(lambda: 3) and check_thing(3.0)
    assert not check_thing(None) and not check_thing(lambda: ...)
    assert capsys.readouterr().out.count("Exercise 7: replace the placeholder") == 2
    assert not check_thing("x" * 10**6)
    out = capsys.readouterr().out
    assert "give a whole number, got" in out and "'xxx" in out and len(out) < 200  # cut short
    assert not check_thing(lambda: 1 / 0)
    assert "ZeroDivisionError" in capsys.readouterr().out
    assert check_thing.exercise_number == 7


def test_exercise_with_a_function_answer(capsys):
    @exercise(2, answer="function")
    def check_double(function):
        return feedback(call_learner_function(function, 2) == 4, "doubled.")

    assert check_double(lambda x: 2 * x) and not check_double(lambda x: x)
    assert not check_double(42)
    assert "pass your function itself" in capsys.readouterr().out
    with pytest.raises(ValueError, match="answer"):
        exercise(1, answer="text")


@pytest.mark.parametrize("answer", [list(range(10**6)), "x" * 10**6, np.zeros(10**6), 10**4000, {1: "a" * 10**5}])
def test_quote_is_short(answer):
    assert len(quote(answer)) <= 80
