# `make` installs newsgraph into .venv and builds seeds/ into output/; `make test` runs the tests.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: all install build test lint bench lock clean chromium
all: build

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

install: $(STAMP)

build: $(STAMP)
	$(VENV)/bin/newsgraph build seeds -o output

test: $(STAMP) chromium lint
	$(PY) -m pytest -q

# ruff's lint rules (pyproject.toml) over the code, the tests and the benchmarks
lint: $(STAMP)
	$(VENV)/bin/ruff check .

# the browser tests drive Debian's chromium; install it when it is missing (root, or sudo)
chromium:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

bench: $(STAMP)
	$(PY) bench/build_speed.py

# re-pin requirements.lock from requirements.in (needs the network to PyPI)
lock:
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --generate-hashes --allow-unsafe --strip-extras -q -o requirements.lock requirements.in

clean:
	rm -rf $(VENV) build *.egg-info
