"""The answer checks of notebook 02: right answers pass, wrong ones get a hint, nothing raises.

Every check's placeholder reminder: tests/test_exercise_checks_never_raise.py.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from conftest import stable_id

from helpers.exercises import nb02 as ex

ORIGINAL_FALL = 14.2  # what notebook 02's sweep gives with U itself (about)


def fake_sweep(recurrent_scale=1.0):
    """A stand-in for the notebook's gradient_sweep: mean log10 norms per gap.

    The fall from the first gap to the last is 14.2 orders at scale 1 and
    shrinks as the scale grows, turning into growth above 2, as in the notebook.
    """
    fall = 14.2 * (2.0 - recurrent_scale) / 1.0 if recurrent_scale <= 2 else -5.0 * (recurrent_scale - 2)
    return np.linspace(0.0, -fall, 9)


def rerun(answer):
    return ex.check_rerun(answer, fake_sweep, ORIGINAL_FALL)


def vanish_or_explode(answer):
    return ex.check_vanish_or_explode(answer)


CHECKS = {
    "steps_to_vanish": ex.check_steps_to_vanish,
    "tanh_factor": ex.check_tanh_factor,
    "clipped_gradient": ex.check_clipped_gradient,
    "rerun": rerun,
    "vanish_or_explode": vanish_or_explode,
}

ODD_INPUTS = [
    None, ..., float("nan"), float("inf"), -1, 10**400, -(10**400), "62", b"62", {"a": 1}, {1, 2},
    [[1, 2], [3]], np.array(np.nan), np.array([np.nan, 1.0]), np.array([]), object(), print,
    lambda: 1 / 0, lambda x: x, lambda: None, lambda: ..., lambda: (..., ...), lambda: (..., ..., ...),
    lambda: (1.5, ..., "fewer"), lambda: {"radius": 1.1}, (32.9, 10.2, 16.7), True, -100000,
    lambda: (float("nan"), "explode"), lambda: (1.5, float("inf"), "more"),
]


@pytest.mark.parametrize("odd", ODD_INPUTS, ids=stable_id)
@pytest.mark.parametrize("name", list(CHECKS))
def test_odd_inputs_never_raise(name, odd, capsys):
    assert not CHECKS[name](odd)
    assert capsys.readouterr().out.strip()  # always a message, never silence


def test_the_exercise_cells_scaffolds_get_a_reminder(capsys):
    def what_happened():
        scale = ...  # the factor you multiplied U by
        orders = ...  # the fall your rerun printed
        more_or_fewer = ...  # "more" or "fewer"
        return scale, orders, more_or_fewer

    def radius_and_verdict():
        radius = ...  # the spectral radius of U, a float
        verdict = ...  # "vanish" or "explode"
        return radius, verdict

    assert not rerun(what_happened) and not vanish_or_explode(radius_and_verdict)
    assert capsys.readouterr().out.count("replace the placeholder") == 2


def test_steps_to_vanish(capsys):
    right = math.ceil(math.log(1e-6) / math.log(0.8))  # worked out independently of the checker
    assert 0.8**right < 1e-6 <= 0.8 ** (right - 1)

    def steps_to_vanish():  # the model answer
        steps, size = 0, 1.0
        while size >= 1e-6:
            size *= 0.8
            steps += 1
        return steps

    assert ex.check_steps_to_vanish(steps_to_vanish)
    for form in [right, np.int64(right), float(right), np.array(right), np.array([right])]:
        assert ex.check_steps_to_vanish(lambda form=form: form)
    capsys.readouterr()
    assert not ex.check_steps_to_vanish(lambda: right - 1)
    assert "one more step" in capsys.readouterr().out
    assert not ex.check_steps_to_vanish(lambda: 10)
    assert "not yet below" in capsys.readouterr().out
    assert not ex.check_steps_to_vanish(lambda: 100)
    assert "earlier power" in capsys.readouterr().out
    assert not ex.check_steps_to_vanish(lambda: 61.5)
    assert not ex.check_steps_to_vanish(lambda: "62")
    assert not ex.check_steps_to_vanish(lambda: -3)
    assert "0 or more" in capsys.readouterr().out.splitlines()[-1]
    assert not ex.check_steps_to_vanish(10**400)  # regression: used to raise OverflowError
    assert "whole number" in capsys.readouterr().out


def test_tanh_factor(capsys):
    def tanh_factor():  # the model answer
        return (1 - 0.9**2) ** 10

    assert ex.check_tanh_factor(tanh_factor)
    assert ex.check_tanh_factor(lambda: np.array([0.19**10]))
    assert ex.check_tanh_factor(lambda: 6.1e-8)  # rounded to 2 significant figures
    import tensorflow as tf

    assert ex.check_tanh_factor(lambda: tf.constant(0.19) ** 10)  # a float32 tensor
    capsys.readouterr()
    assert not ex.check_tanh_factor(lambda: 6e-8)  # rounded too far
    assert "more digits" in capsys.readouterr().out
    assert not ex.check_tanh_factor(lambda: 0.19)
    assert "one step" in capsys.readouterr().out
    assert not ex.check_tanh_factor(lambda: 0.9**10)
    assert "1 − h²" in capsys.readouterr().out
    assert not ex.check_tanh_factor(lambda: 0.5)
    assert not ex.check_tanh_factor(lambda: "0.19")


def test_clipped_gradient(capsys):
    def clipped_gradient():  # the model answer
        g = np.array([6.0, 8.0])
        return g * 2.0 / np.linalg.norm(g)

    assert ex.check_clipped_gradient(clipped_gradient)
    assert ex.check_clipped_gradient(lambda: [1.2, 1.6])
    assert ex.check_clipped_gradient(lambda: np.array([[1.2], [1.6]]))
    import tensorflow as tf

    assert ex.check_clipped_gradient(lambda: tf.clip_by_norm(tf.constant([6.0, 8.0]), 2.0))
    capsys.readouterr()
    assert not ex.check_clipped_gradient(lambda: [2.0, 2.0])
    assert "each entry" in capsys.readouterr().out
    assert not ex.check_clipped_gradient(lambda: [0.6, 0.8])
    assert "length" in capsys.readouterr().out
    assert not ex.check_clipped_gradient(lambda: [1.6, 1.2])
    assert "direction" in capsys.readouterr().out
    assert not ex.check_clipped_gradient(lambda: [1.2, 1.6, 0.0])
    assert not ex.check_clipped_gradient(lambda: "1.2, 1.6")
    assert not ex.check_clipped_gradient(lambda: {"x": 1.2, "y": 1.6})


@pytest.mark.parametrize("scale, word", [(0.9, "more"), (1.5, "fewer"), (3.0, "fewer")])
def test_rerun_model_answers(scale, word, capsys):
    log_norms = fake_sweep(scale)
    printed = round(float(log_norms[0] - log_norms[-1]), 1)  # what the notebook's cell prints

    def what_happened():
        return scale, printed, word

    assert rerun(what_happened)
    out = capsys.readouterr().out
    assert "Correct" in out
    assert ("exploded" in out) == (printed < 0)


def test_rerun_reads_a_sweep_per_layer(capsys):
    """The notebook's sweep returns (gaps, layers); the check averages over the layers."""
    def per_layer_sweep(recurrent_scale=1.0):
        mean = fake_sweep(recurrent_scale)
        return np.stack([mean - 0.3, mean, mean + 0.3], axis=1)

    assert ex.check_rerun(lambda: (1.5, 7.1, "fewer"), per_layer_sweep, ORIGINAL_FALL)


