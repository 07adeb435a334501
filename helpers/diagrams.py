"""Draw every figure of the course with matplotlib (``make figures``).

Run ``python -m helpers.diagrams FOLDER`` to write all PNGs and the catalogue
``README.md`` into FOLDER. The figures are shown in notebooks 01, 02, 03 and 05
through ``helpers.figures.page``; the catalogue (numbers, files, captions, alt
text) lives in ``helpers/figures.py``.

One visual language throughout:

- the repeated module ``A``: a large rounded grey box;
- neural-network layers (learned weights, then σ or tanh): orange rectangles;
- pointwise operations (×, +, tanh, 1−): blue circles;
- vectors travel along dark lines with arrowheads; x_t, h_t, c_t are plain labels;
- the cell state: a thick green line across the top of the LSTM module;
- copy: a line splits at a small black dot;
- concatenate: two lines join at a small open square;
- a step's own part is drawn in colour, the rest is faded to light grey.

Colours are from the Okabe–Ito palette, which stays distinct for the common
forms of colour blindness. Files are written at 1280 px wide (sharp at the
640 px ``page`` shows them at), reduced to a small palette, with no time stamp
or software tag, so the same code gives the same bytes.
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Circle, FancyBboxPatch, Rectangle  # noqa: E402
from PIL import Image  # noqa: E402

from helpers.figures import FIGURES, catalogue_markdown  # noqa: E402

# --- palette (Okabe & Ito, "Color Universal Design", 2008) -------------------
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
INK = "#222222"
MODULE_FILL = "#F1F1F1"
MODULE_EDGE = "#555555"
HIGHLIGHT_BG = "#FBE3D0"  # pale vermillion, behind highlighted labels
FADED_FILL = "#F4F4F4"
FADED_EDGE = "#C9C9C9"
FADED_TEXT = "#ADADAD"

DPI = 200
WIDTH_IN = 6.4  # 6.4 in x 200 dpi = 1280 px
FONT_SIZE = 13
PALETTE_COLOURS = 48
LINE_WIDTH = 2.0
CELL_LINE_WIDTH = 4.5

RC = {
    "font.family": "DejaVu Sans",
    "font.size": FONT_SIZE,
    "mathtext.fontset": "dejavusans",
    "svg.hashsalt": "course",
    "path.simplify": True,
}


# --- canvas and saving --------------------------------------------------------
def canvas(x0: float, x1: float, y0: float, y1: float) -> tuple[Figure, Axes]:
    """A figure 6.4 in wide whose data units are equal in x and y."""
    height = WIDTH_IN * (y1 - y0) / (x1 - x0)
    fig = plt.figure(figsize=(WIDTH_IN, height), dpi=DPI)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig, ax


def png_bytes(fig: Figure) -> bytes:
    """Render ``fig`` to a small, reproducible, palette PNG."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    plt.close(fig)
    buffer.seek(0)
    with Image.open(buffer) as image:
        rgb = image.convert("RGB")
    small = rgb.quantize(colors=PALETTE_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=True)
    return out.getvalue()


# --- the glyphs ---------------------------------------------------------------
def _math(text: str) -> str:
    return text if text.startswith("$") or not text else f"${text}$"


def module_box(ax: Axes, x: float, y: float, w: float, h: float, *, faded: bool = False,
               label: str | None = None) -> None:
    """The repeated module A: a large rounded box (x, y = lower-left corner)."""
    ax.add_patch(FancyBboxPatch(
        (x, y), w, h, boxstyle="round,pad=0,rounding_size=0.35",
        facecolor=FADED_FILL if faded else MODULE_FILL,
        edgecolor=FADED_EDGE if faded else MODULE_EDGE, linewidth=1.6, zorder=1))
    if label:
        ax.text(x + w / 2, y + h / 2, label, ha="center", va="center", fontsize=22,
                fontweight="bold", color=FADED_TEXT if faded else INK, zorder=5)


def layer_box(ax: Axes, x: float, y: float, text: str, *, faded: bool = False,
              w: float = 1.4, h: float = 0.8) -> None:
    """A neural-network layer (weights, bias, then σ or tanh), centred at (x, y)."""
    ax.add_patch(Rectangle((x - w / 2, y - h / 2), w, h,
                           facecolor=FADED_FILL if faded else ORANGE,
                           edgecolor=FADED_EDGE if faded else INK, linewidth=1.4, zorder=4))
    ax.text(x, y, _math(text), ha="center", va="center", fontsize=FONT_SIZE + 2,
            color=FADED_TEXT if faded else INK, zorder=5)


