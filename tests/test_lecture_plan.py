"""The lecture plan, lecture/README.md: every session fits 90 minutes by a reckoning made from the decks.

The plan's format is in tools/lecture_plan.py. The reckoning of a part: its prose read aloud at
130 words a minute, each live cell at its measured time (lecture/cell_times.json), each pause
question 2 minutes; its slides are counted from its lecture deck (tools/slide_layout.py), never
written by hand. After the notebooks change: restamp, `python tools/build_slides.py --time-cells`,
then run this file; `test_each_part_has_its_reckoning_and_the_session_fits` prints, per session, a
table of every part (minutes planned and reckoned, slides, words, live seconds, pauses) and says
which part is over.
"""

from __future__ import annotations

import math

import lecture_plan as lp
import pytest
import stamp_notebooks
from conftest import ROOT
from slide_layout import lecture_cells

# Notebooks the plan already teaches but that are still being written on their own branches
# (issue 22: notebook 09). Until merged, a part teaching one is reckoned at the course's
# 2,500-word limit. Once it is merged, this test fails: empty the set, then split its part.
AWAITED: set[str] = set()
SKIP_IDS = {stamp_notebooks.SETUP_ID, stamp_notebooks.FOOTER_ID}


@pytest.fixture(scope="module")
def plan() -> lp.Plan:
    return lp.read_plan()


@pytest.fixture(scope="module")
def times() -> dict:
    return lp.read_cell_times()


@pytest.fixture(scope="module")
def decks(plan, times) -> dict:
    """Notebook number -> its lecture deck cells, with the plan's speaker notes."""
    found = {}
    for entry in stamp_notebooks.load_course().entries:
        cells = [dict(c) for c in lp.nbformat.read(ROOT / "notebooks" / entry.file, as_version=4).cells]
        found[entry.number] = lecture_cells(cells, SKIP_IDS, lp.speaker_notes(plan, entry.number, times))
    return found


