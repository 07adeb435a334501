"""Open every deck in headless Chromium at 1280x720, screenshot every slide, report overflow.

    python tools/check_slides.py             # the decks in build/slides/
    python tools/check_slides.py --decks DIR

A deck shrinks a slide whose content is taller than the 1280x720 slide (never
below half size, see tools/slides_template); a slide overflows when even that
does not make it fit.
The page may load nothing from the network: any request that is not a local
file counts as a failure too (the decks must work offline). Screenshots go to
`<decks>/screenshots/<deck>/NNN.png`. Exits 1 when a slide overflows or a deck
fails to load. Needs Playwright for Python and Debian's `chromium`
(`make slides` installs both).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from browser import chromium_path, launch, refuse_network  # noqa: E402

SLIDE_SIZE = {"width": 1280, "height": 720}


def check_deck(browser, deck: Path, shots: Path) -> tuple[int, list[float], list[str]]:
    """Return the number of slides in ``deck``, the zoom of each slide shrunk to fit, and problems."""
    problems: list[str] = []
    shrunk: list[float] = []
    page = browser.new_page(viewport=SLIDE_SIZE)
    refuse_network(page, problems)
    page.goto(deck.as_uri())
    page.wait_for_function("window.Reveal && Reveal.isReady()", timeout=60_000)
    page.wait_for_function("!window.MathJax || !MathJax.Hub || MathJax.Hub.queue.pending === 0",
                           timeout=60_000)
    indices = page.evaluate("Reveal.getSlides().map(s => Reveal.getIndices(s))")
    shots.mkdir(parents=True, exist_ok=True)
    for number, index in enumerate(indices, start=1):
        page.evaluate(f"Reveal.slide({index['h']}, {index.get('v') or 0})")
        page.wait_for_timeout(400)  # the deck fits a tall slide again 250 ms after showing it
        size = page.evaluate(
            """() => {
                 // What a viewer sees: every element of the slide against the slide's box.
                 const s = Reveal.getCurrentSlide(), box = document.querySelector(".reveal .slides")
                     .getBoundingClientRect();
                 let bottom = box.top, right = box.left;
                 for (const e of s.querySelectorAll("*")) {
                   const r = e.getBoundingClientRect();
                   if (r.width && r.height) { bottom = Math.max(bottom, r.bottom);
                                              right = Math.max(right, r.right); }
                 }
                 return {over_y: bottom - box.bottom, over_x: right - box.right,
                         z: parseFloat(s.style.zoom || "1")};
               }"""
        )
        page.screenshot(path=str(shots / f"{number:03d}.png"))
        if size["z"] < 1:
            shrunk.append(size["z"])
        if size["over_y"] > 1 or size["over_x"] > 1:
            problems.append(f"slide {number} overflows by {max(size['over_y'], 0):.0f} px down, "
                            f"{max(size['over_x'], 0):.0f} px right")
    page.close()
    return len(indices), shrunk, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--decks", type=Path, default=ROOT / "build" / "slides")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    chromium = chromium_path()
    if chromium is None:
        print("Chromium is missing: `make slides` installs Debian's chromium package.")
        return 1
    decks = sorted(args.decks.glob("*.slides.html"))
    if not decks:
        print(f"No decks in {args.decks}: run `make slides`.")
        return 1
    total, failures, all_shrunk = 0, 0, []
    with sync_playwright() as playwright:
        browser = launch(playwright, chromium)
        for deck in decks:
            count, shrunk, problems = check_deck(browser, deck, args.decks / "screenshots" / deck.stem)
            total += count
            failures += len(problems)
            all_shrunk += shrunk
            smallest = f", smallest zoom {min(shrunk):.2f}" if shrunk else ""
            print(f"{deck.name}: {count} slides, {len(shrunk)} shrunk to fit{smallest}, "
                  f"{len(problems)} problems")
            for problem in problems:
                print(f"  {problem}")
        browser.close()
    print(f"{len(decks)} decks, {total} slides, {len(all_shrunk)} shrunk to fit "
          f"({sum(z < 0.8 for z in all_shrunk)} below 80%), {failures} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
