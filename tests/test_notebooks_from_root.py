"""Each notebook also starts with the repo root as its working directory.

nbval runs every notebook in full from notebooks/ (JupyterLab's and nbval's working
directory); a learner who starts Jupyter at the repo root, or Colab, runs it from
elsewhere. What depends on the working directory is the set-up cell (it finds helpers/)
and the helpers that read the course's files (``page``, ``show_model``, ``COURSE_ROOT``):
each notebook runs from the root up to its first cell that uses one of them, and must
leave nothing behind. The cells after it are run by nbval only; a static test below
makes sure no code cell but the set-up cell names a relative path. Each run is bounded
by execute_notebooks.CELL_TIMEOUT per cell and NOTEBOOK_TIMEOUT in all.
"""

from __future__ import annotations

import re

import execute_notebooks
import nbformat
import pytest
import stamp_notebooks
from conftest import ROOT

FILES = [e.file for e in stamp_notebooks.load_course().entries]
# A cell that uses a helper which reads the course's files.
READS_COURSE_FILES = re.compile(r"\b(page|show_model)\(|\bCOURSE_ROOT\b")
# A string literal that names a path relative to the working directory.
RELATIVE_PATH = re.compile(r"""["'](\.\.?/|(data|figures|notebooks|helpers|lecture)/)""")


def first_cells(nb) -> list:
    """The cells up to the set-up cell's first code cell that reads the course's files
    (or, if none does, the first code cell after the set-up cell)."""
    cells = nb.cells
    setup = next(i for i, cell in enumerate(cells) if cell.get("id") == stamp_notebooks.SETUP_ID)
    code = [i for i, cell in enumerate(cells) if i > setup and cell.cell_type == "code"]
    reading = [i for i in code if READS_COURSE_FILES.search(cells[i].source)]
    last = reading[0] if reading else (code[0] if code else setup)
    return cells[: last + 1]


@pytest.mark.slow
@pytest.mark.parametrize("name", FILES)
def test_starts_from_repo_root(name):
    path = ROOT / "notebooks" / name
    if not path.exists():
        pytest.fail(f"{name} is missing")
    nb = nbformat.read(path, as_version=4)
    nb.cells = first_cells(nb)
    assert any(READS_COURSE_FILES.search(c.source) for c in nb.cells if c.cell_type == "code")
    before = {p.name for p in ROOT.iterdir()}
    execute_notebooks.run_notebook(nb, ROOT, name)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    # A notebook must not litter the folder it runs in (plot_model's model.png, say).
    assert {p.name for p in ROOT.iterdir()} - before == set()


@pytest.mark.parametrize("name", FILES)
def test_only_the_setup_cell_names_a_relative_path(name):
    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.get("id") != stamp_notebooks.SETUP_ID:
            match = RELATIVE_PATH.search(cell.source)
            assert not match, f"{name}: a cell names a relative path {match.group(0)!r}; use COURSE_ROOT"


def test_first_cells_stop_at_the_first_cell_that_reads_course_files():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# T"), nbformat.v4.new_code_cell("setup"),
                nbformat.v4.new_code_cell("import x"), nbformat.v4.new_code_cell("page(1)"),
                nbformat.v4.new_code_cell("later")]
    nb.cells[1]["id"] = stamp_notebooks.SETUP_ID
    assert [c.source for c in first_cells(nb)] == ["# T", "setup", "import x", "page(1)"]
