"""Draw a Keras model with its shapes, without littering the working folder.

Taught in notebooks/05_univariate_lstm_forecasting.ipynb, which calls
``keras.utils.plot_model`` in full first; every later notebook uses this.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

MISSING_DOT = (
    "Graphviz's `dot` program is missing, so plot_model cannot draw the model; skipping the "
    "drawing. To see it, install Graphviz (`sudo apt-get install graphviz`, `brew install "
    "graphviz` or `conda install graphviz`; `make lab` does it for you), then restart the kernel."
)


def show_model(model: Any, *, show_layer_names: bool = True, dpi: int = 72, **options: Any) -> Any:
    """Return ``keras.utils.plot_model``'s picture of ``model`` with every layer's shapes.

    The PNG is written to a temporary folder (plot_model always writes a file)
    and shown inline. When Graphviz's ``dot`` is missing or fails, it prints
    what to install and returns None instead of stopping the notebook.

    Args:
        model: a built ``keras.Model``.
        show_layer_names: print each layer's name in its box.
        dpi: resolution of the picture.
        **options: more ``plot_model`` options (``expand_nested=True``, ...).

    Raises:
        TypeError: ``model`` is not a Keras model.
    """
    import keras

    if not isinstance(model, keras.Model):
        raise TypeError(f"model must be a keras.Model, got {type(model).__name__}")
    if shutil.which("dot") is None:
        print(MISSING_DOT)
        return None
    with tempfile.TemporaryDirectory() as folder:
        try:
            return keras.utils.plot_model(
                model,
                to_file=str(Path(folder) / "model.png"),
                show_shapes=True,
                show_layer_names=show_layer_names,
                dpi=dpi,
                **options,
            )
        except Exception as error:  # noqa: BLE001 - a broken Graphviz must not stop the lesson
            print(f"plot_model failed ({type(error).__name__}: {error}); skipping the drawing. "
                  "Reinstall Graphviz, then restart the kernel.")
            return None
