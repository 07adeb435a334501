"""Answer checks for the exercises of notebooks/01_recurrent_neural_networks.ipynb.

Each ``check_...`` prints a one-line verdict (with a hint when the answer is
wrong) and returns a Verdict (truthy when right); the placeholder ``None`` gets a reminder.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from helpers.exercises import Verdict, as_number, feedback, is_number, not_answered, unanswered

# Exercise 1: SimpleRNN(8) on 3 features.
_FEATURES, _UNITS = 3, 8
# Exercise 2: batch 32, 10 steps, 3 features into SimpleRNN(16, return_sequences=True).
_BATCH, _STEPS, _UNITS_2 = 32, 10, 16
# Exercise 3: one unit, W = 0.5, U = 1.0, b = 0, inputs 1 then 2.
_W, _U, _B, _INPUTS = 0.5, 1.0, 0.0, (1.0, 2.0)


def check_parameter_count(answer: Any) -> Verdict:
    """Exercise 1: the number of parameters of SimpleRNN(8) on 3 features."""
    if unanswered(answer):
        return not_answered("Exercise 1")
    if not is_number(answer) or float(answer) != int(answer):
        return feedback(False, f"give a whole number (an int), got {answer!r}.")
    expected = _FEATURES * _UNITS + _UNITS * _UNITS + _UNITS
    if int(answer) == expected:
        return feedback(True, "d·n + n·n + n parameters: W, U and b.")
    if int(answer) == _FEATURES * _UNITS + _UNITS * _UNITS:
        return feedback(False, "close: did you forget the bias b?")
    if int(answer) == _FEATURES * _UNITS + _UNITS:
        return feedback(False, "close: did you forget the recurrent weights U, shape (n, n)?")
    return feedback(
        False,
        "count the entries of W (d, n), U (n, n) and b (n,), with d = 3 features and n = 8 units.",
    )


def check_output_shape(answer: Any) -> Verdict:
    """Exercise 2: the output shape of SimpleRNN(16, return_sequences=True)."""
    if unanswered(answer):
        return not_answered("Exercise 2")
    try:
        shape = tuple(int(n) for n in answer)
    except (TypeError, ValueError):
        return feedback(False, f"give a tuple of ints such as (2, 3, 4), got {answer!r}.")
    if shape == (_BATCH, _STEPS, _UNITS_2):
        return feedback(True, "one hidden state of 16 units per sequence and per time step.")
    if shape == (_BATCH, _UNITS_2):
        return feedback(False, "that is the shape without return_sequences=True. What changes with it?")
    if len(shape) != 3:
        return feedback(False, "with return_sequences=True the output has 3 axes: (batch, time, units).")
    return feedback(False, "the axes are (batch, time, units); which of the numbers is the number of units?")


def check_two_steps(answer: Any) -> Verdict:
    """Exercise 3: h_2 of a one-unit RNN, computed by hand."""
    if unanswered(answer):
        return not_answered("Exercise 3")
    value = as_number(answer)
    if value is None:
        return feedback(False, f"give one number (a float), got {answer!r}.")
    answer = value
    h = 0.0
    states = []
    for x in _INPUTS:
        h = float(np.tanh(x * _W + h * _U + _B))
        states.append(h)
    value = float(answer)
    if abs(value - states[-1]) <= 5e-3:  # 0.898 and 0.9 are both fine
        return feedback(
            True, f"h_1 = tanh(0.5) ≈ {states[0]:.3f} and h_2 = tanh(2 · 0.5 + h_1 · 1.0) ≈ {states[-1]:.3f}."
        )
    if abs(value - states[-1]) <= 5e-2:
        return feedback(False, "close, but round rather than cut off, and give 3 decimals.")
    if abs(value - states[0]) <= 5e-3:
        return feedback(False, "that is h_1. Now do one more step, with x_2 = 2 and h_1 in place of h_0.")
    if abs(value - float(np.tanh(_INPUTS[1] * _W))) <= 5e-3:
        return feedback(False, "h_2 also depends on h_1 through U: add h_1 · U inside the tanh.")
    if abs(value) > 1:
        return feedback(False, "tanh is always between −1 and 1: did you apply it at every step?")
    return feedback(False, "start from h_0 = 0, compute h_1 = tanh(x_1 W + h_0 U + b), then h_2 the same way.")


def _skeleton(x: Any, W: Any, U: Any, b: Any) -> None: ...  # the exercise cell's empty function


def _is_skeleton(function: Callable[..., Any]) -> bool:
    """True for a function whose body is only ``...`` or ``pass`` (comments aside)."""
    code = getattr(function, "__code__", None)
    return code is not None and code.co_code == _skeleton.__code__.co_code


def check_forward_function(function: Callable[..., Any] | None) -> Verdict:
    """Exercise 4: a learner's simple RNN forward pass, compared with the course's.

    The exercise cell holds ``def my_rnn_forward(x, W, U, b): ...``; that empty
    skeleton counts as unanswered, like ``None``.
    """
    if unanswered(function):
        return not_answered("Exercise 4")
    if not callable(function):
        return feedback(False, f"give a function my_rnn_forward(x, W, U, b), got {function!r}.")
    if _is_skeleton(function):
        return not_answered("Exercise 4")
    from helpers.cells import simple_rnn_forward

    rng = np.random.default_rng(7)
    batch, steps, features, units = 3, 6, 2, 4  # all different, so a swapped axis shows
    x = rng.normal(size=(batch, steps, features))
    W = rng.normal(scale=0.5, size=(features, units))
    U = rng.normal(scale=0.5, size=(units, units))
    b = rng.normal(scale=0.5, size=units)
    expected, _ = simple_rnn_forward(x, W, U, b)
    try:
        result = function(x.copy(), W.copy(), U.copy(), b.copy())
    except Exception as error:  # the learner's code: report any failure as a hint
        return feedback(False, f"your function raised {type(error).__name__}: {error}")
    if result is None:
        return feedback(False, "your function returns None: does it end with `return` and the outputs?")
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
    return feedback(False, "the values differ already at the first step: check h_0 = 0, the bias and the tanh.")
