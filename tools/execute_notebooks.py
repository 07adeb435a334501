"""Execute notebooks top to bottom in a fresh kernel and store their outputs.

    python tools/execute_notebooks.py                 # every notebook in pyproject.toml
    python tools/execute_notebooks.py notebooks/05_univariate_lstm_forecasting.ipynb

Runs each notebook with its own folder as the working directory (as Jupyter
and nbval do), then stamps it (header, set-up cell, clean metadata) so the
stored file is exactly what `make test` expects. Prints each run's time.
Every run is bounded: CELL_TIMEOUT per cell, NOTEBOOK_TIMEOUT for the whole
notebook; a stuck notebook fails with its name instead of waiting forever.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from pathlib import Path

import nbformat
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import stamp_notebooks  # noqa: E402

# Wall-clock limits, in seconds. The Makefile passes CELL_TIMEOUT to nbval, and
# pyproject.toml gives pytest-timeout NOTEBOOK_TIMEOUT per test (a test of the
# suite runs one notebook at most); tests/test_execute_notebooks.py checks both.
CELL_TIMEOUT = 180
NOTEBOOK_TIMEOUT = 600


def run_notebook(nb, cwd: Path, name: str, timeout: int = NOTEBOOK_TIMEOUT,
                 kernel: AsyncKernelManager | None = None) -> float:
    """Execute ``nb`` in a fresh kernel in ``cwd``; return the wall time in seconds.

    With ``kernel`` (a running kernel's manager), run it there instead and leave
    that kernel running; ``cwd`` is then the caller's business.

    Raises ``TimeoutError`` naming ``name`` when the whole run takes longer than
    ``timeout`` seconds (nbclient's own per-cell limit does not end a run whose
    kernel stops answering); nbclient raises ``CellTimeoutError`` for a cell.
    """
    # coalesce_streams: a cell's printed text is stored as one block, however the
    # kernel happened to flush it (a busy machine can split even a single print).
    client = NotebookClient(nb, km=kernel, timeout=CELL_TIMEOUT, kernel_name="python3",
                            record_timing=False, coalesce_streams=True,
                            resources={"metadata": {"path": str(cwd)}})

    def stop(signum, frame):
        raise TimeoutError(f"{name} did not finish within {timeout} s")

    bounded = threading.current_thread() is threading.main_thread()  # signals need the main thread
    previous = signal.signal(signal.SIGALRM, stop) if bounded else None
    if bounded:
        signal.alarm(timeout)
    start = time.perf_counter()
    try:
        client.execute()
    except TimeoutError:
        if client.km is not None and client.km.has_kernel:  # the stuck kernel must not outlive us
            run_sync(client.km.shutdown_kernel)(now=True)
        raise
    finally:
        if bounded:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
        if kernel is not None and client.kc is not None:
            client.kc.stop_channels()  # the kernel stays; this run's connection to it goes
    return time.perf_counter() - start


def execute(path: Path) -> float:
    """Run ``path`` in place; return the wall time in seconds."""
    course = stamp_notebooks.load_course()
    nb = stamp_notebooks.stamp_any(nbformat.read(path, as_version=4), course, path)
    elapsed = run_notebook(nb, path.parent, path.name)
    path.write_text(stamp_notebooks.serialise(stamp_notebooks.stamp_any(nb, course, path)))
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args()
    course = stamp_notebooks.load_course()
    paths = args.paths or [ROOT / "notebooks" / entry.file for entry in course.entries] + [
        path for path in stamp_notebooks.EXTRA_NOTEBOOKS if path.exists()]
    for path in paths:
        print(f"{path.name}: {execute(path.resolve()):.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
