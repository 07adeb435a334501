"""Answer checks for the exercises of notebooks/04_rnn_vs_lstm_long_gaps.ipynb.

Each ``check_...`` prints a one-line verdict (with a hint when the answer is
wrong) and returns a Verdict (truthy when right); the placeholder ``None`` gets a reminder.
Exercise 1 is not graded: it compares a prediction with the learner's own run.
"""

from __future__ import annotations

import math
from typing import Any

from helpers.exercises import Verdict, feedback, is_number, not_answered, unanswered

# Exercise 1: a gap that neither the notebook nor the sweep trains. Measured while
# writing the notebook (seeds 0, 1, 2, default budget): SimpleRNN 0.488, 0.522,
# 0.501; LSTM with b_f = 5: 1.000 for each seed. The check does not use these:
# it compares the learner's prediction with the learner's own run.
_CHANCE = 0.5
_LEARNED = 0.95
_NEAR_CHANCE = 0.10
# Exercise 2: forget-gate biases and the number of steps. A value within 10% of the
# exact one passes, so sigma(b_f) rounded to 2 or 3 digits (0.73, 0.993) is fine.
_BIASES, _STEPS = (1.0, 5.0), 50
_RATIO_TOLERANCE = 0.10
# Exercises 3 and 4: multiple choice, one letter each (the notebook prints the options).
_FORGET_BIAS_RIGHT = "c"
_NO_DISTRACTOR_RIGHT = "a"


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def _accuracy_problem(name: str, value: Any) -> str | None:
    """Why ``value`` is not an accuracy, or None when it is one."""
    if isinstance(value, dict) and "test_accuracy" in value:
        return (f"{name} holds the whole result of run_memory_experiment; "
                "take its test accuracy: result['test_accuracy'].")
    if not is_number(value):
        return f"{name} should be one number between 0 and 1 (0.8, not '80%')."
    if not 0.0 <= float(value) <= 1.0:
        return f"{name} should lie between 0 and 1: write 80% as 0.8."
    return None


def _outcome(accuracy: float) -> str:
    if accuracy >= _LEARNED:
        return "learned the task"
    if abs(accuracy - _CHANCE) <= _NEAR_CHANCE:
        return "stayed at chance"
    return "landed in between"


def check_prediction(predicted: Any = None, measured: Any = None) -> Verdict:
    """Exercise 1: compare a predicted test accuracy with the measured one.

    Not graded right or wrong: it says how far the prediction was from the run
    and what the run means. ``predicted`` first, then ``measured`` from a run.
    """
    if unanswered(predicted):
        return not_answered("Exercise 1 (your prediction)")
    problem = _accuracy_problem("predicted", predicted)
    if problem:
        return feedback(False, problem)
    predicted = float(predicted)
    if unanswered(measured):
        message = (f"Exercise 1: prediction {predicted:.2f} recorded. Now run the model and put its "
                   "test accuracy in measured, then run the cell again.")
        print(message)
        return Verdict(False, message)
    problem = _accuracy_problem("measured", measured)
    if problem:
        return feedback(False, problem)
    measured = float(measured)
    distance = abs(predicted - measured)
    if distance <= 0.05:
        closeness = "spot on"
    elif distance <= 0.15:
        closeness = "close"
    else:
        closeness = "far off"
    meaning = {
        "learned the task": "this run learned the task: the fact survived the gap.",
        "stayed at chance": "this run stayed at chance: the fact did not survive the gap, "
        "so the model can only guess.",
        "landed in between": "this run landed between chance and 95%, which is rare: most runs "
        "either learn the task or stay at chance; try another seed.",
    }[_outcome(measured)]
    if _outcome(predicted) == "landed in between" and _outcome(measured) != "landed in between":
        meaning += (" A prediction in between is what the sweep's line suggests where seeds "
                    "disagree, but a single run usually goes one way or the other.")
    message = (f"Exercise 1: you predicted {predicted:.2f}, the run measured {measured:.2f} "
               f"({closeness}, {distance:.2f} apart); {meaning}")
    print(message)
    return Verdict(True, message)


