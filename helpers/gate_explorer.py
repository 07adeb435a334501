"""The computation behind the gate explorer of notebooks/03_lstm_architecture.ipynb.

In a real LSTM the gates are recomputed at every step from x_t and h_{t-1}.
The explorer freezes them: the forget gate f, the input gate i and the output
gate o are constant numbers in [0, 1], and the candidate values c̃_t are given
as a sequence. What is left is the cell state's own arithmetic, one unit wide:

    c_t = f · c_{t-1} + i · c̃_t,        h_t = o · tanh(c_t),        c_0 = 0.

The notebook writes this loop out in full before handing it to
:func:`constant_gate_run`; :func:`plot_constant_gate_run` draws one run, for
the static figure and for the sliders alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from helpers._checks import as_finite_array, check_number

__all__ = ["EXAMPLE_CANDIDATES", "constant_gate_run", "plot_constant_gate_run"]

# Write +1 for three steps, then nothing: 20 steps in all.
EXAMPLE_CANDIDATES: tuple[float, ...] = (1.0, 1.0, 1.0) + (0.0,) * 17


def _candidates(values: ArrayLike | Sequence[float]) -> np.ndarray:
    array = as_finite_array(values, "candidates", "a non-empty 1-D sequence", ndim=1, float32=False)
    if np.any(np.abs(array) > 1.0):
        raise ValueError("candidates must lie in [-1, 1], the range of tanh")
    return array.astype(np.float64)


def constant_gate_run(
    candidates: ArrayLike | Sequence[float],
    forget_gate: float,
    input_gate: float,
    output_gate: float,
    c0: float = 0.0,
) -> tuple[np.ndarray, np.ndarray]:
    """Run one LSTM unit whose three gates are held constant.

    Args:
        candidates: c̃_1, ..., c̃_T, a 1-D sequence of numbers in [-1, 1]
            (the range of tanh, which produces them in a real LSTM).
        forget_gate: f in [0, 1]; the share of c_{t-1} kept at each step.
        input_gate: i in [0, 1]; the share of c̃_t written at each step.
        output_gate: o in [0, 1]; the share of tanh(c_t) shown as h_t.
        c0: the cell state before the first step (a finite number).

    Returns:
        ``cell_states`` (c_1, ..., c_T) and ``outputs`` (h_1, ..., h_T), two
        float64 arrays of shape (T,).

    Raises:
        TypeError: a gate or ``c0`` is not a number, or ``candidates`` is not numeric.
        ValueError: a gate is outside [0, 1], ``candidates`` is empty, not 1-D
            or outside [-1, 1], or ``c0`` is not finite.
    """
    c_tilde = _candidates(candidates)
    f = check_number(forget_gate, "forget_gate", 0.0, 1.0)
    i = check_number(input_gate, "input_gate", 0.0, 1.0)
    o = check_number(output_gate, "output_gate", 0.0, 1.0)
    c = check_number(c0, "c0")
    cell_states = np.empty_like(c_tilde)
    for t, candidate in enumerate(c_tilde):
        c = f * c + i * candidate
        cell_states[t] = c
    outputs = o * np.tanh(cell_states)
    return cell_states, outputs


def plot_constant_gate_run(
    ax: Any,
    candidates: ArrayLike | Sequence[float],
    forget_gate: float,
    input_gate: float,
    output_gate: float,
    *,
    legend: bool = True,
) -> None:
    """Draw c̃_t (grey bars), c_t (circles) and h_t (squares, dashed) against t on ``ax``.

    The title names the three gate values; the y-axis spans at least [-1, 3.2]
    so that panels drawn side by side share one scale.
    """
    from matplotlib.ticker import MaxNLocator  # only plotting needs matplotlib

    cell_states, outputs = constant_gate_run(candidates, forget_gate, input_gate, output_gate)
    c_tilde = _candidates(candidates)
    steps = np.arange(1, len(c_tilde) + 1)
    ax.bar(steps, c_tilde, width=0.6, color="0.8", label=r"candidate $\tilde{c}_t$")
    ax.plot(steps, cell_states, marker="o", markersize=3, label=r"cell state $c_t$")
    ax.plot(steps, outputs, marker="s", markersize=3, linestyle="--", label=r"output $h_t$")
    ax.axhline(0.0, color="0.5", linewidth=0.8)
    low = min(-1.05, float(np.min(cell_states)) - 0.1)
    high = max(3.2, float(np.max(cell_states)) + 0.2)
    ax.set_ylim(low, high)
    ax.set_xlabel("time step t")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(f"f = {forget_gate:.2f},  i = {input_gate:.2f},  o = {output_gate:.2f}")
    if legend:
        ax.legend(loc="lower right", ncol=3, fontsize=12)  # one row, below the zero line
