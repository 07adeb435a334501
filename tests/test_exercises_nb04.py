"""The answer checks of notebook 04: right answers pass, wrong ones get a hint."""

from __future__ import annotations

import math

import numpy as np
import pytest

from helpers.exercises import nb04 as ex


def sigmoid(z):
    return 1 / (1 + math.exp(-z))


@pytest.mark.parametrize("placeholder", [None, ...])
def test_placeholders_get_a_reminder(placeholder, capsys):
    assert not ex.check_prediction(placeholder, placeholder)
    assert not ex.check_prediction(placeholder, 0.5)
    assert not ex.check_memory_kept(placeholder, placeholder)
    assert not ex.check_forget_bias_reason(placeholder)
    assert not ex.check_no_distractor_reason(placeholder)
    out = capsys.readouterr().out
    assert out.count("replace the placeholder") == 5


def test_prediction_is_recorded_before_the_run(capsys):
    assert not ex.check_prediction(0.7, None)
    out = capsys.readouterr().out
    assert "prediction 0.70 recorded" in out and "measured" in out


def test_prediction_is_compared_not_graded(capsys):
    # Any prediction counts once it is compared with a run; the message says how close.
    assert ex.check_prediction(0.5, 0.488)
    out = capsys.readouterr().out
    assert "spot on" in out and "stayed at chance" in out
    assert ex.check_prediction(np.float32(0.9), 1.0)
    out = capsys.readouterr().out
    assert "close" in out and "learned the task" in out
    assert ex.check_prediction(0.65, 0.488)
    out = capsys.readouterr().out
    assert "far off" in out and "one way or the other" in out
    assert ex.check_prediction(0.2, 0.75)
    assert "rare" in capsys.readouterr().out


def test_prediction_rejects_what_is_not_an_accuracy(capsys):
    assert not ex.check_prediction(80, 0.5)
    assert "between 0 and 1" in capsys.readouterr().out
    assert not ex.check_prediction(0.5, {"test_accuracy": 0.5, "gap": 40})
    assert "result['test_accuracy']" in capsys.readouterr().out
    assert not ex.check_prediction("0.5", 0.5)
    assert not ex.check_prediction(True, 0.5)
    assert not ex.check_prediction(0.5, [0.5])


def test_memory_kept(capsys):
    right_1, right_5 = sigmoid(1) ** 50, sigmoid(5) ** 50  # about 1.6e-7 and 0.72
    assert 1e-7 < right_1 < 2e-7 and 0.7 < right_5 < 0.73
    assert ex.check_memory_kept(right_1, right_5)
    assert ex.check_memory_kept(b_f_1=1.6e-7, b_f_5=0.715)
    # The rounded gate values the notebook prints (0.73, 0.993) are close enough.
    assert ex.check_memory_kept(0.73**50, 0.993**50)
    assert ex.check_memory_kept(1.5e-7, 0.7)
    assert not ex.check_memory_kept(0.7**50, right_5)  # an order of magnitude off
    assert not ex.check_memory_kept(0.0, right_5)
    assert not ex.check_memory_kept(sigmoid(1), right_5)
    assert "one step" in capsys.readouterr().out
    assert not ex.check_memory_kept(right_1, 5.0**50)
    assert "sigmoid(b_f)" in capsys.readouterr().out
    assert not ex.check_memory_kept(right_1, 0.5)
    assert "b_f = 5" in capsys.readouterr().out
    assert not ex.check_memory_kept(right_5, right_1)
    assert not ex.check_memory_kept("1e-7", right_5)


@pytest.mark.parametrize(
    ("check", "right"),
    [(ex.check_forget_bias_reason, "c"), (ex.check_no_distractor_reason, "a")],
)
def test_multiple_choice(check, right, capsys):
    assert check(right)
    assert check(f" {right.upper()} ")
    assert capsys.readouterr().out.count("Correct: ") == 2
    for letter in sorted(set("abcd") - {right}):
        assert not check(letter)
        out = capsys.readouterr().out
        assert out.startswith("Not yet: ") and len(out) > 40  # a hint, not a bare "wrong"
    assert not check("e")
    assert "one letter" in capsys.readouterr().out
    assert not check(2)