def check_memory_kept(b_f_1: Any = None, b_f_5: Any = None) -> Verdict:
    """Exercise 2: sigmoid(b_f) ** 50 for b_f = 1 and b_f = 5, within 10%."""
    if unanswered(b_f_1) or unanswered(b_f_5):
        return not_answered("Exercise 2")
    if not (is_number(b_f_1) and is_number(b_f_5)):
        return feedback(False, "give two numbers (floats), one for each bias.")

    def near(value: float, target: float) -> bool:
        # Compare ratios: a 10% error in the answer is fine even when it is tiny.
        return value > 0 and abs(math.log(value / target)) <= math.log(1 + _RATIO_TOLERANCE)

    wrong = []
    for bias, value in zip(_BIASES, (float(b_f_1), float(b_f_5)), strict=True):
        if near(value, _sigmoid(bias) ** _STEPS):
            continue
        if near(value, _sigmoid(bias)):
            wrong.append(f"b_f = {bias:g}: that is the factor for one step; the cell state passes {_STEPS}")
        elif near(value, bias**_STEPS) or near(value, math.exp(-bias) ** _STEPS):
            wrong.append(f"b_f = {bias:g}: the gate's value is sigmoid(b_f) = 1 / (1 + e^(-b_f))")
        else:
            wrong.append(f"b_f = {bias:g}: compute the gate's value sigmoid(b_f), then raise it "
                         f"to the power {_STEPS} (a rounded gate value is fine)")
    if wrong:
        return feedback(False, "; ".join(wrong) + ".")
    return feedback(
        True,
        "one bias keeps most of the trace over 50 steps, the other leaves about a ten-millionth. "
        "Training can open the gate later, but only if some error signal gets through first.",
    )


def _multiple_choice(exercise: str, answer: Any, right: str, hints: dict[str, str],
                     praise: str) -> Verdict:
    letters = sorted([right, *hints])
    if unanswered(answer):
        return not_answered(exercise)
    if not isinstance(answer, str) or answer.strip().lower() not in letters:
        return feedback(False, f"answer with one letter: {', '.join(repr(k) for k in letters)}.")
    letter = answer.strip().lower()
    if letter == right:
        return feedback(True, praise)
    return feedback(False, hints[letter])


def check_forget_bias_reason(answer: Any) -> Verdict:
    """Exercise 3: why the LSTM with Keras's default b_f = 1 fails at long gaps."""
    return _multiple_choice(
        "Exercise 3", answer, _FORGET_BIAS_RIGHT,
        hints={
            "a": "the bias is a starting value, not an extra weight: count_params() gives the "
            "same number for both LSTMs.",
            "b": "which gate decides what is written at step 1? And compute sigma(1) = "
            "1 / (1 + e^(-1)): is that nearly closed?",
            "d": "a smaller forget gate makes the cell state smaller, not larger; which bias lets "
            "written noise pile up in c_t (section 6)?",
        },
        praise="the bias only sets where training starts, and from b_f = 1 the error signal "
        "along the cell state fades before training can open the gate.",
    )


def check_no_distractor_reason(answer: Any) -> Verdict:
    """Exercise 4: why the SimpleRNN learns gap 100 easily when there are no distractors."""
    return _multiple_choice(
        "Exercise 4", answer, _NO_DISTRACTOR_RIGHT,
        hints={
            "b": "a saturated unit has 1 - h^2 close to 0; what would multiplying by that "
            "100 times do to the gradient?",
            "c": "the models have no Masking layer: every step, zero or not, goes through the "
            "cell.",
            "d": "write h_t = tanh(x_t W + h_{t-1} U + b) with x_t = 0: which term is left?",
        },
        praise="the factors U D_t of notebook 02 stay close to length-preserving when nothing "
        "pushes the units towards saturation.",
    )
