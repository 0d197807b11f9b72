#!/usr/bin/env bash
# Assembles a local stand-in for the `node:24-alpine` image, for engines that cannot pull (no
# registry reachable). Laid out like the real image: node, npm and corepack under /usr/local,
# busybox for /bin/sh and the usual applets, CA certificates, root and node users, a 1777 /tmp.
# It is glibc-based, not musl: `apk` does not exist in it.
# For this machine's platform (the default) it is made from this machine's own Node and tagged with
# the real name, so Dockerfiles' `FROM node:24-alpine` use it unchanged. With --platform for
# another CPU (linux/arm64 on an amd64 machine) it is made from Debian's packages of that CPU
# (install-arm64.sh enables them) and Node's binary for it from the npm registry, and named as
# Docker's per-CPU repositories name the real image (arm64v8/node:24-alpine): dockerd's classic
# image store holds one platform per name, and the build stages need node:24-alpine for this
# machine's CPU (README.md, "Two platforms, one engine").
# Skips when the image already exists (pass --force to rebuild it). An engine that can pull (a
# GitHub runner's) gets the real image instead: the pull is tried first, and where no registry
# answers it fails within DEXT_PULL_TIMEOUT seconds (default 60) and the stand-in is assembled.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
use_started_engine

force=false platform=""
while [ $# -gt 0 ]; do
  case "$1" in
    --force) force=true ;;
    --platform) platform=${2:?--platform wants os/arch, e.g. linux/arm64}; shift ;;
    --platform=*) platform=${1#--platform=} ;;
    *) echo "usage: $0 [--force] [--platform linux/amd64|linux/arm64]" >&2; exit 2 ;;
  esac
  shift
done
arch=$(machine_arch)
if [ -n "$platform" ]; then
  case "$platform" in
    linux/amd64 | linux/arm64) arch=${platform#linux/} ;;
    *) echo "make-node-image: --platform must be linux/amd64 or linux/arm64, got $platform" >&2; exit 2 ;;
  esac
fi
image=$(node_image_for "$arch")
node_version=$(node --version)
busybox_bin=$(command -v busybox || true)

if ! engine_answers "${DOCKER_HOST:-}"; then
  echo "make-node-image: no Docker engine answers at ${DOCKER_HOST:-the default socket}; run tooling/docker/start-engine.sh first." >&2
  exit 1
fi
if [ "$force" = false ] && "$DEXT_DOCKER_CLI" image inspect "$image" >/dev/null 2>&1; then
  echo "make-node-image: $image already exists (--force rebuilds it)"
  exit 0
fi
if [ "$force" = false ]; then
  if timeout "${DEXT_PULL_TIMEOUT:-60}" "$DEXT_DOCKER_CLI" pull --quiet --platform "linux/$arch" "$image" >/dev/null 2>&1; then
    echo "make-node-image: pulled the real $image for linux/$arch"
    exit 0
  fi
  echo "make-node-image: $image cannot be pulled here; assembling the stand-in"
