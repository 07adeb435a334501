"""Open every page of the book in headless Chromium and check what a reader meets.

    python tools/check_site.py              # the book in build/site/
    python tools/check_site.py --site DIR --no-screenshots

For each page, at 390 px (a phone) and at 1280 px wide:
  * nothing but local files is requested (each other request is refused and counted);
  * no console error and no failed local file;
  * the page itself does not scroll sideways (code and tables scroll in their own box);
  * every <img> has alt text (not empty, not a file name);
  * headings go down one level at a time, from one h1;
  * every link has words that say where it goes ("#" heading anchors aside);
  * prose lines hold at most 82 characters, counted where the browser breaks the line
    (the book's CSS aims at 75); at 1280 px a 90-character code line fits the column;
  * a display equation wider than its column scrolls in its own box, never cut off;
  * at 390 px the visible sidebar buttons open the contents and the on-page contents.
Then every internal link and #anchor must resolve to a file and an id in it, the search
page must find "LSTM", and the maths must have been typeset.

Screenshots: `<site>/screenshots/<page>-<width>-<light|dark>.png`, the whole page in
light mode, the first screen in dark mode (`--full-dark`: the whole page).
Exits 1 on any problem. Needs Playwright for Python and Debian's `chromium`
(`make site` installs Chromium as `make slides` does).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from browser import chromium_path, launch, refuse_network, report  # noqa: E402

WIDTHS = (390, 1280)
HEIGHT = 844
MAX_PROSE_CHARS = 82  # letters on a line; the CSS aims at about 70 (80 in italics)
GENERIC_LINK_TEXT = {"here", "click here", "link", "this", "more", "read more", "this link"}

# Run inside each page: everything the checks need, measured the way a reader sees it.
MEASURE = """() => {
  const article = document.querySelector("article.bd-article") || document.body;
  // Characters on a paragraph's first line, counted where the browser broke it (0 when the
  // paragraph is one line, which says nothing about the column's width).
  const range = document.createRange();
  const firstLine = p => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let top = null, count = 0, node;
    while ((node = walker.nextNode())) {
      if (node.parentElement.closest("mjx-container")) continue;
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (!box) continue;
        if (top === null) top = box.top;
        else if (box.top > top + box.height / 2) return count;
        count++;
      }
    }
    return 0;
  };
  let widest = {chars: 0, text: ""};
  for (const p of article.querySelectorAll("p, li")) {
    if (p.closest("pre, table, .cell_output, .output") || p.textContent.trim().length < 100) continue;
    const chars = firstLine(p);
    if (chars > widest.chars) widest = {chars: chars, text: p.textContent.trim().slice(0, 50)};
  }
  // A display equation must fit its column or scroll in its own box (never be cut off).
  const wideMaths = [...article.querySelectorAll('mjx-container[display="true"]')].filter(m => {
    const drawn = (m.querySelector("svg") || m).getBoundingClientRect().width;
    const column = m.parentElement.clientWidth;
    const scrolls = ["auto", "scroll"].includes(getComputedStyle(m).overflowX);
    return drawn > column + 1 && !(scrolls && m.getBoundingClientRect().width <= column + 1);
  }).map(m => `${Math.round((m.querySelector("svg") || m).getBoundingClientRect().width)} px`);
  // An element sticking out of the window widens the page unless a box around it scrolls or clips.
  const clipped = e => {
    for (let a = e.parentElement; a; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowX !== "visible" || style.position === "fixed") return true;
    }
    return false;
  };
  const name = a => (a.getAttribute("aria-label") || a.textContent ||
                     [...a.querySelectorAll("img")].map(i => i.alt).join(" ") ||
                     a.getAttribute("title") || "").replace(/\\s+/g, " ").trim();
  return {
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    overflowing: [...document.querySelectorAll("body *")]
                   .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(e))
                   .map(e => e.tagName.toLowerCase() + (typeof e.className === "string" && e.className
                             ? "." + e.className.trim().split(/\\s+/).join(".") : ""))
                   .slice(0, 2).join(", "),
    images: [...document.images].map(i => ({alt: i.getAttribute("alt"),
                                             src: (i.getAttribute("src") || "").slice(0, 60)})),
    headings: [...article.querySelectorAll("h1, h2, h3, h4, h5, h6")]
                 .map(h => [Number(h.tagName[1]), h.textContent.replace("#", "").trim().slice(0, 60)]),
    links: [...document.querySelectorAll("a[href]")]
             .filter(a => !a.classList.contains("headerlink"))
             .map(a => ({href: a.href, raw: a.getAttribute("href"), name: name(a)})),
    ids: [...document.querySelectorAll("[id], a[name]")].map(e => e.id || e.getAttribute("name")),
    widest: widest,
    wide_maths: wideMaths,
    // code lines wider than the column (a 90-character line must fit at 1280 px)
    wide_code: [...article.querySelectorAll("div.cell_input pre")]
                 .map(p => p.scrollWidth - p.clientWidth).filter(d => d > 1),
    maths: document.querySelectorAll("span.math, div.math").length,
    typeset: document.querySelectorAll("mjx-container").length,
    math_errors: document.querySelectorAll("mjx-merror, [data-mjx-error]").length,
  };
}"""


def heading_problems(headings: list[list]) -> list[str]:
    """Headings must start at one h1 and never skip a level going down."""
    problems = []
    if not headings or headings[0][0] != 1:
        problems.append("the page does not open with an h1")
    if sum(level == 1 for level, _ in headings) > 1:
        problems.append("more than one h1")
    for (before, _), (level, text) in zip(headings, headings[1:], strict=False):
        if level > before + 1:
            problems.append(f"heading h{before} -> h{level}: {text!r}")
    return problems


def image_problems(images: list[dict]) -> list[str]:
    problems = []
    for image in images:
        alt = (image["alt"] or "").strip()
        if not alt or alt.endswith((".png", ".svg", ".jpg", ".jpeg", ".gif")) or alt.startswith("_images/"):
            problems.append(f"image without alt text: {image['src']}")
    return problems


def link_text_problems(links: list[dict]) -> list[str]:
    problems = []
    for link in links:
        if not link["name"]:
            problems.append(f"link with no text: {link['raw'][:60]}")
        elif link["name"].lower() in GENERIC_LINK_TEXT:
            problems.append(f"link text {link['name']!r} does not say where it goes ({link['raw'][:60]})")
    return problems


def wait_for_maths(page) -> None:
    """Wait until MathJax (if the page loads it) has typeset everything."""
    page.wait_for_function("document.readyState === 'complete'")
    if page.evaluate("document.querySelectorAll('span.math, div.math').length"):
        page.wait_for_function("window.MathJax && MathJax.startup && MathJax.startup.promise",
                               timeout=60_000)
        page.evaluate("MathJax.startup.promise")


def sidebar_problems(page) -> list[str]:
    """On a narrow screen the visible sidebar buttons open the contents and the on-page
    contents, and Escape closes them (the theme's scripts listen to the first such button
    in the page, which the book's CSS hides; book/_static/course.js passes clicks on)."""
    problems = []
    for kind, dialog in (("primary", "#pst-primary-sidebar-modal"), ("secondary", "#pst-secondary-sidebar-modal")):
        button = page.locator(f".{kind}-toggle:visible")
        if not button.count():
            if kind == "primary":
                problems.append("no visible button opens the contents sidebar")
            continue
        button.first.click()
        try:
            page.locator(f"{dialog}[open] a").first.wait_for(state="visible", timeout=3_000)
        except Exception:  # Playwright's TimeoutError
            problems.append(f"the {kind} sidebar button does not open its sidebar")
            continue
        page.keyboard.press("Escape")
        try:
            page.locator(f"{dialog}[open]").wait_for(state="detached", timeout=3_000)
        except Exception:
            problems.append(f"Escape does not close the {kind} sidebar")
    page.evaluate("document.activeElement && document.activeElement.blur()")  # no focus ring in shots
    return problems


def check_page(browser, page_path: Path, shots: Path | None, full_dark: bool = False) -> tuple[list[str], dict]:
    """Load one page once and check it at every width, light then dark; screenshot each view.

    Light: the whole page; dark: the first screen (the same layout, other colours), or the
    whole page too with ``full_dark``.
    Returns the problems (each with its width and colour scheme) and what MEASURE found.
    """
    problems: list[str] = []
    page = browser.new_page(viewport={"width": WIDTHS[-1], "height": HEIGHT}, color_scheme="light")
    refuse_network(page, problems)
    page.on("console", lambda m: m.type == "error" and problems.append(f"console error: {m.text[:100]}"))
    page.on("pageerror", lambda e: problems.append(f"script error: {str(e)[:100]}"))
    page.goto(page_path.as_uri(), wait_until="load")
    wait_for_maths(page)
    found: dict = {}
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        for width in sorted(WIDTHS, reverse=True):
            page.set_viewport_size({"width": width, "height": HEIGHT})
            page.wait_for_timeout(150)  # let the theme settle its layout
            result = page.evaluate(MEASURE)
            view = []
            if result["overflow"] > 1:
                view.append(f"the page scrolls sideways by {result['overflow']} px "
                            f"(widest: {result['overflowing']})")
            if scheme == "light":
                view += heading_problems(result["headings"]) + link_text_problems(result["links"])
                view += image_problems(result["images"])
                if width >= 1280 and result["widest"]["chars"] > MAX_PROSE_CHARS:
                    view.append(f"prose {result['widest']['chars']:.0f} characters a line: "
                                f"{result['widest']['text']!r}")
                if width >= 1280 and result["wide_code"]:
                    view.append(f"{len(result['wide_code'])} code cells wider than the column "
                                f"(by up to {max(result['wide_code'])} px)")
                view += [f"display equation {w} wide, cut off at the column's edge"
                         for w in result["wide_maths"]]
                if result["maths"] and (result["typeset"] == 0 or result["math_errors"]):
                    view.append(f"maths not typeset ({result['maths']} formulas, "
                                f"{result['math_errors']} errors)")
                found = found or result
            problems += [f"at {width} px, {scheme}: {problem}" for problem in view]
            if shots is not None:
                page.screenshot(path=str(shots / f"{page_path.stem}-{width}-{scheme}.png"),
                                full_page=scheme == "light" or full_dark)
            if scheme == "light" and width < 992:
                problems += [f"at {width} px: {problem}" for problem in sidebar_problems(page)]
    page.close()
    return list(dict.fromkeys(problems)), found


def resolve_links(site: Path, found: dict[Path, dict]) -> list[str]:
    """Every link to a local file must reach a file, and every #anchor an id in it."""
    problems = []
    ids = {path: set(result["ids"]) for path, result in found.items()}
    for path, result in found.items():
        for link in result["links"]:
            url = urlsplit(link["href"])
            if url.scheme != "file":
                continue
            target = Path(unquote(url.path))
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                problems.append(f"{path.name}: link to a missing file {link['raw'][:70]}")
            elif url.fragment and target.suffix == ".html":
                if target not in ids:
                    problems.append(f"{path.name}: link to a page outside the book {link['raw'][:70]}")
                elif unquote(url.fragment) not in ids[target]:
                    problems.append(f"{path.name}: link to a missing anchor {link['raw'][:70]}")
    return problems


def check_search(browser, site: Path) -> list[str]:
    """The search page, offline, finds the course's main word."""
    if not (site / "search.html").is_file():
        return ["the book has no search page (search.html)"]
    problems: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": HEIGHT})
    refuse_network(page, problems)
    page.goto((site / "search.html").as_uri() + "?q=LSTM")
    try:
        page.wait_for_selector("#search-results li", timeout=30_000)
    except Exception:  # Playwright's TimeoutError
        problems.append("search for 'LSTM' found nothing")
    page.close()
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "build" / "site")
    parser.add_argument("--no-screenshots", action="store_true")
    parser.add_argument("--pages", nargs="*", help="check only these pages (file names)")
    parser.add_argument("--full-dark", action="store_true", help="dark screenshots of the whole page too "
                        "(for a reader's review)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    chromium = chromium_path()
    if chromium is None:
        print("Chromium is missing: `make site` installs Debian's chromium package.")
        return 1
    site = args.site.resolve()
    pages = sorted(site.glob("*.html"))
    if args.pages:
        pages = [p for p in pages if p.name in args.pages]
    if not pages:
        print(f"No pages in {site}: run `make site`.")
        return 1
    shots = site / "screenshots"
    shots.mkdir(exist_ok=True)
    start = time.monotonic()
    failures = refused = 0
    found: dict[Path, dict] = {}
    with sync_playwright() as playwright:
        browser = launch(playwright, chromium)
        for path in pages:
            problems, found[path] = check_page(browser, path, None if args.no_screenshots else shots, args.full_dark)
            failures += len(problems)
            refused += sum(problem.startswith("tried to load") for problem in problems)
            for problem in problems:
                print(f"{path.name} {problem}")
        search = check_search(browser, site)
        browser.close()
    links = resolve_links(site, found) if not args.pages else []
    for problem in search + links:
        print(problem)
    failures += len(search) + len(links)
    n_links = sum(len(r["links"]) for r in found.values())
    n_images = sum(len(r["images"]) for r in found.values())
    return report(f"{len(pages)} pages at {' and '.join(map(str, WIDTHS))} px, light and dark, in "
                  f"{time.monotonic() - start:.0f} s: {n_images} images, {n_links} links checked, "
                  f"{refused} requests to the network refused", failures)


if __name__ == "__main__":
    sys.exit(main())
