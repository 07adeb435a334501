"""Build the lecture decks: one offline reveal.js deck and one live RISE copy per notebook.

    python tools/build_slides.py               # every notebook -> build/slides/ and build/live/
    python tools/build_slides.py --out DIR
    python tools/build_slides.py --time-cells  # run the notebooks, store each cell's run time
    python tools/build_slides.py --time-cells 04 05  # only these notebooks

The decks show the stored outputs (nothing is executed). Their cells come from
`tools/slide_layout.py` (`lecture_cells`): the notebook's own structure, without checks,
claim tables, import-only cells and exercise placeholders, long code split over sub-slides,
long prose cut with the rest in the speaker notes. The speaker notes also carry the lecture
plan (`lecture/README.md`, read by `tools/lecture_plan.py`): the timing of each part, the
cells to run live with their expected output and measured time, and the pause questions.
Press `s` in a deck for reveal.js's speaker view.

`build/live/NN_name.ipynb` holds the same cells as a notebook, for live slides with RISE
(`make lab`, open it, run all, then present; `t` opens the notes). It is rebuilt every time:
edit the notebooks in `notebooks/`, never the copies.

reveal.js, MathJax 2 (the version nbconvert's reveal template speaks), require.js and jQuery
come from the npm registry once, pinned below, and are copied next to the decks in `vendor/`:
open `build/slides/index.html` from a USB stick and every deck works offline.

`--time-cells` runs every notebook once in a fresh kernel (as `make notebooks` does, without
storing anything in it) and writes each code cell's run time to `lecture/cell_times.json`;
the lecture plan's test reads the live cells' times from there.
"""

from __future__ import annotations

import argparse
import copy
import html
import json
import platform
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import nbformat
from nbconvert import SlidesExporter
from traitlets.config import Config

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import lecture_plan  # noqa: E402
import stamp_notebooks  # noqa: E402
from slide_layout import HIDE_INPUT_TAG, lecture_cells  # noqa: E402

SKIP_IDS = {stamp_notebooks.SETUP_ID, stamp_notebooks.FOOTER_ID}
CELL_TIMES = ROOT / "lecture" / "cell_times.json"

# What the decks load, from the npm registry, at versions nbconvert 7's reveal template works with.
VENDOR_PACKAGES = {"reveal.js": "4.6.0", "mathjax": "2.7.9", "jquery": "3.7.1", "requirejs": "2.3.7"}
# Only the parts of MathJax 2 the decks use (TeX in, CommonHTML out): about 8 MB of its 70.
MATHJAX_PARTS = [
    "MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/Safe.js", "extensions", "jax/input/TeX",
    "jax/output/CommonHTML", "jax/element", "localization/en", "fonts/HTML-CSS/TeX/woff",
]
MATHJAX_URL = "vendor/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
COLAB_BADGE = re.compile(r'<a href="https://colab\.research\.google\.com/[^"]*"[^>]*><img [^>]*></a>')
# The live copies live two folders below the course; their set-up cell looks there first.
LIVE_PATH_LINE = 'import os, sys; sys.path.insert(0, os.path.abspath("../.."))  # live copy: the course\n'


def install_vendor(out: Path) -> Path:
    """Fetch the pinned packages with npm (once) and copy what the decks load into ``out/vendor``."""
    vendor = out / "vendor"
    stamp = vendor / ".packages.json"
    if stamp.exists() and json.loads(stamp.read_text()) == VENDOR_PACKAGES:
        return vendor
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is needed once, to fetch reveal.js and MathJax; `make slides` installs it.")
    cache = out / ".npm"
    cache.mkdir(parents=True, exist_ok=True)
    specs = [f"{name}@{version}" for name, version in VENDOR_PACKAGES.items()]
    subprocess.run([npm, "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(cache), *specs],
                   check=True)
    modules = cache / "node_modules"
    shutil.rmtree(vendor, ignore_errors=True)
    shutil.copytree(modules / "reveal.js" / "dist", vendor / "reveal.js" / "dist")
    shutil.copytree(modules / "reveal.js" / "plugin" / "notes", vendor / "reveal.js" / "plugin" / "notes")
    for part in MATHJAX_PARTS:
        source, target = modules / "mathjax" / part, vendor / "mathjax" / part
        target.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target)
    shutil.copy2(modules / "requirejs" / "require.js", vendor / "require.js")
    shutil.copy2(modules / "jquery" / "dist" / "jquery.min.js", vendor / "jquery.min.js")
    stamp.write_text(json.dumps(VENDOR_PACKAGES))
    return vendor


