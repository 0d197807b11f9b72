#!/usr/bin/env bash
# Writes the build context of a sample's extension image: the part of the workspace its image is
# built from, so that a change anywhere else leaves the image build cached. The context is
# `turbo prune <sample> --docker --production`'s full/ tree (the repository's own relative paths:
# samples/<sample>/..., packages/..., the root package.json and pnpm-workspace.yaml) with the pruned
# lockfile beside it, and the repository's .dockerignore. The sample's Dockerfile builds from it
# unchanged, or from the repository root: the same COPY sources name the same files in both.
#
# --production leaves out the workspace packages the sample only has as devDependencies (the
# Desktop host and the dext CLI its tests use, lint and test configs): the image build reads none
# of them. @dext/tsconfig is added back, because every sample's tsconfig extends it and Vite reads
# the chain when it builds the UI. Name more workspace packages after the sample if its build reads
# another dev-only one.
#
# Usage: prune-context.sh <sample> [workspace package...]
#   <sample>: the sample's folder, or its package name (as list-samples.sh names it).
# Writes <sample folder>/.docker-context/ (gitignored, replaced on each run) and prints its path.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

if [ $# -lt 1 ]; then
  echo "usage: $0 <sample> [workspace package...]" >&2
  exit 2
fi
if [ -f "$1/package.json" ]; then
  dir=$(cd "$1" && pwd)
else
  # A package name: the sample folder whose package.json has it (list-samples.sh's names).
  dir=$(cd "$root" && tooling/docker/list-samples.sh | awk -F '\t' -v n="$1" '$1 == n { print $2 }')
  if [ -z "$dir" ]; then
    echo "prune-context: no sample folder or sample named $1" >&2
    exit 2
  fi
  dir="$root/$dir"
fi
shift
name=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).name' "$dir/package.json")

out="$dir/.docker-context"
work=$(mktemp -d /tmp/dext-prune.XXXXXX)
trap 'rm -rf "$work"' EXIT
(cd "$root" && pnpm exec turbo prune "$name" @dext/tsconfig "$@" --docker --production --out-dir "$work/out" >/dev/null)

# Assembled beside the old context and swapped in whole, so a failed prune leaves the last one.
mv "$work/out/full" "$work/context"
cp "$work/out/pnpm-lock.yaml" "$root/.dockerignore" "$work/context/"
rm -rf "$out"
mv "$work/context" "$out"
echo "$out"
