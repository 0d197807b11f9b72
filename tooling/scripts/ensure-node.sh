#!/usr/bin/env bash
# Makes `node` on PATH the version .nvmrc names, from the npm registry (Node's own binary is
# published there as node-linux-<arch>; no other download is made), when the one found is another
# major version. Installs it under <prefix>/lib/dext-node/v<version> and links <prefix>/bin/node:
# the prefix is DEXT_NODE_PREFIX, else /usr/local for root, else ~/.local. Says what it did, and
# fails, saying what to do, when that bin folder does not come first on PATH. npm's global config
# (its cafile, registry) is carried over to the new Node, with the same prefix for global installs.
set -euo pipefail
cd "$(dirname "$0")/../.."

want=$(tr -d ' \nv' < .nvmrc)
have=$(node -p 'process.versions.node' 2>/dev/null || echo none)
if [ "${have%%.*}" = "${want%%.*}" ]; then exit 0; fi

case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "ensure-node: no Node $want package for $(uname -m); install Node $want yourself" >&2; exit 1 ;;
esac
if [ "$(uname -s)" != Linux ]; then
  echo "ensure-node: found Node $have; install Node $want (see .nvmrc) with your usual installer" >&2
  exit 1
fi

if [ -n "${DEXT_NODE_PREFIX:-}" ]; then prefix=$DEXT_NODE_PREFIX
elif [ "$(id -u)" = 0 ]; then prefix=/usr/local
else prefix=$HOME/.local
fi
dest="$prefix/lib/dext-node/v$want"
if [ ! -x "$dest/bin/node" ]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/dext-node.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  echo "ensure-node: found Node $have; fetching node-linux-$arch@$want from the npm registry"
  (cd "$work" && npm pack --silent "node-linux-$arch@$want" >/dev/null)
  mkdir -p "$work/unpacked"
  tar -xzf "$work"/node-linux-"$arch"-*.tgz -C "$work/unpacked" --strip-components=1
  "$work/unpacked/bin/node" --version >/dev/null   # runs here before it replaces anything
  mkdir -p "$(dirname "$dest")"
  rm -rf "$dest.partial" && mv "$work/unpacked" "$dest.partial" && mv "$dest.partial" "$dest"
fi
# npm finds its global config beside the node that runs it, so the new Node would lose the
# machine's (a cafile for this network's certificate authority, a registry): carry it over, read
# by the npm of the node still on PATH, and keep global installs (pnpm) in the prefix on PATH.
if [ ! -f "$dest/etc/npmrc" ]; then
  old_global=$(npm config get globalconfig 2>/dev/null || true)
  mkdir -p "$dest/etc"
  { if [ -n "$old_global" ] && [ -f "$old_global" ]; then cat "$old_global"; echo; fi; echo "prefix=$prefix"; } > "$dest/etc/npmrc"
fi
mkdir -p "$prefix/bin"
ln -sfn "$dest/bin/node" "$prefix/bin/node"
hash -r
found=$(command -v node)
if [ "$(node -p 'process.versions.node')" != "$want" ]; then
  echo "ensure-node: installed Node $want as $prefix/bin/node, but $found comes first on PATH." >&2
  echo "ensure-node: put $prefix/bin before $(dirname "$found") in PATH (export PATH=\"$prefix/bin:\$PATH\") and run bootstrap again." >&2
  exit 1
fi
echo "ensure-node: Node $want (was $have) installed at $dest, linked as $prefix/bin/node"
