#!/bin/sh
# Runs in the extension's container in the Desktop VM, started by the UI with
#   ddClient.extension.vm.cli.exec("./hello.sh", [text])
# Desktop passes each array element as one argument, unquoted by any shell, so "$1" is the text
# exactly as typed; printf '%s' keeps it that way (echo would interpret backslashes on some shells).
set -eu
name=${1:-world}
printf 'Hello, %s! (hello.sh in %s)\n' "$name" "$(hostname)"
