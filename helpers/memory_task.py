"""A long-gap memory task, and the small models that try to solve it.

Taught in notebooks/04_rnn_vs_lstm_long_gaps.ipynb, which builds one sample and
one model by hand before handing the job to these functions; the wide sweep in
tools/long_gap_sweep.py calls the same functions, so the notebook and the data
file it plots come from one piece of code.

The task mirrors the sentence "I was born in Spain ... so I am fluent in ___":
a fact comes first, distractors follow, and the answer is asked for at the end.
TensorFlow is imported only by the functions that build or train a model.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from helpers._validation import FLOAT32_MAX, require_choice, require_int, require_number, require_seed

if TYPE_CHECKING:  # imported for type hints only; importing keras starts TensorFlow
    import keras

CELLS = ("SimpleRNN", "GRU", "LSTM")
#: Upper bounds, so that a typo fails at once with its name instead of filling memory or
#: running for hours; the course uses at most 2,048 samples, gap 200, 18 units, 15 epochs.
MAX_SAMPLES = 1_000_000
MAX_GAP = 10_000
MAX_SYMBOLS = 1_000
MAX_UNITS = 4096
MAX_EPOCHS = 10_000
#: The noise is stored as float32 too; 1e30 leaves room for any draw (1e8 standard deviations).
MAX_NOISE_STD = 1e30


def make_memory_task(
    n_samples: int,
    gap: int,
    *,
    n_symbols: int = 2,
    noise_std: float = 2.0,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Make ``n_samples`` sequences whose label is the symbol shown at the first step.

    Each sequence has ``T = gap + 2`` time steps, numbered 1 .. T as in the
    notebooks (array index ``t - 1``), and ``n_symbols + 2`` features:

    * step 1, the fact: a one-hot symbol on features ``0 .. n_symbols - 1``
      ("born in Spain" or "born in France");
    * steps 2 .. ``gap + 1``, the distractors: Gaussian noise with standard
      deviation ``noise_std`` on feature ``n_symbols`` (all zeros when
      ``noise_std`` is 0, a gap with no distractors);
    * step ``T``, the question: a 1 on feature ``n_symbols + 1``
      ("so I am fluent in ___").

    Every other entry is 0. A model must carry the symbol across ``gap``
    steps to name it at the end; one that forgets can only guess, with
    accuracy ``1 / n_symbols`` (chance).

    Args:
        n_samples: number of sequences, 1 to ``MAX_SAMPLES`` (10**6).
        gap: number of distractor steps between the fact and the question, 0 to ``MAX_GAP`` (10,000).
        n_symbols: number of possible symbols (classes), 2 to ``MAX_SYMBOLS`` (1,000).
        noise_std: standard deviation of the distractor noise, 0 to ``MAX_NOISE_STD`` (1e30).
        seed: seed of the NumPy generator; the same arguments give the same data.
            The labels are drawn first, so the same seed gives the same labels
            at every gap.

    Returns:
        ``X`` (float32) of shape (n_samples, gap + 2, n_symbols + 2) and the
        labels ``y`` (int32) of shape (n_samples,), each in ``0 .. n_symbols - 1``.

    Raises:
        TypeError: an argument has the wrong type.
        ValueError: an argument is out of range.
    """
    n_samples = require_int(n_samples, "n_samples", 1, MAX_SAMPLES)
    gap = require_int(gap, "gap", 0, MAX_GAP)
    n_symbols = require_int(n_symbols, "n_symbols", 2, MAX_SYMBOLS)
    seed = require_seed(seed)
    noise_std = require_number(noise_std, "noise_std", 0, MAX_NOISE_STD)

    rng = np.random.default_rng(seed)
    y = rng.integers(0, n_symbols, size=n_samples).astype(np.int32)
    X = np.zeros((n_samples, gap + 2, n_symbols + 2), dtype=np.float32)
    X[np.arange(n_samples), 0, y] = 1.0
    if noise_std > 0 and gap > 0:
        X[:, 1 : gap + 1, n_symbols] = rng.normal(0.0, noise_std, size=(n_samples, gap))
    X[:, gap + 1, n_symbols + 1] = 1.0
    return X, y


def require_gate_bias(value: Any, name: str, cell: str, gated: Sequence[str], reason: str) -> float | None:
    """An initial gate bias argument: None (Keras's default), or a number within float32's range
    for a ``cell`` among ``gated``; for another cell, a ``ValueError`` that ends with ``reason``."""
    if value is None:
        return None
    if cell not in gated:
        raise ValueError(f"{name} must be None for a {cell} ({reason})")
    return require_number(value, name, -FLOAT32_MAX, FLOAT32_MAX)


