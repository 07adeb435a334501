"""Answer checks for the exercises of notebooks/04_rnn_vs_lstm_long_gaps.ipynb.

Every exercise is a function the learner fills in, passed to its check. Each
``check_...`` prints a verdict (with a hint when the answer is wrong)
and returns a Verdict (truthy when right); a placeholder (``...`` or None) gets
a reminder. The checks never raise, whatever they are given; each is written
with the ``exercise`` decorator of helpers.exercises.
Exercise 1 is not graded: it compares the learner's prediction with the
learner's own run and says so. Exercise 5 is graded against the learner's own
run (what they say happened must match the accuracy their run measured).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from helpers.cells import sigmoid
from helpers.exercises import (
    AnswerProblem,
    Verdict,
    answer_value,
    as_number,
    call_learner_function,
    exercise,
    feedback,
    quote,
    unanswered,
)

# Exercise 1: a gap that neither the notebook nor the sweep trains. Measured while
# writing the notebook (seeds 0, 1, 2, default budget): SimpleRNN 0.488, 0.522,
# 0.501; LSTM with b_f = 5: 1.000 for each seed. The check does not use these:
# it compares the learner's prediction with the learner's own run.
_CHANCE = 0.5
_LEARNED = 0.95
_NEAR_CHANCE = 0.10
# Exercise 2: the learner's kept_fraction(b_f, steps) is called on these; a value
# within 10% of sigma(b_f) ** steps passes, so a rounded gate value is fine.
_CASES = ((1.0, 50), (5.0, 50), (3.0, 20), (0.0, 1))
_RATIO_TOLERANCE = 0.10
# Exercises 3 and 4: multiple choice, one letter each (the notebook prints the options):
# the right letter, what the verdict says to it, and a hint for each wrong letter.
_FORGET_BIAS_CHOICE = (
    "c",
    "the bias only sets where training starts, and from b_f = 1 the error signal "
    "along the cell state fades before training can open the gate.",
    {
        "a": "the bias is a starting value, not an extra weight: count_params() gives the "
        "same number for both LSTMs.",
        "b": "which gate decides what is written at step 1? And compute sigma(1) = "
        "1 / (1 + e^(-1)): is that nearly closed?",
        "d": "a smaller forget gate makes the cell state smaller, not larger; which bias lets "
        "written noise pile up in c_t (Going further)?",
    },
)
_NO_DISTRACTOR_CHOICE = (
    "a",
    "the factors U D_t of notebook 02 stay close to length-preserving when nothing "
    "pushes the units towards saturation.",
    {
        "b": "a saturated unit has 1 - h^2 close to 0; what would multiplying by that "
        "100 times do to the gradient?",
        "c": "the models have no Masking layer: every step, zero or not, goes through the "
        "cell.",
        "d": "write h_t = tanh(x_t W + h_{t-1} U + b) with x_t = 0: which term is left?",
    },
)
_ONE_LETTER = "one letter: 'a', 'b', 'c' or 'd'"
# Exercise 5: the rerun the notebook asks for.
_RERUN = {"cell": "LSTM", "gap": 50, "memory_gate_bias": 1.0}
_OUTCOMES = ("learned", "chance", "in between")


def _accuracy(name: str, value: Any) -> float:
    """``value`` as an accuracy in [0, 1], or an AnswerProblem that says why not."""
    if isinstance(value, Mapping) and "test_accuracy" in value:
        raise AnswerProblem(f"{name} returns the whole result of run_memory_experiment; "
                            "return its test accuracy: result['test_accuracy'].")
    number = as_number(value)
    if number is None:
        raise AnswerProblem(f"{name} should return one number between 0 and 1 (0.8, not '80%').")
    if not 0.0 <= number <= 1.0:
        raise AnswerProblem(f"{name} should return a number between 0 and 1: write 80% as 0.8.")
    return number


def _outcome(accuracy: float) -> str:
    if accuracy >= _LEARNED:
        return "learned"
    if abs(accuracy - _CHANCE) <= _NEAR_CHANCE:
        return "chance"
    return "in between"


def _prediction(value: Any) -> float:
    return _accuracy("predicted_accuracy()", value)


@exercise(1, read=_prediction, expects="one number between 0 and 1")
def check_prediction(prediction: float, measured: Any = None) -> Verdict:
    """Exercise 1 (not graded): compare a predicted test accuracy with the measured one.

    ``prediction`` is the learner's (parsed) prediction, ``measured`` their
    function (or value) that returns the run's test accuracy. There is no
    wrong prediction: the check says how far it was from the run and what the
    run means, and returns a truthy Verdict once both are given.
    """
    run = answer_value(measured, "measured_accuracy")
    if unanswered(run):
        message = (f"Exercise 1: prediction {prediction:.2f} recorded. Now fill in "
                   "measured_accuracy() and run the cell again.")
        print(message)
        return Verdict(False, message)
    run = _accuracy("measured_accuracy()", run)
    distance = abs(prediction - run)
    closeness = "spot on" if distance <= 0.05 else "close" if distance <= 0.15 else "far off"
    meaning = {
        "learned": "this run learned the task: the fact survived the gap.",
        "chance": "this run stayed at chance: the fact did not survive the gap, "
        "so the model can only guess.",
        "in between": "this run landed between chance and 95%, which is rare: most runs "
        "either learn the task or stay at chance; try another seed.",
    }[_outcome(run)]
    if _outcome(prediction) == "in between" and _outcome(run) != "in between":
        meaning += (" A prediction in between is what an average over seeds suggests, "
                    "but a single run usually goes one way or the other.")
    message = (f"Exercise 1 (not graded): you predicted {prediction:.2f}, the run measured "
               f"{run:.2f} ({closeness}, {distance:.2f} apart); {meaning}")
    print(message)
    return Verdict(True, message)


@exercise(2, answer="function")
def check_kept_fraction(kept_fraction: Any) -> Verdict:
    """Exercise 2: ``kept_fraction(b_f, steps)`` returns sigmoid(b_f) ** steps, within 10%."""

    def near(value: float, target: float) -> bool:
        # Compare ratios: a 10% error in the answer is fine even when it is tiny.
        return value > 0 and abs(math.log(value / target)) <= math.log(1 + _RATIO_TOLERANCE)

    for bias, steps in _CASES:
        value = as_number(call_learner_function(kept_fraction, bias, steps,
                                                name="kept_fraction(b_f, steps)"))
        if value is None:
            raise AnswerProblem("kept_fraction(b_f, steps) should return one number.")
        target = float(sigmoid(bias)) ** steps
        if near(value, target):
            continue
        where = f"kept_fraction({bias:g}, {steps})"
        if near(value, float(sigmoid(bias))):
            return feedback(False, f"{where} gave sigma(b_f), the factor for one step; "
                            f"the cell state passes {steps} steps.")
        if near(value, bias**steps) if bias > 0 else False:
            return feedback(False, f"{where}: use the gate's value sigma(b_f) = "
                            "1 / (1 + e^(-b_f)), not b_f itself.")
        return feedback(False, f"{where} gave {value:.3g}, expected about {target:.3g}: "
                        "compute sigma(b_f), then raise it to the power steps.")
    return feedback(
        True,
        f"over 50 steps b_f = 1 keeps {float(sigmoid(1)) ** 50:.1e} of the trace and b_f = 5 keeps "
        f"{float(sigmoid(5)) ** 50:.2f}. Training can open the gate later, but only if some error "
        "signal gets through first.",
    )


def _letter(value: Any) -> str | None:
    """One of the letters a to d, stripped and lower-cased; None for anything else."""
    if isinstance(value, str) and value.strip().lower() in ("a", "b", "c", "d"):
        return value.strip().lower()
    return None


def _multiple_choice(letter: str, choice: tuple[str, str, dict[str, str]]) -> Verdict:
    """The verdict on ``letter`` for a choice ``(right letter, praise, hints)``."""
    right, praise, hints = choice
    return feedback(True, praise) if letter == right else feedback(False, hints[letter])


@exercise(3, read=_letter, expects=_ONE_LETTER)
def check_forget_bias_reason(letter: str) -> Verdict:
    """Exercise 3: why the LSTM with Keras's default b_f = 1 fails at long gaps."""
    return _multiple_choice(letter, _FORGET_BIAS_CHOICE)


