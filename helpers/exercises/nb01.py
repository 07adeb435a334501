"""Answer checks for the exercises of notebooks/01_recurrent_neural_networks.ipynb.

One ``check_...`` per exercise, in the ``exercise`` decorator style (see
helpers/exercises/__init__.py); exercise 4's empty ``def`` counts as unanswered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from helpers.exercises import (
    AnswerProblem,
    Unanswered,
    Verdict,
    as_int,
    as_number,
    as_parts,
    as_shape,
    call_learner_function,
    exercise,
    feedback,
    learner_array,
    rerun_setting_hint,
)

# Exercise 1: SimpleRNN(8) on 3 features.
_FEATURES, _UNITS = 3, 8
# Exercise 2: batch 32, 10 steps, 3 features into SimpleRNN(16, return_sequences=True).
_BATCH, _STEPS, _UNITS_2 = 32, 10, 16
# Exercise 3: one unit, W = 0.5, U = 1.0, b = 0, inputs 1 then 2.
_W, _U, _B, _INPUTS = 0.5, 1.0, 0.0, (1.0, 2.0)
# Exercise 5: the factors of U the rerun may use (outside, the measurement is
# dominated by float round-off or by saturated units).
_SCALE_RANGE = (0.7, 3.0)


@exercise(1, read=as_int, expects="a whole number (an int)")
def check_parameter_count(count: int) -> Verdict:
    """Exercise 1: the number of parameters of SimpleRNN(8) on 3 features."""
    expected = _FEATURES * _UNITS + _UNITS * _UNITS + _UNITS
    if count == expected:
        return feedback(True, "d·n + n·n + n parameters: W, U and b.")
    if count == _FEATURES * _UNITS + _UNITS * _UNITS:
        return feedback(False, "close: did you forget the bias b?")
    if count == _FEATURES * _UNITS + _UNITS:
        return feedback(False, "close: did you forget the recurrent weights U, shape (n, n)?")
    return feedback(
        False,
        "count the entries of W (d, n), U (n, n) and b (n,), with d = 3 features and n = 8 units.",
    )


@exercise(2, read=as_shape, expects="a tuple of whole numbers such as (2, 3, 4)")
def check_output_shape(shape: tuple[int, ...]) -> Verdict:
    """Exercise 2: the output shape of SimpleRNN(16, return_sequences=True)."""
    if shape == (_BATCH, _STEPS, _UNITS_2):
        return feedback(True, "one hidden state of 16 units per sequence and per time step.")
    if shape == (_BATCH, _UNITS_2):
        return feedback(False, "that is the shape without return_sequences=True. What changes with it?")
    if len(shape) != 3:
        return feedback(False, "with return_sequences=True the output has 3 axes: (batch, time, units).")
    return feedback(False, "the axes are (batch, time, units); which of the numbers is the number of units?")


@exercise(3, read=as_number, expects="one number (a float)")
def check_two_steps(number: float) -> Verdict:
    """Exercise 3: h_2 of a one-unit RNN, computed by hand."""
    h = 0.0
    states = []
    for x in _INPUTS:
        h = float(np.tanh(x * _W + h * _U + _B))
        states.append(h)
    if abs(number - states[-1]) <= 5e-3:  # 0.898 and 0.9 are both fine
        return feedback(
            True, f"h_1 = tanh(0.5) ≈ {states[0]:.3f} and h_2 = tanh(2 · 0.5 + h_1 · 1.0) ≈ {states[-1]:.3f}."
        )
    if abs(number - states[-1]) <= 5e-2:
        return feedback(False, "close, but round rather than cut off, and give 3 decimals.")
    if abs(number - states[0]) <= 5e-3:
        return feedback(False, "that is h_1. Now do one more step, with x_2 = 2 and h_1 in place of h_0.")
    if abs(number - float(np.tanh(_INPUTS[1] * _W))) <= 5e-3:
        return feedback(False, "h_2 also depends on h_1 through U: add h_1 · U inside the tanh.")
    if abs(number) > 1:
        return feedback(False, "tanh is always between −1 and 1: did you apply it at every step?")
    return feedback(False, "start from h_0 = 0, compute h_1 = tanh(x_1 W + h_0 U + b), then h_2 the same way.")


def _skeleton(x: Any, W: Any, U: Any, b: Any) -> None: ...  # the exercise cell's empty function


def _is_skeleton(function: Callable[..., Any]) -> bool:
    """True for a function whose body is only ``...`` or ``pass`` (comments aside)."""
    code = getattr(function, "__code__", None)
    return code is not None and code.co_code == _skeleton.__code__.co_code


@exercise(4, answer="function")
def check_forward_function(function: Callable[..., Any]) -> Verdict:
    """Exercise 4: a learner's simple RNN forward pass, compared with the course's.

    The exercise cell holds ``def my_rnn_forward(x, W, U, b): ...``; that empty
    skeleton counts as unanswered, like ``None``.
    """
    if _is_skeleton(function):
        raise Unanswered
    from helpers.cells import simple_rnn_forward

    rng = np.random.default_rng(7)
    batch, steps, features, units = 3, 6, 2, 4  # all different, so a swapped axis shows
    x = rng.normal(size=(batch, steps, features))
    W = rng.normal(scale=0.5, size=(features, units))
    U = rng.normal(scale=0.5, size=(units, units))
    b = rng.normal(scale=0.5, size=units)
    expected, _ = simple_rnn_forward(x, W, U, b)
    result = call_learner_function(function, x.copy(), W.copy(), U.copy(), b.copy(), name="my_rnn_forward")
    if isinstance(result, tuple) and len(result) == 2:
        result = result[0]  # also accept (outputs, h_last)
    try:
        result = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        return feedback(False, "return an array of shape (batch, time, units).")
    if result.shape != expected.shape:
        if result.shape == (batch, units):
            return feedback(False, "that looks like h_T only; return the state after every step.")
        return feedback(
            False,
            f"for x of shape {x.shape} and {units} units the outputs should have shape "
            f"{expected.shape} = (batch, time, units); yours has shape {result.shape}.",
        )
    if np.allclose(result, expected, atol=1e-6):
        return feedback(True, "your loop matches helpers.simple_rnn_forward.")
    transposed, _ = simple_rnn_forward(x, W, U.T, b)
    if np.allclose(result, transposed, atol=1e-6):
        return feedback(False, "with row vectors the recurrent term is h_{t-1} U, that is `h @ U` (not `h @ U.T`).")
    if np.allclose(result[:, 0], expected[:, 0], atol=1e-6):
        return feedback(False, "the first step is right but later ones are not: is h carried from step to step?")
    no_bias, _ = simple_rnn_forward(x, W, U, np.zeros_like(b))
    if np.allclose(result, no_bias, atol=1e-6):
        return feedback(False, "did you forget the bias b?")
    return feedback(False, "compare one step with h_t = tanh(x_t W + h_{t-1} U + b), with h_0 = 0.")


def _recent_to_old_ratio(
    measure: Callable[..., Any], sequences: Any, W: Any, U: Any, b: Any, scale: float
) -> float:
    """The ratio section 6 prints, for the RNN whose recurrent weights are scale · U.

    Raises:
        AnswerProblem: the measurement is not one positive number per step back,
            so the ratio is undefined (0 for the oldest inputs gives infinity).
    """
    sensitivity = learner_array(measure, sequences, W, scale * np.asarray(U), b)
    if sensitivity.ndim != 1 or sensitivity.size < 6:
        raise AnswerProblem("the measurement function should return one number per step back.")
    recent, old = float(sensitivity[:3].mean()), float(sensitivity[-3:].mean())
    if not (recent > 0 and old > 0 and np.isfinite(recent / old)):
        raise AnswerProblem(
            f"with U scaled by {scale:g} the measurement gives {old:.3g} for the oldest inputs, "
            "so the ratio is undefined: rerun section 6's measurement unchanged."
        )
    return recent / old


_PARTS = ("scale", "ratio", "old_inputs")


@exercise(5, read=lambda value: as_parts(value, _PARTS, numbers=2), expects="three things: scale, ratio, old_inputs")
def check_rerun(answer: tuple[float, float, Any], measure: Any, sequences: Any, W: Any, U: Any, b: Any) -> Verdict:
    """Exercise 5: the learner scaled U, reran section 6's measurement and reports what happened.

    The learner's function returns ``(scale, ratio, old_inputs)``: the factor
    they multiplied U by, the ratio the rerun printed (the 3 most recent inputs'
    effect over the 3 oldest) and ``"more"`` or ``"less"``: do old inputs now
    matter more or less than with U itself? The check reruns ``measure`` (the
    notebook's own function) on the same data to see what the run gives.
    """
    scale, ratio, old_inputs = answer
    hint = rerun_setting_hint(scale, _SCALE_RANGE, "0.8 or 1.5", old_inputs, "old_inputs", ("more", "less"))
    if hint:
        return feedback(False, hint)
    expected = _recent_to_old_ratio(measure, sequences, W, U, b, scale)
    original = _recent_to_old_ratio(measure, sequences, W, U, b, 1.0)
    if not abs(ratio - expected) <= max(0.01, 0.02 * expected):  # the cell prints 3 digits
        return feedback(
            False, f"with U scaled by {scale:g} the measurement gives a ratio of about {expected:.3g}, "
            f"not {ratio:g}: did you rerun it with {scale:g} * U?"
        )
    truth = "more" if expected < original else "less"
    if old_inputs.strip().lower() != truth:
        return feedback(
            False, f"your ratio is right. A smaller ratio means old inputs count for more: compare "
            f"{expected:.3g} with the original {original:.3g}."
        )
    why = (
        "a larger U carries more of each old state into the next one"
        if scale > 1
        else "a smaller U lets each old state fade faster"
    )
    return feedback(True, f"ratio {expected:.3g} against {original:.3g} with U itself: {why}.")


def _no_state_carried(x: Any, W: Any, U: Any, b: Any) -> np.ndarray:
    return np.tanh(np.asarray(x) @ W + b)


def _nothing_left_at_the_oldest_steps(sequences: Any, W: Any, U: Any, b: Any) -> np.ndarray:
    return np.array([1.0, 0.5, 0.2, 0.0, 0.0, 0.0])


# Wrong answers the notebook invites, as each check's arguments (see helpers.exercises).
WRONG_ANSWERS: dict[str, list[tuple[Any, ...]]] = {
    "check_parameter_count": [(88,), (32,), (96.5,), (3 * 8 + 8 * 8,)],
    "check_output_shape": [((32, 16),), ((32, 10, 3),), ((10, 16),), ((32, 10, 8),)],
    "check_two_steps": [(float(np.tanh(0.5)),), (float(np.tanh(1.0)),), (1.5,), (0.88,)],
    "check_forward_function": [(_no_state_carried,)],
    # a measurement that gives 0 for the oldest inputs has no ratio (an infinite one matched anything)
    "check_rerun": [
        ((1.5, 5.0, "more"), _nothing_left_at_the_oldest_steps, np.zeros((2, 6, 1)), np.ones((1, 1)),
         np.ones((1, 1)), np.zeros(1)),
        ((1.5, float("inf"), "more"), _nothing_left_at_the_oldest_steps, np.zeros((2, 6, 1)),
         np.ones((1, 1)), np.ones((1, 1)), np.zeros(1)),
    ],
}
