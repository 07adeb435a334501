"""The five-seed overwrite results behind notebook 04, section 8: which gates learn to forget.

    python tools/overwrite_sweep.py            # about 10 minutes on 2 busy cores
    python tools/overwrite_sweep.py --out /tmp/overwrite.json --jobs 1

Trains a SimpleRNN and an LSTM (b_f = 5) per (gap, seed) on the overwrite task of
helpers/forget_task.py, all with the same budget (SETTINGS below), and writes
to data/overwrite_sweep.json every run's test score (explained variance) and,
for each LSTM, the mean forget and input gate of every unit at three kinds of
step (first mark, later marks = overwrites, unmarked steps), before and after
training, on the run's test sequences. Units are stored in Keras's order, but
the notebook's claims never name one: they are about the lowest, the highest
or all units.

The file records its provenance: RUN_VERSION, the settings, the package
versions, the date and the machine. tests/test_data_files.py fails when
RUN_VERSION or SETTINGS no longer match the file: then rerun this script and
commit the new data file.
"""

from __future__ import annotations

import sys
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import data_scripts

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "overwrite_sweep.json"
# Bump when a change to the computation changes the numbers (this loop, or
# helpers/forget_task.py's data, model or training); then rerun the script.
RUN_VERSION = 1

SETTINGS = {
    "cells": ["SimpleRNN", "LSTM"],
    "gaps": [10, 30, 60],
    "seeds": [0, 1, 2, 3, 4],
    "forget_gate_bias": 5.0,
    "task": {"lead": 10, "n_marks": 3},
    "budget": {"units": 8, "n_train": 2048, "n_test": 1000, "epochs": 15,
               "batch_size": 64, "learning_rate": 0.01},
}


def provenance_problems(recorded: dict) -> list[str]:
    """What in a data file's provenance no longer matches the code; empty when up to date."""
    return data_scripts.provenance_problems(recorded, ("run_version", RUN_VERSION), SETTINGS)


def _levels(layer, X, marks) -> dict[str, dict[str, list[float]]]:
    """Per-unit mean f and i at the first mark, later marks and unmarked steps."""
    from helpers.cells import lstm_gate_trace
    from helpers.forget_task import gate_levels

    trace = lstm_gate_trace(X, *layer.get_weights())
    return {gate: {kind: [round(float(v), 4) for v in values]
                   for kind, values in gate_levels(trace[gate], marks).items()}
            for gate in ("f", "i")}


def one_run(cell: str, gap: int, seed: int) -> dict:
    """Train one model; for an LSTM also trace its gates before and after training."""
    data_scripts.start_tensorflow()
    import keras

    from helpers.forget_task import build_overwrite_model, make_overwrite_task, train_overwrite_model

    task, budget = SETTINGS["task"], SETTINGS["budget"]
    bias = SETTINGS["forget_gate_bias"] if cell == "LSTM" else None
    X_test, _, marks = make_overwrite_task(budget["n_test"], gap, seed=2000 + seed, **task)
    start = time.perf_counter()
    run = {"cell": cell, "gap": gap, "seed": seed}
    if cell == "LSTM":  # the same starting weights train_overwrite_model builds
        keras.utils.set_random_seed(seed)
        untrained = build_overwrite_model(cell, units=budget["units"], forget_gate_bias=bias,
                                          learning_rate=budget["learning_rate"])
        run["before"] = _levels(untrained.layers[0], X_test, marks)
    model, result = train_overwrite_model(cell, gap, seed=seed, forget_gate_bias=bias,
                                          **task, **budget)
    run["test_score"] = round(result["test_score"], 4)
    run["train_loss"] = [round(loss, 5) for loss in result["train_loss"]]
    if cell == "LSTM":
        run["after"] = _levels(model.layers[0], X_test, marks)
    run["seconds"] = round(time.perf_counter() - start, 1)
    print(f"{cell:9s} gap {gap:3d} seed {seed}: test score {run['test_score']:.3f} "
          f"({run['seconds']:.0f} s)", flush=True)
    return run


def run_all(jobs: int) -> list[dict]:
    """Every (cell, gap, seed) of SETTINGS, ``jobs`` at a time."""
    grid = [(cell, gap, seed) for cell in SETTINGS["cells"] for gap in SETTINGS["gaps"]
            for seed in SETTINGS["seeds"]]
    # a fresh process per worker ("spawn"): TensorFlow does not survive a fork
    with ProcessPoolExecutor(jobs, mp_context=get_context("spawn")) as pool:
        runs = list(pool.map(one_run, *zip(*grid, strict=True)))
    data_scripts.start_tensorflow()  # before the provenance imports it for its version
    return runs


def main() -> int:
    parser = data_scripts.arguments(__doc__, OUT)
    parser.add_argument("--jobs", type=int, default=2, help="runs trained at once (default 2)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    record = data_scripts.run_and_record(
        "overwrite_sweep.py", ("run_version", RUN_VERSION), SETTINGS,
        "SimpleRNN and LSTM on the overwrite task (notebook 04, section 8): test score per "
        "(cell, gap, seed), and each LSTM's mean forget and input gate per unit at the first "
        "mark, the later marks and the unmarked steps, before and after training.",
        lambda: {"runs": run_all(args.jobs)})
    data_scripts.save(args.out, record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