def set_memory_gate_bias(layer: Any, value: float, name: str = "value") -> None:
    """Set the initial bias of the gate that decides how much memory is kept.

    For an LSTM that is the forget gate: ``b_f``, the second quarter of the
    bias ``b = [b_i | b_f | b_c | b_o]`` (Keras starts it at 1). For a GRU it
    is the update gate ``z`` (``h_t = z_t * h_{t-1} + (1 - z_t) * candidate``):
    the first third of the input bias, Keras gate order z, r, h (Keras starts
    it at 0). A bias of 5 starts the gate near sigmoid(5) = 0.993, so at first
    over 99% of the memory survives each step (notebook 02 measures what this
    does to the gradient). A SimpleRNN has no such gate.

    Args:
        layer: a built ``keras.layers.LSTM`` or ``keras.layers.GRU``.
        value: the new bias, a number within float32's range (±3.4e38).
        name: what an error calls ``value`` (the caller's argument name).

    Raises:
        TypeError: ``layer`` is not an LSTM or GRU layer, or ``value`` is not a number.
        ValueError: ``layer`` is not built yet, or ``value`` is not finite.
    """
    import keras

    if not isinstance(layer, (keras.layers.LSTM, keras.layers.GRU)):
        raise TypeError(f"layer must be a keras LSTM or GRU layer, got {type(layer).__name__}")
    require_number(value, name, -FLOAT32_MAX, FLOAT32_MAX)
    if not layer.built:
        raise ValueError("layer must be built first (put it in a model after keras.Input)")
    units = layer.cell.units
    bias = layer.cell.bias.numpy()
    if isinstance(layer, keras.layers.LSTM):
        bias[units : 2 * units] = value  # b_f
    elif bias.ndim == 2:  # GRU, reset_after=True: rows are input and recurrent biases
        bias[0, :units] = value
        bias[1, :units] = 0.0
    else:
        bias[:units] = value
    layer.cell.bias.assign(bias)


def build_memory_model(
    cell: str,
    *,
    units: int = 8,
    n_symbols: int = 2,
    memory_gate_bias: float | None = 5.0,
    input_gate_bias: float | None = None,
    learning_rate: float = 1e-2,
) -> keras.Model:
    """Build and compile ``Input -> cell(units) -> Dense(n_symbols, softmax)``.

    The recurrent layer reads the whole sequence and hands its last hidden
    state ``h_T`` to the dense layer, which names the symbol. Compiled with
    Adam, sparse categorical cross-entropy and accuracy.

    Args:
        cell: "SimpleRNN", "GRU" or "LSTM".
        units: hidden units n, 1 to ``MAX_UNITS`` (4096).
        n_symbols: number of symbols of the task, 2 to ``MAX_SYMBOLS`` (it has n_symbols + 2 features).
        memory_gate_bias: initial bias of the LSTM forget gate or GRU update gate
            (see :func:`set_memory_gate_bias`); None keeps Keras's default
            (LSTM 1, GRU 0). Must be None for a SimpleRNN, which has no gate.
        input_gate_bias: initial bias ``b_i`` of an LSTM's input gate, the first
            quarter of its bias; None keeps Keras's default 0. A GRU has no
            separate input gate (its update gate also decides how much new input
            enters), so this must be None for a GRU and a SimpleRNN. Both biases
            must lie within float32's range (±3.4e38).
        learning_rate: Adam's learning rate, > 0 and within float32's range.

    Raises:
        TypeError, ValueError: an argument has the wrong type or value.
    """
    cell = require_choice(cell, "cell", CELLS)
    units = require_int(units, "units", 1, MAX_UNITS)
    n_symbols = require_int(n_symbols, "n_symbols", 2, MAX_SYMBOLS)
    learning_rate = require_number(learning_rate, "learning_rate", maximum=FLOAT32_MAX, positive=True)
    require_gate_bias(memory_gate_bias, "memory_gate_bias", cell, ("GRU", "LSTM"), "it has no gate")
    require_gate_bias(input_gate_bias, "input_gate_bias", cell, ("LSTM",), "only an LSTM has an input gate")
    import keras

    recurrent = getattr(keras.layers, cell)(units)
    model = keras.Sequential(
        [
            keras.Input(shape=(None, n_symbols + 2)),
            recurrent,
            keras.layers.Dense(n_symbols, activation="softmax"),
        ],
        name=f"memory_{cell.lower()}",
    )
    if memory_gate_bias is not None:
        set_memory_gate_bias(recurrent, memory_gate_bias, "memory_gate_bias")
    if input_gate_bias is not None:
        bias = recurrent.cell.bias.numpy()  # [b_i | b_f | b_c | b_o]
        bias[:units] = input_gate_bias
        recurrent.cell.bias.assign(bias)
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


