"""Each notebook also starts with the repo root as its working directory.

nbval runs every notebook in full from notebooks/ (JupyterLab's and nbval's working
directory); a learner who starts Jupyter at the repo root, or Colab, runs it from
elsewhere. What depends on the working directory is the set-up cell (it finds helpers/)
and the helpers that read the course's files (``page``, ``show_model``, ``COURSE_ROOT``):
each notebook runs from the root up to its first cell that uses one of them, and must
leave nothing behind. The cells after it are run by nbval only; a static test below
makes sure no code cell but the set-up cell names a relative path.

The nine runs share one kernel started at the root, so TensorFlow is imported once.
Before each run, everything the set-up cell finds through the working directory is
undone: the helpers are unimported, the path the set-up cell added is removed, the
working directory is the root again and the user's names are cleared. (nbval's runs,
each in a fresh kernel, are what check that a notebook needs nothing from another.)
Each run is bounded by execute_notebooks.CELL_TIMEOUT per cell and NOTEBOOK_TIMEOUT in all.
"""

from __future__ import annotations

import re

import execute_notebooks
import nbformat
import pytest
import stamp_notebooks
from conftest import ROOT
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync

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


# Undoes what a run from the root leaves in the kernel, so the next set-up cell must find
# helpers/ again: its modules, the path the set-up cell adds, the working directory, names.
FORGET_THE_LAST_RUN = f"""\
import os, sys
for module in [m for m in sys.modules if m.split(".")[0] == "helpers"]:
    del sys.modules[module]
sys.path[:] = [p for p in sys.path if not p or os.path.realpath(p) != {str(ROOT)!r}]
os.chdir({str(ROOT)!r})
get_ipython().run_line_magic("reset", "-f")
"""


@pytest.fixture(scope="module")
def root_kernel():
    """One kernel whose working directory is the repo root."""
    kernel = AsyncKernelManager(kernel_name="python3")
    run_sync(kernel.start_kernel)(cwd=str(ROOT))
    yield kernel
    run_sync(kernel.shutdown_kernel)(now=True)


@pytest.mark.slow
@pytest.mark.parametrize("name", FILES)
def test_starts_from_repo_root(name, root_kernel):
    path = ROOT / "notebooks" / name
    if not path.exists():
        pytest.fail(f"{name} is missing")
    nb = nbformat.read(path, as_version=4)
    nb.cells = [nbformat.v4.new_code_cell(FORGET_THE_LAST_RUN), *first_cells(nb)]
    assert any(READS_COURSE_FILES.search(c.source) for c in nb.cells if c.cell_type == "code")
    before = {p.name for p in ROOT.iterdir()}
    execute_notebooks.run_notebook(nb, ROOT, name, kernel=root_kernel)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    # A notebook must not litter the folder it runs in (plot_model's model.png, say).
    assert {p.name for p in ROOT.iterdir()} - before == set()


@pytest.mark.slow
def test_after_forgetting_the_helpers_are_found_only_through_the_working_directory(root_kernel):
    """The shared kernel hides nothing: once the last run is forgotten, a cell that leaves
    the root cannot import the helpers, however many runs imported them before."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in (
        FORGET_THE_LAST_RUN, "import sys; sys.path.insert(0, '.'); import helpers", FORGET_THE_LAST_RUN,
        "import os; os.chdir('/')", "try:\n    import helpers\nexcept ImportError:\n    print('not found')")]
    execute_notebooks.run_notebook(nb, ROOT, "forget.ipynb", kernel=root_kernel)
    assert [o.get("text") for o in nb.cells[-1].outputs] == ["not found\n"]


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
