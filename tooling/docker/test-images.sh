#!/usr/bin/env bash
# The image stage of the tests. For every sample list-samples.sh names (or only those named as
# arguments), for linux/amd64 and linux/arm64: builds its image from its own Dockerfile with its
# Makefile's build-extension target, checks the built image and the folder with
# `dext validate <dir> --image --platform`, checks that every ELF and Mach-O file in the image is for
# its CPU (check-image-cpu.sh), then, on this machine's platform, runs the sample's `test:image` on
# that very image (DEXT_IMAGE), which starts the VM service the way Desktop does and drives it
# through the local Desktop host's image mode, and on the other, starts its VM service the same way
# under QEMU (src/check-vm-service.ts). DEXT_IMAGE_TESTS_PLATFORM names the platform that gets
# test:image and the engine tests (they drive Chromium; default: this machine's): a machine without
# a browser sets another, and its own images get the VM-service check instead. Also the engine
# tests that are not a sample's: a broken Dockerfile that must fail validation, `dext validate
# --image` on a real engine, and the Desktop host's image mode. Each sample, and the engine tests, is
# a job; DEXT_IMAGE_JOBS of them (default 2) run at once. Needs an engine (start-engine.sh), QEMU (install-arm64.sh) and both node base
# images (make-node-image.sh, with --platform for the other CPU; or pullable ones). Leaves no
# container behind; keeps the images and the build cache for the next run. Exit 1 when anything
# failed, after trying everything.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
. "$here/common.sh"
use_started_engine

say() { echo "test-images: $*" >&2; }

# How many jobs run at once (see below); checked before anything else is done.
jobs=${DEXT_IMAGE_JOBS:-2}
if ! [[ "$jobs" =~ ^[1-9][0-9]*$ ]]; then
  say "DEXT_IMAGE_JOBS must be a whole number from 1 (got: $jobs)"
  exit 2
fi

if ! engine_answers "${DOCKER_HOST:-}"; then
  say "no Docker engine answers at ${DOCKER_HOST:-the default socket}; run: eval \"\$(tooling/docker/start-engine.sh)\""
  exit 2
fi

