"""Answer checks for the exercises of notebooks/09_classifying_whole_sequences.ipynb.

One ``check_...`` per exercise, in the ``exercise`` decorator style (see
helpers/exercises/__init__.py); exercise 3 fits the notebook's LDA on the learner's
features of the Japanese vowels, exercise 4 computes McNemar's exact test.
"""

from __future__ import annotations

import functools
import math
from typing import Any

import numpy as np

from helpers.exercises import AnswerProblem, Verdict, as_int, as_number, exercise, feedback, learner_array, quote

# Exercise 1 ---------------------------------------------------------------------------------

_RNG = np.random.default_rng(9)
_PAD_CASES = (
    ([np.array([[1.0], [2.0], [3.0]]), np.array([[4.0]]), np.array([[5.0], [6.0]])], 3),
    ([_RNG.normal(size=(n, 4)) + 3 for n in (2, 5, 1, 4)], 6),
    ([_RNG.normal(size=(3, 2))], 3),
)


def _reference_pad_post(sequences: list[np.ndarray], length: int) -> np.ndarray:
    batch = np.zeros((len(sequences), length, sequences[0].shape[1]))
    for i, sequence in enumerate(sequences):
        batch[i, : len(sequence)] = sequence
    return batch


def _reference_pad_pre(sequences: list[np.ndarray], length: int) -> np.ndarray:
    batch = np.zeros((len(sequences), length, sequences[0].shape[1]))
    for i, sequence in enumerate(sequences):
        batch[i, length - len(sequence):] = sequence
    return batch


@exercise(1, answer="function")
def check_pad_post(function: Any) -> Verdict:
    """Exercise 1: pad sequences with zero frames after each one."""
    for sequences, length in _PAD_CASES:
        copies = [s.copy() for s in sequences]
        batch = learner_array(function, copies, length, name="pad_post")
        expected = _reference_pad_post(sequences, length)
        if batch.shape != expected.shape:
            if batch.shape == expected.shape[:2]:
                return feedback(False, "keep the channels axis: the result is (sequences, length, channels).")
            return feedback(False, f"with {len(sequences)} sequences of {sequences[0].shape[1]} channel(s) "
                                   f"and length={length}, return shape {expected.shape}, "
                                   f"got {batch.shape}.")
        if np.allclose(batch, expected):
            continue
        if np.allclose(batch, _reference_pad_pre(sequences, length)):
            return feedback(False, "that is pre padding (zeros before each sequence); post padding puts "
                                   "each sequence first and the zeros after it.")
        return feedback(False, "start from np.zeros((len(sequences), length, channels)) and copy sequence i "
                               "into batch[i, :len(sequence)].")
    return feedback(True, "each sequence first, then zero frames up to the length.")


# Exercise 2 ---------------------------------------------------------------------------------

_TRAIN_UTTERANCES, _MAX_LEN, _CHANNELS = 270, 29, 12


@functools.cache
def _train_frames() -> int:
    """Real frames in the training utterances (the data file's lengths)."""
    from helpers.notebook_setup import COURSE_ROOT

    with np.load(COURSE_ROOT / "data" / "japanese_vowels.npz") as data:
        return int(data["train_lengths"].sum())


@exercise(2, read=as_int, expects="one whole number of frames")
def check_padding_frames(count: int) -> Verdict:
    """Exercise 2: padding frames in the training batch (270 utterances of 29 frames)."""
    real = _train_frames()
    total = _TRAIN_UTTERANCES * _MAX_LEN
    padding = total - real
    if count == padding:
        return feedback(True, f"{total} frames in the batch, {real} of them real: {padding} are padding, "
                              f"{padding / total:.0%} of the batch.")
    if count == padding * _CHANNELS:
        return feedback(False, "that counts numbers; count frames (each frame holds 12 numbers).")
    if count == real:
        return feedback(False, "that is the number of real frames; the question asks for the padding.")
    if count == total:
        return feedback(False, "that is every frame of the batch; subtract the real ones.")
    return feedback(False, "all frames of the batch (270 × 29) minus the real ones "
                           "(the sum of the utterances' lengths).")


# Exercise 3 ---------------------------------------------------------------------------------


@functools.cache
def _order_data() -> tuple:
    """The notebook's forwards-or-backwards question: fitting and test utterances, standardised."""
    from helpers.notebook_setup import COURSE_ROOT
    from helpers.ragged import split_by_lengths

    with np.load(COURSE_ROOT / "data" / "japanese_vowels.npz") as data:
        train = split_by_lengths(data["train_frames"], data["train_lengths"])
        test = split_by_lengths(data["test_frames"], data["test_lengths"])
        speakers = data["train_speakers"] - 1
    rng = np.random.default_rng(0)
    is_val = np.zeros(len(train), dtype=bool)
    for speaker in range(9):
        is_val[rng.choice(np.flatnonzero(speakers == speaker), 6, replace=False)] = True
    fit = [u for u, v in zip(train, is_val, strict=True) if not v]
    frames = np.concatenate(fit)
    mean, std = frames.mean(axis=0), frames.std(axis=0)
    fit = [(u - mean) / std for u in fit]
    test = [(u - mean) / std for u in test]
    return fit, test


