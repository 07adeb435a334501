"""data/sunspot_variants.json is complete and matches tools/sunspot_variants.py's version and settings.

Nothing here trains a model. When a check fails, rerun
`python tools/sunspot_variants.py` and commit the data file.
"""

from __future__ import annotations

import ast
import json

import pytest
import sunspot_variants
from conftest import ROOT


@pytest.fixture(scope="module")
def record():
    path = ROOT / "data" / "sunspot_variants.json"
    assert path.exists(), "data/sunspot_variants.json is missing: run tools/sunspot_variants.py"
    return json.loads(path.read_text())


def test_made_by_the_current_script_and_settings(record):
    provenance = record["provenance"]
    assert provenance["run_version"] == sunspot_variants.RUN_VERSION, (
        "RUN_VERSION changed since the data were made: rerun tools/sunspot_variants.py")
    assert provenance["settings"] == sunspot_variants.SETTINGS, (
        "SETTINGS changed since the data were made: rerun tools/sunspot_variants.py")


def notebook_06_literals() -> dict:
    """Names notebook 06 binds to literal values, and the default `units` of its functions."""
    notebook = json.loads((ROOT / "notebooks" / "06_lstm_variants.ipynb").read_text())
    found: dict = {}
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        for node in ast.walk(ast.parse("".join(cell["source"]))):
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                try:
                    value = ast.literal_eval(node.value)
                except (ValueError, TypeError, SyntaxError):
                    continue
                if isinstance(target, ast.Name):
                    found[target.id] = value
                elif isinstance(target, ast.Tuple) and isinstance(value, tuple):
                    found.update(zip((name.id for name in target.elts), value, strict=True))
            elif isinstance(node, ast.FunctionDef):
                defaults = dict(zip([a.arg for a in node.args.args][::-1],
                                    node.args.defaults[::-1], strict=False))
                if "units" in defaults:
                    found[f"{node.name}.units"] = ast.literal_eval(defaults["units"])
    return found


def test_notebook_06_trains_with_the_stored_settings(record):
    """The notebook's live runs use the settings the stored runs were made with."""
    settings, found = record["provenance"]["settings"], notebook_06_literals()
    assert found["UPDATES"] == settings["updates"]
    assert found["LEARNING_RATE"] == settings["learning_rate"]
    assert found["N_SUBSEQUENCES"] == settings["n_subsequences"]
    assert found["VARIANTS"] == settings["variants"]
    assert found["n_window"] == settings["n_steps"]
    assert [found["last_train_year"], found["last_test_year"]] == [
        settings["train_years"][1], settings["test_years"][1]]
    assert found["build_variant.units"] == found["train_and_score.units"] == settings["units"]


def test_every_variant_and_seed_is_there(record):
    settings = record["provenance"]["settings"]
    pairs = [(run["variant"], run["seed"]) for run in record["runs"]]
    assert pairs == [(v, s) for v in settings["variants"] for s in settings["seeds"]]
    assert all(run["units"] == settings["units"] for run in record["runs"])
    exercise = settings["exercise"]
    assert [(r["variant"], r["units"], r["seed"]) for r in record["exercise_runs"]] == [
        (exercise["variant"], exercise["units"], s) for s in exercise["seeds"]]
    for run in record["runs"] + record["exercise_runs"]:
        assert 0 < run["test_mae"] < run["test_mse"] and run["parameters"] > 0


def test_parameter_counts_follow_the_formulas(record):
    counts = {run["variant"]: run["parameters"] for run in record["runs"]}
    n, lstm = 8, 4 * (8 * 1 + 8 * 8 + 8)
    assert counts["LSTM"] == lstm + n + 1
    assert counts["stacked LSTM"] == lstm + 4 * (n * n + n * n + n) + n + 1
    assert counts["bidirectional LSTM"] == 2 * lstm + 2 * n + 1
    assert counts["GRU"] == 3 * (n + n * n + 2 * n) + n + 1
    assert counts["ConvLSTM"] == 4 * (2 * n + 2 * n * n + n) + 3 * n + 1
    assert counts["CNN-LSTM"] == (2 * n + n) + 4 * (n * 3 * n + n * n + n) + n + 1
