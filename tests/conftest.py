"""Shared test set-up: the repo root is importable (helpers/, tools/)."""

from __future__ import annotations

import ast
import json
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


def data_record(name: str, remedy: str) -> dict:
    """The JSON file data/<name>; a missing file fails with what to run."""
    path = ROOT / "data" / name
    assert path.exists(), f"data/{name} is missing: {remedy}"
    return json.loads(path.read_text())


def notebook_literals(notebook: str) -> dict:
    """Names a notebook binds to literal values (plain or tuple assignments)."""
    cells = json.loads((ROOT / "notebooks" / notebook).read_text())["cells"]
    found: dict = {}
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        for node in ast.walk(ast.parse("".join(cell["source"]))):
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                try:
                    value = ast.literal_eval(node.value)
                except (ValueError, TypeError, SyntaxError):
                    continue
                if isinstance(target, ast.Name):
                    found[target.id] = value
                elif isinstance(target, ast.Tuple) and isinstance(value, tuple):
                    found.update(zip((name.id for name in target.elts), value, strict=True))
    return found


def verdict(check, answer, capsys) -> tuple[bool, str]:
    """Call an exercise check on ``answer``: whether it called it right, and what it printed."""
    ok = check(answer)
    return bool(ok), capsys.readouterr().out


def assert_verdict(check, answer, hint, capsys) -> str:
    """``check`` calls ``answer`` right when ``hint`` is None, else wrong with ``hint`` in its
    message; returns the message."""
    ok, out = verdict(check, answer, capsys)
    if hint is None:
        assert ok and out.startswith("Correct: "), out
    else:
        assert not ok and out.startswith("Not yet: ") and hint in out, out
    return out


@pytest.fixture(autouse=True)
def _unwrapped_exercise_messages(request, monkeypatch):
    """In the per-notebook check tests, print each verdict on one line, so a test can
    look for a phrase wherever the 90-character wrapping would break it
    (tests/test_exercises_common.py tests the wrapping itself)."""
    if request.module.__name__.startswith("test_exercises_nb"):
        import helpers.exercises

        monkeypatch.setattr(helpers.exercises, "_print_wrapped", print)


# nbval runs each notebook in its own folder: a notebook must leave nothing behind there
# either (the from-root test checks the repo root). Checked once, by the process that
# collected the session (the controller under pytest-xdist).
_RUN_FOLDERS = ("notebooks", "lecture")
_LISTING = pytest.StashKey[set]()


def _listing() -> set[str]:
    return {f"{folder}/{p.name}" for folder in _RUN_FOLDERS for p in (ROOT / folder).iterdir()}


def pytest_sessionstart(session):
    if not hasattr(session.config, "workerinput"):
        session.config.stash[_LISTING] = _listing()


def pytest_sessionfinish(session, exitstatus):
    before = session.config.stash.get(_LISTING, None)
    if before is None:
        return
    left = sorted(_listing() - before)
    if left:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(f"FAILED: the run left files behind: {', '.join(left)}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
