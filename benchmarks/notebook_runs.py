"""Run one notebook top to bottom in a fresh kernel; measure time, first output and memory.

Nothing is written back: the executed notebook lives only in memory.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import nbformat
import psutil
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from benchmarks.report import CellTime, NotebookRun

POLL_SECONDS = 0.05
CELL_TIMEOUT_SECONDS = 900
IGNORED_LEFTOVERS = {"__pycache__", ".ipynb_checkpoints"}


class MemoryPoller:
    """Peak resident memory of a process and its children, sampled from a thread."""

    def __init__(self, pid: int, interval: float = POLL_SECONDS) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_bytes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def _sample(self, process: psutil.Process) -> int:
        total = process.memory_info().rss
        for child in process.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:  # the child ended between listing and reading
                pass
        return total

    def _poll(self) -> None:
        try:
            process = psutil.Process(self.pid)
            while not self._stop.is_set():
                self.peak_bytes = max(self.peak_bytes, self._sample(process))
                self._stop.wait(self.interval)
        except psutil.Error:  # the kernel has exited
            pass

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak_bytes


class _MeasuringClient(NotebookClient):
    """A NotebookClient that timestamps the first output and each code cell."""

    def __init__(self, nb: Any, **kwargs: Any) -> None:
        super().__init__(
            nb,
            on_notebook_start=self._kernel_ready,
            on_cell_start=self._cell_start,
            on_cell_executed=self._cell_executed,
            **kwargs,
        )
        self.started_at = 0.0
        self.first_output_at: float | None = None
        self.last_cell_done_at: float | None = None
        self.poller: MemoryPoller | None = None
        self.cell_times: list[CellTime] = []
        self._cell_started_at = 0.0

    def _kernel_ready(self, notebook: Any) -> None:
        pid = getattr(getattr(self.km, "provisioner", None), "pid", None)
        if pid is not None:
            self.poller = MemoryPoller(pid)
            self.poller.start()

    def _cell_start(self, cell: Any, cell_index: int) -> None:
        self._cell_started_at = time.perf_counter()

    def _cell_executed(self, cell: Any, cell_index: int, execute_reply: Any) -> None:
        now = time.perf_counter()
        self.last_cell_done_at = now
        lines = [line for line in cell.source.splitlines() if line.strip()]
        first = lines[0].strip() if lines else ""
        self.cell_times.append(
            CellTime(cell_index, now - self._cell_started_at, first[:60])
        )

    def output(self, outs: Any, msg: Any, display_id: Any, cell_index: int) -> Any:
        if self.first_output_at is None:
            self.first_output_at = time.perf_counter()
        return super().output(outs, msg, display_id, cell_index)


def _files_in(folder: Path) -> set[str]:
    return {
        str(path.relative_to(folder))
        for path in folder.rglob("*")
        if path.is_file() and not IGNORED_LEFTOVERS & set(path.relative_to(folder).parts)
    }


def run_notebook(path: Path, env: Mapping[str, str] | None = None) -> NotebookRun:
    """Execute ``path`` in a fresh ``python3`` kernel whose working directory is its folder."""
    if not path.exists():
        return NotebookRun(path.name, "missing")
    nb = nbformat.read(path, as_version=4)
    before = _files_in(path.parent)
    client = _MeasuringClient(
        nb,
        timeout=CELL_TIMEOUT_SECONDS,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    status = "ok"
    client.started_at = time.perf_counter()
    try:
        client.execute(**({} if env is None else {"env": dict(env)}))
    except CellExecutionError as error:
        name = getattr(error, "ename", "") or "error"
        where = f" in cell {client.cell_times[-1].index}" if client.cell_times else ""
        status = f"error: {name}{where}"
    except (CellTimeoutError, DeadKernelError) as error:
        status = f"error: {type(error).__name__}"
    except Exception as error:  # e.g. the kernel would not start: record it, run the rest
        status = f"error: {type(error).__name__}: {str(error)[:80]}"
    finally:
        peak = client.poller.stop() if client.poller else None
    done = client.last_cell_done_at
    leftovers = tuple(sorted(_files_in(path.parent) - before))
    slowest = tuple(sorted(client.cell_times, key=lambda cell: -cell.seconds)[:3])
    return NotebookRun(
        name=path.name,
        status=status,
        wall_seconds=None if done is None else done - client.started_at,
        first_output_seconds=(
            None if client.first_output_at is None else client.first_output_at - client.started_at
        ),
        peak_rss_bytes=peak,
        slowest_cells=slowest,
        leftovers=leftovers,
    )