def op_circle(ax: Axes, x: float, y: float, text: str, *, faded: bool = False,
              r: float = 0.36, fontsize: float | None = None) -> None:
    """A pointwise operation (×, +, tanh, 1−), centred at (x, y)."""
    ax.add_patch(Circle((x, y), r, facecolor=FADED_FILL if faded else SKY,
                        edgecolor=FADED_EDGE if faded else INK, linewidth=1.4, zorder=4))
    ax.text(x, y, text, ha="center", va="center_baseline",
            fontsize=fontsize or (FONT_SIZE + 5 if len(text) == 1 else FONT_SIZE - 2),
            color=FADED_TEXT if faded else INK, zorder=5)


def copy_dot(ax: Axes, x: float, y: float, *, faded: bool = False, color: str = INK) -> None:
    """Copy: the line splits here."""
    ax.add_patch(Circle((x, y), 0.11, facecolor=FADED_EDGE if faded else color,
                        edgecolor="none", zorder=6))


def concat_mark(ax: Axes, x: float, y: float, *, faded: bool = False) -> None:
    """Concatenate: two lines join here into one longer vector."""
    s = 0.26
    ax.add_patch(Rectangle((x - s / 2, y - s / 2), s, s, facecolor="white",
                           edgecolor=FADED_EDGE if faded else INK, linewidth=1.6, zorder=6))


def wire(ax: Axes, points: Sequence[tuple[float, float]], *, faded: bool = False,
         arrow: bool = True, color: str = INK, lw: float = LINE_WIDTH, zorder: float = 3) -> None:
    """A vector transfer along a polyline, with an arrowhead at the last point."""
    colour = FADED_EDGE if faded else color
    xs, ys = zip(*points, strict=True)
    if arrow and len(points) >= 2:
        ax.plot(xs[:-1], ys[:-1], color=colour, lw=lw, solid_capstyle="butt",
                solid_joinstyle="miter", zorder=zorder)
        ax.annotate("", xy=points[-1], xytext=points[-2], zorder=zorder,
                    arrowprops=dict(arrowstyle="-|>,head_length=0.55,head_width=0.28",
                                    color=colour, lw=lw, shrinkA=0, shrinkB=0))
    else:
        ax.plot(xs, ys, color=colour, lw=lw, solid_capstyle="butt", solid_joinstyle="miter",
                zorder=zorder)


def label(ax: Axes, x: float, y: float, text: str, *, faded: bool = False,
          highlight: bool = False, size: float | None = None, ha: str = "center",
          va: str = "center", color: str = INK) -> None:
    """A vector's name (x_t, h_t, c_t, f_t ...), in mathtext."""
    box = None
    if highlight:
        box = dict(boxstyle="round,pad=0.25", facecolor=HIGHLIGHT_BG, edgecolor=VERMILLION,
                   linewidth=1.6)
    ax.text(x, y, _math(text), ha=ha, va=va, fontsize=size or FONT_SIZE + 2,
            color=FADED_TEXT if faded else color, bbox=box, zorder=7)


def equation(ax: Axes, x: float, y: float, text: str, *, size: float | None = None,
             ha: str = "center", color: str = INK) -> None:
    ax.text(x, y, text, ha=ha, va="center", fontsize=size or FONT_SIZE + 1, color=color,
            zorder=7)


# --- RNN pictures (figures 1-5) -----------------------------------------------
def _rnn_cell_small(ax: Axes, cx: float, *, x_label: str, h_label: str, y: float = 0.0,
                    highlight_in: bool = False, highlight_out: bool = False,
                    w: float = 1.5, h: float = 1.3) -> None:
    """One copy of A in a chain: input from below, output on top."""
    module_box(ax, cx - w / 2, y, w, h, label="A")
    wire(ax, [(cx, y - 0.95), (cx, y)], color=VERMILLION if highlight_in else INK,
         lw=3 if highlight_in else LINE_WIDTH)
    wire(ax, [(cx, y + h), (cx, y + h + 0.95)], color=VERMILLION if highlight_out else INK,
         lw=3 if highlight_out else LINE_WIDTH)
    label(ax, cx, y - 1.35, x_label, highlight=highlight_in)
    label(ax, cx, y + h + 1.35, h_label, highlight=highlight_out)


def _loop(ax: Axes, cx: float, w: float, h: float, reach: float = 1.0) -> None:
    """The feedback loop of a folded RNN: out of A's right side and back in."""
    right = cx + w / 2
    wire(ax, [(right, h * 0.78), (right + reach, h * 0.78), (right + reach, h * 0.22),
              (right, h * 0.22)])


def draw_rnn_loop() -> Figure:
    fig, ax = canvas(-4.4, 6.4, -2.0, 3.0)
    cx, w, h = 0.0, 1.8, 1.4
    _rnn_cell_small(ax, cx, x_label="x_t", h_label="h_t", w=w, h=h)
    _loop(ax, cx, w, h)
    ax.text(cx + w / 2 + 1.3, h / 2, "loop: $h_t$ comes back\nas $h_{t-1}$ at the\nnext step",
            ha="left", va="center", fontsize=FONT_SIZE, color=INK, linespacing=1.4)
    ax.text(cx - w / 2 - 0.3, h / 2, "module A:\nthe same weights\nat every step",
            ha="right", va="center", fontsize=FONT_SIZE - 1, color=MODULE_EDGE,
            linespacing=1.4)
    return fig


