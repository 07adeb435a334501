"""The course's figures: their catalogue, and ``page(n)`` to show one in a notebook.

Every figure is drawn by code in ``tools/diagrams.py`` (``make figures``) and
stored as a PNG in ``figures/``. This module only reads those files, so showing
a figure needs neither matplotlib nor the drawing code. Notebooks 01, 02, 03,
05 and 06 show figures with ``from helpers import page; page(n)``.

``page`` finds ``figures/`` next to the ``helpers`` package, not in the current
directory, so it works from the repo root, from ``notebooks/`` and on Colab
(where the set-up cell clones the repository).
"""

from __future__ import annotations

import base64
import html
import textwrap
from dataclasses import dataclass
from pathlib import Path

from helpers._validation import require_int

#: The folder that holds the committed PNG files.
FIGURES_DIR = Path(__file__).resolve().parent.parent / "figures"

#: Widths ``page`` accepts, in CSS pixels.
MIN_WIDTH, MAX_WIDTH = 120, 1600


@dataclass(frozen=True)
class FigureInfo:
    """One figure of the set: where it is stored, what it says, what draws it."""

    number: int
    file: str
    caption: str
    alt: str
    drawer: str  # name of the function in tools/diagrams.py that draws it


_CATALOGUE = [
    FigureInfo(
        1, "01_rnn_loop.png",
        "A recurrent neural network with its loop. The module A reads the input xₜ, "
        "and its output hₜ is also fed back to A at the next time step.",
        "A rounded box labelled A. An arrow from x t below enters it; an arrow leaves "
        "the top as h t. A loop arrow leaves the right side of A and comes back into it, "
        "labelled: h t comes back as h t minus 1 at the next step. A note on the left "
        "says module A uses the same weights at every step.",
        "draw_rnn_loop",
    ),
    FigureInfo(
        2, "02_rnn_unrolled.png",
        "The same RNN unrolled in time: one copy of A per time step, all sharing the "
        "same weights, each passing its hidden state to the next. h₀ = 0.",
        "On the left, the box A with its loop, then an equals sign. On the right, a chain "
        "of copies of A: h 0 enters the first; inputs x 1, x 2, x 3, dots, x T enter from "
        "below; outputs h 1, h 2, h 3, dots, h T leave from the top; arrows link each copy "
        "to the next.",
        "draw_rnn_unrolled",
    ),
    FigureInfo(
        3, "03_short_gap.png",
        "A short gap: the output h₃ depends on its own input x₃ and also on x₁ and x₂, "
        "only one or two steps back. The path the information takes is short.",
        "An unrolled chain of five copies of A with inputs x 1 to x 5. Inputs x 1 and x 2 "
        "and the output h 3 are highlighted, as is the short path of arrows from the first "
        "copy to the third.",
        "draw_short_gap",
    ),
    FigureInfo(
        4, "04_long_gap.png",
        "A long gap: the last output h_T depends on its own input x_T and also on x₁ "
        "and x₂, many steps back. The information must survive every step in between.",
        "An unrolled chain of copies of A with inputs x 1, x 2, x 3, dots, x T minus 2, "
        "x T minus 1, x T. Inputs x 1 and x 2 and the output h T are highlighted, as is "
        "the long path of arrows between them, marked many steps.",
        "draw_long_gap",
    ),
    FigureInfo(
        5, "05_rnn_module.png",
        "The repeating module A of a simple RNN: one tanh layer. "
        "hₜ = tanh(xₜW + hₜ₋₁U + b).",
        "A module box labelled A. h t minus 1 enters from the left and x t from below, "
        "each with an arrowhead at the edge of the box; they are "
        "concatenated and go into one box labelled tanh. Its output is copied: one copy "
        "leaves the top as h t, the other leaves the right side as h t. The equation "
        "h t = tanh of x t W plus h t minus 1 U plus b is printed below.",
        "draw_rnn_module",
    ),
    FigureInfo(
        6, "06_lstm_module.png",
        "The repeating module A of an LSTM: four interacting layers (three σ gates and a "
        "tanh layer), the cell state cₜ along the top and the hidden state hₜ along "
        "the bottom. The copy of hₜ that leaves at the top hops over the cell-state "
        "line: it crosses it without joining it.",
        "A module box labelled A. The thick green cell state line runs across the top "
        "from c t minus 1 to c t, through a multiply circle and a plus circle. h t minus "
        "1 and x t enter at the bottom left, are concatenated, and feed four layer boxes: "
        "sigma for f t, sigma for i t, tanh for c tilde t, sigma for o t. f t multiplies "
        "the cell state; i t times c tilde t is added to it; a copy of the cell state "
        "passes through a pointwise tanh circle and is multiplied by o t to give h t, "
        "which leaves to the right; a copy of h t goes up and leaves at the top, hopping "
        "over the cell state line in a small arc.",
        "draw_lstm_module",
    ),
    FigureInfo(
        7, "07_notation.png",
        "How to read the module diagrams: orange boxes are layers (weights and a bias, then "
        "σ or tanh), blue circles are pointwise operations (× is ⊙ in the equations), arrows "
        "carry vectors, and the thick green line is the LSTM's cell state. Lines that meet at "
        "a square are concatenated, a line that splits at a dot is copied, and a line that "
        "hops over another crosses it without joining it. The grey box is the repeating "
        "module A.",
        "A legend with eight entries in two rows. Row 1: two orange boxes labelled sigma and "
        "tanh, layer: weights, bias, then sigma or tanh; blue circles labelled times, plus "
        "and tanh, pointwise: each component, times is the circled dot; an arrow, vector: "
        "moves along the line; a thick green arrow, cell state: the LSTM's memory line. "
        "Row 2: two lines joining at a small open square, concatenate: joined end to end; a "
        "line splitting at a black dot, copy: one vector, two ways; a vertical line hopping "
        "over a horizontal one in a small arc, crossing: the lines do not join; a rounded "
        "grey box labelled A, module A: same weights at every step.",
        "draw_notation",
    ),
    FigureInfo(
        8, "08_cell_state.png",
        "The cell state on its own: a line along the top of the LSTM module, changed only "
        "by one pointwise multiplication (forget) and one addition (write).",
        "The outline of the LSTM module with only its top line drawn: c t minus 1 enters "
        "on the left, passes a multiply circle fed by f t from below, then a plus circle "
        "fed by i t times c tilde t from below, and leaves on the right as c t. A note "
        "reads: forget some, then add some; nothing else changes the line. Below: c t = "
        "f t times c t minus 1 plus i t times c tilde t, pointwise.",
        "draw_cell_state",
    ),
    FigureInfo(
        9, "09_gate.png",
        "A gate: a σ layer outputs numbers between 0 and 1, and a pointwise "
        "multiplication lets that fraction of each component through.",
        "A line carrying a vector v runs left to right through a multiply circle and "
        "leaves as s circled-dot v. Below it, h t minus 1 from the left and x t from "
        "below meet at a small open square, are concatenated, and go up into an orange "
        "box labelled sigma, which sends s, each component between 0 and 1, up into the "
        "circle. A worked example, one component per row: v = 2.0, minus 1.0, 0.5, "
        "circled-dot s = 0.99, 0.01, 0.5, gives 1.98, minus 0.01, 0.25; near 1 keeps, "
        "near 0 blocks.",
        "draw_gate",
    ),
    FigureInfo(
        10, "10_forget_step.png",
        "Step 1, the forget gate: fₜ = σ(xₜW_f + hₜ₋₁U_f + b_f) decides, component "
        "by component, how much of the old cell state cₜ₋₁ to keep.",
        "The LSTM module with everything faded except the inputs, the first sigma layer "
        "and its output f t, which goes up into the multiply circle where it meets the "
        "incoming cell state c t minus 1, and a short green stub of the cell state line "
        "just after that circle, carrying f t times c t minus 1 on. Below: f t = sigma of "
        "x t W f plus h t minus 1 U f plus b f.",
        "draw_forget_step",
    ),
    FigureInfo(
        11, "11_input_step.png",
        "Step 2, the input gate and the candidate values: iₜ decides how much to write, "
        "c̃ₜ proposes what to write.",
        "The LSTM module with everything faded except the inputs, the second sigma layer "
        "giving i t, the tanh layer giving c tilde t, and the multiply circle that "
        "combines them. Below: i t = sigma of x t W i plus h t minus 1 U i plus b i, and "
        "c tilde t = tanh of x t W c plus h t minus 1 U c plus b c.",
        "draw_input_step",
    ),
    FigureInfo(
        12, "12_cell_update_step.png",
        "Step 3, the cell-state update: cₜ = fₜ ⊙ cₜ₋₁ + iₜ ⊙ c̃ₜ, forget some of "
        "the old state, then add the new candidate values.",
        "The LSTM module with everything faded except the cell-state line, its multiply "
        "circle fed by f t, its plus circle, and the inner multiply circle below the plus "
        "circle, where i t and c tilde t meet; their product i t times c tilde t goes up "
        "into the plus circle. Below: c t = f t times c t minus 1 plus i t times c tilde t, "
        "pointwise.",
        "draw_cell_update_step",
    ),
    FigureInfo(
        13, "13_output_step.png",
        "Step 4, the output: oₜ = σ(xₜW_o + hₜ₋₁U_o + b_o) picks which parts of "
        "tanh(cₜ) become the new hidden state hₜ = oₜ ⊙ tanh(cₜ).",
        "The LSTM module with everything faded except the inputs, the fourth sigma layer "
        "giving o t, the copy of the cell state c t through a pointwise tanh circle, and "
        "the multiply circle whose output h t leaves the module to the right and, as a "
        "copy, at the top, hopping over the cell state line. Below: o t = sigma of x t W o "
        "plus h t minus 1 U o plus b o, and h t = o t times tanh of c t.",
        "draw_output_step",
    ),
    FigureInfo(
        14, "14_gru_cell.png",
        "A GRU cell, as Keras computes it. There is no cell state: the hidden state (the "
        "thick black line) enters at the top left as hₜ₋₁ and leaves as hₜ = zₜ ⊙ hₜ₋₁ + "
        "(1 − zₜ) ⊙ h̃ₜ; the circle 1− gives 1 − zₜ. The two σ layers give the update gate "
        "zₜ and the reset gate rₜ. The boxes without σ or tanh are linear layers, "
        "xₜW_h + b_h and hₜ₋₁U_h + b′_h (their biases are not drawn): rₜ scales the "
        "second, the two are added, and tanh gives the candidate h̃ₜ.",
        "A module box labelled A. A thick black hidden state line runs across the top from "
        "h t minus 1 to h t, through a multiply circle and a plus circle; a copy of h t also "
        "leaves upwards at the top right. On the left, a copy of h t minus 1 goes down and "
        "is concatenated with x t, which enters from below; the concatenation feeds two "
        "sigma layers, for z t and r t. A second copy of h t minus 1 goes down from the top "
        "line into a box labelled h t minus 1 U h; its output hops over the z t line and "
        "enters a multiply circle, where r t from below multiplies it. A copy of x t feeds "
        "a box labelled x t W h; a plus circle adds the two, and a pointwise tanh circle "
        "gives h tilde t. z t runs to the multiply circle on the top line and, through a "
        "circle labelled 1 minus, to a multiply circle that takes h tilde t; that product "
        "goes up into the plus circle.",
        "draw_gru_cell",
    ),
    FigureInfo(
        15, "15_windowing.png",
        "Windowing a sequence with n_steps = 3: each window of three values is a row of X, "
        "and the value right after it is its target y. Nine values give six samples. "
        "Here blue marks an input window and orange its target.",
        "The sequence 10, 20, 30, 40, 50, 60, 70, 80, 90 as a row of cells. Below it six "
        "rows, one per sample: three consecutive cells shaded blue as the input window and "
        "the next cell shaded orange as the target. On the right, the resulting X, six rows "
        "of three values from 10 20 30 to 60 70 80, and y, 40 to 90. A key at the bottom: "
        "blue, input window: a row of X; orange, target: its y.",
        "draw_windowing",
    ),
    FigureInfo(
        16, "16_stacked_lstm.png",
        "A stacked LSTM, unrolled: layer 1 (modules A) returns its hidden state at every "
        "step, so layer 2 (modules B) reads a whole sequence; layer 2 returns only its "
        "last hidden state, which the Dense layer turns into the forecast ŷ.",
        "Two rows of module boxes. The lower row, labelled A, reads inputs x 1, x 2, x 3, "
        "dots, x T from below and passes its state from left to right; a note on the left "
        "says layer 1 is an LSTM with return_sequences=True that returns every h 1 t. Each "
        "lower module sends its output h 1 t up into the module above it in the upper row, "
        "labelled B, which also passes its state from left to right; a note says layer 2 "
        "is an LSTM with the default setting that returns only h 2 T. The upper outputs "
        "h 2 1 to h 2 3 are drawn faded, not returned; only h 2 T, from the last upper "
        "module, goes up into an orange box labelled Dense, which outputs y hat.",
        "draw_stacked_lstm",
    ),
    FigureInfo(
        17, "17_bidirectional_lstm.png",
        "A bidirectional LSTM: one LSTM (A) reads the window forwards, x₁ to x_T, another "
        "with its own weights (B) reads it backwards, x_T to x₁. Each ends with its own "
        "final state; the two are concatenated and passed to the Dense layer.",
        "Inputs x 1, x 2, x 3, dots, x T in a row in the middle. Each input sends one arrow "
        "up into a module of the upper row, labelled A, and one down into a module of the "
        "lower row, labelled B. The upper row passes its state from left to right, the lower "
        "row from right to left. Notes on the left say: forward LSTM reads x 1, x 2, to x T; "
        "backward LSTM, its own weights, reads x T to x 2, x 1. The forward state h T leaves "
        "the last upper module to the right; the backward state h 1 leaves the first lower "
        "module to the left and runs under the lower row to the right. The two meet at a "
        "small open square marked concatenate, which feeds an orange box labelled Dense, "
        "which outputs y hat.",
        "draw_bidirectional_lstm",
    ),
    FigureInfo(
        18, "18_cnn_lstm.png",
        "A CNN-LSTM: a window of 12 steps is cut into 3 subsequences of 4 steps; the same "
        "Conv1D layer (wrapped in TimeDistributed) reads each subsequence and Flatten turns "
        "its output into one vector vₖ; the LSTM reads these 3 vectors as 3 time steps "
        "(the 12-year windows of notebook 06, section 7; its toy uses 2 pieces of 2).",
        "At the bottom, a window of twelve values, 10 to 120, drawn as blue cells in three "
        "groups of four, labelled subsequence 1, 2 and 3. Above each group an orange box "
        "labelled Conv1D + Flatten; a note on the left says TimeDistributed: the same Conv1D "
        "on each piece. Each box sends a vector v 1, v 2, v 3 up into a module box labelled "
        "A; the three modules form a chain from left to right, with a note: LSTM, one step "
        "per subsequence. The last module's state h 3 goes right into an orange box labelled "
        "Dense, which outputs y hat. A line at the bottom gives the input shape: samples, 3 "
        "subsequences, 4 steps, 1 feature.",
        "draw_cnn_lstm",
    ),
    FigureInfo(
        19, "19_summary_sheet.png",
        "The course on one page: the simple RNN, LSTM and GRU equations in the course's "
        "notation, Keras's shapes and weight layout, what each gate does, the windowing rule, "
        "several steps ahead with an encoder-decoder that runs as written, sequences of "
        "different lengths, and a forecasting checklist. Printable as "
        "figures/19_summary_sheet.pdf.",
        "A page in three columns of text under the title From RNNs to LSTMs: the course on one "
        "page. Left column: the simple RNN equation h t = tanh of x t W plus h t minus 1 U plus "
        "b with its shapes and parameter count; why it forgets, a product of per-step factors; "
        "Keras shapes, batch, time, features, and return_sequences; the four GRU equations in "
        "Keras's form, update gate z t, reset gate r t, candidate h tilde t; sequences of "
        "different lengths: padding, masking, an order-free baseline first. Middle column: the "
        "six LSTM equations for f t, i t, c tilde t, o t, c t and h t; one line on what each gate "
        "does; Keras's LSTM and GRU weights, kernel d by 4n, recurrent kernel n by 4n, bias 4n, "
        "gate order i, f, c, o, and parameter counts; the windowing rule and sample count. Right "
        "column: recursive, direct and encoder-decoder forecasts, with the encoder-decoder as six "
        "lines of Keras code; an eight-step forecasting checklist: split by time and make every "
        "choice on the validation slice, fit scaling on training only and undo it before "
        "scoring, forecast the changes when the series trends, baselines first including "
        "seasonal naive with drift, echo check, a paired test before saying A beats B, a network "
        "on the residuals of a good linear model, report the seeds' ensemble, median and spread.",
        "draw_summary_sheet",
    ),
]

