import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { runProgram } from "@dext/desktop-facts/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCacheServer, type CacheServer } from "./cache-server.ts";
import { cleanClone, pnpmStoreDir } from "./clean-clone.ts";
import { runTurbo, type TaskCache } from "./turbo-run.ts";

const repoRoot = resolve(import.meta.dirname, "../../..");
const team = "dext";
const token = randomBytes(16).toString("hex");
const signatureKey = randomBytes(32).toString("hex");
// Cheap but real: metadata's build depends on desktop-facts' (`^build`), both tsc into dist/.
const packages = ["@dext/desktop-facts", "@dext/metadata"];
const builtDirs = ["packages/desktop-facts/dist", "packages/metadata/dist"];
// Each clone's local cache in a folder of its own, so a hit can only have come from the server.
const graph = ["build", ...packages.map((name) => `--filter=${name}`), "--cache-dir=.turbo/own-cache"];

let work: string | undefined;
let server: CacheServer | undefined;
let first: string;
let second: string;

function running(): CacheServer {
  if (server === undefined) throw new Error("the cache server did not start");
  return server;
}

function clientEnv(key: string): NodeJS.ProcessEnv {
  return { TURBO_API: running().url, TURBO_TOKEN: token, TURBO_TEAM: team, TURBO_REMOTE_CACHE_SIGNATURE_KEY: key };
}

function byTask(tasks: TaskCache[]): Record<string, Omit<TaskCache, "taskId" | "hash">> {
  return Object.fromEntries(tasks.map(({ taskId, hash: _hash, ...cache }) => [taskId, cache]));
}

async function filesOf(clone: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const dir of builtDirs) {
    const entries = await readdir(join(clone, dir), { recursive: true, withFileTypes: true });
    for (const entry of entries.filter((found) => found.isFile())) {
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(clone.length + 1), await readFile(path));
    }
  }
  return files;
}

beforeAll(async () => {
  work = await mkdtemp("/tmp/dext-rc-");
  server = await startCacheServer({ storagePath: join(work, "server"), token });
  const commit = (await runProgram("git", ["rev-parse", "HEAD"], { cwd: repoRoot })).stdout.trim();
  const storeDir = await pnpmStoreDir(repoRoot);
  first = join(work, "a");
  second = join(work, "b");
  await Promise.all(
    [first, second].map((dir) => cleanClone({ repository: repoRoot, commit, dir, storeDir, packages })),
  );
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

describe("Turbo's remote cache, shared by two clean clones through turborepo-remote-cache", () => {
  let firstRun: TaskCache[];

  it("the first clone's tasks miss, run, and upload signed artifacts to the server", async () => {
    firstRun = await runTurbo(first, graph, clientEnv(signatureKey));
    expect(byTask(firstRun)).toEqual({
      "@dext/desktop-facts#build": { status: "MISS" },
      "@dext/metadata#build": { status: "MISS" },
    });
    for (const { hash } of firstRun) {
      expect(existsSync(running().artifactFile(team, hash)), `artifact ${hash}`).toBe(true);
      expect(existsSync(`${running().artifactFile(team, hash)}.tag`), `signature tag of ${hash}`).toBe(true);
    }
  }, 120_000);

  it("the second clone's same tasks are remote hits, their dist files restored with the first's bytes", async () => {
    expect(builtDirs.filter((dir) => existsSync(join(second, dir)))).toEqual([]);
    const secondRun = await runTurbo(second, graph, clientEnv(signatureKey));
    expect(byTask(secondRun)).toEqual({
      "@dext/desktop-facts#build": { status: "HIT", source: "REMOTE" },
      "@dext/metadata#build": { status: "HIT", source: "REMOTE" },
    });
    expect(secondRun.map(({ hash }) => hash)).toEqual(firstRun.map(({ hash }) => hash));
    const built = await filesOf(first);
    expect(built.size).toBeGreaterThan(0);
    expect(await filesOf(second)).toEqual(built);
  }, 120_000);

  it("a client with another signature key refuses the same artifact: the artifacts are signed and checked", async () => {
    // Remote cache read only, local cache unused: the server's artifact is the only one it could use.
    const otherKey = randomBytes(32).toString("hex");
    const run = await runTurbo(
      second,
      ["build", "--filter=@dext/desktop-facts", "--cache=remote:r"],
      clientEnv(otherKey),
    );
    const facts = firstRun.find(({ taskId }) => taskId === "@dext/desktop-facts#build");
    expect(run).toEqual([{ taskId: "@dext/desktop-facts#build", hash: facts?.hash, status: "MISS" }]);
  }, 120_000);
});
