#!/usr/bin/env bash
# Build times and image sizes of every sample's extension image (the samples list-samples.sh names),
# on an engine of its own started for the purpose, so that "cold" really is cold and no other
# engine's cache or load is touched. Builds `git archive HEAD` (the committed tree, not a working
# tree that may be half-edited), each sample with its Makefile's build-extension target. Per sample
# and run:
#   cold      build cache pruned and the image removed (the node base image stays): every step
#             runs, `pnpm install` downloads the sample's packages from the npm registry
#   warm      the same build again, nothing changed: every step cached
#   unrelated after a comment added to a file of @dext/desktop, which no sample's image is built
#             from: the pruned context (prune-context.sh) does not change, every step cached
#   edit      after a one-byte change to the sample's metadata.json: the manifests stage reruns
#             (its result unchanged, so `pnpm install` stays cached), then `COPY . .`, the build and
#             the final stage
# Each build is `make build-extension`: prune-context.sh, then `docker build` from the pruned context.
# Prints a Markdown table on stdout (progress on stderr), with ratios against figures of the same
# run: warm/cold, unrelated/cold, edit/cold, and image size / base image size. Root only (it starts dockerd).
# Usage: bench-images.sh [--runs N]   (default 2)
# Settings: DEXT_BENCH_DIR (default /var/lib/dext-docker-bench; deleted afterwards),
# DEXT_BENCH_SOCK (default /run/dext-docker-bench.sock).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

runs=2
if [ "${1:-}" = "--runs" ] && [[ "${2:-}" =~ ^[1-9][0-9]*$ ]]; then runs=$2; elif [ $# -gt 0 ]; then echo "usage: $0 [--runs N]" >&2; exit 2; fi

say() { echo "bench-images: $*" >&2; }

# A separate engine: its own data root, socket and pidfile, so stop-engine.sh below stops only it.
export DEXT_DOCKER_DIR=${DEXT_BENCH_DIR:-/var/lib/dext-docker-bench}
export DEXT_DOCKER_SOCK=${DEXT_BENCH_SOCK:-/run/dext-docker-bench.sock}
unset DOCKER_HOST DEXT_DOCKER_STARTED
. "$here/common.sh"
if [ -e "$DEXT_DOCKER_DIR" ]; then
  say "$DEXT_DOCKER_DIR exists; remove it (or set DEXT_BENCH_DIR) so the engine starts empty"
  exit 2
fi
context=$(mktemp -d /tmp/dext-bench-context.XXXXXX)
shim=$(mktemp -d /tmp/dext-docker-shim.XXXXXX)
cleanup() {
  if [ "${DEXT_DOCKER_STARTED:-}" = 1 ]; then "$here/stop-engine.sh" >&2 || true; fi
  rm -rf "$context" "$shim" "$DEXT_DOCKER_DIR"
}
trap cleanup EXIT

eval "$("$here/start-engine.sh")"
if [ "${DEXT_DOCKER_STARTED:-}" != 1 ]; then
  say "start-engine.sh reused an engine instead of starting an empty one; the figures would not be cold"
  exit 1
fi
started=$SECONDS
"$here/make-node-image.sh" >&2
base_s=$((SECONDS - started))
base_image=${DEXT_NODE_IMAGE:-node:24-alpine}
base_size=$("$DEXT_DOCKER_CLI" image inspect --format '{{.Size}}' "$base_image")

git -C "$root" archive HEAD | tar -x -C "$context"
# prune-context.sh runs turbo: the workspace's installed packages, not a second install.
ln -s "$root/node_modules" "$context/node_modules"
unrelated_file=$(cd "$context" && ls packages/desktop/src/server/*.ts | head -n 1)
commit=$(git -C "$root" rev-parse --short HEAD)
ln -s "$(command -v "$DEXT_DOCKER_CLI")" "$shim/docker"

# Seconds (to 0.01) one `make build-extension` takes; its output goes to stderr.
build() {
  local dir=$1 image=$2 tag=$3 began
  began=$(date +%s%N)
  DOCKER_BUILDKIT=1 PATH="$shim:$PATH" make -C "$context/$dir" --no-print-directory build-extension \
    IMAGE="$image" TAG="$tag" BUILD_FLAGS="--network host --progress plain" >&2
  awk -v ns=$(($(date +%s%N) - began)) 'BEGIN { printf "%.2f", ns / 1e9 }'
}

rows=()
while IFS=$'\t' read -r name dir image tag; do
  for run in $(seq 1 "$runs"); do
    say "== $name, run $run of $runs: cold"
    "$DEXT_DOCKER_CLI" image rm -f "$image:$tag" >/dev/null 2>&1 || true
    "$DEXT_DOCKER_CLI" builder prune -af >/dev/null
    cold=$(build "$dir" "$image" "$tag")
    say "== $name, run $run: warm"
    warm=$(build "$dir" "$image" "$tag")
    say "== $name, run $run: unrelated ($unrelated_file)"
    printf '// bench-images: an unrelated edit\n' >>"$context/$unrelated_file"
    unrelated=$(build "$dir" "$image" "$tag")
    say "== $name, run $run: edit (metadata.json)"
    printf '\n' >>"$context/$dir/metadata.json"
    edit=$(build "$dir" "$image" "$tag")
    size=$("$DEXT_DOCKER_CLI" image inspect --format '{{.Size}}' "$image:$tag")
    rows+=("$(awk -v n="$name" -v r="$run" -v c="$cold" -v w="$warm" -v u="$unrelated" -v e="$edit" -v s="$size" -v b="$base_size" 'BEGIN {
      printf "| %s | %d | %.1f | %.2f | %.3f | %.2f | %.3f | %.1f | %.2f | %.1f | %.2fx |", n, r, c, w, (c > 0 ? w / c : 0), u, (c > 0 ? u / c : 0), e, (c > 0 ? e / c : 0), s / 1e6, s / b }')")
  done
done < <(cd "$context" && tooling/docker/list-samples.sh)

echo "Commit $commit, $(date -u '+%Y-%m-%d %H:%M UTC'), engine $("$DEXT_DOCKER_CLI" info --format '{{.ServerVersion}}, {{.Driver}}'), $(nproc) cores."
echo "Base image $base_image: $(awk -v b="$base_size" 'BEGIN { printf "%.1f MB", b / 1e6 }'), assembled in ${base_s} s."
echo
echo "| sample | run | cold, s | warm, s | warm / cold | unrelated, s | unrelated / cold | edit, s | edit / cold | image, MB | image / base |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
