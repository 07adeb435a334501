"""Read data/long_gap_sweep.json and assert what notebook 04 says about it.

Taught in notebooks/04_rnn_vs_lstm_long_gaps.ipynb, which states each finding
in words and then calls :func:`assert_sweep_claims` (section 4: the three cells;
Going further: the variants): every sentence about the sweep is one claim
below, asserted against the data file. ``LEARNED``, ``CHANCE`` and
``NEAR_CHANCE`` are the course's one definition of "learned" and "at chance".
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["CHANCE", "LEARNED", "NEAR_CHANCE", "assert_sweep_claims", "sweep_accuracies"]

LEARNED = 0.95  # a seed "learned the task" when its test accuracy reaches this
CHANCE = 0.5
NEAR_CHANCE = 0.10  # "at chance": within 10 points of 50%


def sweep_accuracies(sweep: Any) -> tuple[list[int], dict[str, np.ndarray]]:
    """The test accuracies of a sweep record, as one array [gap, seed] per series.

    Args:
        sweep: the parsed JSON of ``data/long_gap_sweep.json`` (a dict with
            ``provenance.settings`` and ``runs``).

    Returns:
        ``gaps`` (list of ints) and ``{label: accuracies}``, each array of shape
        (len(gaps), seeds of that series); a run missing from the file is NaN.

    Raises:
        TypeError: ``sweep`` is not a dict.
        ValueError: ``sweep`` lacks the settings or runs, or a run is not a
            dict, names an unknown series, gap or seed, repeats another run, or
            lacks a test accuracy between 0 and 1 (the message names the run).
    """
    if not isinstance(sweep, dict):
        raise TypeError(f"sweep must be the dict read from the JSON file, got {type(sweep).__name__}")
    try:
        settings = sweep["provenance"]["settings"]
        gaps = [int(gap) for gap in settings["gaps"]]
        series = {entry["label"]: list(entry["seeds"]) for entry in settings["series"]}
        runs = list(sweep["runs"])
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"sweep lacks provenance.settings (gaps, series) or runs ({error!r})") from None
    accuracy = {label: np.full((len(gaps), len(seeds)), np.nan) for label, seeds in series.items()}
    for number, run in enumerate(runs, start=1):
        where = f"the sweep's run {number}"
        if not isinstance(run, dict):
            raise ValueError(f"{where} is not a dict but {type(run).__name__}")
        label, gap, seed = run.get("series"), run.get("gap"), run.get("seed")
        if label not in series or gap not in gaps or seed not in series[label]:
            raise ValueError(f"{where} lies outside its settings: series {label!r}, gap {gap!r}, seed {seed!r}")
        value = run.get("test_accuracy")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise ValueError(f"{where} ({label}, gap {gap}, seed {seed}) needs a test_accuracy between 0 "
                             f"and 1, got {value!r:.40}")
        row, column = gaps.index(gap), series[label].index(seed)
        if not np.isnan(accuracy[label][row, column]):
            raise ValueError(f"{where} repeats {label}, gap {gap}, seed {seed}")
        accuracy[label][row, column] = float(value)
    return gaps, accuracy


PARTS = ("cells", "variants")


# What the claims read: each series with its number of seeds, and the gaps.
_NEEDED = {
    "cells": {"SimpleRNN": 5, "LSTM, b_f = 5": 5, "GRU, b_z = 5": 5},
    "variants": {"SimpleRNN, 18 units": 3, "SimpleRNN, no distractors": 3, "LSTM, b_f = 1 (Keras default)": 3,
                 "GRU, b_z = 0 (Keras default)": 3, "LSTM, b_f = 5, b_i = -3": 5},
}
_NEEDED_GAPS = (10, 20, 30, 50, 100, 200)


def assert_sweep_claims(sweep: Any, part: str = "cells") -> list[str]:
    """Assert what notebook 04 says about the sweep; return the statements asserted.

    Args:
        sweep: the parsed JSON of ``data/long_gap_sweep.json``.
        part: ``"cells"`` (section 4: the three cells with their memory gate
            open) or ``"variants"`` (Going further: the five variants).

    Raises:
        AssertionError: a statement does not hold for these data (the message names it).
        TypeError, ValueError: see :func:`sweep_accuracies`; or ``part`` is
            unknown, or the sweep lacks a series, seeds, a gap or a run the
            statements are about.
    """
    if not isinstance(part, str) or part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}, got {part!r:.40}")
    gaps, accuracy = sweep_accuracies(sweep)
    missing_gaps = [gap for gap in _NEEDED_GAPS if gap not in gaps]
    if missing_gaps:
        raise ValueError(f"the sweep lacks gaps {missing_gaps}, which notebook 04's statements are about")
    for label, seeds in _NEEDED[part].items():
        if label not in accuracy:
            raise ValueError(f"the sweep lacks the series {label!r}")
        if accuracy[label].shape[1] != seeds:
            raise ValueError(f"the sweep's series {label!r} has {accuracy[label].shape[1]} seeds; "
                             f"the statements are about {seeds}")
        if np.isnan(accuracy[label]).any():
            raise ValueError(f"the sweep lacks runs of {label!r}: each gap needs all {seeds} seeds")

    def at(label: str, gap: int) -> np.ndarray:
        return accuracy[label][gaps.index(gap)]

    def learned(values: np.ndarray) -> int:
        return int(np.sum(values >= LEARNED))

    def near_chance(values: np.ndarray) -> int:
        return int(np.sum(np.abs(values - CHANCE) <= NEAR_CHANCE))

    long_gaps = [gap for gap in gaps if gap >= 50]
    rnn, lstm, gru = "SimpleRNN", "LSTM, b_f = 5", "GRU, b_z = 5"
    wide, quiet = "SimpleRNN, 18 units", "SimpleRNN, no distractors"
    b_f_1, b_z_0 = "LSTM, b_f = 1 (Keras default)", "GRU, b_z = 0 (Keras default)"
    rnn_30 = at(rnn, 30)
    if part == "cells":
        claims = [
            ("SimpleRNN: all 5 seeds learn gaps 10 and 20, 2 of 5 learn gap 30, "
             "a third reaches 91%",
             all(learned(at(rnn, gap)) == 5 for gap in (10, 20)) and learned(rnn_30) == 2
             and int(np.sum((rnn_30 >= 0.88) & (rnn_30 <= 0.94))) == 1),
            ("SimpleRNN: 13 of its 15 runs at gaps 50 to 200 stay at chance",
             sum(near_chance(at(rnn, gap)) for gap in long_gaps) == 13),
            ("SimpleRNN: seed 3 learns gap 50, seed 4 reaches about 67% at gap 100",
             at(rnn, 50)[3] >= LEARNED and 0.62 <= at(rnn, 100)[4] <= 0.72),
            ("LSTM (b_f = 5): all 5 seeds learn every gap up to 50",
             all(learned(at(lstm, gap)) == 5 for gap in gaps if gap <= 50)),
            ("LSTM (b_f = 5): 4 of 5 seeds learn gap 100 (seed 3 at chance), 1 of 5 gap 200",
             learned(at(lstm, 100)) == 4 and near_chance(at(lstm, 100)[[3]]) == 1
             and learned(at(lstm, 200)) == 1),
            ("GRU (b_z = 5): all 5 seeds learn every gap",
             all(learned(at(gru, gap)) == 5 for gap in gaps)),
        ]
    else:
        claims = [
            ("SimpleRNN, 18 units: 2 of 3 seeds learn gap 30, 1 of 9 runs at gaps 50 to 200 "
             "(gap 100, seed 2)",
             learned(at(wide, 30)) == 2
             and sum(learned(at(wide, gap)) for gap in long_gaps) == 1
             and at(wide, 100)[2] >= LEARNED),
            ("SimpleRNN, 18 units: one run at gap 200 ends below chance, near 35%",
             int(np.sum(at(wide, 200) < CHANCE - NEAR_CHANCE)) == 1
             and 0.30 <= at(wide, 200).min() <= 0.40),
            ("SimpleRNN, no distractors: all 3 seeds learn gaps up to 100, 2 of 3 gap 200",
             all(learned(at(quiet, gap)) == 3 for gap in gaps if gap <= 100)
             and learned(at(quiet, 200)) == 2),
            ("Default biases: the LSTM (b_f = 1) learns gaps up to 30 in all 3 seeds",
             all(learned(at(b_f_1, gap)) == 3 for gap in gaps if gap <= 30)),
            ("Default biases: the GRU (b_z = 0) learns gap 30 in 1 of 3 seeds",
             learned(at(b_z_0, 30)) == 1),
            ("Default biases: both are at chance in every seed from gap 50 on",
             all(near_chance(at(label, gap)) == 3 for gap in long_gaps
                 for label in (b_f_1, b_z_0))),
            ("LSTM (b_f = 5, b_i = -3): all 5 seeds learn every gap",
             all(learned(at("LSTM, b_f = 5, b_i = -3", gap)) == 5 for gap in gaps)),
        ]
    for statement, holds in claims:
        if not holds:
            raise AssertionError(f"the sweep does not show: {statement}")
    return [statement for statement, _ in claims]
