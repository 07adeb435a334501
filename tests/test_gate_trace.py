"""helpers.cells.lstm_gate_trace: the NumPy trace matches Keras's LSTM and its own equations; bad input."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.cells import GATE_NAMES, lstm_forward, lstm_gate_trace


def random_weights(features=3, units=4, seed=0):
    rng = np.random.default_rng(seed)
    return (rng.normal(size=(features, 4 * units)), rng.normal(size=(units, 4 * units)) * 0.5,
            rng.normal(size=4 * units))


def test_trace_matches_lstm_forward_and_its_own_equations():
    W, U, b = random_weights()
    x = np.random.default_rng(1).normal(size=(5, 7, 3))
    trace = lstm_gate_trace(x, W, U, b)
    assert set(trace) == set(GATE_NAMES)
    assert all(value.shape == (5, 7, 4) for value in trace.values())
    outputs, h_last, c_last = lstm_forward(x, W, U, b)
    assert np.allclose(trace["h"], outputs) and np.allclose(trace["c"][:, -1], c_last)
    # the equations: c_t = f c_{t-1} + i c~_t, h_t = o tanh(c_t); gates in (0, 1)
    c_prev = np.concatenate([np.zeros((5, 1, 4)), trace["c"][:, :-1]], axis=1)
    assert np.allclose(trace["c"], trace["f"] * c_prev + trace["i"] * trace["c_tilde"])
    assert np.allclose(trace["h"], trace["o"] * np.tanh(trace["c"]))
    for gate in ("i", "f", "o"):
        assert np.all((trace[gate] > 0) & (trace[gate] < 1))


def test_trace_matches_keras():
    keras = pytest.importorskip("keras")
    layer = keras.layers.LSTM(4, return_sequences=True)
    layer.build((None, None, 3))
    x = np.random.default_rng(2).normal(size=(2, 6, 3)).astype("float32")
    trace = lstm_gate_trace(x, *layer.get_weights())
    assert np.max(np.abs(trace["h"] - layer(x).numpy())) <= 1e-5


def test_large_biases_do_not_overflow():
    W, U, b = random_weights()
    trace = lstm_gate_trace(np.zeros((1, 2, 3)), W, U, b + 1000.0)
    assert np.all(np.isfinite(trace["f"])) and np.allclose(trace["f"], 1.0)


@pytest.mark.parametrize(
    "change, error, word",
    [
        ({"x": np.zeros((2, 3))}, ValueError, "x"),
        ({"x": "abc"}, TypeError, "x"),
        ({"x": np.full((1, 2, 3), np.nan)}, ValueError, "x"),
        ({"x": np.zeros((1, 2, 3), dtype=bool)}, TypeError, "x"),
        ({"x": np.zeros((1, 0, 3))}, ValueError, "x"),
        ({"kernel": np.zeros((2, 16))}, ValueError, "kernel"),
        ({"kernel": np.zeros((3, 15))}, ValueError, "kernel"),
        ({"recurrent_kernel": np.zeros((4, 12))}, ValueError, "recurrent_kernel"),
        ({"bias": np.zeros(15)}, ValueError, "bias"),
        ({"bias": [[1, 2], [3]]}, ValueError, "bias"),
        ({"bias": np.array([object()] * 16)}, TypeError, "bias"),
    ],
)
def test_bad_input_names_the_argument(change, error, word):
    W, U, b = random_weights()
    args = {"x": np.zeros((1, 2, 3)), "kernel": W, "recurrent_kernel": U, "bias": b}
    args.update(change)
    with pytest.raises(error, match=word):
        lstm_gate_trace(**args)
