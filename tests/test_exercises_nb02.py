"""The answer checks of notebook 02: right answers pass, wrong ones get a hint."""

from __future__ import annotations

import math

import numpy as np
import pytest

from helpers.exercises import nb02 as ex


@pytest.mark.parametrize(
    "check",
    [ex.check_steps_to_vanish, ex.check_clipped_gradient, ex.check_tanh_factor,
     lambda answer: ex.check_vanish_or_explode(answer, answer),
     lambda answer: ex.check_vanish_or_explode(1.1, answer),
     lambda answer: ex.check_vanish_or_explode(answer, "explode")],
)
@pytest.mark.parametrize("placeholder", [None, ...])
def test_placeholders_get_a_reminder(check, placeholder, capsys):
    assert not check(placeholder)
    assert "replace the placeholder" in capsys.readouterr().out


def test_steps_to_vanish(capsys):
    right = math.ceil(math.log(1e-6) / math.log(0.8))  # worked out independently of the checker
    assert 0.8**right < 1e-6 <= 0.8 ** (right - 1)
    assert ex.check_steps_to_vanish(right)
    assert ex.check_steps_to_vanish(np.int64(right))
    assert ex.check_steps_to_vanish(float(right))
    assert not ex.check_steps_to_vanish(right - 1)
    assert "one more step" in capsys.readouterr().out
    assert not ex.check_steps_to_vanish(10)
    assert "not yet below" in capsys.readouterr().out
    assert not ex.check_steps_to_vanish(100)
    assert "earlier power" in capsys.readouterr().out
    assert not ex.check_steps_to_vanish(61.5)
    assert not ex.check_steps_to_vanish("62")


def test_clipped_gradient(capsys):
    assert ex.check_clipped_gradient([1.2, 1.6])
    assert ex.check_clipped_gradient(np.array([[1.2], [1.6]]))
    assert not ex.check_clipped_gradient([2.0, 2.0])
    assert "clipvalue" in capsys.readouterr().out
    assert not ex.check_clipped_gradient([0.6, 0.8])
    assert "length" in capsys.readouterr().out
    assert not ex.check_clipped_gradient([1.6, 1.2])
    assert "direction" in capsys.readouterr().out
    assert not ex.check_clipped_gradient([1.2, 1.6, 0.0])
    assert not ex.check_clipped_gradient("1.2, 1.6")


def test_vanish_or_explode(capsys):
    # eigenvalues 1.1 and 0.1: the largest is above 1
    radius = float(max(abs(np.linalg.eigvals([[0.6, 0.5], [0.5, 0.6]]))))
    assert np.isclose(radius, 1.1)
    assert ex.check_vanish_or_explode(radius, "explode")
    assert ex.check_vanish_or_explode(1.1, " Explode ")
    assert ex.check_vanish_or_explode(np.array([1.1]), "explode")
    capsys.readouterr()
    # a right radius with the wrong verdict: compare with 1
    assert not ex.check_vanish_or_explode(1.1, "vanish")
    assert "compare it with 1" in capsys.readouterr().out
    # a wrong radius: the hint is about the radius and does not give the verdict away
    for wrong, hint in [(0.6, "largest entry"), (0.1, "not the largest"), (0.8, "eigenvalues")]:
        assert not ex.check_vanish_or_explode(wrong, "vanish")
        out = capsys.readouterr().out
        assert hint in out and "explode" not in out and "vanish" not in out
    assert not ex.check_vanish_or_explode(1.1, "explodes")
    assert not ex.check_vanish_or_explode("1.1", "explode")
    assert not ex.check_vanish_or_explode(1.1, 1.1)


def test_tanh_factor(capsys):
    assert ex.check_tanh_factor((1 - 0.9**2) ** 10)
    assert ex.check_tanh_factor(np.array([0.19**10]))
    assert ex.check_tanh_factor(6.1e-8)  # rounded to 2 significant figures
    capsys.readouterr()
    assert not ex.check_tanh_factor(6e-8)  # rounded too far
    assert "more digits" in capsys.readouterr().out
    assert not ex.check_tanh_factor(0.19)
    assert "one step" in capsys.readouterr().out
    assert not ex.check_tanh_factor(0.9**10)
    assert "1 − h²" in capsys.readouterr().out
    assert not ex.check_tanh_factor(0.5)
    assert not ex.check_tanh_factor("0.19")
