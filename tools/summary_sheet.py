"""The course on one page: equations, shapes, gates, windows and a forecasting checklist.

Drawn by code like every figure (figure 19, ``page(19)``), in the course's
notation, as an A4 landscape page: ``make figures`` writes it as a PNG and as a
one-page PDF (``figures/19_summary_sheet.pdf``) to print for students.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from helpers.palette import BLUE, INK, MUTED  # noqa: E402

A4_LANDSCAPE = (11.69, 8.27)  # inches
HEADING_COLOUR = BLUE
COLUMN_LEFT = (0.03, 0.355, 0.68)  # left edge of each column, as a fraction of the page
COLUMN_WIDTH = 0.30

# Each column: (heading, lines). A line starting with "$" is an equation.
COLUMNS: list[list[tuple[str, list[str]]]] = [
    [
        ("Simple RNN (notebook 01)", [
            r"$h_t = \tanh(x_t W + h_{t-1} U + b)$,   $h_0 = 0$",
            "Same W, U, b at every step; h_t is the memory.",
            r"Shapes: $x_t$ (batch, d), $W$ (d, n), $U$ (n, n), $b$ (n,),",
            r"$h_t$ (batch, n).   Parameters: $dn + n^2 + n$.",
        ]),
        ("Why it forgets (notebook 02)", [
            "The gradient from step T back to step 1 is a product",
            "of T − 1 per-step factors: mostly below 1 it vanishes,",
            "above 1 it explodes. Clipping tames explosion only.",
        ]),
        ("Keras shapes (notebooks 01, 05)", [
            "Recurrent layers read (batch, time, features).",
            "return_sequences=False: (batch, units), the last h_T.",
            "return_sequences=True: (batch, time, units), all h_t",
            "(needed below another recurrent layer).",
            "keras.Input((time, features)): one sample's shape.",
        ]),
    ],
    [
        ("LSTM cell (notebook 03)", [
            r"$f_t = \sigma(x_t W_f + h_{t-1} U_f + b_f)$",
            r"$i_t = \sigma(x_t W_i + h_{t-1} U_i + b_i)$",
            r"$\tilde{c}_t = \tanh(x_t W_c + h_{t-1} U_c + b_c)$",
            r"$o_t = \sigma(x_t W_o + h_{t-1} U_o + b_o)$",
            r"$c_t = f_t \odot c_{t-1} + i_t \odot \tilde{c}_t$",
            r"$h_t = o_t \odot \tanh(c_t)$",
            r"$\sigma$: logistic sigmoid $1/(1+e^{-z})$, in (0, 1).",
            r"$\odot$: multiply component by component.",
        ]),
        ("What each part does", [
            r"$f_t$ forget gate: how much of the old state to keep.",
            r"$i_t$ input gate: how much of the candidate to write.",
            r"$\tilde{c}_t$ candidate: what could be written, in (−1, 1).",
            r"$o_t$ output gate: how much of $\tanh(c_t)$ to show as $h_t$.",
            r"$c_t$ cell state: changed only by × and +, so it",
            r"carries a fact across many steps while $f_t \approx 1$ (04).",
        ]),
        ("Keras's LSTM weights", [
            r"kernel (d, 4n), recurrent_kernel (n, 4n), bias (4n,)",
            "Gate order along the 4n columns: i, f, c, o.",
            r"Parameters: LSTM $4(dn + n^2 + n)$;",
            r"GRU (Keras, reset_after) $3(dn + n^2 + 2n)$.",
        ]),
    ],
    [
        ("Windows (notebooks 05, 07)", [
            "Sample i reads x[i : i + n_in] and predicts",
            "x[i + n_in : i + n_in + n_out].",
            "samples = T − n_in − n_out + 1.",
            "[10, 20, ..., 90], n_in = 3: six samples, X (6, 3), y (6,).",
            "As LSTM input: X.reshape(samples, n_in, features).",
        ]),
        ("Several steps ahead (05, 07)", [
            "Recursive: predict a step, feed it back; errors add up.",
            "Direct: Dense(n_out) predicts all steps at once.",
            "Encoder–decoder: LSTM, RepeatVector, LSTM,",
            "then TimeDistributed(Dense).",
        ]),
        ("Forecasting checklist (05–08)", [
            "1. Split by time first: train, validation, test.",
            "2. Fit scaling on the training part only.",
            "3. Baselines first: last value, seasonal naive,",
            "    a linear autoregression.",
            "4. Choose on validation; look at the test part once.",
            "5. Echo check: does the forecast just repeat the last",
            "    value? Compare errors and the lag-1 correlation.",
            "6. Report median and spread over seeds, and fit time.",
        ]),
    ],
]


def draw_summary_sheet() -> Figure:
    """Figure 19: the one-page summary, as an A4 landscape figure."""
    fig = plt.figure(figsize=A4_LANDSCAPE)
    fig.text(0.5, 0.955, "From RNNs to LSTMs: the course on one page", ha="center", va="center",
             fontsize=20, fontweight="bold", color=INK)
    line_step, heading_step = 0.034, 0.05
    for x, column in zip(COLUMN_LEFT, COLUMNS, strict=True):
        y = 0.895
        for heading, lines in column:
            fig.text(x, y, heading, fontsize=12.5, fontweight="bold", color=HEADING_COLOUR, va="top")
            y -= heading_step * 0.75
            for line in lines:
                is_equation = line.startswith("$") and line.count("$") == 2 and line.endswith("$")
                fig.text(x + (0.012 if is_equation else 0), y, line, va="top", color=INK,
                         fontsize=12 if is_equation else 9.6)
                y -= line_step * (1.12 if is_equation else 0.92)
            y -= heading_step * 0.45
    for x in COLUMN_LEFT[1:]:
        fig.add_artist(plt.Line2D([x - 0.012] * 2, [0.06, 0.91], color="#DDDDDD", lw=1))
    fig.text(0.5, 0.03, "Notation as in the notebooks: row vectors, x_t W; n units, d features per "
             "step. Drawn by tools/summary_sheet.py.", ha="center", fontsize=9, color=MUTED)
    return fig


def write_pdf(path: str | Path) -> Path:
    """Write the summary sheet as a one-page PDF (vector text, for printing)."""
    path = Path(path)
    fig = draw_summary_sheet()
    fig.savefig(path, format="pdf", metadata={"Creator": None, "Producer": None, "CreationDate": None})
    plt.close(fig)
    return path
