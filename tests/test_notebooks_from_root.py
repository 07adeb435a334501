"""Each notebook also runs with the repo root as its working directory.

nbval runs notebooks from notebooks/; a learner who starts Jupyter at the repo
root runs them from there. Both must work (helpers and figures are found
relative to the package, not the working directory). Each run is bounded by
execute_notebooks.CELL_TIMEOUT per cell and NOTEBOOK_TIMEOUT in all.
"""

from __future__ import annotations

import execute_notebooks
import nbformat
import pytest
import stamp_notebooks
from conftest import ROOT

FILES = [e.file for e in stamp_notebooks.load_course().entries]


@pytest.mark.slow
@pytest.mark.parametrize("name", FILES)
def test_runs_from_repo_root(name):
    path = ROOT / "notebooks" / name
    if not path.exists():
        pytest.fail(f"{name} is missing")
    nb = nbformat.read(path, as_version=4)
    before = {p.name for p in ROOT.iterdir()}
    execute_notebooks.run_notebook(nb, ROOT, name)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    # A notebook must not litter the folder it runs in (plot_model's model.png, say).
    assert {p.name for p in ROOT.iterdir()} - before == set()
