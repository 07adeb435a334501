"""The benchmarks' statistics, target verdicts and Markdown, on tiny synthetic cases.

Nothing here times or trains anything: the numbers are made up.
"""

from __future__ import annotations

import math

import pytest

from benchmarks import report
from benchmarks.report import (
    COURSE,
    MET,
    MISSED,
    SEED,
    UNMEASURED,
    CellParity,
    CellTime,
    Machine,
    NotebookRun,
    RecipeRun,
    Results,
)
from benchmarks.run_benchmarks import parse_args, select_notebooks

COURSE_FILES = (
    "01_recurrent_neural_networks.ipynb",
    "02_long_term_dependencies.ipynb",
    "03_lstm_architecture.ipynb",
    "04_rnn_vs_lstm_long_gaps.ipynb",
    "05_univariate_lstm_forecasting.ipynb",
)


def pair(seed: int, seed_pred: float, course_pred: float, seed_fit=10.0, course_fit=2.0):
    return [
        RecipeRun(SEED, seed, seed_pred, seed_fit, 0.1),
        RecipeRun(COURSE, seed, course_pred, course_fit, 0.01),
    ]


def notebook(name: str, wall: float = 10.0, peak: int = 500_000_000, status: str = "ok"):
    return NotebookRun(name, status, wall, 3.0, peak, (CellTime(4, wall / 2, "model.fit(X, y)"),))


def results(seeds: int = 10, notebooks=COURSE_FILES, **changes) -> Results:
    runs = [run for s in range(seeds) for run in pair(s, 102.0 + s / 10, 100.1)]
    base = dict(
        date="2026-01-01 12:00 UTC",
        command="python benchmarks/run_benchmarks.py",
        machine=Machine("Test CPU", 2, 2, 8_000_000_000, "Linux", (1.0, 1.0, 1.0), (1.5, 1.2, 1.0)),
        versions={"python": "3.11.7", "tensorflow": "2.21.0", "keras": "3.15.1", "numpy": "2.4.6"},
        sections=("recipes", "notebooks", "cells"),
        seeds=tuple(range(seeds)),
        recipe_runs=runs,
        course_recipe="`helpers.forecasting.train_course_forecaster(...)`",
        expected_notebooks=COURSE_FILES,
        notebook_runs=[notebook(name) for name in notebooks],
        cell_parity=[
            CellParity("lstm_forward", "keras.layers.LSTM", 20, 3e-7, (2, 5, 1, 3), (32, 100, 8, 64),
                       2e-5, 1e-3)
        ],
        duration_seconds=600.0,
    )
    return Results(**{**base, **changes})


# ---------------------------------------------------------------- statistics


def test_spread_gives_min_median_max():
    s = report.spread([3.0, 1.0, 2.0, 10.0])
    assert (s.minimum, s.median, s.maximum, s.count) == (1.0, 2.5, 10.0, 4)
    assert s.format(1) == "1.0 / 2.5 / 10.0"


@pytest.mark.parametrize("values, message", [([], "empty"), ([1.0, math.nan], "finite")])
def test_spread_rejects_bad_values(values, message):
    with pytest.raises(ValueError, match=message):
        report.spread(values)


def test_abs_error_is_distance_to_100():
    assert RecipeRun(SEED, 0, 102.5, 1.0, 0.1).abs_error == pytest.approx(2.5)
    assert RecipeRun(SEED, 0, 99.7, 1.0, 0.1).abs_error == pytest.approx(0.3)


def test_fit_ratios_pair_each_seed_with_itself():
    runs = pair(1, 102, 100, seed_fit=10, course_fit=2) + pair(0, 102, 100, seed_fit=8, course_fit=4)
    runs.append(RecipeRun(COURSE, 7, 100.0, 1.0, 0.0))  # no seed-recipe partner: left out
    assert report.fit_ratios(runs) == [(0, 0.5), (1, 0.2)]


def test_fit_ratios_reject_a_zero_seed_fit_time():
    with pytest.raises(ValueError, match="seed 3"):
        report.fit_ratios(pair(3, 102, 100, seed_fit=0.0))


def test_cpu_model_reads_proc_cpuinfo():
    text = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\nprocessor\t: 1\n"
    assert report.cpu_model(text) == "AMD EPYC 7B13"
    assert report.cpu_model("processor : 0\n") is None


def test_notebook_budget_is_longer_for_04_only():
    assert report.notebook_budget("04_rnn_vs_lstm_long_gaps.ipynb") == 120
    assert report.notebook_budget("05_univariate_lstm_forecasting.ipynb") == 60


# ---------------------------------------------------------------- verdicts


