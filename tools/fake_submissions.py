"""Three fake submissions of an assignment, to try the grading before real ones come in.

    python tools/fake_submissions.py session1     # after `make student`

writes, from nbgrader's release of the assignment (homework/release/, made by `make student`):

  * homework/submitted/fake-correct/session1/session1.ipynb: every answer is the solution;
  * homework/submitted/fake-wrong/...: every answer is the common mistake stored with it
    in the master notebook (cell metadata "homework": {"wrong_answer": ...});
  * homework/submitted/fake-broken/...: all correct, except the first question's function,
    which raises ValueError, and the last one's, which never returns.

Graded (lecture/README.md, "Homework"), they score full marks, zero, and full marks less
those two questions. tests/test_homework.py grades them for every assignment.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_student import COURSE_DIR, SOLUTION, assignments  # noqa: E402

KINDS = ("correct", "wrong", "broken")


def master(name: str, course_dir: Path = COURSE_DIR):
    return nbformat.read(course_dir / "source" / name / f"{name}.ipynb", as_version=4)


def answer_cells(name: str, course_dir: Path = COURSE_DIR) -> dict:
    """The master notebook's answer cells, keyed by their nbgrader id, in order."""
    return {c.metadata["nbgrader"]["grade_id"]: c for c in master(name, course_dir).cells
            if c.metadata.get("nbgrader", {}).get("solution")}


def points_by_question(name: str, course_dir: Path = COURSE_DIR) -> dict[str, float]:
    """Points of each question, keyed by its answer cell's id (its test cell's id less "_tests")."""
    return {c.metadata["nbgrader"]["grade_id"].removesuffix("_tests"): c.metadata["nbgrader"]["points"]
            for c in master(name, course_dir).cells if c.metadata.get("nbgrader", {}).get("grade")}


def broken_questions(name: str, course_dir: Path = COURSE_DIR) -> tuple[str, str]:
    """The questions the broken submission gets wrong: the first raises, the last never returns."""
    ids = list(answer_cells(name, course_dir))
    return ids[0], ids[-1]


def _solution(source: str) -> str:
    return "\n".join(line for line in source.splitlines() if line.strip() not in SOLUTION)


def _signature(source: str) -> str:
    return next(line for line in source.splitlines() if line.startswith("def "))


def fake_submission(name: str, kind: str, course_dir: Path = COURSE_DIR):
    """The released notebook of ``name`` with its answer cells filled in as ``kind`` says."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, got {kind!r}")
    released = course_dir / "release" / name / f"{name}.ipynb"
    if not released.is_file():
        raise FileNotFoundError(f"{released} is missing: run `make student` first")
    nb = nbformat.read(released, as_version=4)
    answers = answer_cells(name, course_dir)
    raises, hangs = broken_questions(name, course_dir)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id not in answers:
            continue
        source = answers[grade_id].source
        if kind == "wrong":
            cell.source = answers[grade_id].metadata["homework"]["wrong_answer"]
        elif kind == "broken" and grade_id == raises:
            cell.source = f'{_signature(source)}\n    raise ValueError("a deliberate mistake")'
        elif kind == "broken" and grade_id == hangs:
            cell.source = f"{_signature(source)}\n    while True:  # never returns\n        pass"
        else:
            cell.source = _solution(source)
    return nb


def write_fake_submissions(name: str, course_dir: Path = COURSE_DIR, prefix: str = "fake-") -> list[Path]:
    """Write the three fake submissions into ``course_dir``/submitted/; return their paths."""
    paths = []
    for kind in KINDS:
        folder = course_dir / "submitted" / f"{prefix}{kind}" / name
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(fake_submission(name, kind, course_dir), folder / f"{name}.ipynb")
        paths.append(folder / f"{name}.ipynb")
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("assignment", choices=assignments())
    args = parser.parse_args()
    for path in write_fake_submissions(args.assignment):
        print(f"written: {path.relative_to(COURSE_DIR.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
