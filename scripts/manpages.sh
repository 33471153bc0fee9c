#!/bin/sh
# Generates the sdprep(1) man page into ./manpages/sdprep.1.gz from the cobra
# command tree (fang's hidden `man` command prints one roff page to stdout).
# Run from the repository root; goreleaser runs it as a before-hook.
set -eu
rm -rf manpages
mkdir manpages
go run ./cmd/sdprep man >manpages/sdprep.1
gzip -9 -n manpages/sdprep.1
