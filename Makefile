# `make` installs newsgraph into .venv and builds seeds/ into output/; `make test` runs the tests.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: all install build test lint bench lock clean chromium wheel-check
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

# ruff's lint rules and its formatter (pyproject.toml: 120 columns) over the code, the tests and
# the benchmarks; `.venv/bin/ruff format .` fixes what the second line reports
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

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

# the wheel as users get it: plain `pip install` into a fresh venv (dependencies from pyproject.toml,
# not the lock), then --version, --help and a build of seeds/ with it
WHEEL_DIR := build/wheel-check
wheel-check: $(STAMP)
	rm -rf $(WHEEL_DIR) && mkdir -p $(WHEEL_DIR)
	$(PY) -m pip wheel --quiet --disable-pip-version-check --no-deps -w $(WHEEL_DIR)/dist .
	python3 -m venv $(WHEEL_DIR)/venv
	$(WHEEL_DIR)/venv/bin/pip install --quiet --disable-pip-version-check $(WHEEL_DIR)/dist/newsgraph-*.whl
	$(WHEEL_DIR)/venv/bin/pip check
	$(WHEEL_DIR)/venv/bin/newsgraph --version
	$(WHEEL_DIR)/venv/bin/newsgraph --help > /dev/null
	cd $(WHEEL_DIR) && venv/bin/newsgraph build $(CURDIR)/seeds -o out
	test -s $(WHEEL_DIR)/out/graph.ttl && test -s $(WHEEL_DIR)/out/graph.html

clean:
	rm -rf $(VENV) build *.egg-info
