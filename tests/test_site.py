"""The offline book (`make site`): its layout, its links, and the checks its browser test makes.

The fast tests lay the pages out (tools/build_site.py's stage, no Sphinx) and test the pure
parts of tools/check_site.py. The slow test builds the whole book with Sphinx and reads
every page's HTML: nothing loaded from the web, every local link and anchor resolves.
`make site` runs the full check in headless Chromium (screenshots, overflow at 390 and
1280 px, console errors, search).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import build_site
import nbformat
import pytest
from check_site import heading_problems, image_problems, link_text_problems
from stamp_notebooks import load_course

COURSE = load_course()


@pytest.fixture(scope="module")
def staged(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("site-src")
    build_site.stage(src)
    return src


def test_every_notebook_is_a_page_in_the_order_of_pyproject(staged):
    index = (staged / "index.md").read_text()
    toctree = index.split(":caption: Notebooks", 1)[1].split("```", 1)[0].split()
    assert toctree == [entry.file.removesuffix(".ipynb") for entry in COURSE.entries]
    for page in ("figures", "lecture-plan", "summary-sheet"):
        assert (staged / f"{page}.md").is_file() and page in index


def test_each_notebook_page_links_to_colab_and_its_download_in_words(staged):
    for entry in COURSE.entries:
        nb = nbformat.read(staged / entry.file, as_version=4)
        header = nb.cells[0].source
        assert f'<a href="{COURSE.colab_url(entry)}">Open this notebook in Colab</a>' in header
        assert f'<a href="notebooks/{entry.file}" download>Download this notebook (.ipynb)</a>' in header
        assert "[Contents]" not in header and "[Contents]" not in nb.cells[-1].source


def test_no_staged_page_shows_an_image_from_the_web(staged):
    for page in staged.glob("*.*"):
        if page.suffix not in {".md", ".ipynb"}:
            continue
        text = page.read_text()
        assert not re.search(r'<img [^>]*src="https?:|!\[[^\]]*\]\(https?:', text), page.name


def test_links_are_rewritten_to_the_book_or_the_repository():
    staged = {"figures/19_summary_sheet.pdf"}
    text = ("[a](notebooks/03_lstm_architecture.ipynb#x) [b](lecture/README.md) "
            "[c](figures/19_summary_sheet.pdf) [d](helpers/figures.py) [e](https://example.org)")
    assert build_site.rewrite_links(text, "", COURSE, staged) == (
        "[a](03_lstm_architecture.ipynb#x) [b](lecture-plan.md) [c](figures/19_summary_sheet.pdf) "
        f"[d]({COURSE.repository_url}/blob/{COURSE.branch}/helpers/figures.py) [e](https://example.org)")
    assert build_site.rewrite_links("[x](../README.md#the-notebooks)", "notebooks", COURSE, staged) == (
        "[x](index.md#the-notebooks)")
    with pytest.raises(ValueError, match="no_such_file"):
        build_site.rewrite_links("[x](no_such_file.md)", "", COURSE, staged)


def test_heading_check_catches_a_skipped_level():
    assert heading_problems([[1, "T"], [2, "A"], [3, "a"], [2, "B"]]) == []
    assert heading_problems([[1, "T"], [3, "Keras in brief"]]) == ["heading h1 -> h3: 'Keras in brief'"]
    assert "the page does not open with an h1" in heading_problems([[2, "A"]])
    assert "more than one h1" in heading_problems([[1, "A"], [1, "B"]])


def test_image_check_catches_missing_empty_and_file_name_alt_text():
    assert image_problems([{"alt": "A line rising.", "src": "a.png"}]) == []
    for alt in (None, "", "  ", "_images/3fa9.png", "plot.png"):
        assert image_problems([{"alt": alt, "src": "a.png"}]), alt


def test_link_text_check_catches_empty_and_generic_text():
    assert link_text_problems([{"name": "Open this notebook in Colab", "raw": "x"}]) == []
    assert link_text_problems([{"name": "", "raw": "x"}]) == ["link with no text: x"]
    assert link_text_problems([{"name": "here", "raw": "x"}])


class _Page(HTMLParser):
    """The ids, links and loaded resources of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.loads: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in {"script", "img", "iframe"} and attrs.get("src"):
            self.loads.append(attrs["src"])
        if tag == "link" and attrs.get("href") and attrs.get("rel") in {"stylesheet", "preload", "icon"}:
            self.loads.append(attrs["href"])


@pytest.mark.slow
def test_the_built_book_loads_nothing_from_the_web_and_its_links_resolve(tmp_path):
    out = tmp_path / "site"
    build_site.build(out, tmp_path / "site-src", jobs="1")
    pages = {}
    for path in sorted(out.glob("*.html")):
        parser = _Page()
        parser.feed(path.read_text())
        pages[path] = parser
    assert len(pages) >= len(COURSE.entries) + 4  # index, summary sheet, figures, lecture plan
    problems = []
    for path, page in pages.items():
        problems += [f"{path.name} loads {url}" for url in page.loads if re.match(r"^(https?:)?//", url)]
        for href in page.links:
            url = urlsplit(href)
            if url.scheme or href.startswith("//"):
                continue
            target = (path.parent / unquote(url.path)).resolve() if url.path else path
            if not target.is_file():
                problems.append(f"{path.name}: {href} is missing")
            elif url.fragment and target.suffix == ".html" and unquote(url.fragment) not in pages[target].ids:
                problems.append(f"{path.name}: no anchor for {href}")
    assert problems == []
    assert (out / "_static" / "mathjax" / "tex-svg.js").is_file()
    assert sorted(p.name for p in (out / "notebooks").glob("*.ipynb")) == [e.file for e in COURSE.entries]


def test_the_hidden_top_bars_sidebar_buttons_have_a_stand_in():
    """course.css hides the theme's top bar, and the theme's scripts listen only to the sidebar
    buttons in it (the first in the page); book/_static/course.js, loaded by book/conf.py, passes
    the visible buttons' clicks on. tools/check_site.py clicks them at 390 px in Chromium."""
    import runpy

    book = Path(build_site.__file__).resolve().parent.parent / "book"
    css = re.sub(r"/\*.*?\*/", "", (book / "_static" / "course.css").read_text(), flags=re.S)
    if not re.search(r"\.bd-header\s*\{\s*display:\s*none", css):
        return  # the theme's own buttons are visible
    assert "course.js" in runpy.run_path(str(book / "conf.py")).get("html_js_files", [])
    script = (book / "_static" / "course.js").read_text()
    assert '".primary-toggle"' in script and '".secondary-toggle"' in script
