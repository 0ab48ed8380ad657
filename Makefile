# Periodize: `make run` opens the app on the demo season, `make test` runs the whole suite.
# Both set everything up on a fresh clone: a .venv with the project installed (quick when
# nothing changed) and, on Debian, the system libraries the Qt wheels need.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
QT_LIBS := libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
           libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1

.PHONY: run test bench bench-app screenshots setup syslibs lint clean soak

setup: syslibs $(STAMP)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[test]" --config-settings editable_mode=compat
	@touch $(STAMP)

syslibs:
	@sh scripts/syslibs.sh $(QT_LIBS)

run: setup
	$(VENV)/bin/periodize open

# The test files spread over one process per core (pytest-xdist); a file stays in one process,
# so its module fixtures (a solved season) are made once. Bytecode is written even where the
# environment says not to (PYTHONDONTWRITEBYTECODE): without it every process (each test process,
# each `python -m ui.cli` a test starts) compiled the product again, and a second run rewrote
# every test module again (pytest's assertion rewriting: 20 s of a collection, 3 s cached).
test: setup
	@sh scripts/testtools.sh
	QT_QPA_PLATFORM=offscreen $(PY) -m ruff check planner solver ui tests bench scripts
	env -u PYTHONDONTWRITEBYTECODE QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n auto --dist loadfile

bench: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m bench
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.export
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.app

bench-app: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.app

# The heavier reliability runs (not in make test; ~30 min on 2 cores): fuzzing, kill -9 during
# saves, random undo/redo, formula triggers through every export, bombs and size limits, memory.
# Each figure goes to .soak/figures.jsonl; the table at the end is docs/reliability.md's.
SOAK := fuzz saving document exports inputs memory
soak: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s -p no:cacheprovider $(SOAK:%=tests/reliability/soak_%.py)
	$(PY) -m tests.reliability.figures

screenshots: setup
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py docs/screenshots
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots_v2.py docs/screenshots
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots_progress.py docs/screenshots
	@sh scripts/testtools.sh
	QT_QPA_PLATFORM=offscreen $(PY) scripts/print_images.py docs/screenshots

lint: setup
	$(PY) -m ruff check planner solver ui tests bench scripts

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info
