"""Answer checks for the exercises at the end of each notebook.

Each notebook has a module here (``nb01``, ``nb02``, ...) with one ``check_...``
function per exercise. A check prints what is right or wrong and returns a
:class:`Verdict`, which is truthy when the answer is right; Jupyter shows
nothing more for it, since the message is already printed. An unanswered
exercise (``None`` or ``...``) gets a reminder instead.

Every exercise has one scaffold: a function whose body the learner fills in,
passed to its check::

    def parameter_count():
        return ...  # your answer: an int

    ex.check_parameter_count(parameter_count)

One way to write a check: decorate a function of the parsed answer with
:func:`exercise`. The decorator calls the learner's function, answers a
placeholder with a reminder, parses the value (``read=as_int`` ...) and
turns anything unexpected into a hint, so the check holds only its own logic::

    @exercise(2, read=as_int, expects="one whole number, such as 1234")
    def check_parameter_count(count: int) -> Verdict:
        if count == 4 * (32 * 2 + 32 * 32 + 32):
            return feedback(True, "4 gates, each with input weights, recurrent weights and a bias.")
        return feedback(False, "count the weights of one gate, then multiply by four.")

Inside a check, raise :class:`AnswerProblem` to answer with a hint, and
:class:`Unanswered` when a part of the answer is still a placeholder; a
``read`` function may raise either too. Quote a learner's value with
:func:`quote` (never ``{value!r}``: a huge answer would flood the notebook).
An exercise whose answer is a function the check calls on test inputs
(``answer="function"``) gets the callable; :func:`call_learner_function`
calls it on test inputs (:func:`learner_array` also reads the result as an
array), and a function that still returns the placeholder ``...`` counts as
unanswered.

Every module also declares ``WRONG_ANSWERS``: per check, the argument tuples
of wrong answers its notebook invites (numbers the notebook prints, the
classic slips). tests/test_exercise_checks_never_raise.py asserts that no
check calls any of them right, nor answers one with the catch-all of never_raises.

Adding an exercise: write the decorated check in the notebook's module, add
its wrong answers to ``WRONG_ANSWERS``, test it in tests/test_exercises_nbNN.py,
and put its model answer in lecture/model_answers.ipynb; the notebook's cells,
stamping and re-running are in README.md, "Adding an exercise".
"""

from __future__ import annotations

import functools
import math
import textwrap
from collections.abc import Callable
from reprlib import Repr
from typing import Any, TypeVar

import numpy as np

_REPR = Repr()  # Python 3.11's Repr takes no keyword arguments
_REPR.maxlist = _REPR.maxtuple = 8
_REPR.maxstring = _REPR.maxother = 60
_REPR.maxlong = 40


def reprlib_repr(answer: Any) -> str:
    """A repr that never builds a huge string (long lists and numbers are cut)."""
    try:
        return _REPR.repr(answer)
    except Exception:  # noqa: BLE001 - an object whose repr fails
        return f"<a value of type {type(answer).__name__}>"


class Verdict:
    """The result of a check: ``bool(verdict)`` is True when the answer is right."""

    __slots__ = ("ok", "message")

    def __init__(self, ok: bool, message: str) -> None:
        self.ok = bool(ok)
        self.message = message

    def __bool__(self) -> bool:
        return self.ok

    def __repr__(self) -> str:
        return f"Verdict(ok={self.ok}, message={self.message!r})"

    def _ipython_display_(self) -> None:
        """Show nothing: the check has printed its message already."""


def unanswered(answer: Any) -> bool:
    """True for the placeholders the exercise cells start with (None or ...)."""
    return answer is None or answer is Ellipsis


class AnswerProblem(Exception):
    """Raised inside a check to answer the learner with this message as a hint."""


class Unanswered(Exception):
    """Raised inside a check when the learner's answer is still the placeholder."""


# How many characters of a learner's answer a message quotes: a huge answer must not flood
# the notebook's output.
_QUOTE_LIMIT = 80


def quote(answer: Any) -> str:
    """``repr(answer)``, cut to at most 80 characters, for quoting an answer in a hint."""
    if isinstance(answer, np.ndarray) and answer.size > 20:
        return f"an array of shape {answer.shape}"
    text = reprlib_repr(answer)
    return text if len(text) <= _QUOTE_LIMIT else text[: _QUOTE_LIMIT - 3] + "..."