#: Figure number -> its catalogue entry.
FIGURES: dict[int, FigureInfo] = {info.number: info for info in _CATALOGUE}


class Page:
    """A figure ready to show: Jupyter displays it as HTML (with alt text and a
    caption) and falls back to the bare PNG in front-ends that only show images.

    The HTML is built from the committed PNG only, so it is the same on every run.
    """

    def __init__(self, info: FigureInfo, png: bytes, width: int) -> None:
        self.info = info
        self.png = png
        self.width = width

    @property
    def caption(self) -> str:
        return f"Figure {self.info.number}. {self.info.caption}"

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.png).decode("ascii")
        return (
            f'<figure><img alt="{html.escape(self.info.alt, quote=True)}" '
            f'src="data:image/png;base64,{data}" width="{self.width}">'
            f"<figcaption>{html.escape(self.caption, quote=False)}</figcaption></figure>"
        )

    def _repr_png_(self) -> bytes:
        return self.png

    def __repr__(self) -> str:
        return textwrap.fill(self.caption, 90)  # the course's line length


def _figure_info(n: object) -> FigureInfo:
    n = require_int(n, "n")
    if n not in FIGURES:
        valid = ", ".join(str(k) for k in sorted(FIGURES))
        raise ValueError(f"there is no figure {n}; valid figure numbers are {valid}")
    return FIGURES[n]


