"""make_memory_task: layout of a sample, labels, seeding and bad input (notebook 04)."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import make_memory_task
from helpers.memory_task import build_memory_model, require_gate_bias, run_memory_experiment, set_memory_gate_bias


def test_shapes_and_dtypes():
    X, y = make_memory_task(10, 7, n_symbols=3, noise_std=1.0, seed=1)
    assert X.shape == (10, 9, 5) and X.dtype == np.float32
    assert y.shape == (10,) and y.dtype == np.int32


def test_layout_of_every_sample():
    n_symbols, gap = 4, 6
    X, y = make_memory_task(200, gap, n_symbols=n_symbols, noise_std=2.0, seed=3)
    # step 0: the fact, one-hot on the symbol features and nothing else
    np.testing.assert_array_equal(X[:, 0, :n_symbols], np.eye(n_symbols)[y])
    assert np.all(X[:, 0, n_symbols:] == 0)
    # steps 1..gap: noise on the distractor feature only
    assert np.all(X[:, 1 : gap + 1, :n_symbols] == 0)
    assert np.all(X[:, 1 : gap + 1, n_symbols + 1] == 0)
    assert np.all(X[:, 1 : gap + 1, n_symbols] != 0)
    # last step: the question flag and nothing else
    assert np.all(X[:, -1, n_symbols + 1] == 1)
    assert np.all(X[:, -1, : n_symbols + 1] == 0)


def test_noise_has_the_requested_spread():
    X, _ = make_memory_task(2000, 50, noise_std=2.0, seed=0)  # 2 symbols: noise is feature 2
    noise = X[:, 1:-1, 2]
    assert abs(noise.mean()) < 0.02
    assert noise.std() == pytest.approx(2.0, rel=0.02)


def test_no_distractors_when_noise_is_zero():
    X, y = make_memory_task(50, 20, noise_std=0.0, seed=0)
    assert np.all(X[:, 1:-1, :] == 0)
    np.testing.assert_array_equal(X[:, 0, :2].argmax(axis=1), y)


def test_gap_zero_gives_fact_then_question():
    X, y = make_memory_task(5, 0, seed=0)  # defaults: 2 symbols, so 4 features
    assert X.shape == (5, 2, 4)
    np.testing.assert_array_equal(X[:, 0, :2].argmax(axis=1), y)
    assert np.all(X[:, 1, 3] == 1)


def test_labels_cover_all_symbols_about_evenly():
    _, y = make_memory_task(4000, 1, n_symbols=4, seed=0)
    counts = np.bincount(y, minlength=4)
    assert counts.min() > 900 and y.min() == 0 and y.max() == 3


def test_same_seed_same_data_other_seed_other_data():
    a = make_memory_task(20, 5, seed=7)
    b = make_memory_task(20, 5, seed=7)
    c = make_memory_task(20, 5, seed=8)
    np.testing.assert_array_equal(a[0], b[0])
    np.testing.assert_array_equal(a[1], b[1])
    assert not np.array_equal(a[0], c[0])


def test_a_longer_gap_keeps_the_labels_of_the_same_seed():
    # The labels are drawn first, so a sweep over gaps asks about the same symbols.
    _, y_short = make_memory_task(30, 5, seed=2)
    _, y_long = make_memory_task(30, 80, seed=2)
    np.testing.assert_array_equal(y_short, y_long)


@pytest.mark.parametrize(
    "kwargs, error, word",
    [
        ({"n_samples": 0, "gap": 5}, ValueError, "n_samples"),
        ({"n_samples": 2.0, "gap": 5}, TypeError, "n_samples"),
        ({"n_samples": True, "gap": 5}, TypeError, "n_samples"),
        ({"n_samples": 3, "gap": -1}, ValueError, "gap"),
        ({"n_samples": 3, "gap": "5"}, TypeError, "gap"),
        ({"n_samples": 3, "gap": 5, "n_symbols": 1}, ValueError, "n_symbols"),
        ({"n_samples": 3, "gap": 5, "noise_std": -0.5}, ValueError, "noise_std"),
        ({"n_samples": 3, "gap": 5, "noise_std": float("nan")}, ValueError, "noise_std"),
        ({"n_samples": 3, "gap": 5, "noise_std": "big"}, TypeError, "noise_std"),
        ({"n_samples": 3, "gap": 5, "seed": -1}, ValueError, "seed"),
    ],
)
def test_bad_input_names_the_argument(kwargs, error, word):
    with pytest.raises(error, match=word):
        make_memory_task(**kwargs)


# --- the models (TensorFlow is needed from here on) ---------------------------------

@pytest.fixture(scope="module")
def keras():
    from helpers.notebook_setup import quiet_tensorflow

    quiet_tensorflow()
    import keras

    return keras


@pytest.mark.parametrize("cell", ["SimpleRNN", "GRU", "LSTM"])
def test_build_memory_model_shapes(keras, cell):
    bias = None if cell == "SimpleRNN" else 3.0
    model = build_memory_model(cell, units=5, n_symbols=3, memory_gate_bias=bias)
    assert model.input_shape == (None, None, 5)
    assert model.output_shape == (None, 3)
    assert type(model.layers[0]).__name__ == cell
    assert model.optimizer is not None  # compiled


def test_lstm_memory_gate_bias_sets_only_the_forget_quarter(keras):
    model = build_memory_model("LSTM", units=4, memory_gate_bias=3.0)
    b = model.layers[0].cell.bias.numpy()  # [b_i | b_f | b_c | b_o]
    np.testing.assert_array_equal(b[4:8], 3.0)
    np.testing.assert_array_equal(b[:4], 0.0)
    np.testing.assert_array_equal(b[8:], 0.0)


def test_lstm_default_keeps_keras_forget_bias_of_one(keras):
    model = build_memory_model("LSTM", units=4, memory_gate_bias=None)
    np.testing.assert_array_equal(model.layers[0].cell.bias.numpy()[4:8], 1.0)


def test_gru_memory_gate_bias_sets_the_update_gate(keras):
    model = build_memory_model("GRU", units=4, memory_gate_bias=3.0)
    b = model.layers[0].cell.bias.numpy()  # rows: input, recurrent; columns z | r | h
    np.testing.assert_array_equal(b[0, :4], 3.0)
    assert np.count_nonzero(b) == 4


def test_require_gate_bias_names_the_argument_and_the_cell():
    assert require_gate_bias(None, "b", "SimpleRNN", ("LSTM",), "no gate") is None
    assert require_gate_bias(np.float32(5.0), "b", "LSTM", ("GRU", "LSTM"), "no gate") == 5.0
    with pytest.raises(ValueError, match=r"^b must be None for a SimpleRNN \(it has no gate\)$"):
        require_gate_bias(5.0, "b", "SimpleRNN", ("GRU", "LSTM"), "it has no gate")
    with pytest.raises(ValueError, match="b must be <= "):
        require_gate_bias(1e39, "b", "LSTM", ("LSTM",), "no gate")  # inf once stored as float32
    with pytest.raises(TypeError, match="b must be a number"):
        require_gate_bias("5", "b", "LSTM", ("LSTM",), "no gate")


def test_set_memory_gate_bias_bad_input(keras):
    with pytest.raises(TypeError, match="layer"):
        set_memory_gate_bias(keras.layers.SimpleRNN(3), 1.0)
    with pytest.raises(ValueError, match="built"):
        set_memory_gate_bias(keras.layers.LSTM(3), 1.0)
    model = build_memory_model("LSTM", units=2)
    with pytest.raises(ValueError, match="value"):
        set_memory_gate_bias(model.layers[0], float("inf"))
    with pytest.raises(TypeError, match="value"):
        set_memory_gate_bias(model.layers[0], "3")


@pytest.mark.parametrize(
    "args, kwargs, error, word",
    [
        (("RNN",), {}, ValueError, "cell"),
        ((3,), {}, TypeError, "cell"),
        (("LSTM",), {"units": 0}, ValueError, "units"),
        (("LSTM",), {"learning_rate": 0.0}, ValueError, "learning_rate"),
        (("SimpleRNN",), {"memory_gate_bias": 3.0}, ValueError, "memory_gate_bias"),
    ],
)
def test_build_memory_model_bad_input(keras, args, kwargs, error, word):
    with pytest.raises(error, match=word):
        build_memory_model(*args, **kwargs)


def test_run_memory_experiment_is_repeatable(keras):
    settings = dict(seed=4, n_train=64, n_test=32, epochs=2, batch_size=32)
    first = run_memory_experiment("LSTM", 3, **settings)
    second = run_memory_experiment("LSTM", 3, **settings)
    assert first == second
    assert first["cell"] == "LSTM" and first["gap"] == 3 and first["seed"] == 4
    assert 0.0 <= first["test_accuracy"] <= 1.0
    assert len(first["train_accuracy"]) == 2


def test_run_memory_experiment_ignores_gate_bias_for_simple_rnn(keras):
    result = run_memory_experiment("SimpleRNN", 2, n_train=32, n_test=16, epochs=1)
    assert result["memory_gate_bias"] is None


def test_lstm_input_gate_bias_sets_the_first_quarter(keras):
    model = build_memory_model("LSTM", units=3, memory_gate_bias=5.0, input_gate_bias=-3.0)
    b = model.layers[0].cell.bias.numpy()  # [b_i | b_f | b_c | b_o]
    np.testing.assert_array_equal(b, [-3.0] * 3 + [5.0] * 3 + [0.0] * 6)


@pytest.mark.parametrize("cell", ["GRU", "SimpleRNN"])
def test_input_gate_bias_is_for_lstm_only(keras, cell):
    with pytest.raises(ValueError, match="input_gate_bias"):
        build_memory_model(cell, memory_gate_bias=None, input_gate_bias=-3.0)


def test_input_gate_bias_must_be_finite(keras):
    with pytest.raises(ValueError, match="input_gate_bias"):
        build_memory_model("LSTM", input_gate_bias=float("nan"))
    with pytest.raises(TypeError, match="input_gate_bias"):
        build_memory_model("LSTM", input_gate_bias="-3")


@pytest.mark.parametrize(
    "call, error, match",
    [
        (lambda: make_memory_task(4, 3, noise_std=1e39), ValueError, "noise_std must be <="),
        (lambda: make_memory_task(10**9, 3), ValueError, "n_samples must be <="),
        (lambda: make_memory_task(4, 10**400), ValueError, "gap must be <="),
    ],
)
def test_issue_18_task_bounds(call, error, match):
    with pytest.raises(error, match=match):
        call()


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        ({"memory_gate_bias": 1e39}, ValueError, "memory_gate_bias must be <="),
        ({"memory_gate_bias": float("nan")}, ValueError, "memory_gate_bias must be a finite number"),
        ({"input_gate_bias": 1e300}, ValueError, "input_gate_bias must be <="),
        ({"learning_rate": 1e300}, ValueError, "learning_rate must be <="),
        ({"units": 10**400}, ValueError, "units must be <= 4096"),
    ],
)
def test_issue_18_model_bounds_name_the_argument_before_building(kwargs, error, match, monkeypatch):
    import keras

    def no_model(*args, **kwargs):
        raise AssertionError("a model was built before the arguments were checked")

    monkeypatch.setattr(keras, "Sequential", no_model)
    with pytest.raises(error, match=match):
        build_memory_model("LSTM", **kwargs)


@pytest.mark.parametrize(
    "kwargs, match",
    [({"n_train": 0}, "n_train must be >= 1"), ({"n_test": 10**9}, "n_test must be <="),
     ({"epochs": 10**9}, "epochs must be <="), ({"memory_gate_bias": float("nan")}, "memory_gate_bias"),
     ({"units": 10**400}, "units must be <=")],
)
def test_issue_18_experiment_names_its_own_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        run_memory_experiment("LSTM", 2, **kwargs)
