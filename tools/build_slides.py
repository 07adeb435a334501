"""Build one self-contained reveal.js deck per notebook, for a lecture hall with no network.

    python tools/build_slides.py            # every notebook -> build/slides/
    python tools/build_slides.py --out DIR

The decks show the stored outputs (nothing is executed) and follow the slide
types that tools/stamp_notebooks.py writes into every notebook. reveal.js,
MathJax 2 (the version nbconvert's reveal template speaks), require.js and
jQuery come from the npm registry once, pinned below, and are copied next to
the decks in `vendor/`: open `build/slides/index.html` from a USB stick and
every deck works offline.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
from nbconvert import SlidesExporter
from traitlets.config import Config

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import stamp_notebooks  # noqa: E402
from slide_layout import is_extra_code  # noqa: E402

EXTRA_CODE_TAG = "slides-hide-input"

# What the decks load, from the npm registry, at versions nbconvert 7's reveal template works with.
VENDOR_PACKAGES = {"reveal.js": "4.6.0", "mathjax": "2.7.9", "jquery": "3.7.1", "requirejs": "2.3.7"}
# Only the parts of MathJax 2 the decks use (TeX in, CommonHTML out): about 8 MB of its 70.
MATHJAX_PARTS = [
    "MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/Safe.js", "extensions", "jax/input/TeX",
    "jax/output/CommonHTML", "jax/element", "localization/en", "fonts/HTML-CSS/TeX/woff",
]
MATHJAX_URL = "vendor/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
COLAB_BADGE = re.compile(r'<a href="https://colab\.research\.google\.com/[^"]*"[^>]*><img [^>]*></a>')


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
    config.TagRemovePreprocessor.remove_input_tags = {EXTRA_CODE_TAG}
    return SlidesExporter(config=config)


def mark_extra_code(nb) -> None:
    """Tag, in memory, the cells the course marks as not the lesson (``# extra code``)."""
    for cell in nb.cells:
        if cell.cell_type == "code" and is_extra_code(cell.source):
            cell.metadata.setdefault("tags", []).append(EXTRA_CODE_TAG)


def build(out: Path) -> list[Path]:
    """Write every notebook's deck and an index page into ``out``; return the decks."""
    out.mkdir(parents=True, exist_ok=True)
    install_vendor(out)
    slides = exporter()
    course = stamp_notebooks.load_course()
    decks = []
    for entry in course.entries:
        nb = nbformat.read(ROOT / "notebooks" / entry.file, as_version=4)
        mark_extra_code(nb)
        html, _ = slides.from_notebook_node(nb)
        # The Colab badge is an image from the web; a lecture-hall deck has no use for it.
        html = COLAB_BADGE.sub("", html)
        deck = out / entry.file.replace(".ipynb", ".slides.html")
        deck.write_text(html)
        decks.append(deck)
    rows = "\n".join(f'<li><a href="{d.name}">{e.label}</a></li>' for d, e in zip(decks, course.entries, strict=True))
    (out / "index.html").write_text(
        "<!doctype html><meta charset='utf-8'><title>Lecture decks</title>"
        f"<h1>From RNNs to LSTMs: lecture decks</h1><ul>{rows}</ul>\n"
    )
    return decks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "slides")
    args = parser.parse_args()
    for deck in build(args.out.resolve()):
        print(f"{deck.relative_to(ROOT) if deck.is_relative_to(ROOT) else deck}: {deck.stat().st_size // 1000} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
