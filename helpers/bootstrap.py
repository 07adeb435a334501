"""Find the course's files from a notebook, locally or on Google Colab.

The body of :func:`find_course_root` is copied verbatim into the set-up cell of
every notebook by ``tools/stamp_notebooks.py`` (a notebook cannot import this
module before it has found it). Edit it here, then run ``make stamp``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def find_course_root(repository_url: str, branch: str = "main") -> Path:
    """Return the folder that holds ``helpers/`` and ``figures/``.

    Looks in the working directory and its parents (a local clone, started
    from the repo root or from ``notebooks/``). On Colab, where a notebook
    is opened alone, it clones the course once into the working directory.
    """
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "helpers" / "__init__.py").is_file():
            return folder
    if "google.colab" not in sys.modules:
        raise FileNotFoundError(
            "Cannot find the course's helpers/ folder above " + str(here) + ". "
            "Open the notebook from a clone of the course (run `make lab` in it), "
            "or open it in Colab with the badge at the top."
        )
    clone = here / repository_url.rstrip("/").rsplit("/", 1)[-1]
    if not (clone / "helpers" / "__init__.py").is_file():
        try:
            subprocess.run(
                ["git", "clone", "--quiet", "--depth", "1", "--branch", branch,
                 repository_url, str(clone)],
                check=True,
            )
        except subprocess.CalledProcessError:
            raise RuntimeError(
                "Could not download the course from " + repository_url + " (branch "
                + branch + "). Check the runtime is online. If this copy of the course "
                "was published elsewhere, its [tool.course] repository setting in "
                "pyproject.toml must name that place (then run `make stamp`)."
            ) from None
    return clone
