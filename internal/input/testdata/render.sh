#!/usr/bin/env bash
# Renders the seed contracts and a few English corpus documents to ODT, DOCX
# and PDF with LibreOffice (Debian: libreoffice-writer-nogui). Run from the
# repository root with ../shared beside it. The outputs are committed; CI
# does not run this.
set -euo pipefail
out=internal/input/testdata/rendered
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
# Seeds: Markdown-like text. Further arguments: English corpus files, one
# sentence per line.
for f in ../shared/corpus/seeds/*.txt; do
	go run ./internal/input/testdata/render "$f" "$tmp/$(basename "$f" .txt).html"
done
for f in "$@"; do
	go run ./internal/input/testdata/render -lines "$f" "$tmp/$(basename "$f" .txt).html"
done
soffice --headless --infilter="HTML (StarWriter)" --convert-to odt --outdir "$tmp" "$tmp"/*.html >/dev/null
soffice --headless --convert-to docx:"MS Word 2007 XML" --outdir "$out" "$tmp"/*.odt >/dev/null
soffice --headless --convert-to pdf --outdir "$out" "$tmp"/*.odt >/dev/null
cp "$tmp"/*.odt "$out"/
