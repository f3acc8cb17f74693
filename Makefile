# Portcullis — the two quick-start commands are `make demo` and `make test`.
SWIFT ?= swift
BIN = .build/debug/portcullis

KUBERNETES_VERSION ?= 1.37.0

.PHONY: schema-table setup build demo test fuzz fuzz-build install uninstall docs conformance conformance-doc policy-docs bench bench-throughput bench-process bench-peers compare-corpus bench-admission clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build --product portcullis

## Run the checker over fixtures/: the deliberately broken files print diagnostics (exit status 2).
demo: build
	@echo "== portcullis check fixtures/"
	@$(BIN) check fixtures; status=$$?; \
	  echo "== exit status $$status (0 clean, 1 policy violations, 2 input errors: fixtures/violations, fixtures/invalid and fixtures/schema are broken on purpose)"; \
	  [ $$status -le 2 ]

## Build and run every test (Swift Testing).
test: setup
	$(SWIFT) build --build-tests
	PORTCULLIS_CACHE_DIR="$(CURDIR)/.build/test-policy-cache" $(SWIFT) test --skip-build

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

## libFuzzer: `make fuzz TARGET=manifest|policy|configuration|admission SECONDS=600` (Fuzz/, its own package:
## address sanitizer + coverage everywhere, libFuzzer linked into the targets). Seeds: fixtures/ and
## policies/ (and Fuzz/Seeds/TARGET), copied into .build/fuzz-corpus/TARGET, which keeps what the
## fuzzer finds; a crash is written to .build/fuzz-crashes/ and becomes a regression test.
TARGET ?= manifest
SECONDS ?= 60
FUZZ_SCRATCH = $(CURDIR)/.build/fuzz
FUZZ_BINARY = $(if $(filter manifest,$(TARGET)),FuzzManifest,$(if $(filter policy,$(TARGET)),FuzzPolicy,$(if $(filter admission,$(TARGET)),FuzzAdmission,FuzzConfiguration)))
FUZZ_FLAGS = -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp
fuzz-build: setup
	rm -f Fuzz/.build/build.db
	cd Fuzz && $(SWIFT) build -c release --scratch-path $(FUZZ_SCRATCH) $(FUZZ_FLAGS)
fuzz: fuzz-build
	@mkdir -p .build/fuzz-corpus/$(TARGET) .build/fuzz-crashes
	@bash scripts/fuzz-seeds.sh $(TARGET) .build/fuzz-corpus/$(TARGET)
	ASAN_OPTIONS=detect_leaks=0 $(FUZZ_SCRATCH)/release/$(FUZZ_BINARY) -max_total_time=$(SECONDS) -max_len=65536 -timeout=20 -rss_limit_mb=4096 -detect_leaks=0 \
	  -artifact_prefix=.build/fuzz-crashes/$(TARGET)- -print_final_stats=1 .build/fuzz-corpus/$(TARGET)

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

## Regenerate the embedded Kubernetes schema table (schemas/kubernetes.schema, and the Swift source that embeds it) from kubernetes-validate's
## OpenAPI definitions, installed into .build/schema-venv; KUBERNETES_VERSION picks the release (a test checks it).
schema-table:
	python3 scripts/generate-kubernetes-schema.py --venv .build/schema-venv --version $(KUBERNETES_VERSION) --output schemas/kubernetes.schema
	$(SWIFT) run PolicyEmbedder --schema schemas/kubernetes.schema --output Sources/PortcullisSchema/EmbeddedSchemaTable.swift
	@head -1 schemas/kubernetes.schema; wc -c schemas/kubernetes.schema

## Loader throughput next to raw libyaml (generates ~100 MB in memory; release build).
# (SwiftPM keeps a path dependency's file list from the last plan: drop it so new source files count.)
bench-throughput: setup
	rm -f Benchmarks/.build/build.db Benchmarks/.build/*/release/description.json
	cd Benchmarks && $(SWIFT) run -c release portcullis-throughput

## `portcullis check` whole process (default packs, text report to a pipe; one core pinned, all cores) next to
## libyaml's event parse (Benchmarks/process/yaml-events.c), peak RSS and findings, over a generated corpus at
## each of SCALES documents (under .build/bench-corpus), then one-file start-up. Quick mode: SCALES=20000.
SCALES ?= 20000 200000 1000000
bench-process: setup
	SCALES="$(SCALES)" Benchmarks/process/bench-process.sh

## Peers side by side: Portcullis, OPA v1.20.2 (four Rego checks, Benchmarks/peers/checks.rego) and Checkov
## 3.3.30 with equivalent checks, one core pinned, over ../shared/corpus and the 20k generated corpus: wall
## time, documents/s, peak RSS, findings per check, ratios. Installs the peers into .build/peers-venv
## (from PyPI, once). RUNS=5 (median), SCALE=20000, CHECKOV=0 leaves Checkov out, CHECKOV_TIMEOUT=900 (s).
bench-peers: setup
	Benchmarks/peers/bench-peers.sh

## ordo-one/benchmark suites.
bench: setup
	rm -f Benchmarks/.build/build.db Benchmarks/.build/*/release/description.json
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark

## The admission endpoint under wrk on loopback, plain and TLS (docs/performance.md; needs wrk).
bench-admission: setup
	Benchmarks/admission-load.sh

## `portcullis parse` against PyYAML over ../shared/corpus (also part of `make test`).
compare-corpus: build
	python3 scripts/compare_with_pyyaml.py $(BIN) ../shared/corpus

clean:
	rm -rf .build Benchmarks/.build Examples/.build
