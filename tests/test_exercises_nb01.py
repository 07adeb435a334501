"""The answer checks of notebook 01: right answers pass, wrong ones get a hint, nothing raises.

Every check's placeholder reminder: tests/test_exercise_checks_never_raise.py.
"""

from __future__ import annotations

import numpy as np
import pytest
from conftest import stable_id

from helpers import simple_rnn_forward
from helpers.exercises import nb01 as ex


def loop_forward(x, W, U, b):
    """A correct learner's answer to exercise 4."""
    h = np.zeros((x.shape[0], W.shape[1]))
    outputs = []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ W + h @ U + b)
        outputs.append(h)
    return np.stack(outputs, axis=1)


def sensitivity_by_step(sequences, W, U, b, epsilon=1e-6):
    """Notebook 01's section-6 measurement, as the notebook writes it."""
    _, h_last = simple_rnn_forward(sequences, W, U, b)
    n_steps = sequences.shape[1]
    sensitivity = []
    for k in range(n_steps):
        nudged = sequences.copy()
        nudged[:, n_steps - 1 - k, :] += epsilon
        _, h_last_nudged = simple_rnn_forward(nudged, W, U, b)
        sensitivity.append((np.linalg.norm(h_last_nudged - h_last, axis=1) / epsilon).mean())
    return np.array(sensitivity)


@pytest.fixture(scope="module")
def experiment():
    """The weights of notebook 01's section 5 and a smaller batch of section 6's sequences."""
    rng = np.random.default_rng(1)
    W = rng.normal(scale=0.5, size=(3, 5))
    U = rng.normal(scale=0.5, size=(5, 5))
    b = rng.normal(scale=0.1, size=5)
    sequences = np.random.default_rng(2).normal(size=(200, 30, 3))
    return sensitivity_by_step, sequences, W, U, b


def ratio(experiment, scale):
    measure, sequences, W, U, b = experiment
    sensitivity = measure(sequences, W, scale * U, b)
    return float(sensitivity[:3].mean() / sensitivity[-3:].mean())


def rerun_check(experiment):
    return lambda answer: ex.check_rerun(answer, *experiment)


ODD_INPUTS = [
    None, ..., float("nan"), float("inf"), -1, 10**400, "96", b"96", {"a": 1}, {1, 2}, [[1, 2], [3]],
    np.array(np.nan), np.array([]), object(), print, lambda: 1 / 0, lambda x: x, lambda: None,
    lambda: ..., lambda: (..., ..., ...), lambda: (1.5, ..., "more"), lambda: {"scale": 1.5},
    (32.9, 10.2, 16.7), True, -0.0,
]


@pytest.mark.parametrize("odd", ODD_INPUTS, ids=stable_id)
@pytest.mark.parametrize("name", ["parameter_count", "output_shape", "two_steps", "forward_function", "rerun"])
def test_odd_inputs_never_raise(name, odd, experiment, capsys):
    check = rerun_check(experiment) if name == "rerun" else getattr(ex, f"check_{name}")
    assert not check(odd)
    assert capsys.readouterr().out.strip()  # always a message, never silence


def test_the_exercise_cells_scaffolds_get_a_reminder(experiment, capsys):
    def parameter_count():
        return ...  # your answer: an int

    def what_happened():
        scale = ...  # the factor you multiplied U by
        ratio = ...  # the ratio your rerun printed
        old_inputs = ...  # "more" or "less"
        return scale, ratio, old_inputs

    assert not ex.check_parameter_count(parameter_count)
    assert not ex.check_rerun(what_happened, *experiment)
    assert capsys.readouterr().out.count("replace the placeholder") == 2


def test_parameter_count(capsys):
    def parameter_count():  # the model answer
        return 3 * 8 + 8 * 8 + 8

    assert ex.check_parameter_count(parameter_count)
    for right in [96, 96.0, np.int64(96), np.array(96), np.array([96])]:
        assert ex.check_parameter_count(lambda right=right: right)
    import tensorflow as tf

    assert ex.check_parameter_count(lambda: tf.constant(96))
    capsys.readouterr()
    assert not ex.check_parameter_count(lambda: 3 * 8 + 8 * 8)
    assert "bias" in capsys.readouterr().out
    assert not ex.check_parameter_count(lambda: 3 * 8 + 8)
    assert "recurrent" in capsys.readouterr().out
    assert not ex.check_parameter_count(lambda: 95)
    assert not ex.check_parameter_count(lambda: 96.5)
    assert not ex.check_parameter_count(lambda: True)
    assert not ex.check_parameter_count(float("nan"))  # regression: used to raise ValueError
    assert "whole number" in capsys.readouterr().out.splitlines()[-1]


def test_output_shape(capsys):
    def output_shape():  # the model answer
        return (32, 10, 16)

    assert ex.check_output_shape(output_shape)
    assert ex.check_output_shape(lambda: [32, 10, 16])
    assert ex.check_output_shape(lambda: np.array([32, 10, 16]))
    assert ex.check_output_shape(lambda: (np.int64(32), 10, 16))
    capsys.readouterr()
    assert not ex.check_output_shape(lambda: (32, 16))
    assert "return_sequences" in capsys.readouterr().out
    assert not ex.check_output_shape(lambda: (32, 10, 3))
    assert "units" in capsys.readouterr().out
    # regressions: floats were cut to ints, dicts were read as their keys
    assert not ex.check_output_shape(lambda: (32.9, 10.2, 16.7))
    assert not ex.check_output_shape(lambda: {32: "batch", 10: "time", 16: "units"})
    assert not ex.check_output_shape(lambda: "(32, 10, 16)")
    assert not ex.check_output_shape(lambda: 32)


