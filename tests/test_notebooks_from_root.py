"""Each notebook also runs with the repo root as its working directory.

nbval runs notebooks from notebooks/; a learner who starts Jupyter at the repo
root runs them from there. Both must work (helpers and figures are found
relative to the package, not the working directory).
"""

from __future__ import annotations

import nbformat
import pytest
import stamp_notebooks
from conftest import ROOT
from nbclient import NotebookClient

FILES = [e.file for e in stamp_notebooks.load_course().entries]


@pytest.mark.slow
@pytest.mark.parametrize("name", FILES)
def test_runs_from_repo_root(name, tmp_path):
    path = ROOT / "notebooks" / name
    if not path.exists():
        pytest.fail(f"{name} is missing")
    nb = nbformat.read(path, as_version=4)
    before = {p.name for p in ROOT.iterdir()}
    NotebookClient(nb, timeout=900, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT)}}).execute()
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    # A notebook must not litter the folder it runs in (plot_model's model.png, say).
    assert {p.name for p in ROOT.iterdir()} - before == set()
