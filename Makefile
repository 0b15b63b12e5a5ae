# The README's two commands: `make serve` (build and serve the demo) and `make test` (every test).
# Both install what they need, idempotently: wasm target, pinned wasm-bindgen CLI, Chromium, npm.

WASM_BINDGEN_VERSION := 0.2.130
PORT ?= 8080
DIST := www/dist
WASM := target/wasm32-unknown-unknown/release/recipe_card.wasm
WASM_OPT := node_modules/.bin/wasm-opt
ESBUILD := node_modules/.bin/esbuild
# Each pass measured (docs/performance.md): near-identical functions merged, then -Oz, then the
# functions ordered by their Rust path (`--reorder-functions-by-name`: a module's functions side by
# side compress better than the most-called first with the shortest indices: raw +130, brotli −32)
# and -Oz again. `--low-memory-unused` lets it fold
# constant offsets into loads and stores: the wasm's first 1 kB is the bottom of its 1 MB stack
# (rustc lays the stack out first), which the reader's bounded nesting never reaches. Inlining:
# functions up to 7 (not 2) always, and a function with one caller only up to 70 (not any size):
# more raw bytes, fewer after brotli (scanned on the merged code of each round: always 4–8 with
# one-caller 50–120 lie within ±60 of each other, 2 and 3 give one wasm, 10 and up lose; the last
# scan, total brotli: 7 and 70 24,561, 8 and 40 24,561 (raw +73), 8 and 60 24,590; the one before,
# wasm alone, by name: 8 and 60 17,990, 8 and 80 18,055, 6 and 80 18,036; ordered by calls
# instead: 8 and 80 18,014; worth re-scanning after large code changes, docs/performance.md).
# Last, every
# load and store marked byte-aligned (`--dealign`: the same size raw, but one alignment byte
# everywhere compresses better; a hint only, which engines ignore, so nothing else changes).
WASM_OPT_FLAGS := --merge-similar-functions -Oz --reorder-functions-by-name -Oz --dealign --strip-debug --strip-producers --strip-target-features --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
	--enable-multivalue --low-memory-unused --always-inline-max-function-size 7 --one-caller-inline-max-function-size 70
# The shipped wasm's rustc flags (only `make build`: native tests and the tests' wasm keep the
# defaults). Without reference types, wasm-bindgen writes no externref table code into the wasm
# (tools/no-externref.mjs; no JS value crosses the card's boundary anyway, src/web/dom.rs). Four LLVM loop and sinking rewrites
# off, each measured (docs/performance.md): loop strength reduction (`-disable-lsr`, extra
# induction variables: −60 brotli), LICM's promotion of memory to registers across a loop
# (`-disable-licm-promotion`, loads and stores added before and after it: −70), the rewrite of
# values used after a loop into their closed form (`-replexitval=never`: −23) and machine sinking's
# splitting of critical edges (`-machine-sink-split=false`: −24). Optimisations only: the code does
# the same, a little slower in loops that run a few dozen times. The LLVM options are given to the
# crate's own compile only (`cargo rustc -- …`), which also runs the LTO of the whole program: the
# dependencies' bitcode, optimised without them before LTO, ends 32 brotli smaller than with them.
SHIP_RUSTFLAGS := -C target-feature=-reference-types
SHIP_LLVM_ARGS := -C llvm-args=-disable-lsr -C llvm-args=-disable-licm-promotion -C llvm-args=-replexitval=never \
	-C llvm-args=-machine-sink-split=false
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export PATH := $(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT := 120

.PHONY: all setup setup-rust setup-browser setup-node build serve test lint test-native \
	test-wasm test-e2e size-check bench clean

all: build

setup: setup-rust setup-node setup-browser

setup-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy rustfmt
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
		echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 2 minutes)"; \
		cargo install wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION) --locked \
		|| cargo install wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION); \
	fi

setup-browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		$(SUDO) apt-get update -q && \
		{ $(SUDO) apt-get install -y -q chromium chromium-driver \
		  || $(SUDO) apt-get install -y -q chromium chromium-driver; }; \
	fi

setup-node: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

build: setup-rust setup-node
	RUSTFLAGS="$(SHIP_RUSTFLAGS)" \
		cargo rustc --release --target wasm32-unknown-unknown --lib --features runtime -- $(SHIP_LLVM_ARGS)
	rm -rf $(DIST)/snippets
	mkdir -p $(DIST)
	node tools/no-externref.mjs $(WASM) $(DIST)/recipe_card.wasm
	wasm-bindgen --target web --no-typescript --out-dir $(DIST) $(DIST)/recipe_card.wasm
	rm $(DIST)/recipe_card.wasm
	node tools/trim-glue.mjs $(DIST)/recipe_card.js $(DIST)/recipe_card.js
	node tools/shorten-imports.mjs $(DIST)
	node tools/blank-panic-text.mjs $(DIST)/recipe_card_bg.wasm $(DIST)/recipe_card_bg.wasm
	$(WASM_OPT) $(WASM_OPT_FLAGS) $(DIST)/recipe_card_bg.wasm -o $(DIST)/recipe_card_bg.wasm
	node tools/drop-dead-imports.mjs $(DIST)/recipe_card_bg.wasm $(DIST)/recipe_card.js
	# Bundled from an entry (src/web/entry.js) that re-exports only what the loader calls and loads
	# the wasm itself, with the snippets (dom.js, device.js) and the minified stylesheet (as the
	# string `css`) inlined.
	$(ESBUILD) src/web/card.css --minify --log-level=warning --outfile=$(DIST)/card.css
	cp src/web/entry.js src/web/tape.js $(DIST)/
	# entry.js imports dom.js through this re-export of the snippet wasm-bindgen wrote (its path
	# holds a hash of the crate's name and version): one module, shared with the glue.
	cd $(DIST) && printf "export * from './%s';\n" snippets/*/src/web/dom.js > dom.js
	mv $(DIST)/recipe_card.js $(DIST)/glue.js
	$(ESBUILD) $(DIST)/entry.js --bundle --minify --format=esm --log-level=warning --log-override:duplicate-object-key=silent \
		--loader:.css=text --outfile=$(DIST)/recipe_card.js
	rm -rf $(DIST)/snippets $(DIST)/entry.js $(DIST)/tape.js $(DIST)/dom.js $(DIST)/glue.js $(DIST)/card.css
	$(ESBUILD) www/recipe-card.js --minify --format=esm --log-level=warning \
		--outfile=www/recipe-card.min.js

serve: build
	node tools/serve.mjs --port $(PORT)

test: lint test-native test-wasm test-e2e size-check

lint: setup-rust
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --features runtime -- -D warnings

test-native:
	cargo test

test-wasm: setup-rust setup-browser
	cargo test --target wasm32-unknown-unknown

test-e2e: build setup-browser
	node --test --test-concurrency=1 tests/e2e/

# The size ratchet (deterministic: pinned toolchain, brotli q11). See perf-budget.json.
size-check: build
	node tools/size.mjs --check perf-budget.json

LIGHTHOUSE_VERSION := 13.5.0

bench: build setup-browser
	node tools/size.mjs
	node tools/bench-slider.mjs
	node tools/bench-slider.mjs --cpu-throttle 4
	node tools/bench-load.mjs
	@[ -d node_modules/lighthouse ] || npm install --no-save --no-audit --no-fund lighthouse@$(LIGHTHOUSE_VERSION)
	node tools/bench-lighthouse.mjs

clean:
	rm -rf $(DIST) target
