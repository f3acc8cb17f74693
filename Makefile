# Portcullis — the two quick-start commands are `make demo` and `make test`.
SWIFT ?= swift
BIN = .build/debug/portcullis

.PHONY: setup build demo test conformance conformance-doc policy-docs bench bench-throughput compare-corpus clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build --product portcullis

## Run the checker over fixtures/: the deliberately broken files print diagnostics (exit status 2).
demo: build
	@echo "== portcullis check fixtures/"
	@$(BIN) check fixtures; status=$$?; \
	  echo "== exit status $$status (0 clean, 1 policy violations, 2 input errors: fixtures/violations and fixtures/invalid are broken on purpose)"; \
	  [ $$status -le 2 ]

## Build and run every test (Swift Testing).
test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## The built-in policies against Gatekeeper library's own test cases (../shared/conformance); last line "conformance: N/M agree".
conformance: build
	@python3 scripts/conformance.py $(BIN) ../shared/conformance/gatekeeper-library

## Rewrite the results table of docs/conformance.md from a conformance run.
conformance-doc: build
	@python3 scripts/conformance.py $(BIN) ../shared/conformance/gatekeeper-library --update-doc docs/conformance.md

## Regenerate docs/policies.md from the policies themselves (a test checks it).
policy-docs: build
	@$(BIN) rules --all-policies --markdown --no-config > docs/policies.md

## Loader throughput next to raw libyaml (generates ~100 MB in memory; release build).
# (SwiftPM keeps a path dependency's file list from the last plan: drop it so new source files count.)
bench-throughput: setup
	rm -f Benchmarks/.build/build.db Benchmarks/.build/*/release/description.json
	cd Benchmarks && $(SWIFT) run -c release portcullis-throughput

## ordo-one/benchmark suites.
bench: setup
	rm -f Benchmarks/.build/build.db Benchmarks/.build/*/release/description.json
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark

## `portcullis parse` against PyYAML over ../shared/corpus (also part of `make test`).
compare-corpus: build
	python3 scripts/compare_with_pyyaml.py $(BIN) ../shared/corpus

clean:
	rm -rf .build Benchmarks/.build
