"""The answer checks of notebook 04: right answers pass, wrong ones get a hint, odd input never raises."""

from __future__ import annotations

import math

import numpy as np
import pytest

from helpers.exercises import nb04 as ex


def sigmoid(z):
    return 1 / (1 + math.exp(-z))


# The model answers, as a learner would write them in the notebook.
def kept_fraction(b_f, steps):
    return (1 / (1 + np.exp(-b_f))) ** steps


def forget_bias_reason():
    return "c"


def no_distractor_reason():
    return "a"


def fake_run(accuracy, **changes):
    """What run_memory_experiment("LSTM", 50, memory_gate_bias=1.0) returns, minus the lists."""
    result = {"cell": "LSTM", "gap": 50, "seed": 0, "memory_gate_bias": 1.0,
              "test_accuracy": accuracy, "train_accuracy": [0.5] * 15}
    result.update(changes)
    return result


def placeholder():
    return ...


def placeholder_with_arguments(b_f, steps):
    return ...


def test_placeholders_get_a_reminder(capsys):
    assert not ex.check_prediction(placeholder, placeholder)
    assert not ex.check_prediction(None, None)
    assert not ex.check_kept_fraction(placeholder_with_arguments)
    assert not ex.check_kept_fraction(None)
    assert not ex.check_forget_bias_reason(placeholder)
    assert not ex.check_no_distractor_reason(placeholder)
    assert not ex.check_rerun(placeholder, placeholder)
    assert capsys.readouterr().out.count("replace the placeholder") == 7


def test_prediction_is_recorded_before_the_run(capsys):
    assert not ex.check_prediction(lambda: 0.7, placeholder)
    out = capsys.readouterr().out
    assert "prediction 0.70 recorded" in out and "measured_accuracy" in out


def test_prediction_is_compared_not_graded(capsys):
    assert ex.check_prediction(lambda: 0.5, lambda: 0.488)
    out = capsys.readouterr().out
    assert "spot on" in out and "stayed at chance" in out and "not graded" in out
    assert ex.check_prediction(lambda: np.float32(0.9), lambda: np.array(1.0))
    out = capsys.readouterr().out
    assert "close" in out and "learned the task" in out
    assert ex.check_prediction(0.65, 0.488)  # plain values work too
    out = capsys.readouterr().out
    assert "far off" in out and "one way or the other" in out
    assert ex.check_prediction(lambda: 0.2, lambda: 0.75)
    assert "rare" in capsys.readouterr().out


def test_prediction_rejects_what_is_not_an_accuracy(capsys):
    assert not ex.check_prediction(lambda: 80, lambda: 0.5)
    assert "between 0 and 1" in capsys.readouterr().out
    assert not ex.check_prediction(lambda: 0.5, lambda: fake_run(0.5))
    assert "result['test_accuracy']" in capsys.readouterr().out
    for odd in ["0.5", True, [0.5, 0.6], float("nan"), {"a": 1}]:
        assert not ex.check_prediction(lambda odd=odd: odd, lambda: 0.5)
    assert not ex.check_prediction(lambda: 1 / 0, lambda: 0.5)
    assert "ZeroDivisionError" in capsys.readouterr().out


def test_kept_fraction(capsys):
    assert sigmoid(1) ** 50 == pytest.approx(1.6e-7, rel=0.05)
    assert ex.check_kept_fraction(kept_fraction)
    out = capsys.readouterr().out
    assert "Correct" in out and "0.71" in out
    # a rounded gate value is close enough
    assert ex.check_kept_fraction(lambda b_f, steps: round(sigmoid(b_f), 3) ** steps)
    capsys.readouterr()


