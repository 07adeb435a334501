"""What the benchmarks measured, judged against issue 6's targets, rendered as Markdown.

Pure code: no timing, no training, no TensorFlow. run_benchmarks.py fills a
``Results`` and calls ``render``; tests/test_benchmarks.py checks the
statistics, the verdicts and the Markdown on tiny synthetic cases.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

# The targets of issue 6. Do not loosen them: a miss is reported with its size.
EXPECTED_NEXT = 100.0  # the next value after [70, 80, 90]
ACCURACY_LIMIT = 0.5  # |prediction − 100| on every seed
FIT_RATIO_LIMIT = 0.25  # course fit time / seed fit time, same run
NOTEBOOK_BUDGET_SECONDS = 60.0
NOTEBOOK_BUDGET_OVERRIDES = {"04": 120.0}  # the long-gap experiment
SUITE_BUDGET_SECONDS = 300.0
MEMORY_LIMIT_BYTES = 2_000_000_000  # 2 GB, decimal (stricter than 2 GiB)
MIN_SEEDS = 10

MET, MISSED, UNMEASURED = "met", "not met", "not measured"
SEED, COURSE = "seed", "course"


@dataclass(frozen=True)
class Spread:
    """Minimum, median and maximum of some values (over seeds)."""

    minimum: float
    median: float
    maximum: float
    count: int

    def format(self, digits: int = 2) -> str:
        return f"{self.minimum:.{digits}f} / {self.median:.{digits}f} / {self.maximum:.{digits}f}"


def spread(values: Iterable[float]) -> Spread:
    """The ``Spread`` of ``values``; ValueError when they are empty or not finite."""
    numbers = [float(v) for v in values]
    if not numbers:
        raise ValueError("values must not be empty")
    if not all(math.isfinite(v) for v in numbers):
        raise ValueError(f"values must be finite, got {numbers}")
    return Spread(min(numbers), statistics.median(numbers), max(numbers), len(numbers))


@dataclass(frozen=True)
class RecipeRun:
    """One training run of one recipe on one seed."""

    recipe: str  # SEED or COURSE
    seed: int
    prediction: float  # for the window [70, 80, 90]
    fit_seconds: float
    predict_seconds: float

    @property
    def abs_error(self) -> float:
        return abs(self.prediction - EXPECTED_NEXT)


def runs_of(runs: Sequence[RecipeRun], recipe: str) -> list[RecipeRun]:
    return [run for run in runs if run.recipe == recipe]


def fit_ratios(runs: Sequence[RecipeRun]) -> list[tuple[int, float]]:
    """(seed, course fit time / seed fit time) for every seed both recipes ran on."""
    seed_fit = {run.seed: run.fit_seconds for run in runs_of(runs, SEED)}
    ratios = []
    for run in runs_of(runs, COURSE):
        if run.seed in seed_fit:
            if seed_fit[run.seed] <= 0:
                raise ValueError(f"original recipe fit time must be > 0 (random seed {run.seed})")
            ratios.append((run.seed, run.fit_seconds / seed_fit[run.seed]))
    return sorted(ratios)


@dataclass(frozen=True)
class CellTime:
    """How long one code cell of a notebook took (to explain a missed budget)."""

    index: int
    seconds: float
    first_line: str


@dataclass(frozen=True)
class NotebookRun:
    """One notebook executed top to bottom in a fresh kernel."""

    name: str
    status: str  # "ok", "missing", or "error: <what>"
    wall_seconds: float | None = None  # kernel start to the end of the last cell
    first_output_seconds: float | None = None  # kernel start to the first output
    peak_rss_bytes: int | None = None  # kernel and its children, polled
    slowest_cells: tuple[CellTime, ...] = ()
    leftovers: tuple[str, ...] = ()  # files the run left in the tree

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def notebook_budget(name: str) -> float:
    """Seconds notebook ``name`` (e.g. "04_rnn_vs_lstm_long_gaps.ipynb") may take."""
    return NOTEBOOK_BUDGET_OVERRIDES.get(name[:2], NOTEBOOK_BUDGET_SECONDS)


@dataclass(frozen=True)
class CellParity:
    """A NumPy cell of helpers/cells.py against the Keras layer it mirrors."""

    cell: str
    keras_layer: str
    shapes_tested: int
    max_abs_error: float
    worst_shape: tuple[int, int, int, int]  # where max_abs_error happened
    timing_shape: tuple[int, int, int, int]  # batch, time, features, units
    numpy_seconds_per_step: float
    keras_seconds_per_step: float


@dataclass(frozen=True)
class Machine:
    cpu: str
    logical_cores: int
    usable_cores: int
    ram_bytes: int
    system: str
    load_before: tuple[float, float, float] | None = None
    load_after: tuple[float, float, float] | None = None


@dataclass
class Results:
    """Everything one run measured; ``render`` turns it into RESULTS.md."""

    date: str
    command: str
    machine: Machine
    versions: dict[str, str]
    sections: tuple[str, ...]  # which of "recipes", "notebooks", "cells" ran
    seeds: tuple[int, ...] = ()
    recipe_runs: list[RecipeRun] = field(default_factory=list)
    course_recipe: str = ""  # where the course recipe came from, and its summary
    course_recipe_error: str | None = None  # why it could not run, if it could not
    expected_notebooks: tuple[str, ...] = ()  # the whole course
    notebook_runs: list[NotebookRun] = field(default_factory=list)
    cell_parity: list[CellParity] = field(default_factory=list)
    cell_parity_error: str | None = None
    duration_seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


def cpu_model(cpuinfo: str) -> str | None:
    """The first "model name" in the text of /proc/cpuinfo, or None."""
    for line in cpuinfo.splitlines():
        key, _, value = line.partition(":")
        if key.strip() in ("model name", "Model name") and value.strip():
            return value.strip()
    return None


# ---------------------------------------------------------------- verdicts


@dataclass(frozen=True)
class Verdict:
    target: str
    status: str  # MET, MISSED or UNMEASURED
    detail: str
    partial: bool = False  # judged on less than the target asks for

    @property
    def label(self) -> str:
        if self.status == MET:
            return "✅ met (partial run)" if self.partial else "✅ met"
        if self.status == MISSED:
            return "❌ not met (partial run)" if self.partial else "❌ not met"
        return "– not measured"


def _seeds_note(count: int) -> str:
    return f"; only {count} seeds, the target asks for ≥ {MIN_SEEDS}" if count < MIN_SEEDS else ""


def accuracy_verdict(runs: Sequence[RecipeRun], limit: float = ACCURACY_LIMIT) -> Verdict:
    target = f"Course recipe within {limit} of {EXPECTED_NEXT:g} on every seed"
    course = runs_of(runs, COURSE)
    if not course:
        return Verdict(target, UNMEASURED, "the course recipe did not run")
    worst = max(course, key=lambda run: run.abs_error)
    beyond = [run.seed for run in course if run.abs_error > limit]
    n = len(course)
    if not beyond:
        detail = f"worst |error| {worst.abs_error:.3f} (seed {worst.seed}) over {n} seeds"
        return Verdict(target, MET, detail + _seeds_note(n), partial=n < MIN_SEEDS)
    detail = (
        f"{len(beyond)} of {n} seeds beyond {limit} (seeds {', '.join(map(str, beyond))}); "
        f"worst |error| {worst.abs_error:.3f} (seed {worst.seed}, predicted "
        f"{worst.prediction:.3f}), {worst.abs_error - limit:.3f} over the limit"
    )
    return Verdict(target, MISSED, detail + _seeds_note(n), partial=n < MIN_SEEDS)


def fit_ratio_verdict(runs: Sequence[RecipeRun], limit: float = FIT_RATIO_LIMIT) -> Verdict:
    """Judged on the median over seeds of the per-seed ratio (interleaved pairs)."""
    target = f"Course fit time ≤ {limit} × the original (11a) recipe's, same run (median of per-seed ratios)"
    ratios = [ratio for _, ratio in fit_ratios(runs)]
    if not ratios:
        return Verdict(target, UNMEASURED, "no seed ran both recipes")
    ratio = spread(ratios)
    course_fit = spread(run.fit_seconds for run in runs_of(runs, COURSE))
    seed_fit = spread(run.fit_seconds for run in runs_of(runs, SEED))
    times = f"median fit {course_fit.median:.2f} s against {seed_fit.median:.2f} s"
    n = ratio.count
    if ratio.median <= limit:
        detail = f"median ratio {ratio.median:.3f} (worst seed {ratio.maximum:.3f}); {times}"
        return Verdict(target, MET, detail + _seeds_note(n), partial=n < MIN_SEEDS)
    detail = (
        f"median ratio {ratio.median:.3f}, {ratio.median - limit:.3f} over {limit} "
        f"({ratio.median / limit:.2f}× the limit; worst seed {ratio.maximum:.3f}); {times}"
    )
    return Verdict(target, MISSED, detail + _seeds_note(n), partial=n < MIN_SEEDS)


def _slowest(run: NotebookRun, count: int = 3) -> str:
    if not run.slowest_cells:
        return ""
    cells = sorted(run.slowest_cells, key=lambda cell: -cell.seconds)[:count]
    listed = ", ".join(f"cell {c.index} {c.seconds:.1f} s `{c.first_line}`" for c in cells)
    return f"; slowest: {listed}"


def notebook_time_verdict(name: str, run: NotebookRun | None) -> Verdict:
    budget = notebook_budget(name)
    target = f"{name[:2]} runs in ≤ {budget:g} s"
    if run is None:
        return Verdict(target, UNMEASURED, "not run in this run")
    if run.status == "missing":
        return Verdict(target, UNMEASURED, "the notebook is not in the tree yet")
    if not run.ok or run.wall_seconds is None:
        return Verdict(target, MISSED, f"did not run to the end: {run.status}")
    if run.wall_seconds <= budget:
        return Verdict(target, MET, f"{run.wall_seconds:.1f} s")
    over = run.wall_seconds - budget
    return Verdict(
        target, MISSED, f"{run.wall_seconds:.1f} s, {over:.1f} s over{_slowest(run)}"
    )


def suite_time_verdict(
    expected: Sequence[str], runs: Sequence[NotebookRun], limit: float = SUITE_BUDGET_SECONDS
) -> Verdict:
    target = f"Whole suite in ≤ {limit:g} s ({limit / 60:g} min)"
    by_name = {run.name: run for run in runs}
    absent = [name[:2] for name in expected if name not in by_name]
    failed = [run.name[:2] for run in runs if not run.ok]
    if absent or failed or not runs:
        reasons = []
        if absent:
            reasons.append(f"not run: {', '.join(absent)}")
        if failed:
            reasons.append(f"missing or failed: {', '.join(failed)}")
        return Verdict(target, UNMEASURED, "; ".join(reasons) or "no notebook ran")
    total = suite_seconds(runs)
    if total <= limit:
        return Verdict(target, MET, f"{total:.1f} s")
    worst = max(runs, key=lambda run: run.wall_seconds or 0.0)
    return Verdict(
        target,
        MISSED,
        f"{total:.1f} s, {total - limit:.1f} s over; longest {worst.name[:2]} "
        f"({worst.wall_seconds:.1f} s)",
    )


def suite_seconds(runs: Sequence[NotebookRun]) -> float:
    """Sum of the wall times of the notebooks that ran to the end."""
    return sum(run.wall_seconds for run in runs if run.ok and run.wall_seconds is not None)


def memory_verdict(
    expected: Sequence[str], runs: Sequence[NotebookRun], limit: int = MEMORY_LIMIT_BYTES
) -> Verdict:
    target = f"Peak kernel memory ≤ {limit / 1e9:g} GB in every notebook"
    measured = [run for run in runs if run.peak_rss_bytes is not None]
    if not measured:
        return Verdict(target, UNMEASURED, "no notebook's memory was measured")
    worst = max(measured, key=lambda run: run.peak_rss_bytes or 0)
    peak = worst.peak_rss_bytes or 0
    partial = len(measured) < len(expected)
    coverage = f" ({len(measured)} of {len(expected)} notebooks)" if partial else ""
    if peak <= limit:
        detail = f"highest {megabytes(peak)} MB, in {worst.name[:2]}{coverage}"
        return Verdict(target, MET, detail, partial=partial)
    detail = (
        f"{megabytes(peak)} MB in {worst.name[:2]}, {megabytes(peak - limit)} MB over{coverage}"
    )
    return Verdict(target, MISSED, detail, partial=partial)


def verdicts(results: Results) -> list[Verdict]:
    """Every target of issue 6, in the order the issue lists them."""
    by_name = {run.name: run for run in results.notebook_runs}
    names = list(results.expected_notebooks) or sorted(by_name)
    return [
        accuracy_verdict(results.recipe_runs),
        fit_ratio_verdict(results.recipe_runs),
        *(notebook_time_verdict(name, by_name.get(name)) for name in names),
        suite_time_verdict(names, results.notebook_runs),
        memory_verdict(names, results.notebook_runs),
    ]


def partial_reasons(results: Results) -> list[str]:
    """Why this run is not the benchmark of record (empty for a full run)."""
    reasons = []
    for section in ("recipes", "notebooks", "cells"):
        if section not in results.sections:
            reasons.append(f"section `{section}` skipped")
    if "recipes" in results.sections:
        if len(results.seeds) < MIN_SEEDS:
            reasons.append(f"{len(results.seeds)} seeds (a full run uses ≥ {MIN_SEEDS})")
        if results.course_recipe_error:
            reasons.append("the course recipe could not run")
    if "notebooks" in results.sections:
        ran = {run.name for run in results.notebook_runs}
        left_out = [name[:2] for name in results.expected_notebooks if name not in ran]
        if left_out:
            reasons.append(f"notebooks not run: {', '.join(left_out)}")
        if any(run.status == "missing" for run in results.notebook_runs):
            reasons.append("some notebooks are not written yet")
    return reasons


# ---------------------------------------------------------------- rendering


def megabytes(size: int) -> str:
    return f"{size / 1e6:,.0f}"


def _number(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A GitHub-flavoured Markdown table; "|" inside a cell is escaped."""
    if any(len(row) != len(headers) for row in rows):
        raise ValueError("every row must have one value per header")

    def line(cells: Sequence[object]) -> str:
        return "| " + " | ".join(str(c).replace("|", "\\|").replace("\n", " ") for c in cells) + " |"

    return "\n".join([line(headers), "|" + "---|" * len(headers), *(line(row) for row in rows)])


