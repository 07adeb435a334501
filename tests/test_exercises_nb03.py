"""helpers.exercises.nb03: right answers pass, wrong ones get a hint, odd input never raises."""

from __future__ import annotations

import math

import numpy as np
import pytest
from conftest import assert_verdict

from helpers.exercises import nb03 as ex
from helpers.exercises import quote
from helpers.gate_explorer import constant_gate_run

ZERO_ARGUMENT_CHECKS = [
    ex.check_lstm_params,
    ex.check_one_step,
    ex.check_memory_steps,
    ex.check_forget_bias_run,
    ex.check_half_memory_bias,
    ex.check_gru_params,
]
FUNCTION_CHECKS = [ex.check_forget_kernel, ex.check_to_pytorch]
CHECKS = ZERO_ARGUMENT_CHECKS + FUNCTION_CHECKS


def verdict(capsys) -> str:
    return capsys.readouterr().out.strip()


def answer(value):
    """The scaffold: a zero-argument function that returns ``value``."""

    def my_answer():
        return value

    return my_answer


class FakeTensor:
    """Stands in for a TensorFlow tensor: it has ``.numpy()``."""

    def __init__(self, value):
        self.value = np.asarray(value)

    def numpy(self):
        return self.value

    def __array__(self, dtype=None, copy=None):
        return self.value if dtype is None else self.value.astype(dtype)


# --- placeholders and odd input (and tests/test_exercise_checks_never_raise.py) ----
def test_the_unanswered_function_scaffolds_get_a_reminder(capsys):
    def forget_kernel(kernel):
        return ...  # your code

    def to_pytorch(kernel, recurrent_kernel, bias):
        return ...  # your code

    assert not ex.check_forget_kernel(forget_kernel)
    assert not ex.check_to_pytorch(to_pytorch)
    out = verdict(capsys)
    assert "Exercise 3: replace the placeholder" in out
    assert "Exercise 7: replace the placeholder" in out


ODD = [
    float("nan"), float("inf"), -float("inf"), "4608", "", {"c_t": 0.6}, {1, 2}, [1, [2, 3]],
    [np.ones(3), 0], (np.ones(2), np.ones(3)), np.array(np.nan), np.array(7.5),
    np.zeros((2, 3)), FakeTensor([0.6, 0.48]), FakeTensor(np.nan), print, int, len,
    lambda: 1 / 0, lambda x: x, lambda: None, lambda: "x", lambda: [[1], [2, 3]],
    True, 10**400, -1, b"bytes", object(),
]


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("odd", ODD, ids=range(len(ODD)))
def test_odd_input_never_raises_and_never_passes(check, odd, capsys):
    assert not check(odd)
    out = verdict(capsys)
    # a learner's function may print (here: print itself), and a quoted answer may wrap
    verdict_lines = [line for line in out.splitlines() if line.startswith(("Not yet:", "Exercise"))]
    assert len(verdict_lines) == 1 and "Traceback" not in out


@pytest.mark.parametrize("check", FUNCTION_CHECKS)
@pytest.mark.parametrize("odd", ODD, ids=range(len(ODD)))
def test_functions_returning_odd_values_never_raise(check, odd, capsys):
    def returns_odd(*args):
        return odd

    assert not check(returns_odd)
    assert verdict(capsys).startswith(("Not yet:", "Exercise"))


def test_odd_input_with_a_real_tensor(capsys):
    tf = pytest.importorskip("tensorflow")
    for check in CHECKS:
        assert not check(tf.constant([[1.0, 2.0]]))
        assert not check(answer(tf.constant(float("nan"))))
    assert "Traceback" not in verdict(capsys)


# Exercise 1 ------------------------------------------------------------------
RIGHT_LSTM = 4 * (32 * 3 + 32 * 32 + 32)


@pytest.mark.parametrize("value", [RIGHT_LSTM, 4608.0, np.int64(4608), np.array(4608),
                                   np.array([4608]), FakeTensor(4608)])
def test_lstm_params_right(value, capsys):
    assert ex.check_lstm_params(answer(value))
    assert ex.check_lstm_params(value)  # the bare value is read too
    assert verdict(capsys).count("Correct:") == 2