def _plain(answer: Any) -> Any:
    """NumPy scalars, 0-d and one-element arrays, and tensors as plain Python values."""
    if hasattr(answer, "numpy") and callable(answer.numpy) and not isinstance(answer, np.ndarray):
        try:  # a TensorFlow tensor or a Keras variable
            answer = answer.numpy()
        except Exception:  # noqa: BLE001 - a symbolic tensor has no value: leave it as it is
            return answer
    if isinstance(answer, np.generic):
        return answer.item()
    if isinstance(answer, np.ndarray) and answer.size == 1 and answer.dtype != object:
        return answer.item()
    return answer


def as_number(answer: Any) -> float | None:
    """``answer`` as a finite float when it is one real number, else None.

    Ints, floats, NumPy scalars, 0-d and one-element arrays and tensors count;
    bools, strings, NaN, infinity and numbers too large for a float do not.
    """
    answer = _plain(answer)
    if isinstance(answer, bool) or not isinstance(answer, (int, float)):
        return None
    try:
        value = float(answer)
    except OverflowError:
        return None
    return value if math.isfinite(value) else None


def as_int(answer: Any) -> int | None:
    """``answer`` as an int when it is one whole number (``96``, ``96.0``, ``np.array(96)``), else None."""
    value = as_number(answer)
    if value is None or value != int(value):
        return None
    return int(value)


def as_shape(answer: Any) -> tuple[int, ...] | None:
    """``answer`` as a tuple of non-negative ints when it is a tuple or list of whole numbers, else None.

    ``(32, 10, 16)``, ``[32, 10, 16]``, NumPy ints and ``TensorShape`` count;
    floats such as ``32.9``, strings, dicts, sets and ragged items do not.
    """
    if hasattr(answer, "as_list") and callable(answer.as_list):  # tf.TensorShape
        try:
            answer = answer.as_list()
        except Exception:  # noqa: BLE001 - unknown rank
            return None
    if isinstance(answer, np.ndarray) and answer.ndim == 1 and np.issubdtype(answer.dtype, np.integer):
        answer = answer.tolist()
    if not isinstance(answer, (tuple, list)):
        return None
    shape = []
    for item in answer:
        item = _plain(item)
        if isinstance(item, bool) or not isinstance(item, int) or item < 0:
            return None
        shape.append(item)
    return tuple(shape)


def as_parts(answer: Any, names: tuple[str, ...], numbers: int = 0) -> tuple[Any, ...] | None:
    """``answer`` as a tuple of ``len(names)`` parts, the first ``numbers`` of them as floats.

    Returns None when ``answer`` is not a tuple or list of that length.

    Raises:
        Unanswered: a part is still a placeholder.
        AnswerProblem: one of the first ``numbers`` parts is not one number.
    """
    if not isinstance(answer, (tuple, list)) or len(answer) != len(names):
        return None
    if any(unanswered(part) for part in answer):
        raise Unanswered
    values = [as_number(part) for part in answer[:numbers]]
    if None in values:
        raise AnswerProblem(" and ".join(names[:numbers]) + " should each be one number.")
    return (*values, *answer[numbers:])


def as_pair(
    answer: Any,
    read: tuple[Callable[[Any], Any], Callable[[Any], Any]] | None = None,
    problem: str = "give each part of the pair in the form the exercise asks for.",
) -> tuple[Any, Any] | None:
    """``answer``'s two items when it is a pair, each parsed by its reader in ``read``; else None.

    A pair is a tuple or list of two items, or a 1-D array or tensor of two values;
    a dict, a string, or any other length or shape is not one. Without ``read`` the
    items come back as they are; with it (e.g. ``(as_int, as_number)``) parsed.

    Raises:
        Unanswered: an item is still a placeholder (a scaffold's ``return c_t, h_t``
            before both are filled in).
        AnswerProblem: a reader returns None for its item; ``problem`` is the hint.
    """
    if callable(getattr(answer, "numpy", None)) and not isinstance(answer, np.ndarray):
        try:  # a TensorFlow tensor or a Keras variable
            answer = np.asarray(answer.numpy())
        except Exception:  # noqa: BLE001 - a symbolic tensor has no value
            return None
    if isinstance(answer, np.ndarray):
        if answer.shape != (2,):
            return None
    elif not isinstance(answer, (tuple, list)) or len(answer) != 2:
        return None
    first, second = answer
    if unanswered(first) or unanswered(second):
        raise Unanswered
    if read is None:
        return first, second
    parsed = read[0](first), read[1](second)
    if any(item is None for item in parsed):
        raise AnswerProblem(problem)
    return parsed


