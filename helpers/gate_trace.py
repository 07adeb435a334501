"""Trace what a trained LSTM's gates do, step by step.

Taught in notebooks/04_rnn_vs_lstm_long_gaps.ipynb (section 7, "What the
trained gates do"), which writes this loop out in full before using it. It runs
the LSTM's equations in NumPy, with the course's row-vector notation and the
weights of a ``keras.layers.LSTM`` (kernel columns in Keras's gate order
i, f, c, o), and keeps every gate at every step instead of only h_t:

    i_t = σ(x_t W_i + h_{t-1} U_i + b_i)     f_t = σ(x_t W_f + h_{t-1} U_f + b_f)
    c̃_t = tanh(x_t W_c + h_{t-1} U_c + b_c)  o_t = σ(x_t W_o + h_{t-1} U_o + b_o)
    c_t = f_t ⊙ c_{t-1} + i_t ⊙ c̃_t          h_t = o_t ⊙ tanh(c_t)
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from helpers._checks import as_finite_array

__all__ = ["GATE_NAMES", "lstm_gate_trace"]

GATE_NAMES = ("i", "f", "c_tilde", "o", "c", "h")


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # σ(z) without overflow for large |z|


def lstm_gate_trace(
    x: ArrayLike, kernel: ArrayLike, recurrent_kernel: ArrayLike, bias: ArrayLike
) -> dict[str, np.ndarray]:
    """Run an LSTM from zero states and return every gate and state at every step.

    Args:
        x: inputs, shape (batch, time, features).
        kernel: W = [W_i | W_f | W_c | W_o], shape (features, 4·units), as
            ``layer.get_weights()[0]`` of a ``keras.layers.LSTM``.
        recurrent_kernel: U = [U_i | U_f | U_c | U_o], shape (units, 4·units).
        bias: b = [b_i | b_f | b_c | b_o], shape (4·units,).

    Returns:
        A dict with keys ``"i"``, ``"f"``, ``"c_tilde"``, ``"o"``, ``"c"`` and
        ``"h"``, each of shape (batch, time, units); index ``t - 1`` holds step t.
        ``"h"`` matches ``keras.layers.LSTM(return_sequences=True)``.

    Raises:
        TypeError: an argument is not an array of real numbers.
        ValueError: wrong number of dimensions, empty, NaN or infinity, or
            shapes that do not fit together (the error names the argument).
    """
    x = as_finite_array(x, "x", "3-D (batch, time, features)", ndim=3, float32=False).astype(float)
    W = as_finite_array(kernel, "kernel", "2-D", ndim=2, float32=False).astype(float)
    U = as_finite_array(recurrent_kernel, "recurrent_kernel", "2-D", ndim=2, float32=False).astype(float)
    b = as_finite_array(bias, "bias", "1-D", ndim=1, float32=False).astype(float)
    batch, time, features = x.shape
    if W.shape[0] != features or W.shape[1] % 4 != 0:
        raise ValueError(
            f"kernel must have shape (features, 4·units) with features = {features}, got {W.shape}"
        )
    n = W.shape[1] // 4
    if U.shape != (n, 4 * n):
        raise ValueError(f"recurrent_kernel must have shape {(n, 4 * n)}, got {U.shape}")
    if b.shape != (4 * n,):
        raise ValueError(f"bias must have shape {(4 * n,)}, got {b.shape}")

    trace = {name: np.empty((batch, time, n)) for name in GATE_NAMES}
    h = np.zeros((batch, n))
    c = np.zeros((batch, n))
    for t in range(time):
        z = x[:, t] @ W + h @ U + b  # all four blocks at once, Keras order i, f, c, o
        i, f = _sigmoid(z[:, :n]), _sigmoid(z[:, n : 2 * n])
        c_tilde, o = np.tanh(z[:, 2 * n : 3 * n]), _sigmoid(z[:, 3 * n :])
        c = f * c + i * c_tilde
        h = o * np.tanh(c)
        for name, value in zip(GATE_NAMES, (i, f, c_tilde, o, c, h), strict=True):
            trace[name][:, t] = value
    return trace
