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
# dockerd stops its containers first (10 s each by default); give it a little longer than that.
for _ in $(seq 1 150); do
  kill -0 "$pid" 2>/dev/null || { echo "stop-engine: stopped"; exit 0; }
  sleep 0.2
done
echo "stop-engine: dockerd (pid $pid) still running after 30 s; its log: $DEXT_DOCKER_DIR/dockerd.log" >&2
exit 1
