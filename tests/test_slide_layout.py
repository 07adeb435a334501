"""The slide rules (tools/slide_layout.py): what stays off a slide, how long code and prose are cut,
and that every deck of the course keeps to them (the browser check, tools/check_slides.py,
measures the built decks; these tests need no browser)."""

from __future__ import annotations

import re

import nbformat
import pytest
import slide_layout as sl
import stamp_notebooks
from conftest import ROOT

SKIP_IDS = {stamp_notebooks.SETUP_ID, stamp_notebooks.FOOTER_ID}


def code(source, outputs=()):
    return {"cell_type": "code", "source": source, "metadata": {}, "outputs": list(outputs)}


def md(source):
    return {"cell_type": "markdown", "source": source, "metadata": {}}


def stream(text):
    return {"output_type": "stream", "name": "stdout", "text": text}


# --- what stays off the slides ------------------------------------------------------------------
@pytest.mark.parametrize(("cell", "reason"), [
    (code("import numpy as np\nfrom keras import layers  # the layers"), "imports only"),
    (code("assert x == 1\nassert y > 0, 'y'"), "checks only"),
    (code("for v in values:\n    assert v > 0"), "checks only"),
    (code("x = f()\nassert x > 0"), "checks only"),  # what is left prints nothing
    (code("assert abs(a - b) < 1e-3\nprint('matches Keras within 0.001')",
          [stream("matches Keras within 0.001\n")]), "checks only"),  # only a fixed sentence
    (code("def answer():\n    return ...  # your answer: an int\n\n\nex.check(answer)"), "exercise to fill in"),
    (code("scale = ...       # the factor"), "exercise to fill in"),
    (code("show(claims)", [stream("claim   | value | holds\nx | 1 | yes\n")]), "claim table"),
    (code("page(19)", [{"output_type": "display_data", "metadata": {},
                        "data": {"text/plain": "Figure 19. The course on one page: ..."}}]),
     "summary sheet (a handout)"),
    (code("# extra code – helpers for the plot\ndef f():\n    pass"), "extra code without output"),
    (code("# extra code – checks the claims\nprint(claims)",
          [stream("the seeds differ by a few points   yes\nno median above LDA   NO\n")]), "claim table"),
])
def test_cells_that_stay_off_the_slides(cell, reason):
    assert sl.left_out(cell) == reason


@pytest.mark.parametrize("cell", [
    code("x = np.zeros((2, 3))\nprint(x.shape)"),
    code("y = x[..., 0]"),  # an Ellipsis in an index is not an exercise
    code("import numpy as np\nx = np.ones(3)"),
    code("assert x.ndim == 2\nprint(x)", [stream("[1 2]\n")]),  # its output shows
    md("## 1. A section"),
    code("print(answers)", [stream("is it an echo?   no\nis it a forecast?   yes\n")]),  # not extra code
    code("# extra code – a table\nprint(t)", [stream("LSTM   0.95\nGRU   0.97   yes\n")]),
])
def test_lesson_cells_stay_on(cell):
    assert sl.left_out(cell) is None


def test_strip_checks_keeps_the_lesson_and_valid_python():
    source = ("x = 1\n# the check: x is one\nassert x == 1\nfor v in [1, 2]:\n    print(v)\n"
              "    assert v > 0\nfor v in [1]:\n    assert v\nprint('done')")
    stripped = sl.strip_checks(source)
    assert "assert" not in stripped and "the check" not in stripped
    assert stripped == "x = 1\nfor v in [1, 2]:\n    print(v)\nprint('done')"
    assert sl.strip_checks("%timeit f()\nassert 1") == "%timeit f()\nassert 1"  # not plain Python


def test_split_code_cuts_at_statements_and_never_inside_one():
    statements = [f"value_{i} = {i}" for i in range(20)]
    pieces = sl.split_code("\n".join(statements), max_lines=15)
    assert [len(p.splitlines()) for p in pieces] == [15, 5]
    assert "\n".join(pieces).splitlines() == statements
    body = "def f():\n" + "\n".join(f"    a_{i} = {i}" for i in range(20))
    assert sl.split_code(body, max_lines=15) is None  # one statement: shown in pieces instead
    assert all(len(p.splitlines()) <= 15 for p in sl.show_in_pieces(body))
    assert sl.split_code("x = 1") == ["x = 1"]


