"""The wide long-gap sweep behind notebook 04: SimpleRNN, GRU and LSTM against the gap.

    python tools/long_gap_sweep.py            # or: make sweep   (about 10 minutes on 2 cores)
    python tools/long_gap_sweep.py --out /tmp/sweep.json

Trains one small model per (series, gap, seed) on the memory task of
helpers/memory_task.py, all under the same budget (SETTINGS below), and writes
every test accuracy, with the time each run took, to data/long_gap_sweep.json.
The notebook trains a few of these runs live and plots the rest from that file.

The file also records its provenance: SWEEP_VERSION, the settings, the
package versions, the date and the machine. tests/test_data_files.py fails
when SWEEP_VERSION or SETTINGS no longer match the file: then rerun `make sweep`
and commit the new data file. Editing a comment or a docstring needs no rerun.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import data_scripts

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "long_gap_sweep.json"
# Bump this when a change to the computation changes the numbers: this script's
# loop, or helpers/memory_task.py's data, models or training. Then `make sweep`.
SWEEP_VERSION = 1

# One series = one curve in the notebook's plot. Every series gets the same
# budget (data, epochs, batches, optimiser); a series changes only what its
# label says: the cell, the distractor noise, the initial memory-gate bias
# (None = Keras's default), the LSTM's initial input-gate bias, or the number
# of units. The four main series get five seeds, the variants three.
MAIN_SEEDS, VARIANT_SEEDS = [0, 1, 2, 3, 4], [0, 1, 2]
SETTINGS = {
    "series": [
        {"label": "SimpleRNN", "cell": "SimpleRNN", "noise_std": 2.0,
         "memory_gate_bias": None, "seeds": MAIN_SEEDS},
        {"label": "GRU, b_z = 5", "cell": "GRU", "noise_std": 2.0,
         "memory_gate_bias": 5.0, "seeds": MAIN_SEEDS},
        {"label": "LSTM, b_f = 5", "cell": "LSTM", "noise_std": 2.0,
         "memory_gate_bias": 5.0, "seeds": MAIN_SEEDS},
        {"label": "LSTM, b_f = 5, b_i = -3", "cell": "LSTM", "noise_std": 2.0,
         "memory_gate_bias": 5.0, "input_gate_bias": -3.0, "seeds": MAIN_SEEDS},
        {"label": "SimpleRNN, 18 units", "cell": "SimpleRNN", "noise_std": 2.0,
         "memory_gate_bias": None, "units": 18, "seeds": VARIANT_SEEDS},
        {"label": "SimpleRNN, no distractors", "cell": "SimpleRNN", "noise_std": 0.0,
         "memory_gate_bias": None, "seeds": VARIANT_SEEDS},
        {"label": "GRU, b_z = 0 (Keras default)", "cell": "GRU", "noise_std": 2.0,
         "memory_gate_bias": None, "seeds": VARIANT_SEEDS},
        {"label": "LSTM, b_f = 1 (Keras default)", "cell": "LSTM", "noise_std": 2.0,
         "memory_gate_bias": None, "seeds": VARIANT_SEEDS},
    ],
    "gaps": [10, 20, 30, 50, 100, 200],
    "budget": {
        "units": 8,
        "n_symbols": 2,
        "n_train": 2048,
        "n_test": 1000,
        "epochs": 15,
        "batch_size": 64,
        "learning_rate": 0.01,
    },
}


def provenance_problems(recorded: dict) -> list[str]:
    """What in a data file's provenance no longer matches the code; empty when up to date."""
    return data_scripts.provenance_problems(recorded, ("sweep_version", SWEEP_VERSION), SETTINGS)


def run_sweep(settings: dict) -> list[dict]:
    from helpers.memory_task import run_memory_experiment

    runs = []
    total = len(settings["gaps"]) * sum(len(series["seeds"]) for series in settings["series"])
    for series in settings["series"]:
        for gap in settings["gaps"]:
            for seed in series["seeds"]:
                t0 = time.perf_counter()
                budget = {**settings["budget"], "units": series.get("units", settings["budget"]["units"])}
                result = run_memory_experiment(
                    series["cell"], gap, seed=seed, noise_std=series["noise_std"],
                    memory_gate_bias=series["memory_gate_bias"],
                    input_gate_bias=series.get("input_gate_bias"), **budget,
                )
                seconds = time.perf_counter() - t0
                runs.append(
                    {
                        "series": series["label"],
                        "cell": series["cell"],
                        "gap": gap,
                        "seed": seed,
                        "units": budget["units"],
                        "test_accuracy": round(result["test_accuracy"], 4),
                        "train_accuracy": [round(a, 4) for a in result["train_accuracy"]],
                        "seconds": round(seconds, 2),
                    }
                )
                print(
                    f"[{len(runs):3d}/{total}] {series['label']:<30} gap {gap:4d} seed {seed}: "
                    f"test accuracy {result['test_accuracy']:.3f}  ({seconds:.1f} s)",
                    flush=True,
                )
    return runs


def main() -> int:
    args = data_scripts.arguments(__doc__, OUT).parse_args()
    data_scripts.start_tensorflow()
    record = data_scripts.run_and_record(
        "long_gap_sweep.py", ("sweep_version", SWEEP_VERSION), SETTINGS,
        "Test accuracy of SimpleRNN, GRU and LSTM on the long-gap memory task (notebook 04), "
        "one row per (series, gap, seed).", lambda: {"runs": run_sweep(SETTINGS)})
    data_scripts.save(args.out, record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
