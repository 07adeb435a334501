"""The course's colours, in one place: plots in every notebook, the figures in tools/.

From the Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008), which
stays distinct for the common forms of colour blindness.
"""

from __future__ import annotations

__all__ = [
    "ORANGE", "SKY", "GREEN", "BLUE", "VERMILLION", "INK", "MUTED",
    "CELL_COLOURS", "BASELINE_COLOUR", "TRUTH_COLOUR",
]

ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
INK = "#222222"  # text and lines
MUTED = "#555555"  # secondary text, module edges

# What each colour means in the notebooks' plots.
CELL_COLOURS = {"SimpleRNN": BLUE, "LSTM": VERMILLION, "GRU": GREEN}
BASELINE_COLOUR = "#7F7F7F"  # last value, seasonal naive, linear models
TRUTH_COLOUR = INK  # the true series
