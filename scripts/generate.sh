#!/usr/bin/env bash
# Regenerates completions/ and docs/commands.md from the command tree (tests fail when they drift).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Dstyle.color=never package -DskipTests
target/dynctl/bin/dynctl completion bash > completions/dynctl.bash
target/dynctl/bin/dynctl completion zsh > completions/_dynctl
target/dynctl/bin/dynctl completion fish > completions/dynctl.fish
echo "completions/ regenerated"
mvn -q -B -Dstyle.color=never test -Dtest=CommandReferenceTest -Ddynctl.updateDocs=true
echo "docs/commands.md regenerated"
