# Two commands for a newcomer: `make lab` and `make test`. Both set up first;
# the set-up is skipped when it is already done (file stamps in .venv/).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Keep pip's "new version available" chatter out of the way.
PIP    := $(BIN)/python -m pip --disable-pip-version-check
# Extra flags for JupyterLab, e.g. LAB_FLAGS="--no-browser --port=8899".
LAB_FLAGS ?=
# Extra flags for pytest, e.g. PYTEST_FLAGS="-k hygiene".
PYTEST_FLAGS ?=
# Installs the Debian packages a target's system programs come from, when they are missing.
INSTALL_MISSING := $(dir $(abspath $(lastword $(MAKEFILE_LIST))))tools/install_missing.sh

.DEFAULT_GOAL := help
.PHONY: help setup maintainer-setup venv-python lab test unit notebooks stamp figures sweep bench lint graphviz slides slide-tools sunspots backtests overwrite onednn new-notebook clean

help:
	@echo "make lab     set up, then open JupyterLab on the course"
	@echo "make test    set up, then run the whole suite (unit tests + nbval strict)"
	@echo "make stamp   rewrite every notebook's header, set-up cell and navigation"
	@echo "make notebooks  re-execute every notebook in place (refreshes stored outputs)"
	@echo "make figures regenerate figures/ from tools/diagrams.py, then re-execute the notebooks"
	@echo "make sweep   rerun the wide RNN/LSTM/GRU sweep behind notebook 04"
	@echo "make sunspots  rerun the five-seed sunspot comparison behind notebook 06"
	@echo "make overwrite rerun the five-seed overwrite-task runs behind notebook 04, section 8"
	@echo "make onednn  run every notebook and the model answers with oneDNN on (other numerics)"
	@echo "make backtests rerun the statistical baselines' rolling-origin backtests behind notebook 08"
	@echo "make bench   run the benchmarks into benchmarks/RESULTS.md"
	@echo "make slides  build an offline reveal.js deck per notebook into build/slides/ and check every slide"
	@echo "make site    build the course as an offline HTML book into build/site/ and check every page"
	@echo "make student write the student version (no answers) into build/student/; STUDENT_REPO=owner/name"
	@echo "make new-notebook NAME=09_topic TITLE=\"...\" PURPOSE=\"...\"  add a notebook and its files"

# A learner's set-up (make lab): requirements.txt. A maintainer's (make test and the
# tools below): requirements-maintainer.txt too.
setup: venv-python $(VENV)/.requirements graphviz
maintainer-setup: setup $(VENV)/.maintainer-requirements

# Exit status 1 with a message unless the interpreter is Python 3.11 or newer.
NEEDS_311 := import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; found " + sys.version.split()[0] + ".")

$(VENV)/bin/python:
	@$(PYTHON) -c '$(NEEDS_311)' || { echo "Run make with PYTHON=python3.12 (or another 3.11+ interpreter)."; exit 1; }
	$(PYTHON) -m venv $(VENV)

# Checked on every run: a .venv made earlier by an older Python must be rebuilt.
venv-python: $(VENV)/bin/python
	@$(BIN)/python -c '$(NEEDS_311)' || { echo "$(VENV) was made by that older Python: run make clean, then make lab PYTHON=python3.12 (or another 3.11+ interpreter)."; exit 1; }

$(VENV)/.requirements: requirements.txt $(VENV)/bin/python | venv-python
	@echo "Installing TensorFlow, JupyterLab and the rest of requirements.txt into $(VENV); the first run takes minutes ..."
	@$(PIP) install --quiet --upgrade pip
	@$(PIP) install --quiet -r requirements.txt
	@touch $@

$(VENV)/.maintainer-requirements: requirements-maintainer.txt $(VENV)/.requirements
	@echo "Installing the test, lint and slide tools of requirements-maintainer.txt into $(VENV) ..."
	@$(PIP) install --quiet -r requirements-maintainer.txt
	@touch $@

