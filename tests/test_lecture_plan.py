"""The lecture plan, lecture/README.md: its timings add up and its live cells exist.

Format the tests read (keep it when editing the plan):

* Each session is a level-2 heading that starts with ``## Session N`` (N = 1, 2, 3); it runs to
  the next level-2 heading.
* Inside a session, the **parts table** is the Markdown table whose header row starts with
  ``| # | Part | Notebook | Minutes | Slides |``. ``Minutes`` is a whole number; ``Notebook``
  holds two-digit notebook numbers separated by commas (``04, 05``). The minutes of a session
  add up to exactly 90.
* The **live table** is the table whose header row starts with
  ``| Live | Notebook | Section | Cell starts with |``. ``Notebook`` is one two-digit number;
  ``Section`` is the notebook's ``## `` heading without the ``## ``, written exactly as in the
  notebook; ``Cell starts with`` holds the first characters of a code cell in that section, in
  backticks. A literal ``|`` inside a cell is written ``\\|``.

Together the sessions cover every notebook in ``notebooks/``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "lecture" / "README.md"
NOTEBOOKS = ROOT / "notebooks"
SESSION_MINUTES = 90
PARTS_HEADER = ["#", "Part", "Notebook", "Minutes", "Slides"]
LIVE_HEADER = ["Live", "Notebook", "Section", "Cell starts with"]


def split_row(line: str) -> list[str]:
    """The cells of one Markdown table row, with escaped pipes kept as text."""
    inner = line.strip().removeprefix("|").removesuffix("|")
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", inner)]


def tables(block: str) -> list[list[list[str]]]:
    """Every Markdown table in a block of text: rows of cells, header first, no rule row."""
    found, current = [], []
    for line in block.splitlines() + [""]:
        if line.lstrip().startswith("|"):
            row = split_row(line)
            if not all(re.fullmatch(r":?-+:?", cell) for cell in row):
                current.append(row)
        elif current:
            found.append(current)
            current = []
    return found


def sessions(text: str) -> dict[int, str]:
    """Session number -> the text of that session (up to the next level-2 heading)."""
    parts = re.split(r"^(?=## )", text, flags=re.MULTILINE)
    found = {}
    for part in parts:
        match = re.match(r"## Session (\d+)\b", part)
        if match:
            found[int(match.group(1))] = part
    return found


def table_with_header(block: str, header: list[str]) -> list[list[str]]:
    matching = [t for t in tables(block) if t[0][: len(header)] == header]
    assert len(matching) == 1, f"expected one table with header {header}, found {len(matching)}"
    return matching[0]


def notebook_path(number: str) -> Path:
    paths = sorted(NOTEBOOKS.glob(f"{number}_*.ipynb"))
    assert len(paths) == 1, f"no single notebook numbered {number} in notebooks/"
    return paths[0]


def code_cells_by_section(path: Path) -> dict[str, list[str]]:
    """``## `` heading text (without ``## ``) -> sources of the code cells under it.

    A heading counts wherever it stands in a markdown cell; code cells belong to the last
    heading above them.
    """
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    sections: dict[str, list[str]] = {}
    current = ""
    for cell in cells:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            for line in source.splitlines():
                if line.startswith("## "):
                    current = line[3:].strip()
                    sections.setdefault(current, [])
        elif cell["cell_type"] == "code" and current:
            sections[current].append(source)
    return sections


@pytest.fixture(scope="module")
def plan_sessions() -> dict[int, str]:
    return sessions(PLAN.read_text(encoding="utf-8"))


def test_the_format_readers_work():
    assert split_row(r"| 1 | a \| b | `x` |") == ["1", "a | b", "`x`"]
    block = "text\n| A | B |\n|---|---|\n| 1 | 2 |\n\nmore"
    assert tables(block) == [[["A", "B"], ["1", "2"]]]
    assert sessions("# T\n## Session 1 · x\nbody\n## Other\n## Session 2\n") == {
        1: "## Session 1 · x\nbody\n",
        2: "## Session 2\n",
    }


def test_the_plan_has_three_sessions(plan_sessions):
    assert sorted(plan_sessions) == [1, 2, 3]


@pytest.mark.parametrize("number", [1, 2, 3])
def test_each_session_adds_up_to_90_minutes(plan_sessions, number):
    rows = table_with_header(plan_sessions[number], PARTS_HEADER)[1:]
    minutes = [int(row[PARTS_HEADER.index("Minutes")]) for row in rows]
    assert all(m > 0 for m in minutes), minutes
    assert sum(minutes) == SESSION_MINUTES, f"session {number}: {minutes} add up to {sum(minutes)}"


def part_notebooks(block: str) -> set[str]:
    rows = table_with_header(block, PARTS_HEADER)[1:]
    numbers = set()
    for row in rows:
        for item in row[PARTS_HEADER.index("Notebook")].split(","):
            assert re.fullmatch(r"\d\d", item.strip()), f"not a notebook number: {item!r}"
            numbers.add(item.strip())
    return numbers


def test_every_notebook_is_covered_by_a_session(plan_sessions):
    covered = set().union(*(part_notebooks(block) for block in plan_sessions.values()))
    existing = {path.name[:2] for path in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")}
    assert {f"{n:02d}" for n in range(1, 9)} <= existing
    assert existing <= covered, f"not in any session: {sorted(existing - covered)}"
    assert covered <= existing, f"the plan names missing notebooks: {sorted(covered - existing)}"


@pytest.mark.parametrize("number", [1, 2, 3])
def test_live_cells_exist_in_their_sections(plan_sessions, number):
    block = plan_sessions[number]
    rows = table_with_header(block, LIVE_HEADER)[1:]
    assert rows, f"session {number} runs nothing live"
    shown = part_notebooks(block)
    column = {name: LIVE_HEADER.index(name) for name in LIVE_HEADER}
    for row in rows:
        notebook, section = row[column["Notebook"]], row[column["Section"]]
        start = row[column["Cell starts with"]].strip().strip("`")
        assert notebook in shown, f"live cell {row[0]}: notebook {notebook} is not in the session"
        by_section = code_cells_by_section(notebook_path(notebook))
        assert section in by_section, f"live cell {row[0]}: no heading '## {section}' in {notebook}"
        assert start, f"live cell {row[0]}: no first words given"
        assert any(source.startswith(start) for source in by_section[section]), (
            f"live cell {row[0]}: no code cell starting {start!r} under '## {section}'"
        )
