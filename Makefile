# Meridian — `make site` builds the course into Site/, `make test` runs every test.
# Both install what a fresh Debian machine lacks first.

SWIFT      ?= swift
JOBS       ?= $(shell nproc)
RELEASE    := .build/release/meridian
DEBUG      := .build/debug/meridian
PYTHON     := .venv/bin/python

.PHONY: site test bench deps swift-test browser-test vendor-test release debug clean-site fuzz

site: 
	@Tools/install-deps.sh system
	$(SWIFT) build -c release --product meridian
	$(RELEASE) build --content Content --templates Templates --output Site --jobs $(JOBS)

test:
	@Tools/install-deps.sh all
	$(SWIFT) build --product meridian
	$(SWIFT) test
	$(MAKE) vendor-test
	$(MAKE) browser-test

# The vendored swift-mustache: the tree must be upstream's release plus meridian.patch, and
# upstream's own tests (with the Mustache specification) must pass on it. In its own folder,
# because those tests write a templates/ folder where they run.
vendor-test:
	Vendor/swift-mustache/check-vendor.sh
	cd Vendor/swift-mustache && $(SWIFT) test

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

# libFuzzer on each target of Fuzz/Targets for FUZZ_SECONDS; fails on a crash, a leak, an input
# that takes over a second or memory over 2 GB, and leaves the input in Fuzz/Regressions/<target>/,
# where `make test` reads it again (FuzzRegressionTests). See Fuzz/README.md.
FUZZ_SECONDS ?= 180
FUZZ_TARGETS := front-matter quiz scenario module record country-notes template
FUZZ_BUILD   := .build/fuzz
FUZZ_BIN     := $(FUZZ_BUILD)/debug/meridian-fuzz

fuzz:
	rm -f $(FUZZ_BIN)
	@# The build-tool plugin's helper cannot link with libFuzzer and is not part of the fuzz
	@# driver; what counts is that the driver itself was built afresh.
	-$(SWIFT) build -c debug --build-path $(FUZZ_BUILD) -Xswiftc -sanitize=fuzzer,address \
		-Xswiftc -DFUZZING -Xswiftc -use-ld=lld --product meridian-fuzz
	test -x $(FUZZ_BIN)
	python3 Fuzz/seed.py $(FUZZ_BUILD)/corpus
	@for t in $(FUZZ_TARGETS); do \
		echo "fuzzing $$t for $(FUZZ_SECONDS) s"; \
		MERIDIAN_FUZZ_TARGET=$$t $(FUZZ_BIN) -max_total_time=$(FUZZ_SECONDS) -timeout=1 -rss_limit_mb=2048 \
			-artifact_prefix=Fuzz/Regressions/$$t/ $(FUZZ_BUILD)/corpus/$$t > $(FUZZ_BUILD)/$$t.log 2>&1 \
			|| { tail -40 $(FUZZ_BUILD)/$$t.log; exit 1; }; \
		grep '^Done' $(FUZZ_BUILD)/$$t.log; \
	done
