"""Answer checks for the exercises of notebooks/03_lstm_architecture.ipynb.

Every exercise is a function the learner fills in. Exercises 1, 2, 4, 5 and 6
take no arguments and return the answer (exercise 5 has two questions, each with
its check); exercises 3 and 7 are functions of Keras weights, which the check
calls on weights of several shapes. Every check is written with the
``exercise`` decorator of helpers.exercises. Each
``check_...`` prints a verdict ("Correct: ..." or "Not yet: <hint>") and returns
a Verdict (truthy when right). The hints point at the idea to use, not at the
answer, and no check raises, whatever it is given.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from helpers.cells import sigmoid
from helpers.exercises import (
    AnswerProblem,
    Verdict,
    as_int,
    as_number,
    as_pair,
    call_learner_function,
    exercise,
    feedback,
)
from helpers.gate_explorer import constant_gate_run

__all__ = [
    "check_lstm_params",
    "check_one_step",
    "check_forget_kernel",
    "check_memory_steps",
    "check_forget_bias_run",
    "check_half_memory_bias",
    "check_gru_params",
    "check_to_pytorch",
]

# Exercise 1: keras.layers.LSTM(32) reading 3 features.
_LSTM_D, _LSTM_N = 3, 32
# Exercise 2: one step of a one-unit LSTM.
_C_PREV, _F, _I, _C_TILDE, _O = 2.0, 0.5, 0.8, -0.5, 0.9
# Exercise 4: forget gate held at 0.95, nothing written.
_FORGET = 0.95
# Exercise 5: the forget-gate bias experiment of section 7 rerun with b_f = 4.
_BIAS_EXPERIMENT_B_F, _BIAS_EXPERIMENT_STEPS = 4.0, 100
# Exercise 5, second question: "half" means a share between these after 100 steps.
_HALF_SHARES = (0.45, 0.55)
# Exercise 6: keras.layers.GRU(16) reading 4 features.
_GRU_D, _GRU_N = 4, 16


def _array(value: Any, what: str) -> np.ndarray:
    """``value`` as a float array, or an AnswerProblem naming ``what``."""
    if isinstance(value, (str, bytes, dict, set)) or callable(value):
        raise AnswerProblem(f"{what} should be an array of numbers, not {type(value).__name__}.")
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise AnswerProblem(
            f"{what} should be an array of numbers (a NumPy array with one shape); "
            "yours could not be read as one."
        ) from None
    if not np.all(np.isfinite(array)):
        raise AnswerProblem(f"{what} holds NaN or infinite values.")
    return array


@exercise(1, read=as_int, expects="the count as a whole number (an int)")
def check_lstm_params(value: int) -> Verdict:
    """Exercise 1: trainable parameters of ``keras.layers.LSTM(32)`` on 3 features."""
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


def _c_and_h(value: Any) -> tuple[float, float]:
    """The learner's ``(c_t, h_t)`` as two floats; a placeholder inside is still unanswered."""
    pair = as_pair(value, (as_number, as_number), "both c_t and h_t must be finite numbers.")
    if pair is None:
        raise AnswerProblem("return a pair: return c_t, h_t.")
    return pair


@exercise(2, read=_c_and_h, expects="a pair of numbers: return c_t, h_t")
def check_one_step(pair: tuple[float, float]) -> Verdict:
    """Exercise 2: ``(c_t, h_t)`` for one step of a one-unit LSTM."""
    c_t, h_t = pair
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


def _learner_function(function: Any, signature: str) -> None:
    """An AnswerProblem when ``function`` is a class rather than the learner's function."""
    if isinstance(function, type):
        raise AnswerProblem(f"pass your function itself: def {signature}: ...")


@exercise(3, answer="function")
def check_forget_kernel(forget_kernel: Any) -> Verdict:
    """Exercise 3: a function that returns W_f from a Keras LSTM kernel (d, 4n)."""
    _learner_function(forget_kernel, "forget_kernel(kernel)")
    for kernel in _test_kernels():
        d, n = kernel.shape[0], kernel.shape[1] // 4
        result = _array(call_learner_function(forget_kernel, kernel.copy(), name="forget_kernel"),
                        "what forget_kernel returns")
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


