#!/usr/bin/env bash
# Installs what tooling/docker needs on a Debian machine: Debian's Docker Engine (dockerd 20.10,
# its containerd and runc, and a client with BuildKit support at /usr/bin/docker) and a static
# busybox for the node stand-in image. Skips everything already installed; root only, as apt-get is.
# Where an engine already answers (a GitHub runner's, Docker Desktop's) with `make` and Compose at
# hand, there is nothing to install: it says so and exits 0, as a user without root needs it to.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

say() { echo "install-engine: $*"; }

if engine_answers "${DOCKER_HOST:-}" && command -v make >/dev/null; then
  if ! command -v docker-compose >/dev/null && "$DEXT_DOCKER_CLI" compose version >/dev/null 2>&1; then
    # The dext host runs vm.composefile stacks with `docker-compose`; Compose v2 as a docker
    # plugin takes the same arguments. ~/.local/bin is on PATH on GitHub's Ubuntu runners.
    mkdir -p "$HOME/.local/bin"
    printf '#!/bin/sh\nexec %s compose "$@"\n' "$DEXT_DOCKER_CLI" >"$HOME/.local/bin/docker-compose"
    chmod +x "$HOME/.local/bin/docker-compose"
    say "docker-compose: $HOME/.local/bin/docker-compose runs \`$DEXT_DOCKER_CLI compose\`"
  fi
  if command -v docker-compose >/dev/null; then
    say "an engine already answers at ${DOCKER_HOST:-the default socket} ($("$DEXT_DOCKER_CLI" info --format '{{.ServerVersion}}')), with make and docker-compose: nothing to install"
    exit 0
  fi
fi

# docker.io: the engine and a BuildKit-capable client; busybox-static: the stand-in image's shell;
# docker-compose: Debian's compose 1.29, which the dext host uses for vm.composefile stacks;
# make: test-images.sh builds each sample with its Makefile's build-extension target.
packages=(docker.io busybox-static docker-compose make)

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  say "already installed: ${packages[*]}"
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  say "must run as root to apt-get install: ${missing[*]}" >&2
  say "run it with sudo, or install those packages yourself." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  say "apt-get not found; this script knows Debian only. Install: ${missing[*]}" >&2
  exit 1
fi

say "installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
# No recommends: start-engine.sh runs dockerd without iptables or a bridge, and nothing here needs
# apparmor, git or cgroupfs-mount. The package's service is not started here (no init system here);
# start-engine.sh starts its own dockerd.
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
say "done ($(/usr/sbin/dockerd --version))"