def test_a_comment_stays_with_the_statement_below_it():
    source = "\n".join([f"a_{i} = {i}" for i in range(10)] + ["# why b", "b = 2"] + ["c = 3"] * 5)
    pieces = sl.split_code(source, max_lines=11)
    assert pieces[1].startswith("# why b\nb = 2")


def test_cut_prose_keeps_the_point_and_sends_the_rest_to_the_notes():
    first = "An RNN keeps a memory. " * 5
    second = "More detail that a slide does not need. " * 10
    source = f"## 2. A heading\n\n{first}\n\n$$h_t = f(h_{{t-1}})$$\n\n{second}"
    shown, notes = sl.cut_prose(source, max_words=40)
    assert shown.startswith("## 2. A heading") and "$$h_t" in shown and first.strip() in shown
    assert "More detail" in notes and "More detail" not in shown
    short = "A short cell."
    assert sl.cut_prose(short) == (short, "")
    long_paragraph = " ".join(f"Sentence number {i} says one thing." for i in range(30))
    shown, notes = sl.cut_prose(long_paragraph, max_words=30)
    assert sl.prose_words(shown) <= 31 and shown.endswith(". …") and notes


# --- the decks -------------------------------------------------------------------------------------
def test_lecture_cells_split_long_code_and_place_notes():
    long_cell = code("\n".join(f"v_{i} = {i}" for i in range(20)), [stream("done\n")])
    long_cell["id"] = "long"
    cells = [md("# Title"), md("## 1. Part"), long_cell, md("## 2. Next")]
    deck = sl.lecture_cells(cells, set(), [sl.Note("1. Part", "v_0 = 0", "run it"),
                                           sl.Note("1. Part", "", "cue")])
    kinds = [(c["cell_type"], c["metadata"]["slideshow"]["slide_type"]) for c in deck]
    assert kinds == [("markdown", "slide"), ("markdown", "slide"), ("markdown", "notes"),
                     ("code", "-"), ("code", "subslide"), ("markdown", "notes"), ("markdown", "slide")]
    assert deck[4]["outputs"] and not deck[3]["outputs"]  # the output stays with the last piece
    assert deck[5]["source"] == "run it" and deck[2]["source"] == "cue"
    assert sl.slide_count(deck) == 4 and sl.slide_count(deck, {"1. Part"}) == 2


def test_a_self_study_part_says_so_on_its_slide():
    deck = sl.lecture_cells([md("## 1. Part"), md("Some prose.")], set(),
                            [sl.Note("1. Part", "", "skip ahead", "Self-study: read it at home.")])
    shown = [c["source"] for c in deck if c["metadata"]["slideshow"]["slide_type"] != "notes"]
    assert "*Self-study: read it at home.*" in shown
    assert shown.index("*Self-study: read it at home.*") < shown.index("Some prose.")


def test_an_exercise_is_never_cut_to_the_notes():
    words = " ".join(["word"] * 80)
    cells = [md("## Exercises"), md(f"**Exercise 1.** {words}. Second sentence here.")]
    deck = sl.lecture_cells(cells, set())
    notes = [c["source"] for c in deck if c["metadata"]["slideshow"]["slide_type"] == "notes"]
    assert not any("Exercise 1" in n or "Second sentence" in n for n in notes)


def test_a_note_for_a_missing_cell_names_it():
    with pytest.raises(ValueError, match="starting 'nothing'"):
        sl.lecture_cells([md("## 1. Part")], set(), [sl.Note("1. Part", "nothing", "x")])


COURSE = stamp_notebooks.load_course()


@pytest.mark.parametrize("entry", COURSE.entries, ids=lambda e: e.number)
def test_every_deck_keeps_to_the_rules(entry):
    """What a slide shows: at most 15 code lines, no assert, no claim table, no placeholder."""
    nb = nbformat.read(ROOT / "notebooks" / entry.file, as_version=4)
    deck = sl.lecture_cells([dict(c) for c in nb.cells], SKIP_IDS)
    lines, problems = 0, []
    for cell in deck:
        kind = cell["metadata"]["slideshow"]["slide_type"]
        if kind in ("slide", "subslide"):
            lines = 0
        if kind in ("skip", "notes"):
            continue
        shown = cell["cell_type"] == "code" and sl.HIDE_INPUT_TAG not in cell["metadata"].get("tags", [])
        source = cell["source"]
        if shown:
            lines += len(source.splitlines())
            if re.search(r"^\s*assert\b", source, re.MULTILINE):
                problems.append(f"assert shown: {source[:50]!r}")
            if sl.PLACEHOLDER.search(source):
                problems.append(f"placeholder shown: {source[:50]!r}")
        prose = sum(sl.prose_words(b) for b in sl._blocks(source) if not sl._is_visual(b))
        if cell["cell_type"] == "markdown" and not cell["metadata"].get("lecture", {}).get("note") \
                and prose > sl.SLIDE_WORDS_TOTAL + 30:  # a list or a summary is cut between blocks
            problems.append(f"{prose} words of prose on a slide: {source[:50]!r}")
        if cell["cell_type"] == "code" and sl.CLAIM_TABLE.search(sl._outputs_text(cell)):
            problems.append("claim table shown")
        if lines > sl.MAX_CODE_LINES:
            problems.append(f"{lines} code lines on one slide, at {source[:40]!r}")
    assert not problems, "\n".join(problems)


