"""Every plot a code cell draws has alt text (the book shows it; screen readers read it).

The text lives in the cell's metadata, {"mystnb": {"image": {"alt": ...}}}, MyST-NB's key,
which the book's build (tools/build_site.py) reads. book/alt_text.toml proposes it for each
plot and tools/add_alt_text.py writes it in; a figure shown with page(n) carries its own.
"""

from __future__ import annotations

import nbformat
import pytest
from add_alt_text import AltText, apply, cell_alt, find_cell, load_proposals, missing, needs_alt
from conftest import ROOT
from stamp_notebooks import load_course

COURSE_FILES = [entry.file for entry in load_course().entries]
PROPOSALS = load_proposals()


def read(name: str):
    return nbformat.read(ROOT / "notebooks" / name, as_version=4)


@pytest.mark.parametrize("name", COURSE_FILES)
def test_every_plot_carries_alt_text(name):
    assert missing(read(name)) == []


@pytest.mark.parametrize("name", COURSE_FILES)
def test_every_plot_has_alt_text_proposed_or_written(name):
    """A new plot fails here until its alt text is in book/alt_text.toml (or in its cell)."""
    nb = read(name)
    apply(nb, [p for p in PROPOSALS if p.notebook == name])  # raises on a stale entry
    assert missing(nb) == [], "add alt text for these plots to book/alt_text.toml"


def test_every_proposal_names_a_course_notebook():
    assert {p.notebook for p in PROPOSALS} <= set(COURSE_FILES)


def _plot_cell(source: str, html: str | None = None):
    data = {"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"}
    if html is not None:
        data["text/html"] = html
    cell = nbformat.v4.new_code_cell(source)
    cell.outputs = [nbformat.v4.new_output("display_data", data=data)]
    return cell


def test_a_plot_needs_alt_text_and_a_figure_with_its_own_does_not():
    assert needs_alt(_plot_cell("plt.plot(x)"))
    assert not needs_alt(_plot_cell("page(1)", '<figure><img alt="A box labelled A." src="x"></figure>'))
    assert needs_alt(_plot_cell("page(1)", '<figure><img alt=" " src="x"></figure>'))
    assert not needs_alt(nbformat.v4.new_code_cell("print(1)"))


def test_apply_writes_the_text_into_the_one_matching_cell():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1"), _plot_cell("# plots x\nplt.plot(x)")])
    assert missing(nb) == ["# plots x"]
    assert apply(nb, [AltText("n.ipynb", "# plots x", "A line rising.")])
    assert cell_alt(nb.cells[1]) == "A line rising." and nb.cells[1].metadata["mystnb"]["image"]["alt"]
    assert missing(nb) == []
    assert not apply(nb, [AltText("n.ipynb", "# plots x", "A line rising.")])  # nothing changes twice


def test_a_piece_of_source_must_name_exactly_one_cell():
    nb = nbformat.v4.new_notebook(cells=[_plot_cell("plt.plot(x)"), _plot_cell("plt.plot(x)")])
    with pytest.raises(ValueError, match="2 code cells"):
        find_cell(nb, AltText("n.ipynb", "plt.plot", "A line."))
    with pytest.raises(ValueError, match="no code cell"):
        find_cell(nb, AltText("n.ipynb", "plt.bar", "Bars."))
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(1)")])
    with pytest.raises(ValueError, match="no plot"):
        apply(nb, [AltText("n.ipynb", "print", "Nothing.")])


def test_a_malformed_proposal_is_refused(tmp_path):
    path = tmp_path / "alt.toml"
    path.write_text('[[plot]]\nnotebook = "01.ipynb"\ncell = "plt.plot"\nalt = "  "\n')
    with pytest.raises(ValueError, match="entry 1"):
        load_proposals(path)
