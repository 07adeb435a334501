"""first_input_gradient_norms against TensorFlow's own Jacobian and a hand formula."""

from __future__ import annotations

import os

import numpy as np
import pytest

from helpers.gradients import first_input_gradient_norms

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
keras = pytest.importorskip("keras")
tf = pytest.importorskip("tensorflow")


def built(layer, features):
    layer.build((None, None, features))
    return layer


@pytest.mark.parametrize("kind", ["SimpleRNN", "LSTM", "GRU"])
@pytest.mark.parametrize("batch, time, features, units", [(1, 1, 1, 1), (3, 7, 2, 5), (2, 12, 4, 3)])
def test_matches_batch_jacobian(kind, batch, time, features, units):
    keras.utils.set_random_seed(batch + time + features + units)
    layer = built(getattr(keras.layers, kind)(units), features)
    x = np.random.default_rng(0).normal(size=(batch, time, features)).astype(np.float32)
    x_tensor = tf.constant(x)
    with tf.GradientTape() as tape:
        tape.watch(x_tensor)
        h_last = layer(x_tensor)
    jacobians = tape.batch_jacobian(h_last, x_tensor).numpy()  # (batch, units, time, features)
    expected = np.linalg.norm(jacobians[:, :, 0, :], axis=(1, 2))
    norms = first_input_gradient_norms(layer, x)
    assert norms.shape == (batch,)
    np.testing.assert_allclose(norms, expected, rtol=1e-4, atol=1e-12)


def test_one_step_simple_rnn_by_hand():
    # T = 1: h_1 = tanh(x_1 W + b), so J = W diag(1 − h_1²), whatever U is.
    layer = built(keras.layers.SimpleRNN(2), 3)
    W = np.array([[0.5, -1.0], [0.2, 0.3], [0.0, 0.7]], dtype=np.float32)
    U = np.eye(2, dtype=np.float32)
    b = np.array([0.1, -0.2], dtype=np.float32)
    layer.set_weights([W, U, b])
    x = np.array([[[1.0, -2.0, 0.5]]], dtype=np.float32)
    h_1 = np.tanh(x[0, 0] @ W + b)
    by_hand = np.linalg.norm(W * (1 - h_1**2))
    np.testing.assert_allclose(first_input_gradient_norms(layer, x), [by_hand], rtol=1e-5)


def test_an_input_the_layer_ignores_has_zero_gradient():
    # A SimpleRNN whose kernel is zero never sees x at all.
    layer = built(keras.layers.SimpleRNN(4), 2)
    kernel, recurrent_kernel, bias = layer.get_weights()
    layer.set_weights([np.zeros_like(kernel), recurrent_kernel, bias])
    x = np.ones((2, 5, 2), dtype=np.float32)
    np.testing.assert_array_equal(first_input_gradient_norms(layer, x), [0.0, 0.0])


def test_bad_input_is_named():
    layer = built(keras.layers.SimpleRNN(2), 1)
    with pytest.raises(TypeError, match="layer"):
        first_input_gradient_norms("not a layer", np.zeros((1, 2, 1)))
    with pytest.raises(ValueError, match=r"sequences must be 3-D \(batch, time, features\)"):
        first_input_gradient_norms(layer, np.zeros((2, 1)))
    with pytest.raises(ValueError, match="sequences"):
        first_input_gradient_norms(layer, np.zeros((0, 2, 1)))
    with pytest.raises(ValueError, match="NaN"):
        first_input_gradient_norms(layer, np.full((1, 2, 1), np.nan))
    with pytest.raises(TypeError, match="sequences"):
        first_input_gradient_norms(layer, [["a", "b"]])
    sequences_layer = built(keras.layers.SimpleRNN(2, return_sequences=True), 1)
    with pytest.raises(ValueError, match="return_sequences"):
        first_input_gradient_norms(sequences_layer, np.zeros((1, 3, 1)))
    state_layer = built(keras.layers.SimpleRNN(2, return_state=True), 1)
    with pytest.raises(ValueError, match="return_state"):
        first_input_gradient_norms(state_layer, np.zeros((1, 3, 1)))


@pytest.mark.parametrize(
    "sequences, error, match",
    [
        (np.ones((1, 3, 1), dtype=complex), TypeError, "sequences must hold numbers"),
        (np.ones((1, 3, 1), dtype=bool), TypeError, "sequences must hold numbers"),
        (np.array([[["1"], ["2"], ["3"]]]), TypeError, "sequences must hold numbers"),
        (np.ones((1, 3, 2)), ValueError, "cannot read sequences of 2 features"),
    ],
)
def test_issue_18_odd_sequences_and_mismatched_layers(sequences, error, match):
    layer = built(keras.layers.SimpleRNN(2), 1)
    with pytest.raises(error, match=match):
        first_input_gradient_norms(layer, sequences)


def test_issue_18_a_callable_that_ignores_its_input():
    with pytest.raises(ValueError, match="does not depend on its input"):
        first_input_gradient_norms(lambda x: keras.ops.ones((x.shape[0], 3)), np.ones((2, 3, 1)))
