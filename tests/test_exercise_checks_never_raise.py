"""Every check in every helpers/exercises/nbNN.py answers any input with a message, never a traceback.

The modules and their checks are found by name, so a new notebook's module is
covered as soon as it exists. Each check gets each odd input in every argument
it needs (None, NaN, infinity, strings, dicts, ragged lists, 0-d arrays, huge
ints, and learner functions that return None, NaN or a string, or raise), and
calls it wrong; each placeholder (None, ``...``, a function that returns ``...``)
gets the reminder.

A module's ``WRONG_ANSWERS`` table (check name -> argument tuples of wrong
answers its notebook invites) is run too: a check that calls one of them right, or
answers one with never_raises's catch-all instead of a hint of its own, fails the suite,
and a module with a table lists every one of its checks.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import numpy as np
import pytest

import helpers.exercises


def _returns_none(*args):
    return None


def _raises(*args):
    raise ZeroDivisionError("division by zero")


def _returns_nan(*args):
    return float("nan")


def _returns_text(*args):
    return "abc"


def _needs_two(x, y):
    return x


def _returns_nans(*args):
    return [float("nan")] * 3


def _returns_infinity(*args):
    return float("inf")


def _returns_an_object(*args):
    return object()


def _returns_the_placeholder(*args):
    return ...


ODD_INPUTS = {
    "None": None,
    "Ellipsis": ...,
    "NaN": float("nan"),
    "inf": float("inf"),
    "-inf": -float("inf"),
    "huge int": 10**400,
    "bool": True,
    "string": "abc",
    "empty string": "",
    "dict": {"a": 1},
    "empty dict": {},
    "ragged list": [[1, 2], [3]],
    "mixed list": [1, "b", None],
    "nested ragged": [1, [2, [3, 4]]],
    "empty list": [],
    "0-d array": np.array(96),
    "0-d float array": np.array(0.19),
    "0-d NaN array": np.array(np.nan),
    "empty array": np.array([]),
    "object array": np.array([None, "x"], dtype=object),
    "set": {1, 2},
    "complex": 1 + 2j,
    "function returning None": _returns_none,
    "function that raises": _raises,
    "function returning NaN": _returns_nan,
    "function returning text": _returns_text,
    "function needing two arguments": _needs_two,
    "function returning NaNs": _returns_nans,
    "function returning infinity": _returns_infinity,
    "function returning an object": _returns_an_object,
    "a built-in function": print,
    "class": int,
    "zero": 0,
}
# 96 is the answer of notebook 01's exercise 1 and lies within notebook 05's exercise 6.
RIGHT_SOMEWHERE = {"0-d array"}


def exercise_modules() -> list[str]:
    return sorted(
        f"helpers.exercises.{info.name}"
        for info in pkgutil.iter_modules(helpers.exercises.__path__)
        if info.name.startswith("nb") and info.name[2:].isdigit()
    )


def all_checks() -> list[tuple[str, str]]:
    found = []
    for module_name in exercise_modules():
        module = importlib.import_module(module_name)
        found += [(module_name, name) for name, value in vars(module).items()
                  if name.startswith("check_") and callable(value)
                  and getattr(value, "__module__", module_name) == module_name]
    return found


def test_every_notebook_with_exercises_is_found():
    assert exercise_modules(), "no helpers/exercises/nbNN.py module found"
    assert len(all_checks()) >= len(exercise_modules())


@pytest.mark.parametrize("module_name, check_name", all_checks())
def test_check_never_raises(module_name, check_name, capsys):
    check = getattr(importlib.import_module(module_name), check_name)
    parameters = [p for p in inspect.signature(check).parameters.values()
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    required = max(1, sum(p.default is inspect.Parameter.empty for p in parameters))
    crashes, silent, called_right = [], [], []
    for label, value in ODD_INPUTS.items():
        # the odd input in every argument at once, then in each argument alone
        calls = [[value] * required] + [[value if i == k else None for i in range(required)]
                                        for k in range(required) if required > 1]
        for args in calls:
            try:
                ok = check(*args)
            except Exception as error:  # noqa: BLE001 - what this test looks for
                crashes.append(f"{label}: {type(error).__name__}: {error}"[:160])
                break
            if not capsys.readouterr().out.strip():
                silent.append(label)
            if ok and label not in RIGHT_SOMEWHERE:
                called_right.append(label)
    assert not crashes, f"{module_name}.{check_name} raised on:\n" + "\n".join(crashes)
    assert not silent, f"{module_name}.{check_name} printed nothing for {silent}"
    assert not called_right, f"{module_name}.{check_name} called {called_right} right"


@pytest.mark.parametrize("placeholder", [None, ..., _returns_the_placeholder], ids=["None", "...", "function"])
@pytest.mark.parametrize("module_name, check_name", all_checks())
def test_a_placeholder_gets_the_reminder(module_name, check_name, placeholder, capsys):
    check = getattr(importlib.import_module(module_name), check_name)
    assert not check(placeholder)
    out = capsys.readouterr().out
    assert out.startswith(f"Exercise {check.exercise_number}") and "replace the placeholder" in out, out


def wrong_answer_cases() -> list:
    cases = []
    for module_name in exercise_modules():
        table = getattr(importlib.import_module(module_name), "WRONG_ANSWERS", {})
        for check_name, calls in table.items():
            cases += [pytest.param(module_name, check_name, index, id=f"{module_name[-4:]}.{check_name}[{index}]")
                      for index in range(len(calls))]
    return cases


def test_tables_of_wrong_answers_name_every_check_and_only_checks():
    for module_name in exercise_modules():
        module = importlib.import_module(module_name)
        table = getattr(module, "WRONG_ANSWERS", None)
        if table is None:
            continue
        checks = {name for mod, name in all_checks() if mod == module_name}
        assert set(table) == checks, f"{module_name}.WRONG_ANSWERS: {sorted(set(table) ^ checks)}"
        assert all(calls and all(isinstance(args, tuple) for args in calls) for calls in table.values())


@pytest.mark.parametrize("module_name, check_name, index", wrong_answer_cases())
def test_wrong_answers_are_never_called_right(module_name, check_name, index, capsys):
    module = importlib.import_module(module_name)
    args = module.WRONG_ANSWERS[check_name][index]
    verdict = getattr(module, check_name)(*args)
    out = capsys.readouterr().out
    assert not verdict, f"{check_name} called a wrong answer right: {out}"
    assert out.startswith("Not yet: "), out  # a hint, not the placeholder reminder
    # ... and the check's own hint: an error caught by never_raises would pass a wrong
    # answer without testing the check's logic.
    assert helpers.exercises.CATCH_ALL_HINT not in out, out


HUGE = {"list": list(range(10**6)), "string": "x" * 10**6, "array": np.zeros(10**6),
        "tuple of huge parts": ("x" * 10**6, list(range(10**6)), "y" * 10**6)}


@pytest.mark.parametrize("module_name, check_name", [
    case for case in all_checks()
    if hasattr(getattr(importlib.import_module(case[0]), case[1]), "exercise_number")])
def test_a_huge_answer_is_quoted_short(module_name, check_name, capsys):
    """Issue 18 item 11: a 10⁶-element answer printed about 5 MB. Checks made with the
    exercise decorator quote answers with quote(); this holds every one of them to it."""
    check = getattr(importlib.import_module(module_name), check_name)
    required = sum(p.default is inspect.Parameter.empty for p in inspect.signature(check).parameters.values()
                   if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD))
    for label, value in HUGE.items():
        check(*([value] + [None] * (max(1, required) - 1)))
        out = capsys.readouterr().out
        assert len(out) < 1000, f"{check_name} printed {len(out)} characters for a huge {label}"
