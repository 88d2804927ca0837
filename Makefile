# kviz: make build | test | race | vet | fmt | golden | bench | fuzz | figures | perf
GO ?= go

.PHONY: build test race vet fmt golden bench fuzz figures perf ci

build:
	$(GO) build -o bin/kviz ./cmd/kviz

test:
	$(GO) test ./...

race:
	$(GO) test -race ./...

vet:
	$(GO) vet ./...

# fmt fails when a file is not gofmt-formatted, naming it.
fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

golden:
	$(GO) test ./... -update

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Short fuzzing runs of every target; run longer by hand with FUZZTIME=10m
# or FUZZTIME=1000000x. Minimising a new input is capped at 2 s: the
# seeds are whole manifests, and minimising one can otherwise take minutes.
# The first FuzzRender run compiles Graphviz's WASM
# with the fuzzer's instrumented build of wazero, which takes a while once.
FUZZTIME ?= 20s
fuzz:
	$(GO) test ./model -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s
	$(GO) test ./manifest -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s
	$(GO) test ./render -run '^$$' -fuzz '^FuzzParsePath$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s
	$(GO) test ./render -run '^$$' -fuzz '^FuzzDecodeJSON$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s
	$(GO) test ./layouts/graphviz -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s
	$(GO) test ./render/icon -run '^$$' -fuzz '^FuzzFromSVG$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s
	$(GO) test ./layouts -run '^$$' -fuzz '^FuzzRender$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s
	$(GO) test ./render/text -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s
	$(GO) test ./layouts -run '^$$' -fuzz '^FuzzSteps$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s
	$(GO) test ./layouts/graphviz/internal/wasmcache -run '^$$' -fuzz '^FuzzVerify$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s
	$(GO) test ./cmd/kviz -run '^$$' -fuzz '^FuzzFences$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s
	$(GO) test ./cmd/kviz -run '^$$' -fuzz '^FuzzClassify$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s
	$(GO) test ./cmd/kviz -run '^$$' -fuzz '^FuzzIgnore$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s

# Render the figures and the gallery in docs/.
figures: build
	./scripts/figures.sh

# Whole-process timings against native Graphviz (needs hyperfine; dot optional).
perf:
	./scripts/bench.sh

ci: fmt vet test
