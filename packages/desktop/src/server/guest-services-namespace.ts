import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { guestServicesDir as guestServices } from "@dext/desktop-facts";
import type { ChildProcess } from "node:child_process";
import type { ProcessSpec } from "./vm-runtime.ts";

/**
 * Run in a private mount namespace, where /run/guest-services is the extension's own socket folder.
 * /run is replaced by a tmpfs that keeps every entry of the machine's /run (each bound back, sockets
 * such as docker.sock included), because making /run/guest-services on the machine itself would
 * need root and would be shared by every host and extension. `$1` is the socket folder, `$2` an
 * empty folder for the old /run while it is taken apart; then the command that holds the namespace.
 */
const setupScript = `set -e
gs=$1; old=$2; shift 2
command_path=$PATH
PATH=/usr/sbin:/usr/bin:/sbin:/bin
if [ ! -d ${guestServices} ]; then
  mount -n --rbind /run "$old"
  mount -n -t tmpfs -o mode=755 dext-run /run
  for entry in "$old"/* "$old"/.[!.]* "$old"/..?*; do
    [ -e "$entry" ] || [ -L "$entry" ] || continue
    name=\${entry##*/}
    if [ -L "$entry" ]; then ln -s "$(readlink "$entry")" "/run/$name"
    elif [ -d "$entry" ]; then mkdir -p "/run/$name"; mount -n --rbind "$entry" "/run/$name"
    else [ -e "/run/$name" ] || : > "/run/$name"; mount -n --bind "$entry" "/run/$name"; fi
  done
  umount -n -l "$old"
  mkdir -p ${guestServices}
fi
mount -n --bind "$gs" ${guestServices}
echo ready
PATH=$command_path
exec "$@"`;

/** How this machine gives a command its own /run/guest-services, or why it cannot. */
export type GuestServicesSupport =
  { supported: true; unshare: string[]; nsenter: string[] } | { supported: false; reason: string };

let probed: GuestServicesSupport | undefined;

const programOf = (name: string): string | undefined =>
  [`/usr/bin/${name}`, `/bin/${name}`].find((path) => existsSync(path));

/**
 * Whether `unshare` can make a mount namespace here: as root directly, otherwise inside a user
 * namespace that maps this user to root (as in a container, where backends usually run as root;
 * files it creates belong to this user outside). Asked once per process: the answer does not change.
 */
export function guestServicesSupport(): GuestServicesSupport {
  if (probed !== undefined) return probed;
  const unshare = programOf("unshare");
  const nsenter = programOf("nsenter");
  if (unshare === undefined || nsenter === undefined)
    return (probed = { supported: false, reason: "util-linux's unshare and nsenter are not installed" });
  const asRoot = process.getuid?.() === 0;
  const flags = [...(asRoot ? [] : ["--user", "--map-root-user"]), "--mount", "--propagation", "private"];
  const result = spawnSync(unshare, [...flags, "--", "/bin/sh", "-c", "mount -n -t tmpfs probe /mnt"], {
    encoding: "utf8",
    timeout: 5_000,
  });
  probed =
    result.status === 0
      ? { supported: true, unshare: [unshare, ...flags], nsenter: [nsenter, ...(asRoot ? [] : ["--user"]), "--mount"] }
      : {
          supported: false,
          reason: (result.error?.message ?? result.stderr.trim()) || `unshare exited with ${String(result.status)}`,
        };
  return probed;
}

/** Runs commands in one extension's namespace; `wrap` leaves a spec as it is where there is none. */
export interface GuestNamespace {
  /** Why commands see the machine's own /run, or undefined when they see /run/guest-services. */
  readonly unavailable: string | undefined;
  wrap(spec: ProcessSpec): ProcessSpec;
  stop(): Promise<void>;
}

/**
 * One private mount namespace per extension, where /run/guest-services is `guestDir` as in the
 * extension's container, so a backend that opens `/run/guest-services/<name>.sock` itself (not
 * through its CMD, whose paths folder mode maps anyway) listens where the host looks. A holder
 * process keeps the namespace; each command joins it with nsenter (a few ms, where building the
 * namespace per command took about 40 ms).
 */
export async function startGuestNamespace(guestDir: string, scratchDir: string): Promise<GuestNamespace> {
  const support = guestServicesSupport();
  const none = (reason: string): GuestNamespace => ({
    unavailable: reason,
    wrap: (spec) => spec,
    stop: async () => {},
  });
  if (!support.supported) return none(support.reason);
  await mkdir(scratchDir, { recursive: true });
  const [unshare = "unshare", ...flags] = support.unshare;
  // The holder is `cat` reading a pipe from the host: it ends when the host closes the pipe, or
  // dies, even by SIGKILL, so no namespace outlives the host. Not one of the host's process
  // groups: it runs nothing of the extension's.
  const holder = spawn(
    unshare,
    [...flags, "--", "/bin/sh", "-c", setupScript, "dext-guest-services", guestDir, scratchDir, "cat"],
    { cwd: scratchDir, env: { PATH: "/usr/sbin:/usr/bin:/sbin:/bin" }, stdio: "pipe" },
  );
  const exited = new Promise<void>((resolve) => holder.once("exit", () => resolve()));
  const stop = async (): Promise<void> => {
    if (holder.exitCode === null && holder.signalCode === null) holder.stdin.end();
    await exited;
  };
  const ready = await holderReady(holder);
  if (ready !== undefined || holder.pid === undefined) {
    holder.kill("SIGKILL");
    return none(ready ?? "the namespace holder did not start");
  }
  const [nsenter = "nsenter", ...enter] = support.nsenter;
  const pid = String(holder.pid);
  return {
    unavailable: undefined,
    wrap: (spec) => ({
      ...spec,
      file: nsenter,
      // nsenter starts in the namespace's root folder; --wd puts the command back where it asked.
      args: [...enter, "--target", pid, `--wd=${spec.cwd ?? process.cwd()}`, "--", spec.file, ...spec.args],
    }),
    stop,
  };
}

/** Undefined once the holder printed "ready"; otherwise why it did not. */
function holderReady(holder: ChildProcess): Promise<string | undefined> {
  return new Promise((resolve) => {
    let output = "";
    const done = (reason: string | undefined): void => {
      clearTimeout(timer);
      holder.stdout?.removeAllListeners("data");
      resolve(reason);
    };
    const timer = setTimeout(() => done(`no namespace within 5 s: ${output.trim()}`), 5_000);
    holder.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) done(undefined);
    });
    holder.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    holder.once("error", (error) => done(error.message));
    holder.once("exit", (code) => done(`the namespace holder exited with ${String(code)}: ${output.trim()}`));
  });
}
