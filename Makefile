# The test command of the README: vet, unit and end-to-end tests, a short
# fuzz run of every parser, and the acceptance bars on the shared corpus
# when ../shared is present.
GO ?= go
FUZZTIME ?= 100000x
# Fuzz runs are bounded by a number of inputs, not by time: a time limit can
# end a run inside one long input, which go test reports as "context
# deadline exceeded". The slower targets (readers, extraction, findings)
# run fewer inputs. Extraction's FuzzPrefilter checks nine methods on
# about eighty patterns per input (about 36 inputs a second); the
# mechanism itself is fuzzed in internal/prefilter, so it runs 500.
FUZZCOUNT ?= 5000x

.PHONY: test vet unit fuzz eval build

test: vet unit fuzz

build:
	$(GO) build -o bin/art28 ./cmd/art28

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1)
	$(GO) vet ./...

unit:
	$(GO) test -count=1 -timeout 30m ./...

fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzNormalize$$' -fuzztime $(FUZZTIME) ./internal/document
	$(GO) test -run '^$$' -fuzz '^FuzzParseText$$' -fuzztime $(FUZZTIME) ./internal/document
	$(GO) test -run '^$$' -fuzz '^FuzzParseHTML$$' -fuzztime $(FUZZTIME) ./internal/document
	$(GO) test -run '^$$' -fuzz '^FuzzSplit$$' -fuzztime $(FUZZTIME) ./internal/segment
	$(GO) test -run '^$$' -fuzz '^FuzzExtract$$' -fuzztime $(FUZZCOUNT) -fuzzminimizetime 1x ./internal/extract
	$(GO) test -run '^$$' -fuzz '^FuzzPrefilter$$' -fuzztime 500x -fuzzminimizetime 1x ./internal/extract
	$(GO) test -run '^$$' -fuzz '^FuzzReadName$$' -fuzztime $(FUZZCOUNT) -fuzzminimizetime 1x ./internal/extract
	$(GO) test -run '^$$' -fuzz '^FuzzSelfAppositions$$' -fuzztime $(FUZZCOUNT) -fuzzminimizetime 1x ./internal/extract
	$(GO) test -run '^$$' -fuzz '^FuzzEndsWithAddress$$' -fuzztime $(FUZZCOUNT) -fuzzminimizetime 1x ./internal/document
	$(GO) test -run '^$$' -fuzz '^FuzzRun$$' -fuzztime $(FUZZCOUNT) -fuzzminimizetime 1x ./internal/findings
	$(GO) test -run '^$$' -fuzz '^FuzzPrefilters$$' -fuzztime $(FUZZCOUNT) -fuzzminimizetime 1x ./internal/findings
	$(GO) test -run '^$$' -fuzz '^FuzzRegexp$$' -fuzztime $(FUZZCOUNT) -fuzzminimizetime 1x ./internal/prefilter
	$(GO) test -run '^$$' -fuzz '^FuzzExpr$$' -fuzztime $(FUZZCOUNT) -fuzzminimizetime 1x ./internal/prefilter
	$(GO) test -run '^$$' -fuzz '^FuzzLower$$' -fuzztime $(FUZZCOUNT) -fuzzminimizetime 1x ./internal/prefilter
	$(GO) test -run '^$$' -fuzz '^FuzzDefinedParties$$' -fuzztime $(FUZZCOUNT) -fuzzminimizetime 1x ./internal/check
	# The readers' targets skip minimisation, which otherwise stalls short runs.
	$(GO) test -run '^$$' -fuzz '^FuzzParseDOCX$$' -fuzztime $(FUZZCOUNT) -fuzzminimizetime 1x ./internal/input
	$(GO) test -run '^$$' -fuzz '^FuzzDOCXXML$$' -fuzztime $(FUZZCOUNT) -fuzzminimizetime 1x ./internal/input
	$(GO) test -run '^$$' -fuzz '^FuzzParseODT$$' -fuzztime $(FUZZCOUNT) -fuzzminimizetime 1x ./internal/input
	$(GO) test -run '^$$' -fuzz '^FuzzODTXML$$' -fuzztime $(FUZZCOUNT) -fuzzminimizetime 1x ./internal/input
	$(GO) test -run '^$$' -fuzz '^FuzzPDFText$$' -fuzztime $(FUZZCOUNT) -fuzzminimizetime 1x ./internal/input
	$(GO) test -run '^$$' -fuzz '^FuzzParsePDF$$' -fuzztime $(FUZZCOUNT) -fuzzminimizetime 1x ./internal/input
	$(GO) test -run '^$$' -fuzz '^FuzzJSONStream$$' -fuzztime $(FUZZCOUNT) -fuzzminimizetime 1x ./internal/report
	$(GO) test -run '^$$' -fuzz '^FuzzTesseractTSV$$' -fuzztime $(FUZZCOUNT) -fuzzminimizetime 1x ./internal/input
	$(GO) test -run '^$$' -fuzz '^FuzzImage$$' -fuzztime $(FUZZCOUNT) -fuzzminimizetime 1x ./internal/input
	$(GO) test -run '^$$' -fuzz '^FuzzPGM$$' -fuzztime $(FUZZCOUNT) -fuzzminimizetime 1x ./internal/input
	$(GO) test -run '^$$' -fuzz '^FuzzCheckPassword$$' -fuzztime $(FUZZCOUNT) -fuzzminimizetime 1x ./internal/auth

eval: build
	./bin/art28 eval ../shared/corpus
