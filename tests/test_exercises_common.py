"""The shared exercise machinery: verdicts, placeholders, numbers."""

from __future__ import annotations

import numpy as np
import pytest
from IPython.core.formatters import DisplayFormatter

from helpers.exercises import Verdict, as_number, feedback, is_number, not_answered, unanswered


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


def test_is_number():
    assert is_number(1) and is_number(np.float64(1.5))
    assert not is_number(True) and not is_number("1") and not is_number(np.array([1.0]))
