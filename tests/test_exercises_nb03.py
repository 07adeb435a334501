"""helpers.exercises.nb03: right answers pass, wrong ones fail with a useful hint."""

from __future__ import annotations

import math

import numpy as np
import pytest

from helpers.exercises import nb03 as ex

CHECKS = [
    ex.check_lstm_params,
    ex.check_one_step,
    ex.check_forget_kernel,
    ex.check_memory_steps,
    ex.check_to_pytorch,
    ex.check_gru_params,
]


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("placeholder", [None, ...])
def test_placeholder_gets_a_reminder(check, placeholder, capsys):
    assert not check(placeholder)
    out = capsys.readouterr().out
    assert "replace the placeholder" in out and "Exercise" in out


def verdict(capsys) -> str:
    return capsys.readouterr().out.strip()


# Exercise 1 ------------------------------------------------------------------

def test_lstm_params_right(capsys):
    assert ex.check_lstm_params(4 * (32 * 3 + 32 * 32 + 32))
    assert verdict(capsys).startswith("Correct:")
    assert ex.check_lstm_params(4608.0)  # a whole float is accepted


@pytest.mark.parametrize(
    "answer, hint",
    [
        (32 * 3 + 32 * 32 + 32, "one block"),
        (4 * (32 * 3 + 32 * 32), "biases are missing"),
        (4 * (32 * 3 + 32 * 32 + 64), "PyTorch"),
        (4 * (32 * 3 + 32 + 32), "(n, n)"),
        (1234, "one block"),
        ("4608", "whole number"),
        (4608.5, "whole number"),
        (True, "whole number"),
    ],
)
def test_lstm_params_wrong(answer, hint, capsys):
    assert not ex.check_lstm_params(answer)
    out = verdict(capsys)
    assert out.startswith("Not yet:") and hint in out
    assert "4608" not in out and "4,608" not in out


# Exercise 2 ------------------------------------------------------------------

RIGHT_C = 0.5 * 2.0 + 0.8 * -0.5
RIGHT_H = 0.9 * math.tanh(RIGHT_C)


@pytest.mark.parametrize(
    "answer",
    [
        (RIGHT_C, RIGHT_H),
        [0.6, 0.4834],
        (np.float32(0.6), 0.48334),
        np.array([RIGHT_C, RIGHT_H]),  # any sequence of two numbers
        (np.array(RIGHT_C), np.array([RIGHT_H])),  # one-number arrays count as numbers
    ],
)
def test_one_step_right(answer, capsys):
    assert ex.check_one_step(answer)
    assert verdict(capsys).startswith("Correct:")


@pytest.mark.parametrize(
    "answer, hint",
    [
        ((2.0 - 0.4, 0.0), "forget gate"),
        ((1.0 - 0.5, 0.0), "input gate"),
        ((7.0, 0.0), "arithmetic"),
        ((RIGHT_C, 0.9 * RIGHT_C), "through tanh"),
        ((RIGHT_C, math.tanh(0.9 * RIGHT_C)), "tanh first"),
        ((RIGHT_C, 0.1), "c_t is right"),
        (0.6, "pair"),
        ((0.6, 0.48, 1.0), "pair"),
        (np.array([0.6, 0.48, 1.0]), "pair"),
        (np.array([[0.6, 0.48]]), "pair"),
        ("ab", "pair"),
        ((0.6, np.array([0.48, 0.1])), "finite numbers"),
        ((0.6, "0.48"), "finite numbers"),
        ((0.6, float("nan")), "finite numbers"),
    ],
)
def test_one_step_wrong(answer, hint, capsys):
    assert not ex.check_one_step(answer)
    out = verdict(capsys)
    assert out.startswith("Not yet:") and hint in out
    assert "0.483" not in out


# Exercise 3 ------------------------------------------------------------------

def test_forget_kernel_right(capsys):
    def forget_kernel(kernel):
        n = kernel.shape[1] // 4
        return kernel[:, n : 2 * n]

    assert ex.check_forget_kernel(forget_kernel)
    assert ex.check_forget_kernel(lambda k: np.split(k, 4, axis=1)[1])