@exercise(4, read=_letter, expects=_ONE_LETTER)
def check_no_distractor_reason(letter: str) -> Verdict:
    """Exercise 4: why the SimpleRNN learns gap 100 easily when there are no distractors."""
    return _multiple_choice(letter, _NO_DISTRACTOR_CHOICE)


def _run_result(value: Any) -> Mapping:
    if not isinstance(value, Mapping) or "test_accuracy" not in value:
        raise AnswerProblem("rerun() should return what run_memory_experiment(...) returns "
                            "(a dict with 'test_accuracy'), not only a number.")
    return value


@exercise(5, read=_run_result)
def check_rerun(result: Mapping, what_happened: Any = None) -> Verdict:
    """Exercise 5: rerun section 3's LSTM at gap 50 with b_f = 1; say what the run did.

    ``result`` is what the learner's ``rerun()`` returns, the dict of
    ``run_memory_experiment``; ``what_happened()`` returns "learned", "chance"
    or "in between". The check reads the run's settings and test accuracy and
    compares them with what the learner says.
    """
    for key, wanted in _RERUN.items():
        if result.get(key) != wanted:
            return feedback(False, f"your run has {key} = {quote(result.get(key))}; this exercise "
                            f"asks for {key} = {wanted!r}: "
                            "run_memory_experiment(\"LSTM\", 50, memory_gate_bias=1.0).")
    accuracy = _accuracy("rerun()['test_accuracy']", result["test_accuracy"])
    said = answer_value(what_happened, "what_happened")
    if unanswered(said):
        message = (f"Exercise 5: your run's test accuracy is {accuracy:.3f}. Now say what "
                   f"happened in what_happened() and run the cell again.")
        print(message)
        return Verdict(False, message)
    if not isinstance(said, str) or said.strip().lower() not in _OUTCOMES:
        return feedback(False, "what_happened() should return one of "
                        + ", ".join(repr(k) for k in _OUTCOMES) + ".")
    said, actual = said.strip().lower(), _outcome(accuracy)
    if said != actual:
        return feedback(False, f"your run scored {accuracy:.3f}; 'learned' means at least 0.95 "
                        "and 'chance' within 0.10 of 0.5. Look at the number again.")
    context = {
        "learned": "this seed learned the gap although the sweep's seeds 0 to 2 at b_f = 1 "
        "did not: one run is one sample; try seed=1 and seed=2.",
        "chance": "as in all three of the sweep's runs at b_f = 1 and gap 50: with the forget "
        "gate starting at sigma(1) = 0.73 the fact fades before training can open the gate.",
        "in between": "a rare run between chance and 95%; the sweep's runs at b_f = 1 stayed "
        "at chance. Try seed=1.",
    }[actual]
    return feedback(True, f"your run scored {accuracy:.3f}: {actual}, {context}")
