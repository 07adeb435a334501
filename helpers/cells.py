"""Recurrent cells written out in NumPy, with Keras's weight layout.

``simple_rnn_forward`` is taught in notebooks/01_recurrent_neural_networks.ipynb
and ``lstm_forward`` in notebooks/03_lstm_architecture.ipynb; both notebooks
write the loop out in full and check it against Keras before using these.
``lstm_gate_trace`` (notebooks/04_rnn_vs_lstm_long_gaps.ipynb, section 7) is
the same loop, keeping every gate at every step.

Notation (row vectors, as Keras stores the weights):
    simple RNN:  h_t = tanh(x_t W + h_{t-1} U + b)
    LSTM:        i_t, f_t, o_t = σ(x_t W_* + h_{t-1} U_* + b_*),
                 c̃_t = tanh(x_t W_c + h_{t-1} U_c + b_c),
                 c_t = f_t ⊙ c_{t-1} + i_t ⊙ c̃_t,   h_t = o_t ⊙ tanh(c_t)
with W = kernel, U = recurrent_kernel, b = bias; the LSTM's four blocks are in
Keras's order i, f, c, o.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from helpers._validation import as_finite_array

__all__ = ["GATE_NAMES", "sigmoid", "simple_rnn_forward", "lstm_forward", "lstm_gate_trace"]

# What lstm_forward(..., return_gates=True) keeps at every step.
GATE_NAMES = ("i", "f", "c_tilde", "o", "c", "h")


def sigmoid(z: np.ndarray) -> np.ndarray:
    """The logistic function 1 / (1 + e^(−z)), computed without overflow."""
    z = np.asarray(z, dtype=np.float64)
    out = np.empty_like(z)
    positive = z >= 0
    out[positive] = 1.0 / (1.0 + np.exp(-z[positive]))
    e = np.exp(z[~positive])
    out[~positive] = e / (1.0 + e)
    return out


def _as_array(name: str, value: ArrayLike, ndim: int) -> np.ndarray:
    return as_finite_array(value, name, f"{ndim}-D", ndim=ndim, float32=False).astype(np.float64)


def _expect(name: str, array: np.ndarray, shape: tuple[int, ...]) -> None:
    if array.shape != shape:
        raise ValueError(f"{name} must have shape {shape}, got {array.shape}")


def _initial_state(name: str, value: ArrayLike | None, batch: int, units: int) -> np.ndarray:
    if value is None:
        return np.zeros((batch, units))
    state = _as_array(name, value, 2)
    _expect(name, state, (batch, units))
    return state


def simple_rnn_forward(
    x: ArrayLike,
    kernel: ArrayLike,
    recurrent_kernel: ArrayLike,
    bias: ArrayLike,
    h0: ArrayLike | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Run a simple (Elman) RNN with tanh over a batch of sequences.

    Args:
        x: inputs, shape (batch, time, features).
        kernel: W, shape (features, units), as ``keras.layers.SimpleRNN``'s kernel.
        recurrent_kernel: U, shape (units, units).
        bias: b, shape (units,).
        h0: initial hidden state, shape (batch, units); zeros when None.

    Returns:
        ``outputs`` of shape (batch, time, units), the hidden state after every
        step, and ``h_last`` of shape (batch, units), the state after the last step.
    """
    x = _as_array("x", x, 3)
    W = _as_array("kernel", kernel, 2)
    batch, time, features = x.shape
    units = W.shape[1]
    _expect("kernel", W, (features, units))
    U = _as_array("recurrent_kernel", recurrent_kernel, 2)
    _expect("recurrent_kernel", U, (units, units))
    b = _as_array("bias", bias, 1)
    _expect("bias", b, (units,))
    h = _initial_state("h0", h0, batch, units)
    outputs = np.empty((batch, time, units))
    for t in range(time):
        h = np.tanh(x[:, t] @ W + h @ U + b)
        outputs[:, t] = h
    return outputs, h


