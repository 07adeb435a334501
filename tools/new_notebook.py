"""Add a notebook to the course with every file the tests require (`make new-notebook`).

    python tools/new_notebook.py 09_topic "The title" "One line: what it teaches."

It writes, and changes nothing that exists already:

* ``notebooks/09_topic.ipynb``: a skeleton (one section, one exercise, ``Going further``);
* ``helpers/exercises/nb09.py``: its exercise check, in the ``exercise`` decorator style,
  with its ``WRONG_ANSWERS`` table;
* ``tests/test_exercises_nb09.py``: the check's tests;

and appends:

* the notebook to ``[tool.course]`` in pyproject.toml;
* a section to lecture/model_answers.ipynb that answers the exercise;
* a session stub to the lecture plan, lecture/README.md.

Then it stamps every notebook and the README (tools/stamp_notebooks.py) and runs the new
notebook, so its stored outputs are a fresh run. README.md ("Adding a notebook") lists
what a maintainer edits next.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import execute_notebooks  # noqa: E402
import stamp_notebooks  # noqa: E402

NAME = re.compile(r"(\d\d)_[a-z0-9_]+")

MODULE = '''"""Answer checks for the exercises of notebooks/{name}.ipynb.

Every exercise cell is a function the learner fills in, passed to its check::

    def example_count():
        return ...  # your answer: an int

    ex.check_example_count(example_count)

Each ``check_...`` prints a one-line verdict (with a hint when the answer is
wrong) and returns a Verdict (truthy when right); see helpers/exercises/__init__.py.
"""

from __future__ import annotations

from typing import Any

from helpers.exercises import Verdict, as_int, exercise, feedback

# Exercise 1: replace with the exercise's own data.
_EXPECTED = 42


@exercise(1, read=as_int, expects="a whole number (an int)")
def check_example_count(count: int) -> Verdict:
    """Exercise 1: replace with what the exercise asks."""
    if count == _EXPECTED:
        return feedback(True, "replace with why the answer is right.")
    if count == _EXPECTED - 1:
        return feedback(False, "off by one: replace with a hint for this slip.")
    return feedback(False, "replace with a hint that points at the method, not the answer.")


# Wrong answers the notebook invites, as each check's arguments (see helpers.exercises).
WRONG_ANSWERS: dict[str, list[tuple[Any, ...]]] = {{
    "check_example_count": [(_EXPECTED - 1,), (0,)],
}}
'''

TEST = '''"""The answer checks of notebook {number}: right answers pass, wrong ones get a hint."""

from __future__ import annotations

import pytest

from helpers.exercises import {module} as ex


def test_example_count(capsys):
    def example_count():  # the model answer
        return 42

    assert ex.check_example_count(example_count)
    assert ex.check_example_count(42.0)
    capsys.readouterr()
    assert not ex.check_example_count(41)
    assert "off by one" in capsys.readouterr().out


@pytest.mark.parametrize("placeholder", [None, ..., lambda: ...])
def test_placeholder_gets_a_reminder(placeholder, capsys):
    assert not ex.check_example_count(placeholder)
    assert "Exercise 1: replace the placeholder" in capsys.readouterr().out
'''

EXERCISE_CELL = '''from helpers.exercises import {module} as ex


def example_count():
    return ...  # your answer: an int


ex.check_example_count(example_count)'''

ANSWER_CELL = '''from helpers.exercises import {module} as ex


def example_count():
    return 42


ex.check_example_count(example_count)'''

SESSION = '''
## Session {session} · {title} ({number})

Goal: replace with what the room can do after this session. (Stub written by
`make new-notebook`: merge it into the sessions above, or plan a new one.)

| # | Part | Notebook | Sections | Minutes |
|---|---|---|---|---|
| 1 | {title} | {number} | 1, Summary | 80 |
'''


def skeleton(module: str) -> nbformat.NotebookNode:
    """The notebook's own cells; the header, set-up cell and footer come from the stamp."""
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        md("## 1. First section\n\nReplace with the lesson: define each term before using it."),
        code('print("replace with the lesson\'s first cell")'),
        md("## Exercises\n\n**Exercise 1.** Replace with the question; the answer is a whole number."),
        code(EXERCISE_CELL.format(module=module)),
        md("## Going further\n\nReplace with reference material beyond the main path."),
    ]
    return nb


def add_to_pyproject(text: str, file: str, title: str, purpose: str) -> str:
    """``text`` of pyproject.toml with one more ``[[tool.course.notebooks]]`` after the last."""
    entry = (f'\n[[tool.course.notebooks]]\nfile = "{file}"\ntitle = {json.dumps(title, ensure_ascii=False)}\n'
             f"purpose = {json.dumps(purpose, ensure_ascii=False)}\n")
    last = text.rindex("[[tool.course.notebooks]]")
    end = text.index("\n\n", last) + 1
    return text[:end] + entry + text[end:]


def add_model_answer(path: Path, number: str, title: str, module: str) -> None:
    nb = nbformat.read(path, as_version=4)
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    nb.cells += [md(f"## {number} · {title}"), code(ANSWER_CELL.format(module=module))]
    nbformat.write(nb, path)


def add_session(path: Path, number: str, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    sessions = [int(n) for n in re.findall(r"^## Session (\d+)\b", text, flags=re.MULTILINE)]
    stub = SESSION.format(session=max(sessions, default=0) + 1, title=title, number=number)
    after = re.search(r"^## (?!Session)(?!Before).*", text[text.rfind("## Session"):], flags=re.MULTILINE)
    at = text.rfind("## Session") + after.start() if after else len(text)
    path.write_text(text[:at].rstrip("\n") + "\n" + stub + "\n" + text[at:], encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 3 or not NAME.fullmatch(argv[0]) or not argv[1].strip() or not argv[2].strip():
        print('usage: python tools/new_notebook.py 09_topic "The title" "One line: what it teaches."',
              file=sys.stderr)
        return 2
    name, title, purpose = argv[0], argv[1].strip(), argv[2].strip()
    number = NAME.fullmatch(name).group(1)
    module = f"nb{number}"
    created = {
        ROOT / "notebooks" / f"{name}.ipynb": None,
        ROOT / "helpers" / "exercises" / f"{module}.py": MODULE.format(name=name),
        ROOT / "tests" / f"test_exercises_{module}.py": TEST.format(number=number, module=module),
    }
    existing = [p for p in created if p.exists()] + list((ROOT / "notebooks").glob(f"{number}_*.ipynb"))
    if existing:
        print(f"not written: {existing[0].relative_to(ROOT)} exists already", file=sys.stderr)
        return 1
    for path, text in created.items():
        if text is None:
            nbformat.write(skeleton(module), path)
        else:
            path.write_text(text, encoding="utf-8")
    pyproject = ROOT / "pyproject.toml"
    pyproject.write_text(add_to_pyproject(pyproject.read_text(), f"{name}.ipynb", title, purpose))
    add_model_answer(ROOT / "lecture" / "model_answers.ipynb", number, title, module)
    add_session(ROOT / "lecture" / "README.md", number, title)
    stamp_notebooks.run(check=False)
    execute_notebooks.execute(ROOT / "notebooks" / f"{name}.ipynb")
    for path in [*created, pyproject, ROOT / "lecture" / "model_answers.ipynb", ROOT / "lecture" / "README.md"]:
        print(f"wrote {path.relative_to(ROOT)}")
    print("Next: README.md, 'Adding a notebook', says what to edit.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
