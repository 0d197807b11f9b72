#!/usr/bin/env bash
# Stops the dockerd that start-engine.sh started (by its pidfile; never an engine it did not start).
# Images and the build cache stay in $DEXT_DOCKER_DIR for the next start.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

pidfile="$DEXT_DOCKER_DIR/dockerd.pid"
if [ ! -f "$pidfile" ] || ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  echo "stop-engine: no engine started by start-engine.sh is running"
  rm -f "$pidfile"
  exit 0
fi
pid=$(cat "$pidfile")
echo "stop-engine: stopping dockerd (pid $pid)"
kill -TERM "$pid"
# dockerd first stops its containers (up to its 15 s shutdown timeout); give it a little longer.
for _ in $(seq 1 150); do
  if ! kill -0 "$pid" 2>/dev/null; then
    # dockerd can leave its network namespace mounted, which keeps $DEXT_DOCKER_DIR from being deleted.
    netns="$DEXT_DOCKER_DIR/exec/netns/default"
    if findmnt -rn "$netns" >/dev/null 2>&1; then umount "$netns" || true; fi
    echo "stop-engine: stopped"
    exit 0
  fi
  sleep 0.2
done
echo "stop-engine: dockerd (pid $pid) still running after 30 s; its log: $DEXT_DOCKER_DIR/dockerd.log" >&2
exit 1
