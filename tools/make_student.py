"""Build the student version of the course: `make student` (teachers: README.md, "Homework").

Writes build/student/, a tree ready to publish as its own repository:

  * notebooks/ restamped (tools/stamp_notebooks.py) for the student repository: the Colab
    badges and the Colab set-up cell point at it, so a student's runtime clones it and never
    the course repository, which holds the model answers;
  * helpers/, figures/, data/, pyproject.toml (the same repository substitution),
    requirements.txt and the Makefile, so that `make lab` works in a clone;
  * homework/sessionN.ipynb: each assignment as nbgrader releases it (`nbgrader
    generate_assignment`, run in the course directory homework/): no solution code, no hidden
    tests, no wrong answers kept for the grading test, plus a Colab badge;
  * a README for students.

Left out: lecture/ (the model answers), tests/ (they hold the checks' answers), tools/,
benchmarks/ and homework/source/. Before it finishes, the script searches the tree for the
model answers' code, the solutions, the hidden tests and the course repository's name, and
fails if it finds any (tests/test_homework.py runs the same search).

    python tools/make_student.py                          # student repository: OWNER/NAME-student
    python tools/make_student.py --repository my-org/lstm-homework --out build/student

nbgrader is found next to this Python (.venv/bin); the course directory homework/ keeps
nbgrader's release/ and gradebook.db, which grading needs later (both are git-ignored).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from stamp_notebooks import BADGE, load_course, readme_table, serialise, stamp  # noqa: E402

COURSE_DIR = ROOT / "homework"  # nbgrader's course directory: source/<assignment>/<assignment>.ipynb
MODEL_ANSWERS = ROOT / "lecture" / "model_answers.ipynb"
# Copied as they are (the text files among them get the repository substitution).
COPIED = ("helpers", "figures", "data", "pyproject.toml", "requirements.txt", "Makefile")
# nbgrader's markers in the master notebooks.
SOLUTION = ("### BEGIN SOLUTION", "### END SOLUTION")
HIDDEN = ("### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS")
# Cell metadata of the master notebooks that only the grading test uses.
PRIVATE_METADATA = "homework"
# How long nbgrader may take to release one assignment (it runs no student code).
RELEASE_TIMEOUT = 300
# Lines shorter than this (`return steps`, `else:`) say nothing about an answer.
MIN_LINE = 8


def assignments(course_dir: Path = COURSE_DIR) -> list[str]:
    """The assignments, in order: every source/NAME/NAME.ipynb of the course directory."""
    source = course_dir / "source"
    return sorted(p.name for p in source.iterdir() if (p / f"{p.name}.ipynb").is_file())


def nbgrader_command() -> list[str]:
    """nbgrader from this Python's environment (its alembic must be on PATH too)."""
    return [str(Path(sys.executable).parent / "nbgrader")]


def nbgrader_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def release(course_dir: Path) -> dict[str, Path]:
    """Run ``nbgrader generate_assignment`` on every assignment at once (one nbgrader start);
    return each assignment's released notebook, keyed by its name."""
    command = [*nbgrader_command(), "generate_assignment", "*", "--force"]
    try:
        done = subprocess.run(command, cwd=course_dir, env=nbgrader_env(), capture_output=True,
                              text=True, timeout=RELEASE_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"nbgrader generate_assignment took over {RELEASE_TIMEOUT} s") from None
    released = {name: course_dir / "release" / name / f"{name}.ipynb" for name in assignments(course_dir)}
    missing = [name for name, path in released.items() if not path.is_file()]
    if done.returncode != 0 or missing:
        raise RuntimeError(f"nbgrader generate_assignment failed (not released: {', '.join(missing) or 'none'}):\n"
                           f"{done.stdout}{done.stderr}")
    return released


def student_notebook(released: Path, colab_url: str):
    """The released notebook without private metadata, with a Colab badge under its title."""
    nb = nbformat.read(released, as_version=4)
    for cell in nb.cells:
        cell.metadata.pop(PRIVATE_METADATA, None)
    badge = f'<a href="{colab_url}" target="_parent"><img src="{BADGE}" alt="Open In Colab"/></a>'
    title = nb.cells[0]
    if badge not in title.source:
        title.source = title.source.rstrip() + "\n\n" + badge
    return nb