@exercise(4, read=as_int, expects="a whole number of steps (an int)")
def check_memory_steps(value: int) -> Verdict:
    """Exercise 4: steps until c_t first falls below half of c_0 (f = 0.95, i = 0)."""
    right = math.ceil(math.log(0.5) / math.log(_FORGET))
    if value == right:
        return feedback(True, f"after {value} steps {_FORGET}^{value} ≈ {_FORGET ** value:.3f} < 0.5.")
    if value < 1:
        return feedback(False, "at least one step must pass.")
    if value > 10_000:
        return feedback(False, "far too many: the cell state shrinks by 5% at every step.")
    kept = _FORGET**value
    if kept >= 0.5:
        return feedback(False, f"after {value} steps the cell state still holds {kept:.3f} of c_0.")
    return feedback(False, f"it has already fallen below half before step {value}; look earlier.")


def _forget_bias_run(b_f: float, n_steps: int = _BIAS_EXPERIMENT_STEPS) -> float:
    """The share of c_0 left after ``n_steps`` with f = σ(b_f) and nothing written.

    The run of notebook 03, section 7: ``constant_gate_run`` with candidates 0,
    forget gate σ(b_f), input gate 0 and c_0 = 1; its last cell state.
    """
    cell_states, _ = constant_gate_run(np.zeros(n_steps), float(sigmoid(b_f)), 0.0, 1.0, c0=1.0)
    return float(cell_states[-1])


@exercise(5, read=as_number,
          expects="one number: the share of c_0 that is left (c_100 when c_0 = 1)")
def check_forget_bias_run(share: float) -> Verdict:
    """Exercise 5: the share of c_0 left after 100 steps when b_f = 4 (rerun the experiment)."""
    b_f, steps = _BIAS_EXPERIMENT_B_F, _BIAS_EXPERIMENT_STEPS
    right = _forget_bias_run(b_f, steps)
    if math.isclose(share, right, abs_tol=0.005):
        return feedback(
            True,
            f"with b_f = {b_f:g}, f = σ({b_f:g}) ≈ {float(sigmoid(b_f)):.3f} and {right:.3f} of c_0 is "
            f"left after {steps} steps; Keras's start, b_f = 1, leaves "
            f"{_forget_bias_run(1.0, steps):.0e}, and b_f = 5 leaves "
            f"{_forget_bias_run(5.0, steps):.2f}.",
        )
    if math.isclose(share, 100 * right, abs_tol=0.5):
        return feedback(False, "give the share as a number between 0 and 1, not a percentage.")
    if math.isclose(share, 1 - right, abs_tol=0.005):
        return feedback(False, "that is the share lost; the exercise asks what is left.")
    if math.isclose(share, float(sigmoid(b_f)), abs_tol=0.0005):
        return feedback(False, "that is f, the share kept in one step; the run keeps it 100 times.")
    if not 0 < share < 1:
        return feedback(False, "a share of c_0 lies between 0 and 1: read c_100 with c_0 = 1.")
    per_step = share ** (1 / steps)
    implied = math.log(per_step / (1 - per_step)) if per_step < 1 else math.inf
    if math.isclose(implied, 1.0, abs_tol=0.05):
        return feedback(False, f"that is what Keras's start, b_f = 1, gives: set b_f = {b_f:g}, rerun.")
    return feedback(
        False,
        f"your number is what b_f ≈ {implied:.2f} gives; set b_f = {b_f:g} in the experiment "
        "cell, rerun it and read c_100.",
    )


def _bias_for_share(share: float, steps: int = _BIAS_EXPERIMENT_STEPS) -> float:
    """The b_f for which σ(b_f) ** steps equals ``share`` (nothing written)."""
    per_step = share ** (1 / steps)
    return math.log(per_step / (1 - per_step))


