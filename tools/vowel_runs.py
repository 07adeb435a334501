"""The multi-seed runs behind notebook 09: LSTMs on the Japanese vowels, five seeds each.

    python tools/vowel_runs.py              # about 10 minutes on 2 quiet cores
    python tools/vowel_runs.py --out /tmp/vowel_runs.json

Trains, with every seed in SETTINGS, the models of notebook 09 on the same data,
split, scaling and padding as the notebook:

* "LSTM": Masking, LSTM, softmax over the 9 speakers (post-padded);
* "bidirectional LSTM": the same with a Bidirectional LSTM;
* "LSTM, no mask, post" and "LSTM, no mask, pre": the LSTM without its Masking
  layer, on post- and pre-padded batches (what goes wrong without the mask);
* "order LSTM": the LSTM asked whether an utterance is played forwards or backwards.

For each it stores the predicted class of every test utterance, the test and
validation accuracy, the passes over the data early stopping allowed, and the
seconds each fit took; for each model, the seed ensemble's predictions (the class
with the highest mean probability over seeds). The notebook trains seed 0 of the
LSTM and of the order LSTM live and checks them against this file.

The file records its provenance: RUN_VERSION, the settings, the package versions,
the date and the machine. tests/test_data_files.py fails when RUN_VERSION or
SETTINGS no longer match the file: bump RUN_VERSION whenever a change alters what
the runs compute, then rerun this script and commit the data.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import data_scripts

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "japanese_vowels.npz"
OUT = ROOT / "data" / "vowel_runs.json"
# Bump when a change alters what the runs compute (not for comments or refactoring).
RUN_VERSION = 1

SETTINGS = {
    "validation_per_speaker": 6,  # of each speaker's 30 training utterances
    "split_seed": 0,
    "max_len": 29,  # every utterance padded to the longest the set holds
    "units": 32,
    "learning_rate": 0.005,
    "batch_size": 32,
    "max_epochs": 60,
    "patience": 8,
    "models": ["LSTM", "bidirectional LSTM", "LSTM, no mask, post", "LSTM, no mask, pre",
               "order LSTM"],
    "seeds": [0, 1, 2, 3, 4],
}


def provenance_problems(recorded: dict) -> list[str]:
    """What in a data file's provenance no longer matches the code; empty when up to date."""
    return data_scripts.provenance_problems(recorded, ("run_version", RUN_VERSION), SETTINGS)


def load(settings: dict) -> dict:
    """The notebook's arrays: utterances split and standardised, validation chosen, padded."""
    import keras
    import numpy as np

    data = np.load(DATA)

    def utterances(part):
        frames, lengths = data[f"{part}_frames"], data[f"{part}_lengths"]
        return np.split(frames, np.cumsum(lengths)[:-1]), data[f"{part}_speakers"] - 1

    train, y_train = utterances("train")
    test, y_test = utterances("test")
    rng = np.random.default_rng(settings["split_seed"])
    is_val = np.zeros(len(train), dtype=bool)
    for speaker in range(9):
        mine = np.flatnonzero(y_train == speaker)
        is_val[rng.choice(mine, settings["validation_per_speaker"], replace=False)] = True
    fit_frames = np.concatenate([u for u, v in zip(train, is_val, strict=True) if not v])
    mean, std = fit_frames.mean(axis=0), fit_frames.std(axis=0)
    train = [(u - mean) / std for u in train]
    test = [(u - mean) / std for u in test]

    def pad(sequences, padding="post"):
        return keras.utils.pad_sequences(sequences, maxlen=settings["max_len"], dtype="float32",
                                         padding=padding, value=0.0)

    # the order question: each utterance forwards (0) and backwards (1)
    def both_ways(sequences):
        return [*sequences, *[u[::-1] for u in sequences]], np.repeat([0, 1], len(sequences))

    fit_train = [u for u, v in zip(train, is_val, strict=True) if not v]
    val_train = [u for u, v in zip(train, is_val, strict=True) if v]
    order_fit, order_fit_y = both_ways(fit_train)
    order_val, order_val_y = both_ways(val_train)
    order_test, order_test_y = both_ways(test)
    return {
        "is_val": is_val,
        "speaker": {padding: (pad(train, padding), y_train, pad(test, padding), y_test)
                    for padding in ("post", "pre")},
        "order": (pad(order_fit), order_fit_y, pad(order_val), order_val_y, pad(order_test), order_test_y),
    }


