"""Headless Chromium for the checks of the offline decks and the book (check_slides, check_site).

Debian's `chromium`, driven by Playwright for Python (Playwright's own browser
download is not used). A checked page may load local files only: every other
request is refused and reported, because the decks and the book must work with
no network.
"""

from __future__ import annotations

import shutil

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
    "--disable-background-networking", "--disable-component-update",
]


def chromium_path() -> str | None:
    """Where Debian's Chromium is, or None when it is not installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def launch(playwright, chromium: str):
    """Start headless Chromium at ``chromium`` (a path) with the flags that keep it quiet."""
    return playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)


def report(counts: str, failures: int) -> int:
    """Print a check's closing line, ``counts`` and then its number of problems, and return its
    exit code: 1 when anything failed, else 0."""
    print(f"{counts}, {failures} problems")
    return 1 if failures else 0


def refuse_network(page, problems: list[str]) -> None:
    """Let ``page`` load only ``file:`` URLs: refuse any other request and append it to ``problems``;
    a local file that fails to load is appended too."""

    def refuse(route):
        problems.append(f"tried to load {route.request.url[:80]}")
        route.abort()

    page.route(lambda url: not url.startswith(("file:", "data:")), refuse)
    page.on("requestfailed", lambda r: r.url.startswith("file:") and problems.append(f"missing {r.url[-60:]}"))
