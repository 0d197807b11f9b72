#!/usr/bin/env bash
# Installs what tooling/docker needs on a Debian machine: Debian's Docker Engine (dockerd 20.10,
# its containerd and runc, and a client with BuildKit support at /usr/bin/docker) and a static
# busybox for the node stand-in image. Skips everything already installed; root only, as apt-get is.
set -euo pipefail

# docker.io: the engine and a BuildKit-capable client; busybox-static: the stand-in image's shell;
# docker-compose: Debian's compose 1.29, which the dext host uses for vm.composefile stacks;
# make: test-images.sh builds each sample with its Makefile's build-extension target.
packages=(docker.io busybox-static docker-compose make)

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-engine: already installed: ${packages[*]}"
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  echo "install-engine: must run as root to apt-get install: ${missing[*]}" >&2
  echo "install-engine: run it with sudo, or install those packages yourself." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "install-engine: apt-get not found; this script knows Debian only. Install: ${missing[*]}" >&2
  exit 1
fi

echo "install-engine: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
# No recommends: start-engine.sh runs dockerd without iptables or a bridge, and nothing here needs
# apparmor, git or cgroupfs-mount. The package's service is not started here (no init system here);
# start-engine.sh starts its own dockerd.
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-engine: done ($(/usr/sbin/dockerd --version))"
