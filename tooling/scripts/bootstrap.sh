#!/usr/bin/env bash
# Sets up a fresh machine for dext: Node at the version .nvmrc pins (ensure-node.sh, from the npm
# registry, when the machine has another major), pnpm at the version package.json pins, Debian's Chromium for
# browser tests (when running as root on Debian and it is missing, and DEXT_CHROMIUM names no
# browser), then the workspace's dependencies from the lockfile and host-binaries' Bun runtimes.
# Safe to run again: each step is skipped when already done. On a GitHub runner, setup-node and
# pnpm/action-setup have put the pinned versions on PATH and DEXT_CHROMIUM names the runner's
# Chrome, so only the install and the runtimes' fetch run.
set -euo pipefail
cd "$(dirname "$0")/../.."

./tooling/scripts/ensure-node.sh
hash -r

pnpm_version=$(node -p 'require("./package.json").packageManager.split("@")[1]')
if [ "$(pnpm --version 2>/dev/null || true)" != "$pnpm_version" ]; then
  echo "bootstrap: installing pnpm $pnpm_version"
  # corepack cannot verify pnpm's signatures on this registry; npm installs it plainly.
  # Beside the node on PATH: npm's own default follows node's real location, which for
  # ensure-node's Node is a folder that is not on PATH.
  npm install --global --prefix "$(dirname "$(dirname "$(command -v node)")")" --no-fund --no-audit "pnpm@$pnpm_version" >/dev/null
  hash -r
fi

if [ -n "${DEXT_CHROMIUM:-}" ] && [ -x "$DEXT_CHROMIUM" ]; then
  echo "bootstrap: browser tests use DEXT_CHROMIUM=$DEXT_CHROMIUM"
elif [ "${DEXT_SKIP_CHROMIUM:-}" != "1" ] && [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "bootstrap: installing Debian's chromium for browser tests"
  export DEBIAN_FRONTEND=noninteractive
  # Wait for another apt run (an unattended upgrade, a second bootstrap) instead of failing at once.
  apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends chromium >/dev/null
fi

export TURBO_TELEMETRY_DISABLED=1
pnpm install --frozen-lockfile --prefer-offline

# host-binaries compiles its executables with Bun for five platforms, from runtimes fetched from the
# npm registry (about 250 MB, into ~/.cache/dext or $XDG_CACHE_HOME/dext). They are fetched here with
# the rest of the setup, so the first `pnpm test` or `pnpm start` does not wait for them (about 10 s
# on a fresh machine); nothing is fetched when they are cached.
pnpm --silent --filter host-binaries run fetch:runtimes
