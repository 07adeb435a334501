"""helpers/cells.py's NumPy cells against Keras: largest difference and time per step.

Call ``helpers.notebook_setup.quiet_tensorflow()`` before importing this module.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import keras
import numpy as np

from benchmarks.report import CellParity
from helpers.cells import lstm_forward, simple_rnn_forward

TIMING_SHAPE = (32, 100, 8, 64)  # batch, time, features, units
REPEATS = 7


def _random_shape(rng: np.random.Generator) -> tuple[int, int, int, int]:
    batch, time_steps, features, units = rng.integers(1, [9, 101, 9, 33])
    return int(batch), int(time_steps), int(features), int(units)


def _layer(kind: str, units: int) -> keras.layers.Layer:
    cls = keras.layers.LSTM if kind == "lstm" else keras.layers.SimpleRNN
    return cls(units, return_sequences=True, return_state=True)


def _random_case(kind: str, shape: tuple[int, int, int, int], rng: np.random.Generator):
    batch, time_steps, features, units = shape
    layer = _layer(kind, units)
    layer.build((batch, time_steps, features))
    # Std 1/sqrt(fan-in), the scale Keras's initialisers use. Much larger recurrent weights make a
    # simple RNN chaotic, and float32 rounding then grows step by step (see tests/test_cells.py).
    weights = [rng.normal(scale=1 / np.sqrt(w.shape[0]), size=w.shape).astype(np.float32)
               for w in layer.get_weights()]
    layer.set_weights(weights)
    x = rng.normal(size=shape[:3]).astype(np.float32)
    states = [rng.normal(size=(batch, units)).astype(np.float32) for _ in range(2 if kind == "lstm" else 1)]
    return layer, weights, x, states


def _numpy_call(kind: str, x, weights, states):
    if kind == "lstm":
        return lstm_forward(x, *weights, h0=states[0], c0=states[1])
    return simple_rnn_forward(x, *weights, h0=states[0])


def max_abs_error(
    kind: str, shapes: int, seed: int = 0
) -> tuple[float, tuple[int, int, int, int]]:
    """Largest |NumPy − Keras| over every output and state of ``shapes`` random shapes,
    and the shape where it happened."""
    rng = np.random.default_rng(seed)
    worst, worst_shape = -1.0, (0, 0, 0, 0)
    for _ in range(shapes):
        shape = _random_shape(rng)
        layer, weights, x, states = _random_case(kind, shape, rng)
        expected = [np.asarray(v) for v in layer(x, initial_state=states)]
        got = _numpy_call(kind, x, weights, states)
        error = max(float(np.max(np.abs(g - e))) for g, e in zip(got, expected, strict=True))
        if error > worst:
            worst, worst_shape = error, shape
    return worst, worst_shape


def _fastest_seconds(call: Callable[[], object], repeats: int = REPEATS) -> float:
    """The fastest of ``repeats`` calls: on a shared machine, the least disturbed one."""
    call()  # warm-up: Keras builds its function on the first call
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(kind: str, shapes: int = 20) -> CellParity:
    """Parity over ``shapes`` random shapes, then time per step on TIMING_SHAPE."""
    error, worst_shape = max_abs_error(kind, shapes)
    rng = np.random.default_rng(1)
    layer, weights, x, states = _random_case(kind, TIMING_SHAPE, rng)
    steps = TIMING_SHAPE[1]
    numpy_seconds = _fastest_seconds(lambda: _numpy_call(kind, x, weights, states))
    keras_seconds = _fastest_seconds(lambda: layer(x, initial_state=states))
    return CellParity(
        cell="lstm_forward" if kind == "lstm" else "simple_rnn_forward",
        keras_layer="keras.layers.LSTM" if kind == "lstm" else "keras.layers.SimpleRNN",
        shapes_tested=shapes,
        max_abs_error=error,
        worst_shape=worst_shape,
        timing_shape=TIMING_SHAPE,
        numpy_seconds_per_step=numpy_seconds / steps,
        keras_seconds_per_step=keras_seconds / steps,
    )
