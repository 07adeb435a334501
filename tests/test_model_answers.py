"""lecture/model_answers.ipynb answers every exercise, and its stored run shows each answer is right."""

from __future__ import annotations

import ast
import json
import re

import pytest
from conftest import ROOT
from test_notebook_hygiene import NOISE, output_text

NOTEBOOK = ROOT / "lecture" / "model_answers.ipynb"
# Checks that grade a habit, not an answer: they print the comparison, never "Correct".
UNGRADED = {("nb04", "check_prediction"): "you predicted"}
MAX_LINE = 90


def defined_checks() -> set[tuple[str, str]]:
    """(module, check name) for every check_* defined in helpers/exercises/nb*.py."""
    checks = set()
    for path in sorted((ROOT / "helpers" / "exercises").glob("nb*.py")):
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("check_"):
                checks.add((path.stem, node.name))
    return checks


@pytest.fixture(scope="module")
def code_cells() -> list[dict]:
    if not NOTEBOOK.exists():
        pytest.fail("lecture/model_answers.ipynb is missing")
    return [c for c in json.loads(NOTEBOOK.read_text())["cells"] if c["cell_type"] == "code"]


def source(cell: dict) -> str:
    text = cell["source"]
    return text if isinstance(text, str) else "".join(text)


def check_calls(cells: list[dict]) -> list[tuple[int, str, str]]:
    """(cell index, module, check name) for every ``ex.check_...(...)`` call, in order."""
    calls, module = [], None
    for i, cell in enumerate(cells):
        tree = ast.parse(source(cell))
        for node in tree.body:  # the section's import comes first in its first cell
            if isinstance(node, ast.ImportFrom) and node.module == "helpers.exercises":
                for alias in node.names:
                    if alias.asname == "ex":
                        module = alias.name
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "ex"):
                assert module is not None, f"cell {i} calls ex.{node.func.attr} before importing ex"
                calls.append((i, module, node.func.attr))
    return calls


def test_every_check_is_called(code_cells):
    called = {(module, name) for _, module, name in check_calls(code_cells)}
    missing = sorted(defined_checks() - called)
    assert not missing, f"checks without a model answer: {missing}"
    unknown = sorted(called - defined_checks())
    assert not unknown, f"calls to checks that do not exist: {unknown}"


def test_every_answer_is_judged_right(code_cells):
    problems = []
    for i, module, name in check_calls(code_cells):
        text = "".join(output_text(o) for o in code_cells[i].get("outputs", []))
        if "Not yet" in text or "replace the placeholder" in text:
            problems.append(f"code cell {i} ({module}.{name}): {text.strip()[:120]!r}")
        wanted = UNGRADED.get((module, name), "Correct")
        if wanted not in text:
            problems.append(f"code cell {i} ({module}.{name}): no {wanted!r} in its output")
    assert not problems, "\n".join(problems)
    everything = "".join(output_text(o) for c in code_cells for o in c.get("outputs", []))
    assert "Not yet" not in everything


def test_is_a_clean_fresh_run(code_cells):
    counts = [c["execution_count"] for c in code_cells]
    assert counts == list(range(1, len(code_cells) + 1)), "run it with tools/execute_notebooks.py"
    problems = []
    for i, cell in enumerate(code_cells):
        for output in cell.get("outputs", []):
            if output["output_type"] == "error":
                problems.append(f"code cell {i}: stored error {output.get('ename')}")
            if output.get("name") == "stderr":
                problems.append(f"code cell {i}: stored stderr: {output_text(output)[:80]!r}")
            for pattern, what in NOISE:
                match = pattern.search(output_text(output))
                if match:
                    problems.append(f"code cell {i}: {what}: {match.group(0)[:60]!r}")
    assert not problems, "\n".join(problems)


def test_ignored_outputs_are_asserted(code_cells):
    """A cell whose output nbval ignores is followed by a cell asserting its verdict."""
    for i, cell in enumerate(code_cells):
        if "nbval-ignore-output" in cell.get("metadata", {}).get("tags", []):
            following = source(code_cells[i + 1]) if i + 1 < len(code_cells) else ""
            assert re.search(r"^assert verdict\b", following, re.M), f"code cell {i}"


def test_code_lines_are_short(code_cells):
    long = [(i, line) for i, cell in enumerate(code_cells)
            for line in source(cell).splitlines() if len(line) > MAX_LINE]
    assert not long, long
