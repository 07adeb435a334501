"""The stamping script: idempotent, keeps the lesson's cells, derives URLs from one setting."""

from __future__ import annotations

import nbformat
import pytest
import stamp_notebooks as stamper


def course(repository="someone/course", branch="main"):
    entries = tuple(
        stamper.Entry(f"0{n}", f"0{n}_topic_{n}.ipynb", f"Topic {n}", f"Purpose {n}.")
        for n in (1, 2, 3)
    )
    return stamper.Course(repository, branch, entries)


def lesson():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("Lesson text"), nbformat.v4.new_code_cell("x = 1")]
    nb.metadata["vscode"] = {"interpreter": {"hash": "abc"}}
    nb.metadata["kernelspec"] = {"name": "base", "display_name": "base"}
    nb.cells[1].metadata["execution"] = {"iopub.status.busy": "2026-01-01"}
    nb.cells[1].metadata["tags"] = ["nbval-ignore-output"]
    return nb


def test_stamp_adds_parts_and_cleans_metadata():
    nb = stamper.stamp(lesson(), course(), 1)
    ids = [c.get("id") for c in nb.cells]
    assert ids[:2] == [stamper.HEADER_ID, stamper.SETUP_ID] and ids[-1] == stamper.FOOTER_ID
    assert [c.source for c in nb.cells[2:4]] == ["Lesson text", "x = 1"]
    assert set(nb.metadata) == {"kernelspec", "language_info"}
    assert nb.metadata.kernelspec.name == "python3"
    assert dict(nb.cells[3].metadata) == {"tags": ["nbval-ignore-output"],
                                          "slideshow": {"slide_type": "-"}}


def test_stamp_is_idempotent():
    once = stamper.serialise(stamper.stamp(lesson(), course(), 1))
    twice = stamper.serialise(stamper.stamp(nbformat.reads(once, as_version=4), course(), 1))
    assert once == twice


def test_navigation_links_neighbours():
    c = course()
    assert "01_topic_1.ipynb" not in stamper.navigation(c, 0)
    middle = stamper.navigation(c, 1)
    assert "[← 01 · Topic 1](01_topic_1.ipynb)" in middle and "(03_topic_3.ipynb)" in middle
    assert "03_topic_3" not in stamper.navigation(c, 2).split("Contents")[1]


def test_urls_come_from_the_one_setting():
    c = course("org/name", "dev")
    header = stamper.header_source(c, 0)
    assert "colab.research.google.com/github/org/name/blob/dev/notebooks/01_topic_1.ipynb" in header
    setup = stamper.setup_source(c)
    assert "git clone --depth=1 -b dev https://github.com/org/name $d" in setup
    assert 'os.chdir("name/notebooks")' in setup


def test_setup_cell_is_valid_python_and_keeps_outputs():
    nb = stamper.stamp(lesson(), course(), 0)
    compile(nb.cells[1].source, "setup", "exec")
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", text="done\n")]
    nb.cells[1].execution_count = 1
    again = stamper.stamp(nb, course("other/repo"), 0)
    assert again.cells[1].outputs[0].text == "done\n"
    assert "other/repo" in again.cells[1].source


def test_footer_moves_to_the_end():
    nb = stamper.stamp(lesson(), course(), 0)
    nb.cells.append(nbformat.v4.new_code_cell("y = 2"))
    nb = stamper.stamp(nb, course(), 0)
    assert nb.cells[-1].id == stamper.FOOTER_ID and nb.cells[-2].source == "y = 2"


def test_readme_table_replaced_between_markers():
    text = f"intro\n{stamper.README_START}\nold\n{stamper.README_END}\noutro\n"
    new = stamper.stamp_readme(text, course())
    assert new.startswith("intro\n") and new.endswith("\noutro\n") and "old" not in new
    assert new.count("| 0") == 3
    assert stamper.stamp_readme(new, course()) == new
    with pytest.raises(ValueError, match="markers"):
        stamper.stamp_readme("no markers", course())


def test_real_course_config_is_well_formed():
    c = stamper.load_course()
    numbers = [e.number for e in c.entries]
    assert numbers == sorted(set(numbers)) and numbers[0] == "01"
    assert all(e.title and e.purpose.endswith(".") for e in c.entries)


def test_config_mistakes_are_caught(tmp_path):
    good = '[tool.course]\nrepository = "a/b"\n[[tool.course.notebooks]]\nfile = "01_x.ipynb"\n'
    (tmp_path / "p.toml").write_text(good + 'title = "X"\npurpose = "Y."\n')
    assert stamper.load_course(tmp_path / "p.toml").entries[0].number == "01"
    (tmp_path / "p.toml").write_text(good.replace("01_x", "x") + 'title = "X"\npurpose = "Y."\n')
    with pytest.raises(ValueError, match="two-digit number"):
        stamper.load_course(tmp_path / "p.toml")


def test_slide_types_follow_the_headings_and_leave_out_going_further():
    nb = lesson()
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    nb.cells += [md("## 1. A section"), code("y = 2"), md("### A part"), md("## Going further"),
                 code("z = 3"), md("## References")]
    nb = stamper.stamp(nb, course(), 0)
    kinds = [(c.get("id"), c.metadata["slideshow"]["slide_type"]) for c in nb.cells]
    assert kinds[0] == (stamper.HEADER_ID, "slide") and kinds[1] == (stamper.SETUP_ID, "skip")
    assert [k for _, k in kinds[2:]] == ["-", "-", "slide", "-", "subslide", "skip", "skip", "skip",
                                         "skip"]


def test_a_cell_that_would_overflow_starts_a_new_slide():
    nb = lesson()
    tall = "\n".join(f"line_{i} = {i}" for i in range(20))  # about 440 px of code
    nb.cells += [nbformat.v4.new_code_cell(tall), nbformat.v4.new_code_cell(tall)]
    nb = stamper.stamp(nb, course(), 0)
    # Two of them cannot share a 720 px slide, so the second starts its own.
    assert nb.cells[-2].metadata["slideshow"]["slide_type"] == "subslide"
