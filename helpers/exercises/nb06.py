"""Answer checks for the exercises of notebooks/06_lstm_variants.ipynb.

Each exercise is a function the learner fills in and passes to its check::

    def bidirectional_parameters():
        return ...  # your answer: an int

    ex.check_bidirectional_parameters(bidirectional_parameters)

Each ``check_...`` prints a verdict (with a hint when the answer is wrong) and
returns a Verdict (truthy when right); a placeholder gets a reminder, and
nothing a learner passes makes a check raise. No exercise looks at a test
score: exercises 4 and 5 choose with the validation years 1881-1920 only.

``WRONG_ANSWERS`` lists, per check, values the notebook itself prints or
that a likely slip gives; a check must never call them right (a test reads it).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from helpers.exercises import Verdict, as_int, as_number, as_shape, exercise, feedback, quote

# Exercise 1: windows of 24 steps of 2 features, 4 subsequences, a batch of 32.
_BATCH, _STEPS, _FEATURES, _PIECES = 32, 24, 2, 4
# Exercise 2: Input((10, 3)) -> LSTM(16, return_sequences=True) -> LSTM(4, return_sequences=True).
_TIME, _IN, _FIRST, _SECOND = 10, 3, 16, 4
# Exercise 3: Input((20, 3)) -> Bidirectional(LSTM(16)) -> Dense(1).
_BI_FEATURES, _BI_UNITS = 3, 16
# Exercises 4 and 5: the notebook's split. Models are fitted on 1700-1880 and judged on the
# validation years 1881-1920; AR orders by AICc over 1..20.
FIRST_VALIDATION_YEAR, LAST_VALIDATION_YEAR, MAX_AR_LAG = 1881, 1920, 20
# Exercise 4: validation MAE of the AICc-chosen AR under each transform (computed by
# validation_errors below; the notebook prints the MSEs): the square root wins on MAE,
# no transform (λ = 1) on MSE, the fitted Box-Cox λ (about 0.34) on neither.
SQUARE_ROOT = 0.5
# Exercise 5: the decision rule the notebook states.
BDS_LEVEL, CLEAR_GAIN = 0.05, 0.95
LJUNG_BOX_LAG = 20

_WRONG_VALUES: dict[str, list[Any]] = {
    "check_cnn_lstm_batch_shape": [(32, 24, 2), (32, 6, 4, 2), (32, 4, 6, 1), (4, 6, 2)],
    "check_stacked_output_shape": [(32, 4), (32, 10, 16), (10, 4)],
    "check_bidirectional_parameters": [2577, 1297, 1313, 2560],
    # λ = 1 wins on validation MSE (the notebook's choice); 0.34 is the fitted λ on 1700-1880,
    # 0.36 on 1700-1920; 10.25, 9.29 and 9.52 are validation MAEs, not a λ.
    "check_transform_by_mae": [1.0, 1, 0.34, 0.36, 10.25, 9.29, 9.52],
}

# Exercise 5: an order outside 1..19, and p-values no test can give.
_NO_TEST_GIVES = {"lam": 1.0, "order": 8, "ljung_box_p": -1.0, "bds_p": 0.5,
                  "linear_validation_mse": 177.0, "hybrid_validation_mse": 170.0, "add_network": True}
_WRONG_VALUES["check_network_worth_adding"] = [{**_NO_TEST_GIVES, "order": 30}, _NO_TEST_GIVES]

#: Each wrong value as the arguments of its check (tests/test_exercise_checks_never_raise.py).
WRONG_ANSWERS: dict[str, list[tuple[Any, ...]]] = {
    name: [(value,) for value in values] for name, values in _WRONG_VALUES.items()}


def _sunspots() -> tuple[np.ndarray, np.ndarray]:
    import statsmodels.api as sm

    data = sm.datasets.sunspots.load_pandas().data
    years = data["YEAR"].to_numpy().astype(int)
    used = years <= LAST_VALIDATION_YEAR
    return years[used], data["SUNACTIVITY"].to_numpy(dtype="float64")[used]


def linear_on_validation(lam: float, order: int | None = None) -> dict[str, Any]:
    """An AR on Box-Cox(y + 1, λ) fitted on 1700-1880: its order, residuals and validation errors.

    ``order=None`` lets AICc choose it. The residuals are the fitted years'
    (from index ``order``); the errors are actual minus forecast, 1881-1920.
    """
    from helpers.hybrid import aicc_ar_order, ar_one_step, box_cox, inverse_box_cox

    years, spots = _sunspots()
    n_fit = int(np.sum(years < FIRST_VALIDATION_YEAR))
    z = box_cox(spots, lam)
    if order is None:
        order, _ = aicc_ar_order(z[:n_fit], MAX_AR_LAG)
    linear = ar_one_step(z, order, n_fit)
    errors = spots[n_fit:] - inverse_box_cox(linear[n_fit:], lam)
    return {"order": order, "residuals": (z - linear)[order:n_fit], "errors": errors}


def validation_errors(lam: float) -> tuple[float, float]:
    """(MSE, MAE) on 1881-1920 of the AICc-chosen AR under Box-Cox λ (fitted on 1700-1880)."""
    errors = linear_on_validation(lam)["errors"]
    return float(np.mean(errors**2)), float(np.mean(np.abs(errors)))


def fitted_lambda() -> float:
    """The Box-Cox λ fitted on 1700-1880 (maximum likelihood)."""
    from helpers.hybrid import box_cox_lambda

    years, spots = _sunspots()
    return box_cox_lambda(spots[years < FIRST_VALIDATION_YEAR])


@exercise(1, read=as_shape, expects="a tuple of ints such as (8, 2, 5, 1)")
def check_cnn_lstm_batch_shape(shape: tuple[int, ...]) -> Verdict:
    """Exercise 1: the input shape of a CNN-LSTM batch."""
    sub_steps = _STEPS // _PIECES
    if shape == (_BATCH, _PIECES, sub_steps, _FEATURES):
        return feedback(True, "(samples, subsequences, steps per subsequence, features): "
                              "24 steps = 4 pieces of 6.")
    if shape == (_BATCH, _STEPS, _FEATURES):
        return feedback(False, "that is the input of a plain LSTM; a CNN-LSTM needs one more axis "
                               "for the subsequences.")
    if len(shape) != 4:
        return feedback(False, "a CNN-LSTM's input has 4 axes: (samples, subsequences, steps, "
                               "features).")
    if shape == (_BATCH, sub_steps, _PIECES, _FEATURES):
        return feedback(False, "the order: subsequences (the LSTM's time steps) come before the "
                               "steps inside each one.")
    if shape[0] != _BATCH:
        return feedback(False, "the first axis counts the windows in the batch.")
    if shape[3] != _FEATURES:
        return feedback(False, "the last axis holds the features: how many numbers per time step?")
    return feedback(False, "the two middle axes split the 24 steps: 4 subsequences of how many "
                           "steps each?")


@exercise(2, read=as_shape, expects="a tuple of ints such as (8, 5, 2)")
def check_stacked_output_shape(shape: tuple[int, ...]) -> Verdict:
    """Exercise 2: the output shape of two LSTMs that both return sequences."""
    if shape == (_BATCH, _TIME, _SECOND):
        return feedback(True, "the last layer returns a sequence too: one vector of 4 units per "
                              "time step, (samples, 10, 4).")
    if shape == (_BATCH, _SECOND):
        return feedback(False, "that is what the last LSTM would give without "
                               "return_sequences=True; here it keeps the time axis.")
    if shape == (_BATCH, _TIME, _FIRST):
        return feedback(False, "that is the first layer's output; the model's output is the "
                               "second layer's.")
    if shape == (_TIME, _SECOND):
        return feedback(False, "include the samples axis first: a batch of 32 windows.")
    if len(shape) != 3:
        return feedback(False, "a layer with return_sequences=True outputs 3 axes: (samples, time "
                               "steps, units).")
    return feedback(False, "(samples, time steps, units): which of these does each layer change?")


def _lstm(d: int, n: int) -> int:
    return 4 * (n * d + n * n + n)


@exercise(3, read=as_int, expects="one whole number (an int)")
def check_bidirectional_parameters(count: int) -> Verdict:
    """Exercise 3: parameters of Input((20, 3)) -> Bidirectional(LSTM(16)) -> Dense(1)."""
    d, n = _BI_FEATURES, _BI_UNITS
    one = _lstm(d, n)
    if count == 2 * one + 2 * n + 1:
        return feedback(True, "2·4·(n·d + n² + n) for the two directions, plus 2n + 1 for Dense "
                              "reading the concatenated 2n numbers; the 20 steps add none.")
    if count == 2 * one + n + 1:
        return feedback(False, "the LSTMs are right; Dense reads both directions' states, "
                               "concatenated: 2n numbers.")
    if count in (one + n + 1, one + 2 * n + 1):
        return feedback(False, "Bidirectional holds two LSTMs, forward and backward, each with "
                               "its own weights.")
    if count == 2 * one:
        return feedback(False, "that is the Bidirectional layer alone: add the Dense layer.")
    return feedback(False, "count one LSTM(16) reading 3 features, 4·(n·d + n² + n), double it, "
                           "then add Dense(1) reading 2n numbers.")


@exercise(4, read=as_number, expects="one number, the λ of the transform you choose")
def check_transform_by_mae(lam: float) -> Verdict:
    """Exercise 4: the transform that validation MAE chooses (square root, λ = 0.5)."""
    if math.isclose(lam, SQUARE_ROOT, abs_tol=1e-9):
        return feedback(True, "on the validation years the square root (λ = 0.5) has the lowest "
                              "MAE, while no transform (λ = 1) has the lowest MSE. The criterion "
                              "is part of the protocol: fix it before you look.")
    if math.isclose(lam, 1.0, abs_tol=1e-9):
        return feedback(False, "λ = 1 is what validation MSE chooses (the notebook's choice); "
                               "compare the validation MAEs instead.")
    if 0.2 < lam < 0.45:
        return feedback(False, "that is about the fitted Box-Cox λ; its validation MAE is not the "
                               "lowest of the three. Compare the MAEs.")
    if lam > 2:
        return feedback(False, "return the λ of the winning transform (1, 0.5 or the fitted one), "
                               "not its error.")
    return feedback(False, "compute validation_errors(lam) for λ = 1, 0.5 and the fitted λ, and "
                           "return the λ whose MAE (the second number) is lowest.")


_KEYS = ("lam", "order", "ljung_box_p", "bds_p", "linear_validation_mse",
         "hybrid_validation_mse", "add_network")


def _read_decision(answer: Any) -> dict[str, Any] | None:
    """The learner's dict with every key of exercise 5, numbers as floats; else None."""
    if not isinstance(answer, dict) or set(answer) != set(_KEYS):
        return None
    parsed: dict[str, Any] = {}
    for key in _KEYS[:-1]:
        value = as_number(answer[key])
        if value is None:
            return None
        parsed[key] = value
    decision = answer["add_network"]
    if not isinstance(decision, (bool, np.bool_)):
        return None
    parsed["add_network"] = bool(decision)
    return parsed


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-4, abs_tol=1e-8)