def build(kind: str, n_classes: int, settings: dict, seed: int):
    import keras

    keras.utils.set_random_seed(seed)
    layers = [keras.Input((None, 12))]
    if "no mask" not in kind:
        layers.append(keras.layers.Masking(mask_value=0.0))
    lstm = keras.layers.LSTM(settings["units"])
    layers.append(keras.layers.Bidirectional(lstm) if kind.startswith("bidirectional") else lstm)
    layers.append(keras.layers.Dense(n_classes, activation="softmax"))
    model = keras.Sequential(layers)
    model.compile(optimizer=keras.optimizers.Adam(settings["learning_rate"]),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def run(kind: str, seed: int, arrays: dict, settings: dict) -> tuple[dict, list]:
    import keras
    import numpy as np

    if kind == "order LSTM":
        X_fit, y_fit, X_val, y_val, X_test, y_test = arrays["order"]
        n_classes = 2
    else:
        padding = "pre" if kind.endswith("pre") else "post"
        X_train, y_train, X_test, y_test = arrays["speaker"][padding]
        is_val = arrays["is_val"]
        X_fit, y_fit, X_val, y_val = X_train[~is_val], y_train[~is_val], X_train[is_val], y_train[is_val]
        n_classes = 9
    model = build(kind, n_classes, settings, seed)
    stop = keras.callbacks.EarlyStopping(patience=settings["patience"], restore_best_weights=True)
    start = time.perf_counter()
    history = model.fit(X_fit, y_fit, validation_data=(X_val, y_val), epochs=settings["max_epochs"],
                        batch_size=settings["batch_size"], callbacks=[stop], verbose=0)
    seconds = time.perf_counter() - start
    probabilities = model.predict(X_test, verbose=0)
    predicted = probabilities.argmax(axis=1)
    val_predicted = model.predict(X_val, verbose=0).argmax(axis=1)
    row = {"model": kind, "seed": seed, "test_accuracy": float(np.mean(predicted == y_test)),
           "val_accuracy": float(np.mean(val_predicted == y_val)),
           "epochs": len(history.history["loss"]), "seconds": round(seconds, 1),
           "parameters": int(model.count_params()), "test_predictions": predicted.tolist()}
    return row, probabilities.tolist()


def compact_json(record: dict) -> str:
    """JSON with one item per line, except lists of whole numbers, which stay on one line."""
    text = json.dumps(record, indent=1)
    return re.sub(r"\[\s+(-?\d+(?:,\s+-?\d+)*)\s+\]",
                  lambda match: "[" + ", ".join(n.strip() for n in match.group(1).split(",")) + "]",
                  text) + "\n"


def run_all() -> dict:
    """Every (model, seed) of SETTINGS and each model's seed ensemble: the data file's results."""
    import numpy as np

    arrays = load(SETTINGS)
    runs, ensembles = [], {}
    for kind in SETTINGS["models"]:
        probabilities = []
        for seed in SETTINGS["seeds"]:
            row, probs = run(kind, seed, arrays, SETTINGS)
            runs.append(row)
            probabilities.append(probs)
            print({k: v for k, v in row.items() if k != "test_predictions"}, flush=True)
        ensembles[kind] = np.mean(probabilities, axis=0).argmax(axis=1).tolist()
    return {"validation_indices": np.flatnonzero(arrays["is_val"]).tolist(), "runs": runs,
            "ensembles": ensembles}


def main(argv: list[str] | None = None) -> int:
    args = data_scripts.arguments(__doc__, OUT).parse_args(argv)
    data_scripts.start_tensorflow()
    record = data_scripts.run_and_record(
        "vowel_runs.py", ("run_version", RUN_VERSION), SETTINGS,
        "Test predictions of the LSTMs of notebook 09 (Japanese vowels), one row per (model, seed), "
        "and each model's seed ensemble.", run_all, machine_note=data_scripts.SHARED_MACHINE)
    data_scripts.save(args.out, record, compact_json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
