"""Open every deck in headless Chromium at 1280x720, screenshot every slide, check it for a hall.

    python tools/check_slides.py             # the decks in build/slides/
    python tools/check_slides.py --decks DIR

A deck shrinks a slide whose content is taller than the slide allows (tools/slides_template).
A slide fails the check when:

* it is shrunk below MIN_ZOOM (90 %), or its content still runs off the slide;
* it shows more than MAX_CODE_LINES lines of code;
* its code holds an ``assert``, an unfilled exercise (``return ...``) or only imports,
  or it shows a claim table (``claim | value | holds``);
* its content runs under the navigation arrows or the slide number;
* its body text is smaller than MIN_BODY_PX or its code smaller than MIN_CODE_PX (after zoom).

The page may load nothing from the network: any request that is not a local file counts as a
failure too (the decks must work offline). Screenshots go to `<decks>/screenshots/<deck>/NNN.png`
and a line per slide to `<decks>/screenshots/report.json`. Exits 1 when a slide fails or a deck
fails to load. Needs Playwright for Python and Debian's `chromium` (`make slides` installs both).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from browser import chromium_path, launch, refuse_network, report  # noqa: E402
from slide_layout import MAX_CODE_LINES  # noqa: E402

SLIDE_SIZE = {"width": 1280, "height": 720}
MIN_ZOOM = 0.9
MIN_BODY_PX, MIN_CODE_PX = 24, 18  # what a hall can read, after any zoom (28 and 22 unzoomed)

# Measures the current slide: what a viewer sees, against the slide's box and the navigation.
MEASURE = """() => {
  const s = Reveal.getCurrentSlide(), box = document.querySelector(".reveal .slides")
      .getBoundingClientRect(), z = parseFloat(s.style.zoom || "1");
  const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const keepOut = [...document.querySelectorAll(".reveal .controls button, .reveal .slide-number")]
      .filter(e => visible(e) && getComputedStyle(e).opacity !== "0")
      .map(e => e.getBoundingClientRect());
  let bottom = box.top, right = box.left, under = [];
  for (const e of s.querySelectorAll("*")) {
    if (e.closest("aside.notes")) continue;
    const r = e.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    bottom = Math.max(bottom, r.bottom); right = Math.max(right, r.right);
    if (e.children.length === 0 && (e.textContent.trim() || e.tagName === "IMG")) {
      // the text itself (a block's box runs the full width even where its lines are short)
      let boxes = [r];
      if (e.tagName !== "IMG") { const range = document.createRange(); range.selectNodeContents(e);
                                 boxes = [...range.getClientRects()]; }
      const hit = boxes.some(t => keepOut.some(k =>
          t.left < k.right && t.right > k.left && t.top < k.bottom && t.bottom > k.top));
      if (hit) under.push((e.textContent.trim() || e.tagName).slice(0, 40));
    }
  }
  const inputs = [...s.querySelectorAll(".jp-InputArea pre, .jp-RenderedMarkdown pre")]
      .filter(visible).map(e => e.innerText.replace(/\\n+$/, ""));
  const outputs = [...s.querySelectorAll(".jp-OutputArea pre")].filter(visible).map(e => e.innerText);
  const size = sel => Math.min(99, ...[...s.querySelectorAll(sel)].filter(e => visible(e)
      && e.textContent.trim()).map(e => parseFloat(getComputedStyle(e).fontSize) * z));
  const words = [...s.querySelectorAll(".jp-RenderedMarkdown")].filter(visible)
      .map(e => e.innerText.split(/\\s+/).filter(Boolean).length).reduce((a, b) => a + b, 0);
  return {over_y: bottom - box.bottom, over_x: right - box.right, z: z, under: under,
          inputs: inputs, outputs: outputs, words: words,
          title: (s.querySelector("h1, h2, h3") || {innerText: ""}).innerText.slice(0, 70),
          body_px: size(".jp-RenderedMarkdown p, .jp-RenderedMarkdown li"),
          code_px: size(".jp-InputArea pre"),
          notes: [...s.querySelectorAll("aside.notes")].length};
}"""


def slide_problems(size: dict) -> list[str]:
    """What keeps one measured slide out of a lecture hall (empty when nothing does)."""
    problems = []
    if size["z"] < MIN_ZOOM:
        problems.append(f"shrunk to {size['z']:.0%} (at least {MIN_ZOOM:.0%})")
    if size["over_y"] > 1 or size["over_x"] > 1:
        problems.append(f"overflows by {max(size['over_y'], 0):.0f} px down, {max(size['over_x'], 0):.0f} px right")
    lines = sum(len(code.splitlines()) for code in size["inputs"])
    if lines > MAX_CODE_LINES:
        problems.append(f"{lines} code lines (at most {MAX_CODE_LINES})")
    for code in size["inputs"]:
        if re.search(r"^\s*assert\b", code, re.MULTILINE):
            problems.append("shows an assert")
        if re.search(r"^(?:[^#'\"]*(?:=|return|:)\s*|\s*)\.\.\.\s*(?:#.*)?$", code, re.MULTILINE):
            problems.append("shows an exercise to fill in")
        statements = [line for line in code.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        if statements and all(re.match(r"(import|from)\s", line) for line in statements):
            problems.append("shows only imports")
    if any(re.search(r"claim\s*\|\s*value\s*\|\s*holds", text, re.IGNORECASE) for text in size["outputs"]):
        problems.append("shows a claim table")
    if size["under"]:
        problems.append(f"runs under the navigation: {size['under'][0]!r}")
    if size["body_px"] < MIN_BODY_PX:
        problems.append(f"body text {size['body_px']:.0f} px (at least {MIN_BODY_PX})")
    if size["code_px"] < MIN_CODE_PX:
        problems.append(f"code {size['code_px']:.0f} px (at least {MIN_CODE_PX})")
    return problems


def check_deck(browser, deck: Path, shots: Path) -> tuple[list[dict], list[str]]:
    """Measure every slide of ``deck``, save its screenshot; return the measures and the problems."""
    problems: list[str] = []
    measures: list[dict] = []
    page = browser.new_page(viewport=SLIDE_SIZE)
    refuse_network(page, problems)
    page.goto(deck.as_uri())
    page.wait_for_function("window.Reveal && Reveal.isReady()", timeout=60_000)
    page.wait_for_function("!window.MathJax || !MathJax.Hub || MathJax.Hub.queue.pending === 0",
                           timeout=60_000)
    indices = page.evaluate("Reveal.getSlides().map(s => Reveal.getIndices(s))")
    shutil.rmtree(shots, ignore_errors=True)  # no stale screenshots from an earlier, longer deck
    shots.mkdir(parents=True)
    for number, index in enumerate(indices, start=1):
        page.evaluate(f"Reveal.slide({index['h']}, {index.get('v') or 0})")
        page.wait_for_timeout(400)  # the deck fits a tall slide again 250 ms after showing it
        size = page.evaluate(MEASURE)
        page.screenshot(path=str(shots / f"{number:03d}.png"))
        found = slide_problems(size)
        problems += [f"slide {number} ({size['title'][:40]!r}): {p}" for p in found]
        measures.append({"deck": deck.stem.removesuffix(".slides"), "slide": number, "title": size["title"],
                         "zoom": round(size["z"], 3), "code_lines": sum(len(c.splitlines()) for c in size["inputs"]),
                         "words": size["words"], "notes": size["notes"], "problems": found})
    page.close()
    return measures, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--decks", type=Path, default=ROOT / "build" / "slides")
    parser.add_argument("only", nargs="*", help="check only the decks whose names start so (e.g. 03)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    chromium = chromium_path()
    if chromium is None:
        print("Chromium is missing: `make slides` installs Debian's chromium package.")
        return 1
    decks = [d for d in sorted(args.decks.glob("*.slides.html"))
             if not args.only or any(d.name.startswith(prefix) for prefix in args.only)]
    if not decks:
        print(f"No decks in {args.decks}: run `make slides`.")
        return 1
    failures, everything = 0, []
    with sync_playwright() as playwright:
        browser = launch(playwright, chromium)
        for deck in decks:
            measures, problems = check_deck(browser, deck, args.decks / "screenshots" / deck.stem)
            everything += measures
            failures += len(problems)
            zooms = [m["zoom"] for m in measures]
            print(f"{deck.name}: {len(measures)} slides, {sum(z < 1 for z in zooms)} shrunk to fit, "
                  f"smallest zoom {min(zooms):.2f}, {sum(m['notes'] > 0 for m in measures)} with notes, "
                  f"{len(problems)} problems")
            for problem in problems:
                print(f"  {problem}")
        browser.close()
    if not args.only:
        (args.decks / "screenshots" / "report.json").write_text(json.dumps(everything, indent=0) + "\n")
    zooms = [m["zoom"] for m in everything]
    return report(f"{len(decks)} decks, {len(everything)} slides, {sum(z < 1 for z in zooms)} shrunk to fit "
                  f"(smallest {min(zooms):.2f}), most code lines on a slide "
                  f"{max(m['code_lines'] for m in everything)}", failures)


if __name__ == "__main__":
    sys.exit(main())
