#!/usr/bin/env bash
# check-image-cpu.sh <image> <amd64|arm64>: exports the image's file system (docker create, docker
# export; nothing is started) and checks that every ELF and Mach-O file in it is for that CPU
# (src/check-image-cpu.ts). Prints the counts on the first line, then each file for another CPU by
# its path in the image; exit 1 when there is one.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
use_started_engine

image=${1:?usage: check-image-cpu.sh <image> <amd64|arm64>}
cpu=${2:?usage: check-image-cpu.sh <image> <amd64|arm64>}
root=$(mktemp -d /tmp/dext-image-root.XXXXXX)
# An image with no CMD (FROM scratch) is created with a command it never runs.
container=$("$DEXT_DOCKER_CLI" create "$image" /dext-export-only)
trap '"$DEXT_DOCKER_CLI" rm "$container" >/dev/null; rm -rf "$root"' EXIT
"$DEXT_DOCKER_CLI" export "$container" | tar -x -C "$root" --no-same-owner --no-same-permissions
node "$here/src/check-image-cpu.ts" "$root" "$cpu"
