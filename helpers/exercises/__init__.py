"""Answer checks for the exercises at the end of each notebook.

Each notebook has a module here (``nb01`` ... ``nb05``) with one ``check_...``
function per exercise. A check prints what is right or wrong and returns a
:class:`Verdict`, which is truthy when the answer is right; Jupyter shows
nothing more for it, since the message is already printed. An unanswered
exercise (``None`` or ``...``) gets a reminder instead.
"""

from __future__ import annotations

from typing import Any

import numpy as np


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


def as_number(answer: Any) -> float | None:
    """``answer`` as a float when it is one real number (a one-element array counts), else None."""
    if isinstance(answer, np.ndarray) and answer.size == 1:
        answer = answer.item()
    if isinstance(answer, bool) or not isinstance(answer, (int, float, np.integer, np.floating)):
        return None
    return float(answer)


def is_number(answer: Any) -> bool:
    """True for one real number (a bool is not one); arrays are not numbers here."""
    return isinstance(answer, (int, float, np.integer, np.floating)) and not isinstance(answer, bool)


def feedback(ok: bool, message: str) -> Verdict:
    """Print a one-line verdict and return it."""
    verdict = Verdict(ok, ("Correct: " if ok else "Not yet: ") + message)
    print(verdict.message)
    return verdict


def not_answered(exercise: str) -> Verdict:
    """Print a reminder for an exercise that still holds its placeholder."""
    return _reminder(f"{exercise}: replace the placeholder with your answer, then run the cell again.")


def _reminder(message: str) -> Verdict:
    print(message)
    return Verdict(False, message)