def test_two_steps(capsys):
    def h_2():  # the model answer
        h_1 = np.tanh(1 * 0.5 + 0 * 1.0 + 0)
        return np.tanh(2 * 0.5 + h_1 * 1.0 + 0)

    h_1 = np.tanh(1 * 0.5)
    assert ex.check_two_steps(h_2)
    assert round(float(h_2()), 3) == 0.898
    assert ex.check_two_steps(lambda: 0.898)
    assert ex.check_two_steps(lambda: 0.9)  # rounded to one decimal: still right
    assert ex.check_two_steps(lambda: np.array([0.898]))
    capsys.readouterr()
    assert not ex.check_two_steps(lambda: 0.88)  # cut off, not rounded, and too far
    assert "3 decimals" in capsys.readouterr().out
    assert not ex.check_two_steps(lambda: float(h_1))
    assert "h_1" in capsys.readouterr().out
    assert not ex.check_two_steps(lambda: float(np.tanh(1.0)))  # forgot the recurrent term
    assert "U" in capsys.readouterr().out
    assert not ex.check_two_steps(lambda: 1.0 + 0.5)  # forgot the tanh
    assert "tanh" in capsys.readouterr().out
    assert not ex.check_two_steps(lambda: "0.9")


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

    def no_return(x, W, U, b):
        loop_forward(x, W, U, b)

    assert not ex.check_forward_function(no_return)
    assert "return" in capsys.readouterr().out
    assert not ex.check_forward_function(lambda x, W, U, b: 1 / 0)
    assert "ZeroDivisionError" in capsys.readouterr().out
    assert not ex.check_forward_function(lambda x, W, U, b: loop_forward(x, W, U, b) * np.nan)
    assert "NaN" in capsys.readouterr().out
    assert not ex.check_forward_function(lambda x, W, U, b: [[1, 2], [3]])
    assert not ex.check_forward_function("not a function")


@pytest.mark.parametrize("scale, word", [(0.8, "less"), (1.5, "more"), (2.0, "more")])
def test_rerun_model_answers(experiment, scale, word, capsys):
    printed = float(f"{ratio(experiment, scale):.3g}")  # what the notebook's cell prints

    def what_happened():
        return scale, printed, word

    assert ex.check_rerun(what_happened, *experiment)
    assert "Correct" in capsys.readouterr().out


def test_rerun_wrong_reports(experiment, capsys):
    printed = float(f"{ratio(experiment, 1.5):.3g}")
    assert not ex.check_rerun(lambda: (1.5, printed, "less"), *experiment)
    assert "smaller ratio means old inputs count for more" in capsys.readouterr().out
    assert not ex.check_rerun(lambda: (1.5, printed * 3, "more"), *experiment)
    assert "did you rerun" in capsys.readouterr().out
    assert not ex.check_rerun(lambda: (1.0, 188, "more"), *experiment)
    assert "original run" in capsys.readouterr().out
    assert not ex.check_rerun(lambda: (0.3, 1e13, "less"), *experiment)
    assert "between" in capsys.readouterr().out
    assert not ex.check_rerun(lambda: (1.5, printed, "yes"), *experiment)
    assert '"more" or "less"' in capsys.readouterr().out
    assert not ex.check_rerun(lambda: (1.5, printed), *experiment)
    assert "three things" in capsys.readouterr().out
    # a measurement function that fails is reported, not raised
    assert not ex.check_rerun(lambda: (1.5, printed, "more"), lambda *a: 1 / 0, *experiment[1:])
    assert "ZeroDivisionError" in capsys.readouterr().out


def test_rerun_with_nothing_left_at_the_oldest_steps_is_not_right(capsys):
    """Issue 18: a measurement with 0 for the oldest inputs gave ratio inf, which matched any answer."""
    def measure(sequences, W, U, b):
        return np.array([1.0, 0.5, 0.2, 0.0, 0.0, 0.0])

    args = (np.zeros((2, 6, 1)), np.ones((1, 1)), np.ones((1, 1)), np.zeros(1))
    for ratio_given in (5.0, 1e300):
        assert not ex.check_rerun(lambda r=ratio_given: (1.5, r, "more"), measure, *args)
        assert "undefined" in capsys.readouterr().out


def test_a_huge_answer_is_quoted_short(experiment, capsys):
    """Issue 18: a 10⁶-element answer printed about 5 MB."""
    huge = list(range(10**6))
    for check in (ex.check_parameter_count, ex.check_output_shape, ex.check_two_steps, rerun_check(experiment)):
        assert not check(lambda: huge)
        assert len(capsys.readouterr().out) < 300
    assert not ex.check_rerun(lambda: (1.5, 2.0, "x" * 10**6), *experiment)
    assert len(capsys.readouterr().out) < 300