def test_stamped_slide_types_leave_out_what_the_decks_leave_out():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# T"), nbformat.v4.new_code_cell("import numpy as np"),
                nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("assert x == 1")]
    sl.assign_slide_types(nb.cells, set())
    assert [c.metadata["slideshow"]["slide_type"] for c in nb.cells] == ["slide", "skip", "-", "skip"]


def test_a_loop_too_long_for_a_slide_shows_its_output_and_puts_its_code_in_the_notes():
    loop = "for i in range(3):\n" + "\n".join(f"    a_{k} = {k}" for k in range(20)) + "\nprint(i)"
    long_def = "def f():\n" + "\n".join(f"    a_{k} = {k}" for k in range(20)) + "\nf()"
    deck = sl.lecture_cells([md("## 1. Part"), code(loop, [stream("2\n")])], set())
    shown = [c for c in deck if c["metadata"]["slideshow"]["slide_type"] != "notes"]
    assert sl.HIDE_INPUT_TAG in shown[-1]["metadata"]["tags"] and shown[-1]["outputs"]
    assert any("```python\nfor i in range(3)" in c["source"] for c in deck if c["cell_type"] == "markdown")
    deck = sl.lecture_cells([md("## 1. Part"), code(long_def, [stream("x\n")])], set())
    fences = [c for c in deck if c["source"].startswith("```python\ndef f")]
    assert fences and all(len(c["source"].splitlines()) <= sl.MAX_CODE_LINES + 2 for c in fences)


def test_extra_code_below_the_lesson_shows_the_lesson_then_only_the_output():
    source = "x = 1\ny = x + 1\n\n# extra code – plots y\nplot(y)\nshow()"
    assert sl.split_at_extra_code(source) == ("x = 1\ny = x + 1", "# extra code – plots y\nplot(y)\nshow()")
    assert sl.split_at_extra_code("# extra code – all of it\nplot()") == ("# extra code – all of it\nplot()", "")
    assert sl.split_at_extra_code("for i in a:\n    # extra code – inside a loop\n    f(i)")[1] == ""
    cell = code(source, [stream("figure\n")])
    cell["id"] = "fig"
    deck = sl.lecture_cells([md("## 1. Part"), cell], set(), [sl.Note("1. Part", "x = 1", "run it")])
    shown = [c for c in deck if c["metadata"]["slideshow"]["slide_type"] != "notes"]
    lesson, extra = shown[-2:]
    assert lesson["source"] == "x = 1\ny = x + 1" and not lesson["outputs"] and lesson["id"] == "fig-lesson"
    assert sl.HIDE_INPUT_TAG in extra["metadata"]["tags"] and extra["outputs"] and extra["id"] == "fig"
    assert any(c["source"] == "run it" for c in deck)


def test_a_caption_stays_with_its_figure_and_the_prose_after_it_may_move_on():
    assert sl.split_caption("*Figure: a plot.*\n\nThe next point.") == ("*Figure: a plot.*", "The next point.")
    assert sl.split_caption("*Figure: a plot.*") == ("*Figure: a plot.*", "")
    assert sl.split_caption("**Bold** opening.\n\nMore.")[1] == ""
    figure = code("# extra code – a plot\nplot()", [{"output_type": "display_data", "metadata": {},
                                                     "data": {"text/plain": "<Figure>"}}])
    text = md("*Figure: a plot.*\n\n" + "The point after the figure goes on. " * 12)
    deck = sl.lecture_cells([md("## 1. Part"), figure, text], set())
    shown = [c for c in deck if c["metadata"]["slideshow"]["slide_type"] != "notes"]
    assert [c["source"][:17] for c in shown[-2:]] == ["*Figure: a plot.*", "The point after t"]