def page(n: int, width: int = 640) -> Page:
    """Show figure ``n`` of the course with its caption and alt text.

    Used from notebook 01 on: ``from helpers import page; page(1)``.

    Args:
        n: the figure number, 1 to 19 (see ``figures/README.md``).
        width: display width in CSS pixels (the PNGs are 1280 px wide, so
            640 is sharp on high-density screens and projectors).

    Returns:
        A ``Page`` that Jupyter displays as ``<figure>`` HTML with an
        ``image/png`` fallback.

    Raises:
        TypeError: ``n`` or ``width`` is not an int.
        ValueError: ``n`` is not a figure number (the message lists the valid
            ones) or ``width`` is out of range.
        FileNotFoundError: the PNG is missing (run ``make figures``).
    """
    info = _figure_info(n)
    width = require_int(width, "width", MIN_WIDTH, MAX_WIDTH)
    path = FIGURES_DIR / info.file
    if not path.is_file():
        raise FileNotFoundError(
            f"figure {n} ({info.file}) is missing from figures/; run `make figures`"
        )
    return Page(info, path.read_bytes(), width)


def catalogue_markdown() -> str:
    """The text of ``figures/README.md``, generated from the catalogue above."""
    lines = [
        "# Figures",
        "",
        "<!-- Generated by `make figures` (tools/diagrams.py) from the catalogue in",
        "     helpers/figures.py. Do not edit by hand: tests/test_figures.py checks it. -->",
        "",
        "Every figure is drawn by code in `tools/diagrams.py`; none is copied or traced",
        "from another source. Regenerate them all with `make figures`. Show one in a",
        "notebook with `from helpers import page; page(n)`.",
        "",
        "| # | File | Caption | Alt text | Drawn by |",
        "|---|---|---|---|---|",
    ]
    for info in _CATALOGUE:
        cells = [
            str(info.number),
            f"[{info.file}]({info.file})",
            info.caption,
            info.alt,
            f"`{info.drawer}`",
        ]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"
