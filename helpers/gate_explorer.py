"""The computation behind the gate explorer of notebooks/03_lstm_architecture.ipynb.

In a real LSTM the gates are recomputed at every step from x_t and h_{t-1}.
The explorer freezes them: the forget gate f, the input gate i and the output
gate o are constant numbers in [0, 1], and the candidate values c̃_t are given
as a sequence. What is left is the cell state's own arithmetic, one unit wide:

    c_t = f · c_{t-1} + i · c̃_t,        h_t = o · tanh(c_t),        c_0 = 0.

The notebook writes this loop out in full before handing it to
:func:`constant_gate_run`; :func:`plot_constant_gate_run` draws one run, for
the static figure and for the sliders alike, and :func:`explore_gates` puts
three sliders (ipywidgets) on top of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from helpers._validation import as_finite_array, require_number
from helpers.palette import CELL_COLOURS

__all__ = ["EXAMPLE_CANDIDATES", "GateExplorer", "constant_gate_run", "explore_gates",
           "plot_constant_gate_run"]

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
    f = require_number(forget_gate, "forget_gate", 0.0, 1.0)
    i = require_number(input_gate, "input_gate", 0.0, 1.0)
    o = require_number(output_gate, "output_gate", 0.0, 1.0)
    c = require_number(c0, "c0")
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
    from matplotlib.axes import Axes  # only plotting needs matplotlib
    from matplotlib.ticker import MaxNLocator

    if not isinstance(ax, Axes):
        raise TypeError(f"ax must be a matplotlib Axes (e.g. from plt.subplots()), got {type(ax).__name__}")
    cell_states, outputs = constant_gate_run(candidates, forget_gate, input_gate, output_gate)
    c_tilde = _candidates(candidates)
    steps = np.arange(1, len(c_tilde) + 1)
    ax.bar(steps, c_tilde, width=0.6, color="0.8", label=r"candidate $\tilde{c}_t$")
    colour = CELL_COLOURS["LSTM"]  # both lines belong to one LSTM unit: told apart by style
    ax.plot(steps, cell_states, color=colour, marker="o", markersize=3,
            label=r"cell state $c_t$")
    ax.plot(steps, outputs, color=colour, marker="s", markersize=3, markerfacecolor="white",
            linestyle="--", label=r"output $h_t$")
    ax.axhline(0.0, color="0.5", linewidth=0.8)
    low = min(-1.05, float(np.min(cell_states)) - 0.1)
    high = max(3.2, float(np.max(cell_states)) + 0.2)
    ax.set_ylim(low, high)
    ax.set_xlabel("time step t")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(f"f = {forget_gate:.2f},  i = {input_gate:.2f},  o = {output_gate:.2f}")
    if legend:
        ax.legend(loc="lower right", ncol=3, fontsize=12)  # one row, below the zero line


#: What a viewer without a running kernel shows in place of the sliders.
EXPLORER_TEXT = "Gate explorer: three sliders (f, i, o); they show only with a running kernel."


class GateExplorer:
    """Three sliders (f, i, o) over :func:`plot_constant_gate_run`, for Jupyter.

    Jupyter shows the sliders and the plot below them; a viewer without a
    running kernel (GitHub, a static HTML page) shows :data:`EXPLORER_TEXT`.
    """

    def __init__(self, candidates: ArrayLike | Sequence[float], forget_gate: float,
                 input_gate: float, output_gate: float) -> None:
        import ipywidgets as widgets  # only the live explorer needs ipywidgets

        self.candidates = _candidates(candidates)
        start = {
            "forget_gate": require_number(forget_gate, "forget_gate", 0.0, 1.0),
            "input_gate": require_number(input_gate, "input_gate", 0.0, 1.0),
            "output_gate": require_number(output_gate, "output_gate", 0.0, 1.0),
        }
        names = {"forget_gate": "forget f", "input_gate": "input i", "output_gate": "output o"}
        sliders = {
            key: widgets.FloatSlider(value=value, min=0.0, max=1.0, step=0.05,
                                     description=names[key], continuous_update=False)
            for key, value in start.items()
        }
        self.widget = widgets.interactive(self._draw, **sliders)

    def _draw(self, forget_gate: float, input_gate: float, output_gate: float) -> None:
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(8, 3.6))
        plot_constant_gate_run(ax, self.candidates, forget_gate, input_gate, output_gate)
        plt.show()

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        own = getattr(self.widget, "_repr_mimebundle_", None)
        if own is not None:  # ipywidgets 8
            bundle = dict(own(include=include, exclude=exclude) or {})
        else:  # ipywidgets 7 (Colab) shows widgets another way; this is the bundle it sends
            view = {"version_major": 2, "version_minor": 0, "model_id": self.widget.model_id}
            bundle = {"application/vnd.jupyter.widget-view+json": view}
        bundle["text/plain"] = EXPLORER_TEXT
        return bundle

    def __repr__(self) -> str:
        return EXPLORER_TEXT


def explore_gates(
    candidates: ArrayLike | Sequence[float] = EXAMPLE_CANDIDATES,
    forget_gate: float = 0.9,
    input_gate: float = 1.0,
    output_gate: float = 1.0,
) -> GateExplorer:
    """Sliders for the three constant gates of notebook 03's explorer.

    Args:
        candidates: c̃_1, ..., c̃_T, as for :func:`constant_gate_run`.
        forget_gate, input_gate, output_gate: where the sliders start, in [0, 1].

    Returns:
        A :class:`GateExplorer`; as the last line of a cell, Jupyter shows its
        sliders and the plot of :func:`plot_constant_gate_run` below them.

    Raises:
        TypeError, ValueError: as :func:`constant_gate_run`, naming the argument.
    """
    return GateExplorer(candidates, forget_gate, input_gate, output_gate)
