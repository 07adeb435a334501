"""Build the course as an offline HTML book: every notebook, in order, from its stored outputs.

    python tools/build_site.py            # -> build/site/ (open build/site/index.html)
    python tools/build_site.py --out DIR

The pages are laid out in build/site-src/ and rendered by Sphinx with MyST-NB and
sphinx-book-theme (settings in book/conf.py); nothing is executed. The book holds,
in this order: the course overview from README.md, the notebooks in the order of
[tool.course] in pyproject.toml, the summary sheet, the figure list
(figures/README.md) and the lecture plan (lecture/README.md).

Changes made on the way, in memory only (no notebook file is touched):
  * the header's Colab badge, an image on the web, becomes two links in words:
    "Open this notebook in Colab" and "Download this notebook (.ipynb)";
  * the navigation lines of header and footer go (the book has its own previous
    and next links);
  * a widget's live view, which needs a kernel, gives way to its text fallback;
  * relative links to files outside the book point at the repository on GitHub.

MathJax 3 comes from the django-static-mathjax wheel, copied into `_static/mathjax`.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path, PurePosixPath

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import stamp_notebooks  # noqa: E402

BOOK_CONFIG = ROOT / "book"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# Markdown pages of the repository that become pages of the book: repo path -> page name.
PAGES = {"README.md": "index", "figures/README.md": "figures", "lecture/README.md": "lecture-plan"}
SUMMARY_PAGE = "summary-sheet"
# The README's sections a reader of the book needs (the rest is for maintainers).
README_SECTIONS = ("On Google Colab", "The notebooks", "Sources and licence of the figures")
# The parts of MathJax 3 the book uses (book/conf.py): TeX in, SVG out, and the TeX
# extensions it loads when a formula needs one.
MATHJAX_PARTS = ["tex-svg.js", "input/tex/extensions"]
MD_LINK = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]+)\)")
BADGE_LINK = re.compile(r'<a href="(https://colab\.research\.google\.com/[^"]+)"[^>]*><img [^>]*/?></a>')
README_BADGE = re.compile(r"\[!\[Open In Colab\]\([^)]*\)\]\((https://colab[^)]+)\)")
NAVIGATION_LINE = re.compile(r"^.*\[Contents\]\(\.\./README\.md[^)]*\).*$\n?", re.MULTILINE)


def mathjax_source() -> Path:
    import mathjax  # the django-static-mathjax wheel

    return Path(mathjax.__file__).parent / "static" / "mathjax" / "es5"


def blob_url(course: stamp_notebooks.Course, path: str) -> str:
    return f"{course.repository_url}/blob/{course.branch}/{path}"


def rewrite_links(text: str, page_dir: str, course: stamp_notebooks.Course, staged: set[str]) -> str:
    """Point each relative link of a page that lived in ``page_dir`` at its place in the book.

    A notebook or markdown page of the book becomes a link to that page; a file the
    book copies (``staged``: figures) stays relative; anything else in the
    repository links to it on GitHub.
    """
    course_files = {f"notebooks/{entry.file}" for entry in course.entries}

    def replace(match: re.Match) -> str:
        bang, label, target = match.groups()
        if re.match(r"^[a-z]+:|^#|^/", target):
            return match.group(0)
        path, _, anchor = target.partition("#")
        repo_path = str(PurePosixPath(page_dir, path)) if page_dir else path
        parts: list[str] = []
        for part in repo_path.split("/"):  # normalise a/../b
            if part == "..":
                parts.pop()
            elif part != ".":
                parts.append(part)
        repo_path = "/".join(parts)
        fragment = f"#{anchor}" if anchor else ""
        if repo_path in course_files:
            new = repo_path.removeprefix("notebooks/") + fragment
        elif repo_path in PAGES:
            new = PAGES[repo_path] + ".md" + fragment
        elif repo_path in staged:
            new = repo_path
        elif (ROOT / repo_path).exists():
            new = blob_url(course, repo_path) + fragment
        else:
            raise ValueError(f"{page_dir or '.'}: a link points at {target!r}, which does not exist")
        return f"{bang}[{label}]({new})"

    return MD_LINK.sub(replace, text)


def readme_overview(course: stamp_notebooks.Course) -> str:
    """The README's title, introduction and the sections a reader needs, for the book's home page."""
    text = (ROOT / "README.md").read_text()
    # Eight links that all read "Open in Colab" would not say where each goes.
    text = README_BADGE.sub(lambda m: f"[Open {m.group(1).rsplit('/', 1)[1][:2]} in Colab]({m.group(1)})", text)
    chunks = re.split(r"^(?=## )", text, flags=re.MULTILINE)
    kept = [chunks[0]] + [c for c in chunks[1:] if c[3:].splitlines()[0].strip() in README_SECTIONS]
    # Say in the intro where the book's extra pages are.
    return "".join(kept).rstrip() + "\n"


def header_links(course: stamp_notebooks.Course, entry: stamp_notebooks.Entry) -> str:
    return (
        '<p class="course-run-links">'
        f'<a href="{course.colab_url(entry)}">Open this notebook in Colab</a>'
        f' · <a href="notebooks/{entry.file}" download>Download this notebook (.ipynb)</a></p>'
    )


def book_notebook(nb, course: stamp_notebooks.Course, entry: stamp_notebooks.Entry, staged: set[str]):
    """Return ``nb`` made ready for the book (see the module's docstring); ``nb`` is changed in place."""
    cells = []
    for cell in nb.cells:
        if cell.get("id") == stamp_notebooks.FOOTER_ID:
            continue
        if cell.cell_type == "markdown":
            source = cell.source
            if cell.get("id") == stamp_notebooks.HEADER_ID:
                source = BADGE_LINK.sub(lambda _: header_links(course, entry), source)
                source = NAVIGATION_LINE.sub("", source)
            cell.source = rewrite_links(source, "notebooks", course, staged)
        elif cell.cell_type == "code":
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if WIDGET_VIEW in data and len(data) > 1:
                    del data[WIDGET_VIEW]
        cells.append(cell)
    nb.cells = cells
    return nb


def summary_page() -> str:
    sys.path.insert(0, str(ROOT))
    from helpers.figures import FIGURES

    sheet = FIGURES[19]
    alt = sheet.alt.replace("[", "(").replace("]", ")")
    return "\n".join([
        "# The course on one page",
        "",
        sheet.caption,
        "",
        f"![{alt}](figures/19_summary_sheet.png)",
        "",
        "[Download the summary sheet to print (PDF)](figures/19_summary_sheet.pdf)",
        "",
    ])


def index_page(course: stamp_notebooks.Course, staged: set[str]) -> str:
    notebooks = "\n".join(entry.file.removesuffix(".ipynb") for entry in course.entries)
    return "\n".join([
        rewrite_links(readme_overview(course), "", course, staged),
        "```{toctree}", ":hidden:", ":caption: Notebooks", "", notebooks, "```", "",
        "```{toctree}", ":hidden:", ":caption: To read and to teach", "",
        SUMMARY_PAGE, "figures", "lecture-plan", "```", "",
    ])


def stage(src: Path) -> list[str]:
    """Lay out every page of the book in ``src``; return the notebooks' page names, in order."""
    course = stamp_notebooks.load_course()
    shutil.rmtree(src, ignore_errors=True)
    (src / "figures").mkdir(parents=True)
    staged = set()
    for figure in sorted((ROOT / "figures").glob("*.p[nd][gf]")):
        shutil.copy2(figure, src / "figures" / figure.name)
        staged.add(f"figures/{figure.name}")
    (src / "index.md").write_text(index_page(course, staged))
    for repo_path, page in PAGES.items():
        if page == "index":
            continue
        text = (ROOT / repo_path).read_text()
        text = re.sub(r"<!--.*?-->\n*", "", text, flags=re.DOTALL)
        (src / f"{page}.md").write_text(rewrite_links(text, str(PurePosixPath(repo_path).parent), course, staged))
    (src / f"{SUMMARY_PAGE}.md").write_text(summary_page())
    names = []
    for entry in course.entries:
        nb = nbformat.read(ROOT / "notebooks" / entry.file, as_version=4)
        nbformat.write(book_notebook(nb, course, entry, staged), src / entry.file)
        names.append(entry.file.removesuffix(".ipynb"))
    return names


def build(out: Path, src: Path, jobs: str = "auto") -> None:
    """Stage the pages, run Sphinx into ``out``, then add MathJax and the notebook downloads."""
    stage(src)
    doctrees = src.parent / (src.name + "-doctrees")
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "--keep-going", "-j", jobs,
               "-c", str(BOOK_CONFIG), "-d", str(doctrees), str(src), str(out)]
    subprocess.run(command, check=True)
    mathjax = mathjax_source()
    for part in MATHJAX_PARTS:
        source, target = mathjax / part, out / "_static" / "mathjax" / part
        target.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target)
    (out / "notebooks").mkdir(exist_ok=True)
    for entry in stamp_notebooks.load_course().entries:
        shutil.copy2(ROOT / "notebooks" / entry.file, out / "notebooks" / entry.file)
    (out / ".nojekyll").touch()  # GitHub Pages: serve _static/ as it is


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "site")
    parser.add_argument("--src", type=Path, default=ROOT / "build" / "site-src")
    parser.add_argument("--jobs", default="auto", help="Sphinx's -j (default: one per core)")
    args = parser.parse_args()
    start = time.monotonic()
    build(args.out.resolve(), args.src.resolve(), args.jobs)
    pages = len(list(args.out.glob("*.html"))) - 2  # less search.html and genindex.html
    print(f"{args.out}: {pages} pages in {time.monotonic() - start:.0f} s; open {args.out / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
