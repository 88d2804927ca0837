# kviz: make build | test | race | vet | fmt | golden | bench | fuzz | figures
GO ?= go

.PHONY: build test race vet fmt golden bench fuzz figures ci

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

# Short fuzzing runs of every target; run longer by hand with FUZZTIME=10m.
FUZZTIME ?= 20s
fuzz:
	$(GO) test ./model -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME)
	$(GO) test ./layouts -run '^$$' -fuzz '^FuzzRender$$' -fuzztime $(FUZZTIME)

# Render the figures and the gallery in docs/.
figures: build
	./scripts/figures.sh

ci: fmt vet test
