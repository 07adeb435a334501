"""Draw every figure of the course with matplotlib (``make figures``).

Run ``python tools/diagrams.py FOLDER`` to write all PNGs and the catalogue
``README.md`` into FOLDER. The figures are shown in notebooks 01, 02, 03, 05 and 06
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
- crossing without joining: one line hops over the other in a small arc;
- a linear layer (weights and bias, no σ or tanh): an orange box that names what
  it multiplies, for example ``h_{t-1} U_h`` (its bias is named in the caption);
- a step's own part is drawn in colour, the rest is faded to grey.

Colours are the course's palette (``helpers/palette.py``, Okabe–Ito), which
stays distinct for the common forms of colour blindness. Files are written at 1280 px wide (sharp at the
640 px ``page`` shows them at), reduced to a small palette, with no time stamp
or software tag, so the same code gives the same bytes.
"""

from __future__ import annotations

import io
import math
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

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [p for p in (str(ROOT), str(ROOT / "tools")) if p not in sys.path]

from helpers.figures import FIGURES, catalogue_markdown  # noqa: E402
from helpers.palette import GREEN, INK, MUTED, ORANGE, SKY, VERMILLION  # noqa: E402

# --- colours beyond the palette: the module box and faded parts ----------------
MODULE_FILL = "#F1F1F1"
MODULE_EDGE = MUTED
HIGHLIGHT_BG = "#FBE3D0"  # pale vermillion, behind highlighted labels
FADED_FILL = "#F4F4F4"
FADED_EDGE = "#C9C9C9"
FADED_TEXT = "#8A8A8A"  # 3:1 against the module fill

DPI = 200
WIDTH_IN = 6.4  # 6.4 in x 200 dpi = 1280 px
FONT_SIZE = 13
PALETTE_COLOURS = 48
LINE_WIDTH = 2.0
CELL_LINE_WIDTH = 4.5
GRU_LINE_WIDTH = 3.0  # the GRU's hidden state, along the top of its module
W_BOX, W_TANH_BOX = 1.4, 1.75  # layer boxes; the word tanh needs the wider one
R_OP = 0.36  # a pointwise-operation circle holding one symbol (×, +)
R_WORD = 0.6  # a circle that holds the word tanh
HOP_R = 0.3  # radius of the half circle where a line hops over another
HOP_POINTS = 24

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


def module_tag(ax: Axes, x: float, y: float, *, size: float = 20) -> None:
    """The name ``A`` inside a large module drawing, as in the small boxes of figures 1-4."""
    ax.text(x, y, "A", ha="center", va="center", fontsize=size, fontweight="bold",
            color=MODULE_EDGE, zorder=5)


def layer_box(ax: Axes, x: float, y: float, text: str, *, faded: bool = False,
              w: float = W_BOX, h: float = 0.8, fontsize: float | None = None) -> None:
    """A neural-network layer (weights, bias, then σ or tanh), centred at (x, y).

    A linear layer (no σ or tanh) is the same box, naming what it computes."""
    ax.add_patch(Rectangle((x - w / 2, y - h / 2), w, h,
                           facecolor=FADED_FILL if faded else ORANGE,
                           edgecolor=FADED_EDGE if faded else INK, linewidth=1.4, zorder=4))
    ax.text(x, y, _math(text), ha="center", va="center", fontsize=fontsize or FONT_SIZE + 2,
            color=FADED_TEXT if faded else INK, zorder=5)


def op_circle(ax: Axes, x: float, y: float, text: str, *, faded: bool = False,
              r: float = R_OP, fontsize: float | None = None) -> None:
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


def wire_in(ax: Axes, points: Sequence[tuple[float, float]], *, faded: bool = False,
            color: str = INK, lw: float = LINE_WIDTH) -> None:
    """An incoming vector: an arrowhead where it crosses into the module (``points[1]``),
    then on, without a head, to where it is used."""
    wire(ax, points[:2], faded=faded, color=color, lw=lw)
    wire(ax, points[1:], faded=faded, color=color, lw=lw, arrow=False)


def hop(start: tuple[float, float], end: tuple[float, float], at: float,
        r: float = HOP_R, side: float = 1.0) -> list[tuple[float, float]]:
    """Points of a straight vertical or horizontal line from ``start`` to ``end`` that
    hops, in a half circle of radius ``r``, over a line crossing it at coordinate
    ``at`` (y for a vertical line, x for a horizontal one). ``side`` = +1 bulges to the
    right (or up), -1 to the left (or down)."""
    (x0, y0), (x1, y1) = start, end
    vertical = x0 == x1
    if not vertical and y0 != y1:
        raise ValueError("hop: the line must be vertical or horizontal")
    step = 1.0 if (y1 > y0 if vertical else x1 > x0) else -1.0
    arc = []
    for k in range(HOP_POINTS + 1):
        angle = math.pi * k / HOP_POINTS  # 0 .. pi
        along = -step * r * math.cos(angle)
        across = side * r * math.sin(angle)
        arc.append((x0 + across, at + along) if vertical else (at + along, y0 + across))
    return [start, *arc, end]


