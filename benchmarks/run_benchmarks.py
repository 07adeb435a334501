"""Run the course's benchmarks and write benchmarks/RESULTS.md (`make bench`).

    python benchmarks/run_benchmarks.py                        # the full run (10 seeds, every notebook)
    python benchmarks/run_benchmarks.py --seeds 2 --notebooks 05   # a quick, partial run
    python benchmarks/run_benchmarks.py --skip notebooks --note "machine shared with 5 others"

Three sections: the classic univariate recipe (LSTM(50, relu), 200 epochs on
raw values) against the course's, interleaved per seed; every notebook listed in
pyproject.toml in a fresh kernel (wall time, time to first output, peak kernel
memory); the NumPy cells against Keras. The notebooks run first, while this
process has not imported TensorFlow. Only RESULTS.md is written.
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import sys
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":
    sys.dont_write_bytecode = True  # leave no __pycache__ behind in the tree
for folder in (ROOT, ROOT / "tools"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import psutil  # noqa: E402
import stamp_notebooks  # noqa: E402

from benchmarks import report  # noqa: E402
from helpers.notebook_setup import quiet_tensorflow  # noqa: E402

SECTIONS = ("recipes", "notebooks", "cells")
DEFAULT_OUTPUT = ROOT / "benchmarks" / "RESULTS.md"


def log(message: str) -> None:
    print(message, flush=True)


def version_of(*distributions: str) -> str:
    for name in distributions:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return "not installed"


def package_versions() -> dict[str, str]:
    return {
        "python": platform.python_version(),
        "tensorflow": version_of("tensorflow", "tensorflow-cpu"),
        "keras": version_of("keras"),
        "numpy": version_of("numpy"),
        "nbclient": version_of("nbclient"),
        "ipykernel": version_of("ipykernel"),
    }


def machine(load_before: tuple[float, ...]) -> str:
    """CPU, cores, memory, system and the load average before and after the run, in one line."""
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
    except OSError:
        cpuinfo = ""
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")),
               platform.processor() or platform.machine())
    load = " → ".join("/".join(f"{x:.2f}" for x in v) for v in (load_before, os.getloadavg()))
    return (f"{cpu}, {os.cpu_count()} cores, {psutil.virtual_memory().total / 1e9:.1f} GB, "
            f"{platform.system()} {platform.release()}; load average {load}")


def select_notebooks(all_files: list[str], wanted: list[str] | None) -> list[str]:
    """The course files matching ``wanted`` ("05" or a file name); all when None."""
    if not wanted:
        return all_files
    chosen = []
    for item in wanted:
        name = Path(item).name
        matches = [f for f in all_files if f == name or f.split("_", 1)[0] == name.zfill(2)]
        if not matches:
            raise SystemExit(f"--notebooks: no course notebook matches {item!r} (have {all_files})")
        chosen += [f for f in matches if f not in chosen]
    return [f for f in all_files if f in chosen]


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=report.MIN_SEEDS,
                        help=f"how many seeds (0, 1, …) for the recipes (default {report.MIN_SEEDS})")
    parser.add_argument("--notebooks", nargs="+", metavar="NN",
                        help="only these notebooks, by number or file name (default: all)")
    parser.add_argument("--skip", action="append", choices=SECTIONS, default=[],
                        help="skip a section (repeatable)")
    parser.add_argument("--cell-shapes", type=int, default=20,
                        help="random shapes per NumPy cell in the parity check (default 20)")
    parser.add_argument("--note", action="append", default=[],
                        help="a line for the Notes section of RESULTS.md (repeatable)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT,
                        help="where to write the report (default benchmarks/RESULTS.md)")
    args = parser.parse_args(argv)
    if args.seeds < 1:
        parser.error("--seeds must be >= 1")
    if args.cell_shapes < 1:
        parser.error("--cell-shapes must be >= 1")
    return args


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    started, load_before = time.perf_counter(), os.getloadavg()
    # Kernels get the environment as it was before this process quiets TensorFlow:
    # each notebook's set-up cell does that itself, as it does for a learner.
    kernel_env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    quiet_tensorflow()

    course_files = [entry.file for entry in stamp_notebooks.load_course().entries]
    sections = tuple(s for s in SECTIONS if s not in args.skip)
    results = report.Results(
        date=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        command=shlex.join(["python", "benchmarks/run_benchmarks.py", *argv]),
        machine="",
        versions=package_versions(),
        sections=sections,
        expected_notebooks=tuple(course_files),
        notes=list(args.note),
    )

    if "notebooks" in sections:
        from benchmarks.notebook_runs import run_notebook

        for name in select_notebooks(course_files, args.notebooks):
            log(f"notebook {name} ...")
            run = run_notebook(ROOT / "notebooks" / name, env=kernel_env)
            results.notebook_runs.append(run)
            log(f"  {run.status}, {report.number(run.wall_seconds)} s, peak {report.megabytes(run.peak_rss_bytes)} MB")

    if "recipes" in sections:
        from benchmarks import recipes
        from helpers.forecasting import train_course_forecaster

        seeds = list(range(args.seeds))
        log(f"recipes on seeds {seeds} (after a discarded warm-up pair) ...")
        results.recipe_runs, results.course_recipe_error = recipes.run_interleaved(
            seeds, train_course_forecaster, progress=log)

    if "cells" in sections:
        from benchmarks import cell_timings

        for kind in ("simple_rnn", "lstm"):
            log(f"NumPy {kind} against Keras ...")
            results.cell_parity.append(cell_timings.measure(kind, shapes=args.cell_shapes))

    results.machine = machine(load_before)
    results.duration_seconds = time.perf_counter() - started
    args.output.write_text(report.render(results))
    for verdict in report.verdicts(results):
        log(f"{verdict.label:16} {verdict.target}: {verdict.detail}")
    shown = args.output.resolve()
    log(f"wrote {shown.relative_to(ROOT) if shown.is_relative_to(ROOT) else shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