def _lda_accuracy(features_fit: np.ndarray, labels_fit: np.ndarray,
                  features_test: np.ndarray, labels_test: np.ndarray) -> float:
    """The notebook's LDA (equal priors, shared covariance), with a tiny ridge for safety."""
    means = np.stack([features_fit[labels_fit == c].mean(axis=0) for c in (0, 1)])
    residuals = features_fit - means[labels_fit]
    cov = residuals.T @ residuals / (len(features_fit) - 2)
    cov += 1e-9 * np.trace(cov) / len(cov) * np.eye(len(cov)) + 1e-12 * np.eye(len(cov))
    weights = np.linalg.solve(cov, means.T)
    biases = -0.5 * np.sum(means.T * weights, axis=0)
    return float(np.mean(np.argmax(features_test @ weights + biases, axis=1) == labels_test))


def _features(function: Any, utterances: list[np.ndarray]) -> np.ndarray:
    rows = []
    for u in utterances:
        row = learner_array(function, u.copy(), name="order_features")
        if row.ndim != 1 or row.size == 0:
            raise AnswerProblem(f"order_features should return a non-empty 1-D array, got shape {row.shape}.")
        if rows and row.shape != rows[0].shape:
            raise AnswerProblem("order_features should return the same number of features for every "
                                f"utterance, got {rows[0].size} and {row.size}.")
        rows.append(row)
    return np.array(rows)


@exercise(3, answer="function")
def check_order_features(function: Any) -> Verdict:
    """Exercise 3: features with which LDA tells forwards from backwards (>= 90 % on the test set)."""
    fit, test = _order_data()
    probe = fit[0]
    forwards, backwards = _features(function, [probe, probe[::-1]])
    if np.allclose(forwards, backwards):
        return feedback(False, "your features are the same for an utterance and its reverse, so no "
                               "classifier can tell them apart. Use something that depends on "
                               "the order, such as the last half's mean minus the first half's.")
    features_fit = _features(function, fit + [u[::-1] for u in fit])
    features_test = _features(function, test + [u[::-1] for u in test])
    if features_fit.shape[1] > 200:
        return feedback(False, f"{features_fit.shape[1]} features is too many for 432 fitting "
                               "utterances: summarise the utterance in a few dozen numbers.")
    labels_fit = np.repeat([0, 1], len(fit))
    labels_test = np.repeat([0, 1], len(test))
    accuracy = _lda_accuracy(features_fit, labels_fit, features_test, labels_test)
    if accuracy >= 0.9:
        return feedback(True, f"LDA on your features: {accuracy:.1%} on the forwards-or-backwards test. "
                              "A feature you chose by hand; the LSTM found its own.")
    return feedback(False, f"LDA on your features scores {accuracy:.1%} (needs 90 %). Compare the "
                           "start and the end of the utterance, channel by channel.")


# Exercise 4 ---------------------------------------------------------------------------------

_B, _C = 9, 2


def _exact_p(b: int, c: int) -> float:
    n, k = b + c, min(b, c)
    return min(1.0, 2 * sum(math.comb(n, i) for i in range(k + 1)) / 2**n)


def _chi2_p(statistic: float) -> float:
    """Upper tail of the chi-square distribution with one degree of freedom."""
    return math.erfc(math.sqrt(statistic / 2))


@exercise(4, read=as_number, expects="one number between 0 and 1 (a p-value)")
def check_mcnemar_p(p: float) -> Verdict:
    """Exercise 4: McNemar's exact two-sided p-value for b = 9 against c = 2."""
    exact = _exact_p(_B, _C)  # 0.0654
    if abs(p - exact) < 0.0005:
        return feedback(True, f"p = {exact:.4f}, above 0.05: 9 against 2 is not yet evidence that "
                              "one classifier is better.")
    if abs(p - exact / 2) < 0.0005:
        return feedback(False, "that is one-sided: count the splits as uneven in either direction "
                               "(double it).")
    if abs(p - _chi2_p((_B - _C) ** 2 / (_B + _C))) < 0.0005 or abs(
            p - _chi2_p((abs(_B - _C) - 1) ** 2 / (_B + _C))) < 0.0005:
        return feedback(False, "that is the chi-square approximation; with 11 discordant utterances "
                               "use the exact binomial test (binomtest).")
    if not 0 <= p <= 1:
        return feedback(False, f"a p-value is a probability between 0 and 1, got {quote(p)}.")
    return feedback(False, "only the 11 utterances where exactly one is right count: the chance of 2 or "
                           "fewer heads in 11 fair tosses, times two.")
