"""The answer checks of notebook 09: right answers pass, wrong ones get a hint, odd input never raises."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.exercises import nb09 as ex

CHECKS = [ex.check_pad_post, ex.check_padding_frames, ex.check_order_features, ex.check_mcnemar_p]


def verdict(check, answer, capsys):
    ok = check(answer)
    return bool(ok), capsys.readouterr().out


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


def placeholder_function(*args):
    return ...


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("placeholder", [None, ..., placeholder_function])
def test_placeholder_gets_a_reminder(check, placeholder, capsys):
    ok, out = verdict(check, placeholder, capsys)
    assert not ok and "replace the placeholder" in out, out


@pytest.mark.parametrize(
    ("check", "answer"),
    [
        (ex.check_pad_post, pad_post),
        (ex.check_pad_post, lambda s, n: np.stack([np.pad(x, ((0, n - len(x)), (0, 0))) for x in s])),
        (ex.check_pad_post, lambda s, n: [np.vstack([x, np.zeros((n - len(x), x.shape[1]))]).tolist() for x in s]),
        (ex.check_padding_frames, padding_frames),
        (ex.check_padding_frames, lambda: 3556),
        (ex.check_padding_frames, lambda: np.int64(3556)),
        (ex.check_order_features, order_features),
        (ex.check_order_features, lambda u: np.concatenate([u[-1] - u[0], u.mean(axis=0)])),
        (ex.check_mcnemar_p, p_value_9_against_2),
        (ex.check_mcnemar_p, lambda: 0.0654),
        (ex.check_mcnemar_p, lambda: 0.065),
        (ex.check_mcnemar_p, lambda: np.float32(0.06543)),
    ],
)
def test_right_answers_pass(check, answer, capsys):
    ok, out = verdict(check, answer, capsys)
    assert ok and out.startswith("Correct"), out


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


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (lambda s, n: np.stack([np.pad(x, ((n - len(x), 0), (0, 0))) for x in s]), "pre padding"),
        (lambda s, n: pad_post(s, n)[:, :, 0], "channels axis"),
        (lambda s, n: pad_post(s, n + 1), "return shape"),
        (lambda s, n: pad_post(s, n) + 1, "np.zeros"),
        (lambda s, n: "batch", "array of numbers"),
        (lambda s, n: None, "return"),
        (lambda s: s, "raised TypeError"),
        (lambda s, n: [[1, 2], [3]], "array of numbers"),
    ],
)
def test_pad_post_wrong(answer, hint, capsys):
    ok, out = verdict(ex.check_pad_post, answer, capsys)
    assert not ok and hint in out, out


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (lambda: 3556 * 12, "counts numbers"),
        (lambda: 4274, "real frames"),
        (lambda: 270 * 29, "every frame"),
        (lambda: 0.45, "whole number"),  # the share the notebook prints
        (lambda: 45, "minus the real ones"),
        (lambda: "3556", "whole number"),
    ],
)
def test_padding_frames_wrong(answer, hint, capsys):
    ok, out = verdict(ex.check_padding_frames, answer, capsys)
    assert not ok and hint in out, out


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (lambda u: np.concatenate([u.mean(axis=0), u.std(axis=0)]), "same for an utterance and its reverse"),
        (lambda u: np.sort(u, axis=0)[0], "same for an utterance and its reverse"),
        (lambda u: np.array([float(len(u))]), "same for an utterance and its reverse"),
        (lambda u: u.ravel(), "same number of features"),
        (lambda u: np.resize(u, (29, 12)).ravel(), "too many"),
        (lambda u: u[:, 0], "same number of features"),
        (lambda u: np.array([u[1, 0] - u[0, 0]]), "needs 90 %"),
        (lambda u: u.mean(axis=0)[None, :], "1-D"),
        (lambda u: "order", "array of numbers"),
    ],
)
def test_order_features_wrong(answer, hint, capsys):
    ok, out = verdict(ex.check_order_features, answer, capsys)
    assert not ok and hint in out, out


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (lambda: 0.0327, "one-sided"),
        (lambda: 0.0348, "chi-square"),
        (lambda: 0.0704, "chi-square"),
        (lambda: 0.07, "chi-square"),
        (lambda: 0.05, "11 utterances"),
        (lambda: 2.0, "between 0 and 1"),
        (lambda: -0.1, "between 0 and 1"),
        (lambda: "0.065", "a p-value"),
        (lambda: True, "a p-value"),
    ],
)
def test_mcnemar_wrong(answer, hint, capsys):
    ok, out = verdict(ex.check_mcnemar_p, answer, capsys)
    assert not ok and hint in out, out


ODD = [0, float("nan"), float("inf"), "text", {"a": 1}, [[1, 2], [3]], np.array(3.0), True, print, lambda: None,
       lambda *a: [np.nan] * 3, lambda *a: float("inf"), lambda *a: object()]


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("answer", ODD)
def test_odd_input_never_raises(check, answer, capsys):
    ok, out = verdict(check, answer, capsys)
    assert not ok and out.strip()