def test_accuracy_met_when_every_seed_is_within_the_limit():
    runs = [r for s in range(10) for r in pair(s, 103, 100 + (0.5 if s == 3 else 0.1))]
    verdict = report.accuracy_verdict(runs)
    assert verdict.status == MET and not verdict.partial
    assert "0.500 (seed 3)" in verdict.detail


def test_accuracy_missed_says_which_seeds_and_by_how_much():
    runs = [r for s in range(10) for r in pair(s, 103, 99.2 if s in (2, 5) else 100.1)]
    verdict = report.accuracy_verdict(runs)
    assert verdict.status == MISSED
    assert "2 of 10 seeds beyond 0.5 (seeds 2, 5)" in verdict.detail
    assert "0.300 over the limit" in verdict.detail


def test_accuracy_on_few_seeds_is_partial_and_unmeasured_without_the_course():
    verdict = report.accuracy_verdict(pair(0, 102, 100.2))
    assert verdict.status == MET and verdict.partial and "only 1 seeds" in verdict.detail
    assert report.accuracy_verdict([RecipeRun(SEED, 0, 102, 9, 0.1)]).status == UNMEASURED


def test_fit_ratio_is_judged_on_the_median_of_per_seed_ratios():
    fits = [1.0, 2.0, 2.5, 9.0]  # ratios 0.1, 0.2, 0.25, 0.9: median 0.225
    runs = [r for s, f in enumerate(fits) for r in pair(s, 102, 100, seed_fit=10, course_fit=f)]
    verdict = report.fit_ratio_verdict(runs)
    assert verdict.status == MET and "median ratio 0.225 (worst seed 0.900)" in verdict.detail
    at_limit = [r for s in range(3) for r in pair(s, 102, 100, seed_fit=8, course_fit=2)]
    assert report.fit_ratio_verdict(at_limit).status == MET  # ≤ 0.25, not < 0.25


def test_fit_ratio_missed_says_by_how_much():
    runs = [r for s in range(10) for r in pair(s, 102, 100, seed_fit=10, course_fit=3.0)]
    verdict = report.fit_ratio_verdict(runs)
    assert verdict.status == MISSED
    assert "median ratio 0.300, 0.050 over 0.25 (1.20× the limit" in verdict.detail


def test_notebook_time_verdicts():
    name = "05_univariate_lstm_forecasting.ipynb"
    assert report.notebook_time_verdict(name, notebook(name, wall=60.0)).status == MET
    slow = report.notebook_time_verdict(name, notebook(name, wall=75.0))
    assert slow.status == MISSED and "75.0 s, 15.0 s over" in slow.detail
    assert "cell 4 37.5 s `model.fit(X, y)`" in slow.detail
    failed = report.notebook_time_verdict(name, notebook(name, status="error: ValueError in cell 7"))
    assert failed.status == MISSED and "ValueError in cell 7" in failed.detail
    assert report.notebook_time_verdict(name, NotebookRun(name, "missing")).status == UNMEASURED
    assert report.notebook_time_verdict(name, None).status == UNMEASURED


def test_suite_time_needs_every_notebook():
    runs = [notebook(name, wall=55.0) for name in COURSE_FILES]
    assert report.suite_time_verdict(COURSE_FILES, runs).status == MET
    runs[3] = notebook(COURSE_FILES[3], wall=110.0)  # 04 within its own budget, suite 330 s
    over = report.suite_time_verdict(COURSE_FILES, runs)
    assert over.status == MISSED and "330.0 s, 30.0 s over; longest 04" in over.detail
    partial = report.suite_time_verdict(COURSE_FILES, runs[3:])
    assert partial.status == UNMEASURED and "not run: 01, 02, 03" in partial.detail


def test_memory_verdict_names_the_worst_notebook():
    runs = [notebook(name) for name in COURSE_FILES]
    assert report.memory_verdict(COURSE_FILES, runs).status == MET
    runs[3] = notebook(COURSE_FILES[3], peak=2_300_000_000)
    verdict = report.memory_verdict(COURSE_FILES, runs)
    assert verdict.status == MISSED and "2,300 MB in 04, 300 MB over" in verdict.detail
    few = report.memory_verdict(COURSE_FILES, runs[:1])
    assert few.status == MET and few.partial and "(1 of 5 notebooks)" in few.detail


def test_verdicts_cover_every_target_in_order():
    targets = [v.target for v in report.verdicts(results())]
    assert targets[0].startswith("Course recipe within 0.5")
    assert targets[1].startswith("Course fit time")
    assert [t[:2] for t in targets[2:7]] == ["01", "02", "03", "04", "05"]
    assert targets[7].startswith("Whole suite") and targets[8].startswith("Peak kernel memory")


