# Thin wrapper over CMake and the agora binary. See README.md.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
AGORA := $(BUILD_DIR)/agora

.PHONY: all deps build site serve test bench clean

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
	@echo "Preview it: open public/index.html, or run: python3 -m http.server -d public 8080"

serve: build
	@$(AGORA) serve

# The conformance counts first (Mustache spec, GFM spec), then every test.
test: build
	@$(BUILD_DIR)/tests/agora_tests --test-case='mustache spec*,GFM*' --no-version 2>&1 \
	  | sed -n 's/^mustache spec: /conformance: mustache spec: /p; s/^.*MESSAGE: \(.*examples run.*\)/conformance: GFM \1/p'
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: build
	@bench/run

clean:
	rm -rf $(BUILD_DIR) public