def _machine_section(results: Results) -> str:
    m = results.machine

    def load(values: tuple[float, float, float] | None) -> str:
        return "–" if values is None else " / ".join(f"{v:.2f}" for v in values)

    rows = [
        ("CPU", m.cpu),
        ("Cores", f"{m.logical_cores} logical, {m.usable_cores} usable by this process"),
        ("RAM", f"{m.ram_bytes / 1e9:.1f} GB"),
        ("System", m.system),
        ("Load average (1 / 5 / 15 min), start", load(m.load_before)),
        ("Load average (1 / 5 / 15 min), end", load(m.load_after)),
        *((f"`{name}`", version) for name, version in results.versions.items()),
    ]
    return "## Machine and packages\n\n" + markdown_table(("", ""), rows)


def _recipes_section(results: Results) -> str:
    parts = ["## 1. Univariate recipe: the original notebook (11a) against the course"]
    if "recipes" not in results.sections:
        return parts[0] + "\n\nNot run (section skipped)."
    parts.append(
        "Both recipes learn the next value from windows of 3 of [10, 20, …, 90] and predict "
        "after [70, 80, 90]; the answer is 100. They run in one process, interleaved "
        "(original recipe, course recipe, original recipe, … one pair per random seed), each after "
        "`keras.backend.clear_session()` and `keras.utils.set_random_seed(seed)`; one "
        "warm-up pair on another seed runs first and is discarded.\n\n"
        "- **Original recipe** (the seed notebook 11a), as faithful as Keras 3 allows: `keras.Input((3, 1))`, "
        '`LSTM(50, activation="relu")`, `Dense(1)`, `adam`, `mse`, '
        "`model.fit(X, y, epochs=200, verbose=0)` on the raw values. Fit time = the "
        "`fit` call only.\n"
        f"- **Course recipe**: {results.course_recipe or '`helpers.forecasting.train_course_forecaster`'}. "
        "Fit time = the whole `train_course_forecaster` call (it builds the model too, "
        "so the ratio is if anything pessimistic for the course)."
    )
    if results.course_recipe_error:
        parts.append(f"**The course recipe could not run:** {results.course_recipe_error}")
    runs = results.recipe_runs
    if not runs:
        parts.append("No run finished.")
        return "\n\n".join(parts)
    summary = []
    for recipe, label in ((SEED, "Original recipe (11a)"), (COURSE, "Course recipe")):
        chosen = runs_of(runs, recipe)
        if not chosen:
            summary.append((label, 0, "–", "–", "–", "–"))
            continue
        summary.append(
            (
                label,
                len(chosen),
                spread(r.prediction for r in chosen).format(3),
                spread(r.abs_error for r in chosen).format(3),
                spread(r.fit_seconds for r in chosen).format(2),
                f"{spread(r.predict_seconds for r in chosen).median:.3f}",
            )
        )
    ratios = [ratio for _, ratio in fit_ratios(runs)]
    if ratios:
        summary.append(("Course / seed fit time", len(ratios), "", "", spread(ratios).format(3), ""))
    parts.append(
        markdown_table(
            (
                "",
                "Random seeds",
                "Prediction (min / median / max)",
                "abs. error (min / median / max)",
                "Fit s (min / median / max)",
                "Predict s (median)",
            ),
            summary,
        )
    )
    by_seed: dict[int, dict[str, RecipeRun]] = {}
    for run in runs:
        by_seed.setdefault(run.seed, {})[run.recipe] = run
    ratio_of = dict(fit_ratios(runs))
    rows = []
    for seed in sorted(by_seed):
        pair = by_seed[seed]
        row: list[object] = [seed]
        for recipe in (SEED, COURSE):
            run = pair.get(recipe)
            row += (
                ["–", "–", "–"]
                if run is None
                else [f"{run.prediction:.3f}", f"{run.abs_error:.3f}", f"{run.fit_seconds:.2f}"]
            )
        row.append(_number(ratio_of.get(seed), 3))
        rows.append(row)
    parts.append(
        "Per seed:\n\n"
        + markdown_table(
            (
                "Random seed",
                "Original recipe: prediction",
                "abs. error",
                "fit s",
                "Course recipe: prediction",
                "abs. error",
                "fit s",
                "Course / seed fit",
            ),
            rows,
        )
    )
    return "\n\n".join(parts)


