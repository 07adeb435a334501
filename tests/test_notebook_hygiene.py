"""Every stored notebook is clean: fresh-run outputs, no noise, stamped, tidy metadata."""

from __future__ import annotations

import json
import re

import pytest
import stamp_notebooks
from conftest import ROOT

COURSE = stamp_notebooks.load_course()
NOTEBOOK_FILES = [entry.file for entry in COURSE.entries]

NOISE = [
    (re.compile(r"(?<![\w.])/(root|home|tmp|work|Users|content|private|var)/[^\s'\"]+"), "an absolute path"),
    (re.compile(r"[A-Za-z]:\\\\"), "a Windows path"),
    (re.compile(r" at 0x[0-9a-fA-F]{6,}"), "a memory address"),
    (re.compile(r"\d+(\.\d+)?\s?(ms|us|µs|s)/(step|epoch)"), "a Keras timing"),
    (re.compile(r"(Wall time|CPU times):"), "a %time timing"),
    (re.compile(r"(oneDNN custom operations|cpu_feature_guard|absl::InitializeLog|"
                r"Warning:|WARNING|UserWarning|DeprecationWarning|FutureWarning)"), "log or warning noise"),
]


def output_text(output: dict) -> str:
    text = output.get("text", "")
    parts = [text if isinstance(text, str) else "".join(text)]
    for mime, value in output.get("data", {}).items():
        if mime.startswith("text/") and mime != "text/html":
            parts.append(value if isinstance(value, str) else "".join(value))
        elif mime == "text/html":
            # Embedded images are base64; the rest of the HTML is checked.
            html = value if isinstance(value, str) else "".join(value)
            parts.append(re.sub(r"data:image/[a-z+]+;base64,[A-Za-z0-9+/=]+", "", html))
    return "".join(parts)


def load(name: str) -> dict:
    return json.loads((ROOT / "notebooks" / name).read_text())


def test_every_course_notebook_exists_and_nothing_else():
    on_disk = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert on_disk == NOTEBOOK_FILES, "notebooks/ and [tool.course] in pyproject.toml disagree"
    assert all(re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", name) for name in on_disk)


@pytest.fixture(params=NOTEBOOK_FILES)
def notebook(request):
    path = ROOT / "notebooks" / request.param
    if not path.exists():
        pytest.fail(f"{request.param} is listed in pyproject.toml but missing")
    return request.param, json.loads(path.read_text())


def test_outputs_hold_no_errors_or_noise(notebook):
    name, nb = notebook
    problems = []
    for i, cell in enumerate(nb["cells"]):
        for output in cell.get("outputs", []):
            if output["output_type"] == "error":
                problems.append(f"cell {i}: stored error {output.get('ename')}")
            if output.get("name") == "stderr":
                problems.append(f"cell {i}: stored stderr: {output_text(output)[:80]!r}")
            text = output_text(output)
            for pattern, what in NOISE:
                match = pattern.search(text)
                if match:
                    problems.append(f"cell {i}: {what}: {match.group(0)[:60]!r}")
    assert not problems, f"{name}:\n" + "\n".join(problems)


def test_is_a_fresh_top_to_bottom_run(notebook):
    name, nb = notebook
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    counts = [c["execution_count"] for c in code]
    assert counts == list(range(1, len(code) + 1)), f"{name}: run it with `make notebooks`"


def test_metadata_is_plain(notebook):
    name, nb = notebook
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert set(nb["metadata"]) <= {"kernelspec", "language_info"}, name
    for cell in nb["cells"]:
        assert set(cell.get("metadata", {})) <= stamp_notebooks.CELL_METADATA_KEPT, name


def test_opens_and_closes_the_course_way(notebook):
    name, nb = notebook
    cells = nb["cells"]
    assert [cells[0]["id"], cells[1]["id"], cells[-1]["id"]] == [
        stamp_notebooks.HEADER_ID, stamp_notebooks.SETUP_ID, stamp_notebooks.FOOTER_ID]
    header = "".join(cells[0]["source"])
    assert "colab-badge.svg" in header and ("\n" + header).count("\n# ") == 1


def test_stamps_are_up_to_date():
    stale = stamp_notebooks.run(check=True)
    assert not stale, f"out of date: {stale}; run `make stamp`"


def test_images_have_alt_text(notebook):
    name, nb = notebook
    for i, cell in enumerate(nb["cells"]):
        sources = ["".join(cell["source"])] if cell["cell_type"] == "markdown" else []
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html", "")
            sources.append(html if isinstance(html, str) else "".join(html))
        for source in sources:
            for tag in re.findall(r"<img\b[^>]*>", source):
                assert re.search(r'alt="[^"]+"', tag), f"{name} cell {i}: <img> without alt text"
            assert not re.search(r"!\[\]\(", source), f"{name} cell {i}: markdown image without alt"


def test_section_headings_start_their_cell(notebook):
    """A `##` or `###` heading starts a slide only when it opens its markdown cell."""
    name, nb = notebook
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "markdown":
            continue
        later = [line for line in "".join(cell["source"]).splitlines()[1:] if re.match(r"#{2,3}\s", line)]
        assert not later, f"{name} cell {i}: heading {later[0]!r} inside a cell; split the cell there"


MAIN_PATH_WORDS = 2500  # a newcomer's main path; reference material goes under "Going further"


def test_main_path_is_at_most_2500_words(notebook):
    """Words of markdown before the `Going further` heading, without $maths$ or HTML tags."""
    name, nb = notebook
    words = 0
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            if re.search(r"^#+ .*going further", source, re.IGNORECASE | re.MULTILINE):
                break
            words += len(re.sub(r"<[^>]+>|\$[^$]*\$", " ", source).split())
    else:
        pytest.fail(f"{name} has no 'Going further' part")
    assert words <= MAIN_PATH_WORDS, f"{name}: main path has {words} words (limit {MAIN_PATH_WORDS})"
