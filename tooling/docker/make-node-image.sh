#!/usr/bin/env bash
# Assembles a local stand-in for the `node:24-alpine` image from this machine's own Node, for
# engines that cannot pull (no registry reachable). Laid out like the real image: node, npm and
# corepack under /usr/local, busybox for /bin/sh and the usual applets, CA certificates, root and
# node users, a 1777 /tmp. It is glibc-based, not musl: `apk` does not exist in it.
# Tagged with the real name, so Dockerfiles' `FROM node:24-alpine` use it unchanged.
# Skips when the image already exists (pass --force to rebuild it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
use_started_engine

image=${DEXT_NODE_IMAGE:-node:24-alpine}
node_bin=$(readlink -f "$(command -v node)")
node_version=$("$node_bin" --version)
busybox_bin=$(command -v busybox || true)

if ! engine_answers "${DOCKER_HOST:-}"; then
  echo "make-node-image: no Docker engine answers at ${DOCKER_HOST:-the default socket}; run tooling/docker/start-engine.sh first." >&2
  exit 1
fi
if [ "${1:-}" != "--force" ] && "$DEXT_DOCKER_CLI" image inspect "$image" >/dev/null 2>&1; then
  echo "make-node-image: $image already exists (--force rebuilds it)"
  exit 0
fi
# The tag promises a Node major version; refuse to put another one behind it.
want=${image#*:}; want=${want%%[-.]*}
if [ "${node_version%%.*}" != "v$want" ]; then
  echo "make-node-image: this machine's node is $node_version, not what $image promises; install Node $want or set DEXT_NODE_IMAGE." >&2
  exit 1
fi
# The image has no libc of its own for busybox, so busybox must be the static build.
if [ -z "$busybox_bin" ] || ldd "$busybox_bin" >/dev/null 2>&1; then
  echo "make-node-image: needs a static busybox (Debian: busybox-static); run tooling/docker/install-engine.sh." >&2
  exit 1
fi

root=$(mktemp -d /tmp/dext-node-image.XXXXXX)
trap 'rm -rf "$root"' EXIT
echo "make-node-image: assembling $image from $node_bin ($node_version)"

# Node and the shared libraries it links (ldd lists each as "name => /path" or a bare loader path),
# plus the rest of glibc's runtime: native addons link more of it than node does (rollup's needs
# librt), and pnpm picks the glibc ("-gnu") builds of them because this node reports glibc.
mkdir -p "$root/usr/local/bin" "$root/usr/local/lib"
cp "$node_bin" "$root/usr/local/bin/node"
libs=$(ldd "$node_bin" | grep -o '/[^ ]*')
libc_dir=$(dirname "$(echo "$libs" | grep '/libc\.so')")
for lib in $libs "$libc_dir"/lib{rt,resolv,util,anl,mvec,nss_files,nss_dns}.so.*; do
  if [ -e "$lib" ]; then cp -L --parents "$lib" "$root"; fi
done

# npm and corepack where the real image has them; npm's global prefix follows node's location, so
# `npm install --global pnpm` lands in /usr/local as it does on the real image. Taken from the npm
# this machine runs, which need not sit beside its node (bootstrap's Node 24 comes without one).
node_modules=$(dirname "$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")")
mkdir -p "$root/usr/local/lib/node_modules"
cp -a "$node_modules/npm" "$node_modules/corepack" "$root/usr/local/lib/node_modules/"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
ln -s ../lib/node_modules/corepack/dist/corepack.js "$root/usr/local/bin/corepack"

# busybox as /bin/sh, /usr/bin/env and every other applet (hostname, cat, chmod...), as on Alpine.
mkdir -p "$root/bin" "$root/sbin" "$root/usr/bin" "$root/usr/sbin"
cp "$busybox_bin" "$root/bin/busybox"
for applet in $("$busybox_bin" --list-full); do
  [ -e "$root/$applet" ] || ln -s /bin/busybox "$root/$applet"
done

# The CA bundle: this machine's network presents its own certificate authority (NODE_EXTRA_CA_CERTS
# below makes node, so npm and pnpm, trust it), and TLS to public hosts needs the usual roots.
mkdir -p "$root/etc/ssl/certs"
cp -L /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"

# Users and groups of the real image (root, and node with uid 1000), name resolution, home folders.
cat >"$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/:/sbin/nologin
node:x:1000:1000::/home/node:/bin/sh
PASSWD
cat >"$root/etc/group" <<'GROUP'
root:x:0:root
nogroup:x:65534:
node:x:1000:node
GROUP
echo 'hosts: files dns' >"$root/etc/nsswitch.conf"
mkdir -p "$root/root" "$root/home/node" "$root/tmp"
chown 1000:1000 "$root/home/node"
chmod 1777 "$root/tmp"

tar -C "$root" --numeric-owner -c . | "$DEXT_DOCKER_CLI" import \
  --message "dext stand-in for $image, assembled from $node_bin $node_version" \
  --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --change "ENV NODE_VERSION=${node_version#v}" \
  --change "ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt" \
  --change 'CMD ["node"]' \
  - "$image" >/dev/null
echo "make-node-image: $image ready ($("$DEXT_DOCKER_CLI" image inspect "$image" --format '{{.Size}}' | awk '{printf "%.0f MB", $1/1e6}'))"