def rerun_setting_hint(
    scale: float, scale_range: tuple[float, float], examples: str, word: Any, name: str, words: tuple[str, str]
) -> str | None:
    """A hint when a "scale U, rerun, compare" answer (notebooks 01 and 02) is set up wrong, else None:
    a scale of 1 or outside ``scale_range``, or ``word`` not one of ``words``."""
    low, high = scale_range
    if scale == 1:
        return f"scale 1 is the original run: multiply U by another factor, e.g. {examples}."
    if not low <= scale <= high:
        return f"pick a factor between {low} and {high}, so the measurement stays readable."
    if not isinstance(word, str) or word.strip().lower() not in words:
        return f'{name} should be "{words[0]}" or "{words[1]}", got {quote(word)}.'
    return None


def answer_value(answer: Any, name: str = "your function") -> Any:
    """The learner's answer: what their zero-argument function returns, or the value itself.

    Raises:
        AnswerProblem: the function needs arguments, raised an error, or
            returned None (a missing ``return``). The check shows the message.
    """
    if not callable(answer) or isinstance(answer, type):
        return answer
    label = getattr(answer, "__name__", name)
    if label == "<lambda>":
        label = name
    try:
        value = answer()
    except TypeError as error:
        if "positional argument" in str(error) or "required" in str(error):
            raise AnswerProblem(f"{label}() should take no arguments and return your answer.") from None
        raise AnswerProblem(f"{label}() raised TypeError: {error}") from None
    except Exception as error:  # noqa: BLE001 - the learner's code; report it as a hint
        raise AnswerProblem(f"{label}() raised {type(error).__name__}: {error}") from None
    if value is None:
        raise AnswerProblem(f"{label}() returned None: did you forget `return`?")
    return value


def call_learner_function(function: Callable[..., Any], *args: Any, name: str | None = None) -> Any:
    """Call a learner's function on test inputs; a problem becomes an :class:`AnswerProblem`.

    A function that raises, returns None, or returns something with NaN or
    infinity in it gets a message that names it (``name``, else the function's
    own name). One that returns the placeholder ``...`` raises :class:`Unanswered`.
    """
    label = _label(function, name)
    if not callable(function):
        raise AnswerProblem(f"pass your function itself (e.g. {label}), not {type(function).__name__}.")
    try:
        result = function(*args)
    except Exception as error:  # noqa: BLE001 - the learner's code; report it as a hint
        raise AnswerProblem(f"{label} raised {type(error).__name__}: {error}") from None
    if result is None:
        raise AnswerProblem(f"{label} returned None: did you forget `return`?")
    if result is Ellipsis:
        raise Unanswered
    try:
        finite = bool(np.all(np.isfinite(np.asarray(result, dtype=float))))
    except (TypeError, ValueError, OverflowError):
        finite = True  # not numbers (or an int too large for a float): the check judges it
    if not finite:
        raise AnswerProblem(f"{label} returned NaN or infinite values.")
    return result


def learner_array(function: Callable[..., Any], *args: Any, name: str | None = None) -> np.ndarray:
    """What a learner's function returns for ``args``, as a float array.

    Raises:
        Unanswered, AnswerProblem: as :func:`call_learner_function`; an
            AnswerProblem too when the result is not an array of numbers.
    """
    result = call_learner_function(function, *args, name=name)
    try:
        return np.asarray(result, dtype=float)
    except (TypeError, ValueError, OverflowError):
        raise AnswerProblem(f"{_label(function, name)} should return an array of numbers.") from None


