# Portcullis — the two quick-start commands are `make demo` and `make test`.
SWIFT ?= swift
BIN = .build/debug/portcullis

.PHONY: setup build demo test install uninstall docs conformance conformance-doc policy-docs bench bench-throughput compare-corpus clean

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

## Release build, installed as $(PREFIX)/bin/portcullis (PREFIX defaults to /usr/local; DESTDIR for
## packaging). The binary is one file: the built-in policies are inside it.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
CONFIGURATION ?= release
install: setup
	$(SWIFT) build -c $(CONFIGURATION) --product portcullis
	install -d "$(DESTDIR)$(BINDIR)"
	install -m 0755 .build/$(CONFIGURATION)/portcullis "$(DESTDIR)$(BINDIR)/portcullis"
	@echo "installed $(DESTDIR)$(BINDIR)/portcullis"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/portcullis"

## The library's API documentation (DocC) into .build/docs, without a package plugin: symbol graphs from a
## build of its own (.build/docs-build, so the debug build keeps its flags), then docc over the catalog.
## Warnings (an unresolved ``Symbol`` link, say) are errors.
DOCC ?= $(or $(shell command -v docc 2>/dev/null),/opt/swift/usr/bin/docc)
SYMBOL_GRAPHS = .build/symbol-graphs
docs: setup
	@# A build with nothing to do emits no symbol graph: without one, build from scratch.
	@[ -f $(SYMBOL_GRAPHS)/Portcullis.symbols.json ] || rm -rf .build/docs-build
	mkdir -p $(SYMBOL_GRAPHS)
	$(SWIFT) build --target Portcullis --scratch-path .build/docs-build \
	  -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc $(CURDIR)/$(SYMBOL_GRAPHS)
	@# Only the library's graphs: the layers below it have no public symbols, and would be empty pages.
	rm -rf .build/docs .build/docs-symbols && mkdir -p .build/docs-symbols
	find $(SYMBOL_GRAPHS) \( -name Portcullis.symbols.json -o -name 'Portcullis@*.symbols.json' \) -exec cp {} .build/docs-symbols/ \;
	$(DOCC) convert Sources/Portcullis/Portcullis.docc --additional-symbol-graph-dir .build/docs-symbols \
	  --output-path .build/docs --warnings-as-errors
	@echo "docs: .build/docs (a static site: python3 -m http.server -d .build/docs, then open /documentation/portcullis)"

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
	rm -rf .build Benchmarks/.build Examples/.build