def _chain(ax: Axes, xs: Sequence[float], inputs: Sequence[str | None],
           outputs: Sequence[str | None], *, first_in: str | None = None,
           hi_inputs: Iterable[int] = (), hi_output: int | None = None,
           hi_links: Iterable[int] = (), w: float = 1.5, h: float = 1.3) -> None:
    """An unrolled chain; ``None`` in ``inputs`` draws an ellipsis in that slot."""
    hi_inputs, hi_links = set(hi_inputs), set(hi_links)
    for k, (cx, xi, ho) in enumerate(zip(xs, inputs, outputs, strict=True)):
        if xi is None:
            ax.text(cx, h / 2, "···", ha="center", va="center", fontsize=FONT_SIZE + 8,
                    color=INK)
            continue
        _rnn_cell_small(ax, cx, x_label=xi, h_label=ho or "", highlight_in=k in hi_inputs,
                        highlight_out=k == hi_output, w=w, h=h)
    for k in range(len(xs) - 1):
        left = xs[k] + (w / 2 if inputs[k] is not None else 0.45)
        right = xs[k + 1] - (w / 2 if inputs[k + 1] is not None else 0.45)
        hi = k in hi_links
        wire(ax, [(left, h / 2), (right, h / 2)], color=VERMILLION if hi else INK,
             lw=3 if hi else LINE_WIDTH)
    if first_in is not None:
        x0 = xs[0] - w / 2
        wire(ax, [(x0 - 1.1, h / 2), (x0, h / 2)])
        label(ax, x0 - 1.35, h / 2, first_in, ha="right")


def draw_rnn_unrolled() -> Figure:
    fig, ax = canvas(-3.2, 14.6, -2.1, 3.0)
    w, h = 1.4, 1.3
    _rnn_cell_small(ax, -1.0, x_label="x_t", h_label="h_t", w=w, h=h)
    _loop(ax, -1.0, w, h, reach=0.8)
    ax.text(1.2, h / 2, "=", ha="center", va="center", fontsize=28, color=INK)
    xs = [4.9, 7.2, 9.5, 11.5, 13.5]
    _chain(ax, xs, ["x_1", "x_2", "x_3", None, "x_t"], ["h_1", "h_2", "h_3", None, "h_t"],
           first_in="h_0", w=w, h=h)
    return fig


def draw_short_gap() -> Figure:
    fig, ax = canvas(-1.6, 12.0, -2.1, 3.0)
    xs = [0.0, 2.4, 4.8, 7.2, 9.6]
    _chain(ax, xs, ["x_1", "x_2", "x_3", "x_4", "x_5"], ["h_1", "h_2", "h_3", "h_4", "h_5"],
           hi_inputs=[0, 1], hi_output=2, hi_links=[0, 1])
    return fig


def draw_long_gap() -> Figure:
    fig, ax = canvas(-1.6, 15.6, -2.1, 3.6)
    xs = [0.0, 2.4, 4.8, 7.0, 9.2, 11.4, 13.8]
    _chain(ax, xs, ["x_1", "x_2", "x_3", None, "x_{t-2}", "x_{t-1}", "x_t"],
           ["h_1", "h_2", "h_3", None, "h_{t-2}", "h_{t-1}", "h_t"],
           hi_inputs=[0, 1], hi_output=6, hi_links=range(6))
    ax.text(xs[3], -0.75, "many steps", ha="center", va="center", fontsize=FONT_SIZE,
            color=VERMILLION, fontweight="bold")
    return fig


def draw_rnn_module() -> Figure:
    fig, ax = canvas(-2.4, 10.8, -3.2, 5.4)
    module_box(ax, 0, 0, 8.2, 3.8)
    y_h = 0.9
    # inputs: h_{t-1} from the left, x_t from below, concatenated
    wire(ax, [(-1.8, y_h), (1.37, y_h)], arrow=False)
    label(ax, -1.9, y_h + 0.5, "h_{t-1}", ha="left")
    wire(ax, [(1.5, -1.3), (1.5, y_h - 0.13)], arrow=False)
    label(ax, 1.5, -1.75, "x_t")
    concat_mark(ax, 1.5, y_h)
    wire(ax, [(1.63, y_h), (3.5, y_h), (3.5, 1.8)])
    layer_box(ax, 3.5, 2.2, r"\tanh")
    wire(ax, [(3.5, 2.6), (3.5, 3.1), (5.9, 3.1)], arrow=False)
    copy_dot(ax, 5.9, 3.1)
    wire(ax, [(5.9, 3.1), (5.9, 5.0)])
    label(ax, 6.2, 4.65, "h_t", ha="left")
    wire(ax, [(5.9, 3.1), (5.9, y_h), (10.0, y_h)])
    label(ax, 9.4, y_h + 0.5, "h_t")
    equation(ax, 4.1, -2.6, r"$h_t = \tanh(x_t W + h_{t-1} U + b)$", size=FONT_SIZE + 2)
    return fig


