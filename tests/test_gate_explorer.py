"""helpers.gate_explorer: the constant-gate LSTM unit behind notebook 03's explorer."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from helpers import CELL_COLOURS  # noqa: E402
from helpers.cells import lstm_forward  # noqa: E402
from helpers.gate_explorer import (  # noqa: E402
    EXAMPLE_CANDIDATES,
    EXPLORER_TEXT,
    GateExplorer,
    constant_gate_run,
    explore_gates,
    plot_constant_gate_run,
)


def reference_loop(c_tilde, f, i, o, c0=0.0):
    c, cs, hs = c0, [], []
    for value in c_tilde:
        c = f * c + i * value
        cs.append(c)
        hs.append(o * np.tanh(c))
    return np.array(cs), np.array(hs)


@pytest.mark.parametrize("seed", range(5))
def test_matches_the_equations(seed):
    rng = np.random.default_rng(seed)
    c_tilde = rng.uniform(-1, 1, size=rng.integers(1, 30))
    f, i, o = rng.uniform(0, 1, size=3)
    c0 = float(rng.normal())
    cells, outputs = constant_gate_run(c_tilde, f, i, o, c0=c0)
    want_c, want_h = reference_loop(c_tilde, f, i, o, c0)
    assert cells.shape == outputs.shape == c_tilde.shape
    assert cells.dtype == outputs.dtype == np.float64
    np.testing.assert_allclose(cells, want_c, rtol=0, atol=1e-12)
    np.testing.assert_allclose(outputs, want_h, rtol=0, atol=1e-12)


def test_agrees_with_a_real_lstm_whose_gates_are_saturated():
    # One unit, one input; huge biases pin i, f, o at 1 and the candidate at tanh(x).
    x = np.array([0.5, -0.3, 0.0, 0.8])
    kernel = np.array([[0.0, 0.0, 1.0, 0.0]])
    recurrent_kernel = np.zeros((1, 4))
    bias = np.array([40.0, 40.0, 0.0, 40.0])
    outputs, _, c_last = lstm_forward(x[None, :, None], kernel, recurrent_kernel, bias)
    cells, hs = constant_gate_run(np.tanh(x), 1.0, 1.0, 1.0)
    np.testing.assert_allclose(hs, outputs[0, :, 0], atol=1e-12)
    np.testing.assert_allclose(cells[-1], c_last[0, 0], atol=1e-12)


def test_what_each_gate_does():
    steps = len(EXAMPLE_CANDIDATES)
    cells, outputs = constant_gate_run(EXAMPLE_CANDIDATES, 1.0, 1.0, 1.0)
    np.testing.assert_allclose(cells[2:], 3.0)  # written three times, then kept
    cells, _ = constant_gate_run(EXAMPLE_CANDIDATES, 0.5, 1.0, 1.0)
    assert cells[-1] < 1e-4  # forgotten
    cells, outputs = constant_gate_run(EXAMPLE_CANDIDATES, 1.0, 0.0, 1.0)
    assert np.all(cells == 0) and np.all(outputs == 0)  # nothing written
    cells, outputs = constant_gate_run(EXAMPLE_CANDIDATES, 1.0, 1.0, 0.0)
    assert cells[-1] == 3.0 and np.all(outputs == 0)  # kept, not shown
    assert steps == 20


def test_keeps_c0_when_forget_is_one_and_input_is_zero():
    cells, outputs = constant_gate_run([0.7] * 100, 1.0, 0.0, 1.0, c0=2.5)
    assert np.all(cells == 2.5)
    np.testing.assert_allclose(outputs, np.tanh(2.5))


def test_accepts_lists_ints_and_numpy_scalars():
    cells, _ = constant_gate_run([1, 0, -1], np.float32(0.5), 1, np.float64(1.0))
    np.testing.assert_allclose(cells, [1.0, 0.5, -0.75])


@pytest.mark.parametrize("name", ["forget_gate", "input_gate", "output_gate"])
@pytest.mark.parametrize("bad", [-0.1, 1.5, float("nan")])
def test_gate_out_of_range(name, bad):
    gates = {"forget_gate": 0.5, "input_gate": 0.5, "output_gate": 0.5, name: bad}
    with pytest.raises(ValueError, match=name):
        constant_gate_run([0.1, 0.2], **gates)


@pytest.mark.parametrize("bad", ["0.5", True, None, [0.5]])
def test_gate_not_a_number(bad):
    with pytest.raises(TypeError, match="input_gate"):
        constant_gate_run([0.1], 0.5, bad, 0.5)


@pytest.mark.parametrize(
    "candidates, error",
    [
        ([], ValueError),
        ([[0.1, 0.2]], ValueError),
        ([0.5, 1.5], ValueError),
        ([0.5, float("nan")], ValueError),
        ([0.5, float("inf")], ValueError),
        ("abc", TypeError),
        ([True, False], TypeError),
        (["a", "b"], TypeError),
    ],
)
def test_bad_candidates(candidates, error):
    with pytest.raises(error, match="candidates"):
        constant_gate_run(candidates, 0.5, 0.5, 0.5)


@pytest.mark.parametrize("bad, error", [(float("inf"), ValueError), ("1", TypeError), (True, TypeError)])
def test_bad_c0(bad, error):
    with pytest.raises(error, match="c0"):
        constant_gate_run([0.1], 0.5, 0.5, 0.5, c0=bad)


def test_plot_draws_candidates_cell_state_and_output():
    fig, ax = plt.subplots()
    try:
        plot_constant_gate_run(ax, EXAMPLE_CANDIDATES, 0.9, 1.0, 0.5)
        lines = ax.get_lines()
        cells, outputs = constant_gate_run(EXAMPLE_CANDIDATES, 0.9, 1.0, 0.5)
        np.testing.assert_allclose(lines[0].get_ydata(), cells)
        np.testing.assert_allclose(lines[1].get_ydata(), outputs)
        assert len(ax.patches) == len(EXAMPLE_CANDIDATES)
        # one LSTM unit: both lines in the course's LSTM colour, told apart by style
        assert {line.get_color() for line in lines[:2]} == {CELL_COLOURS["LSTM"]}
        assert lines[0].get_linestyle() != lines[1].get_linestyle()
        assert ax.get_title() == "f = 0.90,  i = 1.00,  o = 0.50"
        assert ax.get_legend() is not None
        low, high = ax.get_ylim()
        assert low <= -1 and high >= 3
    finally:
        plt.close(fig)


def test_plot_rejects_bad_gates_before_drawing():
    fig, ax = plt.subplots()
    try:
        with pytest.raises(ValueError, match="output_gate"):
            plot_constant_gate_run(ax, [0.1], 0.5, 0.5, 2.0)
        assert not ax.get_lines()
    finally:
        plt.close(fig)


def test_gate_explorer_shows_sliders_or_a_line_of_text():
    explorer = explore_gates()
    assert isinstance(explorer, GateExplorer)
    bundle = explorer._repr_mimebundle_()
    assert bundle["text/plain"] == EXPLORER_TEXT == repr(explorer)
    assert "application/vnd.jupyter.widget-view+json" in bundle
    sliders = [child for child in explorer.widget.children if hasattr(child, "min")]
    assert [(s.description, s.value, s.min, s.max) for s in sliders] == [
        ("forget f", 0.9, 0.0, 1.0), ("input i", 1.0, 0.0, 1.0), ("output o", 1.0, 0.0, 1.0)]
    np.testing.assert_array_equal(explorer.candidates, EXAMPLE_CANDIDATES)
    plt.close("all")


def test_jupyter_formats_the_explorer_without_error():
    from IPython.core.formatters import DisplayFormatter

    data, _ = DisplayFormatter().format(explore_gates([0.5, -0.5], 0.5, 0.5, 0.5))
    assert data["text/plain"] == EXPLORER_TEXT
    plt.close("all")


@pytest.mark.parametrize(
    "kwargs, error, name",
    [({"forget_gate": 1.5}, ValueError, "forget_gate"), ({"output_gate": "1"}, TypeError, "output_gate"),
     ({"candidates": [2.0]}, ValueError, "candidates"), ({"candidates": "abc"}, TypeError, "candidates")],
)
def test_gate_explorer_bad_input_names_the_argument(kwargs, error, name):
    with pytest.raises(error, match=name):
        explore_gates(**kwargs)


def test_helpers_exports_the_functions_not_the_module():
    import helpers
    import helpers.gate_explorer as module

    for name in ("constant_gate_run", "plot_constant_gate_run", "explore_gates"):
        assert getattr(helpers, name) is getattr(module, name), name


def test_explorer_bundle_without_ipywidgets_8_repr(monkeypatch):
    """ipywidgets 7 (as on Colab) has no _repr_mimebundle_: the view is built by hand."""
    explorer = explore_gates()
    eight = explorer._repr_mimebundle_()
    monkeypatch.setattr(type(explorer.widget), "_repr_mimebundle_", None, raising=False)
    seven = explorer._repr_mimebundle_()
    view = "application/vnd.jupyter.widget-view+json"
    assert seven[view]["model_id"] == eight[view]["model_id"] == explorer.widget.model_id
    assert seven[view]["version_major"] == 2 and seven["text/plain"] == EXPLORER_TEXT
    plt.close("all")


@pytest.mark.parametrize("ax", [None, "axes", 3])
def test_plot_needs_axes(ax):
    """Issue 18 item 9: None raised AttributeError: 'NoneType' ... 'bar'."""
    with pytest.raises(TypeError, match="ax must be a matplotlib Axes"):
        plot_constant_gate_run(ax, [1, 0], 0.9, 1, 1)
