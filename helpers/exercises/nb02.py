"""Answer checks for the exercises of notebooks/02_long_term_dependencies.ipynb.

Each ``check_...`` prints a one-line verdict (with a hint when the answer is
wrong) and returns a Verdict (truthy when right); the placeholder ``None`` gets a reminder.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from helpers.exercises import Verdict, as_number, feedback, is_number, not_answered, unanswered

# Exercise 1: factor per step and threshold.
_FACTOR, _THRESHOLD = 0.8, 1e-6
# Exercise 2: gradient and maximum norm.
_GRADIENT, _MAX_NORM = np.array([6.0, 8.0]), 2.0
# Exercise 3: the recurrent matrix of a linear RNN.
_MATRIX = np.array([[0.6, 0.5], [0.5, 0.6]])
# Exercise 4: a unit held at h for a number of steps, with U = identity.
_H, _STEPS = 0.9, 10


def _steps_to_vanish() -> int:
    steps, size = 0, 1.0
    while size >= _THRESHOLD:
        size *= _FACTOR
        steps += 1
    return steps


def check_steps_to_vanish(answer: Any) -> Verdict:
    """Exercise 1: steps until 0.8^k first drops below 1e-6."""
    if unanswered(answer):
        return not_answered("Exercise 1")
    if not is_number(answer) or float(answer) != int(answer):
        return feedback(False, f"give a whole number of steps (an int), got {answer!r}.")
    expected = _steps_to_vanish()
    k = int(answer)
    if k == expected:
        return feedback(True, f"0.8^{k} is the first power below 1e-6: a few dozen steps are enough.")
    if k == expected - 1:
        return feedback(False, f"0.8^{k} is still just above 1e-6; one more step.")
    if k < expected:
        return feedback(False, f"0.8^{k} ≈ {_FACTOR ** k:.1e} is not yet below 1e-6.")
    return feedback(False, f"0.8^{k} is below 1e-6, but so is an earlier power: find the first one.")


def check_clipped_gradient(answer: Any) -> Verdict:
    """Exercise 2: [6, 8] clipped to norm 2."""
    if unanswered(answer):
        return not_answered("Exercise 2")
    try:
        clipped = np.asarray(answer, dtype=float).reshape(-1)
    except (TypeError, ValueError):
        return feedback(False, f"give two numbers, as a list or an array, got {answer!r}.")
    if clipped.shape != (2,):
        return feedback(False, f"give two numbers, one per entry of g; got {clipped.size}.")
    norm = float(np.linalg.norm(_GRADIENT))
    expected = _GRADIENT * (_MAX_NORM / norm)
    if np.allclose(clipped, expected, atol=1e-6):
        return feedback(True, "the length is now 2 and the direction is unchanged.")
    if np.allclose(clipped, np.clip(_GRADIENT, -_MAX_NORM, _MAX_NORM)):
        return feedback(False, "that clips each entry to ±2 (clipvalue); clipnorm rescales the whole vector.")
    length = float(np.linalg.norm(clipped))
    if not math.isclose(length, _MAX_NORM, rel_tol=1e-6):
        return feedback(False, f"your vector has length {length:.3g}; after clipping it should be exactly 2.")
    return feedback(False, "the length is right but the direction changed: scale both entries by one factor.")


def check_vanish_or_explode(radius: Any, verdict: Any) -> Verdict:
    """Exercise 3: the spectral radius of [[0.6, 0.5], [0.5, 0.6]], then "vanish" or "explode"."""
    if unanswered(radius) or unanswered(verdict):
        return not_answered("Exercise 3")
    value = as_number(radius)
    if value is None:
        return feedback(False, f"give the spectral radius as one number (a float), got {radius!r}.")
    radius = value
    if not isinstance(verdict, str) or verdict.strip().lower() not in ("vanish", "explode"):
        return feedback(False, f'give the verdict as "vanish" or "explode", got {verdict!r}.')
    eigenvalues = np.linalg.eigvals(_MATRIX)
    expected_radius = float(np.max(np.abs(eigenvalues)))
    value = float(radius)
    if not math.isclose(value, expected_radius, rel_tol=1e-2):
        if math.isclose(value, float(np.max(_MATRIX)), rel_tol=1e-2):
            return feedback(False, "that is the largest entry of U; the spectral radius comes from its eigenvalues.")
        if any(math.isclose(value, float(abs(e)), rel_tol=1e-2) for e in eigenvalues):
            return feedback(False, "that is one of the eigenvalues' sizes, but not the largest one.")
        return feedback(
            False, "the spectral radius is the largest absolute value of the eigenvalues (np.linalg.eigvals)."
        )
    expected = "explode" if expected_radius > 1 else "vanish"
    if verdict.strip().lower() == expected:
        return feedback(True, "the spectral radius decides it, not the size of the entries.")
    return feedback(False, "your radius is right; now compare it with 1, as in section 3's plot.")


def check_tanh_factor(answer: Any) -> Verdict:
    """Exercise 4: (1 − 0.9²)^10, the tanh-derivative factor over 10 steps."""
    if unanswered(answer):
        return not_answered("Exercise 4")
    value = as_number(answer)
    if value is None:
        return feedback(False, f"give one number (a float), got {answer!r}.")
    answer = value
    per_step = 1 - _H**2
    expected = per_step**_STEPS
    value = float(answer)
    if math.isclose(value, expected, rel_tol=1e-2):  # 6.1e-8 is fine
        return feedback(True, "the tanh derivative 1 − h² at every step, multiplied 10 times.")
    if math.isclose(value, expected, rel_tol=0.2):
        return feedback(False, "close: give more digits (at least 2 significant figures, e.g. 1.2e-3).")
    if math.isclose(value, per_step, rel_tol=1e-2):
        return feedback(False, "that is the factor for one step; the gradient passes 10 of them.")
    if math.isclose(value, _H**_STEPS, rel_tol=1e-2) or math.isclose(value, (1 - _H) ** _STEPS, rel_tol=1e-2):
        return feedback(False, "the factor per step is the derivative of tanh at that state: 1 − h².")
    return feedback(False, "find the factor one step contributes (section 3: the entries of D_t), then repeat it.")