# --- the LSTM module (figures 6, 8, 10-13) --------------------------------------
# Geometry, in data units; the module box spans x 0..11, y 0..6.2.
Y_C, Y_H, Y_LAYER = 5.4, 0.9, 2.4
X_F, X_I, X_C, X_O, X_TANH = 2.3, 4.0, 5.7, 7.6, 9.4
X_CAT, X_H_UP = 1.0, 10.3
X_LEFT, X_RIGHT = -1.7, 12.7
R_OP = 0.36
R_TANH = 0.5
Y_IMUL = 3.9
Y_TANH, Y_OMUL = 4.3, 2.4

LSTM_PARTS = frozenset({
    "cell_in", "forget_mul", "cell_mid", "plus", "cell_out",
    "inputs", "f_in", "i_in", "c_in", "o_in",
    "f_box", "f_wire", "i_box", "i_wire", "c_box", "c_wire", "i_mul",
    "o_box", "o_wire", "tanh_op", "o_mul", "h_out",
})


def draw_lstm(ax: Axes, highlight: Iterable[str] | None = None,
              show: Iterable[str] | None = None) -> None:
    """The LSTM module. Parts in ``highlight`` keep their colours and the others are
    faded (``None``: nothing is faded); only parts in ``show`` are drawn (``None``: all)."""
    hi = LSTM_PARTS if highlight is None else frozenset(highlight)
    shown = LSTM_PARTS if show is None else frozenset(show)
    unknown = (hi | shown) - LSTM_PARTS
    if unknown:
        raise ValueError(f"unknown LSTM parts {sorted(unknown)}")

    def on(part: str) -> bool:
        return part in shown

    def fd(part: str) -> bool:
        return part not in hi

    module_box(ax, 0, 0, 11, 6.2)
    # the cell state line along the top
    if on("cell_in"):
        wire(ax, [(X_LEFT, Y_C), (X_F - R_OP, Y_C)], arrow=False, color=GREEN,
             lw=CELL_LINE_WIDTH, faded=fd("cell_in"))
        label(ax, X_LEFT - 0.1, Y_C + 0.5, "c_{t-1}", ha="left", faded=fd("cell_in"))
    if on("forget_mul"):
        op_circle(ax, X_F, Y_C, "×", faded=fd("forget_mul"))
    if on("cell_mid"):
        wire(ax, [(X_F + R_OP, Y_C), (X_C - R_OP, Y_C)], arrow=False, color=GREEN,
             lw=CELL_LINE_WIDTH, faded=fd("cell_mid"))
    if on("plus"):
        op_circle(ax, X_C, Y_C, "+", faded=fd("plus"))
    if on("cell_out"):
        wire(ax, [(X_C + R_OP, Y_C), (X_RIGHT, Y_C)], color=GREEN, lw=CELL_LINE_WIDTH,
             faded=fd("cell_out"))
        label(ax, X_RIGHT - 0.6, Y_C + 0.5, "c_t", faded=fd("cell_out"))
    # inputs: h_{t-1} from the left, x_t from below, concatenated onto a bus that
    # feeds every layer; a bus segment is in colour when a layer past it is
    if on("inputs"):
        f = fd("inputs")
        wire(ax, [(X_LEFT, Y_H), (X_CAT - 0.13, Y_H)], arrow=False, faded=f)
        label(ax, X_LEFT - 0.1, Y_H + 0.5, "h_{t-1}", ha="left", faded=f)
        wire(ax, [(X_CAT, -1.3), (X_CAT, Y_H - 0.13)], arrow=False, faded=f)
        label(ax, X_CAT, -1.75, "x_t", faded=f)
        concat_mark(ax, X_CAT, Y_H, faded=f)
        taps = [("f_in", X_F), ("i_in", X_I), ("c_in", X_C), ("o_in", X_O)]
        start = X_CAT + 0.13
        for k, (part, x) in enumerate(taps):
            seg_faded = all(fd(later) for later, _ in taps[k:])
            last = k == len(taps) - 1
            if last:
                wire(ax, [(start, Y_H), (x, Y_H), (x, Y_LAYER - 0.4)], faded=fd(part))
            else:
                wire(ax, [(start, Y_H), (x, Y_H)], arrow=False, faded=seg_faded)
                wire(ax, [(x, Y_H), (x, Y_LAYER - 0.4)], faded=fd(part))
                copy_dot(ax, x, Y_H, faded=seg_faded)
            start = x
    # the four layers
    for part, x, text in (("f_box", X_F, r"\sigma"), ("i_box", X_I, r"\sigma"),
                          ("c_box", X_C, r"\tanh"), ("o_box", X_O, r"\sigma")):
        if on(part):
            layer_box(ax, x, Y_LAYER, text, faded=fd(part))
    if on("f_wire"):
        wire(ax, [(X_F, Y_LAYER + 0.4), (X_F, Y_C - R_OP)], faded=fd("f_wire"))
        label(ax, X_F - 0.2, 3.55, "f_t", ha="right", faded=fd("f_wire"))
    if on("i_wire"):
        wire(ax, [(X_I, Y_LAYER + 0.4), (X_I, Y_IMUL), (X_C - R_OP, Y_IMUL)], faded=fd("i_wire"))
        label(ax, X_I - 0.2, 3.3, "i_t", ha="right", faded=fd("i_wire"))
    if on("c_wire"):
        wire(ax, [(X_C, Y_LAYER + 0.4), (X_C, Y_IMUL - R_OP)], faded=fd("c_wire"))
        label(ax, X_C + 0.3, 3.25, r"\tilde{c}_t", ha="left", faded=fd("c_wire"))
    if on("i_mul"):
        op_circle(ax, X_C, Y_IMUL, "×", faded=fd("i_mul"))
        wire(ax, [(X_C, Y_IMUL + R_OP), (X_C, Y_C - R_OP)], faded=fd("i_mul"))
    if on("o_wire"):
        wire(ax, [(X_O + 0.7, Y_OMUL), (X_TANH - R_OP, Y_OMUL)], faded=fd("o_wire"))
        label(ax, (X_O + X_TANH) / 2 + 0.1, Y_OMUL + 0.4, "o_t", faded=fd("o_wire"))
    if on("tanh_op"):
        f = fd("tanh_op")
        copy_dot(ax, X_TANH, Y_C, faded=f)
        wire(ax, [(X_TANH, Y_C), (X_TANH, Y_TANH + R_TANH)], faded=f)
        op_circle(ax, X_TANH, Y_TANH, "tanh", faded=f, r=R_TANH)
        wire(ax, [(X_TANH, Y_TANH - R_TANH), (X_TANH, Y_OMUL + R_OP)], faded=f)
    if on("o_mul"):
        op_circle(ax, X_TANH, Y_OMUL, "×", faded=fd("o_mul"))
    if on("h_out"):
        f = fd("h_out")
        wire(ax, [(X_TANH, Y_OMUL - R_OP), (X_TANH, Y_H), (X_RIGHT, Y_H)], faded=f)
        label(ax, X_RIGHT - 0.6, Y_H + 0.5, "h_t", faded=f)
        copy_dot(ax, X_H_UP, Y_H, faded=f)
        # the upward copy crosses the cell line: leave a gap in the cell line
        wire(ax, [(X_H_UP, Y_H), (X_H_UP, Y_C - 0.32)], arrow=False, faded=f)
        wire(ax, [(X_H_UP, Y_C + 0.32), (X_H_UP, 7.3)], faded=f)
        label(ax, X_H_UP + 0.25, 7.0, "h_t", ha="left", faded=f)


