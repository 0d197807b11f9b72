#!/bin/sh
# Prints each argument it gets between angle brackets, so the page shows where words start and end.
for word in "$@"; do printf '<%s>' "$word"; done