fi
# The tag promises a Node major version; refuse to put another one behind it.
want=${image#*:}; want=${want%%[-.]*}
if [ "${node_version%%.*}" != "v$want" ]; then
  echo "make-node-image: this machine's node is $node_version, not what $image promises; install Node $want or set DEXT_NODE_IMAGE." >&2
  exit 1
fi
# The applet list comes from this machine's busybox, whatever CPU the image's own one is for.
if [ -z "$busybox_bin" ] || ldd "$busybox_bin" >/dev/null 2>&1; then
  echo "make-node-image: needs a static busybox (Debian: busybox-static); run tooling/docker/install-engine.sh." >&2
  exit 1
fi

root=$(mktemp -d /tmp/dext-node-image.XXXXXX)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/usr/local/bin" "$root/usr/local/lib" "$root/bin" "$root/sbin" "$root/usr/bin" "$root/usr/sbin"

if [ "$arch" = "$(machine_arch)" ]; then
  node_bin=$(readlink -f "$(command -v node)")
  echo "make-node-image: assembling $image from $node_bin ($node_version)"
  # Node and the shared libraries it links (ldd lists each as "name => /path" or a bare loader path),
  # plus the rest of glibc's runtime: native addons link more of it than node does (rollup's needs
  # librt), and pnpm picks the glibc ("-gnu") builds of them because this node reports glibc.
  cp "$node_bin" "$root/usr/local/bin/node"
  libs=$(ldd "$node_bin" | grep -o '/[^ ]*')
  libc_dir=$(dirname "$(echo "$libs" | grep '/libc\.so')")
  for lib in $libs "$libc_dir"/lib{rt,resolv,util,anl,mvec,nss_files,nss_dns}.so.*; do
    if [ -e "$lib" ]; then cp -L --parents "$lib" "$root"; fi
  done
  cp "$busybox_bin" "$root/bin/busybox"
else
  # Another CPU: this machine's Node version built for it (the npm registry's node-linux-<cpu>
  # package), and Debian's glibc, libgcc, libstdc++ and static busybox for it, unpacked as dpkg
  # would (Debian's libc6 has the same runtime libraries the native stand-in copies).
  node_cpu=$([ "$arch" = amd64 ] && echo x64 || echo "$arch")
  node_bin="node-linux-$node_cpu@${node_version#v}"
  echo "make-node-image: assembling $image for linux/$arch from $node_bin and Debian's $arch packages"
  if ! apt-cache show "libc6:$arch" >/dev/null 2>&1; then
    echo "make-node-image: apt has no $arch packages; run tooling/docker/install-arm64.sh (root) first." >&2
    exit 1
  fi
  downloads=$(mktemp -d /tmp/dext-node-debs.XXXXXX)
  trap 'rm -rf "$root" "$downloads"' EXIT
  (cd "$downloads" && apt-get download -qq -o APT::Sandbox::User=root "libc6:$arch" "libgcc-s1:$arch" "libstdc++6:$arch" "busybox-static:$arch" >/dev/null)
  for deb in "$downloads"/*.deb; do dpkg -x "$deb" "$root"; done
  # Documentation, locales and iconv modules: the native stand-in carries none of them either.
  rm -rf "$root/usr/share" "$root/usr/lib/${arch/arm64/aarch64}-linux-gnu/gconv" "$root/usr/libexec" "$root/sbin/ldconfig"
  busybox_target=$(find "$root/bin" "$root/usr/bin" -maxdepth 1 -name busybox | head -n 1)
  [ "$busybox_target" = "$root/bin/busybox" ] || mv "$busybox_target" "$root/bin/busybox"
  (cd "$downloads" && npm pack --silent "$node_bin" >/dev/null)
  tar -xzf "$downloads"/node-linux-*.tgz -C "$downloads" package/bin/node
  cp "$downloads/package/bin/node" "$root/usr/local/bin/node"
  chmod 755 "$root/usr/local/bin/node"
fi

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

env_path=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
ca_certs=/etc/ssl/certs/ca-certificates.crt
if [ "$arch" = "$(machine_arch)" ]; then
  tar -C "$root" --numeric-owner -c . | "$DEXT_DOCKER_CLI" import \
    --message "dext stand-in for $image, assembled from $node_bin $node_version" \
    --change "ENV PATH=$env_path" \
    --change "ENV NODE_VERSION=${node_version#v}" \
    --change "ENV NODE_EXTRA_CA_CERTS=$ca_certs" \
    --change 'CMD ["node"]' \
    - "$image" >/dev/null
else
  # `docker import --platform` on dockerd 20.10 still records this machine's CPU, and BuildKit uses a
  # local base only when its platform matches the build's: so the image is built, FROM scratch.
  context=$(mktemp -d /tmp/dext-node-context.XXXXXX)
  trap 'rm -rf "$root" "${downloads:-}" "$context"' EXIT
  tar -C "$root" --numeric-owner -cf "$context/root.tar" .
  cat >"$context/Dockerfile" <<DOCKERFILE
FROM scratch
ADD root.tar /
ENV PATH=$env_path NODE_VERSION=${node_version#v} NODE_EXTRA_CA_CERTS=$ca_certs
CMD ["node"]
DOCKERFILE
  DOCKER_BUILDKIT=1 "$DEXT_DOCKER_CLI" build --quiet --platform "linux/$arch" \
    --label "org.opencontainers.image.description=dext stand-in for $image, assembled from $node_bin" \
    -t "$image" "$context" >/dev/null
fi
echo "make-node-image: $image ready ($("$DEXT_DOCKER_CLI" image inspect "$image" --format '{{.Size}}' | awk '{printf "%.0f MB", $1/1e6}'))"
