import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import type { HostWatchdog } from "./host-watchdog.ts";
import type { ProcessSpec } from "./vm-runtime.ts";

/** How long a process group gets between SIGTERM and SIGKILL: short, so the host stops within 5 s. */
const killGraceMs = 1_500;

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    // A negative pid signals the whole group: a script's own children (sleep, a pipeline) end too.
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Every process the host starts, each as the leader of its own process group, so ending one ends
 * everything it started, and stopping the host ends them all. The group is signalled even after
 * its leader exited, since a child may have outlived it (`sleep 30 &`).
 */
export class ProcessGroups {
  private readonly live = new Set<ChildProcess>();

  private readonly watchdog: HostWatchdog | undefined;

  /** The watchdog, when given, hears of every group, to end those left if the host dies. */
  constructor(watchdog?: HostWatchdog) {
    this.watchdog = watchdog;
  }

  spawn(spec: ProcessSpec, stdio: "pipe" | "ignore-stdin" = "ignore-stdin"): ChildProcess {
    const child = spawn(spec.file, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      shell: false,
      detached: true,
      stdio: stdio === "pipe" ? "pipe" : ["ignore", "pipe", "pipe"],
    });
    const pid = child.pid;
    if (pid !== undefined) {
      this.live.add(child);
      this.watchdog?.started(pid);
      child.once("exit", () => {
        // Whatever the leader left running in its group goes with it.
        signalGroup(child, "SIGKILL");
        this.live.delete(child);
        this.watchdog?.ended(pid);
      });
    }
    return child;
  }

  /** SIGTERM to the group, SIGKILL after the grace; resolves once the leader has exited. */
  async end(child: ChildProcess, graceMs = killGraceMs): Promise<void> {
    if (hasExited(child)) {
      signalGroup(child, "SIGKILL");
      return;
    }
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    signalGroup(child, "SIGTERM");
    const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  }

  async endAll(graceMs = killGraceMs): Promise<void> {
    await Promise.all([...this.live].map((child) => this.end(child, graceMs)));
  }

  get size(): number {
    return this.live.size;
  }
}