@exercise(5, read=as_number, expects="one number: the forget-gate bias b_f")
def check_half_memory_bias(b_f: float) -> Verdict:
    """Exercise 5, second question: the b_f that keeps half of c_0 for 100 steps.

    Right when σ(b_f) ** 100 lies between the shares 0.45 and 0.55, about
    4.87 <= b_f <= 5.09 (the exact answer is 4.97).
    """
    steps = _BIAS_EXPERIMENT_STEPS
    low, high = _bias_for_share(_HALF_SHARES[0]), _bias_for_share(_HALF_SHARES[1])
    kept = _forget_bias_run(b_f) if abs(b_f) < 40 else float(b_f > 0)
    if low <= b_f <= high:
        return feedback(
            True,
            f"σ({b_f:.2f})^{steps} ≈ {kept:.2f}: from Keras's b_f = 1 the bias must move by about 4. "
            "That is why notebook 04 starts its LSTMs at b_f = 5.",
        )
    if low <= b_f + 1 <= high:
        return feedback(False, f"with b_f = {b_f:g} only {kept:.2g} of c_0 is left after {steps} "
                        f"steps; if {b_f:g} is how far b_f moves from Keras's 1, give b_f itself.")
    if 0 < b_f < 1 and math.isclose(b_f, 0.5 ** (1 / steps), abs_tol=0.002):
        return feedback(False, "that is the forget gate f = σ(b_f) per step; give the bias "
                        "b_f = log(f / (1 − f)).")
    if b_f < low:
        return feedback(False, f"with b_f = {b_f:g} only {kept:.2g} of c_0 is left after "
                        f"{steps} steps: raise b_f and rerun the experiment cell.")
    return feedback(False, f"with b_f = {b_f:g} still {kept:.3f} of c_0 is left after {steps} "
                    "steps, more than half: lower b_f and rerun the experiment cell.")


@exercise(6, read=as_int, expects="the count as a whole number (an int)")
def check_gru_params(value: int) -> Verdict:
    """Exercise 6: trainable parameters of ``keras.layers.GRU(16)`` on 4 features."""
    d, n = _GRU_D, _GRU_N
    right = 3 * (n * d + n * n + 2 * n)
    if value == right:
        return feedback(True, f"{value:,} parameters: three blocks, each with two bias vectors.")
    if value == 3 * (n * d + n * n + n):
        return feedback(False, "Keras's GRU keeps two bias vectors per block (section 8).")
    if value in (4 * (n * d + n * n + n), 4 * (n * d + n * n + 2 * n)):
        return feedback(False, "a GRU has three blocks (z, r, h), not four.")
    return feedback(False, "count W, U and both biases for one block (d = 4, n = 16), then for all of them.")


@exercise(7, answer="function")
def check_to_pytorch(to_pytorch: Any) -> Verdict:
    """Exercise 7: a function mapping Keras LSTM weights to PyTorch's four arrays."""
    _learner_function(to_pytorch, "to_pytorch(kernel, recurrent_kernel, bias)")
    rng = np.random.default_rng(5)
    names = ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")
    for d, n in [(3, 2), (1, 4), (5, 3)]:
        kernel = rng.normal(size=(d, 4 * n))
        recurrent_kernel = rng.normal(size=(n, 4 * n))
        bias = rng.normal(size=4 * n)
        result = call_learner_function(
            to_pytorch, kernel.copy(), recurrent_kernel.copy(), bias.copy(), name="to_pytorch"
        )
        if not isinstance(result, (tuple, list)) or len(result) != 4:
            return feedback(False, "return four arrays: " + ", ".join(names) + ".")
        arrays = [_array(item, name) for item, name in zip(result, names, strict=True)]
        weight_ih, weight_hh, bias_ih, bias_hh = arrays
        shapes = [(4 * n, d), (4 * n, n), (4 * n,), (4 * n,)]
        for name, array, shape in zip(names, arrays, shapes, strict=True):
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
