"""Slides for lecture mode: which cells start a slide, which stay out, and the lecture decks.

Two uses, one set of rules:

* :func:`assign_slide_types` (called by `tools/stamp_notebooks.py` on every notebook) writes
  slide types into the notebooks themselves, for presenting a notebook as it is with RISE;
* :func:`lecture_cells` (called by `tools/build_slides.py`) turns a notebook into the cells of
  its lecture deck: the offline reveal.js deck and the live copy for RISE in `build/live/`,
  with speaker notes.

The rules, which work on any notebook of the course:

* the header opens the deck; a `## ` heading starts a new slide and a `### ` heading a new
  sub-slide; other cells join the slide above them while its estimated height at 1280x720
  leaves room (and its prose stays short), and start a sub-slide when it does not;
* left out (`skip`): the set-up cell, `## Going further` and everything after it, the footer,
  and cells that are not the lesson on a slide: code that only checks (asserts), claim tables
  (a printed table headed ``claim | value | holds``, or an `# extra code` cell printing only
  claims that end "yes" or "no"), cells that only import, unfilled
  exercise cells (``return ...``) and the summary sheet, which is a handout, not a slide;
* a cell marked `# extra code`, or one that only shows a course figure (`page(n)`), shows
  only its output; in the lecture decks, a cell whose `# extra code` mark comes below lesson
  lines shows those lines, then only the output of the marked rest.

In the lecture decks, besides: a cell that checks (asserts) shows only its output, its code going
to the notes, and stays out when it prints nothing or only fixed sentences written in its code; a
plot gets a sub-slide of its own, the slide's full width up to its height; prose is never cut
right after a sentence ending in a colon, a Summary or verdict section keeps every bullet on
its slides and no cell's list goes to the notes (a long one is split over sub-slides between
items); a slide does not end on a sentence with a colon when the cell it announces stays out
(that sentence goes to the notes); a code cell longer than
:data:`MAX_CODE_LINES` is split at statement boundaries over sub-slides (a single statement that
long shows only its output, its code going to the notes, unless it is a definition: that is
shown in pieces, then run with its code hidden); an output that does not fit beside its
code gets a sub-slide of its own; prose past :data:`SLIDE_WORDS` words is cut at a sentence or
paragraph and the rest goes to the speaker notes; a figure's caption (an italic paragraph that
opens a markdown cell) stays with the figure, the rest of its cell may start a sub-slide.

The height estimate is deliberately simple (lines of text, code and output, and image sizes read
from the stored PNGs); `tools/check_slides.py` measures the real decks in a browser.
"""

from __future__ import annotations

import ast
import base64
import copy
import math
import re
import struct
from dataclasses import dataclass
from typing import Any

# Layout of the deck (tools/slides_template uses the same sizes): a 1280x720 slide, in pixels.
BODY_PX, CODE_PX, OUTPUT_PX = 28, 22, 20
SLIDE_HEIGHT = 600  # content height planned for a slide: the deck fits 640 px, the check allows 90 %
TEXT_LINE, TEXT_CHARS = 38, 84  # prose: 28 px type, line height 1.35
CODE_LINE, CODE_CHARS = 28, 90  # code: 22 px monospace, line height 1.25
OUTPUT_LINE, OUTPUT_CHARS = 25, 100  # text output: 20 px monospace
CAPTION_LINE, CAPTION_CHARS = 32, 88  # a figure's caption: 24 px, at most 1040 px wide
CELL_GAP = 18
IMAGE_MAX_HEIGHT, IMAGE_MAX_WIDTH = 470, 1180
PLOT_HEIGHT = 580  # a plot, on a sub-slide of its own, scaled to the slide's full width or height
FIGURE_MAX_HEIGHT = 400  # a course figure (page(n)), whose caption needs room below it
HEADING = {1: 76, 2: 64, 3: 52}
MAX_CODE_LINES = 15  # code lines on one slide
SLIDE_WORDS = 55  # prose words one markdown cell keeps on a slide; the rest goes to the notes
SLIDE_WORDS_TOTAL = 90  # prose words on one slide before a sub-slide starts

SKIP_FROM = re.compile(r"^#{1,3}\s+(\d+\.\s*)?going further", re.IGNORECASE | re.MULTILINE)
HIDE_INPUT_TAG = "slides-hide-input"  # build_slides.py removes the input of cells so tagged
CLAIM_TABLE = re.compile(r"^\s*claim\s*\|\s*value\s*\|\s*holds\b", re.IGNORECASE | re.MULTILINE)
CAPTION = re.compile(r"\*(?!\*)[^\n]*(?<!\*)\*|_(?!_)[^\n]*(?<!_)_")  # "*Figure: ...*"
CLAIM_VERDICT = re.compile(r"\S\s{2,}(yes|no)\s*$", re.IGNORECASE)  # "a claim ...    yes"
PLACEHOLDER = re.compile(r"^(?:[^#'\"]*(?:=|return|:)\s*|\s*)\.\.\.\s*(?:#.*)?$", re.MULTILINE)
SUMMARY_SHEET = re.compile(r"course on one page", re.IGNORECASE)
FIGURE_CALL = re.compile(r"\s*page\(\s*\d+[^()]*\)\s*")