def _notebooks_section(results: Results) -> str:
    title = "## 2. Notebooks, each in a fresh kernel"
    if "notebooks" not in results.sections:
        return title + "\n\nNot run (section skipped)."
    intro = (
        "Executed top to bottom with nbclient in a fresh `python3` kernel, working "
        "directory `notebooks/`, one after another; nothing is written back. Wall time: "
        "from asking for the kernel to the end of the last cell (kernel start-up included). "
        "First output: from asking for the kernel to the first output any cell shows. "
        "Peak memory: resident set size of the kernel process and its children, polled "
        "every 50 ms (a spike shorter than that can be missed)."
    )
    rows = []
    for run in results.notebook_runs:
        budget = notebook_budget(run.name)
        verdict = notebook_time_verdict(run.name, run)
        rows.append(
            (
                run.name,
                run.status,
                _number(run.wall_seconds),
                f"{budget:g}",
                _number(run.first_output_seconds),
                "–" if run.peak_rss_bytes is None else megabytes(run.peak_rss_bytes),
                verdict.label,
            )
        )
    ran = [run for run in results.notebook_runs if run.ok]
    peaks = [run.peak_rss_bytes for run in results.notebook_runs if run.peak_rss_bytes is not None]
    rows.append(
        (
            f"**Suite** ({len(ran)} of {len(results.notebook_runs)} ran to the end)",
            "",
            f"{suite_seconds(results.notebook_runs):.1f}",
            f"{SUITE_BUDGET_SECONDS:g}",
            "",
            megabytes(max(peaks)) if peaks else "–",
            suite_time_verdict(results.expected_notebooks, results.notebook_runs).label,
        )
    )
    table = markdown_table(
        ("Notebook", "Status", "Wall s", "Budget s", "First output s", "Peak MB", "Time target"),
        rows,
    )
    parts = [title, intro, table]
    slow = [run for run in results.notebook_runs if run.slowest_cells]
    if slow:
        lines = ["Slowest cells (index among all cells, seconds, first line):", ""]
        for run in slow:
            cells = sorted(run.slowest_cells, key=lambda cell: -cell.seconds)[:3]
            listed = "; ".join(f"{c.index}: {c.seconds:.1f} s `{c.first_line}`" for c in cells)
            lines.append(f"- {run.name[:2]}: {listed}")
        parts.append("\n".join(lines))
    litter = [run for run in results.notebook_runs if run.leftovers]
    if litter:
        parts.append(
            "**Files left in notebooks/ by a run** (a notebook must not write there):\n\n"
            + "\n".join(f"- {run.name[:2]}: {', '.join(run.leftovers)}" for run in litter)
        )
    return "\n\n".join(parts)


