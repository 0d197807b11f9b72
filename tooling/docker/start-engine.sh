#!/usr/bin/env bash
# Starts a Docker Engine for building and testing extension images on a machine without Docker
# Desktop (CI, a Linux VM): Debian's dockerd with no iptables and no bridge (containers use
# --network none or host), all its state under $DEXT_DOCKER_DIR, its socket at $DEXT_DOCKER_SOCK.
# Reuses an engine that already answers at $DOCKER_HOST or at the default socket.
# Prints only lines to evaluate on stdout, so this works:  eval "$(tooling/docker/start-engine.sh)"
# They set DOCKER_HOST, and DEXT_DOCKER_STARTED=1 when this run started dockerd itself: a caller
# that cleans up stops only an engine it started (stop-engine.sh), never one it merely reused.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

say() { echo "start-engine: $*" >&2; }

if [ -n "${DOCKER_HOST:-}" ] && engine_answers "$DOCKER_HOST"; then
  say "reusing the engine at DOCKER_HOST=$DOCKER_HOST"
  echo "export DOCKER_HOST=$DOCKER_HOST"
  exit 0
fi
if [ -n "${DOCKER_HOST:-}" ]; then say "no engine answers at DOCKER_HOST=$DOCKER_HOST; looking further"; fi
ours="unix://$DEXT_DOCKER_SOCK"
if engine_answers "$ours"; then
  say "reusing the engine already running at $ours"
  echo "export DOCKER_HOST=$ours"
  exit 0
fi
if [ -z "${DOCKER_HOST:-}" ] && [ -S /var/run/docker.sock ] && engine_answers "unix:///var/run/docker.sock"; then
  say "reusing the engine at the default socket /var/run/docker.sock"
  echo "export DOCKER_HOST=unix:///var/run/docker.sock"
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  say "no engine answers, and starting dockerd needs root. Run this as root, or set DOCKER_HOST."
  exit 1
fi
dockerd=$(command -v dockerd || echo /usr/sbin/dockerd)
if [ ! -x "$dockerd" ]; then
  say "dockerd not found; run tooling/docker/install-engine.sh first."
  exit 1
fi

mkdir -p "$DEXT_DOCKER_DIR/data" "$DEXT_DOCKER_DIR/exec"
log="$DEXT_DOCKER_DIR/dockerd.log"
pidfile="$DEXT_DOCKER_DIR/dockerd.pid"
# A dockerd killed hard leaves its pidfile and socket behind; dockerd refuses to start over either.
if [ -f "$pidfile" ] && ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then rm -f "$pidfile"; fi
if [ -S "$DEXT_DOCKER_SOCK" ] && [ ! -f "$pidfile" ]; then rm -f "$DEXT_DOCKER_SOCK"; fi

say "starting dockerd ($DEXT_DOCKER_STORAGE storage, state in $DEXT_DOCKER_DIR, log $log)"
# --iptables=false --bridge=none: this machine has no firewall rules to manage and no network to
# bridge to; builds use --network host and test containers --network none.
# setsid: dockerd outlives this script and the shell that ran it, until stop-engine.sh.
setsid "$dockerd" \
  --storage-driver="$DEXT_DOCKER_STORAGE" \
  --iptables=false --bridge=none \
  --data-root="$DEXT_DOCKER_DIR/data" \
  --exec-root="$DEXT_DOCKER_DIR/exec" \
  --pidfile="$pidfile" \
  --host="$ours" \
  >"$log" 2>&1 </dev/null &

deadline=$((SECONDS + ${DEXT_DOCKER_START_TIMEOUT:-60}))
until engine_answers "$ours"; do
  if [ $SECONDS -ge $deadline ] || ! kill -0 $! 2>/dev/null; then
    say "dockerd did not answer at $ours; the end of $log (without gRPC chatter):"
    grep -v 'module=grpc' "$log" | tail -n 20 >&2
    exit 1
  fi
  sleep 0.2
done
say "engine ready at $ours ($("$DEXT_DOCKER_CLI" -H "$ours" info --format '{{.ServerVersion}}, {{.Driver}}'))"
echo "export DOCKER_HOST=$ours"
echo "export DEXT_DOCKER_STARTED=1"