LSTM_VIEW = (-2.3, 13.3, -2.3, 7.7)


def draw_lstm_module() -> Figure:
    fig, ax = canvas(*LSTM_VIEW)
    draw_lstm(ax)
    return fig


def draw_cell_state() -> Figure:
    fig, ax = canvas(-2.3, 13.3, -2.3, 6.9)
    draw_lstm(ax, show={"cell_in", "forget_mul", "cell_mid", "plus", "cell_out"})
    wire(ax, [(X_F, 3.3), (X_F, Y_C - R_OP)])
    label(ax, X_F, 2.85, "f_t")
    wire(ax, [(X_C, 3.3), (X_C, Y_C - R_OP)])
    label(ax, X_C, 2.85, r"i_t \odot \tilde{c}_t")
    ax.text(8.6, 3.6, "forget some,\nthen add some;\nnothing else\nchanges the line",
            ha="center", va="center", fontsize=FONT_SIZE - 1, color=MODULE_EDGE,
            linespacing=1.35)
    equation(ax, 5.5, -1.2, r"$c_t = f_t \odot c_{t-1} + i_t \odot \tilde{c}_t$",
             size=FONT_SIZE + 2)
    return fig


def _step(highlight: set[str], equations: Sequence[str]) -> Figure:
    x0, x1, y0, y1 = LSTM_VIEW
    extra = 0.95 * len(equations) + 0.3
    fig, ax = canvas(x0, x1, y0 - extra, y1)
    draw_lstm(ax, highlight=highlight)
    for k, text in enumerate(equations):
        equation(ax, 5.5, y0 - 0.45 - 0.95 * k, text, size=FONT_SIZE + 2)
    return fig


def draw_forget_step() -> Figure:
    return _step({"inputs", "f_in", "f_box", "f_wire", "forget_mul", "cell_in"},
                 [r"$f_t = \sigma(x_t W_f + h_{t-1} U_f + b_f)$"])


