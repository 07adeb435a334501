"""Shared test set-up: the repo root is importable (helpers/, tools/)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "tools"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


def stable_id(value: object) -> str:
    """A test id that is the same in every process (no memory addresses), for pytest-xdist."""
    import re

    return re.sub(r" at 0x[0-9a-fA-F]+", "", repr(value))[:40]
