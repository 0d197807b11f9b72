import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { runProgram } from "@dext/desktop-facts/node";

/** One task of a run, from turbo's run summary (`--summarize`). */
export interface TaskCache {
  taskId: string;
  hash: string;
  status: "HIT" | "MISS";
  /** Where a hit came from; absent on a miss. */
  source?: "LOCAL" | "REMOTE";
}

/** turbo did not leave exactly one new run summary to read. */
class TurboSummaryError extends Error {
  override readonly name = "TurboSummaryError";
  readonly code = "turbo_summary_missing";
}

interface RunSummary {
  tasks: { taskId: string; hash: string; cache: { status: "HIT" | "MISS"; source?: "LOCAL" | "REMOTE" } }[];
}

async function summaryFiles(runsDir: string): Promise<Set<string>> {
  return new Set(await readdir(runsDir).catch(() => []));
}

/**
 * Every TURBO_* variable of this process, unset: the clone's turbo gets only the settings given it,
 * none from a turbo or CI job this test runs under (a read-only remote cache, a cache folder, a team).
 */
function unsetTurboSettings(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.keys(process.env)
      .filter((name) => name.startsWith("TURBO_"))
      .map((name) => [name, undefined]),
  );
}

/**
 * Runs the clone's own turbo (`turbo run <args> --summarize`) with `env` added to this process's
 * environment (its TURBO_* settings left out), and reads each task's cache status from the run summary it wrote.
 */
export async function runTurbo(dir: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<TaskCache[]> {
  const runsDir = join(dir, ".turbo", "runs");
  const before = await summaryFiles(runsDir);
  await runProgram(join(dir, "node_modules", ".bin", "turbo"), ["run", ...args, "--summarize", "--no-color"], {
    cwd: dir,
    env: { ...unsetTurboSettings(), TURBO_TELEMETRY_DISABLED: "1", ...env },
    timeoutMs: 120_000,
  });
  const written = [...(await summaryFiles(runsDir))].filter((name) => !before.has(name));
  if (written.length !== 1)
    throw new TurboSummaryError(`turbo wrote ${String(written.length)} run summaries in ${runsDir}`);
  const summary = JSON.parse(await readFile(join(runsDir, String(written[0])), "utf8")) as RunSummary;
  return summary.tasks.map(({ taskId, hash, cache }) => ({
    taskId,
    hash,
    status: cache.status,
    ...(cache.source === undefined ? {} : { source: cache.source }),
  }));
}
