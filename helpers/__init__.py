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
    "setup_notebook": "helpers.notebook_setup",
    "split_sequence": "helpers.sequences",
    "page": "helpers.figures",
    "simple_rnn_forward": "helpers.cells",
    "lstm_forward": "helpers.cells",
    "make_memory_task": "helpers.memory_task",
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