# (check, wrong answer, the hint it gets), tested at the end: the value the scaffold
# returns, or the learner's function for exercises 3 and 7.
WRONG = [(ex.check_lstm_params, value, hint) for value, hint in [
    (32 * 3 + 32 * 32 + 32, "one block"),
    (4 * (32 * 3 + 32 * 32), "biases are missing"),
    (4 * (32 * 3 + 32 * 32 + 64), "PyTorch"),
    (4 * (32 * 3 + 32 + 32), "(n, n)"),
    (1234, "one block"),
    ("4608", "whole number"),
    (4608.5, "whole number"),
    (True, "whole number"),
]]


def test_a_scaffold_that_needs_arguments_gets_a_hint(capsys):
    def lstm_parameter_count(d, n):
        return 4 * (n * d + n * n + n)

    assert not ex.check_lstm_params(lstm_parameter_count)
    assert "no arguments" in verdict(capsys)


# Exercise 2 ------------------------------------------------------------------
RIGHT_C = 0.5 * 2.0 + 0.8 * -0.5
RIGHT_H = 0.9 * math.tanh(RIGHT_C)


@pytest.mark.parametrize(
    "value",
    [
        (RIGHT_C, RIGHT_H),
        [0.6, 0.4834],
        (np.float32(0.6), 0.48334),
        np.array([RIGHT_C, RIGHT_H]),  # any sequence of two numbers
        (np.array(RIGHT_C), np.array([RIGHT_H])),  # one-number arrays count as numbers
        FakeTensor([RIGHT_C, RIGHT_H]),
    ],
)
def test_one_step_right(value, capsys):
    assert ex.check_one_step(answer(value))
    assert verdict(capsys).startswith("Correct:")


def test_one_step_scaffold_with_two_placeholders_gets_a_reminder(capsys):
    def one_step():
        c_t = ...
        h_t = ...
        return c_t, h_t

    assert not ex.check_one_step(one_step)
    assert not ex.check_one_step(answer((0.6, ...)))
    assert verdict(capsys).count("Exercise 2: replace the placeholder") == 2


WRONG += [(ex.check_one_step, value, hint) for value, hint in [
    ((2.0 - 0.4, 0.0), "forget gate"),
    ((1.0 - 0.5, 0.0), "input gate"),
    ((7.0, 0.0), "arithmetic"),
    ((RIGHT_C, 0.9 * RIGHT_C), "through tanh"),
    ((RIGHT_C, math.tanh(0.9 * RIGHT_C)), "tanh first"),
    ((RIGHT_C, 0.1), "c_t is right"),
    (0.6, "pair"),
    ((0.6, 0.48, 1.0), "pair"),
    (np.array([0.6, 0.48, 1.0]), "pair"),
    (np.array([[0.6, 0.48]]), "pair"),  # a wrong shape never passes
    ("ab", "pair"),
    ((0.6, np.array([0.48, 0.1])), "finite numbers"),
    ((0.6, "0.48"), "finite numbers"),
    ((0.6, float("nan")), "finite numbers"),
]]


# Exercise 3 ------------------------------------------------------------------
def test_forget_kernel_right(capsys):
    def forget_kernel(kernel):
        n = kernel.shape[1] // 4
        return kernel[:, n : 2 * n]

    assert ex.check_forget_kernel(forget_kernel)
    assert ex.check_forget_kernel(lambda k: np.split(k, 4, axis=1)[1])
    assert ex.check_forget_kernel(lambda k: np.split(k, 4, axis=1)[1].tolist())  # a list works
    assert ex.check_forget_kernel(lambda k: FakeTensor(np.split(k, 4, axis=1)[1]))
    assert verdict(capsys).count("Correct:") == 4


