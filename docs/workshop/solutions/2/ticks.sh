#!/bin/sh
# Lab 2: prints "tick <i> of <n>" once a second, so the tab can show each line as it comes.
# Usage: ticks.sh [count]  (default 5; exit 2 on a count that is not a whole number)
count="${1:-5}"
case "$count" in
  '' | *[!0-9]*) echo "ticks.sh: count must be a whole number, got '$count'" >&2; exit 2 ;;
esac
i=1
while [ "$i" -le "$count" ]; do
  echo "tick $i of $count"
  i=$((i + 1))
  if [ "$i" -le "$count" ]; then sleep 1; fi
done
