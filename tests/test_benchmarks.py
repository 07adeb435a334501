"""The benchmarks' verdicts and Markdown, on made-up numbers (nothing here times or trains)."""

from __future__ import annotations

import pytest
import stamp_notebooks

from benchmarks import report
from benchmarks.report import (
    CLASSIC,
    COURSE,
    MET,
    MISSED,
    UNMEASURED,
    CellParity,
    CellTime,
    NotebookRun,
    RecipeRun,
    Results,
)
from benchmarks.run_benchmarks import parse_args, select_notebooks

# Made-up notebook names: the report must not depend on the real course.
FILES = ("01_a.ipynb", "02_b.ipynb", "04_c.ipynb")


def pair(seed: int, original: float, course: float, original_fit=10.0, course_fit=0.5):
    return [RecipeRun(CLASSIC, seed, original, original_fit, 0.1), RecipeRun(COURSE, seed, course, course_fit, 0.01)]


def notebook(name: str, wall: float = 10.0, peak: int = 500_000_000, status: str = "ok"):
    return NotebookRun(name, status, wall, 3.0, peak, (CellTime(4, wall / 2, "model.fit(X, y)"),))


def results(seeds: int = 10, notebooks=FILES, **changes) -> Results:
    base = dict(
        date="2026-01-01 12:00 UTC",
        command="python benchmarks/run_benchmarks.py",
        machine="Test CPU, 2 cores, 8.0 GB, Linux; load average 1.00/1.00/1.00 → 1.50/1.20/1.00",
        versions={"python": "3.11.7", "keras": "3.15.1"},
        sections=("recipes", "notebooks", "cells"),
        expected_notebooks=FILES,
        recipe_runs=[run for s in range(seeds) for run in pair(s, 102.0 + s / 10, 100.1)],
        notebook_runs=[notebook(name) for name in notebooks],
        cell_parity=[CellParity("lstm_forward", "keras.layers.LSTM", 20, 3e-7, (2, 5, 1, 3), (32, 100, 1, 50),
                                2e-4, 1e-3)],
    )
    return Results(**{**base, **changes})


def verdict(res: Results, start: str) -> report.Verdict:
    return next(v for v in report.verdicts(res) if v.target.startswith(start))


def test_fit_ratios_pair_each_seed_with_itself():
    runs = pair(0, 102, 100, 10.0, 1.0) + pair(1, 102, 100, 4.0, 2.0) + [RecipeRun(COURSE, 2, 100, 1.0, 0.1)]
    assert report.fit_ratios(runs) == {0: 0.1, 1: 0.5}


def test_accuracy_and_fit_ratio_verdicts():
    assert verdict(results(), "Course recipe within").label == MET
    off = results(recipe_runs=pair(0, 102, 100.1) + pair(1, 102, 100.9))
    missed = verdict(off, "Course recipe within")
    assert missed.label == MISSED and "seeds [1]" in missed.detail and "a full run uses 10" in missed.detail
    assert verdict(results(), "Course fit time").label == MET  # 0.5 / 10 = 0.05
    slow = results(recipe_runs=pair(0, 102, 100, 10.0, 2.0))
    assert verdict(slow, "Course fit time").label == MISSED
    assert "median ratio 0.200" in verdict(slow, "Course fit time").detail
    alone = results(recipe_runs=[RecipeRun(CLASSIC, 0, 102, 10, 0.1)], course_recipe_error="it raised")
    assert verdict(alone, "Course recipe within") == (verdict(alone, "Course recipe within").target,
                                                      UNMEASURED, "it raised")


def test_notebook_suite_and_memory_verdicts():
    res = results(notebook_runs=[notebook("01_a.ipynb"), notebook("02_b.ipynb", wall=70.0),
                                 notebook("04_c.ipynb", wall=100.0, peak=2_100_000_000)])
    assert verdict(res, "01 runs").label == MET
    assert verdict(res, "02 runs").label == MISSED and "slowest: cell 4 35.0 s" in verdict(res, "02 runs").detail
    assert verdict(res, "04 runs in ≤ 120 s").label == MET
    assert verdict(res, "Whole course").detail == "180.0 s"
    assert verdict(res, "Peak kernel memory").label == MISSED
    assert verdict(results(notebooks=FILES[:1]), "Whole course").label == UNMEASURED


def test_full_run_renders_every_section_without_a_partial_banner():
    text = report.render(results())
    assert text.startswith("# Benchmarks\n") and "Partial run" not in text
    for heading in ("## Targets", "## 1. Forecasting", "## 2. Notebooks", "## 3. NumPy cells against Keras"):
        assert heading in text
    assert "Test CPU, 2 cores" in text and "keras 3.15.1" in text
    assert "| Course / classic fit time | 10      |" in text
    assert "`lstm_forward`" in text and "3.0e-07" in text and "2×5×1×3" in text
    assert "/work" not in text and "/tmp" not in text


def test_every_table_row_has_as_many_cells_as_its_header():
    text = report.render(results(seeds=2))
    for block in text.split("\n\n"):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        assert len({line.replace("\\|", "").count("|") for line in rows}) <= 1, block


def test_quick_run_is_labelled_partial_with_its_reasons():
    text = report.render(results(seeds=2, notebooks=FILES[2:], sections=("recipes", "notebooks")))
    banner = next(line for line in text.splitlines() if line.startswith("> "))
    for reason in ("2 seeds (a full run uses 10)", "notebooks not run: 01, 02", "section `cells` skipped"):
        assert reason in banner
    assert "## 3." not in text


def test_failed_notebooks_and_leftovers_are_shown():
    runs = [notebook(name) for name in FILES]
    runs[1] = NotebookRun(FILES[1], "error: ValueError in cell 6", None, 2.5, 400_000_000, leftovers=("model.png",))
    text = report.render(results(notebook_runs=runs))
    assert "error: ValueError in cell 6" in text and "- 02: model.png" in text
    assert verdict(results(notebook_runs=runs), "02 runs").label == MISSED


def test_notebooks_come_from_pyproject():
    files = [entry.file for entry in stamp_notebooks.load_course().entries]
    assert select_notebooks(files, None) == files
    assert select_notebooks(files, [files[-1][:2]]) == [files[-1]]
    with pytest.raises(SystemExit, match="no course notebook matches '99'"):
        select_notebooks(files, ["99"])


def test_parse_args_defaults_to_a_full_run():
    args = parse_args([])
    assert args.seeds == report.MIN_SEEDS and args.notebooks is None and args.skip == []
    with pytest.raises(SystemExit):
        parse_args(["--seeds", "0"])
