"""Answer checks for the exercises of notebooks/02_long_term_dependencies.ipynb.

One ``check_...`` per exercise, in the ``exercise`` decorator style (see
helpers/exercises/__init__.py); exercise 4 reruns the notebook's own gradient sweep.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from helpers.exercises import (
    AnswerProblem,
    Verdict,
    as_int,
    as_number,
    as_pair,
    as_parts,
    exercise,
    feedback,
    learner_array,
    quote,
    rerun_setting_hint,
)

# Exercise 1: factor per step and threshold.
_FACTOR, _THRESHOLD = 0.8, 1e-6
# Exercise 2: a unit held at h for a number of steps, with U = identity.
_H, _STEPS = 0.9, 10
# Exercise 3: gradient and maximum norm.
_GRADIENT, _MAX_NORM = np.array([6.0, 8.0]), 2.0
# Exercise 4: the factors of U the rerun may use. At 0.8 the gradient at gap
# 100 already underflows float32 to 0 (its log10 is -inf).
_SCALE_RANGE = (0.9, 3.0)
# Exercise 5 (Going further): the recurrent matrix of a linear RNN.
_MATRIX = np.array([[0.6, 0.5], [0.5, 0.6]])


def _steps_to_vanish() -> int:
    steps, size = 0, 1.0
    while size >= _THRESHOLD:
        size *= _FACTOR
        steps += 1
    return steps


@exercise(1, read=as_int, expects="a whole number of steps (an int, at most a few hundred)")
def check_steps_to_vanish(k: int) -> Verdict:
    """Exercise 1: steps until 0.8^k first drops below 1e-6."""
    if k < 0:
        return feedback(False, f"a number of steps is 0 or more, got {k}.")
    expected = _steps_to_vanish()
    if k == expected:
        return feedback(True, f"0.8^{k} is the first power below 1e-6: a few dozen steps are enough.")
    if k == expected - 1:
        return feedback(False, f"0.8^{k} is still just above 1e-6; one more step.")
    if k < expected:
        return feedback(False, f"0.8^{k} ≈ {_FACTOR**k:.1e} is not yet below 1e-6.")
    return feedback(False, f"0.8^{k} is below 1e-6, but so is an earlier power: find the first one.")


@exercise(2, read=as_number, expects="one number (a float)")
def check_tanh_factor(number: float) -> Verdict:
    """Exercise 2: (1 − 0.9²)^10, the tanh-derivative factor over 10 steps."""
    per_step = 1 - _H**2
    expected = per_step**_STEPS
    if math.isclose(number, expected, rel_tol=1e-2):  # 6.1e-8 is fine
        return feedback(True, "the tanh derivative 1 − h² at every step, multiplied 10 times.")
    if math.isclose(number, expected, rel_tol=0.2):
        return feedback(False, "close: give more digits (at least 2 significant figures, e.g. 1.2e-3).")
    if math.isclose(number, per_step, rel_tol=1e-2):
        return feedback(False, "that is the factor for one step; the gradient passes 10 of them.")
    if math.isclose(number, _H**_STEPS, rel_tol=1e-2) or math.isclose(number, (1 - _H) ** _STEPS, rel_tol=1e-2):
        return feedback(False, "the factor per step is the derivative of tanh at that state: 1 − h².")
    return feedback(False, "find the factor one step contributes (section 3: 1 − h²), then repeat it 10 times.")


def _numbers(value: Any) -> np.ndarray | None:
    """``value`` as a flat float array when it is a list, tuple, array or tensor of numbers, else None."""
    if isinstance(value, (str, bytes, dict, set)):
        return None
    try:
        return np.asarray(getattr(value, "numpy", lambda: value)(), dtype=float).reshape(-1)
    except (TypeError, ValueError, OverflowError):
        return None


@exercise(3, read=_numbers, expects="two numbers, as a list or an array")
def check_clipped_gradient(clipped: np.ndarray) -> Verdict:
    """Exercise 3: [6, 8] clipped to norm 2."""
    if clipped.shape != (2,):
        return feedback(False, f"give two numbers, one per entry of g; got {clipped.size}.")
    if not np.all(np.isfinite(clipped)):
        return feedback(False, "your vector holds NaN or infinity; clipping gives two ordinary numbers.")
    norm = float(np.linalg.norm(_GRADIENT))
    expected = _GRADIENT * (_MAX_NORM / norm)
    if np.allclose(clipped, expected, atol=1e-6):
        return feedback(True, "the length is now 2 and the direction is unchanged.")
    if np.allclose(clipped, np.clip(_GRADIENT, -_MAX_NORM, _MAX_NORM)):
        return feedback(False, "that clips each entry to ±2; clipping by norm rescales the whole vector.")
    length = float(np.linalg.norm(clipped))
    if not math.isclose(length, _MAX_NORM, rel_tol=1e-6):
        return feedback(False, f"your vector has length {length:.3g}; after clipping it should be exactly 2.")
    return feedback(False, "the length is right but the direction changed: scale both entries by one factor.")


def _fall(sweep: Callable[..., Any], scale: float) -> float:
    """Orders of magnitude the gradient falls from the first gap to the last, for U scaled by ``scale``."""
    log_norms = learner_array(sweep, scale, name="gradient_sweep")
    if log_norms.ndim == 2:  # (gaps, layers): the mean over the layers, as the notebook takes it
        log_norms = log_norms.mean(axis=1)
    if log_norms.ndim != 1 or log_norms.size < 2:
        raise AnswerProblem("the sweep function should return the mean log10 norms, one row per gap.")
    return float(log_norms[0] - log_norms[-1])


_PARTS = ("scale", "orders", "more_or_fewer")


@exercise(4, read=lambda value: as_parts(value, _PARTS, numbers=2),
          expects="three things: scale, orders, more_or_fewer")
def check_rerun(answer: tuple[float, float, Any], sweep: Any, original_fall: Any) -> Verdict:
    """Exercise 4: the learner scaled U, reran the gradient sweep and reports what happened.

    The learner's function returns ``(scale, orders, more_or_fewer)``: the
    factor they multiplied U by, the orders of magnitude the rerun printed (the
    fall from gap 1 to gap 100; negative if the gradient grew) and ``"more"``
    or ``"fewer"`` than ``original_fall``, the fall with U itself. The check
    reruns ``sweep`` (the notebook's own function) to see what the run gives.
    """
    scale, orders, word = answer
    original = as_number(original_fall)
    if original is None:
        return feedback(False, "pass the original fall (a number) as the third argument, as the cell does.")
    hint = rerun_setting_hint(scale, _SCALE_RANGE, "0.9 or 1.5", word, "more_or_fewer", ("more", "fewer"))
    if hint:
        return feedback(False, hint)
    expected = _fall(sweep, scale)
    if not abs(orders - expected) <= 0.06:  # the cell prints one decimal
        return feedback(
            False, f"with U scaled by {scale:g} the sweep gives a fall of {expected:.1f} orders, "
            f"not {orders:g}: did you rerun it with recurrent_scale={scale:g}?"
        )
    truth = "more" if expected > original else "fewer"
    if word.strip().lower() != truth:
        return feedback(
            False, f"your number is right; compare it with the original fall of {original:.1f} orders."
        )
    if expected < 0:
        what = "the gradient grew with the gap: it exploded, since the factors per step are now above 1 on average"
    elif scale > 1:
        what = "a larger U makes each factor per step larger, so the product shrinks more slowly"
    else:
        what = "a smaller U makes each factor per step smaller, so the product shrinks faster"
    return feedback(True, f"{expected:.1f} orders against {original:.1f}: {what}.")


def _radius_and_verdict(value: Any) -> tuple[float, str] | None:
    """``(radius, verdict)`` read from the answer, or None when it has another form."""
    pair = as_pair(value)
    if pair is None:
        return None
    radius, verdict = pair
    number = as_number(radius)
    if number is None:
        raise AnswerProblem(f"give the spectral radius as one number (a float), got {quote(radius)}.")
    if not isinstance(verdict, str) or verdict.strip().lower() not in ("vanish", "explode"):
        raise AnswerProblem(f'give the verdict as "vanish" or "explode", got {quote(verdict)}.')
    return number, verdict


@exercise(5, read=_radius_and_verdict, expects="two things: radius, verdict")
def check_vanish_or_explode(answer: tuple[float, str]) -> Verdict:
    """Exercise 5: the spectral radius of [[0.6, 0.5], [0.5, 0.6]], then "vanish" or "explode".

    The learner's function returns ``(radius, verdict)``.
    """
    number, verdict = answer
    eigenvalues = np.linalg.eigvals(_MATRIX)
    expected_radius = float(np.max(np.abs(eigenvalues)))
    if not math.isclose(number, expected_radius, rel_tol=1e-2):
        if math.isclose(number, float(np.max(_MATRIX)), rel_tol=1e-2):
            return feedback(False, "that is the largest entry of U; the spectral radius comes from its eigenvalues.")
        if any(math.isclose(number, float(abs(e)), rel_tol=1e-2) for e in eigenvalues):
            return feedback(False, "that is one of the eigenvalues' sizes, but not the largest one.")
        return feedback(
            False, "the spectral radius is the largest absolute value of the eigenvalues (np.linalg.eigvals)."
        )
    expected = "explode" if expected_radius > 1 else "vanish"
    if verdict.strip().lower() == expected:
        return feedback(True, "the spectral radius decides it, not the size of the entries.")
    return feedback(False, "your radius is right; now compare it with 1.")


def _flat_sweep(scale: float) -> np.ndarray:
    return np.array([-1.0, -2.0, -3.0])


# Wrong answers the notebook invites, as each check's arguments (see helpers.exercises).
WRONG_ANSWERS: dict[str, list[tuple[Any, ...]]] = {
    "check_steps_to_vanish": [(61,), (63,), (6,), (62.5,)],
    "check_tanh_factor": [(0.19,), (0.9**10,), (0.1**10,), (5e-8,)],
    "check_clipped_gradient": [([2.0, 2.0],), ([6.0, 8.0],), ([0.6, 0.8],), ([2.0, 0.0],)],
    "check_rerun": [((1.0, 2.0, "more"), _flat_sweep, 2.0), ((1.5, 9.0, "fewer"), _flat_sweep, 2.0),
                    ((1.5, 2.0, "fewer"), _flat_sweep, 1.0)],
    "check_vanish_or_explode": [((0.6, "vanish"),), ((1.1, "vanish"),), ((0.1, "vanish"),),
                                ((1.2, "explode"),)],
}
