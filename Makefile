# Thin wrapper over CMake and the agora binary. See README.md.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
AGORA := $(BUILD_DIR)/agora

.PHONY: all deps build site serve test bench clean test-sanitize fuzz

all: build

# The package installer runs only when its lists changed since it last
# succeeded (or when nothing is built yet).
DEPS_STAMP := $(BUILD_DIR)/.deps-installed
deps: $(DEPS_STAMP)
$(DEPS_STAMP): scripts/debian-packages.txt package-lock.json scripts/install-deps
	@scripts/install-deps
	@mkdir -p $(BUILD_DIR) && touch $@

build: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

site: build
	@$(AGORA) build --config site.yaml --out public
	@echo "Site written to $(CURDIR)/public/"
	@echo "Preview it: open public/index.html, or run: make serve"

# Preview: build, serve on http://127.0.0.1:$(PORT)/, rebuild on every save.
PORT ?= 8080
serve: build
	@$(AGORA) serve --config site.yaml --port $(PORT)

# The conformance counts first (Mustache spec, GFM spec), then every test.
test: build
	@$(BUILD_DIR)/tests/agora_tests --test-case='mustache spec*,GFM*' --no-version 2>&1 \
	  | sed -n 's/^mustache spec: /conformance: mustache spec: /p; s/^.*MESSAGE: \(.*examples run.*\)/conformance: GFM \1/p'
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: build
	@bench/run $(BENCH_ARGS)

# The whole ctest suite built with AddressSanitizer and UndefinedBehavior-
# Sanitizer into build-sanitize; any report fails it.
SANITIZE_DIR ?= build-sanitize
test-sanitize: deps
	@cmake -S . -B $(SANITIZE_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAGORA_SANITIZE=ON >/dev/null
	@cmake --build $(SANITIZE_DIR) -j $(JOBS)
	@cd $(SANITIZE_DIR) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)

# libFuzzer targets (tests/fuzz), built with clang into build-fuzz and run
# one after another, FUZZ_SECONDS each, on one core. Their packages are in a
# list of their own so that `make test` does not install them.
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 600
fuzz:
	@scripts/install-deps scripts/fuzz-packages.txt
	@CXX=clang++ CC=clang cmake -S . -B $(FUZZ_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DAGORA_FUZZ=ON >/dev/null
	@cmake --build $(FUZZ_DIR) -j $(JOBS) --target agora_fuzzers
	@tests/fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_DIR) $(FUZZ_DIR) public
