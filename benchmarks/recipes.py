"""The classic univariate recipe against the course's, interleaved in one process.

The classic recipe is the well-known univariate LSTM example
(LSTM(50, relu) and Dense(1), Adam, MSE, 200 epochs on the raw values), rebuilt
for Keras 3; the course's recipe is helpers/forecasting.py's, which notebook 05
teaches. Call ``helpers.notebook_setup.quiet_tensorflow()`` before importing this.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

import keras
import numpy as np

from benchmarks.report import CLASSIC, COURSE, RecipeRun
from helpers.sequences import split_sequence

RAW_SEQUENCE = [10, 20, 30, 40, 50, 60, 70, 80, 90]
N_STEPS = 3
LAST_WINDOW = [70, 80, 90]
WARM_UP_SEED = 10_000  # outside any seed range a run uses; its pair is discarded


def run_classic_recipe(seed: int) -> RecipeRun:
    """The classic model, as close as Keras 3 allows: only `keras.Input` replaces `input_shape`."""
    keras.backend.clear_session()
    keras.utils.set_random_seed(seed)
    X, y = split_sequence(RAW_SEQUENCE, N_STEPS)
    X = X.reshape((X.shape[0], N_STEPS, 1))
    model = keras.Sequential(
        [
            keras.Input((N_STEPS, 1)),
            keras.layers.LSTM(50, activation="relu"),
            keras.layers.Dense(1),
        ]
    )
    model.compile(optimizer="adam", loss="mse")
    start = time.perf_counter()
    model.fit(X, y, epochs=200, verbose=0)
    fit_seconds = time.perf_counter() - start
    x_input = np.array(LAST_WINDOW, dtype=np.float32).reshape((1, N_STEPS, 1))
    start = time.perf_counter()
    prediction = float(np.asarray(model.predict(x_input, verbose=0)).reshape(-1)[0])
    predict_seconds = time.perf_counter() - start
    return RecipeRun(CLASSIC, seed, prediction, fit_seconds, predict_seconds)


def run_course_recipe(train: Callable[..., object], seed: int) -> RecipeRun:
    keras.backend.clear_session()
    keras.utils.set_random_seed(seed)
    start = time.perf_counter()
    forecaster = train(RAW_SEQUENCE, n_steps=N_STEPS, seed=seed)
    fit_seconds = time.perf_counter() - start
    start = time.perf_counter()
    prediction = float(forecaster.predict_next(LAST_WINDOW))
    predict_seconds = time.perf_counter() - start
    return RecipeRun(COURSE, seed, prediction, fit_seconds, predict_seconds)


def run_interleaved(
    seeds: Sequence[int],
    train: Callable[..., object] | None,
    progress: Callable[[str], None] = print,
) -> tuple[list[RecipeRun], str | None]:
    """Original recipe then course recipe for each seed, after one discarded warm-up pair.

    If the course recipe raises, it is dropped for the remaining seeds and the
    error is returned with the runs.
    """
    error = None

    def course_run(seed: int) -> RecipeRun | None:
        nonlocal train, error
        if train is None:
            return None
        try:
            return run_course_recipe(train, seed)
        except Exception as exc:  # report it in RESULTS.md rather than lose the run
            error = f"seed {seed}: {type(exc).__name__}: {exc}"
            progress(f"  course recipe failed on {error}; continuing with the classic recipe")
            train = None
            return None

    run_classic_recipe(WARM_UP_SEED)
    course_run(WARM_UP_SEED)
    runs = []
    for seed in seeds:
        pair = [run_classic_recipe(seed)]
        course = course_run(seed)
        if course is not None:
            pair.append(course)
        runs += pair
        progress(
            f"  seed {seed}: "
            + ", ".join(
                f"{run.recipe} {run.prediction:.3f} in {run.fit_seconds:.2f} s" for run in pair
            )
        )
    return runs, error