def test_a_cell_with_checks_shows_only_its_output_and_its_code_goes_to_the_notes():
    cell = code("gap = f(x)\nassert gap < 0.1\nprint(f'largest gap {gap:.4f}')",
                [stream("largest gap 0.0003\n")])
    cell["id"] = "checked"
    assert sl.has_checks(cell["source"]) and not sl.has_checks("def f(x):\n    assert x\n    return x")
    deck = sl.lecture_cells([md("## 1. Part"), cell], set())
    shown = [c for c in deck if c["metadata"]["slideshow"]["slide_type"] != "notes"]
    assert sl.HIDE_INPUT_TAG in shown[-1]["metadata"]["tags"] and shown[-1]["outputs"]
    notes = [c["source"] for c in deck if c["metadata"]["slideshow"]["slide_type"] == "notes"]
    assert any("assert gap < 0.1" in n for n in notes)


def test_a_plot_gets_a_sub_slide_of_its_own():
    plot = {"output_type": "display_data", "metadata": {}, "data": {"image/png": "iVBORw0KGgo=",
                                                                    "text/plain": "<Figure>"}}
    cell = code("x = 1\nprint(x)\nplot(x)", [stream("1\n"), plot])
    cell["id"] = "p"
    deck = sl.lecture_cells([md("## 1. Part"), cell], set())
    shown = [c for c in deck if c["metadata"]["slideshow"]["slide_type"] != "notes"]
    assert shown[-2]["outputs"] == [stream("1\n")] and shown[-1]["outputs"] == [plot]
    assert shown[-1]["metadata"]["slideshow"]["slide_type"] == "subslide"
    assert sl.HIDE_INPUT_TAG in shown[-1]["metadata"]["tags"]


def test_prose_is_never_cut_right_after_a_colon():
    intro = "Some words that open the cell and say a little. " * 4
    source = f"{intro}\n\nThree things to notice:\n\n- one thing\n- another thing\n- a third\n\nMore. " * 1
    shown, notes = sl.cut_prose(source + "\n\n" + "Detail for the notes. " * 20, max_words=40)
    assert not shown.rstrip(" …").endswith(":")
    assert "- a third" in shown or "Three things" not in shown
    long_list = "\n".join(f"- item {i} " + "word " * 15 for i in range(8))
    shown, notes = sl.cut_prose(f"{intro}\n\nWhat the seeds show:\n\n{long_list}", max_words=40)
    assert not shown.rstrip(" …").endswith(":") and "What the seeds show:" in notes


def test_a_summary_keeps_every_bullet_on_its_slides():
    bullets = "\n".join(f"- point {i}: " + "word " * 20 for i in range(6))
    deck = sl.lecture_cells([md("## 9. Summary"), md(bullets)], set())
    shown = "\n".join(c["source"] for c in deck if c["metadata"]["slideshow"]["slide_type"] != "notes")
    assert all(f"- point {i}:" in shown for i in range(6))
    assert not [c for c in deck if c["metadata"]["slideshow"]["slide_type"] == "notes"]


def test_a_list_stays_whole_on_its_slides():
    intro = "The shape of the input, one word after another in this sentence. " * 6
    items = [f"- item {i}: a dimension of the tensor that the layer reads" for i in range(8)]
    source = "\n".join([intro, ""] + items)
    deck = sl.lecture_cells([md("# Title"), md("## 1. Part"), md(source)], set())
    shown = "\n".join(c["source"] for c in deck if c["metadata"]["slideshow"]["slide_type"] != "notes")
    notes = "\n".join(c["source"] for c in deck if c["metadata"]["slideshow"]["slide_type"] == "notes")
    assert all(item in shown for item in items) and "item" not in notes
    assert sl.slide_count(deck, {"1. Part"}) >= 2  # too long for one slide: split between items


def test_a_colon_before_a_cell_left_out_goes_to_the_notes():
    check = code("assert 1 + 1 == 2", [])
    cells = [md("# Title"), md("## 1. Part"), md("Our result is 2. It agrees with ours:"), check]
    deck = sl.lecture_cells(cells, set())
    shown = [c["source"] for c in deck if c["metadata"]["slideshow"]["slide_type"] not in ("notes", "skip")]
    notes = [c["source"] for c in deck if c["metadata"]["slideshow"]["slide_type"] == "notes"]
    assert "Our result is 2." in shown and "It agrees with ours:" in notes
    assert not any(s.rstrip().endswith(":") for s in shown)