def substitute_repository(text: str, course_repo: str, student_repo: str) -> str:
    """Every mention of the course repository (owner/name, or its name alone) made the student one."""
    owner, name = course_repo.split("/")
    student_name = student_repo.split("/")[1]
    pattern = re.compile(re.escape(course_repo) + "|" + re.escape(name))
    return pattern.sub(lambda m: student_repo if m.group(0) == course_repo else student_name, text)


def student_readme(course, assignment_names: list[str], titles: dict[str, str]) -> str:
    colab = f"https://colab.research.google.com/github/{course.repository}/blob/{course.branch}"
    rows = ["| Homework | File | Colab |", "|---|---|---|"]
    for name in assignment_names:
        rows.append(f"| [{titles[name]}](homework/{name}.ipynb) | `homework/{name}.ipynb` "
                    f"| [![Open In Colab]({BADGE})]({colab}/homework/{name}.ipynb) |")
    return "\n".join([
        "# From RNNs to LSTMs (student version)",
        "",
        "A short course in Jupyter notebooks, from recurrent neural networks to LSTM",
        "forecasters in TensorFlow/Keras, with graded homework. Open a notebook in Google Colab",
        "with its badge (its first code cell fetches the rest of the course into the runtime),",
        "or clone this repository and run `make lab` (Python 3.11 or newer).",
        "",
        "## The notebooks",
        "",
        readme_table(course),
        "",
        "Each notebook ends with exercises that check themselves.",
        "",
        "## Homework",
        "",
        "One assignment per lecture session. Open it (Colab badge or `homework/`), write each",
        "function where it says `# YOUR CODE HERE`, run the test cell under it, then restart and",
        "run all cells, download the `.ipynb` file and hand it in as your teacher asks. Grading",
        "runs more tests than the ones you see, and a cell that runs longer than 30 seconds",
        "scores nothing.",
        "",
        *rows,
        "",
    ])


# ---------------------------------------------------------------------------------------------
# The search for answers in the built tree (also used by tests/test_homework.py).


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        if value and all(isinstance(item, str) for item in value):
            yield "".join(value)  # a notebook's multi-line source
        else:
            for item in value:
                yield from _strings(item)


def tree_texts(folder: Path) -> Iterator[tuple[Path, str]]:
    """Every text file under ``folder``; a notebook as the text of all its strings (unescaped)."""
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # images
        if path.suffix == ".ipynb":
            text = "\n".join(_strings(json.loads(text)))
        yield path, text


def _marked_lines(source: str, markers: tuple[str, str]) -> list[str]:
    lines, inside = [], False
    for line in source.splitlines():
        stripped = line.strip()
        if stripped == markers[0]:
            inside = True
        elif stripped == markers[1]:
            inside = False
        elif inside and len(stripped) >= MIN_LINE:
            lines.append(stripped)
    return lines


def _code_lines(path: Path) -> set[str]:
    nb = nbformat.read(path, as_version=4)
    return {line.strip() for cell in nb.cells if cell.cell_type == "code"
            for line in cell.source.splitlines() if len(line.strip()) >= MIN_LINE}


def course_text(root: Path = ROOT) -> str:
    """All that the course itself shows every learner: its notebooks and its helpers."""
    texts = [text for _, text in tree_texts(root / "notebooks")]
    texts += [path.read_text() for path in sorted((root / "helpers").rglob("*.py"))]
    return "\n".join(texts)


def secrets(root: Path = ROOT, course_dir: Path = COURSE_DIR) -> dict[str, set[str]]:
    """What a student version must not hold, by kind: lines of code, stripped.

    * hidden test: every line between the hidden-test markers of the master notebooks;
    * solution: every line between their solution markers;
    * model answer: every code line of lecture/model_answers.ipynb.

    Lines that the course's own notebooks or helpers show anyway are left out (notebook 01
    teaches the loop of a forward pass, and the model answers rebuild the notebooks' data).
    :func:`find_leaks` also looks for links to the course repository.
    """
    shown = course_text(root)
    hidden: set[str] = set()
    solutions: set[str] = set()
    for name in assignments(course_dir):
        nb = nbformat.read(course_dir / "source" / name / f"{name}.ipynb", as_version=4)
        for cell in nb.cells:
            hidden |= set(_marked_lines(cell.source, HIDDEN))
            solutions |= set(_marked_lines(cell.source, SOLUTION))
    answers = _code_lines(root / MODEL_ANSWERS.relative_to(ROOT))
    kinds = {"hidden test": hidden, "solution": solutions, "model answer": answers}
    return {kind: {line for line in lines if line not in shown} for kind, lines in kinds.items()}


