"""Answer checks for the exercises of notebooks/03_lstm_architecture.ipynb.

Each ``check_...`` prints one line ("Correct: ..." or "Not yet: <hint>") and
returns a Verdict (truthy when right). The hints point at the idea to use, not at the answer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from helpers.exercises import Verdict, as_number, feedback, not_answered, unanswered

__all__ = [
    "check_lstm_params",
    "check_one_step",
    "check_forget_kernel",
    "check_memory_steps",
    "check_to_pytorch",
    "check_gru_params",
]

# Exercise 1: keras.layers.LSTM(32) reading 3 features.
_LSTM_D, _LSTM_N = 3, 32
# Exercise 2: one step of a one-unit LSTM.
_C_PREV, _F, _I, _C_TILDE, _O = 2.0, 0.5, 0.8, -0.5, 0.9
# Exercise 4: forget gate held at 0.95, nothing written.
_FORGET = 0.95
# Exercise 6: keras.layers.GRU(16) reading 4 features.
_GRU_D, _GRU_N = 4, 16


def _as_int(answer: Any) -> int | None:
    """The answer as an int, or None when it is not a whole number."""
    if isinstance(answer, bool):
        return None
    if isinstance(answer, (int, np.integer)):
        return int(answer)
    if isinstance(answer, (float, np.floating)) and float(answer).is_integer():
        return int(answer)
    return None


def check_lstm_params(answer: Any) -> Verdict:
    """Exercise 1: trainable parameters of ``keras.layers.LSTM(32)`` on 3 features."""
    if unanswered(answer):
        return not_answered("Exercise 1")
    value = _as_int(answer)
    if value is None:
        return feedback(False, "give the count as a whole number (an int).")
    d, n = _LSTM_D, _LSTM_N
    right = 4 * (n * d + n * n + n)
    if value == right:
        return feedback(True, f"{value:,} parameters: four blocks of W (d×n), U (n×n) and b (n).")
    if value == n * d + n * n + n:
        return feedback(False, "that is one block; an LSTM has four (i, f, c, o).")
    if value == 4 * (n * d + n * n):
        return feedback(False, "the biases are missing: each of the four blocks has n of them.")
    if value == 4 * (n * d + n * n + 2 * n):
        return feedback(False, "Keras keeps one bias vector per block, not two (PyTorch keeps two).")
    if value == 4 * (n * d + n + n):
        return feedback(False, "the recurrent weights U have shape (n, n), not (n,).")
    return feedback(False, "count W, U and b for one block (d = 3, n = 32), then for all of them.")


def _pair(answer: Any) -> list[Any] | None:
    """The two items of a tuple, list or 1-D array of length 2; None otherwise."""
    if isinstance(answer, np.ndarray):
        return list(answer) if answer.shape == (2,) else None
    if isinstance(answer, Sequence) and not isinstance(answer, (str, bytes)) and len(answer) == 2:
        return list(answer)
    return None


def _number(answer: Any) -> float | None:
    value = as_number(answer)
    return value if value is not None and math.isfinite(value) else None


def check_one_step(answer: Any) -> Verdict:
    """Exercise 2: ``(c_t, h_t)`` for one step of a one-unit LSTM."""
    if unanswered(answer):
        return not_answered("Exercise 2")
    pair = _pair(answer)
    if pair is None:
        return feedback(False, "give a pair: answer = (c_t, h_t).")
    c_t, h_t = (_number(value) for value in pair)
    if c_t is None or h_t is None:
        return feedback(False, "both c_t and h_t must be finite numbers.")
    right_c = _F * _C_PREV + _I * _C_TILDE
    right_h = _O * math.tanh(right_c)
    if not math.isclose(c_t, right_c, abs_tol=1e-3):
        if math.isclose(c_t, _C_PREV + _I * _C_TILDE, abs_tol=1e-3):
            return feedback(False, "c_t: the forget gate scales c_{t-1} before the new part is added.")
        if math.isclose(c_t, _F * _C_PREV + _C_TILDE, abs_tol=1e-3):
            return feedback(False, "c_t: the input gate scales the candidate before it is added.")
        return feedback(False, "c_t = f_t · c_{t-1} + i_t · c̃_t; check the arithmetic.")
    if not math.isclose(h_t, right_h, abs_tol=1e-3):
        if math.isclose(h_t, _O * right_c, abs_tol=1e-3):
            return feedback(False, "c_t is right; h_t passes c_t through tanh before the output gate.")
        if math.isclose(h_t, math.tanh(_O * right_c), abs_tol=1e-3):
            return feedback(False, "c_t is right; h_t = o_t · tanh(c_t): tanh first, then the gate.")
        return feedback(False, "c_t is right; now h_t = o_t · tanh(c_t).")
    return feedback(True, f"c_t = {c_t:.3f} and h_t = {h_t:.3f}.")


def _test_kernels() -> list[np.ndarray]:
    rng = np.random.default_rng(3)
    return [rng.normal(size=(d, 4 * n)) for d, n in [(3, 2), (1, 5), (4, 4), (6, 1)]]


def check_forget_kernel(forget_kernel: Any) -> Verdict:
    """Exercise 3: a function that returns W_f from a Keras LSTM kernel (d, 4n)."""
    if unanswered(forget_kernel):
        return not_answered("Exercise 3")
    if not callable(forget_kernel):
        return feedback(False, "give a function: def forget_kernel(kernel): ...")
    for kernel in _test_kernels():
        d, n = kernel.shape[0], kernel.shape[1] // 4
        try:
            result = np.asarray(forget_kernel(kernel.copy()), dtype=float)
        except Exception as error:  # the learner's code may raise anything
            return feedback(False, f"your function raised {type(error).__name__}: {error}")
        if result.shape != (d, n):
            expected = (
                f"for a kernel of shape {kernel.shape} (d = {d}, n = {n}) W_f has shape "
                f"({d}, {n}); yours returned {result.shape}."
            )
            if result.ndim == 2 and result.shape[0] == d:
                advice = (
                    "The rows are right. Work n out from the kernel, n = kernel.shape[1] // 4, "
                    "rather than hard-coding sizes: the checker tries kernels of several shapes."
                )
            elif result.ndim == 2 and result.shape[1] == kernel.shape[1]:
                advice = "Slice columns, not rows: the four blocks sit side by side."
            else:
                advice = "Keep all d rows and take the n columns of one block."
            return feedback(False, f"{expected} {advice}")
        blocks = np.split(kernel, 4, axis=1)
        if np.allclose(result, blocks[1]):
            continue
        for name, block in {"i": blocks[0], "c": blocks[2], "o": blocks[3]}.items():
            if np.allclose(result, block):
                return feedback(
                    False, f"that is W_{name}; Keras stores the blocks in the order i, f, c, o."
                )
        return feedback(False, "the shape is right but the numbers are not one whole block.")
    return feedback(True, "your function returns the forget-gate block W_f.")


def check_memory_steps(answer: Any) -> Verdict:
    """Exercise 4: steps until c_t first falls below half of c_0 (f = 0.95, i = 0)."""
    if unanswered(answer):
        return not_answered("Exercise 4")
    value = _as_int(answer)
    if value is None:
        return feedback(False, "give a whole number of steps (an int).")
    right = math.ceil(math.log(0.5) / math.log(_FORGET))
    if value == right:
        return feedback(True, f"after {value} steps {_FORGET}^{value} ≈ {_FORGET ** value:.3f} < 0.5.")
    if value < 1:
        return feedback(False, "at least one step must pass.")
    kept = _FORGET**value
    if kept >= 0.5:
        return feedback(False, f"after {value} steps the cell state still holds {kept:.3f} of c_0.")
    return feedback(False, f"it has already fallen below half before step {value}; look earlier.")


def check_to_pytorch(to_pytorch: Any) -> Verdict:
    """Exercise 5: a function mapping Keras LSTM weights to PyTorch's four tensors."""
    if unanswered(to_pytorch):
        return not_answered("Exercise 5")
    if not callable(to_pytorch):
        return feedback(False, "give a function: def to_pytorch(kernel, recurrent_kernel, bias): ...")
    rng = np.random.default_rng(5)
    for d, n in [(3, 2), (1, 4), (5, 3)]:
        kernel = rng.normal(size=(d, 4 * n))
        recurrent_kernel = rng.normal(size=(n, 4 * n))
        bias = rng.normal(size=4 * n)
        try:
            result = to_pytorch(kernel.copy(), recurrent_kernel.copy(), bias.copy())
        except Exception as error:  # the learner's code may raise anything
            return feedback(False, f"your function raised {type(error).__name__}: {error}")
        if not isinstance(result, (tuple, list)) or len(result) != 4:
            return feedback(
                False, "return four arrays: (weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0)."
            )
        weight_ih, weight_hh, bias_ih, bias_hh = (np.asarray(a, dtype=float) for a in result)
        expected = {
            "weight_ih_l0": (weight_ih, (4 * n, d)),
            "weight_hh_l0": (weight_hh, (4 * n, n)),
            "bias_ih_l0": (bias_ih, (4 * n,)),
            "bias_hh_l0": (bias_hh, (4 * n,)),
        }
        for name, (array, shape) in expected.items():
            if array.shape != shape:
                return feedback(
                    False, f"with d = {d}, n = {n}, {name} has shape {shape}; yours is {array.shape}."
                )
        if not np.allclose(weight_ih, kernel.T) or not np.allclose(weight_hh, recurrent_kernel.T):
            return feedback(
                False,
                "the shapes are right but not the numbers: PyTorch keeps the gate order "
                "(i, f, g, o is i, f, c, o renamed), so no block needs to move.",
            )
        if not np.allclose(bias_ih + bias_hh, bias):
            return feedback(
                False,
                "PyTorch adds its two biases: bias_ih + bias_hh must equal bias "
                "(any split that adds up to bias is fine).",
            )
    return feedback(True, "transposed weights, same gate order, and two biases that sum to one.")


def check_gru_params(answer: Any) -> Verdict:
    """Exercise 6: trainable parameters of ``keras.layers.GRU(16)`` on 4 features."""
    if unanswered(answer):
        return not_answered("Exercise 6")
    value = _as_int(answer)
    if value is None:
        return feedback(False, "give the count as a whole number (an int).")
    d, n = _GRU_D, _GRU_N
    right = 3 * (n * d + n * n + 2 * n)
    if value == right:
        return feedback(True, f"{value:,} parameters: three blocks, each with two bias vectors.")
    if value == 3 * (n * d + n * n + n):
        return feedback(False, "with reset_after=True (the default) Keras keeps two biases per block.")
    if value in (4 * (n * d + n * n + n), 4 * (n * d + n * n + 2 * n)):
        return feedback(False, "a GRU has three blocks (z, r, h), not four.")
    return feedback(False, "count W, U and both biases for one block (d = 4, n = 16), then for all of them.")
