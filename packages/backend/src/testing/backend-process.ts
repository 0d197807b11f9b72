import { fileURLToPath } from "node:url";
import { spawnBackendProcess, waitForOutput } from "./start-backend.ts";
import type { BackendProcess } from "./start-backend.ts";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const entry = fileURLToPath(new URL("greeting-backend.ts", import.meta.url));

export type { BackendProcess } from "./start-backend.ts";

/**
 * The greeting backend as its own process, with any arguments and no wait: for the tests of
 * starts that must fail. `startBackend` of the public entry is the one that waits.
 */
export function startBackendProcess(args: string[], env: Record<string, string> = {}): BackendProcess {
  return spawnBackendProcess({ entry, args, env, cwd: packageDir });
}

/** Resolves once the backend logged that it listens; rejects if it exits first or takes over 15 s. */
export function waitForListening(backend: BackendProcess): Promise<void> {
  return waitForOutput(backend, '"msg":"listening"', 15_000);
}
