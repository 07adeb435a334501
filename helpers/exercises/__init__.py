"""Answer checks for the exercises at the end of each notebook.

Each notebook has a module here (``nb01`` ... ``nb05``) with one ``check_...``
function per exercise. A check prints what is right or wrong and returns True
or False; an unanswered exercise (``None`` or ``...``) gets a reminder instead.
"""

from __future__ import annotations

from typing import Any


def unanswered(answer: Any) -> bool:
    """True for the placeholders the exercise cells start with (None or ...)."""
    return answer is None or answer is Ellipsis


def feedback(ok: bool, message: str) -> bool:
    """Print a one-line verdict and return ``ok``."""
    print(("Correct: " if ok else "Not yet: ") + message)
    return ok


def not_answered(exercise: str) -> bool:
    """Print a reminder for an exercise that still holds its placeholder."""
    print(f"{exercise}: replace the placeholder with your answer, then run the cell again.")
    return False