def draw_input_step() -> Figure:
    return _step({"inputs", "i_in", "c_in", "i_box", "i_wire", "c_box", "c_wire", "i_mul"},
                 [r"$i_t = \sigma(x_t W_i + h_{t-1} U_i + b_i)$",
                  r"$\tilde{c}_t = \tanh(x_t W_c + h_{t-1} U_c + b_c)$"])


def draw_cell_update_step() -> Figure:
    return _step({"cell_in", "forget_mul", "cell_mid", "plus", "cell_out", "f_wire", "i_wire",
                  "c_wire", "i_mul"},
                 [r"$c_t = f_t \odot c_{t-1} + i_t \odot \tilde{c}_t$"])


def draw_output_step() -> Figure:
    return _step({"inputs", "o_in", "o_box", "o_wire", "tanh_op", "o_mul", "h_out", "cell_out"},
                 [r"$o_t = \sigma(x_t W_o + h_{t-1} U_o + b_o)$",
                  r"$h_t = o_t \odot \tanh(c_t)$"])


# --- legend, gate, GRU, windowing ---------------------------------------------------
def draw_notation() -> Figure:
    fig, ax = canvas(0, 15, -1.4, 7.4)
    cols = [2.5, 7.5, 12.5]
    row_top, row_bottom = 5.9, 2.0

    def caption(x: float, y: float, name: str, detail: str) -> None:
        ax.text(x, y, name, ha="center", va="top", fontsize=FONT_SIZE)
        ax.text(x, y - 0.62, detail, ha="center", va="top", fontsize=FONT_SIZE - 2,
                color=MODULE_EDGE, linespacing=1.3)

    layer_box(ax, cols[0] - 0.8, row_top, r"\sigma")
    layer_box(ax, cols[0] + 0.8, row_top, r"\tanh")
    op_circle(ax, cols[1] - 1.1, row_top, "×")
    op_circle(ax, cols[1] - 0.15, row_top, "+")
    op_circle(ax, cols[1] + 1.0, row_top, "tanh", r=R_TANH)
    wire(ax, [(cols[2] - 1.4, row_top), (cols[2] + 1.4, row_top)])
    caption(cols[0], row_top - 0.75, "neural-network layer", "learned weights,\nthen σ or tanh")
    caption(cols[1], row_top - 0.75, "pointwise operation", "component by\ncomponent")
    caption(cols[2], row_top - 0.75, "vector transfer", "a vector moves\nalong the line")

    wire(ax, [(cols[0] - 1.5, row_bottom + 0.3), (cols[0] + 1.5, row_bottom + 0.3)],
         color=GREEN, lw=CELL_LINE_WIDTH)
    wire(ax, [(cols[1] - 1.5, row_bottom + 0.3), (cols[1] - 0.13, row_bottom + 0.3)],
         arrow=False)
    wire(ax, [(cols[1], row_bottom - 0.7), (cols[1], row_bottom + 0.17)], arrow=False)
    concat_mark(ax, cols[1], row_bottom + 0.3)
    wire(ax, [(cols[1] + 0.13, row_bottom + 0.3), (cols[1] + 1.5, row_bottom + 0.3)])
    wire(ax, [(cols[2] - 1.5, row_bottom - 0.2), (cols[2] + 1.5, row_bottom - 0.2)])
    copy_dot(ax, cols[2] - 0.3, row_bottom - 0.2)
    wire(ax, [(cols[2] - 0.3, row_bottom - 0.2), (cols[2] - 0.3, row_bottom + 0.6),
              (cols[2] + 1.5, row_bottom + 0.6)])
    caption(cols[0], row_bottom - 0.95, "cell state", "the LSTM's memory line")
    caption(cols[1], row_bottom - 0.95, "concatenate", "two vectors joined\nend to end")
    caption(cols[2], row_bottom - 0.95, "copy", "the same vector\ngoes two ways")
    return fig


