"""Sphinx settings for the offline book (`make site`, tools/build_site.py).

tools/build_site.py lays the pages out in build/site-src/ and runs Sphinx with
this folder as its configuration directory. Nothing here reaches the network:
the notebooks are not executed, MathJax is a local copy, and the theme's fonts
ship with it.
"""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COURSE = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["course"]

project = "From RNNs to LSTMs"
author = "the course's authors"
copyright = "the course's authors"
language = "en"

extensions = ["myst_nb"]
# The book shows the stored outputs; `make notebooks` is what runs them.
nb_execution_mode = "off"
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3  # "#the-notebooks" style links from the README
exclude_patterns = ["notebooks/**"]

# A plot's alt text comes from its cell's metadata, MyST-NB's own key:
# {"mystnb": {"image": {"alt": "..."}}} (tools/add_alt_text.py writes it).
nb_render_image_options = {}

html_theme = "sphinx_book_theme"
html_title = project
html_theme_options = {
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "use_download_button": False,   # each notebook page links its .ipynb in words instead
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "use_source_button": False,
    "use_issues_button": False,
    "launch_buttons": {},           # the Colab link is in each page's header, in words
    "navigation_with_keys": False,
    "search_bar_text": "Search the course …",
    "footer_content_items": [],     # no "By the course's authors" line under every page
}
# Light or dark as the reader's system says (the theme's switch overrides it).
html_context = {"default_mode": "auto"}
html_static_path = ["_static"]
html_css_files = ["course.css"]
html_js_files = ["course.js"]  # the sidebar buttons on a phone; figures open full size
html_copy_source = False
html_show_sourcelink = False
html_show_copyright = False
html_last_updated_fmt = None
# The search page would fetch each hit's page for a summary, which a browser refuses
# for a book opened from disk (file://); titles alone work everywhere.
html_show_search_summary = False

# MathJax 3 from the django-static-mathjax wheel (MathJax's own files; Django is not
# needed), copied into _static/mathjax by tools/build_site.py. SVG output draws every
# glyph itself: no web font to load, and it takes the text colour, so maths reads in
# dark mode too.
mathjax_path = "mathjax/tex-svg.js"
mathjax3_config = {"svg": {"fontCache": "global"}}

# A notebook may jump from # to ### (Jupyter does not mind); docutils nests the sections, so
# the book's HTML headings are in order anyway, and tools/check_site.py checks that they are.
suppress_warnings = ["myst.header"]
