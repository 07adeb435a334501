"""NumPy cells against Keras on random shapes and weights, and their input checks."""

from __future__ import annotations

import os

import numpy as np
import pytest

from helpers import lstm_forward, simple_rnn_forward
from helpers.cells import sigmoid

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
keras = pytest.importorskip("keras")

RNG = np.random.default_rng(2024)
# batch, time, features, units: a few fixed corner cases plus random picks.
SHAPES = [(1, 1, 1, 1), (3, 5, 2, 4), (2, 100, 3, 32)] + [
    tuple(int(v) for v in RNG.integers(1, [9, 101, 9, 33])) for _ in range(6)
]


def random_weights(layer, rng):
    """Random weights at the scale Keras's initialisers use (std 1/sqrt(fan-in)).

    Much larger recurrent weights make a simple RNN chaotic: Keras's float32
    rounding then grows step by step (7e-5 after 40 steps at std 0.5 and 32
    units), so such a test would measure chaos, not the formula.
    """
    return [rng.normal(scale=1 / np.sqrt(w.shape[0]), size=w.shape).astype(np.float32)
            for w in layer.get_weights()]


@pytest.mark.parametrize("batch, time, features, units", SHAPES)
def test_simple_rnn_matches_keras(batch, time, features, units):
    rng = np.random.default_rng(batch * 1000 + time * 10 + units)
    x = rng.normal(size=(batch, time, features)).astype(np.float32)
    h0 = rng.normal(size=(batch, units)).astype(np.float32)
    layer = keras.layers.SimpleRNN(units, return_sequences=True, return_state=True)
    layer.build((batch, time, features))
    weights = random_weights(layer, rng)
    layer.set_weights(weights)
    keras_out, keras_h = (np.asarray(v) for v in layer(x, initial_state=[h0]))
    out, h = simple_rnn_forward(x, *weights, h0=h0)
    assert out.shape == (batch, time, units)
    np.testing.assert_allclose(out, keras_out, atol=1e-5)
    np.testing.assert_allclose(h, keras_h, atol=1e-5)


@pytest.mark.parametrize("batch, time, features, units", SHAPES)
def test_lstm_matches_keras(batch, time, features, units):
    rng = np.random.default_rng(batch * 1000 + time * 10 + units + 1)
    x = rng.normal(size=(batch, time, features)).astype(np.float32)
    h0, c0 = (rng.normal(size=(batch, units)).astype(np.float32) for _ in range(2))
    layer = keras.layers.LSTM(units, return_sequences=True, return_state=True)
    layer.build((batch, time, features))
    weights = random_weights(layer, rng)
    layer.set_weights(weights)
    keras_out, keras_h, keras_c = (np.asarray(v) for v in layer(x, initial_state=[h0, c0]))
    out, h, c = lstm_forward(x, *weights, h0=h0, c0=c0)
    np.testing.assert_allclose(out, keras_out, atol=1e-5)
    np.testing.assert_allclose(h, keras_h, atol=1e-5)
    np.testing.assert_allclose(c, keras_c, atol=1e-5)


def test_zero_initial_state_is_the_default():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(2, 4, 3))
    W, U, b = rng.normal(size=(3, 8)), rng.normal(size=(2, 8)), rng.normal(size=8)
    np.testing.assert_array_equal(
        lstm_forward(x, W, U, b)[0], lstm_forward(x, W, U, b, np.zeros((2, 2)), np.zeros((2, 2)))[0]
    )


def test_forget_gate_open_and_input_closed_keeps_the_cell_state():
    """With f = 1 and i = 0 (huge biases) the cell state is carried unchanged."""
    units = 2
    b = np.zeros(4 * units)
    b[:units] = -50  # input gate shut
    b[units : 2 * units] = 50  # forget gate open
    c0 = np.array([[0.7, -0.3]])
    x = np.random.default_rng(1).normal(size=(1, 100, 1))
    _, _, c = lstm_forward(x, np.zeros((1, 8)), np.zeros((2, 8)), b, c0=c0)
    np.testing.assert_allclose(c, c0, atol=1e-12)


def test_sigmoid_is_stable_at_extremes():
    values = sigmoid(np.array([-1000.0, 0.0, 1000.0]))
    np.testing.assert_array_equal(values, [0.0, 0.5, 1.0])


GOOD = {"x": np.zeros((2, 3, 4)), "kernel": np.zeros((4, 5)), "recurrent_kernel": np.zeros((5, 5)),
        "bias": np.zeros(5)}


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"x": np.zeros((3, 4))}, "x must be 3-D"),
        ({"kernel": np.zeros((3, 5))}, r"kernel must have shape \(4, 5\)"),
        ({"recurrent_kernel": np.zeros((5, 4))}, r"recurrent_kernel must have shape \(5, 5\)"),
        ({"bias": np.zeros(4)}, r"bias must have shape \(5,\)"),
        ({"h0": np.zeros((3, 5))}, r"h0 must have shape \(2, 5\)"),
        ({"x": np.full((2, 3, 4), np.nan)}, "x holds NaN"),
    ],
)
def test_simple_rnn_rejects_bad_shapes(changes, message):
    with pytest.raises(ValueError, match=message):
        simple_rnn_forward(**{**GOOD, **changes})


LSTM_GOOD = {"x": np.zeros((2, 3, 4)), "kernel": np.zeros((4, 8)),
             "recurrent_kernel": np.zeros((2, 8)), "bias": np.zeros(8)}


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"kernel": np.zeros((4, 6))}, r"kernel must have shape \(features, 4·units\)"),
        ({"kernel": np.zeros((3, 8))}, "kernel must have shape"),
        ({"recurrent_kernel": np.zeros((8, 2))}, r"recurrent_kernel must have shape \(2, 8\)"),
        ({"bias": np.zeros(2)}, r"bias must have shape \(8,\)"),
        ({"c0": np.zeros((2, 3))}, r"c0 must have shape \(2, 2\)"),
        ({"bias": np.zeros((2, 4))}, "bias must be 1-D"),
    ],
)
def test_lstm_rejects_bad_shapes(changes, message):
    with pytest.raises(ValueError, match=message):
        lstm_forward(**{**LSTM_GOOD, **changes})


def test_non_numeric_input_is_a_type_error():
    with pytest.raises(TypeError, match="x must hold numbers"):
        lstm_forward(**{**LSTM_GOOD, "x": [[["a"]]]})
