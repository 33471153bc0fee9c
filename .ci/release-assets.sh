#!/bin/sh
# Generates the files the release ships besides the binary, from the cobra
# command tree: shell completions in ./completions and the sdprep(1) man page
# in ./manpages/sdprep.1.gz (`sdprep man` prints the roff page).
# goreleaser runs it as a before-hook; it works from any directory.
set -eu
cd "$(dirname "$0")/.."

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/sdprep" ./cmd/sdprep

rm -rf completions manpages
mkdir completions manpages
for sh in bash zsh fish powershell; do
	"$tmp/sdprep" completion "$sh" >"completions/sdprep.$sh"
done
"$tmp/sdprep" man >manpages/sdprep.1
gzip -9 -n manpages/sdprep.1
