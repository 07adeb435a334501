"""The lecture plan, `lecture/README.md`, read as data: sessions, parts, live cells, pauses.

`tools/build_slides.py` turns it into speaker notes on the slides; `tests/test_lecture_plan.py`
checks it against the notebooks and reckons each part's minutes from the decks.

Format (keep it when editing the plan):

* Each session is a level-2 heading that starts with ``## Session N``; it runs to the next
  level-2 heading.
* Its **parts table** has the header ``| # | Part | Notebook | Sections | Minutes |``.
  ``Notebook`` holds two-digit notebook numbers separated by commas (or ``—`` for an activity
  with no notebook). ``Sections`` names the notebook sections the part teaches, separated by
  commas: a section number (``3``) or a range (``1–3``) for the numbered ``## N. …`` headings,
  ``intro`` for the title slide and what precedes the first ``## `` heading, a heading's own
  text (``Summary``, ``Where we are``), ``all`` for every section of the main path, or ``—``.
  ``Minutes`` is a whole number, or ``self-study`` / ``homework`` for a part left out of the
  session's time (the plan says where it goes instead).
* Its **live table** has the header ``| Live | Notebook | Section | Cell starts with |``:
  ``Section`` is the notebook's ``## `` heading without the ``## ``, exactly as in the notebook;
  ``Cell starts with`` the first characters of a code cell in that section, in backticks.
* Its **pause table** has the header ``| Pause | Notebook | Section | Cell starts with |
  Question | Answer |``: the question is asked on the slide showing that cell (``—``: on the
  section's first slide).
* A literal ``|`` inside a cell is written ``\\|``.

The reckoning of a part (:func:`reckon`): its prose read aloud at :data:`WORDS_PER_MINUTE`, each
live cell at its measured run time (``lecture/cell_times.json``, written by
``python tools/build_slides.py --time-cells``), each pause question :data:`PAUSE_MINUTES`.
A part with no sections (an opening, a hands-on) is reckoned at the minutes it declares.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "lecture" / "README.md"
NOTEBOOKS = ROOT / "notebooks"
CELL_TIMES = ROOT / "lecture" / "cell_times.json"

SESSION_MINUTES = 90
WORDS_PER_MINUTE = 130
PAUSE_MINUTES = 2
MAIN_PATH_WORDS = 2500  # the course's limit: what a notebook not yet merged is reckoned at

PARTS_HEADER = ["#", "Part", "Notebook", "Sections", "Minutes"]
LIVE_HEADER = ["Live", "Notebook", "Section", "Cell starts with"]
PAUSE_HEADER = ["Pause", "Notebook", "Section", "Cell starts with", "Question", "Answer"]
NOT_TIMED = ("self-study", "homework")
GOING_FURTHER = re.compile(r"^#{1,3}\s+(\d+\.\s*)?going further", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class Part:
    session: int
    number: str
    title: str
    notebooks: tuple[str, ...]
    sections: tuple[str, ...]
    minutes: int | None  # None: self-study or homework, outside the session's time
    label: str = ""  # the Minutes cell as written


@dataclass(frozen=True)
class CellRow:
    """A row of a live table or a pause table."""

    session: int
    key: str
    notebook: str
    section: str
    cell_start: str
    text: tuple[str, ...]


@dataclass
class Session:
    number: int
    title: str
    parts: list[Part] = field(default_factory=list)
    live: list[CellRow] = field(default_factory=list)
    pauses: list[CellRow] = field(default_factory=list)


@dataclass
class Plan:
    sessions: list[Session]

    @property
    def parts(self) -> list[Part]:
        return [p for s in self.sessions for p in s.parts]

    @property
    def live(self) -> list[CellRow]:
        return [r for s in self.sessions for r in s.live]

    @property
    def pauses(self) -> list[CellRow]:
        return [r for s in self.sessions for r in s.pauses]


# --- reading the Markdown -------------------------------------------------------------------------

def split_row(line: str) -> list[str]:
    """The cells of one Markdown table row, with escaped pipes kept as text."""
    inner = line.strip().removeprefix("|").removesuffix("|")
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", inner)]


def tables(block: str) -> list[list[list[str]]]:
    """Every Markdown table in a block of text: rows of cells, header first, no rule row."""
    found, current = [], []
    for line in block.splitlines() + [""]:
        if line.lstrip().startswith("|"):
            row = split_row(line)
            if not all(re.fullmatch(r":?-+:?", cell) for cell in row):
                current.append(row)
        elif current:
            found.append(current)
            current = []
    return found


def sessions_text(text: str) -> dict[int, str]:
    """Session number -> the text of that session (up to the next level-2 heading)."""
    found = {}
    for part in re.split(r"^(?=## )", text, flags=re.MULTILINE):
        match = re.match(r"## Session (\d+)\b", part)
        if match:
            found[int(match.group(1))] = part
    return found


def table_with_header(block: str, header: list[str], required: bool = True) -> list[list[str]]:
    matching = [t for t in tables(block) if t[0][: len(header)] == header]
    if not required and not matching:
        return [header]
    if len(matching) != 1:
        raise ValueError(f"expected one table with header {header}, found {len(matching)}")
    return matching[0]


def _notebooks(cell: str) -> tuple[str, ...]:
    if cell.strip() in ("", "—", "-"):
        return ()
    numbers = tuple(item.strip() for item in cell.split(","))
    for number in numbers:
        if not re.fullmatch(r"\d\d", number):
            raise ValueError(f"not a notebook number: {number!r}")
    return numbers


def _sections(cell: str) -> tuple[str, ...]:
    items = []
    for item in (i.strip() for i in cell.split(",")):
        if item in ("", "—", "-"):
            continue
        if match := re.fullmatch(r"(\d+)\s*[–-]\s*(\d+)", item):
            items += [str(n) for n in range(int(match.group(1)), int(match.group(2)) + 1)]
        else:
            items.append(item)
    return tuple(items)


def parse_plan(text: str) -> Plan:
    """The plan's sessions, parts, live cells and pauses; ValueError names what is malformed."""
    sessions = []
    for number, block in sorted(sessions_text(text).items()):
        title = block.splitlines()[0].removeprefix("## ").strip()
        session = Session(number, title)
        for row in table_with_header(block, PARTS_HEADER)[1:]:
            minutes_cell = row[PARTS_HEADER.index("Minutes")].strip()
            if minutes_cell.lower() in NOT_TIMED:
                minutes = None
            elif minutes_cell.isdigit():
                minutes = int(minutes_cell)
            else:
                raise ValueError(f"session {number}, part {row[0]}: Minutes {minutes_cell!r} is not a "
                                 f"whole number or one of {NOT_TIMED}")
            session.parts.append(Part(number, row[0], row[1], _notebooks(row[2]), _sections(row[3]),
                                      minutes, minutes_cell))
        for header, rows in ((LIVE_HEADER, session.live), (PAUSE_HEADER, session.pauses)):
            for row in table_with_header(block, header, required=header is LIVE_HEADER)[1:]:
                start = row[3].strip()
                start = "" if start in ("—", "-") else start.strip("`")
                rows.append(CellRow(number, row[0], row[1].strip(), row[2].strip(), start,
                                    tuple(row[4:])))
        sessions.append(session)
    return Plan(sessions)


