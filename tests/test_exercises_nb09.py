"""The answer checks of notebook 09: right answers pass, wrong ones get their hint.

Placeholders and odd input: tests/test_exercise_checks_never_raise.py.
"""

from __future__ import annotations

import numpy as np
import pytest
from conftest import assert_verdict

from helpers.exercises import nb09 as ex


# Model answers, as a learner would write them in the notebook.
def pad_post(sequences, length):
    batch = np.zeros((len(sequences), length, sequences[0].shape[1]))
    for i, sequence in enumerate(sequences):
        batch[i, : len(sequence)] = sequence
    return batch


def padding_frames():
    return 270 * 29 - ex._train_frames()


def order_features(u):
    half = len(u) // 2
    return u[half:].mean(axis=0) - u[:half].mean(axis=0)


def p_value_9_against_2():
    from scipy.stats import binomtest

    return binomtest(2, 11, 0.5).pvalue


# (check, answer, the hint it gets: None for a right answer)
VERDICTS = [
    (ex.check_pad_post, pad_post, None),
    (ex.check_pad_post, lambda s, n: np.stack([np.pad(x, ((0, n - len(x)), (0, 0))) for x in s]), None),
    (ex.check_pad_post, lambda s, n: [np.vstack([x, np.zeros((n - len(x), x.shape[1]))]).tolist() for x in s],
     None),
    (ex.check_pad_post, lambda s, n: np.stack([np.pad(x, ((n - len(x), 0), (0, 0))) for x in s]), "pre padding"),
    (ex.check_pad_post, lambda s, n: pad_post(s, n)[:, :, 0], "channels axis"),
    (ex.check_pad_post, lambda s, n: pad_post(s, n + 1), "return shape"),
    (ex.check_pad_post, lambda s, n: pad_post(s, n) + 1, "np.zeros"),
    (ex.check_pad_post, lambda s, n: "batch", "array of numbers"),
    (ex.check_pad_post, lambda s, n: None, "return"),
    (ex.check_pad_post, lambda s: s, "raised TypeError"),
    (ex.check_pad_post, lambda s, n: [[1, 2], [3]], "array of numbers"),
    (ex.check_padding_frames, padding_frames, None),
    (ex.check_padding_frames, lambda: 3556, None),
    (ex.check_padding_frames, lambda: np.int64(3556), None),
    (ex.check_padding_frames, lambda: 3556 * 12, "counts numbers"),
    (ex.check_padding_frames, lambda: 4274, "real frames"),
    (ex.check_padding_frames, lambda: 270 * 29, "every frame"),
    (ex.check_padding_frames, lambda: 0.45, "whole number"),  # the share the notebook prints
    (ex.check_padding_frames, lambda: 45, "minus the real ones"),
    (ex.check_padding_frames, lambda: "3556", "whole number"),
    (ex.check_order_features, order_features, None),
    (ex.check_order_features, lambda u: np.concatenate([u[-1] - u[0], u.mean(axis=0)]), None),
    (ex.check_order_features, lambda u: np.concatenate([u.mean(axis=0), u.std(axis=0)]),
     "same for an utterance and its reverse"),
    (ex.check_order_features, lambda u: np.sort(u, axis=0)[0], "same for an utterance and its reverse"),
    (ex.check_order_features, lambda u: np.array([float(len(u))]), "same for an utterance and its reverse"),
    (ex.check_order_features, lambda u: u.ravel(), "same number of features"),
    (ex.check_order_features, lambda u: np.resize(u, (29, 12)).ravel(), "too many"),
    (ex.check_order_features, lambda u: u[:, 0], "same number of features"),
    (ex.check_order_features, lambda u: np.array([u[1, 0] - u[0, 0]]), "needs 90 %"),
    (ex.check_order_features, lambda u: u.mean(axis=0)[None, :], "1-D"),
    (ex.check_order_features, lambda u: "order", "array of numbers"),
    (ex.check_mcnemar_p, p_value_9_against_2, None),
    (ex.check_mcnemar_p, lambda: 0.0654, None),
    (ex.check_mcnemar_p, lambda: 0.065, None),
    (ex.check_mcnemar_p, lambda: np.float32(0.06543), None),
    (ex.check_mcnemar_p, lambda: 0.0327, "one-sided"),
    (ex.check_mcnemar_p, lambda: 0.0348, "chi-square"),
    (ex.check_mcnemar_p, lambda: 0.0704, "chi-square"),
    (ex.check_mcnemar_p, lambda: 0.07, "chi-square"),
    (ex.check_mcnemar_p, lambda: 0.05, "11 utterances"),
    (ex.check_mcnemar_p, lambda: 2.0, "between 0 and 1"),
    (ex.check_mcnemar_p, lambda: -0.1, "between 0 and 1"),
    (ex.check_mcnemar_p, lambda: "0.065", "a p-value"),
    (ex.check_mcnemar_p, lambda: True, "a p-value"),
]


@pytest.mark.parametrize(("check", "answer", "hint"), VERDICTS)
def test_each_answer_gets_its_verdict(check, answer, hint, capsys):
    assert_verdict(check, answer, hint, capsys)


def test_padding_numbers_are_the_datas():
    # 270 training utterances of 7-26 frames; the notebook prints "padding: 45% of the training frames"
    assert ex._train_frames() == 4274 and round(1 - 4274 / (270 * 29), 2) == 0.45


def test_mcnemar_reference_matches_statsmodels():
    from statsmodels.stats.contingency_tables import mcnemar

    for b, c in [(9, 2), (3, 3), (0, 5), (12, 30)]:
        assert ex._exact_p(b, c) == pytest.approx(mcnemar([[50, b], [c, 7]], exact=True).pvalue)
        for correction in (True, False):
            chi2 = mcnemar([[50, b], [c, 7]], exact=False, correction=correction)
            assert ex._chi2_p(chi2.statistic) == pytest.approx(chi2.pvalue)
