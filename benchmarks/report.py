"""What the benchmarks measured, judged against the course's targets, as Markdown.

Pure code: no timing, no training, no TensorFlow. run_benchmarks.py fills a
``Results`` and calls ``render``; tests/test_benchmarks.py checks it on made-up
numbers. Tables are drawn by ``tabulate``.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from tabulate import tabulate

# The targets. Do not loosen them: a miss is reported with its size.
EXPECTED_NEXT = 100.0  # the next value after [70, 80, 90]
ACCURACY_LIMIT = 0.5  # |prediction − 100| on every seed
FIT_RATIO_LIMIT = 0.10  # course fit time / classic fit time, median over seeds, same run
NOTEBOOK_BUDGET_SECONDS = 60.0
NOTEBOOK_BUDGET_OVERRIDES = {"04": 120.0, "08": 90.0}  # the long-gap experiment; the CO2 models
SUITE_BUDGET_SECONDS = 420.0  # all the notebooks, one after another
MEMORY_LIMIT_BYTES = 2_000_000_000  # 2 GB
MIN_SEEDS = 10
CLASSIC, COURSE = "classic", "course"  # the two recipes
MET, MISSED, UNMEASURED = "✅ met", "❌ not met", "– not measured"


@dataclass(frozen=True)
class RecipeRun:
    """One training run of one recipe on one seed."""

    recipe: str  # CLASSIC or COURSE
    seed: int
    prediction: float  # for the window [70, 80, 90]
    fit_seconds: float
    predict_seconds: float

    @property
    def abs_error(self) -> float:
        return abs(self.prediction - EXPECTED_NEXT)


@dataclass(frozen=True)
class CellTime:
    """How long one code cell took (to explain a missed budget)."""

    index: int
    seconds: float
    first_line: str


@dataclass(frozen=True)
class NotebookRun:
    """One notebook executed top to bottom in a fresh kernel."""

    name: str
    status: str  # "ok", "missing", or "error: <what>"
    wall_seconds: float | None = None  # kernel start to the end of the last cell
    first_output_seconds: float | None = None
    peak_rss_bytes: int | None = None  # kernel and its children, polled
    slowest_cells: tuple[CellTime, ...] = ()  # the three slowest, slowest first
    leftovers: tuple[str, ...] = ()  # files the run left in the tree


@dataclass(frozen=True)
class CellParity:
    """A NumPy cell of helpers/cells.py against the Keras layer it mirrors."""

    cell: str
    keras_layer: str
    shapes_tested: int
    max_abs_error: float
    worst_shape: tuple[int, int, int, int]
    timing_shape: tuple[int, int, int, int]  # batch, time, features, units
    numpy_seconds_per_step: float
    keras_seconds_per_step: float


@dataclass
class Results:
    """Everything one run measured; ``render`` turns it into RESULTS.md."""

    date: str
    command: str
    machine: str  # CPU, cores, memory, system and load, in one line
    versions: dict[str, str]
    sections: tuple[str, ...]  # which of "recipes", "notebooks", "cells" ran
    expected_notebooks: tuple[str, ...] = ()  # the whole course, from pyproject.toml
    recipe_runs: list[RecipeRun] = field(default_factory=list)
    course_recipe_error: str | None = None
    notebook_runs: list[NotebookRun] = field(default_factory=list)
    cell_parity: list[CellParity] = field(default_factory=list)
    duration_seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


class Verdict(NamedTuple):
    target: str
    label: str  # MET, MISSED or UNMEASURED
    detail: str


def spread(values: Iterable[float], digits: int = 2) -> str:
    """"min / median / max" of ``values``."""
    v = sorted(values)
    return " / ".join(f"{x:.{digits}f}" for x in (v[0], statistics.median(v), v[-1])) if v else "–"


def fit_ratios(runs: Sequence[RecipeRun]) -> dict[int, float]:
    """Per seed: the course recipe's fit time over the classic recipe's."""
    classic = {r.seed: r.fit_seconds for r in runs if r.recipe == CLASSIC}
    return {r.seed: r.fit_seconds / classic[r.seed] for r in runs
            if r.recipe == COURSE and classic.get(r.seed, 0) > 0}


def notebook_budget(name: str) -> float:
    return NOTEBOOK_BUDGET_OVERRIDES.get(name[:2], NOTEBOOK_BUDGET_SECONDS)


def verdicts(results: Results) -> list[Verdict]:
    """Every target with its verdict and what was measured."""
    out = []
    course = [r for r in results.recipe_runs if r.recipe == COURSE]
    seeds = f" over {len(course)} seed{'' if len(course) == 1 else 's'}"
    seeds += f" (a full run uses {MIN_SEEDS})" if len(course) < MIN_SEEDS else ""
    target = f"Course recipe within {ACCURACY_LIMIT} of {EXPECTED_NEXT:g} on every seed"
    if course:
        worst = max(course, key=lambda r: r.abs_error)
        beyond = [r.seed for r in course if r.abs_error > ACCURACY_LIMIT]
        detail = f"worst |error| {worst.abs_error:.3f} (seed {worst.seed}){seeds}"
        if beyond:
            detail += f"; beyond the limit on seeds {beyond}"
        out.append(Verdict(target, MISSED if beyond else MET, detail))
    else:
        out.append(Verdict(target, UNMEASURED, results.course_recipe_error or "not run"))
    target = f"Course fit time ≤ {FIT_RATIO_LIMIT} × the classic recipe's (median over seeds)"
    ratios = list(fit_ratios(results.recipe_runs).values())
    if ratios:
        median = statistics.median(ratios)
        detail = f"median ratio {median:.3f} (worst seed {max(ratios):.3f}){seeds}"
        out.append(Verdict(target, MET if median <= FIT_RATIO_LIMIT else MISSED, detail))
    else:
        out.append(Verdict(target, UNMEASURED, "no seed ran both recipes"))
    runs = {r.name: r for r in results.notebook_runs}
    for name in results.expected_notebooks:
        budget, run = notebook_budget(name), runs.get(name)
        target = f"{name[:2]} runs in ≤ {budget:g} s"
        if run is None or run.status == "missing":
            out.append(Verdict(target, UNMEASURED, "not run" if run is None else "not written yet"))
        elif run.status != "ok" or run.wall_seconds is None:
            out.append(Verdict(target, MISSED, run.status))
        else:
            slow = "; slowest: " + ", ".join(f"cell {c.index} {c.seconds:.1f} s" for c in run.slowest_cells)
            ok = run.wall_seconds <= budget
            out.append(Verdict(target, MET if ok else MISSED, f"{run.wall_seconds:.1f} s" + ("" if ok else slow)))
    finished = [r for r in results.notebook_runs if r.status == "ok" and r.wall_seconds is not None]
    target = f"Whole course in ≤ {SUITE_BUDGET_SECONDS:g} s"
    if finished and len(finished) == len(results.expected_notebooks):
        total = sum(r.wall_seconds for r in finished)
        out.append(Verdict(target, MET if total <= SUITE_BUDGET_SECONDS else MISSED, f"{total:.1f} s"))
    else:
        out.append(Verdict(target, UNMEASURED, f"{len(finished)} of {len(results.expected_notebooks)} ran"))
    target = f"Peak kernel memory ≤ {MEMORY_LIMIT_BYTES / 1e9:g} GB in every notebook"
    measured = [r for r in results.notebook_runs if r.peak_rss_bytes is not None]
    if measured:
        worst = max(measured, key=lambda r: r.peak_rss_bytes)
        ok = worst.peak_rss_bytes <= MEMORY_LIMIT_BYTES
        detail = f"highest {megabytes(worst.peak_rss_bytes)} MB, in {worst.name[:2]}"
        out.append(Verdict(target, MET if ok else MISSED, detail))
    else:
        out.append(Verdict(target, UNMEASURED, "no notebook's memory was measured"))
    return out


def partial_reasons(results: Results) -> list[str]:
    """Why this run is not the benchmark of record (empty for a full run)."""
    reasons = [f"section `{s}` skipped" for s in ("recipes", "notebooks", "cells") if s not in results.sections]
    seeds = {r.seed for r in results.recipe_runs}
    if "recipes" in results.sections and len(seeds) < MIN_SEEDS:
        reasons.append(f"{len(seeds)} seeds (a full run uses {MIN_SEEDS})")
    ran = {r.name for r in results.notebook_runs}
    left_out = [n[:2] for n in results.expected_notebooks if n not in ran]
    if "notebooks" in results.sections and left_out:
        reasons.append(f"notebooks not run: {', '.join(left_out)}")
    return reasons


def megabytes(size: int | None) -> str:
    return "–" if size is None else f"{size / 1e6:,.0f}"


def number(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    def escape(cells: Iterable[object]) -> list[str]:  # a "|" would split a cell
        return [str(c).replace("|", "\\|") for c in cells]

    return tabulate([escape(r) for r in rows], headers=escape(headers), tablefmt="github", disable_numparse=True)


def _recipes(results: Results) -> list[str]:
    runs = results.recipe_runs
    parts = [
        "## 1. Forecasting [70, 80, 90] → 100: the classic recipe against the course's",
        "The classic recipe is the univariate LSTM example notebook 05 starts from: "
        '`LSTM(50, activation="relu")`, `Dense(1)`, Adam, MSE, `fit(epochs=200)` on the raw values '
        "(fit time: the `fit` call). The course's recipe is `helpers.forecasting.train_course_forecaster` "
        "(fit time: the whole call). Both run in one process, interleaved per seed, after a discarded warm-up.",
    ]
    if results.course_recipe_error:
        parts.append(f"**The course recipe could not run:** {results.course_recipe_error}")
    ratios = fit_ratios(runs)
    rows = []
    for label, recipe in (("Classic recipe", CLASSIC), ("Course recipe", COURSE)):
        chosen = [r for r in runs if r.recipe == recipe]
        rows.append([label, len(chosen), spread((r.prediction for r in chosen), 3),
                     spread((r.abs_error for r in chosen), 3), spread(r.fit_seconds for r in chosen)])
    rows.append(["Course / classic fit time", len(ratios), "", "", spread(ratios.values(), 3)])
    parts.append(table(["", "Seeds", "Prediction (min / median / max)", "abs. error", "Fit s"], rows))
    return parts


def _notebooks(results: Results) -> list[str]:
    rows = [[r.name, r.status, number(r.wall_seconds), f"{notebook_budget(r.name):g}",
             number(r.first_output_seconds), megabytes(r.peak_rss_bytes),
             "; ".join(f"{c.index}: {c.seconds:.1f} s `{c.first_line}`" for c in r.slowest_cells)]
            for r in results.notebook_runs]
    parts = [
        "## 2. Notebooks, each in a fresh kernel",
        "Run top to bottom by nbclient in `notebooks/`, one after another, nothing saved. Wall time and "
        "first output count from asking for the kernel; peak memory is the kernel's and its "
        "children's resident set, polled every 50 ms.",
        table(["Notebook", "Status", "Wall s", "Budget s", "First output s", "Peak MB", "Slowest cells"], rows),
    ]
    litter = [f"- {r.name[:2]}: {', '.join(r.leftovers)}" for r in results.notebook_runs if r.leftovers]
    if litter:
        parts.append("**Files a run left in the tree:**\n\n" + "\n".join(litter))
    return parts


def _cells(results: Results) -> list[str]:
    rows = [[f"`{p.cell}`", f"`{p.keras_layer}`", p.shapes_tested, f"{p.max_abs_error:.1e}",
             "×".join(map(str, p.worst_shape)), "×".join(map(str, p.timing_shape)),
             f"{p.numpy_seconds_per_step * 1e6:.0f}", f"{p.keras_seconds_per_step * 1e6:.0f}"]
            for p in results.cell_parity]
    return [
        "## 3. NumPy cells against Keras",
        "Same weights (drawn at Keras's initial scale), random shapes of up to 100 steps: the largest "
        "difference in any output or state (float64 against float32). Time per step: fastest of 7 calls.",
        table(["NumPy cell", "Keras layer", "Shapes", "Max |diff|", "At shape",
               "Timing shape (b×t×f×u)", "NumPy µs/step", "Keras µs/step"], rows),
    ]


def render(results: Results) -> str:
    """RESULTS.md for ``results``."""
    parts = ["# Benchmarks"]
    reasons = partial_reasons(results)
    if reasons:
        parts.append(f"> **Partial run, not the benchmark of record:** {'; '.join(reasons)}. "
                     "The full run is `make bench` on a quiet machine.")
    versions = ", ".join(f"{k} {v}" for k, v in results.versions.items())
    parts.append(
        f"Written by `{results.command}` on {results.date} in {results.duration_seconds / 60:.1f} min. "
        f"Machine: {results.machine}. Packages: {versions}."
    )
    parts.append("## Targets\n\n" + table(["Target", "Verdict", "Measured"], verdicts(results)))
    if results.notes:
        parts.append("## Notes\n\n" + "\n".join(f"- {note}" for note in results.notes))
    for section, write in (("recipes", _recipes), ("notebooks", _notebooks), ("cells", _cells)):
        if section in results.sections:
            parts += write(results)
    return "\n\n".join(parts) + "\n"
