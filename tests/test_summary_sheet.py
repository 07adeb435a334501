"""Figure 20, the summary sheet: one A4 page whose text stays inside its columns."""

from __future__ import annotations

import diagrams
import matplotlib
import matplotlib.pyplot as plt
import pytest
import summary_sheet

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def sheet():
    with plt.rc_context(diagrams.RC):
        fig = summary_sheet.draw_summary_sheet()
        fig.canvas.draw()
        yield fig
    plt.close(fig)


def test_every_line_stays_in_its_column_and_on_the_page(sheet):
    renderer = sheet.canvas.get_renderer()
    width, height = sheet.bbox.width, sheet.bbox.height
    for text in sheet.texts:
        box = text.get_window_extent(renderer)
        assert box.y0 >= 0 and box.y1 <= height, text.get_text()
        left = box.x0 / width
        column = [x for x in summary_sheet.COLUMN_LEFT if abs(x - left) < 0.02]
        if column:  # the title and the footnote span the page
            assert box.x1 / width <= column[0] + summary_sheet.COLUMN_WIDTH, text.get_text()


def test_holds_what_a_student_needs():
    text = " ".join(line for column in summary_sheet.COLUMNS for _, lines in column for line in lines)
    for needed in ["h_{t-1} U", "f_t \\odot c_{t-1}", "i, f, c, o", "(batch, time, features)",
                   "n_in", "training part only", "Baselines first"]:
        assert needed in text, needed


def test_pdf_is_one_page(tmp_path):
    pdf = summary_sheet.write_pdf(tmp_path / "sheet.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") == 1
