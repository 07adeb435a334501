"""Answer checks for the exercises of notebooks/06_lstm_variants.ipynb.

Each ``check_...`` takes the learner's zero-argument function, prints a
one-line verdict (with a hint when the answer is wrong) and returns a Verdict
(truthy when right). A function that still returns ``...`` gets a reminder.
"""

from __future__ import annotations

from typing import Any

from helpers.exercises import (
    Verdict,
    answer_value,
    as_int,
    as_number,
    as_shape,
    feedback,
    never_raises,
    not_answered,
    unanswered,
)

# Exercise 1: windows of 24 steps of 2 features, 4 subsequences, a batch of 32.
_BATCH, _STEPS, _FEATURES, _PIECES = 32, 24, 2, 4
# Exercise 2: Input((10, 3)) -> LSTM(16, return_sequences=True) -> LSTM(4, return_sequences=True).
_TIME, _IN, _FIRST, _SECOND = 10, 3, 16, 4
# Exercise 3: Input((20, 3)) -> Bidirectional(LSTM(16)) -> Dense(1).
_BI_FEATURES, _BI_UNITS = 3, 16
# Exercise 4: median test MSE of LSTM(32), seeds 0-2, from data/sunspot_variants.json
# ("exercise_runs"), and the numbers it is compared with ("runs" and notebook 06's AR(12)).
WIDER_LSTM_MEDIAN_MSE = 457.5
LSTM_8_MEDIAN_MSE = 405.7
AR_12_MSE = 320.7
_ACCEPTED = (0.7 * WIDER_LSTM_MEDIAN_MSE, 1.4 * WIDER_LSTM_MEDIAN_MSE)


def _lstm(d: int, n: int) -> int:
    return 4 * (n * d + n * n + n)


@never_raises
def check_cnn_lstm_batch_shape(answer: Any) -> Verdict:
    """Exercise 1: the input shape of a CNN-LSTM batch."""
    value = answer_value(answer, "cnn_lstm_batch_shape")
    if unanswered(value):
        return not_answered("Exercise 1")
    shape = as_shape(value)
    if shape is None:
        return feedback(False, f"give a tuple of ints such as (8, 2, 5, 1), got {value!r}.")
    sub_steps = _STEPS // _PIECES
    expected = (_BATCH, _PIECES, sub_steps, _FEATURES)
    if shape == expected:
        return feedback(True, "(samples, subsequences, steps per subsequence, features): "
                              "24 steps = 4 pieces of 6.")
    if shape == (_BATCH, _STEPS, _FEATURES):
        return feedback(False, "that is the input of a plain LSTM; a CNN-LSTM needs one more axis "
                               "for the subsequences.")
    if len(shape) != 4:
        return feedback(False, "a CNN-LSTM's input has 4 axes: (samples, subsequences, steps, "
                               "features).")
    if shape == (_BATCH, sub_steps, _PIECES, _FEATURES):
        return feedback(False, "the order: subsequences (the LSTM's time steps) come before the "
                               "steps inside each one.")
    if shape[0] != _BATCH:
        return feedback(False, "the first axis counts the windows in the batch.")
    if shape[3] != _FEATURES:
        return feedback(False, "the last axis holds the features: how many numbers per time step?")
    return feedback(False, "the two middle axes split the 24 steps: 4 subsequences of how many "
                           "steps each?")