def run_memory_experiment(
    cell: str,
    gap: int,
    *,
    seed: int = 0,
    noise_std: float = 2.0,
    memory_gate_bias: float | None = 5.0,
    input_gate_bias: float | None = None,
    units: int = 8,
    n_symbols: int = 2,
    n_train: int = 2048,
    n_test: int = 1000,
    epochs: int = 15,
    batch_size: int = 64,
    learning_rate: float = 1e-2,
) -> dict[str, Any]:
    """Train one model on the memory task at one gap; return its scores.

    Seeds Python, NumPy and TensorFlow with ``seed`` (``keras.utils.set_random_seed``)
    before building the model, so a rerun on the same machine gives the same
    numbers. Training data use NumPy seed ``1000 + seed``, test data
    ``2000 + seed``: fresh sequences the model never saw.

    Args:
        cell: "SimpleRNN", "GRU" or "LSTM".
        gap: distractor steps between the fact and the question, >= 0.
        seed: >= 0.
        noise_std, n_symbols: the task (see :func:`make_memory_task`).
        memory_gate_bias, input_gate_bias, units, learning_rate: the model (see
            :func:`build_memory_model`). A SimpleRNN ignores ``memory_gate_bias``.
        n_train, n_test: numbers of training and test sequences, 1 to ``MAX_SAMPLES``.
        epochs, batch_size: training budget: 1 to ``MAX_EPOCHS`` (10,000) epochs,
            batches of 1 to ``MAX_SAMPLES``.

    Raises:
        TypeError, ValueError: an argument has the wrong type or value (the
            message names it), before any data are made or models built.

    Returns:
        A dict with the settings above and ``test_accuracy`` (float),
        ``train_accuracy`` (list of floats, one per epoch).
    """
    cell = require_choice(cell, "cell", CELLS)
    seed = require_seed(seed, offset=2000)  # the data use seeds 1000 + seed and 2000 + seed
    epochs = require_int(epochs, "epochs", 1, MAX_EPOCHS)
    batch_size = require_int(batch_size, "batch_size", 1, MAX_SAMPLES)
    n_train = require_int(n_train, "n_train", 1, MAX_SAMPLES)
    n_test = require_int(n_test, "n_test", 1, MAX_SAMPLES)
    gap = require_int(gap, "gap", 0, MAX_GAP)
    noise_std = require_number(noise_std, "noise_std", 0, MAX_NOISE_STD)
    units = require_int(units, "units", 1, MAX_UNITS)
    n_symbols = require_int(n_symbols, "n_symbols", 2, MAX_SYMBOLS)
    learning_rate = require_number(learning_rate, "learning_rate", maximum=FLOAT32_MAX, positive=True)
    for name, bias in (("memory_gate_bias", memory_gate_bias), ("input_gate_bias", input_gate_bias)):
        if bias is not None:
            require_number(bias, name, -FLOAT32_MAX, FLOAT32_MAX)
    X_train, y_train = make_memory_task(
        n_train, gap, n_symbols=n_symbols, noise_std=noise_std, seed=1000 + seed
    )
    X_test, y_test = make_memory_task(
        n_test, gap, n_symbols=n_symbols, noise_std=noise_std, seed=2000 + seed
    )
    import keras

    keras.utils.set_random_seed(seed)
    gate_bias = None if cell == "SimpleRNN" else memory_gate_bias
    model = build_memory_model(
        cell, units=units, n_symbols=n_symbols, memory_gate_bias=gate_bias,
        input_gate_bias=input_gate_bias, learning_rate=learning_rate,
    )
    history = model.fit(X_train, y_train, epochs=epochs, batch_size=batch_size, verbose=0)
    _, test_accuracy = model.evaluate(X_test, y_test, batch_size=500, verbose=0)
    return {
        "cell": cell,
        "gap": int(gap),
        "seed": seed,
        "noise_std": float(noise_std),
        "memory_gate_bias": gate_bias,
        "input_gate_bias": input_gate_bias,
        "units": int(units),
        "test_accuracy": float(test_accuracy),
        "train_accuracy": [float(a) for a in history.history["accuracy"]],
    }
