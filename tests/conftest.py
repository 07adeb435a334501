"""Shared test set-up: the repo root is importable (helpers/, tools/)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "tools"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


def stable_id(value: object) -> str:
    """A test id that is the same in every process (no memory addresses), for pytest-xdist."""
    import re

    return re.sub(r" at 0x[0-9a-fA-F]+", "", repr(value))[:40]


@pytest.fixture(autouse=True)
def _unwrapped_exercise_messages(request, monkeypatch):
    """In the per-notebook check tests, print each verdict on one line, so a test can
    look for a phrase wherever the 90-character wrapping would break it
    (tests/test_exercises_common.py tests the wrapping itself)."""
    if request.module.__name__.startswith("test_exercises_nb"):
        import helpers.exercises

        monkeypatch.setattr(helpers.exercises, "_print_wrapped", print)
