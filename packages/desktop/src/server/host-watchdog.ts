import { spawn } from "node:child_process";
import { basename, dirname } from "node:path";
import { DesktopHostError } from "./errors.ts";

// The watchdog is a shell that only reads: the host tells it each process group it starts (`+pgid`)
// and ends (`-pgid`), and `done` once its own stop has cleaned up. When its input ends without
// `done`, the host died without stopping (SIGKILL, a crash, a test runner ending its worker), so
// the watchdog kills the groups still listed and removes the host's state folder, which no one
// else would. `sh` reads line by line from a pipe, so nothing is lost between lines.
const script = `
state=$1
groups=" "
while IFS= read -r line; do
  case $line in
    +*) groups="$groups\${line#+} " ;;
    -*) kept=" "; for g in $groups; do [ "$g" = "\${line#-}" ] || kept="$kept$g "; done; groups=$kept ;;
    done) exit 0 ;;
  esac
done
for g in $groups; do kill -s KILL -- "-$g" 2>/dev/null; done
rm -rf -- "$state"
`;

/** What the host tells its watchdog. Every call is a no-op once the watchdog is gone. */
export interface HostWatchdog {
  /** A process group the host started (its leader's pid). */
  started(pgid: number): void;
  /** A process group the host ended itself. */
  ended(pgid: number): void;
  /** The host stopped and cleaned up: the watchdog exits and touches nothing. */
  close(): void;
}

/**
 * Starts the watchdog of a host whose state lives in `stateRoot` (a folder the host made with
 * mkdtemp under /tmp, named dext-host-*: anything else is refused, since the watchdog deletes it).
 * It runs in a process group of its own, so whatever ends the host's group leaves it running to clean up,
 * and it never keeps the host's event loop alive.
 */
export function startHostWatchdog(stateRoot: string): HostWatchdog {
  if (dirname(stateRoot) !== "/tmp" || !/^dext-host-[A-Za-z0-9]+$/.test(basename(stateRoot))) {
    throw new DesktopHostError(
      "path_invalid",
      `the host watchdog removes only /tmp/dext-host-* state folders, not ${stateRoot}`,
    );
  }
  const child = spawn("/bin/sh", ["-c", script, "dext-host-watchdog", stateRoot], {
    detached: true,
    stdio: ["pipe", "ignore", "ignore"],
  });
  const input = child.stdin;
  let open = true;
  // A watchdog that could not start, or was killed, leaves the host as it was without one.
  child.once("error", () => (open = false));
  child.once("exit", () => (open = false));
  input.on("error", () => (open = false));
  child.unref();
  (input as unknown as { unref?: () => void }).unref?.();
  const send = (line: string): void => {
    if (open) input.write(`${line}\n`);
  };
  return {
    started: (pgid) => send(`+${String(pgid)}`),
    ended: (pgid) => send(`-${String(pgid)}`),
    close: () => {
      send("done");
      open = false;
      input.end();
    },
  };
}
