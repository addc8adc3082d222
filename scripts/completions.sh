#!/usr/bin/env bash
# Regenerates completions/ from the command tree (CompletionsTest fails when they drift).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B package -DskipTests
target/dynctl/bin/dynctl completion bash > completions/dynctl.bash
target/dynctl/bin/dynctl completion zsh > completions/_dynctl
target/dynctl/bin/dynctl completion fish > completions/dynctl.fish
echo "completions/ regenerated"
