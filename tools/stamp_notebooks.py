"""Stamp the shared parts of every notebook, and the README's notebook list.

Each notebook listed in pyproject.toml ([tool.course]) gets:
  * a header cell: title, one-line purpose, Open-in-Colab badge, navigation;
  * the set-up cell (works from the repo root, from notebooks/ and on Colab);
  * a footer cell with the same navigation;
  * clean metadata: kernelspec python3, no editor or timing keys;
  * slide types for lecture mode (tools/slide_layout.py).
The README gets the table of notebooks between its two marker comments.

The script is idempotent: it finds its own cells by their ids and replaces
them, so a second run changes nothing. `--check` changes no file and exits 1
when a file is out of date (tests/test_notebook_hygiene.py runs it).

    python tools/stamp_notebooks.py          # rewrite what is out of date
    python tools/stamp_notebooks.py --check  # report only
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
# Notebooks outside the table of contents: they get the set-up cell and clean
# metadata, but no header, footer or slides.
EXTRA_NOTEBOOKS = (ROOT / "lecture" / "model_answers.ipynb",)
README = ROOT / "README.md"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from slide_layout import assign_slide_types  # noqa: E402

HEADER_ID, SETUP_ID, FOOTER_ID = "course-header", "course-setup", "course-footer"
README_START = "<!-- notebooks:start (written by tools/stamp_notebooks.py) -->"
README_END = "<!-- notebooks:end -->"
BADGE = "https://colab.research.google.com/assets/colab-badge.svg"
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
# Cell metadata worth keeping: nbval tags, JupyterLab's collapsed/hidden flags, the slide
# types (written here, by slide_layout) and a plot's alt text for the book (mystnb).
CELL_METADATA_KEPT = {"tags", "jupyter", "slideshow", "mystnb"}


@dataclass(frozen=True)
class Entry:
    number: str
    file: str
    title: str
    purpose: str

    @property
    def label(self) -> str:
        return f"{self.number} · {self.title}"


@dataclass(frozen=True)
class Course:
    repository: str
    branch: str
    entries: tuple[Entry, ...]

    @property
    def repository_url(self) -> str:
        return f"https://github.com/{self.repository}"

    def colab_url(self, entry: Entry) -> str:
        return (
            f"https://colab.research.google.com/github/{self.repository}"
            f"/blob/{self.branch}/notebooks/{entry.file}"
        )


def load_course(pyproject: Path = ROOT / "pyproject.toml") -> Course:
    """Read [tool.course] and check that it is well formed."""
    config = tomllib.loads(pyproject.read_text())["tool"]["course"]
    repository = config["repository"]
    if repository.count("/") != 1:
        raise ValueError(f"[tool.course] repository must be 'owner/name', got {repository!r}")
    entries = []
    for item in config["notebooks"]:
        number = item["file"].split("_", 1)[0]
        if not (len(number) == 2 and number.isdigit()):
            raise ValueError(f"notebook file must start with a two-digit number: {item['file']}")
        entries.append(Entry(number, item["file"], item["title"], item["purpose"]))
    if [e.file for e in entries] != sorted(e.file for e in entries):
        raise ValueError("[tool.course] notebooks must be listed in file-name order")
    return Course(repository, config.get("branch", "main"), tuple(entries))


def navigation(course: Course, index: int) -> str:
    entries = course.entries
    parts = []
    if index > 0:
        previous = entries[index - 1]
        parts.append(f"[← {previous.label}]({previous.file})")
    parts.append("[Contents](../README.md#the-notebooks)")
    if index + 1 < len(entries):
        following = entries[index + 1]
        parts.append(f"[{following.label} →]({following.file})")
    return " | ".join(parts)


def header_source(course: Course, index: int) -> str:
    entry = course.entries[index]
    return "\n".join(
        [
            f"# {entry.label}",
            "",
            f"*{entry.purpose}*",
            "",
            f'<a href="{course.colab_url(entry)}" target="_parent">'
            f'<img src="{BADGE}" alt="Open In Colab"/></a>',
            "",
            navigation(course, index),
        ]
    )


def footer_source(course: Course, index: int) -> str:
    return "\n".join(["---", "", navigation(course, index)])


def setup_source(course: Course) -> str:
    """The set-up cell: find helpers/ (on Colab: clone the course once), then ``setup_notebook()``.

    Locally the kernel runs in notebooks/ (or the repo root), so helpers/ is in
    ``..`` (or ``.``). On Colab a notebook is opened alone: the cell clones the
    course next to it, unless an earlier run did (a clone cut short, without
    helpers/, is removed first), and moves into its notebooks/ folder, so that
    both cases look the same. Every error message after that comes from helpers.
    """
    folder = course.repository.split("/")[1]
    branch = "" if course.branch == "main" else f"-b {course.branch} "  # main: the remote's default
    clone = f"git clone --depth=1 {branch}{course.repository_url} $d)"
    return "\n".join(
        [
            "import os, subprocess, sys  # set-up, run first: on Colab it downloads the course once",
            'if "google.colab" in sys.modules and not os.path.isdir("../helpers"):',
            f'    print(subprocess.getoutput("d={folder}; test -d $d/helpers || (rm -rf $d; "',
            f'        "{clone}"))',
            f'    os.chdir("{folder}/notebooks")  # if this fails, the message above says why',
            'sys.path.insert(0, os.path.abspath(".." if os.path.isdir("../helpers") else "."))',
            "from helpers import COURSE_ROOT, setup_notebook",
            "setup_notebook()  # quiet TensorFlow, check versions, seed, set the plot style",
        ]
    )


def _place(cells: list, cell_id: str, new_cell, position: int) -> None:
    """Replace the cell with ``cell_id`` (keeping its outputs) or insert it at ``position``."""
    for i, cell in enumerate(cells):
        if cell.get("id") == cell_id:
            if cell.cell_type == new_cell.cell_type == "code":
                new_cell.outputs = cell.outputs
                new_cell.execution_count = cell.execution_count
            cells[i] = new_cell
            return
    cells.insert(len(cells) if position < 0 else position, new_cell)


def clean_metadata(nb) -> None:
    """Keep only the notebook and cell metadata the course wants stored."""
    language = nb.metadata.get("language_info", {})
    nb.metadata = nbformat.from_dict(
        {"kernelspec": KERNELSPEC, "language_info": {"name": language.get("name", "python")}}
    )
    for cell in nb.cells:
        cell.metadata = nbformat.from_dict(
            {k: v for k, v in cell.metadata.items() if k in CELL_METADATA_KEPT}
        )


def stamp(nb, course: Course, index: int):
    """Return ``nb`` with header, set-up cell, footer and metadata up to date."""
    header = nbformat.v4.new_markdown_cell(header_source(course, index), id=HEADER_ID)
    setup = nbformat.v4.new_code_cell(setup_source(course), id=SETUP_ID)
    footer = nbformat.v4.new_markdown_cell(footer_source(course, index), id=FOOTER_ID)
    _place(nb.cells, HEADER_ID, header, 0)
    _place(nb.cells, SETUP_ID, setup, 1)
    _place(nb.cells, FOOTER_ID, footer, -1)
    # The footer always closes the notebook, even after cells were added below it.
    nb.cells = [c for c in nb.cells if c.get("id") != FOOTER_ID] + [footer]
    clean_metadata(nb)
    assign_slide_types(nb.cells, skip_ids={SETUP_ID, FOOTER_ID})
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb


def stamp_extra(nb, course: Course):
    """Return ``nb`` (a notebook outside the course table) with its set-up cell and clean metadata."""
    _place(nb.cells, SETUP_ID, nbformat.v4.new_code_cell(setup_source(course), id=SETUP_ID), 1)
    clean_metadata(nb)
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb


def stamp_any(nb, course: Course, path: Path):
    """Stamp ``nb`` as the notebook at ``path`` is stamped: a course notebook or an extra one."""
    files = [entry.file for entry in course.entries]
    if path.parent.resolve() == NOTEBOOKS.resolve() and path.name in files:
        return stamp(nb, course, files.index(path.name))
    return stamp_extra(nb, course)


def readme_table(course: Course) -> str:
    rows = ["| # | Notebook | What you will learn | Colab |", "|---|---|---|---|"]
    for entry in course.entries:
        rows.append(
            f"| {entry.number} | [{entry.title}](notebooks/{entry.file}) | {entry.purpose} "
            f'| [![Open In Colab]({BADGE})]({course.colab_url(entry)}) |'
        )
    return "\n".join([README_START, *rows, README_END])


def stamp_readme(text: str, course: Course) -> str:
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        raise ValueError(f"README.md lacks the markers {README_START!r} ... {README_END!r}")
    return text[:start] + readme_table(course) + text[end + len(README_END):]


def serialise(nb) -> str:
    return nbformat.writes(nb) + "\n"


def run(check: bool) -> list[str]:
    """Stamp (or, with ``check``, only compare) every file; return those out of date."""
    course = load_course()
    stale = []
    for path in [NOTEBOOKS / entry.file for entry in course.entries] + list(EXTRA_NOTEBOOKS):
        if not path.exists():
            continue  # tests/test_notebook_hygiene.py reports missing notebooks
        before = path.read_text()
        after = serialise(stamp_any(nbformat.reads(before, as_version=4), course, path))
        if after != before:
            stale.append(str(path.relative_to(ROOT)))
            if not check:
                path.write_text(after)
    before = README.read_text()
    after = stamp_readme(before, course)
    if after != before:
        stale.append("README.md")
        if not check:
            README.write_text(after)
    return stale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    args = parser.parse_args()
    stale = run(check=args.check)
    verb = "out of date" if args.check else "stamped"
    for name in stale:
        print(f"{verb}: {name}")
    if args.check and stale:
        print("Run `make stamp` to update them.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