@pytest.mark.parametrize(
    "function, hint",
    [
        (lambda k: np.split(k, 4, axis=1)[0], "W_i"),
        (lambda k: np.split(k, 4, axis=1)[2], "W_c"),
        (lambda k: np.split(k, 4, axis=1)[3], "W_o"),
        (lambda k: k[:, :3], "shape"),
        (lambda k: k[: k.shape[0] // 4], "Slice columns"),
        (lambda k: k[:, 2:4], "kernel.shape[1] // 4"),  # right for the first kernel only
        (lambda k: k[0], "Keep all d rows"),
        (lambda k: np.split(k, 4, axis=1)[1] + 1.0, "not one whole block"),
        (lambda k: 1 / 0, "ZeroDivisionError"),
        (42, "give a function"),
    ],
)
def test_forget_kernel_wrong(function, hint, capsys):
    assert not ex.check_forget_kernel(function)
    out = verdict(capsys)
    assert out.startswith("Not yet:") and hint in out


def test_forget_kernel_hard_coded_columns_are_not_called_rows(capsys):
    # A column slice with a fixed width must not be told to "slice columns".
    assert not ex.check_forget_kernel(lambda k: k[:, 2:4])
    assert "not rows" not in verdict(capsys)


# Exercise 4 ------------------------------------------------------------------

def test_memory_steps_right(capsys):
    right = math.ceil(math.log(0.5) / math.log(0.95))
    assert 0.95**right < 0.5 <= 0.95 ** (right - 1)
    assert ex.check_memory_steps(right)
    assert verdict(capsys).startswith("Correct:")


@pytest.mark.parametrize(
    "answer, hint",
    [(13, "still holds"), (5, "still holds"), (15, "look earlier"), (100, "look earlier"),
     (0, "at least one"), (13.5, "whole number"), ("14", "whole number")],
)
def test_memory_steps_wrong(answer, hint, capsys):
    assert not ex.check_memory_steps(answer)
    out = verdict(capsys)
    assert out.startswith("Not yet:") and hint in out


# Exercise 5 ------------------------------------------------------------------

def right_to_pytorch(kernel, recurrent_kernel, bias):
    return kernel.T, recurrent_kernel.T, bias / 2, bias / 2


def test_to_pytorch_right(capsys):
    assert ex.check_to_pytorch(right_to_pytorch)
    assert ex.check_to_pytorch(
        lambda W, U, b: [W.T, U.T, np.zeros_like(b), b]
    )  # any split of the bias works
    assert verdict(capsys).count("Correct:") == 2


def reorder(kernel):
    i, f, c, o = np.split(kernel, 4, axis=1)
    return np.concatenate([i, f, o, c], axis=1)


@pytest.mark.parametrize(
    "function, hint",
    [
        (lambda W, U, b: (W, U, b, b * 0), "has shape"),
        (lambda W, U, b: (reorder(W).T, reorder(U).T, b, b * 0), "gate order"),
        (lambda W, U, b: (W.T, U.T, b, b), "any split that adds up to bias"),
        (lambda W, U, b: (W.T, U.T, b), "four arrays"),
        (lambda W, U, b: W.T, "four arrays"),
        (lambda W, U, b: (W.T, U.T, b[:2], b), "bias_ih_l0 has shape"),
        (lambda W, U: (W, U), "TypeError"),
        ("kernel.T", "give a function"),
    ],
)
def test_to_pytorch_wrong(function, hint, capsys):
    assert not ex.check_to_pytorch(function)
    out = verdict(capsys)
    assert out.startswith("Not yet:") and hint in out


# Exercise 6 ------------------------------------------------------------------

def test_gru_params_right(capsys):
    assert ex.check_gru_params(3 * (16 * 4 + 16 * 16 + 2 * 16))
    assert verdict(capsys).startswith("Correct:")


@pytest.mark.parametrize(
    "answer, hint",
    [
        (3 * (16 * 4 + 16 * 16 + 16), "two biases"),
        (4 * (16 * 4 + 16 * 16 + 16), "three blocks"),
        (4 * (16 * 4 + 16 * 16 + 32), "three blocks"),
        (999, "both biases"),
        (None, "replace the placeholder"),
        (1056.2, "whole number"),
    ],
)
def test_gru_params_wrong(answer, hint, capsys):
    assert not ex.check_gru_params(answer)
    out = verdict(capsys)
    assert hint in out and "1056" not in out and "1,056" not in out


# The formulas the checkers rely on agree with Keras itself. ------------------

@pytest.mark.slow
def test_formulas_match_keras():
    import keras

    lstm = keras.Sequential([keras.Input((None, 3)), keras.layers.LSTM(32)])
    gru = keras.Sequential([keras.Input((None, 4)), keras.layers.GRU(16)])
    assert lstm.count_params() == 4 * (32 * 3 + 32 * 32 + 32)
    assert gru.count_params() == 3 * (16 * 4 + 16 * 16 + 2 * 16)
