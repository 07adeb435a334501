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
    assert not ex.check_prediction(0.5, placeholder)
    assert not ex.check_memory_kept(placeholder, placeholder)
    assert not ex.check_forget_bias_reason(placeholder)
    assert not ex.check_no_distractor_reason(placeholder)
    out = capsys.readouterr().out
    assert out.count("replace the placeholder") == 5


def test_prediction(capsys):
    assert ex.check_prediction(simple_rnn=0.5, lstm=1.0)
    assert ex.check_prediction(np.float32(0.55), 0.95)
    assert not ex.check_prediction(simple_rnn=0.9, lstm=1.0)
    assert "between gaps 30 and 50" in capsys.readouterr().out
    assert not ex.check_prediction(simple_rnn=0.2, lstm=1.0)
    assert "chance" in capsys.readouterr().out
    assert not ex.check_prediction(simple_rnn=0.5, lstm=0.5)
    assert "LSTM" in capsys.readouterr().out
    assert not ex.check_prediction(simple_rnn=50, lstm=100)
    assert "between 0 and 1" in capsys.readouterr().out
    assert not ex.check_prediction(simple_rnn="0.5", lstm=1.0)
    assert not ex.check_prediction(simple_rnn=True, lstm=1.0)


def test_memory_kept(capsys):
    right_1, right_5 = sigmoid(1) ** 50, sigmoid(5) ** 50  # about 1.6e-7 and 0.72
    assert 1e-7 < right_1 < 2e-7 and 0.7 < right_5 < 0.73
    assert ex.check_memory_kept(right_1, right_5)
    assert ex.check_memory_kept(b_f_1=1.6e-7, b_f_5=0.715)
    assert not ex.check_memory_kept(sigmoid(1), right_5)
    assert "one step" in capsys.readouterr().out
    assert not ex.check_memory_kept(right_1, 5.0**50)
    assert "sigmoid(b_f)" in capsys.readouterr().out
    assert not ex.check_memory_kept(right_1, 0.5)
    assert "b_f = 5" in capsys.readouterr().out
    assert not ex.check_memory_kept(right_5, right_1)
    assert not ex.check_memory_kept("1e-7", right_5)


@pytest.mark.parametrize(
    "check", [ex.check_forget_bias_reason, ex.check_no_distractor_reason]
)
def test_multiple_choice(check, capsys):
    assert check("b")
    assert check(" B ")
    assert capsys.readouterr().out.count("Correct: ") == 2
    for letter in "acd":
        assert not check(letter)
        out = capsys.readouterr().out
        assert out.startswith("Not yet: ") and len(out) > 40  # a hint, not a bare "wrong"
    assert not check("e")
    assert "one letter" in capsys.readouterr().out
    assert not check(2)