def exporter() -> SlidesExporter:
    config = Config()
    config.SlidesExporter.reveal_url_prefix = "vendor/reveal.js"
    config.SlidesExporter.mathjax_url = MATHJAX_URL
    config.SlidesExporter.require_js_url = "vendor/require.js"
    config.SlidesExporter.jquery_url = "vendor/jquery.min.js"
    config.SlidesExporter.reveal_theme = "white"  # its font ships with reveal.js, no web font
    config.SlidesExporter.exclude_input_prompt = True
    config.SlidesExporter.exclude_output_prompt = True
    config.TemplateExporter.extra_template_basedirs = [str(ROOT / "tools")]
    config.SlidesExporter.template_name = "slides_template"
    # A slide shows what "# extra code" draws, not the plotting code itself.
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_input_tags = {HIDE_INPUT_TAG}
    return SlidesExporter(config=config)


def deck_notebook(entry, plan: lecture_plan.Plan | None = None, times: dict | None = None):
    """The lecture deck of one notebook, as a notebook node (slide types and notes set)."""
    nb = nbformat.read(ROOT / "notebooks" / entry.file, as_version=4)
    notes = lecture_plan.speaker_notes(plan, entry.number, times) if plan else []
    cells = lecture_cells([dict(c) for c in nb.cells], SKIP_IDS, notes)
    deck = copy.deepcopy(nb)
    deck.cells = [nbformat.from_dict(c) for c in cells]
    return deck


def live_copy(deck):
    """``deck`` as a notebook to present live with RISE: runnable, outputs beside their code."""
    live = copy.deepcopy(deck)
    cells = []
    for cell in live.cells:
        lecture = cell.metadata.get("lecture", {})
        if lecture.get("output_of") is not None and cells:
            owner = next((c for c in reversed(cells) if c.get("id") == lecture["output_of"]), cells[-1])
            owner.outputs = owner.outputs + cell.outputs  # live, the output appears under its code
            continue
        if HIDE_INPUT_TAG in cell.metadata.get("tags", []):
            cell.metadata["tags"] = [t for t in cell.metadata["tags"] if t != HIDE_INPUT_TAG]
            cell.metadata.setdefault("jupyter", {})["source_hidden"] = True
        if cell.get("id") == stamp_notebooks.SETUP_ID:
            cell.source = LIVE_PATH_LINE + cell.source
        cell.metadata.pop("lecture", None)
        cells.append(cell)
    for i, cell in enumerate(cells):
        cell["id"] = f"live-{i:03d}"
    live.cells = cells
    return live


def build(out: Path, live: Path | None = None) -> list[Path]:
    """Write every notebook's deck and an index page into ``out``; return the decks."""
    out.mkdir(parents=True, exist_ok=True)
    install_vendor(out)
    slides = exporter()
    course = stamp_notebooks.load_course()
    plan = lecture_plan.read_plan()
    times = lecture_plan.read_cell_times()
    decks = []
    for entry in course.entries:
        deck = deck_notebook(entry, plan, times)
        html_text, _ = slides.from_notebook_node(deck)
        # The Colab badge is an image from the web; a lecture-hall deck has no use for it.
        html_text = COLAB_BADGE.sub("", html_text)
        path = out / entry.file.replace(".ipynb", ".slides.html")
        path.write_text(html_text)
        decks.append(path)
        if live is not None:
            live.mkdir(parents=True, exist_ok=True)
            (live / entry.file).write_text(nbformat.writes(live_copy(deck)) + "\n")
    (out / "index.html").write_text(index_page(course, decks, plan, times))
    return decks


