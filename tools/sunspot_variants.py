"""The wide sunspot comparison behind notebook 06: LSTM variants against two baselines.

    python tools/sunspot_variants.py             # about 5 minutes on 2 busy cores
    python tools/sunspot_variants.py --out /tmp/sunspots.json

Trains every variant of notebook 06 (LSTM, stacked LSTM, bidirectional LSTM,
CNN-LSTM, ConvLSTM, GRU) on the yearly sunspot numbers that ship with
statsmodels, under one budget (SETTINGS below), with several seeds, and scores
one-step-ahead forecasts on the test years. It also trains the LSTM of
exercise 4 (more units). Every test error goes, with the parameter count and the
time each fit took, into data/sunspot_variants.json. The notebook trains seed 0
of every variant live, checks it against this file, and builds its table from
the file.

The file records its provenance: RUN_VERSION, the settings, the package
versions, the date and the machine. tests/test_sunspot_variants.py fails when
RUN_VERSION or SETTINGS no longer match the file: bump RUN_VERSION whenever a
change alters what the runs compute, then rerun this script and commit the data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "sunspot_variants.json"
# Bump when a change alters what the runs compute (not for comments or refactoring).
RUN_VERSION = 1

SETTINGS = {
    "train_years": [1700, 1920],
    "test_years": [1921, 1987],
    "n_steps": 12,  # window: 12 years in, the next year out
    "n_subsequences": 3,  # CNN-LSTM and ConvLSTM: the window as 3 subsequences of 4 years
    "units": 8,
    "updates": 300,  # full-batch Adam updates
    "learning_rate": 0.01,
    "variants": ["LSTM", "stacked LSTM", "bidirectional LSTM", "CNN-LSTM", "ConvLSTM", "GRU"],
    "seeds": [0, 1, 2, 3, 4],
    "exercise": {"variant": "LSTM", "units": 32, "seeds": [0, 1, 2]},
}


def load_windows(settings: dict) -> dict:
    """The sunspot windows of notebook 06, scaled with statistics of the training years."""
    import statsmodels.api as sm

    from helpers import split_sequence

    data = sm.datasets.sunspots.load_pandas().data
    years = data["YEAR"].to_numpy().astype(int)
    spots = data["SUNACTIVITY"].to_numpy(dtype="float64")
    first_train, last_train = settings["train_years"]
    first_test, last_test = settings["test_years"]
    train_part = spots[(years >= first_train) & (years <= last_train)]
    mean, std = float(train_part.mean()), float(train_part.std())
    used = (years >= first_train) & (years <= last_test)
    n_steps = settings["n_steps"]
    X, y = split_sequence((spots[used] - mean) / std, n_steps)
    target_years = years[used][n_steps:]
    train, test = target_years <= last_train, target_years >= first_test
    return {"X_train": X[train], "y_train": y[train], "X_test": X[test], "y_test": y[test],
            "mean": mean, "std": std}


def build(variant: str, units: int, settings: dict):
    """One of the notebook's six models, compiled."""
    import keras

    layers = keras.layers
    n_steps, n_seq = settings["n_steps"], settings["n_subsequences"]
    n_sub = n_steps // n_seq
    if variant == "LSTM":
        body = [keras.Input((n_steps, 1)), layers.LSTM(units)]
    elif variant == "stacked LSTM":
        body = [keras.Input((n_steps, 1)), layers.LSTM(units, return_sequences=True),
                layers.LSTM(units)]
    elif variant == "bidirectional LSTM":
        body = [keras.Input((n_steps, 1)), layers.Bidirectional(layers.LSTM(units))]
    elif variant == "CNN-LSTM":
        body = [keras.Input((n_seq, n_sub, 1)),
                layers.TimeDistributed(layers.Conv1D(units, 2, activation="relu")),
                layers.TimeDistributed(layers.Flatten()), layers.LSTM(units)]
    elif variant == "ConvLSTM":
        body = [keras.Input((n_seq, n_sub, 1)), layers.ConvLSTM1D(units, 2), layers.Flatten()]
    elif variant == "GRU":
        body = [keras.Input((n_steps, 1)), layers.GRU(units)]
    else:
        raise ValueError(f"unknown variant {variant!r}")
    model = keras.Sequential([*body, layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.Adam(settings["learning_rate"]), loss="mse",
                  steps_per_execution=settings["updates"])
    return model


def run(variant: str, units: int, seed: int, data: dict, settings: dict) -> dict:
    """Train one model with one seed; its test MSE and MAE in sunspot numbers."""
    import keras
    import numpy as np
    import tensorflow as tf

    reshape = variant in ("CNN-LSTM", "ConvLSTM")
    n_seq = settings["n_subsequences"]

    def inputs(X):
        return X.reshape((len(X), n_seq, -1, 1)) if reshape else X[..., np.newaxis]

    keras.utils.set_random_seed(seed)
    model = build(variant, units, settings)
    training = tf.data.Dataset.from_tensor_slices(
        (inputs(data["X_train"]), data["y_train"])).batch(len(data["X_train"])).repeat()
    start = time.perf_counter()
    model.fit(training, epochs=1, steps_per_epoch=settings["updates"], shuffle=False, verbose=0)
    seconds = time.perf_counter() - start
    forecast = model(inputs(data["X_test"]), training=False).numpy()[:, 0] * data["std"] + data["mean"]
    truth = data["y_test"] * data["std"] + data["mean"]
    return {"variant": variant, "units": units, "seed": seed,
            "test_mse": float(np.mean((forecast - truth) ** 2)),
            "test_mae": float(np.mean(np.abs(forecast - truth))),
            "parameters": int(model.count_params()), "seconds": round(seconds, 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    sys.path.insert(0, str(ROOT))
    import absl.logging
    import keras
    import numpy
    import tensorflow

    absl.logging.set_verbosity(absl.logging.ERROR)
    settings = SETTINGS
    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    begin = time.perf_counter()
    data = load_windows(settings)
    runs = []
    for variant in settings["variants"]:
        for seed in settings["seeds"]:
            runs.append(run(variant, settings["units"], seed, data, settings))
            print(runs[-1], flush=True)
    exercise = settings["exercise"]
    exercise_runs = [run(exercise["variant"], exercise["units"], seed, data, settings)
                     for seed in exercise["seeds"]]
    record = {
        "description": "Test errors (sunspot numbers, one step ahead, 1921-1987) of the LSTM "
                       "variants of notebook 06, one row per (variant, seed).",
        "provenance": {
            "command": "python tools/sunspot_variants.py",
            "run_version": RUN_VERSION,
            "settings": settings,
            "versions": {"python": platform.python_version(), "numpy": numpy.__version__,
                         "tensorflow": tensorflow.__version__, "keras": keras.__version__},
            "machine": {"system": platform.system(), "machine": platform.machine(),
                        "cpu_count": os.cpu_count(),
                        "note": "shared with other jobs: compare times within this file only"},
            "started_utc": started.isoformat(),
            "total_seconds": round(time.perf_counter() - begin, 1),
        },
        "runs": runs,
        "exercise_runs": exercise_runs,
    }
    args.out.write_text(json.dumps(record, indent=1) + "\n")
    print(f"wrote {args.out} in {record['provenance']['total_seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