def _label(function: Any, name: str | None) -> str:
    """What a message calls a learner's function: ``name``, else the function's own name."""
    return name or getattr(function, "__name__", "your function")


Check = TypeVar("Check", bound=Callable[..., "Verdict"])


# How never_raises's hint starts: the tests tell it from a check's own hints by it.
CATCH_ALL_HINT = "this check could not read your answer"


def never_raises(check: Check) -> Check:
    """Make ``check`` answer with a hint, whatever it is given, instead of raising.

    An :class:`AnswerProblem` becomes its message; any other error becomes a
    hint that names it. Placeholders still get the check's own reminder.
    """

    @functools.wraps(check)
    def guarded(*args: Any, **kwargs: Any) -> Verdict:
        try:
            return check(*args, **kwargs)
        except AnswerProblem as problem:
            return feedback(False, str(problem))
        except Exception as error:  # noqa: BLE001 - a learner must never see a traceback here
            return feedback(
                False,
                f"{CATCH_ALL_HINT} ({type(error).__name__}: {error}). "
                "Look at the form the exercise asks for.",
            )

    return guarded  # type: ignore[return-value]


def exercise(
    number: int,
    read: Callable[[Any], Any] | None = None,
    expects: str = "",
    answer: str = "value",
) -> Callable[[Callable[..., Verdict]], Callable[..., Verdict]]:
    """Turn ``check(parsed_answer, *args)`` into the check of exercise ``number``.

    The returned check takes what the learner passes (their zero-argument
    function, or the value itself), and:

    * answers a placeholder (``None`` or ``...``) with a reminder;
    * with ``answer="value"`` (the default), calls the learner's function,
      then parses the value with ``read`` (e.g. :func:`as_int`); a value that
      ``read`` turns into None gets "give {expects}, got ...";
    * with ``answer="function"``, hands the learner's callable on unparsed;
    * never raises (see :func:`never_raises`).

    Raises:
        ValueError: ``answer`` is neither "value" nor "function".
    """
    if answer not in ("value", "function"):
        raise ValueError(f"answer must be 'value' or 'function', got {answer!r}")

    def decorate(check: Callable[..., Verdict]) -> Callable[..., Verdict]:
        label = check.__name__.removeprefix("check_")

        @functools.wraps(check)
        def run(learner_answer: Any = None, *args: Any, **kwargs: Any) -> Verdict:
            try:
                if unanswered(learner_answer):
                    raise Unanswered
                if answer == "function":
                    if not callable(learner_answer):
                        raise AnswerProblem("pass your function itself, not a value of type "
                                            f"{type(learner_answer).__name__}.")
                    return check(learner_answer, *args, **kwargs)
                value = answer_value(learner_answer, label)
                if unanswered(value):
                    raise Unanswered
                if read is not None:
                    parsed = read(value)
                    if parsed is None:
                        raise AnswerProblem(f"give {expects or 'the form the exercise asks for'}, "
                                            f"got {quote(value)}.")
                    value = parsed
                return check(value, *args, **kwargs)
            except Unanswered:
                return not_answered(f"Exercise {number}")

        run.exercise_number = number  # type: ignore[attr-defined]
        return never_raises(run)

    return decorate


def _print_wrapped(message: str) -> None:
    """Print ``message`` in lines of at most 90 characters, the course's line length.

    Each line of ``message`` (split at ``\\n``) is wrapped on its own, so a
    message may hold several paragraphs.
    """
    print("\n".join(textwrap.fill(part, width=90, break_long_words=False, break_on_hyphens=False)
                    for part in message.split("\n")))


def feedback(ok: bool, message: str) -> Verdict:
    """Print the verdict (each of its lines wrapped at 90 characters) and return it."""
    verdict = Verdict(ok, ("Correct: " if ok else "Not yet: ") + message)
    _print_wrapped(verdict.message)
    return verdict


def not_answered(exercise: str) -> Verdict:
    """Print a reminder for an exercise that still holds its placeholder."""
    return _reminder(f"{exercise}: replace the placeholder with your answer, then run the cell again.")


def _reminder(message: str) -> Verdict:
    _print_wrapped(message)
    return Verdict(False, message)