def _cells_section(results: Results) -> str:
    title = "## 3. NumPy cells against Keras (for the record)"
    if "cells" not in results.sections:
        return title + "\n\nNot run (section skipped)."
    if results.cell_parity_error:
        return f"{title}\n\nCould not run: {results.cell_parity_error}"
    intro = (
        "`helpers/cells.py` against the Keras layer with the same weights, "
        "`return_sequences=True, return_state=True` and random initial states: the largest "
        "absolute difference in any output or state over random shapes of up to 100 steps "
        "(weights drawn from N(0, 1/fan-in), the scale Keras's initialisers use; NumPy computes "
        "in float64, Keras in float32, so the difference is float32 rounding, which a recurrent "
        "loop with much larger weights amplifies over time). "
        "Time per step: the fastest of 7 calls on one shape, divided by its number of time "
        "steps (NumPy loop against an eager Keras layer call, float32 inputs)."
    )
    rows = [
        (
            f"`{p.cell}`",
            f"`{p.keras_layer}`",
            p.shapes_tested,
            f"{p.max_abs_error:.1e}",
            "×".join(map(str, p.worst_shape)),
            "×".join(map(str, p.timing_shape)),
            f"{p.numpy_seconds_per_step * 1e6:.0f}",
            f"{p.keras_seconds_per_step * 1e6:.0f}",
        )
        for p in results.cell_parity
    ]
    table = markdown_table(
        (
            "NumPy cell",
            "Keras layer",
            "Random shapes",
            "Max abs. error",
            "At shape",
            "Timing shape (batch×time×features×units)",
            "NumPy µs/step",
            "Keras µs/step",
        ),
        rows,
    )
    return "\n\n".join([title, intro, table])


def render(results: Results) -> str:
    """RESULTS.md for ``results``: header, targets, then one section per benchmark."""
    parts = ["# Benchmarks"]
    reasons = partial_reasons(results)
    if reasons:
        parts.append(
            "> **Partial run — not the benchmark of record.** "
            + "; ".join(reasons)
            + ". The full run is `make bench` on a quiet machine."
        )
    parts.append(
        f"Written by `benchmarks/run_benchmarks.py` on {results.date} "
        f"(command: `{results.command}`; the run took {results.duration_seconds / 60:.1f} min). "
        "Targets from issue 6; a miss says by how much."
    )
    parts.append(_machine_section(results))
    rows = [(v.target, v.label, v.detail) for v in verdicts(results)]
    parts.append("## Targets\n\n" + markdown_table(("Target", "Verdict", "Measured"), rows))
    if results.notes:
        parts.append("## Notes\n\n" + "\n".join(f"- {note}" for note in results.notes))
    parts += [_recipes_section(results), _notebooks_section(results), _cells_section(results)]
    return "\n\n".join(parts) + "\n"