def draw_gate() -> Figure:
    fig, ax = canvas(-1.0, 13.0, -1.5, 4.3)
    y_line, x_mul = 3.0, 3.0
    wire(ax, [(-0.6, y_line), (x_mul - R_OP, y_line)], arrow=False)
    op_circle(ax, x_mul, y_line, "×")
    wire(ax, [(x_mul + R_OP, y_line), (6.0, y_line)])
    label(ax, -0.5, y_line + 0.45, "v", ha="left")
    label(ax, 5.7, y_line + 0.45, r"s \odot v")
    layer_box(ax, x_mul, 0.9, r"\sigma")
    wire(ax, [(x_mul, -1.1), (x_mul, 0.5)])
    label(ax, x_mul - 0.3, -0.75, r"x_t,\ h_{t-1}", ha="right", size=FONT_SIZE)
    wire(ax, [(x_mul, 1.3), (x_mul, y_line - R_OP)])
    label(ax, x_mul - 0.25, 2.05, "s", ha="right")
    ax.text(x_mul + 0.3, 2.05, "each component\nbetween 0 and 1", ha="left", va="center",
            fontsize=FONT_SIZE - 2, color=MODULE_EDGE, linespacing=1.3)
    # a worked example, one component per row
    ex_x = 7.2
    ax.text(ex_x + 2.6, 3.85, "for example", ha="center", va="center",
            fontsize=FONT_SIZE - 1, color=MODULE_EDGE)
    rows = [("2.0", "0.99", "1.98"), ("−1.0", "0.01", "−0.01"), ("0.5", "0.5", "0.25")]
    heads = ["$v$", "$s$", r"$s \odot v$"]
    xs = [ex_x + 0.5, ex_x + 2.3, ex_x + 4.6]
    for x, head in zip(xs, heads, strict=True):
        ax.text(x, 3.1, head, ha="center", va="center", fontsize=FONT_SIZE + 1)
    for r, (v, g, out) in enumerate(rows):
        y = 2.2 - 0.75 * r
        for x, text in zip(xs, (v, g, out), strict=True):
            ax.text(x, y, text, ha="center", va="center", fontsize=FONT_SIZE)
        ax.text((xs[0] + xs[1]) / 2, y, "×", ha="center", va="center", fontsize=FONT_SIZE)
        ax.text((xs[1] + xs[2]) / 2 - 0.2, y, "=", ha="center", va="center",
                fontsize=FONT_SIZE)
    ax.text(ex_x + 2.6, -0.85, "near 1: keep   ·   near 0: block", ha="center",
            va="center", fontsize=FONT_SIZE - 1, color=MODULE_EDGE)
    return fig


def draw_gru_cell() -> Figure:
    x0, x1, y0, y1 = LSTM_VIEW
    eqs = [r"$z_t = \sigma(x_t W_z + h_{t-1} U_z + b_z)$",
           r"$r_t = \sigma(x_t W_r + h_{t-1} U_r + b_r)$",
           r"$\tilde{h}_t = \tanh(x_t W_h + b_h + r_t \odot (h_{t-1} U_h + b^{\prime}_h))$",
           r"$h_t = z_t \odot h_{t-1} + (1 - z_t) \odot \tilde{h}_t$"]
    extra = 0.9 * len(eqs) + 0.3
    fig, ax = canvas(x0, x1, y0 - extra, y1)
    module_box(ax, 0, 0, 11, 6.2)
    x_copy, x_z, x_r, x_hh = 0.6, 2.4, 4.1, 6.3
    x_zmul, x_one, x_hmul, x_up = 7.3, 8.45, 9.6, 10.5
    y_z = 3.9
    # the hidden-state line along the top
    wire(ax, [(X_LEFT, Y_C), (x_zmul - R_OP, Y_C)], arrow=False, lw=CELL_LINE_WIDTH - 1.5)
    label(ax, X_LEFT - 0.1, Y_C + 0.5, "h_{t-1}", ha="left")
    op_circle(ax, x_zmul, Y_C, "×")
    wire(ax, [(x_zmul + R_OP, Y_C), (x_hmul - R_OP, Y_C)], arrow=False, lw=CELL_LINE_WIDTH - 1.5)
    op_circle(ax, x_hmul, Y_C, "+")
    wire(ax, [(x_hmul + R_OP, Y_C), (X_RIGHT, Y_C)], lw=CELL_LINE_WIDTH - 1.5)
    label(ax, X_RIGHT - 0.6, Y_C + 0.5, "h_t")
    copy_dot(ax, x_up, Y_C)
    wire(ax, [(x_up, Y_C), (x_up, 7.3)])
    label(ax, x_up + 0.25, 7.0, "h_t", ha="left")
    # h_{t-1} copied down to meet x_t
    copy_dot(ax, x_copy, Y_C)
    wire(ax, [(x_copy, Y_C), (x_copy, Y_H), (X_CAT + 0.4 - 0.13, Y_H)], arrow=False)
    xc = X_CAT + 0.4
    wire(ax, [(xc, -1.3), (xc, Y_H - 0.13)], arrow=False)
    label(ax, xc, -1.75, "x_t")
    concat_mark(ax, xc, Y_H)
    wire(ax, [(xc + 0.13, Y_H), (x_hh, Y_H), (x_hh, Y_LAYER - 0.4)])
    for x in (x_z, x_r):
        copy_dot(ax, x, Y_H)
        wire(ax, [(x, Y_H), (x, Y_LAYER - 0.4)])
    layer_box(ax, x_z, Y_LAYER, r"\sigma")
    layer_box(ax, x_r, Y_LAYER, r"\sigma")
    layer_box(ax, x_hh, Y_LAYER, r"\tanh")
    # r_t goes into the candidate layer
    wire(ax, [(x_r + 0.7, Y_LAYER), (x_hh - 0.7, Y_LAYER)])
    label(ax, (x_r + x_hh) / 2, Y_LAYER + 0.4, "r_t")
    # z_t: copied to the two multiplications, once as z_t and once as 1 - z_t
    wire(ax, [(x_z, Y_LAYER + 0.4), (x_z, y_z), (x_zmul, y_z)], arrow=False)
    label(ax, x_z - 0.2, 3.35, "z_t", ha="right")
    copy_dot(ax, x_zmul, y_z)
    wire(ax, [(x_zmul, y_z), (x_zmul, Y_C - R_OP)])
    wire(ax, [(x_zmul, y_z), (x_one - R_OP, y_z)])
    op_circle(ax, x_one, y_z, "1−", fontsize=FONT_SIZE - 1)
    wire(ax, [(x_one + R_OP, y_z), (x_hmul - R_OP, y_z)])
    # the candidate h~_t, times (1 - z_t), added to the line
    wire(ax, [(x_hh + 0.7, Y_LAYER), (x_hmul, Y_LAYER), (x_hmul, y_z - R_OP)])
    label(ax, (x_hh + 0.7 + x_hmul) / 2, Y_LAYER + 0.42, r"\tilde{h}_t")
    op_circle(ax, x_hmul, y_z, "×")
    wire(ax, [(x_hmul, y_z + R_OP), (x_hmul, Y_C - R_OP)])
    for k, text in enumerate(eqs):
        equation(ax, 5.5, y0 - 0.4 - 0.9 * k, text, size=FONT_SIZE + 1)
    return fig


