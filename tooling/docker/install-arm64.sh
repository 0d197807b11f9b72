#!/usr/bin/env bash
# Lets this amd64 machine build and run linux/arm64 images: Debian's qemu-user-static and
# binfmt-support, the qemu-aarch64 binfmt handler enabled (flags PF: the kernel opens the emulator
# once, so it works inside containers whose root has no qemu), and arm64 as a dpkg foreign
# architecture with its package lists, which make-node-image.sh --platform linux/arm64 downloads
# the base image's libraries from. Skips each part already done; root only, as apt-get is.
# On an arm64 machine it has nothing to do (its linux/amd64 images are for another script).
# Without root, a qemu-aarch64 handler someone else enabled (docker/setup-qemu-action on a GitHub
# runner) is enough: the arm64 package lists only serve make-node-image.sh's stand-in, and an
# engine that can pull uses the real arm64 image instead.
set -euo pipefail

say() { echo "install-arm64: $*"; }

if [ "$(dpkg --print-architecture 2>/dev/null || true)" != amd64 ]; then
  say "this machine is not amd64 (dpkg says '$(dpkg --print-architecture 2>/dev/null || echo none)'): nothing to do"
  exit 0
fi
handler=/proc/sys/fs/binfmt_misc/qemu-aarch64
packages=(qemu-user-static binfmt-support)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
foreign=$(dpkg --print-foreign-architectures)
# apt's package lists for arm64, once `apt-get update` has read them (apt-cache would take a second).
arm64_lists() { compgen -G '/var/lib/apt/lists/*_binary-arm64_Packages*' >/dev/null; }
if [ ${#missing[@]} -eq 0 ] && grep -qx enabled "$handler" 2>/dev/null && grep -qx arm64 <<<"$foreign" \
  && arm64_lists; then
  say "already set up: ${packages[*]}, the qemu-aarch64 handler ($(grep -o 'flags: .*' "$handler")), arm64 package lists"
  exit 0
fi
if [ "$(id -u)" != 0 ] && grep -qx enabled "$handler" 2>/dev/null; then
  say "the qemu-aarch64 handler is already enabled ($(grep -o 'flags: .*' "$handler")); not root, so no packages or arm64 lists installed"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  say "must run as root to install ${packages[*]} and enable the qemu-aarch64 binfmt handler" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! grep -qx arm64 <<<"$foreign"; then
  say "adding arm64 as a dpkg foreign architecture"
  dpkg --add-architecture arm64
fi
if [ ${#missing[@]} -gt 0 ] || ! arm64_lists; then
  apt-get update -qq >/dev/null
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# Without an init system the package's service never runs; update-binfmts mounts binfmt_misc
# itself when needed and registers the handler the package installed.
if ! grep -qx enabled "$handler" 2>/dev/null; then
  update-binfmts --enable qemu-aarch64
fi
if ! grep -qx enabled "$handler" 2>/dev/null; then
  say "the qemu-aarch64 binfmt handler is not enabled after update-binfmts (is binfmt_misc available in this kernel?)" >&2
  exit 1
fi
say "done: $(/usr/bin/qemu-aarch64-static --version | head -n 1), handler $(grep -o 'flags: .*' "$handler")"