def read_plan(path: Path = PLAN) -> Plan:
    return parse_plan(path.read_text(encoding="utf-8"))


def read_cell_times(path: Path = CELL_TIMES) -> dict[str, dict[str, float]]:
    """Notebook file -> code cell id -> seconds, as measured by ``build_slides.py --time-cells``."""
    if not path.exists():
        return {}
    return json.loads(path.read_text())["notebooks"]


# --- the notebooks ---------------------------------------------------------------------------------

def notebook_path(number: str) -> Path | None:
    paths = sorted(NOTEBOOKS.glob(f"{number}_*.ipynb"))
    return paths[0] if len(paths) == 1 else None


def section_key(heading: str) -> str:
    """How the parts table names a section: its number, or its heading ("" is ``intro``)."""
    if not heading:
        return "intro"
    match = re.match(r"(\d+)\.\s", heading)
    return match.group(1) if match else heading


def main_path(number: str) -> list[tuple[str, list]]:
    """The ``## `` sections of a notebook's main path, in order: (heading, cells).

    The cells before the first ``## `` heading form the section ``""`` (``intro``); the main
    path stops at ``Going further``.
    """
    path = notebook_path(number)
    if path is None:
        return []
    sections: list[tuple[str, list]] = [("", [])]
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "markdown":
            if GOING_FURTHER.search(cell.source):
                break
            match = re.match(r"##\s+(.*)", cell.source.lstrip())
            if match:
                sections.append((match.group(1).strip(), []))
        sections[-1][1].append(cell)
    return sections


def part_sections(part: Part, number: str) -> list[tuple[str, list]]:
    """The sections of notebook ``number`` that ``part`` teaches (ValueError for unknown ones)."""
    sections = main_path(number)
    if "all" in part.sections:
        return sections
    by_key = {section_key(heading): (heading, cells) for heading, cells in sections}
    missing = [s for s in part.sections if s not in by_key]
    if missing and sections:
        raise ValueError(f"session {part.session}, part {part.number}: notebook {number} has no "
                         f"section {', '.join(missing)} (its sections: {', '.join(by_key)})")
    return [by_key[s] for s in part.sections if s in by_key]


def find_cell(row: CellRow) -> nbformat.NotebookNode:
    """The code cell a live or pause row names (ValueError when it is not there)."""
    for heading, cells in main_path(row.notebook):
        if heading == row.section:
            for cell in cells:
                if cell.cell_type == "code" and row.cell_start and cell.source.startswith(row.cell_start):
                    return cell
            if not row.cell_start:
                return cells[0]
            raise ValueError(f"{row.key}: no code cell starting {row.cell_start!r} under "
                             f"'## {row.section}' in notebook {row.notebook}")
    raise ValueError(f"{row.key}: notebook {row.notebook} has no heading '## {row.section}'")


