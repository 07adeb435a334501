"""The answer checks of notebook 01: right answers pass, wrong ones get a hint."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.exercises import nb01 as ex


def loop_forward(x, W, U, b):
    """A correct learner's answer to exercise 4."""
    h = np.zeros((x.shape[0], W.shape[1]))
    outputs = []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ W + h @ U + b)
        outputs.append(h)
    return np.stack(outputs, axis=1)


@pytest.mark.parametrize(
    "check",
    [ex.check_parameter_count, ex.check_output_shape, ex.check_two_steps, ex.check_forward_function],
)
@pytest.mark.parametrize("placeholder", [None, ...])
def test_placeholders_get_a_reminder(check, placeholder, capsys):
    assert check(placeholder) is False
    assert "replace the placeholder" in capsys.readouterr().out


def test_parameter_count(capsys):
    assert ex.check_parameter_count(3 * 8 + 8 * 8 + 8) is True
    assert ex.check_parameter_count(np.int64(96)) is True
    assert ex.check_parameter_count(3 * 8 + 8 * 8) is False
    assert "bias" in capsys.readouterr().out
    assert ex.check_parameter_count(3 * 8 + 8) is False
    assert "recurrent" in capsys.readouterr().out
    assert ex.check_parameter_count(95) is False
    assert ex.check_parameter_count("96") is False
    assert ex.check_parameter_count(True) is False


def test_output_shape(capsys):
    assert ex.check_output_shape((32, 10, 16)) is True
    assert ex.check_output_shape([32, 10, 16]) is True
    assert ex.check_output_shape((32, 16)) is False
    assert "return_sequences" in capsys.readouterr().out
    assert ex.check_output_shape((32, 10, 3)) is False
    assert "units" in capsys.readouterr().out
    assert ex.check_output_shape(32) is False


def test_two_steps(capsys):
    h_1 = np.tanh(1 * 0.5)
    h_2 = np.tanh(2 * 0.5 + h_1 * 1.0)
    assert ex.check_two_steps(float(h_2)) is True
    assert ex.check_two_steps(np.array([h_2])) is True
    assert round(float(h_2), 3) == 0.898
    assert ex.check_two_steps(0.898) is True
    assert ex.check_two_steps(0.9) is True  # rounded to one decimal: still right
    capsys.readouterr()
    assert ex.check_two_steps(0.88) is False  # cut off, not rounded, and too far
    assert "3 decimals" in capsys.readouterr().out
    assert ex.check_two_steps(float(h_1)) is False
    assert "h_1" in capsys.readouterr().out
    assert ex.check_two_steps(float(np.tanh(1.0))) is False  # forgot the recurrent term
    assert "U" in capsys.readouterr().out
    assert ex.check_two_steps(1.0 + 0.5) is False  # forgot the tanh
    assert "tanh" in capsys.readouterr().out
    assert ex.check_two_steps("0.9") is False


def test_the_empty_skeleton_gets_a_reminder(capsys):
    def my_rnn_forward(x, W, U, b):
        ...  # your code: return the outputs, shape (batch, time, units)

    def with_pass(x, W, U, b):
        pass

    assert ex.check_forward_function(my_rnn_forward) is False
    assert "replace the placeholder" in capsys.readouterr().out
    assert ex.check_forward_function(with_pass) is False
    assert "replace the placeholder" in capsys.readouterr().out


def test_forward_function(capsys):
    assert ex.check_forward_function(loop_forward) is True
    # returning (outputs, h_last), as simple_rnn_forward does, is accepted too
    assert ex.check_forward_function(lambda x, W, U, b: (loop_forward(x, W, U, b), None)) is True
    capsys.readouterr()
    assert ex.check_forward_function(lambda x, W, U, b: loop_forward(x, W, U, b)[:, -1]) is False
    assert "h_T only" in capsys.readouterr().out
    # forgets to carry h: every step starts from zero
    assert ex.check_forward_function(lambda x, W, U, b: np.tanh(x @ W + b)) is False
    assert "carried" in capsys.readouterr().out
    # forgets the bias
    assert ex.check_forward_function(lambda x, W, U, b: loop_forward(x, W, U, 0 * b)) is False
    assert "bias" in capsys.readouterr().out
    # column-vector habit: h @ U.T runs (U is square) but is wrong
    assert ex.check_forward_function(lambda x, W, U, b: loop_forward(x, W, U.T, b)) is False
    assert "h @ U" in capsys.readouterr().out

    # forgets to return
    def no_return(x, W, U, b):
        loop_forward(x, W, U, b)

    assert ex.check_forward_function(no_return) is False
    assert "return" in capsys.readouterr().out
    assert ex.check_forward_function(lambda x, W, U, b: 1 / 0) is False
    assert "ZeroDivisionError" in capsys.readouterr().out
    assert ex.check_forward_function("not a function") is False