# ---------------------------------------------------------------- Markdown


def table_rows(markdown: str) -> list[list[str]]:
    return [line.split(" | ") for line in markdown.splitlines() if line.startswith("| ")]


def test_markdown_table_escapes_pipes_and_checks_widths():
    table = report.markdown_table(("a", "b"), [("x|y", 1)])
    assert table.splitlines() == ["| a | b |", "|---|---|", "| x\\|y | 1 |"]
    with pytest.raises(ValueError, match="one value per header"):
        report.markdown_table(("a", "b"), [(1,)])


def test_full_run_renders_every_section_without_a_partial_banner():
    text = report.render(results())
    assert text.startswith("# Benchmarks\n") and "Partial run" not in text
    for heading in ("## Machine and packages", "## Targets", "## 1. Univariate recipe",
                    "## 2. Notebooks", "## 3. NumPy cells against Keras"):
        assert heading in text
    assert "| Test CPU |" in text and "| `keras` | 3.15.1 |" in text
    assert "| Course recipe within 0.5 of 100 on every seed | ✅ met |" in text
    # per-seed row: seed 3, seed recipe 102.3, course 100.1, ratio 2/10
    assert "| 3 | 102.300 | 2.300 | 10.00 | 100.100 | 0.100 | 2.00 | 0.200 |" in text
    assert "| Course / seed fit time | 10 |  |  | 0.200 / 0.200 / 0.200 |  |" in text
    assert "| **Suite** (5 of 5 ran to the end) |  | 50.0 | 300 |" in text
    assert "| `lstm_forward` | `keras.layers.LSTM` | 20 | 3.0e-07 | 2×5×1×3 |" in text
    assert "/work" not in text and "/tmp" not in text


def test_every_table_row_has_as_many_cells_as_its_header():
    text = report.render(results(seeds=2, notebooks=COURSE_FILES[4:]))
    for block in text.split("\n\n"):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        if rows:
            widths = {line.replace("\\|", "").count("|") for line in rows}
            assert len(widths) == 1, block


def test_quick_run_is_labelled_partial_with_its_reasons():
    text = report.render(
        results(seeds=2, notebooks=COURSE_FILES[4:], sections=("recipes", "notebooks"))
    )
    banner = next(line for line in text.splitlines() if line.startswith("> "))
    assert "Partial run" in banner
    assert "2 seeds (a full run uses ≥ 10)" in banner
    assert "notebooks not run: 01, 02, 03, 04" in banner
    assert "section `cells` skipped" in banner
    assert "| Whole suite in ≤ 300 s (5 min) | – not measured |" in text
    assert "✅ met (partial run)" in text


def test_missing_course_recipe_is_reported_not_hidden():
    seed_only = [RecipeRun(SEED, s, 102.0, 10.0, 0.1) for s in range(10)]
    text = report.render(
        results(recipe_runs=seed_only, course_recipe_error="`helpers.forecasting` is missing")
    )
    assert "the course recipe could not run" in text
    assert "**The course recipe could not run:** `helpers.forecasting` is missing" in text
    assert "| Course recipe | 0 | – | – | – | – |" in text


def test_failed_notebooks_and_leftovers_are_shown():
    runs = [notebook(name) for name in COURSE_FILES]
    runs[1] = NotebookRun(COURSE_FILES[1], "error: ValueError in cell 6", None, 2.5, 400_000_000,
                          leftovers=("model.png",))
    text = report.render(results(notebook_runs=runs))
    assert "| 02_long_term_dependencies.ipynb | error: ValueError in cell 6 | – | 60 | 2.5 | 400 |" in text
    assert "| 02 runs in ≤ 60 s | ❌ not met | did not run to the end: error: ValueError" in text
    assert "- 02: model.png" in text
    assert "missing or failed: 02" in text


# ---------------------------------------------------------------- command line


def test_select_notebooks_by_number_or_name():
    files = list(COURSE_FILES)
    assert select_notebooks(files, None) == files
    assert select_notebooks(files, ["5", "03"]) == [files[2], files[4]]
    assert select_notebooks(files, ["notebooks/01_recurrent_neural_networks.ipynb"]) == [files[0]]
    with pytest.raises(SystemExit, match="no course notebook matches '09'"):
        select_notebooks(files, ["09"])


def test_parse_args_defaults_to_a_full_run():
    args = parse_args([])
    assert args.seeds == report.MIN_SEEDS and args.notebooks is None and args.skip == []
    assert parse_args(["--seeds", "2", "--skip", "cells"]).skip == ["cells"]
    with pytest.raises(SystemExit):
        parse_args(["--seeds", "0"])
