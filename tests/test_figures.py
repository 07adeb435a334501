"""page(n), the figure catalogue, and the committed figures against their code."""

from __future__ import annotations

import base64
import dataclasses
import json
import os
import re
import struct
import subprocess
import sys

import diagrams
import pytest
from conftest import ROOT

from helpers import page
from helpers.figures import FIGURES, FIGURES_DIR, Page, catalogue_markdown

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
PAGE_CALL = re.compile(r"\bpage\(\s*(\d+)\s*(?:,[^)]*)?\)")


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


# The summary sheet is also written as a PDF page, to print.
SUMMARY_PDF = next(i.file for i in FIGURES.values() if i.drawer == "draw_summary_sheet").replace(".png", ".pdf")


# --- page ---------------------------------------------------------------------
def test_numbers_run_from_1_without_gaps():
    assert sorted(FIGURES) == list(range(1, len(FIGURES) + 1))
    assert len({info.file for info in FIGURES.values()}) == len(FIGURES)
    assert all(info.file.startswith(f"{n:02d}_") for n, info in FIGURES.items())


@pytest.mark.parametrize("n", sorted(FIGURES))
def test_page_html_has_alt_caption_and_image(n):
    shown = page(n)
    info = FIGURES[n]
    html = shown._repr_html_()
    assert html.startswith("<figure><img alt=\"") and html.endswith("</figcaption></figure>")
    assert 'width="640"' in html
    assert f"<figcaption>Figure {n}. " in html
    assert info.alt.split()[0] in html and len(info.alt) > 40
    data = re.search(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', html).group(1)
    assert base64.b64decode(data) == (FIGURES_DIR / FIGURES[n].file).read_bytes() == shown._repr_png_()
    assert " ".join(repr(shown).split()) == " ".join(f"Figure {n}. {info.caption}".split())
    assert max(len(line) for line in repr(shown).splitlines()) <= 90  # the course's line length


def test_page_html_is_stable_and_escaped():
    assert page(3)._repr_html_() == page(3)._repr_html_()
    info = FIGURES[1]
    fake = Page(dataclasses.replace(info, alt='say "A" <b>', caption="x < y & z"), b"png", 640)
    html = fake._repr_html_()
    assert 'alt="say &quot;A&quot; &lt;b&gt;"' in html
    assert "<figcaption>Figure 1. x &lt; y &amp; z</figcaption>" in html


def test_page_width():
    assert 'width="320"' in page(1, width=320)._repr_html_()
    for bad in (0, -640, 10, 5000):
        with pytest.raises(ValueError, match="width"):
            page(1, width=bad)
    for bad in (640.0, "640", None, True):
        with pytest.raises(TypeError, match="width"):
            page(1, width=bad)


@pytest.mark.parametrize("bad", [0, len(FIGURES) + 1, -1, 99])
def test_page_unknown_number_lists_valid_ones(bad):
    with pytest.raises(ValueError, match=r"valid figure numbers are 1, 2, 3, .*, 18"):
        page(bad)


@pytest.mark.parametrize("bad", [1.0, "1", None, True])
def test_page_number_must_be_int(bad):
    with pytest.raises(TypeError, match="n must be an int"):
        page(bad)


def test_page_works_from_another_directory(tmp_path):
    code = "from helpers import page; print(len(page(6)._repr_png_()) > 1000)"
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    assert result.stdout.strip() == "True"


def test_page_does_not_import_matplotlib():
    code = "import sys; from helpers import page; page(1); print('matplotlib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "False"


# --- the committed files ---------------------------------------------------------
@pytest.mark.parametrize("n", sorted(FIGURES))
def test_committed_png_is_small_and_sized_for_640(n):
    data = (FIGURES_DIR / FIGURES[n].file).read_bytes()
    width, height = png_size(data)
    if FIGURES[n].drawer == "draw_summary_sheet":  # an A4 landscape page at 200 dpi
        assert (width, height) == (2338, 1654) and len(data) < 250_000
        return
    assert width == 1280 and 200 <= height <= 1400
    assert len(data) < 80_000, f"figure {n} is {len(data) / 1024:.0f} kB"


def test_catalogue_readme_is_up_to_date():
    assert (FIGURES_DIR / "README.md").read_text(encoding="utf-8") == catalogue_markdown(), (
        "figures/README.md is out of date: run `make figures`"
    )


def test_nothing_else_in_figures():
    expected = {info.file for info in FIGURES.values()} | {"README.md", SUMMARY_PDF}
    assert {p.name for p in FIGURES_DIR.iterdir()} == expected


def test_every_drawer_exists():
    assert {info.drawer for info in FIGURES.values()} == set(diagrams.DRAWERS)


def test_make_figures_reproduces_the_committed_set(tmp_path):
    """`make figures` logic into a temporary folder: same files, same pixel sizes.

    Bytes are compared only for information: they matched across runs on the
    machine that drew the committed set, but another matplotlib or FreeType may
    place anti-aliased pixels differently.
    """
    subprocess.run([sys.executable, str(ROOT / "tools" / "diagrams.py"), str(tmp_path)], cwd=ROOT,
                   check=True, capture_output=True)
    fresh = {p.name for p in tmp_path.iterdir()}
    committed = {p.name for p in FIGURES_DIR.iterdir()}
    assert fresh == committed
    for info in FIGURES.values():
        new = (tmp_path / info.file).read_bytes()
        old = (FIGURES_DIR / info.file).read_bytes()
        assert png_size(new) == png_size(old), f"{info.file}: pixel size changed"
    assert (tmp_path / "README.md").read_text() == (FIGURES_DIR / "README.md").read_text()


def test_unknown_lstm_part_is_rejected():
    with pytest.raises(ValueError, match="unknown LSTM parts"):
        diagrams.draw_lstm(None, highlight={"forget_gate"})


# --- the notebooks use the set -----------------------------------------------------
def page_calls() -> dict[str, set[int]]:
    calls = {}
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        numbers = set()
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                source = "".join(cell["source"])
                numbers |= {int(m) for m in PAGE_CALL.findall(source)}
        calls[path.name] = numbers
    return calls


def test_every_page_call_refers_to_a_figure():
    bad = {name: sorted(nums - set(FIGURES)) for name, nums in page_calls().items()
           if nums - set(FIGURES)}
    assert not bad, f"page(n) with no such figure: {bad}"


def test_every_figure_is_used_by_a_notebook():
    used = set().union(*page_calls().values()) if NOTEBOOKS else set()
    unused = sorted(set(FIGURES) - used)
    assert not unused, f"figures no notebook shows with page(n): {unused}"


def test_jupyter_shows_html_with_png_fallback():
    from IPython.core.formatters import DisplayFormatter

    bundle, _ = DisplayFormatter().format(page(9))
    assert set(bundle) == {"text/html", "text/plain", "image/png"}
    assert bundle["text/html"] == page(9)._repr_html_()
    assert bundle["text/plain"].startswith("Figure 9. A gate")


def test_diagrams_main_needs_one_folder(capsys):
    assert diagrams.main([]) == 2
    assert "usage" in capsys.readouterr().err


def test_hop_arcs_around_the_crossing_and_rejects_diagonals():
    points = diagrams.hop((1.0, 0.0), (1.0, 5.0), 2.0, r=0.3)
    assert points[0] == (1.0, 0.0) and points[-1] == (1.0, 5.0)
    arc = points[1:-1]
    assert arc[0] == pytest.approx((1.0, 1.7)) and arc[-1] == pytest.approx((1.0, 2.3))
    assert max(x for x, _ in arc) == pytest.approx(1.3)  # bulges right, to the crossed line
    assert all((x - 1.0) ** 2 + (y - 2.0) ** 2 == pytest.approx(0.09) for x, y in arc)
    left = diagrams.hop((0.0, 4.0), (6.0, 4.0), 3.0, side=-1.0)
    assert min(y for _, y in left) == pytest.approx(4.0 - diagrams.HOP_R)
    with pytest.raises(ValueError, match="vertical or horizontal"):
        diagrams.hop((0.0, 0.0), (1.0, 1.0), 0.5)


def test_legend_alt_text_names_every_convention():
    alt = FIGURES[7].alt
    for word in ("module A", "layer", "pointwise", "circled dot", "vector", "cell state",
                 "concatenate", "copy", "crossing"):
        assert word in alt, word
    # only the symbols of the LSTM figures: the GRU's are explained in figure 14's caption
    for word in ("linear layer", "1 minus", "GRU", "faded", "highlighted", "three dots"):
        assert word not in alt, word
