# payout — build, test and demo. `make demo` runs the main job on sample-data/; `make test` runs the tests.
GO       ?= go
BIN      := bin/payout
MONTH    := 2026-10
SAMPLE   := sample-data/$(MONTH)
FUZZTIME ?= 3000x
# How long the fuzzer may minimise each new interesting input: by default up to 60 s each, during which it runs
# no new inputs (a target whose inputs are whole files then ran a few inputs a minute).
FUZZMINIMIZE ?= 100x

.PHONY: build test demo fuzz bench bench-data vet fmt check sample clean

build:
	$(GO) build -o $(BIN) ./cmd/payout

test:
	$(GO) test ./...

demo: build
	$(BIN) validate --month $(MONTH) --in $(SAMPLE)
	$(BIN) compute --month $(MONTH) --in $(SAMPLE) --dry-run
	$(BIN) compute --month $(MONTH) --in $(SAMPLE) --out out/$(MONTH) --force
	$(BIN) audit verify out/$(MONTH)
	$(BIN) fund --out out
	$(BIN) explain --month $(MONTH) --in $(SAMPLE) --employee 1004 | head -40

# Short runs of every fuzz target, from its seed corpus. FUZZTIME is a count of inputs (e.g. 3000x) rather
# than a duration: Go 1.26's fuzzing coordinator can end a timed run with a spurious "context deadline
# exceeded" (golang/go#75804); a count does not.
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$t"; \
	    $(GO) test -run='^$$' -fuzz="^$$t$$" -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) $$pkg || exit 1; \
	  done; \
	done

# A dealer-group month (5,000 employees, ~200,000 repair orders), as xlsx and as CSV; not committed.
BENCH_DATA := bench-data
bench-data:
	$(GO) run ./tools/gensample -employees 5000 -ros 200000 -out $(BENCH_DATA)/$(MONTH)-xlsx
	$(GO) run ./tools/gensample -employees 5000 -ros 200000 -csv -out $(BENCH_DATA)/$(MONTH)-csv

# Figures of the group month (wall time, phases, peak RSS, rows/s, payslips/s, the bare excelize floor),
# then the Go benchmarks with a short -benchtime.
bench: build
	@test -d $(BENCH_DATA)/$(MONTH)-xlsx || $(MAKE) bench-data
	$(GO) run ./tools/bench -bin $(BIN) -month $(MONTH) $(BENCH_DATA)/$(MONTH)-xlsx $(BENCH_DATA)/$(MONTH)-csv
	$(GO) test -run='^$$' -bench=. -benchtime=3x ./...

vet:
	$(GO) vet ./...

fmt:
	gofmt -l -w $$(git ls-files '*.go')

# What CI checks besides the tests (the clerk's Windows build included).
check:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1)
	$(GO) vet ./...
	GOOS=windows $(GO) vet ./...
	$(GO) mod tidy -diff

# Regenerate the committed sample month (deterministic).
sample:
	rm -rf $(SAMPLE)
	$(GO) run ./tools/gensample -out $(SAMPLE)

clean:
	rm -rf bin out