def lstm_forward(
    x: ArrayLike,
    kernel: ArrayLike,
    recurrent_kernel: ArrayLike,
    bias: ArrayLike,
    h0: ArrayLike | None = None,
    c0: ArrayLike | None = None,
    *,
    return_gates: bool = False,
) -> tuple[np.ndarray, ...]:
    """Run an LSTM (Keras's default cell: sigmoid gates, tanh activations).

    Args:
        x: inputs, shape (batch, time, features).
        kernel: W = [W_i | W_f | W_c | W_o], shape (features, 4·units).
        recurrent_kernel: U = [U_i | U_f | U_c | U_o], shape (units, 4·units).
        bias: b = [b_i | b_f | b_c | b_o], shape (4·units,).
        h0, c0: initial hidden and cell states, shape (batch, units); zeros when None.
        return_gates: also return every gate and state at every step.

    Returns:
        ``outputs`` (batch, time, units): h_t at every step, then ``h_last`` and
        ``c_last`` (batch, units): the hidden and cell states after the last step.
        These match ``keras.layers.LSTM(return_sequences=True, return_state=True)``.
        With ``return_gates=True`` a fourth item follows: a dict with keys
        :data:`GATE_NAMES` (``"i"``, ``"f"``, ``"c_tilde"``, ``"o"``, ``"c"``,
        ``"h"``), each of shape (batch, time, units); index ``t - 1`` holds step t.

    Raises:
        TypeError: an argument is not an array of real numbers.
        ValueError: wrong number of dimensions, empty, NaN or infinity, or
            shapes that do not fit together (the error names the argument).
    """
    x = _as_array("x", x, 3)
    W = _as_array("kernel", kernel, 2)
    batch, time, features = x.shape
    if W.shape[0] != features or W.shape[1] % 4 != 0 or W.shape[1] == 0:
        raise ValueError(
            f"kernel must have shape (features, 4·units) = ({features}, 4·units), got {W.shape}"
        )
    units = W.shape[1] // 4
    U = _as_array("recurrent_kernel", recurrent_kernel, 2)
    _expect("recurrent_kernel", U, (units, 4 * units))
    b = _as_array("bias", bias, 1)
    _expect("bias", b, (4 * units,))
    h = _initial_state("h0", h0, batch, units)
    c = _initial_state("c0", c0, batch, units)
    gates = {name: np.empty((batch, time, units)) for name in (GATE_NAMES if return_gates else ("h",))}
    for t in range(time):
        z = x[:, t] @ W + h @ U + b  # all four blocks at once: i, f, c, o
        i = sigmoid(z[:, :units])
        f = sigmoid(z[:, units : 2 * units])
        c_tilde = np.tanh(z[:, 2 * units : 3 * units])
        o = sigmoid(z[:, 3 * units :])
        c = f * c + i * c_tilde
        h = o * np.tanh(c)
        if return_gates:
            for name, value in zip(GATE_NAMES, (i, f, c_tilde, o, c, h), strict=True):
                gates[name][:, t] = value
        else:
            gates["h"][:, t] = h
    if return_gates:
        return gates["h"], h, c, gates
    return gates["h"], h, c


def lstm_gate_trace(
    x: ArrayLike, kernel: ArrayLike, recurrent_kernel: ArrayLike, bias: ArrayLike
) -> dict[str, np.ndarray]:
    """Run an LSTM from zero states and return every gate and state at every step.

    Notebook 04 (section 7) writes this loop out before using it; it is
    ``lstm_forward(x, kernel, recurrent_kernel, bias, return_gates=True)[-1]``.

    Args:
        x: inputs, shape (batch, time, features).
        kernel: W, shape (features, 4·units), as ``layer.get_weights()[0]`` of a
            ``keras.layers.LSTM``; recurrent_kernel and bias as in :func:`lstm_forward`.

    Returns:
        A dict with keys :data:`GATE_NAMES`, each of shape (batch, time, units);
        index ``t - 1`` holds step t. ``"h"`` matches
        ``keras.layers.LSTM(return_sequences=True)``.

    Raises:
        TypeError, ValueError: as :func:`lstm_forward` (the error names the argument).
    """
    return lstm_forward(x, kernel, recurrent_kernel, bias, return_gates=True)[-1]