# Graphviz's `dot` is a system program (keras.utils.plot_model calls it).
graphviz:
	@sh "$(INSTALL_MISSING)" "keras.utils.plot_model" "conda install graphviz" dot=graphviz

# JupyterLab refuses to start as root unless told it may (containers, CI).
ALLOW_ROOT := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

lab: setup
	$(BIN)/jupyter lab $(ALLOW_ROOT) --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/notebooks $(LAB_FLAGS)

# nbval's limit per cell: CELL_TIMEOUT in tools/execute_notebooks.py (a test checks they agree).
# Whole files go to the workers in the order of testpaths (pyproject.toml), longest first.
# Three workers even on two cores: a worker idles while its kernel starts or a test waits
# out a time-out, and the third fills that time (on 2 cores: 190 s against 217 s with two).
test: maintainer-setup
	$(BIN)/python -m pytest --nbval --nbval-current-env --nbval-cell-timeout=180 -n 3 --dist loadfile --no-loadscope-reorder $(PYTEST_FLAGS)

unit: maintainer-setup
	$(BIN)/python -m pytest -m "not slow" -p no:nbval tests $(PYTEST_FLAGS)

lint: maintainer-setup
	$(BIN)/ruff check helpers tests tools benchmarks

stamp: maintainer-setup
	$(BIN)/python tools/stamp_notebooks.py

notebooks: maintainer-setup
	$(BIN)/python tools/execute_notebooks.py

# page(n) embeds the PNG in each notebook's stored output, so the notebooks are rerun too.
figures: maintainer-setup
	$(BIN)/python tools/diagrams.py figures
	$(BIN)/python tools/execute_notebooks.py

sweep: maintainer-setup
	$(BIN)/python tools/long_gap_sweep.py

sunspots: maintainer-setup
	$(BIN)/python tools/sunspot_variants.py

overwrite: maintainer-setup
	$(BIN)/python tools/overwrite_sweep.py

# The same notebooks on other numerics (oneDNN kernels, results differ at ~1e-7): every
# assert must still hold (nbval-lax: outputs are not compared).
onednn: maintainer-setup
	$(BIN)/python tools/run_onednn.py

backtests: maintainer-setup
	$(BIN)/python tools/statistical_backtests.py

# Lecture decks: reveal.js and MathJax come from npm once; the slide check drives Debian's
# Chromium through Playwright (Playwright's own browser download is not used). Only what
# is missing is installed (tools/install_missing.sh).
slide-tools:
	@sh "$(INSTALL_MISSING)" "make slides" "" npm chromium

slides: maintainer-setup slide-tools
	$(BIN)/python tools/build_slides.py
	$(BIN)/python tools/check_slides.py

# The student version, to publish as its own repository (README.md, "Homework"). STUDENT_REPO
# is that repository, owner/name (default: the course's repository with "-student").
.PHONY: student
STUDENT_REPO ?=
student: maintainer-setup
	$(BIN)/python tools/make_student.py $(if $(STUDENT_REPO),--repository $(STUDENT_REPO))

# The offline book: Sphinx + MyST-NB from the stored outputs (tools/build_site.py, book/),
# then every page checked in Debian's Chromium through Playwright (tools/check_site.py).
.PHONY: site chromium
chromium:
	@sh "$(INSTALL_MISSING)" "make site (the book's check)" "" chromium

site: maintainer-setup chromium
	$(BIN)/python tools/build_site.py
	$(BIN)/python tools/check_site.py

bench: maintainer-setup
	$(BIN)/python benchmarks/run_benchmarks.py

# A new notebook with every file the tests require (README.md, "Adding a notebook").
new-notebook: maintainer-setup
	@[ -n "$(NAME)" ] && [ -n "$(TITLE)" ] && [ -n "$(PURPOSE)" ] || \
		{ echo 'usage: make new-notebook NAME=09_topic TITLE="The title" PURPOSE="One line: what it teaches."'; exit 1; }
	$(BIN)/python tools/new_notebook.py "$(NAME)" "$(TITLE)" "$(PURPOSE)"

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build