@never_raises
def check_stacked_output_shape(answer: Any) -> Verdict:
    """Exercise 2: the output shape of two LSTMs that both return sequences."""
    value = answer_value(answer, "stacked_output_shape")
    if unanswered(value):
        return not_answered("Exercise 2")
    shape = as_shape(value)
    if shape is None:
        return feedback(False, f"give a tuple of ints such as (8, 5, 2), got {value!r}.")
    if shape == (_BATCH, _TIME, _SECOND):
        return feedback(True, "the last layer returns a sequence too: one vector of 4 units per "
                              "time step, (samples, 10, 4).")
    if shape == (_BATCH, _SECOND):
        return feedback(False, "that is what the last LSTM would give without "
                               "return_sequences=True; here it keeps the time axis.")
    if shape == (_BATCH, _TIME, _FIRST):
        return feedback(False, "that is the first layer's output; the model's output is the "
                               "second layer's.")
    if shape == (_TIME, _SECOND):
        return feedback(False, "include the samples axis first: a batch of 32 windows.")
    if len(shape) != 3:
        return feedback(False, "a layer with return_sequences=True outputs 3 axes: (samples, time "
                               "steps, units).")
    return feedback(False, "(samples, time steps, units): which of these does each layer change?")


@never_raises
def check_bidirectional_parameters(answer: Any) -> Verdict:
    """Exercise 3: parameters of Input((20, 3)) -> Bidirectional(LSTM(16)) -> Dense(1)."""
    value = answer_value(answer, "bidirectional_parameters")
    if unanswered(value):
        return not_answered("Exercise 3")
    count = as_int(value)
    if count is None:
        return feedback(False, f"give a whole number (an int), got {value!r}.")
    d, n = _BI_FEATURES, _BI_UNITS
    one = _lstm(d, n)
    if count == 2 * one + 2 * n + 1:
        return feedback(True, "2·4·(n·d + n² + n) for the two directions, plus 2n + 1 for Dense "
                              "reading the concatenated 2n numbers; the 20 steps add none.")
    if count == 2 * one + n + 1:
        return feedback(False, "the LSTMs are right; Dense reads both directions' states, "
                               "concatenated: 2n numbers.")
    if count in (one + n + 1, one + 2 * n + 1):
        return feedback(False, "Bidirectional holds two LSTMs, forward and backward, each with "
                               "its own weights.")
    if count == 2 * one:
        return feedback(False, "that is the Bidirectional layer alone: add the Dense layer.")
    return feedback(False, "count one LSTM(16) reading 3 features, 4·(n·d + n² + n), double it, "
                           "then add Dense(1) reading 2n numbers.")


@never_raises
def check_wider_lstm(answer: Any) -> Verdict:
    """Exercise 4: the median test MSE of LSTM(32) on the sunspots, seeds 0, 1, 2."""
    value = answer_value(answer, "wider_lstm_median_mse")
    if unanswered(value):
        return not_answered("Exercise 4")
    mse = as_number(value)
    if mse is None:
        return feedback(False, f"return one number, the median test MSE, got {value!r}.")
    if mse < 3:
        return feedback(False, "that looks like an error in scaled units; test_errors returns it "
                               "in sunspot numbers (hundreds).")
    if mse < 40:
        return feedback(False, "that looks like a mean absolute error; return the MSE "
                               "(result['test_mse']).")
    low, high = _ACCEPTED
    if not low <= mse <= high:
        return feedback(False, f"our three runs gave a median of about {WIDER_LSTM_MEDIAN_MSE:.0f}; "
                               f"{mse:.0f} is far from it. Did you pass units=32 and seeds 0, 1 "
                               "and 2, and take the median of test_mse?")
    return feedback(True, f"median {mse:.0f} (ours: {WIDER_LSTM_MEDIAN_MSE:.0f}), "
                          f"{_compared(mse, LSTM_8_MEDIAN_MSE)} LSTM(8)'s median "
                          f"({LSTM_8_MEDIAN_MSE:.0f}) and {_compared(mse, AR_12_MSE)} the AR(12)'s "
                          f"({AR_12_MSE:.0f}). Four times the units, on the same 209 windows and "
                          "300 updates, did not make the network beat the linear model.")


def _compared(value: float, reference: float) -> str:
    """'above', 'about the same as' or 'below' ``reference`` (within 5% counts as the same)."""
    if value > 1.05 * reference:
        return "above"
    if value < 0.95 * reference:
        return "below"
    return "about the same as"