WRONG += [(ex.check_forget_kernel, value, hint) for value, hint in [
    (lambda k: np.split(k, 4, axis=1)[0], "W_i"),
    (lambda k: np.split(k, 4, axis=1)[2], "W_c"),
    (lambda k: np.split(k, 4, axis=1)[3], "W_o"),
    (lambda k: k[:, :3], "shape"),
    (lambda k: k[: k.shape[0] // 4], "Slice columns"),
    (lambda k: k[:, 2:4], "kernel.shape[1] // 4"),  # right for the first kernel only
    (lambda k: k[0], "Keep all d rows"),
    (lambda k: np.split(k, 4, axis=1)[1].T, "shape"),  # the transpose is a wrong shape
    (lambda k: np.split(k, 4, axis=1)[1] + 1.0, "not one whole block"),
    (lambda k: 1 / 0, "ZeroDivisionError"),
    (lambda k: None, "return"),
    (lambda k: [k[:, 0], 0], "array of numbers"),
    (lambda: 0, "TypeError"),
    (42, "pass your function itself"),
    (int, "pass your function itself"),
]]


def test_forget_kernel_hard_coded_columns_are_not_called_rows(capsys):
    # A column slice with a fixed width must not be told to "slice columns".
    assert not ex.check_forget_kernel(lambda k: k[:, 2:4])
    assert "not rows" not in verdict(capsys)


# Exercise 4 ------------------------------------------------------------------
def test_memory_steps_right(capsys):
    right = math.ceil(math.log(0.5) / math.log(0.95))
    assert 0.95**right < 0.5 <= 0.95 ** (right - 1)
    cell_states, _ = constant_gate_run(np.zeros(50), 0.95, 0.0, 1.0, c0=1.0)
    assert int(np.argmax(cell_states < 0.5)) + 1 == right  # the hint in the exercise works
    assert ex.check_memory_steps(answer(right)) and ex.check_memory_steps(answer(float(right)))
    assert verdict(capsys).startswith("Correct:")


WRONG += [(ex.check_memory_steps, value, hint) for value, hint in [
    (13, "still holds"), (5, "still holds"), (15, "look earlier"), (100, "look earlier"),
    (0, "at least one"), (13.5, "whole number"), ("14", "whole number"), (10**9, "far too many")
]]


# Exercise 5 ------------------------------------------------------------------
def rerun_with(b_f: float) -> float:
    """What the notebook's experiment cell prints with this b_f: c_100 for c_0 = 1."""
    forget_gate = 1.0 / (1.0 + np.exp(-b_f))
    cell_states, _ = constant_gate_run(np.zeros(100), forget_gate, 0.0, 1.0, c0=1.0)
    return float(cell_states[-1])


@pytest.mark.parametrize("value", [rerun_with(4.0), 0.163, 0.16, np.float32(0.1628),
                                   np.array(0.1628), FakeTensor(0.1628)])
def test_forget_bias_run_right(value, capsys):
    assert 0.16 < rerun_with(4.0) < 0.17
    assert ex.check_forget_bias_run(answer(value))
    out = verdict(capsys)
    assert out.startswith("Correct:") and "0.163" in out
    assert "2e-14" in out and "0.51" in out  # what b_f = 1 and b_f = 5 give


WRONG += [(ex.check_forget_bias_run, value, hint) for value, hint in [
    (rerun_with(1.0), "b_f = 1, gives"),
    (rerun_with(5.0), "b_f ≈ 5.00"),
    (rerun_with(3.0), "b_f ≈ 3.00"),
    (100 * rerun_with(4.0), "not a percentage"),
    (1 - rerun_with(4.0), "share lost"),
    (1 / (1 + math.exp(-4.0)), "one step"),
    (0.2, "b_f ≈"),
    (1.5, "between 0 and 1"),
    (-0.1, "between 0 and 1"),
    (0.0, "between 0 and 1"),
    ("0.163", "one number"),
    ((0.163, 100), "one number"),
]]


# Exercise 5, second question: the b_f that keeps half of c_0 for 100 steps --------
HALF_BIAS = math.log(0.5 ** 0.01 / (1 - 0.5 ** 0.01))


@pytest.mark.parametrize("value", [HALF_BIAS, 5.0, 5, 4.97, 4.9, np.float32(5.0), FakeTensor(5.0)])
def test_half_memory_bias_right(value, capsys):
    assert 4.96 < HALF_BIAS < 4.98 and 0.49 < rerun_with(HALF_BIAS) < 0.51
    assert ex.check_half_memory_bias(answer(value))
    assert verdict(capsys).startswith("Correct:")


WRONG += [(ex.check_half_memory_bias, value, hint) for value, hint in [
    (1.0, "raise b_f"),              # Keras's start
    (HALF_BIAS - 1, "how far b_f moves"),
    (4, "how far b_f moves"),        # 4 is the move from 1, not b_f
    (0.5 ** 0.01, "forget gate f"),
    (6.0, "lower b_f"),
    (100.0, "lower b_f"),
    (-1000.0, "raise b_f"),
    (rerun_with(4.0), "raise b_f"),  # the first answer pasted in again
    ("5", "one number"),
    ((5.0, 0.5), "one number"),
]]


# Exercise 6 ------------------------------------------------------------------
def test_gru_params_right(capsys):
    assert ex.check_gru_params(answer(3 * (16 * 4 + 16 * 16 + 2 * 16)))
    assert ex.check_gru_params(answer(1056.0))
    assert verdict(capsys).count("Correct:") == 2


WRONG += [(ex.check_gru_params, value, hint) for value, hint in [
    (3 * (16 * 4 + 16 * 16 + 16), "two bias"),
    (4 * (16 * 4 + 16 * 16 + 16), "three blocks"),
    (4 * (16 * 4 + 16 * 16 + 32), "three blocks"),
    (999, "both biases"),
    (1056.2, "whole number"),
]]


# Exercise 7 ------------------------------------------------------------------
def right_to_pytorch(kernel, recurrent_kernel, bias):
    return kernel.T, recurrent_kernel.T, bias / 2, bias / 2


def test_to_pytorch_right(capsys):
    assert ex.check_to_pytorch(right_to_pytorch)
    assert ex.check_to_pytorch(lambda W, U, b: [W.T, U.T, np.zeros_like(b), b])  # any split
    assert ex.check_to_pytorch(lambda W, U, b: (W.T.tolist(), U.T, b.tolist(), 0 * b))
    assert ex.check_to_pytorch(lambda W, U, b: (FakeTensor(W.T), U.T, b, 0 * b))
    assert verdict(capsys).count("Correct:") == 4


def reorder(kernel):
    i, f, c, o = np.split(kernel, 4, axis=1)
    return np.concatenate([i, f, o, c], axis=1)


WRONG += [(ex.check_to_pytorch, value, hint) for value, hint in [
    (lambda W, U, b: (W, U, b, b * 0), "has shape"),
    (lambda W, U, b: (reorder(W).T, reorder(U).T, b, b * 0), "gate order"),
    (lambda W, U, b: (W.T, U.T, b, b), "any split that adds up to bias"),
    (lambda W, U, b: (W.T, U.T, b), "four arrays"),
    (lambda W, U, b: W.T, "four arrays"),
    (lambda W, U, b: (W.T, U.T, b[:2], b), "bias_ih_l0 has shape"),
    (lambda W, U, b: (W.T, U.T, b[None, :], 0 * b), "bias_ih_l0 has shape"),
    (lambda W, U, b: (W.T, U.T, [b, 0], b), "bias_ih_l0 should be an array"),
    (lambda W, U, b: (W.T, U.T, {"b": b}, b), "bias_ih_l0 should be an array"),
    (lambda W, U, b: (W.T, U.T, b * np.nan, b), "NaN"),
    (lambda W, U, b: (W.T, "U", b, 0 * b), "weight_hh_l0"),
    (lambda W, U: (W, U), "TypeError"),
    ("kernel.T", "pass your function itself"),
]]


def test_to_pytorch_ragged_item_in_one_slot_does_not_raise(capsys):
    """Regression: ``[b, 0]`` in a slot once made the check raise a NumPy ValueError."""
    result = ex.check_to_pytorch(lambda W, U, b: (W.T, U.T, [b, 0], np.zeros_like(b)))
    assert not result
    out = verdict(capsys)
    assert out.startswith("Not yet:") and "bias_ih_l0" in out


# Every wrong answer above gets its hint, which never gives the right answer away. ----
GIVEAWAYS = {ex.check_lstm_params: ("4608", "4,608"), ex.check_one_step: ("0.483",),
             ex.check_forget_bias_run: ("0.163",), ex.check_gru_params: ("1056", "1,056")}


@pytest.mark.parametrize("check, value, hint", WRONG)
def test_a_wrong_answer_gets_its_hint_not_the_right_one(check, value, hint, capsys):
    out = assert_verdict(check, value if check in FUNCTION_CHECKS else answer(value), hint, capsys)
    hint_text = out.replace(quote(value), "")  # the learner's own answer may be quoted
    assert not any(right in hint_text for right in GIVEAWAYS.get(check, ())), out


# The formulas the checks rely on agree with Keras itself. --------------------
@pytest.mark.slow
def test_formulas_match_keras():
    import keras

    lstm = keras.Sequential([keras.Input((None, 3)), keras.layers.LSTM(32)])
    gru = keras.Sequential([keras.Input((None, 4)), keras.layers.GRU(16)])
    assert lstm.count_params() == 4 * (32 * 3 + 32 * 32 + 32)
    assert gru.count_params() == 3 * (16 * 4 + 16 * 16 + 2 * 16)
