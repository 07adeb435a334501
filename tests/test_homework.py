"""The homework: the student version holds no answer, and nbgrader grades fake submissions.

For every assignment in homework/source/ (adding one needs no change here), three fake
submissions are graded offline, as a teacher would (lecture/README.md, "Homework"):

  * all correct: each answer cell holds the master notebook's solution;
  * all wrong: each holds the common mistake stored with it (cell metadata "homework");
  * broken: all correct, except one function that raises and one that never returns
(tools/fake_submissions.py, which teachers may use to try the grading).

They must score full marks, zero, and full marks less those two questions, with the error
(ValueError) and the time-out named in the graded notebook. Every nbgrader run is bounded: a
cell by nbgrader's time-out, the whole run by a wall-clock limit that kills its process group.
"""

from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import make_student  # noqa: E402
from fake_submissions import (  # noqa: E402
    answer_cells,
    broken_questions,
    fake_submission,
    master,
    points_by_question,
    write_fake_submissions,
)

ASSIGNMENTS = make_student.assignments()
STUDENT_REPO = "example-teacher/lstm-homework"
# nbgrader's limit per cell in these runs (homework/nbgrader_config.py has 30 s for teachers):
# the never-ending answer costs this much; a correct cell takes milliseconds.
CELL_TIMEOUT = 5
# A whole `nbgrader autograde` run (3 submissions per assignment) is killed after this many seconds.
RUN_TIMEOUT = 420


def run_nbgrader(course_dir: Path, *args: str, timeout: float = RUN_TIMEOUT) -> float:
    """Run nbgrader in ``course_dir``; kill it (and its kernels) if it outlives ``timeout``.

    Returns the run's wall-clock time in seconds.
    """
    start = time.monotonic()
    process = subprocess.Popen([*make_student.nbgrader_command(), *args], cwd=course_dir,
                               env=make_student.nbgrader_env(), stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"nbgrader {' '.join(args)} ran over {timeout} s and was killed")
    assert process.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{output}"
    return time.monotonic() - start


# ---------------------------------------------------------------------------------------------
# Quick checks of the tools


def test_substitute_repository_replaces_each_mention_once():
    text = "clone https://github.com/org/course; cd course/notebooks; see org/course-extra"
    assert make_student.substitute_repository(text, "org/course", "school/course-student") == (
        "clone https://github.com/school/course-student; cd course-student/notebooks; "
        "see school/course-student-extra")


def test_build_refuses_what_it_must_not_overwrite_or_publish(tmp_path):
    course_repo = make_student.load_course(ROOT / "pyproject.toml").repository
    with pytest.raises(ValueError, match="course repository"):
        make_student.build(tmp_path / "out", course_repo)
    with pytest.raises(ValueError, match="owner/name"):
        make_student.build(tmp_path / "out", "no-slash")
    with pytest.raises(ValueError, match="folder of its own"):
        make_student.build(ROOT, "school/course-student")
    (tmp_path / "clone" / ".git").mkdir(parents=True)
    with pytest.raises(ValueError, match="folder of its own"):
        make_student.build(tmp_path / "clone", "school/course-student")
    assert (tmp_path / "clone" / ".git").is_dir()


def test_fake_submission_needs_a_known_kind_and_a_release(tmp_path):
    with pytest.raises(ValueError, match="kind"):
        fake_submission(ASSIGNMENTS[0], "half-right")
    shutil.copytree(make_student.COURSE_DIR / "source", tmp_path / "source")
    with pytest.raises(FileNotFoundError, match="make student"):
        fake_submission(ASSIGNMENTS[0], "correct", tmp_path)


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> dict[str, Path]:
    """A copy of the course directory homework/, and a student version built from it."""
    base = tmp_path_factory.mktemp("homework")
    course_dir = base / "course"
    course_dir.mkdir()
    shutil.copy2(make_student.COURSE_DIR / "nbgrader_config.py", course_dir)
    shutil.copytree(make_student.COURSE_DIR / "source", course_dir / "source")
    student = base / "student"
    make_student.build(student, STUDENT_REPO, course_dir=course_dir)
    return {"course": course_dir, "student": student}


# ---------------------------------------------------------------------------------------------
# The student version


def test_there_are_assignments_with_hidden_tests_and_points():
    assert ASSIGNMENTS, "homework/source/ holds no assignment"
    for name in ASSIGNMENTS:
        answers, points = answer_cells(name), points_by_question(name)
        assert answers and set(answers) == set(points), f"{name}: every answer needs its test cell"
        assert all(p > 0 for p in points.values())
        for grade_id, cell in answers.items():
            assert make_student.SOLUTION[0] in cell.source, f"{name} {grade_id}: no solution markers"
            assert cell.metadata["homework"]["wrong_answer"].strip(), f"{name} {grade_id}: no wrong answer"
        tests = [c.source for c in master(name).cells if c.metadata.get("nbgrader", {}).get("grade")]
        assert all(make_student.HIDDEN[0] in source for source in tests), f"{name}: a test cell has no hidden tests"