samples=()
while IFS= read -r row; do
  name=${row%%$'\t'*}
  if [ $# -eq 0 ] || printf '%s\n' "$@" | grep -qxF "$name"; then samples+=("$row"); fi
done < <("$here/list-samples.sh")
if [ ${#samples[@]} -eq 0 ]; then
  say "no sample to test (a sample needs a Dockerfile and a test:image script${1:+; asked for: $*})"
  exit 2
fi

# The Makefiles call `docker`: for them only, the BuildKit-capable client (see common.sh) with
# BuildKit on. Not exported: tests that call the `docker` on PATH must not get DOCKER_BUILDKIT=1 with
# a client that has no buildx, which refuses to build then.
shim=$(mktemp -d /tmp/dext-docker-shim.XXXXXX)
work=$(mktemp -d /tmp/dext-test-images.XXXXXX)
trap 'rm -rf "$shim" "$work"' EXIT
ln -s "$(command -v "$DEXT_DOCKER_CLI")" "$shim/docker"

# The dext CLI (packages/metadata/bin/dext.js) and the Desktop host run from dist/: turbo builds the
# samples' dependencies (a cache hit after `pnpm test`).
filters=()
for row in "${samples[@]}"; do filters+=("--filter=${row%%$'\t'*}^..."); done
pnpm exec turbo run build "${filters[@]}" --output-logs=errors-only

# Every sample is built for each of these; this machine's own platform first. The other CPU's
# images are built with their final stage on its node base (make-node-image.sh --platform) and run
# under QEMU (install-arm64.sh).
native_arch=$(machine_arch)
read -r -a platforms <<<"${DEXT_IMAGE_PLATFORMS:-linux/$native_arch linux/$([ "$native_arch" = amd64 ] && echo arm64 || echo amd64)}"
base_image=$(node_image_for "$native_arch")
tests_platform=${DEXT_IMAGE_TESTS_PLATFORM:-linux/$native_arch}
base_size=$("$DEXT_DOCKER_CLI" image inspect --format '{{.Size}}' "$base_image" 2>/dev/null || echo 0)
# Each sample is a job: its platforms one after another (the other CPU's build reuses the first
# build's $BUILDPLATFORM stages), and the engine tests that are not a sample's are one more job.
# DEXT_IMAGE_JOBS of them run at once (default 2): one job alone kept this 2-core machine about 60 %
# busy (BuildKit's downloads, container starts and Chromium wait on more than the CPU), so two at a
# time finish the stage sooner; 1 runs them one after another. Each job's lines carry its name,
# and its results go to files of its own in $work, read once every job is done.

# One sample, every platform. Writes $work/sample-<n>.checks (a line per platform), .failed (a line per
# failure), .summary (a line per image), .seconds ("<arch> <seconds>" per platform) and, last,
# .done: a job that stopped before .done counts as failed.
test_sample() {
  local name=$1 dir=$2 image=$3 tag=$4 out="$work/sample-$5"
  : >"$out.checks"; : >"$out.failed"; : >"$out.summary"; : >"$out.seconds"
  local platform arch build_flags ref repo check started build_s built cpus vm vm_ok left size
  for platform in "${platforms[@]}"; do
    arch=${platform#linux/}
    # The classic image store keeps one platform per name, so another CPU's image gets its own name
    # (dext/minimal-backend-arm64:0.1.0); TAG stays the version, which the image's labels carry.
    build_flags="--network host --progress plain"
    local build_args=()
    ref="$image:$tag" repo=$image
    if [ "$arch" != "$native_arch" ]; then
      repo="$image-$arch" ref="$image-$arch:$tag"
      build_args=(--build-arg "NODE_RUNTIME_IMAGE=$(node_image_for "$arch")")
      build_flags="$build_flags --platform $platform ${build_args[*]}"
    fi
    check="$(printf '%-18s %-12s' "$name" "$platform")"
    say "== $name ($platform): build $ref from $dir/Dockerfile"
    started=$SECONDS
    # --network host: the engine tooling/docker starts has no bridge network; elsewhere it is harmless.
    if ! DOCKER_BUILDKIT=1 PATH="$shim:$PATH" make -C "$dir" --no-print-directory build-extension IMAGE="$repo" TAG="$tag" \
      BUILD_FLAGS="$build_flags"; then
      echo "$name ($platform): build" >>"$out.failed"
      echo "$check build FAILED" >>"$out.checks"
      continue
    fi
    build_s=$((SECONDS - started))
    built=$("$DEXT_DOCKER_CLI" image inspect --format '{{.Os}}/{{.Architecture}}' "$ref" || echo "no image")
    if [ "$built" != "$platform" ]; then
      echo "$name ($platform): the image is for $built" >>"$out.failed"
      check="$check built for $built (WRONG)"
    else
      check="$check built in ${build_s} s"
    fi

    say "== $name ($platform): dext validate $dir --image $ref --platform $platform"
    if node packages/metadata/bin/dext.js validate "$dir" --image "$ref" --platform "$platform" "${build_args[@]}"; then
      check="$check, validated"
    else
      echo "$name ($platform): dext validate --image" >>"$out.failed"
      check="$check, validation FAILED"
    fi

    # Every ELF and Mach-O file in the image's file system must be for the image's CPU: a host
    # binary or native module of the build machine's would not run on the other one.
    say "== $name ($platform): the CPU of every binary in $ref"
    if cpus=$("$here/check-image-cpu.sh" "$ref" "$arch"); then
      check="$check, file CPUs checked ($cpus)"
    else
      echo "$name ($platform): binaries for another CPU" >>"$out.failed"
      check="$check, file CPUs WRONG ($(head -n 1 <<<"$cpus"))"
    fi
    echo "$cpus" >&2

    if [ "$platform" = "$tests_platform" ]; then
      say "== $name ($platform): test:image on $ref"
      if DEXT_IMAGE_TESTS=1 DEXT_IMAGE="$ref" pnpm --filter "$name" run test:image; then
        check="$check, test:image passed (VM service answered)"
      else
        echo "$name: test:image" >>"$out.failed"
        check="$check, test:image FAILED"
      fi
    else
      # Another platform's image: its VM service started as Desktop starts it, under QEMU when it
      # is not this machine's CPU (its binaries are all for its own CPU, checked above).
      say "== $name ($platform): the VM service of $ref$([ "$arch" = "$native_arch" ] || echo ", emulated")"
      vm_ok=true
      vm=$(node --conditions=@dext/source "$here/src/check-vm-service.ts" "$ref") || vm_ok=false
      echo "$vm" >&2
      check="$check, $vm"
      if [ "$vm_ok" = false ]; then echo "$name ($platform): VM service" >>"$out.failed"; fi
    fi
    echo "$arch $((SECONDS - started))" >>"$out.seconds"
    echo "$check; $((SECONDS - started)) s in all" >>"$out.checks"

    # Everything a test started from the image (VM service, compose stack, helpers) must be gone.
    left=$("$DEXT_DOCKER_CLI" ps -aq --filter "ancestor=$ref")
    if [ -n "$left" ]; then
      say "$name: containers of $ref left behind: $(echo "$left" | tr '\n' ' ')(removing them)"
      echo "$left" | xargs "$DEXT_DOCKER_CLI" rm -f >/dev/null
      echo "$name ($platform): containers left behind" >>"$out.failed"
    fi

    size=$("$DEXT_DOCKER_CLI" image inspect --format '{{.Size}}' "$ref")
    awk -v n="$name" -v r="$ref" -v s="$size" -v b="$base_size" -v t="$build_s" \
      'BEGIN { printf "%-18s %-36s build %4d s   %6.1f MB   %s\n", n, r, t, s / 1e6, (b > 0 ? sprintf("%.2fx %s", s / b, "the base image") : "") }' \
      >>"$out.summary"
  done
  : >"$out.done"
}

# The engine tests that are not a sample's, with files like a sample's job.
test_engine() {
  local out="$work/engine"
  : >"$out.failed"
  say "== engine tests: a broken Dockerfile fails validation; dext validate --image on a real engine"
  if ! DEXT_IMAGE_TESTS=1 pnpm --filter @dext/metadata exec vitest run src/image-broken-dockerfile.test.ts src/image-labels.test.ts; then
    echo "@dext/metadata: engine tests" >>"$out.failed"
  fi
  say "== engine tests: the Desktop host installing extensions from images, compose stacks included"
  if ! DEXT_IMAGE_TESTS=1 pnpm --filter @dext/desktop exec vitest run src/image-mode.test.ts; then
    echo "@dext/desktop: image mode" >>"$out.failed"
  fi
  : >"$out.done"
}

# Starts one job in the background, every line it prints prefixed with its label.
start_job() {
  local label=$1
  shift
  { "$@" 2>&1 | while IFS= read -r line; do printf '%s | %s\n' "$label" "$line"; done >&2; } &
}

# Each job's files in $work, by the job's number (a package name may hold a slash).
job_files=()
job_labels=()
running=0
for row in "${samples[@]}"; do
  IFS=$'\t' read -r name dir image tag <<<"$row"
  if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
  start_job "$name" test_sample "$name" "$dir" "$image" "$tag" "${#job_files[@]}"
  job_files+=("sample-${#job_files[@]}")
  job_labels+=("$name")
  running=$((running + 1))
done
if printf '%s\n' "${platforms[@]}" | grep -qxF "$tests_platform"; then
  if [ "$running" -ge "$jobs" ]; then wait -n || true; fi
  start_job "engine tests" test_engine
  job_files+=(engine)
  job_labels+=("engine tests")
else
  say "== engine tests: on $tests_platform, not here (${platforms[*]})"
fi
wait

failed=()
checks=()
summary=()
for i in "${!job_files[@]}"; do
  out="$work/${job_files[$i]}"
  if [ ! -e "$out.done" ]; then failed+=("${job_labels[$i]}: stopped before its last step (see its lines above)"); fi
  if [ -e "$out.failed" ]; then while IFS= read -r line; do failed+=("$line"); done <"$out.failed"; fi
  if [ -e "$out.checks" ]; then while IFS= read -r line; do checks+=("$line"); done <"$out.checks"; fi
  if [ -e "$out.summary" ]; then while IFS= read -r line; do summary+=("$line"); done <"$out.summary"; fi
done

say "per sample and platform:"
printf '  %s\n' "${checks[@]+"${checks[@]}"}" >&2
# Seconds each platform's steps took, all samples together: what the other CPU adds to the stage.
cat "$work"/*.seconds 2>/dev/null | awk '{ s[$1] += $2 } END { for (a in s) printf "test-images: linux/%s, every sample: %d s\n", a, s[a] }' >&2
say "images ($base_image is $(awk -v b="$base_size" 'BEGIN { printf "%.1f MB", b / 1e6 }')):"
printf '  %s\n' "${summary[@]+"${summary[@]}"}" >&2
if [ ${#failed[@]} -gt 0 ]; then
  say "FAILED: ${failed[*]}"
  exit 1
fi
say "all passed: ${#samples[@]} sample(s) x ${#platforms[@]} platform(s) built, validated, CPU-checked and run"
