# shellcheck shell=bash
# Sourced by the scripts in this folder: where the engine lives and which client talks to it.
# Each value can be overridden from the environment.

# Everything the engine writes (images, layers, containers, its log) stays under one folder.
DEXT_DOCKER_DIR=${DEXT_DOCKER_DIR:-/var/lib/dext-docker}
# Our own socket, so this engine never collides with a system dockerd on /var/run/docker.sock.
DEXT_DOCKER_SOCK=${DEXT_DOCKER_SOCK:-/run/dext-docker.sock}
# overlay2 shares layers instead of copying them (vfs copies each layer whole); see README.md.
DEXT_DOCKER_STORAGE=${DEXT_DOCKER_STORAGE:-overlay2}

# Debian's client (/usr/bin/docker) builds with BuildKit; the client some machines carry in
# /usr/local/bin has no buildx and falls back to the legacy builder, which rejects
# `FROM --platform=$BUILDPLATFORM`. Elsewhere (e.g. Docker Desktop) the `docker` on PATH is right.
# The TypeScript side makes the same choice in one place: dockerCliPath() of @dext/desktop-facts/node.
if [ -z "${DEXT_DOCKER_CLI:-}" ]; then
  if [ -x /usr/bin/docker ]; then DEXT_DOCKER_CLI=/usr/bin/docker; else DEXT_DOCKER_CLI=docker; fi
fi

# True when an engine answers at the given DOCKER_HOST (empty: the client's default).
engine_answers() {
  DOCKER_HOST=$1 "$DEXT_DOCKER_CLI" info --format '{{.ServerVersion}}' >/dev/null 2>&1
}

# Scripts that only talk to an engine use the one start-engine.sh started when DOCKER_HOST is unset,
# so they work in a fresh shell without `eval "$(start-engine.sh)"`.
use_started_engine() {
  if [ -z "${DOCKER_HOST:-}" ] && [ -S "$DEXT_DOCKER_SOCK" ] && engine_answers "unix://$DEXT_DOCKER_SOCK"; then
    export DOCKER_HOST="unix://$DEXT_DOCKER_SOCK"
  fi
}

# This machine's CPU as Docker names it (amd64, arm64).
machine_arch() {
  case "$(uname -m)" in
    x86_64) echo amd64 ;;
    aarch64 | arm64) echo arm64 ;;
    *) uname -m ;;
  esac
}

# The node base image for one CPU. This machine's CPU gets DEXT_NODE_IMAGE itself (the name the
# Dockerfiles use); another CPU gets the name Docker's per-CPU repositories give the same image
# (arm64v8/node:24-alpine, amd64/node:24-alpine), which the Dockerfiles' final stage takes as
# --build-arg NODE_RUNTIME_IMAGE: the classic image store holds one platform per name.
node_image_for() {
  local base=${DEXT_NODE_IMAGE:-node:24-alpine}
  if [ "$1" = "$(machine_arch)" ]; then echo "$base"; return; fi
  case "$1" in
    arm64) echo "arm64v8/$base" ;;
    *) echo "$1/$base" ;;
  esac
}
