"""Execute notebooks top to bottom in a fresh kernel and store their outputs.

    python tools/execute_notebooks.py                 # every notebook
    python tools/execute_notebooks.py notebooks/05_univariate_lstm_forecasting.ipynb

Runs each notebook with its own folder as the working directory (as Jupyter
and nbval do), then stamps it (header, set-up cell, clean metadata) so the
stored file is exactly what `make test` expects. Prints each run's time.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import stamp_notebooks  # noqa: E402


def execute(path: Path, timeout: int = 900) -> float:
    """Run ``path`` in place; return the wall time in seconds."""
    course = stamp_notebooks.load_course()
    index = [e.file for e in course.entries].index(path.name)
    nb = stamp_notebooks.stamp(nbformat.read(path, as_version=4), course, index)
    start = time.perf_counter()
    NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    elapsed = time.perf_counter() - start
    path.write_text(stamp_notebooks.serialise(stamp_notebooks.stamp(nb, course, index)))
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args()
    paths = args.paths or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    for path in paths:
        print(f"{path.name}: {execute(path.resolve()):.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
