"""The course on one page: equations, shapes, gates, windows and a forecasting checklist.

Drawn by code like every figure (figure 19, ``page(19)``), in the course's notation, as an A4
landscape page: ``make figures`` writes it as a PNG and as a one-page PDF
(``figures/19_summary_sheet.pdf``) to hand out. Everything on it stays inside a box that leaves
at least 10 mm of margin on A4 and, printed at 100 %, on US Letter (:data:`CONTENT_BOX`).
The encoder–decoder lines are real code: the tests build the model from the sheet's text.
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
US_LETTER_LANDSCAPE = (11.0, 8.5)
MM = 1 / 25.4  # inches
# The box both papers hold with 12 mm to spare (10 mm is the least a printer needs): as wide as
# US Letter less its margins, as tall as A4 less its margins; centred on the A4 page.
_WIDTH = min(A4_LANDSCAPE[0], US_LETTER_LANDSCAPE[0]) - 24 * MM
_HEIGHT = min(A4_LANDSCAPE[1], US_LETTER_LANDSCAPE[1]) - 24 * MM
CONTENT_BOX = (  # left, bottom, right, top, as fractions of the A4 page
    (A4_LANDSCAPE[0] - _WIDTH) / 2 / A4_LANDSCAPE[0],
    (A4_LANDSCAPE[1] - _HEIGHT) / 2 / A4_LANDSCAPE[1],
    (A4_LANDSCAPE[0] + _WIDTH) / 2 / A4_LANDSCAPE[0],
    (A4_LANDSCAPE[1] + _HEIGHT) / 2 / A4_LANDSCAPE[1],
)
HEADING_COLOUR = BLUE
_GAP = 0.018  # between columns, as a fraction of the page width
COLUMN_WIDTH = (CONTENT_BOX[2] - CONTENT_BOX[0] - 2 * _GAP) / 3
COLUMN_LEFT = tuple(CONTENT_BOX[0] + i * (COLUMN_WIDTH + _GAP) for i in range(3))

BODY_PT, EQUATION_PT, CODE_PT, HEADING_PT = 8.4, 10.2, 7.6, 11.0
CODE_MARK = "`"  # a line starting with a backtick is code, shown in monospace

# Each column: (heading, lines). A line that is one $...$ is an equation; a line starting with
# a backtick is code.
COLUMNS: list[list[tuple[str, list[str]]]] = [
    [
        ("Simple RNN (notebook 01)", [
            r"$h_t = \tanh(x_t W + h_{t-1} U + b)$",
            r"Same $W, U, b$ at every step; $h_0 = 0$; $h_t$ is the memory.",
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
            "return_sequences=True: (batch, time, units), every",
            "h_t (needed below another recurrent layer).",
            "keras.Input((time, features)): one sample's shape.",
        ]),
        ("GRU cell (notebook 03; Keras's form)", [
            r"$z_t = \sigma(x_t W_z + h_{t-1} U_z + b_z)$",
            r"$r_t = \sigma(x_t W_r + h_{t-1} U_r + b_r)$",
            r"$\tilde{h}_t = \tanh(x_t W_h + b_h + r_t \odot (h_{t-1} U_h + b'_h))$",
            r"$h_t = z_t \odot h_{t-1} + (1 - z_t) \odot \tilde{h}_t$",
            r"No cell state. $z_t$ update gate: keep $z_t$ of the old",
            r"state, write $1 - z_t$ of the candidate; $r_t$ reset gate.",
        ]),
        ("Sequences of different lengths (09)", [
            "Pad to one length (keras.utils.pad_sequences),",
            "then Masking, so that the padding is not read; the",
            "last layer is Dense(classes, softmax). Try a baseline",
            "that ignores the order first (per-channel mean, std).",
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
        ("Keras's LSTM and GRU weights", [
            r"kernel (d, 4n), recurrent_kernel (n, 4n), bias (4n,)",
            "Gate order along the 4n columns: i, f, c, o.",
            r"Parameters: LSTM $4(dn + n^2 + n)$;",
            r"GRU (reset_after=True) $3(dn + n^2 + 2n)$.",
        ]),
        ("Windows (notebooks 05, 07)", [
            "Sample i reads x[i : i + n_in] and predicts",
            "x[i + n_in : i + n_in + n_out].",
            "samples = T − n_in − n_out + 1.",
            "[10, 20, ..., 90], n_in = 3: six samples,",
            "X (6, 3), y (6,).",
            "LSTM input: X.reshape(samples, n_in, features).",
        ]),
    ],
    [
        ("Several steps ahead (05, 07)", [
            "Recursive: predict one step, feed it back in.",
            "Direct: Dense(n_out) predicts every step at once.",
            "Encoder–decoder (from keras import layers):",
            "`model = keras.Sequential([",
            "`  keras.Input((n_in, n_features)),",
            "`  layers.LSTM(100),",
            "`  layers.RepeatVector(n_out),",
            "`  layers.LSTM(100, return_sequences=True),",
            "`  layers.TimeDistributed(layers.Dense(1))])",
        ]),
        ("Forecasting checklist (05–08)", [
            "1. Split by time: train, validation, test. Every",
            "    choice (order, window, units, stopping) is made",
            "    on the validation slice; the test part once, last.",
            "2. Fit the scaling on the training part only, and",
            "    undo the scaling before scoring.",
            "3. When the series trends, forecast the changes.",
            "4. Baselines first: last value, seasonal naive (with",
            "    drift), a linear AR with its order chosen on the",
            "    training part.",
            "5. Echo check: does the forecast just repeat the last",
            "    value? Compare errors and the lag-1 correlation.",
            "6. \"A beats B\" needs a paired test on the same test",
            "    windows (Diebold–Mariano).",
            "7. A network earns its place on the residuals of a",
            "    good linear model (check them first).",
            "8. Report the seeds' ensemble, their median and",
            "    spread, and the fit time.",
        ]),
    ],
]


def code_lines() -> list[str]:
    """The lines of code on the sheet, as a learner would type them."""
    return [line[len(CODE_MARK):] for column in COLUMNS for _, lines in column for line in lines
            if line.startswith(CODE_MARK)]


def draw_summary_sheet() -> Figure:
    """Figure 19: the one-page summary, as an A4 landscape figure."""
    fig = plt.figure(figsize=A4_LANDSCAPE)
    left, bottom, right, top = CONTENT_BOX
    inch = 1 / A4_LANDSCAPE[1]  # one inch, as a fraction of the page height
    fig.text(0.5, top, "From RNNs to LSTMs: the course on one page", ha="center", va="top",
             fontsize=19, fontweight="bold", color=INK)
    for x, column in zip(COLUMN_LEFT, COLUMNS, strict=True):
        y = top - 0.5 * inch
        for heading, lines in column:
            fig.text(x, y, heading, fontsize=HEADING_PT, fontweight="bold", color=HEADING_COLOUR, va="top")
            y -= 0.27 * inch
            for line in lines:
                is_equation = line.startswith("$") and line.count("$") == 2 and line.endswith("$")
                if line.startswith(CODE_MARK):
                    fig.text(x + 0.04 * inch, y, line[len(CODE_MARK):], va="top", color=INK,
                             fontsize=CODE_PT, family="DejaVu Sans Mono")
                    y -= 0.16 * inch
                else:
                    fig.text(x + (0.08 * inch if is_equation else 0), y, line, va="top", color=INK,
                             fontsize=EQUATION_PT if is_equation else BODY_PT)
                    y -= (0.24 if is_equation else 0.178) * inch
            y -= 0.12 * inch
    for x in COLUMN_LEFT[1:]:
        fig.add_artist(plt.Line2D([x - _GAP / 2] * 2, [bottom + 0.3 * inch, top - 0.45 * inch],
                                  color="#DDDDDD", lw=1))
    fig.text(0.5, bottom, "Notation as in the notebooks: row vectors, $x_t W$; n units, d features "
             "per step; σ and ⊙ as above.", ha="center", va="bottom", fontsize=8.5, color=MUTED)
    return fig


def write_pdf(path: str | Path) -> Path:
    """Write the summary sheet as a one-page PDF (vector text, for printing)."""
    path = Path(path)
    fig = draw_summary_sheet()
    fig.savefig(path, format="pdf", metadata={"Creator": None, "Producer": None, "CreationDate": None})
    plt.close(fig)
    return path