def find_leaks(folder: Path, root: Path = ROOT, course_dir: Path = COURSE_DIR) -> list[str]:
    """Every place in ``folder`` that holds a secret (see :func:`secrets`), as readable lines."""
    found = []
    kinds = secrets(root, course_dir)
    # The course repository, but not a student repository named after it (NAME-student).
    repository = load_course(root / "pyproject.toml").repository
    course_link = re.compile(re.escape(repository) + r"(?![\w-])")
    for path, text in tree_texts(folder):
        if course_link.search(text):
            found.append(f"{path.relative_to(folder)}: a link to the course repository {repository}")
        for kind, lines in kinds.items():
            for line in sorted(lines):
                if line in text:
                    found.append(f"{path.relative_to(folder)}: {kind}: {line}")
        if "model_answers" in path.name or "source" in path.relative_to(folder).parts:
            found.append(f"{path.relative_to(folder)}: a file that must not be published")
    return found


# ---------------------------------------------------------------------------------------------


def build(out: Path, student_repo: str, branch: str = "main", course_dir: Path = COURSE_DIR) -> list[str]:
    """Write the student tree into ``out`` (emptied first); return the assignments released.

    Raises:
        ValueError: ``student_repo`` is not ``owner/name`` or is the course repository, or
            ``out`` is the course folder, one above it, or a git repository.
    """
    if student_repo.count("/") != 1:
        raise ValueError(f"repository must be 'owner/name', got {student_repo!r}")
    course = load_course(ROOT / "pyproject.toml")
    if student_repo == course.repository:
        raise ValueError("the student repository must not be the course repository (it has the answers)")
    student = dataclasses.replace(course, repository=student_repo, branch=branch)
    if out.resolve() in (ROOT, *ROOT.parents) or (out / ".git").exists():
        raise ValueError(f"out must be a folder of its own, not a repository: {out} would be emptied")
    if out.exists():
        shutil.rmtree(out)
    (out / "notebooks").mkdir(parents=True)
    for index, entry in enumerate(course.entries):
        nb = nbformat.read(ROOT / "notebooks" / entry.file, as_version=4)
        (out / "notebooks" / entry.file).write_text(serialise(stamp(nb, student, index)))
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, out / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, out / name)
    for path in [out / "pyproject.toml", *(out / "helpers").rglob("*.py")]:
        text = path.read_text()
        path.write_text(substitute_repository(text, course.repository, student_repo))

    names = assignments(course_dir)
    (out / "homework").mkdir()
    titles = {}
    colab = f"https://colab.research.google.com/github/{student_repo}/blob/{branch}/homework"
    for name, released in release(course_dir).items():
        nb = student_notebook(released, f"{colab}/{name}.ipynb")
        titles[name] = nb.cells[0].source.splitlines()[0].lstrip("# ").strip()
        nbformat.write(nb, out / "homework" / f"{name}.ipynb")
    (out / "README.md").write_text(student_readme(student, names, titles))
    return names


def main() -> int:
    course = load_course(ROOT / "pyproject.toml")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repository", default=f"{course.repository}-student",
                        help="owner/name of the student repository (default: %(default)s)")
    parser.add_argument("--branch", default="main", help="its branch (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "student",
                        help="where to write it (emptied first; default: build/student)")
    args = parser.parse_args()
    names = build(args.out, args.repository, args.branch)
    leaks = find_leaks(args.out)
    if leaks:
        print("The student version holds answers; nothing may be published:", *leaks, sep="\n  ")
        return 1
    print(f"Student version for github.com/{args.repository} written to {args.out}")
    print(f"Assignments: {', '.join(names)} (nbgrader's copies: homework/release/)")
    print("Checked: no model answer, solution, hidden test or link to the course repository.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