# --- the reckoning ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Reckoning:
    words: int
    live_seconds: float
    pauses: int
    slides: int
    code_lines: int
    minutes: float
    notes: tuple[str, ...] = ()  # what could not be measured, and how it was reckoned instead


def _in_part(row: CellRow, part: Part) -> bool:
    if row.notebook not in part.notebooks:
        return False
    return any(heading == row.section for heading, _ in part_sections(part, row.notebook))


def reckon(part: Part, plan: Plan, times: dict, decks: dict | None = None) -> Reckoning:
    """A part's minutes by the plan's reckoning, and what it shows.

    ``decks`` maps a notebook number to its lecture deck cells (slide_layout.lecture_cells);
    without it the slides are counted from a freshly made deck.
    """
    from slide_layout import lecture_cells, slide_count

    if not part.sections:
        return Reckoning(0, 0.0, 0, 0, 0, float(part.minutes or 0))
    words = slides = code_lines = 0
    seconds, notes = 0.0, []
    for number in part.notebooks:
        path = notebook_path(number)
        if path is None:
            words += MAIN_PATH_WORDS if "all" in part.sections else 0
            notes.append(f"notebook {number} is not in notebooks/ yet: reckoned at the "
                         f"{MAIN_PATH_WORDS}-word limit, slides not counted")
            continue
        sections = part_sections(part, number)
        for _, cells in sections:
            for cell in cells:
                if cell.cell_type == "markdown":
                    words += len(re.sub(r"<[^>]+>|\$[^$]*\$", " ", cell.source).split())
        if decks is None or number not in decks:
            deck = lecture_cells([dict(c) for c in nbformat.read(path, as_version=4).cells],
                                 {"course-setup", "course-footer"})
        else:
            deck = decks[number]
        headings = {heading for heading, _ in sections}
        slides += slide_count(deck, headings)
        code_lines += sum(
            len(c["source"].splitlines()) for c in deck
            if c["cell_type"] == "code" and c["metadata"].get("lecture", {}).get("section") in headings
            and c["metadata"]["slideshow"]["slide_type"] != "skip"
            and "slides-hide-input" not in c["metadata"].get("tags", []))
    pauses = 0
    for row in plan.live + plan.pauses:
        if row.session != part.session or notebook_path(row.notebook) is None or not _in_part(row, part):
            continue
        if row in plan.pauses:
            pauses += 1
            continue
        cell = find_cell(row)
        measured = times.get(notebook_path(row.notebook).name, {}).get(cell.get("id"))
        if measured is None:
            notes.append(f"live cell {row.key} has no measured time: run "
                         "`python tools/build_slides.py --time-cells`")
        else:
            seconds += measured
    minutes = words / WORDS_PER_MINUTE + seconds / 60 + PAUSE_MINUTES * pauses
    return Reckoning(words, seconds, pauses, slides, code_lines, minutes, tuple(notes))


# --- speaker notes ------------------------------------------------------------------------------------

def speaker_notes(plan: Plan, number: str, times: dict) -> list:
    """The plan's speaker notes for notebook ``number``: timing cues, live cells, pauses."""
    from slide_layout import Note

    notes = []
    for session in plan.sessions:
        clock = 0
        for part in session.parts:
            if number in part.notebooks and part.sections:
                sections = part_sections(part, number)
                if sections:
                    heading = sections[0][0]
                    if part.minutes is None:
                        cue = (f"⏱ Session {session.number}, part {part.number}: {part.title}. "
                               f"{part.label.capitalize()}, not in the session: skip ahead.")
                    else:
                        cue = (f"⏱ Session {session.number}, part {part.number} of {len(session.parts)}: "
                               f"{part.title}. {part.minutes} min: minutes {clock} to {clock + part.minutes} "
                               f"of {SESSION_MINUTES}.")
                    banners = {"self-study": f"Self-study: not lectured in session {session.number}; "
                                             "read it at home.",
                               "homework": f"Homework after session {session.number}."}
                    banner = banners.get(part.label, "") if part.minutes is None else ""
                    notes.append(Note(heading, "", cue, banner))
            clock += part.minutes or 0
        for row in session.live:
            if row.notebook == number:
                path = notebook_path(number)
                measured = times.get(path.name, {}).get(find_cell(row).get("id")) if path else None
                took = f"⏱ {measured:.0f} s measured" if measured is not None else "not yet timed"
                expected = row.text[0] if row.text else ""
                notes.append(Note(row.section, row.cell_start,
                                  f"▶ Live {row.key}: run this cell ({took}). Expected: {expected}"))
        for row in session.pauses:
            if row.notebook == number:
                question, answer = (row.text + ("", ""))[:2]
                notes.append(Note(row.section, row.cell_start,
                                  f"❓ Pause {row.key} (about {PAUSE_MINUTES} min): {question} "
                                  f"— Answer: {answer}"))
    return notes
