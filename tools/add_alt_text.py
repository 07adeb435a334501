"""Write the proposed alt text of book/alt_text.toml into the notebooks' plot cells.

    python tools/add_alt_text.py           # write what is missing or changed
    python tools/add_alt_text.py --check   # change nothing; exit 1 if a plot lacks alt text

Every plot a code cell draws needs alt text, for the book (`make site`) and for screen
readers. It lives in the cell's metadata under MyST-NB's own key,
``{"mystnb": {"image": {"alt": "..."}}}``, which the book's build reads as it is.
book/alt_text.toml holds one entry per plot: the notebook, a piece of the cell's source
found in that cell only, and the text. A figure shown with ``page(n)`` needs no entry:
its HTML output carries the alt text of helpers/figures.py.

The script stops with a message naming the entry when a piece of source matches no code
cell or more than one, and lists the plots left without alt text. Only the ``mystnb``
key of a cell's metadata is touched; outputs are not.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import stamp_notebooks  # noqa: E402

PROPOSALS = ROOT / "book" / "alt_text.toml"
IMAGE_TYPES = ("image/png", "image/jpeg", "image/svg+xml", "image/gif")
HTML_IMG_ALT = re.compile(r'<img\b[^>]*\balt="[^"]*[^"\s][^"]*"', re.IGNORECASE)


@dataclass(frozen=True)
class AltText:
    notebook: str
    cell: str  # a piece of the cell's source, found in that code cell only
    alt: str


def load_proposals(path: Path = PROPOSALS) -> list[AltText]:
    """Read the entries of ``path``; a ValueError names a malformed one."""
    entries = []
    for number, item in enumerate(tomllib.loads(path.read_text()).get("plot", []), start=1):
        missing = {"notebook", "cell", "alt"} - set(item)
        if missing or not all(isinstance(item.get(k), str) and item[k].strip() for k in ("notebook", "cell", "alt")):
            raise ValueError(f"{path.name}, entry {number}: needs non-empty notebook, cell and alt")
        entries.append(AltText(item["notebook"], item["cell"], item["alt"].strip()))
    return entries


def image_outputs(cell) -> list[dict]:
    """The outputs of a code cell that show an image."""
    return [o for o in cell.get("outputs", []) if any(t in o.get("data", {}) for t in IMAGE_TYPES)]


def cell_alt(cell) -> str | None:
    """The alt text a plot cell carries: its metadata's, or None."""
    alt = cell.get("metadata", {}).get("mystnb", {}).get("image", {}).get("alt")
    return alt.strip() if isinstance(alt, str) and alt.strip() else None


def needs_alt(cell) -> bool:
    """A code cell whose image output has no alt text of its own (``page(n)`` HTML has one)."""
    if cell.cell_type != "code":
        return False
    for output in image_outputs(cell):
        html = output.get("data", {}).get("text/html", "")
        html = html if isinstance(html, str) else "".join(html)
        if not HTML_IMG_ALT.search(html):
            return True
    return False


def find_cell(nb, entry: AltText) -> int:
    """The index of the one code cell of ``nb`` whose source contains ``entry.cell``."""
    hits = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and entry.cell in c.source]
    if len(hits) != 1:
        where = "no code cell" if not hits else f"{len(hits)} code cells ({', '.join(map(str, hits))})"
        raise ValueError(f"{entry.notebook}: {entry.cell!r} is found in {where}; it must name exactly one")
    return hits[0]


def apply(nb, entries: list[AltText]) -> bool:
    """Write each entry's alt text into its cell of ``nb``; return whether anything changed."""
    changed = False
    for entry in entries:
        cell = nb.cells[find_cell(nb, entry)]
        if not needs_alt(cell):
            raise ValueError(f"{entry.notebook}: the cell with {entry.cell!r} shows no plot that needs alt text")
        if cell_alt(cell) != entry.alt:
            cell.metadata.setdefault("mystnb", {}).setdefault("image", {})["alt"] = entry.alt
            changed = True
    return changed


def missing(nb) -> list[str]:
    """The first line of each plot cell of ``nb`` that has no alt text."""
    return [c.source.splitlines()[0] for c in nb.cells if needs_alt(c) and cell_alt(c) is None]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a plot lacks alt text")
    args = parser.parse_args()
    entries = load_proposals()
    course = stamp_notebooks.load_course()
    unknown = {e.notebook for e in entries} - {e.file for e in course.entries}
    if unknown:
        print(f"{PROPOSALS.name} names notebooks that the course does not list: {', '.join(sorted(unknown))}")
        return 1
    problems = 0
    for entry in course.entries:
        path = ROOT / "notebooks" / entry.file
        nb = nbformat.read(path, as_version=4)
        try:
            changed = apply(nb, [e for e in entries if e.notebook == entry.file])
        except ValueError as error:
            print(error)
            problems += 1
            continue
        if changed and not args.check:
            path.write_text(nbformat.writes(nb) + "\n")  # as tools/stamp_notebooks.py writes
            print(f"{entry.file}: alt text written")
        for line in missing(nb):
            print(f"{entry.file}: a plot without alt text, in the cell that starts {line[:70]!r}")
            problems += 1
        if changed and args.check:
            print(f"{entry.file}: alt text to write (run tools/add_alt_text.py)")
            problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
