"""The one set-up call every notebook makes (all notebooks, from 01 on).

The notebook's set-up cell (written by tools/stamp_notebooks.py) only finds
this package; :func:`setup_notebook` does the rest. It checks that the course's
files are all there, quiets TensorFlow's C++ log lines *before* TensorFlow is
imported, checks the versions the course was written for, seeds Python, NumPy
and Keras, and sets matplotlib defaults that read well on a projector.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from helpers._validation import require_seed

#: The course's folder: the one that holds helpers/, figures/ and data/.
COURSE_ROOT = Path(__file__).resolve().parent.parent
#: What a complete copy of the course holds (a download cut short lacks some).
COURSE_FILES = ("figures", "data", "notebooks", "pyproject.toml")

# Oldest versions the course supports: those Colab runs.
MIN_PYTHON = (3, 11)
MIN_VERSIONS = {"tensorflow": (2, 20), "keras": (3, 13)}

_FIX = (
    "Locally: run `make lab` from the course folder (it installs requirements.txt "
    "into .venv). On Colab: Runtime > Disconnect and delete runtime, then run again."
)


def require_course_files(root: Path = COURSE_ROOT) -> None:
    """Raise ``RuntimeError`` with what to do when part of the course is missing."""
    missing = [name for name in COURSE_FILES if not (root / name).exists()]
    if missing:
        raise RuntimeError(
            f"The course folder {root.name}/ is incomplete (no {', '.join(missing)}): a download "
            f"was cut short. On Colab: run `!rm -rf {root}` in a cell, then run the "
            "set-up cell again. Locally: clone the course again."
        )


def _version_tuple(version: str) -> tuple[int, ...]:
    parts = []
    for piece in version.split(".")[:2]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)


def quiet_tensorflow() -> None:
    """Hide TensorFlow's C++ start-up messages and make CPU results repeatable.

    Must run before ``import tensorflow``; afterwards it changes nothing.
    oneDNN is switched off because it is on only on some CPUs, and it changes
    results at about 1e-7, so results would differ between machines.
    """
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")


def require_versions() -> None:
    """Raise ``RuntimeError`` naming what to do when a package is too old or missing."""
    if sys.version_info[:2] < MIN_PYTHON:
        raise RuntimeError(
            f"This course needs Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer; "
            f"this kernel runs {sys.version.split()[0]}. {_FIX}"
        )
    import importlib

    for name, minimum in MIN_VERSIONS.items():
        try:
            module = importlib.import_module(name)
        except ImportError as error:
            raise RuntimeError(f"{name} is not installed ({error}). {_FIX}") from None
        if _version_tuple(module.__version__) < minimum:
            raise RuntimeError(
                f"{name} {module.__version__} is too old; the course needs "
                f"{minimum[0]}.{minimum[1]} or newer. {_FIX}"
            )


def style_plots() -> None:
    """Colour-blind-safe colours, large labels, light grids."""
    import matplotlib.pyplot as plt

    plt.style.use("tableau-colorblind10")
    plt.rcParams.update(
        {
            "figure.figsize": (7.0, 3.6),
            "figure.dpi": 100,
            "font.size": 12,
            "axes.titlesize": 13,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "legend.frameon": False,
        }
    )


def setup_notebook(seed: int = 42) -> None:
    """Prepare a notebook: check the course's files, quiet TensorFlow, check versions, seed, style plots.

    Args:
        seed: seeds Python's ``random``, NumPy and TensorFlow through
            ``keras.utils.set_random_seed``, so a rerun gives the same numbers
            on the same machine.
    """
    seed = require_seed(seed)
    require_course_files()
    quiet_tensorflow()
    require_versions()
    import absl.logging
    import keras
    import tensorflow as tf

    absl.logging.set_verbosity(absl.logging.ERROR)
    # No retracing notice each time a notebook trains yet another small model.
    tf.get_logger().setLevel("ERROR")
    keras.utils.set_random_seed(seed)
    style_plots()
    print(f"Set-up done: TensorFlow quiet, random seed {seed}, plot style set.")
