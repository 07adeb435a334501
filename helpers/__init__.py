"""Shared code for the RNN-to-LSTM course.

Every function here is first written out in full in a notebook; the notebook
named in each docstring is the one that teaches it. The names are loaded on
first use, so ``from helpers import page`` does not import TensorFlow.
"""

from __future__ import annotations

import importlib
from typing import Any

# public name -> module that defines it
_EXPORTS = {
    "setup_notebook": "helpers.notebook_setup",  # every notebook
    "page": "helpers.figures",  # every notebook
    "CELL_COLOURS": "helpers.notebook_setup",  # every plot
    "BASELINE_COLOUR": "helpers.notebook_setup",  # every plot
    "TRUTH_COLOUR": "helpers.notebook_setup",  # every plot
    "simple_rnn_forward": "helpers.cells",  # notebook 01
    "first_input_gradient_norms": "helpers.gradients",  # notebook 02
    "lstm_forward": "helpers.cells",  # notebook 03
    "constant_gate_run": "helpers.gate_explorer",  # notebook 03
    "make_memory_task": "helpers.memory_task",  # notebook 04
    "run_memory_experiment": "helpers.memory_task",  # notebook 04
    "split_sequence": "helpers.sequences",  # notebook 05
    "show_model": "helpers.model_plot",  # notebook 05, then every model
    "make_windows": "helpers.sequences",  # notebook 07
    "train_course_forecaster": "helpers.forecasting",  # notebook 05
    "recursive_forecast": "helpers.forecasting",  # notebook 05
    "echo_report": "helpers.diagnostics",  # notebook 08
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'helpers' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # cache: the next lookup skips __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