def _text(value: Any) -> str:
    return value if isinstance(value, str) else "".join(value or [])


def _wrapped(lines: list[str], width: int) -> int:
    return sum(max(1, math.ceil(len(line) / width)) for line in lines)


def _png_size(data: str) -> tuple[int, int] | None:
    raw = base64.b64decode(data[:64] + "=" * (-len(data[:64]) % 4))
    if raw[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", raw[16:24])


def _image_height(width: int, height: int, shown_width: int | None = None) -> int:
    scale = min(1.0, (shown_width or width) / width, IMAGE_MAX_WIDTH / width)
    return min(IMAGE_MAX_HEIGHT, round(height * scale))


def prose_words(source: str) -> int:
    """Words of markdown as the course counts them: no $maths$, no HTML tags."""
    return len(re.sub(r"<[^>]+>|\$[^$]*\$", " ", source).split())


def markdown_height(source: str) -> int:
    """Estimated height of a markdown cell on a slide."""
    height, in_math, in_fence = 0, False, False
    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("```"):
            in_fence = not in_fence
            height += 8
        elif in_fence:
            height += _wrapped([line], CODE_CHARS) * CODE_LINE
        elif stripped.startswith("$$"):
            in_math = not in_math if stripped.count("$$") == 1 else in_math
            height += TEXT_LINE * 2
        elif in_math:
            height += TEXT_LINE
        elif not stripped:
            height += TEXT_LINE // 3
        elif match := re.match(r"(#{1,3})\s", stripped):
            height += HEADING[len(match.group(1))] * _wrapped([stripped], 50)
        elif stripped.startswith("<img") or stripped.startswith("!["):
            height += IMAGE_MAX_HEIGHT // 2
        elif re.fullmatch(r"\|?[\s:|-]+\|?", stripped):
            continue  # a table's rule row
        else:
            text = re.sub(r"\$[^$]*\$|<[^>]+>|\]\([^)]*\)", "xx", stripped)
            height += _wrapped([text], TEXT_CHARS) * TEXT_LINE
    return height + CELL_GAP


def output_height(output: dict[str, Any]) -> int:
    """Estimated height of one stored output."""
    if output.get("output_type") == "stream":
        return _wrapped(_text(output.get("text", "")).splitlines(), OUTPUT_CHARS) * OUTPUT_LINE + 12
    data = output.get("data", {})
    if "text/html" in data:
        html = _text(data["text/html"])
        height = 0
        for tag in re.findall(r"<img\b[^>]*>", html):
            png = re.search(r"base64,([A-Za-z0-9+/=]{64})", tag)
            size = _png_size(png.group(1)) if png else None
            if size:  # the deck shows an image at its own size, a figure's up to FIGURE_MAX_HEIGHT
                cap = FIGURE_MAX_HEIGHT if "<figure" in html else IMAGE_MAX_HEIGHT
                height += min(cap, _image_height(*size)) + 12
        rows = len(re.findall(r"<tr\b", html))
        caption = " ".join(re.findall(r"<figcaption>(.*?)</figcaption>", html, flags=re.DOTALL))
        html = re.sub(r"<figcaption>.*?</figcaption>", " ", html, flags=re.DOTALL)
        text = re.sub(r"<img\b[^>]*>|<tr\b.*?</tr>|<[^>]+>", " ", html, flags=re.DOTALL).strip()
        height += _wrapped([caption], CAPTION_CHARS) * CAPTION_LINE + 16 if caption else 0
        return height + rows * OUTPUT_LINE + (_wrapped([text], TEXT_CHARS) * TEXT_LINE if text else 0)
    if "image/png" in data:  # a plot: the deck shows it PLOT_HEIGHT tall, whatever its size
        return PLOT_HEIGHT + 12
    if "text/plain" in data:
        return _wrapped(_text(data["text/plain"]).splitlines(), OUTPUT_CHARS) * OUTPUT_LINE + 12
    return 0


def is_extra_code(source: str) -> bool:
    """True for a code cell whose output is the point: decks show only its output.

    That is a cell the course marks ``# extra code`` (not the lesson), or one that only shows a
    course figure (``page(3)``): the figure and its caption say it all.
    """
    return source.lstrip().lower().startswith("# extra code") or bool(FIGURE_CALL.fullmatch(source))


def _hides_input(cell: dict[str, Any]) -> bool:
    return HIDE_INPUT_TAG in cell.get("metadata", {}).get("tags", [])


def cell_height(cell: dict[str, Any]) -> int:
    """Estimated height of a cell and its outputs on a slide."""
    source = _text(cell.get("source", ""))
    if cell.get("cell_type") == "markdown":
        return markdown_height(source)
    shown = not (is_extra_code(source) or _hides_input(cell)) and source.strip()
    code = _wrapped(source.splitlines(), CODE_CHARS) * CODE_LINE + 24 if shown else 0
    return code + sum(output_height(o) for o in cell.get("outputs", [])) + CELL_GAP


def _outputs_text(cell: dict[str, Any]) -> str:
    parts = []
    for output in cell.get("outputs", []):
        parts.append(_text(output.get("text", "")))
        for mime, value in output.get("data", {}).items():
            if mime in ("text/plain", "text/html"):
                parts.append(re.sub(r"base64,[A-Za-z0-9+/=]+", "", _text(value)))
    return "\n".join(parts)


def strip_checks(source: str) -> str:
    """``source`` without its assert statements (and the comment lines right above them).

    A loop or ``if``/``with`` block that held only asserts goes too. Returns ``source``
    unchanged when it is not plain Python or when taking the asserts out would break it.
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source
    lines = source.splitlines()
    drop: set[int] = set()

    def span(node: ast.stmt) -> range:
        first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        return range(first - 1, node.end_lineno or node.lineno)

    def visit(body: list[ast.stmt]) -> bool:
        """Mark the checks in ``body``; True when nothing but checks is left in it."""
        only_checks = True
        for node in body:
            if isinstance(node, ast.Assert):
                drop.update(span(node))
                continue
            blocks = [getattr(node, name, None) for name in ("body", "orelse", "finalbody")]
            blocks = [b for b in blocks if b and isinstance(b, list)]
            if isinstance(node, (ast.For, ast.While, ast.If, ast.With)) and blocks:
                if all([visit(b) for b in blocks]):
                    drop.update(span(node))
                    continue
            elif isinstance(node, ast.FunctionDef):
                visit(node.body)
            only_checks = False
        return only_checks

    visit(tree.body)
    if not drop:
        return source
    for index in sorted(drop):  # comment lines that introduce a dropped check go with it
        above = index - 1
        while above >= 0 and above not in drop and lines[above].strip().startswith("#") \
                and not is_extra_code(lines[above]):
            drop.add(above)
            above -= 1
    kept = [line for i, line in enumerate(lines) if i not in drop]
    text = re.sub(r"\n{3,}", "\n\n\n", "\n".join(kept)).strip("\n")
    try:
        ast.parse(text or "pass")
    except SyntaxError:
        return source
    if any(isinstance(n, ast.FunctionDef) and not n.body for n in ast.walk(ast.parse(text or "pass"))):
        return source
    return text


def has_checks(source: str) -> bool:
    """True when ``source`` runs an assert outside a function or class it defines."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return bool(re.search(r"^\s*assert\b", source, re.MULTILINE))

    def visit(nodes: list[ast.stmt]) -> bool:
        for node in nodes:
            if isinstance(node, ast.Assert):
                return True
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            for name in ("body", "orelse", "finalbody", "handlers"):
                block = getattr(node, name, None)
                if isinstance(block, list) and visit(block):
                    return True
        return False

    return visit(tree.body)


def _fixed_output(cell: dict[str, Any]) -> bool:
    """True when every line a cell printed is a string written out in its code (a fixed
    sentence such as "matches Keras within 1e-4"), so the output says nothing the code computed."""
    lines = [line.strip() for line in _outputs_text(cell).splitlines() if line.strip()]
    if not lines or any("image/png" in o.get("data", {}) for o in cell.get("outputs", [])):
        return False
    try:
        tree = ast.parse(_text(cell.get("source", "")))
    except SyntaxError:
        return False
    constants = {n.value.strip() for n in ast.walk(tree)
                 if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    return all(line in constants for line in lines)


def _is_import_only(source: str) -> bool:
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return False
    return bool(body) and all(isinstance(node, (ast.Import, ast.ImportFrom)) for node in body)


def _is_claim_list(cell: dict[str, Any]) -> bool:
    """True when a cell prints only checked claims, one a line, each ending "yes" or "no"."""
    lines = [line for line in _outputs_text(cell).splitlines() if line.strip()]
    return len(lines) >= 2 and all(CLAIM_VERDICT.search(line) for line in lines)


def left_out(cell: dict[str, Any]) -> str | None:
    """Why a cell stays off the slides (a short reason), or None when it belongs on them."""
    source = _text(cell.get("source", ""))
    if cell.get("cell_type") != "code":
        return None
    if CLAIM_TABLE.search(_outputs_text(cell)) or (is_extra_code(source) and _is_claim_list(cell)):
        return "claim table"
    if SUMMARY_SHEET.search(_outputs_text(cell)):
        return "summary sheet (a handout)"
    if not source.strip():
        return "empty"
    if PLACEHOLDER.search(source):
        return "exercise to fill in"
    if _is_import_only(source):
        return "imports only"
    if not strip_checks(source).strip():
        return "checks only"
    if has_checks(source) and (not cell.get("outputs") or _fixed_output(cell)):
        return "checks only"  # what is left prints nothing, or only fixed sentences about a check
    if is_extra_code(source) and not cell.get("outputs"):
        return "extra code without output"
    return None


def split_caption(source: str) -> tuple[str, str]:
    """A markdown cell that opens with a figure's caption (a paragraph in italics) and goes on:
    (the caption, the rest). ``(source, "")`` for any other cell."""
    first, _, rest = source.strip().partition("\n\n")
    if rest.strip() and CAPTION.fullmatch(first.strip()):
        return first.strip(), rest.strip()
    return source, ""


def split_at_extra_code(source: str) -> tuple[str, str]:
    """``source`` cut at a line marked ``# extra code`` below its first line: (lesson, extra).

    A cell may run the lesson's lines and then, marked so, code that only draws: the decks show
    the lesson's code and only the output of the rest. ``(source, "")`` when no line below the
    first is so marked, or when either part is not plain Python on its own.
    """
    lines = source.splitlines()
    marks = [i for i, line in enumerate(lines) if i > 0 and is_extra_code(line)]
    if not marks:
        return source, ""
    lesson = "\n".join(lines[: marks[0]]).strip("\n")
    extra = "\n".join(lines[marks[0]:]).strip("\n")
    try:
        ast.parse(lesson)
        ast.parse(extra)
    except SyntaxError:
        return source, ""
    return (lesson, extra) if lesson.strip() else (source, "")


def split_code(source: str, max_lines: int = MAX_CODE_LINES) -> list[str] | None:
    """``source`` cut at top-level statements into runnable pieces of at most ``max_lines`` lines.

    Returns ``[source]`` when it is short enough, and None when it cannot be cut so (one
    statement longer than ``max_lines``, or not plain Python).
    """
    lines = source.splitlines()
    if len(lines) <= max_lines:
        return [source]
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    starts = []
    for node in tree.body:
        first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])]) - 1
        while first > 0 and lines[first - 1].strip().startswith("#"):
            first -= 1  # a comment right above a statement belongs to it
        starts.append(first)
    cuts, begin = [], 0
    boundaries = sorted(set(starts[1:]) | {len(lines)})
    while begin < len(lines):
        fitting = [b for b in boundaries if begin < b and _content(lines[begin:b]) <= max_lines]
        if not fitting:
            return None
        end = max(fitting)
        cuts.append("\n".join(lines[begin:end]).strip("\n"))
        begin = end
    return [piece for piece in cuts if piece.strip()]


