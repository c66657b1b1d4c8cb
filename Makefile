# Meridian — `make site` builds the course into Site/, `make test` runs every test.
# Both install what a fresh Debian machine lacks first.

SWIFT      ?= swift
JOBS       ?= $(shell nproc)
RELEASE    := .build/release/meridian
DEBUG      := .build/debug/meridian
PYTHON     := .venv/bin/python

.PHONY: site test bench deps swift-test browser-test release debug clean-site

site: 
	@Tools/install-deps.sh system
	$(SWIFT) build -c release --product meridian
	$(RELEASE) build --content Content --templates Templates --output Site --jobs $(JOBS)

test:
	@Tools/install-deps.sh all
	$(SWIFT) build --product meridian
	$(SWIFT) test
	$(MAKE) browser-test

# The browser suite builds the real course with the debug binary into a temporary
# folder and checks it in headless Chromium on file://; its SCORM package is run in a real
# LMS (scormhost, from .venv-lms) that the test starts on 127.0.0.1 and stops.
browser-test:
	MERIDIAN=$(abspath $(DEBUG)) $(PYTHON) -m pytest -q Tests/Browser

bench:
	@Tools/install-deps.sh bench
	$(SWIFT) build -c release --product meridian
	python3 Tools/bench/bench.py --meridian $(RELEASE) $(BENCH_ARGS)

deps:
	@Tools/install-deps.sh all