def hop_halo(ax: Axes, points: Sequence[tuple[float, float]], *, lw: float = LINE_WIDTH,
             color: str = MODULE_FILL, zorder: float = 3.5) -> None:
    """A band of background colour under a hop's arc, so the crossed line seems to
    pass beneath it."""
    arc = points[1:-1]
    xs, ys = zip(*arc, strict=True)
    ax.plot(xs, ys, color=color, lw=lw + 3, solid_capstyle="butt", zorder=zorder)


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
    _chain(ax, xs, ["x_1", "x_2", "x_3", None, "x_T"], ["h_1", "h_2", "h_3", None, "h_T"],
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
    _chain(ax, xs, ["x_1", "x_2", "x_3", None, "x_{T-2}", "x_{T-1}", "x_T"],
           ["h_1", "h_2", "h_3", None, "h_{T-2}", "h_{T-1}", "h_T"],
           hi_inputs=[0, 1], hi_output=6, hi_links=range(6))
    ax.text(xs[3], -0.75, "many steps", ha="center", va="center", fontsize=FONT_SIZE,
            color=VERMILLION, fontweight="bold")
    return fig


def draw_rnn_module() -> Figure:
    fig, ax = canvas(-2.4, 10.8, -3.2, 5.4)
    module_box(ax, 0, 0, 8.2, 3.8)
    module_tag(ax, 0.6, 3.15)
    y_h = 0.9
    # inputs: h_{t-1} from the left, x_t from below, concatenated
    wire_in(ax, [(-1.8, y_h), (0, y_h), (1.37, y_h)])
    label(ax, -1.9, y_h + 0.5, "h_{t-1}", ha="left")
    wire_in(ax, [(1.5, -1.3), (1.5, 0), (1.5, y_h - 0.13)])
    label(ax, 1.5, -1.75, "x_t")
    concat_mark(ax, 1.5, y_h)
    wire(ax, [(1.63, y_h), (3.5, y_h), (3.5, 1.8)])
    layer_box(ax, 3.5, 2.2, r"\tanh", w=W_TANH_BOX)
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
X_F, X_I, X_C, X_O, X_TANH = 2.2, 3.9, 5.75, 7.6, 9.55
X_CAT, X_H_UP = 0.9, 10.35
X_LEFT, X_RIGHT = -1.7, 12.7
Y_IMUL = 3.9
Y_TANH, Y_OMUL = 4.2, 2.4
STUB = 1.0  # length of f_t ⊙ c_{t-1}'s highlighted stub in the forget step

LSTM_PARTS = frozenset({
    "cell_in", "forget_mul", "cell_stub", "cell_mid", "plus", "cell_out",
    "inputs", "f_in", "i_in", "c_in", "o_in",
    "f_box", "f_wire", "i_box", "i_wire", "c_box", "c_wire", "i_mul",
    "o_box", "o_wire", "tanh_op", "o_mul", "h_out",
})


def draw_lstm(ax: Axes, highlight: Iterable[str] | None = None,
              show: Iterable[str] | None = None) -> None:
    """The LSTM module. Parts in ``highlight`` keep their colours and the others are
    faded (``None``: nothing is faded); only parts in ``show`` are drawn (``None``: all).
    ``cell_stub`` is the start of ``cell_mid`` (it is in colour when either is)."""
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
    if highlight is None and show is None:
        module_tag(ax, 0.75, 3.2)
    # the cell state line along the top
    if on("cell_in"):
        wire_in(ax, [(X_LEFT, Y_C), (0, Y_C), (X_F - R_OP, Y_C)], color=GREEN,
                lw=CELL_LINE_WIDTH, faded=fd("cell_in"))
        label(ax, X_LEFT - 0.1, Y_C + 0.5, "c_{t-1}", ha="left", faded=fd("cell_in"))
    if on("forget_mul"):
        op_circle(ax, X_F, Y_C, "×", faded=fd("forget_mul"))
    if on("cell_mid"):
        stub_end = X_F + R_OP + STUB if fd("cell_mid") and not fd("cell_stub") else X_F + R_OP
        wire(ax, [(stub_end, Y_C), (X_C - R_OP, Y_C)], arrow=False, color=GREEN,
             lw=CELL_LINE_WIDTH, faded=fd("cell_mid"))
        if stub_end > X_F + R_OP:
            wire(ax, [(X_F + R_OP, Y_C), (stub_end, Y_C)], arrow=False, color=GREEN,
                 lw=CELL_LINE_WIDTH)
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
        wire_in(ax, [(X_LEFT, Y_H), (0, Y_H), (X_CAT - 0.13, Y_H)], faded=f)
        label(ax, X_LEFT - 0.1, Y_H + 0.5, "h_{t-1}", ha="left", faded=f)
        wire_in(ax, [(X_CAT, -1.3), (X_CAT, 0), (X_CAT, Y_H - 0.13)], faded=f)
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
    for part, x, text, w in (("f_box", X_F, r"\sigma", W_BOX), ("i_box", X_I, r"\sigma", W_BOX),
                             ("c_box", X_C, r"\tanh", W_TANH_BOX),
                             ("o_box", X_O, r"\sigma", W_BOX)):
        if on(part):
            layer_box(ax, x, Y_LAYER, text, faded=fd(part), w=w)
    if on("f_wire"):
        wire(ax, [(X_F, Y_LAYER + 0.4), (X_F, Y_C - R_OP)], faded=fd("f_wire"))
        label(ax, X_F - 0.2, 3.55, "f_t", ha="right", faded=fd("f_wire"))
    if on("i_wire"):
        wire(ax, [(X_I, Y_LAYER + 0.4), (X_I, Y_IMUL), (X_C - R_OP, Y_IMUL)], faded=fd("i_wire"))
        label(ax, X_I - 0.2, 3.3, "i_t", ha="right", faded=fd("i_wire"))
    if on("c_wire"):
        wire(ax, [(X_C, Y_LAYER + 0.4), (X_C, Y_IMUL - R_OP)], faded=fd("c_wire"))
        label(ax, X_C + 0.25, 3.2, r"\tilde{c}_t", ha="left", faded=fd("c_wire"))
    if on("i_mul"):
        op_circle(ax, X_C, Y_IMUL, "×", faded=fd("i_mul"))
        wire(ax, [(X_C, Y_IMUL + R_OP), (X_C, Y_C - R_OP)], faded=fd("i_mul"))
    if on("o_wire"):
        x_from = X_O + W_BOX / 2
        wire(ax, [(x_from, Y_OMUL), (X_TANH - R_OP, Y_OMUL)], faded=fd("o_wire"))
        label(ax, (x_from + X_TANH - R_OP) / 2, Y_OMUL + 0.45, "o_t", faded=fd("o_wire"))
    if on("tanh_op"):
        f = fd("tanh_op")
        copy_dot(ax, X_TANH, Y_C, faded=f)
        wire(ax, [(X_TANH, Y_C), (X_TANH, Y_TANH + R_WORD)], faded=f)
        op_circle(ax, X_TANH, Y_TANH, "tanh", faded=f, r=R_WORD)
        wire(ax, [(X_TANH, Y_TANH - R_WORD), (X_TANH, Y_OMUL + R_OP)], faded=f)
    if on("o_mul"):
        op_circle(ax, X_TANH, Y_OMUL, "×", faded=fd("o_mul"))
    if on("h_out"):
        f = fd("h_out")
        wire(ax, [(X_TANH, Y_OMUL - R_OP), (X_TANH, Y_H), (X_RIGHT, Y_H)], faded=f)
        label(ax, X_RIGHT - 0.6, Y_H + 0.5, "h_t", faded=f)
        copy_dot(ax, X_H_UP, Y_H, faded=f)
        # the upward copy hops over the cell line: it crosses it, it does not join it
        up = hop((X_H_UP, Y_H), (X_H_UP, 7.3), Y_C)
        hop_halo(ax, up)
        wire(ax, up, faded=f, zorder=4)
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
    return _step({"inputs", "f_in", "f_box", "f_wire", "forget_mul", "cell_in", "cell_stub"},
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
    """The legend of notebook 03, section 1: only the symbols of figures 5, 6 and 8-13.

    The GRU's own symbols (a linear layer, 1−, its state line) are explained in
    figure 14's caption, and the faded grey of figures 10-13 in the notebook
    where they first appear.
    """
    cols = [2.0, 6.0, 10.0, 14.0]
    rows = [6.45, 2.05]  # glyph centres, top to bottom
    fig, ax = canvas(-0.5, 16.5, -1.35, 7.45)
    name_size, detail_size = FONT_SIZE + 3, FONT_SIZE

    def caption(x: float, y: float, name: str, detail: str) -> None:
        """``y``: the lowest point of the glyph above."""
        ax.text(x, y - 0.3, name, ha="center", va="top", fontsize=name_size)
        ax.text(x, y - 1.05, detail, ha="center", va="top", fontsize=detail_size,
                color=MODULE_EDGE, linespacing=1.3)

    # row 1: layers, pointwise operations, vectors, the cell state
    x, y = cols[0], rows[0]
    layer_box(ax, x - 0.95, y, r"\sigma", w=1.2, fontsize=FONT_SIZE + 5)
    layer_box(ax, x + 0.75, y, r"\tanh", w=1.75, fontsize=FONT_SIZE + 5)
    caption(x, y - 0.7, "layer", "weights, bias,\nthen σ or tanh")
    x = cols[1]
    op_circle(ax, x - 1.3, y, "×", r=0.4, fontsize=FONT_SIZE + 7)
    op_circle(ax, x - 0.35, y, "+", r=0.4, fontsize=FONT_SIZE + 7)
    op_circle(ax, x + 0.95, y, "tanh", r=0.64, fontsize=FONT_SIZE)
    caption(x, y - 0.7, "pointwise", "each component;\n× is ⊙")
    x = cols[2]
    wire(ax, [(x - 1.5, y), (x + 1.5, y)])
    caption(x, y - 0.7, "vector", "moves along\nthe line")
    x = cols[3]
    wire(ax, [(x - 1.5, y), (x + 1.5, y)], color=GREEN, lw=CELL_LINE_WIDTH)
    caption(x, y - 0.7, "cell state", "the LSTM's\nmemory line")

    # row 2: how lines meet, split and cross; the module
    x, y = cols[0], rows[1]
    wire(ax, [(x - 1.5, y + 0.3), (x - 0.13, y + 0.3)], arrow=False)
    wire(ax, [(x, y - 0.6), (x, y + 0.17)], arrow=False)
    concat_mark(ax, x, y + 0.3)
    wire(ax, [(x + 0.13, y + 0.3), (x + 1.5, y + 0.3)])
    caption(x, y - 0.6, "concatenate", "joined\nend to end")
    x = cols[1]
    wire(ax, [(x - 1.5, y - 0.2), (x + 1.5, y - 0.2)])
    copy_dot(ax, x - 0.3, y - 0.2)
    wire(ax, [(x - 0.3, y - 0.2), (x - 0.3, y + 0.6), (x + 1.5, y + 0.6)])
    caption(x, y - 0.6, "copy", "one vector,\ntwo ways")
    x = cols[2]
    wire(ax, [(x - 1.5, y), (x + 1.5, y)])
    up = hop((x, y - 0.6), (x, y + 0.95), y)
    hop_halo(ax, up, color="white")
    wire(ax, up, zorder=4)
    caption(x, y - 0.6, "crossing", "the lines\ndo not join")
    x = cols[3]
    module_box(ax, x - 0.85, y - 0.55, 1.7, 1.1, label="A")
    caption(x, y - 0.55, "module A", "same weights\nat every step")
    return fig


def draw_gate() -> Figure:
    fig, ax = canvas(-1.0, 13.0, -2.45, 4.3)
    y_line, x_mul, y_cat = 3.0, 3.0, -0.35
    wire(ax, [(-0.6, y_line), (x_mul - R_OP, y_line)], arrow=False)
    op_circle(ax, x_mul, y_line, "×")
    wire(ax, [(x_mul + R_OP, y_line), (6.0, y_line)])
    label(ax, -0.5, y_line + 0.45, "v", ha="left")
    label(ax, 5.7, y_line + 0.45, r"s \odot v")
    layer_box(ax, x_mul, 0.9, r"\sigma")
    # h_{t-1} and x_t concatenated, as in every module
    wire(ax, [(0.4, y_cat), (x_mul - 0.13, y_cat)], arrow=False)
    label(ax, 0.4, y_cat + 0.45, "h_{t-1}", ha="left")
    wire(ax, [(x_mul, -1.55), (x_mul, y_cat - 0.13)], arrow=False)
    label(ax, x_mul, -1.95, "x_t")
    concat_mark(ax, x_mul, y_cat)
    wire(ax, [(x_mul, y_cat + 0.13), (x_mul, 0.5)])
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
        ax.text((xs[0] + xs[1]) / 2, y, r"$\odot$", ha="center", va="center",
                fontsize=FONT_SIZE)
        ax.text((xs[1] + xs[2]) / 2 - 0.2, y, "=", ha="center", va="center",
                fontsize=FONT_SIZE)
    ax.text(ex_x + 2.6, -1.2, "near 1: keep   ·   near 0: block", ha="center",
            va="center", fontsize=FONT_SIZE - 1, color=MODULE_EDGE)
    return fig


def draw_gru_cell() -> Figure:
    """The GRU cell as Keras computes it (reset_after=True), drawn to be read at 640 px.

    Large labels and no equations in the drawing: the notebook prints the
    equations, and the caption says what the two linear boxes add (their biases).
    """
    x0, x1, y0, y1 = -2.2, 14.0, -2.55, 8.15
    fig, ax = canvas(x0, x1, y0, y1)
    big, op_big = FONT_SIZE + 6, FONT_SIZE + 8  # labels; × and + in their circles
    r_op, r_word, r_one = 0.42, 0.72, 0.52
    bottom, top = -0.5, 6.6
    module_box(ax, 0, bottom, 12.0, top - bottom)
    module_tag(ax, 11.3, 0.4, size=24)
    y_top, y_z, y_gate, y_cand, y_bus, y_xt = 5.95, 4.1, 1.5, 3.05, 0.6, 0.0
    y_hu = 5.0
    x_copy, x_cat, x_z, x_r, x_xw, x_tanh = 0.5, 1.05, 2.15, 3.9, 6.35, 8.0
    x_zmul, x_one, x_hmul, x_up, x_right = 8.8, 9.85, 11.0, 11.6, 13.6
    state = GRU_LINE_WIDTH
    # the hidden-state line along the top: h_{t-1} in, z_t ⊙ h_{t-1} + (1 - z_t) ⊙ h~_t out
    wire_in(ax, [(X_LEFT, y_top), (0, y_top), (x_zmul - r_op, y_top)], lw=state)
    label(ax, X_LEFT - 0.35, y_top + 0.6, "h_{t-1}", ha="left", size=big)
    op_circle(ax, x_zmul, y_top, "×", r=r_op, fontsize=op_big)
    wire(ax, [(x_zmul + r_op, y_top), (x_hmul - r_op, y_top)], arrow=False, lw=state)
    op_circle(ax, x_hmul, y_top, "+", r=r_op, fontsize=op_big)
    wire(ax, [(x_hmul + r_op, y_top), (x_right, y_top)], lw=state)
    label(ax, x_right - 0.55, y_top + 0.6, "h_t", size=big)
    copy_dot(ax, x_up, y_top)
    wire(ax, [(x_up, y_top), (x_up, y1 - 0.35)])
    label(ax, x_up + 0.3, y1 - 0.75, "h_t", ha="left", size=big)
    # h_{t-1} copied down to meet x_t; x_t copied to the candidate's input part
    copy_dot(ax, x_copy, y_top)
    wire(ax, [(x_copy, y_top), (x_copy, y_bus), (x_cat - 0.13, y_bus)], arrow=False)
    wire_in(ax, [(x_cat, -1.75), (x_cat, bottom), (x_cat, y_bus - 0.13)])
    label(ax, x_cat, -2.15, "x_t", size=big)
    concat_mark(ax, x_cat, y_bus)
    copy_dot(ax, x_cat, y_xt)
    wire(ax, [(x_cat, y_xt), (x_xw, y_xt), (x_xw, y_gate - 0.45)])
    # the two gates read the concatenation
    wire(ax, [(x_cat + 0.13, y_bus), (x_r, y_bus), (x_r, y_gate - 0.45)])
    copy_dot(ax, x_z, y_bus)
    wire(ax, [(x_z, y_bus), (x_z, y_gate - 0.45)])
    layer_box(ax, x_z, y_gate, r"\sigma", w=1.3, h=0.9, fontsize=big)
    layer_box(ax, x_r, y_gate, r"\sigma", w=1.3, h=0.9, fontsize=big)
    # candidate: x_t W_h (+ b_h)  +  r_t ⊙ (h_{t-1} U_h + b'_h), then tanh
    layer_box(ax, x_xw, y_gate, r"x_t W_h", w=2.1, h=0.9, fontsize=big)
    copy_dot(ax, x_r, y_top)
    wire(ax, [(x_r, y_top), (x_r, y_hu + 0.45)])
    layer_box(ax, x_r, y_hu, r"h_{t-1} U_h", w=2.6, h=0.9, fontsize=big)
    down = hop((x_r, y_hu - 0.45), (x_r, y_cand + r_op), y_z)
    hop_halo(ax, down)
    wire(ax, down, zorder=4)
    wire(ax, [(x_r, y_gate + 0.45), (x_r, y_cand - r_op)])
    label(ax, x_r - 0.4, 2.4, "r_t", ha="right", size=big)
    op_circle(ax, x_r, y_cand, "×", r=r_op, fontsize=op_big)
    wire(ax, [(x_r + r_op, y_cand), (x_xw - r_op, y_cand)])
    wire(ax, [(x_xw, y_gate + 0.45), (x_xw, y_cand - r_op)])
    op_circle(ax, x_xw, y_cand, "+", r=r_op, fontsize=op_big)
    wire(ax, [(x_xw + r_op, y_cand), (x_tanh - r_word, y_cand)])
    op_circle(ax, x_tanh, y_cand, "tanh", r=r_word, fontsize=FONT_SIZE + 1)
    wire(ax, [(x_tanh + r_word, y_cand), (x_hmul, y_cand), (x_hmul, y_z - r_op)])
    label(ax, (x_tanh + r_word + x_hmul) / 2 + 0.1, y_cand - 0.6, r"\tilde{h}_t", size=big)
    # z_t: copied to the two multiplications, once as z_t and once as 1 - z_t
    wire(ax, [(x_z, y_gate + 0.45), (x_z, y_z), (x_zmul, y_z)], arrow=False)
    label(ax, x_z - 0.2, 3.2, "z_t", ha="right", size=big)
    copy_dot(ax, x_zmul, y_z)
    wire(ax, [(x_zmul, y_z), (x_zmul, y_top - r_op)])
    wire(ax, [(x_zmul, y_z), (x_one - r_one, y_z)])
    op_circle(ax, x_one, y_z, "1−", r=r_one, fontsize=FONT_SIZE + 3)
    wire(ax, [(x_one + r_one, y_z), (x_hmul - r_op, y_z)])
    op_circle(ax, x_hmul, y_z, "×", r=r_op, fontsize=op_big)
    wire(ax, [(x_hmul, y_z + r_op), (x_hmul, y_top - r_op)])
    return fig


def draw_windowing() -> Figure:
    sequence = [10, 20, 30, 40, 50, 60, 70, 80, 90]
    n_steps = 3
    n_samples = len(sequence) - n_steps
    row_h = 0.95
    fig, ax = canvas(-2.8, 15.7, -0.55, 1.6 + row_h * (n_samples + 1.6))
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
    # the key: here blue and orange mark a window and its target, not operations and layers
    y_key = -0.05
    for x, fill, text in ((0.0, SKY, "input window: a row of X"),
                          (7.0, ORANGE, "target: its y")):
        ax.add_patch(Rectangle((x, y_key - 0.25), 0.5, 0.5, facecolor=fill, edgecolor=INK,
                               linewidth=1.2))
        ax.text(x + 0.75, y_key, text, ha="left", va="center", fontsize=FONT_SIZE - 1)
    return fig


# --- LSTM variants (figures 16-18, notebook 06) ------------------------------------
def _small_module(ax: Axes, cx: float, y: float, text: str = "A", *, w: float = 1.4,
                  h: float = 1.1) -> None:
    """One copy of a module in a chain, centred at x = cx, lower edge at y."""
    module_box(ax, cx - w / 2, y, w, h, label=text)


def draw_stacked_lstm() -> Figure:
    fig, ax = canvas(-6.9, 11.7, -2.0, 8.0)
    xs = [1.0, 3.4, 5.8, 7.9, 10.0]
    names = ["1", "2", "3", None, "T"]
    w, h = 1.4, 1.1
    y1, y2, y_dense = 0.0, 3.3, 6.3
    for k, (cx, name) in enumerate(zip(xs, names, strict=True)):
        if name is None:
            for y in (y1, y2):
                ax.text(cx, y + h / 2, "···", ha="center", va="center", fontsize=FONT_SIZE + 8)
            continue
        _small_module(ax, cx, y1, "A", w=w, h=h)
        _small_module(ax, cx, y2, "B", w=w, h=h)
        wire(ax, [(cx, y1 - 0.9), (cx, y1)])
        label(ax, cx, y1 - 1.3, f"x_{name}")
        # layer 1 returns its whole sequence: every h goes up into layer 2
        wire(ax, [(cx, y1 + h), (cx, y2)])
        label(ax, cx + 0.15, (y1 + h + y2) / 2, f"h^{{(1)}}_{name}", ha="left", size=FONT_SIZE)
        last = k == len(xs) - 1
        if last:  # layer 2 returns only its last h, to the Dense layer
            wire(ax, [(cx, y2 + h), (cx, y_dense - 0.4)])
            label(ax, cx + 0.15, (y2 + h + y_dense - 0.4) / 2, f"h^{{(2)}}_{name}", ha="left",
                  size=FONT_SIZE)
        else:  # computed, passed along the chain, but not returned
            wire(ax, [(cx, y2 + h), (cx, y2 + h + 0.7)], faded=True)
            label(ax, cx, y2 + h + 1.05, f"h^{{(2)}}_{name}", faded=True, size=FONT_SIZE)
    for row_y in (y1, y2):
        for k in range(len(xs) - 1):
            left = xs[k] + (w / 2 if names[k] is not None else 0.45)
            right = xs[k + 1] - (w / 2 if names[k + 1] is not None else 0.45)
            wire(ax, [(left, row_y + h / 2), (right, row_y + h / 2)])
    layer_box(ax, xs[-1], y_dense, r"\mathrm{Dense}", w=1.9, fontsize=FONT_SIZE)
    wire(ax, [(xs[-1], y_dense + 0.4), (xs[-1], y_dense + 1.3)])
    label(ax, xs[-1] + 0.25, y_dense + 1.1, r"\hat{y}", ha="left")
    ax.text(-0.3, y1 + h / 2, "layer 1: LSTM\nreturn_sequences=True\nreturns every $h^{(1)}_t$",
            ha="right", va="center", fontsize=FONT_SIZE - 1, color=MODULE_EDGE, linespacing=1.35)
    ax.text(-0.3, y2 + h / 2, "layer 2: LSTM\n(the default)\nreturns only $h^{(2)}_T$",
            ha="right", va="center", fontsize=FONT_SIZE - 1, color=MODULE_EDGE, linespacing=1.35)
    return fig


def draw_bidirectional_lstm() -> Figure:
    fig, ax = canvas(-2.6, 17.2, -5.0, 4.3)
    xs = [1.0, 3.4, 5.8, 7.9, 10.0]
    names = ["1", "2", "3", None, "T"]
    w, h = 1.4, 1.1
    y_fwd, y_bwd = 1.2, -1.2 - h  # lower edges of the two rows; the inputs sit at y = 0
    for cx, name in zip(xs, names, strict=True):
        if name is None:
            for y in (y_fwd, y_bwd):
                ax.text(cx, y + h / 2, "···", ha="center", va="center", fontsize=FONT_SIZE + 8)
            ax.text(cx, 0.0, "···", ha="center", va="center", fontsize=FONT_SIZE + 8)
            continue
        _small_module(ax, cx, y_fwd, "A", w=w, h=h)
        _small_module(ax, cx, y_bwd, "B", w=w, h=h)
        label(ax, cx, 0.0, f"x_{name}")
        wire(ax, [(cx, 0.4), (cx, y_fwd)])  # x_t is read by both LSTMs
        wire(ax, [(cx, -0.4), (cx, y_bwd + h)])
    for k in range(len(xs) - 1):
        left = xs[k] + (w / 2 if names[k] is not None else 0.45)
        right = xs[k + 1] - (w / 2 if names[k + 1] is not None else 0.45)
        wire(ax, [(left, y_fwd + h / 2), (right, y_fwd + h / 2)])  # forward: left to right
        wire(ax, [(right, y_bwd + h / 2), (left, y_bwd + h / 2)])  # backward: right to left
    # the two final states, concatenated, then Dense
    x_cat, y_cat = 12.3, 0.0
    y_f, y_b = y_fwd + h / 2, y_bwd + h / 2
    wire(ax, [(xs[-1] + w / 2, y_f), (x_cat, y_f), (x_cat, y_cat + 0.13)], arrow=False)
    label(ax, 11.55, y_f + 0.5, r"\overrightarrow{h}_T")
    x_first = xs[0] - w / 2
    x_turn, y_under = x_first - 0.9, y_bwd - 0.9
    wire(ax, [(x_first, y_b), (x_turn, y_b), (x_turn, y_under), (x_cat, y_under),
              (x_cat, y_cat - 0.13)], arrow=False)
    label(ax, x_turn - 0.15, (y_b + y_under) / 2, r"\overleftarrow{h}_1", ha="right")
    concat_mark(ax, x_cat, y_cat)
    wire(ax, [(x_cat + 0.13, y_cat), (13.5, y_cat)])
    layer_box(ax, 14.45, y_cat, r"\mathrm{Dense}", w=1.9, fontsize=FONT_SIZE)
    wire(ax, [(15.4, y_cat), (16.3, y_cat)])
    label(ax, 16.45, y_cat, r"\hat{y}", ha="left")
    ax.text(5.5, y_fwd + h + 0.55, "forward LSTM: reads $x_1, x_2, \\ldots, x_T$",
            ha="center", va="center", fontsize=FONT_SIZE - 1, color=MODULE_EDGE)
    ax.text(5.5, y_under - 0.6, "backward LSTM, with its own weights: reads $x_T, \\ldots, x_2, x_1$",
            ha="center", va="center", fontsize=FONT_SIZE - 1, color=MODULE_EDGE)
    ax.text(x_cat + 0.3, -0.8, "concatenate", ha="left", va="center", fontsize=FONT_SIZE - 2,
            color=MODULE_EDGE)
    return fig


def draw_cnn_lstm() -> Figure:
    fig, ax = canvas(-5.3, 15.4, -3.2, 6.6)
    window = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]
    n_seq, n_sub, cell_w, gap = 3, 4, 0.95, 0.6
    y_cells, y_conv, y_mod, h = -1.0, 1.5, 3.4, 1.1
    centres = []
    for s in range(n_seq):
        x0 = s * (n_sub * cell_w + gap)
        for j in range(n_sub):
            x = x0 + j * cell_w
            ax.add_patch(Rectangle((x, y_cells), cell_w, 0.75, facecolor=SKY, edgecolor=INK,
                                   linewidth=1.2))
            ax.text(x + cell_w / 2, y_cells + 0.37, str(window[s * n_sub + j]), ha="center",
                    va="center", fontsize=FONT_SIZE - 4)
        cx = x0 + n_sub * cell_w / 2
        centres.append(cx)
        ax.text(cx, y_cells - 0.5, f"subsequence {s + 1}", ha="center", va="center",
                fontsize=FONT_SIZE - 2, color=MODULE_EDGE)
        wire(ax, [(cx, y_cells + 0.75), (cx, y_conv - 0.65)])
        layer_box(ax, cx, y_conv, "", w=3.0, h=1.3)
        ax.text(cx, y_conv, "Conv1D\n+ Flatten", ha="center", va="center",
                fontsize=FONT_SIZE - 2, color=INK, linespacing=1.2, zorder=5)
        wire(ax, [(cx, y_conv + 0.65), (cx, y_mod)])
        label(ax, cx + 0.15, (y_conv + 0.65 + y_mod) / 2, f"v_{s + 1}", ha="left", size=FONT_SIZE)
        _small_module(ax, cx, y_mod, "A", w=1.4, h=h)
    for k in range(n_seq - 1):
        wire(ax, [(centres[k] + 0.7, y_mod + h / 2), (centres[k + 1] - 0.7, y_mod + h / 2)])
    x_last = centres[-1]
    wire(ax, [(x_last + 0.7, y_mod + h / 2), (12.6, y_mod + h / 2)])
    label(ax, 11.75, y_mod + h / 2 + 0.5, "h_3")
    layer_box(ax, 13.55, y_mod + h / 2, r"\mathrm{Dense}", w=1.9, fontsize=FONT_SIZE)
    wire(ax, [(13.55, y_mod + h / 2 + 0.4), (13.55, y_mod + h / 2 + 1.4)])
    label(ax, 13.8, y_mod + h / 2 + 1.2, r"\hat{y}", ha="left")
    ax.text(-0.35, y_cells + 0.37, "one window\nof 12 steps", ha="right", va="center",
            fontsize=FONT_SIZE - 1, color=MODULE_EDGE, linespacing=1.35)
    ax.text(-0.35, y_conv, "TimeDistributed:\nthe same Conv1D\non each piece", ha="right",
            va="center", fontsize=FONT_SIZE - 1, color=MODULE_EDGE, linespacing=1.35)
    ax.text(-0.35, y_mod + h / 2, "LSTM: one step\nper subsequence", ha="right", va="center",
            fontsize=FONT_SIZE - 1, color=MODULE_EDGE, linespacing=1.35)
    ax.text(centres[1], y_cells - 1.35,
            "input shape: (samples, 3 subsequences, 4 steps, 1 feature)",
            ha="center", va="center", fontsize=FONT_SIZE - 1, color=INK)
    return fig


# --- write everything -----------------------------------------------------------
from summary_sheet import draw_summary_sheet, write_pdf  # noqa: E402  (figure 19)

DRAWERS: dict[str, Callable[[], Figure]] = {
    name: obj for name, obj in globals().items() if name.startswith("draw_") and name != "draw_lstm"
}
DRAWERS["draw_summary_sheet"] = draw_summary_sheet  # drawn in its own module


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
    sheet = next(info for info in FIGURES.values() if info.drawer == "draw_summary_sheet")
    written.append(write_pdf(out / sheet.file.replace(".png", ".pdf")))  # the printable page
    readme = out / "README.md"
    readme.write_text(catalogue_markdown(), encoding="utf-8")
    written.append(readme)
    return written


def main(argv: Sequence[str]) -> int:
    if len(argv) != 1:
        print("usage: python tools/diagrams.py OUTPUT_FOLDER", file=sys.stderr)
        return 2
    start = time.perf_counter()
    paths = write_all(argv[0])
    for path in paths:
        print(f"{path}  {path.stat().st_size / 1024:.1f} kB")
    print(f"{len(paths) - 1} figures in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