def _long_statements_are_definitions(source: str, max_lines: int = MAX_CODE_LINES) -> bool:
    """True when every top-level statement longer than ``max_lines`` is a function or class.

    A definition reads well in pieces, from its ``def`` line down; a loop cut in pieces does not.
    """
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return False
    return all(isinstance(node, (ast.FunctionDef, ast.ClassDef)) for node in body
               if (node.end_lineno or node.lineno) - node.lineno + 1 > max_lines)


def _content(lines: list[str]) -> int:
    """Lines a piece shows on a slide: its trailing blank lines do not count."""
    count = len(lines)
    while count and not lines[count - 1].strip():
        count -= 1
    return count


def show_in_pieces(source: str, max_lines: int = MAX_CODE_LINES) -> list[str]:
    """``source`` cut into pieces of at most ``max_lines`` lines, at blank lines where possible."""
    lines, pieces = source.splitlines(), []
    while lines:
        cut = min(len(lines), max_lines)
        if cut < len(lines):
            blanks = [i for i in range(max_lines // 2, cut + 1) if i < len(lines) and not lines[i].strip()]
            cut = blanks[-1] if blanks else cut
        pieces.append("\n".join(lines[:cut]).strip("\n"))
        lines = lines[cut:]
        while lines and not lines[0].strip():
            lines = lines[1:]
    return pieces


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z*_`$(\"“])")


def _blocks(source: str) -> list[str]:
    """Markdown split into blocks: paragraphs, list items, maths, tables, fences, headings."""
    blocks: list[list[str]] = []
    fence = math_block = False
    for line in source.splitlines():
        stripped = line.strip()
        starts_item = re.match(r"\s*([-*+]|\d+[.)])\s", line) and not line.startswith("    ")
        if fence or math_block:
            blocks[-1].append(line)
        elif not stripped:
            blocks.append([])
            continue
        elif starts_item or re.match(r"#{1,6}\s", stripped) or not blocks or not blocks[-1]:
            blocks.append([line])
        elif stripped.startswith("|") != blocks[-1][0].strip().startswith("|"):
            blocks.append([line])
        else:
            blocks[-1].append(line)
        if stripped.startswith("```"):
            fence = not fence if stripped.count("```") == 1 else fence
        if stripped.startswith("$$") or (math_block and stripped.endswith("$$")):
            math_block = not math_block if stripped.count("$$") == 1 else math_block
    return ["\n".join(block) for block in blocks if block]


def _is_visual(block: str) -> bool:
    first = block.lstrip()
    return first.startswith(("$$", "```", "|", "<img", "![", "<figure", "<table", "#"))


def cut_prose(source: str, max_words: int = SLIDE_WORDS) -> tuple[str, str]:
    """Split a markdown cell into what the slide shows and what goes to the speaker notes.

    Headings, equations, tables, code and images stay on the slide. Prose stays while it adds
    up to ``max_words`` words; a first paragraph longer than that is cut at a sentence end.
    """
    if prose_words(source) <= max_words:
        return source, ""
    shown, notes, words = [], [], 0
    for block in _blocks(source):
        if _is_visual(block):
            shown.append(block)
            continue
        count = prose_words(block)
        if words + count <= max_words and not notes:
            shown.append(block)
            words += count
        elif words == 0 and not notes:
            sentences, kept = _SENTENCE_END.split(block), []
            while sentences and (not kept or words + prose_words(sentences[0]) <= max_words):
                words += prose_words(sentences[0])
                kept.append(sentences.pop(0))
            if sentences:
                notes.append(" ".join(sentences))
                kept[-1] += " …"
            text = " ".join(kept)
            if len(re.findall(r"(?<!\*)\*(?!\*)", text)) % 2:  # an emphasis cut open: close it
                text = text.replace(" …", "* …") if text.endswith(" …") else text + "*"
            shown.append(text)
        else:
            notes.append(block)
    return _no_open_colon(shown, notes, max_words)


_ITEM = re.compile(r"\s*([-*+]|\d+[.)])\s")


def _no_open_colon(shown: list[str], notes: list[str], max_words: int) -> tuple[str, str]:
    """Never leave a slide on a sentence that ends in a colon: the list it announces comes along
    (while the slide stays within twice ``max_words``), or the sentence goes to the notes too."""
    def opens(block: str) -> bool:
        return not _is_visual(block) and block.rstrip().rstrip("…").rstrip().endswith(":")

    while shown and notes and opens(shown[-1]):
        items = []
        for block in notes:
            if not _ITEM.match(block):
                break
            items.append(block)
        prose = [b for b in shown if not _is_visual(b)]
        words = sum(prose_words(b) for b in prose + items)
        if items and (words <= 2 * max_words or len(prose) == 1):
            shown += items  # the list the sentence announces
            notes = notes[len(items):]
            break
        if len(prose) == 1 and not shown[-1].endswith(" …"):
            break  # nothing before the sentence to end the slide on
        last = shown.pop()
        if last.endswith(" …"):  # a paragraph cut at a sentence: cut it a sentence earlier
            sentences = _SENTENCE_END.split(last[:-2])
            if len(sentences) > 1:
                shown.append(" ".join(sentences[:-1]) + " …")
            notes[0] = sentences[-1] + " " + notes[0]
        else:
            notes.insert(0, last)
    return "\n\n".join(shown), "\n\n".join(notes)


def keeps_all_prose(section: str) -> bool:
    """A summary or a verdict is the point of its slides: none of its prose goes to the notes."""
    return bool(re.search(r"\b(summary|verdict|conclusions?|exercises)\b", section, re.IGNORECASE))


def split_prose(source: str, max_words: int = SLIDE_WORDS_TOTAL) -> list[str]:
    """A markdown cell cut between blocks into pieces of about ``max_words`` words of prose,
    each for a sub-slide, none taller than the slide when it can be cut; a block that ends in a
    colon stays with what follows it."""
    pieces: list[list[str]] = [[]]
    words = 0
    for block in _blocks(source):
        count = 0 if _is_visual(block) else prose_words(block)
        last = pieces[-1]
        too_tall = markdown_height("\n\n".join(last + [block])) > SLIDE_HEIGHT
        if last and (words + count > max_words or too_tall) and not last[-1].rstrip().endswith(":"):
            pieces.append([])
            words = 0
        pieces[-1].append(block)
        words += count
    return ["\n\n".join(piece) for piece in pieces if piece]


# --- slide types --------------------------------------------------------------------------------

def _pack(cells: list, skip_ids: set[str] = frozenset()) -> None:
    """Set ``metadata.slideshow.slide_type`` on every cell, in place, by the rules above."""
    skipping, used, words, lines = False, 0, 0, 0
    for position, cell in enumerate(cells):
        source = _text(cell.get("source", ""))
        is_markdown = cell.get("cell_type") == "markdown"
        meta = cell.setdefault("metadata", {})
        if is_markdown and SKIP_FROM.search(source):
            skipping = True
        current = meta.get("slideshow", {}).get("slide_type")
        if current == "notes" and meta.get("lecture", {}).get("note"):
            continue
        height = cell_height(cell)
        cell_words = prose_words(source) if is_markdown else 0
        shown_code = cell.get("cell_type") == "code" and not (is_extra_code(source) or _hides_input(cell))
        cell_lines = len(source.splitlines()) if shown_code else 0
        forced = meta.get("lecture", {}).get("new_slide", False)
        # a summary's or verdict's bullets fill their slides (the height still limits them)
        word_limit = SLIDE_WORDS_TOTAL * (2 if keeps_all_prose(meta.get("lecture", {}).get("section", "")) else 1)
        if skipping or cell.get("id") in skip_ids or left_out(cell):
            kind = "skip"
        elif position == 0 or (is_markdown and re.match(r"#{1,2}\s", source.lstrip())):
            kind, used, words, lines = "slide", height, cell_words, cell_lines
        elif (is_markdown and re.match(r"###\s", source.lstrip())) or forced \
                or used + height > SLIDE_HEIGHT or words + cell_words > word_limit \
                or lines + cell_lines > MAX_CODE_LINES:
            kind, used, words, lines = "subslide", height, cell_words, cell_lines
        else:
            kind, used, words, lines = "-", used + height, words + cell_words, lines + cell_lines
        meta["slideshow"] = {"slide_type": kind}


def assign_slide_types(cells: list, skip_ids: set[str]) -> None:
    """Set ``metadata.slideshow.slide_type`` on every cell of a notebook, in place.

    Args:
        cells: the notebook's cells, in order.
        skip_ids: ids of cells always left out (the set-up cell, the footer).
    """
    _pack(cells, skip_ids)


# --- the lecture deck ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Note:
    """A speaker note for the slide that shows a section's heading or one of its code cells.

    ``section`` is the text of a ``## `` heading without the ``## `` ("" for the cells before
    the first one); ``cell_start`` the first characters of a code cell in it ("" for the
    heading itself). ``banner``, when set, is also shown on that slide (e.g. "self-study").
    """

    section: str
    cell_start: str
    text: str
    banner: str = ""


def section_of(source: str) -> str | None:
    """The heading text when a markdown cell opens with a ``## `` heading, else None."""
    match = re.match(r"##\s+(.*)", source.lstrip())
    return match.group(1).strip() if match else None


def _new_cell(kind: str, source: str, **metadata: Any) -> dict[str, Any]:
    cell: dict[str, Any] = {"cell_type": kind, "metadata": metadata, "source": source}
    if kind == "code":
        cell.update(outputs=[], execution_count=None)
    return cell


def _note_cell(text: str) -> dict[str, Any]:
    return _new_cell("markdown", text, slideshow={"slide_type": "notes"}, lecture={"note": True})


def _tagged(cell: dict[str, Any], tag: str) -> None:
    tags = cell["metadata"].setdefault("tags", [])
    if tag not in tags:
        tags.append(tag)


def _is_plot(output: dict[str, Any]) -> bool:
    return "image/png" in output.get("data", {})


def _plots_apart(cell: dict[str, Any], section: str) -> list[dict[str, Any]]:
    """``cell``, and its plots on a sub-slide of their own when it shows anything besides them,
    so that a plot is drawn as large as the slide allows (:data:`PLOT_HEIGHT`)."""
    outputs = cell.get("outputs") or []
    plots = [o for o in outputs if _is_plot(o)]
    code_shown = bool(_text(cell.get("source", "")).strip()) and not _hides_input(cell)
    if not plots or (len(plots) == len(outputs) and not code_shown):
        return [cell]
    figure = copy.deepcopy(cell)
    figure["outputs"] = plots
    figure["metadata"]["lecture"] = {"section": section, "new_slide": True, "output_of": cell.get("id")}
    figure.pop("id", None)
    _tagged(figure, HIDE_INPUT_TAG)
    cell["outputs"] = [o for o in outputs if not _is_plot(o)]
    if not cell["outputs"] and not code_shown:
        return [figure]
    return [cell, figure]


def _deck_group(cell: dict[str, Any], section: str) -> list[dict[str, Any]]:
    """The deck cells one notebook cell becomes."""
    cell = copy.deepcopy(cell)
    cell.setdefault("metadata", {})["lecture"] = {"section": section}
    source = _text(cell.get("source", ""))
    if cell.get("cell_type") == "markdown":
        caption, after = split_caption(source)
        if after:  # the caption stays with its figure; the prose after it may start a sub-slide
            second = dict(copy.deepcopy(cell), source=after)
            if "id" in cell:
                second["id"] = f"{cell['id']}-after"
            return [dict(cell, source=caption)] + _deck_group(second, section)
        # A summary or a verdict keeps every bullet; a sentence ending in a colon keeps its list.
        shown, rest = (source, "") if keeps_all_prose(section) else cut_prose(source)
        if any(_ITEM.match(block) for block in _blocks(rest)):  # a list stays whole on its slides
            shown, rest = source, ""
        too_long = prose_words(shown) > SLIDE_WORDS_TOTAL or markdown_height(shown) > SLIDE_HEIGHT
        pieces = split_prose(shown) if too_long else [shown]
        group = []
        for i, piece in enumerate(pieces):  # long ones over sub-slides
            part = copy.deepcopy(cell) if i == 0 else _new_cell("markdown", piece)
            part["source"] = piece
            part["metadata"]["lecture"] = {"section": section, "new_slide": i > 0 and not keeps_all_prose(section)}
            if "id" in cell and i:
                part["id"] = f"{cell['id']}-part{i}"
            group.append(part)
        return group + ([_note_cell(rest)] if rest else [])
    if cell.get("cell_type") != "code" or left_out(cell):
        return [cell]
    if is_extra_code(source):
        _tagged(cell, HIDE_INPUT_TAG)
        return _plots_apart(cell, section)
    if has_checks(source):  # a check's leftovers make no lesson: its output only, its code in the notes
        _tagged(cell, HIDE_INPUT_TAG)
        note = f"The code of this output checks what it shows; in the notebook:\n\n```python\n{source}\n```"
        return _plots_apart(cell, section) + [_note_cell(note)]
    source = strip_checks(source)
    lesson, extra = split_at_extra_code(source)
    if extra:  # the lesson's lines on their own, then the extra code's output with its code hidden
        first = dict(copy.deepcopy(cell), source=lesson, outputs=[], execution_count=None)
        if "id" in cell:
            first["id"] = f"{cell['id']}-lesson"
        cell["source"] = extra
        _tagged(cell, HIDE_INPUT_TAG)
        return _deck_group(first, section) + _plots_apart(cell, section)
    cell["source"] = source
    pieces = split_code(source)
    group: list[dict[str, Any]] = []
    if pieces is None and cell.get("outputs") and not _long_statements_are_definitions(source):
        # a loop too long for a slide: its output on the slide, its code in the notes
        _tagged(cell, HIDE_INPUT_TAG)
        note = (f"The code of this output ({len(source.splitlines())} lines, one statement) is too "
                f"long for a slide; walk through it in the notebook:\n\n```python\n{source}\n```")
        return _plots_apart(cell, section) + [_note_cell(note)]
    if pieces is None:  # a long definition with no output: shown in pieces, run hidden
        for i, piece in enumerate(show_in_pieces(source)):
            group.append(_new_cell("markdown", f"```python\n{piece}\n```",
                                   lecture={"section": section, "new_slide": i > 0, "display_only": True}))
        _tagged(cell, HIDE_INPUT_TAG)
        cell["metadata"]["lecture"]["code_shown_above"] = True
        return group + [cell]
    for i, piece in enumerate(pieces):
        part = copy.deepcopy(cell) if i == len(pieces) - 1 else _new_cell("code", piece)
        part["source"] = piece
        part["metadata"]["lecture"] = {"section": section, "new_slide": i > 0, "piece": i}
        if "id" in cell:
            part["id"] = cell["id"] if i == len(pieces) - 1 else f"{cell['id']}-piece{i}"
        group.append(part)
    last = group[-1]
    if any(_is_plot(o) for o in last.get("outputs", [])):
        return group[:-1] + _plots_apart(last, section)
    code_only = dict(last, outputs=[])
    if last.get("outputs") and cell_height(last) > SLIDE_HEIGHT and cell_height(code_only) < SLIDE_HEIGHT:
        output = copy.deepcopy(last)
        last["outputs"] = []
        output["metadata"]["lecture"] = {"section": section, "new_slide": True, "output_of": last.get("id")}
        output.pop("id", None)
        _tagged(output, HIDE_INPUT_TAG)
        group.append(output)
    return group


def lecture_cells(cells: list, skip_ids: set[str] = frozenset(), notes: list[Note] = ()) -> list:
    """The cells of a notebook's lecture deck, slide types set, speaker notes in place.

    Args:
        cells: the stamped notebook's cells (not changed).
        skip_ids: ids of cells always left out (the set-up cell, the footer).
        notes: speaker notes to place; a note whose section or cell is missing raises
            ValueError (tests/test_lecture_plan.py finds these first).
    """
    groups: list[tuple[dict[str, Any], str, list]] = []
    section = ""
    for cell in cells:
        heading = section_of(_text(cell.get("source", ""))) if cell.get("cell_type") == "markdown" else None
        section = heading if heading is not None else section
        groups.append((cell, section, _deck_group(cell, section)))
    for note in notes:
        target = None
        for cell, section, group in groups:
            if section != note.section:
                continue
            source = _text(cell.get("source", ""))
            if note.cell_start and cell.get("cell_type") == "code" and source.startswith(note.cell_start):
                target = group
                break
            if not note.cell_start and (section_of(source) == note.section or not note.section):
                target = group
                break
        if target is None:
            where = f"a code cell starting {note.cell_start!r} under " if note.cell_start else ""
            raise ValueError(f"speaker note: no {where}'## {note.section}' for {note.text[:40]!r}")
        at = len(target)
        if note.cell_start and target[-1].get("metadata", {}).get("lecture", {}).get("output_of"):
            at -= 1  # a live cell's note goes on the slide with its code
        if not note.cell_start:  # a section's note goes on its first slide, before prose notes
            at = 1
        target.insert(at, _note_cell(note.text))
        if note.banner:  # seen by the room, not only in the speaker view
            target.insert(1, _new_cell("markdown", f"*{note.banner}*"))
    for (cell, _, group), (after, _, _) in zip(groups, groups[1:], strict=False):
        if cell.get("cell_type") == "markdown" and (after.get("id") in skip_ids or left_out(after)):
            _no_colon_before_left_out(group)
    deck = [c for _, _, group in groups for c in group]
    for i, cell in enumerate(deck):
        cell.setdefault("id", f"deck-{i:03d}")
    _pack(deck, skip_ids)
    deck = _outputs_apart(deck)
    _pack(deck, skip_ids)
    # A note ahead of its slide's first cell would land on the slide before: keep notes after it.
    return deck


def _no_colon_before_left_out(group: list) -> None:
    """A slide does not end on a sentence with a colon when what it announces stays out of the
    deck: that sentence goes to the speaker notes."""
    shown = [c for c in group if c["metadata"].get("slideshow", {}).get("slide_type") != "notes"]
    if not shown or not _text(shown[-1].get("source", "")).rstrip().endswith(":"):
        return
    last = shown[-1]
    blocks = _blocks(_text(last["source"]))
    sentences = _SENTENCE_END.split(blocks[-1])
    if len(sentences) > 1:
        blocks[-1] = " ".join(sentences[:-1])
    elif len(blocks) > 1 and not _is_visual(blocks[-2]):
        blocks.pop()
    else:
        return  # nothing before the sentence to end the slide on
    last["source"] = "\n\n".join(blocks)
    group.insert(group.index(last) + 1, _note_cell(sentences[-1]))


def _outputs_apart(deck: list) -> list:
    """Keep code beside the text above it when only its output does not fit there.

    A code cell that had to start a sub-slide, after a slide that is less than half full,
    goes back onto that slide without its output; the output gets the sub-slide.
    """
    result, used = [], 0
    for cell in deck:
        meta = cell["metadata"]
        kind = meta.get("slideshow", {}).get("slide_type")
        if kind in ("skip", "notes"):
            result.append(cell)
            continue
        source = _text(cell.get("source", ""))
        bare = dict(cell, outputs=[])
        if (kind == "subslide" and cell.get("cell_type") == "code" and cell.get("outputs")
                and not meta.get("lecture", {}).get("new_slide") and not _hides_input(cell)
                and not is_extra_code(source) and used < SLIDE_HEIGHT / 2
                and used + cell_height(bare) <= SLIDE_HEIGHT):
            output = copy.deepcopy(cell)
            output["metadata"].setdefault("lecture", {}).update(new_slide=True, output_of=cell.get("id"))
            output["id"] = f"{cell.get('id')}-output"
            _tagged(output, HIDE_INPUT_TAG)
            cell["outputs"] = []
            cell["metadata"]["slideshow"] = {"slide_type": "-"}
            result += [cell, output]
            used = cell_height(output)
            continue
        used = cell_height(cell) if kind in ("slide", "subslide") else used + cell_height(cell)
        result.append(cell)
    return result


def slide_count(deck: list, sections: set[str] | None = None) -> int:
    """Slides and sub-slides of a lecture deck, or of those that start in ``sections``."""
    return sum(
        1 for cell in deck
        if cell.get("metadata", {}).get("slideshow", {}).get("slide_type") in ("slide", "subslide")
        and (sections is None or cell["metadata"].get("lecture", {}).get("section", "") in sections)
    )