def draw_windowing() -> Figure:
    sequence = [10, 20, 30, 40, 50, 60, 70, 80, 90]
    n_steps = 3
    n_samples = len(sequence) - n_steps
    row_h = 0.95
    fig, ax = canvas(-2.8, 15.7, 0.35, 1.6 + row_h * (n_samples + 1.6))
    top = row_h * (n_samples + 1)

    def cell(x: float, y: float, text: str, fill: str, edge: str = INK,
             color: str = INK) -> None:
        ax.add_patch(Rectangle((x, y), 1, 0.8, facecolor=fill, edgecolor=edge, linewidth=1.2))
        ax.text(x + 0.5, y + 0.4, text, ha="center", va="center", fontsize=FONT_SIZE - 1,
                color=color)

    ax.text(-0.2, top + 0.4, "sequence", ha="right", va="center", fontsize=FONT_SIZE - 1)
    for j, value in enumerate(sequence):
        cell(j, top, str(value), "white")
    ax.text(4.5, top + 1.35, "n_steps = 3: three values in, the next value out",
            ha="center", va="center", fontsize=FONT_SIZE - 1, color=MODULE_EDGE)
    x_table, y_table = 10.2, 14.0
    ax.text(x_table + 1.5, top + 0.4, "X", ha="center", va="center", fontsize=FONT_SIZE + 2,
            fontweight="bold")
    ax.text(y_table + 0.5, top + 0.4, "y", ha="center", va="center", fontsize=FONT_SIZE + 2,
            fontweight="bold")
    for i in range(n_samples):
        y = top - row_h * (i + 1) - 0.25
        ax.text(-0.2, y + 0.4, f"sample {i}", ha="right", va="center", fontsize=FONT_SIZE - 2,
                color=MODULE_EDGE)
        for j, value in enumerate(sequence):
            if i <= j < i + n_steps:
                cell(j, y, str(value), SKY)
            elif j == i + n_steps:
                cell(j, y, str(value), ORANGE)
            else:
                cell(j, y, "", "white", edge=FADED_EDGE)
        for j in range(n_steps):
            cell(x_table + j, y, str(sequence[i + j]), SKY)
        cell(y_table, y, str(sequence[i + n_steps]), ORANGE)
    return fig


# --- write everything -----------------------------------------------------------
DRAWERS: dict[str, Callable[[], Figure]] = {
    name: obj for name, obj in globals().items() if name.startswith("draw_") and name != "draw_lstm"
}


def render(number: int) -> bytes:
    """The PNG bytes of figure ``number``."""
    info = FIGURES[number]
    with plt.rc_context(RC):
        return png_bytes(DRAWERS[info.drawer]())


def write_all(folder: str | Path) -> list[Path]:
    """Draw every figure into ``folder`` (created if needed), plus its README.md."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for number, info in sorted(FIGURES.items()):
        path = out / info.file
        path.write_bytes(render(number))
        written.append(path)
    readme = out / "README.md"
    readme.write_text(catalogue_markdown(), encoding="utf-8")
    written.append(readme)
    return written


def main(argv: Sequence[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m helpers.diagrams OUTPUT_FOLDER", file=sys.stderr)
        return 2
    start = time.perf_counter()
    paths = write_all(argv[0])
    for path in paths:
        print(f"{path}  {path.stat().st_size / 1024:.1f} kB")
    print(f"{len(paths) - 1} figures in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
