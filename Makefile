# The test command of the README: vet, unit and end-to-end tests, a short
# fuzz run of every parser, and the acceptance bars on the shared corpus
# when ../shared is present.
GO ?= go
FUZZTIME ?= 10s

.PHONY: test vet unit fuzz eval build

test: vet unit fuzz

build:
	$(GO) build -o bin/art28 ./cmd/art28

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1)
	$(GO) vet ./...

unit:
	$(GO) test -count=1 ./...

fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzNormalize$$' -fuzztime $(FUZZTIME) ./internal/document
	$(GO) test -run '^$$' -fuzz '^FuzzParseText$$' -fuzztime $(FUZZTIME) ./internal/document
	$(GO) test -run '^$$' -fuzz '^FuzzParseHTML$$' -fuzztime $(FUZZTIME) ./internal/document
	$(GO) test -run '^$$' -fuzz '^FuzzSplit$$' -fuzztime $(FUZZTIME) ./internal/segment
	$(GO) test -run '^$$' -fuzz '^FuzzExtract$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 1x ./internal/extract
	$(GO) test -run '^$$' -fuzz '^FuzzRun$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 1x ./internal/findings
	# The readers' targets skip minimisation, which otherwise stalls short runs.
	$(GO) test -run '^$$' -fuzz '^FuzzParseDOCX$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 1x ./internal/input
	$(GO) test -run '^$$' -fuzz '^FuzzDOCXXML$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 1x ./internal/input
	$(GO) test -run '^$$' -fuzz '^FuzzParseODT$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 1x ./internal/input
	$(GO) test -run '^$$' -fuzz '^FuzzODTXML$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 1x ./internal/input
	$(GO) test -run '^$$' -fuzz '^FuzzPDFText$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 1x ./internal/input
	$(GO) test -run '^$$' -fuzz '^FuzzParsePDF$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 1x ./internal/input

eval: build
	./bin/art28 eval ../shared/corpus