@pytest.mark.slow
def test_student_version_holds_no_answer(course):
    student = course["student"]
    kinds = make_student.secrets(course_dir=course["course"])
    assert all(kinds.values()), f"nothing to look for: {kinds}"  # a search that cannot fail
    assert make_student.find_leaks(student, course_dir=course["course"]) == []
    assert not (student / "lecture").exists() and not (student / "tests").exists()
    for path, text in make_student.tree_texts(student):
        for marker in (*make_student.SOLUTION, *make_student.HIDDEN, "wrong_answer"):
            assert marker not in text, f"{path.relative_to(student)} holds {marker!r}"
    released = sorted(p.name for p in (student / "homework").glob("*.ipynb"))
    assert released == [f"{name}.ipynb" for name in ASSIGNMENTS]


@pytest.mark.slow
def test_the_search_finds_planted_answers(course, tmp_path):
    """The search is not blind: a copy of the model answers and a hidden test are found."""
    shutil.copy2(make_student.MODEL_ANSWERS, tmp_path / "answers_copy.ipynb")
    hidden = sorted(make_student.secrets(course_dir=course["course"])["hidden test"])[0]
    (tmp_path / "notes.py").write_text(f"# {hidden}\n")
    leaks = "\n".join(make_student.find_leaks(tmp_path, course_dir=course["course"]))
    assert "answers_copy.ipynb: model answer" in leaks
    assert f"notes.py: hidden test: {hidden}" in leaks


@pytest.mark.slow
def test_student_version_opens_the_student_repository_on_colab(course):
    student = course["student"]
    setup = nbformat.read(next((student / "notebooks").glob("01_*.ipynb")), as_version=4).cells[1]
    assert f"git clone --depth=1 https://github.com/{STUDENT_REPO} " in setup.source
    readme = (student / "README.md").read_text()
    colab = f"https://colab.research.google.com/github/{STUDENT_REPO}/blob/main/"
    for name in ASSIGNMENTS:
        assert f"{colab}homework/{name}.ipynb" in readme
        title = nbformat.read(student / "homework" / f"{name}.ipynb", as_version=4).cells[0]
        assert f"{colab}homework/{name}.ipynb" in title.source
    assert f"{colab}notebooks/01_" in readme
    assert (student / "pyproject.toml").read_text().count(f'repository = "{STUDENT_REPO}"') == 1


# ---------------------------------------------------------------------------------------------
# Grading three fake submissions per assignment


def error_names(graded: Path) -> dict[str, set[str]]:
    """The names of the errors in each test cell of a graded notebook, keyed by question."""
    nb = nbformat.read(graded, as_version=4)
    names = {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade") and cell.cell_type == "code":
            names[meta["grade_id"].removesuffix("_tests")] = {
                o.get("ename") for o in cell.outputs if o.get("output_type") == "error"}
    return names


@pytest.fixture(scope="module")
def graded(course) -> dict[str, dict[str, dict]]:
    """Three fake submissions per assignment, graded in one nbgrader run and exported in
    another: each assignment's CSV rows, keyed by kind (correct, wrong, broken)."""
    course_dir = course["course"]
    for name in ASSIGNMENTS:
        write_fake_submissions(name, course_dir, prefix=f"{name}-")
    seconds = run_nbgrader(course_dir, "autograde", "*", f"--Execute.timeout={CELL_TIMEOUT}")
    print(f"\nnbgrader autograde, {3 * len(ASSIGNMENTS)} submissions: {seconds:.0f} s")
    run_nbgrader(course_dir, "export", "--to=grades.csv")
    rows: dict[str, dict[str, dict]] = {name: {} for name in ASSIGNMENTS}
    with open(course_dir / "grades.csv", newline="") as file:
        for row in csv.DictReader(file):
            name = row["assignment"]
            if name in rows and row["student_id"].startswith(f"{name}-"):
                rows[name][row["student_id"].removeprefix(f"{name}-")] = row
    return rows


@pytest.mark.slow
@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_grading_three_fake_submissions(course, graded, name):
    course_dir = course["course"]
    rows = graded[name]
    points = points_by_question(name, course_dir)
    full = sum(points.values())
    raises, hangs = broken_questions(name, course_dir)
    assert float(rows["correct"]["score"]) == float(rows["correct"]["max_score"]) == full
    assert float(rows["wrong"]["score"]) == 0
    assert float(rows["broken"]["score"]) == full - points[raises] - points[hangs] > 0

    errors = error_names(course_dir / "autograded" / f"{name}-broken" / name / f"{name}.ipynb")
    assert "ValueError" in errors[raises], errors
    assert "CellTimeoutError" in errors[hangs], errors
    assert not any(errors[q] for q in points if q not in (raises, hangs)), errors
