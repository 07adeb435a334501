"""Figure 19, the summary sheet: one page whose text stays in its columns and margins, and is right."""

from __future__ import annotations

import re

import diagrams
import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
import summary_sheet
from summary_sheet import A4_LANDSCAPE, MM, US_LETTER_LANDSCAPE

from helpers.figures import FIGURES, catalogue_markdown

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def sheet():
    with plt.rc_context(diagrams.RC):
        fig = summary_sheet.draw_summary_sheet()
        fig.canvas.draw()
        yield fig
    plt.close(fig)


def text_boxes(fig) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Every text on the page and its box in inches from the page's lower left corner."""
    renderer = fig.canvas.get_renderer()
    found = []
    for text in fig.texts:
        box = text.get_window_extent(renderer)
        found.append((text.get_text(), (box.x0 / fig.dpi, box.y0 / fig.dpi, box.x1 / fig.dpi, box.y1 / fig.dpi)))
    return found


def test_every_line_stays_in_its_column(sheet):
    width = sheet.bbox.width
    for text in sheet.texts:
        box = text.get_window_extent(sheet.canvas.get_renderer())
        left = box.x0 / width
        column = [x for x in summary_sheet.COLUMN_LEFT if abs(x - left) < 0.02]
        if column:  # the title and the footnote span the page
            assert box.x1 / width <= column[0] + summary_sheet.COLUMN_WIDTH, text.get_text()


@pytest.mark.parametrize("paper", [A4_LANDSCAPE, US_LETTER_LANDSCAPE], ids=["A4", "US Letter"])
def test_margins_of_at_least_10_mm_when_printed(sheet, paper):
    """Printed at 100 %, centred on the paper, as a printer driver does with a page of another size."""
    shift_x = (paper[0] - A4_LANDSCAPE[0]) / 2
    shift_y = (paper[1] - A4_LANDSCAPE[1]) / 2
    for text, (x0, y0, x1, y1) in text_boxes(sheet):
        margins = (x0 + shift_x, y0 + shift_y, paper[0] - x1 - shift_x, paper[1] - y1 - shift_y)
        assert min(margins) >= 10 * MM, f"{text[:40]!r}: {min(margins) / MM:.1f} mm from the edge"


def sheet_text() -> str:
    return " ".join(line for column in summary_sheet.COLUMNS for _, lines in column for line in lines)


def test_holds_what_a_student_needs():
    text = sheet_text()
    for needed in ["h_{t-1} U", "f_t \\odot c_{t-1}", "i, f, c, o", "(batch, time, features)",
                   "n_in", "training part only", "Baselines first",
                   # the GRU beside the LSTM, in Keras's form (notebook 03)
                   "z_t = \\sigma", "r_t = \\sigma", "r_t \\odot (h_{t-1} U_h + b'_h)",
                   "(1 - z_t) \\odot \\tilde{h}_t"]:
        assert needed in text, needed


def test_the_checklist_has_every_step_the_course_teaches():
    checklist = " ".join(
        " ".join(lines) for column in summary_sheet.COLUMNS for heading, lines in column
        if heading.startswith("Forecasting checklist"))
    checklist = re.sub(r"\s+", " ", checklist)
    for step in ["forecast the changes", "undo the scaling before scoring", "validation slice",
                 "seasonal naive (with drift)", "paired test", "residuals of a good linear model",
                 "Echo check", "training part only"]:
        assert step in checklist, step
    numbers = re.findall(r"(?:^| )(\d)\. ", checklist)
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]


def test_the_encoder_decoder_runs_as_written():
    """The sheet's lines, typed as they stand, build the model and give (batch, n_out, 1)."""
    import keras
    from keras import layers

    code = "\n".join(summary_sheet.code_lines())
    assert "return_sequences=True" in code and "TimeDistributed" in code
    namespace = {"keras": keras, "layers": layers, "n_in": 3, "n_features": 2, "n_out": 4}
    exec(code, namespace)  # noqa: S102 - the handout's own text, the point of the test
    model = namespace["model"]
    assert model(np.zeros((5, 3, 2), dtype="float32")).shape == (5, 4, 1)


def test_no_source_file_on_the_page(sheet):
    assert not any(re.search(r"\.py\b|helpers/", text) for text, _ in text_boxes(sheet))


def test_the_catalogue_describes_the_sheet_as_it_is():
    info = next(i for i in FIGURES.values() if i.drawer == "draw_summary_sheet")
    checklist = " ".join(" ".join(lines) for column in summary_sheet.COLUMNS for heading, lines in column
                         if heading.startswith("Forecasting checklist"))
    steps = len(re.findall(r"(?:^| )\d\. ", checklist))
    words = {4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}
    assert f"{words[steps]}-step forecasting checklist" in info.alt
    assert "GRU" in info.alt and "GRU" in info.caption
    assert info.caption in catalogue_markdown()


def test_pdf_is_one_page(tmp_path):
    pdf = summary_sheet.write_pdf(tmp_path / "sheet.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") == 1