@pytest.mark.parametrize(
    "wrong, hint",
    [
        (lambda b_f, steps: sigmoid(b_f), "one step"),
        (lambda b_f, steps: b_f**steps, "not b_f itself"),
        (lambda b_f, steps: 0.5, "expected about"),
        (lambda b_f, steps: sigmoid(b_f) ** (steps - 1), "expected about"),
        (lambda b_f, steps: [1.0, 2.0], "one number"),
        (lambda b_f, steps: "0.7", "one number"),
        (lambda b_f, steps: float("nan"), "NaN"),
        (lambda b_f: 0.5, "TypeError"),
        (lambda b_f, steps: None, "return"),
        (0.72, "function"),
    ],
)
def test_kept_fraction_hints(wrong, hint, capsys):
    assert not ex.check_kept_fraction(wrong)
    out = capsys.readouterr().out
    assert out.startswith("Not yet: ") and hint in out


@pytest.mark.parametrize(
    ("check", "right", "name"),
    [(ex.check_forget_bias_reason, forget_bias_reason, "forget_bias_reason"),
     (ex.check_no_distractor_reason, no_distractor_reason, "no_distractor_reason")],
)
def test_multiple_choice(check, right, name, capsys):
    assert check(right)
    letter = right()
    assert check(lambda: f" {letter.upper()} ")
    assert capsys.readouterr().out.count("Correct: ") == 2
    for other in sorted(set("abcd") - {letter}):
        assert not check(lambda other=other: other)
        out = capsys.readouterr().out
        assert out.startswith("Not yet: ") and len(out) > 40  # a hint, not a bare "wrong"
    for odd in ["e", 2, None, ["c"], np.array("c")]:
        assert not check(lambda odd=odd: odd)
    assert check(letter)  # a bare value works too
    assert capsys.readouterr().out.splitlines()[-1].startswith("Correct")


def test_rerun_compares_what_is_said_with_the_run(capsys):
    assert not ex.check_rerun(lambda: fake_run(0.49), placeholder)
    assert "0.490" in capsys.readouterr().out
    assert ex.check_rerun(lambda: fake_run(0.49), lambda: "chance")
    assert "sweep" in capsys.readouterr().out
    assert ex.check_rerun(lambda: fake_run(0.99), lambda: " Learned ")
    assert ex.check_rerun(lambda: fake_run(0.75), lambda: "in between")
    capsys.readouterr()
    assert not ex.check_rerun(lambda: fake_run(0.49), lambda: "learned")
    assert "0.490" in capsys.readouterr().out


@pytest.mark.parametrize(
    "run, hint",
    [
        (lambda: fake_run(0.5, memory_gate_bias=5.0), "memory_gate_bias"),
        (lambda: fake_run(0.5, gap=10), "gap"),
        (lambda: fake_run(0.5, cell="GRU"), "cell"),
        (lambda: 0.5, "dict"),
        (lambda: fake_run(1.5), "between 0 and 1"),
        (lambda: fake_run("high"), "one number"),
        (lambda: {"test_accuracy": 0.5}, "cell"),
    ],
)
def test_rerun_reads_the_settings(run, hint, capsys):
    assert not ex.check_rerun(run, lambda: "chance")
    out = capsys.readouterr().out
    assert out.startswith("Not yet: ") and hint in out


@pytest.mark.parametrize("odd", [None, 0, "chance", np.nan, [1, 2], {"x": 1}, print, ex])
def test_odd_input_never_raises(odd, capsys):
    for check in (ex.check_prediction, ex.check_kept_fraction, ex.check_forget_bias_reason,
                  ex.check_no_distractor_reason, ex.check_rerun):
        verdict = check(odd)
        assert verdict is not None and not verdict
    if odd != "chance":  # "chance" is a right answer there
        assert not ex.check_rerun(lambda: fake_run(0.5), odd)
    if odd != 0:  # 0 is a possible accuracy
        assert not ex.check_prediction(lambda: 0.5, odd)
    capsys.readouterr()


@pytest.mark.slow
def test_rerun_model_answer_trains_for_real(capsys):
    """The notebook's model answer, run for real: a few seconds of training."""
    from helpers.memory_task import run_memory_experiment

    result = run_memory_experiment("LSTM", 50, memory_gate_bias=1.0)
    said = "learned" if result["test_accuracy"] >= 0.95 else (
        "chance" if abs(result["test_accuracy"] - 0.5) <= 0.1 else "in between")
    assert ex.check_rerun(lambda: result, lambda: said)
