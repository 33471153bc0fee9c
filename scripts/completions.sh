#!/bin/sh
# Generates shell completions for every shell cobra supports into ./completions.
# Run from the repository root; goreleaser runs it as a before-hook.
set -eu
rm -rf completions
mkdir completions
for sh in bash zsh fish powershell; do
	go run ./cmd/sdprep completion "$sh" >"completions/sdprep.$sh"
done