@exercise(5, read=_read_decision,
          expects="a dict with the keys " + ", ".join(_KEYS) + " (add_network a bool)")
def check_network_worth_adding(answer: dict[str, Any]) -> Verdict:
    """Exercise 5: residual diagnostics and a validation-only decision on adding a network."""
    from statsmodels.stats.diagnostic import acorr_ljungbox
    from statsmodels.tsa.stattools import bds

    lam, order = answer["lam"], as_int(answer["order"])
    if order is None or not 1 <= order < LJUNG_BOX_LAG or not -1.0 <= lam <= 2.0:
        return feedback(False, f"use an AR order from 1 to {LJUNG_BOX_LAG - 1} and a λ between "
                               f"-1 and 2; got order {quote(answer['order'])}, λ {quote(lam)}.")
    linear = linear_on_validation(lam, order)
    residuals = linear["residuals"]
    ljung_box_p = float(acorr_ljungbox(residuals, lags=[LJUNG_BOX_LAG],
                                       model_df=order)["lb_pvalue"].iloc[0])
    bds_p = float(np.asarray(bds(residuals, max_dim=2)[1]).ravel()[0])
    linear_mse = float(np.mean(linear["errors"] ** 2))
    if not _close(answer["ljung_box_p"], ljung_box_p):
        return feedback(False, f"for AR({order}) on Box-Cox λ = {lam:g}, fitted on 1700-1880, "
                               f"Ljung-Box at lag {LJUNG_BOX_LAG} (model_df={order}) gives "
                               f"p = {ljung_box_p:.3g}, not {answer['ljung_box_p']:.3g}. Use the "
                               "residuals of the fitted years only.")
    if not _close(answer["bds_p"], bds_p):
        return feedback(False, f"BDS at dimension 2 on the same residuals gives p = {bds_p:.3g}, "
                               f"not {answer['bds_p']:.3g}.")
    if not _close(answer["linear_validation_mse"], linear_mse):
        return feedback(False, f"the linear model's validation MSE (1881-1920) is {linear_mse:.1f}, "
                               f"not {answer['linear_validation_mse']:.1f}. Is it in sunspot "
                               "numbers, after transforming back?")
    hybrid_mse = answer["hybrid_validation_mse"]
    if not 0.2 * linear_mse < hybrid_mse < 5 * linear_mse:
        return feedback(False, f"a hybrid validation MSE of {hybrid_mse:.1f} is far from the "
                               f"linear model's {linear_mse:.1f}: score it in sunspot numbers on "
                               "1881-1920.")
    worth = bds_p < BDS_LEVEL and hybrid_mse < CLEAR_GAIN * linear_mse
    if answer["add_network"] != worth:
        return feedback(False, "apply the rule: add a network only if BDS finds dependence "
                               f"(p < {BDS_LEVEL}) and the hybrid's validation MSE is at least "
                               f"{100 * (1 - CLEAR_GAIN):.0f} % below the linear model's.")
    gain = 100 * (1 - hybrid_mse / linear_mse)
    reason = ("the residuals hold nonlinear dependence and the network uses it on validation"
              if worth else
              "BDS finds nothing for a network to use" if bds_p >= BDS_LEVEL else
              "BDS finds dependence, but the network does not turn it into a clear gain")
    return feedback(True, f"Ljung-Box p = {ljung_box_p:.2g}, BDS p = {bds_p:.2g}; the hybrid is "
                          f"{gain:.1f} % {'below' if gain >= 0 else 'above'} the linear model on "
                          f"validation, so {'add' if worth else 'do not add'} it: {reason}.")
