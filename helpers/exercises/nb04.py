"""Answer checks for the exercises of notebooks/04_rnn_vs_lstm_long_gaps.ipynb.

Each ``check_...`` prints a one-line verdict (with a hint when the answer is
wrong) and returns a Verdict (truthy when right); the placeholder ``None`` gets a reminder.
"""

from __future__ import annotations

import math
from typing import Any

from helpers.exercises import Verdict, feedback, is_number, not_answered, unanswered

# Exercise 1: a gap that neither the notebook nor the sweep trains. Measured while
# writing the notebook (seeds 0, 1, 2, default budget): SimpleRNN 0.488, 0.522,
# 0.501; LSTM with b_f = 5: 1.000 for each seed.
_NEW_GAP = 40
_CHANCE = 0.5
# Exercise 2: forget-gate biases and the number of steps.
_BIASES, _STEPS = (1.0, 5.0), 50
# Exercises 3 and 4: multiple choice.
_FORGET_BIAS_CHOICES = {
    "a": "with b_f = 1 the LSTM has fewer trainable parameters",
    "b": "the forget gate starts near 0.73, so the fact's trace in the cell state, and the "
    "error signal along that road, shrink by that factor at every step",
    "c": "with b_f = 1 the forget gate starts nearly closed, at about 0.27, so the LSTM "
    "cannot store the fact at step 1",
    "d": "a forget-gate bias of 1 saturates the tanh of the cell state, so the gradient "
    "through tanh(c_t) vanishes",
}
_NO_DISTRACTOR_CHOICES = {
    "a": "without distractors the sequences are shorter",
    "b": "the inputs between fact and question are zero, so h_t stays small, every 1 - h_t^2 "
    "is close to 1, and the orthogonal U keeps the gradient's length",
    "c": "without distractors the units saturate at +1 or -1 right after step 1, and saturated "
    "units pass the gradient back unchanged",
    "d": "Keras skips steps whose inputs are all zero, so the sequence is in effect 2 steps long",
}


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def check_prediction(simple_rnn: Any = None, lstm: Any = None) -> Verdict:
    """Exercise 1: predicted test accuracies at gap 40, one for each cell."""
    if unanswered(simple_rnn) or unanswered(lstm):
        return not_answered("Exercise 1")
    if not (is_number(simple_rnn) and is_number(lstm)):
        return feedback(False, "give two accuracies as numbers between 0 and 1 (0.8, not '80%').")
    simple_rnn, lstm = float(simple_rnn), float(lstm)
    if not (0.0 <= simple_rnn <= 1.0 and 0.0 <= lstm <= 1.0):
        return feedback(False, "an accuracy lies between 0 and 1: write 80% as 0.8.")
    problems = []
    if abs(simple_rnn - _CHANCE) > 0.1:
        if simple_rnn > _CHANCE:
            problems.append(
                "the SimpleRNN: look at its curve between gaps 30 and 50 in the sweep; "
                "where does gap 40 fall?"
            )
        else:
            problems.append(
                "the SimpleRNN: no classifier that has learned nothing scores far below chance; "
                "what is chance with two symbols?"
            )
    if lstm < 0.9:
        problems.append(
            "the LSTM with b_f = 5: look at its curve on both sides of gap 40 (30 and 50)."
        )
    if problems:
        return feedback(False, "reconsider " + "; and ".join(problems))
    return feedback(
        True,
        f"at gap {_NEW_GAP}, seeds 0 to 2 gave the SimpleRNN 0.49 to 0.52 (chance) and the LSTM "
        "1.00. Run run_memory_experiment to see it for yourself.",
    )


def check_memory_kept(b_f_1: Any = None, b_f_5: Any = None) -> Verdict:
    """Exercise 2: sigmoid(b_f) ** 50 for b_f = 1 and b_f = 5."""
    if unanswered(b_f_1) or unanswered(b_f_5):
        return not_answered("Exercise 2")
    if not (is_number(b_f_1) and is_number(b_f_5)):
        return feedback(False, "give two numbers (floats), one for each bias.")
    answers = (float(b_f_1), float(b_f_5))
    wrong = []
    for bias, value in zip(_BIASES, answers, strict=True):
        expected = _sigmoid(bias) ** _STEPS
        if math.isclose(value, expected, rel_tol=0.02):
            continue
        if math.isclose(value, _sigmoid(bias), rel_tol=0.02):
            wrong.append(f"b_f = {bias:g}: that is the factor for one step; the cell state passes {_STEPS}")
        elif math.isclose(value, bias**_STEPS, rel_tol=0.02) or math.isclose(
            value, math.exp(-bias) ** _STEPS, rel_tol=0.02
        ):
            wrong.append(f"b_f = {bias:g}: the gate's value is sigmoid(b_f) = 1 / (1 + e^(-b_f))")
        else:
            wrong.append(f"b_f = {bias:g}: compute the gate's value sigmoid(b_f), then raise it to the power {_STEPS}")
    if wrong:
        return feedback(False, "; ".join(wrong) + ".")
    return feedback(
        True,
        "one bias keeps most of the trace over 50 steps, the other leaves about a ten-millionth. "
        "Training can open the gate later, but only if some error signal gets through first.",
    )


def _multiple_choice(exercise: str, answer: Any, choices: dict[str, str], right: str,
                     hints: dict[str, str], praise: str) -> bool:
    if unanswered(answer):
        return not_answered(exercise)
    if not isinstance(answer, str) or answer.strip().lower() not in choices:
        return feedback(False, f"answer with one letter: {', '.join(repr(k) for k in choices)}.")
    letter = answer.strip().lower()
    if letter == right:
        return feedback(True, praise)
    return feedback(False, hints[letter])


def check_forget_bias_reason(answer: Any) -> Verdict:
    """Exercise 3: why the LSTM with Keras's default b_f = 1 does worse at long gaps."""
    return _multiple_choice(
        "Exercise 3", answer, _FORGET_BIAS_CHOICES, "b",
        hints={
            "a": "count the LSTM's parameters with either bias: the bias is a starting value, "
            "not an extra weight.",
            "c": "compute sigma(1) = 1 / (1 + e^(-1)); and which gate decides what is written "
            "at step 1?",
            "d": "b_f goes into the forget gate's sigmoid, not into the tanh of c_t; what does "
            "the forget gate multiply at every step?",
        },
        praise="the bias only sets where training starts, and from b_f = 1 the error signal "
        "along the cell state fades before training can open the gate.",
    )


def check_no_distractor_reason(answer: Any) -> Verdict:
    """Exercise 4: why the SimpleRNN learns gap 100 easily when there are no distractors."""
    return _multiple_choice(
        "Exercise 4", answer, _NO_DISTRACTOR_CHOICES, "b",
        hints={
            "a": "the sequences have the same length with or without distractors: "
            "only the values in the gap change.",
            "c": "a saturated unit has 1 - h^2 close to 0; what would that do to the gradient "
            "over 100 steps?",
            "d": "the models have no Masking layer: every step, zero or not, goes through the "
            "cell.",
        },
        praise="the factors U D_t of notebook 02 stay close to length-preserving when nothing "
        "pushes the units towards saturation.",
    )
