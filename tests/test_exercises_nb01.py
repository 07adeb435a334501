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
    assert not check(placeholder)
    assert "replace the placeholder" in capsys.readouterr().out


def test_parameter_count(capsys):
    assert ex.check_parameter_count(3 * 8 + 8 * 8 + 8)
    assert ex.check_parameter_count(np.int64(96))
    assert not ex.check_parameter_count(3 * 8 + 8 * 8)
    assert "bias" in capsys.readouterr().out
    assert not ex.check_parameter_count(3 * 8 + 8)
    assert "recurrent" in capsys.readouterr().out
    assert not ex.check_parameter_count(95)
    assert not ex.check_parameter_count("96")
    assert not ex.check_parameter_count(True)


def test_output_shape(capsys):
    assert ex.check_output_shape((32, 10, 16))
    assert ex.check_output_shape([32, 10, 16])
    assert not ex.check_output_shape((32, 16))
    assert "return_sequences" in capsys.readouterr().out
    assert not ex.check_output_shape((32, 10, 3))
    assert "units" in capsys.readouterr().out
    assert not ex.check_output_shape(32)


def test_two_steps(capsys):
    h_1 = np.tanh(1 * 0.5)
    h_2 = np.tanh(2 * 0.5 + h_1 * 1.0)
    assert ex.check_two_steps(float(h_2))
    assert ex.check_two_steps(np.array([h_2]))
    assert round(float(h_2), 3) == 0.898
    assert ex.check_two_steps(0.898)
    assert ex.check_two_steps(0.9)  # rounded to one decimal: still right
    capsys.readouterr()
    assert not ex.check_two_steps(0.88)  # cut off, not rounded, and too far
    assert "3 decimals" in capsys.readouterr().out
    assert not ex.check_two_steps(float(h_1))
    assert "h_1" in capsys.readouterr().out
    assert not ex.check_two_steps(float(np.tanh(1.0)))  # forgot the recurrent term
    assert "U" in capsys.readouterr().out
    assert not ex.check_two_steps(1.0 + 0.5)  # forgot the tanh
    assert "tanh" in capsys.readouterr().out
    assert not ex.check_two_steps("0.9")


def test_the_empty_skeleton_gets_a_reminder(capsys):
    def my_rnn_forward(x, W, U, b):
        ...  # your code: return the outputs, shape (batch, time, units)

    def with_pass(x, W, U, b):
        pass

    assert not ex.check_forward_function(my_rnn_forward)
    assert "replace the placeholder" in capsys.readouterr().out
    assert not ex.check_forward_function(with_pass)
    assert "replace the placeholder" in capsys.readouterr().out


def test_forward_function(capsys):
    assert ex.check_forward_function(loop_forward)
    # returning (outputs, h_last), as simple_rnn_forward does, is accepted too
    assert ex.check_forward_function(lambda x, W, U, b: (loop_forward(x, W, U, b), None))
    capsys.readouterr()
    assert not ex.check_forward_function(lambda x, W, U, b: loop_forward(x, W, U, b)[:, -1])
    assert "h_T only" in capsys.readouterr().out
    # forgets to carry h: every step starts from zero
    assert not ex.check_forward_function(lambda x, W, U, b: np.tanh(x @ W + b))
    assert "carried" in capsys.readouterr().out
    # forgets the bias
    assert not ex.check_forward_function(lambda x, W, U, b: loop_forward(x, W, U, 0 * b))
    assert "bias" in capsys.readouterr().out
    # column-vector habit: h @ U.T runs (U is square) but is wrong
    assert not ex.check_forward_function(lambda x, W, U, b: loop_forward(x, W, U.T, b))
    assert "h @ U" in capsys.readouterr().out

    # forgets to return
    def no_return(x, W, U, b):
        loop_forward(x, W, U, b)

    assert not ex.check_forward_function(no_return)
    assert "return" in capsys.readouterr().out
    assert not ex.check_forward_function(lambda x, W, U, b: 1 / 0)
    assert "ZeroDivisionError" in capsys.readouterr().out
    assert not ex.check_forward_function("not a function")