def test_rerun_wrong_reports(capsys):
    assert not rerun(lambda: (1.5, 7.1, "more"))
    assert "compare it with the original" in capsys.readouterr().out
    assert not rerun(lambda: (1.5, 3.0, "fewer"))
    assert "did you rerun" in capsys.readouterr().out
    assert not rerun(lambda: (1, 14.2, "fewer"))
    assert "original run" in capsys.readouterr().out
    assert not rerun(lambda: (0.5, 40.0, "more"))
    assert "between" in capsys.readouterr().out
    assert not rerun(lambda: (1.5, 7.1, "less"))
    assert '"more" or "fewer"' in capsys.readouterr().out
    assert not rerun(lambda: (1.5, 7.1))
    assert "three things" in capsys.readouterr().out
    # a sweep that fails or returns the wrong thing is reported, not raised
    assert not ex.check_rerun(lambda: (1.5, 7.1, "fewer"), lambda scale: 1 / 0, ORIGINAL_FALL)
    assert "ZeroDivisionError" in capsys.readouterr().out
    assert not ex.check_rerun(lambda: (1.5, 7.1, "fewer"), lambda scale: 3.0, ORIGINAL_FALL)
    assert "one row per gap" in capsys.readouterr().out
    assert not ex.check_rerun(lambda: (1.5, 7.1, "fewer"), fake_sweep, None)
    assert "original fall" in capsys.readouterr().out


def test_vanish_or_explode(capsys):
    def radius_and_verdict():  # the model answer
        radius = float(np.max(np.abs(np.linalg.eigvals([[0.6, 0.5], [0.5, 0.6]]))))
        return radius, "explode" if radius > 1 else "vanish"

    assert np.isclose(radius_and_verdict()[0], 1.1)  # eigenvalues 1.1 and 0.1
    assert vanish_or_explode(radius_and_verdict)
    assert vanish_or_explode(lambda: (1.1, " Explode "))
    assert vanish_or_explode(lambda: [np.array([1.1]), "explode"])
    capsys.readouterr()
    assert not vanish_or_explode(lambda: (1.1, "vanish"))
    assert "compare it with 1" in capsys.readouterr().out
    # a wrong radius: the hint is about the radius and does not give the verdict away
    for wrong, hint in [(0.6, "largest entry"), (0.1, "not the largest"), (0.8, "eigenvalues")]:
        assert not vanish_or_explode(lambda wrong=wrong: (wrong, "vanish"))
        out = capsys.readouterr().out
        assert hint in out and "explode" not in out and "vanish" not in out
    assert not vanish_or_explode(lambda: (1.1, "explodes"))
    assert not vanish_or_explode(lambda: ("1.1", "explode"))
    assert not vanish_or_explode(lambda: (1.1, 1.1))
    assert not vanish_or_explode(lambda: (1.1, "explode", "extra"))
    assert "two things" in capsys.readouterr().out.splitlines()[-1]


def test_a_huge_answer_is_quoted_short(capsys):
    """Issue 18: a huge answer must not flood the notebook."""
    huge = "x" * 10**6
    for check in (ex.check_steps_to_vanish, ex.check_tanh_factor, ex.check_clipped_gradient,
                  ex.check_vanish_or_explode):
        assert not check(lambda: huge)
        assert len(capsys.readouterr().out) < 300
    assert not ex.check_vanish_or_explode(lambda: (1.1, huge))
    assert len(capsys.readouterr().out) < 300