def existing_notebooks() -> set[str]:
    return {path.name[:2] for path in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")}


def test_the_format_readers_work():
    assert lp.split_row(r"| 1 | a \| b | `x` |") == ["1", "a | b", "`x`"]
    block = "text\n| A | B |\n|---|---|\n| 1 | 2 |\n\nmore"
    assert lp.tables(block) == [[["A", "B"], ["1", "2"]]]
    assert lp.sessions_text("# T\n## Session 1 · x\nbody\n## Other\n## Session 2\n") == {
        1: "## Session 1 · x\nbody\n",
        2: "## Session 2\n",
    }
    assert lp._sections("intro, 1–3, Summary") == ("intro", "1", "2", "3", "Summary")
    assert lp._sections("—") == ()


def test_a_malformed_plan_is_refused_by_name():
    bad = ("## Session 1 · x\n\n| # | Part | Notebook | Sections | Minutes |\n|---|---|---|---|---|\n"
           "| 1 | a | 01 | 1 | ten |\n\n| Live | Notebook | Section | Cell starts with | Expected |\n"
           "|---|---|---|---|---|\n| 1a | 01 | x | `y` | z |\n")
    with pytest.raises(ValueError, match="part 1: Minutes 'ten'"):
        lp.parse_plan(bad)


def test_the_plan_has_four_sessions(plan):
    assert [s.number for s in plan.sessions] == [1, 2, 3, 4]


def test_every_section_of_every_notebook_is_taught_or_set_as_homework(plan):
    """Each main-path section belongs to exactly one part: lectured, self-study or homework."""
    owners: dict[tuple[str, str], list[str]] = {}
    for part in plan.parts:
        for number in part.notebooks:
            for heading, _ in lp.part_sections(part, number):
                owners.setdefault((number, heading), []).append(f"{part.session}.{part.number}")
    problems = []
    for number in sorted(existing_notebooks()):
        for heading, _ in lp.main_path(number):
            name = f"{number} '{heading or 'intro'}'"
            if (number, heading) not in owners:
                problems.append(f"{name} is in no part")
            elif len(owners[number, heading]) > 1:
                problems.append(f"{name} is in parts {owners[number, heading]}")
    assert not problems, "\n".join(problems)


def test_the_plan_names_only_notebooks_that_exist_or_are_awaited(plan):
    named = {n for part in plan.parts for n in part.notebooks}
    existing = existing_notebooks()
    assert named - existing <= AWAITED, f"the plan names missing notebooks: {sorted(named - existing - AWAITED)}"
    merged = AWAITED & existing
    assert not merged, (f"notebook(s) {sorted(merged)} are merged: empty AWAITED in this file and give "
                        "their sections, live cells and pauses their own parts in lecture/README.md")
    assert existing <= named, f"not in any session: {sorted(existing - named)}"


def test_live_cells_and_pauses_exist_in_their_sections(plan):
    problems = []
    for row in plan.live + plan.pauses:
        parts = [p for p in plan.sessions[row.session - 1].parts if row.notebook in p.notebooks]
        if not parts:
            problems.append(f"{row.key}: notebook {row.notebook} is not in session {row.session}")
        if row.notebook in AWAITED and row.notebook not in existing_notebooks():
            continue
        try:
            lp.find_cell(row)
        except ValueError as error:
            problems.append(str(error))
    assert not problems, "\n".join(problems)


def test_every_speaker_note_finds_its_slide(plan, times):
    """The notes come from the plan; a heading or cell the plan names that is gone fails here."""
    for entry in stamp_notebooks.load_course().entries:
        cells = [dict(c) for c in lp.nbformat.read(ROOT / "notebooks" / entry.file, as_version=4).cells]
        notes = lp.speaker_notes(plan, entry.number, times)
        deck = lecture_cells(cells, SKIP_IDS, notes)  # raises ValueError naming a lost anchor
        placed = [c for c in deck if c["metadata"].get("lecture", {}).get("note")]
        assert len(placed) >= len(notes)


def test_a_note_whose_heading_is_gone_fails():
    from slide_layout import Note

    cells = [{"cell_type": "markdown", "source": "## 1. Here", "metadata": {}}]
    with pytest.raises(ValueError, match="## 2. Gone"):
        lecture_cells(cells, set(), [Note("2. Gone", "", "a cue")])


def test_every_live_cell_has_a_measured_time(plan, times):
    missing = []
    for row in plan.live:
        path = lp.notebook_path(row.notebook)
        if path is None:
            continue
        if lp.find_cell(row).get("id") not in times.get(path.name, {}):
            missing.append(row.key)
    assert not missing, (f"live cells {missing} have no measured time: run "
                         "`python tools/build_slides.py --time-cells` (a few minutes)")


def reckoning_table(session: lp.Session, plan, times, decks) -> tuple[str, list[str], float]:
    lines = [f"{session.title}",
             f"{'#':>3} {'planned':>8} {'reckoned':>8} {'slides':>6} {'words':>6} {'live s':>6} "
             f"{'pauses':>6}  part"]
    over, total = [], 0.0
    for part in session.parts:
        r = lp.reckon(part, plan, times, decks)
        lines.append(f"{part.number:>3} {part.label:>8} {r.minutes:8.1f} {r.slides:6d} {r.words:6d} "
                     f"{r.live_seconds:6.0f} {r.pauses:6d}  {part.title[:50]}")
        lines += [f"      note: {note}" for note in r.notes]
        if part.minutes is None:
            continue
        total += part.minutes
        if math.floor(r.minutes) > part.minutes:
            over.append(f"part {part.number} needs {r.minutes:.1f} min, has {part.minutes}")
    lines.append(f"    {total:8.0f} planned of {lp.SESSION_MINUTES}")
    return "\n".join(lines), over, total


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_each_part_has_its_reckoning_and_the_session_fits(plan, times, decks, number):
    """Planned minutes >= the reckoning, part by part, and at most 90 minutes a session."""
    session = plan.sessions[number - 1]
    table, over, total = reckoning_table(session, plan, times, decks)
    print(table)
    if total > lp.SESSION_MINUTES:
        over.append(f"the session plans {total:.0f} minutes (at most {lp.SESSION_MINUTES})")
    assert not over, "\n".join(over) + "\n\n" + table


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_every_lectured_part_has_slides(plan, times, decks, number):
    for part in plan.sessions[number - 1].parts:
        if part.sections and part.minutes is not None and not set(part.notebooks) <= AWAITED:
            assert lp.reckon(part, plan, times, decks).slides > 0, f"part {part.number} shows no slide"
