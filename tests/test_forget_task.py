"""helpers.forget_task (the overwrite task of notebook 04, section 8) and its data file."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import data_record

from helpers.forget_task import (
    build_overwrite_model,
    explained_variance,
    gate_levels,
    make_overwrite_task,
    train_overwrite_model,
)


# --- the task -------------------------------------------------------------------
def test_layout_answer_is_the_value_at_the_last_mark():
    X, y, marks = make_overwrite_task(200, gap=7, lead=10, n_marks=3, seed=1)
    assert X.shape == (200, 17, 2) and X.dtype == np.float32
    assert y.shape == (200,) and marks.shape == (200, 17) and marks.dtype == bool
    assert np.array_equal(X[:, :, 1] == 1.0, marks) and set(np.unique(X[:, :, 1])) <= {0.0, 1.0}
    assert np.all(marks.sum(axis=1) == 3) and not marks[:, 10:].any()  # marks in the lead only
    assert np.all(np.abs(X[:, :, 0]) <= 1.0)
    for k in range(200):
        assert y[k] == X[k, np.flatnonzero(marks[k]).max(), 0]


def test_same_seed_same_data_other_seed_other_data():
    first = make_overwrite_task(50, 5, seed=3)
    again = make_overwrite_task(50, 5, seed=3)
    other = make_overwrite_task(50, 5, seed=4)
    assert all(np.array_equal(a, b) for a, b in zip(first, again, strict=True))
    assert not np.array_equal(first[0], other[0])


def test_every_mark_position_is_used_and_answers_vary():
    _, y, marks = make_overwrite_task(2000, 0, lead=10, n_marks=3, seed=0)
    assert marks.sum(axis=0).min() > 300  # each of the 10 lead steps is marked often
    assert 0.25 < np.var(y) < 0.42  # uniform on [-1, 1]: variance 1/3


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"n_samples": 0, "gap": 5}, ValueError),
        ({"n_samples": 5, "gap": -1}, ValueError),
        ({"n_samples": 5, "gap": 5, "n_marks": 0}, ValueError),
        ({"n_samples": 5, "gap": 5, "lead": 2, "n_marks": 3}, ValueError),
        ({"n_samples": 5.0, "gap": 5}, TypeError),
        ({"n_samples": 5, "gap": "5"}, TypeError),
        ({"n_samples": 5, "gap": 5, "seed": -1}, ValueError),
    ],
)
def test_bad_task_arguments_name_themselves(kwargs, error):
    with pytest.raises(error) as info:
        make_overwrite_task(**kwargs)
    bad = [name for name in kwargs if name in str(info.value)]
    assert bad, str(info.value)


# --- the score and the gate levels ---------------------------------------------
def test_explained_variance():
    y = np.array([1.0, -1.0, 0.5, -0.5])
    assert explained_variance(y, y) == 1.0
    assert explained_variance(y, np.zeros(4)) == pytest.approx(1.0 - np.mean(y**2) / np.var(y))
    assert explained_variance(y, np.full(4, y.mean())) == pytest.approx(0.0)
    assert explained_variance(y, y[:, None]) == 1.0  # a (n, 1) prediction, as Keras gives
    with pytest.raises(ValueError, match="y_pred"):
        explained_variance(y, y[:3])
    with pytest.raises(ValueError, match="y_true"):
        explained_variance(np.ones(4), y)
    with pytest.raises(ValueError, match="y_pred"):
        explained_variance(y, [np.nan] * 4)


def test_gate_levels_sort_steps_by_kind():
    marks = np.array([[False, True, False, True, False, False]])
    gates = np.zeros((1, 6, 2))
    gates[0, :, 0] = [9, 1, 2, 3, 2, 2]  # step 1 comes before the first mark: not counted
    gates[0, :, 1] = [9, 5, 6, 7, 8, 9]
    levels = gate_levels(gates, marks)
    assert levels["first_mark"].tolist() == [1, 5]
    assert levels["later_marks"].tolist() == [3, 7]
    assert levels["unmarked"].tolist() == [2, 23 / 3]


def test_gate_levels_bad_input():
    gates = np.zeros((2, 5, 3))
    with pytest.raises(ValueError, match="marks"):
        gate_levels(gates, np.zeros((2, 4), bool))
    with pytest.raises(ValueError, match="marks"):
        gate_levels(gates, np.zeros((2, 5)))  # not bool
    with pytest.raises(ValueError, match="two marks"):
        gate_levels(gates, np.eye(2, 5, dtype=bool))
    with pytest.raises(ValueError, match="gates"):
        gate_levels(np.zeros((2, 5)), np.zeros((2, 5), bool))


# --- the models -------------------------------------------------------------------
def test_models_and_their_bad_arguments():
    pytest.importorskip("keras")
    lstm = build_overwrite_model("LSTM", units=4, forget_gate_bias=3.0)
    bias = lstm.layers[0].cell.bias.numpy()
    assert np.all(bias[4:8] == 3.0) and np.all(bias[:4] == 0.0)
    assert lstm.output_shape == (None, 1)
    rnn = build_overwrite_model("SimpleRNN", forget_gate_bias=None)
    assert rnn.count_params() == 8 * 2 + 8 * 8 + 8 + 9
    with pytest.raises(ValueError, match="forget_gate_bias"):
        build_overwrite_model("SimpleRNN")
    with pytest.raises(ValueError, match="cell"):
        build_overwrite_model("GRU")
    with pytest.raises(ValueError, match="learning_rate"):
        build_overwrite_model("LSTM", learning_rate=0)


@pytest.mark.slow
def test_a_tiny_training_run_reports_its_settings():
    model, result = train_overwrite_model("LSTM", 3, seed=1, n_train=64, n_test=50, epochs=2)
    assert result["cell"] == "LSTM" and result["gap"] == 3 and result["forget_gate_bias"] == 5.0
    assert len(result["train_loss"]) == 2 and np.isfinite(result["test_score"])
    _, rnn = train_overwrite_model("SimpleRNN", 3, n_train=64, n_test=50, epochs=1)
    assert rnn["forget_gate_bias"] is None


# --- the data file notebook 04 reads --------------------------------------------
@pytest.fixture(scope="module")
def record():
    return data_record("overwrite_sweep.json", "run tools/overwrite_sweep.py")


def test_every_run_is_there_once_with_sane_values(record):
    settings = record["provenance"]["settings"]
    expected = {(c, g, s) for c in settings["cells"] for g in settings["gaps"] for s in settings["seeds"]}
    found = [(r["cell"], r["gap"], r["seed"]) for r in record["runs"]]
    assert len(found) == len(set(found)) and set(found) == expected
    units = settings["budget"]["units"]
    for run in record["runs"]:
        assert run["test_score"] <= 1.0 and len(run["train_loss"]) == settings["budget"]["epochs"]
        if run["cell"] == "LSTM":
            for when in ("before", "after"):
                for gate in ("f", "i"):
                    levels = run[when][gate]
                    assert set(levels) == {"first_mark", "later_marks", "unmarked"}
                    assert all(len(v) == units and all(0 <= x <= 1 for x in v) for v in levels.values())