def index_page(course, decks: list[Path], plan, times) -> str:
    """The decks and, under them, the sessions of the plan with minutes and slides per part."""
    links = "\n".join(f'<li><a href="{d.name}">{html.escape(e.label)}</a></li>'
                      for d, e in zip(decks, course.entries, strict=True))
    sessions = []
    for session in plan.sessions:
        rows = []
        for part in session.parts:
            reckoned = lecture_plan.reckon(part, plan, times)
            minutes = part.label if part.minutes is None else f"{part.minutes} min"
            rows.append(f"<tr><td>{part.number}</td><td>{html.escape(part.title)}</td>"
                        f"<td>{', '.join(part.notebooks) or '—'}</td><td>{minutes}</td>"
                        f"<td>{reckoned.slides}</td></tr>")
        sessions.append(f"<h2>{html.escape(session.title)}</h2><table><tr><th>#</th><th>Part</th>"
                        f"<th>Notebook</th><th>Minutes</th><th>Slides</th></tr>{''.join(rows)}</table>")
    return ("<!doctype html><meta charset='utf-8'><title>Lecture decks</title>"
            "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}td,th{padding:.2em .6em;"
            "text-align:left}</style>"
            f"<h1>From RNNs to LSTMs: lecture decks</h1><p>Press <kbd>s</kbd> in a deck for the speaker "
            f"view (notes, timer, next slide).</p><ul>{links}</ul>{''.join(sessions)}\n")


def time_cells(path: Path = CELL_TIMES, only: list[str] | None = None) -> dict:
    """Run the notebooks once in a fresh kernel; store each code cell's run time in ``path``.

    ``only`` names notebook numbers to measure again (the others keep their stored times).
    """
    import execute_notebooks
    from nbclient import NotebookClient

    course = stamp_notebooks.load_course()
    found: dict[str, dict[str, float]] = json.loads(path.read_text())["notebooks"] if path.exists() else {}
    for entry in course.entries:
        if only and entry.number not in only:
            continue
        notebook = ROOT / "notebooks" / entry.file
        nb = nbformat.read(notebook, as_version=4)
        client = NotebookClient(nb, timeout=3 * execute_notebooks.CELL_TIMEOUT, kernel_name="python3",
                                record_timing=True, resources={"metadata": {"path": str(notebook.parent)}})
        client.execute()
        seconds = {}
        for cell in nb.cells:
            timing = cell.metadata.get("execution", {})
            if cell.cell_type == "code" and "iopub.execute_input" in timing and "shell.execute_reply" in timing:
                start = datetime.fromisoformat(timing["iopub.execute_input"].replace("Z", "+00:00"))
                end = datetime.fromisoformat(timing["shell.execute_reply"].replace("Z", "+00:00"))
                seconds[cell.id] = round((end - start).total_seconds(), 1)
        found[entry.file] = seconds
        print(f"{entry.file}: {sum(seconds.values()):.0f} s in {len(seconds)} cells", flush=True)
        write_times(path, found)
    return write_times(path, found)


def write_times(path: Path, found: dict) -> dict:
    record = {"measured": datetime.now(UTC).strftime("%Y-%m-%d"),
              "machine": f"{platform.machine()}, {platform.python_version()}; seconds per code cell id",
              "notebooks": found}
    path.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n")
    return record


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "slides")
    parser.add_argument("--live", type=Path, default=ROOT / "build" / "live")
    parser.add_argument("--time-cells", nargs="*", metavar="NN",
                        help=f"write {CELL_TIMES.relative_to(ROOT)} (all notebooks, or those numbered NN)")
    args = parser.parse_args()
    if args.time_cells is not None:
        time_cells(only=args.time_cells)
        return 0
    for deck in build(args.out.resolve(), args.live.resolve()):
        print(f"{deck.relative_to(ROOT) if deck.is_relative_to(ROOT) else deck}: {deck.stat().st_size // 1000} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
