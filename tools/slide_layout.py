"""Slide metadata for lecture mode: which cells start a slide, which are left out.

`tools/stamp_notebooks.py` calls :func:`assign_slide_types` on every notebook, so
the live slides (jupyterlab-rise, in `make lab`) and the static decks
(`make slides`) both follow the notebook's own structure:

* the header opens the deck; a `## ` heading starts a new slide and a `### `
  heading a new sub-slide;
* other cells join the slide above them while its estimated height at
  1280x720 leaves room, and start a sub-slide when it does not;
* the set-up cell, `## Going further` and everything after it, and the
  footer are left out (`skip`); a cell marked `# extra code` shows only its
  output (tools/build_slides.py hides its code).

The height estimate is deliberately simple (lines of text, code and output,
and image sizes read from the stored PNGs); `tools/check_slides.py` measures
the real decks in a browser.
"""

from __future__ import annotations

import base64
import math
import re
import struct
from typing import Any

# Layout of the deck (tools/slides_template): a 1280x720 slide, in pixels.
SLIDE_HEIGHT = 600  # usable height, after margins, the slide number and a safety margin
TEXT_LINE, TEXT_CHARS = 31, 100  # prose: 22 px type
CODE_LINE, CODE_CHARS = 21, 118  # code and text output: 16 px monospace
CELL_GAP = 16
IMAGE_MAX_HEIGHT, IMAGE_MAX_WIDTH = 520, 1240
HEADING = {1: 70, 2: 56, 3: 44}

SKIP_FROM = re.compile(r"^#{1,3}\s+(\d+\.\s*)?going further", re.IGNORECASE | re.MULTILINE)


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


def markdown_height(source: str) -> int:
    """Estimated height of a markdown cell on a slide."""
    height, in_math = 0, False
    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("$$"):
            in_math = not in_math if stripped.count("$$") == 1 else in_math
            height += TEXT_LINE * 2
        elif in_math:
            height += TEXT_LINE
        elif not stripped:
            height += TEXT_LINE // 3
        elif match := re.match(r"(#{1,3})\s", stripped):
            height += HEADING[len(match.group(1))]
        elif stripped.startswith("<img") or stripped.startswith("!["):
            height += IMAGE_MAX_HEIGHT // 2
        else:
            height += _wrapped([re.sub(r"\$[^$]*\$|<[^>]+>|\]\([^)]*\)", "xx", stripped)], TEXT_CHARS) * TEXT_LINE
    return height + CELL_GAP


def output_height(output: dict[str, Any]) -> int:
    """Estimated height of one stored output."""
    if output.get("output_type") == "stream":
        text = output.get("text", "")
        text = text if isinstance(text, str) else "".join(text)
        return _wrapped(text.splitlines(), CODE_CHARS) * CODE_LINE
    data = output.get("data", {})
    if "text/html" in data:
        html = data["text/html"]
        html = html if isinstance(html, str) else "".join(html)
        height = 0
        for tag in re.findall(r"<img\b[^>]*>", html):
            png = re.search(r"base64,([A-Za-z0-9+/=]{64})", tag)
            size = _png_size(png.group(1)) if png else None
            shown = re.search(r'width="(\d+)"', tag)
            if size:
                height += _image_height(*size, int(shown.group(1)) if shown else None)
        rows = len(re.findall(r"<tr\b", html))
        text = re.sub(r"<img\b[^>]*>|<[^>]+>", " ", html)
        return height + rows * CODE_LINE + (_wrapped([text.strip()], TEXT_CHARS) * TEXT_LINE if text.strip() else 0)
    if "image/png" in data:
        png = data["image/png"]
        size = _png_size(png if isinstance(png, str) else "".join(png))
        return _image_height(*size) if size else IMAGE_MAX_HEIGHT
    if "text/plain" in data:
        text = data["text/plain"]
        text = text if isinstance(text, str) else "".join(text)
        return _wrapped(text.splitlines(), CODE_CHARS) * CODE_LINE
    return 0


def is_extra_code(source: str) -> bool:
    """True for a code cell the course marks as not the lesson; decks show only its output."""
    return source.lstrip().lower().startswith("# extra code")


def cell_height(cell: dict[str, Any]) -> int:
    """Estimated height of a cell and its outputs on a slide."""
    source = cell.get("source", "")
    source = source if isinstance(source, str) else "".join(source)
    if cell.get("cell_type") == "markdown":
        return markdown_height(source)
    code = 0 if is_extra_code(source) else _wrapped(source.splitlines(), CODE_CHARS) * CODE_LINE + CELL_GAP
    return code + sum(output_height(o) for o in cell.get("outputs", [])) + CELL_GAP


def assign_slide_types(cells: list, skip_ids: set[str]) -> None:
    """Set ``metadata.slideshow.slide_type`` on every cell, in place.

    Args:
        cells: the notebook's cells, in order.
        skip_ids: ids of cells always left out (the set-up cell, the footer).
    """
    skipping, used = False, 0
    for position, cell in enumerate(cells):
        source = cell.get("source", "")
        source = source if isinstance(source, str) else "".join(source)
        is_markdown = cell.get("cell_type") == "markdown"
        if is_markdown and SKIP_FROM.search(source):
            skipping = True
        height = cell_height(cell)
        if skipping or cell.get("id") in skip_ids:
            kind = "skip"
        elif position == 0:
            kind, used = "slide", height
        elif is_markdown and re.match(r"#{1,2}\s", source.lstrip()):
            kind, used = "slide", height
        elif is_markdown and re.match(r"###\s", source.lstrip()) or used + height > SLIDE_HEIGHT:
            kind, used = "subslide", height
        else:
            kind, used = "-", used + height
        cell.setdefault("metadata", {})["slideshow"] = {"slide_type": kind}
